"""Abstract operations of ECMA-262 §7.1–7.2 and the operators the VM evaluates.

Each function is named after the spec operation it implements. Values are those of
``vm.values``: numbers are floats, BigInts are ints (test ``type(v) is int``: a bool is
an int to Python), strings hold UTF-16 code units. Nothing here lets a Python exception
escape: a JavaScript error is raised as ``JSError(kind, message)``, and arithmetic on
doubles follows IEEE 754 as JavaScript does (``1 / 0`` is Infinity, ``-8 ** (1/3)`` NaN).
"""

from __future__ import annotations

import math

from . import ieee754, objects
from .objects import JSError, JSFunction, JSNative, JSObject
from .patterns import LazyPattern
from .symbols import TO_PRIMITIVE, symbol_descriptive_string
from .values import NULL, UNDEFINED, JSSymbol

INF = math.inf
NAN = math.nan
MAX_SAFE_INTEGER = 2 ** 53 - 1
MAX_STRING_LENGTH = 2 ** 29 - 24  # V8's limit; longer strings are a RangeError
MAX_BIGINT_BITS = 2 ** 30  # V8's limit ("Maximum BigInt size exceeded")

# WhiteSpace and LineTerminator code points (§12.2, §12.3): what StringToNumber trims.
WHITESPACE = ("\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
              "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff")

_DECIMAL = LazyPattern(r"[+-]?(?:Infinity|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)\Z")
_NON_DECIMAL = LazyPattern(r"0(?:[xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)\Z")
_BIGINT_DECIMAL = LazyPattern(r"[+-]?[0-9]+\Z")
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def type_error(message: str) -> JSError:
    return JSError("TypeError", message)


def range_error(message: str) -> JSError:
    return JSError("RangeError", message)


# -- type tests -----------------------------------------------------------------------


def is_callable(value) -> bool:
    """IsCallable: an object with a [[Call]] internal method."""
    return isinstance(value, (JSFunction, JSNative))


def is_constructor(value) -> bool:
    """IsConstructor: an object with a [[Construct]] internal method."""
    if isinstance(value, JSNative):
        return value.construct is not None
    if isinstance(value, JSFunction):
        return value.constructor_kind is not None
    return False


def type_of(value) -> str:
    """The ``typeof`` operator (§13.5.3)."""
    t = type(value)
    if t is float:
        return "number"
    if t is str:
        return "string"
    if t is bool:
        return "boolean"
    if value is UNDEFINED:
        return "undefined"
    if value is NULL:
        return "object"
    if t is int:
        return "bigint"
    if t is JSSymbol:
        return "symbol"
    return "function" if is_callable(value) else "object"


# -- ToPrimitive and friends ----------------------------------------------------------


def to_primitive(value, hint: str = "default"):
    """ToPrimitive: @@toPrimitive first, else OrdinaryToPrimitive (valueOf/toString)."""
    if not isinstance(value, JSObject):
        return value
    exotic = value.get(TO_PRIMITIVE)
    if exotic is not UNDEFINED and exotic is not NULL:
        if not is_callable(exotic):
            raise type_error("Symbol.toPrimitive is not a function")
        result = objects.call_function(exotic, value, [hint])
        if isinstance(result, JSObject):
            raise type_error("Cannot convert object to primitive value")
        return result
    return ordinary_to_primitive(value, "string" if hint == "string" else "number")


def ordinary_to_primitive(obj: JSObject, hint: str):
    """OrdinaryToPrimitive: try toString then valueOf for "string", the reverse else."""
    names = ("toString", "valueOf") if hint == "string" else ("valueOf", "toString")
    for name in names:
        method = obj.get(name)
        if is_callable(method):
            result = objects.call_function(method, obj, [])
            if not isinstance(result, JSObject):
                return result
    raise type_error("Cannot convert object to primitive value")


