"""compiler.early_errors: the static-semantics pass over a finished ESTree AST.

acorn cannot build an AST for a program with an early error, so the invalid programs
are stored fixtures (``early_fixtures/*.json``, made by ``make_fixtures.js`` from
``cases.js`` and test262-parser-tests ``early/``: babel's error-recovering ESTree, which
matches acorn's shape) with the error acorn reports, or ours where ``cases.js`` says
why it differs. Valid programs come from acorn itself at test time: every
test262-parser-tests ``pass/`` file and the tricky programs in ``VALID`` must go
through the pass untouched. A missing Node.js or acorn fails those tests (see
``tests/conftest.py``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from acorn_oracle import answer_for, prefetch
from npm_cache import ensure_node_modules

from compiler import parse
from compiler.ast import NODE_CLASSES, Node, from_json
from compiler.early_errors import check_program
from compiler.errors import JSSyntaxError

FIXTURES = Path(__file__).with_name("early_fixtures")


def _load_fixtures() -> list[Any]:
    cases = []
    for path in sorted(FIXTURES.glob("*.json")):
        for i, case in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            cases.append(pytest.param(case, id=f"{path.stem}-{i}"))
    return cases


INVALID = _load_fixtures()

# Valid programs near the edges of the rules (sloppy-mode leniency, Annex B, names that
# are only sometimes reserved, scopes that look like clashes but are not).
VALID: list[tuple[str, bool]] = [(s, False) for s in [
    "{ function f(){} function f(){} }",
    "switch (a) { case 1: function f(){} case 2: function f(){} }",
    "if (a) function f(){}",
    "if (a) function f(){} else function g(){}",
    "a: function f(){}",
    "a: b: function f(){}",
    "var f; function f(){}",
    "function f(){} var f;",
    "function f(){} function f(){}",
    "function g(){ var f; function f(){} }",
    "function f(a){ var a; }",
    "function f(a) { function a(){} }",
    "function f(a, a) {}",
    "try {} catch (e) { var e; }",
    "try {} catch (e) { var e = 1; }",
    "try {} catch (e) { for (var e in x); }",
    "try {} catch (e) { for (var e;;); }",
    "try {} catch (e) { for (var e of x); }",
    "try {} catch (e) { { for (var [e] of x); } }",
    "try {} catch (e) { { let e; } }",
    "try {} catch ([e]) { { let e; } }",
    "try {} catch { let e; }",
    '"use strict"; try {} catch (e) { var e; }',
    "for (let i;;) { let i; }",
    "for (let i of a) { let i; }",
    "for (const i in a) { let i; }",
    "let a; { let a; }",
    "{ let a; } { let a; }",
    "var a; var a;",
    "var a; { var a; }",
    "switch (a) { case 1: { let b; } case 2: { let b; } }",
    "var yield; yield = 1; yield: ;",
    "var let; let = 1;",
    "var static, implements, package, interface, private, protected, public;",
    "var arguments",
    "eval = 1; arguments = 2; eval++; [eval] = a;",
    "function eval(){} function arguments(){}",
    "(function eval(){}); (function arguments(eval){});",
    "delete x; delete (x);",
    "with (a) {}",
    "07; 08; 0777; '\\07'; \"\\8\"; \"\\9\";",
    "function* g() { function f() { var yield; } }",
    "function* g() { (function yield(){}); }",
    "function* g() { () => { var yield; }; }",
    "function* g() { yield yield 1; yield* g(); var o = { yield: 1 }; o.yield; }",
    "function* yield() {}",
    "async function await() {}",
    "async function f() { function g() { var await; } }",
    "async function f() { () => { var await; } }",
    "async function f() { await a; for await (x of y); }",
    "var await; await = 1; await: ;",
    "async () => { for await (x of y); }",
    "async a => await a",
    "function f() { new.target; () => new.target; }",
    "function f(a = new.target) {}",
    "class A { static constructor() {} }",
    "class A { ['constructor']() {} }",
    "class A { static prototype2; prototype = 1; }",
    "class A { constructor() {} static constructor() {} }",
    "class A { 'constructor'() {} }",
    "class A { get #a() {} set #a(v) {} }",
    "class A { static get #a(){} static set #a(v){} }",
    "class A { #a; m() { class B { #a; n() { this.#a; } } } }",
    "class A { m() { this.#a; } #a }",
    "class A { #a; static m(o) { return #a in o; } }",
    "class A { static { this.#x; } static #x }",
    "class A { static async *#gen() {} }",
    "class A { #a; m() { return this.#a?.b; } }",
    "class A extends B { constructor() { super(); () => super(); } }",
    "class A extends B { constructor(a = super()) {} }",
    "class A extends B { constructor() { ({ [super()]: 1 }); } }",
    "class A extends B { x = super.y; static { super.z; } }",
    "class A { static { function f() { arguments; await; } } }",
    "class A { static { (function () { return arguments; }); } }",
    "class A { static { () => await; } }",
    "class A { static { function f() { await: ; } } }",
    "class A { x = function () { arguments; }; y = new.target; }",
    "class A { [arguments] = 1 }",
    "class A { static { var a; { var a; } } }",
    "class A { static m() { return; } }",
    "x = class eval2 { static m(a = this) {} };",
    "({ __proto__: 1, __proto__() {} })",
    "({ __proto__: 1, ['__proto__']: 2 })",
    "({ __proto__, __proto__: 1 })",
    "({ __proto__: a, __proto__: b } = c)",
    "({ __proto__: a, __proto__: b }) => 1",
    "({ get __proto__() {}, __proto__: 1 })",
    "({ m() { super.x; }, get a() { return super.y; }, set a(v) { super.z = v; } })",
    "({ m() { return () => super.x; } })",
    '"use strict"; 0; 0.5; 0e1; 0x1; 0o7; 0b1; .5; 1_000; \'\\0\'; "\\\\0"; "\\\\01"; 0n;',
    'function f(a, b) { "use strict"; }',
    'function f() { "use\\x20strict"; with (a) {} }',
    'function f() { ("use strict"); with (a) {} }',
    'function f() { "a"; "use strict"; }',
    "a: { b: { break a; } }",
    "a: while (1) { b: for (;;) { continue a; } }",
    "a: { } a: { }",
    "a: { (function () { a: ; }); }",
    "if (a) L: ;",
    "label: for (;;) break label;",
    "switch (x) { case 1: break; }",
    "do continue; while (0)",
    "for (var a = 1 in b);",
    "var async; async(1);",
    "({ get a() {}, set a(v) {} })",
    "({ set a([b, c]) {} })",
    '"use strict"; ({ eval: 1, arguments: 2 }).eval; a.arguments;',
    '"use strict"; var o = { static: 1, implements: 2 }; o.static; '
    "class A { static static() {} }",
    "[a.b, c[d]] = e; ({ a: b.c } = d);",
    "for ([a, b] of c); for ({a} in b);",
    "{ using x = a; }",
    "async function f() { await using x = y; }",
    "function f() { for (using x of y); }",
    "a?.b.c(); a?.[b]?.(c); (a?.b)`c`;",
    "function f() { return; }",
    "(function () { return 1; })",
    "function f(a, b = a) {}",
]] + [(s, True) for s in [
    "export default function () {}",
    "export { a as default }; var a;",
    "import { a } from 'b'; export { a };",
    "import * as ns from 'b'; export { ns };",
    "export * from 'a'; export * from 'b';",
    "export { x as y } from 'a'; export { x as z } from 'a';",
    "export { default } from 'a';",
    "export { if } from 'a';",
    'export { "a" as "b" } from "c";',
    'export { a as "b" }; let a;',
    "export { a }; { var a; }",
    "await x; for await (a of b);",
    "import.meta",
    "export default async function () {}",
    "export default class {}",
    "export var a, {b, c: [d]} = e;",
    "function f() {} export { f };",
    "export let a; export const b = 1; export class C {} export function f() {}",
    "var x = { await: 1 }; x.await;",
]]

# Valid programs the parser does not read yet (its gaps, not this pass's): left out of
# the end-to-end check only.
PARSER_GAPS = {
    "{ using x = a; }",
    "async function f() { await using x = y; }",
    "function f() { for (using x of y); }",
}


def _source_type(module: bool) -> str:
    return "module" if module else "script"


def _expect_error(tree: Node, module: bool, message: str | None, pos: int) -> None:
    with pytest.raises(JSSyntaxError) as info:
        check_program(tree, module)
    got = (info.value.message, info.value.pos)
    assert got[1] == pos, f"error at {got[1]}, expected {pos}: {got[0]}"
    if message is not None:
        assert got[0] == message


# --- invalid programs -----------------------------------------------------------------


@pytest.mark.parametrize("case", INVALID)
def test_early_error_is_reported(case: dict) -> None:
    _expect_error(from_json(case["ast"]), case["module"], case["message"], case["pos"])


def test_fixtures_cover_every_topic() -> None:
    groups = {p.stem for p in FIXTURES.glob("*.json")}
    assert groups >= {"strict", "params", "scopes", "labels", "functions", "classes",
                      "modules"}
    assert len(INVALID) > 400


def test_fixtures_are_early_errors_for_acorn(acorn) -> None:
    """Each fixture is a program acorn rejects, unless the fixture says why acorn is wrong."""
    wrong = []
    for param in INVALID:
        case = param.values[0]
        answer = acorn.parse(case["src"], _source_type(case["module"]))
        if answer["ok"] != bool(case.get("acornAccepts")):
            wrong.append(f"{case['src']!r}: acorn {'accepts' if answer['ok'] else 'rejects'}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("case", INVALID)
def test_parse_rejects_early_error(case: dict) -> None:
    """End to end: the parser calls the pass (or rejects the program itself)."""
    with pytest.raises(JSSyntaxError):
        parse(case["src"], module=case["module"])


# --- valid programs -------------------------------------------------------------------


def _pass_files() -> list[Path]:
    folder = ensure_node_modules() / "test262-parser-tests" / "pass"
    files = sorted(folder.glob("*.js"))
    assert len(files) > 1900, f"test262-parser-tests pass/ looks incomplete: {len(files)}"
    return files


@pytest.fixture(scope="module")
def pass_trees() -> list[tuple[str, bool, Node]]:
    """(file name, is module, acorn's tree) for every test262-parser-tests pass/ file."""
    files = _pass_files()
    by_type: dict[str, list[Path]] = {"script": [], "module": []}
    for f in files:
        by_type[_source_type(".module." in f.name)].append(f)
    for source_type, paths in by_type.items():
        prefetch(paths, source_type)
    trees = []
    for f in files:
        module = ".module." in f.name
        answer = answer_for(f, _source_type(module))
        assert answer["ok"], f"acorn rejects pass/{f.name}: {answer['message']}"
        trees.append((f.name, module, from_json(answer["ast"])))
    return trees


def test_test262_pass_files_have_no_early_errors(pass_trees) -> None:
    failures = []
    for name, module, tree in pass_trees:
        try:
            check_program(tree, module)
        except JSSyntaxError as e:
            failures.append(f"pass/{name}: {e.message} at {e.pos}")
    assert not failures, f"{len(failures)} valid programs rejected:\n" + "\n".join(failures[:30])


@pytest.mark.parametrize("src, module", VALID)
def test_valid_program_passes(acorn, src: str, module: bool) -> None:
    answer = acorn.parse(src, _source_type(module))
    assert answer["ok"], f"acorn rejects it: {answer['message']}"
    check_program(from_json(answer["ast"]), module)


@pytest.mark.parametrize("src, module", [v for v in VALID if v[0] not in PARSER_GAPS])
def test_parse_accepts_valid_program(src: str, module: bool) -> None:
    parse(src, module=module)


# --- shapes only a faulty parser would hand over --------------------------------------


def n(node_type: str, start: int = 0, /, **fields: Any) -> Node:
    """A node with every field defaulted to None (start/end 0 unless given)."""
    return NODE_CLASSES[node_type](start, 0, **fields)


def ident(name: str, start: int = 0) -> Node:
    return n("Identifier", start, name=name)


def program(*body: Node) -> Node:
    return n("Program", body=list(body), sourceType="script")


def stmt(expr: Node) -> Node:
    return n("ExpressionStatement", expr.start, expression=expr)


def fn(body: list[Node], params: list[Node] | None = None, **flags: Any) -> Node:
    flags.setdefault("generator", False)
    flags.setdefault("is_async", False)
    return n("FunctionExpression", params=params or [], expression=False,
             body=n("BlockStatement", body=body), **flags)


HAND_BUILT = [
    pytest.param(program(stmt(n("YieldExpression", 3, delegate=False))), False,
                 "Yield expression outside a generator function", 3, id="yield-outside"),
    pytest.param(program(stmt(n("AwaitExpression", 4, argument=ident("x", 10)))), False,
                 "Cannot use keyword 'await' outside an async function", 4, id="await-script"),
    pytest.param(program(stmt(fn([stmt(n("AwaitExpression", 7, argument=ident("x")))]))), True,
                 "Cannot use keyword 'await' outside an async function", 7,
                 id="await-plain-function"),
    pytest.param(program(n("ImportDeclaration", 2, specifiers=[], attributes=[],
                           source=n("Literal", 9, value="a", raw="'a'"))), False,
                 "'import' and 'export' may appear only with 'sourceType: module'", 2,
                 id="import-in-script"),
    pytest.param(program(n("BlockStatement", 0, body=[
                     n("ExportAllDeclaration", 5, source=n("Literal", 19, value="a", raw="'a'"),
                       attributes=[])])), True,
                 "'import' and 'export' may only appear at the top level", 5,
                 id="export-in-block"),
    pytest.param(program(stmt(n("Super", 6))), False, "'super' keyword outside a method", 6,
                 id="bare-super"),
    pytest.param(program(stmt(n("BinaryExpression", 0, left=ident("a"), operator="in",
                                right=n("PrivateIdentifier", 5, name="x")))), False,
                 "Private identifier can only be left side of binary expression", 5,
                 id="private-on-the-right"),
    pytest.param(program(stmt(n("ArrayPattern", 1, elements=[]))), False, "Unexpected token", 1,
                 id="pattern-as-expression"),
    pytest.param(program(n("IfStatement", 0, test=ident("a"),
                           consequent=n("VariableDeclaration", 7, kind="let", declarations=[
                               n("VariableDeclarator", 11, id=ident("b", 11))]))), False,
                 "Lexical declaration cannot appear in a single-statement context", 7,
                 id="let-as-if-body"),
    pytest.param(program(n("WhileStatement", 0, test=ident("a"),
                           body=n("ClassDeclaration", 10, id=ident("A", 16),
                                  body=n("ClassBody", 18, body=[])))), False,
                 "Class declaration cannot appear in a single-statement context", 10,
                 id="class-as-loop-body"),
    pytest.param(program(n("VariableDeclaration", 0, kind="using", declarations=[
                     n("VariableDeclarator", 6, id=ident("x", 6), init=ident("y", 10))])), False,
                 "Using declaration cannot appear in the top level when source type is `script` "
                 "or in the bare case statement", 0, id="using-at-script-top"),
    pytest.param(program(n("ForOfStatement", 0, is_await=False, right=ident("b"),
                           body=n("EmptyStatement"),
                           left=n("VariableDeclaration", 5, kind="var", declarations=[
                               n("VariableDeclarator", 9, id=ident("a", 9),
                                 init=n("Literal", 13, value=1.0, raw="1"))]))), False,
                 "for-of loop variable declaration may not have an initializer", 5,
                 id="for-of-initializer"),
    pytest.param(program(n("ClassDeclaration", 0, id=ident("A", 6), body=n("ClassBody", 8, body=[
                     n("MethodDefinition", 10, static=False, computed=False, kind="method",
                       key=ident("constructor", 17),
                       value=fn([], generator=True))]))), False,
                 "Constructor can't be a generator", 17, id="generator-constructor-kind-method"),
    pytest.param(program(stmt(n("Literal", 0, value="x\ud83d\ude00",
                                raw='"x\ud83d\ude00\\01"'))), True,
                 "Octal literal in strict mode", 4, id="octal-after-surrogate-pair"),
]


@pytest.mark.parametrize("tree, module, message, pos", HAND_BUILT)
def test_faulty_tree_is_rejected(tree: Node, module: bool, message: str, pos: int) -> None:
    _expect_error(tree, module, message, pos)


def test_message_names_are_text() -> None:
    """Identifier names hold UTF-16 code units; messages show real characters."""
    decl = n("VariableDeclaration", 0, kind="let", declarations=[
        n("VariableDeclarator", 4, id=ident("\ud83d\ude00", 4)),
        n("VariableDeclarator", 8, id=ident("\ud83d\ude00", 8))])
    _expect_error(program(decl), False, "Identifier '\U0001f600' has already been declared", 8)


# --- robustness and speed -------------------------------------------------------------


def test_deep_nesting() -> None:
    """Deep but legal nesting is checked; absurd nesting is a SyntaxError, not a crash."""
    limit = sys.getrecursionlimit()
    tree = ident("a")
    for _ in range(5000):
        tree = n("ArrayExpression", elements=[tree])
    check_program(program(stmt(tree)), False)
    chain = ident("a")
    for _ in range(100000):  # `a + b + b ...` and `a().c().c ...` nest to the left
        chain = n("BinaryExpression", left=chain, operator="+", right=ident("b"))
    check_program(program(stmt(chain)), False)
    chain = ident("a")
    for _ in range(100000):
        chain = n("MemberExpression", object=n("CallExpression", callee=chain, arguments=[]),
                  property=ident("c"), computed=False, optional=False)
    check_program(program(stmt(chain)), False)
    for _ in range(200000):
        tree = n("ArrayExpression", elements=[tree])
    with pytest.raises(JSSyntaxError, match="nested too deeply"):
        check_program(program(stmt(tree)), False)
    assert sys.getrecursionlimit() == limit
