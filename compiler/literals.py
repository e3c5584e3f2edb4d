"""Values of literal tokens: strings, template chunks, numbers, identifier escapes.

All text here is in UTF-16 code units (a non-BMP character is its surrogate pair), as
DESIGN.md fixes for caplet strings. Errors are returned as (message, offset) pairs or
raised as JSSyntaxError by the caller, which knows where the token starts.
"""

from __future__ import annotations

import re

from .errors import JSSyntaxError
from .unicode_props import is_id_continue, is_id_start

_SIMPLE_ESCAPES = {
    "n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v",
    "\n": "", "\u2028": "", "\u2029": "",
}
_HEX = re.compile(r"[0-9a-fA-F]+")
_OCTAL = re.compile(r"[0-7]{1,3}")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def to_utf16(text: str) -> str:
    """Spell non-BMP characters as surrogate pairs, so offsets count UTF-16 code units."""
    if not _ASTRAL.search(text):
        return text
    return _ASTRAL.sub(lambda m: code_point_to_utf16(ord(m.group())), text)


def code_point_to_utf16(cp: int) -> str:
    if cp < 0x10000:
        return chr(cp)
    cp -= 0x10000
    return chr(0xD800 + (cp >> 10)) + chr(0xDC00 + (cp & 0x3FF))


class BadEscape(Exception):
    """An escape that is not allowed; ``offset`` is relative to the escaped text."""

    def __init__(self, message: str, offset: int):
        super().__init__(message)
        self.message = message
        self.offset = offset


def _unicode_escape(body: str, i: int) -> tuple[int, int]:
    """Decode the escape after ``\\u`` at ``i``; return (code point, next index)."""
    if body.startswith("{", i):
        m = _HEX.match(body, i + 1)
        if not m or not body.startswith("}", m.end()):
            raise BadEscape("Bad character escape sequence", i - 2)
        cp = int(m.group(), 16)
        if cp > 0x10FFFF:
            raise BadEscape("Code point out of bounds", i - 2)
        return cp, m.end() + 1
    digits = body[i : i + 4]
    if len(digits) != 4 or not _HEX.fullmatch(digits):
        raise BadEscape("Bad character escape sequence", i - 2)
    return int(digits, 16), i + 4


def cook(body: str, template: bool = False) -> str:
    """The value of a string literal body (or a template chunk if ``template``).

    Raises BadEscape for an escape that is never valid (or, in a template, any escape
    that is not allowed there: octal, ``\\8``, ``\\9``, malformed ``\\x``/``\\u``).
    """
    if "\\" not in body:
        return body
    out: list[str] = []
    i, n = 0, len(body)
    while i < n:
        j = body.find("\\", i)
        if j < 0:
            out.append(body[i:])
            break
        out.append(body[i:j])
        c = body[j + 1 : j + 2]
        i = j + 2
        if c in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[c])
        elif c == "\r":
            if body.startswith("\n", i):
                i += 1
        elif c == "x":
            digits = body[i : i + 2]
            if len(digits) != 2 or not _HEX.fullmatch(digits):
                raise BadEscape("Bad character escape sequence", j)
            out.append(chr(int(digits, 16)))
            i += 2
        elif c == "u":
            cp, i = _unicode_escape(body, i)
            out.append(code_point_to_utf16(cp))
        elif c in "01234567":
            if c == "0" and not body[i : i + 1].isdigit():
                out.append("\0")
                continue
            if template:
                raise BadEscape("Octal literal in template string", j)
            m = _OCTAL.match(body, j + 1)
            digits = m.group()
            if int(digits, 8) > 0o377:
                digits = digits[:2]
            out.append(chr(int(digits, 8)))
            i = j + 1 + len(digits)
        elif c in "89":
            if template:
                raise BadEscape("Invalid escape sequence in template string", j)
            out.append(c)
        else:
            out.append(c)
    return "".join(out)


def number_value(raw: str) -> tuple[float, str | None]:
    """(value, bigint digits or None) of a numeric literal's raw text."""
    text = raw.replace("_", "")
    if text.endswith("n"):
        digits = text[:-1]
        value = int(digits, 0) if digits[1:2] in ("x", "X", "o", "O", "b", "B") else int(digits)
        return float(value) if value < 2**1023 else float("inf"), str(value)
    if len(text) > 1 and text[0] == "0":
        kind = text[1]
        if kind in "xXoObB":
            return _int_to_float(int(text, 0)), None
        if text[1:].isdigit():
            if "8" in text or "9" in text:
                return float(text), None  # a decimal with a leading zero
            return _int_to_float(int(text, 8)), None
    return float(text), None


def _int_to_float(value: int) -> float:
    try:
        return float(value)
    except OverflowError:
        return float("inf")


_ESCAPE_IN_NAME = re.compile(r"\\u(?:([0-9a-fA-F]{4})|\{([0-9a-fA-F]+)\})|\\")


def _is_id_start(ch: str) -> bool:
    return ch in "$_" or is_id_start(ord(ch))


def _is_id_part(ch: str) -> bool:
    return ch in "$_\u200c\u200d" or is_id_continue(ord(ch))


def identifier_name(raw: str, pos: int) -> str:
    """The name an identifier token spells, escapes decoded and checked (UTF-16 result)."""
    if "\\" in raw:
        parts: list[str] = []
        last = 0
        for m in _ESCAPE_IN_NAME.finditer(raw):
            parts.append(raw[last : m.start()])
            if m.group() == "\\":
                raise JSSyntaxError("Expecting Unicode escape sequence \\uXXXX", pos + m.start())
            cp = int(m.group(1) or m.group(2), 16)
            if cp > 0x10FFFF:
                raise JSSyntaxError("Code point out of bounds", pos + m.start())
            ch = chr(cp)
            ok = _is_id_start(ch) if m.start() == 0 else _is_id_part(ch)
            if not ok or 0xD800 <= cp <= 0xDFFF:
                raise JSSyntaxError("Invalid Unicode escape", pos + m.start())
            parts.append(code_point_to_utf16(cp))
            last = m.end()
        parts.append(raw[last:])
        name = "".join(parts)
        check = raw
    else:
        name = check = raw
    if not check.isascii():
        _check_identifier_chars(check, pos)
    return name


_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def _check_identifier_chars(raw: str, pos: int) -> None:
    """Reject characters outside ID_Start / ID_Continue (escapes were checked already)."""
    text = _PAIR.sub(lambda m: m.group().encode("utf-16-le", "surrogatepass").decode(
        "utf-16-le"), raw)
    i = 0
    first = True
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            m = _ESCAPE_IN_NAME.match(text, i)
            i = m.end() if m else i + 1
            first = False
            continue
        if not ch.isascii() and not (_is_id_start(ch) if first else _is_id_part(ch)):
            raise JSSyntaxError(f"Unexpected character '{ch}'", pos + i)
        first = False
        i += 1
