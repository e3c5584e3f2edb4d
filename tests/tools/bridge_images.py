"""Build real `.caplet` images for the bridge tests (compiled in-process, as `caplet
compile` does) and drive a device agent message by message."""

from __future__ import annotations

from boards import load_board
from compiler import parse
from compiler.bytecode.image import Manifest, read_image, write_image
from compiler.codegen import compile_script
from firmware_bridge import messages as m

BOARD = "rpi-pico"

# Misbehaving and well-behaved apps (they need the Timer capability): one that allocates
# without end, one that loops (and has a `finally` that must never run), one that ticks.
HOARDER = """var kept = [];
setTimeout(() => { for (;;) kept.push({ n: kept.length, s: "x" + kept.length }); }, 5);"""
SPINNER = "setTimeout(() => { try { for (;;) {} } finally { console.log('not reached'); } }, 5);"
TICKER = "let n = 0; setInterval(() => console.log('tick ' + ++n), 5);"


def build_image(js: str, name: str, *, caps=(), version: str = "1.0.0", pad: int = 0,
                steps: int = 0, quota: int = 0, board: str = BOARD, key=None) -> bytes:
    """An image of the script ``js`` for app ``name``; ``pad`` adds a string constant of
    that many bytes (to make a transfer take frames); ``steps`` and ``quota`` are the
    manifest's instruction budget and heap quota."""
    if pad:
        js += f'\nvar padding = "{"p" * pad}";'
    filename = f"{name}.js"
    code = compile_script(parse(js, module=False, filename=filename), js, filename)
    manifest = Manifest(name, version, filename, tuple(sorted(caps)), quota, steps)
    return write_image(code, board=load_board(board), manifest=manifest, signing_key=key)


def digest_of(data: bytes) -> bytes:
    return read_image(data).digest


def call(agent, msg):
    return agent.handle(*m.encode_message(msg))


def install(agent, data: bytes, chunk: int = 1000, name: str | None = None,
            signature: bytes | None = None, digest: bytes | None = None):
    """BEGIN, DATA..., COMMIT as a host would send them; the first error reply, or the
    reply to COMMIT."""
    image = read_image(data)
    sig = (image.signature or b"") if signature is None else signature
    begin = m.Begin(name or image.manifest.name, len(data), digest or image.digest, sig)
    status = call(agent, begin)
    if isinstance(status, m.Error):
        return status
    for off in range(status.received, len(data), chunk):
        reply = call(agent, m.Data(off, data[off:off + chunk]))
        if reply is not None:
            return reply
    return call(agent, m.Commit())


def lines(agent, app: str) -> list[str]:
    return [x.text for x in agent.logs if x.app == app]


class StartRecorder:
    """Stands in for the app runtime where only *which* image boots matters: starting
    an app records its manifest's version instead of running it. The image was read and
    verified in full by the agent before; the real runtime is tested on its own."""

    def __init__(self, log):
        self.log = log
        self.started: dict[str, object] = {}

    def start(self, name, program):
        self.started[name] = program
        self.log(name, m.LOG_OUT, program.manifest.version)
        return True

    def stop_all(self):
        self.started.clear()

    def state(self, name):
        return "running" if name in self.started else "stopped"

    def reason(self, name):
        return ""

    def next_due(self):
        return None  # no timers: nothing runs

    def run_due(self):
        pass

    forget = stop = lambda self, name, **kw: self.started.pop(name, None)
