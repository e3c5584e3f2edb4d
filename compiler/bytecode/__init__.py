"""The bytecode contract: instruction set, encoding, disassembly (see isa.py)."""

from .encoding import BytecodeError, decode, encode
from .isa import ISA_VERSION, NAMES, OPCODE, OPCODES, OPERANDS

__all__ = ["BytecodeError", "ISA_VERSION", "NAMES", "OPCODE", "OPCODES", "OPERANDS",
           "decode", "encode"]
