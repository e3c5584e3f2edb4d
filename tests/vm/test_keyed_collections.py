"""Map and Set internals (keyed_data) and the parts node 20 cannot check: the ES2025 Set
methods, Map.groupBy and getOrInsert, run as JavaScript in a Machine."""

from __future__ import annotations

import pytest

from vm import Machine
from vm.builtins.keyed_data import KeyedData, hash_key
from vm.errors import UncaughtError
from vm.objects import JSObject
from vm.values import NULL, UNDEFINED, JSSymbol


def run(source: str) -> list[str]:
    lines: list[str] = []
    Machine(output=lines.append).run_script(source, "test.js")
    return lines


# -- SameValueZero keys ----------------------------------------------------------------


def test_python_equal_values_stay_distinct_keys() -> None:
    # True == 1.0 == 1 in Python (same hash too); as JS keys they are three values.
    keys = {hash_key(True), hash_key(1.0), hash_key(1), hash_key("1")}
    assert len(keys) == 4
    assert hash_key(False) != hash_key(0.0) and hash_key(0) != hash_key(0.0)


def test_nan_and_zeros_are_one_key_each() -> None:
    assert hash_key(float("nan")) == hash_key(float("nan"))
    assert hash_key(-0.0) == hash_key(0.0)
    data = KeyedData()
    data.set(-0.0, "z")
    assert data.keys[0] == 0.0 and str(data.keys[0]) == "0.0"  # stored as +0
    assert data.get(0.0, None) == "z"


def test_objects_and_symbols_by_identity() -> None:
    a, b = JSObject(None), JSObject(None)
    s1, s2 = JSSymbol("x"), JSSymbol("x")
    data = KeyedData()
    for k in (a, b, s1, s2, UNDEFINED, NULL):
        data.set(k, k)
    assert data.size == 6
    assert data.get(b, None) is b and data.get(s2, None) is s2


# -- live iteration and compaction -------------------------------------------------------


def drain(data: KeyedData, cursor) -> list:
    out = []
    while (pos := data.advance(cursor)) >= 0:
        out.append(data.keys[pos])
    return out


def test_cursor_survives_compaction() -> None:
    data = KeyedData()
    for i in range(100):
        data.set(float(i), i)
    cursor = data.cursor()
    for _ in range(10):
        data.advance(cursor)
    for i in range(90):
        data.delete(float(i))
    assert len(data.keys) < 100  # compacted
    assert drain(data, cursor) == [float(i) for i in range(90, 100)]


def test_entries_added_during_iteration_are_visited() -> None:
    data = KeyedData()
    data.set("a", 1)
    cursor = data.cursor()
    seen = []
    while (pos := data.advance(cursor)) >= 0:
        seen.append(data.keys[pos])
        if len(seen) < 5:
            data.set(f"k{len(seen)}", 0)
    assert seen == ["a", "k1", "k2", "k3", "k4"]


def test_clear_rewinds_cursors_to_later_entries() -> None:
    data = KeyedData()
    for k in "abc":
        data.set(k, k)
    cursor = data.cursor()
    data.advance(cursor)
    data.clear()
    data.set("new", 1)
    assert drain(data, cursor) == ["new"]


def test_churn_keeps_the_table_small() -> None:
    data = KeyedData()
    data.set("keep", 0)
    for i in range(20000):
        data.set(float(i), i)
        data.delete(float(i))
    assert data.size == 1 and len(data.keys) <= 40


# -- ES2025 Set methods (node 20 lacks them) ----------------------------------------------


def test_set_algebra() -> None:
    lines = run("""
        const a = new Set([1, 2, 3]), b = new Set([3, 4]);
        const show = (s) => [...s].join(",");
        console.log(show(a.union(b)), show(a.intersection(b)), show(a.difference(b)),
                    show(a.symmetricDifference(b)));
        console.log(a.isSubsetOf(new Set([1, 2, 3, 4])), a.isSubsetOf(b),
                    a.isSupersetOf(new Set([1])), a.isDisjointFrom(new Set([9])),
                    a.isDisjointFrom(b));
    """)
    assert lines == ["1,2,3,4 3 1,2 1,2,4", "true false true true false"]


