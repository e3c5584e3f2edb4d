"""Number (§21.1) and the global number functions parseInt, parseFloat, isNaN, isFinite.

toFixed, toExponential and toPrecision round the exact binary value half up (the spec's
"if there are two such n, pick the larger"), so they use ``decimal`` on the double's
exact expansion rather than Python's ``%f`` (which rounds half to even); ``decimal``
is imported on first use, as start-up time matters.
"""

from __future__ import annotations

import math

from ..convert import (
    INF,
    MAX_SAFE_INTEGER,
    NAN,
    WHITESPACE,
    bigint_to_number,
    number_to_string,
    range_error,
    shortest_digits,
    to_int32,
    to_integer_or_infinity,
    to_number,
    to_numeric,
    to_string,
    type_error,
)
from ..objects import JSObject
from ..operations import get_prototype_from_constructor
from ..patterns import LazyPattern
from ..values import UNDEFINED
from .support import arg, constant, make_constructor, method

_FLOAT_PREFIX = LazyPattern(r"[+-]?(?:Infinity|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)")
_MAX_UINT32_PART = 0xFFFFFFFF // 36


def _digit_value(c: str) -> int:
    o = ord(c)
    if 48 <= o <= 57:
        return o - 48
    if 97 <= o <= 122:
        return o - 87
    if 65 <= o <= 90:
        return o - 55
    return 99


def parse_int(string, radix) -> float:
    """parseInt (§19.2.5)."""
    s = to_string(string).lstrip(WHITESPACE)
    negative = False
    if s[:1] in ("+", "-"):
        negative = s[0] == "-"
        s = s[1:]
    r = to_int32(radix)
    strip_prefix = True
    if r != 0:
        if r < 2 or r > 36:
            return NAN
        strip_prefix = r == 16
    else:
        r = 10
    if strip_prefix and s[:2] in ("0x", "0X"):
        s = s[2:]
        r = 16
    end = 0
    while end < len(s) and _digit_value(s[end]) < r:
        end += 1
    if end == 0:
        return NAN
    value = _digits_to_number(s[:end], r)
    return -value if negative else value


def _digits_to_number(digits: str, radix: int) -> float:
    """The value of a digit string as V8 computes it (exact for 10 and powers of 2)."""
    if radix == 10:
        digits = digits.lstrip("0") or "0"
        return float(digits[:310])  # V8 keeps 310 digits; more overflow anyway
    if radix & (radix - 1) == 0:
        return bigint_to_number(int(digits, radix))
    # V8 accumulates other radixes in 32-bit parts, in double arithmetic.
    number, i, n = 0.0, 0, len(digits)
    while i < n:
        part, multiplier = 0, 1
        while i < n:
            m = multiplier * radix
            if m > _MAX_UINT32_PART:
                break
            part = part * radix + _digit_value(digits[i])
            multiplier = m
            i += 1
        number = number * multiplier + part
    return number


def parse_float(string) -> float:
    """parseFloat (§19.2.4): the longest StrDecimalLiteral prefix."""
    s = to_string(string).lstrip(WHITESPACE)
    m = _FLOAT_PREFIX.match(s)
    if m is None:
        return NAN
    return float(m.group().replace("Infinity", "inf"))


# -- Number.prototype formatting ------------------------------------------------------


