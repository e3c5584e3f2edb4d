"""`--preload`: the module graph runs at build time, its frozen instances go into the
image's ROM section, and booting runs no module code (vm/preload.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from boards import load_board
from compiler.bytecode.image import ImageError, Manifest, read_image, write_image
from vm import Machine
from vm.interpreter import Interpreter
from vm.objects import ROM, Slot
from vm.preload import PreloadError, build, start

ROOT = Path(__file__).resolve().parents[2]
BOARD = load_board("rpi-pico")

LIB = """globalThis.bodies = (globalThis.bodies || 0) + 1;
export const table = Object.freeze([1, 2, 3]);
export const shape = Object.freeze({ kind: 'point', dims: Object.freeze(['x', 'y']) });
let calls = 0;
export function add(a, b) { calls++; return a + b; }
export const count = () => calls;
export class Point { constructor(x) { this.x = x; } norm() { return Math.abs(this.x); } }
"""
MAIN = """import { add, count, Point, table, shape } from './lib.js';
globalThis.bodies = (globalThis.bodies || 0) + 1;
export default function main() {
  console.log(add(2, 3), add(1, 1), count(), new Point(-4).norm(), table.join('-'),
              shape.dims.length, String(globalThis.bodies));
  'use strict';
  try { table.push(4); } catch (e) { console.log(e.constructor.name); }
  try { (() => { 'use strict'; shape.kind = 'q'; })(); }
  catch (e) { console.log(e.constructor.name); }
  console.log(Object.isFrozen(add), [].concat(table).length, add instanceof Function);
}
"""


def graph(tmp_path: Path, main: str = MAIN, lib: str = LIB) -> Path:
    (tmp_path / "lib.js").write_text(lib)
    entry = tmp_path / "main.mjs"
    entry.write_text(main)
    return entry


def image_of(entry: Path) -> bytes:
    root, modules, rom = build(str(entry), output=lambda line: None)
    return write_image(root, board=BOARD, manifest=Manifest("app", "1.0.0", entry.name),
                       modules=modules, rom=rom)


def boot_and_run(data: bytes) -> tuple[list[str], Machine, int]:
    image = read_image(data, board=BOARD)
    lines: list[str] = []
    machine = Machine(output=lines.append)
    module_frames = []
    original = Interpreter.frame

    def counting(self, fn, this, args, new_target):
        if fn.code.kind == "module":
            module_frames.append(fn)
        return original(self, fn, this, args, new_target)

    Interpreter.frame = counting
    try:
        start(machine, image.rom)
    finally:
        Interpreter.frame = original
    return lines, machine, len(module_frames)


def test_round_trip_runs_no_module_code_at_boot(tmp_path):
    data = image_of(graph(tmp_path))
    lines, machine, module_frames = boot_and_run(data)
    assert module_frames == 0
    assert lines == ["5 2 2 4 1-2-3 2 undefined", "TypeError", "TypeError", "true 3 true"]
    image = read_image(data, board=BOARD)
    assert [m.specifier for m in image.modules] == ["./main.mjs", "./lib.js"]
    assert {"add", "table", "Point"} <= {e.export_name for e in image.modules[1].exports}


def test_the_same_graph_gives_the_same_bytes(tmp_path):
    entry = graph(tmp_path)
    assert image_of(entry) == image_of(entry)


def test_objects_preload_cannot_store_are_rejected_with_their_paths(tmp_path):
    entry = graph(tmp_path, main="""export const config = { items: [Object.freeze({}),
          Object.preventExtensions({ a: 1 }), { writable: true }] };
        const waiting = new WeakMap();
        export function get() { return waiting; }
        export const ok = Object.freeze({ fine: true });
        export const sealed = Object.seal([1, 2]);""")
    with pytest.raises(PreloadError) as info:
        build(str(entry), output=lambda line: None)
    listed = str(info.value).splitlines()[1:]
    assert [line.strip() for line in listed] == [
        "./main.mjs: config.items[1] (not extensible, yet not frozen)",
        "./main.mjs: waiting (a WeakMap object, which preload cannot store)",
        "./main.mjs: sealed (not extensible, yet not frozen)"]


def test_rom_objects_are_never_written(tmp_path):
    data = image_of(graph(tmp_path))
    image = read_image(data, board=BOARD)
    lines: list[str] = []
    machine = Machine(output=lines.append)
    start(machine, image.rom)
    rom = [o for o in machine.limits.rom_roots if o.segment is ROM]
    assert len(rom) == len(image.rom.objects)
    before = [(o, dict(o.props), list(getattr(o, "items", [])), o.proto) for o in rom]
    record = machine.main.module_host.module_map[("./lib.js", "javascript")]
    machine.main.global_object.define("lib", machine.modules.namespace(record))
    machine.run_script("""for (const k of ['table', 'shape', 'add', 'Point']) {
          const o = lib[k];
          try { o.extra = 1; } catch {}
          try { Object.defineProperty(o, 'x', { value: 1 }); } catch {}
          try { Object.setPrototypeOf(o, null); } catch {}
          try { delete o.length; } catch {}
        }
        try { lib.table[0] = 9; } catch {}
        try { lib.Point.prototype.norm = null; } catch {}
        console.log(lib.table[0], typeof lib.Point.prototype.norm);""")
    assert lines[-1] == "1 function"
    for obj, props, items, proto in before:
        assert obj.props == props and list(getattr(obj, "items", [])) == items
        assert obj.proto is proto and not obj.extensible
    assert all(type(v) is not Slot or not v.flags & 1 for o, *_ in before
               for v in o.props.values())


def test_a_corrupt_rom_reference_is_refused(tmp_path):
    root, modules, rom = build(str(graph(tmp_path)), output=lambda line: None)
    rom.modules[0].exports[0] = (rom.modules[0].exports[0][0], len(rom.cells) + 5)
    data = write_image(root, board=BOARD, manifest=Manifest("app", "1.0.0", "main.mjs"),
                       modules=modules, rom=rom)
    with pytest.raises(ImageError, match="rom section: module 0 export 0 cell"):
        read_image(data, board=BOARD)


def test_cli_compile_preload_and_run(tmp_path):
    entry = graph(tmp_path)
    out = tmp_path / "app.caplet"
    done = subprocess.run([sys.executable, "-m", "caplet.cli", "compile", str(entry),
                           "--preload", "-o", str(out), "--board", "rpi-pico"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "2 preloaded modules" in done.stdout
    run = subprocess.run([sys.executable, "-m", "caplet.cli", "run", str(out)],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0] == "5 2 2 4 1-2-3 2 undefined"
    bad = tmp_path / "bad.mjs"
    bad.write_text("export const loose = Object.preventExtensions({ a: 1 });")
    refused = subprocess.run([sys.executable, "-m", "caplet.cli", "compile", str(bad),
                              "--preload", "-o", str(tmp_path / "b.caplet"), "--board",
                              "rpi-pico"], capture_output=True, text=True, cwd=ROOT,
                             timeout=120)
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[-1].strip() == \
        "./bad.mjs: loose (not extensible, yet not frozen)"
    assert not (tmp_path / "b.caplet").exists()
