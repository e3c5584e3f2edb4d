"""`caplet compile|run|inspect|disasm|verify|keygen|boards` as a user runs them: real
processes, real files, exit codes and messages (never a traceback)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HELLO = "class A { #n = 0; next() { return ++this.#n } }\n" \
        "const a = new A(); a.next();\n" \
        "function greet(who) { return `hello, ${who}!` }\n" \
        "console.log(greet('pico'), a.next(), [1.5, 'x'].length);\n"


def caplet(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env_path = {"PYTHONPATH": str(ROOT)}
    import os

    result = subprocess.run([sys.executable, "-m", "caplet.cli", *args], capture_output=True,
                            text=True, encoding="utf-8", timeout=120, cwd=cwd,
                            env={**os.environ, **env_path})
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture
def app(tmp_path: Path) -> Path:
    src = tmp_path / "hello.js"
    src.write_text(HELLO, encoding="utf-8")
    return src


def compile_ok(app: Path, *extra: str, board: str = "rpi-pico") -> Path:
    out = app.with_suffix(".caplet")
    result = caplet("compile", str(app), "-o", str(out), "--board", board, *extra)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"\x89CPL")
    return out


def test_compile_then_run_prints_what_the_source_prints(app):
    image = compile_ok(app)
    from_image = caplet("run", str(image))
    from_source = caplet("run", str(app))
    assert from_image.returncode == from_source.returncode == 0
    assert from_image.stdout == from_source.stdout == "hello, pico! 2 2\n"


def test_running_an_image_imports_no_parser_and_no_heavy_standard_modules(app):
    """`caplet run app.caplet` start-up (issue 5): no parser or code generator, none of
    the standard modules that cost the most to import (run without site packages, which
    may import some of them themselves), and none of the built-in chapters made on first
    use (vm/lazy.py) that the program does not use."""
    import os

    image = compile_ok(app)
    watched = ("compiler.parser", "compiler.codegen", "lark", "dataclasses", "inspect",
               "pathlib", "re", "urllib", "typing", "argparse", "json", "tomllib", "hashlib",
               *(f"vm.builtins.{chapter}" for chapter in (
                   "typed_array", "array_buffer", "data_view", "date", "map", "set", "weak",
                   "proxy", "reflect", "json", "regexp", "module_source", "iterator_helpers",
                   "text_encoding")),
               "vm.proxy",
               "vm.lockdown", "vm.harden", "vm.new_global", "vm.compartment_modules",
               "vm.inspect", "vm.stack")
    script = ("import runpy, sys\n"
              f"sys.argv = ['caplet', 'run', {str(image)!r}]\n"
              "try:\n    runpy.run_module('caplet.cli', run_name='__main__')\n"
              "except SystemExit:\n    pass\n"
              f"print(sorted(m for m in {watched!r} if m in sys.modules), file=sys.stderr)")
    # As installed: bytecode and the board's parse cache may be written (the first run
    # writes them; the second is the one measured).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)
    for _ in range(2):
        done = subprocess.run([sys.executable, "-S", "-c", script], capture_output=True,
                              text=True, timeout=120, env=env)
    assert done.stdout == "hello, pico! 2 2\n", done.stderr
    assert done.stderr.strip() == "[]"


def test_compile_reports_size_and_boot_ram(app):
    image = app.with_suffix(".caplet")
    result = caplet("compile", str(app), "-o", str(image), "--board", "esp32-devkitc")
    assert result.returncode == 0
    assert f"{image}: {image.stat().st_size} bytes for esp32-devkitc" in result.stdout
    assert "estimated boot RAM" in result.stdout


def test_stripped_images_are_smaller_and_still_run(app):
    full = compile_ok(app)
    stripped = app.with_name("s.caplet")
    assert caplet("compile", str(app), "-o", str(stripped), "--board", "rpi-pico",
                  "--strip").returncode == 0
    assert stripped.stat().st_size < full.stat().st_size
    assert caplet("run", str(stripped)).stdout == "hello, pico! 2 2\n"


def test_uncaught_errors_in_an_image(tmp_path):
    src = tmp_path / "boom.js"
    src.write_text("console.log('before'); null.x;\n")
    image = compile_ok(src)
    result = caplet("run", str(image))
    assert result.returncode == 1 and result.stdout == "before\n"
    assert result.stderr.startswith("Uncaught TypeError")


def test_inspect_json(app, tmp_path):
    (tmp_path / "caplet.json").write_text(json.dumps({
        "name": "greeter", "version": "1.0.2", "capabilities": ["digital", "timer"],
        "heapQuota": 8192}))
    image = compile_ok(app)
    result = caplet("inspect", str(image), "--json")
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert info["board"] == "rpi-pico" and info["size"] == image.stat().st_size
    # a script's one module record is implied: no modules section
    assert [s["name"] for s in info["sections"]] == ["strings", "constants", "functions",
                                                      "manifest", "lines", "sources"]
    assert info["header_bytes"] + sum(s["size"] for s in info["sections"]) + 32 <= info["size"]
    names = [f["name"] for f in info["functions"]]
    assert "greet" in names and "next" in names
    assert sum(f["bytecode"] for f in info["functions"]) > 0
    assert "hello, " in info["strings"] and info["strings"].count("greet") == 1
    assert info["modules"] == [{"specifier": "hello.js", "kind": "script", "function": 0,
                                "requests": [], "imports": [], "exports": []}]
    assert info["manifest"] == {"name": "greeter", "version": "1.0.2", "entry": "hello.js",
                                "capabilities": ["digital", "timer"], "heapQuota": 8192}
    ram = info["boot_ram"]
    assert ram["total"] == sum(v for k, v in ram.items()
                               if k not in ("total", "heap_budget", "slot_size"))
    assert ram["heap_budget"] == 160 * 1024


def test_inspect_text(app):
    image = compile_ok(app)
    result = caplet("inspect", str(image))
    assert result.returncode == 0
    for text in ("board rpi-pico (armv6-m, little-endian, 4-byte words)", "sections:",
                 "functions (", "greet", "strings (", "modules:", "manifest: hello 0.0.0",
                 "estimated boot RAM:"):
        assert text in result.stdout, text


def test_disasm_of_an_image_matches_disasm_of_the_source(app):
    image = compile_ok(app)
    assert caplet("disasm", str(image)).stdout == caplet("disasm", str(app)).stdout


def test_keygen_sign_and_verify(app, tmp_path):
    result = caplet("keygen", "-o", str(tmp_path / "dev"))
    assert result.returncode == 0
    key, pub = tmp_path / "dev.key", tmp_path / "dev.pub"
    assert key.read_text().startswith("-----BEGIN PRIVATE KEY-----")
    assert pub.read_text().startswith("-----BEGIN PUBLIC KEY-----")
    assert key.stat().st_mode & 0o077 == 0
    again = caplet("keygen", "-o", str(tmp_path / "dev"))
    assert again.returncode == 2 and "exists; use --force" in again.stderr
    image = compile_ok(app, "--sign", str(key))
    ok = caplet("verify", str(image), "--key", str(pub))
    assert ok.returncode == 0 and "signature verified" in ok.stdout
    assert caplet("run", str(image)).stdout == "hello, pico! 2 2\n"
    caplet("keygen", "-o", str(tmp_path / "other"))
    wrong = caplet("verify", str(image), "--key", str(tmp_path / "other.pub"))
    assert wrong.returncode == 1
    assert wrong.stderr.startswith("caplet: error: ") and "does not verify" in wrong.stderr
    unsigned = compile_ok(app)
    refused = caplet("verify", str(unsigned), "--key", str(pub))
    assert refused.returncode == 1 and "the image is not signed" in refused.stderr


def test_verify_without_key(app):
    image = compile_ok(app)
    result = caplet("verify", str(image))
    assert result.returncode == 0 and "ok:" in result.stdout and "not signed" in result.stdout


@pytest.mark.parametrize("damage, check", [
    (lambda b: b[:100], "truncated"),
    (lambda b: b[:200] + bytes([b[200] ^ 1]) + b[201:], "digest"),
    (lambda b: b + b"junk", "oversized"),
    (lambda b: b"PK\x03\x04" + b[4:], "magic"),
])
def test_damaged_images_are_refused_by_run_verify_inspect_and_disasm(app, damage, check):
    image = compile_ok(app)
    image.write_bytes(damage(image.read_bytes()))
    for command in ("run", "verify", "inspect", "disasm"):
        result = caplet(command, str(image))
        assert result.returncode == 1, (command, result.stderr)
        assert result.stderr.startswith(f"caplet: error: {image}: {check}"), result.stderr
        assert result.stdout == ""


def test_an_image_too_big_for_the_board(tmp_path):
    src = tmp_path / "big.js"
    src.write_text("const s = '" + "x" * 90_000 + "'; console.log(s.length);\n")
    result = caplet("compile", str(src), "-o", str(tmp_path / "big.caplet"), "--board",
                    "microbit-v2")
    assert result.returncode == 1
    assert result.stderr.startswith("caplet: error: the image is ")
    assert "microbit-v2's app slots hold 81920 bytes" in result.stderr
    assert not (tmp_path / "big.caplet").exists()
    fits = caplet("compile", str(src), "-o", str(tmp_path / "big.caplet"), "--board",
                  "rpi-pico")
    assert fits.returncode == 0


def test_a_warning_when_boot_ram_exceeds_the_heap_budget(tmp_path):
    src = tmp_path / "many.js"
    src.write_text("".join(f"var v{i} = 'value number {i}';\n" for i in range(600)))
    result = caplet("compile", str(src), "-o", str(tmp_path / "m.caplet"), "--board",
                    "esp8266-nodemcu")
    assert result.returncode == 0
    assert "caplet: warning: estimated RAM at boot is" in result.stderr
    assert "over the heap budget of 32768 bytes on esp8266-nodemcu" in result.stderr
    roomy = caplet("compile", str(src), "-o", str(tmp_path / "m.caplet"), "--board",
                   "esp32-devkitc")
    assert roomy.returncode == 0 and "warning" not in roomy.stderr


def test_a_heap_quota_above_the_budget_is_warned_about(app, tmp_path):
    (tmp_path / "caplet.json").write_text('{"heapQuota": 1000000}')
    result = caplet("compile", str(app), "-o", str(tmp_path / "a.caplet"), "--board",
                    "microbit-v2")
    assert result.returncode == 0
    assert "heap quota (1000000 bytes) exceeds microbit-v2's heap budget" in result.stderr


@pytest.mark.parametrize("manifest, message", [
    ("{not json", "caplet.json: not valid JSON"),
    ('{"name": 5}', "caplet.json: name: must be a non-empty string"),
    ('{"capabilities": "digital"}', "caplet.json: capabilities: must be an array"),
    ('{"heapQuota": -1}', "caplet.json: heapQuota: must be a non-negative integer"),
    ('{"entry": "other.js"}', "caplet.json: entry: names 'other.js'"),
    ('{"colour": "red"}', "caplet.json: colour: unknown field"),
    ("[]", "caplet.json: must hold a JSON object"),
])
def test_bad_manifests(app, tmp_path, manifest, message):
    (tmp_path / "caplet.json").write_text(manifest)
    result = caplet("compile", str(app), "-o", str(tmp_path / "a.caplet"), "--board",
                    "rpi-pico")
    assert result.returncode == 1
    assert result.stderr.startswith("caplet: error: ") and message in result.stderr


def test_usage_errors(app, tmp_path):
    unknown = caplet("compile", str(app), "-o", str(tmp_path / "a.caplet"), "--board", "esp33")
    assert unknown.returncode == 2 and "caplet: error: unknown board 'esp33'" in unknown.stderr
    missing = caplet("compile", str(tmp_path / "nope.js"), "-o", "x.caplet", "--board",
                     "rpi-pico")
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    no_image = caplet("run", str(tmp_path / "nope.caplet"))
    assert no_image.returncode == 2 and "caplet: error: cannot read" in no_image.stderr
    bad_key = tmp_path / "bad.key"
    bad_key.write_text("nope")
    signed = caplet("compile", str(app), "-o", str(tmp_path / "a.caplet"), "--board",
                    "rpi-pico", "--sign", str(bad_key))
    assert signed.returncode == 2 and "is not an unencrypted PEM private key" in signed.stderr
    module = tmp_path / "m.mjs"
    module.write_text("export const x = 1;\n")
    mod = caplet("compile", str(module), "-o", str(tmp_path / "m.caplet"), "--board",
                 "rpi-pico")
    assert mod.returncode == 0 and "is an ES module: its graph is preloaded" in mod.stderr
    assert "1 preloaded modules" in mod.stdout  # a module entry is preloaded, not refused


def test_syntax_errors_are_reported_like_caplet_run(tmp_path):
    src = tmp_path / "bad.js"
    src.write_text("let x = ;\n")
    result = caplet("compile", str(src), "-o", str(tmp_path / "b.caplet"), "--board",
                    "rpi-pico")
    assert result.returncode == 1
    assert result.stderr.startswith(f"{src}:1:9: SyntaxError:")


def test_an_image_for_a_board_caplet_does_not_know_still_runs_after_its_checks(app, tmp_path):
    sys.path.insert(0, str(ROOT))
    import boards
    from compiler.bytecode.image import Manifest, write_image
    from tests.bytecode.image_support import compile_text

    board = boards.load_board("rpi-pico").replace(name="homebrew-rp2040")
    image = tmp_path / "h.caplet"
    image.write_bytes(write_image(compile_text(HELLO), board=board, manifest=Manifest("h")))
    assert caplet("run", str(image)).stdout == "hello, pico! 2 2\n"
    verify = caplet("verify", str(image))
    assert verify.returncode == 0 and "not one caplet knows" in verify.stderr


def test_boards_lists_key_figures():
    result = caplet("boards")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 7 and lines[0].split()[:3] == ["board", "mcu", "arch"]
    pico = next(line for line in lines if line.startswith("rpi-pico"))
    assert "RP2040" in pico and "2048K" in pico and "264K" in pico
    data = json.loads(caplet("boards", "--json").stdout)
    stm = next(b for b in data if b["name"] == "stm32f4-discovery")
    assert stm["erase_sector"] == 131072 and len(stm["slots"]) == 2


def test_inspect_lists_a_module_graphs_imports_and_exports(tmp_path):
    (tmp_path / "dep.mjs").write_text("export const base = 40;\n")
    main = tmp_path / "main.mjs"
    main.write_text("import { base as b } from './dep.mjs';\nexport const answer = b + 2;\n"
                    "export { b as base2 };\nconsole.log(answer);\n")
    out = tmp_path / "m.caplet"
    assert caplet("compile", str(main), "-o", str(out), "--board", "rpi-pico").returncode == 0
    text = caplet("inspect", str(out))
    assert text.returncode == 0 and "internal error" not in text.stderr
    info = json.loads(caplet("inspect", str(out), "--json").stdout)
    entry = info["modules"][0]
    assert entry["requests"] == ["./dep.mjs"]
    assert info["modules"][1]["specifier"] == "./dep.mjs"
    assert {"export_name": "answer", "local_name": "answer", "specifier": "",
            "import_name": ""} in entry["exports"]
