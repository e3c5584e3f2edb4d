"""compiler.regexp: regular expression early errors, checked against acorn.

``CASES`` is a table of (pattern, flags, expected) where expected is ``None`` for a valid
regular expression, the whole message for a flag error, or the tail after
``Invalid regular expression: /pattern/: `` for a pattern error.  Every verdict and
message in it was confirmed with acorn 8.19 (``ecmaVersion: "latest"``), and the
differential tests re-check the table, every Unicode property name and value, acorn's
identifier ranges and random patterns against acorn through one Node.js process
(``tests/tools/regexp_oracle.js``).  A missing Node.js or acorn fails those tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compiler.errors import JSSyntaxError
from compiler.regexp import check_regexp
from compiler.unicode_props import (
    _ID_CONTINUE_ONLY,
    _ID_START,
    BINARY_PROPERTIES,
    BINARY_PROPERTIES_OF_STRINGS,
    GENERAL_CATEGORY_VALUES,
    SCRIPT_VALUES,
)

ORACLE_SCRIPT = Path(__file__).resolve().parents[1] / "tools" / "regexp_oracle.js"

FLAG_MESSAGES = ("Invalid regular expression flag", "Duplicate regular expression flag")
BAD_FLAG = "Invalid regular expression flag"
DUP_FLAG = "Duplicate regular expression flag"
ORDER = "numbers out of order in {} quantifier"
REPEAT = "Nothing to repeat"
LONE = "Lone quantifier brackets"
INCOMPLETE = "Incomplete quantifier"
UNTERMINATED = "Unterminated group"
BAD_GROUP = "Invalid group"
BAD_NAME = "Invalid capture group name"
DUP_NAME = "Duplicate capture group name"
BAD_REF = "Invalid named reference"
MISSING_REF = "Invalid named capture referenced"
DUP_MOD = "Duplicate regular expression modifiers"
BAD_MOD = "Invalid regular expression modifiers"
ESC = "Invalid escape"
UESC = "Invalid unicode escape"
CLASS_ESC = "Invalid class escape"
PROP = "Invalid property name"
PROP_VALUE = "Invalid property value"
RANGE = "Range out of order in character class"
BAD_CLASS = "Invalid character class"
OPEN_CLASS = "Unterminated character class"
SET_CHAR = "Invalid character in character class"
NEG_STRINGS = "Negated character class may contain strings"

GRINNING, SWEAT, JOY = "\U0001f600", "\U0001f605", "\U0001f602"  # three emoji, in order
SCRIPT_A = "\U0001d49c"  # MATHEMATICAL SCRIPT CAPITAL A: an astral ID_Start letter

CASES: list[tuple[str, str, str | None]] = [
    # -- flags: checked before the pattern; each once; u and v exclude each other
    ("a", "", None),
    ("a", "dgimsuy", None),
    ("a", "dgimsvy", None),
    ("a", "gimsuyd", None),
    ("a", "gg", DUP_FLAG),
    ("a", "ii", DUP_FLAG),
    ("a", "gimg", DUP_FLAG),
    ("a", "uu", DUP_FLAG),
    ("a", "vv", DUP_FLAG),
    ("a", "x", BAD_FLAG),
    ("a", "G", BAD_FLAG),
    ("a", "gx", BAD_FLAG),
    ("a", "uv", BAD_FLAG),
    ("a", "vu", BAD_FLAG),
    ("a", "ugv", BAD_FLAG),
    ("a", "uvu", DUP_FLAG),
    ("(", "x", BAD_FLAG),
    ("(", "gg", DUP_FLAG),
    ("(", "g", UNTERMINATED),
    # -- disjunctions, assertions, quantifiers
    ("", "", None),
    ("", "u", None),
    ("a|b", "", None),
    ("|", "", None),
    ("a||b", "u", None),
    ("^$", "", None),
    ("^a$", "v", None),
    (".", "u", None),
    ("a*", "", None),
    ("a+?", "", None),
    ("a??", "u", None),
    ("a*?", "v", None),
    ("a{1}", "", None),
    ("a{1,}", "u", None),
    ("a{1,2}", "", None),
    ("a{1,2}?", "u", None),
    ("a{0}", "u", None),
    ("a{1,1}", "", None),
    ("a{2,1}", "", ORDER),
    ("a{2,1}", "u", ORDER),
    ("a{2,1}?", "v", ORDER),
    ("a{99999999999999999999,1}", "", ORDER),
    ("a{9007199254740993,9007199254740992}", "", None),  # equal as doubles, like acorn
    ("a{,1}", "", None),
    ("a{,1}", "u", INCOMPLETE),
    ("a{", "", None),
    ("a{", "u", INCOMPLETE),
    ("a{1", "", None),
    ("a{1", "u", INCOMPLETE),
    ("a{1,2", "", None),
    ("a{1,2", "v", INCOMPLETE),
    ("a{a}", "", None),
    ("a{a}", "u", INCOMPLETE),
    ("{", "", None),
    ("{", "u", LONE),
    ("}", "", None),
    ("}", "u", LONE),
    ("]", "", None),
    ("]", "u", LONE),
    ("a]", "v", LONE),
    ("{a}", "", None),
    ("{a}", "u", LONE),
    ("{1}", "", REPEAT),
    ("{1}", "u", REPEAT),
    ("{1,2}", "", REPEAT),
    ("{2,1}", "", REPEAT),
    ("a{1}{2}", "", REPEAT),
    ("a{1}{", "", None),
    ("a{1}{", "u", LONE),
    ("*", "", REPEAT),
    ("+a", "", REPEAT),
    ("?", "u", REPEAT),
    ("a**", "", REPEAT),
    ("a*??", "", REPEAT),
    ("(*)", "", REPEAT),
    ("a|*", "", REPEAT),
    ("a|+", "u", REPEAT),
    ("^*", "", REPEAT),
    ("$+", "", REPEAT),
    ("\\b*", "", REPEAT),
    ("\\B{1}", "", REPEAT),
    ("\\B{1}", "u", REPEAT),
    ("(?=a)*", "", None),
    ("(?=a)*", "u", "Invalid quantifier"),
    ("(?!a)+", "", None),
    ("(?!a)+", "v", "Invalid quantifier"),
    ("(?=a){1,2}", "", None),
    ("(?=a){1,2}", "u", "Invalid quantifier"),
    ("(?=a){2,1}", "", ORDER),
    ("(?=a){2,1}", "u", ORDER),
    ("(?=a){", "", None),
    ("(?=a){", "u", INCOMPLETE),
    ("(?<=a)*", "", REPEAT),
    ("(?<!a)?", "", REPEAT),
    ("(?<=a)b", "", None),
    ("(?<!a)b", "u", None),
    ("a(?=b)", "", None),
    ("a(?!b)", "v", None),
    ("(?<=a|bc)", "", None),
    ("(?<=a", "", UNTERMINATED),
    ("(?=a", "u", UNTERMINATED),
    (")", "", "Unmatched ')'"),
    ("a)", "u", "Unmatched ')'"),
    ("(a))", "", "Unmatched ')'"),
    ("a|b)", "", "Unmatched ')'"),
    ("(a", "", UNTERMINATED),
    ("((a)", "", UNTERMINATED),
    ("(?:a", "", UNTERMINATED),
    ("(?:", "u", UNTERMINATED),
    ("(a]", "u", UNTERMINATED),
    ("\\", "", None),  # a trailing backslash escapes nothing, as acorn sees it
    ("\\", "u", ESC),
    # -- groups and group names
    ("(?:a)", "", None),
    ("(a)", "u", None),
    ("(?x)", "", BAD_GROUP),
    ("(?)", "", BAD_GROUP),
    ("(?", "", BAD_GROUP),
    ("(?a:b)", "u", BAD_GROUP),
    ("(?<", "", BAD_NAME),
    ("(?<>a)", "", BAD_NAME),
    ("(?<a>a)", "", None),
    ("(?<a>a)", "u", None),
    ("(?<a1>)", "", None),
    ("(?<1a>)", "", BAD_NAME),
    ("(?<$>)", "", None),
    ("(?<_a>)", "", None),
    ("(?<a-b>)", "", BAD_NAME),
    ("(?<a", "", BAD_NAME),
    ("(?<a>", "", UNTERMINATED),
    ("(?<\\u0061>)", "", None),
    ("(?<\\u{61}>)", "", None),
    ("(?<\\u{61}>)", "u", None),
    ("(?<a\\u0062>)", "", None),
    ("(?<\\u{110000}>)", "", UESC),
    ("(?<\\u12>)", "", UESC),
    ("(?<\\x61>)", "", BAD_NAME),
    ("(?<\\u0031>)", "", BAD_NAME),
    ("(?<a\\u0031>)", "", None),
    ("(?<π>)", "", None),
    (f"(?<{SCRIPT_A}>)", "", None),
    (f"(?<{SCRIPT_A}>)", "u", None),
    ("(?<\\uD835\\uDC9C>)", "", None),
    ("(?<\\u{1D49C}>)", "", None),
    ("(?<\\uD835>)", "", BAD_NAME),
    ("(?<a\u200c>)", "", None),
    ("(?<a\u200d>)", "u", None),
    ("(?<\u200c>)", "", BAD_NAME),
    (f"(?<a{GRINNING}>)", "", BAD_NAME),
    ("(?<a>)(?<a>)", "", DUP_NAME),
    ("(?<a>)(?<a>)", "u", DUP_NAME),
    ("(?<a>)|(?<a>)", "", None),
    ("(?<a>)|(?<a>)", "v", None),
    ("((?<a>)|(?<a>))", "", None),
    ("(?<a>)|((?<a>)|(?<a>))", "", None),
    ("((?<a>)|b)(?<a>)", "", DUP_NAME),
    ("(?:(?<a>)|(?<a>))(?<a>)", "", DUP_NAME),
    ("(?<a>)(?:|(?<a>))", "", DUP_NAME),
    ("(?:(?<a>)|x)|(?<a>)", "", None),
    ("(?=(?<a>))(?<a>)", "", DUP_NAME),
    ("(?<a>)(?<b>)", "", None),
    ("(?<a>)(?<A>)", "", None),
    ("(?<a>)(?<\\u0061>)", "", DUP_NAME),
    ("(?<a>)(?<b>)(?<a>)", "", DUP_NAME),
    # -- named references; without u, \k is an identity escape until a group has a name
    ("\\k<a>(?<a>)", "", None),
    ("(?<a>)\\k<a>", "", None),
    ("(?<a>)\\k<a>", "u", None),
    ("(?<a>.)\\k<\\u0061>", "u", None),
    ("(?<a>)\\k<b>", "", MISSING_REF),
    ("(?<a>)\\k<b>", "v", MISSING_REF),
    ("\\k<a>(?<b>)", "", MISSING_REF),
    ("(?<a>)\\k", "", BAD_REF),
    ("\\k(?<a>)", "", BAD_REF),
    ("\\k", "", None),
    ("\\k", "u", BAD_REF),
    ("\\k<a>", "", None),
    ("\\k<a>", "u", MISSING_REF),
    ("\\k<a", "", None),
    ("\\k<a", "u", BAD_NAME),
    ("(?<a>)\\k<a", "", BAD_NAME),
    ("(?<a>)\\k<>", "", BAD_NAME),
    ("(?<a>)[\\k]", "", None),
    ("[\\k]", "u", ESC),
    ("(?<a>)(?<=\\k<a>)", "", None),
    ("(?<a>)|\\k<a>", "", None),
    # -- modifiers
    ("(?i:a)", "", None),
    ("(?m:a)", "u", None),
    ("(?s:a)", "v", None),
    ("(?ims:a)", "", None),
    ("(?-i:a)", "", None),
    ("(?i-ms:a)", "", None),
    ("(?i-:a)", "", None),
    ("(?ii:a)", "", DUP_MOD),
    ("(?i-i:a)", "", DUP_MOD),
    ("(?-ii:a)", "", DUP_MOD),
    ("(?ms-sm:a)", "u", DUP_MOD),
    ("(?ii)", "", DUP_MOD),
    ("(?-:a)", "", BAD_MOD),
    ("(?-:a)", "u", BAD_MOD),
    ("(?x:a)", "", BAD_GROUP),
    ("(?i)", "", BAD_GROUP),
    ("(?I:a)", "", BAD_GROUP),
    ("(?-)", "", BAD_GROUP),
    ("(?i-)", "", BAD_GROUP),
    ("(?i:a", "", UNTERMINATED),
    ("(?i:(?-i:a))", "", None),
    ("(?i:a)*", "", None),
    # -- escapes without u (Annex B) and with u
    ("\\c", "", None),
    ("\\cA\\cz", "", None),
    ("\\c1", "", None),
    ("\\c_", "", None),
    ("\\c*", "", None),
    ("\\c", "u", UESC),
    ("\\c1", "u", UESC),
    ("\\cA", "u", None),
    ("\\cj", "v", None),
    ("\\0", "", None),
    ("\\0", "u", None),
    ("\\00", "", None),
    ("\\00", "u", ESC),
    ("\\01", "u", ESC),
    ("\\1", "", None),
    ("\\1", "u", ESC),
    ("(a)\\1", "u", None),
    ("\\1(a)", "u", None),
    ("(a)\\2", "u", ESC),
    ("(a\\1)", "", None),
    ("(a)\\10", "", None),
    ("(a)\\10", "u", ESC),
    ("\\8", "", None),
    ("\\8", "u", ESC),
    ("\\9", "v", ESC),
    ("\\377\\400\\777", "", None),
    ("\\99999999999999999999999", "u", ESC),
    ("\\x4", "", None),
    ("\\x4", "u", ESC),
    ("\\x41", "", None),
    ("\\x41", "u", None),
    ("\\xg", "v", ESC),
    ("\\u", "", None),
    ("\\u", "u", UESC),
    ("\\u004", "", None),
    ("\\u004", "u", UESC),
    ("\\u0041", "u", None),
    ("\\u{41}", "", None),
    ("\\u{41}", "u", None),
    ("\\u{}", "u", UESC),
    ("\\u{10FFFF}", "u", None),
    ("\\u{110000}", "u", UESC),
    ("\\u{110000}", "", None),
    ("\\u{0000000041}", "v", None),
    ("\\u{g}", "u", UESC),
    ("\\u{41", "u", UESC),
    ("\\uD83D\\uDE00", "u", None),
    ("\\uD83D\\u{DE00}", "u", None),
    ("\\a", "", None),
    ("\\a", "u", ESC),
    ("\\-", "", None),
    ("\\-", "u", ESC),
    ("\\/", "u", None),
    ("\\^\\$\\\\\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\/", "u", None),
    ("\\ ", "u", ESC),
    ("\\_", "v", ESC),
    ("\\q", "v", ESC),
    ("\\q{a}", "v", ESC),
    (f"\\{GRINNING}", "", None),
    (f"\\{GRINNING}", "u", ESC),
    ("\\d\\D\\s\\S\\w\\W\\b\\B", "u", None),
    ("\\t\\n\\v\\f\\r", "u", None),
    # -- unicode property escapes
    ("\\p", "", None),
    ("\\p{L}", "", None),
    ("\\P{Foo}", "", None),
    ("\\p{L}", "u", None),
    ("\\P{L}", "u", None),
    ("\\p{L}", "v", None),
    ("\\p", "u", PROP),
    ("\\p{", "u", PROP),
    ("\\p{}", "u", PROP),
    ("\\p{L", "u", PROP),
    ("\\pL", "u", PROP),
    ("\\p{Foo}", "u", PROP),
    ("\\p{l}", "u", PROP),
    ("\\p{Lu}", "u", None),
    ("\\p{Letter}", "u", None),
    ("\\p{LC}", "u", None),
    ("\\p{digit}", "u", None),
    ("\\p{punct}", "u", None),
    ("\\p{cntrl}", "u", None),
    ("\\p{Combining_Mark}", "u", None),
    ("\\p{Lowercase_Letter}", "u", None),
    ("\\p{gc=Lu}", "u", None),
    ("\\p{General_Category=Letter}", "u", None),
    ("\\p{General_Category=L}", "v", None),
    ("\\p{gc=LC}", "u", None),
    ("\\p{General_Category=Foo}", "u", PROP_VALUE),
    ("\\p{gc=Latin}", "u", PROP_VALUE),
    ("\\p{Foo=Bar}", "u", PROP),
    ("\\p{ASCII=Yes}", "u", PROP),
    ("\\p{Script=Latin}", "u", None),
    ("\\p{sc=Latn}", "u", None),
    ("\\p{scx=Grek}", "u", None),
    ("\\p{Script_Extensions=Greek}", "u", None),
    ("\\p{Script=Hrkt}", "u", None),
    ("\\p{scx=Qaai}", "u", None),
    ("\\p{Script=Kawi}", "u", None),
    ("\\p{Script=Unknown}", "u", None),
    ("\\p{sc=Zzzz}", "u", None),
    ("\\p{Script=Foo}", "u", PROP_VALUE),
    ("\\p{Script=latin}", "u", PROP_VALUE),
    ("\\p{Script=Lu}", "u", PROP_VALUE),
    ("\\p{Script}", "u", PROP),
    ("\\p{Latin}", "u", PROP),
    ("\\p{Script=}", "u", PROP),
    ("\\p{=Latin}", "u", PROP),
    ("\\p{ASCII=}", "u", PROP),
    ("\\p{Script==Latin}", "u", PROP),
    ("\\p{Script=Latin=}", "u", PROP),
    ("\\p{ L}", "u", PROP),
    ("\\p{L }", "u", PROP),
    ("\\p{Script = Latin}", "u", PROP),
    ("\\p{Sc1=Latin}", "u", PROP),
    ("\\p{ASCII}", "u", None),
    ("\\p{Any}", "u", None),
    ("\\p{Assigned}", "u", None),
    ("\\p{ASCII_Hex_Digit}", "u", None),
    ("\\p{Emoji}", "u", None),
    ("\\p{ExtPict}", "u", None),
    ("\\p{Extended_Pictographic}", "u", None),
    ("\\p{space}", "u", None),
    ("\\p{RGI_Emoji}", "u", PROP),
    ("\\p{RGI_Emoji}", "v", None),
    ("\\p{Basic_Emoji}", "v", None),
    ("\\p{Emoji_Keycap_Sequence}", "v", None),
    ("\\P{RGI_Emoji}", "v", PROP),
    ("\\P{Basic_Emoji}", "v", PROP),
    ("\\p{RGI_Emoji}", "", None),
    ("\\p{RGI_Emoji}+", "v", None),
    ("\\p{Script=RGI_Emoji}", "v", PROP_VALUE),
    # -- classes without v
    ("[]", "", None),
    ("[^]", "", None),
    ("[]", "u", None),
    ("[a-z]", "", None),
    ("[a-z]+", "u", None),
    ("[z-a]", "", RANGE),
    ("[z-a]", "u", RANGE),
    ("[a-a]", "", None),
    ("[-a]", "", None),
    ("[a-]", "u", None),
    ("[-]", "", None),
    ("[a-z-0]", "u", None),
    ("[a--b]", "", RANGE),
    ("[a--b]", "u", RANGE),
    ("[--a]", "", None),
    ("[\\d-a]", "", None),
    ("[\\d-a]", "u", BAD_CLASS),
    ("[a-\\d]", "", None),
    ("[a-\\d]", "u", BAD_CLASS),
    ("[\\d-\\w]", "", None),
    ("[\\d-\\w]", "u", BAD_CLASS),
    ("[\\s-]", "u", None),
    ("[-\\s]", "u", None),
    ("[\\b]", "u", None),
    ("[\\b-a]", "", None),
    ("[a-\\b]", "", RANGE),
    ("[\\-]", "", None),
    ("[\\-]", "u", None),
    ("[\\--a]", "u", None),
    ("[\\c1]", "", None),
    ("[\\c_]", "", None),
    ("[\\c]", "", None),
    ("[\\c*]", "", None),
    ("[\\c]", "u", CLASS_ESC),
    ("[\\c*]", "u", CLASS_ESC),
    ("[\\c1]", "u", CLASS_ESC),
    ("[\\cA]", "u", None),
    ("[\\1]", "", None),
    ("[\\1]", "u", CLASS_ESC),
    ("[\\7]", "u", CLASS_ESC),
    ("[\\8]", "u", ESC),
    ("[\\0]", "u", None),
    ("[\\00]", "u", CLASS_ESC),
    ("[\\k]", "", None),
    ("[\\B]", "", None),
    ("[\\B]", "u", ESC),
    ("[\\a]", "u", ESC),
    ("[\\/]", "u", None),
    ("[\\x4]", "u", ESC),
    ("[\\u12]", "u", UESC),
    ("[\\p{L}]", "u", None),
    ("[\\P{L}]", "u", None),
    ("[^\\p{L}]", "u", None),
    ("[\\p{L}-a]", "u", BAD_CLASS),
    ("[\\p{L}-a]", "", RANGE),  # without u that is `}`-`a`
    ("[\\p{Foo}]", "u", PROP),
    ("[\\p{RGI_Emoji}]", "u", PROP),
    ("[\\u{1F600}]", "u", None),
    ("[\\u{41}-\\u{5A}]", "u", None),
    ("[\\u{41}-\\u{5A}]", "", RANGE),  # without u that is `}`-`u`
    ("[\\uD83D\\uDE00-\\uD83D\\uDE05]", "u", None),
    ("[\\uD83D\\uDE00-\\uD83D\\uDE05]", "", RANGE),
    (f"[{GRINNING}-{SWEAT}]", "u", None),
    (f"[{GRINNING}-{SWEAT}]", "", RANGE),
    (f"[{SWEAT}-{GRINNING}]", "u", RANGE),
    (f"[{JOY}{GRINNING}]", "", None),
    ("[\\x41-\\x5A]", "", None),
    ("[\\x5A-\\x41]", "", RANGE),
    ("[\\101-\\132]", "", None),
    ("[\\132-\\101]", "", RANGE),
    ("[\\0-\\377]", "", None),
    ("[\\3-\\40]", "", None),
    ("[\\47-\\400]", "", RANGE),  # \400 is \40 then 0: octal stops at 0o377
    ("[\\377-\\400]", "", RANGE),
    ("[\\cA-\\cJ]", "", None),
    ("[\\cJ-\\cA]", "u", RANGE),
    ("[\\c1-\\c3]", "", None),
    ("[]]", "", None),
    ("[]]", "u", LONE),
    ("[[]", "", None),
    ("[[]]", "", None),
    ("[[]]", "u", LONE),
    ("[\\]]", "u", None),
    ("[^a]", "", None),
    ("[^-]", "", None),
    ("[.*+?^${}()|/]", "", None),
    ("[.*+?^${}()|/]", "u", None),
    ("[\\^]", "u", None),
    ("[a&&b]", "u", None),
    ("[a-z&&b]", "u", None),
    ("[\\q{a}]", "u", ESC),
    ("[\\q{a}]", "", None),
    # -- classes with v: nesting, operators, strings, reserved punctuators
    ("[a]", "v", None),
    ("[]", "v", None),
    ("[^]", "v", None),
    ("[[]]", "v", None),
    ("[[a]]", "v", None),
    ("[[a][b]]", "v", None),
    ("[[a]b[c]]", "v", None),
    ("[^[^a]]", "v", None),
    ("[a-z]", "v", None),
    ("[z-a]", "v", RANGE),
    ("[a-z0-9]", "v", None),
    ("[a&&b]", "v", None),
    ("[a--b]", "v", None),
    ("[a&&b&&c]", "v", None),
    ("[a--b--c]", "v", None),
    ("[\\w&&\\d]", "v", None),
    ("[\\w--\\d]", "v", None),
    ("[[a-z]--[aeiou]]", "v", None),
    ("[[a]&&[b]]", "v", None),
    ("[a&&&b]", "v", SET_CHAR),
    ("[a&&]", "v", SET_CHAR),
    ("[&&a]", "v", SET_CHAR),
    ("[a--]", "v", SET_CHAR),
    ("[a---b]", "v", SET_CHAR),
    ("[ab&&c]", "v", OPEN_CLASS),
    ("[a&&b--c]", "v", OPEN_CLASS),
    ("[a--b&&c]", "v", OPEN_CLASS),
    ("[a-z&&b]", "v", OPEN_CLASS),
    ("[a-z--b]", "v", OPEN_CLASS),
    ("[a&&b c]", "v", OPEN_CLASS),
    ("[a-]", "v", OPEN_CLASS),
    ("[-a]", "v", SET_CHAR),
    ("[a-\\d]", "v", OPEN_CLASS),
    ("[\\d-a]", "v", OPEN_CLASS),
    ("[a-&]", "v", RANGE),
    ("[\\-]", "v", None),
    ("[\\&]", "v", None),
    ("[\\!\\#\\%\\,\\:\\;\\<\\=\\>\\@\\`\\~]", "v", None),
    ("[\\$\\*\\+\\.\\?\\^\\|\\(\\)\\[\\]\\{\\}\\/]", "v", None),
    ('[\\"]', "v", SET_CHAR),
    ("[\\'a]", "v", SET_CHAR),
    ("[a\\']", "v", OPEN_CLASS),
    ("[(]", "v", SET_CHAR),
    ("[)]", "v", SET_CHAR),
    ("[{]", "v", SET_CHAR),
    ("[}]", "v", SET_CHAR),
    ("[/]", "v", SET_CHAR),
    ("[|]", "v", SET_CHAR),
    ("[a|]", "v", OPEN_CLASS),
    ("[a(]", "v", OPEN_CLASS),
    ("[!]", "v", None),
    ("[!!]", "v", SET_CHAR),
    ("[##]", "v", SET_CHAR),
    ("[a!!b]", "v", OPEN_CLASS),
    ("[!#]", "v", None),
    ("[&]", "v", None),
    ("[a&b]", "v", None),
    ("[..]", "v", SET_CHAR),
    ("[^^]", "v", None),
    ("[^^a]", "v", None),
    ("[^^^]", "v", SET_CHAR),
    ("[a^^]", "v", OPEN_CLASS),
    ("[~~]", "v", SET_CHAR),
    ("[``]", "v", SET_CHAR),
    ("[--]", "v", SET_CHAR),
    ("[\\q{abc}]", "v", None),
    ("[\\q{a|bc|}]", "v", None),
    ("[\\q{}]", "v", None),
    ("[\\q{a\\|b}]", "v", None),
    ("[\\q{(}]", "v", SET_CHAR),
    ("[^\\q{abc}]", "v", NEG_STRINGS),
    ("[^\\q{a}]", "v", None),
    ("[^\\q{a|b}]", "v", None),
    ("[^\\q{}]", "v", NEG_STRINGS),
    ("[^\\q{a|}]", "v", NEG_STRINGS),
    ("[^\\q{|a}]", "v", NEG_STRINGS),
    ("[\\q]", "v", ESC),
    ("[\\q{a]", "v", SET_CHAR),
    ("[a\\q{a]", "v", OPEN_CLASS),
    ("[\\q{a}--\\q{b}]", "v", None),
    ("[\\p{RGI_Emoji}]", "v", None),
    ("[^\\p{RGI_Emoji}]", "v", NEG_STRINGS),
    ("[^[\\p{RGI_Emoji}]]", "v", NEG_STRINGS),
    ("[[^\\p{RGI_Emoji}]]", "v", NEG_STRINGS),
    ("[^\\p{RGI_Emoji}&&\\p{ASCII}]", "v", None),
    ("[^\\p{ASCII}&&\\p{RGI_Emoji}]", "v", None),
    ("[^\\p{RGI_Emoji}--\\p{ASCII}]", "v", NEG_STRINGS),
    ("[^\\p{ASCII}--\\p{RGI_Emoji}]", "v", None),
    ("[^\\q{ab}&&\\q{ab}]", "v", NEG_STRINGS),
    ("[^[a-z]&&\\q{ab}]", "v", None),
    ("[^a\\p{RGI_Emoji}]", "v", NEG_STRINGS),
    ("[^\\p{L}\\q{x}]", "v", None),
    ("[\\P{RGI_Emoji}]", "v", PROP),
    ("[\\b]", "v", None),
    ("[\\c1]", "v", SET_CHAR),
    ("[\\cA]", "v", None),
    ("[\\0]", "v", None),
    ("[\\1]", "v", SET_CHAR),
    ("[\\k]", "v", SET_CHAR),
    ("[\\x41-\\x5A]", "v", None),
    ("[\\x4]", "v", ESC),
    ("[\\u{1F600}-\\u{1F605}]", "v", None),
    (f"[{GRINNING}]", "v", None),
    (f"[{GRINNING}-{SWEAT}]", "v", None),
    (f"[{SWEAT}-{GRINNING}]", "v", RANGE),
    ("[[a]", "v", OPEN_CLASS),
    ("[a]]", "v", LONE),
    # -- lone surrogates (code units, paired only with u or v)
    ("\ud83d", "", None),
    ("\ud83d", "u", None),
    ("\ude00\ud83d", "u", None),
    ("[\ude00-\ud83d]", "", RANGE),
    ("[\ude00-\ud83d]", "u", RANGE),
    ("[\ud83d-\ude00]", "u", None),
    ("[\udc00\udc01-\udbff\udfff]", "u", RANGE),  # acorn pairs two trail surrogates
    (f"^{GRINNING}$", "u", None),
    (f"{GRINNING}{{2}}", "u", None),
]

# Patterns with a character class still open at their end.  No literal can spell them
# (the tokenizer closes every class), and acorn's validator never returns on them without
# the v flag, so only our verdict is checked.
OPEN_AT_END: list[tuple[str, str, str]] = [
    ("[", "", OPEN_CLASS),
    ("[a", "", OPEN_CLASS),
    ("[a", "u", OPEN_CLASS),
    ("[\\", "", OPEN_CLASS),
    ("[a-\\", "", OPEN_CLASS),
    ("[\\]", "u", OPEN_CLASS),
    ("[a", "v", OPEN_CLASS),
]


def utf16(text: str) -> str:
    """Spell astral characters as surrogate pairs, as the parser hands them over."""
    units = []
    for ch in text:
        cp = ord(ch)
        if cp > 0xFFFF:
            units.append(chr(0xD800 + ((cp - 0x10000) >> 10)) + chr(0xDC00 + (cp & 0x3FF)))
        else:
            units.append(ch)
    return "".join(units)


def acorn_message(pattern: str, expected: str | None) -> str | None:
    """The whole message acorn gives for a table entry."""
    if expected is None or expected in FLAG_MESSAGES:
        return expected
    return f"Invalid regular expression: /{pattern}/: {expected}"


def our_message(pattern: str, flags: str) -> str | None:
    try:
        check_regexp(pattern, flags)
    except JSSyntaxError as error:
        assert 0 <= error.pos <= len(pattern) + 1 + len(flags)
        return error.message
    return None


def table_id(case: tuple[str, str, str | None]) -> str:
    pattern, flags, _ = case
    return f"/{pattern}/{flags}".encode("unicode_escape").decode("ascii")


def test_the_table_is_large_and_has_no_duplicates() -> None:
    keys = [(pattern, flags) for pattern, flags, _ in CASES]
    assert len(keys) >= 400
    assert len(set(keys)) == len(keys)
    assert sum(expected is None for *_, expected in CASES) > 150


@pytest.mark.parametrize("case", CASES + OPEN_AT_END, ids=table_id)
def test_table(case: tuple[str, str, str | None]) -> None:
    pattern, flags, expected = case
    pattern = utf16(pattern)
    assert our_message(pattern, flags) == acorn_message(pattern, expected)


def test_error_positions_point_into_the_literal() -> None:
    with pytest.raises(JSSyntaxError) as caught:
        check_regexp("ab(c", "")
    assert caught.value.pos == 4
    with pytest.raises(JSSyntaxError) as caught:
        check_regexp("a{2,1}", "")
    assert caught.value.pos == 1
    with pytest.raises(JSSyntaxError) as caught:
        check_regexp("ab", "gix")
    assert caught.value.pos == 5  # a b / g i x


def test_deep_nesting_is_checked_or_refused_cleanly() -> None:
    limit = sys.getrecursionlimit()
    check_regexp("(" * 1000 + ")" * 1000, "")  # acorn accepts this depth too
    check_regexp("[[" * 1000 + "]]" * 1000, "v")
    with pytest.raises(JSSyntaxError, match="too deeply nested"):
        check_regexp("(?:" * 10000 + ")" * 10000, "u")  # acorn: RangeError, stack overflow
    assert sys.getrecursionlimit() == limit


# -- robustness: nothing but JSSyntaxError, for any input -----------------------------------

REGEX_ALPHABET = "ab0189_-,:=!<>^$\\.*+?()[]{}|/&~#kcdpPquxvDsSwWbB\ud83d\ude00\u200c "
code_units = st.integers(0, 0xFFFF).map(chr)
anything = st.text(st.one_of(st.sampled_from(REGEX_ALPHABET), code_units), max_size=40)
any_flags = st.text(st.sampled_from("dgimsuyvx"), max_size=4)


@settings(max_examples=600, deadline=None)
@given(pattern=anything, flags=any_flags)
def test_only_syntax_errors_escape(pattern: str, flags: str) -> None:
    try:
        check_regexp(pattern, flags)
    except JSSyntaxError as error:
        assert error.message
        assert 0 <= error.pos <= len(pattern) + 1 + len(flags)


# -- differential tests against acorn ------------------------------------------------------


class RegExpOracle:
    """One ``regexp_oracle.js`` process; ``check`` sends a batch and reads acorn's verdicts."""

    def __init__(self, node: str, acorn_dir: Path):
        self.proc = subprocess.Popen(
            [node, str(ORACLE_SCRIPT), str(acorn_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.version = self.read()["acorn"]

    def ask(self, request: dict) -> dict:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(request) + "\n")  # ASCII: lone surrogates survive
        self.proc.stdin.flush()
        return self.read()

    def read(self) -> dict:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"regexp_oracle.js exited with {self.proc.wait()}")
        return json.loads(line)

    def check(self, cases: list[tuple[str, str]]) -> list[str | None]:
        for pattern, _ in cases:
            assert acorn_terminates(pattern), pattern
        results = self.ask({"cases": cases})["results"]
        return [None if message is None else utf16(message) for message in results]

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=10)


