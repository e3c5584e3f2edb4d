"""Property tests for the parser (hypothesis, derandomized so CI is stable).

Robustness: random bytes, random text (lone surrogates included), mutated windows of
real files and absurdly deep nesting never raise anything but ``JSSyntaxError``.
Agreement: generated programs that stress automatic semicolon insertion, regular
expressions versus division, and template literals are judged by acorn (one node
process for the session): acorn accepts -> our AST equals acorn's; acorn rejects -> we
raise ``JSSyntaxError``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from acorn_oracle import Acorn, answer_for, describe_difference, read_source
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from npm_cache import ensure_node_modules

from compiler import JSSyntaxError, parse
from compiler.ast import Node, to_json

FUZZ = settings(max_examples=500, deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck))
AGREE = settings(FUZZ, max_examples=1000)


def utf16_length(text: str) -> int:
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


def parse_or_syntax_error(source: str, module: bool) -> Node | None:
    """Parse; a JSSyntaxError (checked for a usable position) gives None, anything else fails."""
    try:
        program = parse(source, module=module, filename="fuzz.js")
    except JSSyntaxError as e:
        assert isinstance(e.message, str) and e.message, "a SyntaxError needs a message"
        assert 0 <= e.pos <= utf16_length(source), f"pos {e.pos} outside the source"
        assert e.line >= 1 and e.column >= 0, f"unlocated error {e.line}:{e.column}"
        return None
    assert program.type == "Program"
    return program


# --- (a) random input ------------------------------------------------------------------

ALL_CHARACTERS = st.characters(codec=None, exclude_categories=())  # surrogates included
JS_ALPHABET = st.sampled_from(list("(){}[]<>/\\`'\"$#@!?:;,.=+-*%&|^~ \n\r\t\u2028\u00a0"
                                   "abcdefgnrtuvxyz0189_") + ["${", "=>", "//", "/*", "*/",
                                                              "\ud83d", "\ude00", "😀", "\ufeff"])


@FUZZ
@given(data=st.binary(max_size=300), module=st.booleans())
def test_random_bytes(data: bytes, module: bool) -> None:
    parse_or_syntax_error(data.decode("utf-8", "replace"), module)
    parse_or_syntax_error(data.decode("latin-1"), module)


@FUZZ
@given(text=st.text(ALL_CHARACTERS, max_size=200), module=st.booleans())
def test_random_text(text: str, module: bool) -> None:
    parse_or_syntax_error(text, module)


@FUZZ
@given(parts=st.lists(JS_ALPHABET, max_size=80), module=st.booleans())
def test_random_punctuation(parts: list[str], module: bool) -> None:
    parse_or_syntax_error("".join(parts), module)


# --- (b) mutated real files --------------------------------------------------------------

MUTATION_SOURCES = (
    "acorn/dist/acorn.mjs", "lodash/lodash.js", "preact/src/diff/children.js",
    "rxjs/dist/esm/internal/Observable.js", "undici/lib/core/util.js",
    "svelte/src/compiler/phases/1-parse/state/element.js", "lit-html/development/lit-html.js",
    "zod/v4/core/schemas.js", "vue/dist/vue.esm-browser.js", "jquery/dist/jquery.js",
)
TOKENS = ["(", ")", "{", "}", "[", "]", ";", ",", "\n", "/", "`", "'", '"', "${", "}`", "=>",
          "async", "await", "yield", "let", "class", "function", "return", "#x", "?.", "??",
          "**", "...", "\\u0061", "/*", "*/", "//", "<!--", "-->", "\u2028", "=", "++", ".",
          "0x", "1n", "1_0", "08", "\\", "\r\n", "\ud800", "😀", "new.target", "import.meta",
          "super", "static", "get ", "*", "@", "#", "in", "of"]
MUTATION = st.tuples(st.sampled_from(["delete", "insert", "swap", "duplicate"]),
                     st.floats(0, 1), st.floats(0, 1), st.sampled_from(TOKENS))


def mutate(text: str, mutations: list[tuple[str, float, float, str]]) -> str:
    """Apply character/token edits at relative positions (so shrinking stays meaningful)."""
    for kind, where, other, token in mutations:
        if not text:
            text = token
            continue
        i, j = sorted((int(where * (len(text) - 1)), int(other * (len(text) - 1))))
        j = min(j, i + 20)
        if kind == "delete":
            text = text[:i] + text[j + 1:]
        elif kind == "insert":
            text = text[:i] + token + text[i:]
        elif kind == "swap" and i < j:
            text = text[:i] + text[j] + text[i + 1:j] + text[i] + text[j + 1:]
        elif kind == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
    return text


@cache
def mutation_source(test_id: str) -> tuple[str, bool]:
    """(text, is module) of a corpus file."""
    path = ensure_node_modules() / Path(test_id)
    return read_source(path), answer_for(path)["sourceType"] == "module"


@FUZZ
@given(test_id=st.sampled_from(MUTATION_SOURCES), start=st.floats(0, 1),
       size=st.integers(0, 3000), mutations=st.lists(MUTATION, min_size=1, max_size=6))
def test_mutated_files(test_id: str, start: float, size: int, mutations: list) -> None:
    text, module = mutation_source(test_id)
    begin = int(start * max(0, len(text) - size))
    mutated = mutate(text[begin:begin + size], mutations)
    note(f"mutated source: {mutated!r}")
    parse_or_syntax_error(mutated, module)


@pytest.mark.parametrize("depth", [50, 1000, 20000])
@pytest.mark.parametrize("shape", ["[{}]", "({})", "{{}}", "`${{}}`", "a=({})", "!{}", "-{}",
                                   "a?b:{}", "(()=>{})", "function f(){{}}", "a[{}]", "f({})",
                                   "a+{}"])
def test_deep_nesting(shape: str, depth: int) -> None:
    """Deep nesting parses or is a SyntaxError (too deep), never a RecursionError."""
    left, _, right = shape.partition("{}")
    source = left * depth + "0" + right * depth
    for module in (False, True):
        parse_or_syntax_error(source, module)


# --- (c) agreement with acorn on generated programs --------------------------------------


def cat(*parts: str | st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Concatenate literal strings and drawn strings."""
    return st.tuples(*(st.just(p) if isinstance(p, str) else p for p in parts)).map("".join)


