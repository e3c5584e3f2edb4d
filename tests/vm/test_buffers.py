"""ArrayBuffer, typed arrays and DataView where node 20 cannot be the oracle: detaching
(test262's $262.detachArrayBuffer), transfer, Float16Array, out-of-bounds views."""

from __future__ import annotations

import pytest

from vm import Machine
from vm.builtins.array_buffer import detach_array_buffer
from vm.builtins.typed_array import TYPES, canonical_numeric_index, install_test262_host
from vm.errors import UncaughtError


def run(source: str) -> list[str]:
    lines: list[str] = []
    machine = Machine(output=lines.append)
    install_test262_host(machine)
    machine.run_script(source, "test.js")
    return lines


def test_detached_buffer_views() -> None:
    lines = run("""
        const buf = new ArrayBuffer(8), ta = new Uint8Array(buf), dv = new DataView(buf);
        $262.detachArrayBuffer(buf);
        console.log(buf.byteLength, buf.detached, ta.length, ta.byteLength, ta[0], 0 in ta);
        for (const f of [() => ta.fill(1), () => [...ta], () => dv.getInt8(0), () => buf.slice(0),
                         () => new Uint8Array(buf)]) {
          try { f(); console.log("no error"); } catch (e) { console.log(e.name); }
        }
    """)
    assert lines == ["0 true 0 0 undefined false"] + ["TypeError"] * 5


def test_detach_from_python_rejects_other_objects() -> None:
    machine = Machine(output=lambda _: None)
    with pytest.raises(Exception, match="not an ArrayBuffer"):
        detach_array_buffer(machine.realm.object_prototype)


def test_transfer_moves_the_bytes_and_detaches() -> None:
    lines = run("""
        const a = new ArrayBuffer(4, { maxByteLength: 8 });
        new Uint8Array(a).set([1, 2, 3, 4]);
        const b = a.transfer(6), c = b.transferToFixedLength(2);
        console.log(a.detached, b.detached, b.byteLength, c.resizable, [...new Uint8Array(c)]);
        try { a.transfer(); } catch (e) { console.log(e.name); }
    """)
    assert lines == ["true true 0 false [ 1, 2 ]", "TypeError"]  # b detached by c


def test_float16() -> None:
    lines = run("""
        const h = new Float16Array([1.0009765625, 65520, 1e-8, -0, 0.1]);
        console.log([...h].map(String).join(" "), Object.is(h[3], -0));
        const dv = new DataView(new ArrayBuffer(2));
        dv.setFloat16(0, 1.5);
        console.log(dv.getUint16(0).toString(16), dv.getFloat16(0));
    """)
    # 65520 is halfway between 65504 (the largest half) and 2**16: ties to even overflow
    assert lines == ["1.0009765625 Infinity 0 0 0.0999755859375 true", "3e00 1.5"]


def test_shrinking_a_resizable_buffer_puts_fixed_views_out_of_bounds() -> None:
    lines = run("""
        const rab = new ArrayBuffer(8, { maxByteLength: 8 });
        const fixed = new Uint16Array(rab, 2, 2), tracking = new Uint16Array(rab, 2);
        rab.resize(5);
        console.log(fixed.length, fixed.byteOffset, tracking.length, tracking.byteOffset);
        try { fixed.at(0); } catch (e) { console.log(e.name); }
        rab.resize(1);
        console.log(tracking.length, tracking.byteLength);
    """)
    assert lines == ["0 0 1 2", "TypeError", "0 0"]


def test_canonical_numeric_index_strings() -> None:
    assert canonical_numeric_index("-0") == 0.0
    assert canonical_numeric_index("1") == 1.0 and canonical_numeric_index("1.5") == 1.5
    assert canonical_numeric_index("Infinity") == float("inf")
    for not_numeric in ("01", "1e3", "+1", " 1", "", "length", "0x1"):
        assert canonical_numeric_index(not_numeric) is None, not_numeric


@pytest.mark.parametrize("name", sorted(TYPES))
def test_each_type_round_trips_through_its_bytes(name: str) -> None:
    kind = TYPES[name]
    raw = kind.encode(5 if kind.bigint else 5.0)
    assert len(raw) == kind.size
    assert kind.decode(raw) == (5 if kind.bigint else 5.0)


def test_allocation_limits_are_range_errors() -> None:
    with pytest.raises(UncaughtError, match="RangeError"):
        run("new ArrayBuffer(2 ** 40)")
    with pytest.raises(UncaughtError, match="RangeError"):
        run("new Float64Array(2 ** 30)")
