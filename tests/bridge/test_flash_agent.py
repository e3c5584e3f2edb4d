"""The flash model, the boot record, and the device agent driven message by message with
real `.caplet` images: bit rules, wear, persistence, power cuts at random points,
fallback, signatures, board checks and app isolation."""

from __future__ import annotations

import random
import re
import time

import numpy as np
import pytest
from bridge_images import (
    HOARDER,
    SPINNER,
    TICKER,
    StartRecorder,
    build_image,
    call,
    digest_of,
    install,
    lines,
)
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from firmware_bridge import messages as m
from firmware_bridge.agent import Agent
from firmware_bridge.bootrecord import ACTIVE, BootStore, Entry
from firmware_bridge.flash import Flash, FlashError, PowerCut
from firmware_bridge.spec import SlotSpec, spec_for

PICO = spec_for("pico")
# the agent on a Pico whose app region is cut into four slots (the profile has two)
QUAD = spec_for("pico", slots=tuple(SlotSpec(0x100000 + i * 0x18000, 0x18000)
                                    for i in range(4)))


def new_agent(spec=PICO, flash=None, **kw) -> Agent:
    agent = Agent(spec, flash or Flash.for_spec(spec), **kw)
    agent.boot()
    return agent


def app(tag: str, name: str = "a", pad: int = 0, version: str = "1.0.0") -> bytes:
    return build_image(f'console.log("{tag}");', name, pad=pad, version=version)


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
    f = Flash.for_spec(PICO)
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
    assert f.wear[f.sector_index(PICO.boot_sectors[0])] >= 2


def test_the_spec_comes_from_the_board_profile():
    assert PICO.board == "rpi-pico" and PICO.flash_size == 2 << 20
    assert [(s.name, s.offset, s.size) for s in PICO.slots] == [("a", 0x100000, 0x60000),
                                                               ("b", 0x160000, 0x60000)]
    assert PICO.boot_sectors == (0x1C0000, 0x1C1000)  # after the last slot
    assert PICO.baud == 115200 and max(PICO.baud_rates) == 921600
    assert PICO.ram == 270336 and PICO.heap_budget == 163840
    stm = spec_for("stm32f4")  # 16/64/128 KiB sectors: boot sectors before the slots
    assert stm.board == "stm32f4-discovery" and stm.boot_sectors == (0x20000, 0x40000)
    flash = Flash.for_spec(stm)
    flash.erase_sector(flash.sector_index(0x20000))
    assert flash.sector_span(flash.sector_index(0x3FFFF)) == (0x20000, 0x20000)
    agent = new_agent(stm, flash)
    image = build_image('console.log("on stm")', "s", board="stm32f4-discovery")
    assert isinstance(install(agent, image), m.Ok) and lines(agent, "s") == ["on stm"]
    with pytest.raises(ValueError, match="unknown board 'toaster'"):
        spec_for("toaster")
    with pytest.raises(ValueError, match="ambiguous"):
        spec_for("esp")  # esp32-devkitc and esp8266-nodemcu
    assert spec_for("microbit").board == "microbit-v2"


def test_install_list_run_stop_remove():
    agent = new_agent()
    v1, v2 = app("one v1", "one"), app("one v2", "one", version="2.0.0")
    assert isinstance(install(agent, v1), m.Ok)
    assert isinstance(install(agent, build_image('console.log("two")', "two")), m.Ok)
    assert lines(agent, "one") == ["one v1"] and lines(agent, "two") == ["two"]
    apps = call(agent, m.List()).apps
    assert [(a.name, a.state, a.fallback) for a in apps] == [("one", "running", False),
                                                             ("two", "running", False)]
    assert install(agent, v2).code == m.ErrorCode.NO_SPACE  # two slots, both active
    call(agent, m.Remove("two"))
    assert isinstance(install(agent, v2), m.Ok)
    one = call(agent, m.List()).apps[0]
    assert one.fallback and one.sha256 == digest_of(v2)
    assert isinstance(install(agent, build_image("var t = 2;", "two")), m.Ok)  # reuses v1's
    assert not call(agent, m.List()).apps[0].fallback
    assert call(agent, m.Stop("two")) == m.Ok("two stopped")
    assert call(agent, m.Stop("two")).code == m.ErrorCode.NOT_RUNNING
    assert call(agent, m.Eval("two", "1")).code == m.ErrorCode.NOT_RUNNING
    assert isinstance(call(agent, m.Run("two")), m.Ok)
    assert call(agent, m.Eval("two", "[t, 2].map(x => x * 3)")) == m.Result(True, "[ 6, 6 ]")
    assert call(agent, m.Eval("two", "null.x")).ok is False
    assert call(agent, m.Eval("two", "let = ;")).text.startswith("SyntaxError")
    assert call(agent, m.Remove("two")) == m.Ok("two removed")
    assert call(agent, m.Remove("two")).code == m.ErrorCode.NO_SUCH_APP
    assert [a.name for a in call(agent, m.List()).apps] == ["one"]


