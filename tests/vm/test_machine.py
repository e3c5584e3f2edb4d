"""The compiler and interpreter together: programs and the values they complete with.

These read the completion value of a script (its last expression statement), so they
exercise the language core without depending on the built-in library.
"""

from __future__ import annotations

import pytest

from compiler import parse
from compiler.bytecode import decode, encode
from compiler.bytecode.disasm import disassemble
from compiler.codegen import compile_script
from vm import Machine, UncaughtError
from vm.objects import JSArray
from vm.values import NULL, UNDEFINED


def run(src: str):
    value = Machine().run_script(src)
    return value.items if isinstance(value, JSArray) else value


CASES = [
    ("1 + 2 * 3", 7.0),
    ("'a' + 1 + 2", "a12"),
    ("let x = 5; x += 2; x", 7.0),
    ("var a = [1, 2, 3]; a[1] = 9; [a[0], a[1], a.length]", [1.0, 9.0, 3.0]),
    ("function f(a, b = 10, ...rest) { return [a, b, rest.length] } f(1)", [1.0, 10.0, 0.0]),
    ("const o = {a: 1, ['b' + 1]: 2, get c() { return this.a + 1 }}; [o.a, o.b1, o.c]",
     [1.0, 2.0, 2.0]),
    ("let s = 0; for (let i = 0; i < 10; i++) { if (i === 5) continue; if (i > 7) break; "
     "s += i } s", 23.0),
    ("let n = 0; outer: for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) { "
     "if (j === 1) continue outer; n++ } n", 3.0),
    ("const fs = []; for (let i = 0; i < 3; i++) fs[i] = () => i; [fs[0](), fs[2]()]",
     [0.0, 2.0]),
    ("function mk() { let c = 0; return () => ++c } const k = mk(); k(); k(); k()", 3.0),
    ("let r; try { throw 1 } catch (e) { r = e + 1 } finally { r *= 10 } r", 20.0),
    ("function f() { try { return 'try' } finally { return 'finally' } } f()", "finally"),
    ("let out = ''; for (const k in {a: 1, b: 2}) out += k; out", "ab"),
    ("let t = 0; for (const v of [1, 2, 3]) t += v; t", 6.0),
    ("const [a, , b = 5, ...c] = [1, 2, undefined, 4, 5]; [a, b, c.length]",
     [1.0, 5.0, 2.0]),
    ("const {p, q: {r = 3} = {}, ...rest} = {p: 1, z: 2}; [p, r, rest.z]", [1.0, 3.0, 2.0]),
    ("let v = null; [v ?? 'd', v?.x, (void 0)?.[1], 0 || 'or', 1 && 'and']",
     ["d", UNDEFINED, UNDEFINED, "or", "and"]),
    ("switch (3) { case 1: 'one'; case 3: 'three'; case 4: 'four'; break; default: 'x' }",
     "four"),
    ("typeof nothing", "undefined"),
    ("class A { #p = 1; #m() { return this.#p + 1 } get p() { return this.#m() } } "
     "[new A().p, Object.keys(new A()).length]", [2.0, 0.0]),
    ("const f = function g(n) { g = null; return n ? g(n - 1) : 'done' }; f(3)", "done"),
    ("class P { constructor(x) { this.x = x } get double() { return this.x * 2 } }"
     "class Q extends P { constructor() { super(21) } } new Q().double", 42.0),
    ("class S { static count = 2; static { S.count++ } } S.count", 3.0),
    ("function* g() { const x = yield 1; yield x * 2 } const it = g(); it.next(); "
     "it.next(5).value", 10.0),
    ("function* n() { yield* [1, 2]; return 3 } let s = 0; for (const v of n()) s += v; s",
     3.0),
    ("`a${1 + 1}b${'c'}`", "a2bc"),
    ("let u; u", UNDEFINED),
    ("null", NULL),
]


@pytest.mark.parametrize("src, expected", CASES)
def test_completion_value(src, expected):
    if expected is None:
        with pytest.raises(Exception, match="not supported yet"):
            run(src)
        return
    assert run(src) == expected


@pytest.mark.parametrize("src, message", [
    ("x = y", "Uncaught ReferenceError: y is not defined"),
    ("let a = a", "Uncaught ReferenceError: Cannot access 'a' before initialization"),
    ("{ f(); let z = 1; function f() { z } }", "Cannot access 'z' before initialization"),
    ("const c = 1; c = 2", "Assignment to constant variable."),
    ("null.x", "Cannot read properties of null (reading 'x')"),
    ("undefined()", "is not a function"),
    ("class A {}; A()", "Class constructor A cannot be invoked without 'new'"),
    ("class B extends Object { constructor() { this.x = 1 } } new B()",
     "Must call super constructor"),
    ("function r() { return r() } r()", "Maximum call stack size exceeded"),
    ("throw 42", "Uncaught 42"),
])
def test_uncaught_errors(src, message):
    with pytest.raises(UncaughtError) as info:
        Machine().run_script(src)
    assert message in str(info.value)


def test_async_ordering_follows_the_job_queue():
    m = Machine()
    m.run_script("""
        var log = [];
        async function f() { log[log.length] = 'a'; await null; log[log.length] = 'c' }
        f(); log[log.length] = 'b';
        Promise.resolve().then(() => { log[log.length] = 'd' });
        setTimeout(() => { log[log.length] = 'e' }, 0);
    """)
    assert m.main.global_object.get("log").items == ["a", "b", "c", "d", "e"]


def test_unhandled_rejection_is_reported():
    with pytest.raises(UncaughtError, match="in promise"):
        Machine().run_script("Promise.reject(1)")


def test_step_budget_stops_a_runaway_loop():
    from vm.interpreter import StepLimit

    m = Machine(step_budget=1000)
    with pytest.raises(StepLimit):
        m.run_script("while (true) {}")


def test_limit_hook_can_grant_more_steps():
    # Every backward jump costs a step: 250 iterations on a budget of 100 need two grants.
    grants = []
    m = Machine(step_budget=100, limit_hook=lambda: len(grants) < 5 and not grants.append(1))
    assert m.run_script("let i = 0; while (i < 250) i++; i") == 250.0
    assert len(grants) == 2
    refusing = Machine(step_budget=100, limit_hook=lambda: False)
    from vm.interpreter import StepLimit

    with pytest.raises(StepLimit):
        refusing.run_script("let i = 0; while (i < 250) i++; i")


def test_compiled_code_round_trips_through_the_encoding():
    src = "function f(n) { let s = 0; for (let i = 0; i < n; i++) s += i; return s } f(4)"
    code = compile_script(parse(src), src)
    for c in [code, *code.functions]:
        assert decode(encode(c.code)) == c.code
    listing = disassemble(code, src)
    assert "CLOSURE" in listing and "; 1: function f" in listing


def test_locals_live_in_registers_and_captured_ones_in_cells():
    src = "function f() { let a = 1; let b = 2; return () => b + a * 0 + a }"
    code = compile_script(parse(src), src)
    f = code.functions[0]
    assert f.cells == 2  # a and b are captured by the arrow
    src2 = "function g() { let a = 1; let b = 2; return a + b }"
    g = compile_script(parse(src2), src2).functions[0]
    assert g.cells == 0 and g.registers >= 2
