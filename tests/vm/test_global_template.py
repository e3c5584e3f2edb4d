"""A new Global's global object as a copy-on-write alias of a shared template
(vm/global_object.py), what it costs (vm/heap.py), and `resourceLimits` for new Global."""

from __future__ import annotations

import pytest

from tests.vm.support import printed as run
from vm import Machine
from vm.global_object import GlobalObject
from vm.heap import Cost
from vm.values import UNDEFINED

# Each step runs on a new Global's global object and on a plain object given the same
# descriptors (the reference: an ordinary object), then both are compared.
STEPS = [
    "o.x = 1",
    "o.Math = 3",
    "delete o.Array",
    "o.Array = 2",
    "Object.defineProperty(o, 'JSON', { enumerable: true })",
    "Object.defineProperty(o, 'Map', { get() { return 7; }, configurable: true })",
    "delete o.undefined",
    "o[5] = 'five'; o[1] = 'one'",
    "o[Symbol.for('s')] = 1",
    "delete o.x; o.x = 4",
    "Object.defineProperty(o, 'NaN', { value: 0 })",
    "delete o.eval; o.eval = 1",
    "Object.freeze(o); o.late = 1; delete o.Math",
]


@pytest.mark.parametrize("upto", range(1, len(STEPS) + 1))
def test_the_alias_behaves_as_an_ordinary_object_with_the_same_properties(upto):
    steps = ";\n".join(f"for (const o of [g, plain]) {{ try {{ {s} }} catch (e) {{}} }}"
                       for s in STEPS[:upto])
    lines = run(f"""const g = new Global();
        const plain = Object.create(Object.getPrototypeOf(g),
                                    Object.getOwnPropertyDescriptors(g));
        {steps}
        const show = o => Reflect.ownKeys(o).map(k => {{
          const d = Object.getOwnPropertyDescriptor(o, k);
          const self = d.value === g || d.value === plain;
          const v = !('value' in d) ? 'accessor' : self ? 'self'
            : typeof d.value === 'function' ? 'fn:' + d.value.name : String(d.value);
          return String(k) + '=' + v + ':' + d.writable + d.enumerable + d.configurable; }}).join();
        console.log(show(g) === show(plain), Object.isFrozen(g) === Object.isFrozen(plain),
                    Object.isExtensible(g) === Object.isExtensible(plain));
        console.log(show(g));""")
    assert lines[0] == "true true true", lines[1]


def test_each_global_has_its_own_identity_bindings_and_evaluators():
    lines = run("""const a = new Global(), b = new Global();
        a.eval('globalThis.x = 1; var v = 2; Array = 3; delete Math');
        console.log(a !== b, typeof b.x, typeof b.v, b.Array === Array, typeof b.Math,
                    a.Array, typeof a.Math, Array.isArray([]));
        console.log(a.eval !== b.eval, a.Function !== b.Function, a.Global !== b.Global,
                    a.eval('globalThis') === a, b.eval('globalThis') === b,
                    a.Function('return globalThis')() === a, b.eval('this') === b,
                    a.eval('eval("var w = 5"); w'), typeof b.w,
                    a.Function.prototype === Function.prototype);
        const c = new a.Global();
        console.log(c.Array, typeof c.Math, c.x, c.eval('globalThis') === c);""")
    assert lines == ["true undefined undefined true object 3 undefined true",
                     "true true true true true true true 5 undefined true",
                     "3 undefined 1 true"]


def test_globals_made_from_the_same_bindings_share_one_template():
    m = Machine()
    m.run_script("const g1 = new Global(), g2 = new Global({ keys: ['Array'] }), "
                 "g3 = new Global();")
    objs = [m.main.lexical[n] for n in ("g1", "g2", "g3")]
    assert all(type(o) is GlobalObject for o in objs)
    assert objs[0].template is objs[2].template is not objs[1].template
    assert objs[0].own is None and objs[0].props == {}  # nothing written, nothing made
    assert list(objs[1].template.entries)[:1] == ["Array"]


def _fresh_global_bytes(source: str = "") -> tuple[int, int]:
    m = Machine()
    m.limits.configure(cost=Cost(), track=True)
    m.run_script(f"globalThis.g = new Global(); {source}")
    m.limits.measure_all()
    heap = m.limits.heaps[-1]
    return heap.live, len(m.main.global_object.get("g").template.entries)


