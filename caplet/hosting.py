"""The desktop host of `caplet run`: a machine under limits, its reports, its exit status.

Imports only the standard library at load time (start-up matters); the VM is imported
when a machine is made.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable

DEFAULT_TURN_BUDGET = 50_000_000  # steps per turn of an image's main Global (fail-stop)


def make_machine(*, cost=None, quota: int | None = None, instructions: int | None = None,
                 report: bool = False):
    """A Machine printing to stdout; termination reports go to stderr as they happen."""
    from vm import Machine
    from vm.heap import Cost

    machine = Machine(output=lambda line: print(line, flush=False))
    limits = machine.limits
    limits.on_terminate = lambda message: _say(f"caplet: {message}")
    if cost is not None:
        limits.configure(cost=Cost.of(cost))
    if report:
        limits.configure(track=True)
    if quota is not None or instructions is not None:
        limits.adopt(machine.main, "Global", quota, instructions)
    return machine


def _say(line: str) -> None:
    sys.stdout.flush()
    print(line, file=sys.stderr, flush=True)


def run_guarded(machine, action: Callable[[], object], memory_report: str | None) -> int:
    """Run ``action`` (a script, module or image entry and its jobs): 0 when it ends,
    1 for an uncaught exception or a terminated main Global; then the memory report."""
    from vm import UncaughtError
    from vm.interpreter import StepLimit

    if not gc.isenabled():  # off while the VM started (cli.cmd_run): what start-up made
        gc.freeze()  # lives as long as the program, so no collection scans it again
        gc.enable()
    status = 0
    try:
        action()
    except UncaughtError as err:
        _say(str(err))
        status = 1
    except StepLimit as stop:
        if machine.main.heap is None or machine.main.heap.terminated is None:
            _say(f"caplet: stopped: {stop}")
        status = 1
    if memory_report:
        write_report(machine, memory_report)
    return status


def write_report(machine, path: str) -> None:
    """The memory report as JSON: to ``path``, or to stderr for ``-``."""
    import json

    text = json.dumps(machine.limits.report(), indent=2)
    if path == "-":
        _say(text)
        return
    try:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    except OSError as e:
        _say(f"caplet: cannot write {path}: {e.strerror}")