@pytest.fixture(scope="module")
def oracle() -> Iterator[RegExpOracle]:
    # The helpers come from tests/tools, which tests/conftest.py puts on sys.path.
    from npm_cache import NodeUnavailable, ensure_node_modules, node_executable

    try:
        node = node_executable()
        acorn_dir = ensure_node_modules() / "acorn"
    except NodeUnavailable as error:
        pytest.fail(f"the regexp differential tests need Node.js and acorn: {error}")
    if not (acorn_dir / "package.json").is_file():
        pytest.fail(f"acorn is missing from {acorn_dir}: run `npm ci` in .cache/npm")
    proc = RegExpOracle(node, acorn_dir)
    assert proc.version.startswith("8."), proc.version
    yield proc
    proc.close()


def acorn_terminates(pattern: str) -> bool:
    """False if a class is still open at the end, as readRegexp's scan sees it."""
    in_class = escaped = False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "[":
            in_class = True
        elif ch == "]":
            in_class = False
    return not in_class


def assert_agreement(oracle: RegExpOracle, cases: list[tuple[str, str]]) -> None:
    theirs = oracle.check(cases)
    differences = [
        (pattern, flags, acorn, ours)
        for (pattern, flags), acorn in zip(cases, theirs, strict=True)
        if (ours := our_message(pattern, flags)) != acorn
    ]
    assert not differences, "\n".join(
        f"/{p}/{f}: acorn {a!r}, ours {o!r}" for p, f, a, o in differences[:20]
    )


