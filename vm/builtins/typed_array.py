"""%TypedArray% and the concrete typed arrays (§23.2): integer-indexed exotic objects.

A ``JSTypedArray`` views ``byte_offset``.. of an ArrayBuffer's bytearray as elements of
one ``ElementType`` (read and written with ``struct``, little-endian). Its numeric keys
(CanonicalNumericIndexString) never reach the ordinary property dict: they are
elements when in bounds and absent otherwise, whatever the prototype chain says. The
interpreter's fast paths test for plain objects and arrays by exact type, so typed
arrays take the general ``get``/``set`` path and these overrides see every access.
A length-tracking view (on a resizable buffer, no explicit length) has
``array_length`` None and follows the buffer's size.
"""

from __future__ import annotations

import math
import struct
from functools import cmp_to_key

from ..convert import (
    describe,
    is_callable,
    is_constructor,
    number_to_string,
    same_value_zero,
    string_to_number,
    to_boolean,
    to_index,
    to_integer_or_infinity,
    to_number,
    to_object,
    to_string,
    type_error,
)
from ..convert import range_error as _range_error
from ..objects import ACCESSOR, CONFIGURABLE, DEFAULT, ENUMERABLE, ROM, WRITABLE, JSObject, Slot
from ..operations import (
    call,
    construct,
    get_method,
    get_prototype_from_constructor,
    length_of_array_like,
    species_constructor,
)
from ..symbols import ITERATOR, SPECIES, TO_STRING_TAG
from ..values import UNDEFINED
from .array_buffer import BufferData, allocate_array_buffer, is_array_buffer, relative
from .bigint import to_bigint
from .iterator import DONE, IteratorRecord, iterable_to_list, plain_array_iteration
from .support import accessor, arg, method

_VALUE = 16  # the "value given" bit of a descriptor's ``present`` (vm.objects)


class ElementType:
    """One element type: its name, size, struct format and conversion."""

    __slots__ = ("name", "size", "fmt", "bigint", "convert")

    def __init__(self, name: str, size: int, fmt: str, convert) -> None:
        self.name, self.size, self.fmt, self.convert = name, size, fmt, convert
        self.bigint = name.startswith("Big")

    def encode(self, value) -> bytes:
        """NumericToRawBytes of an already converted value."""
        try:
            return struct.pack(self.fmt, self.convert(value))
        except OverflowError:  # a float beyond float32/float16 range rounds to infinity
            return struct.pack(self.fmt, math.copysign(math.inf, value))

    def decode(self, raw) -> object:
        v = struct.unpack(self.fmt, raw)[0]
        return v if self.bigint else float(v)


def _modular(bits: int, signed: bool):
    def convert(x: float) -> int:
        if x != x or x in (math.inf, -math.inf):
            return 0
        n = int(x) % (1 << bits)
        return n - (1 << bits) if signed and n >= 1 << (bits - 1) else n
    return convert


def _bigint_modular(signed: bool):
    def convert(n: int) -> int:
        n %= 1 << 64
        return n - (1 << 64) if signed and n >= 1 << 63 else n
    return convert


def _clamp(x: float) -> int:
    """ToUint8Clamp: round half to even into 0..255."""
    if x != x or x <= 0:
        return 0
    if x >= 255:
        return 255
    f = math.floor(x)
    if f + 0.5 < x:
        return f + 1
    if x < f + 0.5:
        return f
    return f if f % 2 == 0 else f + 1


TYPES = {t.name: t for t in (
    ElementType("Int8Array", 1, "<b", _modular(8, True)),
    ElementType("Uint8Array", 1, "<B", _modular(8, False)),
    ElementType("Uint8ClampedArray", 1, "<B", _clamp),
    ElementType("Int16Array", 2, "<h", _modular(16, True)),
    ElementType("Uint16Array", 2, "<H", _modular(16, False)),
    ElementType("Int32Array", 4, "<i", _modular(32, True)),
    ElementType("Uint32Array", 4, "<I", _modular(32, False)),
    ElementType("Float16Array", 2, "<e", float),
    ElementType("Float32Array", 4, "<f", float),
    ElementType("Float64Array", 8, "<d", float),
    ElementType("BigInt64Array", 8, "<q", _bigint_modular(True)),
    ElementType("BigUint64Array", 8, "<Q", _bigint_modular(False)),
)}


