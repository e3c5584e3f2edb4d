"""Boot time: a preloaded image against running the same modules from source, and
`caplet run hello.caplet` against `node hello.js`.

Module graphs of 1, 10 and 100 modules are generated (each module builds a frozen table
in a loop at its top level and exports it with two functions; the entry imports them all
and default-exports ``main``, which calls every module). For each size, best of
``--repeat``, in this process (each run after a full garbage collection, with the
collector off while it is timed, as ``timeit`` does):

- boot: ``read_image(lazy=True)`` (header, digest, section table, manifest, the ROM's
  module table; strings, constants, functions and ROM cells and objects are found and
  decoded when first asked for) + a fresh ``Machine`` + ``vm.preload.boot`` (link
  the module records; ROM objects are made when first reached). This is what must not
  grow with the module count; "read" is its first part alone;
- boot + main: the same, then ``main`` is called (which reaches every module, so this
  part grows with the graph: it is running the app), with module-body activations
  counted (must be 0) and its output compared with the run from source;
- eager read: ``read_image`` decoding and checking everything at once (`caplet verify`);
- from source: a fresh ``Machine`` + ``run_module`` (parse, compile, link, evaluate) +
  a call of ``main``.

Then start-up as the user sees it, in separate processes, best of ``--repeat`` (wall
and CPU seconds): ``python -m caplet.cli run hello.caplet`` beside ``node hello.js`` and
``python -c pass`` (the interpreter's own start-up on this machine, site packages and
all), and whether the parser was imported (``-X importtime``).

    python bench/boot.py [--repeat N] [--json]
"""

from __future__ import annotations

import argparse
import gc
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
    """The fastest of ``repeat`` runs, each started after a full collection and timed
    with the cyclic collector off (as ``timeit`` does), so no run pays for collecting
    garbage an earlier step left (the build-time machine, the previous boots)."""
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            t = time.perf_counter()
            run()
            times.append(time.perf_counter() - t)
        finally:
            gc.enable()
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
    from vm.preload import boot as link
    from vm.preload import build, start
    from vm.values import UNDEFINED

    root, modules, rom = build(str(entry), output=lambda line: None)
    data = write_image(root, board=board, manifest=Manifest("boot", "0.0.0", "main.mjs"),
                       modules=modules, rom=rom, strip=True)
    del root, modules, rom  # the build-time machine: a booting process has only the image
    text = entry.read_text()
    out: list[str] = []
    frames = []
    original = Interpreter.frame

    def counting(self, fn, this, args, new_target):
        if fn.code.kind == "module":
            frames.append(fn)
        return original(self, fn, this, args, new_target)

    def boot():
        image = read_image(data, board=board, lazy=True)
        link(Machine(output=out.append), image.rom)

    def boot_and_main():
        image = read_image(data, board=board, lazy=True)
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
        boot_and_main()
    finally:
        Interpreter.frame = original
    source()
    if len(out) != 2 or out[0] != out[1]:
        raise SystemExit(f"{n} modules: boot and source printed {out!r}")
    return {"modules": n, "image_bytes": len(data), "module_frames_at_boot": len(frames),
            "read_s": best(repeat, lambda: read_image(data, board=board, lazy=True)),
            "boot_s": best(repeat, boot), "boot_main_s": best(repeat, boot_and_main),
            "eager_read_s": best(repeat, lambda: read_image(data, board=board)),
            "source_s": best(repeat, source),
            "machine_s": best(repeat, lambda: Machine(output=out.append))}


def process_times(cmd: list[str], repeat: int, env=None) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
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
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its bytecode
        subprocess.run([sys.executable, "-m", "caplet.cli", "compile", str(src), "-o",
                        str(image), "--board", "rpi-pico", "--strip"], check=True,
                       capture_output=True, env=env)
        caplet = [sys.executable, "-m", "caplet.cli", "run", str(image)]
        node = [node_executable(), str(src)]
        process_times(caplet, 1, env)  # writes the bytecode files
        cw, cc = process_times(caplet, repeat, env)
        nw, nc = process_times(node, repeat)
        pw, pc = process_times([sys.executable, "-c", "pass"], repeat, env)
        imports = subprocess.run([sys.executable, "-X", "importtime", *caplet[1:]],
                                 capture_output=True, text=True, env=env).stderr
        parser = any(line.rstrip().endswith(" compiler.parser") for line in imports.splitlines())
    return {"caplet_wall_s": cw, "caplet_cpu_s": cc, "node_wall_s": nw, "node_cpu_s": nc,
            "python_wall_s": pw, "python_cpu_s": pc, "wall_ratio": cw / nw,
            "cpu_ratio": cc / nc, "parser_imported": parser}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    report = {"graphs": graph_figures(args.repeat), "hello": hello_figures(args.repeat)}
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{'modules':>7}{'image B':>9}{'frames':>8}{'Machine()':>11}{'read':>9}"
          f"{'boot':>9}{'boot+main':>11}{'eager read':>12}{'from source':>13}")
    for r in report["graphs"]:
        print(f"{r['modules']:>7}{r['image_bytes']:>9}{r['module_frames_at_boot']:>8}"
              + "".join(f"{r[k] * 1000:>{w - 2}.1f}ms" for k, w in (
                  ("machine_s", 11), ("read_s", 9), ("boot_s", 9), ("boot_main_s", 11),
                  ("eager_read_s", 12), ("source_s", 13))))
    g = {r["modules"]: r for r in report["graphs"]}
    print(f"boot(100) - boot(1) = {(g[100]['boot_s'] - g[1]['boot_s']) * 1000:.1f} ms "
          f"(no module code runs, no ROM object is made before it is reached); "
          f"with main, which reaches all 100 modules: "
          f"{(g[100]['boot_main_s'] - g[1]['boot_main_s']) * 1000:.1f} ms; from source the "
          f"same graph costs {(g[100]['source_s'] - g[1]['source_s']) * 1000:.1f} ms more")
    h = report["hello"]
    print(f"hello: caplet run hello.caplet {h['caplet_wall_s'] * 1000:.0f} ms wall "
          f"({h['caplet_cpu_s'] * 1000:.0f} ms CPU), node hello.js "
          f"{h['node_wall_s'] * 1000:.0f} ms wall ({h['node_cpu_s'] * 1000:.0f} ms CPU), "
          f"python -c pass {h['python_wall_s'] * 1000:.0f} ms wall "
          f"({h['python_cpu_s'] * 1000:.0f} ms CPU): ratio to node {h['wall_ratio']:.2f} wall, "
          f"{h['cpu_ratio']:.2f} CPU (target <= 1); parser imported: {h['parser_imported']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
