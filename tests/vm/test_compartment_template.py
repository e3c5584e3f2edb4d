"""A Compartment's global object as a copy-on-write alias of a shared template
(vm/compartment.py, vm/global_object.py) and what it costs (vm/heap.py). Its layout
against ses's is tests/hardened/cases/compartment_global_mutations.js."""

from __future__ import annotations

from tests.vm.support import printed as run
from vm import Machine
from vm.compartment import CONSTANTS, SHARED, UNIVERSAL
from vm.global_object import GlobalObject
from vm.heap import Cost

SHOW = """const show = o => Reflect.ownKeys(o).map(k => {
      const d = Object.getOwnPropertyDescriptor(o, k);
      const v = !('value' in d) ? 'accessor' : d.value === o ? 'self'
        : typeof d.value === 'function' ? 'fn:' + d.value.name : String(d.value);
      return String(k) + '=' + v + ':' + d.writable + d.enumerable + d.configurable;
    }).join();"""

# Each step runs in (or on) two compartments made alike: one whose global object is the
# alias, one whose global object was copied out of its template at once (an ordinary
# object: what every compartment's global object was before the alias).
STEPS = [
    "c.evaluate('globalThis.x = 1')",
    "c.evaluate('Math = 3; Array = \"guest\"')",
    "c.evaluate('delete globalThis.Map')",
    "c.evaluate('globalThis.Map = 2')",
    "c.globalThis.n = 'host'",
    "c.evaluate('Object.defineProperty(globalThis, \"JSON\", { enumerable: true })')",
    "c.evaluate('Object.defineProperty(globalThis, \"Date\", "
    "{ get() { return 7; }, configurable: true })')",
    "c.evaluate('globalThis[5] = \"five\"; globalThis[1] = \"one\"')",
    "c.evaluate('globalThis[Symbol.for(\"s\")] = 1')",
    "c.evaluate('delete globalThis.b; globalThis.b = 4')",
    "c.evaluate('delete globalThis.eval; globalThis.eval = 1; Function = 0')",
    "c.evaluate('w = 1; var v = 1', { sloppyGlobalsMode: true })",
    "Object.freeze(c.globalThis); c.globalThis.late = 1; delete c.globalThis.Math",
]


def test_the_alias_behaves_as_the_ordinary_global_object_it_replaced():
    m = Machine()
    run("""const made = () => new Compartment({ __options__: true,
          globals: { b: 1, Math: 'shadow', 7: 'seven', get lazy() { return 'L'; } } });
        globalThis.pair = [made(), made()];""", m)
    aliased, plain = (c.internal.global_env.global_object
                      for c in m.main.global_object.get("pair").items)
    plain.materialize()  # the reference: all its bindings its own, in template order
    assert aliased.template is not None and plain.template is None
    checks = ";\n".join(
        f"for (const c of pair) {{ try {{ {s} }} catch (e) {{ c.globalThis.err = e.name }} }}"
        f"\nconsole.log(show(pair[0].globalThis) === show(pair[1].globalThis), "
        f"Object.isFrozen(pair[0].globalThis) === Object.isFrozen(pair[1].globalThis), "
        f"show(pair[0].globalThis))" for s in STEPS)
    lines = run(f"{SHOW}\n{checks}", m)
    assert len(lines) == len(STEPS)
    for step, line in zip(STEPS, lines, strict=True):
        assert line.startswith("true true "), (step, line)
    assert "Date=accessor" in lines[6] and ",x=1:truetruetrue" in lines[0]
    assert "b=4:truetruetrue" in lines[9]
    assert ",w=1:truetruetrue" in lines[11] and "v=" not in lines[11]
    frozen = lines[-1].split(" ", 2)[2].split(",")
    assert all(e.endswith("false") for e in frozen) and ",Math=3:false" in lines[-1]


