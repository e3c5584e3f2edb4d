"""Writes docs/opcodes.md from the instruction table: `python -m compiler.bytecode.docs`."""

from __future__ import annotations

import sys
from pathlib import Path

from . import isa
from .encoding import number_nibbles

KIND_NAMES = {"R": "register", "K": "constant", "N": "count", "I": "immediate",
              "J": "jump", "F": "function", "C": "cell"}


def render() -> str:
    doc = (isa.__doc__ or "").strip().splitlines()
    lines = ["# caplet opcodes", "",
             f"Instruction set version {isa.ISA_VERSION}. Generated from "
             "`compiler/bytecode/isa.py` by `python -m compiler.bytecode.docs`; do not edit.",
             "", *[line.strip() for line in doc[1:]], "",
             "The *code* column gives the opcode's nibbles (hexadecimal, in the order they "
             "are stored; see `compiler/bytecode/encoding.py`).", "",
             "| # | code | name | operands | effect |", "|---|---|---|---|---|"]
    for number, (name, kinds, text) in enumerate(isa.OPCODES):
        operands = " ".join(f"{'abcdef'[i]}:{KIND_NAMES[k]}" for i, k in enumerate(kinds))
        code = "".join(f"{n:x}" for n in number_nibbles(number))
        lines.append(f"| {number} | {code} | `{name}` | {operands or '—'} | {text} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    target = Path(__file__).resolve().parents[2] / "docs" / "opcodes.md"
    target.parent.mkdir(exist_ok=True)
    target.write_text(render(), encoding="utf-8")
    print(f"wrote {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
