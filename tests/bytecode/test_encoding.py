"""The instruction table, its byte encoding, and what derives from it."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compiler.bytecode import NAMES, OPCODE, OPERANDS, BytecodeError, decode, encode
from compiler.bytecode.code import Code
from compiler.bytecode.disasm import disassemble
from compiler.bytecode.docs import render

O = OPCODE
REAL = [op for op, name in enumerate(NAMES) if name not in ("WIDE", "XWIDE")]


def _operand(kind: str, draw, n: int) -> int:
    if kind == "J":
        return draw(st.integers(0, n - 1))
    if kind == "I":
        return draw(st.sampled_from([0, -1, 127, -128, 128, -129, 40000, -40000, 2**31 - 1]))
    return draw(st.sampled_from([0, 1, 255, 256, 65535, 65536, 2**32 - 1]))


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
    assert decode(encode(code)) == code


def test_narrow_operands_take_one_byte_each():
    assert encode([(O["ADD"], 1, 2, 3)]) == bytes([O["ADD"], 1, 2, 3])
    assert encode([(O["LOADK"], 1, 300)]) == bytes([O["WIDE"], O["LOADK"], 1, 0, 44, 1])


def test_long_jumps_are_relaxed():
    # A backward jump over 200 three-byte instructions no longer fits a signed byte.
    body = [(O["MOVE"], 1, 2)] * 200
    code = [*body, (O["JMP"], 0)]
    data = encode(code)
    assert data[-4] == O["WIDE"] and data[-3] == O["JMP"]
    assert decode(data) == code
    short = encode([(O["MOVE"], 1, 2)] * 10 + [(O["JMP"], 0)])
    assert len(short) == 10 * 3 + 2  # a short jump stays two bytes
    assert len(data) == 200 * 3 + 4  # prefix, opcode and a 2-byte offset


@pytest.mark.parametrize("data, message", [
    (bytes([250]), "unknown opcode"),
    (bytes([O["ADD"], 1, 2]), "truncated"),
    (bytes([O["WIDE"]]), "ends the code"),
    (bytes([O["WIDE"], O["WIDE"], O["NOP"]]), "two prefixes"),
    (bytes([O["JMP"], 1, O["MOVE"], 1, 2]), "middle of an instruction"),
    (bytes([O["JMP"], 9]), "middle of an instruction"),
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
