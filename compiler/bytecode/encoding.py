"""Byte encoding of instructions, derived from the table in ``isa.py``.

An instruction is one opcode byte followed by its operands, one byte each; a ``WIDE``
prefix makes every operand of the next instruction 2 bytes, ``XWIDE`` 4 bytes
(little-endian; kinds I and J are signed). Jumps are encoded as byte offsets from the
end of the jump instruction, so their widths are settled by relaxation: start narrow,
widen what does not fit, repeat until nothing changes.

In memory (compiler output and the VM after loading) an instruction is a tuple
``(opcode, operand, ...)`` and a jump operand is the *index* of its target instruction.
"""

from __future__ import annotations

from .isa import NAMES, OPERANDS, SIGNED_KINDS, WIDE, XWIDE

Instruction = tuple  # (opcode, *operands)

_WIDTHS = (1, 2, 4)
_PREFIX = {2: WIDE, 4: XWIDE}


class BytecodeError(Exception):
    """Malformed bytecode: an unknown opcode, a truncated operand, a bad jump target."""


def _fits(value: int, width: int, signed: bool) -> bool:
    bits = 8 * width
    if signed:
        return -(1 << (bits - 1)) <= value < (1 << (bits - 1))
    return 0 <= value < (1 << bits)


def _width_for(op: int, operands: tuple, jump_offsets: dict[int, int]) -> int:
    kinds = OPERANDS[op]
    for width in _WIDTHS:
        ok = True
        for i, kind in enumerate(kinds):
            value = jump_offsets.get(i, operands[i]) if kind == "J" else operands[i]
            if not _fits(value, width, kind in SIGNED_KINDS):
                ok = False
                break
        if ok:
            return width
    raise BytecodeError(f"operand out of range in {NAMES[op]} {operands}")


def _size(op: int, width: int) -> int:
    return (1 if width == 1 else 2) + width * len(OPERANDS[op])


def encode(code: list[Instruction]) -> bytes:
    """Encode instructions (jump operands are instruction indices) into bytes."""
    for ins in code:
        op = ins[0]
        if not 0 <= op < len(NAMES) or op in (WIDE, XWIDE):
            raise BytecodeError(f"cannot encode opcode {op}")
        if len(ins) - 1 != len(OPERANDS[op]):
            raise BytecodeError(f"{NAMES[op]} takes {len(OPERANDS[op])} operands: {ins}")
    widths = [_width_for(ins[0], ins[1:], {i: 0 for i, k in enumerate(OPERANDS[ins[0]])
                                           if k == "J"}) for ins in code]
    while True:
        starts = [0] * (len(code) + 1)
        for i, ins in enumerate(code):
            starts[i + 1] = starts[i] + _size(ins[0], widths[i])
        changed = False
        for i, ins in enumerate(code):
            op = ins[0]
            jumps = {j: starts[ins[1 + j]] - starts[i + 1]
                     for j, k in enumerate(OPERANDS[op]) if k == "J"}
            if jumps:
                w = _width_for(op, ins[1:], jumps)
                if w > widths[i]:
                    widths[i] = w
                    changed = True
        if not changed:
            break
    out = bytearray()
    for i, ins in enumerate(code):
        op, width = ins[0], widths[i]
        if width > 1:
            out.append(_PREFIX[width])
        out.append(op)
        for j, kind in enumerate(OPERANDS[op]):
            value = ins[1 + j]
            if kind == "J":
                value = starts[value] - starts[i + 1]
            out += value.to_bytes(width, "little", signed=kind in SIGNED_KINDS)
    return bytes(out)


def decode(data: bytes) -> list[Instruction]:
    """Decode bytes into instructions with jump targets as instruction indices."""
    raw: list[tuple[int, int, list[int]]] = []  # (start offset, opcode, operands)
    index_of: dict[int, int] = {}
    pos, n = 0, len(data)
    while pos < n:
        start = pos
        width = 1
        op = data[pos]
        if op in (WIDE, XWIDE):
            width = 2 if op == WIDE else 4
            pos += 1
            if pos >= n:
                raise BytecodeError(f"prefix at byte {start} ends the code")
            op = data[pos]
            if op in (WIDE, XWIDE):
                raise BytecodeError(f"two prefixes at byte {start}")
        if op >= len(NAMES):
            raise BytecodeError(f"unknown opcode {op} at byte {pos}")
        pos += 1
        kinds = OPERANDS[op]
        end = pos + width * len(kinds)
        if end > n:
            raise BytecodeError(f"{NAMES[op]} at byte {start} is truncated")
        operands = [int.from_bytes(data[pos + width * j : pos + width * (j + 1)], "little",
                                   signed=k in SIGNED_KINDS) for j, k in enumerate(kinds)]
        pos = end
        index_of[start] = len(raw)
        raw.append((start, op, operands))
    index_of[n] = len(raw)
    out: list[Instruction] = []
    for i, (_, op, operands) in enumerate(raw):
        end = raw[i + 1][0] if i + 1 < len(raw) else n
        for j, kind in enumerate(OPERANDS[op]):
            if kind == "J":
                target = end + operands[j]
                if target not in index_of:
                    raise BytecodeError(f"{NAMES[op]} at instruction {i} jumps into the "
                                        f"middle of an instruction (byte {target})")
                operands[j] = index_of[target]
        out.append((op, *operands))
    return out
