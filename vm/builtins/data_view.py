"""DataView (§25.3): typed reads and writes at any byte offset, either byte order."""

from __future__ import annotations

from ..convert import describe, to_boolean, to_index, to_number, type_error
from ..convert import range_error as _range_error
from ..objects import CONFIGURABLE, JSObject
from ..operations import get_prototype_from_constructor
from ..symbols import TO_STRING_TAG
from ..values import UNDEFINED
from .array_buffer import is_array_buffer
from .bigint import to_bigint
from .support import accessor, arg, make_constructor, method
from .typed_array import TYPES


class JSDataView(JSObject):
    """A DataView: [[ViewedArrayBuffer]], [[ByteOffset]], [[ByteLength]] (None: auto)."""

    __slots__ = ("viewed_buffer", "byte_offset", "view_length")

    def __init__(self, proto) -> None:
        super().__init__(proto, "DataView")
        self.viewed_buffer: JSObject | None = None
        self.byte_offset = 0
        self.view_length: int | None = 0

    def view_size(self) -> int | None:
        """GetViewByteLength, or None when the view is out of bounds (or detached)."""
        data = self.viewed_buffer.internal.data
        if data is None or self.byte_offset > len(data):
            return None
        if self.view_length is None:
            return len(data) - self.byte_offset
        if self.byte_offset + self.view_length > len(data):
            return None
        return self.view_length


def this_view(this, name: str) -> JSDataView:
    if isinstance(this, JSDataView):
        return this
    raise type_error(f"Method DataView.prototype.{name} called on incompatible receiver "
                     f"{describe(this)}")


def setup(realm) -> None:
    proto = JSObject(realm.object_prototype)

    def view_call(this, args):
        raise type_error("Constructor DataView requires 'new'")

    def view_construct(args, new_target):
        if new_target is None or new_target is UNDEFINED:
            raise type_error("Constructor DataView requires 'new'")
        buffer = arg(args, 0)
        if not is_array_buffer(buffer):
            raise type_error("First argument to DataView constructor must be an ArrayBuffer")
        offset = to_index(arg(args, 1))
        data = buffer.internal
        if data.detached:
            raise type_error("Cannot perform DataView constructor on a detached ArrayBuffer")
        if offset > len(data.data):
            raise _range_error(f"Start offset {offset} is outside the bounds of the buffer")
        length_arg = arg(args, 2)
        view_length = None
        if length_arg is UNDEFINED:
            if data.max_length is None:
                view_length = len(data.data) - offset
        else:
            view_length = to_index(length_arg)
            if offset + view_length > len(data.data):
                raise _range_error(f"Invalid DataView length {view_length}")
        obj = JSDataView(get_prototype_from_constructor(realm, new_target,
                                                        "%DataView.prototype%"))
        if data.detached:
            raise type_error("Cannot perform DataView constructor on a detached ArrayBuffer")
        if offset > len(data.data) or (length_arg is not UNDEFINED
                                       and offset + view_length > len(data.data)):
            raise _range_error("Invalid DataView length")
        obj.viewed_buffer, obj.byte_offset, obj.view_length = buffer, offset, view_length
        return obj

    make_constructor(realm, "DataView", view_call, 1, view_construct, proto)

    def buffer(this, args):
        return this_view(this, "buffer").viewed_buffer

    def byte_length(this, args):
        size = this_view(this, "byteLength").view_size()
        if size is None:
            raise type_error("Cannot perform DataView.prototype.byteLength on a detached "
                             "or out-of-bounds ArrayBuffer")
        return float(size)

    def byte_offset(this, args):
        view = this_view(this, "byteOffset")
        if view.view_size() is None:
            raise type_error("Cannot perform DataView.prototype.byteOffset on a detached "
                             "or out-of-bounds ArrayBuffer")
        return float(view.byte_offset)

    accessor(realm, proto, "buffer", buffer)
    accessor(realm, proto, "byteLength", byte_length)
    accessor(realm, proto, "byteOffset", byte_offset)
    proto.define(TO_STRING_TAG, "DataView", CONFIGURABLE)

    def accessors(type_name: str):
        kind = TYPES[f"{type_name}Array"]
        size = kind.size

        def locate(view: JSDataView, name: str, index) -> int:
            size_now = view.view_size()
            if size_now is None:
                raise type_error(f"Cannot perform DataView.prototype.{name} on a detached or "
                                 "out-of-bounds ArrayBuffer")
            if index + size > size_now:
                raise _range_error("Offset is outside the bounds of the DataView")
            return view.byte_offset + index

        def get_value(this, args):
            """GetViewValue."""
            view = this_view(this, f"get{type_name}")
            index = to_index(arg(args, 0))
            little = to_boolean(arg(args, 1))
            start = locate(view, f"get{type_name}", index)
            raw = bytes(view.viewed_buffer.internal.data[start:start + size])
            return kind.decode(raw if little else raw[::-1])

        def set_value(this, args):
            """SetViewValue: the value is converted before the bounds are checked."""
            view = this_view(this, f"set{type_name}")
            index = to_index(arg(args, 0))
            value = to_bigint(arg(args, 1)) if kind.bigint else to_number(arg(args, 1))
            little = to_boolean(arg(args, 2))
            start = locate(view, f"set{type_name}", index)
            raw = kind.encode(value)
            view.viewed_buffer.internal.data[start:start + size] = raw if little else raw[::-1]
            return UNDEFINED

        method(realm, proto, f"get{type_name}", get_value, 1)
        method(realm, proto, f"set{type_name}", set_value, 2)

    for type_name in ("Int8", "Uint8", "Int16", "Uint16", "Int32", "Uint32", "Float16",
                      "Float32", "Float64", "BigInt64", "BigUint64"):
        accessors(type_name)
