"""Apps side by side on the device: one VM Machine (one realm, locked down once), each
app in its own Compartment, device-owned timers and I/O events, an instruction budget
per activation, and fail-stop isolation.

Every app is a compartment Global of the one Machine: its own global object holding the
shared, frozen intrinsics (`ses` layout, vm/compartment.py), a `console` whose lines
become LOG messages with its name, and the device capabilities its manifest requests
and the policy grants (firmware_bridge/device_io.py). Lockdown runs once, when the
first app starts, so no app can change what another sees through the intrinsics.

Limits are the VM's own (vm/limits.py), set in one place, `_apply_limits`: the app's
Global gets the manifest's heap quota (else the board's heap budget), measured with the
board's cost model, and its instruction budget per turn (the manifest's `step_budget`,
else the device's). Every activation -- the top level, a timer or I/O callback, an EVAL
line, and each promise job the app queued -- is a turn of the app's compartment
(`Compartments.run_turn`), so the machine's meter counts it and its heap checks measure
it. Exceeding either limit terminates the Global fail-stop (no JS `catch` or `finally`
of the app runs); that, an uncaught exception or a stack overflow stops the app alone
(its Global halted, its jobs dropped, its timers and pins released) and reports it; the
others go on. The budget covers compartments an app makes itself: the meter charges
every running turn.
"""

from __future__ import annotations

import heapq
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from .messages import LOG_ERROR, LOG_OUT, LOG_SYSTEM
from .peripherals import Hardware
from .policy import CAPABILITIES, Policy

RUNNING, STOPPED, FAILED = "running", "stopped", "failed"


@dataclass
class App:
    name: str
    program: object
    global_env: object = None
    state: str = STOPPED
    reason: str = ""
    budget: int = 0
    heap_quota: int = 0
    capabilities: list = field(default_factory=list)
    io: list = field(default_factory=list)  # device_io.IOState of the app's open I/O


