"""Promises (ECMA-262 §27.2) and the async functions built on them.

Jobs go to the machine's queue (``machine.enqueue_job``), which runs them in order
once the current script or job finishes, as HostEnqueuePromiseJob requires. An async
function's activation is a generator frame (see interpreter.py): each ``await`` yields
the awaited value, and the driver here resumes the frame from a promise reaction.
"""

from __future__ import annotations

from .convert import is_callable, is_constructor
from .objects import CONFIGURABLE, WRITABLE, JSArray, JSError, JSObject, JSThrow
from .symbols import TO_STRING_TAG
from .values import UNDEFINED

PENDING, FULFILLED, REJECTED = "pending", "fulfilled", "rejected"


class JSPromise(JSObject):
    __slots__ = ("state", "result", "fulfill_reactions", "reject_reactions", "handled")

    def __init__(self, proto):
        super().__init__(proto, "Promise")
        self.state = PENDING
        self.result = UNDEFINED
        self.fulfill_reactions: list = []
        self.reject_reactions: list = []
        self.handled = False


class Capability:
    """A PromiseCapability record."""

    __slots__ = ("promise", "resolve", "reject")

    def __init__(self, promise, resolve, reject):
        self.promise, self.resolve, self.reject = promise, resolve, reject


def _arg(args: list, i: int):
    return args[i] if i < len(args) else UNDEFINED


def _handler(h):
    """A reaction handler: a JS function, an internal Python callable, or None."""
    if is_callable(h) or (callable(h) and not isinstance(h, JSObject)):
        return h
    return None


def _thrown(machine, exc) -> object:
    """The JavaScript value of a Python-side exception."""
    if isinstance(exc, JSThrow):
        return exc.value
    return machine.error_object(exc)


