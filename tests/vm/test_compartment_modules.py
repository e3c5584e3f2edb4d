# ruff: noqa: E501 - JavaScript sources inside the tests keep one statement a line
"""Compartment modules where caplet goes beyond what the ses shim can do (the shared
behaviour is checked against node + ses in tests/hardened/cases/compartment_module_*)."""

from __future__ import annotations

import pytest

from vm import Machine
from vm.errors import UncaughtError

HOOKS = """lockdown();
const c = new Compartment({ __options__: true, name: 'app',
  resolveHook: (spec, referrer) => spec,
  importHook: async spec => ({ source: new ModuleSource(`export const v = ${JSON.stringify(spec)};`) }),
});
"""


def run(src: str) -> list[str]:
    lines: list[str] = []
    m = Machine(output=lines.append)
    m.run_script(src)
    return lines


@pytest.mark.parametrize("evaluator", [
    "c.evaluate('import(\"x\")')",
    "c.evaluate('(0, eval)(\"import(\\'x\\')\")')",
    "c.evaluate('eval(\"import(\\'x\\')\")')",
    "c.evaluate('Function(\"return import(\\'x\\')\")()')",
    "c.globalThis.eval('import(\"x\")')",
    "new c.globalThis.Function('return import(\"x\")')()",
    "c.evaluate('(async () => import(\"x\"))()')",
])
def test_dynamic_import_from_every_evaluator_goes_to_the_compartment(evaluator):
    lines = run(HOOKS + f"{evaluator}.then(ns => console.log(ns.v, ns === c.importNow('x')));")
    assert lines == ["x true"]


def test_dynamic_import_without_resolve_hook_rejects():
    lines = run("""const c = new Compartment({ __options__: true, name: 'bare' });
        c.evaluate('import("x")').catch(e => console.log(e.name, e.message));""")
    assert lines == ['TypeError Compartment does not support dynamic import: no configured resolveHook for compartment "bare"']


def test_top_level_await_through_import_and_not_import_now():
    lines = run(HOOKS + """c.import('x');
        const t = new Compartment({ __options__: true, modules: { tla: { source: new ModuleSource('await null; export const done = 1;') } } });
        try { t.importNow('tla'); } catch (e) { console.log(e.name, e.message); }
        const u = new Compartment({ __options__: true, modules: { tla: { source: new ModuleSource('await 0; export const done = "awaited";') } } });
        u.import('tla').then(({ namespace }) => console.log(namespace.done));""")
    assert lines == ['TypeError Module "tla" of compartment "<unknown>" awaits at top level: use import()',
                     "awaited"]


def test_source_phase_import_gives_the_module_source_without_running_it():
    lines = run("""lockdown();
        const shared = new ModuleSource('globalThis.ran = true; export default 1;');
        const c = new Compartment({ __options__: true, resolveHook: s => s, modules: {
          dep: { source: shared },
          main: { source: new ModuleSource('import source s from "dep"; export default s;') } } });
        const s = c.importNow('main').default;
        console.log(s === shared, s instanceof ModuleSource, c.globalThis.ran);""")
    assert lines == ["true true undefined"]


def test_module_source_static_analysis():
    lines = run("""const m = new ModuleSource('import a, { b as c } from "x"; export * from "y"; export const d = import.meta; import("z");');
        console.log(JSON.stringify(m.imports), JSON.stringify(m.exports), JSON.stringify(m.reexports));
        console.log(m.needsImport, m.needsImportMeta, Object.prototype.toString.call(m));
        console.log(JSON.stringify(m.bindings));
        try { new ModuleSource('export {'); } catch (e) { console.log(e.name); }""")
    assert lines[0] == '["x","y"] ["d"] ["y"]'
    assert lines[1] == "true true [object ModuleSource]"
    assert lines[2] == ('[{"import":"default","as":"a","from":"x"},{"import":"b","as":"c","from":"x"},'
                        '{"export":"d"},{"exportAllFrom":"y"}]')
    assert lines[3] == "SyntaxError"


def test_namespace_properties_are_data_properties():
    """ses models namespace properties as accessors; caplet's are the spec's."""
    lines = run("""const c = new Compartment({ __options__: true, modules: {
          m: { source: { imports: [], exports: ['x'], execute(env) { env.x = 1; } } } } });
        const d = Object.getOwnPropertyDescriptor(c.importNow('m'), 'x');
        console.log(JSON.stringify(d));""")
    assert lines == ['{"value":1,"writable":true,"enumerable":true,"configurable":false}']


def test_virtual_module_exports_are_live():
    lines = run("""let setter;
        const c = new Compartment({ __options__: true, modules: {
          m: { source: { imports: [], exports: ['n'], execute(env) { env.n = 1; setter = v => { env.n = v; }; } } } } });
        const ns = c.importNow('m');
        setter(5);
        console.log(ns.n);""")
    assert lines == ["5"]


def test_load_errors_are_aggregated_unless_asked_not_to():
    src = """const mk = flag => new Compartment({ __options__: true, name: 'agg', noAggregateLoadErrors: flag,
          resolveHook: s => s, modules: { main: { source: { imports: ['a', 'b'], exports: [], execute() {} } } } });
        try { mk(false).importNow('main'); } catch (e) { console.log(e.name + ': ' + e.message); }
        try { mk(true).importNow('main'); } catch (e) { console.log(e.name + ': ' + e.message); }"""
    lines = run(src)
    assert lines == ['TypeError: Failed to load module "main" in package "agg" (2 underlying failures: '
                     'importNowHook needed to load module "a" in compartment "agg", '
                     'importNowHook needed to load module "b" in compartment "agg"',
                     'Error: importNowHook needed to load module "a" in compartment "agg"']


def test_a_hook_that_throws_is_a_load_error_not_a_crash():
    lines = run("""const c = new Compartment({ __options__: true, importNowHook() { throw new RangeError('nope'); } });
        try { c.importNow('x'); } catch (e) { console.log(e.name + ': ' + e.message); }
        const d = new Compartment({ __options__: true, modules: { x: { source: 5 } } });
        try { d.importNow('x'); } catch (e) { console.log(e.name); }""")
    assert lines[0] == 'TypeError: Failed to load module "x" in package "<unknown>" (1 underlying failures: nope'
    assert lines[1] in ("Error", "TypeError")


def test_an_unhandled_module_error_is_reported_once():
    with pytest.raises(UncaughtError) as info:
        run("""const c = new Compartment({ __options__: true, modules: {
              m: { source: { imports: [], exports: [], execute() { throw new Error('inside'); } } } } });
            c.import('m');""")
    assert "Uncaught (in promise) Error: inside" in str(info.value)