def canonical_numeric_index(key):
    """CanonicalNumericIndexString: the number a string key names, else None."""
    if type(key) is not str or not key:
        return None
    c = key[0]
    if not (c.isdigit() or c in "-IN"):
        return None
    if key == "-0":
        return -0.0
    n = string_to_number(key)
    return n if number_to_string(n) == key else None


class JSTypedArray(JSObject):
    """An integer-indexed exotic object over a slice of an ArrayBuffer."""

    __slots__ = ("kind", "viewed_buffer", "byte_offset", "array_length")

    def __init__(self, proto, kind: ElementType) -> None:
        super().__init__(proto, kind.name)
        self.kind = kind
        self.viewed_buffer: JSObject | None = None
        self.byte_offset = 0
        self.array_length: int | None = 0  # None: tracks the buffer's length

    # -- TypedArrayLength and element access --------------------------------------------

    def length(self) -> int | None:
        """TypedArrayLength, or None when out of bounds (detached included)."""
        data = self.viewed_buffer.internal.data
        if data is None:
            return None
        size = len(data)
        if self.array_length is None:
            if self.byte_offset > size:
                return None
            return (size - self.byte_offset) // self.kind.size
        if self.byte_offset + self.array_length * self.kind.size > size:
            return None
        return self.array_length

    def valid_index(self, index: float) -> bool:
        """IsValidIntegerIndex."""
        if index != index or index in (math.inf, -math.inf) or index != int(index) \
                or (index == 0 and math.copysign(1, index) < 0):
            return False
        n = self.length()
        return n is not None and 0 <= index < n

    def get_element(self, index: float):
        """TypedArrayGetElement: undefined when not a valid index."""
        if not self.valid_index(index):
            return UNDEFINED
        size = self.kind.size
        start = self.byte_offset + int(index) * size
        return self.kind.decode(self.viewed_buffer.internal.data[start:start + size])

    def set_element(self, index: float, value) -> None:
        """TypedArraySetElement: convert first, then store if the index is still valid."""
        value = to_bigint(value) if self.kind.bigint else to_number(value)
        if self.valid_index(index) and self.segment is not ROM:
            start = self.byte_offset + int(index) * self.kind.size
            self.viewed_buffer.internal.data[start:start + self.kind.size] = \
                self.kind.encode(value)

    # -- the internal methods -----------------------------------------------------------

    def get_own_property(self, key):
        index = canonical_numeric_index(key)
        if index is None:
            return JSObject.get_own_property(self, key)
        value = self.get_element(index)
        return None if value is UNDEFINED else Slot(value, DEFAULT)

    def has_property(self, key) -> bool:
        index = canonical_numeric_index(key)
        if index is None:
            return JSObject.has_property(self, key)
        return self.valid_index(index)

    def define_own_property(self, key, desc: Slot, present: int = 0) -> bool:
        index = canonical_numeric_index(key)
        if index is None:
            return JSObject.define_own_property(self, key, desc, present)
        if not self.valid_index(index):
            return False
        full = present or (DEFAULT | ACCESSOR | _VALUE)
        if full & CONFIGURABLE and not desc.flags & CONFIGURABLE:
            return False
        if full & ENUMERABLE and not desc.flags & ENUMERABLE:
            return False
        if desc.flags & ACCESSOR and (present == 0 or present & (32 | 64)):
            return False
        if full & WRITABLE and not desc.flags & WRITABLE and not desc.flags & ACCESSOR:
            return False
        if full & _VALUE and not desc.flags & ACCESSOR:
            self.set_element(index, desc.value)
        return True

    def get(self, key, receiver=None):
        index = canonical_numeric_index(key)
        if index is None:
            return JSObject.get(self, key, receiver)
        return self.get_element(index)

    def set(self, key, value, receiver=None) -> bool:
        index = canonical_numeric_index(key)
        if index is None:
            return JSObject.set(self, key, value, receiver)
        if receiver is None or receiver is self:
            self.set_element(index, value)
            return True
        if not self.valid_index(index):
            return True
        return JSObject.set(self, key, value, receiver)

    def delete(self, key) -> bool:
        index = canonical_numeric_index(key)
        if index is None:
            return JSObject.delete(self, key)
        return not self.valid_index(index)

    def own_keys(self) -> list:
        n = self.length() or 0
        return [str(i) for i in range(n)] + JSObject.own_keys(self)

    # -- whole-array conveniences for the built-ins --------------------------------------

    def values(self, n: int) -> list:
        return [self.get_element(float(i)) for i in range(n)]


