"""Fixtures for the VM's runtime-library tests: a realm, a Global, and native calls.

The built-ins call JavaScript functions through ``vm.objects.call_function`` and
``construct_function``, which the interpreter provides. These tests call natives
directly, so the fixture routes native functions straight to their Python code and
leaves anything else to whatever the interpreter installed.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from vm import objects
from vm.objects import JSNative
from vm.realm import Global, Realm


@pytest.fixture
def native_calls(monkeypatch: pytest.MonkeyPatch) -> None:
    original_call = objects.call_function
    original_construct = getattr(objects, "construct_function", None)

    def call_function(fn, this, args):
        if isinstance(fn, JSNative):
            return fn.fn(this, list(args))
        return original_call(fn, this, args)

    def construct_function(fn, args, new_target=None):
        if isinstance(fn, JSNative) and fn.construct is not None:
            return fn.construct(list(args), fn if new_target is None else new_target)
        if original_construct is None:
            raise objects.JSError("TypeError", "not a constructor")
        return original_construct(fn, args, new_target)

    monkeypatch.setattr(objects, "call_function", call_function)
    monkeypatch.setattr(objects, "construct_function", construct_function, raising=False)


@pytest.fixture
def realm(native_calls: None) -> Realm:
    return Realm()


@pytest.fixture
def global_env(realm: Realm) -> Iterator[Global]:
    g = Global(realm)
    lines: list[str] = []
    g.output = lines.append
    g.lines = lines  # type: ignore[attr-defined]
    yield g