def test_table_matches_acorn(oracle: RegExpOracle) -> None:
    cases = [(utf16(pattern), flags) for pattern, flags, _ in CASES]
    theirs = oracle.check(cases)
    wrong = [
        (pattern, flags, acorn, acorn_message(pattern, expected))
        for (pattern, flags), acorn, (_, _, expected) in zip(cases, theirs, CASES, strict=True)
        if acorn != acorn_message(pattern, expected)
    ]
    assert not wrong, "table entries acorn disagrees with:\n" + "\n".join(map(repr, wrong))


def property_cases() -> list[tuple[str, str]]:
    """Every property name and value we know, near misses, in u- and v-mode."""
    lone = sorted(BINARY_PROPERTIES | GENERAL_CATEGORY_VALUES | BINARY_PROPERTIES_OF_STRINGS)
    lone += ["Script", "Latin", "Foo", "ascii", "Ascii", "L_", "Emoji_Keycap", "RGI", "Zzzz"]
    lone += [name.lower() for name in BINARY_PROPERTIES if name.lower() != name][:20]
    cases = [(f"\\p{{{name}}}", flags) for name in lone for flags in ("u", "v")]
    cases += [(f"[^\\P{{{name}}}]", "v") for name in sorted(BINARY_PROPERTIES_OF_STRINGS)]
    for prop, values in (("gc", GENERAL_CATEGORY_VALUES), ("Script", SCRIPT_VALUES)):
        for value in sorted(values) + ["Foo", "ASCII", "RGI_Emoji", "Latin_", "latin"]:
            cases.append((f"\\p{{{prop}={value}}}", "u"))
    for prop in ("General_Category", "sc", "Script_Extensions", "scx", "ASCII", "Foo"):
        cases += [(f"\\p{{{prop}=Lu}}", "u"), (f"\\p{{{prop}=Greek}}", "v")]
    return cases


