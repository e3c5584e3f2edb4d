"""Between JavaScript strings (UTF-16 code units in a str) and real text (code points).

DESIGN.md: strings hold UTF-16 code units; conversion to code points happens only
where Unicode semantics need it (case mapping, normalisation, output).
"""

from __future__ import annotations

from .patterns import LazyPattern

_PAIR = LazyPattern("[\ud800-\udbff][\udc00-\udfff]")
_ASTRAL = LazyPattern("[\U00010000-\U0010ffff]")
_LONE = LazyPattern("[\ud800-\udfff]")


def code_point_to_utf16(cp: int) -> str:
    """UTF16EncodeCodePoint."""
    if cp < 0x10000:
        return chr(cp)
    cp -= 0x10000
    return chr(0xD800 + (cp >> 10)) + chr(0xDC00 + (cp & 0x3FF))


def to_code_points(units: str) -> str:
    """Join surrogate pairs into code points; lone surrogates stay as they are."""
    if units.isascii() or not _PAIR.search(units):
        return units
    return _PAIR.sub(lambda m: chr(0x10000 + ((ord(m.group()[0]) - 0xD800) << 10)
                                   + ord(m.group()[1]) - 0xDC00), units)


def to_utf16(text: str) -> str:
    """Spell non-BMP characters as surrogate pairs."""
    if text.isascii() or not _ASTRAL.search(text):
        return text
    return _ASTRAL.sub(lambda m: code_point_to_utf16(ord(m.group())), text)


def code_point_at(s: str, i: int) -> tuple[int, int]:
    """CodePointAt: (code point, code unit count) at index i."""
    first = ord(s[i])
    if 0xD800 <= first <= 0xDBFF and i + 1 < len(s):
        second = ord(s[i + 1])
        if 0xDC00 <= second <= 0xDFFF:
            return 0x10000 + ((first - 0xD800) << 10) + second - 0xDC00, 2
    return first, 1


def to_text(units: str) -> str:
    """Text for output: pairs joined, a lone surrogate replaced by U+FFFD."""
    text = to_code_points(units)
    if text.isascii():
        return text
    return _LONE.sub("\ufffd", text)
