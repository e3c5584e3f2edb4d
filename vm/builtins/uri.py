"""URI handling functions (§19.2.6) and Annex B's escape/unescape (§B.2.1).

Strings are UTF-16 code units: Encode reads code points (a lone surrogate is a
URIError), writes their UTF-8 octets as ``%XX``; Decode reads ``%XX`` runs back as one
UTF-8 sequence, rejecting overlong, surrogate and out-of-range forms as URIError.
"""

from __future__ import annotations

from ..convert import to_string
from ..objects import JSError
from .support import arg

_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_UNRESERVED = frozenset(_ALNUM + "-_.!~*'()")
_RESERVED = ";/?:@&=+$,"
_URI_UNESCAPED = _UNRESERVED | frozenset(_RESERVED + "#")  # encodeURI leaves these
_URI_PRESERVED = frozenset(_RESERVED + "#")  # decodeURI leaves their escapes
_ESCAPE_UNESCAPED = frozenset(_ALNUM + "@*_+-./")


def _uri_error(message: str) -> JSError:
    return JSError("URIError", message)


def encode(s: str, unescaped: frozenset) -> str:
    """Encode (§19.2.6.5)."""
    out: list[str] = []
    k, n = 0, len(s)
    while k < n:
        c = s[k]
        if c in unescaped:
            out.append(c)
            k += 1
            continue
        cp = ord(c)
        if 0xDC00 <= cp <= 0xDFFF:
            raise _uri_error("URI malformed")
        if 0xD800 <= cp <= 0xDBFF:
            low = ord(s[k + 1]) if k + 1 < n else 0
            if not 0xDC00 <= low <= 0xDFFF:
                raise _uri_error("URI malformed")
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00)
            k += 1
        out.extend(f"%{b:02X}" for b in chr(cp).encode("utf-8"))
        k += 1
    return "".join(out)


def _hex_byte(s: str, k: int) -> int:
    """The octet written as ``%XX`` at ``s[k]`` (URIError if it is not one)."""
    digits = s[k + 1 : k + 3]
    if s[k : k + 1] != "%" or len(digits) != 2 or any(
            d not in "0123456789abcdefABCDEF" for d in digits):
        raise _uri_error("URI malformed")
    return int(digits, 16)


def decode(s: str, preserved: frozenset) -> str:
    """Decode (§19.2.6.6)."""
    out: list[str] = []
    k, n = 0, len(s)
    while k < n:
        c = s[k]
        if c != "%":
            out.append(c)
            k += 1
            continue
        start = k
        b = _hex_byte(s, k)
        k += 3
        if b < 0x80:
            ch = chr(b)
            out.append(s[start:k] if ch in preserved else ch)
            continue
        size = 2 if b & 0xE0 == 0xC0 else 3 if b & 0xF0 == 0xE0 else \
            4 if b & 0xF8 == 0xF0 else 0
        if not size:
            raise _uri_error("URI malformed")
        octets = [b]
        for _ in range(size - 1):
            nb = _hex_byte(s, k)
            if nb & 0xC0 != 0x80:
                raise _uri_error("URI malformed")
            octets.append(nb)
            k += 3
        try:  # Python's decoder rejects overlong forms, surrogates and > U+10FFFF
            text = bytes(octets).decode("utf-8")
        except UnicodeDecodeError:
            raise _uri_error("URI malformed") from None
        cp = ord(text)
        if cp >= 0x10000:
            cp -= 0x10000
            out.append(chr(0xD800 + (cp >> 10)) + chr(0xDC00 + (cp & 0x3FF)))
        else:
            out.append(text)
    return "".join(out)


def escape(s: str) -> str:
    """escape (§B.2.1.1)."""
    out: list[str] = []
    for c in s:
        if c in _ESCAPE_UNESCAPED:
            out.append(c)
        elif ord(c) < 256:
            out.append(f"%{ord(c):02X}")
        else:
            out.append(f"%u{ord(c):04X}")
    return "".join(out)


def unescape(s: str) -> str:
    """unescape (§B.2.1.2)."""
    out: list[str] = []
    k, n = 0, len(s)
    hexdigits = "0123456789abcdefABCDEF"
    while k < n:
        c = s[k]
        if c == "%":
            if s[k + 1 : k + 2] == "u" and k + 6 <= n and all(
                    d in hexdigits for d in s[k + 2 : k + 6]):
                out.append(chr(int(s[k + 2 : k + 6], 16)))
                k += 6
                continue
            if k + 3 <= n and all(d in hexdigits for d in s[k + 1 : k + 3]):
                out.append(chr(int(s[k + 1 : k + 3], 16)))
                k += 3
                continue
        out.append(c)
        k += 1
    return "".join(out)


def setup(realm) -> None:
    def string_arg(args) -> str:
        return to_string(arg(args, 0))

    functions = {
        "encodeURI": lambda this, args: encode(string_arg(args), _URI_UNESCAPED),
        "encodeURIComponent": lambda this, args: encode(string_arg(args), _UNRESERVED),
        "decodeURI": lambda this, args: decode(string_arg(args), _URI_PRESERVED),
        "decodeURIComponent": lambda this, args: decode(string_arg(args), frozenset()),
        "escape": lambda this, args: escape(string_arg(args)),
        "unescape": lambda this, args: unescape(string_arg(args)),
    }
    for name, fn in functions.items():
        realm.intrinsics[f"%{name}%"] = realm.native(name, fn, 1)
