"""The machine: one realm of intrinsics, its Globals, the job queue, and the limits."""

from __future__ import annotations

import heapq
import os
import sys
import time
from collections import deque
from collections.abc import Callable

from compiler.errors import JSSyntaxError

from . import objects
from .errors import UncaughtError
from .interpreter import Interpreter
from .limits import Limits, OwnedJob
from .objects import CONFIGURABLE, WRITABLE, JSError, JSFunction, JSObject, JSThrow
from .realm import Global, Realm
from .values import UNDEFINED


class Machine:
    """Runs JavaScript: ``Machine(output=print).run_script(text, filename)``."""

    def __init__(self, output: Callable[[str], None] | None = None,
                 step_budget: int = 1 << 62, limit_hook: Callable[[], bool] | None = None,
                 tier: bool | str | None = None):
        self.realm = Realm()
        if tier is None:  # CAPLET_TIER=0 runs everything on the reference interpreter
            setting = os.environ.get("CAPLET_TIER", "1")
            tier = "eager" if setting == "eager" else setting != "0"
        self.interpreter = Interpreter(self, tier)
        self.max_depth = 400
        self.jobs: deque = deque()
        self.step_budget = step_budget
        self.limit_hook = limit_hook
        self.interpreter.steps = step_budget
        frame_code = self.interpreter.frame.__code__
        self.realm.stack_frames = lambda: _stack_frames(self, frame_code)
        objects.call_function = self.interpreter.call
        objects.construct_function = self.interpreter.construct
        from . import generator
        from .promise import Promises

        generator.setup(self)
        self.promises = Promises(self)
        self.promises.setup()
        from . import async_generator

        async_generator.setup(self)
        self.eval_cache: dict = {}  # (eval site, source) -> compiled eval code
        self.timers: list = []  # heap of (due, sequence, callback, args, interval)
        self.timer_seq = 0
        self.unhandled: list = []  # rejected promises nobody handled yet
        from .modules import Modules

        intr = self.realm.intrinsics  # made on first use (vm/lazy.py):
        intr.defer(("%AbstractModuleSource%", "%AbstractModuleSource.prototype%",
                    "%ModuleSource%", "%ModuleSource.prototype%"), self._setup_module_source)
        intr.defer(("%lockdown%",), lambda: self.hardened)  # and `hardened` (__getattr__)
        self.modules = Modules(self)
        from .compartment import Compartments

        self.compartments = Compartments(self)  # %CompartmentPrototype% and evaluate
        self.limits = Limits(self)  # heaps, quotas, budgets per turn (vm/limits.py)
        self.main = Global(self.realm)
        self.install_host(self.main)
        if output is not None:
            self.main.output = output
        self.globals = [self.main]
        if sys.getrecursionlimit() < 20000:
            sys.setrecursionlimit(20000)

    def __getattr__(self, name: str):
        """``hardened``, the lockdown state with `lockdown` and `harden` (vm/lockdown.py),
        is made on first use: most programs never lock down."""
        if name != "hardened":
            raise AttributeError(name)
        from .lockdown import Lockdown

        self.realm.intrinsics.deferred.pop("%lockdown%", None)  # Lockdown defines it
        self.hardened = Lockdown(self)
        return self.hardened

    def _setup_module_source(self) -> None:
        from .builtins import module_source

        module_source.setup(self.realm)

    def make_generator(self, fn, frame):
        """The generator object a call of a generator function returns."""
        from .generator import JSGenerator

        proto = fn.get("prototype")
        if not isinstance(proto, JSObject):
            proto = self.realm.intrinsics["%GeneratorPrototype%"]
        return JSGenerator(proto, frame)

    # -- limits --------------------------------------------------------------------

    def out_of_steps(self) -> None:
        """The instruction budget ran out: ask the host, or stop (fail-stop)."""
        if self.limits.meter.active:
            self.limits.meter.expired()  # shared with turns and heap checks
            return
        if self.limit_hook is not None and self.limit_hook():
            self.interpreter.steps = self.step_budget
            return
        self.compartments.out_of_steps()  # stops the running compartment, else the host

    # -- errors --------------------------------------------------------------------

    def error_object(self, err: JSError, g: Global | None = None) -> JSObject:
        g = g or self.main
        ctor = g.global_object.get(err.kind)
        if isinstance(ctor, JSObject):
            try:
                return self.interpreter.construct(ctor, [err.message])
            except (JSError, JSThrow):
                pass
        obj = JSObject(self.realm.object_prototype, "Error")
        obj.define("name", err.kind)
        obj.define("message", err.message)
        return obj

    def describe(self, value) -> str:
        """`Name: message` for an error object, else the value as console.log shows it."""
        if isinstance(value, JSObject):
            try:
                name = value.get("name")
                message = value.get("message")
                if isinstance(name, str) and isinstance(message, str):
                    return f"{name}: {message}" if message else name
            except (JSError, JSThrow):
                pass
        try:
            from .inspect import inspect

            return inspect(value, self.realm)
        except Exception:  # noqa: BLE001 - a report must never fail
            return repr(value)

    # -- running -------------------------------------------------------------------

    def run_script(self, text: str, filename: str | None = None, g: Global | None = None):
        """Compile and run a script in a Global, then its jobs; returns its completion."""
        g = g or self.main
        from compiler import parse
        from compiler.codegen import compile_script

        program = parse(text, module=False, filename=filename)
        try:
            code = compile_script(program, text, filename)
        except JSSyntaxError as err:
            raise err.locate(text, filename) from None
        return self.run_code(code, g, filename)

    def run_code(self, code, g: Global | None = None, filename: str | None = None):
        """Run compiled top-level code (a script, or an image's entry), then its jobs;
        ``filename`` is where `import()` in it resolves relative specifiers."""
        g = g or self.main
        fn = JSFunction(self.realm.function_prototype, code, [], g)
        from .modules import ScriptRecord

        fn.referrer = ScriptRecord(filename and os.path.abspath(filename), g.module_host, g)
        result = self._guard(lambda: self.interpreter.run(fn, g.global_object, [], UNDEFINED), g)
        self.run_jobs()
        return result

    def run_module(self, text: str, filename: str, g: Global | None = None) -> None:
        """Load, link and evaluate a module and its imports (found relative to
        ``filename``), then run the jobs; errors are reported like run_script's."""
        g = g or self.main
        try:
            module = g.module_host.entry_module(text, filename)
        except JSSyntaxError as err:
            raise err if err.line else err.locate(text, filename) from None
        promise = self._guard(lambda: self.modules.run_entry(module), g)

        def uncaught(reason):
            raise UncaughtError(reason, "Uncaught " + self.describe(reason))

        self.promises.perform_then(promise, None, uncaught, None)
        self.run_jobs()
        if promise.state == "pending":
            raise UncaughtError(None, "Warning: Detected unsettled top-level await in "
                                      f"{module.filename}")

    def _guard(self, thunk, g: Global, turn: bool = True):
        try:
            if turn and g.heap is not None:
                return self.limits.run_turn(g, thunk)
            return thunk()
        except JSThrow as e:
            raise UncaughtError(e.value, "Uncaught " + self.describe(e.value)) from None
        except JSError as e:
            value = self.error_object(e, g)
            raise UncaughtError(value, "Uncaught " + self.describe(value)) from None
        except RecursionError:
            raise UncaughtError(None, "Uncaught RangeError: Maximum call stack size exceeded") \
                from None

    def enqueue_job(self, job: Callable[[], object]) -> None:
        owner = self.limits.job_owner()
        if owner is not None:  # queued in a compartment's or a new Global's turn: its turn
            job = OwnedJob(owner, job)
        self.jobs.append(job)

    def track_rejection(self, promise) -> None:
        self.unhandled.append(promise)

    def untrack_rejection(self, promise) -> None:
        if promise in self.unhandled:
            self.unhandled.remove(promise)

    def run_microtasks(self) -> None:
        while self.jobs:
            job = self.jobs.popleft()
            if type(job) is OwnedJob:
                if job.owner.compartment is None:
                    from .new_global import run_job

                    run_job(self, job)
                else:
                    self.compartments.run_job(job)
                continue
            self._guard(job, self.main)
        if self.unhandled:
            promise = self.unhandled.pop(0)
            self.unhandled.clear()
            raise UncaughtError(promise.result,
                                "Uncaught (in promise) " + self.describe(promise.result))

    def run_jobs(self) -> None:
        """Run promise jobs, then timers in due order, until nothing is left."""
        self.run_microtasks()
        while self.timers:
            due, seq, callback, args, interval = heapq.heappop(self.timers)
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            if interval is not None:
                self.timer_seq += 1
                heapq.heappush(self.timers, (max(due + interval, time.monotonic()), seq,
                                             callback, args, interval))
            self._guard(lambda cb=callback, a=args: self.interpreter.call(cb, UNDEFINED, a),
                        self.main)
            self.run_microtasks()

    # -- the host's globals --------------------------------------------------------

    def install_host(self, g: Global) -> None:
        """What the desktop host gives a Global beyond the language: Promise, timers."""
        realm = self.realm
        obj = g.global_object
        obj.define("Promise", realm.intrinsics["%Promise%"])
        from . import evaluators

        evaluators.install(self, g)
        from .module_host import FileModuleHost

        g.module_host = FileModuleHost(self, g)  # HostLoadImportedModule for this Global
        intr = realm.intrinsics
        # the rarely used ones are bound now and made on first use (vm/lazy.py)
        lazy = getattr(obj, "define_lazy", None) or (lambda key, make, flags: obj.define(
            key, make(), flags))
        lazy("lockdown", lambda: intr["%lockdown%"], WRITABLE | CONFIGURABLE)
        lazy("ModuleSource", lambda: intr["%ModuleSource%"], WRITABLE | CONFIGURABLE)  # as ses
        # `Global` and first-class `import` (vm/new_global.py), `Compartment`
        lazy("Global", lambda: _new_global_part(self, g, "Global"), WRITABLE | CONFIGURABLE)
        lazy("import", lambda: _new_global_part(self, g, "import"), WRITABLE | CONFIGURABLE)
        lazy("Compartment", lambda: _noted(g, self.compartments.install(g)),
             WRITABLE | CONFIGURABLE)

        def set_timer(args, repeat):
            callback = args[0] if args else UNDEFINED
            if not isinstance(callback, JSObject):
                raise JSError("TypeError", "The \"callback\" argument must be of type function")
            ms = args[1] if len(args) > 1 else UNDEFINED
            from .convert import to_number

            delay = to_number(ms) if ms is not UNDEFINED else 0.0
            delay = 1.0 if not delay >= 1 or delay > 2**31 - 1 else delay
            self.timer_seq += 1
            seq = self.timer_seq
            heapq.heappush(self.timers, (time.monotonic() + delay / 1000, seq, callback,
                                         list(args[2:]), delay / 1000 if repeat else None))
            return float(seq)

        def clear_timer(this, args):
            if args and type(args[0]) is float:
                self.timers = [t for t in self.timers if t[1] != args[0]]
                heapq.heapify(self.timers)
            return UNDEFINED

        realm.method(obj, "setTimeout", lambda this, args: set_timer(args, False), 2)
        realm.method(obj, "setInterval", lambda this, args: set_timer(args, True), 2)
        realm.method(obj, "clearTimeout", clear_timer, 1)
        realm.method(obj, "clearInterval", clear_timer, 1)
        realm.method(obj, "queueMicrotask", lambda this, args: self.enqueue_job(
            lambda: self.interpreter.call(args[0], UNDEFINED, [])) or UNDEFINED, 1)
        g.note_host_objects()  # console, timers, Global, Compartment: charged to g


def _stack_frames(machine, frame_code):
    from .stack import stack_frames

    return stack_frames(machine, frame_code)


def _noted(g: Global, made: JSObject) -> JSObject:
    """``made``, a host object of ``g`` made after ``install_host`` (charged to it)."""
    g.note_host_objects(made)
    return made


def _new_global_part(machine, g: Global, key: str) -> JSObject:
    """`Global` or `import` of ``g`` (vm/new_global.py)."""
    from . import new_global

    maker = new_global.make_global_constructor if key == "Global" else new_global.make_import
    return _noted(g, maker(machine, g))


__all__ = ["Machine", "UncaughtError", "JSSyntaxError"]
