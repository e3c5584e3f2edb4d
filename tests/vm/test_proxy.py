"""Proxy exotic objects (vm/proxy.py) where node cannot be the oracle: what the VM's own
walks (heap tracing, preload, lockdown) do with a proxy, and hostile handlers."""

from __future__ import annotations

import pytest

from vm import Machine
from vm.heap import Cost
from vm.objects import ROM
from vm.preload import PreloadError


def run(source: str, machine: Machine | None = None) -> tuple[list[str], Machine]:
    lines: list[str] = []
    machine = machine or Machine()
    machine.main.output = lines.append
    machine.run_script(source)
    return lines, machine


COUNTING_HANDLER = """
globalThis.trapCalls = 0;
globalThis.counting = new Proxy({}, { get(t, name) {
  return (...args) => { trapCalls++; return Reflect[name](...args); };
} });
"""


def test_heap_tracing_charges_target_and_handler_and_runs_no_trap():
    cost = Cost(object_header=12, property_slot=8, string=20, string_byte=2, closure=40,
                environment=16, code_byte=1)
    m = Machine()
    m.limits.configure(cost=cost, track=True)
    run(COUNTING_HANDLER, m)
    heap = m.main.heap
    m.limits.measure_all()
    base = heap.live
    run("globalThis.p = new Proxy({ a: 1, b: 2 }, counting);", m)
    m.limits.measure_all()
    # the global property p, the proxy (a header, no slots), its target (a header and two
    # slots); the handler was already charged
    assert heap.live - base == 8 + 12 + 12 + 2 * 8
    lines, _ = run("console.log(trapCalls)", m)
    assert lines == ["0"]


def test_a_callable_proxy_is_charged_as_a_closure_and_reaches_its_target():
    m = Machine()
    m.limits.configure(cost=Cost(object_header=10, property_slot=1, string=0, string_byte=0,
                                 closure=100, environment=0, code_byte=0), track=True)
    heap = m.main.heap
    m.limits.measure_all()
    base = heap.live
    run("globalThis.big = new Proxy(function () {}, {});", m)
    m.limits.measure_all()
    with_proxy = heap.live - base
    run("globalThis.big = undefined;", m)
    m.limits.measure_all()
    assert heap.live - base < with_proxy - 200  # the proxy, its target function, the handler


def test_a_proxy_reachable_from_the_intrinsics_is_frozen_through_its_traps_not_moved():
    lines, m = run("""
        const log = [];
        const target = { x: 1 };
        const handler = {};
        for (const name of ["preventExtensions", "ownKeys", "defineProperty"]) {
          handler[name] = (...a) => { log.push(name); return Reflect[name](...a); };
        }
        Object.shared = new Proxy(target, handler);
        lockdown();
        console.log(log.join(), Object.isFrozen(target));
    """)
    # the walk lists its properties (ownKeys), then it is frozen (the rest)
    assert lines == ["ownKeys,preventExtensions,ownKeys,defineProperty true"]
    proxy = m.realm.intrinsics["%Object%"].get("shared")
    assert proxy.is_proxy and proxy.segment is not ROM
    assert m.realm.intrinsics["%Proxy%"].segment is ROM


def test_preload_refuses_a_proxy_without_running_its_traps(tmp_path):
    from vm.preload import build

    (tmp_path / "main.js").write_text(
        "globalThis.calls = 0;\n"
        "export const p = new Proxy(Object.freeze({}), { getPrototypeOf() { calls++; "
        "return null; }, isExtensible() { calls++; return false; } });\n")
    with pytest.raises(PreloadError, match=r"p \(a Proxy object"):
        build(tmp_path / "main.js")


@pytest.mark.parametrize("source, expected", [
    ("Reflect.ownKeys(new Proxy({}, { ownKeys: () => ({ length: 2 ** 40 }) }))", "TypeError"),
    ("Reflect.ownKeys(new Proxy({}, { ownKeys: () => ({ length: -1 }) })).length", "0"),
    ("Object.keys(new Proxy({}, { ownKeys: () => [{}] }))", "TypeError"),
    ("Object.defineProperty(new Proxy({}, { defineProperty: () => false }), 'x', {})",
     "TypeError"),
    ("new Proxy({}, { getOwnPropertyDescriptor: () => ({ get: 1 }) }).hasOwnProperty('x')",
     "TypeError"),
    ("Object.setPrototypeOf(new Proxy({}, { setPrototypeOf: () => false }), null)",
     "TypeError"),
    ("String(new Proxy({}, { get: () => () => ({}) }))", "TypeError"),
    ("new Proxy(function () {}, { apply: () => { throw 1; } })()", "1"),
    ("new Proxy({}, { get: 'not callable' }).x", "TypeError"),
])
def test_hostile_handlers_give_js_errors_never_python_ones(source, expected):
    lines, _ = run(f"""try {{ console.log(String({source})); }}
        catch (e) {{ console.log(typeof e === 'object' ? e.constructor.name : e); }}""")
    assert lines == [expected]