def to_boolean(value) -> bool:
    """ToBoolean."""
    t = type(value)
    if t is bool:
        return value
    if t is float:
        return not (value == 0.0 or value != value)
    if t is str:
        return len(value) > 0
    if value is UNDEFINED or value is NULL:
        return False
    if t is int:
        return value != 0
    return True


def to_number(value) -> float:
    """ToNumber."""
    t = type(value)
    if t is float:
        return value
    if t is str:
        return string_to_number(value)
    if t is bool:
        return 1.0 if value else 0.0
    if value is UNDEFINED:
        return NAN
    if value is NULL:
        return 0.0
    if t is int:
        raise type_error("Cannot convert a BigInt value to a number")
    if t is JSSymbol:
        raise type_error("Cannot convert a Symbol value to a number")
    return to_number(to_primitive(value, "number"))


def to_numeric(value):
    """ToNumeric: a float, or an int for a BigInt."""
    t = type(value)
    if t is float or t is int:
        return value
    if isinstance(value, JSObject):
        value = to_primitive(value, "number")
        if type(value) is int:
            return value
    return to_number(value)


def string_to_number(s: str) -> float:
    """StringToNumber: StringNumericLiteral, no numeric separators, NaN if malformed."""
    s = s.strip(WHITESPACE)
    if not s:
        return 0.0
    if _DECIMAL.match(s):
        return float(s.replace("Infinity", "inf"))
    if _NON_DECIMAL.match(s):
        return bigint_to_number(int(s[2:], {"x": 16, "o": 8, "b": 2}[s[1].lower()]))
    return NAN


def bigint_to_number(n: int) -> float:
    """An exact integer as the nearest double (Infinity past the largest)."""
    try:
        return float(n)
    except OverflowError:
        return INF if n > 0 else -INF


def string_to_bigint(s: str) -> int | None:
    """StringToBigInt: the BigInt a string spells, or None if it spells none."""
    s = s.strip(WHITESPACE)
    if not s:
        return 0
    if _BIGINT_DECIMAL.match(s):
        return int(s) if len(s) < 4000 else _long_decimal_to_int(s)
    if _NON_DECIMAL.match(s):
        return int(s[2:], {"x": 16, "o": 8, "b": 2}[s[1].lower()])
    return None


def to_integer_or_infinity(value) -> int | float:
    """ToIntegerOrInfinity: an int, or a float infinity."""
    n = to_number(value)
    if n != n:
        return 0
    if n == INF or n == -INF:
        return n
    return int(n)


def to_length(value) -> int:
    """ToLength: an integer in 0 .. 2**53 - 1."""
    n = to_integer_or_infinity(value)
    if n <= 0:
        return 0
    return MAX_SAFE_INTEGER if n > MAX_SAFE_INTEGER else int(n)


def to_index(value) -> int:
    """ToIndex: an integer in 0 .. 2**53 - 1, RangeError otherwise."""
    if value is UNDEFINED:
        return 0
    n = to_integer_or_infinity(value)
    if n < 0 or n > MAX_SAFE_INTEGER:
        raise range_error("Invalid index")
    return int(n)


def to_int32(value) -> int:
    """ToInt32."""
    n = value if type(value) is float else to_number(value)
    if -2147483648.0 <= n <= 2147483647.0:
        return int(n)
    if n != n or n == INF or n == -INF:
        return 0
    i = int(n) & 0xFFFFFFFF
    return i - 0x100000000 if i & 0x80000000 else i


def to_uint32(value) -> int:
    """ToUint32."""
    n = value if type(value) is float else to_number(value)
    if 0.0 <= n <= 4294967295.0:
        return int(n)
    if n != n or n == INF or n == -INF:
        return 0
    return int(n) & 0xFFFFFFFF


def to_uint16(value) -> int:
    """ToUint16 (String.fromCharCode)."""
    n = to_number(value)
    if n != n or n == INF or n == -INF:
        return 0
    return int(n) & 0xFFFF


