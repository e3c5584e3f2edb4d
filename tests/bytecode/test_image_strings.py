"""The image's string table: atoms (well-known names stored as numbers), strings numbered
by use, and the header, section table and manifest fields that are left out."""

from __future__ import annotations

import pytest
from image_support import comparable, compile_text, image_of

import boards
from compiler.bytecode import image as image_module
from compiler.bytecode.atoms import ATOMS
from compiler.bytecode.image import ImageError, Manifest, isa_hash, read_image, write_image

PICO = boards.load_board("rpi-pico")


def rejects(data: bytes, check: str, **options) -> None:
    with pytest.raises(ImageError) as info:
        read_image(data, **options)
    assert str(info.value).startswith(check), str(info.value)


def test_builtin_names_are_atoms_and_are_not_spelled():
    text = "console.log(someName.length, typeof someName === 'object', Object.keys({}))"
    data = image_of(text, PICO, strip=True)
    image = read_image(data)
    for name in ("console", "log", "length", "object", "Object", "keys", "someName"):
        assert name in image.strings
    assert b"someName" in data
    for name in (b"console", b"length", b"object", b"keys"):
        assert name not in data
    full = read_image(image_of(text, PICO))  # with lines and sources: all of the Code
    assert comparable(full.entry) == comparable(compile_text(text))


def test_atoms_hold_the_intrinsics_names_once():
    assert len(set(ATOMS)) == len(ATOMS)
    for name in ("", "prototype", "push", "defineProperty", "getOwnPropertyDescriptors",
                 "default", "undefined", "bigint", "toString", "Symbol"):
        assert name in ATOMS


def test_an_image_with_another_atom_table_is_refused(monkeypatch):
    ours, before = image_of("console.log(1)", PICO), isa_hash()
    monkeypatch.setattr(image_module, "ATOMS", ATOMS[:-1] + ("somethingElse",))
    assert isa_hash() != before  # the atom table is part of the hash
    theirs = image_of("console.log(1)", PICO)
    rejects(ours, "instruction set")  # this VM's table differs from the writer's
    monkeypatch.undo()
    rejects(theirs, "instruction set: the image was compiled for ISA")
    assert read_image(ours).strings  # and our own table reads our own image


def test_an_atom_past_the_table_is_refused(monkeypatch):
    """A writer with a longer table (and a reader fooled about its hash) still cannot
    make the reader index past its atoms."""
    monkeypatch.setattr(image_module, "ATOMS", ATOMS + ("brandNewName",))
    data = image_of("brandNewName", PICO)
    assert b"brandNewName" not in data
    theirs = isa_hash()
    monkeypatch.setattr(image_module, "ATOMS", ATOMS)
    monkeypatch.setattr(image_module, "isa_hash", lambda: theirs)
    rejects(data, f"strings section: string 0 names atom {len(ATOMS)}, past the "
                  f"{len(ATOMS)} atoms")


def test_strings_are_numbered_by_how_often_they_are_referenced():
    text = "var rare = 1; hot.a; hot.b; hot.c; hot.d; hot.e(hot.f);"
    image = read_image(image_of(text, PICO, strip=True))
    assert image.strings[0] == "hot"  # six refs, though "rare" is named first
    order = [image.strings.index(s) for s in ("rare", "a", "b", "c", "d", "e", "f")]
    assert order == sorted(order)  # one ref each: in order of first use
    full = read_image(image_of(text, PICO))
    assert comparable(full.entry) == comparable(compile_text(text))


def test_numbering_by_use_is_deterministic_and_round_trips_every_kind_of_ref():
    text = """
    const t = (s, ...v) => s.raw.join('|');
    console.log(t`a${1}b${2}c`, eval('typeof hot'), [hot, hot, 'x', 'y', 'x']);
    function f(hot) { return hot + 'hot' + this.hot; }
    """
    code = compile_text(text)
    first = write_image(code, board=PICO, manifest=Manifest("app"))
    assert first == write_image(compile_text(text), board=PICO, manifest=Manifest("app"))
    assert comparable(read_image(first).entry) == comparable(code)


def test_an_entry_derived_from_the_name_is_not_stored():
    code = compile_text("1")
    for entry in ("blink.js", "blink.mjs", "main.js"):
        data = write_image(code, board=PICO, manifest=Manifest("blink", entry=entry),
                           strip=True)
        back = read_image(data)
        assert (back.manifest.name, back.manifest.entry) == ("blink", entry)
        assert back.modules[0].specifier == entry  # a script's implied record
        assert (entry.encode() in data) == (entry == "main.js")
    derived = write_image(code, board=PICO, manifest=Manifest("blink", entry="blink.js"))
    spelled = write_image(code, board=PICO, manifest=Manifest("blink", entry="main.js"))
    assert len(spelled) > len(derived)


def test_a_preloaded_entry_specifier_and_usual_exports_are_implied():
    from compiler.bytecode.image import ExportEntry, ModuleRecord

    code = compile_text("1")
    exports = (ExportEntry("x", "x"), ExportEntry("y", "z"), ExportEntry("w", "", "./d.js", "w"),
               ExportEntry("*ns*", "", "./d.js", "*"))
    modules = [ModuleRecord("./lib.js", "module", 0, ("./d.js",), (), exports),
               ModuleRecord("./d.js", "module", 0)]
    data = write_image(code, board=PICO, manifest=Manifest("lib", entry="lib.js"),
                       modules=modules, strip=True)
    assert read_image(data).modules == modules
    assert b"lib.js" not in data and b"./d.js" in data
    usual = write_image(code, board=PICO, manifest=Manifest("lib", entry="lib.js"),
                        modules=[ModuleRecord("./lib.js", "module", 0, (), (), exports[:1])],
                        strip=True)
    # module count, implied specifier, kind byte (saying only exports follow), function,
    # export count (1 byte each), then the one export: its name and a field byte saying
    # the rest are the usual ones (7 bytes; 11 in format 4, with empty request and import
    # counts and all four names spelled)
    assert {s.name: s.length for s in read_image(usual).sections}["modules"] == 7


