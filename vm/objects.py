"""Objects: ordinary objects, property descriptors, arrays, functions.

Properties live in one insertion-ordered dict per object. A plain data property
(writable, enumerable, configurable: what assignment and object literals create) is
stored as its bare value, so the common get and set are one dict lookup; anything else
is stored as a :class:`Slot`. Keys are ``str`` or ``JSSymbol`` (array indices are their
canonical decimal strings, except in an array's dense ``items`` list).

Every object records the segment it lives in: a Global's heap, or ``ROM`` once frozen
into the shared read-only segment (lockdown, preload). Nothing may write a ROM object.
"""

from __future__ import annotations

from .values import HOLE, UNDEFINED, JSSymbol

# Property attribute flags of a Slot.
WRITABLE, ENUMERABLE, CONFIGURABLE, ACCESSOR = 1, 2, 4, 8
DEFAULT = WRITABLE | ENUMERABLE | CONFIGURABLE

ROM = "rom"  # the segment of frozen, shared objects

MAX_DENSE_GAP = 1 << 16  # an index further than this past the end goes to ``props``


class JSThrow(Exception):
    """A JavaScript exception travelling through Python frames; ``value`` is thrown."""

    def __init__(self, value):
        super().__init__(value)
        self.value = value


class JSError(Exception):
    """An error the runtime raises by kind ("TypeError", ...) before it has an object.

    The interpreter turns it into an instance of the current Global's constructor of
    that name when it reaches JavaScript code.
    """

    def __init__(self, kind: str, message: str):
        super().__init__(f"{kind}: {message}")
        self.kind = kind
        self.message = message


def type_error(message: str) -> JSError:
    return JSError("TypeError", message)


class Slot:
    """A property that is not a plain data property: an accessor, or other attributes."""

    __slots__ = ("value", "getter", "setter", "flags")

    def __init__(self, value=UNDEFINED, flags: int = DEFAULT, getter=UNDEFINED,
                 setter=UNDEFINED):
        self.value = value
        self.flags = flags
        self.getter = getter
        self.setter = setter

    @property
    def is_accessor(self) -> bool:
        return bool(self.flags & ACCESSOR)

    def __repr__(self) -> str:
        if self.flags & ACCESSOR:
            return f"<accessor {self.getter!r}/{self.setter!r} flags={self.flags}>"
        return f"<data {self.value!r} flags={self.flags}>"


def as_slot(stored) -> Slot:
    """The descriptor of a stored property (a bare value is a default data property)."""
    return stored if type(stored) is Slot else Slot(stored)


# Set by the interpreter: how the object model calls a JavaScript function value.
def call_function(fn, this, args):  # pragma: no cover - replaced at start-up
    raise NotImplementedError


class PrivateName:
    """A private name (`#x`): a key only its class's code can name; one per evaluation."""

    __slots__ = ("description",)

    def __init__(self, description: str):
        self.description = description

    def __repr__(self) -> str:
        return self.description


def is_array_index(key) -> bool:
    """A canonical array index string: "0", "1", ... up to 2**32 - 2."""
    if type(key) is not str or not key or not key.isdigit() or not key.isascii():
        return False
    if key[0] == "0" and len(key) > 1:
        return False
    return int(key) < 0xFFFFFFFF


def property_order(keys) -> list:
    """Integer keys ascending, then string keys, then symbols, in insertion order;
    private names are not properties anyone can list."""
    ints, strs, syms = [], [], []
    for key in keys:
        if type(key) is JSSymbol:
            syms.append(key)
        elif type(key) is PrivateName:
            continue
        elif is_array_index(key):
            ints.append(key)
        else:
            strs.append(key)
    if ints:
        ints.sort(key=int)
    return ints + strs + syms


