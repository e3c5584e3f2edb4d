"""Run-time speed of caplet's VM beside js2py on the ES5 programs in ``bench/js``.

Each program is timed under caplet (``Machine().run_script``) and under js2py in the same
run, best of ``--repeat``; the report gives each program's time ratio (js2py / caplet, so
above 1 means caplet is faster) and their geometric mean. Every program states its
expected output on line 2 (``// expect: ...``); a wrong answer counts as a failure. An
engine that fails on a program is reported and the run goes on.

js2py is driven through its fastest paths, and the faster one counts per program:

- ``translate``: ``js2py.translate_js`` once, compiled once, then the Python code is
  ``exec``-ed in a fresh ``js2py.EvalJs()`` context per run. ``js2py.eval_js`` runs the
  same code but translates it again on every call (through a JS ``eval`` wrapper), so
  it is never faster;
- ``vm``: ``js2py.internals.seval.eval_js_vm``, js2py's bytecode interpreter, which wins
  on some programs (string and property-heavy ones) and loses on others.

What is timed is running the program: caplet's ``run_script`` (which also parses and
compiles the source, a few milliseconds) and js2py's ``exec`` or ``eval_js_vm`` call;
building a ``Machine`` or an ``EvalJs`` context (0.2 s for js2py) is not timed, and js2py's
translation is not timed either. The garbage collector runs as usual (collected before
each run).

    python bench/js_engines.py [--repeat N] [--json] [--only fib,loops]

js2py: ``pip install -e '.[bench]'``; if it is missing, caplet's times are still reported.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import json
import math
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PROGRAMS = Path(__file__).with_name("js")
EXPECT = re.compile(r"^// expect: (.*)$", re.M)

Runner = Callable[[], str]  # runs the program once, returns its result line
Prepare = Callable[[str, str], Runner]  # (source, filename) -> runner for one timed run


def caplet_engine() -> Prepare:
    from vm import Machine

    def prepare(source: str, filename: str) -> Runner:
        lines: list[str] = []
        machine = Machine(output=lines.append)

        def run() -> str:
            machine.run_script(source, filename=filename)
            return lines[-1] if lines else ""
        return run
    return prepare


def js2py_translate_engine() -> Prepare:
    import js2py

    compiled: dict[str, object] = {}

    def prepare(source: str, filename: str) -> Runner:
        if filename not in compiled:
            compiled[filename] = compile(js2py.translate_js(source, ""), filename, "exec")
        code = compiled[filename]
        context = js2py.EvalJs()

        def run() -> str:
            with contextlib.redirect_stdout(io.StringIO()):  # its console.log prints
                exec(code, context.context)
            return str(context["result"])
        return run
    return prepare


def js2py_vm_engine() -> Prepare:
    from js2py.internals.seval import eval_js_vm

    def prepare(source: str, filename: str) -> Runner:
        def run() -> str:
            with contextlib.redirect_stdout(io.StringIO()):
                return str(eval_js_vm(source + "\nresult"))
        return run
    return prepare


ENGINES: dict[str, Callable[[], Prepare]] = {
    "caplet": caplet_engine,
    "js2py-translate": js2py_translate_engine,
    "js2py-vm": js2py_vm_engine,
}


def load_engines() -> tuple[dict[str, Prepare], dict[str, str]]:
    """The engines that import, and why the others do not."""
    engines, missing = {}, {}
    for name, load in ENGINES.items():
        try:
            engines[name] = load()
        except Exception as e:  # report whatever stops it
            hint = " (pip install -e '.[bench]')" if name.startswith("js2py") else ""
            missing[name] = f"{type(e).__name__}: {e}{hint}"
    return engines, missing


def measure(prepare: Prepare, source: str, filename: str, expect: str, repeat: int) -> dict:
    """``{"seconds": best}`` over ``repeat`` fresh runs, or ``{"error": ...}``."""
    best = math.inf
    for _ in range(repeat):
        try:
            run = prepare(source, filename)
            gc.collect()
            start = time.perf_counter()
            result = run()
            elapsed = time.perf_counter() - start
        except Exception as e:  # a failing engine is a result, not the end of the run
            return {"error": f"{type(e).__name__}: {str(e)[:200]}"}
        if result != expect:
            return {"error": f"wrong result {result[:80]!r}, expected {expect!r}"}
        best = min(best, elapsed)
    return {"seconds": round(best, 4)}


def run(repeat: int, only: set[str] | None) -> dict:
    engines, missing = load_engines()
    rows = []
    for path in sorted(PROGRAMS.glob("*.js")):
        if only and path.stem not in only:
            continue
        source = path.read_text(encoding="utf-8")
        match = EXPECT.search(source)
        if match is None:
            raise SystemExit(f"{path}: no '// expect: ...' line")
        row: dict = {"program": path.stem}
        for name, prepare in engines.items():
            row[name] = measure(prepare, source, path.name, match.group(1).strip(), repeat)
        peers = {n: r["seconds"] for n, r in row.items() if n.startswith("js2py") and
                 isinstance(r, dict) and "seconds" in r}
        if peers:
            row["js2py_best"] = min(peers, key=peers.get)
            if "seconds" in row.get("caplet", {}):
                row["speedup"] = round(peers[row["js2py_best"]] / row["caplet"]["seconds"], 3)
        rows.append(row)
    ratios = [r["speedup"] for r in rows if "speedup" in r]
    geomean = round(math.exp(sum(map(math.log, ratios)) / len(ratios)), 3) if ratios else None
    return {"repeat": repeat, "python": sys.version.split()[0], "missing": missing,
            "results": rows, "geomean_speedup": geomean,
            "compared": len(ratios), "programs": len(rows)}


def print_table(report: dict) -> None:
    for name, why in report["missing"].items():
        print(f"! {name} unavailable: {why}")
    names = [n for n in ENGINES if n not in report["missing"]]
    print(f"best of {report['repeat']}, Python {report['python']}; seconds per run")
    print(f"{'program':10} " + " ".join(f"{n:>16}" for n in names) + f" {'speed-up':>9}")
    errors = []
    for row in report["results"]:
        cells = []
        for name in names:
            cell = row[name]
            if "seconds" in cell:
                mark = "*" if row.get("js2py_best") == name else " "
                cells.append(f"{cell['seconds']:15.3f}{mark}")
            else:
                cells.append(f"{'FAILED':>16}")
                errors.append(f"{row['program']} under {name}: {cell['error']}")
        speedup = f"{row['speedup']:8.2f}x" if "speedup" in row else f"{'-':>9}"
        print(f"{row['program']:10} " + " ".join(cells) + f" {speedup}")
    for line in errors:
        print("! " + line)
    print("* the js2py path that counts (the faster one)")
    if report["geomean_speedup"] is not None:
        print(f"caplet speed-up over js2py (geometric mean of {report['compared']} of "
              f"{report['programs']} programs): {report['geomean_speedup']}x")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs per program; the best counts")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    ap.add_argument("--only", help="comma-separated program names (fib,loops,...)")
    args = ap.parse_args(argv)
    report = run(max(1, args.repeat), set(args.only.split(",")) if args.only else None)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_table(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