def pick(*options: str) -> st.SearchStrategy[str]:
    return st.sampled_from(options)


def around(pairs: list[tuple[str, str]], inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """``inner`` between a randomly chosen (opening, closing) pair."""
    return st.tuples(st.sampled_from(pairs), inner).map(lambda t: t[0][0] + t[1] + t[0][1])


WS = pick(" ", " ", " ", "\n", "\r\n", "\t", "\u2028", "/**/", "/*\n*/", "// c\n", "")
SEP = pick("\n", ";", "; ", " ", "\r\n", "\u2029", "\n\n", "// c\n", "/*\n*/", "/**/")
ATOM = pick("a", "b", "x", "1", "2.5", ".5", "0x1F", "1n", "1_000", "this", "'s'", '"d"',
            "/re/g", "/[/]/", "/=/", "/a\\/b/i", "`t`", "null", "async", "of", "get", "(a, b)",
            "[]", "{}", "a\n", "f()", "new.target", "a.b", "'\\u{1F600}'", "'😀'", "this.#p")
BINOP = pick("/", "/", "+", "-", "*", "**", "%", "<", ">>", "??", "&&", "||", "in", "==",
             "!==", ",", "|", "instanceof")
ASSIGN = st.one_of(cat(pick("x", "a.b", "x[0]", "this.#p"), WS,
                          pick("=", "/=", "+=", "**=", "??=", "||=", "&&=")),
                   cat(pick("[x]", "({x})", "[a, ...b]", "({a: [b = 1]})"), WS, "="))
PREFIX = pick("++", "--", "!", "-", "+", "~", "typeof ", "void ", "new ", "await ", "yield ",
              "yield* ", "yield", "await")
POSTFIX = pick(".p", "?.p", "?.[0]", "?.()", "()", "++", "--", ".return", ".if", "[0]",
               "`x`", ".#p", "?.#p")
PARAMS = pick("x", "(x)", "(x, y)", "()", "async x", "async (x)", "async", "([a], {b} = {})")
TAG = pick("", "", "", "tag", "a.b", "f()", "new Foo", "tag\n", "(a)", "`t`", "a?.b.c")


def expressions(leaf: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Expressions with operators, calls, arrows and templates around ``leaf``."""
    def extend(e: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            cat(e, WS, BINOP, WS, e),
            cat("(", e, ")"), cat("[", e, "]"), cat(e, WS, "[", e, "]"),
            cat(e, WS, POSTFIX), cat(PREFIX, WS, e), cat(e, "(", e, ")"),
            cat(e, WS, "?", WS, e, WS, ":", WS, e),
            cat("(", PARAMS, WS, "=>", WS, st.one_of(e, cat("{", WS, e, WS, "}")), ")"),
            cat("(", ASSIGN, WS, e, ")"),
            cat("({a: ", e, ", b, [c]: ", e, ", m() { return ", e, " }})"),
            cat(TAG, "`", e.map(lambda s: "${" + s + "}"), "`"),
        )
    return st.recursive(leaf, extend, max_leaves=8)


EXPR = expressions(ATOM)
SIMPLE_STATEMENT = st.one_of(
    EXPR, EXPR, EXPR,
    cat(ASSIGN, WS, EXPR),
    cat(PARAMS, WS, "=>", WS, EXPR),
    cat(pick("return", "throw", "break", "continue", "break l", "continue l", "yield", "await",
             "yield*"), WS, st.one_of(st.just(""), EXPR)),
    pick(";", "debugger", "a\n++b", "x\n(y)", "x\n[0]", "a\n/re/g", "i\n++\nj", "do ; while (0) x",
         "x\n=>\ny", "return\nx", "throw\nx", "yield\n/re/", "a\n?.5:1", "let\nlet",
         "async\nx => x", "a = b\n(c)", "a\n`t`", "x\n--\ny", "a?.b`t`"),
)
DECLARATION = st.one_of(
    cat(pick("var", "let", "const"), WS, pick("v", "[w]", "{u}", "[q = 1, ...r]", "s", "{t: o}"),
        WS, "=", WS, EXPR),
    pick("function f() {}", "class K {}", "async function h() {}", "let\nv = 1",
         "async\nfunction h() {}", "var\nv\n=\n1", "let\n[v] = x", "const\nv = 1"),
)


def statements(simple: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Statements nested in if/while/do/for/labels/blocks around ``simple``."""
    def extend(s: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            cat("if", WS, "(", EXPR, ")", WS, s),
            cat("if (", EXPR, ")", WS, s, SEP, "else", WS, s),
            cat("{", WS, st.one_of(s, DECLARATION), SEP, s, WS, "}"),
            cat("while (", EXPR, ")", WS, s),
            cat("do", WS, s, SEP, "while (", EXPR, ")"),
            cat("m:", WS, s),
            cat("for (", pick("var x", "let x", "const x", "x", "[x]", "let"),
                pick(" of ", " in "), EXPR, ")", WS, s),
            cat("for (", pick("", "var i = 0", "let i"), ";", EXPR, ";", ")", WS, s),
        )
    return st.recursive(simple, extend, max_leaves=4)


STATEMENT = statements(SIMPLE_STATEMENT)

# Most programs go inside an async generator method of a class with #p, where return,
# yield, await, break l, continue l, new.target and #p are all allowed (and the code is
# strict); the other wrappers test the other contexts.
WRAPPERS = [("class C { #p; static async *m() { l: for (;;) {\n", "\n} } }")] * 5 + [
    ("", ""), ("function* g() { l: while (1) {\n", "\n} }"),
    ("async function f() {\nl: do {", "} while (0) }"), ("(function () { l: {", "} })")]
INSIDE_FUNCTIONS = [w for w in WRAPPERS if w[0]]


def program(statement: st.SearchStrategy[str],
            wrappers: list[tuple[str, str]] = WRAPPERS) -> st.SearchStrategy[str]:
    """1-5 statements, each followed by a separator, inside a randomly chosen wrapper."""
    body = st.lists(st.tuples(statement, SEP), min_size=1, max_size=5).map(
        lambda pairs: "".join(s + sep for s, sep in pairs))
    return around(wrappers, body)


PROGRAM = program(st.one_of(STATEMENT, STATEMENT, DECLARATION))

SLASH_OPERAND = pick("a", "b", "/re/g", "/=/", "/[/]/", "/\\//", "(a)", "[a]", "a.b", "1",
                     "x++", "x--", "`t`", "f()", "this", "of", "async", "{}", "a.return",
                     "x.yield", "`${a}`", "/re/g.source", "get", "/[\\]/]/")
SLASH_KEYWORD = pick("", "", "", "", "typeof ", "void ", "await ", "!", "-", "new ", "a in ",
                     "a instanceof ", "++x / ", "x /= ", "x.y /=")
SLASH_CHAIN = st.lists(cat(SLASH_KEYWORD, SLASH_OPERAND, WS, pick("/", "/", "/", "\n", ",")),
                       max_size=5).map("".join)
SLASH_CONTEXTS = [("", ""), ("x = ", ""), ("return ", ""), ("typeof ", ""), ("yield ", ""),
                  ("await ", ""), ("(", ")"), ("[", "]"), ("a(", ")"), ("a, ", ""), ("!", ""),
                  ("a ? b : ", ""), ("if (a) ", ""), ("{} ", ""), ("{}\n", ""), (";", ""),
                  ("x.return ", ""), ("a\n", ""), ("a++\n", ""), ("+", ""), ("async () => ", ""),
                  ("`${", "}`"), ("throw ", ""), ("do ", " while (0)"), ("if (a) b\nelse ", ""),
                  ("x => ", ""), ("switch (1) { case ", ": }"), ("a ? ", " : b")]
SLASHES = around(SLASH_CONTEXTS, cat(SLASH_CHAIN, SLASH_KEYWORD, SLASH_OPERAND,
                                     pick("", "", ".test(s)", ";", "/g")))
SLASH_PROGRAM = program(SLASHES, INSIDE_FUNCTIONS)

TEMPLATE_TEXT = pick("a", " ", "\n", "\r\n", "\r", "$", "}", "\\n", "\\`", "\\${", "\\$",
                     "\\\\", "\\u0041", "\\u{1F600}", "\\x41", "\\0", "\\\n", "\\\r\n", "😀",
                     "\u2028", "\\u", "\\x1", "\\01", "\\8", "\\u{110000}", "\\unicode", "'",
                     '"', "{")


def templates() -> st.SearchStrategy[str]:
    """Possibly tagged templates, nested through their substitutions."""
    text = st.lists(TEMPLATE_TEXT, max_size=6).map("".join)

    def extend(t: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        part = st.one_of(text, cat("${", WS, st.one_of(t, EXPR), WS, "}"))
        return cat(TAG, "`", st.lists(part, max_size=4).map("".join), "`")
    return st.recursive(cat(TAG, "`", text, "`"), extend, max_leaves=6)


TEMPLATE_CONTEXTS = [("", ""), ("x = ", ""), ("({ [", "]: 1 })"), ("f(", ")"), ("`${", "}`"),
                     ("", "\n`b`"), ("", ".length"), ("", "`b`"), ("a\n", ""), ("a\n+", "")]
TEMPLATE_PROGRAM = program(around(TEMPLATE_CONTEXTS, templates()), INSIDE_FUNCTIONS)


# Constructs where acorn itself is wrong (V8 and the spec agree with each other): generated
# programs containing them are not used, since acorn cannot judge them.
_GAP = r"(?:\s|/\*.*?\*/|//[^\n\u2028\u2029]*)*"  # white space and comments
ACORN_QUIRKS = {
    rf"\bawait{_GAP}/=": "acorn reads `/=` after `await` as an operator: `await /=/` fails",
    rf"\byield{_GAP}/(?![/*])": "acorn reads `/` after `yield` as division in generator "
                                "methods (`class C { *m() { yield /re/ } }` fails)",
}
_QUIRK = re.compile("|".join(ACORN_QUIRKS), re.DOTALL)


def judged_by_acorn(source: str) -> bool:
    return _QUIRK.search(source) is None


def assert_agrees(acorn: Acorn, source: str, module: bool) -> None:
    """acorn accepts -> same AST; acorn rejects -> JSSyntaxError."""
    answer = acorn.parse(source, "module" if module else "script")
    ours = parse_or_syntax_error(source, module)
    if not answer["ok"]:
        assert ours is None, f"acorn rejects ({answer['message']}) but we accept {source!r}"
        return
    assert ours is not None, f"acorn accepts but we raise a SyntaxError on {source!r}"
    problem = describe_difference(to_json(ours), answer["ast"], source)
    assert problem is None, f"AST differs on {source!r}: {problem}"


@AGREE
@given(source=PROGRAM.filter(judged_by_acorn), module=st.booleans())
def test_asi_agrees_with_acorn(acorn: Acorn, source: str, module: bool) -> None:
    assert_agrees(acorn, source, module)


@AGREE
@given(source=SLASH_PROGRAM.filter(judged_by_acorn), module=st.booleans())
def test_regexp_or_division_agrees_with_acorn(acorn: Acorn, source: str, module: bool) -> None:
    assert_agrees(acorn, source, module)


@AGREE
@given(source=TEMPLATE_PROGRAM.filter(judged_by_acorn), module=st.booleans())
def test_templates_agree_with_acorn(acorn: Acorn, source: str, module: bool) -> None:
    assert_agrees(acorn, source, module)
