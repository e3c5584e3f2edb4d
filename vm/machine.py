"""The machine: one realm of intrinsics, its Globals, the job queue, and the limits."""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Callable

from compiler import JSSyntaxError, parse
from compiler.codegen import compile_script

from . import objects
from .errors import UncaughtError
from .interpreter import Interpreter, StepLimit
from .objects import JSError, JSFunction, JSObject, JSThrow
from .realm import Global, Realm
from .values import UNDEFINED


class Machine:
    """Runs JavaScript: ``Machine(output=print).run_script(text, filename)``."""

    def __init__(self, output: Callable[[str], None] | None = None,
                 step_budget: int = 1 << 62, limit_hook: Callable[[], bool] | None = None):
        self.realm = Realm()
        self.interpreter = Interpreter(self)
        self.max_depth = 400
        self.jobs: deque = deque()
        self.step_budget = step_budget
        self.limit_hook = limit_hook
        self.interpreter.steps = step_budget
        objects.call_function = self.interpreter.call
        objects.construct_function = self.interpreter.construct
        from . import generator

        generator.setup(self)
        self.main = Global(self.realm)
        if output is not None:
            self.main.output = output
        self.globals = [self.main]
        if sys.getrecursionlimit() < 20000:
            sys.setrecursionlimit(20000)

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
        if self.limit_hook is not None and self.limit_hook():
            self.interpreter.steps = self.step_budget
            return
        raise StepLimit("instruction budget exhausted")

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
        program = parse(text, module=False, filename=filename)
        code = compile_script(program, text, filename)
        fn = JSFunction(self.realm.function_prototype, code, [], g)
        result = self._guard(lambda: self.interpreter.run(fn, g.global_object, [], UNDEFINED), g)
        self.run_jobs()
        return result

    def _guard(self, thunk, g: Global):
        try:
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
        self.jobs.append(job)

    def run_jobs(self) -> None:
        """Run promise jobs (and, later, timers) until nothing is left."""
        while self.jobs:
            job = self.jobs.popleft()
            self._guard(job, self.main)


__all__ = ["Machine", "UncaughtError", "JSSyntaxError"]