def iteration_length(o: JSObject) -> int:
    """The length %ArrayIteratorPrototype%.next compares with: a typed array's
    TypedArrayLength (TypeError once detached), else LengthOfArrayLike."""
    if not isinstance(o, JSTypedArray):
        return length_of_array_like(o)
    n = o.length()
    if n is None:
        raise type_error("Cannot perform %ArrayIteratorPrototype%.next on a detached "
                         "ArrayBuffer")
    return n


def is_typed_array(value) -> bool:
    return isinstance(value, JSTypedArray)


def validate(this, method_name: str) -> int:
    """ValidateTypedArray: the length of a typed array that is in bounds."""
    if not isinstance(this, JSTypedArray):
        raise type_error("this is not a typed array.")
    n = this.length()
    if n is None:
        raise type_error(f"Cannot perform {method_name} on a detached ArrayBuffer")
    return n


def setup(realm) -> None:
    intr = realm.intrinsics
    proto = JSObject(realm.object_prototype)
    intr["%TypedArray.prototype%"] = proto

    def abstract_call(this, args):
        raise type_error("Abstract class TypedArray not directly constructable")

    def abstract_construct(args, new_target):
        raise type_error("Abstract class TypedArray not directly constructable")

    typed_array = realm.native("TypedArray", abstract_call, 0, abstract_construct)
    typed_array.define("prototype", proto, 0)
    proto.define("constructor", typed_array)
    intr["%TypedArray%"] = typed_array
    accessor(realm, typed_array, SPECIES, lambda this, args: this)

    # -- creating typed arrays ----------------------------------------------------------

    def allocate(kind: ElementType, new_target, length: int | None) -> JSTypedArray:
        """AllocateTypedArray (with a fresh buffer when ``length`` is given)."""
        p = get_prototype_from_constructor(realm, new_target, f"%{kind.name}.prototype%")
        obj = JSTypedArray(p, kind)
        if length is not None:
            allocate_buffer(obj, length)
        return obj

    def allocate_buffer(obj: JSTypedArray, length: int) -> None:
        if length * obj.kind.size > 1 << 31:
            raise _range_error(f"Invalid typed array length: {length}")
        obj.viewed_buffer = allocate_array_buffer(realm, intr["%ArrayBuffer%"],
                                                  length * obj.kind.size)
        obj.byte_offset = 0
        obj.array_length = length

    def from_typed_array(obj: JSTypedArray, src: JSTypedArray) -> None:
        n = src.length()
        if n is None:
            raise type_error("Cannot perform Construct on a detached ArrayBuffer")
        if src.kind.bigint != obj.kind.bigint:
            raise type_error(f"Content type mismatch: {src.kind.name} to {obj.kind.name}")
        allocate_buffer(obj, n)
        if src.kind is obj.kind:
            start = src.byte_offset
            data = src.viewed_buffer.internal.data[start:start + n * src.kind.size]
            obj.viewed_buffer.internal.data[:] = data
        else:
            for i in range(n):
                obj.set_element(float(i), src.get_element(float(i)))

    def from_array_buffer(obj: JSTypedArray, buffer: JSObject, byte_offset, length) -> None:
        size = obj.kind.size
        offset = to_index(byte_offset)
        if offset % size:
            raise _range_error(f"start offset of {obj.kind.name} should be a multiple of "
                               f"{size}")
        new_length = None if length is UNDEFINED else to_index(length)
        data: BufferData = buffer.internal
        if data.detached:
            raise type_error("Cannot perform Construct on a detached ArrayBuffer")
        buffer_length = len(data.data)
        if new_length is None and data.max_length is not None:
            if offset > buffer_length:
                raise _range_error(f"Start offset {offset} is outside the bounds of the buffer")
            obj.array_length = None
        else:
            if new_length is None:
                if buffer_length % size:
                    raise _range_error(f"byte length of {obj.kind.name} should be a multiple "
                                       f"of {size}")
                byte_length = buffer_length - offset
                if byte_length < 0:
                    raise _range_error(f"Start offset {offset} is outside the bounds of the "
                                       "buffer")
            else:
                byte_length = new_length * size
                if offset + byte_length > buffer_length:
                    raise _range_error(f"Invalid typed array length: {new_length}")
            obj.array_length = byte_length // size
        obj.viewed_buffer = buffer
        obj.byte_offset = offset

    def from_list(obj: JSTypedArray, values: list) -> None:
        allocate_buffer(obj, len(values))
        for i, v in enumerate(values):
            obj.set_element(float(i), v)

    def make_concrete(kind: ElementType):
        def concrete_call(this, args):
            raise type_error(f"Constructor {kind.name} requires 'new'")

        def concrete_construct(args, new_target):
            if new_target is None or new_target is UNDEFINED:
                raise type_error(f"Constructor {kind.name} requires 'new'")
            first = arg(args, 0)
            if not isinstance(first, JSObject):
                return allocate(kind, new_target, to_index(first))
            obj = allocate(kind, new_target, None)
            if isinstance(first, JSTypedArray):
                from_typed_array(obj, first)
            elif is_array_buffer(first):
                from_array_buffer(obj, first, arg(args, 1), arg(args, 2))
            else:
                using_iterator = get_method(realm, first, ITERATOR)
                if using_iterator is not UNDEFINED:
                    from_list(obj, _list_from(realm, first, using_iterator))
                else:
                    n = length_of_array_like(first)
                    allocate_buffer(obj, n)
                    for i in range(n):
                        obj.set_element(float(i), first.get(str(i)))
            return obj

        cproto = JSObject(proto)
        ctor = realm.native(kind.name, concrete_call, 3, concrete_construct, typed_array)
        ctor.define("prototype", cproto, 0)
        ctor.define("BYTES_PER_ELEMENT", float(kind.size), 0)
        cproto.define("constructor", ctor)
        cproto.define("BYTES_PER_ELEMENT", float(kind.size), 0)
        intr[f"%{kind.name}%"] = ctor
        intr[f"%{kind.name}.prototype%"] = cproto

    for kind in TYPES.values():
        make_concrete(kind)

    def create_from_constructor(ctor, args: list) -> JSTypedArray:
        """TypedArrayCreateFromConstructor."""
        new = construct(ctor, args)
        n = validate(new, "Construct")
        if len(args) == 1 and type(args[0]) is float and n < args[0]:
            raise type_error("Derived TypedArray constructor created an array which was too "
                             "small")
        return new

    def species_create(exemplar: JSTypedArray, args: list) -> JSTypedArray:
        """TypedArraySpeciesCreate."""
        default = intr[f"%{exemplar.kind.name}%"]
        ctor = species_constructor(realm, exemplar, default)
        result = create_from_constructor(ctor, args)
        if result.kind.bigint != exemplar.kind.bigint:
            raise type_error(f"Content type mismatch: {result.kind.name} and "
                             f"{exemplar.kind.name}")
        return result

    def create_same_type(exemplar: JSTypedArray, length: int) -> JSTypedArray:
        return create_from_constructor(intr[f"%{exemplar.kind.name}%"], [float(length)])

    # -- %TypedArray%.from and .of -------------------------------------------------------

    def from_(this, args):
        if not is_constructor(this):
            raise type_error(f"{describe(this)} is not a constructor")
        source, mapfn, this_arg = arg(args, 0), arg(args, 1), arg(args, 2)
        if mapfn is not UNDEFINED and not is_callable(mapfn):
            raise type_error(f"{describe(mapfn)} is not a function")
        using_iterator = get_method(realm, source, ITERATOR)
        if using_iterator is not UNDEFINED:
            values = _list_from(realm, source, using_iterator)
            target = create_from_constructor(this, [float(len(values))])
            for k, v in enumerate(values):
                if mapfn is not UNDEFINED:
                    v = call(mapfn, this_arg, [v, float(k)])
                target.set_element(float(k), v)
            return target
        array_like = to_object(realm, source)
        n = length_of_array_like(array_like)
        target = create_from_constructor(this, [float(n)])
        for k in range(n):
            v = array_like.get(str(k))
            if mapfn is not UNDEFINED:
                v = call(mapfn, this_arg, [v, float(k)])
            target.set_element(float(k), v)
        return target

    def of(this, args):
        if not is_constructor(this):
            raise type_error(f"{describe(this)} is not a constructor")
        target = create_from_constructor(this, [float(len(args))])
        for k, v in enumerate(args):
            target.set_element(float(k), v)
        return target

    method(realm, typed_array, "from", from_, 1)
    method(realm, typed_array, "of", of, 0)

    # -- accessors ----------------------------------------------------------------------

    def require(this, name: str) -> JSTypedArray:
        if not isinstance(this, JSTypedArray):
            raise type_error(f"Method {name} called on incompatible receiver "
                             f"{describe(this)}")
        return this

    def buffer(this, args):
        return require(this, "get TypedArray.prototype.buffer").viewed_buffer

    def byte_length(this, args):
        ta = require(this, "get TypedArray.prototype.byteLength")
        n = ta.length()
        return 0.0 if n is None else float(n * ta.kind.size)

    def byte_offset(this, args):
        ta = require(this, "get TypedArray.prototype.byteOffset")
        return 0.0 if ta.length() is None else float(ta.byte_offset)

    def length(this, args):
        n = require(this, "get TypedArray.prototype.length").length()
        return 0.0 if n is None else float(n)

    def to_string_tag(this, args):
        return this.kind.name if isinstance(this, JSTypedArray) else UNDEFINED

    accessor(realm, proto, "buffer", buffer)
    accessor(realm, proto, "byteLength", byte_length)
    accessor(realm, proto, "byteOffset", byte_offset)
    accessor(realm, proto, "length", length)
    accessor(realm, proto, TO_STRING_TAG, to_string_tag)

    # -- methods ------------------------------------------------------------------------

    def proto_method(name: str, length_: int):
        def register(fn):
            method(realm, proto, name, fn, length_)
            return fn
        return register

    def callback(value):
        if not is_callable(value):
            raise type_error(f"{describe(value)} is not a function")
        return value

    def get(ta: JSTypedArray, k: int):
        return ta.get_element(float(k))

    @proto_method("at", 1)
    def at(this, args):
        n = validate(this, "%TypedArray%.prototype.at")
        k = to_integer_or_infinity(arg(args, 0))
        k = k + n if k < 0 else k
        return UNDEFINED if k < 0 or k >= n else get(this, int(k))

    @proto_method("copyWithin", 2)
    def copy_within(this, args):
        n = validate(this, "%TypedArray%.prototype.copyWithin")
        to = relative(arg(args, 0), n, 0)
        start = relative(arg(args, 1), n, 0)
        end = relative(arg(args, 2), n, n)
        count = min(end - start, n - to)
        if count > 0:
            n2 = this.length()
            if n2 is None:
                raise type_error("Cannot perform %TypedArray%.prototype.copyWithin on a "
                                 "detached ArrayBuffer")
            size = this.kind.size
            byte_end = this.byte_offset + n2 * size
            src = this.byte_offset + start * size
            dst = this.byte_offset + to * size
            count_bytes = min(count * size, byte_end - src, byte_end - dst)
            if count_bytes > 0:
                data = this.viewed_buffer.internal.data
                data[dst:dst + count_bytes] = data[src:src + count_bytes]
        return this

    def iterator(this, kind: str):
        validate(this, f"%TypedArray%.prototype.{kind}")
        it = JSObject(intr["%ArrayIteratorPrototype%"], "Array Iterator")
        it.internal = [this, 0, kind]
        return it

    proto_method("entries", 0)(lambda this, args: iterator(this, "entries"))
    proto_method("keys", 0)(lambda this, args: iterator(this, "keys"))
    values_fn = method(realm, proto, "values", lambda this, args: iterator(this, "values"), 0)
    proto.define(ITERATOR, values_fn)

    def predicate_walk(this, args, name: str, reverse: bool = False):
        n = validate(this, f"%TypedArray%.prototype.{name}")
        fn, this_arg = callback(arg(args, 0)), arg(args, 1)
        indices = range(n - 1, -1, -1) if reverse else range(n)
        for k in indices:
            v = get(this, k)
            yield k, v, to_boolean(call(fn, this_arg, [v, float(k), this]))

    @proto_method("every", 1)
    def every(this, args):
        return all(ok for _, _, ok in predicate_walk(this, args, "every"))

    @proto_method("some", 1)
    def some(this, args):
        return any(ok for _, _, ok in predicate_walk(this, args, "some"))

    def finder(name: str, reverse: bool, want_index: bool):
        def find(this, args):
            for k, v, ok in predicate_walk(this, args, name, reverse):
                if ok:
                    return float(k) if want_index else v
            return -1.0 if want_index else UNDEFINED
        method(realm, proto, name, find, 1)

    finder("find", False, False)
    finder("findIndex", False, True)
    finder("findLast", True, False)
    finder("findLastIndex", True, True)

    @proto_method("fill", 1)
    def fill(this, args):
        n = validate(this, "%TypedArray%.prototype.fill")
        value = to_bigint(arg(args, 0)) if this.kind.bigint else to_number(arg(args, 0))
        k = relative(arg(args, 1), n, 0)
        final = relative(arg(args, 2), n, n)
        n2 = this.length()
        if n2 is None:
            raise type_error("Cannot perform %TypedArray%.prototype.fill on a detached "
                             "ArrayBuffer")
        final = min(final, n2)
        raw = this.kind.encode(value)
        data = this.viewed_buffer.internal.data
        for i in range(k, final):
            start = this.byte_offset + i * this.kind.size
            data[start:start + this.kind.size] = raw
        return this

    @proto_method("filter", 1)
    def filter_(this, args):
        kept = [v for _, v, ok in predicate_walk(this, args, "filter") if ok]
        result = species_create(this, [float(len(kept))])
        for i, v in enumerate(kept):
            result.set_element(float(i), v)
        return result

    @proto_method("forEach", 1)
    def for_each(this, args):
        n = validate(this, "%TypedArray%.prototype.forEach")
        fn, this_arg = callback(arg(args, 0)), arg(args, 1)
        for k in range(n):
            call(fn, this_arg, [get(this, k), float(k), this])
        return UNDEFINED

    def search(this, args, name: str):
        n = validate(this, f"%TypedArray%.prototype.{name}")
        return n, arg(args, 0)

    @proto_method("includes", 1)
    def includes(this, args):
        n, target = search(this, args, "includes")
        if n == 0:
            return False
        k = relative(arg(args, 1), n, 0)
        return any(same_value_zero(get(this, i), target) for i in range(k, n))

    @proto_method("indexOf", 1)
    def index_of(this, args):
        n, target = search(this, args, "indexOf")
        if n == 0:
            return -1.0
        k = relative(arg(args, 1), n, 0)
        for i in range(k, n):
            if this.valid_index(float(i)) and _strict(get(this, i), target):
                return float(i)
        return -1.0

    @proto_method("lastIndexOf", 1)
    def last_index_of(this, args):
        n, target = search(this, args, "lastIndexOf")
        if n == 0:
            return -1.0
        if len(args) > 1:
            from_ = to_integer_or_infinity(args[1])
            k = int(min(from_, n - 1)) if from_ >= 0 else n + from_
        else:
            k = n - 1
        if k == -math.inf:
            return -1.0
        k = int(k)
        while k >= 0:
            if this.valid_index(float(k)) and _strict(get(this, k), target):
                return float(k)
            k -= 1
        return -1.0

    @proto_method("join", 1)
    def join(this, args):
        n = validate(this, "%TypedArray%.prototype.join")
        sep = "," if arg(args, 0) is UNDEFINED else to_string(args[0])
        parts = []
        for k in range(n):
            v = get(this, k)
            parts.append("" if v is UNDEFINED else to_string(v))
        return sep.join(parts)

    @proto_method("map", 1)
    def map_(this, args):
        n = validate(this, "%TypedArray%.prototype.map")
        fn, this_arg = callback(arg(args, 0)), arg(args, 1)
        result = species_create(this, [float(n)])
        for k in range(n):
            result.set_element(float(k), call(fn, this_arg, [get(this, k), float(k), this]))
        return result

    def reducer(name: str, reverse: bool):
        def reduce_(this, args):
            n = validate(this, f"%TypedArray%.prototype.{name}")
            fn = callback(arg(args, 0))
            indices = list(range(n - 1, -1, -1) if reverse else range(n))
            if len(args) > 1:
                acc = args[1]
            elif not indices:
                raise type_error("Reduce of empty array with no initial value")
            else:
                acc = get(this, indices.pop(0))
            for k in indices:
                acc = call(fn, UNDEFINED, [acc, get(this, k), float(k), this])
            return acc
        method(realm, proto, name, reduce_, 1)

    reducer("reduce", False)
    reducer("reduceRight", True)

    @proto_method("reverse", 0)
    def reverse(this, args):
        n = validate(this, "%TypedArray%.prototype.reverse")
        values = this.values(n)
        for k, v in enumerate(reversed(values)):
            this.set_element(float(k), v)
        return this

    @proto_method("set", 1)
    def set_(this, args):
        target = require(this, "%TypedArray%.prototype.set")
        offset = to_integer_or_infinity(arg(args, 1))
        if offset < 0:
            raise _range_error("offset is out of bounds")
        source = arg(args, 0)
        n = target.length()
        if n is None:
            raise type_error("Cannot perform %TypedArray%.prototype.set on a detached "
                             "ArrayBuffer")
        if isinstance(source, JSTypedArray):
            src_n = source.length()
            if src_n is None:
                raise type_error("Cannot perform %TypedArray%.prototype.set on a detached "
                                 "ArrayBuffer")
            if source.kind.bigint != target.kind.bigint:
                raise type_error(f"Content type mismatch: {source.kind.name} to "
                                 f"{target.kind.name}")
            if offset == math.inf or src_n + offset > n:
                raise _range_error("offset is out of bounds")
            values = source.values(src_n)
            for k, v in enumerate(values):
                target.set_element(float(offset + k), v)
            return UNDEFINED
        src = to_object(realm, source)
        src_n = length_of_array_like(src)
        if offset == math.inf or src_n + offset > n:
            raise _range_error("offset is out of bounds")
        for k in range(src_n):
            target.set_element(float(offset + k), src.get(str(k)))
        return UNDEFINED

    @proto_method("slice", 2)
    def slice_(this, args):
        n = validate(this, "%TypedArray%.prototype.slice")
        start = relative(arg(args, 0), n, 0)
        end = relative(arg(args, 1), n, n)
        count = max(end - start, 0)
        result = species_create(this, [float(count)])
        if count > 0:
            n2 = this.length()
            if n2 is None:
                raise type_error("Cannot perform %TypedArray%.prototype.slice on a detached "
                                 "ArrayBuffer")
            end = min(end, n2)
            for i, k in enumerate(range(start, end)):
                result.set_element(float(i), get(this, k))
        return result

    @proto_method("sort", 1)
    def sort(this, args):
        comparefn = arg(args, 0)
        if comparefn is not UNDEFINED and not is_callable(comparefn):
            raise type_error("The comparison function must be either a function or undefined")
        n = validate(this, "%TypedArray%.prototype.sort")
        for k, v in enumerate(sorted_values(this.values(n), comparefn)):
            this.set_element(float(k), v)
        return this

    @proto_method("subarray", 2)
    def subarray(this, args):
        ta = require(this, "%TypedArray%.prototype.subarray")
        n = ta.length() or 0
        begin_index = relative(arg(args, 0), n, 0)
        size = ta.kind.size
        begin_byte = ta.byte_offset + begin_index * size
        ctor_args = [ta.viewed_buffer, float(begin_byte)]
        if ta.array_length is not None or arg(args, 1) is not UNDEFINED:
            end_index = relative(arg(args, 1), n, n)
            ctor_args.append(float(max(end_index - begin_index, 0)))
        ctor = species_constructor(realm, ta, intr[f"%{ta.kind.name}%"])
        result = create_from_constructor(ctor, ctor_args)
        if result.kind.bigint != ta.kind.bigint:
            raise type_error("Content type mismatch")
        return result

    @proto_method("toLocaleString", 0)
    def to_locale_string(this, args):
        n = validate(this, "%TypedArray%.prototype.toLocaleString")
        parts = []
        for k in range(n):
            v = get(this, k)
            parts.append("" if v is UNDEFINED else to_string(
                call(to_object(realm, v).get("toLocaleString"), v, [])))
        return ",".join(parts)

    @proto_method("toReversed", 0)
    def to_reversed(this, args):
        n = validate(this, "%TypedArray%.prototype.toReversed")
        result = create_same_type(this, n)
        for k, v in enumerate(reversed(this.values(n))):
            result.set_element(float(k), v)
        return result

    @proto_method("toSorted", 1)
    def to_sorted(this, args):
        comparefn = arg(args, 0)
        if comparefn is not UNDEFINED and not is_callable(comparefn):
            raise type_error("The comparison function must be either a function or undefined")
        n = validate(this, "%TypedArray%.prototype.toSorted")
        result = create_same_type(this, n)
        for k, v in enumerate(sorted_values(this.values(n), comparefn)):
            result.set_element(float(k), v)
        return result

    @proto_method("with", 2)
    def with_(this, args):
        n = validate(this, "%TypedArray%.prototype.with")
        rel = to_integer_or_infinity(arg(args, 0))
        index = rel if rel >= 0 else n + rel
        value = to_bigint(arg(args, 1)) if this.kind.bigint else to_number(arg(args, 1))
        if not this.valid_index(float(index)):
            raise _range_error("Invalid typed array index")
        result = create_same_type(this, n)
        for k in range(n):
            result.set_element(float(k), value if k == index else get(this, k))
        return result

    proto.define("toString", intr["%Array.prototype%"].get("toString"))


