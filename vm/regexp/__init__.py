"""The regular-expression engine of the VM: our own, with ECMAScript semantics.

``compile_pattern(source, flags)`` validates a pattern (the compiler's early errors),
parses it into a tree (:mod:`.parser`) and compiles the tree into closures
(:mod:`.matcher`); programs are cached by (source, flags), so every evaluation of a
regular expression literal and every ``new RegExp`` with the same text shares one.
Strings are UTF-16 code units; with u or v a surrogate pair is one character.
"""

from __future__ import annotations

import sys
from functools import lru_cache

from compiler.errors import JSSyntaxError
from compiler.regexp import check_regexp

from .charset import UnknownProperty
from .matcher import Program

__all__ = [
    "Program", "RegExpStackOverflow", "RegExpSyntaxError", "compile_pattern", "run", "run_all",
]

# Extra Python frames a match may use; general quantifiers recurse once per iteration.
MATCH_DEPTH = 200_000


class RegExpSyntaxError(Exception):
    """The pattern or flags are not valid (the message is acorn's)."""


class RegExpStackOverflow(Exception):
    """A match backtracked deeper than the engine allows."""


@lru_cache(maxsize=512)
def compile_pattern(source: str, flags: str) -> Program:
    trailing = len(source) - len(source.rstrip("\\"))
    if trailing % 2:  # no literal can end so, and the validator never saw one
        raise RegExpSyntaxError(
            f"Invalid regular expression: /{source}/: \\ at end of pattern")
    try:
        check_regexp(source, flags)
    except JSSyntaxError as err:
        raise RegExpSyntaxError(err.message) from None
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, 50_000))
    try:
        return Program(source, flags)
    except RecursionError:
        raise RegExpSyntaxError(
            f"Invalid regular expression: /{source}/: Regular expression is too large") from None
    except UnknownProperty as err:
        raise RegExpSyntaxError(
            f"Invalid regular expression: /{source}/: Unsupported property {err}") from None
    finally:
        sys.setrecursionlimit(old)


def run(program: Program, s: str, index: int, sticky: bool, meter=None) -> list[int] | None:
    """Match ``program`` against ``s`` from ``index`` with room to recurse."""
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(old + MATCH_DEPTH)
    try:
        return program.match(s, index, sticky, meter)
    except RecursionError:
        raise RegExpStackOverflow("Maximum call stack size exceeded") from None
    finally:
        sys.setrecursionlimit(old)


def run_all(program: Program, s: str, sticky: bool, meter=None) -> list[list[int]]:
    """Every match of a global scan from 0: after an empty match the scan moves on by one
    character (a code point with u or v), as RegExp.prototype[Symbol.replace] does."""
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(old + MATCH_DEPTH)
    unicode = program.unicode
    found = []
    index = 0
    n = len(s)
    match = program.match
    try:
        while index <= n:
            caps = match(s, index, sticky, meter)
            if caps is None:
                break
            found.append(caps)
            index = caps[1]
            if index == caps[0]:
                if unicode and index + 1 < n and 0xD800 <= ord(s[index]) <= 0xDBFF \
                        and 0xDC00 <= ord(s[index + 1]) <= 0xDFFF:
                    index += 2
                else:
                    index += 1
    except RecursionError:
        raise RegExpStackOverflow("Maximum call stack size exceeded") from None
    finally:
        sys.setrecursionlimit(old)
    return found
