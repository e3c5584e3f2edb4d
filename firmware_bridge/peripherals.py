"""Simulated hardware behind the device I/O classes, scripted by a scenario.

A scenario (TOML, or JSON by suffix; `caplet sim --scenario FILE`) says what the world
outside the chip does::

    [[digital]]              # pin 2 goes high 100 ms after an app opens it as an input
    pin = 2
    at_ms = 100
    value = 1

    [[i2c]]                  # a temperature sensor at 0x48 on bus 0
    address = 0x48
    registers = { "0" = [0x19, 0x80] }

    [[serial]]               # bytes arriving on UART 1, 50 ms after it is opened
    port = 1
    at_ms = 50
    data = "hello\\n"

Times count from the moment an app opens the peripheral (constructs the `Digital`
input or the `Serial` port), so a scenario means the same whenever the app was flashed.
An I2C device answers a write by storing the bytes after the first into the register
the first names (and pointing at it); a read returns the bytes of the register pointed
at, padded with 0xFF. Outputs are recorded (`digital_writes`, `serial_out`).
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path


class ScenarioError(ValueError):
    """A scenario file that cannot be used."""


@dataclass
class I2CDevice:
    address: int
    bus: int = 0
    registers: dict[int, bytes] = field(default_factory=dict)
    pointer: int = 0
    writes: list[bytes] = field(default_factory=list)

    def write(self, data: bytes) -> None:
        self.writes.append(data)
        if data:
            self.pointer = data[0]
            if len(data) > 1:
                self.registers[self.pointer] = bytes(data[1:])

    def read(self, count: int) -> bytes:
        value = self.registers.get(self.pointer, b"")
        return (value + b"\xff" * count)[:count]


@dataclass
class Scenario:
    digital: dict[int, list[tuple[float, int]]] = field(default_factory=dict)  # pin -> events
    i2c: dict[tuple[int, int], I2CDevice] = field(default_factory=dict)  # (bus, addr) -> dev
    serial: dict[int, list[tuple[float, bytes]]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path) -> Scenario:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
            data = json.loads(text) if path.suffix == ".json" else tomllib.loads(text)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError,
                tomllib.TOMLDecodeError) as e:
            raise ScenarioError(f"cannot use scenario {path}: {e}") from None
        return cls.parse(data, str(path))

    @classmethod
    def parse(cls, data: dict, where: str = "<scenario>") -> Scenario:
        out = cls()
        if not isinstance(data, dict):
            raise ScenarioError(f"{where}: must hold a table")
        for key in data:
            if key not in ("digital", "i2c", "serial"):
                raise ScenarioError(f"{where}: {key}: unknown section "
                                    "(known: digital, i2c, serial)")
        for i, e in enumerate(_tables(data, "digital", where)):
            at = f"{where}: digital[{i}]"
            _keys(e, {"pin", "at_ms", "value"}, at)
            pin, value = _int(e, "pin", at, 0, 1 << 16), _int(e, "value", at, 0, 1)
            out.digital.setdefault(pin, []).append((_ms(e, at), value))
        for i, e in enumerate(_tables(data, "i2c", where)):
            at = f"{where}: i2c[{i}]"
            _keys(e, {"address", "bus", "registers"}, at)
            dev = I2CDevice(_int(e, "address", at, 0, 0x7F), _int(e, "bus", at, 0, 15, 0))
            regs = e.get("registers", {})
            if not isinstance(regs, dict):
                raise ScenarioError(f"{at}.registers: must be a table")
            for reg, value in regs.items():
                try:
                    number = int(reg, 0)
                except ValueError:
                    raise ScenarioError(f"{at}.registers: {reg!r} is not a number") from None
                dev.registers[number] = _bytes(value, f"{at}.registers.{reg}")
            out.i2c[(dev.bus, dev.address)] = dev
        for i, e in enumerate(_tables(data, "serial", where)):
            at = f"{where}: serial[{i}]"
            _keys(e, {"port", "at_ms", "data"}, at)
            out.serial.setdefault(_int(e, "port", at, 0, 15, 0), []).append(
                (_ms(e, at), _bytes(e.get("data", ""), f"{at}.data")))
        for events in (*out.digital.values(), *out.serial.values()):
            events.sort(key=lambda ev: ev[0])
        return out


def _tables(data: dict, key: str, where: str) -> list[dict]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ScenarioError(f"{where}: {key}: must be an array of tables ([[{key}]])")
    return value


def _keys(table: dict, known: set[str], at: str) -> None:
    for key in table:
        if key not in known:
            raise ScenarioError(f"{at}.{key}: unknown field (known: {', '.join(sorted(known))})")


def _int(table: dict, key: str, at: str, low: int, high: int, default: int | None = None) -> int:
    value = table.get(key, default)
    if type(value) is not int or not low <= value <= high:
        raise ScenarioError(f"{at}.{key}: must be an integer from {low} to {high}")
    return value


def _ms(table: dict, at: str) -> float:
    value = table.get("at_ms", 0)
    if type(value) not in (int, float) or not 0 <= value <= 86_400_000:
        raise ScenarioError(f"{at}.at_ms: must be a time in milliseconds")
    return float(value)


def _bytes(value, at: str) -> bytes:
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, list) and all(type(b) is int and 0 <= b <= 255 for b in value):
        return bytes(value)
    raise ScenarioError(f"{at}: must be a string or a list of bytes (0-255)")


class Hardware:
    """The simulated board's pins and buses: levels, owners, devices, recorded outputs."""

    def __init__(self, spec, scenario: Scenario | None = None):
        self.spec = spec
        self.scenario = scenario or Scenario()
        self.levels: dict[int, int] = {}
        self.owners: dict[tuple[str, int], str] = {}  # (kind, number) -> app holding it
        self.digital_writes: list[tuple[str, int, int]] = []  # (app, pin, value)
        self.serial_out: dict[int, bytearray] = {}

    def claim(self, kind: str, number: int, app: str) -> str | None:
        """Take a pin or port for an app; the holder's name if someone has it."""
        holder = self.owners.get((kind, number))
        if holder is not None:
            return holder
        self.owners[(kind, number)] = app
        return None

    def release(self, kind: str, number: int) -> None:
        self.owners.pop((kind, number), None)

    def release_app(self, app: str) -> None:
        self.owners = {k: v for k, v in self.owners.items() if v != app}

    def i2c_device(self, bus: int, address: int) -> I2CDevice | None:
        return self.scenario.i2c.get((bus, address))
