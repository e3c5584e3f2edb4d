"""The messages frames carry: one dataclass per type, one table of field kinds.

Every message is encoded field by field (little-endian); `decode_message` validates each
field and the absence of trailing bytes, and raises ProtocolError with an error code.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass, field, fields
from enum import IntEnum


class ErrorCode(IntEnum):
    MALFORMED = 1  # a field failed validation
    UNKNOWN_MESSAGE = 2
    BAD_STATE = 3  # the message makes no sense now (DATA before BEGIN, ...)
    NO_SPACE = 4  # no free slot
    TOO_LARGE = 5  # the image does not fit a slot
    OUT_OF_ORDER = 6  # DATA past the contiguous bytes received
    INCOMPLETE = 7  # COMMIT before every byte arrived
    DIGEST_MISMATCH = 8
    SIGNATURE_REQUIRED = 9
    BAD_SIGNATURE = 10
    NO_SUCH_APP = 11
    LOAD_FAILED = 12  # the image verified but could not be started
    BAD_BAUD = 13
    NOT_RUNNING = 14
    INTERNAL = 15
    WRONG_BOARD = 16  # the image is for another board, architecture or instruction set


class ProtocolError(Exception):
    """A message that cannot be accepted; the device answers with ERROR(code, message)."""

    def __init__(self, code: ErrorCode, message: str):
        super().__init__(f"{code.name}: {message}")
        self.code = code
        self.message = message


NAME_RE = re.compile(r"[A-Za-z0-9_.-]{1,32}\Z")
LOG_OUT, LOG_ERROR, LOG_SYSTEM = 0, 1, 2

# field kinds
U8, U16, U32, BOOL, NAME, STR, TEXT, DIGEST, BLOB, REST = (
    "u8", "u16", "u32", "bool", "name", "str", "text", "digest", "blob", "rest")
_INTS = {U8: struct.Struct("<B"), U16: struct.Struct("<H"), U32: struct.Struct("<I")}


def check_name(name: str) -> str:
    if not NAME_RE.match(name):
        raise ProtocolError(ErrorCode.MALFORMED,
                            f"bad app name {name!r} (1-32 of A-Z a-z 0-9 _ . -)")
    return name


class _Reader:
    def __init__(self, data: bytes):
        self.data = data
        self.pos = 0

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise ProtocolError(ErrorCode.MALFORMED, "message truncated")
        chunk = self.data[self.pos:self.pos + n]
        self.pos += n
        return chunk

    def read(self, kind):
        if isinstance(kind, tuple):  # ("list", element kind or record class)
            return tuple(self.read(kind[1]) for _ in range(self.read(U8)))
        if isinstance(kind, type):
            return kind(**{f.name: self.read(f.metadata["kind"]) for f in fields(kind)})
        if kind in _INTS:
            s = _INTS[kind]
            return s.unpack(self.take(s.size))[0]
        if kind == BOOL:
            b = self.read(U8)
            if b > 1:
                raise ProtocolError(ErrorCode.MALFORMED, f"boolean field holds {b}")
            return bool(b)
        if kind == DIGEST:
            return self.take(32)
        if kind == BLOB:
            return self.take(self.read(U8))
        if kind == REST:
            return self.take(len(self.data) - self.pos)
        raw = self.take(self.read(U16 if kind == TEXT else U8))
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ProtocolError(ErrorCode.MALFORMED, "text field is not UTF-8") from None
        return check_name(text) if kind == NAME else text


def _write(out: bytearray, kind, value) -> None:
    if isinstance(kind, tuple):
        if len(value) > 255:
            raise ValueError("list too long")
        out.append(len(value))
        for v in value:
            _write(out, kind[1], v)
    elif isinstance(kind, type):
        for f in fields(kind):
            _write(out, f.metadata["kind"], getattr(value, f.name))
    elif kind in _INTS:
        out += _INTS[kind].pack(value)
    elif kind == BOOL:
        out.append(1 if value else 0)
    elif kind == DIGEST:
        if len(value) != 32:
            raise ValueError("a digest is 32 bytes")
        out += value
    elif kind == BLOB:
        if len(value) > 255:
            raise ValueError("blob too long")
        out.append(len(value))
        out += value
    elif kind == REST:
        out += value
    else:
        raw = value.encode("utf-8")
        if len(raw) > (0xFFFF if kind == TEXT else 0xFF):
            raise ValueError("text too long")
        out += _INTS[U16 if kind == TEXT else U8].pack(len(raw))
        out += raw


def f(kind, default=None):
    """A message field of a given wire kind."""
    if default is None:
        defaults = {U8: 0, U16: 0, U32: 0, BOOL: False, NAME: "", STR: "", TEXT: "",
                    DIGEST: b"\0" * 32, BLOB: b"", REST: b""}
        default = defaults.get(kind, ()) if not isinstance(kind, tuple) else ()
    return field(default=default, metadata={"kind": kind})


@dataclass(frozen=True)
class SlotInfo:
    size: int = f(U32)
    free: int = f(U32)
    app: str = f(STR)  # the app whose image it holds ("" if none)


@dataclass(frozen=True)
class AppInfo:
    name: str = f(NAME, "app")
    slot: int = f(U8)
    size: int = f(U32)
    sha256: bytes = f(DIGEST)
    state: str = f(STR)  # running, stopped, failed
    fallback: bool = f(BOOL)  # a previous good image is kept
    signed: bool = f(BOOL)
    reason: str = f(TEXT)  # why it stopped, when it failed ("" otherwise)


@dataclass(frozen=True)
class Hello:
    """Empty from the host (a request); the device's identity in the reply."""

    protocol: int = f(U8)
    board: str = f(STR)
    firmware: str = f(STR)
    isa: int = f(U16)
    max_payload: int = f(U16)
    window: int = f(U8)
    ram: int = f(U32)
    baud: int = f(U32)
    baud_rates: tuple = f(("list", U32))
    signed_only: bool = f(BOOL)
    slots: tuple = f(("list", SlotInfo))


