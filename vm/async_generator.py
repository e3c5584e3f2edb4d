"""Async generators and async iteration (ECMA-262 §27.6, §27.1.4).

An async generator's frame is an ordinary interpreter frame: `await` inside it yields
an :class:`AwaitRequest` and `yield` yields the value itself, so the driver here can
tell them apart. Requests (`next`/`throw`/`return`) queue on the generator and are
served one at a time, each settling its own promise.
"""

from __future__ import annotations

from collections import deque

from . import convert as C
from .builtins.iterator import create_iter_result_object
from .builtins.support import method as define_method
from .objects import CONFIGURABLE, JSError, JSObject, JSThrow
from .promise import _thrown
from .records import GeneratorReturn, IterRecord
from .symbols import ASYNC_ITERATOR, ITERATOR, TO_STRING_TAG
from .values import NULL, UNDEFINED

START, SUSPENDED, EXECUTING, AWAITING_RETURN, COMPLETED = range(5)


class AwaitRequest:
    """What an async generator's frame yields for `await v` (a plain value is a yield)."""

    __slots__ = ("value",)

    def __init__(self, value) -> None:
        self.value = value


class JSAsyncGenerator(JSObject):
    __slots__ = ("frame", "state", "queue")

    def __init__(self, proto, frame) -> None:
        super().__init__(proto, "AsyncGenerator")
        self.frame = frame
        self.state = START
        self.queue: deque = deque()  # (mode, value, capability)


class AsyncGenerators:
    """The async generator operations of one machine."""

    def __init__(self, machine) -> None:
        self.machine = machine
        self.promises = machine.promises

    # -- requests -------------------------------------------------------------------

    def enqueue(self, gen, mode: str, value):
        """AsyncGeneratorEnqueue: every request gets a promise, settled in turn."""
        promises = self.promises
        cap = promises.new_capability(promises.constructor)
        if not isinstance(gen, JSAsyncGenerator):
            err = self.machine.error_object(JSError(
                "TypeError", f"{mode} method called on incompatible receiver"))
            self.machine.interpreter.call(cap.reject, UNDEFINED, [err])
            return cap.promise
        gen.queue.append((mode, value, cap))
        if gen.state not in (EXECUTING, AWAITING_RETURN):
            self.resume_next(gen)
        return cap.promise

    def settle_first(self, gen, ok: bool, value, done: bool = True) -> None:
        """Settle the oldest request: with an iterator result, or reject it."""
        _, _, cap = gen.queue.popleft()
        call = self.machine.interpreter.call
        if ok:
            call(cap.resolve, UNDEFINED,
                 [create_iter_result_object(self.machine.realm, value, done)])
        else:
            call(cap.reject, UNDEFINED, [value])

    def resume_next(self, gen) -> None:
        """Serve queued requests until one has to wait for the generator to run."""
        while gen.queue and gen.state not in (EXECUTING, AWAITING_RETURN):
            mode, value, _ = gen.queue[0]
            if mode != "next" and gen.state == START:
                gen.state, gen.frame = COMPLETED, None
            if gen.state == COMPLETED:
                if mode == "return":
                    gen.state = AWAITING_RETURN
                    self.await_value(value, lambda v: self.returned(gen, True, v),
                                     lambda r: self.returned(gen, False, r))
                    return
                if mode == "throw":
                    self.settle_first(gen, False, value)
                else:
                    self.settle_first(gen, True, UNDEFINED)
                continue
            first = gen.state == START
            gen.state = EXECUTING
            if mode == "return":  # a return at a yield awaits its operand first
                self.await_value(value, lambda v: self.step(gen, "return", v),
                                 lambda r: self.step(gen, "throw", r))
            else:
                self.step(gen, mode, value, first)
            return

    def returned(self, gen, ok: bool, value) -> None:
        gen.state = COMPLETED
        self.settle_first(gen, ok, value)
        self.resume_next(gen)

    def await_value(self, value, on_fulfilled, on_rejected) -> None:
        promises = self.promises
        try:
            promise = promises.promise_resolve(promises.constructor, value)
        except (JSThrow, JSError) as e:
            on_rejected(_thrown(self.machine, e))
            return
        promises.perform_then(promise, on_fulfilled, on_rejected, None)

    # -- running the frame ------------------------------------------------------------

    def step(self, gen, mode: str, value, first: bool = False) -> None:
        frame = gen.frame
        interp = self.machine.interpreter
        interp.depth += 1
        try:
            if mode == "next":
                out = frame.send(None if first else value)
            elif mode == "throw":
                out = frame.throw(JSThrow(value))
            else:
                out = frame.throw(GeneratorReturn(value))
        except (StopIteration, GeneratorReturn) as e:
            gen.state, gen.frame = COMPLETED, None
            self.settle_first(gen, True, e.value)
            self.resume_next(gen)
            return
        except (JSThrow, JSError) as e:
            gen.state, gen.frame = COMPLETED, None
            self.settle_first(gen, False, _thrown(self.machine, e))
            self.resume_next(gen)
            return
        finally:
            interp.depth -= 1
        if type(out) is AwaitRequest:
            self.await_value(out.value, lambda v: self.step(gen, "next", v),
                             lambda r: self.step(gen, "throw", r))
            return
        gen.state = SUSPENDED
        self.settle_first(gen, True, out, False)
        self.resume_next(gen)

    def start(self, fn, frame):
        """A call of an async generator function: the object, not yet running."""
        proto = fn.get("prototype")
        if not isinstance(proto, JSObject):
            proto = self.machine.realm.intrinsics["%AsyncGeneratorPrototype%"]
        gen = JSAsyncGenerator(proto, frame)
        return gen


