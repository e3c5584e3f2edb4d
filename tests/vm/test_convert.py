"""vm.convert against node: Number::toString, StringToNumber, the operators, equality.

Every case is computed by node (one process for the module, see node_batch) and by
vm.convert; doubles are compared bit for bit.
"""

from __future__ import annotations

import math
import random
import struct

import pytest
from node_batch import f64hex, hexf64, node_batch, tag, untag

from vm import convert
from vm.builtins.number import parse_float, parse_int, to_exponential, to_fixed, to_precision
from vm.objects import JSError
from vm.values import NULL, UNDEFINED

RNG = random.Random(20240531)


def _random_bits() -> float:
    return struct.unpack(">d", RNG.getrandbits(64).to_bytes(8, "big"))[0]


def _doubles(n: int) -> list[float]:
    """A mix: raw bit patterns, integers, short decimals, and the format boundaries."""
    special = [0.0, -0.0, math.nan, math.inf, -math.inf, 5e-324, -5e-324, 2.2250738585072014e-308,
               1.7976931348623157e308, 1e21, 999999999999999900000.0, 1e21 - 65536, 1e-6,
               1e-7, 9.999999999999999e-7, 0.000001, 1.5e-7, 123456789012345680000.0,
               2 ** 53, 2 ** 53 + 2, -(2 ** 53), 2 ** 63, 2 ** 64, 0.1, 0.2, 0.30000000000000004,
               1 / 3, 2 / 3, 100.0, 1e100, 1.2e-300, 4.35, 1.005, 1.45, -1.5, 0.5, 2.5, 1e20,
               123.456, -0.0001, 25.0, 1e15 + 0.3]
    out = list(special)
    while len(out) < n:
        kind = RNG.randrange(6)
        if kind == 0:
            out.append(_random_bits())
        elif kind == 1:
            out.append(float(RNG.randrange(-10 ** RNG.randrange(1, 18), 10 ** 17)))
        elif kind == 2:
            out.append(RNG.randrange(10 ** 6) / 10 ** RNG.randrange(0, 9))
        elif kind == 3:
            out.append(RNG.uniform(-1e3, 1e3))
        elif kind == 4:
            out.append(RNG.random() * 10.0 ** RNG.randrange(-30, 30))
        else:
            out.append(math.ldexp(RNG.random(), RNG.randrange(-1074, 1024)))
    return out


DOUBLES = _doubles(3000)
FINITE = [x for x in DOUBLES if math.isfinite(x)]

STRINGS = [
    "", " ", "  12  ", "\t\n\v\f\r \u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff7",
    "\u180e1", "\u00851", "0x1F", "0X1f", "-0x1F", "0o17", "0b101", "0b102", "0x", "1_000", "1e3",
    "1E-3", ".5", "5.", ".", "+.5", "-.5e1", "Infinity", "-Infinity", "+Infinity", "infinity",
    "inf", "NaN", "1e1000", "-1e1000", "1e-400", "0.0000001", "12abc", "abc", "00012",
    "-0", "+0", "0x1fffffffffffff", "0x20000000000001", "0b" + "1" * 60, "9007199254740993",
    "123456789012345678901234567890", "1.7976931348623159e308", "\u0661", "１２", "1 2",
    "0.1e-5", "5e", "5e+", "-", "+", "٣",
]
PARSE_INT = [
    ("  42abc", None), ("-0", None), ("0x1A", None), ("0x1A", 16), ("0x1A", 10), ("1010", 2),
    ("zz", 36), ("ZZ", 36), ("10", 1), ("10", 37), ("10", 0), ("  -ff", 16), ("", None),
    ("   ", None), ("-", None), ("123456789012345678901234567890", None), ("1e3", None),
    ("12.7", None), ("9007199254740993", None), ("zzzzzzzzzzzzzzzz", 36),
    ("1212121212121212121212121212", 3), ("777777777777777777777", 8), ("Infinity", None),
    ("\u00a0 7", None), ("0b11", None), ("0o11", None), ("ff", 16.9), ("11", -1),
    ("11", 4294967298), ("1" * 400, None), ("0" * 320 + "1", None),
    ("ffffffffffffffffffffffffff", 16), ("abcdefghijklmnop" * 3, 36),
]
PARSE_FLOAT = ["3.14abc", "  -.5e-3x", "Infinityx", "-Infinity", "1e", "1e+", "e5", ".e1",
               "0x10", "1_0", "١", "   +0", "-0", "1.7976931348623159e308", "", "++1",
               "00.5", "5e-325", "\u2028 8"]
