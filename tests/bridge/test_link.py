"""The sliding-window link over a real pseudo-terminal (pyserial on the host side, the
simulator's wire on the device side), clean and with injected faults."""

from __future__ import annotations

import random
import threading

import pytest
import serial

from firmware_bridge.framing import Frame, FrameDecoder
from firmware_bridge.link import Link, LinkError
from firmware_bridge.wire import Faults, PtyEndpoint, SimWire


def make_pair(faults: str, baud: int = 2_000_000, rto: float = 0.15):
    endpoint = PtyEndpoint()
    wire = SimWire(endpoint, baud, Faults.parse(faults))
    device = Link(wire, role="device", window=8, rto=rto)
    port = serial.serial_for_url(endpoint.path, baudrate=115200, timeout=0.02)
    host = Link(port, role="host", window=8, rto=rto, max_retries=40)
    host.connect(timeout=5)
    return host, device, port, wire


def exchange(host: Link, device: Link, n: int, seed: int):
    rng = random.Random(seed)
    down = [bytes([0x13]) + rng.randbytes(rng.randrange(0, 1000)) for _ in range(n)]
    up = [rng.randbytes(rng.randrange(0, 300)) for _ in range(n)]
    got_down: list[bytes] = []
    got_up: list[bytes] = []

    def device_side():
        while len(got_down) < n:
            frame = device.recv(10)
            if frame is None:
                return
            got_down.append(frame.payload)
        for p in up:
            if not device.send(0x1C, p, timeout=10):
                return  # the window stayed full: the host side reports the shortfall

    t = threading.Thread(target=device_side)
    t.start()
    for p in down:
        host.send(0x13, p)
    while len(got_up) < n:
        frame = host.recv(10)
        assert frame is not None, f"only {len(got_up)} of {n} frames came back"
        got_up.append(frame.payload)
    t.join(10)
    return down, up, got_down, got_up


@pytest.mark.parametrize("faults", ["", "drop=0.05,corrupt=0.05,dup=0.05,noise=0.05,seed=3",
                                    "drop=0.15,delay=0.1,seed=9"])
def test_everything_arrives_once_and_in_order(faults):
    host, device, port, wire = make_pair(faults)
    try:
        down, up, got_down, got_up = exchange(host, device, 100, seed=len(faults))
        assert got_down == down and got_up == up
        if faults:
            assert host.stats["resent"] > 0  # drops cost retransmissions
        if "corrupt" in faults or "dup" in faults:
            # Only damaged or doubled frames are sure to reach the device as such; a lost
            # ack may or may not make a duplicate, depending on timing.
            assert device.stats["bad"] + device.stats["duplicates"] > 0
        assert host.recv(0.2) is None and device.recv(0.2) is None  # nothing extra
    finally:
        host.close(), device.close(), port.close(), wire.close()


def test_a_new_session_restarts_sequence_numbers():
    host, device, port, wire = make_pair("")
    try:
        exchange(host, device, 5, seed=1)
        host.close(), port.close()
        port2 = serial.serial_for_url(wire.endpoint.path, baudrate=115200, timeout=0.02)
        host2 = Link(port2, role="host", rto=0.15)
        host2.connect(timeout=5)
        down, up, got_down, got_up = exchange(host2, device, 5, seed=2)
        assert got_down == down and got_up == up
        host2.close(), port2.close()
    finally:
        device.close(), wire.close()


def test_a_silent_peer_takes_the_link_down():
    endpoint = PtyEndpoint()
    port = serial.serial_for_url(endpoint.path, baudrate=115200, timeout=0.02)
    host = Link(port, role="host", rto=0.05, max_retries=3)
    try:
        with pytest.raises(LinkError, match="no answer"):
            host.connect(timeout=0.5)
    finally:
        host.close(), port.close(), endpoint.close()


class DropOnce:
    """The host's port, losing the `nth` sequenced data frame it writes, once (a fault
    at a chosen place; the random faults above cannot aim)."""

    def __init__(self, port, nth: int):
        self.port = port
        self.left = nth
        self.dropped = None

    def __getattr__(self, name):
        return getattr(self.port, name)

    def write(self, data: bytes) -> int:
        if self.dropped is None:
            frames = [f for f in FrameDecoder(4096, frozenset(range(256))).feed(data)
                      if isinstance(f, Frame)]
            if frames and frames[0].type == 0x13:
                self.left -= 1
                if self.left == 0:
                    self.dropped = frames[0].seq
                    return len(data)
        return self.port.write(data)


def test_a_lost_frame_is_resent_alone_while_those_after_it_are_held():
    endpoint = PtyEndpoint()
    wire = SimWire(endpoint, 2_000_000)
    device = Link(wire, role="device", window=8, rto=2.0)
    raw = serial.serial_for_url(endpoint.path, baudrate=115200, timeout=0.02)
    port = DropOnce(raw, 3)
    host = Link(port, role="host", window=8, rto=2.0)
    try:
        host.connect(timeout=5)
        down, up, got_down, got_up = exchange(host, device, 20, seed=5)
        assert got_down == down and got_up == up and port.dropped == 2
        assert host.stats["naks"] >= 1
        if host.stats["timeouts"] == 0:  # a timeout (a stalled machine) resends them all
            assert host.stats["resent"] == 1
    finally:
        host.close(), device.close(), raw.close(), wire.close()
