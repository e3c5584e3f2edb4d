"""The JavaScript call stack as an error's `stack` shows it.

The interpreter keeps no stack of its own: every JavaScript activation is a running
Python frame (an interpreter frame or a translated function), so building a stack
trace walks the Python frames and reads each activation's function and position. That
costs nothing until an error is made.
"""

from __future__ import annotations

import bisect
import sys

STACK_LIMIT = 10  # frames kept, as V8's default Error.stackTraceLimit


def _line_of(code, pc: int) -> int | None:
    lines = code.lines
    if not lines or pc < 0:
        return None
    i = bisect.bisect_right(lines, (pc, float("inf"))) - 1
    return lines[i][1] if i >= 0 else None


def stack_frames(machine, interpreter_code) -> list[str]:
    """``at name (<anonymous>:line)`` for each JavaScript activation, innermost first.

    A guest must not read the host's frames: while code of another Global (a
    Compartment) is on the stack, only such frames are listed; after lockdown (with
    the default errorTaming "safe", as `ses` tames stacks) none are.
    """
    hardened = getattr(machine, "hardened", None)
    if hardened is not None and hardened.done and \
            (hardened.options or {}).get("errorTaming") not in ("unsafe", "unsafe-debug"):
        return []
    found: list[tuple[object, str]] = []
    frame = sys._getframe(1)
    while frame is not None and len(found) < 64:
        code_obj = frame.f_code
        if code_obj is interpreter_code or code_obj.co_filename.startswith("<tier "):
            f_locals = frame.f_locals
            fn = f_locals.get("fn")
            code = getattr(fn, "code", None)
            if code is not None:
                name = code.name if code.name and not code.name.startswith("<") else ""
                pc = f_locals.get("pc")
                line = _line_of(code, pc - 1) if isinstance(pc, int) else None
                where = f"<anonymous>:{line}" if line is not None else "<anonymous>"
                found.append((fn.global_env, f"{name} ({where})" if name else where))
        frame = frame.f_back
    main = getattr(machine, "main", None)
    if any(g is not main for g, _ in found):
        found = [(g, text) for g, text in found if g is not main]
    return [text for _, text in found[:STACK_LIMIT]]
