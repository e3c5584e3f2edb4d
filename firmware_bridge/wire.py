"""The simulator's side of the line: a pseudo-terminal or a TCP socket, paced at the
baud rate (a byte takes 10 bit times, start and stop bits included) and, on request,
noisy (`Faults`). It offers the pyserial calls the link uses: read, write, in_waiting.
"""

from __future__ import annotations

import os
import random
import select
import socket
import threading
import time
import tty
from collections import deque
from dataclasses import dataclass

PIECE = 256  # bytes released at a time


@dataclass
class Faults:
    """Per-frame fault probabilities, applied in both directions (0x00 ends a frame)."""

    drop: float = 0.0  # the frame vanishes
    corrupt: float = 0.0  # one bit of one byte flips
    dup: float = 0.0  # the frame arrives twice
    noise: float = 0.0  # 1-16 random bytes appear before the frame
    delay: float = 0.0  # the frame is held back 0-50 ms
    cut: int = 0  # close the connection once after this many bytes from the host (TCP)
    seed: int | None = None

    @classmethod
    def parse(cls, text: str) -> Faults:
        """`drop=0.01,corrupt=0.01,seed=7` -> Faults; ValueError names a bad item."""
        out = cls()
        for item in filter(None, (s.strip() for s in text.split(","))):
            key, eq, value = item.partition("=")
            if not eq or key not in cls.__dataclass_fields__:
                raise ValueError(f"bad fault {item!r} (drop, corrupt, dup, noise, delay, "
                                 f"cut, seed)")
            try:
                num = int(value) if key in ("seed", "cut") else float(value)
            except ValueError:
                raise ValueError(f"bad number in {item!r}") from None
            if key not in ("seed", "cut") and not 0.0 <= num <= 1.0:
                raise ValueError(f"{key} must be a probability in [0, 1]")
            setattr(out, key, num)
        return out

    @property
    def active(self) -> bool:
        return any((self.drop, self.corrupt, self.dup, self.noise, self.delay))


class _Mangler:
    """Applies Faults to one direction of the stream, frame by frame."""

    def __init__(self, faults: Faults, rng: random.Random):
        self.f = faults
        self.rng = rng
        self.partial = bytearray()

    def __call__(self, data: bytes) -> bytes:
        if not self.f.active:
            return data
        out = bytearray()
        parts = data.split(b"\x00")
        self.partial += parts[0]
        for part in parts[1:]:
            out += self._frame(bytes(self.partial) + b"\x00")
            self.partial = bytearray(part)
        return bytes(out)

    def _frame(self, frame: bytes) -> bytes:
        f, r = self.f, self.rng
        if r.random() < f.drop:
            return b""
        if r.random() < f.corrupt:
            b = bytearray(frame)
            i = r.randrange(len(b))
            b[i] ^= 1 << r.randrange(8)
            frame = bytes(b)
        if r.random() < f.noise:
            frame = bytes(r.randrange(256) for _ in range(r.randint(1, 16))) + frame
        if r.random() < f.dup:
            frame = frame + frame
        if f.delay and r.random() < f.delay:
            time.sleep(r.random() * 0.05)
        return frame


class PtyEndpoint:
    """The master side of a new pseudo-terminal; `path` is what a host opens."""

    def __init__(self):
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)  # no echo, no line editing: bytes pass as they are
        self.path = os.ttyname(self.slave)
        os.set_blocking(self.master, False)

    def read_raw(self, timeout: float) -> bytes:
        try:
            r, _, _ = select.select([self.master], [], [], timeout)
        except (OSError, ValueError):  # closed under the reader (the wire is shutting down)
            time.sleep(timeout)
            return b""
        if not r:
            return b""
        try:
            return os.read(self.master, 4096)
        except (BlockingIOError, OSError):
            return b""

    def write_raw(self, data: bytes) -> None:
        try:
            os.write(self.master, data)
        except (BlockingIOError, OSError):
            pass  # nobody reads the line: the bytes are lost, as on a real UART

    def close(self) -> None:
        for fd in (self.master, self.slave):
            try:
                os.close(fd)
            except OSError:
                pass


