"""The instruction table, its nibble encoding, and what derives from it."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compiler.bytecode import NAMES, OPCODE, OPERANDS, BytecodeError, decode, encode
from compiler.bytecode.code import Code
from compiler.bytecode.disasm import disassemble
from compiler.bytecode.docs import render
from compiler.bytecode.encoding import decode_with_starts, encode_with_starts, number_nibbles

O = OPCODE
REAL = list(range(len(NAMES)))


def _operand(kind: str, draw, n: int) -> int:
    if kind == "J":
        return draw(st.integers(0, n - 1))
    if kind == "I":
        return draw(st.sampled_from([0, -1, 5, -6, 6, 29, -30, 30, 127, -128, 40000, -40000,
                                     2**31 - 1]))
    return draw(st.sampled_from([0, 1, 11, 12, 59, 60, 67, 68, 255, 256, 65535, 65536,
                                 2**32 - 1]))


@st.composite
def programs(draw):
    n = draw(st.integers(1, 60))
    code = []
    for _ in range(n):
        op = draw(st.sampled_from(REAL))
        code.append((op, *(_operand(k, draw, n) for k in OPERANDS[op])))
    return code


@settings(max_examples=300, deadline=None, derandomize=True)
@given(programs())
def test_encode_decode_round_trip(code):
    data, starts = encode_with_starts(code)
    assert decode_with_starts(data) == (code, starts)
    assert len(data) == (starts[-1] + 1) // 2


@pytest.mark.parametrize("value, nibbles", [
    (0, [0]), (11, [11]), (12, [12, 0]), (27, [12, 15]), (28, [13, 0]), (59, [14, 15]),
    (60, [15, 0]), (67, [15, 7]), (68, [15, 8, 1]), (60 + 8 * 8, [15, 8, 8, 1]),
])
def test_numbers_take_one_nibble_below_12_and_two_below_60(value, nibbles):
    assert number_nibbles(value) == nibbles


def _pack(*nibbles: int) -> bytes:
    padded = [*nibbles, 0] if len(nibbles) % 2 else list(nibbles)
    return bytes(padded[k] | padded[k + 1] << 4 for k in range(0, len(padded), 2))


def _op(name: str) -> list[int]:
    return number_nibbles(O[name])


def test_small_operands_take_half_a_byte():
    # opcode, then three registers below 12: one nibble each
    assert encode([(O["ADD"], 1, 2, 3)]) == _pack(*_op("ADD"), 1, 2, 3)
    # a constant index of 300: the escape nibble and 3-bit groups of 240
    assert encode([(O["LOADK"], 1, 300)]) == _pack(*_op("LOADK"), 1, 15, 8 | 0, 8 | 6, 3)
    # signed immediates are zigzagged: -1 is 1, 5 is 10
    assert encode([(O["LOADINT"], 2, -1), (O["LOADINT"], 2, 5)]) == \
        _pack(*_op("LOADINT"), 2, 1, *_op("LOADINT"), 2, 10)


def test_an_odd_nibble_count_is_padded_and_the_padding_is_not_an_instruction():
    code = [(O["RETURN"], 0)]
    data = encode(code)
    assert data == _pack(*_op("RETURN"), 0)
    assert decode_with_starts(data) == (code, [0, len(_op("RETURN")) + 1])


def test_long_jumps_are_relaxed():
    body = [(O["MOVE"], 1, 2)] * 200
    move = len(_op("MOVE")) + 2
    code = [*body, (O["JMP"], 0)]
    data, starts = encode_with_starts(code)
    assert decode(data) == code
    # 200 moves back: the zigzagged offset needs the escape and several 3-bit groups
    offset = -(200 * move + starts[-1] - starts[-2])
    assert starts[-1] - starts[-2] == len(_op("JMP")) + len(number_nibbles(-2 * offset - 1))
    short = encode_with_starts([(O["MOVE"], 1, 2)] * 2 + [(O["JMP"], 0)])[1]
    assert short[-1] - short[-2] == len(_op("JMP")) + 2  # a short backward jump: 2 nibbles


@pytest.mark.parametrize("data, message", [
    (_pack(15, 8, 8, 8, 1), "unknown opcode"),
    (_pack(*_op("ADD"), 1, 2), "truncated"),
    (_pack(*_op("LOADK"), 1, 15, *[8] * (3 if len(_op("LOADK")) % 2 else 2)), "truncated"),
    (_pack(*_op("JMP"), 2, *_op("MOVE"), 1, 2), "middle of an instruction"),
    (_pack(*_op("JMP"), *number_nibbles(11 * 2)), "middle of an instruction"),
])
def test_malformed_code_is_rejected(data, message):
    with pytest.raises(BytecodeError, match=message):
        decode(data)


def test_random_bytes_never_crash_the_decoder():
    rng = random.Random(7)
    for _ in range(2000):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 40)))
        try:
            decode(data)
        except BytecodeError:
            pass


def test_bad_instructions_are_refused_by_the_encoder():
    with pytest.raises(BytecodeError):
        encode([(O["ADD"], 1, 2)])  # missing operand
    with pytest.raises(BytecodeError):
        encode([(O["MOVE"], -1, 0)])  # registers are unsigned


def test_disassembly_names_every_operand():
    code = Code("f", registers=3, constants=["x", 2.0],
                code=[(O["LOADK"], 0, 0), (O["JMPIFNOT"], 0, 3), (O["GETPROP"], 1, 0, 0),
                      (O["RETURN"], 1)],
                lines=[(0, 1), (2, 2)])
    text = disassemble(code, "let a = 'x'\nreturn a.x\n")
    assert "LOADK         r0, k0('x')" in text
    assert "JMPIFNOT      r0, ->3" in text
    assert "; 2: return a.x" in text


def test_opcode_doc_is_generated_from_the_table():
    from pathlib import Path

    doc = Path(__file__).resolve().parents[2] / "docs" / "opcodes.md"
    assert doc.read_text(encoding="utf-8") == render(), \
        "docs/opcodes.md is stale: run python -m compiler.bytecode.docs"
    for name in NAMES:
        assert f"`{name}`" in render()