def test_transfer_errors_are_reported_with_codes():
    agent = new_agent()
    assert call(agent, m.Data(0, b"x")).code == m.ErrorCode.BAD_STATE
    assert call(agent, m.Commit()).code == m.ErrorCode.BAD_STATE
    big = PICO.slots[0].size + 1
    assert call(agent, m.Begin("a", big, b"\0" * 32)).code == m.ErrorCode.TOO_LARGE
    data = app("x", pad=3000)
    sha = digest_of(data)
    assert call(agent, m.Begin("a", len(data), sha)) == m.Status("a", len(data), 0)
    assert call(agent, m.Data(5, b"x")).code == m.ErrorCode.OUT_OF_ORDER
    assert call(agent, m.Data(0, data[:40])).code == m.ErrorCode.MALFORMED  # header split
    assert call(agent, m.Data(0, data[:400])) is None
    assert call(agent, m.Data(0, data[:600])) is None  # overlap: only the new bytes count
    assert call(agent, m.Begin("a", len(data), sha)) == m.Status("a", len(data), 600)
    assert call(agent, m.Commit()).code == m.ErrorCode.INCOMPLETE
    assert call(agent, m.Data(600, data[600:] + b"!")).code == m.ErrorCode.TOO_LARGE
    # a tampered transfer: a byte of the body differs from what the digest covers
    tampered = data[:1000] + bytes([data[1000] ^ 1]) + data[1001:]
    assert call(agent, m.Data(600, tampered[600:])) is None
    reply = call(agent, m.Commit())
    assert reply.code == m.ErrorCode.DIGEST_MISMATCH and "corrupt" in reply.message
    # a whole, valid image announced under another digest
    assert install(agent, data, digest=b"\1" * 32).code == m.ErrorCode.DIGEST_MISMATCH
    assert install(agent, data, name="b").code == m.ErrorCode.LOAD_FAILED  # manifest says a
    assert call(agent, m.List()).apps == ()
    truncated = data[:-10]
    status = call(agent, m.Begin("a", len(truncated), sha))
    assert status.received == 0 and call(agent, m.Data(0, truncated)) is None
    assert "truncated" in call(agent, m.Commit()).message
    assert call(agent, m.Begin("j", 14, sha)) == m.Status("j", 14, 0)
    assert call(agent, m.Data(0, b"console.log(1)")).code == m.ErrorCode.LOAD_FAILED
    assert call(agent, m.Baud(12345)).code == m.ErrorCode.BAD_BAUD
    assert agent.handle(0x13, b"\x01").code == m.ErrorCode.MALFORMED
    assert agent.handle(0x55, b"").code == m.ErrorCode.UNKNOWN_MESSAGE
    assert agent.handle(0x1F, b"\x01\x00\x00\x00").code == m.ErrorCode.UNKNOWN_MESSAGE


def test_an_image_for_another_board_is_refused_before_anything_is_written():
    flash = Flash.for_spec(QUAD)
    agent = new_agent(QUAD, flash)
    assert isinstance(install(agent, app("keep", "keep")), m.Ok)
    assert isinstance(install(agent, app("old", "a")), m.Ok)
    assert isinstance(install(agent, app("new", "a", version="2")), m.Ok)  # a has a fallback
    before, wear = flash.data.copy(), flash.wear.copy()
    esp = build_image('console.log("esp")', "a", board="esp32-devkitc", pad=2000)
    reply = install(agent, esp)
    assert reply.code == m.ErrorCode.WRONG_BOARD
    assert reply.message == "the image is for esp32-devkitc, this device is rpi-pico"
    assert np.array_equal(flash.data, before) and np.array_equal(flash.wear, wear)
    assert call(agent, m.Data(1000, esp[1000:2000])).code == m.ErrorCode.BAD_STATE
    assert {a.name: a.fallback for a in call(agent, m.List()).apps} == {"keep": False,
                                                                       "a": True}


