"""Per-Global heaps, quotas and instruction budgets per turn (vm/heap.py, vm/limits.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from vm import Machine
from vm.heap import Cost
from vm.interpreter import StepLimit
from vm.objects import ROM, Slot

ROOT = Path(__file__).resolve().parents[2]


def run(source: str, machine: Machine | None = None) -> tuple[list[str], Machine]:
    lines: list[str] = []
    machine = machine or Machine()
    machine.main.output = lines.append
    machine.run_script(source)
    return lines, machine


HOG = "const a = []; while (true) a.push({ n: a.length });"


def test_a_guest_allocating_in_a_loop_is_stopped_and_the_host_goes_on():
    reports: list[str] = []
    m = Machine()
    m.limits.on_terminate = reports.append
    lines, _ = run(f"""const hog = new Compartment({{ __options__: true, name: 'hog',
            resourceLimits: {{ heapBytes: 20000 }} }});
        try {{ hog.evaluate('{HOG}'); }} catch (e) {{ console.log(e.message); }}
        const other = new Compartment({{ __options__: true, name: 'other' }});
        console.log('host goes on', other.evaluate('[1, 2, 3].map(x => x * 2).join()'));""", m)
    assert lines[0].startswith('Compartment "hog" terminated: heap quota of 20000 bytes '
                               'exceeded')
    assert lines[1] == "host goes on 2,4,6"
    assert reports == [lines[0]]
    heap = m.limits.heaps[0]
    assert heap.name == "hog" and heap.quota == 20000 and heap.peak > 20000
    m.limits.measure_all()
    assert heap.live < 2000  # the array died with its evaluation


def test_a_guest_spinning_is_stopped_by_its_budget_per_turn():
    m = Machine()
    lines, _ = run("""const spin = new Compartment({ __options__: true, name: 'spin',
            resourceLimits: { instructions: 5000 } });
        console.log(spin.evaluate('let n = 0; for (let i = 0; i < 1000; i++) n++; n'));
        console.log(spin.evaluate('let k = 0; for (let i = 0; i < 1000; i++) k++; k'));
        try { spin.evaluate('try { while (true) {} } finally { globalThis.ran = 1 }'); }
        catch (e) { console.log(e.message); }
        console.log(typeof spin.globalThis.ran);
        try { spin.evaluate('1'); } catch (e) { console.log(e.message); }
        let n = 0; for (let i = 0; i < 20000; i++) n++;
        console.log('host goes on', n);""", m)
    assert lines == ["1000", "1000",  # each turn has its own budget
                     'Compartment "spin" terminated: instruction budget of 5000 steps per '
                     "turn exhausted", "undefined",
                     'Compartment "spin" was terminated: instruction budget of 5000 steps '
                     "per turn exhausted", "host goes on 20000"]


def test_calls_into_a_terminated_compartment_throw_and_its_jobs_are_dropped():
    m = Machine()
    lines, _ = run("""const c = new Compartment({ __options__: true, name: 'c',
            globals: { report: v => console.log(v) }, resourceLimits: { instructions: 3000 } });
        const f = c.evaluate('(x) => x + 1');
        console.log(f(1));
        try {
          c.evaluate('Promise.resolve().then(() => report("job ran")); for (;;) {}');
        } catch (e) { console.log('stopped'); }
        try { f(2); } catch (e) { console.log(e.constructor === Error, e.message); }
        Promise.resolve().then(() => console.log('host job runs'));""", m)
    assert lines == ["2", "stopped",
                     'true Compartment "c" was terminated: instruction budget of 3000 steps '
                     "per turn exhausted", "host job runs"]


def test_a_compartment_job_runs_as_its_turn_under_its_budget():
    m = Machine()
    lines, _ = run("""const c = new Compartment({ __options__: true, name: 'c',
            globals: { report: v => console.log(v) }, resourceLimits: { instructions: 3000 } });
        c.evaluate('Promise.resolve().then(() => { report("job"); for (;;) {} })');
        Promise.resolve().then(() => console.log('host job'));
        Promise.resolve().then(() => Promise.resolve()).then(() =>
          console.log(Object.keys(c.globalThis).length > 0, 'after'));""", m)
    assert lines == ["job", "host job", "true after"]
    assert m.limits.reports == ['Compartment "c" terminated: instruction budget of 3000 '
                                "steps per turn exhausted"]


def test_the_main_global_over_its_quota_stops_the_run():
    m = Machine()
    m.limits.adopt(m.main, "Global", quota=30000)
    with pytest.raises(StepLimit, match="heap quota of 30000 bytes exceeded"):
        run(HOG, m)
    assert m.main.halted
    with pytest.raises(Exception, match='Global "main" was terminated'):
        m.run_script("(function () {})()")


def test_heap_bytes_follow_the_cost_model():
    cost = Cost(object_header=12, property_slot=8, string=20, string_byte=2, closure=40,
                environment=16, code_byte=1)
    m = Machine()
    m.limits.configure(cost=cost, track=True)
    heap = m.main.heap
    m.limits.measure_all()
    base = heap.live
    m.run_script("globalThis.o = { a: 1, b: 2 }")
    m.limits.measure_all()
    assert heap.live - base == 8 + 12 + 2 * 8  # a global property, an object, two slots
    m.run_script("globalThis.s = 'abcd'")
    m.limits.measure_all()
    assert heap.live - base == 36 + 8 + 20 + 2 * 4
    m.run_script("globalThis.f = function () {}")
    m.limits.measure_all()
    # the property, the closure with length, name (the empty string), prototype; the
    # prototype object with its constructor slot
    assert heap.live - base == 72 + 8 + (40 + 3 * 8 + 20) + (12 + 8)


def test_compartments_are_charged_to_their_own_heap():
    m = Machine()
    m.limits.configure(track=True)
    m.main.global_object.get("Compartment")  # made on first use (vm/lazy.py): made now
    m.limits.measure_all()
    host_before = m.main.heap.live
    run("""globalThis.kids = [];
        for (let i = 0; i < 3; i++) {
          const c = new Compartment({ __options__: true, name: 'k' + i });
          c.evaluate('globalThis.big = Array.from({ length: 100 * ' + i + ' }, (_, j) => j)');
          kids.push(c);
        }""", m)
    m.limits.measure_all()
    live = {h.name: h.live for h in m.limits.heaps}
    assert live["k1"] - live["k0"] == 100 * 16 and live["k2"] - live["k1"] == 100 * 16
    # the host holds the kids array and three Compartment objects, not their heaps
    assert live["main"] - host_before == 16 + (16 + 3 * 16) + 3 * 16


def test_resource_limits_are_checked():
    lines, _ = run("""for (const bad of [-1, 1.5, 'x', NaN]) {
          try { new Compartment({ __options__: true, resourceLimits: { heapBytes: bad } }); }
          catch (e) { console.log(e.constructor.name); }
        }
        try { new Compartment({ __options__: true, resourceLimits: 5 }); }
        catch (e) { console.log(e.constructor.name); }""")
    assert lines == ["RangeError"] * 4 + ["TypeError"]


def test_rom_objects_are_never_written_by_guests_or_checks():
    m = Machine()
    run("lockdown()", m)
    rom = [o for o in _reachable(m.realm.intrinsics.values()) if o.segment is ROM]
    before = [(o, dict(o.props), o.proto, o.extensible) for o in rom]
    lines, _ = run("""const c = new Compartment({ __options__: true, name: 'w',
            resourceLimits: { heapBytes: 8000, instructions: 100000 } });
        try { c.evaluate(`
          for (const k of Object.getOwnPropertyNames(Array.prototype))
            try { Array.prototype[k] = 1 } catch {}
          try { Object.prototype.x = 1 } catch {}
          const a = []; while (true) a.push([a.length]);`); }
        catch (e) { console.log(e.message.slice(0, 30)); }
        console.log(typeof [].map, ({}).x);""", m)
    assert lines == ['Compartment "w" terminated: he', "function undefined"]
    assert all(o.props == props and o.proto is proto and o.extensible is ext
               for o, props, proto, ext in before)


def _reachable(roots):
    seen, stack = {}, list(roots)
    while stack:
        o = stack.pop()
        if id(o) in seen or not hasattr(o, "props"):
            continue
        seen[id(o)] = o
        stack.append(o.proto)
        for v in o.props.values():
            stack.extend((v.value, v.getter, v.setter) if type(v) is Slot else (v,))
    return [o for o in seen.values() if o is not None]


def test_cli_memory_report_and_termination_report(tmp_path):
    script = tmp_path / "guest.js"
    script.write_text(f"""const hog = new Compartment({{ __options__: true, name: 'hog',
            resourceLimits: {{ heapBytes: 10000 }} }});
        try {{ hog.evaluate('{HOG}'); }} catch (e) {{ console.log('caught'); }}
        const spin = new Compartment({{ __options__: true, name: 'spin',
            resourceLimits: {{ instructions: 10000 }} }});
        try {{ spin.evaluate('while (true) {{}}'); }} catch (e) {{ console.log('caught'); }}
        console.log('host goes on');""")
    report = tmp_path / "mem.json"
    done = subprocess.run([sys.executable, "-m", "caplet.cli", "run", str(script),
                           "--memory-report", str(report)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["caught", "caught", "host goes on"]
    assert done.stderr.splitlines() == [
        'caplet: Compartment "hog" terminated: ' + done.stderr.split(": ", 2)[2].split("\n")[0],
        'caplet: Compartment "spin" terminated: instruction budget of 10000 steps per turn '
        "exhausted"]
    data = json.loads(report.read_text())
    assert data["rom_bytes"] == 0  # nothing locked down
    rows = {g["name"]: g for g in data["globals"]}
    assert set(rows) == {"main", "hog", "spin"}
    assert rows["hog"]["quota"] == 10000 and rows["hog"]["peak"] > 10000
    assert rows["hog"]["terminated"].startswith("heap quota of 10000 bytes exceeded")
    assert all(0 < g["live"] <= g["peak"] for g in data["globals"])