@dataclass(frozen=True)
class Baud:
    rate: int = f(U32)


@dataclass(frozen=True)
class Begin:
    name: str = f(NAME, "app")
    size: int = f(U32)
    sha256: bytes = f(DIGEST)
    signature: bytes = f(BLOB)


@dataclass(frozen=True)
class Data:
    offset: int = f(U32)
    data: bytes = f(REST)


@dataclass(frozen=True)
class Status:
    name: str = f(NAME, "app")
    size: int = f(U32)
    received: int = f(U32)


@dataclass(frozen=True)
class Commit:
    pass


@dataclass(frozen=True)
class List:
    pass


@dataclass(frozen=True)
class Apps:
    apps: tuple = f(("list", AppInfo))


@dataclass(frozen=True)
class Remove:
    name: str = f(NAME, "app")


@dataclass(frozen=True)
class Run:
    name: str = f(NAME, "app")


@dataclass(frozen=True)
class Stop:
    name: str = f(NAME, "app")


@dataclass(frozen=True)
class Reset:
    pass


@dataclass(frozen=True)
class Log:
    app: str = f(STR)  # "" for the agent itself
    level: int = f(U8)  # LOG_OUT, LOG_ERROR, LOG_SYSTEM
    text: str = f(TEXT)


@dataclass(frozen=True)
class Eval:
    app: str = f(NAME, "app")
    source: str = f(TEXT)


@dataclass(frozen=True)
class Result:
    ok: bool = f(BOOL)
    text: str = f(TEXT)


@dataclass(frozen=True)
class Error:
    code: int = f(U16)
    message: str = f(TEXT)


@dataclass(frozen=True)
class Ok:
    text: str = f(TEXT)


TYPES: dict[int, type] = {
    0x10: Hello, 0x11: Baud, 0x12: Begin, 0x13: Data, 0x14: Status, 0x15: Commit,
    0x16: List, 0x17: Apps, 0x18: Remove, 0x19: Run, 0x1A: Stop, 0x1B: Reset, 0x1C: Log,
    0x1D: Eval, 0x1E: Result, 0x1F: Error, 0x20: Ok,
}
CODES: dict[type, int] = {cls: code for code, cls in TYPES.items()}
MESSAGE_TYPES = frozenset(TYPES)
DATA_HEADER = 4  # bytes of a DATA payload before the image bytes


def encode_message(msg) -> tuple[int, bytes]:
    """(frame type, payload) for a message; a Hello with no board is the empty request."""
    out = bytearray()
    if not (isinstance(msg, Hello) and not msg.board):
        _write(out, type(msg), msg)
    return CODES[type(msg)], bytes(out)


def decode_message(ftype: int, payload: bytes):
    """The message a frame carries; ProtocolError if any field is invalid."""
    cls = TYPES.get(ftype)
    if cls is None:
        raise ProtocolError(ErrorCode.UNKNOWN_MESSAGE, f"unknown message type {ftype:#04x}")
    if cls is Hello and not payload:
        return Hello()
    r = _Reader(payload)
    try:
        msg = r.read(cls)
    except ProtocolError as e:
        raise ProtocolError(e.code, f"{cls.__name__.upper()}: {e.message}") from None
    if r.pos != len(payload):
        raise ProtocolError(ErrorCode.MALFORMED,
                            f"{cls.__name__.upper()}: {len(payload) - r.pos} trailing bytes")
    return msg