def to_string(value) -> str:
    """ToString."""
    t = type(value)
    if t is str:
        return value
    if t is float:
        return number_to_string(value)
    if t is bool:
        return "true" if value else "false"
    if value is UNDEFINED:
        return "undefined"
    if value is NULL:
        return "null"
    if t is int:
        return bigint_to_string(value)
    if t is JSSymbol:
        raise type_error("Cannot convert a Symbol value to a string")
    return to_string(to_primitive(value, "string"))


def to_property_key(value):
    """ToPropertyKey: a str or a JSSymbol (numbers become their canonical string)."""
    t = type(value)
    if t is str or t is JSSymbol:
        return value
    if t is float:
        if value.is_integer() and 0 <= value < 2 ** 53:
            return str(int(value))
        return number_to_string(value)
    key = to_primitive(value, "string")
    if type(key) is JSSymbol:
        return key
    return to_string(key)


def to_object(realm, value) -> JSObject:
    """ToObject: objects pass; primitives get a wrapper with its value in ``internal``."""
    if isinstance(value, JSObject):
        return value
    if value is UNDEFINED or value is NULL:
        raise type_error("Cannot convert undefined or null to object")
    t = type(value)
    if t is str:
        from .builtins.string import JSStringObject

        return JSStringObject(realm.intrinsics["%String.prototype%"], value)
    name = {bool: "Boolean", float: "Number", int: "BigInt", JSSymbol: "Symbol"}[t]
    wrapper = JSObject(realm.intrinsics[f"%{name}.prototype%"], name)
    wrapper.internal = value
    return wrapper


def require_object_coercible(value, what: str = "value"):
    """RequireObjectCoercible: TypeError for null and undefined."""
    if value is UNDEFINED or value is NULL:
        raise type_error(f"{what} called on null or undefined")
    return value


# -- Number::toString ---------------------------------------------------------------


def number_to_string(x: float, radix: int = 10) -> str:
    """Number::toString: shortest round-trip digits, JavaScript's layout (§6.1.6.1.20)."""
    if x != x:
        return "NaN"
    if x == 0.0:
        return "0"
    if x == INF:
        return "Infinity"
    if x == -INF:
        return "-Infinity"
    if radix != 10:
        return _double_to_radix_string(x, radix)
    if x < 0:
        return "-" + number_to_string(-x)
    if x < 9007199254740992.0 and x.is_integer():
        return str(int(x))
    digits, n = shortest_digits(x)
    k = len(digits)
    if k <= n <= 21:
        return digits + "0" * (n - k)
    if 0 < n <= 21:
        return digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return "0." + "0" * -n + digits
    e = n - 1
    exponent = f"e+{e}" if e >= 0 else f"e-{-e}"
    if k == 1:
        return digits + exponent
    return digits[0] + "." + digits[1:] + exponent


def shortest_digits(x: float) -> tuple[str, int]:
    """The shortest digits s and exponent n with x = 0.s × 10**n (x finite, > 0).

    Python's repr is the shortest round-trip representation, as the spec asks.
    """
    mantissa, _, exp = repr(x).partition("e")
    whole, _, frac = mantissa.partition(".")
    digits = whole + frac
    stripped = digits.lstrip("0")
    n = len(whole) + (int(exp) if exp else 0) - (len(digits) - len(stripped))
    return stripped.rstrip("0") or "0", n


