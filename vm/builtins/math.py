"""The Math object (§21.3).

The transcendental functions are V8's own (vm.ieee754), so results agree with node
to the last bit. Python's ``math`` raises where JavaScript returns NaN or ±Infinity and
its rounding functions return ints; the functions here map those cases to the spec's
results, keeping -0 where the spec keeps it.
"""

from __future__ import annotations

import math
import struct

from .. import ieee754
from ..convert import INF, NAN, number_exponentiate, to_int32, to_number, to_uint32
from ..objects import CONFIGURABLE, JSObject
from ..symbols import TO_STRING_TAG
from .support import arg, constant, method


def _guarded(fn, overflow: float = INF):
    """fn(x), NaN on a domain error, ``overflow`` (signed like fn) on overflow."""

    def apply(x: float) -> float:
        try:
            return fn(x)
        except ValueError:
            return NAN
        except OverflowError:
            return overflow
    return apply


def math_round(x: float) -> float:
    """Math.round: halves round towards +∞; -0.5 <= x < 0 gives -0."""
    if not math.isfinite(x) or x.is_integer():
        return x
    if -0.5 <= x < 0:
        return -0.0
    r = math.floor(x)
    if x - r >= 0.5:
        r += 1
    return float(r)


def math_ceil(x: float) -> float:
    if not math.isfinite(x) or x.is_integer():
        return x
    if -1 < x < 0:
        return -0.0
    return float(math.ceil(x))


def math_floor(x: float) -> float:
    if not math.isfinite(x) or x.is_integer():
        return x
    return float(math.floor(x))


def math_trunc(x: float) -> float:
    if not math.isfinite(x) or x.is_integer():
        return x
    return math.copysign(float(math.trunc(x)), x)


def math_sign(x: float) -> float:
    if x != x or x == 0:
        return x
    return 1.0 if x > 0 else -1.0


def math_fround(x: float) -> float:
    """Math.fround: the nearest float32, ties to even; past its range ±∞."""
    try:
        return struct.unpack("f", struct.pack("f", x))[0]
    except OverflowError:
        return math.copysign(INF, x)


def math_clz32(x) -> float:
    return float(32 - to_uint32(x).bit_length())


def math_imul(a, b) -> float:
    r = (to_int32(a) * to_int32(b)) & 0xFFFFFFFF
    return float(r - 0x100000000 if r & 0x80000000 else r)


def math_max(values: list[float]) -> float:
    """Math.max: NaN wins; +0 is larger than -0."""
    result = -INF
    for v in values:
        if v != v:
            return NAN
        if v > result or (v == 0 and result == 0 and math.copysign(1, result) < 0):
            result = v
    return result


def math_min(values: list[float]) -> float:
    """Math.min: NaN wins; -0 is smaller than +0."""
    result = INF
    for v in values:
        if v != v:
            return NAN
        if v < result or (v == 0 and result == 0 and math.copysign(1, v) < 0):
            result = v
    return result


ONE_ARGUMENT = {
    "abs": abs,
    "acos": ieee754.acos,
    "acosh": ieee754.acosh,
    "asin": ieee754.asin,
    "asinh": ieee754.asinh,
    "atan": ieee754.atan,
    "atanh": ieee754.atanh,
    "cbrt": ieee754.cbrt,
    "ceil": math_ceil,
    "cos": ieee754.cos,
    "cosh": ieee754.cosh,
    "exp": ieee754.exp,
    "expm1": ieee754.expm1,
    "floor": math_floor,
    "fround": math_fround,
    "log": ieee754.log,
    "log10": ieee754.log10,
    "log1p": ieee754.log1p,
    "log2": ieee754.log2,
    "round": math_round,
    "sign": math_sign,
    "sin": ieee754.sin,
    "sinh": ieee754.sinh,
    "sqrt": _guarded(math.sqrt),
    "tan": ieee754.tan,
    "tanh": math.tanh,
    "trunc": math_trunc,
}

CONSTANTS = {"E": math.e, "LN10": math.log(10), "LN2": math.log(2), "LOG10E": 1 / math.log(10),
             "LOG2E": 1 / math.log(2), "PI": math.pi, "SQRT1_2": math.sqrt(0.5),
             "SQRT2": math.sqrt(2)}


def setup(realm) -> None:
    m = JSObject(realm.object_prototype)
    realm.intrinsics["%Math%"] = m
    for name, value in CONSTANTS.items():
        constant(m, name, value)
    m.define(TO_STRING_TAG, "Math", CONFIGURABLE)

    def unary(fn):
        return lambda this, args: fn(to_number(arg(args, 0)))

    for name, fn in ONE_ARGUMENT.items():
        method(realm, m, name, unary(fn), 1)

    def atan2(this, args):
        y = to_number(arg(args, 0))
        return ieee754.atan2(y, to_number(arg(args, 1)))

    def pow_(this, args):
        base = to_number(arg(args, 0))
        return number_exponentiate(base, to_number(arg(args, 1)))

    def imul(this, args):
        a = to_number(arg(args, 0))
        return math_imul(a, to_number(arg(args, 1)))

    method(realm, m, "atan2", atan2, 2)
    method(realm, m, "clz32", lambda this, args: math_clz32(to_number(arg(args, 0))), 1)
    method(realm, m, "hypot", lambda this, args: ieee754.hypot([to_number(a) for a in args]), 2)
    method(realm, m, "imul", imul, 2)
    method(realm, m, "max", lambda this, args: math_max([to_number(a) for a in args]), 2)
    method(realm, m, "min", lambda this, args: math_min([to_number(a) for a in args]), 2)
    method(realm, m, "pow", pow_, 2)
    def random_(this, args):
        import random  # imported on first use: start-up time matters

        return random.random()

    method(realm, m, "random", random_, 0)