RADIXES = [2, 3, 5, 7, 8, 10, 16, 32, 36]
FIXED_DIGITS = [0, 1, 2, 3, 5, 10, 20, 100]
PRECISIONS = [1, 2, 3, 6, 10, 17, 21, 100]

PRIMITIVES = [UNDEFINED, NULL, True, False, 0.0, -0.0, 1.0, -1.0, 1.5, math.nan, math.inf,
              -math.inf, 2.0 ** 53, 0.1, 7.0, -7.0, 3.0, 31.0, 32.0, 4294967296.0, 2147483648.0,
              "", "0", "1", "-0", " 1 ", "1.5", "abc", "Infinity", "0x10", "10n", "a", "b",
              "\ud800", "\uffff", "\ud83d\ude00", 0, 1, -1, 7, -7, 2 ** 64, -(2 ** 70), 3, 64]
BINOPS = ["+", "-", "*", "/", "%", "**", "&", "|", "^", "<<", ">>", ">>>", "==", "===",
          "<", "<=", ">", ">="]
PY_BINOPS = {"+": convert.js_add, "-": convert.js_sub, "*": convert.js_mul,
             "/": convert.js_div, "%": convert.js_mod, "**": convert.js_exp,
             "&": convert.js_bitand, "|": convert.js_bitor, "^": convert.js_bitxor,
             "<<": convert.js_shl, ">>": convert.js_shr, ">>>": convert.js_ushr,
             "==": convert.loose_equals, "===": convert.strict_equals, "<": convert.js_lt,
             "<=": convert.js_le, ">": convert.js_gt, ">=": convert.js_ge}
NUMBER_PAIRS = [(RNG.choice(DOUBLES), RNG.choice(DOUBLES)) for _ in range(1500)] + [
    (-8.0, 1 / 3), (1.0, math.nan), (1.0, math.inf), (-1.0, -math.inf), (0.0, -1.0),
    (-0.0, -1.0), (-0.0, -2.0), (-0.0, 3.0), (math.inf, -0.5), (-math.inf, 3.0),
    (-math.inf, 2.0), (10.0, 400.0), (-10.0, 401.0), (2.0, -1075.0), (5.5, 0.0), (-5.5, -0.0),
    (-4.0, 2.0), (4.0, -0.0), (0.0, 0.0), (-1.0, 0.5), (math.nan, 0.0), (7.0, math.inf),
    (-7.0, -math.inf), (1e308, 10.0), (-1e308, 10.0)]
ARITH = ["+", "-", "*", "/", "%", "**", "&", "|", "^", "<<", ">>", ">>>"]

