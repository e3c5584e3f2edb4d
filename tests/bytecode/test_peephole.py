"""The bytecode clean-up pass: what it removes, and what it must keep."""

from __future__ import annotations

from image_support import compile_text

from compiler.bytecode.code import Code
from compiler.bytecode.isa import NAMES, OPCODE
from compiler.peephole import optimize
from vm import Machine

O = OPCODE


def ops(code: Code) -> list[str]:
    return [NAMES[ins[0]] for ins in code.code]


def run(source: str) -> list[str]:
    lines: list[str] = []
    Machine(output=lines.append).run_script(source, "test.js")
    return lines


def test_a_temporary_copied_into_place_is_computed_there():
    code = Code("f", registers=3, constants=["g"], code=[
        (O["GETGLOBAL"], 2, 0), (O["MOVE"], 1, 2), (O["RETURN"], 1)])
    optimize(code)
    assert code.code == [(O["GETGLOBAL"], 0, 0), (O["RETURN"], 0)] or \
        code.code == [(O["GETGLOBAL"], 1, 0), (O["RETURN"], 1)]


def test_a_value_a_handler_reads_is_kept():
    # r0 = 1; try { r0 = g } catch { return r0 }: the first store is not dead
    code = Code("f", registers=1, constants=["g"], code=[
        (O["LOADINT"], 0, 1), (O["GETGLOBAL"], 0, 0), (O["RETURN"], 0), (O["RETURN"], 0)],
        handlers=[(1, 2, 3)])
    optimize(code)
    assert ops(code)[0] == "LOADINT"


def test_a_dead_load_and_unreachable_code_go():
    code = Code("f", registers=2, code=[
        (O["LOADINT"], 1, 5), (O["LOADUNDEF"], 0), (O["RETURN"], 0), (O["RETURNUNDEF"],)],
        lines=[(0, 1), (3, 2)])
    optimize(code)
    assert ops(code) == ["LOADUNDEF", "RETURN"]
    assert code.lines == [(0, 1)]


def test_a_move_that_is_jumped_to_still_runs_on_that_path():
    # r2 = 5; if (true) goto 5; r2 = g; 5: r1 = r2; return r1 -- the jump skips the load
    code = Code("f", registers=3, constants=["g"], kind="script", code=[
        (O["LOADTRUE"], 0), (O["LOADINT"], 2, 5), (O["JMPIF"], 0, 4),
        (O["GETGLOBAL"], 2, 0), (O["MOVE"], 1, 2), (O["RETURN"], 1)])
    optimize(code)
    assert Machine(output=print).run_code(code) == 5.0
    assert len(code.code) < 6


def test_jumps_to_returns_return():
    code = Code("f", params=1, registers=1, code=[
        (O["JMPIF"], 0, 2), (O["JMP"], 3), (O["LOADUNDEF"], 0), (O["RETURN"], 0)])
    optimize(code)
    assert ops(code) == ["JMPIF", "RETURN", "LOADUNDEF", "RETURN"]


def test_negative_literals_are_loaded_directly():
    code = compile_text("var a = -3, b = -0, c = -x;")
    # -3 is an operand (of LOADINT, or of the SETGLOBALI it became), not a NEG of 3
    stores = [ins for ins in code.code if NAMES[ins[0]] in ("LOADINT", "SETGLOBALI")]
    assert (OPCODE["SETGLOBALI"], stores[0][1], -3) in stores
    assert ops(code).count("NEG") == 2  # -0 stays a negation (of 0); so does -x
    assert run("var z = -0; console.log(1 / z, -3, -(-4));") == ["-Infinity -3 4"]


def test_compiled_calls_lose_their_copies():
    code = compile_text("function f(n) { return n < 2 ? n : f(n - 1) + f(n - 2); }")
    body = code.functions[0]
    assert "MOVE" not in ops(body)
    assert ops(body)[:2] == ["JNLTI", "RETURN"]  # LOADINT, LT and JMPIFNOT fused


def test_a_comparison_used_only_by_its_jump_fuses_with_it():
    body = compile_text("function f(a, b) { if (a <= b) return 1; return 2; }").functions[0]
    assert ops(body)[0] == "JNLE" and "LE" not in ops(body) and "JMPIFNOT" not in ops(body)
    kept = compile_text("function f(a, b) { var t = a < b; if (t) return t; return 0; }")
    assert "LT" in ops(kept.functions[0]) and "JNLT" not in ops(kept.functions[0])


def test_small_integers_become_immediate_operands():
    body = compile_text("function f(x) { return [x + 1, x - 2, x * 3, x % -4, x === 5]; }"
                        ).functions[0]
    assert {"ADDI", "SUBI", "MULI", "MODI"} <= set(ops(body))
    assert ops(body).count("LOADINT") == 1  # the one `===` compares against as a value
    # the integer stays in a register that a handler reads
    code = Code("f", registers=2, constants=[], code=[
        (O["LOADINT"], 1, 3), (O["ADD"], 0, 0, 1), (O["RETURN"], 0), (O["RETURN"], 1)],
        handlers=[(1, 2, 3)])
    optimize(code)
    assert ops(code)[:2] == ["LOADINT", "ADD"]


