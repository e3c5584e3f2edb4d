"""Built-in objects, grouped like the chapters of ECMA-262."""

from __future__ import annotations


def setup_intrinsics(realm) -> None:
    """Create every intrinsic of ``realm`` (constructors, prototypes, ...)."""


def install_globals(global_env) -> None:
    """Give a Global its global object's properties (the intrinsics and console)."""
