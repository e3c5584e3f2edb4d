"""Board profiles: one TOML file per board, loaded into a validated, frozen profile.

A board file states real figures of a real board (each file cites its sources) plus the
budgets caplet gives an app on it (app slots, JavaScript heap, stack) and the cost model
used to estimate RAM. Loading checks every field; a problem is reported as a
``BoardError`` naming the file, the field and what is wrong, so a typo in a board file
never turns into a wrong flash offset at run time.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

# A string, not a pathlib.Path: importing pathlib (with re, enum, urllib) costs more
# start-up than everything else `caplet run app.caplet` needs from this package.
BOARDS_DIR = os.path.dirname(os.path.realpath(__file__))
ENDIANNESS = ("little", "big")
WORD_SIZES = (2, 4, 8)
PIN_FUNCTIONS = frozenset({"digital", "input", "adc", "dac", "pwm", "touch", "i2c", "spi",
                           "uart", "led", "button"})
MAX_BAUD_LIMIT = 20_000_000


class BoardError(ValueError):
    """A board file that cannot be used: the message names the file, field and problem."""


class _Frozen:
    """Immutable plain data as a frozen dataclass gives it (equal and hashed by fields,
    ``replace``), without importing `dataclasses`: `caplet run` loads a profile, and
    that import and making each class cost milliseconds of start-up. A record lists its
    fields in ``__slots__``; every field is required, by position or keyword."""

    __slots__ = ()

    def __init__(self, *args, **kwargs) -> None:
        names = self.__slots__
        if len(args) > len(names):
            raise TypeError(f"{type(self).__name__} takes {len(names)} fields")
        values = dict(zip(names, args, strict=False))
        for name, value in kwargs.items():
            if name not in names or name in values:
                raise TypeError(f"{type(self).__name__}: unexpected or repeated {name!r}")
            values[name] = value
        missing = [name for name in names if name not in values]
        if missing:
            raise TypeError(f"{type(self).__name__}: missing {', '.join(missing)}")
        for name in names:
            object.__setattr__(self, name, values[name])

    def _key(self) -> tuple:
        return tuple([getattr(self, f) for f in self.__slots__])

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        fields = ", ".join(f"{f}={getattr(self, f)!r}" for f in self.__slots__)
        return f"{type(self).__name__}({fields})"

    def __setattr__(self, name: str, value) -> None:
        raise AttributeError(f"cannot assign to field {name!r} of a frozen "
                             f"{type(self).__name__}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r} of a frozen "
                             f"{type(self).__name__}")

    def __reduce__(self):  # pickled and copied through the constructor
        return type(self), self._key()

    def replace(self, **changes) -> _Frozen:
        """A copy with some fields changed (as ``dataclasses.replace``)."""
        return type(self)(**{**{f: getattr(self, f) for f in self.__slots__}, **changes})


class SectorRun(_Frozen):
    """``count`` consecutive erase sectors of ``size`` bytes."""

    __slots__ = ("size", "count")


class Slot(_Frozen):
    """A region of flash that holds one app image (written whole, then made active)."""

    __slots__ = ("name", "offset", "size")

    @property
    def end(self) -> int:
        return self.offset + self.size


class Flash(_Frozen):
    """Flash geometry: offsets are from the start of flash (``base`` is its address)."""

    # firmware_size: bytes from offset 0 that hold the bootloader and the caplet runtime
    __slots__ = ("size", "base", "sectors", "firmware_size", "slots")

    @property
    def erase_sector_size(self) -> int:
        """The largest erase unit (the only one on flash with uniform sectors)."""
        return max(run.size for run in self.sectors)

    @property
    def uniform(self) -> bool:
        return len({run.size for run in self.sectors}) == 1

    def sector_starts(self) -> list[int]:
        """Offsets of every erase sector, in order, and the end of flash last."""
        starts, pos = [], 0
        for run in self.sectors:
            for _ in range(run.count):
                starts.append(pos)
                pos += run.size
        starts.append(pos)
        return starts

    def sector_at(self, offset: int) -> tuple[int, int]:
        """``(start, size)`` of the erase sector holding ``offset``."""
        if not 0 <= offset < self.size:
            raise ValueError(f"offset {offset:#x} is outside flash ({self.size:#x} bytes)")
        pos = 0
        for run in self.sectors:
            span = run.size * run.count
            if offset < pos + span:
                start = pos + (offset - pos) // run.size * run.size
                return start, run.size
            pos += span
        raise AssertionError("sector runs cover the flash")  # validated on load

    def slot(self, name: str) -> Slot:
        for slot in self.slots:
            if slot.name == name:
                return slot
        raise KeyError(name)

    @property
    def largest_slot(self) -> int:
        return max(slot.size for slot in self.slots)


class Memory(_Frozen):
    # heap_budget: bytes of RAM the JavaScript heaps may use together
    # stack_budget: bytes of native stack the interpreter may use
    __slots__ = ("ram", "heap_budget", "stack_budget")


class Serial(_Frozen):
    __slots__ = ("default_baud", "max_baud")


class CostModel(_Frozen):
    """Bytes of device RAM per allocation, for this board's word size."""

    __slots__ = ("object_header", "property_slot", "string", "string_byte", "closure",
                 "environment", "code_byte")