def test_signed_only_device_refuses_unsigned_and_tampered_images():
    key = Ed25519PrivateKey.generate()
    agent = new_agent(public_key=key.public_key())
    unsigned = build_image('console.log("signed")', "s")
    assert install(agent, unsigned).code == m.ErrorCode.SIGNATURE_REQUIRED
    other = build_image('console.log("signed")', "s", key=Ed25519PrivateKey.generate())
    assert install(agent, other).code == m.ErrorCode.BAD_SIGNATURE
    good = build_image('console.log("signed")', "s", key=key)
    evil = build_image('console.log("evil!!")', "s", key=key)
    # the good image's digest and signature announced, the evil image's bytes sent
    sig = good[-64:]
    assert install(agent, evil, signature=sig, digest=digest_of(good)).code == \
        m.ErrorCode.DIGEST_MISMATCH
    assert call(agent, m.List()).apps == ()
    assert install(agent, good) == m.Ok("s activated from slot 0")
    assert call(agent, m.List()).apps[0].signed and lines(agent, "s") == ["signed"]
    assert call(agent, m.Hello()).signed_only


def test_a_failing_app_stops_alone():
    agent = new_agent(QUAD)
    timers = ["Timer"]
    install(agent, build_image("let n = 0; setInterval(() => console.log('tick ' + ++n), 5);",
                               "good", caps=timers))
    install(agent, build_image("setTimeout(() => { throw new TypeError('boom') }, 5);",
                               "thrower", caps=timers))
    install(agent, build_image("setTimeout(() => { for (;;) {} }, 5);", "looper",
                               caps=timers, steps=50_000))
    install(agent, build_image("function f() { return f() + 1 } setTimeout(f, 5);", "deep",
                               caps=timers))
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
    assert errors["looper"] == "instruction budget of 50000 steps per turn exhausted"
    assert "Maximum call stack" in errors["deep"]
    # apps do not see each other's globals, and cannot change the shared intrinsics
    assert call(agent, m.Eval("good", "typeof n")) == m.Result(True, "'number'")
    assert install(agent, app("x", "other")).code == m.ErrorCode.NO_SPACE  # four slots
    call(agent, m.Remove("thrower"))
    assert isinstance(install(agent, build_image(
        "var seen = [typeof n, typeof good, typeof setTimeout];"
        "var poisoned = Reflect.set(Array.prototype, 'map', null);", "other")), m.Ok)
    assert call(agent, m.Eval("other", "seen")) == m.Result(
        True, "[ 'undefined', 'undefined', 'undefined' ]")  # no Timer in its manifest
    assert call(agent, m.Eval("other", "poisoned")) == m.Result(True, "false")
    assert call(agent, m.Eval("good", "[1].map(x => x + n > 0)")) == m.Result(True, "[ true ]")


def test_heap_quota_and_budget_stop_their_apps_through_the_vms_limits():
    """A allocates in a loop (manifest heap quota 20000 bytes), B loops forever (budget
    30000 steps), C ticks: the VM's meter and heap checks stop A and B fail-stop -- no
    `finally` of theirs runs -- the host hears why, LIST says why, and C goes on."""
    agent = new_agent(QUAD)
    timers = ["Timer"]
    install(agent, build_image(HOARDER, "A", caps=timers, quota=20_000))
    install(agent, build_image(SPINNER, "B", caps=timers, steps=30_000))
    install(agent, build_image(TICKER, "C", caps=timers))
    limits = agent.runtime.machine.limits
    heaps = {h.name: h for h in limits.heaps}
    assert heaps["A"].quota == 20_000 and heaps["B"].instructions == 30_000
    assert heaps["C"].quota == PICO.heap_budget and heaps["C"].instructions == \
        PICO.step_budget
    end = time.monotonic() + 5.0
    while time.monotonic() < end and len(lines(agent, "C")) < 15:
        agent.runtime.run_due()
        time.sleep(0.002)
    apps = {a.name: a for a in call(agent, m.List()).apps}
    assert {k: a.state for k, a in apps.items()} == {"A": "failed", "B": "failed",
                                                     "C": "running"}
    assert re.fullmatch(r"heap quota of 20000 bytes exceeded \(\d+ bytes live at least\)",
                        apps["A"].reason), apps["A"].reason
    assert apps["B"].reason == "instruction budget of 30000 steps per turn exhausted"
    assert apps["C"].reason == ""
    errors = {x.app: x.text for x in agent.logs if x.level == m.LOG_ERROR}
    assert errors == {"A": apps["A"].reason, "B": apps["B"].reason}
    assert "not reached" not in lines(agent, "B")
    assert heaps["A"].terminated == apps["A"].reason and heaps["A"].peak > 20_000
    assert len(lines(agent, "C")) >= 15
    assert call(agent, m.Eval("C", "n >= 15")) == m.Result(True, "true")
    assert call(agent, m.Eval("A", "kept.length")).code == m.ErrorCode.NOT_RUNNING
    assert isinstance(call(agent, m.Run("B")), m.Ok)  # a fresh Global, a fresh budget
    assert call(agent, m.Eval("B", "1 + 1")) == m.Result(True, "2")
    assert call(agent, m.Eval("C", "for (;;) {}")).text == \
        f"instruction budget of {PICO.step_budget} steps per turn exhausted"
    assert call(agent, m.List()).apps[2].state == "failed"  # an EVAL is a turn too