class JSObject:
    """An ordinary object (ECMA-262 §10.1)."""

    __slots__ = ("proto", "props", "extensible", "segment", "class_name", "internal")

    is_proxy = False  # a Proxy exotic object (vm/proxy.py) answers with its traps

    def __init__(self, proto=None, class_name: str = "Object", segment=None):
        self.proto = proto  # JSObject or None (null)
        self.props: dict = {}
        self.extensible = True
        self.segment = segment
        self.class_name = class_name
        self.internal = None  # [[BooleanData]], [[ErrorData]], ... when it has one

    def __repr__(self) -> str:
        return f"<{self.class_name} object at {id(self):#x}>"

    # -- the essential internal methods -------------------------------------------

    def get_own_property(self, key) -> Slot | None:
        stored = self.props.get(key, HOLE)
        if stored is HOLE:
            return None
        return stored if type(stored) is Slot else Slot(stored)

    def define_own_property(self, key, desc: Slot, present: int = 0) -> bool:
        """ValidateAndApplyPropertyDescriptor. ``present`` has the flag bits ``desc``
        actually specifies (a full descriptor if 0). A ROM object is frozen, so the
        checks below admit only a definition that changes nothing, and nothing is stored.
        """
        current = self.get_own_property(key)
        if current is None:
            if not self.extensible or self.segment is ROM:
                return False
            self._store(key, desc if present == 0 else _complete(desc, present))
            return True
        if not current.flags & CONFIGURABLE:
            full = present or (DEFAULT | ACCESSOR | _VALUE)
            if full & CONFIGURABLE and desc.flags & CONFIGURABLE:
                return False
            if full & ENUMERABLE and (desc.flags ^ current.flags) & ENUMERABLE:
                return False
            desc_accessor = bool(desc.flags & ACCESSOR)
            if desc_accessor != current.is_accessor and _kind_given(desc, present):
                return False
            if current.is_accessor:
                if present & _GETTER and desc.getter is not current.getter:
                    return False
                if present & _SETTER and desc.setter is not current.setter:
                    return False
            elif not current.flags & WRITABLE:
                if present & WRITABLE and desc.flags & WRITABLE:
                    return False
                if present & _VALUE and not same_value(desc.value, current.value):
                    return False
        if self.segment is not ROM:
            self._store(key, _merge(current, desc, present))
        return True

    def _store(self, key, slot: Slot) -> None:
        if slot.flags == DEFAULT:
            self.props[key] = slot.value
        else:
            self.props[key] = slot

    def has_property(self, key) -> bool:
        o = self
        while o is not None:
            if type(o) is JSObject:
                if key in o.props:
                    return True
            elif o.is_proxy:
                return o.has_property(key)
            elif o.get_own_property(key) is not None:
                return True
            o = o.proto
        return False

    def get(self, key, receiver=None):
        o = self
        while o is not None:
            stored = o.props.get(key, HOLE)
            if stored is HOLE:
                if type(o) is not JSObject:
                    if o.is_proxy:
                        return o.get(key, self if receiver is None else receiver)
                    slot = o.get_own_property(key)
                    if slot is not None:
                        stored = slot
                    else:
                        o = o.proto
                        continue
                else:
                    o = o.proto
                    continue
            if type(stored) is not Slot:
                return stored
            if stored.flags & ACCESSOR:
                if stored.getter is UNDEFINED:
                    return UNDEFINED
                return call_function(stored.getter, self if receiver is None else receiver, [])
            return stored.value
        return UNDEFINED

    def set(self, key, value, receiver=None) -> bool:
        """OrdinarySet. The fast path: a plain own data property of an ordinary object."""
        if receiver is None or receiver is self:
            props = self.props
            stored = props.get(key, HOLE)
            if stored is not HOLE and type(stored) is not Slot and self.segment is not ROM:
                props[key] = value
                return True
            receiver = self
        o = self
        while o is not None:
            if type(o) is JSObject:  # an ordinary object's own properties are its props
                slot = o.props.get(key, HOLE)
                if slot is HOLE:
                    slot = None
                elif type(slot) is not Slot:
                    break  # a plain data property: writable
            elif o.is_proxy:
                return o.set(key, value, receiver)
            else:
                slot = o.get_own_property(key)
            if slot is not None:
                if slot.flags & ACCESSOR:
                    if slot.setter is UNDEFINED:
                        return False
                    call_function(slot.setter, receiver, [value])
                    return True
                if not slot.flags & WRITABLE:
                    if o.segment is not ROM or o is receiver:
                        return False
                    # the override mistake, fixed: a frozen intrinsic's read-only
                    # property is shadowed on the receiver, as an own property
                    return _override(receiver, key, value)
                break
            o = o.proto
        if receiver is self and type(self) is JSObject and key not in self.props:
            # a new plain data property of an ordinary object (what most sets add)
            if not self.extensible or self.segment is ROM:
                return False
            self.props[key] = value
            return True
        if not isinstance(receiver, JSObject):
            return False
        existing = receiver.get_own_property(key)
        if existing is not None:
            if existing.flags & ACCESSOR or not existing.flags & WRITABLE:
                return False
            return receiver.define_own_property(key, Slot(value), _VALUE)
        return receiver.define_own_property(key, Slot(value))

    def delete(self, key) -> bool:
        slot = self.get_own_property(key)
        if slot is None:
            return True
        if not slot.flags & CONFIGURABLE or self.segment is ROM:
            return False
        del self.props[key]
        return True

    def own_keys(self) -> list:
        return property_order(self.props)

    def prevent_extensions(self) -> bool:
        if self.segment is ROM:
            return not self.extensible
        self.extensible = False
        return True

    def set_prototype_of(self, proto) -> bool:
        if proto is self.proto:
            return True
        if not self.extensible or self.segment is ROM:
            return False
        p = proto
        while p is not None:
            if p is self:
                return False
            if p.is_proxy:
                break  # its [[GetPrototypeOf]] is not the ordinary one: the walk ends
            p = p.proto
        self.proto = proto
        return True

    # -- conveniences for building built-ins ----------------------------------------

    def define(self, key, value, flags: int = WRITABLE | CONFIGURABLE) -> None:
        """Define a data property directly (built-ins are not enumerable by default)."""
        self.props[key] = value if flags == DEFAULT else Slot(value, flags)

    def define_accessor(self, key, getter=UNDEFINED, setter=UNDEFINED,
                        flags: int = CONFIGURABLE) -> None:
        self.props[key] = Slot(UNDEFINED, flags | ACCESSOR, getter, setter)


