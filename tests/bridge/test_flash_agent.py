"""The flash model, the boot record, and the device agent driven message by message:
bit rules, wear, persistence, power cuts at random points, fallback, signatures and
app isolation."""

from __future__ import annotations

import hashlib
import random
import time

import numpy as np
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from firmware_bridge import messages as m
from firmware_bridge.agent import Agent
from firmware_bridge.bootrecord import ACTIVE, BootStore, Entry
from firmware_bridge.flash import Flash, FlashError, PowerCut
from firmware_bridge.images import DigestVerifier
from firmware_bridge.spec import PICO


def call(agent: Agent, msg):
    return agent.handle(*m.encode_message(msg))


def install(agent: Agent, name: str, data: bytes, sig: bytes = b"", chunk: int = 1000):
    sha = hashlib.sha256(data).digest()
    status = call(agent, m.Begin(name, len(data), sha, sig))
    if isinstance(status, m.Error):
        return status
    for off in range(status.received, len(data), chunk):
        reply = call(agent, m.Data(off, data[off:off + chunk]))
        if reply is not None:
            return reply
    return call(agent, m.Commit())


def app_source(tag: str, size: int = 9000) -> bytes:
    text = f'console.log("{tag}");\n'
    return (text + "//" + "x" * (size - len(text) - 3) + "\n").encode()


def lines(agent: Agent, app: str) -> list[str]:
    return [x.text for x in agent.logs if x.app == app]


def test_programming_only_clears_bits_and_erase_counts_wear(tmp_path):
    f = Flash(8 * 4096, 4096)
    f.program(10, b"\x0f\xf0")
    f.program(10, b"\x0e\x00")  # clearing more bits is fine
    assert f.read(10, 2) == b"\x0e\x00"
    with pytest.raises(FlashError, match="would set bits"):
        f.program(10, b"\x1e\x00")
    f.erase(4000, 200)  # touches sectors 0 and 1
    assert f.read(10, 2) == b"\xff\xff"
    assert list(f.wear[:3]) == [1, 1, 0]
    with pytest.raises(FlashError):
        f.program(8 * 4096 - 1, b"ab")


def test_state_directory_survives_a_restart(tmp_path):
    f = Flash(4 * 4096, 4096, tmp_path)
    f.erase_sector(2)
    f.program(2 * 4096, b"kept")
    del f
    g = Flash(4 * 4096, 4096, tmp_path)
    assert g.read(2 * 4096, 4) == b"kept" and g.wear[2] == 1
    with pytest.raises(ValueError, match="geometry"):
        Flash(8 * 4096, 4096, tmp_path)


