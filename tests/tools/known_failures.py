"""Checked-in lists of known parser bugs, applied as strict xfail.

A list file holds one test id per line, then ``# reason``; blank lines and lines that
start with ``#`` are ignored. Strict means a listed test that passes fails the run, so
the list can only shrink; an id that names no test is an error too.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest


def load(path: Path) -> dict[str, str]:
    """``{test id: reason}`` from a known-failures file (missing file = empty list)."""
    known: dict[str, str] = {}
    if not path.is_file():
        return known
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        test_id, _, reason = line.partition("#")
        test_id, reason = test_id.strip(), reason.strip()
        if not reason:
            raise ValueError(f"{path}:{number}: give a reason after '#' for {test_id}")
        known[test_id] = reason
    return known


def params(items: Iterable[tuple[str, Any]], known_file: Path) -> list[Any]:
    """``pytest.param(value, id=...)`` per item, strict-xfail for the listed ids."""
    known = load(known_file)
    out, seen = [], set()
    for test_id, value in items:
        seen.add(test_id)
        marks = ()
        if test_id in known:
            marks = (pytest.mark.xfail(strict=True, reason=known[test_id]),)
        out.append(pytest.param(value, id=test_id, marks=marks))
    stale = sorted(set(known) - seen)
    if stale:
        raise ValueError(f"{known_file.name} lists ids that name no test: {stale[:10]}")
    return out
