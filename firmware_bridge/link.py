"""Reliable, ordered delivery of frames over a byte stream: a sliding window with
cumulative acknowledgements and selective resends.

The sender keeps up to `window` sequenced frames unacknowledged. The receiver delivers
frames in sequence order and answers with a cumulative ACK; duplicates are
re-acknowledged and dropped. A frame past a gap is held (up to the inbox limit) and
draws a NAK naming the first missing number; a bad frame draws the same NAK. NAKs are
sent at most every half timeout for one missing number, at once for a new one (a gap
filled while frames past another gap are held). On a NAK the sender resends the one
frame named; when no acknowledgement has arrived for `rto` seconds it resends
everything unacknowledged. A session starts with SYNC/SYNCACK
(a nonce echoed), after which both directions restart at sequence 0.

`port` is anything with pyserial's `read(n)`/`write(b)` and a `timeout` attribute: a
`serial.serial_for_url` port on the host, the simulator's wire on the device.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque

from . import framing
from .framing import ACK, NAK, SYNC, SYNCACK, Frame, FrameDecoder, FrameError, encode_frame

KNOWN_TYPES = framing.CONTROL_TYPES | frozenset(range(0x10, 0x100))
HALF = 0x8000


def link_timeout(window: int, max_payload: int, baud: int) -> float:
    """Retransmission timeout: a full window must cross the wire twice, plus slack."""
    return 0.25 + 2 * window * (max_payload + 16) * 10 / baud


class LinkError(Exception):
    """The link is down: the port failed or the peer stopped acknowledging."""


class Link:
    """One end of a link; `role` is "host" (starts sessions) or "device" (accepts them)."""

    def __init__(self, port, *, role: str = "host", max_payload: int = 1024,
                 window: int = 8, rto: float = 0.5, max_retries: int = 12,
                 inbox_limit: int | None = None):
        self.port = port
        self.role = role
        self.max_payload = max_payload
        self.window = window
        self.rto = rto
        self.max_retries = max_retries
        self.decoder = FrameDecoder(max_payload, KNOWN_TYPES)
        if getattr(port, "timeout", None) is None or port.timeout > 0.05:
            port.timeout = 0.02  # the reader wakes this often to check for timeouts
        self.lock = threading.Condition()
        self.write_lock = threading.Lock()
        self.inbox: deque[Frame] = deque()
        self.inbox_limit = inbox_limit or 4 * window
        self.synced = role == "device"
        self.nonce = b""
        self.dead: str | None = None
        self.closing = False
        self.stats = {"sent": 0, "resent": 0, "received": 0, "duplicates": 0, "bad": 0,
                      "naks": 0, "timeouts": 0, "given_up": 0}
        self._reset_session()
        self.thread = threading.Thread(target=self._reader, name=f"link-{role}", daemon=True)
        self.thread.start()

    def _reset_session(self) -> None:
        self.tx_next = 0
        self.tx_base = 0
        self.unacked: deque[tuple[int, bytes]] = deque()
        self.last_progress = time.monotonic()
        self.retries = 0
        self.rx_expected = 0
        self.held: dict[int, Frame] = {}  # frames received past a gap, by sequence number
        self.last_nak = 0.0
        self.last_nak_seq = -1

    # -- public ----------------------------------------------------------------------

    def connect(self, timeout: float = 5.0) -> None:
        """Host: start a new session (SYNC until the matching SYNCACK arrives)."""
        deadline = time.monotonic() + timeout
        with self.lock:
            self.synced = False
            self.nonce = os.urandom(4)
            self.dead = None
        while True:
            self._write(encode_frame(Frame(SYNC, 0, self.nonce)))
            with self.lock:
                self.lock.wait_for(lambda: self.synced or self.dead,  # then SYNC again
                                   min(0.3, self.rto, max(0.0, deadline - time.monotonic())))
                if self.dead:
                    raise LinkError(self.dead)
                if self.synced:
                    return
            if time.monotonic() >= deadline:
                raise LinkError("no answer from the device (is the port right?)")

    def send(self, ftype: int, payload: bytes, *, block: bool = True,
             timeout: float | None = None) -> bool:
        """Queue one sequenced frame; False if `block` is off (or time ran out) and the
        window is full. Raises LinkError if the link is down."""
        if len(payload) > self.max_payload:
            raise ValueError(f"payload of {len(payload)} bytes exceeds {self.max_payload}")
        with self.lock:
            if not block:
                timeout = 0.0

            def room():
                return self.dead or len(self.unacked) < self.window

            if not self.lock.wait_for(room, timeout):
                return False
            if self.dead:
                raise LinkError(self.dead)
            seq = self.tx_next
            self.tx_next = (seq + 1) & 0xFFFF
            raw = encode_frame(Frame(ftype, seq, payload))
            if not self.unacked:
                self.last_progress = time.monotonic()
            self.unacked.append((seq, raw))
            self.stats["sent"] += 1
        self._write(raw)
        return True

    def recv(self, timeout: float | None = None) -> Frame | None:
        """The next frame in order, or None when `timeout` passes."""
        with self.lock:
            if not self.lock.wait_for(lambda: self.inbox or self.dead, timeout):
                return None
            if self.inbox:
                return self.inbox.popleft()
            raise LinkError(self.dead)

    def flush(self, timeout: float) -> bool:
        """Wait until every frame sent has been acknowledged."""
        with self.lock:
            self.lock.wait_for(lambda: not self.unacked or self.dead, timeout)
            if self.dead:
                raise LinkError(self.dead)
            return not self.unacked

    def in_flight(self) -> int:
        with self.lock:
            return len(self.unacked)

    def close(self) -> None:
        self.closing = True
        self.thread.join(timeout=2)

    # -- internals -------------------------------------------------------------------

    def _write(self, raw: bytes) -> None:
        try:
            with self.write_lock:
                self.port.write(raw)
        except Exception as e:  # noqa: BLE001 - any port failure takes the link down
            self._die(f"write failed: {e}")

    def _die(self, why: str) -> None:
        with self.lock:
            if self.dead is None:
                self.dead = why
            self.lock.notify_all()

    def _reader(self) -> None:
        while not self.closing:
            try:
                data = self.port.read(1)
                waiting = self.port.in_waiting if data else 0
                if waiting:
                    data += self.port.read(waiting)
            except Exception as e:  # noqa: BLE001
                self._die(f"connection lost: {e}")
                return
            if data:
                for item in self.decoder.feed(data):
                    self._on_frame(item)
            self._check_timeout()

    def _check_timeout(self) -> None:
        resend: list[bytes] = []
        with self.lock:
            if not self.unacked or time.monotonic() - self.last_progress < self.rto:
                return
            self.stats["timeouts"] += 1
            self.retries += 1
            if self.retries > self.max_retries:
                if self.role == "host":
                    self.dead = "the device stopped answering"
                else:  # nobody listens: a device drops what it could not deliver
                    self.stats["given_up"] += len(self.unacked)
                    self.unacked.clear()
                    self.retries = 0
                self.lock.notify_all()
                return
            self.last_progress = time.monotonic()
            resend = [raw for _, raw in self.unacked]
            self.stats["resent"] += len(resend)
        for raw in resend:
            self._write(raw)

    def _on_frame(self, item: Frame | FrameError) -> None:
        if isinstance(item, FrameError):
            self.stats["bad"] += 1
            self._nak()
            return
        t = item.type
        if t == ACK or t == NAK:
            self._on_ack(item.seq, resend=t == NAK)
        elif t == SYNC:
            if self.role == "device":
                with self.lock:
                    self._reset_session()
                    self.inbox.clear()
                    self.lock.notify_all()
                self._write(encode_frame(Frame(SYNCACK, 0, item.payload)))
        elif t == SYNCACK:
            with self.lock:
                if not self.synced and item.payload == self.nonce:
                    self._reset_session()
                    self.inbox.clear()
                    self.synced = True
                    self.lock.notify_all()
        else:
            self._on_data(item)

    def _on_ack(self, ack: int, resend: bool) -> None:
        raws: list[bytes] = []
        with self.lock:
            n = (ack - self.tx_base) & 0xFFFF
            if n > len(self.unacked):
                return  # stale or nonsense
            for _ in range(n):
                self.unacked.popleft()
            if n:
                self.tx_base = ack
                self.last_progress = time.monotonic()
                self.retries = 0
                self.lock.notify_all()
            if resend and self.unacked:  # the receiver holds what followed: resend one
                self.stats["naks"] += 1
                self.last_progress = time.monotonic()
                raws = [self.unacked[0][1]]
                self.stats["resent"] += 1
        for raw in raws:
            self._write(raw)

    def _on_data(self, frame: Frame) -> None:
        with self.lock:
            if not self.synced:
                return
            d = (frame.seq - self.rx_expected) & 0xFFFF
            if d == 0:
                if len(self.inbox) >= self.inbox_limit:
                    return  # no room: unacknowledged, so the sender will resend it
                self._deliver(frame)
                while self.rx_expected in self.held and len(self.inbox) < self.inbox_limit:
                    self._deliver(self.held.pop(self.rx_expected))
                self.lock.notify_all()
                if self.held and self.rx_expected not in self.held:  # past another gap
                    self._nak_locked()
                    return
                ack = self.rx_expected
            elif d >= HALF:  # already delivered: acknowledge again so the sender moves on
                self.stats["duplicates"] += 1
                ack = self.rx_expected
            else:  # past a gap: something before it was lost; keep this one meanwhile
                if frame.seq in self.held:
                    self.stats["duplicates"] += 1
                elif d < self.inbox_limit and \
                        len(self.inbox) + len(self.held) < self.inbox_limit:
                    self.held[frame.seq] = frame
                self._nak_locked()
                return
        self._write(encode_frame(Frame(ACK, ack)))

    def _deliver(self, frame: Frame) -> None:
        self.inbox.append(frame)
        self.rx_expected = (self.rx_expected + 1) & 0xFFFF
        self.stats["received"] += 1

    def _nak(self) -> None:
        with self.lock:
            if not self.synced:
                return
            self._nak_locked()

    def _nak_locked(self) -> None:
        now = time.monotonic()
        if now - self.last_nak < self.rto / 2 and self.last_nak_seq == self.rx_expected:
            return
        self.last_nak = now
        self.last_nak_seq = self.rx_expected
        raw = encode_frame(Frame(NAK, self.rx_expected))
        # written outside the state lock would be nicer; a NAK is 10 bytes
        self._write(raw)
