"""Symbol (§20.4): the constructor, the registry, the well-known symbols."""

from __future__ import annotations

from ..convert import describe, to_string, type_error
from ..objects import CONFIGURABLE, JSObject
from ..symbols import REGISTRY, TO_PRIMITIVE, TO_STRING_TAG, WELL_KNOWN, symbol_for
from ..symbols import symbol_descriptive_string as descriptive_string
from ..values import UNDEFINED, JSSymbol
from .support import accessor, arg, constant, make_constructor, method


def this_symbol_value(value, method_name: str) -> JSSymbol:
    """ThisSymbolValue: a symbol, or the one a Symbol wrapper holds."""
    if type(value) is JSSymbol:
        return value
    if isinstance(value, JSObject) and type(value.internal) is JSSymbol:
        return value.internal
    raise type_error(f"{method_name} requires that 'this' be a Symbol")


def setup(realm) -> None:
    proto = JSObject(realm.object_prototype)

    def symbol_call(this, args):
        desc = arg(args, 0)
        return JSSymbol(None if desc is UNDEFINED else to_string(desc))

    def symbol_construct(args, new_target):
        # Symbol is a constructor (a class may extend it) whose [[Construct]] always throws
        raise type_error("Symbol is not a constructor")

    ctor = make_constructor(realm, "Symbol", symbol_call, 0, symbol_construct, proto)

    def symbol_for_(this, args):
        return symbol_for(to_string(arg(args, 0)))

    def key_for(this, args):
        sym = arg(args, 0)
        if type(sym) is not JSSymbol:
            raise type_error(f"{describe(sym)} is not a symbol")
        if sym.registered and REGISTRY.get(sym.description) is sym:
            return sym.description
        return UNDEFINED

    method(realm, ctor, "for", symbol_for_, 1)
    method(realm, ctor, "keyFor", key_for, 1)
    for name, sym in WELL_KNOWN.items():
        constant(ctor, name, sym)

    def description(this, args):
        sym = this_symbol_value(this, "Symbol.prototype.description")
        return UNDEFINED if sym.description is None else sym.description

    def to_string_(this, args):
        return descriptive_string(this_symbol_value(this, "Symbol.prototype.toString"))

    def value_of(this, args):
        return this_symbol_value(this, "Symbol.prototype.valueOf")

    def to_primitive(this, args):
        return this_symbol_value(this, "Symbol.prototype [ @@toPrimitive ]")

    accessor(realm, proto, "description", description)
    method(realm, proto, "toString", to_string_, 0)
    method(realm, proto, "valueOf", value_of, 0)
    proto.define(TO_PRIMITIVE, realm.native("[Symbol.toPrimitive]", to_primitive, 1),
                 CONFIGURABLE)
    proto.define(TO_STRING_TAG, "Symbol", CONFIGURABLE)
