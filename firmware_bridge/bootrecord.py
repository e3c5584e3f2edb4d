"""The boot record: which slot holds which app's active image and its fallback.

Records are appended to one of two boot sectors at fixed-size positions; each carries a
sequence number and a CRC-32, and the valid record with the highest sequence number is
the one in force. A torn write fails its CRC and the record before it stays in force;
when a sector is full the other one is erased and written, so the newest valid record
is never erased. Layout (little-endian):
``"CPBR" | version u8 | seq u32 | count u8 | entries | crc32``, each entry
``slot u8 | role u8 | name (u8 length + UTF-8) | size u32 | sha256[32] | sig (u8 + bytes)``.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

from .flash import Flash
from .spec import DeviceSpec

MAGIC = b"CPBR"
VERSION = 1
ACTIVE, FALLBACK = 1, 2
_HEAD = struct.Struct("<4sBIB")
_ENTRY_MAX = 1 + 1 + 33 + 4 + 32 + 1 + 255


@dataclass(frozen=True)
class Entry:
    """An image in a slot that verified when it was recorded."""

    name: str
    role: int  # ACTIVE or FALLBACK
    size: int
    sha256: bytes
    signature: bytes = b""


def encode_record(seq: int, entries: dict[int, Entry]) -> bytes:
    out = bytearray(_HEAD.pack(MAGIC, VERSION, seq, len(entries)))
    for slot, e in sorted(entries.items()):
        name = e.name.encode("utf-8")
        out += bytes([slot, e.role, len(name)]) + name + struct.pack("<I", e.size)
        out += e.sha256 + bytes([len(e.signature)]) + e.signature
    return bytes(out + struct.pack("<I", zlib.crc32(out)))


def decode_record(raw: bytes, slots: int) -> tuple[int, dict[int, Entry]] | None:
    """(seq, entries) of a record at the start of `raw`, or None if it is not valid."""
    try:
        magic, version, seq, count = _HEAD.unpack_from(raw)
        if magic != MAGIC or version != VERSION or count > slots:
            return None
        pos = _HEAD.size
        entries: dict[int, Entry] = {}
        for _ in range(count):
            slot, role, n = raw[pos], raw[pos + 1], raw[pos + 2]
            name = raw[pos + 3:pos + 3 + n].decode("utf-8")
            pos += 3 + n
            (size,) = struct.unpack_from("<I", raw, pos)
            sha = raw[pos + 4:pos + 36]
            m = raw[pos + 36]
            sig = raw[pos + 37:pos + 37 + m]
            pos += 37 + m
            if slot >= slots or role not in (ACTIVE, FALLBACK) or len(sig) != m:
                return None
            entries[slot] = Entry(name, role, size, bytes(sha), bytes(sig))
        (crc,) = struct.unpack_from("<I", raw, pos)
        if crc != zlib.crc32(raw[:pos]):
            return None
        return seq, entries
    except (struct.error, IndexError, UnicodeDecodeError):
        return None


class BootStore:
    """Reads and appends boot records in the spec's two boot sectors."""

    def __init__(self, flash: Flash, spec: DeviceSpec):
        self.flash = flash
        self.spec = spec
        size = _HEAD.size + 4 + len(spec.slots) * _ENTRY_MAX
        page = spec.page_size
        self.record_size = (size + page - 1) // page * page
        self.per_sector = min(flash.sector_span(flash.sector_index(o))[1]
                              for o in spec.boot_sectors) // self.record_size
        if self.per_sector < 1:
            raise ValueError("a boot record does not fit a sector")
        self.seq = 0
        self.where: tuple[int, int] | None = None  # (sector index 0/1, position) of newest

    def _offset(self, sector: int, pos: int) -> int:
        return self.spec.boot_sectors[sector] + pos * self.record_size

    def load(self) -> dict[int, Entry]:
        """The entries of the newest valid record (empty on a blank device)."""
        best: tuple[int, dict[int, Entry]] | None = None
        self.where = None
        for sector in (0, 1):
            for pos in range(self.per_sector):
                off = self._offset(sector, pos)
                if self.flash.is_erased(off, self.record_size):
                    continue
                rec = decode_record(self.flash.read(off, self.record_size), len(self.spec.slots))
                if rec and (best is None or rec[0] > best[0]):
                    best = rec
                    self.where = (sector, pos)
        self.seq = best[0] if best else 0
        return dict(best[1]) if best else {}

    def write(self, entries: dict[int, Entry]) -> None:
        """Append a record with the next sequence number (this is the commit point)."""
        raw = encode_record(self.seq + 1, entries)
        sector, start = (0, 0) if self.where is None else (self.where[0], self.where[1] + 1)
        target = None
        for pos in range(start, self.per_sector):
            if self.flash.is_erased(self._offset(sector, pos), self.record_size):
                target = (sector, pos)
                break
        if target is None:  # this sector is full: start over in the other one
            sector = 1 - sector if self.where is not None else sector
            self.flash.erase_sector(self.flash.sector_index(self.spec.boot_sectors[sector]))
            target = (sector, 0)
        self.flash.program(self._offset(*target), raw)
        self.seq += 1
        self.where = target
