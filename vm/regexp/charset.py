"""Sets of code points for character classes, and the case tables of ``Canonicalize``.

A :class:`CharSet` is a sorted list of disjoint inclusive ranges plus, in v-mode, a set
of strings (``\\q{ab}``); the class operations of ECMA-262 (union, ``&&``, ``--``,
complement) work on those ranges.  Unicode property sets come from the ``regex``
package's tables (Python's :mod:`unicodedata` has no scripts), read once per property.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

MAX_CP = 0x10FFFF

Ranges = list[tuple[int, int]]


def normalize(ranges) -> Ranges:
    """Sort and merge overlapping or adjacent ranges."""
    out: Ranges = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def complement(ranges: Ranges) -> Ranges:
    out: Ranges = []
    nxt = 0
    for lo, hi in ranges:
        if lo > nxt:
            out.append((nxt, lo - 1))
        nxt = hi + 1
    if nxt <= MAX_CP:
        out.append((nxt, MAX_CP))
    return out


def intersect(a: Ranges, b: Ranges) -> Ranges:
    out: Ranges = []
    i = j = 0
    while i < len(a) and j < len(b):
        lo = max(a[i][0], b[j][0])
        hi = min(a[i][1], b[j][1])
        if lo <= hi:
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


class CharSet:
    """Code points (as ranges) and, in v-mode, strings of two or more code points."""

    __slots__ = ("ranges", "strings")

    def __init__(self, ranges=(), strings=()):
        self.ranges: Ranges = normalize(ranges)
        self.strings: set[str] = set(strings)  # each a str of code points

    def union(self, other: CharSet) -> CharSet:
        return CharSet(self.ranges + other.ranges, self.strings | other.strings)

    def intersection(self, other: CharSet) -> CharSet:
        result = CharSet(intersect(self.ranges, other.ranges), self.strings & other.strings)
        return result

    def difference(self, other: CharSet) -> CharSet:
        return CharSet(intersect(self.ranges, complement(other.ranges)),
                       self.strings - other.strings)

    def inverted(self) -> CharSet:
        return CharSet(complement(self.ranges))

    def contains(self, cp: int) -> bool:
        starts = [lo for lo, _ in self.ranges]
        i = bisect_right(starts, cp) - 1
        return i >= 0 and cp <= self.ranges[i][1]


def membership(ranges: Ranges):
    """A fast ``cp -> bool`` test for a set of ranges."""
    size = sum(hi - lo + 1 for lo, hi in ranges)
    if not ranges:
        return lambda cp: False
    if len(ranges) == 1:
        lo, hi = ranges[0]
        return lambda cp: lo <= cp <= hi
    if size <= 512:
        members = frozenset(cp for lo, hi in ranges for cp in range(lo, hi + 1))
        return members.__contains__
    starts = [lo for lo, _ in ranges]
    ends = [hi for _, hi in ranges]
    if ranges[-1][1] >= 0x80:
        ascii_members = frozenset(
            cp for lo, hi in ranges if lo < 0x80 for cp in range(lo, min(hi, 0x7F) + 1))
    else:
        ascii_members = None

    def test(cp: int) -> bool:
        if cp < 0x80 and ascii_members is not None:
            return cp in ascii_members
        i = bisect_right(starts, cp) - 1
        return i >= 0 and cp <= ends[i]
    return test


# -- the class escapes --------------------------------------------------------------------

DIGITS: Ranges = [(0x30, 0x39)]
WORD: Ranges = [(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)]
# WordCharacters with u+i: also the characters whose simple case fold is a word character.
WORD_UNICODE_IGNORE_CASE: Ranges = normalize(WORD + [(0x17F, 0x17F), (0x212A, 0x212A)])
SPACE: Ranges = normalize([
    (0x09, 0x0D), (0x20, 0x20), (0xA0, 0xA0), (0x1680, 0x1680), (0x2000, 0x200A),
    (0x2028, 0x2029), (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000), (0xFEFF, 0xFEFF),
])
LINE_TERMINATORS = frozenset((0x0A, 0x0D, 0x2028, 0x2029))


# -- Canonicalize (§22.2.2.7.3) -----------------------------------------------------------


def _canonicalize_legacy(cp: int) -> int:
    """Non-unicode ignoreCase: toUppercase, unless that gives several units or leaves
    non-ASCII for ASCII."""
    upper = chr(cp).upper()
    if len(upper) != 1:
        return cp
    cu = ord(upper)
    if cp >= 128 and cu < 128:
        return cp
    return cu


# CaseFolding.txt "S" entries that neither full folding nor lowercasing give.
_SIMPLE_FOLD_EXTRA = {0x1FD3: 0x0390, 0x1FE3: 0x03B0, 0xFB05: 0xFB06}


def _simple_case_fold(cp: int) -> int:
    """Unicode ignoreCase: simple case folding (full folding where it is one character,
    else lowercasing where that is one character)."""
    if cp in _SIMPLE_FOLD_EXTRA:
        return _SIMPLE_FOLD_EXTRA[cp]
    ch = chr(cp)
    folded = ch.casefold()
    if len(folded) == 1:
        return ord(folded)
    lower = ch.lower()
    if len(lower) == 1:
        return ord(lower)
    return cp


@lru_cache(maxsize=2)
def case_table(unicode: bool) -> dict[int, int]:
    """The code points that Canonicalize changes, mapped to their canonical form."""
    fn = _simple_case_fold if unicode else _canonicalize_legacy
    top = 0x20000 if unicode else 0x10000  # no cased letters beyond plane 1
    table = {}
    for cp in range(top):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = fn(cp)
        if c != cp:
            table[cp] = c
    return table


@lru_cache(maxsize=2)
def case_classes(unicode: bool) -> dict[int, tuple[int, ...]]:
    """Each code point Canonicalize touches -> every code point with the same canonical
    form (itself included)."""
    table = case_table(unicode)
    groups: dict[int, list[int]] = {}
    for cp, c in table.items():
        groups.setdefault(c, [c]).append(cp)
    out: dict[int, tuple[int, ...]] = {}
    for members in groups.values():
        t = tuple(sorted(set(members)))
        for cp in t:
            out[cp] = t
    return out


def close_over_case(ranges: Ranges, unicode: bool) -> Ranges:
    """The ranges plus every code point that canonicalizes like one of them."""
    classes = case_classes(unicode)
    test = membership(ranges)
    extra = [(o, o) for cp, members in classes.items() if test(cp) for o in members]
    return normalize(ranges + extra) if extra else ranges


# -- Unicode properties -------------------------------------------------------------------

_GC_ALIASES = {"punct": "P", "digit": "Nd", "cntrl": "Cc"}
_BINARY_ALIASES = {"space": "White_Space"}


@lru_cache(maxsize=1)
def _all_code_points() -> str:
    return "".join(map(chr, range(MAX_CP + 1)))


@lru_cache(maxsize=256)
def property_ranges(name: str, value: str | None) -> tuple[tuple[int, int], ...]:
    """Code points of ``\\p{name=value}`` or ``\\p{name}`` (already validated)."""
    if value is None:
        if name == "Any":
            return ((0, MAX_CP),)
        if name in ("Changes_When_NFKC_Casefolded", "CWKCF"):
            return tuple(_nfkc_casefold_changes())
        name = _BINARY_ALIASES.get(name, _GC_ALIASES.get(name, name))
        query = name
    else:
        if name in ("General_Category", "gc"):
            name, value = "gc", _GC_ALIASES.get(value, value)
        elif name in ("Script", "sc"):
            name = "sc"
        else:
            name = "scx"
        query = f"{name}={value}"
    import regex  # the Unicode tables; only needed for property escapes

    try:
        finder = regex.compile(rf"\p{{{query}}}+")
    except regex.error:
        raise UnknownProperty(query) from None
    return tuple((m.start(), m.end() - 1) for m in finder.finditer(_all_code_points()))


class UnknownProperty(Exception):
    """A property name or value the Unicode tables do not know."""


def _nfkc_casefold_changes() -> Ranges:
    import unicodedata

    out = []
    for cp in range(MAX_CP + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        if unicodedata.category(ch) == "Cn":
            continue
        folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", ch).casefold())
        if folded != ch:
            out.append((cp, cp))
    return normalize(out)
