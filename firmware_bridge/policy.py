"""The device's policy: which capabilities each app may be given, and how far they reach.

An app gets a device capability only when its manifest requests it *and* the policy
grants it. The policy is a TOML file (or JSON, by its `.json` suffix)::

    [defaults]                        # for every app that requests them
    Timer = true

    [apps.thermo]
    Digital = { pins = [2, 3] }       # board GPIO numbers
    I2C = { addresses = [0x48] }      # 7-bit addresses on the board's buses
    Serial = { ports = [1] }          # UART numbers
    Timer = true

`true` grants a capability without limits (every digital pin of the board, every
address, every port); `false` withholds one the defaults grant. A policy is checked
against the board when it is loaded: a pin that is not one of the board's digital pins,
an address past 0x7F or a UART the board lacks is an error naming the field. With no
policy file the device grants `Timer` only.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

CAPABILITIES = ("Digital", "I2C", "Serial", "Timer")
_LIMITS = {"Digital": "pins", "I2C": "addresses", "Serial": "ports"}
DEFAULT_TEXT = "[defaults]\nTimer = true\n"


class PolicyError(ValueError):
    """A policy file that cannot be used: names the file, the field and the problem."""


@dataclass(frozen=True)
class Grant:
    """One capability granted to an app; ``allowed`` None means without limits."""

    name: str
    allowed: frozenset[int] | None = None

    def permits(self, value: int) -> bool:
        return self.allowed is None or value in self.allowed


class Policy:
    """Grants per app (``grants_for``), checked against a device spec."""

    def __init__(self, data: dict, spec, where: str = "<policy>"):
        self.where = where
        self.spec = spec
        if not isinstance(data, dict):
            raise PolicyError(f"{where}: must hold a table")
        for key in data:
            if key not in ("defaults", "apps"):
                raise PolicyError(f"{where}: {key}: unknown section (known: defaults, apps)")
        self.defaults = self._section(data.get("defaults", {}), "defaults")
        apps = data.get("apps", {})
        if not isinstance(apps, dict):
            raise PolicyError(f"{where}: apps: must be a table of apps")
        self.apps = {name: self._section(table, f"apps.{name}") for name, table in apps.items()}

    @classmethod
    def load(cls, path: str | Path, spec) -> Policy:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise PolicyError(f"cannot read policy {path}: {e}") from None
        try:
            data = json.loads(text) if path.suffix == ".json" else tomllib.loads(text)
        except (json.JSONDecodeError, tomllib.TOMLDecodeError) as e:
            raise PolicyError(f"{path}: not valid {'JSON' if path.suffix == '.json' else 'TOML'}"
                              f": {e}") from None
        return cls(data, spec, str(path))

    @classmethod
    def default(cls, spec) -> Policy:
        return cls(tomllib.loads(DEFAULT_TEXT), spec, "<default policy>")

    def _section(self, table, where: str) -> dict[str, Grant | None]:
        if not isinstance(table, dict):
            raise PolicyError(f"{self.where}: {where}: must be a table")
        out: dict[str, Grant | None] = {}
        for name, value in table.items():
            field = f"{self.where}: {where}.{name}"
            if name not in CAPABILITIES:
                raise PolicyError(f"{field}: unknown capability (known: "
                                  f"{', '.join(CAPABILITIES)})")
            if value is True:
                out[name] = Grant(name)
            elif value is False:
                out[name] = None
            elif isinstance(value, dict) and name in _LIMITS:
                key = _LIMITS[name]
                if set(value) != {key}:
                    raise PolicyError(f"{field}: must be true, false or {{ {key} = [...] }}")
                items = value[key]
                if not isinstance(items, list) or not all(type(i) is int for i in items):
                    raise PolicyError(f"{field}.{key}: must be a list of integers")
                for item in items:
                    self._check(name, item, f"{field}.{key}")
                out[name] = Grant(name, frozenset(items))
            else:
                shape = "true or false" if name not in _LIMITS else \
                    f"true, false or {{ {_LIMITS[name]} = [...] }}"
                raise PolicyError(f"{field}: must be {shape}")
        return out

    def _check(self, name: str, value: int, field: str) -> None:
        spec = self.spec
        if name == "Digital":
            functions = spec.pin_functions(value)
            if functions is None or "digital" not in functions and "input" not in functions:
                raise PolicyError(f"{field}: {value} is not a digital pin of {spec.board}")
        elif name == "I2C" and not 0 <= value <= 0x7F:
            raise PolicyError(f"{field}: {value:#x} is not a 7-bit I2C address")
        elif name == "Serial":
            ports = dict(spec.profile.peripherals).get("uart", 0) if spec.profile else 1
            if not 0 <= value < ports:
                raise PolicyError(f"{field}: {spec.board} has no UART {value} "
                                  f"(it has {ports})")

    def grants_for(self, app: str) -> dict[str, Grant]:
        merged = {**self.defaults, **self.apps.get(app, {})}
        return {name: grant for name, grant in merged.items() if grant is not None}
