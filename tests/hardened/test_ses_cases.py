"""Differential test: each case under ``tests/hardened/cases/`` prints under caplet what it
prints under Node.js with the pinned `ses` package (tests/npm/package.json).

On node, ``ses_run.js`` loads `ses` (which defines `lockdown` and `Compartment`) and runs
the case as a classic script, stderr merged into stdout (ses's warnings go to
console.warn; caplet writes every console method to one stream). On caplet the case
runs with ``Machine(output=...).run_script`` where `lockdown`, `harden` and
`Compartment` are built in. Node's answers are cached under ``.cache/ses-out`` by node's
version, the runner and the case's content. A case node fails on, or that prints
nothing, is an error in the case. Where caplet departs from ses on purpose the case
lives in a caplet-only unit test instead (tests/vm/test_hardened_*.py, docs/hardened.md).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from functools import cache
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "tools")]

from npm_cache import NodeUnavailable, ensure_node_modules, node_executable  # noqa: E402

RUNNER = HERE / "ses_run.js"
CASES = sorted((HERE / "cases").glob("*.js"))
CACHE = ROOT / ".cache" / "ses-out"
NODE_SECONDS = 60
CAPLET_SECONDS = 10.0
MIN_CASES = 40


@cache
def _cache_dir() -> Path:
    node = node_executable()
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    pins = (ROOT / "tests" / "npm" / "package-lock.json").read_bytes()
    digest = hashlib.sha256(RUNNER.read_bytes() + pins).hexdigest()[:12]
    return CACHE / f"{version}-{digest}"


def node_output(case: Path) -> tuple[int, str]:
    """(exit status, stdout+stderr) of the case under node + ses, cached."""
    digest = hashlib.sha256(case.read_bytes()).hexdigest()
    cached = _cache_dir() / f"{digest}.json"
    if cached.is_file():
        data = json.loads(cached.read_text())
        return data["exit"], data["stdout"]
    modules = ensure_node_modules()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NODE_", "LOCKDOWN_"))}
    env["CAPLET_NODE_MODULES"] = str(modules)
    proc = subprocess.run([node_executable(), str(RUNNER), str(case)], env=env, cwd=HERE,
                          stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=NODE_SECONDS)
    result = (proc.returncode, proc.stdout.decode("utf-8", errors="replace"))
    cached.parent.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps({"exit": result[0], "stdout": result[1]}))
    tmp.replace(cached)
    return result


def caplet_output(source: str, filename: str) -> tuple[str, str | None]:
    """caplet's output and its ``Uncaught ...`` line (None if the case finished)."""
    from vm import Machine
    from vm.errors import UncaughtError

    lines: list[str] = []
    deadline = time.monotonic() + CAPLET_SECONDS
    machine = Machine(output=lines.append, step_budget=20_000,
                      limit_hook=lambda: time.monotonic() < deadline)
    uncaught = None
    try:
        machine.run_script(source, filename=filename)
    except UncaughtError as e:
        uncaught = str(e)
    return "".join(line + "\n" for line in lines), uncaught


def test_enough_cases() -> None:
    assert len(CASES) >= MIN_CASES, f"only {len(CASES)} cases"
    for case in CASES:
        first = case.read_text(encoding="utf-8").partition("\n")[0]
        assert first.startswith("// ") and len(first) > 10, f"{case.name}: first line {first!r}"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_same_output_as_ses(case: Path) -> None:
    try:
        status, expected = node_output(case)
    except NodeUnavailable as e:
        pytest.fail(f"no oracle: {e}", pytrace=False)
    assert status == 0 and expected.strip(), f"fix the case; node says:\n{expected[-800:]}"
    actual, uncaught = caplet_output(case.read_text(encoding="utf-8"), case.name)
    if actual != expected or uncaught:
        import difflib

        diff = "\n".join(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                              "node+ses", "caplet", lineterm="", n=2))
        pytest.fail(f"{diff}\ncaplet stopped with: {uncaught}" if uncaught else diff,
                    pytrace=False)