def _double_to_radix_string(value: float, radix: int) -> str:
    """V8's DoubleToRadixCString: digits up to the double's precision, round to even."""
    negative = value < 0
    if negative:
        value = -value
    integer = float(math.floor(value))
    fraction = value - integer
    delta = max(0.5 * (math.nextafter(value, INF) - value), 5e-324)
    fraction_digits: list[int] = []
    if fraction >= delta:
        while True:
            fraction *= radix
            delta *= radix
            digit = int(fraction)
            fraction_digits.append(digit)
            fraction -= digit
            if (fraction > 0.5 or (fraction == 0.5 and digit & 1)) and fraction + delta > 1:
                while True:  # round up, carrying through digits of radix - 1
                    if not fraction_digits:
                        integer += 1
                        break
                    last = fraction_digits.pop()
                    if last + 1 < radix:
                        fraction_digits.append(last + 1)
                        break
                break
            if not fraction >= delta:
                break
    integer_digits: list[str] = []
    while integer / radix >= 9007199254740992.0:  # digits below the double's precision
        integer /= radix
        integer_digits.append("0")
    while True:
        remainder = math.fmod(integer, radix)
        integer_digits.append(_DIGITS[int(remainder)])
        integer = (integer - remainder) / radix
        if not integer > 0:
            break
    text = "".join(reversed(integer_digits))
    if fraction_digits:
        text += "." + "".join(_DIGITS[d] for d in fraction_digits)
    return "-" + text if negative else text


def _long_decimal_to_int(s: str) -> int:
    """int(s) past Python's 4300-digit guard (decimal converts without it)."""
    import decimal

    with decimal.localcontext() as ctx:
        ctx.prec = decimal.MAX_PREC
        return int(decimal.Decimal(s))


def bigint_to_string(n: int, radix: int = 10) -> str:
    """BigInt::toString (Python's str() refuses ints past 4300 digits; decimal does not)."""
    if radix == 10:
        if n.bit_length() < 14000:
            return str(n)
        import decimal

        with decimal.localcontext() as ctx:
            ctx.prec = decimal.MAX_PREC
            return str(decimal.Decimal(n))
    if n == 0:
        return "0"
    sign, n = ("-", -n) if n < 0 else ("", n)
    out = []
    while n:
        n, d = divmod(n, radix)
        out.append(_DIGITS[d])
    return sign + "".join(reversed(out))


# -- equality -------------------------------------------------------------------------


def strict_equals(x, y) -> bool:
    """IsStrictlyEqual (===)."""
    tx = type(x)
    if tx is float:
        return type(y) is float and x == y
    if x is y:
        return True
    if tx is str or tx is int or tx is bool:
        return type(y) is tx and x == y
    return False


def same_value_zero(x, y) -> bool:
    """SameValueZero: === except that NaN equals NaN."""
    if type(x) is float and type(y) is float and x != x:
        return y != y
    return strict_equals(x, y)


same_value = objects.same_value


def loose_equals(x, y) -> bool:
    """IsLooselyEqual (==)."""
    tx, ty = type(x), type(y)
    x_nullish = x is UNDEFINED or x is NULL
    y_nullish = y is UNDEFINED or y is NULL
    if x_nullish or y_nullish:
        return x_nullish and y_nullish
    if tx is ty:
        return strict_equals(x, y)
    x_obj, y_obj = isinstance(x, JSObject), isinstance(y, JSObject)
    if x_obj and y_obj:
        return x is y
    if tx is float and ty is str:
        return x == string_to_number(y)
    if tx is str and ty is float:
        return string_to_number(x) == y
    if tx is int and ty is str:
        n = string_to_bigint(y)
        return n is not None and x == n
    if tx is str and ty is int:
        return loose_equals(y, x)
    if tx is bool:
        return loose_equals(1.0 if x else 0.0, y)
    if ty is bool:
        return loose_equals(x, 1.0 if y else 0.0)
    if y_obj:
        return loose_equals(x, to_primitive(y))
    if x_obj:
        return loose_equals(to_primitive(x), y)
    if (tx is int and ty is float) or (tx is float and ty is int):
        return x == y  # Python compares int and float exactly; NaN and ±∞ never equal
    return False


# -- operators ------------------------------------------------------------------------


def _mixing_error() -> JSError:
    return type_error("Cannot mix BigInt and other types, use explicit conversions")


def _numeric_pair(a, b):
    """Both operands ToNumeric, left first; TypeError unless both Number or both BigInt."""
    a = to_numeric(a)
    b = to_numeric(b)
    if type(a) is not type(b):
        raise _mixing_error()
    return a, b


