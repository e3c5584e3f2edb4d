"""COBS, frames and messages: round trips, and random bytes never raise anything but the
codec's own errors."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from firmware_bridge import cobs
from firmware_bridge import messages as m
from firmware_bridge.framing import (
    CONTROL_TYPES,
    Frame,
    FrameDecoder,
    FrameError,
    decode_frame,
    encode_frame,
)

TYPES = CONTROL_TYPES | m.MESSAGE_TYPES


@given(st.binary(max_size=2000))
def test_cobs_round_trip_has_no_zero(data):
    enc = cobs.encode(data)
    assert 0 not in enc
    assert len(enc) <= len(data) + len(data) // 254 + 1
    assert cobs.decode(enc) == data


def test_cobs_known_vectors():
    assert cobs.encode(b"\x00") == b"\x01\x01"
    assert cobs.encode(b"\x11\x22\x00\x33") == b"\x03\x11\x22\x02\x33"
    assert cobs.encode(bytes(range(1, 255))) == b"\xff" + bytes(range(1, 255)) + b"\x01"
    with pytest.raises(cobs.CobsError):
        cobs.decode(b"\x05\x11")


@given(st.integers(0x10, 0xFF), st.integers(0, 0xFFFF), st.binary(max_size=1024))
def test_frame_round_trip(ftype, seq, payload):
    raw = encode_frame(Frame(ftype, seq, payload))
    assert raw.endswith(b"\x00") and raw.count(0) == 1
    dec = FrameDecoder(1024, frozenset(range(256)))
    assert dec.feed(raw) == [Frame(ftype, seq, payload)]


def test_each_field_is_checked():
    good = encode_frame(Frame(0x13, 7, b"abc"))[:-1]
    body = bytearray(cobs.decode(good))
    with pytest.raises(FrameError, match="CRC"):
        bad = bytearray(body)
        bad[5] ^= 1
        decode_frame(cobs.encode(bytes(bad)), 1024, TYPES)
    with pytest.raises(FrameError, match="length field"):
        bad = bytearray(body)
        bad[3] = 9
        decode_frame(cobs.encode(bytes(bad)), 1024, TYPES)
    with pytest.raises(FrameError, match="shorter"):
        decode_frame(cobs.encode(b"\x13\x00"), 1024, TYPES)
    with pytest.raises(FrameError, match="unknown frame type"):
        decode_frame(encode_frame(Frame(0x99, 1, b""))[:-1], 1024, TYPES)
    with pytest.raises(FrameError, match="exceeds the maximum"):
        decode_frame(encode_frame(Frame(0x13, 1, b"x" * 65))[:-1], 64, TYPES)


def test_garbage_between_frames_resynchronises():
    frames = [Frame(0x13, i, bytes([i]) * i) for i in range(1, 40)]
    rng = random.Random(3)
    stream = bytearray()
    for fr in frames:
        stream += bytes(rng.randrange(256) for _ in range(rng.randrange(30)))
        stream += b"\x00" + encode_frame(fr)
    stream += bytes(rng.randrange(1, 256) for _ in range(5000))  # an endless run
    stream += b"\x00" + encode_frame(frames[0])
    dec = FrameDecoder(1024, TYPES)
    out = []
    for i in range(0, len(stream), 97):
        out += dec.feed(bytes(stream[i:i + 97]))
    good = [x for x in out if isinstance(x, Frame)]
    assert good == frames + [frames[0]]
    assert dec.rejected >= 1


@settings(max_examples=300)
@given(st.binary(max_size=3000))
def test_random_noise_yields_only_frame_errors(noise):
    dec = FrameDecoder(1024, TYPES)
    for item in dec.feed(noise) + dec.feed(b"\x00"):
        assert isinstance(item, (Frame, FrameError))


SAMPLES = [
    m.Hello(), m.Hello(1, "pico", "0.1.0", 1, 1024, 8, 270336, 115200, (115200, 921600), True,
                       (m.SlotInfo(4096, 0, "thermo"), m.SlotInfo(8192, 8192, ""))),
    m.Baud(921600), m.Begin("thermo", 1234, bytes(range(32)), b"s" * 64), m.Data(4096, b"\0\1"),
    m.Status("thermo", 1234, 1000), m.Commit(), m.List(),
    m.Apps((m.AppInfo("a.b-c_1", 2, 10, b"\xaa" * 32, "running", True, False),)),
    m.Remove("x"), m.Run("x"), m.Stop("x"), m.Reset(), m.Log("x", m.LOG_ERROR, "é ☃ 𝄞"),
    m.Eval("x", "1 + 1"), m.Result(False, "Uncaught TypeError: nope"),
    m.Error(8, "digest"), m.Ok("fine"),
]


@pytest.mark.parametrize("msg", SAMPLES, ids=lambda x: type(x).__name__)
def test_message_round_trip(msg):
    ftype, payload = m.encode_message(msg)
    assert m.decode_message(ftype, payload) == msg


def test_message_fields_are_validated():
    cases = [
        (m.Begin("ok", 1, b"\0" * 32), lambda p: p[:-3], "truncated"),
        (m.Remove("ok"), lambda p: p + b"!", "trailing"),
        (m.Remove("ok"), lambda p: b"\x02a/", "bad app name"),
        (m.Log("a", 0, "t"), lambda p: p[:-1] + b"\xff", "not UTF-8"),
        (m.Result(True, ""), lambda p: b"\x07" + p[1:], "boolean"),
    ]
    for msg, mutate, why in cases:
        ftype, payload = m.encode_message(msg)
        with pytest.raises(m.ProtocolError, match=why):
            m.decode_message(ftype, mutate(payload))
    with pytest.raises(m.ProtocolError) as info:
        m.decode_message(0x7F, b"")
    assert info.value.code == m.ErrorCode.UNKNOWN_MESSAGE


@settings(max_examples=300)
@given(st.sampled_from(sorted(m.MESSAGE_TYPES) + [0x50]), st.binary(max_size=300))
def test_random_payloads_raise_only_protocol_errors(ftype, payload):
    try:
        m.decode_message(ftype, payload)
    except m.ProtocolError as e:
        assert e.code in (m.ErrorCode.MALFORMED, m.ErrorCode.UNKNOWN_MESSAGE)
