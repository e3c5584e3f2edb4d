"""Images: round trips (every opcode, every constant kind, every tests/js program), byte
determinism, and every check of the reader (each rejection names the check)."""

from __future__ import annotations

import hashlib
import os
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest
from image_support import (
    body_length,
    comparable,
    compile_text,
    image_of,
    reseal,
    unsealed,
    with_section_kinds,
)

import boards
from compiler import JSSyntaxError
from compiler.bytecode import signing
from compiler.bytecode.code import Code, EvalSite, TemplateSite
from compiler.bytecode.encoding import number_nibbles
from compiler.bytecode.image import (
    FORMAT_VERSION,
    HEADER_SIZE,
    MAGIC,
    ROM,
    SOURCES,
    ExportEntry,
    ImageError,
    ImportEntry,
    Manifest,
    ModuleRecord,
    estimate_boot_ram,
    isa_hash,
    read_header,
    read_image,
    write_image,
)
from compiler.bytecode.isa import NAMES, OPCODE, OPERANDS

ROOT = Path(__file__).resolve().parents[2]
PICO = boards.load_board("rpi-pico")
ESP32 = boards.load_board("esp32-devkitc")
PROGRAM = """
class Counter { #n = 0; next() { return ++this.#n; } }
const c = new Counter();
function* gen() { yield 1.5; yield -0; yield 10n ** 30n; }
const pi = 3.141592653589793, big = 2 ** 60, neg = -7, nan = 0 / 0;
console.log(c.next(), c.next(), [...gen()], `t${pi}\\u{1F600}\\ud800`, big, neg, nan);
try { null.x } catch (e) { console.log(e instanceof TypeError) }
"""


def test_a_program_round_trips_to_equal_code():
    code = compile_text(PROGRAM)
    image = read_image(write_image(code, board=PICO, manifest=Manifest("app")), board=PICO)
    assert comparable(image.entry) == comparable(code)
    assert image.board == "rpi-pico" and image.arch == "armv6-m" and not image.stripped


def test_every_opcode_round_trips():
    """One function using every opcode, with one-nibble, two-nibble and escaped operands."""
    child = Code("child", registers=1, code=[(OPCODE["RETURNUNDEF"],)])
    for value in (1, 40, 70000):  # one nibble, two, the escape and 3-bit groups
        constants = [f"k{i}" for i in range(value + 1)]
        # the two opcodes whose constant must be a site get one of the right kind
        constants[value - 1] = EvalSite(names=(("x", 0, "var", "var"),), strict=True)
        constants[value] = TemplateSite(("a", None), ("a", "\\u"))
        constants.append(("f", "v", "l", "c"))  # DEFGLOBALS: a tuple of names
        code = Code("all", registers=value + 8, cells=2, constants=constants,
                    functions=[child])
        for op, kinds in enumerate(OPERANDS):
            operands = []
            for kind in kinds:
                k = {"EVAL": value - 1, "DEFGLOBALS": value + 1}.get(NAMES[op], value)
                operands.append({"R": value, "K": k, "N": 1, "I": -value, "J": 0,
                                 "F": 0, "C": 1}[kind])
            code.code.append((op, *operands))
        code.code.append((OPCODE["RETURNUNDEF"],))
        data = write_image(code, board=PICO, manifest=Manifest("ops"))
        image = read_image(data)
        assert image.entry.code == code.code
        assert {ins[0] for ins in image.entry.code} == set(range(len(NAMES)))


CONSTANTS = [None, True, False, 0.0, -0.0, 1.0, -1.0, 1.5, float("nan"), float("inf"),
             float("-inf"), 2.0 ** 53, 2.0 ** 60, -(2.0 ** 53) + 1, 5e-324, 1.7976931348623157e308,
             0, 7, -7, 2 ** 64, -(2 ** 200) - 1, "", "a", "h\u00e9llo", "\ud83d\ude00", "\ud800",
             "\udfff x", "x" * 1000, ("cooked", None), ("a", ("b", 2.5), []), ["l", 1],
             TemplateSite(("x", None, ""), ("x", "\\u{", "")),
             EvalSite(names=(("a", 3, "let", "lex"), ("arguments", 0, "arguments", "var")),
                      function=True, evalvars=2, depth=2, this_cell=1, new_target=True,
                      super_prop=True, privates=("p",))]


@pytest.mark.parametrize("board", [PICO, PICO.replace(name="pico-be", endianness="big")],
                         ids=["little", "big"])