def js_add(a, b):
    """The + operator: string concatenation if either primitive is a string."""
    ta, tb = type(a), type(b)
    if ta is float and tb is float:
        return a + b
    if ta is str and tb is str:
        return concat(a, b)
    a = to_primitive(a)
    b = to_primitive(b)
    if type(a) is str or type(b) is str:
        return concat(to_string(a), to_string(b))
    a, b = _numeric_pair(a, b)
    return a + b


def concat(a: str, b: str) -> str:
    """String concatenation with V8's length limit (RangeError past it)."""
    if len(a) + len(b) > MAX_STRING_LENGTH:
        raise range_error("Invalid string length")
    return a + b


def js_sub(a, b):
    if type(a) is float and type(b) is float:
        return a - b
    a, b = _numeric_pair(a, b)
    return a - b


def js_mul(a, b):
    if type(a) is float and type(b) is float:
        return a * b
    a, b = _numeric_pair(a, b)
    if type(a) is int and a and b and a.bit_length() + b.bit_length() > MAX_BIGINT_BITS:
        raise range_error("Maximum BigInt size exceeded")
    return a * b


def js_div(a, b):
    if type(a) is not float or type(b) is not float:
        a, b = _numeric_pair(a, b)
        if type(a) is int:
            if b == 0:
                raise range_error("Division by zero")
            q = abs(a) // abs(b)
            return q if (a < 0) == (b < 0) else -q
    if b == 0.0:
        if a == 0.0 or a != a:
            return NAN
        return INF if (math.copysign(1.0, a) > 0) == (math.copysign(1.0, b) > 0) else -INF
    return a / b


def js_mod(a, b):
    """The % operator: the remainder takes the dividend's sign (C fmod, not Python %)."""
    if type(a) is not float or type(b) is not float:
        a, b = _numeric_pair(a, b)
        if type(a) is int:
            if b == 0:
                raise range_error("Division by zero")
            r = abs(a) % abs(b)
            return -r if a < 0 else r
    if b == 0.0 or a != a or b != b or a == INF or a == -INF:
        return NAN
    if b == INF or b == -INF or a == 0.0:
        return a
    return math.fmod(a, b)


def js_exp(a, b):
    """The ** operator (Number::exponentiate / BigInt::exponentiate)."""
    if type(a) is not float or type(b) is not float:
        a, b = _numeric_pair(a, b)
        if type(a) is int:
            if b < 0:
                raise range_error("Exponent must be non-negative")
            if a not in (0, 1, -1) and b * a.bit_length() > MAX_BIGINT_BITS:
                raise range_error("Maximum BigInt size exceeded")
            return a ** b
    return number_exponentiate(a, b)


def number_exponentiate(base: float, exponent: float) -> float:
    """Number::exponentiate, bit for bit as V8 (fdlibm's pow, see vm.ieee754)."""
    return ieee754.pow(base, exponent)


def _bigint_shift(a: int, shift: int) -> int:
    if shift > 0 and a and a.bit_length() + shift > MAX_BIGINT_BITS:
        raise range_error("Maximum BigInt size exceeded")
    return a << shift if shift >= 0 else a >> -shift


def js_bitand(a, b):
    if type(a) is float and type(b) is float:
        return float(to_int32(a) & to_int32(b))
    a, b = _numeric_pair(a, b)
    return a & b if type(a) is int else float(to_int32(a) & to_int32(b))


def js_bitor(a, b):
    if type(a) is float and type(b) is float:
        return float(to_int32(a) | to_int32(b))
    a, b = _numeric_pair(a, b)
    return a | b if type(a) is int else float(to_int32(a) | to_int32(b))


def js_bitxor(a, b):
    if type(a) is float and type(b) is float:
        return float(to_int32(a) ^ to_int32(b))
    a, b = _numeric_pair(a, b)
    return a ^ b if type(a) is int else float(to_int32(a) ^ to_int32(b))


