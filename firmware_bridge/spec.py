"""What the device agent needs to know about a board: flash geometry, slots, RAM, baud.

The board profiles (`boards/*.toml`) are the source of truth; until they are wired in,
`PICO` models the Raspberry Pi Pico (RP2040, 2 MiB QSPI flash, 4 KiB sectors, 264 KiB
SRAM). The first MiB of flash is left to the firmware; the agent owns the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PROTOCOL_VERSION = 1
FIRMWARE_VERSION = "0.1.0"


@dataclass(frozen=True)
class SlotSpec:
    """One region of flash that holds at most one image (sector aligned)."""

    offset: int
    size: int


@dataclass(frozen=True)
class DeviceSpec:
    """A board as the agent sees it; built from a board profile by the integrator."""

    board: str
    flash_size: int
    sector_size: int
    page_size: int
    boot_sectors: tuple[int, int]  # flash offsets of the two boot-record sectors
    slots: tuple[SlotSpec, ...]
    ram: int
    baud: int  # the rate the device listens at after reset
    baud_rates: tuple[int, ...]
    isa_version: int = 1
    max_payload: int = 1024  # largest frame payload the device accepts
    window: int = 8  # frames in flight the device's receiver can buffer
    step_budget: int = 200_000  # steps (jumps and calls) per activation: script, timer, eval
    extra: dict = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if self.flash_size % self.sector_size:
            raise ValueError("flash size is not a whole number of sectors")
        regions = [(o, self.sector_size) for o in self.boot_sectors]
        regions += [(s.offset, s.size) for s in self.slots]
        for off, size in regions:
            if off % self.sector_size or size % self.sector_size or size <= 0:
                raise ValueError(f"region at {off:#x} is not sector aligned")
            if off + size > self.flash_size:
                raise ValueError(f"region at {off:#x} runs past the end of flash")
        regions.sort()
        for (a, sa), (b, _) in zip(regions, regions[1:], strict=False):
            if a + sa > b:
                raise ValueError(f"regions at {a:#x} and {b:#x} overlap")


def _pico() -> DeviceSpec:
    sector = 4096
    base = 1 << 20  # firmware keeps the first MiB
    slot_size = 62 * sector  # 248 KiB
    first = base + 2 * sector
    return DeviceSpec(
        board="pico", flash_size=2 << 20, sector_size=sector, page_size=256,
        boot_sectors=(base, base + sector),
        slots=tuple(SlotSpec(first + i * slot_size, slot_size) for i in range(4)),
        ram=264 * 1024, baud=115200,
        baud_rates=(115200, 230400, 460800, 921600, 1000000, 2000000),
    )


PICO = _pico()
SPECS = {"pico": PICO}


def spec_for(board: str) -> DeviceSpec:
    """The spec of a known board (only `pico` until board profiles are wired in)."""
    try:
        return SPECS[board]
    except KeyError:
        raise ValueError(f"unknown board {board!r} (known: {', '.join(SPECS)})") from None