def test_boot_record_survives_torn_writes_and_sector_switches():
    f = Flash(PICO.flash_size, PICO.sector_size)
    store = BootStore(f, PICO)
    rng = random.Random(5)
    last: dict = {}
    for i in range(40):
        entries = {0: Entry(f"app{i}", ACTIVE, i + 1, bytes([i]) * 32)}
        f.cut_after = rng.randrange(3) if i % 3 == 0 else None
        try:
            store.write(entries)
            last = entries
        except PowerCut:
            pass
        f.cut_after = None
        store = BootStore(f, PICO)
        assert store.load() == last  # the newest complete record, never a torn one
    assert f.wear[PICO.boot_sectors[0] // PICO.sector_size] >= 2


def test_install_list_run_stop_remove():
    agent = Agent(PICO, Flash(PICO.flash_size, PICO.sector_size))
    agent.boot()
    assert isinstance(install(agent, "one", app_source("one v1")), m.Ok)
    assert isinstance(install(agent, "two", b'console.log("two")'), m.Ok)
    assert lines(agent, "one") == ["one v1"] and lines(agent, "two") == ["two"]
    apps = call(agent, m.List()).apps
    assert [(a.name, a.state, a.fallback) for a in apps] == [("one", "running", False),
                                                             ("two", "running", False)]
    assert isinstance(install(agent, "one", app_source("one v2")), m.Ok)
    one = [a for a in call(agent, m.List()).apps if a.name == "one"][0]
    assert one.fallback and one.sha256 == hashlib.sha256(app_source("one v2")).digest()
    assert call(agent, m.Stop("two")) == m.Ok("two stopped")
    assert call(agent, m.Stop("two")).code == m.ErrorCode.NOT_RUNNING
    assert call(agent, m.Eval("two", "1")).code == m.ErrorCode.NOT_RUNNING
    assert isinstance(call(agent, m.Run("two")), m.Ok)
    assert call(agent, m.Eval("two", "[1, 2].map(x => x * 3)")) == m.Result(True, "[ 3, 6 ]")
    assert call(agent, m.Eval("two", "null.x")).ok is False
    assert call(agent, m.Remove("two")) == m.Ok("two removed")
    assert call(agent, m.Remove("two")).code == m.ErrorCode.NO_SUCH_APP
    assert [a.name for a in call(agent, m.List()).apps] == ["one"]


def test_transfer_errors_are_reported_with_codes():
    agent = Agent(PICO, Flash(PICO.flash_size, PICO.sector_size))
    agent.boot()
    assert call(agent, m.Data(0, b"x")).code == m.ErrorCode.BAD_STATE
    assert call(agent, m.Commit()).code == m.ErrorCode.BAD_STATE
    big = PICO.slots[0].size + 1
    assert call(agent, m.Begin("a", big, b"\0" * 32)).code == m.ErrorCode.TOO_LARGE
    data = b"console.log(1)"
    sha = hashlib.sha256(data).digest()
    assert call(agent, m.Begin("a", len(data), sha)) == m.Status("a", len(data), 0)
    assert call(agent, m.Data(5, b"x")).code == m.ErrorCode.OUT_OF_ORDER
    assert call(agent, m.Data(0, data[:4])) is None
    assert call(agent, m.Data(0, data[:6])) is None  # overlap: only the new bytes count
    assert call(agent, m.Begin("a", len(data), sha)) == m.Status("a", len(data), 6)  # resume
    assert call(agent, m.Commit()).code == m.ErrorCode.INCOMPLETE
    assert call(agent, m.Data(6, data[6:] + b"!")).code == m.ErrorCode.TOO_LARGE
    # a tampered transfer: the bytes do not match the announced digest
    assert call(agent, m.Data(6, b"X" + data[7:])) is None
    assert call(agent, m.Commit()).code == m.ErrorCode.DIGEST_MISMATCH
    assert call(agent, m.List()).apps == ()
    bad_js = b"let = ;"
    assert install(agent, "b", bad_js).code == m.ErrorCode.LOAD_FAILED
    assert install(agent, "b", b"\xff\xfe").code == m.ErrorCode.LOAD_FAILED
    assert call(agent, m.Baud(12345)).code == m.ErrorCode.BAD_BAUD
    assert agent.handle(0x13, b"\x01").code == m.ErrorCode.MALFORMED
    assert agent.handle(0x55, b"").code == m.ErrorCode.UNKNOWN_MESSAGE
    assert agent.handle(0x1F, b"\x01\x00\x00\x00").code == m.ErrorCode.UNKNOWN_MESSAGE


def test_signed_only_device_refuses_unsigned_and_tampered_images():
    key = Ed25519PrivateKey.generate()
    agent = Agent(PICO, Flash(PICO.flash_size, PICO.sector_size),
                  verifier=DigestVerifier(key.public_key()))
    agent.boot()
    good = b'console.log("signed")'
    sha = hashlib.sha256(good).digest()
    assert install(agent, "s", good).code == m.ErrorCode.SIGNATURE_REQUIRED
    other = Ed25519PrivateKey.generate().sign(sha)
    assert install(agent, "s", good, other).code == m.ErrorCode.BAD_SIGNATURE
    tampered = b'console.log("evil!!")'
    status = call(agent, m.Begin("s", len(tampered), sha, key.sign(sha)))
    assert isinstance(status, m.Status)
    call(agent, m.Data(0, tampered))
    assert call(agent, m.Commit()).code == m.ErrorCode.DIGEST_MISMATCH
    assert install(agent, "s", good, key.sign(sha)) == m.Ok("s activated from slot 0")
    assert call(agent, m.List()).apps[0].signed
    assert call(agent, m.Hello()).signed_only


def test_a_failing_app_stops_alone():
    agent = Agent(PICO, Flash(PICO.flash_size, PICO.sector_size))
    agent.boot()
    install(agent, "good", b"let n = 0; setInterval(() => console.log('tick ' + ++n), 5);")
    install(agent, "thrower", b"setTimeout(() => { throw new TypeError('boom') }, 5);")
    install(agent, "looper", b"setTimeout(() => { for (;;) {} }, 5);")
    install(agent, "deep", b"function f() { return f() + 1 } setTimeout(f, 5);")
    end = time.monotonic() + 3.0
    while time.monotonic() < end and len(lines(agent, "good")) < 20:
        agent.runtime.run_due()
        time.sleep(0.002)
    states = {a.name: a.state for a in call(agent, m.List()).apps}
    assert states == {"good": "running", "thrower": "failed", "looper": "failed",
                      "deep": "failed"}
    assert len(lines(agent, "good")) >= 20
    errors = {x.app: x.text for x in agent.logs if x.level == m.LOG_ERROR}
    assert errors["thrower"] == "Uncaught TypeError: boom"
    assert "instruction budget" in errors["looper"]
    assert "Maximum call stack" in errors["deep"]
    # apps do not see each other's globals
    assert call(agent, m.Eval("good", "typeof n")) == m.Result(True, "'number'")
    assert install(agent, "other", b"1").code == m.ErrorCode.NO_SPACE  # four slots
    call(agent, m.Remove("thrower"))
    assert isinstance(install(agent, "other", b"1"), m.Ok)
    assert call(agent, m.Eval("other", "typeof n")) == m.Result(True, "'undefined'")


def test_boot_falls_back_when_the_active_image_is_damaged():
    flash = Flash(PICO.flash_size, PICO.sector_size)
    agent = Agent(PICO, flash)
    agent.boot()
    install(agent, "a", app_source("a v1"))
    install(agent, "a", app_source("a v2"))
    active = [a for a in call(agent, m.List()).apps if a.name == "a"][0]
    # a bit flips in the active image (flash decay): boot must notice and fall back
    off = PICO.slots[active.slot].offset + 100
    byte = flash.read(off, 1)[0]
    flash.program(off, bytes([byte & (byte - 1)]))  # clears its lowest set bit
    again = Agent(PICO, flash)
    again.boot()
    assert lines(again, "a") == ["a v1"]
    assert any("falling back" in x.text for x in again.logs)
    info = call(again, m.List()).apps[0]
    assert info.sha256 == hashlib.sha256(app_source("a v1")).digest() and not info.fallback
    third = Agent(PICO, flash)  # the fallback was recorded: a later boot agrees
    third.boot()
    assert lines(third, "a") == ["a v1"] and not any("falling" in x.text for x in third.logs)


def test_boot_falls_back_when_the_new_image_throws_at_start():
    flash = Flash(PICO.flash_size, PICO.sector_size)
    agent = Agent(PICO, flash)
    agent.boot()
    install(agent, "a", b'console.log("v1")')
    install(agent, "a", b'throw new Error("v2 is broken")')
    assert call(agent, m.List()).apps[0].state == "failed"
    again = Agent(PICO, flash)
    again.boot()
    assert lines(again, "a")[0] == "Uncaught Error: v2 is broken"
    assert lines(again, "a")[-1] == "v1"
    assert call(again, m.List()).apps[0].state == "running"


class StartRecorder:
    """Stands in for the app runtime where only *which* image boots matters: starting
    an app records the first line of its (verified, parsed) source instead of paying
    for a VM per boot. The real runtime is exercised by the tests above."""

    def __init__(self, log):
        self.log = log
        self.started: dict[str, object] = {}

    def start(self, name, program):
        self.started[name] = program
        self.log(name, m.LOG_OUT, program.text.split('"')[1])
        return True

    def stop_all(self):
        self.started.clear()

    def state(self, name):
        return "running" if name in self.started else "stopped"

    forget = stop = lambda self, name, **kw: self.started.pop(name, None)


def light_agent(flash):
    agent = Agent(PICO, flash)
    agent.runtime = StartRecorder(agent._log)
    return agent


def test_power_cuts_at_random_points_never_brick_the_device():
    """200 transfers, each cut at a random flash operation (or not at all): the device
    always boots, running the new app if COMMIT completed and the old one otherwise,
    and the app beside it is untouched."""
    old, new, other = app_source("v1", 9000), app_source("v2", 13000), app_source("b", 5000)
    sha = {hashlib.sha256(x).digest(): tag for x, tag in ((old, "v1"), (new, "v2"))}
    base = Flash(PICO.flash_size, PICO.sector_size)
    setup = light_agent(base)
    setup.boot()
    install(setup, "b", other)
    install(setup, "a", old)
    probe = Flash(PICO.flash_size, PICO.sector_size)
    probe.data[:] = base.data
    agent = light_agent(probe)
    agent.boot()
    start_ops = probe.ops
    assert isinstance(install(agent, "a", new), m.Ok)
    total = probe.ops - start_ops
    assert total > 5
    rng = random.Random(11)
    outcomes = {"v1": 0, "v2": 0}
    for run in range(200):
        flash = Flash(PICO.flash_size, PICO.sector_size)
        flash.data[:] = base.data
        flash.cut_rng = random.Random(run)
        device = light_agent(flash)
        device.boot()
        flash.cut_after = rng.randrange(total + 2)
        try:
            reply = install(device, "a", new, chunk=rng.choice([500, 1000]))
            committed = isinstance(reply, m.Ok)
        except PowerCut:
            committed = False
        flash.cut_after = None
        rebooted = light_agent(flash)
        rebooted.boot()
        apps = {a.name: a for a in call(rebooted, m.List()).apps}
        assert set(apps) == {"a", "b"}, run
        assert apps["a"].state == apps["b"].state == "running", run
        tag = sha[apps["a"].sha256]
        assert tag == ("v2" if committed else tag), run
        assert lines(rebooted, "a") == [tag] and lines(rebooted, "b") == ["b"], run
        outcomes[tag] += 1
    assert outcomes["v1"] > 20 and outcomes["v2"] > 5, outcomes


def test_wear_spreads_over_boot_sectors():
    flash = Flash(PICO.flash_size, PICO.sector_size)
    agent = Agent(PICO, flash)
    agent.boot()
    for i in range(12):
        install(agent, "a", f"console.log({i})".encode())
    boot = [PICO.boot_sectors[0] // PICO.sector_size, PICO.boot_sectors[1] // PICO.sector_size]
    assert all(flash.wear[s] >= 1 for s in boot)
    assert np.count_nonzero(flash.wear) > 3