def js_shl(a, b):
    """The << operator."""
    a, b = _numeric_pair(a, b)
    if type(a) is int:
        return _bigint_shift(a, b)
    r = (to_int32(a) << (to_uint32(b) & 31)) & 0xFFFFFFFF
    return float(r - 0x100000000 if r & 0x80000000 else r)


def js_shr(a, b):
    """The >> operator (sign-propagating)."""
    a, b = _numeric_pair(a, b)
    if type(a) is int:
        return _bigint_shift(a, -b)
    return float(to_int32(a) >> (to_uint32(b) & 31))


def js_ushr(a, b):
    """The >>> operator (zero-filling); BigInts have none."""
    a, b = _numeric_pair(a, b)
    if type(a) is int:
        raise type_error("BigInts have no unsigned right shift, use >> instead")
    return float(to_uint32(a) >> (to_uint32(b) & 31))


def js_neg(a):
    """Unary minus."""
    if type(a) is float:
        return -a
    return -to_numeric(a)


def js_bitnot(a):
    """The ~ operator."""
    a = to_numeric(a)
    if type(a) is int:
        return ~a
    return float(~to_int32(a))


def js_inc(a):
    """The +1 of ++ (on an already numeric value)."""
    return a + (1 if type(a) is int else 1.0)


def js_dec(a):
    """The -1 of -- (on an already numeric value)."""
    return a - (1 if type(a) is int else 1.0)


def is_less_than(x, y, left_first: bool = True):
    """IsLessThan: True, False, or None for undefined (a NaN was involved)."""
    if left_first:
        px = to_primitive(x, "number")
        py = to_primitive(y, "number")
    else:
        py = to_primitive(y, "number")
        px = to_primitive(x, "number")
    tx, ty = type(px), type(py)
    if tx is str and ty is str:
        return px < py  # code unit order: our strings are UTF-16 code units
    if tx is int and ty is str:
        ny = string_to_bigint(py)
        return None if ny is None else px < ny
    if tx is str and ty is int:
        nx = string_to_bigint(px)
        return None if nx is None else nx < py
    nx = to_numeric(px)
    ny = to_numeric(py)
    if (type(nx) is float and nx != nx) or (type(ny) is float and ny != ny):
        return None
    return nx < ny  # int/float comparisons are exact in Python


def js_lt(a, b) -> bool:
    if type(a) is float and type(b) is float:
        return a < b
    return is_less_than(a, b) is True


def js_gt(a, b) -> bool:
    if type(a) is float and type(b) is float:
        return a > b
    return is_less_than(b, a, left_first=False) is True


def js_le(a, b) -> bool:
    if type(a) is float and type(b) is float:
        return a <= b
    return is_less_than(b, a, left_first=False) is False


def js_ge(a, b) -> bool:
    if type(a) is float and type(b) is float:
        return a >= b
    return is_less_than(a, b) is False


# -- describing values in error messages ----------------------------------------------


def describe(value) -> str:
    """How V8 names a value in an error message ("undefined", "#<Object>", "abc")."""
    t = type(value)
    if t is str:
        return value
    if t is JSSymbol:
        return symbol_descriptive_string(value)
    if not isinstance(value, JSObject):
        return to_string(value)
    if value.is_proxy:  # naming it must not run its traps
        return "function" if is_callable(value) else "#<Object>"
    if is_callable(value):
        try:
            name = value.get_own_property("name")
        except JSError:
            name = None
        label = name.value if name is not None and type(name.value) is str else ""
        return f"function {label}" if label else "function"
    if value.class_name == "Array":
        return "[object Array]"
    ctor = _constructor_name(value)
    return f"#<{ctor}>"


def _constructor_name(obj: JSObject) -> str:
    proto = obj.proto
    while proto is not None and not proto.is_proxy:
        slot = proto.get_own_property("constructor")
        if slot is not None and is_callable(slot.value):
            name = slot.value.get_own_property("name")
            if name is not None and type(name.value) is str and name.value:
                return name.value
        proto = proto.proto
    return "Object"