def test_the_header_names_its_board_without_a_length_and_lists_sections_by_bitmap():
    from compiler.bytecode.image import FUNCTIONS, MANIFEST, STRINGS, read_header

    data = image_of("console.log(1)", PICO, strip=True)
    head = read_header(data)
    assert data[9:9 + len("rpi-pico")] == b"rpi-pico"  # readable, right after the ISA hash
    assert data[9 + len("rpi-pico")] == 1  # armv6-m's code ends the name
    assert head.kinds == (STRINGS, FUNCTIONS, MANIFEST) and head.sections == 3
    assert data[head.size - 1] == 0b10101  # the bitmap: kinds 1, 3 and 5
    assert (head.board, head.arch) == ("rpi-pico", "armv6-m")
    for n in (9, 12, 9 + len("rpi-pico")):  # cut inside the name, before the bitmap
        with pytest.raises(ImageError, match="^truncated: the image ends inside its header"):
            read_header(data[:n])
    bad = bytearray(data)
    bad[12] = 0x20  # a space ends the name early: not an architecture code
    with pytest.raises(ImageError, match="^header: board name field is malformed"):
        read_header(bytes(bad))
    long = bytearray(data[:9]) + b"x" * 40 + data[9 + len("rpi-pico"):]
    with pytest.raises(ImageError, match="^header: board name field is malformed"):
        read_header(bytes(long))


def test_rom_prototype_links_and_plain_functions_are_left_out():
    from compiler.bytecode.code import Code
    from compiler.bytecode.image import ModuleRecord
    from compiler.bytecode.isa import OPCODE
    from compiler.bytecode.rom import Rom, RomModule, RomObject

    body = Code("f", params=1, registers=1, length=1, code=[(OPCODE["RETURNUNDEF"],)])
    root = Code("", kind="script", functions=[body], code=[(OPCODE["RETURNUNDEF"],)])
    u, fproto = ("undefined",), ("intrinsic", "%Function.prototype%")

    def prop(key, value, flags=0):
        return (("string", key), flags, value, u, u)

    usual = [prop("length", ("number", 1.0)), prop("name", ("string", "f"))]

    def objects(proto_flags=0):
        return [RomObject("function", fproto, usual + [prop("prototype", ("object", 1),
                                                             proto_flags)],
                          code=body, constructor_kind="base"),
                RomObject("object", ("intrinsic", "%Object.prototype%"),
                          [prop("constructor", ("object", 0)), prop("k", ("number", 2.0))]),
                RomObject("function", fproto, usual, code=body, home=("object", 1),
                          this=("null",)),  # not plain: home and this stored
                RomObject("object", ("null",), [prop("constructor", ("null",))])]

    def image(objs):
        rom = Rom(cells=[("object", 0)], objects=objs, modules=[RomModule("./m.js",
                                                                          [("f", 0)])])
        return write_image(root, board=PICO, manifest=Manifest("m"), rom=rom, strip=True,
                           modules=[ModuleRecord("./m.js", "module", 1)])

    def fields(o):
        return (o.kind, o.proto, o.props, o.items, o.constructor_kind, o.home, o.this,
                o.cells)

    for objs in (objects(), objects(proto_flags=1)):  # a writable prototype: spelled
        data = image(objs)
        lazy = read_image(data, lazy=True)
        assert fields(lazy.rom.objects[3]) == fields(objs[3])  # skims objects 0-2 first
        back = read_image(data).rom
        assert [fields(o) for o in back.objects] == [fields(o) for o in objs]
    linked, spelled = read_image(image(objects())), read_image(image(objects(1)))
    assert "prototype" not in linked.strings, linked.strings
    assert "prototype" in spelled.strings
    assert len(image(objects())) < len(image(objects(1)))


def test_rom_export_names_are_the_module_records():
    from compiler.bytecode.code import Code
    from compiler.bytecode.image import ExportEntry, ModuleRecord
    from compiler.bytecode.isa import OPCODE
    from compiler.bytecode.rom import Rom, RomModule

    body = Code("m", code=[(OPCODE["RETURNUNDEF"],)])
    root = Code("", kind="script", functions=[body], code=[(OPCODE["RETURNUNDEF"],)])

    def image(record_exports):
        rom = Rom(cells=[("number", 1.0)], modules=[RomModule("./m.js", [("api", 0)])])
        data = write_image(root, board=PICO, manifest=Manifest("m"), rom=rom, strip=True,
                           modules=[ModuleRecord("./m.js", "module", 1, (), (),
                                                 record_exports)])
        back = read_image(data)
        assert back.rom.modules[0].exports == [("api", 0)]
        return {s.name: s.length for s in back.sections}["rom"]

    named = image((ExportEntry("api", "api"),))  # the record names it: only the cell
    assert image(()) == named + 1
    assert image((ExportEntry("other", "other"),)) == named + 1
