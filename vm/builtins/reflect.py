"""The Reflect object (§28.1): the object internal methods as functions."""

from __future__ import annotations

from ..convert import describe, is_constructor, to_property_key, type_error
from ..objects import CONFIGURABLE, JSObject
from ..operations import (
    call,
    construct,
    create_array_from_list,
    create_list_from_array_like,
    define_from_descriptor,
    from_property_descriptor,
    to_property_descriptor,
)
from ..symbols import TO_STRING_TAG
from ..values import NULL
from .support import arg, method


def _target(value, name: str) -> JSObject:
    if not isinstance(value, JSObject):
        raise type_error(f"Reflect.{name} called on non-object")
    return value


def setup(realm) -> None:
    reflect = JSObject(realm.object_prototype)
    realm.intrinsics["%Reflect%"] = reflect
    reflect.define(TO_STRING_TAG, "Reflect", CONFIGURABLE)

    def apply(this, args):
        return call(arg(args, 0), arg(args, 1), create_list_from_array_like(arg(args, 2)))

    def construct_(this, args):
        target = arg(args, 0)
        if not is_constructor(target):
            raise type_error(f"{describe(target)} is not a constructor")
        new_target = args[2] if len(args) > 2 else target
        if not is_constructor(new_target):
            raise type_error(f"{describe(new_target)} is not a constructor")
        return construct(target, create_list_from_array_like(arg(args, 1)), new_target)

    def define_property(this, args):
        target = _target(arg(args, 0), "defineProperty")
        key = to_property_key(arg(args, 1))
        desc, present = to_property_descriptor(arg(args, 2))
        return define_from_descriptor(target, key, desc, present)

    def delete_property(this, args):
        target = _target(arg(args, 0), "deleteProperty")
        return target.delete(to_property_key(arg(args, 1)))

    def get(this, args):
        target = _target(arg(args, 0), "get")
        key = to_property_key(arg(args, 1))
        return target.get(key, args[2] if len(args) > 2 else target)

    def get_own_property_descriptor(this, args):
        target = _target(arg(args, 0), "getOwnPropertyDescriptor")
        return from_property_descriptor(realm, target.get_own_property(
            to_property_key(arg(args, 1))))

    def get_prototype_of(this, args):
        proto = _target(arg(args, 0), "getPrototypeOf").proto
        return NULL if proto is None else proto

    def has(this, args):
        target = _target(arg(args, 0), "has")
        return target.has_property(to_property_key(arg(args, 1)))

    def is_extensible(this, args):
        return _target(arg(args, 0), "isExtensible").extensible

    def own_keys(this, args):
        return create_array_from_list(realm, _target(arg(args, 0), "ownKeys").own_keys())

    def prevent_extensions(this, args):
        return _target(arg(args, 0), "preventExtensions").prevent_extensions()

    def set_(this, args):
        target = _target(arg(args, 0), "set")
        key = to_property_key(arg(args, 1))
        return target.set(key, arg(args, 2), args[3] if len(args) > 3 else target)

    def set_prototype_of(this, args):
        target = _target(arg(args, 0), "setPrototypeOf")
        proto = arg(args, 1)
        if proto is not NULL and not isinstance(proto, JSObject):
            raise type_error(f"Object prototype may only be an Object or null: {describe(proto)}")
        return target.set_prototype_of(None if proto is NULL else proto)

    for name, fn, length in (("apply", apply, 3), ("construct", construct_, 2),
                             ("defineProperty", define_property, 3),
                             ("deleteProperty", delete_property, 2), ("get", get, 2),
                             ("getOwnPropertyDescriptor", get_own_property_descriptor, 2),
                             ("getPrototypeOf", get_prototype_of, 1), ("has", has, 2),
                             ("isExtensible", is_extensible, 1), ("ownKeys", own_keys, 1),
                             ("preventExtensions", prevent_extensions, 1), ("set", set_, 3),
                             ("setPrototypeOf", set_prototype_of, 2)):
        method(realm, reflect, name, fn, length)
