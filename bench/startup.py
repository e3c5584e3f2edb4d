"""Start-up time of ``caplet run`` beside ``node`` on the same small program.

Each command runs ``--repeat`` times as a fresh process; the best wall time and the
best CPU time (user + system, of the child) count, so a busy machine disturbs the
figures less. Measured: ``caplet run FILE`` (parse, compile, run: issue 3 asks for at
most 2x node), ``caplet run FILE.caplet`` (the same program compiled beforehand for
rpi-pico: no parser is imported; issue 5 asks for at most 1x node), ``node FILE``, and
``python -c pass``, the interpreter's own start-up with this machine's site packages
(a floor under any Python program, reported beside node's so the ratio can be read).
The first caplet runs may fill the parser's on-disk caches; they run once untimed (and
write Python's bytecode files, which an installed package has).

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
import tempfile
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
    tmp = tempfile.mkdtemp()
    image = os.path.join(tmp, "app.caplet")
    subprocess.run([sys.executable, "-m", "caplet.cli", "compile", os.path.abspath(args.file),
                    "-o", image, "--board", "rpi-pico"], env=env, cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    from_image = [*caplet[:-1], image]
    for argv in (caplet, from_image):  # warm the on-disk caches
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       cwd=ROOT, check=False)
    report: dict = {"file": args.file, "repeat": args.repeat,
                    "caplet": measure(caplet, args.repeat, env),
                    "caplet_image": measure(from_image, args.repeat, env),
                    "python": measure([sys.executable, "-c", "pass"], args.repeat, env)}
    shutil.rmtree(tmp, ignore_errors=True)
    node = shutil.which("node")
    report["node"] = measure([node, args.file], args.repeat, env) if node else \
        {"error": "node not found"}
    for name in ("caplet", "caplet_image", "python"):
        for key in ("wall", "cpu"):
            if key in report[name] and key in report["node"]:
                report[f"{name}_{key}_ratio"] = round(report[name][key] / report["node"][key],
                                                      2)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"start-up of {args.file}, best of {args.repeat} (seconds)")
    labels = {"caplet": "caplet run FILE", "caplet_image": "caplet run .caplet",
              "node": "node FILE", "python": "python -c pass"}
    for name, label in labels.items():
        r = report[name]
        ratios = "".join(f"  {key} {report[f'{name}_{key}_ratio']}x node" for key in
                         ("wall", "cpu") if f"{name}_{key}_ratio" in report)
        print(f"  {label:19} " + (f"wall {r['wall']:.3f}  cpu {r['cpu']:.3f}{ratios}"
                                   if "wall" in r else f"FAILED: {r['error']}"))
    print("targets: caplet run FILE at most 2x node (issue 3); caplet run .caplet at most "
          "1x node (issue 5); python -c pass is the floor of any Python program here")
    return 0


if __name__ == "__main__":
    sys.exit(main())
