"""Pattern text -> tree, for a pattern that :func:`compiler.regexp.check_regexp` accepted.

The validator owns the early errors; this parser only builds the tree, so it may assume
the text is well formed.  Nodes are tuples whose first item names the kind:

``("char", cp)`` ``("set", CharSet, negated)`` ``("any",)`` ``("seq", [nodes])``
``("alt", [nodes])`` ``("group", index, node)`` ``("quant", min, max, greedy, node,
first_group, end_group)`` ``("bol",)`` ``("eol",)`` ``("wordb", negated)``
``("look", behind, negated, node)`` ``("backref", [indices])``
``("mods", added, removed, node)``.

Annex B (outside u and v modes) is followed: octal escapes, ``\\8``, a ``\\c`` without a
letter, ``{`` and ``]`` as literals, quantified lookaheads, and a ``\\N`` above the group
count read as an octal or identity escape.
"""

from __future__ import annotations

from .charset import (
    DIGITS,
    SPACE,
    WORD,
    WORD_UNICODE_IGNORE_CASE,
    CharSet,
    close_over_case,
    complement,
    property_ranges,
)

_SYNTAX = frozenset("^$\\.*+?()[]{}|")
_CONTROL = {"t": 9, "n": 10, "v": 11, "f": 12, "r": 13}
_CLASS_SET_SYNTAX = frozenset("()[]{}/-\\|")
_DOUBLE_PUNCT = frozenset("&!#$%*+,.:;<=>?@^`~")
_RESERVED_PUNCT = frozenset("&-!#%,:;<=>@`~")
INFINITY = float("inf")


def _is_digit(ch: str) -> bool:
    """An ASCII decimal digit (str.isdigit also takes other scripts' digits)."""
    return "0" <= ch <= "9"


class Pattern:
    """A parsed pattern: its tree, group count and group names."""

    __slots__ = ("tree", "group_count", "group_names")

    def __init__(self, tree, group_count: int, group_names: list[str | None]):
        self.tree = tree
        self.group_count = group_count  # capture groups, not counting group 0
        self.group_names = group_names  # index -> name (None if unnamed); [0] is None


def parse(source: str, flags: str) -> Pattern:
    p = _Parser(source, flags)
    tree = p.disjunction()
    return Pattern(tree, p.total, p.names)


def _scan_groups(src: str, sets: bool) -> list[str | None]:
    """Capture groups in order: their names (None if unnamed), index 0 being the match."""
    names: list[str | None] = [None]
    i, n, depth = 0, len(src), 0
    while i < n:
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            depth += 1
        elif c == "]" and depth:
            depth = depth - 1 if sets else 0
        elif c == "(" and not depth:
            if src.startswith("(?<", i) and src[i + 3:i + 4] not in ("=", "!"):
                end = src.index(">", i)
                names.append(_decode_name(src[i + 3:end]))
            elif not src.startswith("(?", i):
                names.append(None)
        i += 1
    return names


def _decode_name(raw: str) -> str:
    """A group name with its ``\\u`` escapes decoded (UTF-16 code units)."""
    if "\\" not in raw:
        return raw
    p = _Parser(raw, "u")
    out = []
    while p.pos < p.n:
        if p.eat("\\"):
            p.eat("u")
            out.append(_utf16(p.unicode_escape_value()))
        else:
            out.append(raw[p.pos])
            p.pos += 1
    return "".join(out)


def _utf16(cp: int) -> str:
    if cp < 0x10000:
        return chr(cp)
    cp -= 0x10000
    return chr(0xD800 + (cp >> 10)) + chr(0xDC00 + (cp & 0x3FF))