def test_the_layout_is_ses_s_less_the_names_caplet_lacks():
    m = Machine()
    intr = m.realm.intrinsics
    for locked in (False, True):
        if locked:
            run("lockdown()", m)
        lines = run("console.log(Reflect.ownKeys(new Compartment().globalThis).join())", m)
        shared = [n for n in SHARED if (intr.get(f"%Shared{n}%" if locked else
                                                  f"%Initial{n}%") or intr.get(f"%{n}%"))]
        expected = [*(n for n, _ in CONSTANTS), *(n for n in UNIVERSAL if f"%{n}%" in intr),
                    *shared, "globalThis", "Compartment", "eval", "Function"]
        assert lines == [",".join(expected)]
        assert ("harden" in expected) is locked


def test_compartments_share_one_template_and_make_their_evaluators_when_read():
    m = Machine()
    run("globalThis.cs = [new Compartment(), new Compartment(), new Compartment()];", m)
    objs = [c.internal.global_env.global_object
            for c in m.main.global_object.get("cs").items]
    assert all(type(o) is GlobalObject for o in objs)
    assert objs[0].template is objs[1].template is objs[2].template
    template = objs[0].template
    before = dict(template.entries)
    assert all(o.own is None and o.props == {} for o in objs)  # nothing made, nothing written
    lines = run("""const [a, b, c] = cs;
        a.evaluate('Array = 1; globalThis.x = 2; delete globalThis.Math');
        console.log(typeof b.globalThis.Array, b.globalThis.x, typeof b.evaluate('Math'),
                    a.globalThis.Array, typeof a.globalThis.Math);
        console.log(a.evaluate('eval') !== b.evaluate('eval'),
                    a.evaluate('Function') !== b.evaluate('Function'),
                    a.evaluate('Compartment') !== b.evaluate('Compartment'),
                    a.evaluate('eval("globalThis")') === a.globalThis,
                    b.evaluate('Function("return globalThis")()') === b.globalThis,
                    new (b.evaluate('Compartment'))().evaluate('1 + 1'));""", m)
    assert lines == ["function undefined object 1 undefined", "true true true true true 2"]
    assert template.entries == before  # the shared template was never written
    assert objs[2].own is None  # the third compartment made nothing
    assert objs[0].own is not None and "eval" in objs[0].own and "Math" in objs[0].own


def test_a_direct_eval_through_an_evaluator_made_during_the_evaluation():
    lines = run("""const c = new Compartment(), d = new Compartment();
        console.log(c.evaluate('let z = 5; eval("z")'),
                    d.evaluate('let z = 6; eval("z")', { sloppyGlobalsMode: true }));""")
    assert lines == ["5 6"]


def _compartment_bytes(source: str) -> int:
    m = Machine()
    m.limits.configure(cost=Cost(), track=True)
    m.run_script(source)
    m.limits.measure_all()
    return [h for h in m.limits.heaps if h.kind == "Compartment"][-1].live


def test_a_compartment_is_charged_its_alias_and_its_own_record():
    fresh = _compartment_bytes("globalThis.c = new Compartment({ __options__: true, "
                               "name: 'abc' })")
    # header + alias slot of the global object; the Compartment object; its name
    assert fresh == 16 + 16 + 16 + (16 + 3)
    assert fresh <= 512
    endowed = _compartment_bytes("globalThis.c = new Compartment({ __options__: true, "
                                 "name: 'abc', globals: { k: 'xy' } })")
    assert endowed - fresh == 16 + (16 + 2)  # a property slot and its string
    used = _compartment_bytes("globalThis.c = new Compartment({ __options__: true, "
                              "name: 'abc' }); c.evaluate('eval; Function; Compartment')")
    assert used - fresh > 3 * (48 + 16)  # three functions made, each held in its own slot
    written = _compartment_bytes("globalThis.c = new Compartment({ __options__: true, "
                                 "name: 'abc' }); c.evaluate('Array = 1; delete globalThis.Map')")
    assert written - fresh == 2 * 16  # a binding written over, one deleted: in its place


def test_a_compartment_s_quota_counts_what_its_guest_writes_over_the_template():
    lines = run("""const c = new Compartment({ __options__: true, name: 'w',
          resourceLimits: { heapBytes: 4000 } });
        try { c.evaluate('for (let i = 0; ; i++) globalThis["k" + i] = i;'); }
        catch (e) { console.log(e.message.slice(0, 40)); }
        const d = new Compartment();
        console.log(typeof d.globalThis.k0, typeof Array);""")
    assert lines == ['Compartment "w" terminated: heap quota o', "undefined function"]


