"""`caplet parse` as a user runs it: a real process, real files, exit codes and output."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from compiler import parse
from compiler.ast import to_json


def run_caplet(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "caplet.cli", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=60)


def test_summary_of_the_example():
    result = run_caplet("parse", "examples/hello.js")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("script: 5 top-level statements")
    assert "ClassDeclaration" in result.stdout


def test_json_is_the_ast(tmp_path):
    src = "import x from 'm';\nexport const y = x?.z ?? `t${1}`;\n"
    path = tmp_path / "m.mjs"
    path.write_text(src, encoding="utf-8")
    result = run_caplet("parse", str(path), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == to_json(parse(src, module=True))
    assert json.loads(result.stdout)["sourceType"] == "module"


@pytest.mark.parametrize(
    "src, line, col, message",
    [
        ("let x = 1;\nlet y = (a, b => ;\n", 2, 18, "Unexpected token ';'"),
        ("\tif (x) {\n", 2, 1, "Unexpected end of input"),
        ("var s = 'abc\n", 1, 9, "Unterminated string constant"),
        ("x = 1 /* open", 1, 7, "Unterminated comment"),
        ("'use strict'; with (a) b", 1, 15, "with"),
    ],
)
def test_syntax_error_report(tmp_path, src, line, col, message):
    path = tmp_path / "bad.js"
    path.write_bytes(src.encode())
    result = run_caplet("parse", str(path))
    assert result.returncode == 1
    first, shown, caret = result.stderr.splitlines()[:3]
    assert first.startswith(f"{path}:{line}:{col}: SyntaxError: ")
    assert message.lower() in first.lower()
    assert "Traceback" not in result.stderr
    # The caret sits under the reported column of the echoed line (tabs expanded).
    source_line = src.splitlines()[line - 1] if src.splitlines()[line - 1:] else ""
    assert shown == source_line.expandtabs(8)
    assert caret == " " * len(source_line[: col - 1].expandtabs(8)) + "^"


def test_missing_file_is_a_message_not_a_traceback(tmp_path):
    result = run_caplet("parse", str(tmp_path / "nope.js"))
    assert result.returncode == 2
    assert "cannot read" in result.stderr and "Traceback" not in result.stderr


def test_crlf_and_bom_keep_acorn_offsets(tmp_path):
    # CRLF stays CRLF and a BOM stays (it is whitespace), so offsets count them.
    src = "\ufeffa = 1;\r\nb = 2;\r\n"
    path = tmp_path / "crlf.js"
    path.write_bytes(src.encode("utf-8"))
    result = run_caplet("parse", str(path), "--json")
    ast = json.loads(result.stdout)
    assert [s["start"] for s in ast["body"]] == [1, 9]
    assert ast["end"] == len(src)


def test_non_bmp_text_counts_utf16_units(tmp_path):
    src = "var s = '😀'; t = 1;"
    path = tmp_path / "astral.js"
    path.write_text(src, encoding="utf-8")
    ast = json.loads(run_caplet("parse", str(path), "--json").stdout)
    assert ast["body"][1]["start"] == len(src.encode("utf-16-le")) // 2 - 6
    assert ast["body"][0]["declarations"][0]["init"]["value"] == "😀"


def test_caplet_run_file_takes_the_quick_path_with_argparses_answer():
    from caplet import cli

    quick = cli.parse_args(["run", "app.caplet"])
    full = cli.build_parser().parse_args(["run", "app.caplet"])
    assert vars(quick) == vars(full)
    assert vars(cli.parse_args(["run", "-"]))["file"] == "-"  # argparse's own path
    assert vars(cli.parse_args(["run", "--module", "a.js"]))["module"] is True
