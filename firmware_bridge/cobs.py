"""Consistent Overhead Byte Stuffing: a frame body with no zero byte, so 0x00 delimits.

Small enough to own (the `cobs` package ships only a C source distribution); built on
bytes.split/join so the work is done in C.
"""

from __future__ import annotations


class CobsError(ValueError):
    """The bytes are not a valid COBS encoding."""


def encode(data: bytes) -> bytes:
    """COBS-encode `data` (the result has no 0x00 and is at most len/254 + 1 longer)."""
    out = bytearray()
    for chunk in data.split(b"\x00"):
        # a run of more than 254 non-zero bytes is cut into 254-byte blocks (code 0xFF)
        while len(chunk) >= 254:
            out.append(0xFF)
            out += chunk[:254]
            chunk = chunk[254:]
        out.append(len(chunk) + 1)
        out += chunk
    return bytes(out)


def decode(data: bytes) -> bytes:
    """Invert :func:`encode`; raises CobsError on a zero byte or a block past the end."""
    out = bytearray()
    i = 0
    n = len(data)
    while i < n:
        code = data[i]
        if code == 0:
            raise CobsError("zero byte inside a COBS frame")
        end = i + code
        if end > n:
            raise CobsError("COBS block runs past the end of the frame")
        block = data[i + 1:end]
        if 0 in block:
            raise CobsError("zero byte inside a COBS frame")
        out += block
        i = end
        if code != 0xFF and i < n:
            out.append(0)
    return bytes(out)
