"""End to end: `caplet sim` in a subprocess on a real pty or TCP socket, and the host
commands (`caplet compile`, `flash`, `apps`, `repl`, `monitor`) as subprocesses, with
real `.caplet` images."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from bridge_images import HOARDER, SPINNER, TICKER, build_image, digest_of
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from firmware_bridge.spec import spec_for

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
FAST = ("--baud", "921600")


class Sim:
    def __init__(self, *args: str):
        self.proc = subprocess.Popen([sys.executable, "-m", "caplet.cli", "sim", *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, env=ENV)
        line = self.proc.stdout.readline()
        match = re.search(r"ready on (\S+)", line)
        assert match, line + self.proc.stderr.read()
        self.port = match.group(1)

    def stop(self, sig=signal.SIGTERM) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            self.proc.wait(10)


@pytest.fixture
def sims():
    started: list[Sim] = []

    def start(*args: str) -> Sim:
        sim = Sim(*args)
        started.append(sim)
        return sim

    yield start
    for sim in started:
        sim.stop(signal.SIGKILL)


def caplet(*args: str, stdin: str | None = None, timeout: float = 30):
    return subprocess.run([sys.executable, "-m", "caplet.cli", *args], input=stdin,
                          capture_output=True, text=True, env=ENV, timeout=timeout)


def image_file(tmp_path: Path, js: str, name: str, **kw) -> Path:
    path = tmp_path / f"{name}-{len(list(tmp_path.iterdir()))}.caplet"
    path.write_bytes(build_image(js, name, **kw))
    return path


def test_compile_flash_run_list_repl_remove_on_a_pty(sims, tmp_path):
    sim = sims("--pty", *FAST)
    esp = image_file(tmp_path, 'console.log("esp")', "blink", board="esp32-devkitc")
    r = caplet("flash", str(esp), "--port", sim.port, *FAST)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert f"{esp} is compiled for esp32-devkitc; the device is rpi-pico" in r.stderr
    src = tmp_path / "blink.js"
    src.write_text('console.log("blink up"); let n = 0;\n'
                   'setInterval(() => console.log("tick " + ++n), 20);\n'
                   f'var pad = "{"x" * 30000}";\n')
    (tmp_path / "caplet.json").write_text(json.dumps({"name": "blink", "version": "1.2.0",
                                                      "capabilities": ["Timer"]}))
    r = caplet("compile", str(src), "-o", str(tmp_path / "blink.caplet"), "--board",
               "rpi-pico")
    assert r.returncode == 0, r.stderr
    r = caplet("flash", str(tmp_path / "blink.caplet"), "--port", sim.port, *FAST,
               "--log-lines", "2", "--log-wait", "10")
    assert r.returncode == 0, r.stderr
    assert "rpi-pico (firmware" in r.stdout
    assert re.search(r"flashed blink: \d{5} bytes in [\d.]+ s", r.stdout)
    assert "blink activated from slot 0" in r.stdout
    assert "[blink] blink up" in r.stdout and "[blink] tick 1" in r.stdout
    calc = image_file(tmp_path, "var total = 6 * 7;", "calc")
    assert caplet("flash", str(calc), "--port", sim.port, *FAST,
                  "--log-lines", "0").returncode == 0
    r = caplet("apps", "--port", sim.port, *FAST)
    assert re.search(r"blink\s+slot 0\s+\d{5} bytes\s+running", r.stdout), r.stdout
    assert re.search(rf"calc\s+slot 1\s+\d+ bytes\s+running\s+sha256 "
                     rf"{digest_of(calc.read_bytes()).hex()[:12]}", r.stdout), r.stdout
    r = caplet("repl", "--port", sim.port, *FAST, "--app", "calc",
               stdin="total + 1\n[total, 'x']\nundefinedThing\ntypeof n\n")
    assert r.stdout.splitlines()[:4] == [
        "43", "[ 42, 'x' ]", "Uncaught ReferenceError: undefinedThing is not defined",
        "'undefined'"]  # blink's globals are not calc's
    r = caplet("monitor", "--port", sim.port, *FAST, "--app", "blink",
               "--lines", "3", "--seconds", "5")
    assert len(re.findall(r"\[blink\] tick \d+", r.stdout)) == 3, r.stdout
    r = caplet("apps", "--port", sim.port, *FAST, "--remove", "blink")
    assert r.stdout.strip() == "blink removed"
    r = caplet("apps", "--port", sim.port, *FAST, "--remove", "blink")
    assert r.returncode == 1 and "NO_SUCH_APP" in r.stderr and "Traceback" not in r.stderr


def test_an_app_compiled_from_a_module_graph_runs_and_takes_eval(sims, tmp_path):
    (tmp_path / "lib.js").write_text(
        'export const greet = (who) => "hello " + who;\n'
        'export let count = 0;\n'
        'export function bump() { return ++count; }\n'
        'console.log("lib evaluated");\n')
    (tmp_path / "main.js").write_text(
        'import { greet, bump, count } from "./lib.js";\n'
        'export default function main() {\n'
        '  console.log(greet("pico") + " #" + bump());\n'
        '  globalThis.bump = bump;\n'
        '  globalThis.read = () => count;\n'
        '}\n')
    (tmp_path / "caplet.json").write_text(json.dumps({"name": "modapp", "version": "1.0.0"}))
    image = tmp_path / "app.caplet"
    r = caplet("compile", str(tmp_path / "main.js"), "-o", str(image), "--board", "rpi-pico")
    assert r.returncode == 0, r.stderr
    assert "is an ES module" in r.stderr and "lib evaluated" in r.stderr  # ran at build
    assert "2 preloaded modules" in r.stdout
    sim = sims("--pty", *FAST)
    r = caplet("flash", str(image), "--port", sim.port, *FAST, "--log-lines", "1",
               "--log-wait", "10")
    assert r.returncode == 0, r.stderr
    assert "[modapp] hello pico #1" in r.stdout and "lib evaluated" not in r.stdout
    r = caplet("repl", "--port", sim.port, *FAST, "--app", "modapp",
               stdin="bump()\nread()\ntypeof greet\nObject.isFrozen(bump)\n")
    assert r.stdout.splitlines()[:4] == ["2", "2", "'undefined'", "true"], r.stdout + r.stderr
    r = caplet("apps", "--port", sim.port, *FAST)
    assert re.search(r"modapp\s+slot 0 .* running", r.stdout), r.stdout


THERMO = """
const sensor = new I2C({address: 0x48});
sensor.write([0]);
const raw = sensor.read(2);
const celsius = (raw[0] << 4 | raw[1] >> 4) * 0.0625;
try { new Digital({pin: 3, mode: Digital.Output}); } catch (e) { console.log(e.message); }
new Digital({pin: 2, mode: Digital.Input, edge: Digital.Rising,
             onReadable() { console.log("button " + this.read()); }});