def test_every_constant_kind_round_trips(board):
    code = Code("k", registers=1, constants=list(CONSTANTS), code=[(OPCODE["RETURNUNDEF"],)])
    image = read_image(write_image(code, board=board, manifest=Manifest("k")))
    assert comparable(image.entry) == comparable(code)
    assert [type(v) for v in image.entry.constants] == [type(v) for v in CONSTANTS]
    assert image.endianness == board.endianness


def test_big_endian_images_differ_only_where_byte_order_matters():
    pi = 3.141592653589793  # 16 digits: stored as a double, not a decimal
    code = Code("k", registers=1, constants=[pi], code=[(OPCODE["RETURNUNDEF"],)])
    little = write_image(code, board=PICO, manifest=Manifest("k"))
    big = write_image(code, board=PICO.replace(endianness="big"), manifest=Manifest("k"))
    assert little != big and len(little) == len(big)
    assert struct.pack("<d", pi) in little and struct.pack(">d", pi) in big


DECIMALS = [0.5, -0.5, 0.1, 2.0561, 123.456, -1.25e-07, 1e21, 1e300, 5e-324,
            2.2250738585072014e-308]


def test_short_decimals_are_stored_as_digits_and_read_back_bit_for_bit():
    code = Code("k", registers=1, constants=list(DECIMALS), code=[(OPCODE["RETURNUNDEF"],)])
    data = write_image(code, board=PICO, manifest=Manifest("k"))
    back = read_image(data).entry.constants
    assert [struct.pack("<d", v) for v in back] == [struct.pack("<d", v) for v in DECIMALS]
    assert not any(struct.pack("<d", v) in data for v in DECIMALS[:-1])
    half = write_image(Code("k", registers=1, constants=[0.5],
                            code=[(OPCODE["RETURNUNDEF"],)]), board=PICO, manifest=Manifest("k"))
    assert len(data) > len(half)
    from compiler.bytecode.image import K_DECIMAL
    assert bytes([K_DECIMAL, 10, 1]) in half  # 5 * 10**-1: zigzag 10 and 1
    huge = write_image(Code("k", registers=1, constants=[1e300],
                            code=[(OPCODE["RETURNUNDEF"],)]), board=PICO, manifest=Manifest("k"))
    body = unsealed(huge)
    at = bytes(body).index(bytes([K_DECIMAL, 2, 0xD8, 0x04]))  # 1 * 10**300
    body[at + 2:at + 4] = bytes([0xFF, 0x7F])  # an exponent far beyond any double
    with pytest.raises(ImageError, match="decimal exponent"):
        read_image(reseal(bytes(body)))


def test_strings_and_constants_are_deduplicated():
    text = "var a = 'shared', b = 'shared'; function f() { return 'shared' + 1.25 }" \
           "function g() { return 'shared' + 1.25 }"
    image = read_image(image_of(text, PICO))
    assert image.strings.count("shared") == 1
    assert sum(1 for v in image.constants if v == 1.25) == 1


def test_strip_drops_lines_and_sources_only():
    code = compile_text(PROGRAM)
    full = read_image(write_image(code, board=PICO, manifest=Manifest("a")))
    stripped = read_image(write_image(code, board=PICO, manifest=Manifest("a"), strip=True))
    assert {s.name for s in full.sections} - {s.name for s in stripped.sections} == \
        {"lines", "sources"}
    assert stripped.stripped and all(not f.lines and f.text is None for f in stripped.functions)
    assert [f.code for f in stripped.functions] == [f.code for f in full.functions]
    assert stripped.size < full.size


def test_modules_and_manifest_are_stored():
    code = compile_text("1")
    modules = [ModuleRecord("main.js"),
               ModuleRecord("./lib.mjs", "module", 0, ("./dep.mjs",),
                            (ImportEntry("./dep.mjs", "default", "dep"),),
                            (ExportEntry("x", "x"), ExportEntry("y", "", "./dep.mjs", "*")))]
    manifest = Manifest("blink", "1.2.3", "main.js", ("digital", "timer"), 4096)
    image = read_image(write_image(code, board=PICO, manifest=manifest, modules=modules))
    assert image.modules == modules and image.manifest == manifest