def test_a_new_global_is_charged_its_alias_and_the_non_rom_bindings():
    live, entries = _fresh_global_bytes()
    # header + alias slot + the creator's 7 host bindings (console, Compartment, timers)
    assert live == 16 + 16 + 7 * 16 and entries > 50
    with_x, _ = _fresh_global_bytes("g.x = 'abc'")
    assert with_x - live == 16 + (16 + 3)  # a property slot and its string
    used, _ = _fresh_global_bytes("g.eval('1'); g.Function; g.Global; g.import")
    assert used - live > 4 * (48 + 16)  # four functions made, each held in its own slot


def test_bindings_a_creator_adds_are_charged_to_every_global_made_from_them():
    base, _ = _fresh_global_bytes()
    m = Machine()
    m.limits.configure(cost=Cost(), track=True)
    m.run_script("for (let i = 0; i < 100; i++) globalThis['k' + i] = i;"
                 "globalThis.g = new Global();")
    m.limits.measure_all()
    assert m.limits.heaps[-1].live >= base + 100 * 16


def test_template_sharing_is_bounded_and_an_unshared_template_is_charged_in_full():
    m = Machine()
    m.limits.configure(cost=Cost(), track=True)
    m.run_script("for (let i = 0; i < 20; i++) { globalThis['t' + i] = i; new Global(); }"
                 "globalThis.g = new Global();")
    g = m.main.global_object.get("g")
    assert not g.template.shared
    m.limits.measure_all()
    assert m.limits.heaps[-1].live >= 16 * len(g.template.entries)


def test_a_global_allocating_in_a_loop_and_one_spinning_are_stopped_and_the_host_goes_on():
    reports: list[str] = []
    m = Machine()
    m.limits.on_terminate = reports.append
    lines = run("""const hog = new Global({ resourceLimits: { heapBytes: 20000 } });
        try { hog.eval('const a = []; while (true) a.push({ n: a.length });'); }
        catch (e) { console.log(e.message); }
        const spin = new Global({ resourceLimits: { instructions: 5000 } });
        console.log(spin.eval('let n = 0; for (let i = 0; i < 1000; i++) n++; n'));
        try { spin.eval('try { while (true) {} } finally { globalThis.ran = 1 }'); }
        catch (e) { console.log(e.message); }
        try { spin.eval('1'); } catch (e) { console.log(e.constructor === Error, e.message); }
        let n = 0; for (let i = 0; i < 20000; i++) n++;
        console.log('host goes on', n, typeof spin.ran);""", m)
    assert lines[0].startswith('Global "global" terminated: heap quota of 20000 bytes')
    assert lines[1:] == [
        "1000",
        'Global "global" terminated: instruction budget of 5000 steps per turn exhausted',
        'true Global "global" was terminated: instruction budget of 5000 steps per turn '
        "exhausted",
        "host goes on 20000 undefined"]
    assert reports == [lines[0], lines[2]]


def test_jobs_of_a_terminated_global_are_dropped():
    lines = run("""const g = new Global({ resourceLimits: { instructions: 3000 } });
        g.report = v => console.log(v);
        g.eval('Promise.resolve().then(() => report("job ran")).then(() => { for (;;) {} })' +
               '.then(() => report("never"))');
        Promise.resolve().then(() => Promise.resolve()).then(() => console.log('host job'));""")
    assert lines == ["job ran", "host job"]


def test_bad_resource_limits_for_a_new_global():
    lines = run("""for (const r of [5, { heapBytes: -1 }, { instructions: 1.5 }]) {
          try { new Global({ resourceLimits: r }); } catch (e) { console.log(e.name); } }""")
    assert lines == ["TypeError", "RangeError", "RangeError"]


def test_hardening_a_new_global_freezes_its_bindings():
    lines = run("""lockdown(); const g = new Global(); harden(g);
        console.log(Object.isFrozen(g), Object.getOwnPropertyDescriptor(g, 'eval').writable,
                    Reflect.set(g, 'Array', 1), g.Array === Array);""")
    assert lines == ["true false false true"]
    m = Machine()
    m.run_script("globalThis.g = new Global(); Object.preventExtensions(g)")
    g = m.main.global_object.get("g")
    assert g.template is None and g.get("globalThis") is g and g.get("x") is UNDEFINED


def test_a_script_in_a_new_global_sees_its_aliased_restricted_bindings():
    from vm.errors import UncaughtError
    from vm.new_global import new_global

    m = Machine()
    g = new_global(m, m.main, UNDEFINED)
    with pytest.raises(UncaughtError, match="'undefined' has already been declared"):
        m.run_script("let undefined = 1", g=g)
    m.run_script("let Array = 1", g=g)  # configurable: a lexical binding may shadow it
    assert g.lexical["Array"] == 1.0 and m.main.global_object.get("Array") is not None
