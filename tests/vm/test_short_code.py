"""Shorter code for common JavaScript (typeof tests, conditions as jumps, compound
assignment to locals, negative literals, loop variables): the short form is emitted,
and both the interpreter and the translating tier compute what the long form did."""

from __future__ import annotations

import itertools

import pytest

from tests.vm.support import ops, run

VALUES = ("1", "-0", "NaN", "'s'", "''", "true", "null", "undefined", "{}", "[]",
          "function () {}", "class {}", "Symbol()", "1n")
TYPES = ("number", "number", "number", "string", "string", "boolean", "object",
         "undefined", "object", "object", "function", "function", "symbol", "bigint")


def test_typeof_tests_become_one_instruction() -> None:
    src = ("function f(e) { if (typeof e == 'string' || 'number' === typeof e) return 1;"
           " return typeof e !== 'object' ? 2 : 3 }")
    names = ops(src)
    assert names.count("JTYPEIS") + names.count("JNTYPEIS") == 3
    assert "TYPEOF" not in names and "LOADK" not in names
    assert "TYPEIS" in ops("function f(e) { return typeof e === 'string' }")


@pytest.mark.parametrize("op", ["==", "===", "!=", "!=="])
def test_typeof_tests_agree_with_typeof_for_every_kind_of_value(op: str) -> None:
    names = ", ".join(f"'{t}'" for t in sorted(set(TYPES)))
    src = (f"const names = [{names}, 'strnig'];"
           f"function test(v) {{ const out = []; for (const n of names) {{"
           f"  let hit = 0; if (typeof v {op} n) hit = 1;"  # a jump
           f"  out.push(hit + (typeof v {op} n ? 'y' : 'n') + (typeof v {op} n));"
           f"}} return out.join(); }}"
           + "".join(f"console.log(test({v}));" for v in VALUES))
    negate = op.startswith("!")
    expected = []
    for t in TYPES:
        cells = []
        for n in [*sorted(set(TYPES)), "strnig"]:
            hit = (t == n) != negate
            cells.append(f"{int(hit)}{'y' if hit else 'n'}{str(hit).lower()}")
        expected.append(",".join(cells))
    assert run(src) == expected


def test_typeof_of_an_undeclared_name_still_does_not_throw() -> None:
    assert run("if (typeof nowhere === 'undefined') console.log('none');"
               "console.log(typeof nowhere != 'undefined');"
               "do { console.log('once') } while (typeof nowhere == 'object')") == \
        ["none", "false", "once"]


def test_typeof_of_a_local_in_its_dead_zone_throws() -> None:
    assert "JNTYPEIS" in ops("{ if (typeof x === 'number') ; let x = 1; }")
    out = run("{ try { if (typeof x === 'number') console.log('no'); } catch (e) {"
              " console.log(e.name) } let x = 1; }")
    assert out == ["ReferenceError"]


def test_typeof_operand_runs_once_and_before_a_literal_on_the_left() -> None:
    src = ("let n = 0; const o = { get g() { n++; return 'x' } };"
           "if ('string' == typeof o.g) console.log('str', n);"
           "const b = 'number' !== typeof o.g; console.log(b, n);"
           "let i = 0; do { i++ } while (typeof (i < 3 ? i : 'stop') === 'number');"
           "console.log(i)")
    assert run(src) == ["str 1", "true 2", "3"]


@pytest.mark.parametrize("form", ["if ({c}) out += 'T'; else out += 'F';",
                                  "out += ({c}) ? 'T' : 'F';",
                                  "let k = 0; while ({c}) {{ out += 'T'; k = 1; break }}"
                                  " if (!k) out += 'F';",
                                  "for (let k = 0; {c}; ) {{ out += 'T'; break }}"
                                  " if (!({c})) out += 'F';"])
def test_conditions_with_and_or_not_compile_to_jumps(form: str) -> None:
    cond = "(a && !b || c) && !(a || b && !c)"
    src = "function t(a, b, c) { let out = ''; " + form.format(c=cond) + " return out }"
    assert "NOT" not in ops(src) and "MOVE" not in ops(src)
    calls = "".join(f"console.log(t({a}, {b}, {c}));"
                    for a, b, c in itertools.product((0, 1), repeat=3))
    expected = ["T" if ((a and not b) or c) and not (a or (b and not c)) else "F"
                for a, b, c in itertools.product((0, 1), repeat=3)]
    assert run(src + calls) == expected