class Pin(_Frozen):
    __slots__ = ("name", "gpio", "functions")


class Device(_Frozen):
    """An on-board LED or button wired to a pin."""

    __slots__ = ("name", "pin", "active_low")


class BoardProfile(_Frozen):
    # peripherals: (name, count) pairs; pins, leds, buttons: tuples of Pin and Device
    __slots__ = ("name", "title", "mcu", "cpu", "arch", "endianness", "word_size", "clock_hz",
                 "flash", "memory", "serial", "cost", "peripherals", "pins", "leds",
                 "buttons", "sources", "path")

    def pin(self, gpio: int) -> Pin:
        for pin in self.pins:
            if pin.gpio == gpio:
                return pin
        raise KeyError(gpio)


# --------------------------------------------------------------------- validation


class _Fields:
    """Reads one TOML table, remembering which keys were used so leftovers are errors."""

    def __init__(self, path: str, table: dict, where: str):
        self.path, self.table, self.where = path, table, where
        self.used: set[str] = set()

    def error(self, key: str | None, problem: str) -> BoardError:
        field = self.where if key is None else (f"{self.where}.{key}" if self.where else key)
        return BoardError(f"{self.path}: {field or '(top level)'}: {problem}")

    def _get(self, key: str, optional: bool):
        self.used.add(key)
        if key not in self.table:
            if optional:
                return None
            raise self.error(key, "missing")
        return self.table[key]

    def int(self, key: str, low: int = 0, high: int | None = None,
            optional: bool = False) -> int | None:
        value = self._get(key, optional)
        if value is None:
            return None
        if type(value) is not int:
            raise self.error(key, f"must be an integer, not {_kind(value)}")
        if value < low or (high is not None and value > high):
            bound = f"at least {low}" if high is None else f"between {low} and {high}"
            raise self.error(key, f"must be {bound}, not {value}")
        return value

    def str(self, key: str, choices: tuple[str, ...] | None = None) -> str:
        value = self._get(key, False)
        if not isinstance(value, str):
            raise self.error(key, f"must be a string, not {_kind(value)}")
        if not value.strip():
            raise self.error(key, "must not be empty")
        if choices is not None and value not in choices:
            raise self.error(key, f"must be one of {', '.join(choices)}, not {value!r}")
        return value

    def bool(self, key: str, default: bool) -> bool:
        value = self._get(key, True)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.error(key, f"must be true or false, not {_kind(value)}")
        return value

    def table_(self, key: str) -> _Fields:
        value = self._get(key, False)
        if not isinstance(value, dict):
            raise self.error(key, f"must be a table, not {_kind(value)}")
        return _Fields(self.path, value, f"{self.where}.{key}" if self.where else key)

    def tables(self, key: str, optional: bool = False) -> list[_Fields]:
        value = self._get(key, optional)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.error(key, "must be an array of tables ([[...]])")
        name = f"{self.where}.{key}" if self.where else key
        return [_Fields(self.path, v, f"{name}[{i}]") for i, v in enumerate(value)]

    def strs(self, key: str, vocabulary: frozenset[str] | None = None) -> tuple[str, ...]:
        value = self._get(key, False)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(key, "must be an array of strings")
        if vocabulary is not None:
            for v in value:
                if v not in vocabulary:
                    raise self.error(key, f"unknown value {v!r} (known: "
                                     f"{', '.join(sorted(vocabulary))})")
        return tuple(value)

    def done(self) -> None:
        extra = sorted(set(self.table) - self.used)
        if extra:
            raise self.error(extra[0], "unknown field")


def _kind(value) -> str:
    return {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
            list: "an array", dict: "a table"}.get(type(value), type(value).__name__)


