"""Shared test fixtures: the pinned npm packages (installed on demand) and acorn.

The helpers live in ``tests/tools`` (``npm_cache``, ``acorn_oracle``, ``known_failures``);
that folder is put on ``sys.path`` here so test modules import them by name.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "tools"))

from acorn_oracle import Acorn  # noqa: E402
from npm_cache import ensure_node_modules  # noqa: E402

PARSER_TESTS = Path(__file__).parent / "parser"
PARSER_TEST_SECONDS = 300  # one parser test (a corpus file, a hypothesis run) never needs more


@pytest.fixture(scope="session")
def node_modules() -> Path:
    """``.cache/npm/node_modules`` with every package of ``tests/npm/package.json``.

    Installs them with ``npm ci`` if missing or stale; fails (never skips) without
    Node.js/npm.
    """
    return ensure_node_modules()


@pytest.fixture(scope="session")
def acorn(node_modules: Path) -> Iterator[Acorn]:
    """One acorn process for the whole session (``acorn.parse(source, source_type)``)."""
    with Acorn() as oracle:
        yield oracle


@pytest.fixture(autouse=True)
def parser_time_limit(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a parser test that runs away (a parser loop) instead of stalling the whole run."""
    if PARSER_TESTS not in request.node.path.parents or not hasattr(signal, "SIGALRM"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"parser test exceeded {PARSER_TEST_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(PARSER_TEST_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
