"""Readable listings of compiled code, derived from the instruction table."""

from __future__ import annotations

import bisect

from .code import Code
from .isa import NAMES, OPERANDS


def _operand(kind: str, value: int, code: Code) -> str:
    if kind == "R":
        return f"r{value}"
    if kind == "C":
        return f"c{value}"
    if kind == "J":
        return f"->{value}"
    if kind == "K":
        const = code.constants[value] if 0 <= value < len(code.constants) else "?"
        return f"k{value}({_show(const)})"
    if kind == "F":
        name = code.functions[value].name if 0 <= value < len(code.functions) else "?"
        return f"f{value}<{name}>"
    return str(value)


def _show(value) -> str:
    if isinstance(value, str):
        text = repr(value)
        return text if len(text) <= 24 else text[:21] + "...'"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def disassemble(code: Code, source: str | None = None, depth: int = 0) -> str:
    """A listing of ``code`` and its nested functions, with source lines if given."""
    pad = "  " * depth
    out = [f"{pad}function {code.name or '<anonymous>'} (kind={code.kind}, "
           f"params={code.params}, registers={code.registers}, cells={code.cells}, "
           f"captures={code.captures}{', strict' if code.strict else ''})"]
    lines = source.splitlines() if source is not None else None
    starts = [pc for pc, _ in code.lines]
    shown_line = None
    for pc, ins in enumerate(code.code):
        if lines is not None and starts:
            i = bisect.bisect_right(starts, pc) - 1
            line = code.lines[i][1] if i >= 0 else None
            if line is not None and line != shown_line and 0 < line <= len(lines):
                out.append(f"{pad}  ; {line}: {lines[line - 1].strip()}")
                shown_line = line
        op = ins[0]
        args = ", ".join(_operand(k, v, code) for k, v in zip(OPERANDS[op], ins[1:],
                                                               strict=True))
        name = NAMES[op]
        out.append(f"{pad}  {pc:4d}  {name:<14}{' ' * (len(name) >= 14)}{args}")
    for start, end, target, *kind in code.handlers:
        out.append(f"{pad}  handler [{start}, {end}) -> {target}{' (finally)' if kind else ''}")
    for child in code.functions:
        out.append("")
        out.append(disassemble(child, source, depth + 1))
    return "\n".join(out)