class Promises:
    """The promise operations of one machine."""

    def __init__(self, machine):
        self.machine = machine
        self.realm = machine.realm
        self.call = machine.interpreter.call

    # -- abstract operations ------------------------------------------------------

    def create_resolving_functions(self, promise: JSPromise):
        already = [False]

        def resolve(this, args):
            if already[0]:
                return UNDEFINED
            already[0] = True
            self.resolve_promise(promise, _arg(args, 0))
            return UNDEFINED

        def reject(this, args):
            if already[0]:
                return UNDEFINED
            already[0] = True
            self.reject_promise(promise, _arg(args, 0))
            return UNDEFINED

        return self.realm.native("", resolve, 1), self.realm.native("", reject, 1)

    def resolve_promise(self, promise: JSPromise, resolution) -> None:
        if resolution is promise:
            self.reject_promise(promise, self.machine.error_object(
                JSError("TypeError", "Chaining cycle detected for promise #<Promise>")))
            return
        if not isinstance(resolution, JSObject):
            self.settle(promise, FULFILLED, resolution)
            return
        try:
            then = resolution.get("then", resolution)
        except (JSThrow, JSError) as e:
            self.reject_promise(promise, _thrown(self.machine, e))
            return
        if not is_callable(then):
            self.settle(promise, FULFILLED, resolution)
            return

        def thenable_job():
            resolve, reject = self.create_resolving_functions(promise)
            try:
                self.call(then, resolution, [resolve, reject])
            except (JSThrow, JSError) as e:
                self.call(reject, UNDEFINED, [_thrown(self.machine, e)])

        self.machine.enqueue_job(thenable_job)

    def reject_promise(self, promise: JSPromise, reason) -> None:
        self.settle(promise, REJECTED, reason)

    def settle(self, promise: JSPromise, state: str, value) -> None:
        if promise.state != PENDING:
            return
        reactions = promise.fulfill_reactions if state == FULFILLED else \
            promise.reject_reactions
        promise.state, promise.result = state, value
        promise.fulfill_reactions, promise.reject_reactions = [], []
        if state == REJECTED and not promise.handled:
            self.machine.track_rejection(promise)
        for reaction in reactions:
            self.enqueue_reaction(reaction, value)

    def enqueue_reaction(self, reaction, argument) -> None:
        capability, kind, handler = reaction

        def job():
            if handler is None or handler is UNDEFINED:
                result, ok = argument, kind == FULFILLED
            elif callable(handler) and not isinstance(handler, JSObject):
                try:
                    result, ok = handler(argument), True
                except (JSThrow, JSError) as e:
                    result, ok = _thrown(self.machine, e), False
            else:
                try:
                    result, ok = self.call(handler, UNDEFINED, [argument]), True
                except (JSThrow, JSError) as e:
                    result, ok = _thrown(self.machine, e), False
            if capability is None:
                return
            self.call(capability.resolve if ok else capability.reject, UNDEFINED, [result])

        self.machine.enqueue_job(job)

    def perform_then(self, promise: JSPromise, on_fulfilled, on_rejected,
                     capability: Capability | None):
        """PerformPromiseThen; a handler may also be a Python callable (internal use)."""
        fulfill = (capability, FULFILLED, _handler(on_fulfilled))
        reject = (capability, REJECTED, _handler(on_rejected))
        if promise.state == PENDING:
            promise.fulfill_reactions.append(fulfill)
            promise.reject_reactions.append(reject)
        elif promise.state == FULFILLED:
            self.enqueue_reaction(fulfill, promise.result)
        else:
            if not promise.handled:
                self.machine.untrack_rejection(promise)
            self.enqueue_reaction(reject, promise.result)
        promise.handled = True
        return capability.promise if capability is not None else UNDEFINED

    def new_capability(self, ctor) -> Capability:
        if ctor is self.constructor:
            promise = JSPromise(self.prototype)
            resolve, reject = self.create_resolving_functions(promise)
            return Capability(promise, resolve, reject)
        if not is_constructor(ctor):
            raise JSError("TypeError", "Promise resolve or reject function is not callable")
        slots = [UNDEFINED, UNDEFINED]

        def executor(this, args):
            if slots[0] is not UNDEFINED or slots[1] is not UNDEFINED:
                raise JSError("TypeError", "Promise executor has already been invoked")
            slots[0], slots[1] = _arg(args, 0), _arg(args, 1)
            return UNDEFINED

        promise = self.machine.interpreter.construct(ctor, [self.realm.native("", executor, 2)])
        if not is_callable(slots[0]) or not is_callable(slots[1]):
            raise JSError("TypeError", "Promise resolve or reject function is not callable")
        return Capability(promise, slots[0], slots[1])

    def promise_resolve(self, ctor, value):
        """PromiseResolve: ``value`` itself if it is already such a promise."""
        if isinstance(value, JSPromise):
            if value.get("constructor", value) is ctor:
                return value
        cap = self.new_capability(ctor)
        self.call(cap.resolve, UNDEFINED, [value])
        return cap.promise

    # -- async functions ----------------------------------------------------------

    def start_async(self, frame):
        """Run an async function's frame until its first await; return its promise."""
        promise = JSPromise(self.prototype)
        self._step(frame, promise, "next", UNDEFINED, first=True)
        return promise

    def _step(self, frame, promise, mode, value, first=False) -> None:
        interp = self.machine.interpreter
        interp.depth += 1
        try:
            if mode == "next":
                awaited = frame.send(None if first else value)
            else:
                awaited = frame.throw(JSThrow(value))
        except StopIteration as done:
            self.resolve_promise(promise, done.value)
            return
        except (JSThrow, JSError) as e:
            self.reject_promise(promise, _thrown(self.machine, e))
            return
        finally:
            interp.depth -= 1
        try:
            awaited_promise = self.promise_resolve(self.constructor, awaited)
        except (JSThrow, JSError) as e:
            self._step(frame, promise, "throw", _thrown(self.machine, e))
            return
        self.perform_then(awaited_promise,
                          lambda v: self._step(frame, promise, "next", v),
                          lambda r: self._step(frame, promise, "throw", r), None)

    # -- the built-in objects -----------------------------------------------------

    def setup(self) -> None:
        realm = self.realm
        proto = JSObject(realm.object_prototype)
        self.prototype = proto

        def construct(args, new_target):
            executor = _arg(args, 0)
            if not is_callable(executor):
                raise JSError("TypeError", "Promise resolver is not a function")
            target_proto = new_target.get("prototype", new_target)
            promise = JSPromise(target_proto if isinstance(target_proto, JSObject) else proto)
            resolve, reject = self.create_resolving_functions(promise)
            try:
                self.call(executor, UNDEFINED, [resolve, reject])
            except (JSThrow, JSError) as e:
                self.call(reject, UNDEFINED, [_thrown(self.machine, e)])
            return promise

        def call(this, args):
            raise JSError("TypeError", "Promise constructor cannot be invoked without 'new'")

        ctor = realm.native("Promise", call, 1, construct)
        self.constructor = ctor
        ctor.define("prototype", proto, 0)
        proto.define("constructor", ctor, WRITABLE | CONFIGURABLE)
        proto.define(TO_STRING_TAG, "Promise", CONFIGURABLE)
        realm.intrinsics["%Promise%"] = ctor
        realm.intrinsics["%Promise.prototype%"] = proto
        async_fn_proto = JSObject(realm.function_prototype)
        async_fn_proto.define(TO_STRING_TAG, "AsyncFunction", CONFIGURABLE)
        realm.intrinsics["%AsyncFunction.prototype%"] = async_fn_proto

        def then(this, args):
            if not isinstance(this, JSPromise):
                raise JSError("TypeError", "Promise.prototype.then called on incompatible "
                                           "receiver")
            species = this.get("constructor", this)
            cap = self.new_capability(ctor if species is UNDEFINED else species)
            return self.perform_then(this, _arg(args, 0), _arg(args, 1), cap)

        def catch(this, args):
            if not isinstance(this, JSObject):
                raise JSError("TypeError", "Promise.prototype.catch called on a non-object")
            method = this.get("then", this)
            return self.call(method, this, [UNDEFINED, _arg(args, 0)])

        def finally_(this, args):
            if not isinstance(this, JSObject):
                raise JSError("TypeError", "Promise.prototype.finally called on a non-object")
            on_finally = _arg(args, 0)
            if not is_callable(on_finally):
                return self.call(this.get("then", this), this, [on_finally, on_finally])

            def after(value, rethrow):
                result = self.call(on_finally, UNDEFINED, [])
                p = self.promise_resolve(ctor, result)

                def keep(this, args):
                    if rethrow:
                        raise JSThrow(value)
                    return value

                return self.call(p.get("then", p), p, [realm.native("", keep, 0)])

            return self.call(this.get("then", this), this, [
                realm.native("", lambda t, a: after(_arg(a, 0), False), 1),
                realm.native("", lambda t, a: after(_arg(a, 0), True), 1)])

        realm.method(proto, "then", then, 2)
        realm.method(proto, "catch", catch, 1)
        realm.method(proto, "finally", finally_, 1)

        def resolve_static(this, args):
            return self.promise_resolve(this, _arg(args, 0))

        def reject_static(this, args):
            cap = self.new_capability(this)
            self.call(cap.reject, UNDEFINED, [_arg(args, 0)])
            return cap.promise

        def with_resolvers(this, args):
            cap = self.new_capability(this)
            obj = JSObject(realm.object_prototype)
            obj.props.update(promise=cap.promise, resolve=cap.resolve, reject=cap.reject)
            return obj

        realm.method(ctor, "resolve", resolve_static, 1)
        realm.method(ctor, "reject", reject_static, 1)
        realm.method(ctor, "withResolvers", with_resolvers, 0)
        for name in ("all", "allSettled", "any", "race"):
            realm.method(ctor, name, lambda this, args, name=name: self.combinator(
                name, this, _arg(args, 0)), 1)

    def combinator(self, name: str, ctor, iterable):
        """Promise.all / allSettled / any / race."""
        cap = self.new_capability(ctor)
        realm = self.realm
        try:
            resolve_fn = ctor.get("resolve", ctor)
            if not is_callable(resolve_fn):
                raise JSError("TypeError", "Promise resolve is not a function")
            values: list = []
            remaining = [1]

            def finish():
                remaining[0] -= 1
                if remaining[0] == 0:
                    if name == "any":
                        err = self.machine.error_object(
                            JSError("AggregateError", "All promises were rejected"))
                        err.define("errors", JSArray(realm.array_prototype, list(values)))
                        self.call(cap.reject, UNDEFINED, [err])
                    else:
                        self.call(cap.resolve, UNDEFINED,
                                  [JSArray(realm.array_prototype, list(values))])

            for index, item in enumerate(self.machine.interpreter.iterate(iterable)):
                values.append(UNDEFINED)
                p = self.call(resolve_fn, ctor, [item])
                done = [False]

                def settle_one(value, index=index, done=done, kind="value"):
                    if done[0]:
                        return UNDEFINED
                    done[0] = True
                    if name == "allSettled":
                        obj = JSObject(realm.object_prototype)
                        obj.props["status"] = "fulfilled" if kind == "value" else "rejected"
                        obj.props["value" if kind == "value" else "reason"] = value
                        value = obj
                    values[index] = value
                    finish()
                    return UNDEFINED

                if name == "race":
                    on_ok, on_err = cap.resolve, cap.reject
                elif name == "all":
                    on_ok = realm.native("", lambda t, a, f=settle_one: f(_arg(a, 0)), 1)
                    on_err = cap.reject
                elif name == "any":
                    on_ok = cap.resolve
                    on_err = realm.native("", lambda t, a, f=settle_one: f(_arg(a, 0)), 1)
                else:
                    on_ok = realm.native("", lambda t, a, f=settle_one: f(_arg(a, 0)), 1)
                    on_err = realm.native("", lambda t, a, f=settle_one: f(
                        _arg(a, 0), kind="reason"), 1)
                remaining[0] += 1
                self.call(p.get("then", p), p, [on_ok, on_err])
            if name != "race":
                finish()
        except (JSThrow, JSError) as e:
            self.call(cap.reject, UNDEFINED, [_thrown(self.machine, e)])
        return cap.promise
