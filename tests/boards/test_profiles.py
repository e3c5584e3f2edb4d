"""Board profiles: the shipped files load with their real figures; every kind of mistake
in a board file is rejected naming the file, the field and the problem."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import boards
from boards import BoardError, load_board_file, parse_board

SHIPPED = Path(boards.__file__).parent


def test_the_six_real_boards_are_shipped():
    assert boards.board_names() == ["esp32-devkitc", "esp8266-nodemcu", "microbit-v2",
                                    "nrf52840-dk", "rpi-pico", "stm32f4-discovery"]


@pytest.mark.parametrize("name", boards.board_names())
def test_every_shipped_board_is_valid_and_cites_sources(name):
    b = boards.load_board(name)
    assert b.name == name and b.sources and all(s.startswith("https://") for s in b.sources)
    assert len(b.flash.slots) >= 2
    assert b.memory.heap_budget + b.memory.stack_budget <= b.memory.ram
    assert b.word_size == 4 and b.endianness == "little"
    text = (SHIPPED / f"{name}.toml").read_text()
    assert text.startswith("#")  # the citation comment heads the file


def test_key_figures():
    pico = boards.load_board("rpi-pico")
    assert (pico.mcu, pico.arch, pico.flash.size, pico.memory.ram) == \
        ("RP2040", "armv6-m", 2 * 1024 * 1024, 264 * 1024)
    assert pico.pin(25).name == "GP25" and pico.leds[0].pin == 25
    esp = boards.load_board("esp32-devkitc")
    assert [(s.offset, s.size) for s in esp.flash.slots] == [(0x110000, 0x100000),
                                                              (0x210000, 0x100000)]
    assert esp.serial.max_baud == 3_000_000
    assert boards.load_board("microbit-v2").flash.size == 512 * 1024
    assert boards.load_board("nrf52840-dk").memory.ram == 256 * 1024


def test_non_uniform_sectors_of_the_stm32f4():
    flash = boards.load_board("stm32f4-discovery").flash
    assert not flash.uniform and flash.erase_sector_size == 128 * 1024
    assert flash.sector_at(0x3FFF) == (0, 16384)
    assert flash.sector_at(0x10000) == (0x10000, 65536)
    assert flash.sector_at(0x60000) == (0x60000, 131072)
    assert flash.sector_starts()[-1] == flash.size and len(flash.sector_starts()) == 13
    with pytest.raises(ValueError):
        flash.sector_at(flash.size)


def test_profiles_are_frozen():
    b = boards.load_board("rpi-pico")
    with pytest.raises(AttributeError):
        b.word_size = 8


def test_the_boards_package_imports_nothing_else_of_caplets():
    code = ("import sys, boards; boards.load_board('rpi-pico'); "
            "print(sorted(m.split('.')[0] for m in sys.modules "
            "if m.split('.')[0] in ('compiler', 'vm', 'caplet', 'firmware_bridge')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_a_shipped_board_is_read_from_its_parse_cache(tmp_path, monkeypatch):
    import os

    from boards import profile

    (tmp_path / "rpi-pico.toml").write_bytes((SHIPPED / "rpi-pico.toml").read_bytes())
    monkeypatch.setattr(profile, "BOARDS_DIR", tmp_path)
    monkeypatch.setattr(profile, "_cache", {})
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    fresh = load_board_file(tmp_path / "rpi-pico.toml")
    first = boards.load_board("rpi-pico")
    (cache,) = (tmp_path / "__pycache__").iterdir()
    assert cache.suffix == ".marshal" and first == fresh
    monkeypatch.setattr(profile, "_cache", {})
    monkeypatch.setattr(profile, "_toml", lambda text, path: pytest.fail("parsed again"))
    assert boards.load_board("rpi-pico") == fresh  # from the cache alone
    cache.write_bytes(b"\x00garbage")  # a damaged cache is parsed again, then rewritten
    monkeypatch.undo()
    monkeypatch.setattr(profile, "BOARDS_DIR", tmp_path)
    monkeypatch.setattr(profile, "_cache", {})
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    assert boards.load_board("rpi-pico") == fresh
    assert cache.read_bytes() != b"\x00garbage"
    edited = (tmp_path / "rpi-pico.toml").read_text().replace("title = ", "title = 'x' #", 1)
    (tmp_path / "rpi-pico.toml").write_text(edited)  # an edit makes a new cache entry
    monkeypatch.setattr(profile, "_cache", {})
    assert boards.load_board("rpi-pico").title == "x"
    assert len(os.listdir(tmp_path / "__pycache__")) == 2


def test_unknown_board_name():
    with pytest.raises(BoardError, match="unknown board 'esp33'.*esp32-devkitc"):
        boards.load_board("esp33")


def test_short_aliases_name_one_board():
    assert boards.load_board("pico").name == "rpi-pico"
    assert boards.load_board("esp32").name == "esp32-devkitc"
    assert boards.load_board("microbit").name == "microbit-v2"
    with pytest.raises(BoardError, match="ambiguous: esp32-devkitc, esp8266-nodemcu"):
        boards.load_board("esp")


# --- malformed files ---------------------------------------------------------------

GOOD = (SHIPPED / "rpi-pico.toml").read_text()


def load(text: str, name: str = "rpi-pico"):
    return parse_board(text, Path(f"/boards/{name}.toml"))


def edit(old: str, new: str, text: str = GOOD) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def test_the_unedited_text_loads():
    assert load(GOOD).name == "rpi-pico"


@pytest.mark.parametrize("text, field, problem", [
    (edit("mcu = \"RP2040\"\n", ""), "mcu", "missing"),
    (edit("word_size = 4", "word_size = \"4\""), "word_size", "must be an integer, not a string"),
    (edit("word_size = 4", "word_size = true"), "word_size", "must be an integer, not a boolean"),
    (edit("word_size = 4", "word_size = 3"), "word_size", "must be one of (2, 4, 8)"),
    (edit("endianness = \"little\"", "endianness = \"middle\""), "endianness",
     "must be one of little, big"),
    (edit("title = ", "colour = \"red\"\ntitle = "), "colour", "unknown field"),
    (edit("name = \"rpi-pico\"", "name = \"pico\""), "name", "must match the file name"),
    (edit("size = 0x200000 ", "size = -1 "), "flash.size", "must be at least 1"),
    (edit("sector_size = 4096", "sector_size = 3000"), "flash.sector_size", "does not divide"),
    (edit("sector_size = 4096", "sector_size = 0x30000"), "flash.sector_size",
     "does not divide"),
    (edit("firmware_size = 0x100000", "firmware_size = 0x100800"), "flash.firmware_size",
     "not on an erase-sector boundary"),
    (edit("offset = 0x160000", "offset = 0x1C0000"), "flash.slots[1]", "past the end of flash"),
    (edit("offset = 0x160000", "offset = 0x140000"), "flash.slots", "overlap"),
    (edit("offset = 0x100000", "offset = 0x0F0000"), "flash.slots[0]", "inside the firmware"),
    (edit("offset = 0x160000", "offset = 0x160800"), "flash.slots[1]",
     "erase-sector boundaries"),
    (edit("name = \"b\"", "name = \"a\""), "flash.slots[1]", "used twice"),
    (edit("heap_budget = 163_840", "heap_budget = 263_840"), "memory.heap_budget",
     "exceed the RAM"),
    (edit("default_baud = 115_200", "default_baud = 1_000_000"), "serial.default_baud",
     "above max_baud"),
    (edit("max_baud = 921_600", "max_baud = 100"), "serial.max_baud", "between 300 and"),
    (edit("closure = 48", "closure = 50"), "cost.closure", "whole number of 4-byte words"),
    (edit("code_byte = 1\n", ""), "cost.code_byte", "missing"),
    (edit("functions = [\"digital\", \"led\"]", "functions = [\"digital\", \"laser\"]"),
     "pins[8].functions", "unknown value 'laser'"),
    (edit("pin = 25", "pin = 24"), "leds[0].pin", "not one of the board's [[pins]]"),
    (edit("gpio = 25", "gpio = 0"), "pins[8].gpio", "listed twice"),
    (GOOD[:GOOD.index("sources = [")] + "sources = []\n" + GOOD[GOOD.index("[flash]"):],
     "sources", "must cite at least one source"),
    (edit("title = ", "memory = 5\ntitle = ", edit("[memory]", "[memory_]")), "memory",
     "must be a table"),
], ids=lambda v: v if isinstance(v, str) and len(v) < 40 else "")
def test_malformed_board_files_name_file_field_and_problem(text, field, problem):
    with pytest.raises(BoardError) as info:
        load(text)
    message = str(info.value)
    assert message.startswith(f"/boards/rpi-pico.toml: {field}: "), message
    assert problem in message, message


def test_fewer_than_two_slots():
    text = GOOD[:GOOD.index("[[flash.slots]]\nname = \"b\"")] + GOOD[GOOD.index("[memory]"):]
    with pytest.raises(BoardError, match=r"rpi-pico.toml: flash.slots: needs at least two"):
        load(text)


def test_sector_runs_must_cover_the_flash():
    stm = (SHIPPED / "stm32f4-discovery.toml").read_text()
    bad = stm.replace("{ size = 131_072, count = 7 }", "{ size = 131_072, count = 6 }")
    with pytest.raises(BoardError, match=r"flash.sectors: cover 917504 bytes, but the flash "
                       r"has 1048576"):
        load(bad, "stm32f4-discovery")
    both = stm.replace("firmware_size = 0x60000", "firmware_size = 0x60000\nsector_size = 4096")
    with pytest.raises(BoardError, match="either sector_size or sectors"):
        load(both, "stm32f4-discovery")


def test_invalid_toml_names_the_file_and_line(tmp_path):
    path = tmp_path / "rpi-pico.toml"
    path.write_text(GOOD.replace("[memory]", "[memory", 1))
    with pytest.raises(BoardError, match=r"rpi-pico.toml: not valid TOML: .*line \d+"):
        load_board_file(path)


def test_unreadable_and_non_utf8_files(tmp_path):
    with pytest.raises(BoardError, match="missing.toml: cannot read"):
        load_board_file(tmp_path / "missing.toml")
    path = tmp_path / "rpi-pico.toml"
    path.write_bytes(GOOD.encode() + b"# \xff\n")
    with pytest.raises(BoardError, match="rpi-pico.toml: not UTF-8 text"):
        load_board_file(path)
