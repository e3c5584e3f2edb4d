"""Start-up time of ``caplet run`` beside ``node`` on the same small program.

Each command runs ``--repeat`` times as a fresh process; the best wall time and the
best CPU time (user + system, of the child) count, so a busy machine disturbs the
figures less. The report gives both engines' times and caplet's ratio to node (issue 3
asks for at most 2x). The first caplet run may fill the parser's on-disk caches; it is
run once untimed (and writes Python's bytecode files, which an installed package has).

    python bench/startup.py [--repeat N] [--file examples/hello.js] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def measure(argv: list[str], repeat: int, env: dict) -> dict:
    """Best wall and CPU seconds of ``argv`` over ``repeat`` runs (output discarded)."""
    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, cwd=ROOT,
                              stderr=subprocess.PIPE, check=False)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            return {"error": done.stderr.decode(errors="replace")[-300:]}
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best_wall, best_cpu = min(best_wall, wall), min(best_cpu, cpu)
    return {"wall": round(best_wall, 4), "cpu": round(best_cpu, 4)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--file", default=str(ROOT / "examples" / "hello.js"))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its bytecode
    # run from ROOT: the current directory comes first on sys.path, so this tree's
    # code runs whatever else is installed
    caplet = [sys.executable, "-m", "caplet.cli", "run", os.path.abspath(args.file)]
    subprocess.run(caplet, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   cwd=ROOT, check=False)  # warm the on-disk caches
    report: dict = {"file": args.file, "repeat": args.repeat,
                    "caplet": measure(caplet, args.repeat, env),
                    "python": measure([sys.executable, "-c", "pass"], args.repeat, env)}
    node = shutil.which("node")
    report["node"] = measure([node, args.file], args.repeat, env) if node else \
        {"error": "node not found"}
    for key in ("wall", "cpu"):
        if key in report["caplet"] and key in report["node"]:
            report[f"{key}_ratio"] = round(report["caplet"][key] / report["node"][key], 2)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"start-up of {args.file}, best of {args.repeat} (seconds)")
    for name in ("caplet", "node", "python"):
        r = report[name]
        label = "python -c pass" if name == "python" else name
        print(f"  {label:15} " + (f"wall {r['wall']:.3f}  cpu {r['cpu']:.3f}" if "wall" in r
                                   else f"FAILED: {r['error']}"))
    if "wall_ratio" in report:
        print(f"caplet / node: wall {report['wall_ratio']}x, cpu {report['cpu_ratio']}x "
              "(issue 3: at most 2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
