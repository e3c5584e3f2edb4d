"""Each script under ``tests/hardened/escapes/`` tries one escape route out of a
Compartment or a new Global (the proposals' list: indirect eval, the constructors
reached through every function kind's prototype chain, `Function` from a ModuleSource
module, `import()` from every evaluator, plus caller/arguments, stacks, poisoning and
lexical leakage) and prints `contained` when the route is closed, `ESCAPED ...` when not.
Each runs as `caplet run` does, in its own directory (so a relative import would find a
real file if it reached the host's loader)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SCRIPTS = sorted((HERE / "escapes").glob("*.js"))


def test_enough_routes() -> None:
    assert len(SCRIPTS) >= 15


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.name for s in SCRIPTS])
def test_route_is_closed(script: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-m", "caplet.cli", "run", script.name],
                          cwd=script.parent, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout == "contained\n", proc.stdout[-2000:]