def _override(receiver, key, value) -> bool:
    """Assignment over an inherited read-only ROM property: CreateDataProperty on the
    receiver, which an own property of the receiver may still refuse."""
    if not isinstance(receiver, JSObject):
        return False
    existing = receiver.get_own_property(key)
    if existing is not None:
        if existing.flags & ACCESSOR or not existing.flags & WRITABLE:
            return False
        return receiver.define_own_property(key, Slot(value), _VALUE)
    return receiver.define_own_property(key, Slot(value))


# Bits of ``present`` beyond the attribute flags: which fields a descriptor gives.
_VALUE, _GETTER, _SETTER = 16, 32, 64


def _kind_given(desc: Slot, present: int) -> bool:
    if present == 0:
        return True
    if desc.flags & ACCESSOR:
        return bool(present & (_GETTER | _SETTER))
    return bool(present & (_VALUE | WRITABLE))


def _complete(desc: Slot, present: int) -> Slot:
    """A new property from a partial descriptor: absent fields take their defaults."""
    flags = desc.flags & present & (ENUMERABLE | CONFIGURABLE)
    if desc.flags & ACCESSOR:
        return Slot(UNDEFINED, flags | ACCESSOR, desc.getter if present & _GETTER else UNDEFINED,
                    desc.setter if present & _SETTER else UNDEFINED)
    flags |= desc.flags & present & WRITABLE
    return Slot(desc.value if present & _VALUE else UNDEFINED, flags)


