# ruff: noqa: E501 - JavaScript sources inside the tests keep one statement a line
"""Compartment: each one a Global of its own, module options kept for the loader,
fail-stop metering, and harden's semantics checked against the object model."""

from __future__ import annotations

import pytest

from tests.vm.support import printed as run
from vm import Machine
from vm.compartment import CompartmentFields
from vm.harden import harden
from vm.interpreter import StepLimit
from vm.objects import JSObject
from vm.realm import Global


def test_a_compartment_is_a_global_and_its_functions_know_it():
    m = Machine()
    m.run_script("globalThis.c = new Compartment({ __options__: true, name: 'app' });"
                 "globalThis.f = c.evaluate('(function f() {})');"
                 "globalThis.g = c.evaluate('Function(\"return 1\")');"
                 "globalThis.h = c.evaluate('(0, eval)(\"(() => 2)\")')")
    main = m.main.global_object
    fields = main.get("c").internal
    assert isinstance(fields, CompartmentFields) and isinstance(fields.global_env, Global)
    g = fields.global_env
    assert g is not m.main and g.name == "app" and g.strict_evaluators
    for name in ("f", "g", "h"):
        assert main.get(name).global_env is g, name
    assert g.global_object.get("eval") is g.eval_function is not m.main.eval_function
    assert fields.parent is m.main


def test_module_options_are_kept_and_checked():
    m = Machine()
    m.run_script("""globalThis.hook = () => {};
        globalThis.c = new Compartment({ __options__: true, modules: { a: { source: 'x' } },
          resolveHook: hook, importHook: hook, importNowHook: hook, moduleMapHook: hook,
          importMetaHook: hook, __noNamespaceBox__: true, noAggregateLoadErrors: true });""")
    fields = m.main.global_object.get("c").internal
    hook = m.main.global_object.get("hook")
    assert all(fields.hooks[name] is hook for name in fields.hooks)
    assert list(fields.module_map) == ["a"] and isinstance(fields.module_map["a"], JSObject)
    assert fields.no_namespace_box and fields.no_aggregate_load_errors
    lines = run("""for (const opts of [{ importHook: 5 }, { resolveHook: 'f' }, { modules: 3 }]) {
          try { new Compartment({ __options__: true, ...opts }); console.log('made'); }
          catch (e) { console.log(e.constructor.name, e.message); }
        }""")
    assert lines == ["TypeError Compartment option importHook must be a function, got number",
                     "TypeError Compartment option resolveHook must be a function, got string",
                     "TypeError Compartment option modules must be an object"]


def test_methods_check_their_receiver():
    lines = run("""for (const m of ['evaluate', 'import', 'importNow']) {
          try { Compartment.prototype[m].call({}, '1'); } catch (e) { console.log(e.constructor.name); }
        }
        try { Object.getOwnPropertyDescriptor(Compartment.prototype, 'name').get.call({}); }
        catch (e) { console.log(e.constructor.name); }""")
    assert lines == ["TypeError"] * 4


def test_runaway_compartment_stops_fail_stop_and_the_host_goes_on():
    asked = []

    def hook() -> bool:  # grant two refills, refuse the third request, then grant again
        asked.append(1)
        return len(asked) != 3

    m = Machine(step_budget=500, limit_hook=hook)
    lines = run("""const c = new Compartment({ __options__: true, name: 'spin' });
        globalThis.cleanup = 0;
        try { c.evaluate('try { for (;;) {} } catch (e) { globalThis.caught = 1 } finally { globalThis.ran = 1 }'); }
        catch (e) { console.log(e.constructor.name, e.message); }
        console.log(typeof c.globalThis.caught, typeof c.globalThis.ran);
        try { c.evaluate('1'); } catch (e) { console.log(e.message); }
        let n = 0; for (let i = 0; i < 2000; i++) n++;
        console.log('host goes on', n, new Compartment().evaluate('6 * 7'));""", m)
    assert lines == ['Error Compartment "spin" terminated: instruction budget exhausted',
                     "undefined undefined",
                     'Compartment "spin" was terminated: instruction budget exhausted',
                     "host goes on 2000 42"]


def test_runaway_host_outside_compartments_still_stops():
    m = Machine(step_budget=200, limit_hook=lambda: False)
    with pytest.raises(StepLimit):
        m.run_script("new Compartment().evaluate('1'); for (;;) {}")


def test_nested_compartment_stop_hits_the_innermost_only():
    refused = []

    def hook() -> bool:
        refused.append(1)
        return len(refused) > 1  # refuse the first request only

    m = Machine(step_budget=300, limit_hook=hook)
    lines = run("""const outer = new Compartment({ __options__: true, name: 'outer',
            globals: { report: v => console.log(v) } });
        outer.evaluate(`
          const inner = new Compartment({ __options__: true, name: 'inner' });
          try { inner.evaluate('for (;;) {}'); } catch (e) { report(e.message); }
          report('outer goes on');
        `);""", m)
    assert lines == ['Compartment "inner" terminated: instruction budget exhausted',
                     "outer goes on"]


def test_harden_python_api_is_deep_and_idempotent():
    m = Machine()
    m.run_script("globalThis.o = { a: { b: [1, { c: 2 }] }, get g() { return 1 } }")
    o = m.main.global_object.get("o")
    assert harden(o) is o and harden(o) is o
    inner = o.get("a").get("b").get("1")
    assert not inner.extensible
    assert harden(5.0) == 5.0 and harden("s") == "s"
    lines = run("""lockdown(); const x = harden({ a: {} });
        'use strict'; try { (() => { 'use strict'; x.a.b = 1; })(); } catch (e) { console.log(e.constructor.name); }""", m)
    assert lines == ["TypeError"]
