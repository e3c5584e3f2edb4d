"""The npm package test262-parser-tests: accept pass/, reject fail/ and early/.

Every ``pass/`` and ``pass-explicit/`` file must parse to exactly acorn's AST; every
``fail/`` and ``early/`` file must raise ``JSSyntaxError``. ``*.module.js`` files are
modules. The package dates from 2017, so a few expectations predate later language
changes: those are listed in ``LANGUAGE_CHANGES`` and acorn's verdict replaces them.
``test_exceptions_are_exactly_acorns_disagreements`` keeps both lists honest: the files
where acorn disagrees with the package must be exactly the listed ones. Our own
known bugs go, strict-xfail, in ``parser_tests_known_failures.txt``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import known_failures
import pytest
from acorn_oracle import answer_for, describe_difference, prefetch, read_source, snippet
from npm_cache import ensure_node_modules

from compiler import JSSyntaxError, parse
from compiler.ast import to_json

KNOWN_FAILURES = Path(__file__).with_name("parser_tests_known_failures.txt")
FOLDERS = ("pass", "pass-explicit", "fail", "early")

_ESCAPE_89 = "ES2021 allows \\8 and \\9 in sloppy-mode strings (NonOctalDecimalEscapeSequence)"
_JSON_SUPERSET = "ES2019 (JSON superset) allows U+2028/U+2029 in string literals"
_CLASS_FIELDS = "ES2022 class fields"
_BLOCK_FUNCTIONS = ("Annex B.3.2.4 (web compatibility) allows duplicate function "
                    "declarations in a sloppy-mode block")

# Files whose expected verdict was right in 2017 and is wrong now: acorn's verdict holds.
LANGUAGE_CHANGES: dict[str, str] = {
    "fail/0d5e450f1da8a92a.js": _ESCAPE_89,  # ('\9')
    "fail/748656edbfb2d0bb.js": _ESCAPE_89,  # ('\8')
    "fail/79f882da06f88c9f.js": _ESCAPE_89,  # "\8";
    "fail/92b6af54adef3624.js": _ESCAPE_89,  # "\9";
    "fail/647e21f8f157c338.js": _JSON_SUPERSET,  # ('<U+2029>')
    "fail/8af69d8f15295ed2.js": _JSON_SUPERSET,  # ('<U+2028>')
    "fail/98204d734f8c72b3.js": _CLASS_FIELDS,  # (class {a})
    "fail/ef81b93cf9bdb4ec.js": _CLASS_FIELDS,  # (class {a=0})
    "fail/c060a3014ad24dfd.js": "U+2B81E is ID_Start in later Unicode versions "
                                "(acorn follows the current Unicode)",  # var <U+2B81E>_ = 12;
    "fail/e3fbcf63d7e43ead.js": "Annex B.3.5 (ES2017) allows an initializer in a sloppy-mode "
                                "`for (var x = 1 in o)`",
    "early/0f5f47108da5c34e.js": "ES2020 (ecma262 PR 1393) lets `for (var a of ...)` redeclare "
                                 "a simple catch parameter, like any var",
    "early/12a74c60f52a60de.js": _BLOCK_FUNCTIONS,
    "early/1aff49273f3e3a98.js": _BLOCK_FUNCTIONS,
    "early/be7329119eaa3d47.js": _BLOCK_FUNCTIONS,
    "early/ec31fa5e521c5df4.js": _BLOCK_FUNCTIONS,
}

# Files where acorn is wrong and the package is right: the package's verdict holds.
ACORN_MISTAKES: dict[str, str] = {
    "early/84ef3bbaa772075f.js": "(class eval {}): a class is strict code, so its name cannot "
                                 "be eval; acorn skips the check for class expressions",
    "early/987442878ab414e7.js": "(class arguments {}): a class is strict code, so its name "
                                 "cannot be arguments; acorn skips the check for class expressions",
}


@cache
def files() -> dict[str, Path]:
    """``{"pass/0123.js": path}`` for every file of the four folders."""
    root = ensure_node_modules() / "test262-parser-tests"
    found = {f"{d}/{p.name}": p for d in FOLDERS for p in sorted((root / d).glob("*.js"))}
    assert len(found) > 5000, f"test262-parser-tests looks incomplete: {len(found)} files"
    return found


def source_type(test_id: str) -> str:
    return "module" if test_id.endswith(".module.js") else "script"


def package_says_valid(test_id: str) -> bool:
    return test_id.startswith("pass")


def expected_valid(test_id: str) -> bool:
    return package_says_valid(test_id) != (test_id in LANGUAGE_CHANGES)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "case" in metafunc.fixturenames:
        items = [(i, i) for i in files()]
        metafunc.parametrize("case", known_failures.params(items, KNOWN_FAILURES))


@pytest.fixture(scope="module", autouse=True)
def acorn_answers() -> None:
    """Run acorn once over the files whose answers are not cached yet."""
    for kind in ("script", "module"):
        prefetch([p for i, p in files().items() if source_type(i) == kind], kind)


def test_exceptions_are_exactly_acorns_disagreements() -> None:
    disagree = {i for i, p in files().items()
                if answer_for(p, source_type(i))["ok"] != package_says_valid(i)}
    listed = set(LANGUAGE_CHANGES) | set(ACORN_MISTAKES)
    assert not LANGUAGE_CHANGES.keys() & ACORN_MISTAKES.keys()
    assert sorted(disagree - listed) == [], "acorn disagrees with the package: list these"
    assert sorted(listed - disagree) == [], "acorn agrees with the package now: unlist these"


def test_parser_test(case: str) -> None:
    path, kind = files()[case], source_type(case)
    source = read_source(path)
    if not expected_valid(case):
        try:
            parse(source, module=kind == "module", filename=case)
        except JSSyntaxError:
            return
        pytest.fail(f"invalid {kind} accepted: {source[:200]!r}", pytrace=False)
    try:
        program = parse(source, module=kind == "module", filename=case)
    except JSSyntaxError as e:
        error = e
    else:
        error = None
    if error is not None:
        pytest.fail(f"valid {kind} rejected: {error.message}\n{snippet(source, error.pos)}",
                    pytrace=False)
    answer = answer_for(path, kind)
    assert answer["ok"], f"acorn rejects {case}; see LANGUAGE_CHANGES"
    problem = describe_difference(to_json(program), answer["ast"], source)
    if problem:
        pytest.fail(f"AST differs from acorn's ({kind}): {problem}", pytrace=False)
