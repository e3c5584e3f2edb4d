"""Nibble encoding of instructions, derived from the table in ``isa.py``.

A function's code is a sequence of 4-bit nibbles, two to a byte (the low nibble first).
Every field, the opcode and each operand, is one *number*:

* a first nibble ``n`` below 12 is the number ``n``;
* 12, 13 or 14 take the next nibble ``m`` too: ``12 + (n - 12) * 16 + m`` (12 .. 59);
* 15 is followed by ``number - 60`` in 3-bit groups, one to a nibble, the lowest group
  first, the nibble's high bit set on every group but the last.

Signed operands (kinds I and J) are zigzagged first (``2v`` or ``-2v - 1``). So the
opcodes at the top of the table and the small registers, constants and offsets that
make up most code cost half a byte each. A jump is a signed offset in nibbles from the
end of the jump instruction; its width is settled by relaxation (start short, lengthen
what does not fit, repeat until nothing changes). An odd number of nibbles is padded with
a 0 nibble, which cannot start an instruction there (opcode 0 has operands).

In memory (compiler output and the VM after loading) an instruction is a tuple
``(opcode, operand, ...)`` and a jump operand is the *index* of its target instruction.
"""

from __future__ import annotations

from .isa import NAMES, OPERANDS, SIGNED_KINDS

Instruction = tuple  # (opcode, *operands)

SHORT = 12  # numbers below this take one nibble
MEDIUM = SHORT + 3 * 16  # numbers below this take two
assert OPERANDS[0], "opcode 0 must have operands: a 0 nibble pads the code's end"


class BytecodeError(Exception):
    """Malformed bytecode: an unknown opcode, a truncated operand, a bad jump target."""


def _zigzag(value: int) -> int:
    return value << 1 if value >= 0 else -(value << 1) - 1


def number_nibbles(value: int) -> list[int]:
    """The nibbles of one number (unsigned; zigzag signed ones first)."""
    if value < SHORT:
        return [value]
    if value < MEDIUM:
        value -= SHORT
        return [SHORT + (value >> 4), value & 15]
    value -= MEDIUM
    out = [15]
    while value >= 8:
        out.append(8 | (value & 7))
        value >>= 3
    out.append(value)
    return out


def _number_size(value: int) -> int:
    if value < SHORT:
        return 1
    if value < MEDIUM:
        return 2
    value -= MEDIUM
    size = 2
    while value >= 8:
        value >>= 3
        size += 1
    return size


def _instruction_size(ins: Instruction, jumps: dict[int, int]) -> int:
    size = _number_size(ins[0])
    for j, kind in enumerate(OPERANDS[ins[0]]):
        value = jumps[j] if kind == "J" else ins[1 + j]
        if kind in SIGNED_KINDS:
            value = _zigzag(value)
        elif value < 0:
            raise BytecodeError(f"negative operand in {NAMES[ins[0]]} {ins[1:]}")
        size += _number_size(value)
    return size


def encode(code: list[Instruction]) -> bytes:
    """Encode instructions (jump operands are instruction indices) into bytes."""
    return encode_with_starts(code)[0]


def encode_with_starts(code: list[Instruction]) -> tuple[bytes, list[int]]:
    """The encoded bytes and each instruction's start in nibbles (then the end)."""
    jump_operands = []
    for ins in code:
        op = ins[0]
        if not 0 <= op < len(NAMES):
            raise BytecodeError(f"cannot encode opcode {op}")
        kinds = OPERANDS[op]
        if len(ins) - 1 != len(kinds):
            raise BytecodeError(f"{NAMES[op]} takes {len(kinds)} operands: {ins}")
        jump_operands.append([j for j, k in enumerate(kinds) if k == "J"])
    sizes = [_instruction_size(ins, dict.fromkeys(jumps, 0))
             for ins, jumps in zip(code, jump_operands, strict=True)]
    while True:
        starts = [0] * (len(code) + 1)
        for i, size in enumerate(sizes):
            starts[i + 1] = starts[i] + size
        changed = False
        for i, ins in enumerate(code):
            if jump_operands[i]:
                offsets = _offsets(ins, jump_operands[i], starts, i)
                size = _instruction_size(ins, offsets)
                if size != sizes[i]:
                    sizes[i] = size
                    changed = True
        if not changed:
            break
    nibbles: list[int] = []
    for i, ins in enumerate(code):
        offsets = _offsets(ins, jump_operands[i], starts, i)
        nibbles += number_nibbles(ins[0])
        for j, kind in enumerate(OPERANDS[ins[0]]):
            value = offsets[j] if kind == "J" else ins[1 + j]
            nibbles += number_nibbles(_zigzag(value) if kind in SIGNED_KINDS else value)
    if len(nibbles) & 1:
        nibbles.append(0)
    return bytes(nibbles[k] | nibbles[k + 1] << 4 for k in range(0, len(nibbles), 2)), starts


