"""The Object constructor and Object.prototype (§20.1)."""

from __future__ import annotations

from ..convert import (
    describe,
    is_callable,
    same_value,
    to_object,
    to_property_key,
    type_error,
)
from ..objects import ACCESSOR, CONFIGURABLE, ENUMERABLE, JSObject, Slot
from ..operations import (
    GETTER,
    SETTER,
    call,
    cannot_define,
    create_array_from_list,
    create_data_property_or_throw,
    define_from_descriptor,
    define_property_or_throw,
    enumerable_own_keys,
    enumerable_own_properties,
    from_property_descriptor,
    get_v,
    is_array,
    ordinary_create_from_constructor,
    set_,
    set_integrity_level,
    test_integrity_level,
    to_property_descriptor,
)
from ..symbols import TO_STRING_TAG
from ..values import NULL, UNDEFINED, JSSymbol
from .iterator import for_each
from .support import accessor, arg, make_constructor, method

# [[Class]]-like names Object.prototype.toString reports without @@toStringTag.
_BUILTIN_TAGS = frozenset(("Arguments", "Error", "Boolean", "Number", "String", "Date",
                           "RegExp"))


def builtin_tag(obj: JSObject, array: bool) -> str:
    """The builtinTag step of Object.prototype.toString (``array``: IsArray's answer)."""
    if array:
        return "Array"
    if is_callable(obj):
        return "Function"
    if obj.class_name in _BUILTIN_TAGS and (obj.internal is not None
                                            or obj.class_name in ("Arguments", "Error")):
        return obj.class_name
    return "Object"


def object_to_string(realm, this) -> str:
    """Object.prototype.toString: ``[object Tag]``."""
    if this is UNDEFINED:
        return "[object Undefined]"
    if this is NULL:
        return "[object Null]"
    obj = to_object(realm, this)
    array = is_array(obj)  # first: a proxy revoked by the @@toStringTag getter still counts
    tag = obj.get(TO_STRING_TAG)
    if type(tag) is not str:
        tag = builtin_tag(obj, array)
    return f"[object {tag}]"


def own_property_keys(obj: JSObject, kind: str) -> list:
    """GetOwnPropertyKeys: the string keys or the symbol keys."""
    want = JSSymbol if kind == "symbol" else str
    return [k for k in obj.own_keys() if type(k) is want]


def object_define_properties(realm, obj: JSObject, props) -> JSObject:
    """ObjectDefineProperties: read every descriptor first, then define them in order."""
    source = to_object(realm, props)
    descriptors = []
    for key in source.own_keys():
        slot = source.get_own_property(key)
        if slot is not None and slot.flags & ENUMERABLE:
            descriptors.append((key, *to_property_descriptor(source.get(key))))
    for key, desc, present in descriptors:
        if not define_from_descriptor(obj, key, desc, present):
            raise cannot_define(obj, key)
    return obj