def test_property_names_match_acorn(oracle: RegExpOracle) -> None:
    cases = property_cases()
    assert len(cases) > 850
    assert_agreement(oracle, cases)


def test_identifier_ranges_match_acorn(oracle: RegExpOracle) -> None:
    theirs = oracle.ask({"idRanges": True})

    def ranges(table: tuple[tuple[int, ...], tuple[int, ...]]) -> list[list[int]]:
        return [[lo, hi] for lo, hi in zip(*table, strict=True)]

    assert ranges(_ID_START) == theirs["start"]
    part = sorted(ranges(_ID_START) + ranges(_ID_CONTINUE_ONLY))
    merged: list[list[int]] = []
    for lo, hi in part:
        if merged and merged[-1][1] + 1 >= lo:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    assert merged == theirs["part"]


# Pieces that build patterns near the interesting rules, so that random patterns reach
# deep into the grammar instead of failing on their first character.
TOKENS = [
    *"ab0189-,:=!<>^$\\.*+?()[]{}|/&~#kcdpquxvB \u200cπ",
    *r"""
    (?: (?= (?! (?<= (?<! (?<a> (?<b> (?<\u0061> (?i: (?-m: (?i-s: (?ii: \k<a> \k<b> \k
    \1 \2 \8 \01 \0 \cA \c1 \c_ \x41 \x4 \u0041 \u{1F600} \u{110000} \uD83D \uDE00
    \d \W \b \- \/ \p{L} \P{Lu} \p{Script=Greek} \p{sc=Foo} \p{RGI_Emoji} \P{Basic_Emoji}
    \p{Foo} \q{ab} \q{a|b} \q{} \q [^ && -- {1} {2,1} {1,} {,
    """.split(),
    "\ud83d\ude00",
    "\ud83d\ude05",
    "\ude00",
]
patterns = st.lists(st.sampled_from(TOKENS), max_size=12).map("".join)
flag_sets = st.sampled_from(["", "", "u", "u", "v", "v", "i", "gimsy", "d", "uv", "gg"])


@settings(
    max_examples=700,
    deadline=None,
    suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow],
)
@given(pattern=patterns.filter(acorn_terminates), flags=flag_sets)
def test_random_patterns_match_acorn(oracle: RegExpOracle, pattern: str, flags: str) -> None:
    assert_agreement(oracle, [(pattern, flags)])


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(pattern=anything.filter(acorn_terminates), flags=flag_sets)
def test_random_text_matches_acorn(oracle: RegExpOracle, pattern: str, flags: str) -> None:
    assert_agreement(oracle, [(pattern, flags)])
