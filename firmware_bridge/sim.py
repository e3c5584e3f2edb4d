"""`caplet sim`: a simulated board -- the device agent on a paced, optionally noisy wire
over a pseudo-terminal or a TCP socket, its flash kept in a state directory."""

from __future__ import annotations

import signal
import sys
import threading
import time
from pathlib import Path

from . import link
from . import messages as m
from .agent import Agent
from .flash import Flash
from .images import load_public_key
from .link import Link, LinkError
from .peripherals import Hardware, Scenario, ScenarioError
from .policy import Policy, PolicyError
from .spec import DeviceSpec, spec_for
from .wire import Faults, PtyEndpoint, SimWire, SocketEndpoint


def link_timeout(spec: DeviceSpec, baud: int) -> float:
    return link.link_timeout(spec.window, spec.max_payload, baud)


class Device:
    """The agent wired to a link; `serve` runs its loop until `stop` is set."""

    def __init__(self, spec: DeviceSpec, port, flash: Flash, echo=None, **agent_options):
        self.spec = spec
        self.port = port
        self.link = Link(port, role="device", max_payload=spec.max_payload,
                         window=spec.window, rto=link_timeout(spec, spec.baud))
        self.agent = Agent(spec, flash, send=self._send, **agent_options)
        self.agent.baud_hook = self._switch_baud
        self.echo = echo
        self.stop = threading.Event()

    def _send(self, msg, block: bool) -> bool:
        ftype, payload = m.encode_message(msg)
        try:
            sent = self.link.send(ftype, payload, block=block, timeout=5.0 if block else 0)
        except LinkError:
            return False
        if sent and self.echo and isinstance(msg, m.Log):
            self.echo(f"[{msg.app or 'device'}] {msg.text}")
        return sent

    def _switch_baud(self, rate: int) -> None:
        self.link.flush(2.0)
        if hasattr(self.port, "drain"):
            self.port.drain()
        if hasattr(self.port, "baud"):
            self.port.baud = rate
        self.link.rto = link_timeout(self.spec, rate)

    def serve(self) -> None:
        agent = self.agent
        agent.boot()
        while not self.stop.is_set():
            agent.flush_logs()
            due = agent.runtime.next_due()
            wait = 0.05 if due is None else min(0.05, max(0.0, due - time.monotonic()))
            frame = self.link.recv(wait)
            if frame is not None:
                reply = agent.handle(frame.type, frame.payload)
                agent.flush_logs()
                if reply is not None:
                    self._send(reply, True)
                if agent.after_reply is not None:
                    action, agent.after_reply = agent.after_reply, None
                    action()
            agent.runtime.run_due()


def split_slots(spec: DeviceSpec, count: int) -> DeviceSpec:
    """The board with its app region (first slot to last slot) cut into ``count`` equal
    slots on erase-sector boundaries (`caplet sim --slots`: room for more apps)."""
    from dataclasses import replace

    from .spec import SlotSpec

    if count < 1:
        raise ValueError("--slots must be at least 1")
    start = min(s.offset for s in spec.slots)
    end = max(s.offset + s.size for s in spec.slots)
    edges = [e for e in spec.sector_starts() if start <= e <= end]
    bounds = [start]
    for i in range(1, count):
        want = start + (end - start) * i // count
        bounds.append(max(e for e in edges if e <= want))
    bounds.append(end)
    if len(set(bounds)) != len(bounds):
        raise ValueError(f"{spec.board}'s app region cannot hold {count} slots")
    return replace(spec, slots=tuple(SlotSpec(a, b - a, f"s{i}") for i, (a, b) in
                                     enumerate(zip(bounds, bounds[1:], strict=False))))


def load_policy(spec: DeviceSpec, policy: str | None, state: str | None) -> Policy:
    """`--policy FILE`, else `policy.toml` (or `.json`) in the state directory, else the
    default policy (Timer only)."""
    if policy:
        return Policy.load(policy, spec)
    if state:
        for name in ("policy.toml", "policy.json"):
            path = Path(state) / name
            if path.exists():
                return Policy.load(path, spec)
    return Policy.default(spec)


def run_sim(board: str = "pico", pty: bool = True, listen: str | None = None,
            state: str | None = None, faults: str = "", require_signed: str | None = None,
            baud: int | None = None, verbose: bool = False, policy: str | None = None,
            scenario: str | None = None, slots: int | None = None) -> int:
    """The `caplet sim` command; returns an exit status."""
    try:
        spec = spec_for(board)
        if slots is not None:
            spec = split_slots(spec, slots)
        fault_spec = Faults.parse(faults or "")
        key = load_public_key(require_signed) if require_signed else None
        rules = load_policy(spec, policy, state)
        hardware = Hardware(spec, Scenario.load(scenario) if scenario else None)
        flash = Flash.for_spec(spec, state)
    except (ValueError, OSError, PolicyError, ScenarioError) as e:
        print(f"caplet sim: {e}", file=sys.stderr)
        return 2
    if baud is not None:
        if baud not in spec.baud_rates:
            print(f"caplet sim: {baud} baud is not one of {spec.baud_rates}", file=sys.stderr)
            return 2
        from dataclasses import replace

        spec = replace(spec, baud=baud)
    if listen:
        host, _, port_text = listen.rpartition(":")
        try:
            endpoint = SocketEndpoint(host or "127.0.0.1", int(port_text), fault_spec.cut)
        except (ValueError, OSError) as e:
            print(f"caplet sim: cannot listen on {listen}: {e}", file=sys.stderr)
            return 2
        where = f"socket://{endpoint.address[0]}:{endpoint.address[1]}"
    else:
        endpoint = PtyEndpoint()
        where = endpoint.path
    wire = SimWire(endpoint, spec.baud, fault_spec)
    device = Device(spec, wire, flash,
                    echo=(lambda line: print(line, flush=True)) if verbose else None,
                    public_key=key, policy=rules, hardware=hardware)

    def finish(signum, frame):
        device.stop.set()

    signal.signal(signal.SIGTERM, finish)
    signal.signal(signal.SIGINT, finish)
    print(f"caplet sim: {spec.board} at {spec.baud} baud, ready on {where}", flush=True)
    try:
        device.serve()
    finally:
        flash.flush()
        wire.close()
    return 0
