"""WeakMap (§24.3), WeakSet (§24.4), WeakRef (§26.1), FinalizationRegistry (§26.2).

The reference VM never collects a weakly held value: the spec lets an implementation
keep any object alive, so holding keys strongly is conforming, and it keeps runs
deterministic. A WeakRef therefore always derefs to its target and a
FinalizationRegistry's cleanup callback is never called. Keys are held by identity
(objects and unregistered symbols hash by identity in Python), as CanBeHeldWeakly asks.
"""

from __future__ import annotations

from ..convert import describe, is_callable, same_value, to_string, type_error
from ..objects import CONFIGURABLE, JSObject
from ..operations import call, get_prototype_from_constructor
from ..symbols import TO_STRING_TAG
from ..values import NULL, UNDEFINED, JSSymbol
from .iterator import for_each
from .map import add_entries_from_iterable, incompatible, require_new, require_writable
from .support import arg, make_constructor, method


def can_be_held_weakly(value) -> bool:
    """CanBeHeldWeakly: objects, and symbols that Symbol.for did not register."""
    if isinstance(value, JSObject):
        return True
    return type(value) is JSSymbol and not value.registered


def this_slot(this, class_name: str, method_name: str):
    """RequireInternalSlot for the weak collections: the Python container."""
    if isinstance(this, JSObject) and this.class_name == class_name \
            and this.internal is not None:
        require_writable(this, method_name)
        return this.internal
    raise incompatible(method_name, this)


def _shown(value) -> str:
    if isinstance(value, JSObject) or type(value) is JSSymbol:
        return describe(value)
    return to_string(value)


def setup(realm) -> None:
    setup_weak_map(realm)
    setup_weak_set(realm)
    setup_weak_ref(realm)
    setup_finalization_registry(realm)


def construct_adder_target(realm, name: str, new_target, container, iterable, adder_key):
    """The shared start of the WeakMap and WeakSet constructors."""
    require_new(name, new_target)
    obj = JSObject(get_prototype_from_constructor(realm, new_target, f"%{name}.prototype%"),
                   name)
    obj.internal = container
    if iterable is UNDEFINED or iterable is NULL:
        return obj, None
    adder = obj.get(adder_key)
    if not is_callable(adder):
        raise type_error(f"'{describe(adder)}' returned for property '{adder_key}' of object "
                         f"'{describe(obj)}' is not a function")
    return obj, adder


def setup_weak_map(realm) -> None:
    proto = JSObject(realm.object_prototype)

    def weak_map_call(this, args):
        raise type_error("Constructor WeakMap requires 'new'")

    def weak_map_construct(args, new_target):
        obj, adder = construct_adder_target(realm, "WeakMap", new_target, {}, arg(args, 0),
                                            "set")
        if adder is not None:
            add_entries_from_iterable(realm, obj, arg(args, 0), adder)
        return obj

    make_constructor(realm, "WeakMap", weak_map_call, 0, weak_map_construct, proto)

    def delete(this, args):
        data = this_slot(this, "WeakMap", "WeakMap.prototype.delete")
        key = arg(args, 0)
        if can_be_held_weakly(key) and key in data:
            del data[key]
            return True
        return False

    def get(this, args):
        data = this_slot(this, "WeakMap", "WeakMap.prototype.get")
        key = arg(args, 0)
        return data.get(key, UNDEFINED) if can_be_held_weakly(key) else UNDEFINED

    def get_or_insert(this, args):
        data = this_slot(this, "WeakMap", "WeakMap.prototype.getOrInsert")
        key = arg(args, 0)
        if not can_be_held_weakly(key):
            raise type_error("Invalid value used as weak map key")
        return data.setdefault(key, arg(args, 1))

    def get_or_insert_computed(this, args):
        data = this_slot(this, "WeakMap", "WeakMap.prototype.getOrInsertComputed")
        key, callback = arg(args, 0), arg(args, 1)
        if not can_be_held_weakly(key):
            raise type_error("Invalid value used as weak map key")
        if not is_callable(callback):
            raise type_error(f"{describe(callback)} is not a function")
        if key in data:
            return data[key]
        value = data[key] = call(callback, UNDEFINED, [key])
        return value

    def has(this, args):
        data = this_slot(this, "WeakMap", "WeakMap.prototype.has")
        key = arg(args, 0)
        return can_be_held_weakly(key) and key in data

    def set_(this, args):
        data = this_slot(this, "WeakMap", "WeakMap.prototype.set")
        key = arg(args, 0)
        if not can_be_held_weakly(key):
            raise type_error("Invalid value used as weak map key")
        data[key] = arg(args, 1)
        return this

    method(realm, proto, "delete", delete, 1)
    method(realm, proto, "get", get, 1)
    method(realm, proto, "getOrInsert", get_or_insert, 2)
    method(realm, proto, "getOrInsertComputed", get_or_insert_computed, 2)
    method(realm, proto, "has", has, 1)
    method(realm, proto, "set", set_, 2)
    proto.define(TO_STRING_TAG, "WeakMap", CONFIGURABLE)


