"""BigInt (§21.2): BigInts are Python ints."""

from __future__ import annotations

from ..convert import (
    MAX_BIGINT_BITS,
    bigint_to_string,
    range_error,
    string_to_bigint,
    to_index,
    to_integer_or_infinity,
    to_primitive,
    to_string,
    type_error,
)
from ..objects import CONFIGURABLE, JSError, JSObject
from ..symbols import TO_STRING_TAG
from ..values import UNDEFINED, JSSymbol
from .support import arg, make_constructor, method


def to_bigint(value) -> int:
    """ToBigInt."""
    prim = to_primitive(value, "number")
    t = type(prim)
    if t is int:
        return prim
    if t is bool:
        return int(prim)
    if t is str:
        n = string_to_bigint(prim)
        if n is None:
            raise JSError("SyntaxError", f"Cannot convert {prim} to a BigInt")
        return n
    if t is float:
        raise type_error(f"Cannot convert {to_string(prim)} to a BigInt")
    if t is JSSymbol:
        raise type_error("Cannot convert Symbol to a BigInt")
    raise type_error(f"Cannot convert {to_string(prim)} to a BigInt")


def number_to_bigint(x: float) -> int:
    """NumberToBigInt: RangeError unless x is an integer."""
    if x != x or x in (float("inf"), float("-inf")) or not x.is_integer():
        raise range_error(f"The number {to_string(x)} cannot be converted to a BigInt "
                          "because it is not an integer")
    return int(x)


def this_bigint_value(value, method_name: str) -> int:
    """ThisBigIntValue."""
    if type(value) is int:
        return value
    if isinstance(value, JSObject) and value.class_name == "BigInt" \
            and type(value.internal) is int:
        return value.internal
    raise type_error(f"{method_name} requires that 'this' be a BigInt")


def setup(realm) -> None:
    proto = JSObject(realm.object_prototype)

    def bigint_call(this, args):
        prim = to_primitive(arg(args, 0), "number")
        if type(prim) is float:
            return number_to_bigint(prim)
        return to_bigint(prim)

    ctor = make_constructor(realm, "BigInt", bigint_call, 1, None, proto)

    def as_int_n(this, args):
        bits = to_index(arg(args, 0))
        n = to_bigint(arg(args, 1))
        if bits == 0:
            return 0
        if bits > n.bit_length():
            return n
        mod = n & ((1 << bits) - 1)
        return mod - (1 << bits) if mod >= 1 << (bits - 1) else mod

    def as_uint_n(this, args):
        bits = to_index(arg(args, 0))
        n = to_bigint(arg(args, 1))
        if n >= 0 and bits >= n.bit_length():
            return n
        if bits > MAX_BIGINT_BITS:
            raise range_error("Maximum BigInt size exceeded")
        return n & ((1 << bits) - 1)

    method(realm, ctor, "asIntN", as_int_n, 2)
    method(realm, ctor, "asUintN", as_uint_n, 2)

    def to_string_(this, args):
        x = this_bigint_value(this, "BigInt.prototype.toString")
        radix = arg(args, 0)
        r = 10 if radix is UNDEFINED else to_integer_or_infinity(radix)
        if r < 2 or r > 36:
            raise range_error("toString() radix must be between 2 and 36")
        return bigint_to_string(x, int(r))

    def to_locale_string(this, args):
        digits = bigint_to_string(this_bigint_value(this, "BigInt.prototype.toLocaleString"))
        sign, digits = ("-", digits[1:]) if digits.startswith("-") else ("", digits)
        head = len(digits) % 3 or 3
        groups = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
        return sign + ",".join(groups)

    def value_of(this, args):
        return this_bigint_value(this, "BigInt.prototype.valueOf")

    method(realm, proto, "toLocaleString", to_locale_string, 0)
    method(realm, proto, "toString", to_string_, 0)
    method(realm, proto, "valueOf", value_of, 0)
    proto.define(TO_STRING_TAG, "BigInt", CONFIGURABLE)
