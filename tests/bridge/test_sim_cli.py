"""End to end: `caplet sim` in a subprocess on a real pty or TCP socket, and the host
commands (`caplet flash`, `apps`, `repl`, `monitor`, `reset`) as subprocesses."""

from __future__ import annotations

import hashlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


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


def write_app(tmp_path: Path, name: str, text: str, pad: int = 0) -> Path:
    path = tmp_path / f"{name}.js"
    path.write_text(text + ("\n//" + "p" * pad if pad else "") + "\n")
    return path


def test_flash_run_list_repl_remove_on_a_pty(sims, tmp_path):
    sim = sims("--pty", "--baud", "921600")
    app = write_app(tmp_path, "blink", 'console.log("blink up"); let n = 0;\n'
                    'setInterval(() => console.log("tick " + ++n), 20);', pad=30000)
    r = caplet("flash", str(app), "--port", sim.port, "--baud", "921600", "--log-lines", "2")
    assert r.returncode == 0, r.stderr
    assert "pico (firmware" in r.stdout
    assert re.search(r"flashed blink: 3\d{4} bytes in [\d.]+ s", r.stdout)
    assert "blink activated from slot 0" in r.stdout
    assert "[blink] blink up" in r.stdout and "[blink] tick 1" in r.stdout
    other = write_app(tmp_path, "calc", "var total = 6 * 7;")
    assert caplet("flash", str(other), "--port", sim.port, "--baud", "921600",
                  "--log-lines", "0").returncode == 0
    r = caplet("apps", "--port", sim.port, "--baud", "921600")
    assert re.search(r"blink\s+slot 0\s+3\d{4} bytes\s+running", r.stdout), r.stdout
    assert re.search(r"calc\s+slot 1\s+\d+ bytes\s+running", r.stdout), r.stdout
    r = caplet("repl", "--port", sim.port, "--baud", "921600", "--app", "calc",
               stdin="total + 1\n[total, 'x']\nundefinedThing\n")
    assert r.stdout.splitlines()[:3] == ["43", "[ 42, 'x' ]",
                                         "Uncaught ReferenceError: undefinedThing is not defined"]
    r = caplet("monitor", "--port", sim.port, "--baud", "921600", "--app", "blink",
               "--lines", "3", "--seconds", "5")
    assert len(re.findall(r"\[blink\] tick \d+", r.stdout)) == 3, r.stdout
    r = caplet("apps", "--port", sim.port, "--baud", "921600", "--remove", "blink")
    assert r.stdout.strip() == "blink removed"
    r = caplet("apps", "--port", sim.port, "--baud", "921600", "--remove", "blink")
    assert r.returncode == 1 and "NO_SUCH_APP" in r.stderr and "Traceback" not in r.stderr
    r = caplet("apps", "--port", sim.port, "--baud", "921600")
    assert "blink" not in r.stdout and "calc" in r.stdout


def test_resume_after_a_dropped_connection_over_tcp(sims, tmp_path):
    sim = sims("--listen", "127.0.0.1:0", "--baud", "921600", "--faults", "cut=30000")
    app = write_app(tmp_path, "big", 'console.log("big one booted")', pad=90000)
    r = caplet("flash", str(app), "--port", sim.port, "--baud", "921600")
    assert r.returncode == 0, r.stderr
    resumed = re.search(r"resuming big at (\d+) of (\d+) bytes", r.stderr)
    assert resumed, r.stderr
    assert 0 < int(resumed.group(1)) < int(resumed.group(2))
    assert "[big] big one booted" in r.stdout


def test_noisy_line_still_delivers_a_verified_image(sims, tmp_path):
    sim = sims("--pty", "--baud", "2000000", "--faults",
               "drop=0.02,corrupt=0.02,dup=0.02,noise=0.02,seed=7")
    text = 'console.log("noisy ok")'
    app = write_app(tmp_path, "noisy", text, pad=40000)
    r = caplet("flash", str(app), "--port", sim.port, "--baud", "2000000")
    assert r.returncode == 0, r.stderr
    assert "[noisy] noisy ok" in r.stdout
    r = caplet("apps", "--port", sim.port, "--baud", "2000000")
    digest = hashlib.sha256(app.read_bytes()).hexdigest()[:12]
    assert f"sha256 {digest}" in r.stdout