def setup_weak_set(realm) -> None:
    proto = JSObject(realm.object_prototype)

    def weak_set_call(this, args):
        raise type_error("Constructor WeakSet requires 'new'")

    def weak_set_construct(args, new_target):
        obj, adder = construct_adder_target(realm, "WeakSet", new_target, {}, arg(args, 0),
                                            "add")
        if adder is not None:
            for_each(realm, arg(args, 0), lambda value: call(adder, obj, [value]))
        return obj

    make_constructor(realm, "WeakSet", weak_set_call, 0, weak_set_construct, proto)

    def add(this, args):
        data = this_slot(this, "WeakSet", "WeakSet.prototype.add")
        value = arg(args, 0)
        if not can_be_held_weakly(value):
            raise type_error("Invalid value used in weak set")
        data[value] = True
        return this

    def delete(this, args):
        data = this_slot(this, "WeakSet", "WeakSet.prototype.delete")
        value = arg(args, 0)
        if can_be_held_weakly(value) and value in data:
            del data[value]
            return True
        return False

    def has(this, args):
        data = this_slot(this, "WeakSet", "WeakSet.prototype.has")
        value = arg(args, 0)
        return can_be_held_weakly(value) and value in data

    method(realm, proto, "add", add, 1)
    method(realm, proto, "delete", delete, 1)
    method(realm, proto, "has", has, 1)
    proto.define(TO_STRING_TAG, "WeakSet", CONFIGURABLE)


class WeakRefTarget:
    """[[WeakRefTarget]] (a box, so ``internal`` is never a bare JS value)."""

    __slots__ = ("target",)

    def __init__(self, target) -> None:
        self.target = target


def setup_weak_ref(realm) -> None:
    proto = JSObject(realm.object_prototype)

    def weak_ref_call(this, args):
        raise type_error("Constructor WeakRef requires 'new'")

    def weak_ref_construct(args, new_target):
        require_new("WeakRef", new_target)
        target = arg(args, 0)
        if not can_be_held_weakly(target):
            raise type_error("WeakRef: invalid target")
        obj = JSObject(get_prototype_from_constructor(realm, new_target, "%WeakRef.prototype%"),
                       "WeakRef")
        obj.internal = WeakRefTarget(target)
        return obj

    make_constructor(realm, "WeakRef", weak_ref_call, 1, weak_ref_construct, proto)

    def deref(this, args):
        return this_slot(this, "WeakRef", "WeakRef.prototype.deref").target

    method(realm, proto, "deref", deref, 0)
    proto.define(TO_STRING_TAG, "WeakRef", CONFIGURABLE)


class Cells:
    """[[Cells]] of a FinalizationRegistry: (target, held value, unregister token)."""

    __slots__ = ("cleanup", "cells")

    def __init__(self, cleanup) -> None:
        self.cleanup = cleanup
        self.cells: list[tuple] = []


def setup_finalization_registry(realm) -> None:
    proto = JSObject(realm.object_prototype)
    name = "FinalizationRegistry"

    def registry_call(this, args):
        raise type_error(f"Constructor {name} requires 'new'")

    def registry_construct(args, new_target):
        require_new(name, new_target)
        cleanup = arg(args, 0)
        if not is_callable(cleanup):
            raise type_error(f"{name}: cleanup must be callable")
        obj = JSObject(get_prototype_from_constructor(realm, new_target,
                                                      f"%{name}.prototype%"), name)
        obj.internal = Cells(cleanup)
        return obj

    make_constructor(realm, name, registry_call, 1, registry_construct, proto)

    def register(this, args):
        cells = this_slot(this, name, f"{name}.prototype.register")
        target, held, token = arg(args, 0), arg(args, 1), arg(args, 2)
        if not can_be_held_weakly(target):
            raise type_error(f"{name}.prototype.register: invalid target")
        if same_value(target, held):
            raise type_error(f"{name}.prototype.register: target and holdings must not be same")
        if not can_be_held_weakly(token):
            if token is not UNDEFINED:
                raise type_error(f"Invalid unregisterToken ('{_shown(token)}')")
            token = None
        cells.cells.append((target, held, token))
        return UNDEFINED

    def unregister(this, args):
        cells = this_slot(this, name, f"{name}.prototype.unregister")
        token = arg(args, 0)
        if not can_be_held_weakly(token):
            raise type_error(f"Invalid unregisterToken ('{_shown(token)}')")
        kept = [cell for cell in cells.cells if cell[2] is not token]
        removed = len(kept) != len(cells.cells)
        cells.cells = kept
        return removed

    method(realm, proto, "register", register, 2)
    method(realm, proto, "unregister", unregister, 1)
    proto.define(TO_STRING_TAG, name, CONFIGURABLE)
