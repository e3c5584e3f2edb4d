"""Boot time: a preloaded image against running the same modules from source, and
`caplet run hello.caplet` against `node hello.js`.

Module graphs of 1, 10 and 100 modules are generated (each module builds a frozen table
in a loop at its top level and exports it with two functions; the entry imports them all
and default-exports ``main``). For each size, best of ``--repeat``, in this process:

- preloaded: ``read_image`` (which decodes and verifies every function: "read+check" is
  that part alone) + a fresh ``Machine`` + ``vm.preload.start`` (make the ROM objects,
  call ``main``), with the number of module-body activations counted (must be 0);
- from source: a fresh ``Machine`` + ``run_module`` (parse, compile, link, evaluate) +
  a call of ``main``.

Then start-up as the user sees it, in separate processes, best of ``--repeat`` (wall
and CPU seconds): ``python -m caplet.cli run hello.caplet`` beside ``node hello.js``,
and whether the parser was imported (``-X importtime``).

    python bench/boot.py [--repeat N] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "tools"))

SIZES = (1, 10, 100)
MODULE = """let table = [];
for (let i = 0; i < 50; i++) table.push(i * {n});
table = Object.freeze(table);
export {{ table }};
export function value(i) {{ return table[i % table.length]; }}
export const size = () => table.length;
"""


def make_graph(folder: Path, n: int) -> Path:
    lines = []
    for i in range(n):
        (folder / f"m{i}.js").write_text(MODULE.format(n=i + 1))
        lines.append(f"import {{ value as v{i} }} from './m{i}.js';")
    total = " + ".join(f"v{i}(3)" for i in range(n))
    lines.append(f"export default function main() {{ console.log({total}); }}")
    entry = folder / "main.mjs"
    entry.write_text("\n".join(lines) + "\n")
    return entry


def best(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        run()
        times.append(time.perf_counter() - t)
    return min(times)


def graph_figures(repeat: int) -> list[dict]:
    from boards import load_board

    board = load_board("rpi-pico")
    rows = []
    for n in SIZES:
        with tempfile.TemporaryDirectory() as tmp:
            rows.append(one_graph(make_graph(Path(tmp), n), n, repeat, board))
    return rows


def one_graph(entry: Path, n: int, repeat: int, board) -> dict:
    from compiler.bytecode.image import Manifest, read_image, write_image
    from vm import Machine
    from vm.interpreter import Interpreter
    from vm.preload import build, start
    from vm.values import UNDEFINED

    root, modules, rom = build(str(entry), output=lambda line: None)
    data = write_image(root, board=board, manifest=Manifest("boot", "0.0.0", "main.mjs"),
                       modules=modules, rom=rom, strip=True)
    text = entry.read_text()
    out: list[str] = []
    frames = []
    original = Interpreter.frame

    def counting(self, fn, this, args, new_target):
        if fn.code.kind == "module":
            frames.append(fn)
        return original(self, fn, this, args, new_target)

    def boot():
        image = read_image(data, board=board)
        start(Machine(output=out.append), image.rom)

    def source():  # what a device without preload does: evaluate the graph, call main
        machine = Machine(output=out.append)
        machine.run_module(text, str(entry))
        record = machine.main.module_host.module_map[(os.path.abspath(entry), "javascript")]
        binding = record.resolve_export("default")
        main = binding.module.env[binding.binding_name].value
        machine.interpreter.call(main, UNDEFINED, [])

    Interpreter.frame = counting
    try:
        boot()
    finally:
        Interpreter.frame = original
    source()
    if len(out) != 2 or out[0] != out[1]:
        raise SystemExit(f"{n} modules: boot and source printed {out!r}")
    return {"modules": n, "image_bytes": len(data), "module_frames_at_boot": len(frames),
            "boot_s": best(repeat, boot), "source_s": best(repeat, source),
            "read_image_s": best(repeat, lambda: read_image(data, board=board)),
            "machine_s": best(repeat, lambda: Machine(output=out.append))}


def process_times(cmd: list[str], repeat: int, env=None) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env)
        walls.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(walls), min(cpus)


def hello_figures(repeat: int) -> dict:
    from npm_cache import node_executable

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "hello.js"
        src.write_text('console.log("hello");\n')
        image = Path(tmp) / "hello.caplet"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        subprocess.run([sys.executable, "-m", "caplet.cli", "compile", str(src), "-o",
                        str(image), "--board", "rpi-pico", "--strip"], check=True,
                       capture_output=True, env=env)
        caplet = [sys.executable, "-m", "caplet.cli", "run", str(image)]
        node = [node_executable(), str(src)]
        cw, cc = process_times(caplet, repeat, env)
        nw, nc = process_times(node, repeat)
        imports = subprocess.run([sys.executable, "-X", "importtime", *caplet[1:]],
                                 capture_output=True, text=True, env=env).stderr
        parser = any(line.rstrip().endswith(" compiler.parser") for line in imports.splitlines())
    return {"caplet_wall_s": cw, "caplet_cpu_s": cc, "node_wall_s": nw, "node_cpu_s": nc,
            "wall_ratio": cw / nw, "parser_imported": parser}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    report = {"graphs": graph_figures(args.repeat), "hello": hello_figures(args.repeat)}
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{'modules':>7}{'image B':>9}{'module frames at boot':>23}{'Machine()':>11}"
          f"{'read+check':>12}{'boot':>9}{'from source':>13}")
    for r in report["graphs"]:
        print(f"{r['modules']:>7}{r['image_bytes']:>9}{r['module_frames_at_boot']:>23}"
              f"{r['machine_s'] * 1000:>9.1f}ms{r['read_image_s'] * 1000:>10.1f}ms"
              f"{r['boot_s'] * 1000:>7.1f}ms"
              f"{r['source_s'] * 1000:>11.1f}ms")
    g = {r["modules"]: r for r in report["graphs"]}
    print(f"boot(100) - boot(1) = {(g[100]['boot_s'] - g[1]['boot_s']) * 1000:.1f} ms "
          f"(reading and checking a bigger image, then making its ROM objects; no module "
          f"code runs); from source the same graph costs "
          f"{(g[100]['source_s'] - g[1]['source_s']) * 1000:.1f} ms more")
    h = report["hello"]
    print(f"hello: caplet run hello.caplet {h['caplet_wall_s'] * 1000:.0f} ms wall "
          f"({h['caplet_cpu_s'] * 1000:.0f} ms CPU), node hello.js "
          f"{h['node_wall_s'] * 1000:.0f} ms wall ({h['node_cpu_s'] * 1000:.0f} ms CPU): "
          f"ratio {h['wall_ratio']:.2f} (target <= 1); parser imported: "
          f"{h['parser_imported']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
