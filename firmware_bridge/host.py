"""The host's side: open a port, start a session, and ask the device for things.

`DeviceClient` turns requests into messages and replies into values or DeviceError;
LOG messages that arrive meanwhile go to `on_log` (or wait in `logs`). `flash` streams
an image and, if the connection drops, reconnects and resumes where the device's
STATUS says the contiguous bytes end.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from . import messages as m
from .link import Link, LinkError, link_timeout
from .messages import DATA_HEADER, ErrorCode
from .spec import PROTOCOL_VERSION


class DeviceError(Exception):
    """The device refused a request (an ERROR reply)."""

    def __init__(self, code: int, message: str):
        try:
            name = ErrorCode(code).name
        except ValueError:
            name = f"error {code}"
        super().__init__(f"{name}: {message}")
        self.code = code
        self.message = message


class ConnectionFailed(Exception):
    """The port could not be opened or the device does not answer."""


def open_port(url: str, baud: int):
    import serial

    try:
        port = serial.serial_for_url(url, baudrate=baud, timeout=0.02)
    except (serial.SerialException, ValueError, OSError) as e:
        raise ConnectionFailed(f"cannot open {url}: {e}") from None
    try:
        port.reset_input_buffer()
    except Exception:  # noqa: BLE001 - not every port kind can
        pass
    return port


def auto_port() -> str:
    """The only USB serial device present (for `--port auto`)."""
    from serial.tools import list_ports

    usb = [p for p in list_ports.comports() if p.vid is not None]
    if not usb:
        raise ConnectionFailed("--port auto found no USB serial device; plug the board in, "
                               "or name the port with --port")
    if len(usb) > 1:
        names = ", ".join(f"{p.device} ({p.description})" for p in usb)
        raise ConnectionFailed(f"--port auto found {len(usb)} USB serial devices ({names}); "
                               "choose one with --port")
    return usb[0].device


class DeviceClient:
    """A session with one device over `url` (pty path, socket://, loop://, /dev/tty...)."""

    def __init__(self, url: str, baud: int = 115200, timeout: float = 10.0,
                 on_log: Callable[[m.Log], None] | None = None, rto: float | None = None):
        self.url = auto_port() if url == "auto" else url
        self.baud = baud
        self.timeout = timeout
        self.rto = rto  # a fixed retransmission timeout (else one from the line rate)
        self.on_log = on_log
        self.logs: deque[m.Log] = deque(maxlen=1000)
        self.port = None
        self.link: Link | None = None
        self.hello: m.Hello | None = None

    # -- session --------------------------------------------------------------------------

    def connect(self, attempts: int = 1) -> m.Hello:
        last: Exception | None = None
        for i in range(attempts):
            try:
                self.close()
                self.port = open_port(self.url, self.baud)
                self.link = Link(self.port, role="host", max_payload=0xFFFF, window=8,
                                 rto=self.rto or 1.0)
                self.link.connect(timeout=min(self.timeout, 5.0))
                self.hello = self.request(m.Hello())
                if not isinstance(self.hello, m.Hello):
                    raise ConnectionFailed("the device did not answer HELLO")
                if self.hello.protocol != PROTOCOL_VERSION:
                    raise ConnectionFailed(
                        f"the device speaks protocol {self.hello.protocol}, this caplet "
                        f"speaks {PROTOCOL_VERSION}: update the older side")
                self.link.window = max(1, self.hello.window)
                self._set_rto(self.hello.baud or self.baud)
                return self.hello
            except (ConnectionFailed, LinkError) as e:
                last = e
                if i + 1 < attempts:
                    time.sleep(min(2.0, 0.2 * (i + 1)))
        self.close()
        raise ConnectionFailed(str(last))

    def close(self) -> None:
        if self.link is not None:
            self.link.close()
            self.link = None
        if self.port is not None:
            try:
                self.port.close()
            except Exception:  # noqa: BLE001
                pass
            self.port = None

    def __enter__(self) -> DeviceClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- messages -------------------------------------------------------------------------

    def send(self, msg) -> None:
        ftype, payload = m.encode_message(msg)
        self.link.send(ftype, payload, timeout=self.timeout)

    def _take(self, frame):
        msg = m.decode_message(frame.type, frame.payload)
        if isinstance(msg, m.Log):
            if self.on_log:
                self.on_log(msg)
            else:
                self.logs.append(msg)
            return None
        return msg

    def poll(self, timeout: float = 0.0):
        """The next non-LOG message within `timeout`, handling logs meanwhile."""
        deadline = time.monotonic() + timeout
        while True:
            frame = self.link.recv(max(0.0, deadline - time.monotonic()))
            if frame is None:
                return None
            msg = self._take(frame)
            if msg is not None:
                return msg

    def request(self, msg, timeout: float | None = None):
        """Send a request and return its reply; DeviceError for an ERROR reply."""
        self.send(msg)
        reply = self.poll(self.timeout if timeout is None else timeout)
        if reply is None:
            raise LinkError("no reply from the device")
        if isinstance(reply, m.Error):
            raise DeviceError(reply.code, reply.message)
        return reply

    # -- requests ---------------------------------------------------------------------------

    def apps(self) -> tuple[m.AppInfo, ...]:
        return self.request(m.List()).apps

    def remove(self, name: str) -> str:
        return self.request(m.Remove(name)).text

    def run(self, name: str) -> str:
        return self.request(m.Run(name)).text

    def stop(self, name: str) -> str:
        return self.request(m.Stop(name)).text

    def reset(self) -> str:
        return self.request(m.Reset()).text

    def eval(self, app: str, source: str) -> m.Result:
        return self.request(m.Eval(app, source), timeout=max(self.timeout, 30.0))

    def set_baud(self, rate: int) -> None:
        self.request(m.Baud(rate))
        self.link.flush(2.0)
        time.sleep(0.05)
        self.port.baudrate = rate
        self.baud = rate
        self._set_rto(rate)

    def _set_rto(self, baud: int) -> None:
        self.link.rto = self.rto or link_timeout(self.hello.window, self.hello.max_payload,
                                                 baud)

    def flash(self, name: str, image: bytes, signature: bytes = b"", *, digest: bytes,
              progress: Callable[[int, int, int], None] | None = None,
              reconnects: int = 5) -> str:
        """Install an image (its own ``digest`` and ``signature`` go in BEGIN); resumes
        after a dropped connection. `progress(done, total, resumed_from)` is called as
        bytes are acknowledged. Returns the device's OK text."""
        begin = m.Begin(name, len(image), digest, signature)
        failures = 0
        while True:
            try:
                if self.link is None or self.link.dead:
                    self.connect(attempts=10)
                status = self.request(begin)
                start = status.received
                if progress:
                    progress(start, len(image), start)
                chunk = self.hello.max_payload - DATA_HEADER
                for off in range(start, len(image), chunk):
                    self.send(m.Data(off, image[off:off + chunk]))
                    reply = self.poll(0.0)
                    if isinstance(reply, m.Error):
                        raise DeviceError(reply.code, reply.message)
                    if progress:
                        done = off + len(image[off:off + chunk])
                        progress(max(start, done - self.link.in_flight() * chunk),
                                 len(image), start)
                self.link.flush(self.timeout)
                if progress:
                    progress(len(image), len(image), start)
                return self.request(m.Commit(), timeout=max(self.timeout, 30.0)).text
            except LinkError:
                failures += 1
                if failures > reconnects:
                    raise
                self.close()
                time.sleep(0.2)
            except DeviceError as e:
                if e.code != ErrorCode.OUT_OF_ORDER or failures >= reconnects:
                    raise
                failures += 1  # the device lost track: ask where it stands and go on