class AppRuntime:
    """Starts, stops and schedules apps; `log(app, level, text)` receives their output."""

    def __init__(self, log: Callable[[str, int, str], None], spec,
                 policy: Policy | None = None, hardware: Hardware | None = None):
        self.log = log
        self.spec = spec
        self.step_budget = spec.step_budget
        self.policy = policy or Policy.default(spec)
        self.hardware = hardware or Hardware(spec)
        self.apps: dict[str, App] = {}
        self.timers: list = []  # heap of (due, id, app name, thunk, interval or None)
        self.timer_seq = 0
        self.machine = None
        self.current: App | None = None

    def _machine(self):
        """The one Machine, made and locked down when the first app starts."""
        if self.machine is None:
            from vm.machine import Machine

            self.machine = Machine(output=lambda line: self.log("", LOG_SYSTEM, line))
            profile = getattr(self.spec, "profile", None)
            if profile is not None:
                from vm.heap import Cost

                self.machine.limits.configure(cost=Cost.of(profile.cost))
            self.machine.hardened.lockdown()
        return self.machine

    # -- lifecycle --------------------------------------------------------------------

    def start(self, name: str, program) -> bool:
        """(Re)start an app from its program; False if its top level failed."""
        self.stop(name, quiet=True)
        from vm.builtins import console
        from vm.compartment import CompartmentFields

        from . import device_io

        machine = self._machine()
        manifest = program.manifest
        app = App(name, program, budget=manifest.step_budget or self.step_budget,
                  heap_quota=manifest.heap_quota or self.spec.heap_budget)
        g = machine.compartments.make_global(name)
        g.compartment = CompartmentFields(name, g, machine.main)
        # a compartment's module host: `import()` in an app has no resolveHook, so it
        # throws a TypeError (an app reaches no files and no other app's modules)
        machine.compartments.modules.setup(g.compartment)
        g.output = lambda line: self.log(name, LOG_OUT, line)
        g.error_output = lambda line: self.log(name, LOG_ERROR, line)
        console.install(g)
        app.global_env = g
        grants = self.policy.grants_for(name)
        given = {}
        for cap in manifest.capabilities:
            if cap not in CAPABILITIES:
                self.log(name, LOG_SYSTEM, f"{name}: unknown capability {cap!r} ignored")
            elif cap not in grants:
                self.log(name, LOG_SYSTEM, f"{name}: capability {cap} is not granted by the "
                         "device policy")
            else:
                given[cap] = grants[cap]
        app.capabilities = device_io.install(self, app, given)
        self._apply_limits(app)
        app.state = RUNNING
        self.apps[name] = app
        self._activate(app, lambda: self._run_program(app))
        return app.state == RUNNING

    def _apply_limits(self, app: App) -> None:
        """The app's heap quota and instruction budget as the VM's limits of its Global
        (what `resourceLimits: { heapBytes, instructions }` gives a Compartment)."""
        self.machine.limits.adopt(app.global_env, "Compartment", app.heap_quota or None,
                                  app.budget)

    def _run_code(self, app: App, code):
        from vm.objects import JSFunction
        from vm.values import UNDEFINED

        machine = self.machine
        fn = JSFunction(machine.realm.function_prototype, code, [], app.global_env)
        return machine.interpreter.run(fn, app.global_env.global_object, [], UNDEFINED)

    def _run_program(self, app: App):
        """Start an image: a script's top level, or a module image's preloaded graph
        booted into the app's Global (its ROM objects made, no module code run) and its
        entry's default export called, as `caplet run` starts one."""
        image = app.program.image
        if image.rom is None:
            return self._run_code(app, image.entry)
        from vm.objects import JSFunction
        from vm.preload import boot
        from vm.values import UNDEFINED

        host = app.global_env.module_host
        host.module_map = {}  # where boot registers the image's records (heap roots too)
        records = boot(self.machine, image.rom, app.global_env)
        main = records[0].env.get("default") if records else None
        if main is not None and isinstance(main.value, JSFunction):
            return self.machine.interpreter.call(main.value, UNDEFINED, [])
        return UNDEFINED

    def stop(self, name: str, quiet: bool = False, reason: str = "") -> bool:
        app = self.apps.get(name)
        if app is None or app.state != RUNNING:
            return False
        app.state = FAILED if reason else STOPPED
        app.reason = reason
        if self.machine is not None and app.global_env.halted is not True:
            # its functions refuse to run and its queued jobs go (a RUN makes a new Global)
            self.machine.limits.terminate(app.global_env, reason or "stopped", unwind=False)
        self.timers = [t for t in self.timers if t[2] != name]
        heapq.heapify(self.timers)
        for state in app.io:
            state.closed = True
        self.hardware.release_app(name)
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

    def reason(self, name: str) -> str:
        app = self.apps.get(name)
        return app.reason if app else ""

    # -- running code -----------------------------------------------------------------

    def call(self, fn, this, args: list):
        """Call a JS function from a device event (inside an activation)."""
        return self.machine.interpreter.call(fn, this, args)

    def _turn(self, app: App, thunk):
        """``thunk`` as one turn of the app's compartment (metered, heap-checked), then
        the promise jobs queued meanwhile (each a turn of the app that queued it)."""
        machine = self.machine
        fields = app.global_env.compartment
        result = machine._guard(lambda: machine.compartments.run_turn(fields, thunk),
                                app.global_env, turn=False)
        machine.run_microtasks()
        return result

    def _activate(self, app: App, thunk) -> tuple[bool, object]:
        """Run one activation of an app; a failure stops the app (fail-stop)."""
        self.current = app
        try:
            return True, self._turn(app, thunk)
        except Exception as e:  # noqa: BLE001 - sorted out by _reason
            why = self._reason(app, e)
        finally:
            self.current = None
        self._fail(app, why)
        return False, why

    def _fail(self, app: App, why: str) -> None:
        machine = self.machine
        machine.jobs.clear()  # the queue was empty when the activation began: all its own
        machine.unhandled.clear()
        self.log(app.name, LOG_ERROR, why)
        self.stop(app.name, reason=why)

    def _reason(self, app: App, e: Exception) -> str:
        """What to report for an exception that ended an activation."""
        from compiler import JSSyntaxError
        from vm.errors import UncaughtError
        from vm.interpreter import StepLimit

        heap = app.global_env.heap
        if app.global_env.halted is True and heap is not None and heap.terminated:
            return heap.terminated  # a limit of the VM stopped it: say which
        if isinstance(e, UncaughtError | StepLimit):
            return str(e)
        if isinstance(e, JSSyntaxError):
            return f"SyntaxError: {e.message}"
        if isinstance(e, RecursionError):
            return "Uncaught RangeError: Maximum call stack size exceeded"
        if isinstance(e, MemoryError):
            return "out of memory"
        return f"internal error ({type(e).__name__}: {e})"  # a VM bug: stop the app only

    def eval(self, name: str, source: str) -> tuple[bool, str]:
        """Run a REPL line as a script in a running app's Global; (ok, printed result or
        error). A syntax error or an exception the line throws is the line's result;
        exceeding a limit stops the app like any other activation."""
        from compiler import JSSyntaxError, parse
        from compiler.codegen import compile_script
        from vm.errors import UncaughtError
        from vm.inspect import inspect

        app = self.apps[name]
        machine = self.machine
        try:
            code = compile_script(parse(source, module=False, filename="<eval>"), source,
                                  "<eval>")
        except JSSyntaxError as e:
            return False, f"SyntaxError: {e.message}"
        self.current = app
        try:
            value = self._turn(app, lambda: self._run_code(app, code))
            return True, inspect(value, machine.realm)
        except UncaughtError as e:
            if app.global_env.halted is not True:  # the line threw: that is its result
                machine.jobs.clear()
                machine.unhandled.clear()
                return False, str(e)
            why = self._reason(app, e)
        except Exception as e:  # noqa: BLE001
            why = self._reason(app, e)
        finally:
            self.current = None
        self._fail(app, why)
        return False, why

    # -- the event queue: timers and I/O ------------------------------------------------

    def schedule(self, app: App, delay: float, thunk, interval: float | None = None) -> int:
        """Run ``thunk`` as an activation of ``app`` after ``delay`` seconds (then every
        ``interval``); returns the entry's id."""
        self.timer_seq += 1
        heapq.heappush(self.timers, (time.monotonic() + delay, self.timer_seq, app.name,
                                     thunk, interval))
        return self.timer_seq

    def cancel(self, app: App, ident: int) -> None:
        self.timers = [t for t in self.timers if not (t[1] == ident and t[2] == app.name)]
        heapq.heapify(self.timers)

    def next_due(self) -> float | None:
        return self.timers[0][0] if self.timers else None

    def run_due(self) -> None:
        """Run every timer and I/O event whose time has come."""
        now = time.monotonic()
        while self.timers and self.timers[0][0] <= now:
            due, ident, name, thunk, interval = heapq.heappop(self.timers)
            app = self.apps.get(name)
            if app is None or app.state != RUNNING:
                continue
            if interval is not None:
                heapq.heappush(self.timers, (max(due + interval, now), ident, name, thunk,
                                             interval))
            self._activate(app, thunk)