let n = 0;
setInterval(() => console.log("reading " + ++n + ": " + celsius + " C"), 400);
"""


def test_device_app_with_scripted_hardware_and_a_misbehaving_neighbour(sims, tmp_path):
    policy = tmp_path / "policy.toml"
    policy.write_text('[apps.thermo]\nDigital = { pins = [2] }\nI2C = { addresses = [0x48] }'
                      '\nTimer = true\n[apps.hog]\nTimer = true\n')
    scenario = tmp_path / "bench.toml"
    scenario.write_text('[[digital]]\npin = 2\nat_ms = 100\nvalue = 1\n'
                        '[[i2c]]\naddress = 0x48\nregisters = { "0" = [0x19, 0x80] }\n')
    sim = sims("--pty", "--board", "pico", *FAST, "--policy", str(policy), "--scenario",
               str(scenario))
    thermo = image_file(tmp_path, THERMO, "thermo", caps=["Digital", "I2C", "Timer"])
    r = caplet("flash", str(thermo), "--port", sim.port, *FAST, "--log-lines", "3",
               "--log-wait", "10")
    assert r.returncode == 0, r.stderr
    assert "[thermo] pin 3 is not granted to app thermo by the device policy" in r.stdout
    assert "[thermo] button 1" in r.stdout and "[thermo] reading 1: 25.5 C" in r.stdout
    hog = image_file(tmp_path, "setTimeout(() => { for (;;) {} }, 200); var peek = typeof n;",
                     "hog", caps=["Timer", "I2C"], steps=20000)
    r = caplet("flash", str(hog), "--port", sim.port, *FAST, "--log-lines", "2",
               "--log-wait", "10")
    assert r.returncode == 0, r.stderr
    assert "[hog] hog: capability I2C is not granted by the device policy" in r.stdout
    assert "[hog] instruction budget of 20000 steps per turn exhausted" in r.stderr
    r = caplet("monitor", "--port", sim.port, *FAST, "--app", "thermo", "--lines", "2",
               "--seconds", "5")
    assert len(re.findall(r"\[thermo\] reading \d+: 25.5 C", r.stdout)) == 2, r.stdout
    r = caplet("apps", "--port", sim.port, *FAST)
    assert re.search(r"thermo .* running", r.stdout) and re.search(r"hog .* failed", r.stdout)
    r = caplet("repl", "--port", sim.port, *FAST, "--app", "hog", stdin="1\n")
    assert "NOT_RUNNING" in r.stderr


def test_apps_over_their_heap_quota_or_budget_are_stopped_and_listed_with_why(sims,
                                                                               tmp_path):
    sim = sims("--pty", *FAST, "--slots", "3")
    images = [image_file(tmp_path, TICKER, "C", caps=["Timer"]),
              image_file(tmp_path, HOARDER, "A", caps=["Timer"], quota=20_000),
              image_file(tmp_path, SPINNER, "B", caps=["Timer"], steps=30_000)]
    out = {}
    for path in images:
        r = caplet("flash", str(path), "--port", sim.port, *FAST, "--log-lines", "1",
                   "--log-wait", "10")
        assert r.returncode == 0, r.stderr
        out[path.name[0]] = r
    assert re.search(r"\[A\] heap quota of 20000 bytes exceeded \(\d+ bytes live", out["A"].stderr)
    assert "[B] instruction budget of 30000 steps per turn exhausted" in out["B"].stderr
    r = caplet("apps", "--port", sim.port, *FAST)
    listed = {line.split()[0]: line for line in r.stdout.splitlines()}
    assert re.search(r"slot 1 .* failed .*\(heap quota of 20000 bytes exceeded", listed["A"])
    assert re.search(r"slot 2 .* failed .*\(instruction budget of 30000 steps per turn "
                     r"exhausted\)", listed["B"])
    assert re.search(r"slot 0 .* running", listed["C"]) and "(" not in listed["C"]
    r = caplet("monitor", "--port", sim.port, *FAST, "--app", "C", "--lines", "2",
               "--seconds", "5")
    assert len(re.findall(r"\[C\] tick \d+", r.stdout)) == 2, r.stdout


def test_resume_after_a_dropped_connection_over_tcp(sims, tmp_path):
    sim = sims("--listen", "127.0.0.1:0", *FAST, "--faults", "cut=30000")
    big = image_file(tmp_path, 'console.log("big one booted")', "big", pad=90000)
    r = caplet("flash", str(big), "--port", sim.port, *FAST)
    assert r.returncode == 0, r.stderr
    resumed = re.search(r"resuming big at (\d+) of (\d+) bytes", r.stderr)
    assert resumed, r.stderr
    assert 0 < int(resumed.group(1)) < int(resumed.group(2))
    assert "[big] big one booted" in r.stdout


@pytest.mark.parametrize("seed", [7, 1234])
def test_noisy_line_still_delivers_a_verified_image(sims, tmp_path, seed):
    """The subprocess share of the randomized fault runs (test_transfer_faults.py has
    200 in-process): two images through `caplet sim --faults` and `caplet flash`."""
    faults = f"drop=0.02,corrupt=0.02,dup=0.02,noise=0.02,delay=0.01,seed={seed}"
    sim = sims("--pty", *FAST, "--faults", faults)
    keep = image_file(tmp_path, 'console.log("kept")', "keep", pad=5000)
    r = caplet("flash", str(keep), "--port", sim.port, *FAST)
    assert r.returncode == 0, f"seed {seed}: {r.stderr}"
    noisy = image_file(tmp_path, 'console.log("noisy ok")', "noisy", pad=30000)
    r = caplet("flash", str(noisy), "--port", sim.port, *FAST)
    assert r.returncode == 0, f"seed {seed}: {r.stderr}"
    assert "[noisy] noisy ok" in r.stdout, f"seed {seed}: {r.stdout}"
    r = caplet("apps", "--port", sim.port, *FAST)
    for path in (keep, noisy):
        digest = digest_of(path.read_bytes()).hex()[:12]
        assert re.search(rf"\s+running\s+sha256 {digest}", r.stdout), f"seed {seed}: {r.stdout}"


def test_killed_mid_transfer_the_device_boots_its_previous_app(sims, tmp_path):
    state = tmp_path / "state"
    sim = sims("--pty", "--state", str(state))  # 115200 baud: the transfer takes seconds
    old = image_file(tmp_path, 'console.log("old keeper")', "keeper")
    assert caplet("flash", str(old), "--port", sim.port, "--log-lines", "1").returncode == 0
    new = image_file(tmp_path, 'console.log("new keeper")', "keeper", pad=40000,
                     version="2.0.0")
    flasher = subprocess.Popen([sys.executable, "-m", "caplet.cli", "flash", str(new),
                                "--port", sim.port], env=ENV, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    # the power goes once the new image is partly written (about 3.5 s at 115200 baud):
    # slot 1 of the memory-mapped flash stops being erased bytes
    slot1 = spec_for("pico").slots[1]
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        written = np.load(state / "flash.npy", mmap_mode="r")[slot1.offset:slot1.offset + 4096]
        if (written != 0xFF).any() or flasher.poll() is not None:
            break
        time.sleep(0.05)
    sim.stop(signal.SIGKILL)
    assert flasher.poll() is None, "the transfer ended before the power cut"
    flasher.kill()
    flasher.wait(5)
    again = sims("--pty", "--state", str(state), *FAST)
    r = caplet("apps", "--port", again.port, *FAST)
    old_digest = digest_of(old.read_bytes()).hex()[:12]
    assert re.search(rf"keeper\s+slot 0 .* running\s+sha256 {old_digest}", r.stdout), r.stdout
    r = caplet("flash", str(new), "--port", again.port, *FAST)
    assert r.returncode == 0 and "[keeper] new keeper" in r.stdout, r.stderr
    r = caplet("apps", "--port", again.port, *FAST)
    assert "fallback kept" in r.stdout


def test_signed_only_device(sims, tmp_path):
    key = Ed25519PrivateKey.generate()
    pub = tmp_path / "dev.pub"
    pub.write_bytes(key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    sim = sims("--pty", *FAST, "--require-signed", str(pub))
    js = 'console.log("sealed ok")'
    r = caplet("flash", str(image_file(tmp_path, js, "sealed")), "--port", sim.port, *FAST)
    assert r.returncode == 1 and "only accepts signed images" in r.stderr
    wrong = image_file(tmp_path, js, "sealed", key=Ed25519PrivateKey.generate())
    r = caplet("flash", str(wrong), "--port", sim.port, *FAST)
    assert r.returncode == 1 and "BAD_SIGNATURE" in r.stderr, r.stderr
    r = caplet("flash", str(image_file(tmp_path, js, "sealed", key=key)), "--port", sim.port,
               *FAST)
    assert r.returncode == 0 and "[sealed] sealed ok" in r.stdout, r.stderr
    assert "signed" in caplet("apps", "--port", sim.port, *FAST).stdout


def test_clear_errors_for_bad_ports_images_and_options(tmp_path):
    app = image_file(tmp_path, "1", "x")
    r = caplet("flash", str(app), "--port", str(tmp_path / "nope"))
    assert r.returncode == 1 and "cannot open" in r.stderr and "Traceback" not in r.stderr
    junk = tmp_path / "junk.caplet"
    junk.write_bytes(b"console.log(1)")
    r = caplet("flash", str(junk), "--port", "auto")
    assert r.returncode == 1 and "not a usable caplet image: truncated" in r.stderr
    r = caplet("flash", str(app), "--port", "auto")
    assert r.returncode == 1 and "--port auto found" in r.stderr and "Traceback" not in r.stderr
    r = caplet("sim", "--faults", "drop=2")
    assert r.returncode == 2 and "probability" in r.stderr
    r = caplet("sim", "--board", "toaster")
    assert r.returncode == 2 and "unknown board 'toaster'" in r.stderr
    bad = tmp_path / "policy.toml"
    bad.write_text("[apps.x]\nDigital = { pins = [40] }\n")
    r = caplet("sim", "--policy", str(bad))
    assert r.returncode == 2 and "apps.x.Digital.pins: 40 is not a digital pin of rpi-pico" \
        in r.stderr
    r = caplet("repl", stdin="[1, 2].length\nlet = ;\n")
    assert r.stdout.splitlines()[0] == "2" and "SyntaxError" in r.stdout


def test_desktop_repl_reads_on_while_the_input_is_incomplete():
    r = caplet("repl", stdin="function add(a,\n  b) {\n  return a + b;\n}\nadd(2, 3)\n"
                             "Promise.resolve(4).then(v => console.log('then', v))\n({\n")
    out = r.stdout.splitlines()
    assert out[:2] == ["undefined", "5"], out
    assert "then 4" in out and out[-1] == "SyntaxError: Unexpected end of input"