def test_set_methods_take_set_like_objects() -> None:
    lines = run("""
        const calls = [];
        const setLike = {
          size: 2,
          has(v) { calls.push("has " + v); return v === 2; },
          keys() { calls.push("keys"); const it = [2, -0][Symbol.iterator]();
                   return { next: () => it.next() }; },
        };
        const s = new Set([1, 2, 3]);
        console.log([...s.intersection(setLike)].join(","), calls.join(";"));
        calls.length = 0;
        const u = new Set([5]).union(setLike);
        const text = (x) => Object.is(x, -0) ? "-0" : String(x);
        console.log([...u].map(text).join(","), calls.join(";"));
        console.log(Object.getPrototypeOf(u) === Set.prototype);
    """)
    # |s| = 3 > size 2: intersection walks setLike.keys(); union always does.
    assert lines == ["2 keys", "5,2,0 keys", "true"]


@pytest.mark.parametrize(("arg", "error"), [
    ("1", "TypeError"),
    ("{ size: NaN, has() {}, keys() {} }", "TypeError"),
    ("{ size: -1, has() {}, keys() {} }", "RangeError"),
    ("{ size: 1, has: 1, keys() {} }", "TypeError"),
    ("{ size: 1, has() {}, keys: null }", "TypeError"),
])
def test_get_set_record_checks(arg: str, error: str) -> None:
    lines = run(f"try {{ new Set().union({arg}); }} catch (e) {{ console.log(e.name); }}")
    assert lines == [error]


def test_is_superset_of_closes_the_keys_iterator_when_it_stops_early() -> None:
    lines = run("""
        let closed = 0;
        const other = { size: 1, has() {}, keys() {
          let i = 0;
          return { next: () => ({ value: i++, done: false }), return() { closed++; return {}; } };
        } };
        console.log(new Set([0, 1]).isSupersetOf(other), closed);
    """)
    assert lines == ["false 1"]


def test_intersection_sees_elements_has_adds() -> None:
    # this side is smaller, so it is walked live while `has` mutates it
    lines = run("""
        const s = new Set([1]);
        const other = { size: 10, has(v) { if (v === 1) s.add(2); return true; },
                        keys() { throw new Error("unused"); } };
        console.log([...s.intersection(other)].join(","));
    """)
    assert lines == ["1,2"]


# -- Map.groupBy and getOrInsert ----------------------------------------------------------


def test_map_group_by() -> None:
    lines = run("""
        const m = Map.groupBy([1, 2, 3, 4, -0, 0], (x, i) => x === 0 ? -0 : x % 2 ? "odd" : "even");
        console.log([...m.keys()].map(String).join(","), m.get("odd").join(","), m.get(0).length);
    """)
    assert lines == ["odd,even,0 1,3 2"]


def test_get_or_insert() -> None:
    lines = run("""
        const m = new Map([["a", 1]]);
        console.log(m.getOrInsert("a", 5), m.getOrInsert("b", 6), m.get("b"));
        console.log(m.getOrInsertComputed("c", (k) => k + "!"),
                    m.getOrInsertComputed("a", () => 0));
        const w = new WeakMap(), k = {};
        console.log(w.getOrInsert(k, 1), w.getOrInsert(k, 2));
    """)
    assert lines == ["1 6 6", "c! 1", "1 1"]


def test_weak_collections_reject_registered_symbols() -> None:
    with pytest.raises(UncaughtError, match="Invalid value used as weak map key"):
        run("new WeakMap().set(Symbol.for('x'), 1)")


def test_collections_in_rom_cannot_change() -> None:
    from vm.objects import ROM

    lines: list[str] = []
    machine = Machine(output=lines.append)
    machine.run_script("var m = new Map([[1, 2]]), s = new Set([1]), d = new Date(0);", "a.js")
    g = machine.main.global_object
    for name in ("m", "s", "d"):
        g.get(name).segment = ROM  # as if preloaded into the image's read-only segment
    machine.run_script("""
        for (const f of [() => m.set(3, 4), () => m.clear(), () => s.add(2), () => s.delete(1),
                         () => d.setFullYear(2000)]) {
          try { f(); console.log("changed"); } catch (e) { console.log(e.name); }
        }
        console.log(m.get(1), m.size, s.has(1), d.getTime());
    """, "b.js")
    assert lines == ["TypeError"] * 5 + ["2 1 true 0"]
