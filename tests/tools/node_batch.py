"""Node.js as the oracle for the VM's conversions, operators and console output.

``node_batch(prelude, inputs)`` runs one node process for a whole batch (one per test
module keeps the suite fast): the JavaScript ``prelude`` defines ``answer(input)``, and
the answers come back as JSON. Doubles travel as hex bit patterns (``f64hex``) and
primitives as tagged lists (``tag``), so NaN, -0 and BigInts survive the trip; strings
come back as UTF-16 code units, as the VM holds them. No node means failure, not a skip.
"""

from __future__ import annotations

import json
import struct
import subprocess
from pathlib import Path
from typing import Any

from npm_cache import node_executable

BATCH_SCRIPT = Path(__file__).with_name("node_batch.js")


def f64hex(x: float) -> str:
    """A double's bits in hex; every NaN as the one quiet NaN (as node_batch.js does)."""
    if x != x:
        return "7ff8000000000000"
    return struct.pack(">d", x).hex()


def hexf64(h: str) -> float:
    return struct.unpack(">d", bytes.fromhex(h))[0]


def tag(value) -> list:
    """A primitive as node_batch.js's ``val`` reads it."""
    from vm.values import NULL, UNDEFINED

    t = type(value)
    if t is float:
        return ["n", f64hex(value)]
    if t is str:
        return ["s", value]
    if t is bool:
        return ["t"] if value else ["f"]
    if t is int:
        return ["b", str(value)]
    if value is UNDEFINED:
        return ["u"]
    if value is NULL:
        return ["l"]
    raise TypeError(f"cannot tag {value!r}")


def untag(t: list):
    """The primitive a tagged answer stands for."""
    from vm.values import NULL, UNDEFINED

    kind = t[0]
    return {"n": lambda: hexf64(t[1]), "s": lambda: t[1], "b": lambda: int(t[1]),
            "t": lambda: True, "f": lambda: False, "u": lambda: UNDEFINED,
            "l": lambda: NULL}[kind]()


def _to_units(value: Any) -> Any:
    """Python's json joins escaped surrogate pairs; split them back into code units."""
    from vm.utf16 import to_utf16

    if isinstance(value, str):
        return to_utf16(value)
    if isinstance(value, list):
        return [_to_units(v) for v in value]
    if isinstance(value, dict):
        return {_to_units(k): _to_units(v) for k, v in value.items()}
    return value


def node_batch(prelude: str, inputs: list) -> list:
    """``[answer(input) for input in inputs]`` computed by node."""
    payload = json.dumps({"prelude": prelude, "inputs": inputs})
    proc = subprocess.run([node_executable(), str(BATCH_SCRIPT)], input=payload,
                          capture_output=True, text=True, encoding="utf-8",
                          errors="surrogatepass", timeout=120)
    if proc.returncode != 0:
        raise RuntimeError(f"node_batch.js failed: {proc.stderr}")
    return _to_units(json.loads(proc.stdout))
