"""The compact instruction forms of ISA 2 (DEFGLOBALS, ...): what they must keep from the
longer sequences they replace."""

from __future__ import annotations

import pytest

from vm import Machine, UncaughtError


def test_a_script_that_cannot_be_instantiated_declares_nothing() -> None:
    """GlobalDeclarationInstantiation checks every name before it creates any."""
    machine = Machine()
    machine.run_script("let taken = 1;")
    with pytest.raises(UncaughtError, match="SyntaxError.*taken"):
        machine.run_script("var fresh; function alsoFresh() {} let taken;")
    assert machine.run_script("'fresh' in globalThis || 'alsoFresh' in globalThis") is False
    machine.run_script("Object.preventExtensions(globalThis);")
    with pytest.raises(UncaughtError, match="TypeError.*nope"):
        machine.run_script("var nope; let neither;")
    assert machine.run_script("typeof neither") == "undefined"


def test_functions_become_global_properties_before_vars() -> None:
    """ECMA-262 GlobalDeclarationInstantiation steps 17-18 (V8 keeps source order)."""
    keys = Machine().run_script(
        "var zeta; function alpha() {} var beta; function gamma() {} let lex;"
        "Object.keys(globalThis).filter(k => ['zeta', 'alpha', 'beta', 'gamma', 'lex']"
        ".includes(k)).join()")
    assert keys == "alpha,gamma,zeta,beta"


def test_a_hand_made_declaration_list_cannot_crash_the_vm() -> None:
    """Counts past the end of the names, or a name that is not a string: no traceback."""
    from compiler.bytecode.code import Code
    from compiler.bytecode.isa import OPCODE
    from vm.objects import JSFunction
    from vm.values import UNDEFINED

    machine = Machine()
    for names, counts in ((("a", "b"), (5, 9, 7)), ((1.0,), (0, 1, 0))):
        code = Code("s", registers=1, constants=[names], code=[
            (OPCODE["DEFGLOBALS"], 0, *counts), (OPCODE["RETURNUNDEF"],)])
        code.kind = "script"
        fn = JSFunction(machine.realm.function_prototype, code, [], machine.main)
        try:
            machine.interpreter.run(fn, UNDEFINED, [], UNDEFINED)
        except Exception as e:  # a JavaScript error is fine, a Python one is not
            assert type(e).__name__ in ("JSError", "JSThrow"), repr(e)
    assert machine.run_script("typeof a + typeof b") == "undefinedundefined"