PRELUDE = r"""
const BINOPS = {
  '+': (a, b) => a + b, '-': (a, b) => a - b, '*': (a, b) => a * b, '/': (a, b) => a / b,
  '%': (a, b) => a % b, '**': (a, b) => a ** b, '&': (a, b) => a & b, '|': (a, b) => a | b,
  '^': (a, b) => a ^ b, '<<': (a, b) => a << b, '>>': (a, b) => a >> b,
  '>>>': (a, b) => a >>> b, '==': (a, b) => a == b, '===': (a, b) => a === b,
  '<': (a, b) => a < b, '<=': (a, b) => a <= b, '>': (a, b) => a > b, '>=': (a, b) => a >= b,
};
const OPS = {
  str: (i) => String(f64(i.x)),
  radix: (i) => f64(i.x).toString(i.r),
  fixed: (i) => f64(i.x).toFixed(i.d),
  exp: (i) => i.d === null ? f64(i.x).toExponential() : f64(i.x).toExponential(i.d),
  prec: (i) => f64(i.x).toPrecision(i.d),
  locale: (i) => f64(i.x).toLocaleString(),
  tonum: (i) => hex(Number(i.s)),
  parseInt: (i) => hex(i.r === null ? parseInt(i.s) : parseInt(i.s, i.r)),
  parseFloat: (i) => hex(parseFloat(i.s)),
  binop: (i) => tag(BINOPS[i.o](val(i.a), val(i.b))),
  int32: (i) => [f64(i.x) | 0, f64(i.x) >>> 0],
  typeof: (i) => typeof val(i.a),
  toBool: (i) => !!val(i.a),
  toStr: (i) => String(val(i.a)),
};
function answer(i) { return OPS[i.op](i); }
"""


def _cases() -> list[dict]:
    cases: list[dict] = []
    cases += [{"op": "str", "x": f64hex(x)} for x in DOUBLES]
    cases += [{"op": "radix", "x": f64hex(x), "r": r} for x in DOUBLES[:400] for r in RADIXES]
    cases += [{"op": "fixed", "x": f64hex(x), "d": d} for x in DOUBLES[:300] for d in FIXED_DIGITS]
    cases += [{"op": "exp", "x": f64hex(x), "d": d}
              for x in DOUBLES[:300] for d in [None, 0, 1, 4, 16, 20, 100]]
    cases += [{"op": "prec", "x": f64hex(x), "d": d} for x in DOUBLES[:300] for d in PRECISIONS]
    cases += [{"op": "locale", "x": f64hex(x)} for x in DOUBLES[:200]]
    cases += [{"op": "tonum", "s": s} for s in STRINGS]
    cases += [{"op": "parseInt", "s": s, "r": r} for s, r in PARSE_INT]
    cases += [{"op": "parseInt", "s": s, "r": None} for s in STRINGS]
    cases += [{"op": "parseFloat", "s": s} for s in PARSE_FLOAT + STRINGS]
    cases += [{"op": "binop", "o": o, "a": tag(a), "b": tag(b)}
              for a in PRIMITIVES for b in PRIMITIVES for o in BINOPS]
    cases += [{"op": "binop", "o": o, "a": tag(a), "b": tag(b)}
              for a, b in NUMBER_PAIRS for o in ARITH]
    cases += [{"op": "int32", "x": f64hex(x)} for x in DOUBLES]
    cases += [{"op": op, "a": tag(a)} for a in PRIMITIVES for op in ("typeof", "toBool", "toStr")]
    return cases


CASES = _cases()


@pytest.fixture(scope="module")
def answers() -> list:
    return node_batch(PRELUDE, CASES)


def _outcome(fn, *args):
    """What a conversion gives, or "Kind: message" for a JS error (as node reports it)."""
    try:
        return fn(*args)
    except JSError as e:
        return {"error": f"{e.kind}: {e.message}"}


def _compare(answers: list, op: str, compute) -> None:
    mismatches = []
    for case, expected in zip(CASES, answers, strict=True):
        if case["op"] != op:
            continue
        got = compute(case)
        if got != expected:
            mismatches.append((case, expected, got))
    assert not mismatches, f"{len(mismatches)} mismatches, e.g. {mismatches[:5]}"


def _x(case) -> float:
    return hexf64(case["x"])


def test_number_to_string(answers):
    _compare(answers, "str", lambda c: convert.to_string(_x(c)))


def test_number_to_string_radix(answers):
    _compare(answers, "radix", lambda c: convert.number_to_string(_x(c), c["r"]))


