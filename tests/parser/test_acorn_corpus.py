"""Differential test: on real-world code from popular npm packages, our AST is acorn's.

Every corpus file is parsed by acorn (``ecmaVersion: "latest"``; answers cached by
content hash) and by ``compiler.parse``; ``to_json`` of ours must equal acorn's JSON
exactly. A file is a module when it needs to be one: ``.mjs``, or acorn rejects it as a
script and accepts it as a module. Known bugs are listed, strict-xfail, in
``corpus_known_failures.txt``.
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

KNOWN_FAILURES = Path(__file__).with_name("corpus_known_failures.txt")

# package -> globs inside it (pinned in tests/npm/package.json). About 5.8 MB in all: ES5
# scripts (lodash, jquery, moment, esprima), CommonJS with private fields and async
# (undici), and ES2015-ES2022 modules (the rest).
CORPUS: dict[str, tuple[str, ...]] = {
    "@lit/reactive-element": ("development/**/*.js",),
    "acorn": ("dist/acorn.mjs",),
    "chalk": ("source/**/*.js",),
    "esprima": ("dist/esprima.js",),
    "immer": ("dist/immer.mjs",),
    "jquery": ("dist/jquery.js",),
    "lit-element": ("development/**/*.js",),
    "lit-html": ("development/**/*.js",),
    "lodash": ("lodash.js",),
    "moment": ("moment.js",),
    "preact": ("src/**/*.js", "hooks/src/**/*.js", "compat/src/**/*.js"),
    "rxjs": ("dist/esm/internal/**/*.js",),
    "svelte": ("src/compiler/phases/1-parse/**/*.js", "src/internal/client/**/*.js"),
    "three": ("build/three.module.js",),
    "undici": ("lib/**/*.js",),
    "vue": ("dist/vue.esm-browser.js",),
    "zod": ("v4/core/**/*.js", "v4/classic/**/*.js"),
}
# WebAssembly blobs in base64 strings: big, and nothing a parser would find interesting.
EXCLUDE = ("undici/lib/llhttp/", "undici/lib/milo/")


@cache
def corpus() -> dict[str, Path]:
    """``{"package/relative/path": absolute path}`` for every corpus file, sorted."""
    modules = ensure_node_modules()
    files: dict[str, Path] = {}
    for package, patterns in CORPUS.items():
        root = modules / package
        for pattern in patterns:
            for path in sorted(root.glob(pattern)):
                test_id = f"{package}/{path.relative_to(root).as_posix()}"
                if path.is_file() and not test_id.startswith(EXCLUDE):
                    files[test_id] = path
    return dict(sorted(files.items()))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "corpus_file" in metafunc.fixturenames:
        items = corpus().items()
        metafunc.parametrize("corpus_file", known_failures.params(items, KNOWN_FAILURES))


@pytest.fixture(scope="module", autouse=True)
def acorn_answers() -> None:
    """Run acorn once over the files whose answers are not cached yet."""
    prefetch(corpus().values())


def test_corpus_shape() -> None:
    """Every pinned package still contributes files, and the corpus keeps its size."""
    files = corpus()
    for package, patterns in CORPUS.items():
        assert any(i.startswith(package + "/") for i in files), f"{package}: no {patterns}"
    megabytes = sum(p.stat().st_size for p in files.values()) / 1e6
    assert len(CORPUS) >= 10 and 4 <= megabytes <= 8, f"{len(files)} files, {megabytes:.1f} MB"


def test_same_ast_as_acorn(corpus_file: Path) -> None:
    answer = answer_for(corpus_file)
    source = read_source(corpus_file)
    if not answer["ok"]:
        pytest.fail(f"acorn rejects this corpus file: {answer['message']}; pick another file")
    module = answer["sourceType"] == "module"
    try:
        program = parse(source, module=module, filename=str(corpus_file))
    except JSSyntaxError as e:
        error = e
    else:
        error = None
    if error is not None:
        pytest.fail(f"JSSyntaxError as {answer['sourceType']}: {error.message} at {error.line}:"
                    f"{error.column}\n{snippet(source, error.pos)}", pytrace=False)
    problem = describe_difference(to_json(program), answer["ast"], source)
    if problem:
        pytest.fail(f"AST differs from acorn's ({answer['sourceType']}): {problem}", pytrace=False)
