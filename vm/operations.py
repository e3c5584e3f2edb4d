"""Operations on Objects (ECMA-262 §7.3) and on property descriptors (§6.2.6).

Named after the spec operations. They sit between the object model (vm.objects) and
the built-ins: each takes care of the "OrThrow" variants and of GetV on primitives, so
built-ins read like the spec's algorithms.
"""

from __future__ import annotations

from . import objects
from .convert import (
    describe,
    is_callable,
    is_constructor,
    to_length,
    to_object,
    to_property_key,
    type_error,
)
from .objects import (
    ACCESSOR,
    CONFIGURABLE,
    ENUMERABLE,
    WRITABLE,
    JSArray,
    JSError,
    JSObject,
    Slot,
    is_array_index,
)
from .symbols import HAS_INSTANCE, SPECIES
from .values import HOLE, NULL, UNDEFINED, JSSymbol

# Bits of ``present`` in define_own_property beyond the attribute flags (vm.objects).
VALUE, GETTER, SETTER = 16, 32, 64


def key_text(key) -> str:
    """A property key as error messages show it."""
    return f"Symbol({key.description or ''})" if type(key) is JSSymbol else key


# -- get, set, define, delete ---------------------------------------------------------


def get_v(realm, value, key):
    """GetV: property lookup on any value (primitives look up their prototype)."""
    if isinstance(value, JSObject):
        return value.get(key)
    t = type(value)
    if t is str:
        if key == "length":
            return float(len(value))
        if type(key) is str and key.isdigit() and is_array_index(key) and int(key) < len(value):
            return value[int(key)]
        proto = realm.intrinsics["%String.prototype%"]
    elif value is UNDEFINED or value is NULL:
        raise type_error(f"Cannot read properties of {describe(value)} "
                         f"(reading '{key_text(key)}')")
    else:
        proto = to_object(realm, value).proto
    return proto.get(key, value)


def get_method(realm, value, key):
    """GetMethod: undefined for null/undefined, TypeError if not callable."""
    func = get_v(realm, value, key)
    if func is UNDEFINED or func is NULL:
        return UNDEFINED
    if not is_callable(func):
        raise type_error(f"{describe(func)} is not a function")
    return func


def call(func, this, args: list):
    """Call: TypeError unless ``func`` is callable."""
    if not is_callable(func):
        raise type_error(f"{describe(func)} is not a function")
    return objects.call_function(func, this, args)


def construct(func, args: list, new_target=None):
    """Construct (``new``); ``new_target`` defaults to ``func``."""
    if not is_constructor(func):
        raise type_error(f"{describe(func)} is not a constructor")
    return objects.construct_function(func, args, func if new_target is None else new_target)


def invoke(realm, value, key, args: list):
    """Invoke: call the method ``key`` of ``value``."""
    return call(get_v(realm, value, key), value, args)


def set_(obj: JSObject, key, value, throw: bool = True) -> bool:
    """Set(O, P, V, Throw)."""
    ok = obj.set(key, value)
    if not ok and throw:
        raise cannot_assign(obj, key)
    return ok


def cannot_assign(obj: JSObject, key) -> JSError:
    """The TypeError for a failed [[Set]] in strict code, worded as V8 does."""
    o = obj
    while o is not None and not o.is_proxy:  # a proxy's traps are not run for a message
        slot = o.get_own_property(key)
        if slot is not None:
            if slot.flags & ACCESSOR:
                return type_error(f"Cannot set property {key_text(key)} of {describe(obj)} "
                                  "which has only a getter")
            return type_error(f"Cannot assign to read only property '{key_text(key)}' of "
                              f"object '{describe(obj)}'")
        o = o.proto
    return type_error(f"Cannot add property {key_text(key)}, object is not extensible")


def create_data_property(obj: JSObject, key, value) -> bool:
    """CreateDataProperty: a writable, enumerable, configurable own data property."""
    return obj.define_own_property(key, Slot(value))


def create_data_property_or_throw(obj: JSObject, key, value) -> None:
    if not obj.define_own_property(key, Slot(value)):
        raise type_error(f"Cannot define property {key_text(key)}, object is not extensible")


