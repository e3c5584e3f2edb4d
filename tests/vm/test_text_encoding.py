# ruff: noqa: E501 - JavaScript sources inside the tests keep one statement a line
"""TextEncoder/TextDecoder behaviour node cannot be the oracle for (tests/js/encoding
compares the rest with node): WebIDL's single read of the options, a hardened decoder
(node keeps its state in properties, so harden breaks it there), and start-up."""

from __future__ import annotations

from tests.vm.support import printed as run
from vm import Machine


def test_options_are_read_once_in_dictionary_order_before_the_label_is_checked():
    assert run("""
const opts = { get ignoreBOM() { console.log('ignoreBOM'); return 1; }, get fatal() { console.log('fatal'); return 0; } };
const d = new TextDecoder('utf8', opts);
console.log(d.fatal, d.ignoreBOM);
try { new TextDecoder('latin2', opts); } catch (e) { console.log(e.constructor.name); }
new TextDecoder().decode(undefined, { get stream() { console.log('stream'); return false; } });
""") == ["fatal", "ignoreBOM", "false true", "fatal", "ignoreBOM", "RangeError", "stream"]


def test_a_hardened_decoder_keeps_streaming():
    assert run("""
lockdown();
const d = harden(new TextDecoder());
console.log(Object.isFrozen(d), Reflect.ownKeys(d).length, d.decode(new Uint8Array([0xe2, 0x82]), { stream: true }) + d.decode(new Uint8Array([0xac])));
""") == ["true 0 \u20ac"]


def test_only_latin1_and_other_encodings_are_refused():
    assert run("""
for (const label of ['latin1', 'utf-16le', 'windows-1252', 'iso-8859-2']) {
  try { new TextDecoder(label); console.log('accepted', label); } catch (e) { console.log(e.constructor.name); }
}
""") == ["RangeError"] * 4


def test_the_chapter_is_made_on_first_use_and_a_decoder_is_charged_to_the_heap():
    m = Machine()
    assert m.main.global_object.is_lazy("TextEncoder")
    assert "%TextDecoder%" in m.realm.intrinsics.deferred
    m.limits.configure(track=True)
    assert run("globalThis.d = undefined; console.log(typeof TextDecoder)", m) == ["function"]
    assert not m.main.global_object.is_lazy("TextDecoder")
    m.limits.measure_all()
    base = m.main.heap.live
    run("d = new TextDecoder('utf-8', { fatal: true }); d.decode(new Uint8Array([0xf0]), { stream: true });", m)
    m.limits.measure_all()
    assert m.main.heap.live > base
