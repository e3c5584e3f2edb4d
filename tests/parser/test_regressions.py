"""Small source-level regressions found by running test262 (``tests/tools/test262_parse.py``).

Each case is a short program with acorn's verdict as the expectation: ``VALID`` programs
must parse to exactly acorn's AST, ``INVALID`` ones must raise ``JSSyntaxError`` (and
acorn must reject them too, so the expectation itself is checked). No test262 text is
copied here: the programs are written from the rule each test262 file exercises.
"""

from __future__ import annotations

import pytest
from acorn_oracle import Acorn, describe_difference

from compiler import JSSyntaxError, parse
from compiler.ast import to_json

# (source, sourceType)
VALID: list[tuple[str, str]] = [
    # A parameter list is read in its own function's context, not the enclosing one:
    # `yield` / `await` are plain names in a plain function nested in a generator, an
    # async function or a class static block.
    ("function* g() { (function (x = yield) { return yield; }); }", "script"),
    ("function* g() { ({ m(x = yield) { yield; } }); }", "script"),
    ("async function f() { (function (x = await) { await; }); }", "script"),
    ("async function f() { function g(await) {} }", "script"),
    ("class C { static { new (class { constructor(x = await) { await; } }); } }", "script"),
    ("class C { static { ({ set a(x = await) { await; } }); } }", "script"),
    ("class C { static { (function* g(x = await) { await; }); } }", "script"),
    ("({ get() {}, set(a) {}, async() {}, static() {}, get a() {}, set a(b) {},"
     " async b() {}, async *c() {}, *d() {} })", "script"),
    ("class A { get() {} set(a) {} async() {} static() {} static async *[x](y) {} }", "script"),
    # Explicit resource management: `using` / `await using` declarations (acorn's
    # VariableDeclaration kinds "using" and "await using"), and `using` as a plain name.
    ("{ using x = f(), y = g(); }", "script"),
    ("using x = 1;", "module"),
    ("await using x = 1, y = null;", "module"),
    ("async function f() { await using x = 1; }", "script"),
    ("for (using x of y);", "script"),
    ("for (using x of y) { using z = 1; }", "script"),
    ("for (using of = 1;;);", "script"),
    ("for (using of y);", "script"),
    ("for (using in y);", "script"),
    ("async function f() { for (await using of of y); }", "script"),
    ("async function f() { for await (await using x of y); }", "script"),
    ("async function f() { for await (using x of y); }", "script"),
    ("async function f() { for (await using x = 1;;); }", "script"),
    ("async function f() { await using; await using[x]; await using\nx = 1; }", "script"),
    ("{ using\nx = 1; }", "script"),
    ("{ using in y; using instanceof X; using [x] = y; }", "script"),
    ("{ using x = 1; using; using = 2; using.x; using(); }", "script"),
    ("{ using \\u0061 = 1; }", "script"),
    ("class C { static { (() => { using await = null; }); } }", "script"),
    # `for (async of =>` starts a plain `for`; `for await (async of ...)` is allowed.
    ("for (async of => {};;);", "script"),
    ("async function f() { for await (async of x); }", "script"),
    # `let` then a line break then `{` in a single-statement position: `let;` and a block.
    ("for (; false; ) let // ASI\n{}", "script"),
    ("if (false) let\n{}", "script"),
]

INVALID: list[tuple[str, str]] = [
    ("function* g(x = yield) {}", "script"),
    ("function* g() { ({ *m(x = yield) {} }); }", "script"),
    ("async function f(x = await 1) {}", "script"),
    ("({ async *m(x = await 1) {} })", "script"),
    ("async function f() { function g(x = await 1) {} }", "script"),
    ("using x = 1;", "script"),
    ("{ using x; }", "script"),
    ("{ using x = 1, y; }", "script"),
    ("for (using x = 1, y;;);", "script"),
    ("for (using x in y);", "script"),
    ("for (using x = 1 in y);", "script"),
    ("for (using of of y);", "script"),
    ("function f() { await using x = 1; }", "script"),
    ("async function f() { await\nusing x = 1; }", "script"),
    ("switch (1) { case 1: using x = 1; }", "script"),
    ("{ label: using x = 1; }", "script"),
    ("if (x) using y = 1;", "script"),
    ("{ using let = 1; }", "script"),
    ("class C { static { using await = null; } }", "script"),
    ("class C { static { await using x = null; } }", "script"),
    ("{ us\\u0069ng a = 1; }", "script"),
    ("export using x = 1;", "module"),
    ("for (async of x);", "script"),
    # No semicolon is inserted before a template after an optional chain.
    ("a?.fn\n`hello`", "script"),
    ("a?.b()\n`x`", "script"),
    ("a?.b.c`x${1}y`", "script"),
]


def _ids(cases: list[tuple[str, str]]) -> list[str]:
    return [f"{kind}:{source[:60]}" for source, kind in cases]


@pytest.mark.parametrize(("source", "kind"), VALID, ids=_ids(VALID))
def test_valid(acorn: Acorn, source: str, kind: str) -> None:
    answer = acorn.parse(source, kind)
    assert answer["ok"], f"acorn rejects a VALID case: {answer['message']}"
    try:
        program = parse(source, module=kind == "module")
    except JSSyntaxError as e:
        pytest.fail(f"rejected: {e}", pytrace=False)
    problem = describe_difference(to_json(program), answer["ast"], source)
    assert problem is None, problem


@pytest.mark.parametrize(("source", "kind"), INVALID, ids=_ids(INVALID))
def test_invalid(acorn: Acorn, source: str, kind: str) -> None:
    answer = acorn.parse(source, kind)
    assert not answer["ok"], "acorn accepts an INVALID case"
    with pytest.raises(JSSyntaxError):
        parse(source, module=kind == "module")