def _list_from(realm, source, using_iterator) -> list:
    """IteratorToList(GetIteratorFromMethod(source, usingIterator))."""
    if plain_array_iteration(realm, source):
        return iterable_to_list(realm, source)
    iterator = call(using_iterator, source, [])
    if not isinstance(iterator, JSObject):
        raise type_error("Result of the Symbol.iterator method is not an object")
    record = IteratorRecord(iterator, iterator.get("next"))
    values = []
    while (v := record.step()) is not DONE:
        values.append(v)
    return values


def _strict(a, b) -> bool:
    from ..convert import strict_equals

    return strict_equals(a, b)


def sorted_values(values: list, comparefn) -> list:
    """The typed-array sort: numeric order (-0 before +0, NaN last) or the comparator."""
    if comparefn is UNDEFINED:
        def key(v):
            if type(v) is int:
                return (0, v, 0)
            if v != v:
                return (1, 0, 0)
            return (0, v, math.copysign(1, v))
        return sorted(values, key=key)

    def compare(x, y):
        v = to_number(call(comparefn, UNDEFINED, [x, y]))
        if v != v:
            return 0
        return -1 if v < 0 else (1 if v > 0 else 0)
    return sorted(values, key=cmp_to_key(compare))


def install_test262_host(machine) -> None:
    """$262 with detachArrayBuffer (for running test262 outside the CLI's runner)."""
    from .array_buffer import detach_array_buffer

    realm = machine.realm
    g = machine.main.global_object
    host = JSObject(realm.object_prototype)

    def detach(this, args):
        detach_array_buffer(arg(args, 0))
        return UNDEFINED

    host.define("detachArrayBuffer", realm.native("detachArrayBuffer", detach, 1))
    host.define("global", g)
    g.define("$262", host)