def define_property_or_throw(obj: JSObject, key, desc: Slot, present: int = 0) -> None:
    if not obj.define_own_property(key, desc, present):
        raise cannot_define(obj, key)


def cannot_define(obj: JSObject, key) -> JSError:
    """The TypeError for a failed [[DefineOwnProperty]], worded as V8 does."""
    if obj.is_proxy:
        return type_error(f"'defineProperty' on proxy: trap returned falsish for property "
                          f"'{key_text(key)}'")
    if obj.get_own_property(key) is None and not obj.extensible:
        return type_error(f"Cannot define property {key_text(key)}, object is not extensible")
    return type_error(f"Cannot redefine property: {key_text(key)}")


def delete_property_or_throw(obj: JSObject, key) -> None:
    if not obj.delete(key):
        raise type_error(f"Cannot delete property '{key_text(key)}' of {describe(obj)}")


def has_own_property(obj: JSObject, key) -> bool:
    return obj.get_own_property(key) is not None


# -- arrays and array-likes -----------------------------------------------------------


def is_array(value) -> bool:
    """IsArray: an Array exotic object, or a proxy whose target is one."""
    while isinstance(value, JSObject) and value.is_proxy:
        value = value.internal.target
        if value is None:
            raise type_error("Cannot perform 'IsArray' on a proxy that has been revoked")
    return isinstance(value, JSArray)


def length_of_array_like(obj: JSObject) -> int:
    """LengthOfArrayLike: ToLength(Get(obj, "length"))."""
    if type(obj) is JSArray:
        return obj.length()
    return to_length(obj.get("length"))


def create_array_from_list(realm, values: list) -> JSArray:
    """CreateArrayFromList (the list is adopted, not copied)."""
    return JSArray(realm.intrinsics["%Array.prototype%"], values)


def create_list_from_array_like(obj, element_types=None) -> list:
    """CreateListFromArrayLike (Function.prototype.apply, Reflect.apply)."""
    if not isinstance(obj, JSObject):
        raise type_error("CreateListFromArrayLike called on non-object")
    if type(obj) is JSArray and HOLE not in obj.items and not obj.props:
        return list(obj.items)
    n = length_of_array_like(obj)
    return [obj.get(str(i)) for i in range(n)]


def array_create(realm, length: int, proto: JSObject | None = None) -> JSArray:
    """ArrayCreate: a new array of ``length`` holes."""
    if length > 2 ** 32 - 1:
        raise JSError("RangeError", "Invalid array length")
    arr = JSArray(proto or realm.intrinsics["%Array.prototype%"])
    if length:
        arr.set_length(length)
    return arr


def array_species_create(realm, original: JSObject, length: int) -> JSObject:
    """ArraySpeciesCreate: an array made by ``original``'s constructor[@@species]."""
    if not is_array(original):
        return array_create(realm, length)
    ctor = original.get("constructor")
    if isinstance(ctor, JSObject):
        ctor = ctor.get(SPECIES)
        if ctor is NULL:
            ctor = UNDEFINED
    array = realm.intrinsics["%Array%"]
    if ctor is UNDEFINED or ctor is array:
        return array_create(realm, length)  # what constructing %Array% would give
    if not is_constructor(ctor):
        raise type_error("object.constructor[Symbol.species] is not a constructor")
    return construct(ctor, [float(length)])


def species_constructor(realm, obj: JSObject, default):
    """SpeciesConstructor."""
    ctor = obj.get("constructor")
    if ctor is UNDEFINED:
        return default
    if not isinstance(ctor, JSObject):
        raise type_error("object.constructor is not an object")
    species = ctor.get(SPECIES)
    if species is UNDEFINED or species is NULL:
        return default
    if is_constructor(species):
        return species
    raise type_error("object.constructor[Symbol.species] is not a constructor")


# -- constructors and instances -------------------------------------------------------


def get_prototype_from_constructor(realm, constructor, default: str) -> JSObject:
    """GetPrototypeFromConstructor: constructor.prototype, else the named intrinsic."""
    if constructor is not None and constructor is not UNDEFINED:
        proto = constructor.get("prototype")
        if isinstance(proto, JSObject):
            return proto
    return realm.intrinsics[default]