def test_to_fixed(answers):
    def compute(c):
        x = _x(c)
        return to_fixed(x, c["d"]) if math.isfinite(x) else convert.to_string(x)
    _compare(answers, "fixed", compute)


def test_to_exponential(answers):
    def compute(c):
        x = _x(c)
        return to_exponential(x, c["d"]) if math.isfinite(x) else convert.to_string(x)
    _compare(answers, "exp", compute)


def test_to_precision(answers):
    def compute(c):
        x = _x(c)
        return to_precision(x, c["d"]) if math.isfinite(x) else convert.to_string(x)
    _compare(answers, "prec", compute)


def test_to_locale_string(answers):
    from vm.builtins.number import to_locale_string

    _compare(answers, "locale", lambda c: to_locale_string(_x(c)))


def test_string_to_number(answers):
    _compare(answers, "tonum", lambda c: f64hex(convert.to_number(c["s"])))


def test_parse_int(answers):
    def compute(c):
        radix = UNDEFINED if c["r"] is None else float(c["r"])
        return f64hex(parse_int(c["s"], radix))
    _compare(answers, "parseInt", compute)


def test_parse_float(answers):
    _compare(answers, "parseFloat", lambda c: f64hex(parse_float(c["s"])))


def _kind_only(outcome):
    """Compare errors by kind: V8's messages are not all worth copying
    (``0n ** -1n`` says "undefined must be positive")."""
    if isinstance(outcome, dict) and "error" in outcome:
        return {"error": outcome["error"].split(":")[0]}
    return outcome


def test_binary_operators(answers):
    def compute(c):
        result = _outcome(PY_BINOPS[c["o"]], untag(c["a"]), untag(c["b"]))
        return result if isinstance(result, dict) else tag(result)
    _compare([_kind_only(a) for a in answers], "binop", lambda c: _kind_only(compute(c)))


def test_to_int32_and_uint32(answers):
    _compare(answers, "int32", lambda c: [convert.to_int32(_x(c)), convert.to_uint32(_x(c))])


def test_type_of(answers):
    _compare(answers, "typeof", lambda c: convert.type_of(untag(c["a"])))


def test_to_boolean(answers):
    _compare(answers, "toBool", lambda c: convert.to_boolean(untag(c["a"])))


def test_to_string_of_primitives(answers):
    def compute(c):
        return convert.to_string(untag(c["a"]))
    _compare(answers, "toStr", compute)


def test_division_never_raises_python_errors():
    assert convert.js_div(1.0, 0.0) == math.inf
    assert convert.js_div(-1.0, 0.0) == -math.inf
    assert convert.js_div(1.0, -0.0) == -math.inf
    assert math.isnan(convert.js_div(0.0, 0.0))
    assert math.isnan(convert.js_mod(1.0, 0.0))
    assert str(convert.js_mod(-4.0, 2.0)) == "-0.0"
    with pytest.raises(JSError, match="Division by zero"):
        convert.js_div(1, 0)


def test_to_property_key():
    assert convert.to_property_key(1.0) == "1"
    assert convert.to_property_key(-0.0) == "0"
    assert convert.to_property_key(1.5) == "1.5"
    assert convert.to_property_key(1e21) == "1e+21"
    assert convert.to_property_key(True) == "true"
    assert convert.to_property_key(UNDEFINED) == "undefined"
    assert convert.to_property_key(10 ** 30) == "1000000000000000000000000000000"


def test_to_length_and_integer():
    assert convert.to_length(-5.0) == 0
    assert convert.to_length(math.inf) == 2 ** 53 - 1
    assert convert.to_length(3.9) == 3
    assert convert.to_length("7") == 7
    assert convert.to_integer_or_infinity(math.nan) == 0
    assert convert.to_integer_or_infinity(-math.inf) == -math.inf
    assert convert.to_integer_or_infinity(-2.5) == -2