def _merge(current: Slot, desc: Slot, present: int) -> Slot:
    if present == 0:
        return desc
    flags = current.flags
    for bit in (ENUMERABLE, CONFIGURABLE):
        if present & bit:
            flags = (flags & ~bit) | (desc.flags & bit)
    if desc.flags & ACCESSOR and present & (_GETTER | _SETTER):
        getter = desc.getter if present & _GETTER else (
            current.getter if current.is_accessor else UNDEFINED)
        setter = desc.setter if present & _SETTER else (
            current.setter if current.is_accessor else UNDEFINED)
        return Slot(UNDEFINED, (flags & (ENUMERABLE | CONFIGURABLE)) | ACCESSOR, getter, setter)
    if current.is_accessor and not present & (_VALUE | WRITABLE):
        # a generic descriptor (only enumerable/configurable) keeps the accessor
        return Slot(UNDEFINED, flags | ACCESSOR, current.getter, current.setter)
    if current.is_accessor and present & (_VALUE | WRITABLE):
        flags &= ENUMERABLE | CONFIGURABLE
        value = UNDEFINED
    else:
        value = current.value
    if present & _VALUE:
        value = desc.value
    if present & WRITABLE:
        flags = (flags & ~WRITABLE) | (desc.flags & WRITABLE)
    return Slot(value, flags & ~ACCESSOR)


def same_value(a, b) -> bool:
    """SameValue: like === but NaN equals NaN and +0 differs from -0."""
    if type(a) is float and type(b) is float:
        if a != a:
            return b != b
        if a == 0.0 and b == 0.0:
            return str(a) == str(b)
        return a == b
    if type(a) is not type(b):
        return False
    if type(a) in (str, int, bool):
        return a == b
    return a is b


class JSArray(JSObject):
    """An Array exotic object: dense ``items`` (HOLE for holes) plus ordinary props."""

    __slots__ = ("items", "length_writable", "sparse_length")

    def __init__(self, proto, items: list | None = None, segment=None):
        super().__init__(proto, "Array", segment)
        self.items = items if items is not None else []
        self.length_writable = True
        self.sparse_length = 0  # a length set beyond every element (`new Array(1e6)`)

    def length(self) -> int:
        n = len(self.items)
        if self.props:
            for key in self.props:
                if is_array_index(key):
                    n = max(n, int(key) + 1)
        return n if n >= self.sparse_length else self.sparse_length

    def get_own_property(self, key) -> Slot | None:
        if type(key) is str:
            if key == "length":
                return Slot(float(self.length()),
                            WRITABLE if self.length_writable else 0)
            if is_array_index(key):
                i = int(key)
                if i < len(self.items):
                    v = self.items[i]
                    if v is HOLE:
                        return None
                    return Slot(v)
        return JSObject.get_own_property(self, key)

    def get(self, key, receiver=None):
        if type(key) is str and key.isdigit():
            i = int(key)
            if i < len(self.items) and (key == "0" or key[0] != "0"):
                v = self.items[i]
                if v is not HOLE:
                    return v
        return JSObject.get(self, key, receiver)

    def define_own_property(self, key, desc: Slot, present: int = 0) -> bool:
        if type(key) is str and self.segment is not ROM:
            if key == "length":
                return self._define_length(desc, present)
            if is_array_index(key):
                i = int(key)
                items = self.items
                n = len(items)
                simple = (present == 0 and desc.flags == DEFAULT) or (
                    present & _VALUE and not (present & ~(_VALUE | DEFAULT))
                    and desc.flags & DEFAULT == DEFAULT)
                if i >= self.length() and not self.length_writable:
                    return False
                if simple and key not in self.props:
                    if i < n:
                        if items[i] is HOLE and not self.extensible:
                            return False
                        items[i] = desc.value
                        return True
                    if i - n <= MAX_DENSE_GAP and self.extensible:
                        items.extend([HOLE] * (i - n))
                        items.append(desc.value)
                        return True
                if i < n and items[i] is not HOLE:
                    # leaving the dense store: keep the property's order by moving it
                    self._spill_from(i)
        return JSObject.define_own_property(self, key, desc, present)

    def _spill_from(self, i: int) -> None:
        """Move items[i:] into ordinary properties (an index gets attributes)."""
        for j in range(i, len(self.items)):
            v = self.items[j]
            if v is not HOLE:
                self.props[str(j)] = v
        del self.items[i:]

    def _define_length(self, desc: Slot, present: int) -> bool:
        if desc.flags & ACCESSOR and (present == 0 or present & (_GETTER | _SETTER)):
            return False
        if present & (CONFIGURABLE | ENUMERABLE) and desc.flags & (CONFIGURABLE | ENUMERABLE):
            return False
        if present == 0 or present & _VALUE:
            from .convert import to_number, to_uint32  # convert imports this module

            number = to_number(desc.value)
            new_len = to_uint32(desc.value)
            if new_len != number:
                raise JSError("RangeError", "Invalid array length")
            if new_len != self.length():
                if not self.length_writable:
                    return False
                self.set_length(new_len)
        if (present == 0 or present & WRITABLE) and not desc.flags & WRITABLE:
            self.length_writable = False
        elif present & WRITABLE and desc.flags & WRITABLE and not self.length_writable:
            return False
        return True

    def set_length(self, new_len: int) -> None:
        items = self.items
        if new_len < len(items):
            del items[new_len:]
        elif new_len > len(items) and new_len - len(items) <= MAX_DENSE_GAP and not any(
                is_array_index(k) for k in self.props):
            items.extend([HOLE] * (new_len - len(items)))
        for key in [k for k in self.props if is_array_index(k) and int(k) >= new_len]:
            del self.props[key]
        self.sparse_length = new_len if new_len > len(items) else 0

    def set(self, key, value, receiver=None) -> bool:
        if (receiver is None or receiver is self) and type(key) is str and key.isdigit():
            i = int(key)
            items = self.items
            if i < len(items) and items[i] is not HOLE and (key == "0" or key[0] != "0") \
                    and self.segment is not ROM and key not in self.props:
                items[i] = value
                return True
        return JSObject.set(self, key, value, receiver)

    def delete(self, key) -> bool:
        if type(key) is str and is_array_index(key) and self.segment is not ROM:
            i = int(key)
            if i < len(self.items):
                self.items[i] = HOLE
                return True
        if key == "length":
            return False
        return JSObject.delete(self, key)

    def own_keys(self) -> list:
        keys = [str(i) for i, v in enumerate(self.items) if v is not HOLE]
        rest = JSObject.own_keys(self)
        if rest and keys and is_array_index(rest[0]):
            merged = sorted(keys + [k for k in rest if is_array_index(k)], key=int)
            keys = merged
            rest = [k for k in rest if not is_array_index(k)]
        return [*keys, "length", *rest]