def test_programs_keep_their_meaning():
    assert run("""
        function f(g) { var x = 1; try { x = g(); } catch (e) { return x; } return x + 10; }
        console.log(f(() => { throw 0; }), f(() => 5));
        function h(a) { arguments[0] = 7; var b = a; return b; }
        console.log(h(1));
        var i = 0, s = ""; for (;;) { s += i++; if (i > 3) break; } console.log(s);
        function k(x) { var y = x; x = 2; return [y, x]; } console.log(k(1).join());
    """) == ["1 15", "7", "0123", "1,2"]


def test_a_cell_read_and_its_check_are_one_instruction():
    body = compile_text("function f() { const g = () => x; let x = 1; return g; }"
                        ).functions[0]
    arrow = body.functions[0]
    assert ops(arrow)[0] == "GETCELLCHECK" and "CHECKHOLE" not in ops(arrow)


def test_a_negated_condition_jumps_the_other_way():
    body = compile_text("function f(a) { if (!a) return 1; return 2; }").functions[0]
    assert ops(body)[0] == "JMPIF" and "NOT" not in ops(body)
    kept = compile_text("function f(a, b) { return !a || b; }").functions[0]
    assert "NOT" in ops(kept)


def test_short_calls_read_locals_in_place():
    body = compile_text("function f(g, a, b) { g(a); g(a, b); a.m(b); return g(a, a = 1); }"
                        ).functions[0]
    assert ops(body)[:3] == ["CALLFN1", "CALLFN", "CALLPROP1"]  # g(a, b): already a window
    # `a = 1` in a later argument: the callee and the first a are copied before it runs
    assert ops(body).count("MOVE") == 2


def test_a_global_counter_steps_in_one_instruction():
    code = compile_text("var i = 0, j = 3; i++; for (; j > 0; j--) ++i; console.log(i);")
    assert ops(code).count("INCGLOBAL") == 2 and ops(code).count("DECGLOBAL") == 1
    assert "INC" not in ops(code) and "TONUMERIC" not in ops(code)
    # the old or the new value is used: the long form stays
    kept = compile_text("var i = 0; var a = i++; var b = ++i; i++")
    assert "INCGLOBAL" not in ops(kept) and ops(kept).count("INC") == 3


def test_a_global_step_a_handler_or_a_jump_can_see_is_kept():
    def steps(handlers=(), jump=False):
        # r0 = g; r1 = r0 + 1; g = r1; return r0 (after a throw) or undefined
        code = Code("f", registers=3, constants=["g"], code=[
            (O["LOADTRUE"], 2), (O["JMPIF"], 2, 3 if jump else 2),
            (O["GETGLOBAL"], 0, 0), (O["INC"], 1, 0), (O["SETGLOBAL"], 0, 1),
            (O["RETURNUNDEF"],), (O["RETURN"], 0)], handlers=list(handlers))
        optimize(code)
        return ops(code)
    assert "INCGLOBAL" in steps()
    assert "INCGLOBAL" not in steps(handlers=[(2, 5, 6)])  # the handler reads r0
    assert "INCGLOBAL" not in steps(jump=True)  # a jump lands on the INC


def test_a_global_objects_property_is_read_in_one_instruction():
    code = compile_text("var s = 'ab'; var n = s.length + Math.PI; s.charAt(n++);")
    assert ops(code).count("GETGLOBALPROP") == 2
    # a method call whose argument runs code: the method and `this` in one instruction
    assert "GETGLOBALMETHOD" in ops(code) and "GETPROP" not in ops(code)
    # r0 = g; r1 = r0.k; ... a handler reads r0: the global stays in r0
    kept = Code("f", registers=2, constants=["g", "k"], code=[
        (O["GETGLOBAL"], 0, 0), (O["GETPROP"], 1, 0, 1), (O["RETURN"], 1), (O["RETURN"], 0)],
        handlers=[(0, 2, 3)])
    optimize(kept)
    assert "GETGLOBALPROP" not in ops(kept)


def test_a_method_read_fuses_only_where_nothing_jumps_in_or_a_handler_starts():
    def method(handlers=(), jump=False):
        # r1 = g; r0 = r1.k; return r0(r1 as this)
        code = Code("f", registers=3, constants=["g", "k"], code=[
            (O["LOADTRUE"], 2), (O["JMPIF"], 2, 3 if jump else 2),
            (O["GETGLOBAL"], 1, 0), (O["GETPROP"], 0, 1, 1), (O["CALL"], 0, 0, 1, 0),
            (O["RETURN"], 0), (O["RETURN"], 1)], handlers=list(handlers))
        optimize(code)
        return ops(code)
    assert "GETGLOBALMETHOD" in method() and "GETPROP" not in method()
    assert "GETGLOBALMETHOD" not in method(jump=True)  # a jump lands on the GETPROP
    assert "GETGLOBALMETHOD" not in method(handlers=[(3, 5, 6)])  # only the GETPROP covered


def test_a_small_integer_stored_in_a_global_is_an_immediate():
    code = compile_text("var a = 0, b = -7; a = 70000; b = a;")
    assert ops(code).count("SETGLOBALI") == 3 and "LOADINT" not in ops(code)
    # the stored value is the script's completion value: it stays in its register
    kept = compile_text("var a; a = 5")
    assert "SETGLOBALI" not in ops(kept) and "LOADINT" in ops(kept)