def setup(realm) -> None:
    proto = realm.object_prototype
    intr = realm.intrinsics

    # -- the constructor --------------------------------------------------------------

    def object_call(this, args):
        value = arg(args, 0)
        if value is UNDEFINED or value is NULL:
            return JSObject(proto)
        return to_object(realm, value)

    def object_construct(args, new_target):
        if new_target is not ctor and new_target is not None:
            return ordinary_create_from_constructor(realm, new_target, "%Object.prototype%")
        return object_call(UNDEFINED, args)

    ctor = make_constructor(realm, "Object", object_call, 1, object_construct, proto)

    def static(name, length):
        def register(fn):
            method(realm, ctor, name, fn, length)
            return fn
        return register

    @static("assign", 2)
    def assign(this, args):
        target = to_object(realm, arg(args, 0))
        for source in args[1:]:
            if source is UNDEFINED or source is NULL:
                continue
            source = to_object(realm, source)
            for key in source.own_keys():
                slot = source.get_own_property(key)
                if slot is not None and slot.flags & ENUMERABLE:
                    set_(target, key, source.get(key))
        return target

    @static("create", 2)
    def create(this, args):
        p, props = arg(args, 0), arg(args, 1)
        if p is not NULL and not isinstance(p, JSObject):
            raise type_error(f"Object prototype may only be an Object or null: {describe(p)}")
        obj = JSObject(None if p is NULL else p)
        if props is not UNDEFINED:
            object_define_properties(realm, obj, props)
        return obj

    @static("defineProperties", 2)
    def define_properties(this, args):
        obj = arg(args, 0)
        if not isinstance(obj, JSObject):
            raise type_error("Object.defineProperties called on non-object")
        return object_define_properties(realm, obj, arg(args, 1))

    @static("defineProperty", 3)
    def define_property(this, args):
        obj = arg(args, 0)
        if not isinstance(obj, JSObject):
            raise type_error("Object.defineProperty called on non-object")
        key = to_property_key(arg(args, 1))
        desc, present = to_property_descriptor(arg(args, 2))
        if not define_from_descriptor(obj, key, desc, present):
            raise cannot_define(obj, key)
        return obj

    @static("entries", 1)
    def entries(this, args):
        obj = to_object(realm, arg(args, 0))
        return create_array_from_list(realm, [
            create_array_from_list(realm, [key, value])
            for key, value in enumerable_own_properties(obj)])

    @static("freeze", 1)
    def freeze(this, args):
        obj = arg(args, 0)
        if isinstance(obj, JSObject) and not set_integrity_level(obj, "frozen"):
            raise type_error("Cannot freeze")
        return obj

    @static("fromEntries", 1)
    def from_entries(this, args):
        iterable = arg(args, 0)
        if iterable is UNDEFINED or iterable is NULL:
            raise type_error(f"{describe(iterable)} is not iterable")
        obj = JSObject(proto)

        def add_entry(entry):
            if not isinstance(entry, JSObject):
                raise type_error(f"Iterator value {describe(entry)} is not an entry object")
            key = entry.get("0")
            value = entry.get("1")
            create_data_property_or_throw(obj, to_property_key(key), value)

        for_each(realm, iterable, add_entry)
        return obj

    @static("getOwnPropertyDescriptor", 2)
    def get_own_property_descriptor(this, args):
        obj = to_object(realm, arg(args, 0))
        key = to_property_key(arg(args, 1))
        return from_property_descriptor(realm, obj.get_own_property(key))

    @static("getOwnPropertyDescriptors", 1)
    def get_own_property_descriptors(this, args):
        obj = to_object(realm, arg(args, 0))
        result = JSObject(proto)
        for key in obj.own_keys():
            desc = from_property_descriptor(realm, obj.get_own_property(key))
            if desc is not UNDEFINED:
                result.props[key] = desc
        return result

    @static("getOwnPropertyNames", 1)
    def get_own_property_names(this, args):
        obj = to_object(realm, arg(args, 0))
        return create_array_from_list(realm, own_property_keys(obj, "string"))

    @static("getOwnPropertySymbols", 1)
    def get_own_property_symbols(this, args):
        obj = to_object(realm, arg(args, 0))
        return create_array_from_list(realm, own_property_keys(obj, "symbol"))

    @static("getPrototypeOf", 1)
    def get_prototype_of(this, args):
        p = to_object(realm, arg(args, 0)).proto
        return NULL if p is None else p

    @static("groupBy", 2)
    def group_by(this, args):
        items, callback = arg(args, 0), arg(args, 1)
        if items is UNDEFINED or items is NULL:
            raise type_error(f"{describe(items)} is not iterable")
        if not is_callable(callback):
            raise type_error(f"{describe(callback)} is not a function")
        groups: dict = {}
        counter = [0]

        def add(value):
            key = to_property_key(call(callback, UNDEFINED, [value, float(counter[0])]))
            counter[0] += 1
            groups.setdefault(key, []).append(value)

        for_each(realm, items, add)
        result = JSObject(None)
        for key, values in groups.items():
            result.props[key] = create_array_from_list(realm, values)
        return result

    @static("hasOwn", 2)
    def has_own(this, args):
        obj = to_object(realm, arg(args, 0))
        return obj.get_own_property(to_property_key(arg(args, 1))) is not None

    @static("is", 2)
    def is_(this, args):
        return same_value(arg(args, 0), arg(args, 1))

    @static("isExtensible", 1)
    def is_extensible(this, args):
        obj = arg(args, 0)
        return isinstance(obj, JSObject) and obj.extensible

    @static("isFrozen", 1)
    def is_frozen(this, args):
        obj = arg(args, 0)
        return not isinstance(obj, JSObject) or test_integrity_level(obj, "frozen")

    @static("isSealed", 1)
    def is_sealed(this, args):
        obj = arg(args, 0)
        return not isinstance(obj, JSObject) or test_integrity_level(obj, "sealed")

    @static("keys", 1)
    def keys(this, args):
        obj = to_object(realm, arg(args, 0))
        return create_array_from_list(realm, enumerable_own_keys(obj))

    @static("preventExtensions", 1)
    def prevent_extensions(this, args):
        obj = arg(args, 0)
        if isinstance(obj, JSObject) and not obj.prevent_extensions():
            raise type_error("Cannot prevent extensions")
        return obj

    @static("seal", 1)
    def seal(this, args):
        obj = arg(args, 0)
        if isinstance(obj, JSObject) and not set_integrity_level(obj, "sealed"):
            raise type_error("Cannot seal")
        return obj

    @static("setPrototypeOf", 2)
    def set_prototype_of(this, args):
        obj, p = arg(args, 0), arg(args, 1)
        if obj is UNDEFINED or obj is NULL:
            raise type_error("Object.setPrototypeOf called on null or undefined")
        if p is not NULL and not isinstance(p, JSObject):
            raise type_error(f"Object prototype may only be an Object or null: {describe(p)}")
        if not isinstance(obj, JSObject):
            return obj
        if not obj.set_prototype_of(None if p is NULL else p):
            if not obj.extensible:
                raise type_error(f"{describe(obj)} is not extensible")
            raise type_error("Cyclic __proto__ value")
        return obj

    @static("values", 1)
    def values(this, args):
        obj = to_object(realm, arg(args, 0))
        return create_array_from_list(realm, [
            value for _, value in enumerable_own_properties(obj)])

    # -- Object.prototype -------------------------------------------------------------

    def has_own_property(this, args):
        key = to_property_key(arg(args, 0))
        return to_object(realm, this).get_own_property(key) is not None

    def is_prototype_of(this, args):
        value = arg(args, 0)
        if not isinstance(value, JSObject):
            return False
        obj = to_object(realm, this)
        p = value.proto
        while p is not None:
            if p is obj:
                return True
            p = p.proto
        return False

    def property_is_enumerable(this, args):
        key = to_property_key(arg(args, 0))
        slot = to_object(realm, this).get_own_property(key)
        return slot is not None and bool(slot.flags & ENUMERABLE)

    def to_locale_string(this, args):
        return call(get_v(realm, this, "toString"), this, [])

    def to_string(this, args):
        return object_to_string(realm, this)

    def value_of(this, args):
        return to_object(realm, this)

    method(realm, proto, "hasOwnProperty", has_own_property, 1)
    method(realm, proto, "isPrototypeOf", is_prototype_of, 1)
    method(realm, proto, "propertyIsEnumerable", property_is_enumerable, 1)
    method(realm, proto, "toLocaleString", to_locale_string, 0)
    intr["%Object.prototype.toString%"] = method(realm, proto, "toString", to_string, 0)
    method(realm, proto, "valueOf", value_of, 0)

    def get_proto(this, args):
        p = to_object(realm, this).proto
        return NULL if p is None else p

    def set_proto(this, args):
        if this is UNDEFINED or this is NULL:
            raise type_error("Object.prototype.__proto__ called on null or undefined")
        p = arg(args, 0)
        if (p is not NULL and not isinstance(p, JSObject)) or not isinstance(this, JSObject):
            return UNDEFINED
        if not this.set_prototype_of(None if p is NULL else p):
            if not this.extensible:
                raise type_error(f"{describe(this)} is not extensible")
            raise type_error("Cyclic __proto__ value")
        return UNDEFINED

    accessor(realm, proto, "__proto__", get_proto, set_proto)

    # Annex B.2.2: __defineGetter__ and friends (node has them).
    def define_getter(this, args, which=GETTER):
        obj = to_object(realm, this)
        fn = arg(args, 1)
        if not is_callable(fn):
            raise type_error("Object.prototype.__defineGetter__: Expecting function")
        desc = Slot(flags=ACCESSOR | ENUMERABLE | CONFIGURABLE)
        if which == GETTER:
            desc.getter = fn
        else:
            desc.setter = fn
        define_property_or_throw(obj, to_property_key(arg(args, 0)), desc,
                                 which | ENUMERABLE | CONFIGURABLE)
        return UNDEFINED

    def define_setter(this, args):
        return define_getter(this, args, SETTER)

    def lookup(this, args, getter=True):
        obj = to_object(realm, this)
        key = to_property_key(arg(args, 0))
        while obj is not None:
            slot = obj.get_own_property(key)
            if slot is not None:
                if slot.flags & ACCESSOR:
                    return slot.getter if getter else slot.setter
                return UNDEFINED
            obj = obj.proto
        return UNDEFINED

    method(realm, proto, "__defineGetter__", define_getter, 2)
    method(realm, proto, "__defineSetter__", define_setter, 2)
    method(realm, proto, "__lookupGetter__", lookup, 1)
    method(realm, proto, "__lookupSetter__", lambda this, args: lookup(this, args, False), 1)

