"""Differential test: every program under ``tests/js/<area>/`` prints under caplet what it
prints under Node.js.

Node runs each program as a classic script (``node_run.js``, with stderr merged into
stdout since caplet sends every console method to one stream); its answers are cached
under ``.cache/node-out`` keyed by node's version, the runner and the program's content
hash, and cold runs go in parallel. A program that node rejects (non-zero exit) or that
prints nothing is a collection error: fix the program. caplet runs the program in-process
with ``Machine(output=...).run_script`` under a wall-clock limit (the machine's limit hook,
with SIGALRM as a backstop), and its stdout must equal node's exactly. Programs caplet
cannot run yet are listed, strict-xfail, in ``known_failures.txt``.

    python tests/js/test_js_programs.py [--write-known-failures]  # caplet's failures, listed
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import inspect
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "tools")]

import known_failures  # noqa: E402
from npm_cache import NodeUnavailable, node_executable  # noqa: E402

RUNNER = HERE / "node_run.js"
KNOWN_FAILURES = HERE / "known_failures.txt"
CACHE = ROOT / ".cache" / "node-out"
AREAS = ("arrays", "async", "basics", "classes", "console", "control", "destructuring",
         "errors", "eval", "functions", "iterators", "objects", "operators", "strings")
MIN_PROGRAMS = 250
NODE_SECONDS = 30  # one node run (they finish in well under a second)
CAPLET_SECONDS = 5.0  # one caplet run, wall clock
AREAS += ("collections", "date", "typed_arrays")  # keyed collections, Date, binary data
AREAS += ("proxy",)  # Proxy exotic objects and Reflect on them
AREAS += ("encoding",)  # the host's TextEncoder and TextDecoder (WHATWG Encoding)


# --- the corpus ------------------------------------------------------------------------


@cache
def programs() -> dict[str, Path]:
    """``{"area/name.js": path}`` for every program (files in the area folders), sorted."""
    return {p.relative_to(HERE).as_posix(): p for p in sorted(HERE.glob("*/**/*.js"))}


def read_source(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


# --- node, the oracle ------------------------------------------------------------------


@dataclass(frozen=True)
class NodeResult:
    exit: int
    stdout: str


@cache
def _cache_dir() -> Path:
    """One folder per node version and runner script: either may change the answers."""
    node = node_executable()
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    runner = hashlib.sha256(RUNNER.read_bytes()).hexdigest()[:12]
    return CACHE / f"{version}-{runner}"


def _cache_path(path: Path) -> Path:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return _cache_dir() / digest[:2] / f"{digest}.json"


def _run_node(path: Path) -> NodeResult:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NODE_")}
    try:
        proc = subprocess.run([node_executable(), str(RUNNER), str(path)], cwd=HERE, env=env,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, timeout=NODE_SECONDS)
    except subprocess.TimeoutExpired:
        return NodeResult(-1, f"node did not finish within {NODE_SECONDS} s")
    return NodeResult(proc.returncode, proc.stdout.decode("utf-8", errors="replace"))


def node_outputs(paths: Iterable[Path]) -> dict[Path, NodeResult]:
    """node's (cached) result for each program; the missing ones run in parallel."""
    paths = list(paths)
    missing = [p for p in paths if not _cache_path(p).is_file()]
    if missing:
        with ThreadPoolExecutor(max_workers=2 * (os.cpu_count() or 2)) as pool:
            for path, result in zip(missing, pool.map(_run_node, missing), strict=True):
                cached = _cache_path(path)
                cached.parent.mkdir(parents=True, exist_ok=True)
                tmp = cached.with_suffix(f".{os.getpid()}.tmp")
                tmp.write_text(json.dumps({"exit": result.exit, "stdout": result.stdout}))
                tmp.replace(cached)
    return {p: NodeResult(**json.loads(_cache_path(p).read_text())) for p in paths}


class BadProgram(Exception):
    """A test program that node rejects or that prints nothing."""


def check_programs_under_node() -> None:
    """Raise :class:`BadProgram` naming every program node fails on or that prints nothing."""
    bad = []
    results = node_outputs(programs().values())
    for test_id, path in programs().items():
        result = results[path]
        if result.exit != 0:
            bad.append(f"{test_id}: node exits {result.exit}:\n{result.stdout[-800:]}")
        elif not result.stdout.strip():
            bad.append(f"{test_id}: prints nothing under node")
    if bad:
        raise BadProgram("fix these test programs:\n" + "\n".join(bad))


# --- caplet ----------------------------------------------------------------------------


class ProgramTimeout(BaseException):
    """Raised into a caplet run that exceeds its time (a BaseException, so JS can't catch it)."""


