# ruff: noqa: E501 - JavaScript sources inside the tests keep one statement a line
"""`new Global` (vm/new_global.py): every example of the proposal's later slides
(shared/seeds/001), each printing `true` where the slide says `===`/`!==` holds."""

from __future__ import annotations

import pytest

from vm import Machine


def run(src: str, filename: str | None = None) -> list[str]:
    lines: list[str] = []
    m = Machine(output=lines.append)
    m.run_script(src, filename=filename)
    return lines


SLIDES = {
    "all properties grafted by default": """globalThis.x = {};
        const newGlobal = new globalThis.Global();
        console.log(newGlobal.Object === globalThis.Object, newGlobal.x === globalThis.x);""",
    "properties selectively grafted": """globalThis.x = {}; globalThis.y = {};
        const newGlobal = new Global({ keys: ["y"] });
        console.log(newGlobal.x === undefined, newGlobal.y === globalThis.y, newGlobal.Object === undefined);""",
    "own unique evaluators": """const thisGlobal = globalThis; const newGlobal = new Global();
        console.log(newGlobal.eval !== thisGlobal.eval, newGlobal.Global !== thisGlobal.Global,
          newGlobal.Function !== thisGlobal.Function, newGlobal.Function.prototype === thisGlobal.Function.prototype);""",
    "other evaluators share their prototypes": """const newGlobal = new Global();
        console.log(newGlobal.eval("Object.getPrototypeOf(async () => {})") === Object.getPrototypeOf(async () => {}),
          newGlobal.eval("Object.getPrototypeOf(function *() {})") === Object.getPrototypeOf(function* () {}),
          newGlobal.eval("Object.getPrototypeOf(async function *() {})") === Object.getPrototypeOf(async function* () {}),
          (async () => {}).constructor === new Global().eval("async () => {}").constructor);""",
    "the prototype is the creator's and settable": """const newGlobal = new Global();
        const before = Object.getPrototypeOf(newGlobal) === Object.getPrototypeOf(globalThis);
        Object.setPrototypeOf(newGlobal, Object.prototype);
        console.log(before, Object.getPrototypeOf(newGlobal) === Object.prototype);""",
    "mutable before evaluation (DSL)": """const dslGlobal = new Global();
        dslGlobal.describe = name => 'described ' + name;
        const source = new ModuleSource('export const r = describe("x");');
        dslGlobal.eval('s => import(s)')(source).then(ns => console.log(ns.r === 'described x', typeof globalThis.describe === 'undefined'));""",
    "first-class import equals eval import": """const g = new Global();
        const source = new ModuleSource('export default globalThis;');
        Promise.all([g.import(source), g.eval('s => import(s)')(source)]).then(([a, b]) => console.log(a === b, a.default === g));""",
    "import hook with import.source twin and shared instance": """const calls = [];
        const newGlobal = new Global({ async importHook(specifier) {
          calls.push(specifier);
          if (specifier === 'node:fs') return new ModuleSource('export const mocked = true;');
          return import(specifier);
        } });
        newGlobal.eval('import("node:fs")').then(fs => console.log(fs.mocked === true, calls.join() === 'node:fs'));""",
    "evaluators in a module reach the right hook": """const log = [];
        const newGlobal = new Global({ importHook(specifier) { log.push('global ' + specifier); return new ModuleSource(''); } });
        const source = new ModuleSource(`
          import 'static-import';
          await eval('import("direct-eval-import")');
          await globalThis.eval('import("indirect-eval-import")');
          await new Function('return import("function-import")')();`);
        newGlobal.eval('s => import(s)')(source).then(() => console.log(log.join(', ') ===
          'global static-import, global direct-eval-import, global indirect-eval-import, global function-import'));""",
}


@pytest.mark.parametrize("name", list(SLIDES))
def test_slide_examples(name):
    lines = run(SLIDES[name])
    assert lines and all(word == "true" for line in lines for word in line.split()), lines


def test_inherits_host_import_hook_and_module_map(tmp_path):
    (tmp_path / "dep.mjs").write_text("export const made = {};\n")
    main = tmp_path / "main.js"
    dep = str(tmp_path / "dep.mjs")
    src = f"""const newGlobal = new Global();
        Promise.all([import('./dep.mjs'), newGlobal.eval('import("{dep}")')])
          .then(([a, b]) => console.log(a === b, a.made === b.made));"""
    assert run(src, filename=str(main)) == ["true true"]


def test_declarations_and_this_belong_to_the_new_global():
    lines = run("""const g = new Global();
        console.log(g.eval('var q = 1; typeof q'), typeof q, g.q, g.eval('this') === g,
          g.Function('return this')() === g, g.eval('Function')('return globalThis')() === g);""")
    assert lines == ["number undefined 1 true true true"]


def test_import_meta_hook_and_one_hook_call_per_specifier():
    lines = run("""const log = [];
        const g = new Global({ importHook(spec) { log.push(spec); return new ModuleSource('export const m = import.meta;'); },
          importMetaHook(spec, meta) { meta.url = 'mem:' + spec; } });
        Promise.all([g.import('a'), g.eval('import("a")')]).then(([x, y]) =>
          console.log(x === y, x.m.url, log.join()));""")
    assert lines == ["true mem:a a"]


def test_bad_options_and_bad_hook_answers():
    lines = run("""for (const opts of [5, { importHook: 1 }, { keys: 3 }]) {
          try { new Global(opts); } catch (e) { console.log(e.name); } }
        try { Global(); } catch (e) { console.log(e.name); }
        new Global({ importHook: () => 42 }).import('x').catch(e => console.log(e.name, e.message));""")
    assert lines == ["TypeError"] * 4 + ["TypeError importHook for 'x' must give a ModuleSource or a module namespace"]


def test_a_global_after_lockdown_has_inert_function_constructors():
    lines = run("""lockdown();
        const g = new Global();
        for (const src of ['(async () => {})', '(function* () {})', '(async function* () {})', '(function () {})']) {
          try { g.eval(src).constructor('return 1'); console.log('escaped'); }
          catch (e) { console.log(e.name); } }""")
    assert lines == ["TypeError"] * 4