class _Parser:
    def __init__(self, src: str, flags: str):
        self.src = src
        self.n = len(src)
        self.pos = 0
        self.sets = "v" in flags
        self.unicode = self.sets or "u" in flags
        if flags == "u" and "(" not in src:  # name decoding only
            self.names, self.total = [None], 0
        else:
            self.names = _scan_groups(src, self.sets)
            self.total = len(self.names) - 1
        self.named = self.unicode or any(x is not None for x in self.names)
        self.ignore_case = "i" in flags
        self.group_index = 0

    # -- reading ----------------------------------------------------------------------

    def peek(self, k: int = 0) -> str:
        i = self.pos + k
        return self.src[i] if i < self.n else ""

    def eat(self, s: str) -> bool:
        if self.src.startswith(s, self.pos):
            self.pos += len(s)
            return True
        return False

    def code_point(self) -> int:
        """The next source character (a surrogate pair is one in u-mode)."""
        c = ord(self.src[self.pos])
        self.pos += 1
        if self.unicode and 0xD800 <= c <= 0xDBFF and self.pos < self.n:
            d = ord(self.src[self.pos])
            if 0xDC00 <= d <= 0xDFFF:
                self.pos += 1
                return (c - 0xD800) * 0x400 + d - 0xDC00 + 0x10000
        return c

    def digits(self) -> int:
        start = self.pos
        while self.pos < self.n and _is_digit(self.src[self.pos]):
            self.pos += 1
        return int(self.src[start:self.pos])

    def hex_digits(self, count: int) -> int | None:
        text = self.src[self.pos:self.pos + count]
        if len(text) == count and all(c in "0123456789abcdefABCDEF" for c in text):
            self.pos += count
            return int(text, 16)
        return None

    # -- Disjunction, Alternative, Term -------------------------------------------------

    def disjunction(self):
        alts = [self.alternative()]
        while self.eat("|"):
            alts.append(self.alternative())
        return alts[0] if len(alts) == 1 else ("alt", alts)

    def alternative(self):
        terms = []
        while self.pos < self.n and self.peek() not in ("|", ")"):
            terms.append(self.term())
        return terms[0] if len(terms) == 1 else ("seq", terms)

    def term(self):
        first_group = self.group_index + 1
        c = self.peek()
        if c == "^":
            self.pos += 1
            return ("bol",)
        if c == "$":
            self.pos += 1
            return ("eol",)
        if self.eat("\\b"):
            return ("wordb", False)
        if self.eat("\\B"):
            return ("wordb", True)
        for opener, behind, negated in (("(?=", False, False), ("(?!", False, True),
                                        ("(?<=", True, False), ("(?<!", True, True)):
            if self.eat(opener):
                body = self.disjunction()
                self.eat(")")
                node = ("look", behind, negated, body)
                if behind:
                    return node
                return self.quantified(node, first_group)
        return self.quantified(self.atom(), first_group)

    def quantified(self, atom, first_group: int):
        start = self.pos
        c = self.peek()
        if c == "*":
            low, high = 0, INFINITY
            self.pos += 1
        elif c == "+":
            low, high = 1, INFINITY
            self.pos += 1
        elif c == "?":
            low, high = 0, 1
            self.pos += 1
        elif c == "{":
            self.pos += 1
            if not _is_digit(self.peek()):
                self.pos = start
                return atom
            low = self.digits()
            high = low
            if self.eat(","):
                high = self.digits() if _is_digit(self.peek()) else INFINITY
            if not self.eat("}"):
                self.pos = start
                return atom
        else:
            return atom
        greedy = not self.eat("?")
        return ("quant", low, high, greedy, atom, first_group, self.group_index + 1)

    # -- Atoms ----------------------------------------------------------------------------

    def atom(self):
        c = self.peek()
        if c == ".":
            self.pos += 1
            return ("any",)
        if c == "(":
            return self.group()
        if c == "[":
            self.pos += 1
            return self.char_class()
        if c == "\\":
            return self.atom_escape()
        return ("char", self.code_point())

    def group(self):
        self.pos += 1
        if self.eat("?:"):
            body = self.disjunction()
            self.eat(")")
            return body
        if self.src.startswith("?<", self.pos):
            self.pos = self.src.index(">", self.pos) + 1
        elif self.eat("?"):
            added = self.modifier_letters()
            removed = self.modifier_letters() if self.eat("-") else ""
            self.eat(":")
            outer = self.ignore_case  # \W and v-mode folding depend on i
            self.ignore_case = "i" in added or (outer and "i" not in removed)
            body = self.disjunction()
            self.ignore_case = outer
            self.eat(")")
            return ("mods", added, removed, body)
        self.group_index += 1
        index = self.group_index
        body = self.disjunction()
        self.eat(")")
        return ("group", index, body)

    def modifier_letters(self) -> str:
        start = self.pos
        while self.peek() in ("i", "m", "s") and self.peek():
            self.pos += 1
        return self.src[start:self.pos]

    def atom_escape(self):
        start = self.pos
        self.pos += 1
        c = self.peek()
        if "1" <= c <= "9":
            n = self.digits()
            if self.unicode or n <= self.total:
                return ("backref", [n])
            self.pos = start + 1
            if c >= "8":
                self.pos += 1
                return ("char", ord(c))
            return ("char", self.legacy_octal())
        if c == "k" and self.named:
            end = self.src.index(">", self.pos)
            name = _decode_name(self.src[self.pos + 2:end])
            self.pos = end + 1
            return ("backref", [i for i, x in enumerate(self.names) if x == name])
        cls = self.class_escape_set()
        if cls is not None:
            return ("set", cls, False)
        value = self.character_escape()
        if value is None:  # Annex B: `\c` without a letter is a backslash
            self.pos = start + 1
            return ("char", 0x5C)
        return ("char", value)

    def class_escape_set(self) -> CharSet | None:
        """``\\d \\D \\s \\S \\w \\W`` and ``\\p{..} \\P{..}`` (the backslash already read)."""
        c = self.peek()
        if c in ("d", "D", "s", "S", "w", "W"):
            self.pos += 1
            ranges = {"d": DIGITS, "s": SPACE, "w": WORD}[c.lower()]
            if c == "W" and self.unicode and self.ignore_case:
                return CharSet(complement(WORD_UNICODE_IGNORE_CASE))
            if c.isupper():
                return CharSet(complement(self.fold(CharSet(ranges)).ranges))
            return CharSet(ranges)
        if self.unicode and c in ("p", "P"):
            end = self.src.index("}", self.pos)
            body = self.src[self.pos + 2:end]
            self.pos = end + 1
            name, _, value = body.partition("=")
            cs = self.fold(property_set(name, value or None))
            return cs.inverted() if c == "P" else cs
        return None

    def character_escape(self) -> int | None:
        """The value of a CharacterEscape; None for a `\\c` that has no letter."""
        c = self.peek()
        if c in _CONTROL:
            self.pos += 1
            return _CONTROL[c]
        if c == "c":
            letter = self.peek(1)
            if letter.isascii() and letter.isalpha():
                self.pos += 2
                return ord(letter) % 32
            return None
        if c == "0" and not _is_digit(self.peek(1)):
            self.pos += 1
            return 0
        if c == "x":
            self.pos += 1
            value = self.hex_digits(2)
            return ord("x") if value is None else value
        if c == "u":
            self.pos += 1
            value = self.unicode_escape_value()
            return ord("u") if value is None else value
        if not self.unicode and "0" <= c <= "7":
            return self.legacy_octal()
        return self.code_point()

    def unicode_escape_value(self) -> int | None:
        """After ``\\u``: four hex digits (a pair of escapes joins in u-mode) or ``{...}``."""
        if self.unicode and self.eat("{"):
            end = self.src.index("}", self.pos)
            value = int(self.src[self.pos:end], 16)
            self.pos = end + 1
            return value
        lead = self.hex_digits(4)
        if lead is None:
            return None
        if self.unicode and 0xD800 <= lead <= 0xDBFF and self.src.startswith("\\u", self.pos):
            save = self.pos
            self.pos += 2
            trail = self.hex_digits(4)
            if trail is not None and 0xDC00 <= trail <= 0xDFFF:
                return (lead - 0xD800) * 0x400 + trail - 0xDC00 + 0x10000
            self.pos = save
        return lead

    def legacy_octal(self) -> int:
        first = ord(self.src[self.pos]) - 0x30
        self.pos += 1
        value = first
        if "0" <= self.peek() <= "7":
            value = value * 8 + ord(self.peek()) - 0x30
            self.pos += 1
            if first <= 3 and "0" <= self.peek() <= "7":
                value = value * 8 + ord(self.peek()) - 0x30
                self.pos += 1
        return value

    # -- character classes --------------------------------------------------------------

    def char_class(self):
        """After ``[``: the class up to and including ``]``."""
        negated = self.eat("^")
        cs = self.class_set_expression() if self.sets else self.class_ranges()
        self.eat("]")
        if negated and self.sets:  # v-mode: the complement is a set of its own
            return ("set", self.fold(cs).inverted(), False)
        return ("set", cs, negated)

    def class_ranges(self) -> CharSet:
        ranges: list[tuple[int, int]] = []
        sets: list[CharSet] = []
        while self.peek() != "]":
            left = self.class_atom()
            if self.peek() == "-" and self.peek(1) not in ("]", ""):
                self.pos += 1
                right = self.class_atom()
                if isinstance(left, int) and isinstance(right, int):
                    ranges.append((left, right))
                    continue
                ranges.append((0x2D, 0x2D))  # Annex B: [\d-z] is \d, '-' and 'z'
                for x in (left, right):
                    if isinstance(x, int):
                        ranges.append((x, x))
                    else:
                        sets.append(x)
                continue
            if isinstance(left, int):
                ranges.append((left, left))
            else:
                sets.append(left)
        result = CharSet(ranges)
        for s in sets:
            result = result.union(s)
        return result

    def class_atom(self) -> int | CharSet:
        if not self.eat("\\"):
            return self.code_point()
        c = self.peek()
        if c == "b":
            self.pos += 1
            return 8
        if c == "-" and self.unicode:
            self.pos += 1
            return 0x2D
        if not self.unicode and c == "c":
            nxt = self.peek(1)
            if _is_digit(nxt) or nxt == "_":
                self.pos += 2
                return ord(nxt) % 32
        if not self.unicode and c in ("8", "9"):
            self.pos += 1
            return ord(c)
        cls = self.class_escape_set()
        if cls is not None:
            return cls
        value = self.character_escape()
        if value is None:
            return 0x5C  # Annex B: `\c` without a letter: the backslash, then `c`
        return value

    # v-mode classes

    def fold(self, cs: CharSet) -> CharSet:
        """With v and i, every operand is closed over case before set operations and
        complements (MaybeSimpleCaseFolding), so they work on whole case classes."""
        if self.sets and self.ignore_case:
            return CharSet(close_over_case(cs.ranges, True), cs.strings)
        return cs

    def class_set_expression(self) -> CharSet:
        if self.peek() == "]":
            return CharSet()
        first = self.class_set_operand_or_range()
        if self.src.startswith("&&", self.pos):
            result = first
            while self.eat("&&"):
                result = result.intersection(self.class_set_operand_or_range())
            return result
        if self.src.startswith("--", self.pos):
            result = first
            while self.eat("--"):
                result = result.difference(self.class_set_operand_or_range())
            return result
        result = first
        while self.peek() != "]":
            result = result.union(self.class_set_operand_or_range())
        return result

    def class_set_operand_or_range(self) -> CharSet:
        return self.fold(self.class_set_operand())

    def class_set_operand(self) -> CharSet:
        if self.peek() == "[":
            self.pos += 1
            negated = self.eat("^")
            inner = self.class_set_expression()
            self.eat("]")
            return inner.inverted() if negated else inner
        if self.src.startswith("\\q{", self.pos):
            self.pos += 3
            return self.class_strings()
        if self.peek() == "\\":
            save = self.pos
            self.pos += 1
            cls = self.class_escape_set()
            if cls is not None:
                return cls
            self.pos = save
        lo = self.class_set_character()
        if self.peek() == "-" and self.peek(1) != "-":
            self.pos += 1
            hi = self.class_set_character()
            return CharSet([(lo, hi)])
        return CharSet([(lo, lo)])

    def class_strings(self) -> CharSet:
        ranges = []
        strings = []
        current: list[int] = []
        while True:
            c = self.peek()
            if c in ("|", "}"):
                if len(current) == 1:
                    ranges.append((current[0], current[0]))
                else:
                    strings.append("".join(map(chr, current)))
                current = []
                self.pos += 1
                if c == "}":
                    break
                continue
            current.append(self.class_set_character())
        return CharSet(ranges, strings)

    def class_set_character(self) -> int:
        if self.eat("\\"):
            c = self.peek()
            if c in _RESERVED_PUNCT:
                self.pos += 1
                return ord(c)
            if c == "b":
                self.pos += 1
                return 8
            value = self.character_escape()
            return 0x5C if value is None else value
        return self.code_point()


