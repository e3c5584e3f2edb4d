"""Preloaded objects that are still writable: aliased, never written in the image.

Each Global that boots a preloaded image gets its own copy of such an object (a plain
object, an array, a Map or a Set), made in its heap from the ROM bytes when it first
reaches it; what another Global or another boot sees is the ROM's value.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from boards import load_board
from compiler.bytecode.image import Manifest, read_image, write_image
from vm import Machine
from vm.new_global import new_global
from vm.objects import ROM, JSArray, JSObject
from vm.preload import boot, build, start
from vm.values import UNDEFINED

ROOT = Path(__file__).resolve().parents[2]
BOARD = load_board("rpi-pico")
LIB = """export const counter = { n: 0 };
export const log = ['built'];
export const seen = new Map([['boot', 0]]);
export const tags = new Set(['a']);
export const shared = Object.freeze({ counter, note: 'frozen' });
counter.n = 10;  // the value at the end of the build is the one stored
export function bump(tag) {
  counter.n++; log.push(tag); seen.set(tag, counter.n); tags.add(tag);
  return counter.n;
}
"""
MAIN = """import { bump, counter, log, seen, tags, shared } from './lib.js';
export default function main() {
  console.log(bump('x'), bump('y'), counter.n, log.join(), [...seen].join(';'),
              [...tags].join(), shared.counter === counter, Object.isFrozen(counter),
              Object.isFrozen(shared));
}
"""
FIRST_RUN = "11 12 12 built,x,y boot,0;x,11;y,12 a,x,y true false true"


@pytest.fixture
def image(tmp_path: Path) -> bytes:
    (tmp_path / "lib.js").write_text(LIB)
    entry = tmp_path / "main.mjs"
    entry.write_text(MAIN)
    root, modules, rom = build(str(entry), output=lambda line: None)
    kinds = sorted(o.kind for o in rom.objects if o.kind.startswith("alias-"))
    assert kinds == ["alias-array", "alias-map", "alias-object", "alias-set"]
    return write_image(root, board=BOARD, manifest=Manifest("app", "1.0.0", "main.mjs"),
                       modules=modules, rom=rom)


def run(data: bytes, lazy: bool) -> list[str]:
    lines: list[str] = []
    start(Machine(output=lines.append), read_image(data, board=BOARD, lazy=lazy).rom)
    return lines


def test_every_boot_starts_from_the_rom_value(image):
    kept = bytes(image)
    rom_before = read_image(image, board=BOARD).rom
    for lazy in (False, True, True):
        assert run(image, lazy) == [FIRST_RUN]
    assert image == kept and read_image(image, board=BOARD).rom == rom_before


def test_two_globals_write_their_own_copies(image):
    rom = read_image(image, board=BOARD, lazy=True).rom
    machine = Machine(output=lambda line: None)
    other = new_global(machine, machine.main, UNDEFINED)
    first, second = boot(machine, rom), boot(machine, rom, other)
    lib_first, lib_second = first[1].env, second[1].env

    def bump(lib, tag):
        return machine.interpreter.call(lib["bump"].value, UNDEFINED, [tag])

    assert [bump(lib_first, t) for t in "pqr"] == [11.0, 12.0, 13.0]
    assert bump(lib_second, "s") == 11.0  # the ROM's 10, not the first Global's 13
    counters = [lib["counter"].value for lib in (lib_first, lib_second)]
    assert counters[0] is not counters[1]
    assert [c.get("n") for c in counters] == [13.0, 11.0]
    logs = [lib["log"].value for lib in (lib_first, lib_second)]
    assert [len(a.items) for a in logs] == [4, 2]
    for lib in (lib_first, lib_second):  # copies live in the Global's heap, the rest in ROM
        assert all(lib[name].value.segment is None
                   for name in ("counter", "log", "seen", "tags"))
        assert lib["shared"].value.segment is ROM and lib["bump"].value.segment is ROM
    assert isinstance(logs[0], JSArray) and isinstance(counters[0], JSObject)
    assert lib_second["shared"].value.get("counter") is counters[1]


def test_the_cli_runs_an_aliasing_image_twice_alike(image, tmp_path):
    path = tmp_path / "app.caplet"
    path.write_bytes(image)
    for _ in range(2):
        done = subprocess.run([sys.executable, "-m", "caplet.cli", "run", str(path)],
                              capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines() == [FIRST_RUN]
    assert path.read_bytes() == image
