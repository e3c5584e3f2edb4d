"""Frames on the wire: ``COBS(type u8 | seq u16 | len u16 | payload | crc32 u32) 0x00``.

All integers are little-endian; the CRC-32 (zlib's polynomial) covers type, seq, len and
payload. The decoder validates every field and resynchronises at the next 0x00, so line
noise between or inside frames costs only the frames it touches.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

from . import cobs

HEADER = struct.Struct("<BHH")
CRC = struct.Struct("<I")
OVERHEAD = HEADER.size + CRC.size
DELIMITER = b"\x00"

# link-control frame types (not sequenced, never acknowledged)
ACK = 0x01  # seq = next sequence number expected (cumulative)
NAK = 0x02  # seq = the sequence number expected; resend from there
SYNC = 0x03  # payload: 4-byte nonce; starts a session (both sides restart at seq 0)
SYNCACK = 0x04  # payload: the nonce echoed
CONTROL_TYPES = frozenset({ACK, NAK, SYNC, SYNCACK})


class FrameError(ValueError):
    """A malformed frame (the decoder reports it and goes on)."""


@dataclass(frozen=True)
class Frame:
    type: int
    seq: int
    payload: bytes = b""


def encode_frame(frame: Frame) -> bytes:
    """The bytes to write for one frame, delimiter included."""
    if not 0 <= frame.type <= 0xFF or not 0 <= frame.seq <= 0xFFFF:
        raise ValueError("frame type or sequence number out of range")
    if len(frame.payload) > 0xFFFF:
        raise ValueError("frame payload too long")
    body = HEADER.pack(frame.type, frame.seq, len(frame.payload)) + frame.payload
    return cobs.encode(body + CRC.pack(zlib.crc32(body))) + DELIMITER


def decode_frame(raw: bytes, max_payload: int, known_types: frozenset[int]) -> Frame:
    """One frame from the bytes between two delimiters; FrameError says what is wrong."""
    try:
        body = cobs.decode(raw)
    except cobs.CobsError as e:
        raise FrameError(str(e)) from None
    if len(body) < OVERHEAD:
        raise FrameError(f"frame of {len(body)} bytes is shorter than its header")
    ftype, seq, length = HEADER.unpack_from(body)
    if length != len(body) - OVERHEAD:
        raise FrameError(f"length field {length} but {len(body) - OVERHEAD} payload bytes")
    (crc,) = CRC.unpack_from(body, len(body) - CRC.size)
    if crc != zlib.crc32(body[:-CRC.size]):
        raise FrameError("CRC mismatch")
    if ftype not in known_types:
        raise FrameError(f"unknown frame type {ftype:#04x}")
    if length > max_payload:
        raise FrameError(f"payload of {length} bytes exceeds the maximum {max_payload}")
    return Frame(ftype, seq, body[HEADER.size:-CRC.size])


class FrameDecoder:
    """Feed it bytes as they arrive; it returns frames and counts what it rejected."""

    def __init__(self, max_payload: int, known_types: frozenset[int]):
        self.max_payload = max_payload
        self.known_types = known_types
        self.limit = 2 * (max_payload + OVERHEAD) + 16  # longer than any valid frame
        self.buffer = bytearray()
        self.overflow = False
        self.errors: list[str] = []  # recent rejections (bounded), for diagnostics
        self.rejected = 0

    def feed(self, data: bytes) -> list[Frame | FrameError]:
        """Frames completed by `data`, in order; bad ones appear as FrameError values."""
        out: list[Frame | FrameError] = []
        parts = data.split(DELIMITER)
        for i, part in enumerate(parts):
            if not self.overflow:
                self.buffer += part
                if len(self.buffer) > self.limit:
                    self.overflow = True
                    self.buffer.clear()
            if i == len(parts) - 1:
                break  # no delimiter after the last part yet
            if self.overflow:
                out.append(self._reject(FrameError("frame longer than the maximum")))
                self.overflow = False
            elif self.buffer:
                try:
                    out.append(decode_frame(bytes(self.buffer), self.max_payload,
                                            self.known_types))
                except FrameError as e:
                    out.append(self._reject(e))
            self.buffer.clear()
        return out

    def _reject(self, err: FrameError) -> FrameError:
        self.rejected += 1
        self.errors = self.errors[-15:] + [str(err)]
        return err