@contextlib.contextmanager
def alarm(seconds: float, message: str) -> Iterator[None]:
    """Raise ``ProgramTimeout(message)`` in this thread after ``seconds`` (SIGALRM; POSIX)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise ProgramTimeout(message)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _normalize(text: str) -> str:
    """Real text as node writes it: surrogate pairs joined, lone surrogates as U+FFFD."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def run_caplet(source: str, filename: str, seconds: float = CAPLET_SECONDS,
               tier: bool | str | None = None) -> tuple[str, str | None]:
    """caplet's stdout for a program and its ``Uncaught ...`` line (None if it finished).

    ``tier`` is the machine's tier setting (True, "eager", False; None: its default)."""
    from vm import Machine
    from vm.errors import UncaughtError

    lines: list[str] = []
    options: dict = {"output": lines.append}
    deadline = time.monotonic() + seconds
    if {"step_budget", "limit_hook"} <= inspect.signature(Machine).parameters.keys():
        # the machine's own metering stops a runaway loop cleanly at the deadline
        options |= {"step_budget": 20_000, "limit_hook": lambda: time.monotonic() < deadline}
    if tier is not None:
        options["tier"] = tier
    uncaught, late = None, f"still running after {seconds:g} s"
    with alarm(seconds + 2, late):  # backstop for time spent outside metered code
        machine = Machine(**options)
        try:
            machine.run_script(source, filename=filename)
        except UncaughtError as e:
            uncaught = str(e)
        except Exception:
            if time.monotonic() > deadline:  # the limit hook stopped it
                raise ProgramTimeout(late) from None
            raise
    if time.monotonic() > deadline:
        raise ProgramTimeout(late)
    return _normalize("".join(line + "\n" for line in lines)), uncaught


def describe_mismatch(expected: str, actual: str, uncaught: str | None) -> str:
    diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                "node", "caplet", lineterm="", n=2)
    text = "\n".join(diff) or f"(same lines; node {expected!r}, caplet {actual!r})"
    if uncaught:
        text += f"\ncaplet stopped with: {uncaught}"
    return "stdout differs from node's:\n" + text


# --- pytest ----------------------------------------------------------------------------


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "program" in metafunc.fixturenames:
        try:
            node_executable()
        except NodeUnavailable:
            pass  # every test fails with the reason (test_node_is_available)
        else:
            check_programs_under_node()
        items = programs().items()
        metafunc.parametrize("program", known_failures.params(items, KNOWN_FAILURES))


def test_node_is_available() -> None:
    """node is the oracle: without it the programs prove nothing, so this fails."""
    try:
        node_executable()
    except NodeUnavailable as e:
        pytest.fail(f"tests/js compares caplet's output with node's: {e}", pytrace=False)


def test_corpus_shape() -> None:
    """Each area has programs, each program says on line 1 what it checks, and no strays."""
    found = programs()
    assert len(found) >= MIN_PROGRAMS, f"only {len(found)} programs"
    areas = {test_id.split("/")[0] for test_id in found}
    assert areas == set(AREAS), f"areas {sorted(areas)} != {sorted(AREAS)}"
    for test_id, path in found.items():
        first = read_source(path).partition("\n")[0]
        assert first.startswith("// ") and len(first) > 10, f"{test_id}: first line {first!r}"


@pytest.mark.parametrize("tier", ["eager", False], ids=["tier", "interpreter"])
def test_same_output_as_node(program: Path, tier: str | bool) -> None:
    """Both execution paths match node: every function translated by the tier at its
    first call, and the reference loop alone."""
    try:
        expected = node_outputs([program])[program]
    except NodeUnavailable as e:
        pytest.fail(f"no oracle: {e}", pytrace=False)
    assert expected.exit == 0, expected.stdout
    try:
        actual, uncaught = run_caplet(read_source(program), program.relative_to(HERE).as_posix(),
                                      tier=tier)
    except ProgramTimeout as e:
        pytest.fail(f"caplet: {e} (node prints {len(expected.stdout.splitlines())} lines)",
                    pytrace=False)
    if actual != expected.stdout:
        pytest.fail(describe_mismatch(expected.stdout, actual, uncaught), pytrace=False)
    if uncaught:
        pytest.fail(f"same output as node, but caplet ends with {uncaught}", pytrace=False)


# --- listing caplet's failures ---------------------------------------------------------


def failure_reason(program: Path) -> str | None:
    """Why caplet fails on a program, in one line (None if it passes)."""
    expected = node_outputs([program])[program].stdout
    try:
        actual, uncaught = run_caplet(read_source(program), program.relative_to(HERE).as_posix())
    except ProgramTimeout as e:
        return f"timeout: {e}"
    except Exception as e:  # a crash of the VM is a reason like any other
        return f"{type(e).__name__}: {e}".splitlines()[0][:120]
    if actual == expected and not uncaught:
        return None
    if uncaught:
        return uncaught.splitlines()[0][:120]
    got, want = actual.splitlines(), expected.splitlines()
    for a, b in zip(got, want, strict=False):
        if a != b:
            return f"prints {a[:50]!r}, node {b[:50]!r}"
    return f"prints {len(got)} lines, node {len(want)}"


def main(argv: list[str]) -> int:
    """Print (or with ``--write-known-failures``, write) the list of programs caplet fails."""
    check_programs_under_node()
    lines = []
    for test_id, path in programs().items():
        reason = failure_reason(path)
        if reason is not None:
            lines.append(f"{test_id}  # {reason}")
    text = ("# Programs caplet cannot run yet (strict xfail): path  # reason\n"
            + "\n".join(lines) + "\n")
    if "--write-known-failures" in argv:
        KNOWN_FAILURES.write_text(text, encoding="utf-8")
    print(text, end="")
    print(f"{len(programs()) - len(lines)} programs agree with node, {len(lines)} do not",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
