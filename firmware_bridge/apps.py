"""Apps running side by side on the device: one VM Machine each, device-owned timers,
an instruction budget per activation, and fail-stop isolation.

Every activation (the top level, a timer callback, an EVAL line) gets the app's step
budget; running out, or an uncaught exception, stops that app alone and reports it.
Timers are the agent's (never a sleep inside the VM), so one app waiting does not hold
up the others or the serial line. Until Compartments exist each app has a Machine of
its own; the VM's native call hooks are pointed at the app's interpreter on entry.
"""

from __future__ import annotations

import heapq
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from .messages import LOG_ERROR, LOG_OUT, LOG_SYSTEM

RUNNING, STOPPED, FAILED = "running", "stopped", "failed"


@dataclass
class App:
    name: str
    program: object
    machine: object = None
    state: str = STOPPED
    reason: str = ""
    timer_ids: set = field(default_factory=set)


class AppRuntime:
    """Starts, stops and schedules apps; `log(app, level, text)` receives their output."""

    def __init__(self, log: Callable[[str, int, str], None], step_budget: int):
        self.log = log
        self.step_budget = step_budget
        self.apps: dict[str, App] = {}
        self.timers: list = []  # heap of (due, id, app name, callback, args, interval)
        self.timer_seq = 0

    # -- lifecycle --------------------------------------------------------------------

    def start(self, name: str, program) -> bool:
        """(Re)start an app from its program; False if its top level failed."""
        self.stop(name, quiet=True)
        from vm.machine import Machine

        app = App(name, program)
        app.machine = Machine(output=lambda line: self.log(name, LOG_OUT, line),
                              step_budget=self.step_budget)
        self._install_timers(app)
        app.state = RUNNING
        self.apps[name] = app
        self._activate(app, lambda: program.start(app.machine, app.machine.main))
        return app.state == RUNNING

    def stop(self, name: str, quiet: bool = False, reason: str = "") -> bool:
        app = self.apps.get(name)
        if app is None or app.state != RUNNING:
            return False
        app.state = FAILED if reason else STOPPED
        app.reason = reason
        self.timers = [t for t in self.timers if t[2] != name]
        heapq.heapify(self.timers)
        if not quiet:
            self.log(name, LOG_SYSTEM, f"{name} stopped" + (f": {reason}" if reason else ""))
        return True

    def forget(self, name: str) -> None:
        self.stop(name, quiet=True)
        self.apps.pop(name, None)

    def stop_all(self) -> None:
        for name in list(self.apps):
            self.stop(name, quiet=True)

    def state(self, name: str) -> str:
        app = self.apps.get(name)
        return app.state if app else STOPPED

    # -- running code -----------------------------------------------------------------

    def _enter(self, app: App) -> None:
        from vm import objects

        m = app.machine
        objects.call_function = m.interpreter.call
        objects.construct_function = m.interpreter.construct
        m.interpreter.steps = self.step_budget

    def _activate(self, app: App, thunk) -> tuple[bool, object]:
        """Run one activation of an app; a failure stops the app (fail-stop)."""
        self._enter(app)
        try:
            result = app.machine._guard(thunk, app.machine.main)
            app.machine.run_microtasks()
            return True, result
        except Exception as e:  # noqa: BLE001 - sorted out by _reason
            why = self._reason(e)
        self.log(app.name, LOG_ERROR, why)
        self.stop(app.name, reason=why)
        return False, why

    def _reason(self, e: Exception) -> str:
        """What to report for an exception that ended an activation."""
        from compiler import JSSyntaxError
        from vm.errors import UncaughtError
        from vm.interpreter import StepLimit

        if isinstance(e, UncaughtError):
            return str(e)
        if isinstance(e, StepLimit):
            return f"instruction budget of {self.step_budget} steps exhausted"
        if isinstance(e, JSSyntaxError):
            return f"SyntaxError: {e.message}"
        if isinstance(e, RecursionError):
            return "Uncaught RangeError: Maximum call stack size exceeded"
        return f"internal error ({type(e).__name__}: {e})"  # a VM bug: stop the app only

    def eval(self, name: str, source: str) -> tuple[bool, str]:
        """Run a REPL line in a running app's Global; (ok, printed result or error).

        A syntax error or an exception the line throws is the line's result; running
        out of budget stops the app like any other activation."""
        from compiler import JSSyntaxError
        from vm.errors import UncaughtError
        from vm.inspect import inspect

        app = self.apps[name]
        m = app.machine
        self._enter(app)
        try:
            value = m.run_script(source, filename="<eval>", g=m.main)
            return True, inspect(value, m.realm)
        except JSSyntaxError as e:
            return False, f"SyntaxError: {e.message}"
        except UncaughtError as e:
            return False, str(e)
        except Exception as e:  # noqa: BLE001
            why = self._reason(e)
        self.log(app.name, LOG_ERROR, why)
        self.stop(app.name, reason=why)
        return False, why

    # -- timers -------------------------------------------------------------------------

    def _install_timers(self, app: App) -> None:
        from vm.convert import to_number
        from vm.objects import JSError, JSObject
        from vm.values import UNDEFINED

        g = app.machine.main
        realm = app.machine.realm

        def set_timer(args, repeat):
            callback = args[0] if args else UNDEFINED
            if not isinstance(callback, JSObject):
                raise JSError("TypeError", "The \"callback\" argument must be a function")
            delay = to_number(args[1]) if len(args) > 1 else 0.0
            delay = 1.0 if not delay >= 1 or delay > 2**31 - 1 else delay
            self.timer_seq += 1
            tid = self.timer_seq
            heapq.heappush(self.timers, (time.monotonic() + delay / 1000, tid, app.name,
                                         callback, list(args[2:]),
                                         delay / 1000 if repeat else None))
            return float(tid)

        def clear_timer(this, args):
            if args and type(args[0]) is float:
                self.timers = [t for t in self.timers
                               if not (t[1] == args[0] and t[2] == app.name)]
                heapq.heapify(self.timers)
            return UNDEFINED

        obj = g.global_object
        realm.method(obj, "setTimeout", lambda this, args: set_timer(args, False), 2)
        realm.method(obj, "setInterval", lambda this, args: set_timer(args, True), 2)
        realm.method(obj, "clearTimeout", clear_timer, 1)
        realm.method(obj, "clearInterval", clear_timer, 1)

    def next_due(self) -> float | None:
        return self.timers[0][0] if self.timers else None

    def run_due(self) -> None:
        """Run every timer callback whose time has come."""
        from vm.values import UNDEFINED

        now = time.monotonic()
        while self.timers and self.timers[0][0] <= now:
            due, tid, name, callback, args, interval = heapq.heappop(self.timers)
            app = self.apps.get(name)
            if app is None or app.state != RUNNING:
                continue
            if interval is not None:
                heapq.heappush(self.timers, (max(due + interval, now), tid, name, callback,
                                             args, interval))
            self._activate(app, lambda a=app, cb=callback, xs=args:
                           a.machine.interpreter.call(cb, UNDEFINED, xs))

