"""Early errors for regular expression literals: a syntax validator, not a matcher.

``check_regexp(pattern, flags)`` accepts exactly the patterns that acorn 8.x accepts with
``ecmaVersion: "latest"`` and rejects the others with acorn's messages, so the parser can
be compared with acorn on real code.  The grammar is the one of ECMA-262 section 22.2.1
with Annex B.1.2 (web compatibility) when neither ``u`` nor ``v`` is given.

The pattern is a ``str`` of UTF-16 code units.  With ``u`` or ``v`` a surrogate pair is
read as one code point (acorn also pairs a lone trail surrogate with a following trail
surrogate, and so do we).  Each production of the grammar is one method of
:class:`_PatternChecker`, named after it; a method either consumes its production and
returns something truthy (or a value that is not ``None``), or leaves ``pos`` where it was.

Error positions are offsets into the pattern (0 is the character after the opening
slash).  Flag errors point past the closing slash: ``len(pattern) + 1 + index``.  acorn
itself reports every regular expression error at the start of the literal.

Nesting deeper than acorn can follow (about 2,000 groups or classes) is refused with a
SyntaxError; acorn overflows its stack there.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import NoReturn

from .errors import JSSyntaxError
from .unicode_props import (
    BINARY_PROPERTIES_OF_STRINGS,
    LONE_PROPERTY_NAMES,
    NON_BINARY_PROPERTIES,
    is_id_continue,
    is_id_start,
)

__all__ = ["check_regexp"]

VALID_FLAGS = "dgimsuyv"

# What a class-like construct may match; strings only arise in v-mode (\p{RGI_Emoji},
# \q{ab}), and a class that may match strings cannot be negated.
_NOTHING, _CHARS, _STRINGS = 0, 1, 2

_SYNTAX_CHARS = frozenset(map(ord, "^$\\.*+?()[]{}|"))
# Annex B: outside u-mode only these are not literal; `{`, `}` and `]` are, and so is a
# backslash once it failed to start an escape (only `\c` without a letter gets there).
_NOT_EXTENDED_PATTERN_CHARS = frozenset(map(ord, "^$.*+?()[|"))
_CLASS_ESCAPES = frozenset(map(ord, "dDsSwW"))
_CONTROL_ESCAPES = {ord("t"): 9, ord("n"): 10, ord("v"): 11, ord("f"): 12, ord("r"): 13}
# v-mode class syntax (ClassSetSyntaxCharacter, ClassSetReservedDoublePunctuator, ...).
_CLASS_SET_SYNTAX = frozenset(map(ord, "()[]{}/-\\|"))
_CLASS_SET_DOUBLE_PUNCT = frozenset(map(ord, "&!#$%*+,.:;<=>?@^`~"))
_CLASS_SET_RESERVED_PUNCT = frozenset(map(ord, "&-!#%,:;<=>@`~"))
_PROPERTY_NAME_CHARS = frozenset(map(ord, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_"))
_PROPERTY_VALUE_CHARS = _PROPERTY_NAME_CHARS | frozenset(map(ord, "0123456789"))
_MODIFIER_CHARS = frozenset(map(ord, "ims"))
_BIG = 1 << 62
_MAX_NESTING = 3000
_FRAMES_PER_LEVEL = 8


def _is_digit(ch: int) -> bool:
    return 0x30 <= ch <= 0x39


def _is_octal(ch: int) -> bool:
    return 0x30 <= ch <= 0x37


def _is_letter(ch: int) -> bool:
    return 0x41 <= ch <= 0x5A or 0x61 <= ch <= 0x7A


def _hex_value(ch: int) -> int:
    """Value of a hex digit, or -1."""
    if 0x30 <= ch <= 0x39:
        return ch - 0x30
    if 0x41 <= ch <= 0x46 or 0x61 <= ch <= 0x66:
        return (ch | 0x20) - 0x61 + 10
    return -1


def check_regexp(pattern: str, flags: str) -> None:
    """Raise :class:`JSSyntaxError` if ``/pattern/flags`` is not a valid regular expression."""
    _check_flags(pattern, flags)
    # The descent recurses a few frames per nested group or class; give deep patterns the
    # room acorn has (its own stack gives out between 1,000 and 3,000 levels).
    nesting = min(pattern.count("(") + pattern.count("["), _MAX_NESTING)
    limit = sys.getrecursionlimit()
    if nesting > 50:
        sys.setrecursionlimit(limit + _FRAMES_PER_LEVEL * nesting)
    try:
        _check_pattern(pattern, flags)
    except RecursionError:
        raise JSSyntaxError(
            f"Invalid regular expression: /{pattern}/: Regular expression is too deeply nested"
        ) from None
    finally:
        sys.setrecursionlimit(limit)


def _check_pattern(pattern: str, flags: str) -> None:
    sets = "v" in flags
    unicode = sets or "u" in flags
    checker = _PatternChecker(pattern, unicode=unicode, sets=sets, named=unicode)
    checker.pattern()
    if not unicode and checker.group_names:
        # A group name anywhere switches the whole pattern to the [+NamedCaptureGroups]
        # grammar, where \k must be a valid named reference (spec: ParsePattern).
        _PatternChecker(pattern, unicode=False, sets=False, named=True).pattern()


def _check_flags(pattern: str, flags: str) -> None:
    """Each flag once, all known, and not both u and v."""
    base = len(pattern) + 1
    for i, flag in enumerate(flags):
        if flag not in VALID_FLAGS:
            raise JSSyntaxError("Invalid regular expression flag", base + i)
        if flag in flags[i + 1 :]:
            raise JSSyntaxError("Duplicate regular expression flag", base + i)
    if "u" in flags and "v" in flags:
        raise JSSyntaxError("Invalid regular expression flag", base + flags.index("v"))


class _Branch:
    """One alternative of a disjunction; all alternatives of a disjunction share ``base``.

    Two capture groups may share a name only if they can never both participate in a
    match, i.e. they sit in different alternatives of some common disjunction.
    """

    __slots__ = ("parent", "base")

    def __init__(self, parent: _Branch | None, base: _Branch | None = None):
        self.parent = parent
        self.base = self if base is None else base

    def sibling(self) -> _Branch:
        return _Branch(self.parent, self.base)


def _separated(a: _Branch | None, b: _Branch | None) -> bool:
    """True if some ancestor of ``a`` and some ancestor of ``b`` are sibling alternatives."""
    while a is not None:
        other = b
        while other is not None:
            if a.base is other.base and a is not other:
                return True
            other = other.parent
        a = a.parent
    return False


class _PatternChecker:
    """Recursive descent over one pattern in one grammar mode (U, V and N parameters)."""

    def __init__(self, source: str, *, unicode: bool, sets: bool, named: bool):
        self.src = source
        self.n = len(source)
        self.unicode = unicode  # [+UnicodeMode]: u or v flag
        self.sets = sets  # [+UnicodeSetsMode]: v flag
        self.named = named  # [+NamedCaptureGroups]
        self.pos = 0
        self.group_count = 0
        self.max_back_reference = 0
        self.group_names: dict[str, list[_Branch | None]] = {}
        self.back_reference_names: list[str] = []
        self.branch: _Branch | None = None

    # -- reading ---------------------------------------------------------------------------

    def fail(self, message: str, pos: int | None = None) -> NoReturn:
        raise JSSyntaxError(
            f"Invalid regular expression: /{self.src}/: {message}",
            self.pos if pos is None else pos,
        )

    def at(self, i: int, astral: bool = False) -> int:
        """Code point (u-mode or ``astral``) or code unit at ``i``; -1 at the end."""
        if i >= self.n:
            return -1
        c = ord(self.src[i])
        if 0xD800 <= c <= 0xDFFF and (astral or self.unicode) and i + 1 < self.n:
            d = ord(self.src[i + 1])
            if 0xDC00 <= d <= 0xDFFF:
                return (c << 10) + d - 0x35FDC00
        return c

    def next_index(self, i: int, astral: bool = False) -> int:
        if i >= self.n:
            return self.n
        c = ord(self.src[i])
        if 0xD800 <= c <= 0xDFFF and (astral or self.unicode) and i + 1 < self.n:
            if 0xDC00 <= ord(self.src[i + 1]) <= 0xDFFF:
                return i + 2
        return i + 1

    def cur(self, astral: bool = False) -> int:
        return self.at(self.pos, astral)

    def lookahead(self) -> int:
        return self.at(self.next_index(self.pos))

    def advance(self, astral: bool = False) -> None:
        self.pos = self.next_index(self.pos, astral)

    def eat(self, ch: str) -> bool:
        if self.pos < self.n and self.src[self.pos] == ch:
            self.pos += 1
            return True
        return False

    def eat_pair(self, pair: str) -> bool:
        """Consume both ASCII characters of ``pair`` or nothing."""
        if self.src.startswith(pair, self.pos):
            self.pos += 2
            return True
        return False

    def decimal_digits(self) -> float | None:
        """DecimalDigits as a double, rounded digit by digit like acorn (quantifier bounds)."""
        value, start = 0.0, self.pos
        while _is_digit(ch := self.cur()):
            value = 10 * value + (ch - 0x30)
            self.pos += 1
        return None if self.pos == start else value

    def hex_digits(self) -> int | None:
        """HexDigits, capped just above the largest code point."""
        value, start = 0, self.pos
        while (d := _hex_value(self.cur())) >= 0:
            value = min(value * 16 + d, 0x110000)
            self.pos += 1
        return None if self.pos == start else value

    def fixed_hex_digits(self, count: int) -> int | None:
        """Exactly ``count`` hex digits (HexEscapeSequence, Hex4Digits)."""
        value = 0
        for i in range(count):
            d = _hex_value(self.at(self.pos + i))
            if d < 0:
                return None
            value = value * 16 + d
        self.pos += count
        return value

    # -- Pattern, Disjunction, Alternative, Term ---------------------------------------------

    def pattern(self) -> None:
        self.disjunction()
        if self.pos < self.n:
            ch = self.src[self.pos]
            if ch == ")":
                self.fail("Unmatched ')'")
            if ch in "]}":
                self.fail("Lone quantifier brackets")
            self.fail("Unexpected character")  # unreachable: every stop above raises
        if self.max_back_reference > self.group_count:
            self.fail("Invalid escape")
        for name in self.back_reference_names:
            if name not in self.group_names:
                self.fail("Invalid named capture referenced")

    def disjunction(self) -> None:
        self.branch = _Branch(self.branch)
        self.alternative()
        while self.eat("|"):
            self.branch = self.branch.sibling()
            self.alternative()
        self.branch = self.branch.parent
        # An alternative stops before a quantifier with nothing to repeat.
        start = self.pos
        if self.quantifier(lenient=True):
            self.fail("Nothing to repeat", start)
        if self.eat("{"):
            self.fail("Lone quantifier brackets", start)

    def alternative(self) -> None:
        while self.pos < self.n and self.term():
            pass

    def term(self) -> bool:
        kind = self.assertion()
        if kind:
            start = self.pos
            # Annex B lets a lookahead be quantified, but only outside u-mode.
            if kind == 2 and self.quantifier() and self.unicode:
                self.fail("Invalid quantifier", start)
            return True
        if self.atom() if self.unicode else self.extended_atom():
            self.quantifier()
            return True
        return False

    def assertion(self) -> int:
        """0: none; 1: an assertion; 2: a lookahead, which Annex B lets be quantified."""
        start = self.pos
        if self.eat("^") or self.eat("$"):
            return 1
        if self.eat("\\"):
            if self.eat("b") or self.eat("B"):
                return 1
            self.pos = start
        if self.eat("(") and self.eat("?"):
            behind = self.eat("<")
            if self.eat("=") or self.eat("!"):
                self.disjunction()
                if not self.eat(")"):
                    self.fail("Unterminated group")
                return 1 if behind else 2
        self.pos = start
        return 0

    def quantifier(self, lenient: bool = False) -> bool:
        """``lenient``: only probing for a stray quantifier, so raise nothing."""
        if self.eat("*") or self.eat("+") or self.eat("?") or self.braced_quantifier(lenient):
            self.eat("?")
            return True
        return False

    def braced_quantifier(self, lenient: bool) -> bool:
        start = self.pos
        if not self.eat("{"):
            return False
        low = self.decimal_digits()
        if low is not None:
            high = self.decimal_digits() if self.eat(",") else None
            if self.eat("}"):
                if high is not None and high < low and not lenient:
                    self.fail("numbers out of order in {} quantifier", start)
                return True
        if self.unicode and not lenient:
            self.fail("Incomplete quantifier", start)
        self.pos = start  # Annex B: a `{` that starts no quantifier is a literal
        return False

    # -- Atoms ----------------------------------------------------------------------------

    def atom(self) -> bool:
        """Atom[+UnicodeMode]."""
        return (
            self.pattern_characters()
            or self.eat(".")
            or self.backslash_atom_escape()
            or self.character_class()
            or self.uncapturing_group()
            or self.capturing_group()
        )

    def extended_atom(self) -> bool:
        """Annex B ExtendedAtom, used without u or v."""
        return (
            self.eat(".")
            or self.backslash_atom_escape()
            or self.character_class()
            or self.uncapturing_group()
            or self.capturing_group()
            or self.invalid_braced_quantifier()
            or self.extended_pattern_character()
        )

    def pattern_characters(self) -> bool:
        """A run of PatternCharacter (validity does not depend on where a run is split)."""
        start = self.pos
        while (ch := self.cur()) >= 0 and ch not in _SYNTAX_CHARS:
            self.advance()
        return self.pos != start

    def extended_pattern_character(self) -> bool:
        ch = self.cur()
        if ch >= 0 and ch not in _NOT_EXTENDED_PATTERN_CHARS:
            self.advance()
            return True
        return False

    def invalid_braced_quantifier(self) -> bool:
        start = self.pos
        if self.braced_quantifier(lenient=True):
            self.fail("Nothing to repeat", start)
        return False

    def uncapturing_group(self) -> bool:
        """``(?:...)``, and with modifiers ``(?ims-ims:...)``."""
        start = self.pos
        if self.eat("(") and self.eat("?"):
            added = self.modifiers()
            hyphen = self.eat("-")
            if added or hyphen:
                if len(set(added)) != len(added):
                    self.fail("Duplicate regular expression modifiers")
                if hyphen:
                    removed = self.modifiers()
                    if not added and not removed and self.cur() == 0x3A:
                        self.fail("Invalid regular expression modifiers")
                    if len(set(removed)) != len(removed) or set(removed) & set(added):
                        self.fail("Duplicate regular expression modifiers")
            if self.eat(":"):
                self.disjunction()
                if self.eat(")"):
                    return True
                self.fail("Unterminated group")
        self.pos = start
        return False

    def modifiers(self) -> str:
        start = self.pos
        while self.cur() in _MODIFIER_CHARS:
            self.pos += 1
        return self.src[start : self.pos]

    def capturing_group(self) -> bool:
        if not self.eat("("):
            return False
        self.group_specifier()
        self.disjunction()
        if not self.eat(")"):
            self.fail("Unterminated group")
        self.group_count += 1
        return True

    def group_specifier(self) -> None:
        start = self.pos
        if not self.eat("?"):
            return
        name = self.group_name()
        if name is None:
            self.fail("Invalid group", start)
        known = self.group_names.setdefault(name, [])
        for other in known:
            if not _separated(other, self.branch):
                self.fail("Duplicate capture group name", start)
        known.append(self.branch)

    def group_name(self) -> str | None:
        """``<`` RegExpIdentifierName ``>``; None when there is no ``<``."""
        if not self.eat("<"):
            return None
        name = self.regexp_identifier_name()
        if name is None or not self.eat(">"):
            self.fail("Invalid capture group name")
        return name

    def regexp_identifier_name(self) -> str | None:
        first = self.regexp_identifier_char(is_id_start)
        if first is None:
            return None
        chars = [first]
        while (ch := self.regexp_identifier_char(is_id_continue)) is not None:
            chars.append(ch)
        return "".join(map(chr, chars))

    def regexp_identifier_char(self, accept: Callable[[int], bool]) -> int | None:
        """One identifier character, literal or ``\\u`` escaped; pairs are always joined."""
        start = self.pos
        ch = self.cur(astral=True)
        self.advance(astral=True)
        if ch == 0x5C:
            escaped = self.unicode_escape(astral=True)
            if escaped is not None:
                ch = escaped
        if ch >= 0 and accept(ch):
            return ch
        self.pos = start
        return None

    # -- Escapes --------------------------------------------------------------------------

    def backslash_atom_escape(self) -> bool:
        start = self.pos
        if self.eat("\\"):
            if self.atom_escape():
                return True
            self.pos = start  # Annex B: `\c` without a letter is a literal backslash
        return False

    def atom_escape(self) -> bool:
        if (
            self.back_reference()
            or self.character_class_escape()
            or self.character_escape() is not None
            or (self.named and self.k_group_name())
        ):
            return True
        if self.unicode:
            self.fail("Invalid unicode escape" if self.cur() == 0x63 else "Invalid escape")
        return False

    def back_reference(self) -> bool:
        start = self.pos
        number = self.decimal_escape()
        if number is None:
            return False
        if self.unicode:
            self.max_back_reference = max(self.max_back_reference, number)
            return True
        if number <= self.group_count:
            return True
        self.pos = start  # Annex B: not a back-reference yet, so an octal or identity escape
        return False

    def decimal_escape(self) -> int | None:
        """DecimalEscape, capped far above any possible group count."""
        if not 0x31 <= self.cur() <= 0x39:
            return None
        value = 0
        while _is_digit(ch := self.cur()):
            value = min(value * 10 + ch - 0x30, _BIG)
            self.pos += 1
        return value

    def k_group_name(self) -> bool:
        if not self.eat("k"):
            return False
        name = self.group_name()
        if name is None:
            self.fail("Invalid named reference")
        self.back_reference_names.append(name)
        return True

    def character_class_escape(self) -> int:
        """``\\d`` and friends, and ``\\p{...}``/``\\P{...}`` in u-mode; returns a set kind."""
        ch = self.cur()
        if ch in _CLASS_ESCAPES:
            self.pos += 1
            return _CHARS
        if self.unicode and ch in (0x50, 0x70):
            self.pos += 1
            if self.eat("{"):
                kind = self.unicode_property_value_expression()
                if kind and self.eat("}"):
                    if ch == 0x50 and kind == _STRINGS:
                        self.fail("Invalid property name")
                    return kind
            self.fail("Invalid property name")
        return _NOTHING

    def unicode_property_value_expression(self) -> int:
        start = self.pos
        name = self.property_chars(_PROPERTY_NAME_CHARS)
        if name and self.eat("="):
            value = self.property_chars(_PROPERTY_VALUE_CHARS)
            if value:
                values = NON_BINARY_PROPERTIES.get(name)
                if values is None:
                    self.fail("Invalid property name")
                if value not in values:
                    self.fail("Invalid property value")
                return _CHARS
        self.pos = start
        lone = self.property_chars(_PROPERTY_VALUE_CHARS)
        if not lone:
            return _NOTHING
        if lone in LONE_PROPERTY_NAMES:
            return _CHARS
        if self.sets and lone in BINARY_PROPERTIES_OF_STRINGS:
            return _STRINGS
        self.fail("Invalid property name")

    def property_chars(self, allowed: frozenset[int]) -> str:
        start = self.pos
        while self.cur() in allowed:
            self.pos += 1
        return self.src[start : self.pos]

    def character_escape(self) -> int | None:
        """CharacterEscape (Annex B form outside u-mode); returns the escaped code point."""
        ch = self.cur()
        if ch in _CONTROL_ESCAPES:
            self.pos += 1
            return _CONTROL_ESCAPES[ch]
        if ch == 0x63 and _is_letter(self.at(self.pos + 1)):  # \cX
            self.pos += 2
            return self.at(self.pos - 1) % 32
        if ch == 0x30 and not _is_digit(self.lookahead()):
            self.pos += 1
            return 0
        value = self.hex_escape()
        if value is None:
            value = self.unicode_escape()
        if value is not None:
            return value
        if not self.unicode:
            value = self.legacy_octal_escape()
            if value is not None:
                return value
        return self.identity_escape()

    def hex_escape(self) -> int | None:
        if self.cur() != 0x78:
            return None
        self.pos += 1
        value = self.fixed_hex_digits(2)
        if value is None:
            if self.unicode:
                self.fail("Invalid escape")
            self.pos -= 1
        return value

    def unicode_escape(self, astral: bool = False) -> int | None:
        """RegExpUnicodeEscapeSequence; ``\\u{...}`` and escaped pairs need u-mode or
        ``astral`` (group names always allow them)."""
        start = self.pos
        if not self.eat("u"):
            return None
        full = astral or self.unicode
        lead = self.fixed_hex_digits(4)
        if lead is not None:
            if full and 0xD800 <= lead <= 0xDBFF:
                after_lead = self.pos
                if self.eat_pair("\\u"):
                    trail = self.fixed_hex_digits(4)
                    if trail is not None and 0xDC00 <= trail <= 0xDFFF:
                        return (lead - 0xD800) * 0x400 + (trail - 0xDC00) + 0x10000
                self.pos = after_lead
            return lead
        if full:
            if self.eat("{"):
                value = self.hex_digits()
                if value is not None and self.eat("}") and value <= 0x10FFFF:
                    return value
            self.fail("Invalid unicode escape")
        self.pos = start
        return None

    def legacy_octal_escape(self) -> int | None:
        """Annex B: up to three octal digits, at most 0o377."""
        if not _is_octal(first := self.cur()):
            return None
        self.pos += 1
        value = first - 0x30
        if _is_octal(second := self.cur()):
            self.pos += 1
            value = value * 8 + second - 0x30
            if first <= 0x33 and _is_octal(third := self.cur()):
                self.pos += 1
                value = value * 8 + third - 0x30
        return value

    def identity_escape(self) -> int | None:
        ch = self.cur()
        if self.unicode:
            if ch in _SYNTAX_CHARS or ch == 0x2F:
                self.pos += 1
                return ch
            return None
        # Annex B: anything but `c` (and `k` once named groups exist) escapes itself.
        if ch != 0x63 and not (self.named and ch == 0x6B):
            self.advance()
            return ch
        return None

    # -- Character classes ----------------------------------------------------------------

    def character_class(self) -> bool:
        start = self.pos
        if not self.eat("["):
            return False
        negated = self.eat("^")
        kind = self.class_contents()
        if not self.eat("]"):
            self.fail("Unterminated character class", start)
        if negated and kind == _STRINGS:
            self.fail("Negated character class may contain strings", start)
        return True

    def class_contents(self) -> int:
        if self.cur() == 0x5D:
            return _CHARS
        if self.sets:
            return self.class_set_expression()
        self.nonempty_class_ranges()
        return _CHARS

    def nonempty_class_ranges(self) -> None:
        """ClassRanges; a class escape (value -1) may bound a range only outside u-mode."""
        while (left := self.class_atom()) is not None:
            start = self.pos
            if self.eat("-"):
                right = self.class_atom()
                if right is None:
                    continue
                if self.unicode and (left == -1 or right == -1):
                    self.fail("Invalid character class", start)
                if left != -1 and right != -1 and left > right:
                    self.fail("Range out of order in character class", start)

    def class_atom(self) -> int | None:
        """A class character's code point, -1 for a class escape, None at ``]`` or the end."""
        start = self.pos
        if self.eat("\\"):
            value = self.class_escape()
            if value is not None:
                return value
            if self.unicode:
                ch = self.cur()
                self.fail(
                    "Invalid class escape" if ch == 0x63 or _is_octal(ch) else "Invalid escape"
                )
            self.pos = start  # Annex B: a lone backslash before `c`
        ch = self.cur()
        if ch < 0 or ch == 0x5D:
            return None
        self.advance()
        return ch

    def class_escape(self) -> int | None:
        ch = self.cur()
        if ch == 0x62:  # \b is a backspace in a class
            self.pos += 1
            return 8
        if self.unicode and ch == 0x2D:
            self.pos += 1
            return 0x2D
        if not self.unicode and ch == 0x63:  # Annex B: \c0 .. \c9 and \c_ in classes
            nxt = self.at(self.pos + 1)
            if _is_digit(nxt) or nxt == 0x5F:
                self.pos += 2
                return nxt % 32
        if self.character_class_escape():
            return -1
        return self.character_escape()

    # v-mode (UnicodeSetsMode) classes: unions, `&&` intersections, `--` differences,
    # nested classes and \q{...} strings.

    def class_set_expression(self) -> int:
        result = _CHARS
        if not self.class_set_range():
            operand = self.class_set_operand()
            if not operand:
                self.fail("Invalid character in character class")
            if operand == _STRINGS:
                result = _STRINGS
            start = self.pos
            while self.eat_pair("&&"):
                if self.cur() != 0x26:
                    operand = self.class_set_operand()
                    if operand:
                        if operand != _STRINGS:
                            result = _CHARS
                        continue
                self.fail("Invalid character in character class")
            if self.pos != start:
                return result
            while self.eat_pair("--"):
                if not self.class_set_operand():
                    self.fail("Invalid character in character class")
            if self.pos != start:
                return result
        # ClassUnion: ranges and operands until something else.
        while True:
            if self.class_set_range():
                continue
            operand = self.class_set_operand()
            if not operand:
                return result
            if operand == _STRINGS:
                result = _STRINGS

    def class_set_range(self) -> bool:
        start = self.pos
        left = self.class_set_character()
        if left is not None:
            if self.eat("-"):
                right = self.class_set_character()
                if right is not None:
                    if left > right:
                        self.fail("Range out of order in character class", start)
                    return True
            self.pos = start
        return False

    def class_set_operand(self) -> int:
        if self.class_set_character() is not None:
            return _CHARS
        return self.class_string_disjunction() or self.nested_class()

    def nested_class(self) -> int:
        start = self.pos
        if self.eat("["):
            negated = self.eat("^")
            kind = self.class_contents()
            if self.eat("]"):
                if negated and kind == _STRINGS:
                    self.fail("Negated character class may contain strings", start)
                return kind
            self.pos = start
            return _NOTHING
        if self.eat("\\"):
            kind = self.character_class_escape()
            if kind:
                return kind
            self.pos = start
        return _NOTHING

    def class_string_disjunction(self) -> int:
        """``\\q{abc|d}``: may match strings unless every alternative is one character."""
        start = self.pos
        if not self.eat_pair("\\q"):
            return _NOTHING
        if not self.eat("{"):
            self.fail("Invalid escape")
        kind = self.class_string()
        while self.eat("|"):
            if self.class_string() == _STRINGS:
                kind = _STRINGS
        if self.eat("}"):
            return kind
        self.pos = start
        return _NOTHING

    def class_string(self) -> int:
        count = 0
        while self.class_set_character() is not None:
            count += 1
        return _CHARS if count == 1 else _STRINGS

    def class_set_character(self) -> int | None:
        start = self.pos
        if self.eat("\\"):
            value = self.character_escape()
            if value is not None:
                return value
            ch = self.cur()
            if ch in _CLASS_SET_RESERVED_PUNCT:
                self.pos += 1
                return ch
            if ch == 0x62:
                self.pos += 1
                return 8
            self.pos = start
            return None
        ch = self.cur()
        if ch < 0 or ch in _CLASS_SET_SYNTAX:
            return None
        if ch in _CLASS_SET_DOUBLE_PUNCT and self.lookahead() == ch:
            return None
        self.advance()
        return ch
