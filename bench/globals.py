"""What a new Global and a new Compartment cost: board bytes, Python memory, and peers.

caplet, measured in this process:

- board bytes: the live bytes of each `new Global()` and each `new Compartment()`, as
  made and "used" (its own evaluators read, which makes them: `eval`, `Function` and
  `Global`/`import` or `Compartment`; one binding written; a Compartment given one
  endowment), under a 32-bit board's cost model (rpi-pico's), measured by the VM's own
  heap tracer (vm/heap.py): a Compartment's heap holds its global object and its own
  record (the Compartment object, its name, options and module maps);
- Python memory: tracemalloc's growth while ``--count`` of them are made and kept alive,
  divided by the count.

Peers, on node in the same run, ``--count`` of each kept alive, V8 heap growth
(``process.memoryUsage().heapUsed`` after a forced GC) divided by the count: node's
``vm.createContext()`` and the ``ses`` package's ``new Compartment()`` after
``lockdown()`` (``ses`` pinned in tests/npm).

Targets (the issue): a new Global and a new Compartment at most 512 board bytes each; on
the desktop, Python memory per Global and per Compartment below what a ses Compartment
costs on node.

    python bench/globals.py [--count N] [--json]
"""

from __future__ import annotations

import argparse
import gc
import json
import subprocess
import sys
import tracemalloc
from pathlib import Path

KINDS = ("Global", "Global used", "Compartment", "Compartment used")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "tools"))

NODE = """
const vm = require('vm');
const argv = process.argv;
const [ses, count] = [argv[argv.length - 2], +argv[argv.length - 1]];
function perItem(make) {  // the median of three rounds (a GC may land in one)
  const rounds = [];
  for (let r = 0; r < 3; r++) {
    global.gc(); global.gc(); const before = process.memoryUsage().heapUsed; const keep = [];
    for (let i = 0; i < count; i++) keep.push(make(i));
    global.gc(); global.gc(); const after = process.memoryUsage().heapUsed;
    rounds.push((after - before) / count); keep.length = 0;
  }
  return [rounds.sort((a, b) => a - b)[1]];
}
const out = {};
out.vm_context = perItem(() => vm.createContext({}))[0];
require(ses); lockdown();
out.ses_compartment = perItem(i => new Compartment({ __options__: true, name: 'c' + i }))[0];
process.stdout.write(JSON.stringify(out));
"""


def caplet_figures(count: int) -> dict:
    from boards import load_board
    from vm import Machine
    from vm.heap import Cost
    from vm.new_global import new_global
    from vm.objects import JSObject
    from vm.values import UNDEFINED

    cost = Cost.of(load_board("rpi-pico").cost)
    out = {}
    for kind in KINDS:
        machine = Machine(output=lambda line: None)
        machine.limits.configure(cost=cost, track=True)
        keep = []

        def make(i: int, machine=machine, kind=kind):
            used = kind.endswith("used")
            if kind.startswith("Compartment"):
                ctor = machine.main.global_object.get("Compartment")
                args = []
                if used:  # new Compartment({ __options__: true, globals: { n: 1 } })
                    endowments = JSObject(machine.realm.object_prototype)
                    endowments.set("n", 1.0)
                    options = JSObject(machine.realm.object_prototype)
                    options.set("__options__", True)
                    options.set("globals", endowments)
                    args = [options]
                compartment = machine.interpreter.construct(ctor, args)
                if used:
                    obj = compartment.internal.global_env.global_object
                    for name in ("eval", "Function", "Compartment"):
                        obj.get(name)
                    obj.set("x", 1.0)
                return compartment
            g = new_global(machine, machine.main, UNDEFINED)  # what `new Global()` does
            machine.limits.adopt(g, "Global")
            if used:  # its evaluators made, one binding written
                obj = g.global_object
                for name in ("eval", "Function", "Global", "import"):
                    obj.get(name)
                obj.set("x", 1.0)
            return g

        make(-1)  # anything made once per machine (caches) is made before measuring
        gc.collect()
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        for i in range(count):
            keep.append(make(i))
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        machine.limits.measure_all()
        heaps = [h for h in machine.limits.heaps if h.kind == kind.split()[0]][-count:]
        out[kind] = {"board_bytes": sum(h.live for h in heaps) / len(heaps),
                     "python_bytes": (after - before) / count}
    return out


def node_figures(count: int) -> dict:
    from npm_cache import ensure_node_modules, node_executable

    ses = ensure_node_modules() / "ses"
    done = subprocess.run([node_executable(), "--expose-gc", "-e", NODE, str(ses), str(count)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    report = {"count": args.count, "caplet": caplet_figures(args.count),
              "node": node_figures(args.count)}
    ses = report["node"]["ses_compartment"]
    report["python_per_global_vs_ses"] = report["caplet"]["Global"]["python_bytes"] / ses
    report["python_per_compartment_vs_ses"] = \
        report["caplet"]["Compartment"]["python_bytes"] / ses
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    c, n = report["caplet"], report["node"]
    print(f"{args.count} of each, kept alive")
    for kind in KINDS:
        print(f"caplet new {kind:<16} {c[kind]['board_bytes']:>8.0f} board bytes (32-bit cost "
              f"model)  {c[kind]['python_bytes'] / 1024:>7.1f} KB Python memory")
    print(f"node vm.createContext()            {n['vm_context'] / 1024:>7.1f} KB V8 heap")
    print(f"ses new Compartment()              {n['ses_compartment'] / 1024:>7.1f} KB V8 heap")
    print(f"targets: Global <= 512 board bytes -> {c['Global']['board_bytes']:.0f}; "
          f"Compartment <= 512 -> {c['Compartment']['board_bytes']:.0f}; Python per Global / "
          f"ses Compartment = {report['python_per_global_vs_ses']:.2f} (< 1); per Compartment"
          f" / ses Compartment = {report['python_per_compartment_vs_ses']:.2f} (< 1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
