"""NOR flash as numpy arrays: erase sets a whole sector to 0xFF, programming can only
clear bits, and every erase counts against the sector's wear.

With a state directory the arrays are memory-mapped `.npy` files (flash.npy, wear.npy),
so whatever a write had reached when the process died is what the next boot finds --
the same torn state a power cut leaves. `cut_after` simulates that cut in-process:
the N-th erase or program from now stops part-way and raises PowerCut.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from pathlib import Path

import numpy as np


class FlashError(Exception):
    """A programming rule was broken (a bug in the agent, never a wire condition)."""


class PowerCut(Exception):
    """The simulated power failed in the middle of a flash operation."""


class Flash:
    """`size` bytes of erase sectors; optionally backed by files in `state`.

    ``sectors`` is one sector size (uniform flash) or runs of ``(size, count)`` (the
    STM32F4 has 16, 64 and 128 KiB sectors)."""

    def __init__(self, size: int, sectors, state: str | Path | None = None):
        runs = [(sectors, size // sectors)] if isinstance(sectors, int) else list(sectors)
        self.starts = []
        pos = 0
        for run_size, count in runs:
            for _ in range(count):
                self.starts.append(pos)
                pos += run_size
        if pos != size:
            raise ValueError("flash size is not a whole number of sectors")
        self.starts.append(size)
        self.size = size
        self.sectors = len(self.starts) - 1
        self.cut_after: int | None = None
        self.cut_rng = random.Random(0)
        self.ops = 0
        if state is None:
            self.data = np.full(size, 0xFF, dtype=np.uint8)
            self.wear = np.zeros(self.sectors, dtype=np.uint32)
        else:
            self.data = self._open(Path(state) / "flash.npy", np.uint8, size, 0xFF)
            self.wear = self._open(Path(state) / "wear.npy", np.uint32, self.sectors, 0)

    @classmethod
    def for_spec(cls, spec, state: str | Path | None = None) -> Flash:
        return cls(spec.flash_size, spec.sectors, state)

    def sector_index(self, offset: int) -> int:
        """The index of the sector holding ``offset``."""
        self._check(offset, 1)
        return bisect_right(self.starts, offset) - 1

    def sector_span(self, index: int) -> tuple[int, int]:
        """(start, size) of sector ``index``."""
        return self.starts[index], self.starts[index + 1] - self.starts[index]

    @staticmethod
    def _open(path: Path, dtype, n: int, fill: int):
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            arr = np.load(path, mmap_mode="r+")
            if arr.dtype != dtype or arr.shape != (n,):
                raise ValueError(f"{path} does not match this board's flash geometry")
            return arr
        arr = np.lib.format.open_memmap(path, mode="w+", dtype=dtype, shape=(n,))
        arr[:] = fill
        arr.flush()
        return arr

    def _tick(self) -> bool:
        """Count one operation; True if the power fails during it."""
        self.ops += 1
        if self.cut_after is None:
            return False
        self.cut_after -= 1
        return self.cut_after < 0

    def read(self, offset: int, length: int) -> bytes:
        self._check(offset, length)
        return self.data[offset:offset + length].tobytes()

    def erase_sector(self, index: int) -> None:
        if not 0 <= index < self.sectors:
            raise FlashError(f"no sector {index}")
        start, size = self.sector_span(index)
        if self._tick():  # an interrupted erase leaves some bytes erased, some not
            cut = self.cut_rng.randrange(size)
            self.data[start:start + cut] = 0xFF
            raise PowerCut(f"during erase of sector {index}")
        self.data[start:start + size] = 0xFF
        self.wear[index] += 1

    def erase(self, offset: int, length: int) -> None:
        """Erase every sector that [offset, offset+length) touches."""
        self._check(offset, length)
        first = self.sector_index(offset)
        last = self.sector_index(offset + length - 1)
        for s in range(first, last + 1):
            self.erase_sector(s)

    def program(self, offset: int, data: bytes) -> None:
        """Write bytes over erased (or compatible) flash: each bit can only go 1 -> 0."""
        self._check(offset, len(data))
        new = np.frombuffer(data, dtype=np.uint8)
        old = self.data[offset:offset + len(new)]
        if np.any(new & ~old):
            bad = int(np.flatnonzero(new & ~old)[0])
            raise FlashError(f"programming {offset + bad:#x} would set bits "
                             f"({int(old[bad]):#04x} -> {int(new[bad]):#04x}); erase first")
        if self._tick():
            cut = self.cut_rng.randrange(len(new) + 1)
            old[:cut] &= new[:cut]
            raise PowerCut(f"during program at {offset:#x}")
        old &= new

    def is_erased(self, offset: int, length: int) -> bool:
        self._check(offset, length)
        return bool(np.all(self.data[offset:offset + length] == 0xFF))

    def _check(self, offset: int, length: int) -> None:
        if offset < 0 or length < 0 or offset + length > self.size:
            raise FlashError(f"range {offset:#x}+{length} is outside the flash")

    def flush(self) -> None:
        for arr in (self.data, self.wear):
            if isinstance(arr, np.memmap):
                arr.flush()