def _round_digits(x: float, p: int) -> tuple[str, int]:
    """p significant digits of x > 0 rounded half up, and the exponent of the first."""
    from decimal import ROUND_HALF_UP, Decimal, localcontext

    d = Decimal(x)
    e = d.adjusted()
    with localcontext() as ctx:
        ctx.prec = 1200
        n = int(d.scaleb(p - 1 - e).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if n >= 10 ** p:
        n //= 10
        e += 1
    return str(n), e


def _exponent_suffix(e: int) -> str:
    return f"e+{e}" if e >= 0 else f"e-{-e}"


def to_fixed(x: float, f: int) -> str:
    """Number.prototype.toFixed for finite x and 0 <= f <= 100."""
    from decimal import ROUND_HALF_UP, Decimal, localcontext

    if abs(x) >= 1e21:
        return number_to_string(x)
    with localcontext() as ctx:
        ctx.prec = 1200
        d = Decimal(abs(x)).quantize(Decimal(1).scaleb(-f), rounding=ROUND_HALF_UP)
    return ("-" if x < 0 else "") + format(d, "f")


def to_exponential(x: float, f: int | None) -> str:
    """Number.prototype.toExponential for finite x; f None means as many as needed."""
    sign = "-" if x < 0 else ""
    x = abs(x)
    if x == 0:
        digits, e = "0" * ((f or 0) + 1), 0
    elif f is None:
        digits, n = shortest_digits(x)
        e = n - 1
    else:
        digits, e = _round_digits(x, f + 1)
    mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    return sign + mantissa + _exponent_suffix(e)


def to_precision(x: float, p: int) -> str:
    """Number.prototype.toPrecision for finite x and 1 <= p <= 100."""
    sign = "-" if x < 0 else ""
    x = abs(x)
    if x == 0:
        digits, e = "0" * p, 0
    else:
        digits, e = _round_digits(x, p)
    if e < -6 or e >= p:
        mantissa = digits[0] + ("." + digits[1:] if p > 1 else "")
        return sign + mantissa + _exponent_suffix(e)
    if e == p - 1:
        return sign + digits
    if e >= 0:
        return sign + digits[:e + 1] + "." + digits[e + 1:]
    return sign + "0." + "0" * (-(e + 1)) + digits


def to_locale_string(x: float) -> str:
    """en-US formatting as node's ICU does by default: grouping, at most 3 decimals,
    rounding the shortest round-trip decimal (not the exact binary value) half up."""
    from decimal import ROUND_HALF_UP, Decimal, localcontext

    if x != x:
        return "NaN"
    if x in (INF, -INF):
        return "-∞" if x < 0 else "∞"
    with localcontext() as ctx:
        ctx.prec = 1200
        d = Decimal(repr(abs(x))).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
    whole, _, frac = format(d, "f").partition(".")
    frac = frac.rstrip("0")
    grouped = f"{int(whole):,}"
    negative = math.copysign(1.0, x) < 0
    return ("-" if negative else "") + grouped + ("." + frac if frac else "")


def this_number_value(value, method_name: str) -> float:
    """ThisNumberValue."""
    if type(value) is float:
        return value
    if isinstance(value, JSObject) and value.class_name == "Number" \
            and type(value.internal) is float:
        return value.internal
    raise type_error(f"{method_name} requires that 'this' be a Number")


def setup(realm) -> None:
    proto = JSObject(realm.object_prototype, "Number")
    proto.internal = 0.0

    def number_value(args) -> float:
        if not args:
            return 0.0
        n = to_numeric(args[0])
        return bigint_to_number(n) if type(n) is int else n

    def number_call(this, args):
        return number_value(args)

    def number_construct(args, new_target):
        n = number_value(args)
        obj = JSObject(get_prototype_from_constructor(realm, new_target, "%Number.prototype%"),
                       "Number")
        obj.internal = n
        return obj

    ctor = make_constructor(realm, "Number", number_call, 1, number_construct, proto)
    for name, value in (("EPSILON", 2.0 ** -52), ("MAX_SAFE_INTEGER", float(MAX_SAFE_INTEGER)),
                        ("MAX_VALUE", 1.7976931348623157e308),
                        ("MIN_SAFE_INTEGER", -float(MAX_SAFE_INTEGER)),
                        ("MIN_VALUE", 5e-324), ("NaN", NAN), ("NEGATIVE_INFINITY", -INF),
                        ("POSITIVE_INFINITY", INF)):
        constant(ctor, name, value)

    def is_finite_(this, args):
        v = arg(args, 0)
        return type(v) is float and math.isfinite(v)

    def is_integer(this, args):
        v = arg(args, 0)
        return type(v) is float and math.isfinite(v) and v.is_integer()

    def is_nan(this, args):
        v = arg(args, 0)
        return type(v) is float and v != v

    def is_safe_integer(this, args):
        v = arg(args, 0)
        return (type(v) is float and math.isfinite(v) and v.is_integer()
                and abs(v) <= MAX_SAFE_INTEGER)

    method(realm, ctor, "isFinite", is_finite_, 1)
    method(realm, ctor, "isInteger", is_integer, 1)
    method(realm, ctor, "isNaN", is_nan, 1)
    method(realm, ctor, "isSafeInteger", is_safe_integer, 1)

    # the global functions; Number.parseFloat/parseInt are the same objects
    g_parse_float = realm.native("parseFloat", lambda this, args: parse_float(arg(args, 0)), 1)
    g_parse_int = realm.native(
        "parseInt", lambda this, args: parse_int(arg(args, 0), arg(args, 1)), 2)
    realm.intrinsics["%parseFloat%"] = g_parse_float
    realm.intrinsics["%parseInt%"] = g_parse_int
    ctor.define("parseFloat", g_parse_float)
    ctor.define("parseInt", g_parse_int)

    def global_is_nan(this, args):
        n = to_number(arg(args, 0))
        return n != n

    def global_is_finite(this, args):
        return math.isfinite(to_number(arg(args, 0)))

    realm.intrinsics["%isNaN%"] = realm.native("isNaN", global_is_nan, 1)
    realm.intrinsics["%isFinite%"] = realm.native("isFinite", global_is_finite, 1)

    # -- Number.prototype ---------------------------------------------------------------

    def to_string_(this, args):
        x = this_number_value(this, "Number.prototype.toString")
        radix = arg(args, 0)
        r = 10 if radix is UNDEFINED else to_integer_or_infinity(radix)
        if r < 2 or r > 36:
            raise range_error("toString() radix argument must be between 2 and 36")
        return number_to_string(x, int(r))

    def to_fixed_(this, args):
        x = this_number_value(this, "Number.prototype.toFixed")
        f = to_integer_or_infinity(arg(args, 0))
        if not -INF < f < INF or f < 0 or f > 100:
            raise range_error("toFixed() digits argument must be between 0 and 100")
        if not math.isfinite(x):
            return number_to_string(x)
        return to_fixed(x, f)

    def to_exponential_(this, args):
        x = this_number_value(this, "Number.prototype.toExponential")
        digits = arg(args, 0)
        f = to_integer_or_infinity(digits)
        if not math.isfinite(x):
            return number_to_string(x)
        if f < 0 or f > 100:
            raise range_error("toExponential() argument must be between 0 and 100")
        return to_exponential(x, None if digits is UNDEFINED else int(f))

    def to_precision_(this, args):
        x = this_number_value(this, "Number.prototype.toPrecision")
        precision = arg(args, 0)
        if precision is UNDEFINED:
            return number_to_string(x)
        p = to_integer_or_infinity(precision)
        if not math.isfinite(x):
            return number_to_string(x)
        if p < 1 or p > 100:
            raise range_error("toPrecision() argument must be between 1 and 100")
        return to_precision(x, int(p))

    def value_of(this, args):
        return this_number_value(this, "Number.prototype.valueOf")

    def to_locale_string_(this, args):
        return to_locale_string(this_number_value(this, "Number.prototype.toLocaleString"))

    method(realm, proto, "toExponential", to_exponential_, 1)
    method(realm, proto, "toFixed", to_fixed_, 1)
    method(realm, proto, "toLocaleString", to_locale_string_, 0)
    method(realm, proto, "toPrecision", to_precision_, 1)
    method(realm, proto, "toString", to_string_, 1)
    method(realm, proto, "valueOf", value_of, 0)