def ordinary_create_from_constructor(realm, constructor, default: str,
                                     class_name: str = "Object") -> JSObject:
    """OrdinaryCreateFromConstructor."""
    return JSObject(get_prototype_from_constructor(realm, constructor, default), class_name)


def ordinary_has_instance(ctor, value) -> bool:
    """OrdinaryHasInstance: is ctor.prototype on value's prototype chain?"""
    if not is_callable(ctor):
        return False
    target = getattr(ctor, "bound_target", None)
    if target is not None:
        return instance_of(None, value, target)
    if not isinstance(value, JSObject):
        return False
    proto = ctor.get("prototype")
    if not isinstance(proto, JSObject):
        raise type_error("Function has non-object prototype "
                         f"'{describe(proto)}' in instanceof check")
    o = value.proto
    while o is not None:
        if o is proto:
            return True
        o = o.proto
    return False


def instance_of(realm, value, target) -> bool:
    """InstanceofOperator: @@hasInstance, else OrdinaryHasInstance."""
    if not isinstance(target, JSObject):
        raise type_error("Right-hand side of 'instanceof' is not an object")
    handler = target.get(HAS_INSTANCE)
    if handler is not UNDEFINED and handler is not NULL:
        from .convert import to_boolean

        return to_boolean(call(handler, target, [value]))
    if not is_callable(target):
        raise type_error("Right-hand side of 'instanceof' is not callable")
    return ordinary_has_instance(target, value)


def has_property_operator(obj, key) -> bool:
    """The ``in`` operator."""
    if not isinstance(obj, JSObject):
        raise type_error(f"Cannot use 'in' operator to search for '{key_text(key)}' "
                         f"in {describe(obj)}")
    return obj.has_property(to_property_key(key))


def copy_data_properties(target: JSObject, source, excluded=()) -> JSObject:
    """CopyDataProperties: object spread ``{...source}`` and rest patterns."""
    if source is UNDEFINED or source is NULL:
        return target
    if not isinstance(source, JSObject):
        if type(source) is not str:
            return target  # other primitives have no own enumerable properties
        for i, c in enumerate(source):
            if str(i) not in excluded:
                target.define_own_property(str(i), Slot(c))
        return target
    for key in source.own_keys():
        if key in excluded:
            continue
        slot = source.get_own_property(key)
        if slot is not None and slot.flags & ENUMERABLE:
            target.define_own_property(key, Slot(source.get(key)))
    return target


# -- keys -----------------------------------------------------------------------------


def enumerable_own_keys(obj: JSObject) -> list[str]:
    """EnumerableOwnProperties(O, key): the string keys Object.keys lists."""
    if type(obj) is JSObject:
        props = obj.props
        keys = obj.own_keys()
        return [k for k in keys if type(k) is str and (
            type(props[k]) is not Slot or props[k].flags & ENUMERABLE)]
    out = []
    for key in obj.own_keys():
        if type(key) is str:
            slot = obj.get_own_property(key)
            if slot is not None and slot.flags & ENUMERABLE:
                out.append(key)
    return out


def enumerable_own_properties(obj: JSObject) -> list[tuple[str, object]]:
    """EnumerableOwnProperties(O, key+value): each key's descriptor is read just before
    its value, so a getter that deletes a later property is seen."""
    out = []
    for key in obj.own_keys():
        if type(key) is str:
            slot = obj.get_own_property(key)
            if slot is not None and slot.flags & ENUMERABLE:
                out.append((key, obj.get(key)))
    return out


def for_in_keys(obj) -> list[str]:
    """EnumerateObjectProperties: enumerable string keys up the prototype chain, each
    once, a key shadowed by a non-enumerable one skipped (the for-in order)."""
    if not isinstance(obj, JSObject):
        return []
    seen: set = set()
    out = []
    while obj is not None:
        for key in obj.own_keys():
            if type(key) is not str or key in seen:
                continue
            seen.add(key)
            slot = obj.get_own_property(key)
            if slot is not None and slot.flags & ENUMERABLE:
                out.append(key)
        obj = obj.proto
    return out


def for_in_has(obj: JSObject, key: str) -> bool:
    """Whether for-in still visits ``key`` (one deleted meanwhile is skipped). A proxy is
    asked for its own property, then its prototype, as V8 does, not through its has trap."""
    o = obj
    while o is not None and o.is_proxy:
        if o.get_own_property(key) is not None:
            return True
        o = o.proto
    return o is not None and o.has_property(key)