def test_code_fields_the_format_does_not_know_are_refused():
    class Extended(Code):
        FIELDS = (*Code.FIELDS, "module_info")

        def __init__(self, *args, module_info: int = 0, **fields) -> None:
            super().__init__(*args, **fields)
            self.module_info = module_info

    code = Extended("x", registers=1, code=[(OPCODE["RETURNUNDEF"],)], module_info=3)
    with pytest.raises(ImageError, match="Code.module_info is not stored"):
        write_image(code, board=PICO, manifest=Manifest("x"))


def test_unstorable_constants_are_refused():
    code = Code("x", registers=1, constants=[object()], code=[(OPCODE["RETURNUNDEF"],)])
    with pytest.raises(ImageError, match="cannot store a constant of type object"):
        write_image(code, board=PICO, manifest=Manifest("x"))


# --- the tests/js corpus ------------------------------------------------------------

def _corpus():
    known = (ROOT / "tests/js/known_failures.txt").read_text().split("\n")
    skip = {line.split()[0] for line in known if line and not line.startswith("#")}
    return [p for p in sorted((ROOT / "tests/js").glob("*/*.js"))
            if p.relative_to(ROOT / "tests/js").as_posix() not in skip]


def _run(code, seconds: float = 5.0) -> tuple[list[str], str | None]:
    from vm import Machine, UncaughtError

    out: list[str] = []
    deadline = time.monotonic() + seconds
    machine = Machine(output=out.append, step_budget=20_000,
                      limit_hook=lambda: time.monotonic() < deadline)
    try:
        machine.run_code(code)
    except UncaughtError as e:
        return out, str(e)
    return out, None


# A stripped image keeps no source text: these print functions' source (or tell classes
# by it), so their output differs when stripped.
SOURCE_DEPENDENT = {"console/functions.js", "strings/template_literals.js",
                    "functions/method_names.js", "functions/function_tostring.js"}


def test_every_tests_js_program_round_trips_and_runs_the_same():
    programs = _corpus()
    assert len(programs) > 250
    differs = set()
    for path in programs:
        name = path.relative_to(ROOT / "tests/js").as_posix()
        text = path.read_text(encoding="utf-8")
        try:
            code = compile_text(text, str(path))
        except JSSyntaxError:
            continue
        expected = _run(compile_text(text, str(path)))
        for strip in (False, True):
            data = write_image(code, board=ESP32, manifest=Manifest(path.stem), strip=strip)
            image = read_image(data, board=ESP32)
            if not strip:
                assert comparable(image.entry) == comparable(code), name
                assert _run(image.entry) == expected, name
            elif _run(image.entry) != expected:
                differs.add(name)
    assert differs == SOURCE_DEPENDENT


# --- determinism --------------------------------------------------------------------

def test_same_input_same_bytes():
    a = image_of(PROGRAM, PICO)
    b = image_of(PROGRAM, PICO)
    assert a == b
    assert image_of(PROGRAM, PICO, strip=True) == image_of(PROGRAM, PICO, strip=True)


def test_same_bytes_across_processes_and_hash_seeds():
    script = ("import hashlib, sys; sys.path.insert(0, 'tests/bytecode');"
              "from image_support import image_of; import boards;"
              "src = open('tests/js/classes/private_methods.js').read();"
              "print(hashlib.sha256(image_of(src, boards.load_board('nrf52840-dk'))).hexdigest())")
    digests = set()
    for seed in ("0", "1", "12345", "random"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env,
                             capture_output=True, text=True, check=True)
        digests.add(out.stdout.strip())
    src = (ROOT / "tests/js/classes/private_methods.js").read_text()
    assert digests == {hashlib.sha256(image_of(src, boards.load_board("nrf52840-dk")))
                       .hexdigest()}


# --- the reader's checks ------------------------------------------------------------

GOOD = image_of(PROGRAM, PICO)


def rejects(data: bytes, check: str, **options) -> None:
    with pytest.raises(ImageError) as info:
        read_image(data, **options)
    assert str(info.value).startswith(check), str(info.value)


