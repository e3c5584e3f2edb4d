"""`--port auto`: the only USB serial device, or a clear error. No USB device can be
plugged into CI, so `serial.tools.list_ports.comports` is replaced by fixed lists."""

from __future__ import annotations

import pytest
from serial.tools import list_ports
from serial.tools.list_ports_common import ListPortInfo

from firmware_bridge.host import ConnectionFailed, auto_port


def port(device: str, vid: int | None, description: str = "n/a") -> ListPortInfo:
    info = ListPortInfo(device, skip_link_detection=True)
    info.vid = vid
    info.pid = 0x000A if vid else None
    info.description = description
    return info


@pytest.mark.parametrize("ports, expected", [
    ([port("/dev/ttyS0", None), port("/dev/ttyACM0", 0x2E8A, "Pico")], "/dev/ttyACM0"),
    ([port("/dev/ttyS0", None)], "found no USB serial device"),
    ([port("/dev/ttyUSB0", 0x10C4, "CP2102"), port("/dev/ttyACM0", 0x2E8A, "Pico")],
     "found 2 USB serial devices (/dev/ttyUSB0 (CP2102), /dev/ttyACM0 (Pico))"),
])
def test_auto_port(monkeypatch, ports, expected):
    monkeypatch.setattr(list_ports, "comports", lambda: ports)
    if expected.startswith("/dev/"):
        assert auto_port() == expected
    else:
        with pytest.raises(ConnectionFailed, match=expected.replace("(", r"\(")
                           .replace(")", r"\)")):
            auto_port()