def _offsets(ins: Instruction, jumps: list[int], starts: list[int], i: int) -> dict[int, int]:
    out = {}
    for j in jumps:
        target = ins[1 + j]
        if not 0 <= target < len(starts):
            raise BytecodeError(f"{NAMES[ins[0]]} at instruction {i} jumps to {target}, "
                                "outside the code")
        out[j] = starts[target] - starts[i + 1]
    return out


def _nibbles(data: bytes) -> list[int]:
    out = [0] * (2 * len(data))
    out[0::2] = [b & 15 for b in data]
    out[1::2] = [b >> 4 for b in data]
    return out


def decode(data: bytes) -> list[Instruction]:
    """Decode bytes into instructions with jump targets as instruction indices."""
    return decode_with_starts(data)[0]


def decode_with_starts(data: bytes) -> tuple[list[Instruction], list[int]]:
    """The instructions (jump targets as indices) and their starts in nibbles."""
    nib = _nibbles(data)
    n = len(nib)
    raw: list[tuple[int, list[int]]] = []
    starts: list[int] = []
    n_ops = len(NAMES)
    pos = 0
    try:
        while pos < n:
            if pos == n - 1 and not nib[pos]:  # the padding of an odd count
                break
            starts.append(pos)
            fields = []
            op = -1
            op, pos = _read_number(nib, pos, n)
            if op >= n_ops:
                raise BytecodeError(f"unknown opcode {op} at nibble {starts[-1]}")
            kinds = OPERANDS[op]
            for kind in kinds:
                value, pos = _read_number(nib, pos, n)
                if kind in SIGNED_KINDS:
                    value = value >> 1 if not value & 1 else -((value + 1) >> 1)
                fields.append(value)
            raw.append((op, fields))
    except IndexError:
        what = NAMES[op] if 0 <= op < n_ops else "an instruction"
        raise BytecodeError(f"{what} at nibble {starts[-1]} is truncated") from None
    starts.append(pos)
    index_of = {s: k for k, s in enumerate(starts)}
    out: list[Instruction] = []
    for i, (op, fields) in enumerate(raw):
        for j, kind in enumerate(OPERANDS[op]):
            if kind == "J":
                target = starts[i + 1] + fields[j]
                if target not in index_of:
                    raise BytecodeError(f"{NAMES[op]} at instruction {i} jumps into the "
                                        f"middle of an instruction (nibble {target})")
                fields[j] = index_of[target]
        out.append((op, *fields))
    return out, starts


def _read_number(nib: list[int], pos: int, end: int) -> tuple[int, int]:
    """One number starting at nibble ``pos``; IndexError when it runs past ``end``."""
    if pos >= end:
        raise IndexError
    first = nib[pos]
    if first < SHORT:
        return first, pos + 1
    if first < 15:
        if pos + 1 >= end:
            raise IndexError
        return SHORT + ((first - SHORT) << 4 | nib[pos + 1]), pos + 2
    value, shift = 0, 0
    pos += 1
    while True:
        if pos >= end:
            raise IndexError
        group = nib[pos]
        pos += 1
        value |= (group & 7) << shift
        if not group & 8:
            return MEDIUM + value, pos
        shift += 3
        if shift > 33:
            raise BytecodeError(f"a number at nibble {pos} is too long")
