"""Parse throughput (KB/s) of caplet beside the pure-Python JavaScript parsers.

ES5 files are parsed by caplet (``compiler.parse``), pyjsparser and esprima-python in
the same run, so the ratios are fair; large ES2020+ module files, which the peers
cannot parse, are timed for caplet alone. Timing is best of ``--repeat`` runs. A parser
that raises is reported and the run goes on. The files come from the pinned npm
packages in ``.cache/npm`` (installed on demand, as for the tests).

    python bench/parse.py [--repeat N] [--json] [--only caplet,pyjsparser]

Peers: ``pip install -e '.[bench]'`` (pyjsparser, esprima); a missing one is reported.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "tools")]

from npm_cache import ensure_node_modules  # noqa: E402

ES5_FILES = ("lodash/lodash.js", "jquery/dist/jquery.js", "moment/moment.js",
             "esprima/dist/esprima.js")
MODERN_FILES = ("three/build/three.core.js", "vue/dist/vue.esm-browser.js",
                "zod/v4/core/schemas.js")

Parser = Callable[[str], object]


def load_parsers() -> tuple[dict[str, Parser], dict[str, str]]:
    """The parsers that import, and why the others do not."""
    parsers: dict[str, Parser] = {}
    missing: dict[str, str] = {}
    try:
        from compiler import parse as caplet_parse
        parsers["caplet"] = caplet_parse
    except Exception as e:  # report whatever stops it
        missing["caplet"] = repr(e)
    try:
        import pyjsparser
        parsers["pyjsparser"] = pyjsparser.parse
    except ImportError as e:
        missing["pyjsparser"] = f"{e} (pip install pyjsparser)"
    try:
        import esprima
        parsers["esprima"] = esprima.parseScript
    except ImportError as e:
        missing["esprima"] = f"{e} (pip install esprima)"
    return parsers, missing


def best_time(parse: Parser, source: str, repeat: int) -> float:
    """Best wall time of ``repeat`` parses (garbage collection off while timing)."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            parse(source)
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return best


def measure(name: str, parse: Parser, path: Path, source: str, repeat: int) -> dict:
    size_kb = len(source.encode("utf-8")) / 1024
    row = {"parser": name, "file": path.name, "kb": round(size_kb, 1)}
    try:
        seconds = best_time(parse, source, repeat)
    except Exception as e:  # a peer failing on a file is a result
        return row | {"error": f"{type(e).__name__}: {str(e)[:120]}"}
    return row | {"seconds": round(seconds, 4), "kb_per_s": round(size_kb / seconds, 1)}


def run(repeat: int, only: set[str] | None) -> dict:
    parsers, missing = load_parsers()
    if only:
        parsers = {k: v for k, v in parsers.items() if k in only}
    modules = ensure_node_modules()
    rows = []
    for group, files, names in (("es5", ES5_FILES, list(parsers)),
                                ("modern", MODERN_FILES, ["caplet"])):
        for relative in files:
            path = modules / relative
            with open(path, encoding="utf-8", newline="") as f:
                source = f.read()
            if group == "modern":
                parse = parsers.get("caplet")
                if parse is None:
                    continue
                rows.append(measure("caplet", lambda s, p=parse: p(s, module=True), path, source,
                                    repeat) | {"group": group})
                continue
            for name in names:
                rows.append(measure(name, parsers[name], path, source, repeat) | {"group": group})
    return {"repeat": repeat, "python": sys.version.split()[0], "missing": missing,
            "results": rows, "summary": summarize(rows)}


def summarize(rows: list[dict]) -> dict:
    """Total KB / total seconds per parser over the ES5 files all of them parsed."""
    ok = [r for r in rows if r["group"] == "es5" and "seconds" in r]
    names = sorted({r["parser"] for r in ok})
    files = [f for f in dict.fromkeys(r["file"] for r in ok)
             if all(any(r["file"] == f and r["parser"] == n for r in ok) for n in names)]
    totals = {}
    for name in names:
        mine = [r for r in ok if r["parser"] == name and r["file"] in files]
        if mine:
            totals[name] = round(sum(r["kb"] for r in mine) / sum(r["seconds"] for r in mine), 1)
    summary: dict = {"es5_files": files, "es5_kb_per_s": totals}
    for peer in ("pyjsparser", "esprima"):
        if "caplet" in totals and peer in totals:
            summary[f"caplet/{peer}"] = round(totals["caplet"] / totals[peer], 2)
    modern = [r for r in rows if r["group"] == "modern" and "seconds" in r]
    if modern:
        summary["modern_kb_per_s"] = round(sum(r["kb"] for r in modern)
                                           / sum(r["seconds"] for r in modern), 1)
    return summary


def print_table(report: dict) -> None:
    for name, why in report["missing"].items():
        print(f"! {name} unavailable: {why}")
    print(f"best of {report['repeat']}, Python {report['python']}")
    print(f"{'group':7} {'file':22} {'KB':>7}  {'parser':11} {'s':>8} {'KB/s':>8}")
    for r in report["results"]:
        tail = f"{r['seconds']:8.3f} {r['kb_per_s']:8.1f}" if "seconds" in r else r["error"]
        print(f"{r['group']:7} {r['file']:22} {r['kb']:7.1f}  {r['parser']:11} {tail}")
    s = report["summary"]
    print("ES5 throughput (KB/s):", ", ".join(f"{k} {v}" for k, v in s["es5_kb_per_s"].items()))
    for key in ("caplet/pyjsparser", "caplet/esprima"):
        if key in s:
            print(f"ratio {key}: {s[key]}")
    if "modern_kb_per_s" in s:
        print(f"caplet on ES2020+ modules: {s['modern_kb_per_s']} KB/s")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs per file; the best counts")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    ap.add_argument("--only", help="comma-separated parser names (caplet,pyjsparser,esprima)")
    args = ap.parse_args(argv)
    report = run(max(1, args.repeat), set(args.only.split(",")) if args.only else None)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_table(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
