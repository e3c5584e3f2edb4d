"""ArrayBuffer (§25.1), fixed-length and resizable, with transfer and detaching.

An ArrayBuffer's [[ArrayBufferData]] is a ``BufferData``: a Python ``bytearray`` (None
once detached) and the maximum byte length of a resizable buffer. Typed arrays and
DataViews read and write the bytearray in place with ``struct``.
"""

from __future__ import annotations

from ..convert import describe, to_index, type_error
from ..convert import range_error as _range_error
from ..objects import CONFIGURABLE, JSObject
from ..operations import construct, get_prototype_from_constructor, species_constructor
from ..symbols import SPECIES, TO_STRING_TAG
from ..values import UNDEFINED
from .support import accessor, arg, make_constructor, method

MAX_BYTE_LENGTH = 1 << 31  # larger allocations fail with a RangeError, as engines' do


class BufferData:
    """[[ArrayBufferData]] and [[ArrayBufferMaxByteLength]] (None: fixed length)."""

    __slots__ = ("data", "max_length")

    def __init__(self, length: int, max_length: int | None = None) -> None:
        if length > MAX_BYTE_LENGTH or (max_length or 0) > MAX_BYTE_LENGTH:
            raise _range_error("Array buffer allocation failed")
        self.data: bytearray | None = bytearray(length)
        self.max_length = max_length

    @property
    def detached(self) -> bool:
        return self.data is None

    def byte_length(self) -> int:
        return 0 if self.data is None else len(self.data)


def is_array_buffer(value) -> bool:
    return isinstance(value, JSObject) and type(value.internal) is BufferData \
        and value.class_name == "ArrayBuffer"


def buffer_data(this, method_name: str) -> BufferData:
    """RequireInternalSlot(this, [[ArrayBufferData]])."""
    if is_array_buffer(this):
        return this.internal
    raise type_error(f"Method {method_name} called on incompatible receiver {describe(this)}")


def detach_array_buffer(obj: JSObject) -> None:
    """DetachArrayBuffer (what test262's $262.detachArrayBuffer asks the host to do)."""
    if not is_array_buffer(obj):
        raise type_error("detachArrayBuffer: not an ArrayBuffer")
    obj.internal.data = None


def allocate_array_buffer(realm, constructor, byte_length: int,
                          max_length: int | None = None) -> JSObject:
    """AllocateArrayBuffer: the prototype comes from ``constructor`` before allocating."""
    if max_length is not None and byte_length > max_length:
        raise _range_error("Invalid array buffer length")
    obj = JSObject(get_prototype_from_constructor(realm, constructor,
                                                  "%ArrayBuffer.prototype%"), "ArrayBuffer")
    obj.internal = BufferData(byte_length, max_length)
    return obj