class SocketEndpoint:
    """A TCP listener serving one host at a time (`socket://HOST:PORT` in pyserial)."""

    def __init__(self, host: str, port: int, cut: int = 0):
        self.server = socket.create_server((host, port))
        self.address = self.server.getsockname()[:2]
        self.client: socket.socket | None = None
        self.cut = cut  # bytes after which the first connection is dropped (a fault)
        self.received = 0
        self.lock = threading.Lock()

    def read_raw(self, timeout: float) -> bytes:
        if self.client is None:
            r, _, _ = select.select([self.server], [], [], timeout)
            if r:
                client, _ = self.server.accept()
                client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                with self.lock:
                    self.client = client
            return b""
        r, _, _ = select.select([self.client], [], [], timeout)
        if not r:
            return b""
        try:
            data = self.client.recv(4096)
        except OSError:
            data = b""
        if not data:
            self._drop()
            return b""
        self.received += len(data)
        if self.cut and self.received >= self.cut:
            self.cut = 0
            self._drop()
            return b""
        return data

    def _drop(self) -> None:
        with self.lock:
            if self.client is not None:
                try:
                    self.client.close()
                finally:
                    self.client = None

    def write_raw(self, data: bytes) -> None:
        with self.lock:
            client = self.client
        if client is None:
            return
        try:
            client.sendall(data)
        except OSError:
            self._drop()

    def close(self) -> None:
        self._drop()
        self.server.close()


class SimWire:
    """The device's serial port: bytes in and out take wire time at `baud`."""

    def __init__(self, endpoint, baud: int, faults: Faults | None = None):
        self.endpoint = endpoint
        self.baud = baud
        self.faults = faults or Faults()
        rng = random.Random(self.faults.seed)
        self.mangle_in = _Mangler(self.faults, random.Random(rng.random()))
        self.mangle_out = _Mangler(self.faults, random.Random(rng.random()))
        self.timeout: float | None = 0.05
        self.cond = threading.Condition()
        self.rx = bytearray()
        self.tx: deque[bytes] = deque()
        self.tx_busy = False
        self.closed = False
        self.bytes_in = 0
        self.bytes_out = 0
        threading.Thread(target=self._rx_loop, name="wire-rx", daemon=True).start()
        threading.Thread(target=self._tx_loop, name="wire-tx", daemon=True).start()

    def byte_time(self) -> float:
        return 10.0 / self.baud

    def _pace(self, clock: float, arrival: float, n: int) -> float:
        """Sleep until n bytes handed over at `arrival` have crossed a line that is busy
        until `clock`; returns the new `clock`. A late wake-up is not carried over: the
        line time is computed, not measured."""
        due = max(clock, arrival) + n * self.byte_time()
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        return due

    def _rx_loop(self) -> None:
        clock = 0.0
        while not self.closed:
            data = self.mangle_in(self.endpoint.read_raw(0.05))
            arrival = time.monotonic()
            for i in range(0, len(data), PIECE):
                piece = data[i:i + PIECE]
                clock = self._pace(clock, arrival, len(piece))
                with self.cond:
                    self.rx += piece
                    self.bytes_in += len(piece)
                    self.cond.notify_all()

    def _tx_loop(self) -> None:
        clock = 0.0
        while not self.closed:
            with self.cond:
                self.cond.wait_for(lambda: self.tx or self.closed, 0.1)
                if not self.tx:
                    continue
                data = b"".join(self.tx)
                self.tx.clear()
                self.tx_busy = True
            arrival = time.monotonic()
            for i in range(0, len(data), PIECE):
                piece = data[i:i + PIECE]
                clock = self._pace(clock, arrival, len(piece))
                self.endpoint.write_raw(piece)
                self.bytes_out += len(piece)
            self.tx_busy = False

    # -- the pyserial surface the link uses -----------------------------------------

    @property
    def in_waiting(self) -> int:
        with self.cond:
            return len(self.rx)

    def read(self, n: int = 1) -> bytes:
        with self.cond:
            self.cond.wait_for(lambda: self.rx or self.closed, self.timeout)
            out = bytes(self.rx[:n])
            del self.rx[:n]
            return out

    def write(self, data: bytes) -> int:
        data = self.mangle_out(bytes(data))
        if data:
            with self.cond:
                self.tx.append(data)
                self.cond.notify_all()
        return len(data)

    def drain(self, timeout: float = 2.0) -> None:
        """Wait until every queued byte has been put on the line."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.cond:
                if not self.tx and not self.tx_busy:
                    break
            time.sleep(0.005)
        time.sleep(0.01)

    def close(self) -> None:
        self.closed = True
        with self.cond:
            self.cond.notify_all()
        self.endpoint.close()
