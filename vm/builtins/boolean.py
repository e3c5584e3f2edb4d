"""Boolean (§20.3)."""

from __future__ import annotations

from ..convert import to_boolean, type_error
from ..objects import JSObject
from ..operations import get_prototype_from_constructor
from .support import arg, make_constructor, method


def this_boolean_value(value, method_name: str) -> bool:
    """ThisBooleanValue."""
    if type(value) is bool:
        return value
    if isinstance(value, JSObject) and value.class_name == "Boolean" \
            and type(value.internal) is bool:
        return value.internal
    raise type_error(f"{method_name} requires that 'this' be a Boolean")


def setup(realm) -> None:
    proto = JSObject(realm.object_prototype, "Boolean")
    proto.internal = False

    def boolean_call(this, args):
        return to_boolean(arg(args, 0))

    def boolean_construct(args, new_target):
        obj = JSObject(get_prototype_from_constructor(realm, new_target, "%Boolean.prototype%"),
                       "Boolean")
        obj.internal = to_boolean(arg(args, 0))
        return obj

    make_constructor(realm, "Boolean", boolean_call, 1, boolean_construct, proto)

    def to_string(this, args):
        return "true" if this_boolean_value(this, "Boolean.prototype.toString") else "false"

    def value_of(this, args):
        return this_boolean_value(this, "Boolean.prototype.valueOf")

    method(realm, proto, "toString", to_string, 0)
    method(realm, proto, "valueOf", value_of, 0)
