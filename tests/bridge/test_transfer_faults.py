"""Many randomized transfers through the fault-injecting wire: the device agent served
in-process (the simulator's `SimWire`, paced at a high baud rate, with
drops, corruption, duplicates, noise and delays drawn per run), the host's
`DeviceClient.flash` through pyserial on the simulator's pseudo-terminal, and in a
quarter of the runs the host's port closed mid-transfer (the cable pulled) so the host
must reconnect and resume. After every run the
device is rebooted from its flash: it must boot a valid app -- the new image if COMMIT
completed, else the previous one -- and the app beside it must be byte for byte intact.

Each run's seed fixes its faults, its cut and its image; a failure names the seed.
"""

from __future__ import annotations

import random
import threading

import pytest
from bridge_images import StartRecorder, build_image, call, digest_of, install

from compiler.bytecode.image import read_image
from firmware_bridge import messages as m
from firmware_bridge.agent import Agent
from firmware_bridge.flash import Flash
from firmware_bridge.host import ConnectionFailed, DeviceClient, DeviceError
from firmware_bridge.link import LinkError
from firmware_bridge.sim import Device
from firmware_bridge.spec import SlotSpec, spec_for
from firmware_bridge.wire import Faults, PtyEndpoint, SimWire

QUAD = spec_for("pico", slots=tuple(SlotSpec(0x100000 + i * 0x18000, 0x18000)
                                    for i in range(4)))
BAUD = 10_000_000  # a high simulated rate: the point is the protocol, not the line
RTO = 0.04  # several round trips of a full window at BAUD
RUNS = 200


def light_agent(flash: Flash) -> Agent:
    agent = Agent(QUAD, flash)
    agent.runtime = StartRecorder(agent._log)
    agent.boot()
    return agent


@pytest.fixture(scope="module")
def base():
    """A device holding app b and app a v1; the flash every run starts from."""
    flash = Flash.for_spec(QUAD)
    agent = light_agent(flash)
    other = build_image('console.log("b")', "b", pad=3000, version="b")
    old = build_image('console.log("a v1")', "a", pad=2000, version="v1")
    assert isinstance(install(agent, other), m.Ok) and isinstance(install(agent, old), m.Ok)
    slots = {a.name: a.slot for a in call(agent, m.List()).apps}
    offset = QUAD.slots[slots["b"]].offset
    return flash, old, other, flash.read(offset, len(other)), slots["b"]


def fault_plan(seed: int) -> tuple[Faults, int, int]:
    """(faults, pull the cable after this many image bytes or 0, padding of the image)."""
    rng = random.Random(seed)
    faults = Faults(drop=rng.uniform(0, 0.03), corrupt=rng.uniform(0, 0.03),
                    dup=rng.uniform(0, 0.03), noise=rng.uniform(0, 0.03),
                    delay=rng.uniform(0, 0.03), seed=seed)
    pad = rng.randrange(500, 5000)
    cut = rng.randrange(200, pad) if rng.random() < 1 / 4 else 0
    return faults, cut, pad


def transfer(flash: Flash, seed: int):
    """One transfer of a new `a` through a faulty wire: (committed, image, error, faults).
    Where the plan says so, the host's port is closed once mid-transfer (the cable
    pulled): the link goes down and `flash` must reconnect and resume."""
    faults, cut, pad = fault_plan(seed)
    new = build_image(f'console.log("a v2 {seed}")', "a", pad=pad, version=f"v2-{seed}")
    endpoint = PtyEndpoint()
    wire = SimWire(endpoint, BAUD, faults)
    device = Device(QUAD, wire, flash)
    device.link.rto = RTO
    device.agent.runtime = StartRecorder(device.agent._log)
    server = threading.Thread(target=device.serve, daemon=True)
    server.start()
    client = DeviceClient(endpoint.path, baud=BAUD, timeout=5.0, rto=RTO,
                          on_log=lambda msg: None)
    pending = {"cut": cut, "resumed": None}

    def progress(done: int, total: int, resumed_from: int) -> None:
        if resumed_from:
            pending["resumed"] = resumed_from
        if pending["cut"] and done >= pending["cut"]:
            pending["cut"] = 0
            client.port.close()

    error = None
    try:
        client.connect(attempts=10)
        text = client.flash("a", new, digest=read_image(new).digest, reconnects=8,
                            progress=progress)
        committed = text.startswith("a activated")
    except (LinkError, ConnectionFailed) as e:  # gave up on the line: allowed, rare
        committed, error = False, e
    finally:
        client.close()
        device.stop.set()
        server.join(5)
        device.link.close()
        wire.close()
    assert not server.is_alive(), f"seed {seed}: the device loop did not stop"
    return committed, new, error, faults, pending["resumed"]


def test_randomized_noisy_transfers_never_brick_or_corrupt(base):
    flash0, old, other, other_bytes, other_slot = base
    tags = {digest_of(old): "v1"}
    failures = []
    outcomes = {"new": 0, "old": 0}
    resumes = 0
    for seed in range(RUNS):
        flash = Flash.for_spec(QUAD)
        flash.data[:] = flash0.data
        try:
            committed, new, error, faults, resumed = transfer(flash, seed)
        except DeviceError as e:  # the device refused: corrupt bytes got through
            pytest.fail(f"seed {seed} ({fault_plan(seed)[0]}): the device refused: {e}")
        except Exception as e:  # noqa: BLE001 - whatever broke, name the seed
            pytest.fail(f"seed {seed} ({fault_plan(seed)[0]}): {type(e).__name__}: {e}")
        where = f"seed {seed} ({faults})"
        tags[digest_of(new)] = "v2"
        rebooted = light_agent(flash)
        apps = {a.name: a for a in call(rebooted, m.List()).apps}
        assert set(apps) == {"a", "b"}, where
        assert apps["a"].state == apps["b"].state == "running", where
        booted = apps["a"].sha256
        assert booted in (digest_of(old), digest_of(new)), where
        if committed:
            assert booted == digest_of(new) and apps["a"].fallback, where
        versions = {x.app: x.text for x in rebooted.logs if x.level == m.LOG_OUT}
        assert versions == {"a": "v1" if booted == digest_of(old) else f"v2-{seed}",
                            "b": "b"}, where
        assert apps["b"].sha256 == digest_of(other) and apps["b"].slot == other_slot, where
        offset = QUAD.slots[other_slot].offset
        assert flash.read(offset, len(other)) == other_bytes, where
        outcomes["new" if booted == digest_of(new) else "old"] += 1
        if error is not None:
            failures.append((seed, str(error)))
        resumes += resumed is not None
    # a noisy cable must still deliver: giving up is for a dead line, not for noise
    assert len(failures) <= RUNS // 50, failures
    assert outcomes["new"] >= RUNS - RUNS // 50, outcomes
    assert resumes > RUNS // 8  # the pulled cables led to resumed transfers
