"""What the device agent needs to know about a board, taken from its profile.

`boards/<name>.toml` is the source of truth: flash size and erase sectors, the app
slots, RAM and heap budget, the serial rates, the pins. `device_spec(profile)` turns a
profile into a `DeviceSpec`, adding the agent's own choices: the boot-record sectors
(the first two erase sectors after the last app slot, else the last two before the
first slot), a 256-byte program page, the frame size, the window and the default
instruction budget. A board is named by its file name or an alias (`pico` for
`rpi-pico`), which `boards.load_board` resolves.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

PROTOCOL_VERSION = 3  # 3: APPS entries say why an app stopped
FIRMWARE_VERSION = "0.2.0"
PAGE_SIZE = 256  # the program page of the NOR parts on these boards; boot records use it
STANDARD_RATES = (9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600, 1000000,
                  1500000, 2000000, 3000000)


@dataclass(frozen=True)
class SlotSpec:
    """One region of flash that holds at most one image (on erase-sector boundaries)."""

    offset: int
    size: int
    name: str = ""


@dataclass(frozen=True)
class DeviceSpec:
    """A board as the agent sees it."""

    board: str
    flash_size: int
    sectors: tuple[tuple[int, int], ...]  # runs of (sector size, count) covering the flash
    page_size: int
    boot_sectors: tuple[int, int]  # flash offsets of the two boot-record sectors
    slots: tuple[SlotSpec, ...]
    ram: int
    baud: int  # the rate the device listens at after reset
    baud_rates: tuple[int, ...]
    heap_budget: int = 0  # bytes the JavaScript heaps may use together (0: unlimited)
    isa_version: int = 1
    max_payload: int = 1024  # largest frame payload the device accepts
    window: int = 8  # frames in flight the device's receiver can buffer
    step_budget: int = 200_000  # steps per activation when the manifest does not say
    pins: tuple[tuple[int, tuple[str, ...]], ...] = ()  # (gpio, functions)
    profile: object = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        starts = self.sector_starts()
        if starts[-1] != self.flash_size:
            raise ValueError("the sector runs do not cover the flash")
        edges = set(starts)
        regions = [(o, self.sector_at(o)[1]) for o in self.boot_sectors]
        regions += [(s.offset, s.size) for s in self.slots]
        for off, size in regions:
            if size <= 0 or off not in edges or off + size not in edges:
                raise ValueError(f"region at {off:#x} is not on erase-sector boundaries")
        regions.sort()
        for (a, sa), (b, _) in zip(regions, regions[1:], strict=False):
            if a + sa > b:
                raise ValueError(f"regions at {a:#x} and {b:#x} overlap")

    def sector_starts(self) -> list[int]:
        """Offsets of every erase sector, then the end of flash."""
        out, pos = [], 0
        for size, count in self.sectors:
            for _ in range(count):
                out.append(pos)
                pos += size
        out.append(pos)
        return out

    def sector_at(self, offset: int) -> tuple[int, int]:
        """(start, size) of the erase sector holding ``offset``."""
        starts = self.sector_starts()
        i = bisect_right(starts, offset) - 1
        if not 0 <= i < len(starts) - 1:
            raise ValueError(f"offset {offset:#x} is outside flash")
        return starts[i], starts[i + 1] - starts[i]

    @property
    def sector_size(self) -> int:
        """The erase unit where it is uniform (the largest one otherwise)."""
        return max(size for size, _ in self.sectors)

    def pin_functions(self, gpio: int) -> tuple[str, ...] | None:
        for number, functions in self.pins:
            if number == gpio:
                return functions
        return None


def _boot_sectors(flash) -> tuple[int, int]:
    starts = flash.sector_starts()
    last_end = max(s.end for s in flash.slots)
    after = [s for s in starts[:-1] if s >= last_end]
    if len(after) >= 2:
        return after[0], after[1]
    first = min(s.offset for s in flash.slots)
    before = [s for s in starts[:-1] if s < first]
    if len(before) >= 2 and before[-2] >= 0:
        return before[-2], before[-1]
    raise ValueError("the board leaves no two erase sectors for the boot record")


def device_spec(profile, **overrides) -> DeviceSpec:
    """The agent's view of a board profile (`boards.BoardProfile`)."""
    from compiler.bytecode.isa import ISA_VERSION

    flash = profile.flash
    rates = tuple(r for r in STANDARD_RATES if r <= profile.serial.max_baud)
    if profile.serial.default_baud not in rates:
        rates = tuple(sorted({*rates, profile.serial.default_baud}))
    values = dict(
        board=profile.name, flash_size=flash.size,
        sectors=tuple((run.size, run.count) for run in flash.sectors), page_size=PAGE_SIZE,
        boot_sectors=_boot_sectors(flash),
        slots=tuple(SlotSpec(s.offset, s.size, s.name) for s in flash.slots),
        ram=profile.memory.ram, baud=profile.serial.default_baud, baud_rates=rates,
        heap_budget=profile.memory.heap_budget, isa_version=ISA_VERSION,
        pins=tuple((p.gpio, p.functions) for p in profile.pins), profile=profile)
    values.update(overrides)
    return DeviceSpec(**values)


def spec_for(name: str, **overrides) -> DeviceSpec:
    """The spec of a shipped board, by name or alias."""
    from boards import BoardError, load_board

    try:
        profile = load_board(name)
    except BoardError as e:
        raise ValueError(str(e)) from None
    return device_spec(profile, **overrides)
