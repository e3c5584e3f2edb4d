"""`read_image(..., lazy=True)`: function bodies are decoded and checked on first use."""

from __future__ import annotations

import pickle

import pytest
from image_support import comparable, compile_text, image_of, reseal, unsealed

import boards
from compiler.bytecode.code import Code
from compiler.bytecode.encoding import encode
from compiler.bytecode.image import ImageError, read_image
from compiler.bytecode.isa import OPCODE
from vm import Machine

PICO = boards.load_board("rpi-pico")
PROGRAM = """function add(a, b) { try { return a + b } finally { console.log('f') } }
const twice = (f) => (x) => f(f(x));
console.log(add(1, 2), twice((v) => v * 2)(5));
"""


def all_codes(code: Code) -> list[Code]:
    out = [code]
    for child in code.functions:
        out += all_codes(child)
    return out


@pytest.mark.parametrize("strip", [False, True])
def test_a_lazy_image_decodes_to_the_same_code(strip):
    data = image_of(PROGRAM, PICO, strip=strip)
    eager = read_image(data)
    lazy = read_image(data, lazy=True)
    assert all("_body" in f.__dict__ for f in lazy.functions)  # nothing decoded yet
    assert comparable(lazy.entry) == comparable(eager.entry)
    assert all(type(f) is Code for f in lazy.functions)  # plain Code once used
    again = read_image(data, lazy=True)
    assert again.functions[1] == eager.functions[1] and eager.functions[2] == \
        again.functions[2]
    assert pickle.loads(pickle.dumps(read_image(data, lazy=True).entry)) == eager.entry


def test_a_lazy_image_runs_and_decodes_only_what_runs():
    data = image_of("function never() { return 1 }\nconsole.log('ran');", PICO)
    image = read_image(data, lazy=True)
    lines: list[str] = []
    Machine(output=lines.append).run_code(image.entry)
    assert lines == ["ran"]
    never = image.functions[1]
    assert never.name == "never" and "_body" in never.__dict__


BAD = "function bad() { return 7 }\nconsole.log('before');\nbad();"


def _bad_register_image() -> bytes:
    """BAD's image, resealed, with `bad` loading into r11, a register it does not have."""
    bad = compile_text(BAD).functions[0]
    raw = encode(bad.code)
    body = unsealed(image_of(BAD, PICO, strip=True))
    at = bytes(body).index(raw)
    assert bad.code[0][0] == OPCODE["LOADINT"] and bad.registers < 11
    damaged = encode([(OPCODE["LOADINT"], 11, *bad.code[0][2:]), *bad.code[1:]])
    assert len(damaged) == len(raw)  # both registers take one nibble
    body[at:at + len(raw)] = damaged
    return reseal(bytes(body))


def test_a_corrupt_body_is_refused_at_first_use_never_run():
    corrupt = _bad_register_image()
    with pytest.raises(ImageError, match="function 1"):
        read_image(corrupt)  # the eager reader refuses it at once
    image = read_image(corrupt, lazy=True)  # the lazy one when `bad` is first called
    lines: list[str] = []
    with pytest.raises(ImageError, match="function 1 "):
        Machine(output=lines.append).run_code(image.entry)
    assert lines == ["before"]


def test_caplet_run_stops_at_a_corrupt_function_with_a_message(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    path = tmp_path / "bad.caplet"
    path.write_bytes(_bad_register_image())
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-m", "caplet.cli", "run", str(path)],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(root)})
    assert done.returncode == 1 and done.stdout == "before\n"
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith(f"caplet: error: {path}: functions section: function 1 ")


def test_mutated_preloaded_images_are_refused_alike_lazily(tmp_path):
    import random

    from vm.preload import build

    (tmp_path / "lib.js").write_text(
        "export const table = Object.freeze([1, 'two', 3n, null, -0.5]);\n"
        "export const state = { n: 1, list: [true, undefined] };\n"
        "export const seen = new Map([['k', Object.freeze({ deep: [1] })]]);\n"
        "export class Point { constructor(x) { this.x = x } get double() { return 2 } }\n")
    entry = tmp_path / "main.mjs"
    entry.write_text("import { table, state, seen, Point } from './lib.js';\n"
                     "export default () => [table, state, seen, new Point(1)];\n")
    from compiler.bytecode.image import Manifest, write_image

    root, modules, rom = build(str(entry), output=lambda line: None)
    base = unsealed(write_image(root, board=PICO, manifest=Manifest("m"), modules=modules,
                                rom=rom, strip=True))
    rng = random.Random(5)
    refused = 0
    for _ in range(1500):
        body = bytearray(base)
        for _ in range(rng.choice((1, 1, 2, 4))):  # edits aimed mostly at the ROM section,
            pos = rng.randrange(len(body) // 3, len(body))  # which comes last
            body[pos] = rng.choice((0, 1, 5, 8, 0x7F, 0x80, 0xFF, rng.randrange(256)))
        data = reseal(bytes(body))
        try:
            read_image(data)
            eager = False
        except ImageError:
            eager = True
        try:
            image = read_image(data, lazy=True)
            objects, functions = image.rom.objects, image.functions
            for i in reversed(range(len(objects))):  # last first: each found by a skim
                assert objects[i].kind
            for i in reversed(range(len(functions))):
                assert functions[i].code
            image.load_all()  # the cells, strings and module records nothing used
            lazy = False
        except ImageError:
            lazy = True
        assert lazy == eager, bytes(body).hex()
        refused += eager
    assert 100 < refused < 1500


def test_booting_a_preloaded_image_decodes_only_what_the_entry_reaches(tmp_path):
    from compiler.bytecode.image import Manifest, write_image
    from vm.preload import boot, build
    from vm.values import UNDEFINED

    for i in range(5):
        (tmp_path / f"m{i}.js").write_text(
            f"export const table = Object.freeze(['m{i}', {i}]);\n"
            f"export function get() {{ return table[0]; }}\n")
    imports = "".join(f"import {{ get as g{i} }} from './m{i}.js';\n" for i in range(5))
    entry = tmp_path / "main.mjs"
    entry.write_text(imports + "export default () => g3();\n")
    root, modules, rom = build(str(entry), output=lambda line: None)
    data = write_image(root, board=PICO, manifest=Manifest("m"), modules=modules, rom=rom,
                       strip=True)
    image = read_image(data, board=PICO, lazy=True)
    tables = {"strings": image.strings, "functions": image.functions,
              "cells": image.rom.cells, "objects": image.rom.objects}

    def decoded() -> dict[str, int]:
        return {name: sum(x is not None for x in t.items) for name, t in tables.items()}

    read = decoded()  # the ROM's module table names strings; nothing else is decoded
    assert read["functions"] == read["cells"] == read["objects"] == 0
    assert 0 < read["strings"] < len(image.strings)
    machine = Machine(output=lambda line: None)
    records = boot(machine, image.rom)
    assert len(records) == 6 and decoded() == read
    main = records[0].env["default"].value  # the entry's default export: one cell, one object
    assert decoded()["cells"] == decoded()["objects"] == decoded()["functions"] == 1
    assert machine.interpreter.call(main, UNDEFINED, []) == "m3"  # reaches m3 only
    reached = decoded()
    assert reached["objects"] < len(image.rom.objects) and \
        reached["functions"] < len(image.functions)
    image.load_all()  # the rest is sound too
    assert type(image.functions) is list and len(image.strings) > read["strings"]