def async_yield_star(interp, iterable):
    """yield* in an async generator: forward next/throw/return to an async iterator,
    awaiting each of its results (a Python generator the frame delegates to)."""
    record = get_async_iterator(interp, iterable)
    iterator = record.iterator
    received = UNDEFINED
    mode = "next"
    while True:
        if mode == "next":
            result = interp.call(record.next, iterator, [received])
        else:
            fn = iterator.get(mode, iterator)
            if fn is UNDEFINED or fn is NULL:
                if mode == "throw":
                    close = iterator.get("return", iterator)
                    if close is not UNDEFINED and close is not NULL:
                        yield AwaitRequest(interp.call(close, iterator, []))
                    raise JSError("TypeError", "The iterator does not provide a 'throw' method")
                raise GeneratorReturn(received)
            result = interp.call(fn, iterator, [received])
        result = yield AwaitRequest(result)
        if not isinstance(result, JSObject):
            raise JSError("TypeError", "Iterator result is not an object")
        if C.to_boolean(result.get("done", result)):
            value = result.get("value", result)
            if mode == "return":
                raise GeneratorReturn(value)
            return value
        try:
            received = yield result.get("value", result)
            mode = "next"
        except JSThrow as e:
            received, mode = e.value, "throw"
        except GeneratorReturn as e:
            received, mode = e.value, "return"


def get_async_iterator(interp, value) -> IterRecord:
    """GetIterator(value, async): Symbol.asyncIterator, else the sync iterator wrapped."""
    method = interp.get_property(value, ASYNC_ITERATOR)
    if method is UNDEFINED or method is NULL:
        sync = interp.get_property(value, ITERATOR)
        if sync is UNDEFINED or sync is NULL:
            raise JSError("TypeError", f"{C.type_of(value)} is not async iterable")
        iterator = interp.call(sync, value, [])
        if not isinstance(iterator, JSObject):
            raise JSError("TypeError", "Result of the Symbol.iterator method is not an object")
        wrapper = JSObject(interp.machine.realm.intrinsics["%AsyncFromSyncIteratorPrototype%"])
        wrapper.internal = IterRecord(iterator, iterator.get("next", iterator))
        return IterRecord(wrapper, wrapper.get("next", wrapper))
    iterator = interp.call(method, value, [])
    if not isinstance(iterator, JSObject):
        raise JSError("TypeError", "Result of the Symbol.asyncIterator method is not an object")
    return IterRecord(iterator, iterator.get("next", iterator))


def setup(machine) -> None:
    """%AsyncIteratorPrototype%, %AsyncGeneratorPrototype%, %AsyncFromSyncIteratorPrototype%
    and %AsyncGeneratorFunction.prototype% (shared by every Global)."""
    realm = machine.realm
    ops = AsyncGenerators(machine)
    machine.async_generators = ops
    interp = machine.interpreter

    async_iterator_proto = JSObject(realm.object_prototype)
    define_method(realm, async_iterator_proto, ASYNC_ITERATOR, lambda this, args: this, 0)
    realm.intrinsics["%AsyncIteratorPrototype%"] = async_iterator_proto

    proto = JSObject(async_iterator_proto)
    for mode in ("next", "return", "throw"):
        realm.method(proto, mode, lambda this, args, mode=mode: ops.enqueue(
            this, mode, args[0] if args else UNDEFINED), 1)
    proto.define(TO_STRING_TAG, "AsyncGenerator", CONFIGURABLE)
    fn_proto = JSObject(realm.function_prototype)
    fn_proto.define("prototype", proto, CONFIGURABLE)
    proto.define("constructor", fn_proto, CONFIGURABLE)
    fn_proto.define(TO_STRING_TAG, "AsyncGeneratorFunction", CONFIGURABLE)
    realm.intrinsics["%AsyncGeneratorPrototype%"] = proto
    realm.intrinsics["%AsyncGeneratorFunction.prototype%"] = fn_proto

    from_sync = JSObject(async_iterator_proto)
    promises = machine.promises

    def continuation(result):
        """AsyncFromSyncIteratorContinuation: await the value, keep `done`."""
        if not isinstance(result, JSObject):
            raise JSError("TypeError", "Iterator result is not an object")
        done = C.to_boolean(result.get("done", result))
        value = result.get("value", result)
        cap = promises.new_capability(promises.constructor)
        inner = promises.promise_resolve(promises.constructor, value)
        promises.perform_then(
            inner, lambda v: create_iter_result_object(realm, v, done), None, cap)
        return cap.promise

    def from_sync_method(mode):
        def method(this, args):
            record = this.internal
            value = args[0] if args else UNDEFINED
            try:
                if mode == "next":
                    result = interp.call(record.next, record.iterator, [value])
                else:
                    fn = record.iterator.get(mode, record.iterator)
                    if fn is UNDEFINED or fn is NULL:
                        if mode == "return":
                            return promises.promise_resolve(
                                promises.constructor,
                                create_iter_result_object(realm, value, True))
                        raise JSError("TypeError", "The iterator does not provide a 'throw' "
                                                   "method")
                    result = interp.call(fn, record.iterator, [value])
                return continuation(result)
            except (JSThrow, JSError) as e:
                cap = promises.new_capability(promises.constructor)
                interp.call(cap.reject, UNDEFINED, [_thrown(machine, e)])
                return cap.promise
        return method

    for mode in ("next", "return", "throw"):
        realm.method(from_sync, mode, from_sync_method(mode), 1)
    realm.intrinsics["%AsyncFromSyncIteratorPrototype%"] = from_sync