def setup(realm) -> None:
    intr = realm.intrinsics
    proto = JSObject(realm.object_prototype)

    def buffer_call(this, args):
        raise type_error("Constructor ArrayBuffer requires 'new'")

    def buffer_construct(args, new_target):
        if new_target is None or new_target is UNDEFINED:
            raise type_error("Constructor ArrayBuffer requires 'new'")
        byte_length = to_index(arg(args, 0))
        options = arg(args, 1)
        max_length = None
        if isinstance(options, JSObject):
            requested = options.get("maxByteLength")
            if requested is not UNDEFINED:
                max_length = to_index(requested)
        return allocate_array_buffer(realm, new_target, byte_length, max_length)

    ctor = make_constructor(realm, "ArrayBuffer", buffer_call, 1, buffer_construct, proto)
    accessor(realm, ctor, SPECIES, lambda this, args: this)

    def is_view(this, args):
        value = arg(args, 0)
        return isinstance(value, JSObject) and hasattr(value, "viewed_buffer")

    method(realm, ctor, "isView", is_view, 1)

    def byte_length(this, args):
        return float(buffer_data(this, "get ArrayBuffer.prototype.byteLength").byte_length())

    def max_byte_length(this, args):
        data = buffer_data(this, "get ArrayBuffer.prototype.maxByteLength")
        if data.detached:
            return 0.0
        return float(data.max_length if data.max_length is not None else len(data.data))

    def resizable(this, args):
        return buffer_data(this, "get ArrayBuffer.prototype.resizable").max_length is not None

    def detached(this, args):
        return buffer_data(this, "get ArrayBuffer.prototype.detached").detached

    accessor(realm, proto, "byteLength", byte_length)
    accessor(realm, proto, "detached", detached)
    accessor(realm, proto, "maxByteLength", max_byte_length)
    accessor(realm, proto, "resizable", resizable)

    def resize(this, args):
        data = buffer_data(this, "ArrayBuffer.prototype.resize")
        if data.max_length is None:
            raise type_error("Method ArrayBuffer.prototype.resize called on incompatible "
                             f"receiver {describe(this)}")
        new_length = to_index(arg(args, 0))
        if data.detached:
            raise type_error("Cannot perform ArrayBuffer.prototype.resize on a detached "
                             "ArrayBuffer")
        if new_length > data.max_length:
            raise _range_error("ArrayBuffer.prototype.resize: Invalid length parameter")
        old = len(data.data)
        if new_length < old:
            del data.data[new_length:]
        else:
            data.data.extend(bytes(new_length - old))
        return UNDEFINED

    def slice_(this, args):
        data = buffer_data(this, "ArrayBuffer.prototype.slice")
        if data.detached:
            raise type_error("Cannot perform ArrayBuffer.prototype.slice on a detached "
                             "ArrayBuffer")
        length = len(data.data)
        first = relative(arg(args, 0), length, 0)
        final = relative(arg(args, 1), length, length)
        new_length = max(final - first, 0)
        ctor_ = species_constructor(realm, this, ctor)
        new = construct(ctor_, [float(new_length)])
        if not is_array_buffer(new):
            raise type_error("ArrayBuffer subclass returned this from species constructor")
        if new.internal.detached:
            raise type_error("Cannot perform ArrayBuffer.prototype.slice on a detached "
                             "ArrayBuffer")
        if new is this:
            raise type_error("ArrayBuffer subclass returned this from species constructor")
        if new.internal.byte_length() < new_length:
            raise type_error("Species constructor returned a too small ArrayBuffer")
        if data.detached:
            raise type_error("Cannot perform ArrayBuffer.prototype.slice on a detached "
                             "ArrayBuffer")
        current = len(data.data)
        if first < current:
            count = min(new_length, current - first)
            new.internal.data[:count] = data.data[first:first + count]
        return new

    def copy_and_detach(this, args, name: str, preserve: bool):
        """ArrayBufferCopyAndDetach (transfer and transferToFixedLength)."""
        data = buffer_data(this, f"ArrayBuffer.prototype.{name}")
        new_length = data.byte_length() if arg(args, 0) is UNDEFINED else to_index(args[0])
        if data.detached:
            raise type_error(f"Cannot perform ArrayBuffer.prototype.{name} on a detached "
                             "ArrayBuffer")
        max_length = data.max_length if preserve else None
        new = allocate_array_buffer(realm, ctor, new_length, max_length)
        count = min(new_length, len(data.data))
        new.internal.data[:count] = data.data[:count]
        data.data = None
        return new

    method(realm, proto, "resize", resize, 1)
    method(realm, proto, "slice", slice_, 2)
    method(realm, proto, "transfer", lambda this, args: copy_and_detach(
        this, args, "transfer", True), 0)
    method(realm, proto, "transferToFixedLength", lambda this, args: copy_and_detach(
        this, args, "transferToFixedLength", False), 0)
    proto.define(TO_STRING_TAG, "ArrayBuffer", CONFIGURABLE)
    intr["%ArrayBuffer%"] = ctor


def relative(value, length: int, default: int) -> int:
    """A relative index argument clamped to 0 .. length (undefined -> default)."""
    from ..convert import to_integer_or_infinity

    if value is UNDEFINED:
        return default
    r = to_integer_or_infinity(value)
    if r < 0:
        return int(max(length + r, 0))
    return int(min(r, length))