def test_truncated_images():
    for n in (0, 10, HEADER_SIZE, len(GOOD) // 2, len(GOOD) - 1):
        rejects(GOOD[:n], "truncated")


def test_trailing_bytes():
    rejects(GOOD + b"\0", "oversized")


def test_too_big_for_the_board():
    micro = boards.load_board("microbit-v2")
    rejects(GOOD + b"\0" * micro.flash.largest_slot, "size", board=micro)
    rejects(b"\0" * (17 * 1024 * 1024), "size")


def test_a_flipped_bit_anywhere_fails_the_digest_or_an_earlier_check():
    for pos in range(0, len(GOOD), 7):
        data = bytearray(GOOD)
        data[pos] ^= 1 << (pos % 8)
        with pytest.raises(ImageError):
            read_image(bytes(data))
    data = bytearray(GOOD)
    data[HEADER_SIZE + 40] ^= 4
    rejects(bytes(data), "digest")


def test_magic():
    rejects(b"\x7fELF" + GOOD[4:], "magic")


def test_wrong_format_version():
    body = unsealed(GOOD)
    body[len(MAGIC)] = FORMAT_VERSION + 1
    rejects(reseal(bytes(body)), f"format version: the image is version {FORMAT_VERSION + 1}, "
            f"this reader reads version {FORMAT_VERSION}")


def test_wrong_instruction_set():
    body = unsealed(GOOD)
    body[len(MAGIC) + 3] ^= 0xFF  # the ISA hash, after the version, flags and ISA version
    rejects(reseal(bytes(body)), "instruction set")
    body = unsealed(GOOD)
    body[len(MAGIC) + 2] = 99  # the ISA version (a varint)
    rejects(reseal(bytes(body)), "instruction set: the image was compiled for ISA 99")


def test_the_isa_hash_follows_the_table(monkeypatch):
    from compiler.bytecode import image as image_module

    before = isa_hash()
    table = list(image_module.OPCODES)
    table[3] = (table[3][0], table[3][1] + "R", table[3][2])
    monkeypatch.setattr(image_module, "OPCODES", table)
    assert isa_hash() != before
    table[3] = (table[3][0], table[3][1][:-1], "reworded doc")
    assert isa_hash() == before


def test_wrong_board():
    rejects(GOOD, "board: the image is for rpi-pico, not esp32-devkitc", board=ESP32)
    other_arch = PICO.replace(arch="riscv32")
    rejects(GOOD, "board: the image targets armv6-m", board=other_arch)


def test_a_section_labelled_rom_is_checked_as_a_rom_snapshot():
    code = compile_text("1")
    data = write_image(code, board=PICO, manifest=Manifest("x"))
    body = unsealed(data)
    kinds = list(read_header(body).kinds)
    assert kinds[-1] == SOURCES
    kinds[-1] = ROM  # the last section (the sources) relabelled as a ROM snapshot
    rejects(reseal(bytes(with_section_kinds(body, kinds))), "rom section: ")


def test_unknown_sections():
    body = unsealed(image_of("1", PICO))
    kinds = list(read_header(body).kinds)
    kinds[-1] = 60  # kinds from 16 on are optional: skipped
    image = read_image(reseal(bytes(with_section_kinds(body, kinds))))
    assert "sources" not in {s.name for s in image.sections}
    kinds[-1] = 12  # 9-15 are required kinds
    rejects(reseal(bytes(with_section_kinds(body, kinds))),
            "section table: unknown required section kind 12")


def _stored_code(image, instructions: list) -> bytes:
    """The entry function's instructions encoded as the image stores them."""
    from compiler.bytecode.encoding import encode
    from compiler.bytecode.image import _constants_in_code

    refs = [image.strings.index(v) if isinstance(v, str)  # records come after the strings
            else len(image.strings) + image.constants.index(v) for v in image.entry.constants]
    inline = _constants_in_code(instructions, refs)  # K operands stored as const refs
    return encode(inline if inline is not None else instructions)


def _function_code_offset(data: bytes) -> int:
    """Where the entry function's bytecode starts (found by its known bytes)."""
    image = read_image(data)
    raw = _stored_code(image, image.entry.code)
    pos = data.find(raw)
    assert pos > 0 and data.find(raw, pos + 1) == -1
    return pos


def test_operands_out_of_range_are_refused_even_with_a_valid_digest():
    data = image_of("let a = 1, b = 2; console.log(a + b)", PICO, strip=True)
    start = _function_code_offset(data)
    image = read_image(data)
    registers = image.entry.registers
    assert registers < 12  # so an out-of-range register still takes one nibble
    code = list(image.entry.code)
    original = _stored_code(image, code)
    for i, ins in enumerate(code):  # push the first register operand out of range
        if OPERANDS[ins[0]].startswith("R"):
            code[i] = (ins[0], registers, *ins[2:])
            break
    damaged = _stored_code(image, code)
    assert len(damaged) == len(original) and damaged != original
    body = unsealed(data)
    body[start:start + len(damaged)] = damaged
    rejects(reseal(bytes(body)), "functions section: function 0 instruction")


def test_a_method_read_whose_this_register_is_missing_is_refused():
    """GETGLOBALMETHOD writes r[a+1] too: that register must exist."""
    for registers in (1, 2):
        code = Code("f", registers=registers, constants=["g", "k"], code=[
            (OPCODE["GETGLOBALMETHOD"], 0, 0, 1), (OPCODE["RETURNUNDEF"],)])
        data = write_image(code, board=PICO, manifest=Manifest("x"))
        if registers == 2:
            assert read_image(data).entry.code == code.code
        else:
            rejects(data, "functions section: function 0 instruction 0 (GETGLOBALMETHOD): "
                           "writes register r1")


def test_constant_lists_inline_or_listed_round_trip():
    ops = [(OPCODE["LOADK"], 0, 1), (OPCODE["LOADK"], 0, 0), (OPCODE["RETURN"], 0)]
    for constants in (["a", 2.5], ["a", 2.5, "unused"]):  # first use out of order; extra
        code = Code("x", registers=1, constants=constants, code=ops)
        back = read_image(write_image(code, board=PICO, manifest=Manifest("x"))).entry
        assert comparable(back) == comparable(code)
    code = Code("x", registers=1, constants=["a", 2.5], code=[
        (OPCODE["LOADK"], 0, 0), (OPCODE["LOADK"], 0, 1), (OPCODE["RETURN"], 0)])
    data = write_image(code, board=PICO, manifest=Manifest("x"))
    assert read_image(data).entry.constants == ["a", 2.5]
    body = unsealed(data)
    pos = _function_code_offset(data)
    image = read_image(data)
    assert len(image.strings) < 5
    stored = _stored_code(image, image.entry.code)
    assert number_nibbles(OPCODE["LOADK"]) == [OPCODE["LOADK"]]  # so its K is nibble 2
    assert stored[1] & 15 == image.strings.index("a")  # a string's const ref
    body[pos + 1] = body[pos + 1] & 0xF0 | 10  # past the strings and the one record
    missing = 10 - len(image.strings)
    rejects(reseal(bytes(body)), f"functions section: function 0 constant: constant {missing} "
            "is out of range (limit 1)")


def test_code_that_runs_off_its_end_is_refused():
    code = Code("x", registers=1, code=[(OPCODE["LOADUNDEF"], 0)])
    data = write_image(code, board=PICO, manifest=Manifest("x"))
    rejects(data, "functions section: function 0 bytecode: control can run past")


def test_signatures():
    private = signing.load_private_key(_keyfile("a"))
    other = signing.load_public_key(_keyfile("b", public=True))
    mine = private.public_key()
    signed = image_of(PROGRAM, PICO, signing_key=private)
    image = read_image(signed, public_key=mine)
    assert image.signed and image.signature_verified
    assert read_image(signed).signed  # without a key: digest checked, signature not
    rejects(signed, "signature: the Ed25519 signature does not verify", public_key=other)
    rejects(GOOD, "signature: the image is not signed", public_key=mine)
    rejects(GOOD, "signature: the image is not signed", require_signature=True)
    tampered = bytearray(signed)
    tampered[-1] ^= 1  # the signature itself
    rejects(bytes(tampered), "signature", public_key=mine)
    stripped_sig = signed[:body_length(signed) + 32]
    rejects(stripped_sig, "truncated")


_KEYS: dict = {}


def _keyfile(name: str, public: bool = False) -> Path:
    import tempfile

    if name not in _KEYS:
        folder = Path(tempfile.mkdtemp())
        priv, pub = signing.generate()
        (folder / "k.key").write_bytes(priv)
        (folder / "k.pub").write_bytes(pub)
        _KEYS[name] = folder
    return _KEYS[name] / ("k.pub" if public else "k.key")


def test_key_files_are_checked(tmp_path):
    bad = tmp_path / "bad.pem"
    bad.write_text("not a key")
    with pytest.raises(signing.SigningKeyError, match="bad.pem is not"):
        signing.load_private_key(bad)
    with pytest.raises(signing.SigningKeyError, match="bad.pem is not"):
        signing.load_public_key(bad)
    with pytest.raises(signing.SigningKeyError, match="cannot read"):
        signing.load_public_key(tmp_path / "missing.pub")


# --- the boot RAM estimate ----------------------------------------------------------

def test_boot_ram_follows_the_cost_model():
    image = read_image(image_of("var a = 1; let b = 'xy'; function f() {} function g() {}",
                                PICO))
    cost = PICO.cost
    ram = estimate_boot_ram(image, cost)
    assert ram["globals"] == cost.object_header + 4 * cost.property_slot
    assert ram["closures"] == 2 * cost.closure
    assert ram["code"] == sum(image.code_sizes) * cost.code_byte
    assert ram["total"] == sum(v for k, v in ram.items() if k != "total")
    doubled = cost.replace(closure=2 * cost.closure)
    assert estimate_boot_ram(image, doubled)["total"] == ram["total"] + 2 * cost.closure


def test_magic_is_what_the_cli_sniffs():
    from caplet.image_commands import MAGIC as CLI_MAGIC

    assert CLI_MAGIC == MAGIC


def test_rom_objects_round_trip_with_their_usual_parts_left_out():
    from compiler.bytecode.rom import Rom, RomModule, RomObject

    body = Code("f", params=2, registers=2, code=[(OPCODE["RETURNUNDEF"],)])
    root = Code("", kind="script", functions=[body], code=[(OPCODE["RETURNUNDEF"],)])
    u = ("undefined",)

    def prop(key, value, flags=0):
        return (("string", key), flags, value, u, u)

    usual = [prop("length", ("number", 2.0)), prop("name", ("string", "f"))]
    rom = Rom(cells=[("number", -0.0), ("number", 3.0), ("number", -7.0), ("number", 0.5)],
              objects=[
                  RomObject("function", ("intrinsic", "%Function.prototype%"),
                            usual + [prop("prototype", ("object", 1))], code=body,
                            constructor_kind="base"),
                  RomObject("object", ("intrinsic", "%Object.prototype%"),
                            [prop("constructor", ("object", 0))]),
                  RomObject("function", ("null",), usual[::-1], code=body),  # other order
                  RomObject("function", ("intrinsic", "%Function.prototype%"),
                            [prop("length", ("number", 1.0)), usual[1]], code=body),
                  RomObject("array", ("intrinsic", "%Object.prototype%"), items=[u])])
    rom.modules.append(RomModule("./m.js", [("x", 0)]))
    data = write_image(root, board=PICO, manifest=Manifest("m"), rom=rom,
                       modules=[ModuleRecord("./m.js", "module", 1)])
    back = read_image(data).rom
    assert back.cells == rom.cells and str(back.cells[0][1]) == "-0.0"
    for mine, theirs in zip(rom.objects, back.objects, strict=True):
        assert (mine.kind, mine.proto, mine.props, mine.items, mine.constructor_kind) == \
            (theirs.kind, theirs.proto, theirs.props, theirs.items, theirs.constructor_kind)


def test_the_header_is_tight_and_empty_sections_are_left_out():
    data = write_image(compile_text("1"), board=PICO, manifest=Manifest("app", entry="app.js"))
    head = read_header(data)
    # magic, version, flags, ISA version, ISA hash, board name (the arch code ends it),
    # arch code, section bitmap
    assert head.size == 4 + 1 + 1 + 1 + 2 + len("rpi-pico") + 1 + 1
    assert (head.arch, head.word_size, head.endianness) == ("armv6-m", 4, "little")
    image = read_image(data)
    assert {s.name for s in image.sections} == {"strings", "functions", "manifest", "lines",
                                                "sources"}
    assert image.modules == [ModuleRecord("app.js")] and image.manifest.name == "app"
    named = write_image(compile_text("1"), board=PICO,
                        manifest=Manifest("other", entry="app.js"))
    assert read_image(named).manifest.name == "other" and len(named) > len(data)


def test_an_architecture_outside_the_table_is_stored_by_name():
    board = PICO.replace(arch="mips32")
    data = write_image(compile_text("1"), board=board, manifest=Manifest("app"))
    assert read_header(data).arch == "mips32"
    assert read_image(data, board=board).arch == "mips32"
    rejects(data, "board: the image targets mips32", board=PICO)


def test_the_word_size_must_be_given():
    body = unsealed(GOOD)
    body[len(MAGIC) + 1] &= ~0x18
    rejects(reseal(bytes(body)), "header: the word size is not given")
