"""ES modules: multi-file programs whose output under caplet must equal node's.

Each folder under ``cases/`` is one program: ``main.mjs`` and the files it imports
(real files, loaded by the desktop host loader). Node runs ``main.mjs`` natively (its
stdout and exit status are cached under ``.cache/node-out-modules``, keyed by node's
version and the folder's content); caplet runs it with ``Machine.run_module``. The
``npm_packages`` case imports pinned packages from ``tests/npm`` through a
``node_modules`` link made at test time. The CLI tests run ``caplet run`` as a process.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CASES = HERE / "cases"
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "tools")]

from npm_cache import ensure_node_modules, node_executable  # noqa: E402

CACHE = ROOT / ".cache" / "node-out-modules"
NEEDS_PACKAGES = {"npm_packages"}


def case_files(case: Path) -> list[Path]:
    return sorted(p for p in case.rglob("*") if p.is_file() and "node_modules" not in p.parts)


def prepare(case: Path) -> None:
    """Give a case that imports npm packages its node_modules (a link to the pinned ones)."""
    if case.name in NEEDS_PACKAGES:
        link = case / "node_modules"
        target = ensure_node_modules()
        if not link.is_symlink() or link.resolve() != target.resolve():
            if link.is_symlink():
                link.unlink()
            link.symlink_to(target, target_is_directory=True)


@cache
def node_version() -> str:
    return subprocess.run([node_executable(), "--version"], capture_output=True,
                          text=True).stdout.strip()


def node_result(case: Path) -> dict:
    digest = hashlib.sha256()
    for p in case_files(case):
        digest.update(p.relative_to(case).as_posix().encode() + b"\0" + p.read_bytes())
    cached = CACHE / node_version() / f"{digest.hexdigest()}.json"
    if cached.is_file():
        return json.loads(cached.read_text())
    prepare(case)
    env = {k: v for k, v in os.environ.items() if not k.startswith("NODE_")}
    proc = subprocess.run([node_executable(), "main.mjs"], cwd=case, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    result = {"exit": proc.returncode, "stdout": proc.stdout.decode("utf-8", "replace")}
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(result))
    return result


def run_caplet(case: Path) -> tuple[str, str | None]:
    from vm import Machine
    from vm.errors import UncaughtError

    lines: list[str] = []
    machine = Machine(output=lines.append)
    main = case / "main.mjs"
    uncaught = None
    try:
        machine.run_module(main.read_text(encoding="utf-8"), str(main))
    except UncaughtError as e:
        uncaught = str(e)
    text = "".join(line + "\n" for line in lines)
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace"), uncaught


ALL_CASES = sorted(p.name for p in CASES.iterdir() if (p / "main.mjs").is_file())


def test_there_are_cases():
    assert len(ALL_CASES) >= 15


@pytest.mark.parametrize("name", ALL_CASES)
def test_case_matches_node(name):
    case = CASES / name
    expected = node_result(case)
    assert expected["exit"] == 0 and expected["stdout"].strip(), \
        f"node does not run {name} cleanly: {expected}"
    prepare(case)
    stdout, uncaught = run_caplet(case)
    assert uncaught is None, f"caplet stopped: {uncaught}\noutput so far:\n{stdout}"
    assert stdout == expected["stdout"]


# --- the command line -----------------------------------------------------------------


def caplet(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "caplet.cli", "run", *args], cwd=cwd,
                          env=env, capture_output=True, text=True, timeout=120)


def test_cli_runs_mjs_without_flag_and_js_with_module_flag(tmp_path):
    (tmp_path / "dep.js").write_text("export const word = 'imported';\n")
    (tmp_path / "main.mjs").write_text("import { word } from './dep.js';\nconsole.log(word);\n")
    (tmp_path / "main.js").write_text("import { word } from './dep.js';\nconsole.log(word);\n")
    done = caplet("main.mjs", cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (0, "imported\n", "")
    done = caplet("--module", "main.js", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (0, "imported\n")
    done = caplet("main.js", cwd=tmp_path)  # a script may not import
    assert done.returncode == 1 and "SyntaxError" in done.stderr


def test_cli_reports_link_error_naming_export_and_module(tmp_path):
    (tmp_path / "dep.mjs").write_text("export const present = 1;\n")
    (tmp_path / "main.mjs").write_text("import { absent } from './dep.mjs';\n")
    done = caplet("main.mjs", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.strip() == ("Uncaught SyntaxError: The requested module './dep.mjs' "
                                   "does not provide an export named 'absent'")


def test_cli_reports_missing_module_by_resolved_path(tmp_path):
    (tmp_path / "main.mjs").write_text("import './lib/gone.mjs';\n")
    done = caplet("main.mjs", cwd=tmp_path)
    assert done.returncode == 1
    missing = tmp_path / "lib" / "gone.mjs"
    assert done.stderr.strip() == (f"Uncaught Error: Cannot find module '{missing}' imported "
                                   f"from {tmp_path / 'main.mjs'}")


def test_cli_uncaught_throw_and_rejection_in_module(tmp_path):
    (tmp_path / "main.mjs").write_text("console.log('before');\nthrow new RangeError('top');\n")
    done = caplet("main.mjs", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (1, "before\n")
    assert done.stderr.strip() == "Uncaught RangeError: top"
    (tmp_path / "tla.mjs").write_text("await null;\nthrow new Error('after await');\n")
    done = caplet("tla.mjs", cwd=tmp_path)
    assert (done.returncode, done.stderr.strip()) == (1, "Uncaught Error: after await")


def test_cli_syntax_error_in_entry_and_in_import(tmp_path):
    (tmp_path / "main.mjs").write_text("let x = 1;\nexport { y };\n")
    done = caplet("main.mjs", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith("main.mjs:2:") and "SyntaxError" in done.stderr
    (tmp_path / "bad.mjs").write_text("export const = 1;\n")
    (tmp_path / "uses.mjs").write_text("import './bad.mjs';\n")
    done = caplet("uses.mjs", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith("Uncaught SyntaxError: ")
    assert f"({tmp_path / 'bad.mjs'}:1:" in done.stderr


def test_cli_unsettled_top_level_await(tmp_path):
    (tmp_path / "main.mjs").write_text("await new Promise(() => {});\nconsole.log('never');\n")
    done = caplet("main.mjs", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (1, "")
    assert "unsettled top-level await" in done.stderr


def test_dynamic_import_from_a_script_resolves_against_its_file(tmp_path):
    from vm import Machine

    (tmp_path / "lib.mjs").write_text("export const answer = 42;\n")
    lines: list[str] = []
    script = tmp_path / "script.js"
    Machine(output=lines.append).run_script(
        "import('./lib.mjs').then(ns => console.log(ns.answer));", str(script))
    assert lines == ["42"]
