"""Matching speed of caplet's regular-expression engine beside Python's ``re``.

Each workload is a pattern whose meaning is the same in ECMAScript and in Python, run
as a global scan over a generated text: caplet's engine (``vm.regexp.run_all``, the
loop ``String.prototype.replace`` and ``match`` use) and ``re.finditer`` in the same
run, best of ``--repeat``. Both must find the same matches, else the workload counts as
a failure. The report gives each workload's time ratio (caplet / re: how many times
slower our pure-Python engine is than the C one) and their geometric mean.

    python bench/regexp.py [--repeat N] [--json]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from vm.regexp import compile_pattern, run_all  # noqa: E402


def _text(seed: int, size: int) -> str:
    rng = random.Random(seed)
    words = ["alpha", "beta", "gamma", "delta", "2024-05-06", "x=17;", "foo@bar.org",
             "  ", "\n", "THE", "quick", "fox", "aaaaab", "(nested)", "12.5"]
    out = []
    while sum(map(len, out)) < size:
        out.append(rng.choice(words))
        out.append(" ")
    return "".join(out)


WORKLOADS = [
    ("literal", r"fox", "", 200_000),
    ("word runs", r"\w+", "", 100_000),
    ("digits", r"\d+(?:\.\d+)?", "", 100_000),
    ("dates", r"(\d{4})-(\d\d)-(\d\d)", "", 100_000),
    ("emails", r"[a-z]+@[a-z]+\.[a-z]{2,}", "", 100_000),
    ("alternation", r"alpha|gamma|delta", "", 100_000),
    ("case-insensitive", r"the|quick", "i", 100_000),
    ("lazy to delimiter", r"\(.*?\)", "", 100_000),
    ("greedy with backtrack", r"a+b", "", 100_000),
    ("lookahead", r"\w+(?=;)", "", 100_000),
    ("lines", r"^\s*\S.*$", "m", 100_000),
    ("group loop", r"(?:[a-z]+ )+fox", "", 50_000),
]


def _ours(pattern: str, flags: str, text: str) -> list[tuple[int, int]]:
    program = compile_pattern(pattern, flags)
    return [(c[0], c[1]) for c in run_all(program, text, False)]


def _python(pattern: str, flags: str, text: str) -> list[tuple[int, int]]:
    f = (re.IGNORECASE if "i" in flags else 0) | (re.MULTILINE if "m" in flags else 0)
    return [m.span() for m in re.compile(pattern, f | re.ASCII).finditer(text)]


def _best(fn, repeat: int) -> tuple[float, object]:
    best, result = math.inf, None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows, failures = [], 0
    for name, pattern, flags, size in WORKLOADS:
        text = _text(len(name), size)
        ours_t, ours = _best(lambda p=pattern, f=flags, t=text: _ours(p, f, t), args.repeat)
        re_t, theirs = _best(lambda p=pattern, f=flags, t=text: _python(p, f, t), args.repeat)
        ok = ours == theirs
        failures += not ok
        rows.append({"workload": name, "matches": len(theirs), "caplet_s": ours_t,
                     "re_s": re_t, "ratio": ours_t / re_t if re_t else math.inf, "ok": ok})
    ratios = [r["ratio"] for r in rows if r["ok"]]
    geo = math.exp(sum(map(math.log, ratios)) / len(ratios)) if ratios else math.nan
    if args.json:
        print(json.dumps({"rows": rows, "geomean_ratio": geo}, indent=2))
    else:
        print(f"{'workload':24} {'matches':>8} {'caplet s':>10} {'re s':>10} {'ratio':>8}")
        for r in rows:
            flag = "" if r["ok"] else "  MISMATCH"
            print(f"{r['workload']:24} {r['matches']:8d} {r['caplet_s']:10.4f} "
                  f"{r['re_s']:10.4f} {r['ratio']:8.1f}{flag}")
        print(f"geometric mean ratio (caplet / re): {geo:.1f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