class JSFunction(JSObject):
    """A function made from compiled code: a closure over its creating frame's cells."""

    __slots__ = ("code", "cells", "this_value", "home_object", "global_env", "fields",
                 "constructor_kind", "referrer", "outer_new_target", "outer_function")

    def __init__(self, proto, code, cells, global_env, segment=None):
        super().__init__(proto, "Function", segment)
        self.code = code
        self.cells = cells  # captured Cell objects, in the order code.captures lists
        self.this_value = None  # an arrow's lexical this, when captured by value
        self.home_object = None  # for `super` in methods
        self.global_env = global_env  # the Global whose code this is
        self.fields = None  # class field initialisers run by the constructor
        self.constructor_kind = None  # None (not a constructor), "base" or "derived"
        self.referrer = None  # the script or module record whose code made it (import())
        self.outer_new_target = UNDEFINED  # an arrow's new.target: its enclosing function's
        self.outer_function = None  # an arrow's enclosing non-arrow function (super() calls)

    def source_text(self) -> str | None:
        """The source text of this function (Function.prototype.toString)."""
        code = self.code
        if code.text is None:
            return None
        start, end = code.source
        return code.text[start:end]

    @property
    def is_class(self) -> bool:
        return self.code.kind in ("constructor", "derived")


class JSNative(JSObject):
    """A function implemented in Python: ``fn(this, args) -> value``."""

    __slots__ = ("fn", "construct")

    def __init__(self, proto, fn, construct=None, segment=None):
        super().__init__(proto, "Function", segment)
        self.fn = fn
        self.construct = construct  # fn(args, new_target) -> object, or None


class Cell:
    """A closure cell: a variable captured by some inner function."""

    __slots__ = ("value",)

    def __init__(self, value=UNDEFINED):
        self.value = value

    def __repr__(self) -> str:
        return f"<cell {self.value!r}>"