# -- property descriptors -------------------------------------------------------------


def from_property_descriptor(realm, slot: Slot | None):
    """FromPropertyDescriptor: a descriptor object ({value, writable, ...})."""
    if slot is None:
        return UNDEFINED
    desc = JSObject(realm.object_prototype)
    if slot.flags & ACCESSOR:
        desc.props["get"] = slot.getter
        desc.props["set"] = slot.setter
    else:
        desc.props["value"] = slot.value
        desc.props["writable"] = bool(slot.flags & WRITABLE)
    desc.props["enumerable"] = bool(slot.flags & ENUMERABLE)
    desc.props["configurable"] = bool(slot.flags & CONFIGURABLE)
    return desc


def to_property_descriptor(obj) -> tuple[Slot, int]:
    """ToPropertyDescriptor: a Slot and the ``present`` bits of the fields it gives."""
    from .convert import to_boolean

    if not isinstance(obj, JSObject):
        raise type_error(f"Property description must be an object: {describe(obj)}")
    flags = present = 0
    value = getter = setter = UNDEFINED
    for name, bit in (("enumerable", ENUMERABLE), ("configurable", CONFIGURABLE)):
        if obj.has_property(name):
            present |= bit
            if to_boolean(obj.get(name)):
                flags |= bit
    if obj.has_property("value"):
        present |= VALUE
        value = obj.get("value")
    if obj.has_property("writable"):
        present |= WRITABLE
        if to_boolean(obj.get("writable")):
            flags |= WRITABLE
    if obj.has_property("get"):
        present |= GETTER
        getter = obj.get("get")
        if getter is not UNDEFINED and not is_callable(getter):
            raise type_error(f"Getter must be a function: {describe(getter)}")
    if obj.has_property("set"):
        present |= SETTER
        setter = obj.get("set")
        if setter is not UNDEFINED and not is_callable(setter):
            raise type_error(f"Setter must be a function: {describe(setter)}")
    if present & (GETTER | SETTER):
        if present & (VALUE | WRITABLE):
            raise type_error("Invalid property descriptor. Cannot both specify accessors "
                             "and a value or writable attribute")
        flags |= ACCESSOR
    if present == 0:
        present = _EMPTY
    return Slot(value, flags, getter, setter), present


# An empty descriptor object ({}) still names no field; 0 means "complete" to
# define_own_property, so it gets a bit no field uses.
_EMPTY = 128


def define_from_descriptor(obj: JSObject, key, desc: Slot, present: int) -> bool:
    """[[DefineOwnProperty]] with a descriptor from to_property_descriptor."""
    if present == _EMPTY and not obj.is_proxy:  # a proxy's trap gets the empty descriptor
        if obj.get_own_property(key) is not None:
            return True
        present = ENUMERABLE  # a new property with every attribute false
        desc = Slot(UNDEFINED, 0)
    return obj.define_own_property(key, desc, present)


# -- integrity levels -----------------------------------------------------------------


def set_integrity_level(obj: JSObject, level: str) -> bool:
    """SetIntegrityLevel: "sealed" or "frozen"."""
    if not obj.prevent_extensions():
        return False
    for key in obj.own_keys():
        slot = obj.get_own_property(key)
        if slot is None:
            continue
        if level == "frozen" and not slot.flags & ACCESSOR:
            ok = obj.define_own_property(key, Slot(slot.value, 0), CONFIGURABLE | WRITABLE)
        else:
            ok = obj.define_own_property(key, Slot(UNDEFINED, 0), CONFIGURABLE)
        if not ok:
            raise type_error(f"Cannot redefine property: {key_text(key)}")
    return True


def test_integrity_level(obj: JSObject, level: str) -> bool:
    """TestIntegrityLevel: "sealed" or "frozen"."""
    if obj.extensible:
        return False
    for key in obj.own_keys():
        slot = obj.get_own_property(key)
        if slot is None:
            continue
        if slot.flags & CONFIGURABLE:
            return False
        if level == "frozen" and not slot.flags & ACCESSOR and slot.flags & WRITABLE:
            return False
    return True