def test_short_circuits_keep_their_order_and_value() -> None:
    src = ("const seen = []; function f(v) { seen.push(v); return v }"
           "if (f(0) || f(1) && f(0) || f(2)) seen.push('then');"
           "f(3) && f(0) && f(4); f(0) || f(5), f(6) ? f(7) : f(8);"
           "console.log(seen.join()); console.log(f(0) || f(''), f(9) && f(10))")
    assert run(src) == ["0,1,0,2,then,3,0,0,5,6,7", " 10"]


def test_equality_followed_by_jmpif_fuses_with_the_negated_test() -> None:
    src = ("function f(a, b) { if (a !== 1 || a != b) { if (a === b || a == 'x') return 2;"
           " return 1 } }")
    names = ops(src)
    assert {"JNSNE", "JNNE", "JNEQ", "JNSEQI"} <= set(names)
    assert not {"SEQ", "SNE", "EQ", "NE", "JMPIF", "JMPIFNOT"} & set(names)
    calls = "".join(f"console.log(f({a}, {b}));" for a, b in (
        ("1", "2"), ("'1'", "1"), ("'x'", "'x'"), ("NaN", "NaN"), ("'x'", "3"),
        ("null", "undefined"), ("1", "1"), ("1", "'1'")))
    assert run(src + calls) == ["1", "1", "2", "1", "2", "1", "undefined", "undefined"]


def test_compound_assignment_to_a_local_needs_no_copy() -> None:
    src = ("function f(n, f) { n && (n += ' '); n += f; return n }"
           "function g(n) { n -= 1; n *= 3; n **= 2; return n }")
    assert "MOVE" not in ops(src)
    assert run(src + "console.log(f('a', 'b'), f('', 'b'), f(3, 4), g(3), g(-0))") == [
        "a b b 3 4 36 9"]


def test_compound_assignment_sees_the_old_value_when_the_right_side_writes_it() -> None:
    src = ("function a() { let x = 1; x += (x = 5); return x }"
           "function b() { let x = 3; x -= x++; return x }"
           "function c() { let x = 1; function g() { x = 10; return 1 } x += g(); return x }"
           "function d() { let s = 'a'; s += [s = 'b', s][1]; return s }"
           "function e() { const k = 1; k += 1 }"
           "console.log(a(), b(), c(), d()); e()")
    assert run(src) == ["6 0 2 ab", "uncaught Uncaught TypeError: Assignment to constant variable."]


def test_compound_assignment_that_throws_leaves_the_local_alone() -> None:
    src = ("let n = 1; const bad = { valueOf() { throw new Error('no') } };"
           "function f() { let x = 1; try { x += bad } catch (e) { return x } }"
           "console.log(f())")
    assert run(src) == ["1"]


def test_negative_literals_are_constants() -> None:
    src = "var a = -0.5, c = -1n, e = -2147483648, f = -1e400, d = -3;"
    assert "NEG" not in ops(src)
    out = run(src + "console.log(a, c, d, e, f, typeof c)")
    assert out == ["-0.5 -1n -3 -2147483648 -Infinity bigint"]


def test_a_constant_also_used_positive_keeps_its_neg() -> None:
    """A second constant costs more bytes than the NEG; -0 has no shorter form either."""
    src = "function f(k) { return [k ? 0.5 : -0.5, -0, 0.25, -0.25, -0.25] }"
    assert ops(src).count("NEG") == 4  # -0.5, -0 and both -0.25 (0.25 is read thrice)
    out = run(src + "const [p, q, r, s, t] = f(1), [u] = f(0);"
              "console.log(p, u, Object.is(q, -0), r, s, t)")
    assert out == ["0.5 -0.5 true 0.25 -0.25 -0.25"]


def test_arguments_and_loop_variables_are_written_directly() -> None:
    src = ("function f() { var a = arguments; var k, out = '';"
           " for (k in a) out += k; for (const v of a) out += v; return out }")
    names = ops(src)
    i = names.index("ARGUMENTS")
    assert names[i + 1] != "MOVE"
    assert all(names[j + 1] != "MOVE" for j, n in enumerate(names) if n == "ITERNEXT")
    assert run(src + "console.log(f('x', 'y'))") == ["01xy"]


def test_a_destructured_element_past_the_end_stays_undefined() -> None:
    """ITERNEXT jumping to the next instruction keeps the undefined loaded before it."""
    src = ("function f(xs) { const [a, b] = xs; let [c = 7, d] = xs; return [a, b, c, d] }"
           "console.log(String(f([1])), String(f([])))")
    assert run(src) == ["1,,1, ,,7,"]
