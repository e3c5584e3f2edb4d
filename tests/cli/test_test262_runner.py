"""`caplet test262` on a small test262-shaped tree: real files, the real CLI in a process.

The harness files here are written for these tests (test262 itself is never committed);
they keep the protocol test262's harness uses: Test262Error, assert.sameValue,
$DONOTEVALUATE, and $DONE printing Test262:AsyncTestComplete / AsyncTestFailure.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from caplet.test262 import Meta, modes, parse_frontmatter
from vm.machine import Machine

HARNESS = {
    "sta.js": """
        function Test262Error(message) { this.message = message || ""; }
        Test262Error.prototype.toString = function () {
          return "Test262Error: " + this.message;
        };
        Test262Error.thrower = function (message) { throw new Test262Error(message); };
        function $DONOTEVALUATE() { throw "Test262: This statement should not be evaluated."; }
    """,
    "assert.js": """
        function assert(mustBeTrue, message) {
          if (mustBeTrue !== true) throw new Test262Error(message || "expected true");
        }
        assert.sameValue = function (actual, expected, message) {
          if (actual !== expected) {
            throw new Test262Error((message ? message + " " : "") + "Expected SameValue(" +
                                   String(actual) + ", " + String(expected) + ") to be true");
          }
        };
    """,
    "doneprintHandle.js": """
        function $DONE(error) {
          if (error) {
            print("Test262:AsyncTestFailure:" + error);
          } else {
            print("Test262:AsyncTestComplete");
          }
        }
    """,
    "double.js": "function double(x) { return x * 2; }",
}


HAS_MAP = Machine().main.global_object.has_property("Map")


def meta(**keys: str) -> str:
    lines = "\n".join(f"{k}: {v}" for k, v in keys.items())
    return f"/*---\ndescription: a test\n{lines}\n---*/\n"


# path under test/ -> source. EXPECTED lists each run's status by (path, mode).
TESTS = {
    "lang/pass.js": meta() + "assert.sameValue(1 + 1, 2);\n",
    "lang/fail.js": meta() + "assert.sameValue(1 + 1, 3, 'sum');\n",
    "lang/neg-parse.js": meta(negative="\n  phase: parse\n  type: SyntaxError") +
    "$DONOTEVALUATE();\nvar = 1;\n",
    "lang/neg-parse-but-valid.js": meta(negative="\n  phase: parse\n  type: SyntaxError") +
    "$DONOTEVALUATE();\nvar ok = 1;\n",
    "lang/neg-runtime.js": meta(negative="{phase: runtime, type: ReferenceError}") +
    "notDeclaredAnywhere;\n",
    "lang/neg-runtime-wrong-type.js": meta(negative="\n  phase: runtime\n  type: TypeError") +
    "notDeclaredAnywhere;\n",
    "lang/strict-only-fails-when-strict.js": meta() + "undeclared = 1;\n",
    "lang/FIXTURE_is_a_test.js": meta() + "assert(true);\n",
    "lang/helper_FIXTURE.js": "throw new Error('a fixture is never run');\n",
    "flags/only-strict.js": meta(flags="[onlyStrict]") +
    "assert.sameValue((function () { return this; })(), undefined);\n",
    "flags/no-strict.js": meta(flags="[noStrict]") +
    "assert.sameValue((function () { return this; })(), this);\n",
    "flags/raw.js": meta(flags="[raw]") +
    "if (typeof assert !== 'undefined') throw new Error('harness was loaded');\n",
    "flags/includes.js": meta(includes="[double.js]") + "assert.sameValue(double(21), 42);\n",
    "flags/includes-block.js": meta(includes="\n  - double.js\n  - double.js") +
    "assert.sameValue(double(2), 4);\n",
    "flags/skipped-feature.js": meta(features="[Atomics, class]") + "Atomics.add;\n",
    "async/done.js": meta(flags="[async]") +
    "Promise.resolve(1).then(function (v) { assert.sameValue(v, 1); }).then($DONE, $DONE);\n",
    "async/rejects.js": meta(flags="[async]") +
    "Promise.reject(new Test262Error('boom')).then($DONE, $DONE);\n",
    "async/never-done.js": meta(flags="[async]") + "Promise.resolve(1);\n",
    "host/print-and-262.js": meta(flags="[noStrict]") + textwrap.dedent("""\
        assert.sameValue(typeof print, "function");
        assert.sameValue($262.global, this);
        assert.sameValue($262.evalScript("var fromEval = 3; fromEval + 1;"), 4);
        assert.sameValue(fromEval, 3);
        var other = $262.createRealm();
        other.evalScript("var onlyThere = 1;");
        assert.sameValue(other.global.onlyThere, 1);
        assert.sameValue(typeof onlyThere, "undefined");
        assert.sameValue(typeof other.evalScript, "function");
        var threw = null;
        try { $262.evalScript("var = ;"); } catch (e) { threw = e; }
        assert.sameValue(threw instanceof SyntaxError, true);
        """),
    "host/runaway.js": meta(flags="[noStrict]") + "while (true) {}\n",
    "library/needs-map.js": meta(features="[Map]", flags="[onlyStrict]") +
    "assert.sameValue(typeof Map, 'function');\n",
    "module/plain.js": meta(flags="[module]") + "export const x = 1;\nassert.sameValue(x, 1);\n",
}

EXPECTED = {
    ("lang/pass.js", "non-strict"): "pass", ("lang/pass.js", "strict"): "pass",
    ("lang/fail.js", "non-strict"): "fail", ("lang/fail.js", "strict"): "fail",
    ("lang/neg-parse.js", "non-strict"): "pass", ("lang/neg-parse.js", "strict"): "pass",
    ("lang/neg-parse-but-valid.js", "non-strict"): "fail",
    ("lang/neg-parse-but-valid.js", "strict"): "fail",
    ("lang/neg-runtime.js", "non-strict"): "pass", ("lang/neg-runtime.js", "strict"): "pass",
    ("lang/neg-runtime-wrong-type.js", "non-strict"): "fail",
    ("lang/neg-runtime-wrong-type.js", "strict"): "fail",
    ("lang/strict-only-fails-when-strict.js", "non-strict"): "pass",
    ("lang/strict-only-fails-when-strict.js", "strict"): "fail",
    ("lang/FIXTURE_is_a_test.js", "non-strict"): "pass",
    ("lang/FIXTURE_is_a_test.js", "strict"): "pass",
    ("flags/only-strict.js", "strict"): "pass",
    ("flags/no-strict.js", "non-strict"): "pass",
    ("flags/raw.js", "non-strict"): "pass",
    ("flags/includes.js", "non-strict"): "pass", ("flags/includes.js", "strict"): "pass",
    ("flags/includes-block.js", "non-strict"): "pass",
    ("flags/includes-block.js", "strict"): "pass",
    ("flags/skipped-feature.js", "non-strict"): "skip",
    ("flags/skipped-feature.js", "strict"): "skip",
    ("async/done.js", "non-strict"): "pass", ("async/done.js", "strict"): "pass",
    ("async/rejects.js", "non-strict"): "fail", ("async/rejects.js", "strict"): "fail",
    ("async/never-done.js", "non-strict"): "fail", ("async/never-done.js", "strict"): "fail",
    ("host/print-and-262.js", "non-strict"): "pass",
    ("host/runaway.js", "non-strict"): "fail",
    # A library feature runs once the VM's global object has it; until then it is skipped.
    ("library/needs-map.js", "strict"): "pass" if HAS_MAP else "skip",
    # Modules run once the VM has Machine.run_module; until then they are skipped.
    ("module/plain.js", "module"): "pass" if hasattr(Machine, "run_module") else "skip",
}


def write_tree(root: Path) -> None:
    for name, text in HARNESS.items():
        path = root / "harness" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    for name, text in TESTS.items():
        path = root / "test" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def caplet(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    repo = Path(__file__).resolve().parents[2]
    return subprocess.run([sys.executable, "-m", "caplet.cli", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=180, cwd=cwd or repo)


@pytest.fixture(scope="module")
def suite(tmp_path_factory):
    """The whole tree run once with two workers: (completed process, JSON results)."""
    root = tmp_path_factory.mktemp("test262")
    write_tree(root)
    out = root / "results.json"
    proc = caplet("test262", "--root", str(root), "test", "--jobs", "2", "--timeout", "2",
                  "--json", str(out))
    return proc, json.loads(out.read_text(encoding="utf-8"))["results"]


def test_every_run_has_the_expected_status(suite):
    proc, results = suite
    got = {(r["path"].removeprefix("test/"), r["mode"]): r["status"] for r in results}
    assert got == EXPECTED, proc.stdout + proc.stderr


def test_summary_lines_and_exit_status(suite):
    proc, _ = suite
    statuses = list(EXPECTED.values())
    lines = proc.stdout.splitlines()
    assert lines[-1] == f"{statuses.count('pass')} passed, {statuses.count('fail')} failed"
    assert lines[-2] == f"{statuses.count('skip')} skipped"
    assert proc.returncode == 1  # something failed
    assert "Traceback" not in proc.stderr


def test_table_per_directory(suite):
    proc, _ = suite
    rows = {line.split()[0]: line.split()[1:] for line in proc.stdout.splitlines()[1:-2]}
    assert rows["lang"] == ["9", "7", "0", "56.2"]
    assert rows["flags"] == ["7", "0", "2", "100.0"]
    assert rows["async"] == ["2", "4", "0", "33.3"]


def test_failure_messages_say_why(suite):
    _, results = suite
    by_key = {(r["path"].removeprefix("test/"), r["mode"]): r for r in results}
    fail = by_key[("lang/fail.js", "strict")]
    assert fail["message"] == "Test262Error: sum Expected SameValue(2, 3) to be true"
    assert fail["cause"] == "Test262Error (runtime)"
    assert by_key[("async/rejects.js", "strict")]["message"] == "Test262Error: boom"
    assert by_key[("async/never-done.js", "strict")]["cause"] == "async incomplete"
    wrong = by_key[("lang/neg-runtime-wrong-type.js", "strict")]
    assert wrong["cause"] == "ReferenceError instead of TypeError"
    valid = by_key[("lang/neg-parse-but-valid.js", "strict")]  # $DONOTEVALUATE threw
    assert valid["cause"] == "(string) instead of SyntaxError"
    assert by_key[("host/runaway.js", "non-strict")]["cause"] == "timeout"
    assert by_key[("flags/skipped-feature.js", "strict")]["message"].startswith(
        "feature Atomics")


def test_one_file_all_passing_exits_zero(tmp_path):
    write_tree(tmp_path)
    proc = caplet("test262", "--root", str(tmp_path), "test/flags/includes.js")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-2:] == ["0 skipped", "2 passed, 0 failed"]


def test_paths_relative_to_the_current_folder(tmp_path):
    write_tree(tmp_path)
    proc = caplet("test262", "--root", ".", "test/lang/fail.js", cwd=tmp_path)
    assert proc.stdout.splitlines()[-1] == "0 passed, 2 failed", proc.stderr
    assert proc.returncode == 1


@pytest.mark.parametrize("args, message", [
    (["--root", "{root}/nowhere"], "is not a test262 checkout"),
    (["--root", "{root}", "test/missing.js"], "no such test file or folder: test/missing.js"),
])
def test_misuse_is_a_clear_error(tmp_path, args, message):
    write_tree(tmp_path)
    proc = caplet("test262", *[a.format(root=tmp_path) for a in args])
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_frontmatter_forms():
    source = textwrap.dedent("""\
        /*---
        description: >
          flags: [not, these]
        includes: [a.js,
          b.js]
        flags:
          - onlyStrict
          - async
        features: [class, 'Symbol.iterator']  # a comment
        negative:
          phase: parse
          type: SyntaxError
        locale: [en-US]
        ---*/
        """)
    assert parse_frontmatter(source) == Meta(
        includes=("a.js", "b.js"), flags=frozenset({"onlyStrict", "async"}),
        features=frozenset({"class", "Symbol.iterator"}), locale=("en-US",),
        negative_phase="parse", negative_type="SyntaxError")
    assert parse_frontmatter("var x;") is None


@pytest.mark.parametrize("flags, expected", [
    ([], ["non-strict", "strict"]), (["onlyStrict"], ["strict"]),
    (["noStrict"], ["non-strict"]), (["raw"], ["non-strict"]), (["module"], ["module"]),
])
def test_modes_follow_the_flags(flags, expected):
    assert modes(Meta(flags=frozenset(flags))) == expected