# -- a guest's functions called from outside run on the guest's budget ------------------

def _stopped_by_guest_budget(tier: str) -> list[str]:
    import os

    before = os.environ.get("CAPLET_TIER")
    os.environ["CAPLET_TIER"] = tier
    try:
        m = Machine()
    finally:
        if before is None:
            del os.environ["CAPLET_TIER"]
        else:
            os.environ["CAPLET_TIER"] = before
    reports: list[str] = []
    m.limits.on_terminate = reports.append
    lines = run("""const c = new Compartment({ __options__: true, name: 'spin',
          resourceLimits: { instructions: 5000 } });
        const sum = c.evaluate('n => { let s = 0; for (let i = 0; i < n; i++) s += i; return s }');
        console.log(sum(1000), sum(1000));  // each call is a turn: 2000 steps, twice
        const spin = c.evaluate('({ get value() { for (;;) {} } })');
        try { spin.value; } catch (e) { console.log(e.constructor === Error, e.message); }
        try { sum(1); } catch (e) { console.log(e.message); }
        const g = new Global({ resourceLimits: { instructions: 5000 } });
        const made = g.Function('for (;;) {}');
        try { [1].forEach(made); } catch (e) { console.log(e.message); }
        let n = 0; for (let i = 0; i < 50000; i++) n++;
        console.log('host goes on', n);""", m)
    assert reports == [
        'Compartment "spin" terminated: instruction budget of 5000 steps per turn exhausted',
        'Global "global" terminated: instruction budget of 5000 steps per turn exhausted']
    return lines


def test_a_guest_function_called_by_the_host_is_stopped_by_the_guest_s_budget():
    for tier in ("0", "eager"):  # the reference interpreter and the translating tier
        assert _stopped_by_guest_budget(tier) == [
            "499500 499500",
            'true Compartment "spin" terminated: instruction budget of 5000 steps per turn '
            "exhausted",
            'Compartment "spin" was terminated: instruction budget of 5000 steps per turn '
            "exhausted",
            'Global "global" terminated: instruction budget of 5000 steps per turn exhausted',
            "host goes on 50000"], tier


def test_a_guest_calling_back_into_itself_through_the_host_stays_in_one_turn():
    lines = run("""const c = new Compartment({ __options__: true, name: 'c',
          resourceLimits: { instructions: 5000 }, globals: { twice: f => { f(); f(); } } });
        const tick = c.evaluate('let k = 0; () => { for (let i = 0; i < 1500; i++) k++; '
                                + 'return k }');
        tick(); tick(); tick();  // three turns of 1500 steps each
        console.log(tick());
        c.globalThis.tick = tick;
        try { c.evaluate('twice(() => twice(tick))'); } catch (e) { console.log(e.message); }""")
    assert lines == ["6000", 'Compartment "c" terminated: instruction budget of 5000 steps '
                             "per turn exhausted"]


def test_module_bodies_a_guest_imports_run_on_its_budget():
    lines = run("""const body = { ok: 'export default 6 * 7;',
          spin: 'for (;;) {} export default 0;',
          tla: 'await null; export default "awaited";', again: 'export default 1;' };
        const g = new Global({ resourceLimits: { instructions: 5000 },
          importHook: s => new ModuleSource(body[s]) });
        const c = new Compartment({ __options__: true, name: 'm', __noNamespaceBox__: true,
          resourceLimits: { instructions: 5000 },
          modules: { ok: { source: new ModuleSource(body.ok) },
                     tla: { source: new ModuleSource(body.tla) } } });
        const show = p => p.then(ns => console.log(ns.default), e => console.log(e.message));
        show(g.import('ok')).then(() => show(g.import('tla')))
          .then(() => show(c.import('ok'))).then(() => show(c.import('tla')))
          .then(() => show(g.import('spin'))).then(() => show(g.import('again')));""")
    assert lines == ["42", "awaited", "42", "awaited",
                     'Global "global" terminated: instruction budget of 5000 steps per turn '
                     "exhausted",
                     'Global "global" was terminated: instruction budget of 5000 steps per turn'
                     " exhausted"]
