"""Helpers for VM tests: what a script prints, the opcodes of a script (and of every
function in it), and what it prints on the interpreter and on the tier, which must
agree."""

from __future__ import annotations

from compiler import parse
from compiler.bytecode.isa import NAMES
from compiler.codegen import compile_script
from vm import Machine
from vm.errors import UncaughtError


def printed(source: str, machine: Machine | None = None) -> list[str]:
    """The lines a script prints on ``machine`` (a fresh one by default)."""
    lines: list[str] = []
    machine = machine or Machine()
    machine.main.output = lines.append
    machine.run_script(source)
    return lines


def functions(source: str) -> list[list[str]]:
    """Opcode names of a script's code and of every function in it, one list each."""
    todo, out = [compile_script(parse(source, module=False), source, "t.js")], []
    while todo:
        code = todo.pop()
        out.append([NAMES[ins[0]] for ins in code.code])
        todo += code.functions
    return out


def ops(source: str) -> list[str]:
    """Opcode names of a script's code and of every function in it."""
    return [name for names in functions(source) for name in names]


def pairs(source: str) -> set[tuple[str, str]]:
    """Adjacent opcode name pairs of every function."""
    return {pair for names in functions(source) for pair in zip(names, names[1:], strict=False)}


def run(source: str) -> list[str]:
    """Printed lines (and the uncaught error) on the interpreter; the tier must agree."""
    results = []
    for tier in (False, "eager"):
        lines: list[str] = []
        try:
            Machine(output=lines.append, tier=tier).run_script(source)
        except UncaughtError as e:
            lines.append(f"uncaught {e}")
        results.append(lines)
    assert results[0] == results[1], "the tier disagrees with the interpreter"
    return results[0]