def property_set(name: str, value: str | None) -> CharSet:
    """``\\p{...}`` as a set (with strings for the v-mode properties of strings)."""
    if value is None and name in _STRING_PROPERTIES:
        return _STRING_PROPERTIES[name]()
    return CharSet(list(property_ranges(name, value)))


def _keycaps() -> CharSet:
    return CharSet((), {c + "\ufe0f\u20e3" for c in "#*0123456789"})


def _flags() -> CharSet:
    """Approximation: any pair of regional indicators (the RGI list is not shipped)."""
    return CharSet((), {chr(a) + chr(b) for a in range(0x1F1E6, 0x1F200)
                        for b in range(0x1F1E6, 0x1F200)})


def _modifier_sequences() -> CharSet:
    bases = property_ranges("Emoji_Modifier_Base", None)
    return CharSet((), {chr(b) + chr(m) for lo, hi in bases for b in range(lo, hi + 1)
                        for m in range(0x1F3FB, 0x1F400)})


def _basic_emoji() -> CharSet:
    return CharSet(list(property_ranges("Emoji_Presentation", None)))


def _rgi_emoji() -> CharSet:
    return _basic_emoji().union(_keycaps()).union(_flags()).union(_modifier_sequences())


# Properties of strings, approximated from the code point properties the tables have:
# tag and ZWJ sequences are not known, so those sets are empty.
_STRING_PROPERTIES = {
    "Basic_Emoji": _basic_emoji,
    "Emoji_Keycap_Sequence": _keycaps,
    "RGI_Emoji_Flag_Sequence": _flags,
    "RGI_Emoji_Modifier_Sequence": _modifier_sequences,
    "RGI_Emoji_Tag_Sequence": CharSet,
    "RGI_Emoji_ZWJ_Sequence": CharSet,
    "RGI_Emoji": _rgi_emoji,
}