def test_boot_falls_back_when_the_active_image_is_damaged():
    flash = Flash.for_spec(PICO)
    agent = new_agent(PICO, flash)
    v1 = app("a v1", pad=3000)
    install(agent, v1)
    install(agent, app("a v2", pad=3000, version="2"))
    active = [a for a in call(agent, m.List()).apps if a.name == "a"][0]
    # a bit flips in the active image (flash decay): boot must notice and fall back
    off = PICO.slots[active.slot].offset + 1000
    byte = flash.read(off, 1)[0]
    flash.program(off, bytes([byte & (byte - 1)]))  # clears its lowest set bit
    again = new_agent(PICO, flash)
    assert lines(again, "a") == ["a v1"]
    assert any("falling back" in x.text for x in again.logs)
    info = call(again, m.List()).apps[0]
    assert info.sha256 == digest_of(v1) and not info.fallback
    third = new_agent(PICO, flash)  # the fallback was recorded: a later boot agrees
    assert lines(third, "a") == ["a v1"] and not any("falling" in x.text for x in third.logs)


def test_boot_falls_back_when_the_new_image_throws_at_start():
    flash = Flash.for_spec(PICO)
    agent = new_agent(PICO, flash)
    install(agent, app("v1"))
    install(agent, build_image('throw new Error("v2 is broken")', "a", version="2"))
    assert call(agent, m.List()).apps[0].state == "failed"
    again = new_agent(PICO, flash)
    assert lines(again, "a")[0] == "Uncaught Error: v2 is broken"
    assert lines(again, "a")[-1] == "v1"
    assert call(again, m.List()).apps[0].state == "running"


def light_agent(flash):
    agent = Agent(QUAD, flash)
    agent.runtime = StartRecorder(agent._log)
    agent.boot()
    return agent


def test_power_cuts_at_random_points_never_brick_the_device():
    """200 transfers, each cut at a random flash operation (or not at all): the device
    always boots, running the new app if COMMIT completed and the old one otherwise,
    and the app beside it is untouched."""
    old, new = app("old", pad=9000, version="v1"), app("new", pad=13000, version="v2")
    other = app("b", "b", pad=5000, version="b")
    tags = {digest_of(old): "v1", digest_of(new): "v2"}
    base = Flash.for_spec(QUAD)
    setup = light_agent(base)
    install(setup, other)
    install(setup, old)
    probe = Flash.for_spec(QUAD)
    probe.data[:] = base.data
    agent = light_agent(probe)
    start_ops = probe.ops
    assert isinstance(install(agent, new), m.Ok)
    total = probe.ops - start_ops
    assert total > 5
    rng = random.Random(11)
    outcomes = {"v1": 0, "v2": 0}
    for run in range(200):
        flash = Flash.for_spec(QUAD)
        flash.data[:] = base.data
        flash.cut_rng = random.Random(run)
        device = light_agent(flash)
        flash.cut_after = rng.randrange(total + 2)
        try:
            reply = install(device, new, chunk=rng.choice([500, 1000]))
            committed = isinstance(reply, m.Ok)
        except PowerCut:
            committed = False
        flash.cut_after = None
        rebooted = light_agent(flash)
        apps = {a.name: a for a in call(rebooted, m.List()).apps}
        assert set(apps) == {"a", "b"}, run
        assert apps["a"].state == apps["b"].state == "running", run
        tag = tags[apps["a"].sha256]
        assert tag == ("v2" if committed else tag), run
        assert lines(rebooted, "a") == [tag] and lines(rebooted, "b") == ["b"], run
        outcomes[tag] += 1
    assert outcomes["v1"] > 20 and outcomes["v2"] > 5, outcomes


def test_wear_spreads_over_boot_sectors():
    flash = Flash.for_spec(PICO)
    agent = new_agent(PICO, flash)
    for i in range(12):
        install(agent, build_image(f"console.log({i})", "a", version=str(i)))
    boot = [flash.sector_index(o) for o in PICO.boot_sectors]
    assert all(flash.wear[s] >= 1 for s in boot)
    assert np.count_nonzero(flash.wear) > 3
