"""A module's static record (ParseModule's tables) and the ModuleSource object over it."""

from __future__ import annotations

import pytest

from compiler import JSSyntaxError, parse
from compiler.module import (
    ExportEntry,
    ImportEntry,
    ModuleRequest,
    compile_module,
    has_top_level_await,
)

TEXT = """
import def, { a as b, "x y" as xy } from "./one.js";
import * as ns from "./two.js";
import data from "./d.json" with { type: "json" };
export { b as reB, ns as reNs };
export let local = 1;
export default function () {}
export * from "./three.js";
export * as three from "./three.js";
export { c as cc } from "./one.js";
"""


def test_parse_module_tables_follow_the_export_forms_table():
    m = compile_module(TEXT, "m.js")
    assert m.requests == [ModuleRequest("./one.js"), ModuleRequest("./two.js"),
                          ModuleRequest("./d.json", (("type", "json"),)),
                          ModuleRequest("./three.js")]
    assert m.imports == [ImportEntry(0, "default", "def"), ImportEntry(0, "a", "b"),
                         ImportEntry(0, "x y", "xy"), ImportEntry(1, None, "ns"),
                         ImportEntry(2, "default", "data")]
    assert m.local_exports == [ExportEntry("local", local_name="local"),
                               ExportEntry("default", local_name="*default*")]
    # re-exports of imports (names and namespaces) resolve through the other module
    assert m.indirect_exports == [ExportEntry("reB", 0, "a"), ExportEntry("reNs", 1, None),
                                  ExportEntry("three", 3, None), ExportEntry("cc", 0, "c")]
    assert m.star_exports == [ExportEntry(None, 3)]
    assert not m.has_tla and not m.needs_import_meta and not m.needs_import


def test_static_analysis_as_module_source_exposes_it():
    m = compile_module(TEXT, "m.js")
    assert m.import_specifiers == ["./one.js", "./two.js", "./d.json", "./three.js"]
    assert m.export_names == ["local", "default", "reB", "reNs", "three", "cc"]
    assert m.reexport_specifiers == ["./three.js"]
    assert m.bindings()[:4] == [
        {"import": "default", "as": "def", "from": "./one.js"},
        {"import": "a", "as": "b", "from": "./one.js"},
        {"import": "x y", "as": "xy", "from": "./one.js"},
        {"importAllFrom": "./two.js", "as": "ns"},
    ]
    assert {"exportAllFrom": "./three.js"} in m.bindings()


@pytest.mark.parametrize("text,tla", [
    ("await 1;", True),
    ("for await (const x of []) {}", True),
    ("async function f() { await 1; }", False),
    ("const f = async () => await 1;", False),
    ("class C { [await 1]() {} }", True),
    ("class C { m() { return 1; } }", False),
])
def test_top_level_await_detection(text, tla):
    assert has_top_level_await(parse(text, module=True)) is tla


def test_unsupported_import_attribute_is_a_syntax_error():
    with pytest.raises(JSSyntaxError, match="'lang' is not supported"):
        compile_module('import x from "./a.js" with { lang: "en" };', "m.js")


def test_module_source_object_in_javascript():
    from vm import Machine

    lines: list[str] = []
    machine = Machine(output=lines.append)
    machine.realm.intrinsics["%ModuleSource%"]  # registered with the intrinsics
    machine.main.global_object.define("ModuleSource",
                                      machine.realm.intrinsics["%ModuleSource%"])
    machine.run_script("""
const s = new ModuleSource('import { a } from "./x.js"; export * from "./y.js"; '
  + 'export const b = import.meta;');
console.log(Object.prototype.toString.call(s), s.needsImportMeta, s.needsImport);
console.log(JSON.stringify(s.bindings));
console.log(s.imports.join(), s.exports.join(), s.reexports.join());
try { new ModuleSource('export {'); } catch (e) { console.log(e.name); }
try { ModuleSource('x'); } catch (e) { console.log(e.name); }
""")
    assert lines == [
        "[object ModuleSource] true false",
        '[{"import":"a","from":"./x.js"},{"export":"b"},{"exportAllFrom":"./y.js"}]',
        "./x.js,./y.js b ./y.js",
        "SyntaxError",
        "TypeError",
    ]