def _flash(f: _Fields) -> Flash:
    size = f.int("size", 1)
    base = f.int("base", 0)
    if "sector_size" in f.table and "sectors" in f.table:
        raise f.error("sectors", "give either sector_size or sectors, not both")
    if "sectors" in f.table:
        runs = []
        for t in f.tables("sectors"):
            runs.append(SectorRun(t.int("size", 1), t.int("count", 1)))
            t.done()
        if not runs:
            raise f.error("sectors", "must list at least one run of sectors")
        if sum(r.size * r.count for r in runs) != size:
            raise f.error("sectors", f"cover {sum(r.size * r.count for r in runs)} bytes, "
                          f"but the flash has {size}")
    else:
        sector = f.int("sector_size", 1)
        if size % sector:
            raise f.error("sector_size", f"{sector} does not divide the flash size {size}")
        runs = [SectorRun(sector, size // sector)]
    for run in runs:
        if run.size & (run.size - 1):
            raise f.error("sectors" if len(runs) > 1 else "sector_size",
                          f"an erase sector of {run.size} bytes is not a power of two")
    firmware = f.int("firmware_size", 0, size)
    slots = []
    for t in f.tables("slots"):
        slots.append(Slot(t.str("name"), t.int("offset", 0), t.int("size", 1)))
        t.done()
    f.done()
    flash = Flash(size, base, tuple(runs), firmware, tuple(slots))
    _check_slots(f, flash)
    return flash


def _check_slots(f: _Fields, flash: Flash) -> None:
    starts = set(flash.sector_starts())
    if flash.firmware_size not in starts:
        raise f.error("firmware_size", f"{flash.firmware_size:#x} is not on an erase-sector "
                      "boundary")
    if len(flash.slots) < 2:
        raise f.error("slots", f"needs at least two app slots (one active, one to write the "
                      f"next image into), has {len(flash.slots)}")
    names = set()
    for i, slot in enumerate(flash.slots):
        where = f"slots[{i}]"
        if slot.name in names:
            raise f.error(where, f"slot name {slot.name!r} is used twice")
        names.add(slot.name)
        if slot.end > flash.size:
            raise f.error(where, f"slot {slot.name!r} ends at {slot.end:#x}, past the end of "
                          f"flash ({flash.size:#x})")
        if slot.offset < flash.firmware_size:
            raise f.error(where, f"slot {slot.name!r} starts at {slot.offset:#x}, inside the "
                          f"firmware (which ends at {flash.firmware_size:#x})")
        if slot.offset not in starts or slot.end not in starts:
            raise f.error(where, f"slot {slot.name!r} ({slot.offset:#x}..{slot.end:#x}) does "
                          "not start and end on erase-sector boundaries")
    ordered = sorted(flash.slots, key=lambda s: s.offset)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if b.offset < a.end:
            raise f.error("slots", f"slots {a.name!r} and {b.name!r} overlap")


def _devices(f: _Fields, key: str, gpios: set[int]) -> tuple[Device, ...]:
    out = []
    for t in f.tables(key, optional=True):
        device = Device(t.str("name"), t.int("pin", 0), t.bool("active_low", False))
        if device.pin not in gpios:
            raise t.error("pin", f"{device.pin} is not one of the board's [[pins]]")
        t.done()
        out.append(device)
    return tuple(out)


def _toml(text: str, path: str) -> dict:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise BoardError(f"{path}: not valid TOML: {e}") from None


def _path_text(path: Path | str) -> str:
    """``str(Path(path))``, importing pathlib only for a path not already in that form."""
    text = os.fspath(path)
    if type(path) is str and os.path.normpath(text) != text:
        from pathlib import Path

        text = str(Path(text))
    return text


def _stem(path: str) -> str:
    """``Path(path).stem``: the file name without its last suffix."""
    name = os.path.basename(path)
    i = name.rfind(".")
    return name[:i] if 0 < i < len(name) - 1 else name


def parse_board(text: str, path: Path | str, data: dict | None = None) -> BoardProfile:
    """Validate the TOML ``text`` of the board file ``path`` into a profile (``data``:
    that text already parsed)."""
    path = _path_text(path)
    top = _Fields(path, _toml(text, path) if data is None else data, "")
    name = top.str("name")
    stem = _stem(path)
    if name != stem:
        raise top.error("name", f"{name!r} must match the file name {stem!r}")
    title, mcu, cpu, arch = top.str("title"), top.str("mcu"), top.str("cpu"), top.str("arch")
    endianness = top.str("endianness", ENDIANNESS)
    word_size = top.int("word_size", 1)
    if word_size not in WORD_SIZES:
        raise top.error("word_size", f"must be one of {WORD_SIZES} bytes, not {word_size}")
    clock = top.int("clock_hz", 1)
    sources = top.strs("sources")
    if not sources:
        raise top.error("sources", "must cite at least one source for the figures")
    flash = _flash(top.table_("flash"))

    m = top.table_("memory")
    memory = Memory(m.int("ram", 1), m.int("heap_budget", 1), m.int("stack_budget", 1))
    if memory.heap_budget + memory.stack_budget > memory.ram:
        raise m.error("heap_budget", f"heap ({memory.heap_budget}) and stack "
                      f"({memory.stack_budget}) budgets exceed the RAM ({memory.ram})")
    m.done()

    s = top.table_("serial")
    serial = Serial(s.int("default_baud", 300, MAX_BAUD_LIMIT),
                    s.int("max_baud", 300, MAX_BAUD_LIMIT))
    if serial.default_baud > serial.max_baud:
        raise s.error("default_baud", f"{serial.default_baud} is above max_baud "
                      f"{serial.max_baud}")
    s.done()

    c = top.table_("cost")
    cost = CostModel(*(c.int(k, 0) for k in ("object_header", "property_slot", "string",
                                             "string_byte", "closure", "environment",
                                             "code_byte")))
    for key in ("object_header", "property_slot", "closure", "environment"):
        value = getattr(cost, key)
        if value < word_size or value % word_size:
            raise c.error(key, f"{value} bytes is not a whole number of {word_size}-byte words")
    c.done()

    p = top.table_("peripherals")
    peripherals = tuple((key, p.int(key, 0)) for key in sorted(p.table))
    p.done()

    pins = []
    for t in top.tables("pins"):
        pins.append(Pin(t.str("name"), t.int("gpio", 0), t.strs("functions", PIN_FUNCTIONS)))
        t.done()
    seen: set[int] = set()
    for i, pin in enumerate(pins):
        if pin.gpio in seen:
            raise BoardError(f"{path}: pins[{i}].gpio: {pin.gpio} is listed twice")
        seen.add(pin.gpio)
    leds = _devices(top, "leds", seen)
    buttons = _devices(top, "buttons", seen)
    top.done()
    return BoardProfile(name, title, mcu, cpu, arch, endianness, word_size, clock, flash,
                        memory, serial, cost, peripherals, tuple(pins), leds, buttons,
                        sources, path)


def load_board_file(path: Path | str, cached: bool = False) -> BoardProfile:
    """The profile in the board file ``path``; ``cached``: its parsed TOML may come from
    (and go to) the package's ``__pycache__``, as Python's own bytecode does."""
    path = _path_text(path)
    try:
        with open(path, "rb") as f:
            raw = f.read()
        text = raw.decode("utf-8")
    except OSError as e:
        raise BoardError(f"{path}: cannot read: {e.strerror}") from None
    except UnicodeDecodeError as e:
        raise BoardError(f"{path}: not UTF-8 text ({e.reason} at byte {e.start})") from None
    if not cached:
        return parse_board(text, path)
    return parse_board(text, path, _cached_toml(raw, text, path))


def _cached_toml(raw: bytes, text: str, path: str) -> dict:
    """The parsed TOML of a shipped board file, kept as marshal data beside the package's
    bytecode: `caplet run app.caplet` then need not import tomllib (start-up matters).
    The cache is named after the file's CRC-32 and length, so an edit makes a new one;
    the profile is validated from it exactly as from the TOML."""
    import binascii
    import marshal

    key = f"{binascii.crc32(raw):08x}{len(raw):x}"
    folder = os.path.join(BOARDS_DIR, "__pycache__")
    cache = os.path.join(folder, f"{_stem(path)}.{key}.marshal")
    try:
        with open(cache, "rb") as f:
            data = marshal.loads(f.read())
        if type(data) is dict:
            return data
    except (OSError, ValueError, EOFError, TypeError):
        pass
    data = _toml(text, path)
    if not sys.dont_write_bytecode:
        try:
            os.makedirs(folder, exist_ok=True)
            part = f"{cache}.{os.getpid()}"
            with open(part, "wb") as f:
                f.write(marshal.dumps(data))
            os.replace(part, cache)  # whole or not at all, for a reader running alongside
        except (OSError, ValueError):
            pass  # a read-only install: parse each time
    return data


def board_names() -> list[str]:
    """The names of the board files shipped with caplet, sorted."""
    return sorted(_stem(n) for n in os.listdir(BOARDS_DIR) if n.endswith(".toml"))


_cache: dict[str, BoardProfile] = {}


def is_board(name: str) -> bool:
    """Whether caplet ships a board of this name (without listing them all)."""
    return name.isprintable() and "/" not in name and "\\" not in name and \
        not name.startswith(".") and os.path.isfile(os.path.join(BOARDS_DIR, f"{name}.toml"))


def resolve_board_name(name: str) -> str:
    """A shipped board's file name from its name or a short alias (`pico`, `esp32`):
    a whole dash-separated part of one name, else a unique prefix."""
    if is_board(name):  # the usual case: no directory listing
        return name
    names = board_names()
    hits = [b for b in names if name in b.split("-")] or \
        [b for b in names if b.startswith(name)]
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise BoardError(f"board {name!r} is ambiguous: {', '.join(hits)}")
    raise BoardError(f"unknown board {name!r} (known: {', '.join(names)})")


def load_board(name: str) -> BoardProfile:
    """The profile of a shipped board by name or alias (``caplet boards`` lists them)."""
    if name not in _cache:
        file = os.path.join(BOARDS_DIR, f"{resolve_board_name(name)}.toml")
        _cache[name] = load_board_file(file, cached=True)
    return _cache[name]
