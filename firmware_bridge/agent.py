"""The device agent: what a board runs to accept images, keep them safe and run apps.

This Python class is the specification a C firmware follows: each message handler says
what the device checks and in which order it writes flash. Invariants:
* an image is written only to a slot the boot record does not name (a slot being
  reused is first dropped from the boot record);
* the boot record names an image only after its digest (and signature, when required)
  verified and it loaded; the record is written last, so a power cut at any point
  leaves the previous record -- and the images it names -- in force;
* at boot every active image is verified again and started; one that fails either is
  replaced by the app's previous image (the fallback), and that choice is recorded.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from . import messages as m
from .apps import AppRuntime
from .bootrecord import ACTIVE, FALLBACK, BootStore, Entry
from .flash import Flash, PowerCut
from .images import ImageChecker
from .messages import ErrorCode, ProtocolError
from .peripherals import Hardware
from .policy import Policy
from .spec import FIRMWARE_VERSION, PROTOCOL_VERSION, DeviceSpec

LOG_BACKLOG = 256
REASON_BYTES = 160  # of an app's stop reason in APPS (a reply must fit one frame)


def _clip(text: str, limit: int) -> str:
    raw = text.encode("utf-8", "replace")
    return text if len(raw) <= limit else raw[:limit - 3].decode("utf-8", "ignore") + "..."


@dataclass
class Transfer:
    """An image on its way into an unused slot (held in RAM: a reset starts it over)."""

    name: str
    slot: int
    size: int
    sha256: bytes
    signature: bytes
    received: int = 0
    erased_to: int = 0  # bytes of the slot erased so far (whole sectors)


class Agent:
    """Handles messages; `send(msg, block)` delivers replies and logs to the host."""

    def __init__(self, spec: DeviceSpec, flash: Flash, *, public_key=None,
                 policy: Policy | None = None, hardware: Hardware | None = None,
                 send: Callable[[object, bool], bool] | None = None):
        self.spec = spec
        self.flash = flash
        self.store = BootStore(flash, spec)
        self.checker = ImageChecker(spec, public_key)
        self.send = send or (lambda msg, block: True)
        self.runtime = AppRuntime(self._log, spec, policy, hardware)
        self.entries: dict[int, Entry] = {}
        self.transfer: Transfer | None = None
        self.logs: deque[m.Log] = deque(maxlen=LOG_BACKLOG)
        self.dropped_logs = 0
        self.after_reply: Callable[[], None] | None = None  # e.g. switch baud, reset
        self.baud_hook: Callable[[int], None] | None = None
        self.baud = spec.baud
        self.handlers = {
            m.Hello: self.on_hello, m.Baud: self.on_baud, m.Begin: self.on_begin,
            m.Data: self.on_data, m.Commit: self.on_commit, m.List: self.on_list,
            m.Remove: self.on_remove, m.Run: self.on_run, m.Stop: self.on_stop,
            m.Reset: self.on_reset, m.Eval: self.on_eval,
        }

    # -- logs ---------------------------------------------------------------------------

    def _log(self, app: str, level: int, text: str) -> None:
        limit = self.spec.max_payload - 40 - len(app)
        raw = text.encode("utf-8", "replace")
        if len(raw) > limit:
            text = raw[:limit].decode("utf-8", "ignore") + "..."
        if len(self.logs) == self.logs.maxlen:
            self.dropped_logs += 1
        self.logs.append(m.Log(app, level, text))

    def flush_logs(self) -> None:
        """Send queued log lines while the link has room; never blocks."""
        if self.dropped_logs and len(self.logs) < self.logs.maxlen:
            self.logs.appendleft(m.Log("", m.LOG_SYSTEM,
                                       f"{self.dropped_logs} log lines dropped"))
            self.dropped_logs = 0
        while self.logs and self.send(self.logs[0], False):
            self.logs.popleft()

    # -- boot ---------------------------------------------------------------------------

    def _slot_image(self, slot: int, e: Entry) -> bytes:
        s = self.spec.slots[slot]
        if e.size > s.size:
            raise ProtocolError(ErrorCode.TOO_LARGE, "recorded size exceeds the slot")
        return self.flash.read(s.offset, e.size)

    def _load(self, slot: int, e: Entry):
        """Verify the image a boot-record entry names, and load it."""
        data = self._slot_image(slot, e)
        return self.checker.load(e.name, data, e.sha256, e.signature)

    def boot(self) -> None:
        """Verify and start every active app, falling back to previous images."""
        self.runtime.stop_all()
        self.transfer = None
        self.entries = self.store.load()
        changed = False
        for name in sorted({e.name for e in self.entries.values()}):
            candidates = sorted((slot for slot, e in self.entries.items() if e.name == name),
                                key=lambda s: self.entries[s].role)  # active first
            for i, slot in enumerate(candidates):
                e = self.entries[slot]
                why = None
                try:
                    program = self._load(slot, e)
                    if self.runtime.start(name, program):
                        if e.role != ACTIVE:
                            self.entries[slot] = Entry(e.name, ACTIVE, e.size, e.sha256,
                                                       e.signature)
                            changed = True
                        break
                    why = self.runtime.apps[name].reason
                except ProtocolError as err:
                    why = err.message
                if i + 1 == len(candidates):  # nothing to fall back to: keep it, failed
                    self._log("", m.LOG_SYSTEM, f"{name}: image in slot {slot} failed: {why}")
                    if e.role != ACTIVE:
                        self.entries[slot] = Entry(e.name, ACTIVE, e.size, e.sha256,
                                                   e.signature)
                        changed = True
                    break
                self._log("", m.LOG_SYSTEM, f"{name}: image in slot {slot} failed ({why}); "
                          f"falling back to the previous image")
                del self.entries[slot]
                changed = True
        if changed:
            self.store.write(self.entries)

    # -- dispatch -----------------------------------------------------------------------

    def handle(self, ftype: int, payload: bytes):
        """The reply to one message (None for DATA that went well)."""
        try:
            msg = m.decode_message(ftype, payload)
            handler = self.handlers.get(type(msg))
            if handler is None:
                raise ProtocolError(ErrorCode.UNKNOWN_MESSAGE,
                                    f"{type(msg).__name__.upper()} is not a request")
            return handler(msg)
        except ProtocolError as e:
            return m.Error(int(e.code), e.message)
        except PowerCut:
            raise  # the simulated device is gone: nothing may answer
        except Exception as e:  # noqa: BLE001 - a bug here must not stop the device
            return m.Error(int(ErrorCode.INTERNAL), f"{type(e).__name__}: {e}")

    def _active(self, name: str) -> int:
        for slot, e in self.entries.items():
            if e.name == name and e.role == ACTIVE:
                return slot
        raise ProtocolError(ErrorCode.NO_SUCH_APP, f"no app named {name!r} is installed")

    # -- handlers -----------------------------------------------------------------------

    def on_hello(self, msg: m.Hello) -> m.Hello:
        if msg.board:
            raise ProtocolError(ErrorCode.BAD_STATE, "HELLO from the host carries no fields")
        slots = []
        for i, s in enumerate(self.spec.slots):
            e = self.entries.get(i)
            slots.append(m.SlotInfo(s.size, 0 if e else s.size, e.name if e else ""))
        return m.Hello(PROTOCOL_VERSION, self.spec.board, FIRMWARE_VERSION,
                       self.spec.isa_version, self.spec.max_payload, self.spec.window,
                       self.spec.ram, self.baud, tuple(self.spec.baud_rates),
                       self.checker.signed_only, tuple(slots))

    def on_baud(self, msg: m.Baud) -> m.Ok:
        if msg.rate not in self.spec.baud_rates:
            raise ProtocolError(ErrorCode.BAD_BAUD, f"{msg.rate} baud is not supported "
                                f"(supported: {', '.join(map(str, self.spec.baud_rates))})")
        rate = self.baud = msg.rate
        if self.baud_hook is not None:
            self.after_reply = lambda: self.baud_hook(rate)
        return m.Ok(f"switching to {msg.rate} baud")

    def _choose_slot(self, name: str, size: int) -> int:
        fits = [i for i, s in enumerate(self.spec.slots) if s.size >= size]
        if not fits:
            biggest = max(s.size for s in self.spec.slots)
            raise ProtocolError(ErrorCode.TOO_LARGE,
                                f"image of {size} bytes exceeds the largest slot ({biggest})")
        free = [i for i in fits if i not in self.entries]
        own = [i for i in fits if i in self.entries and self.entries[i].name == name
               and self.entries[i].role == FALLBACK]
        other = [i for i in fits if i in self.entries and self.entries[i].role == FALLBACK]
        for group in (free, own, other):
            if group:
                return group[0]
        raise ProtocolError(ErrorCode.NO_SPACE, "every slot holds an active app; remove one")

    def on_begin(self, msg: m.Begin) -> m.Status:
        if msg.size == 0:
            raise ProtocolError(ErrorCode.MALFORMED, "an image cannot be empty")
        self.checker.check_begin(msg.sha256, msg.signature)
        t = self.transfer
        if t and (t.name, t.size, t.sha256, t.signature) == (msg.name, msg.size, msg.sha256,
                                                            msg.signature):
            return m.Status(t.name, t.size, t.received)  # resume
        self.transfer = None
        slot = self._choose_slot(msg.name, msg.size)
        self.transfer = Transfer(msg.name, slot, msg.size, msg.sha256, msg.signature)
        return m.Status(msg.name, msg.size, 0)

    def on_data(self, msg: m.Data):
        t = self.transfer
        if t is None:
            raise ProtocolError(ErrorCode.BAD_STATE, "DATA without BEGIN")
        if msg.offset > t.received:
            raise ProtocolError(ErrorCode.OUT_OF_ORDER,
                                f"DATA at {msg.offset} but {t.received} bytes received")
        end = msg.offset + len(msg.data)
        if end > t.size:
            raise ProtocolError(ErrorCode.TOO_LARGE, f"DATA runs to {end}, past the image "
                                f"size {t.size}")
        new = msg.data[t.received - msg.offset:]
        if not new:
            return None  # all seen before
        if t.received == 0:  # the header: refuse another board's image before writing
            from compiler.bytecode.image import HEADER_SIZE

            if len(new) < min(HEADER_SIZE, t.size):
                raise ProtocolError(ErrorCode.MALFORMED, f"the first DATA must carry the "
                                    f"{HEADER_SIZE}-byte image header")
            try:
                self.checker.check_header(new[:HEADER_SIZE])
            except ProtocolError:
                self.transfer = None
                raise
            if t.slot in self.entries:  # a fallback being reused: drop it from the record
                del self.entries[t.slot]
                self.store.write(self.entries)
        base = self.spec.slots[t.slot].offset
        while t.erased_to < t.received + len(new):
            index = self.flash.sector_index(base + t.erased_to)
            self.flash.erase_sector(index)
            t.erased_to += self.flash.sector_span(index)[1]
        self.flash.program(base + t.received, new)
        t.received += len(new)
        return None

    def on_commit(self, msg: m.Commit) -> m.Ok:
        t = self.transfer
        if t is None:
            raise ProtocolError(ErrorCode.BAD_STATE, "COMMIT without BEGIN")
        if t.received < t.size:
            raise ProtocolError(ErrorCode.INCOMPLETE,
                                f"{t.received} of {t.size} bytes received")
        entry = Entry(t.name, ACTIVE, t.size, t.sha256, t.signature)
        try:
            program = self._load(t.slot, entry)
        finally:
            self.transfer = None  # verified or refused: either way this transfer is over
        entries = {}
        for slot, e in self.entries.items():
            if e.name != t.name:
                entries[slot] = e
            elif e.role == ACTIVE:
                entries[slot] = Entry(e.name, FALLBACK, e.size, e.sha256, e.signature)
        entries[t.slot] = entry
        self.store.write(entries)  # the commit point
        self.entries = entries
        self.runtime.start(t.name, program)
        return m.Ok(f"{t.name} activated from slot {t.slot}")

    def on_list(self, msg: m.List) -> m.Apps:
        apps = []
        for slot, e in sorted(self.entries.items()):
            if e.role == ACTIVE:
                fallback = any(o.name == e.name and o.role == FALLBACK
                               for o in self.entries.values())
                apps.append(m.AppInfo(e.name, slot, e.size, e.sha256,
                                      self.runtime.state(e.name), fallback, bool(e.signature),
                                      _clip(self.runtime.reason(e.name), REASON_BYTES)))
        return m.Apps(tuple(apps))

    def on_remove(self, msg: m.Remove) -> m.Ok:
        self._active(msg.name)
        self.runtime.forget(msg.name)
        self.entries = {s: e for s, e in self.entries.items() if e.name != msg.name}
        self.store.write(self.entries)
        return m.Ok(f"{msg.name} removed")

    def on_run(self, msg: m.Run) -> m.Ok:
        slot = self._active(msg.name)
        program = self._load(slot, self.entries[slot])
        if not self.runtime.start(msg.name, program):
            raise ProtocolError(ErrorCode.LOAD_FAILED,
                                f"{msg.name} failed: {self.runtime.apps[msg.name].reason}")
        return m.Ok(f"{msg.name} running")

    def on_stop(self, msg: m.Stop) -> m.Ok:
        self._active(msg.name)
        if not self.runtime.stop(msg.name, quiet=True):
            raise ProtocolError(ErrorCode.NOT_RUNNING, f"{msg.name} is not running")
        return m.Ok(f"{msg.name} stopped")

    def on_reset(self, msg: m.Reset) -> m.Ok:
        self.after_reply = self.boot
        return m.Ok("resetting")

    def on_eval(self, msg: m.Eval) -> m.Result:
        self._active(msg.app)
        if self.runtime.state(msg.app) != "running":
            raise ProtocolError(ErrorCode.NOT_RUNNING, f"{msg.app} is not running")
        ok, text = self.runtime.eval(msg.app, msg.source)
        return m.Result(ok, text)
