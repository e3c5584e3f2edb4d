"""caplet's reference VM: values, objects, interpreter, intrinsics, Globals.

The public entry point is :class:`Machine`; the rest is imported lazily so that
`import vm` stays cheap for commands that only parse or compile.
"""

from __future__ import annotations


def __getattr__(name: str):
    if name == "Machine":
        from .machine import Machine

        return Machine
    if name == "UncaughtError":
        from .errors import UncaughtError

        return UncaughtError
    raise AttributeError(name)


__all__ = ["Machine", "UncaughtError"]
