# ruff: noqa: E501 - JavaScript sources inside the tests keep one statement a line
"""Built-ins made on first use (vm/lazy.py): nothing a program can observe differs from
making them all at start-up — the global object's keys and descriptors, the intrinsics'
own properties, lockdown and harden freezing them."""

from __future__ import annotations

import pytest

from tests.vm.support import printed as run
from vm import Machine
from vm.builtins import LAZY_CHAPTERS
from vm.lazy import Intrinsics
from vm.objects import ROM, JSObject
from vm.realm import Realm

DESCRIBE = """
const out = [];
for (const k of Reflect.ownKeys(globalThis)) {
  const d = Object.getOwnPropertyDescriptor(globalThis, k);
  out.push(String(k) + ':' + ('value' in d ? typeof d.value : 'get/set') + ':' + d.writable + d.enumerable + d.configurable);
}
console.log(out.join(' '));
"""




@pytest.fixture
def eager(monkeypatch):
    """A machine made with every chapter set up at start-up, in the registered order."""
    monkeypatch.setattr(Intrinsics, "defer", lambda self, names, make: make())
    m = Machine()
    monkeypatch.undo()
    return m


def test_a_new_machine_defers_the_rare_chapters():
    m = Machine()
    deferred = m.realm.intrinsics.deferred
    for names in LAZY_CHAPTERS.values():
        assert all(name in deferred for name in names)
    assert m.main.global_object.is_lazy("Uint8Array")
    assert not m.main.global_object.is_lazy("Array")


@pytest.mark.parametrize("chapter", list(LAZY_CHAPTERS))
def test_each_chapter_defines_exactly_the_names_it_is_deferred_under(chapter):
    realm = Realm()
    intr = realm.intrinsics
    before = set(dict.keys(intr))
    assert intr[LAZY_CHAPTERS[chapter][0]] is not None
    made = [c for c, names in LAZY_CHAPTERS.items() if names[0] not in intr.deferred]
    assert chapter in made
    added = set(dict.keys(intr)) - before
    assert added == {name for c in made for name in LAZY_CHAPTERS[c]}


def test_making_a_chapter_later_changes_no_other_intrinsic():
    realm = Realm()
    intr = realm.intrinsics
    made = {name: obj for name, obj in dict.items(intr)}
    keys = {name: list(obj.own_keys()) for name, obj in made.items() if isinstance(obj, JSObject)}
    protos = {name: obj.proto for name, obj in made.items() if isinstance(obj, JSObject)}
    intr.make_all()
    assert not intr.deferred
    for name, obj in made.items():
        assert intr[name] is obj
        if isinstance(obj, JSObject):
            assert obj.own_keys() == keys[name], name
            assert obj.proto is protos[name], name


def test_the_global_object_is_the_same_as_when_made_eagerly(eager):
    assert run(DESCRIBE) == run(DESCRIBE, eager)
    lazy = Machine()
    names = [k for k in lazy.main.global_object.own_keys() if k in eager.main.global_object.props]
    assert names == eager.main.global_object.own_keys()


def test_intrinsics_are_the_same_as_when_made_eagerly(eager):
    m = Machine()
    lazy_intr, eager_intr = m.realm.intrinsics, eager.realm.intrinsics
    assert sorted(lazy_intr) == sorted(eager_intr)
    for name in LAZY_CHAPTERS["typed_array"] + LAZY_CHAPTERS["date"] + LAZY_CHAPTERS["weak"]:
        assert lazy_intr[name].own_keys() == eager_intr[name].own_keys(), name


def test_a_binding_reads_writes_and_deletes_as_a_data_property():
    assert run("""
const d = Object.getOwnPropertyDescriptor(globalThis, 'Map');
console.log(d.value === Map, d.writable, d.enumerable, d.configurable, 'get' in d);
console.log(Object.create(globalThis).DataView === DataView, typeof Proxy);
Date = 1;
console.log(Date, globalThis.Date);
delete globalThis.WeakRef;
console.log(typeof WeakRef, 'WeakRef' in globalThis, Object.keys(globalThis).length);
try { Reflect; } catch (e) { console.log('no'); }
console.log(new Map([[1, 2]]).get(1), new Uint8Array([300])[0], JSON.stringify({a: [1]}));
""") == ["true true false true false", "true function", "1 1", "undefined false 0",
         "2 44 {\"a\":[1]}"]


def test_a_later_global_gets_the_made_bindings():
    m = Machine()
    run("new Set()", m)
    other = m.main.__class__(m.realm, "other")
    assert not other.global_object.is_lazy("Set")
    assert other.global_object.is_lazy("Float64Array")
    assert other.global_object.get("Set") is m.main.global_object.get("Set")


def test_lockdown_freezes_chapters_never_used_before():
    m = Machine()
    assert run("lockdown(); console.log(Object.isFrozen(Uint8Array.prototype), Object.isFrozen(Map), Object.isFrozen(Date.prototype.getTime))", m) == ["true true true"]
    for names in LAZY_CHAPTERS.values():
        for name in names:
            assert m.realm.intrinsics[name].segment is ROM, name


def test_freezing_the_global_object_makes_its_unmade_bindings():
    assert run("""
Object.freeze(globalThis);
const d = Object.getOwnPropertyDescriptor(globalThis, 'WeakMap');
console.log(Object.isFrozen(globalThis), d.value === WeakMap, d.writable, d.configurable, typeof Proxy);
""") == ["true true false false function"]
    m = Machine()
    m.main.global_object.prevent_extensions()
    assert not any(m.main.global_object.is_lazy(k) for k in m.main.global_object.props)


@pytest.mark.parametrize("args", [
    [], ["a"], ["a", "b"], [1.0, "x", -0.0], [float("nan"), float("inf"), 1e21, 0.1],
    ["50%", 1.0], ["a", "50%"], ["%s!", "x"], [1.5, "%d"], ["", ""], [-1e-7, 2.0**53],
])
def test_console_plain_lines_are_what_inspect_makes(args):
    from vm.builtins.console import plain_line
    from vm.inspect import format_log_args

    realm = Realm()
    line = plain_line(args)
    if line is not None:
        assert line == format_log_args(list(args), realm)
    else:
        assert args and type(args[0]) is str and "%" in args[0]