def test_killed_mid_transfer_the_device_boots_its_previous_app(sims, tmp_path):
    state = tmp_path / "state"
    sim = sims("--pty", "--state", str(state))  # 115200 baud: the transfer takes seconds
    old = write_app(tmp_path, "keeper", 'console.log("old keeper")')
    assert caplet("flash", str(old), "--port", sim.port, "--log-lines", "1").returncode == 0
    (tmp_path / "v2").mkdir()
    new = write_app(tmp_path / "v2", "keeper", 'console.log("new keeper")', pad=60000)
    flasher = subprocess.Popen([sys.executable, "-m", "caplet.cli", "flash", str(new),
                                "--port", sim.port], env=ENV, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    time.sleep(2.0)  # well into the transfer (about 5 s at 115200 baud)
    sim.stop(signal.SIGKILL)  # the power goes
    flasher.kill()
    flasher.wait(5)
    again = sims("--pty", "--state", str(state), "--baud", "921600")
    r = caplet("apps", "--port", again.port, "--baud", "921600")
    old_digest = hashlib.sha256(old.read_bytes()).hexdigest()[:12]
    assert re.search(rf"keeper\s+slot 0 .* running\s+sha256 {old_digest}", r.stdout), r.stdout
    r = caplet("repl", "--port", again.port, "--baud", "921600", "--app", "keeper",
               stdin="1 + 1\n")
    assert r.stdout.strip() == "2"
    r = caplet("flash", str(new), "--port", again.port, "--baud", "921600")
    assert r.returncode == 0 and "[keeper] new keeper" in r.stdout, r.stderr
    r = caplet("apps", "--port", again.port, "--baud", "921600")
    assert "fallback kept" in r.stdout


def test_signed_only_device(sims, tmp_path):
    key = Ed25519PrivateKey.generate()
    priv, pub = tmp_path / "dev.key", tmp_path / "dev.pub"
    priv.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                       serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    pub.write_bytes(key.public_key().public_bytes(serialization.Encoding.PEM,
                                                  serialization.PublicFormat.SubjectPublicKeyInfo))
    wrong = tmp_path / "wrong.key"
    wrong.write_text(Ed25519PrivateKey.generate().private_bytes_raw().hex())
    sim = sims("--pty", "--baud", "921600", "--require-signed", str(pub))
    app = write_app(tmp_path, "sealed", 'console.log("sealed ok")')
    r = caplet("flash", str(app), "--port", sim.port, "--baud", "921600")
    assert r.returncode == 1 and "only accepts signed images" in r.stderr
    r = caplet("flash", str(app), "--port", sim.port, "--baud", "921600", "--key", str(wrong))
    assert r.returncode == 1 and "BAD_SIGNATURE" in r.stderr, r.stderr
    r = caplet("flash", str(app), "--port", sim.port, "--baud", "921600", "--key", str(priv))
    assert r.returncode == 0 and "[sealed] sealed ok" in r.stdout, r.stderr
    assert "signed" in caplet("apps", "--port", sim.port, "--baud", "921600").stdout


def test_clear_errors_for_bad_ports_and_options(tmp_path):
    app = write_app(tmp_path, "x", "1")
    r = caplet("flash", str(app), "--port", str(tmp_path / "nope"))
    assert r.returncode == 1 and "cannot open" in r.stderr and "Traceback" not in r.stderr
    r = caplet("sim", "--faults", "drop=2")
    assert r.returncode == 2 and "probability" in r.stderr
    r = caplet("sim", "--board", "toaster")
    assert r.returncode == 2 and "unknown board" in r.stderr
    r = caplet("repl", stdin="[1, 2].length\nlet = ;\n")
    assert r.stdout.splitlines()[0] == "2" and "SyntaxError" in r.stdout
