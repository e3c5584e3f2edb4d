"""Explicit resource management (`using`, `await using`): DisposeCapability records.

The code generator gives each scope with `using` declarations a disposal stack
(compiler/using.py); these are the operations its instructions run: AddDisposableResource
(the dispose method is read once, when the resource is added), the recorded thrown
completion, and DisposeResources, which disposes in reverse order and folds errors into
SuppressedError chains. `await using` disposes one resource per DISPOSESTEP, whose result
the frame awaits; that promise never rejects (a rejection is recorded instead), so the
frame's own exception handling stays out of it.
"""

from __future__ import annotations

from .objects import CONFIGURABLE, WRITABLE, JSError, JSObject, JSThrow
from .operations import get_method
from .symbols import ASYNC_DISPOSE, DISPOSE
from .values import NULL, UNDEFINED

SYNC, ASYNC = 0, 1


class DisposeStack:
    """A DisposeCapability: resources (value, hint, method) and the pending completion."""

    __slots__ = ("resources", "error", "has_error")

    def __init__(self) -> None:
        self.resources: list[tuple] = []
        self.error = UNDEFINED
        self.has_error = False


def add_resource(machine, stack: DisposeStack, value, hint: int) -> None:
    """AddDisposableResource with CreateDisposableResource and GetDisposeMethod."""
    if value is UNDEFINED or value is NULL:
        if hint == ASYNC:  # no method, but leaving the scope still awaits
            stack.resources.append((UNDEFINED, hint, UNDEFINED))
        return
    if not isinstance(value, JSObject):
        raise JSError("TypeError", "using declarations need an object, null or undefined")
    realm = machine.realm
    if hint == ASYNC:
        method = get_method(realm, value, ASYNC_DISPOSE)
        if method is UNDEFINED:
            sync = get_method(realm, value, DISPOSE)
            if sync is not UNDEFINED:
                method = ("sync", sync)  # called, its result not awaited
    else:
        method = get_method(realm, value, DISPOSE)
    if method is UNDEFINED:
        name = "Symbol.asyncDispose" if hint == ASYNC else "Symbol.dispose"
        raise JSError("TypeError", f"The resource has no {name} method")
    stack.resources.append((value, hint, method))


def record_error(machine, stack: DisposeStack, error) -> None:
    """The scope's body threw ``error``: disposal starts from that completion."""
    _fold(machine, stack, error)


def _fold(machine, stack: DisposeStack, error) -> None:
    """DisposeResources step 1.b: a new error suppresses the completion's error."""
    if stack.has_error:
        error = suppressed_error(machine, error, stack.error)
    stack.error, stack.has_error = error, True


def suppressed_error(machine, error, suppressed) -> JSObject:
    """A SuppressedError made by DisposeResources (no message of its own)."""
    from .builtins.error import install_stack

    realm = machine.realm
    obj = JSObject(realm.intrinsics["%SuppressedError.prototype%"], "Error")
    obj.define("stack", "", WRITABLE | CONFIGURABLE)
    obj.define("error", error, WRITABLE | CONFIGURABLE)
    obj.define("suppressed", suppressed, WRITABLE | CONFIGURABLE)
    install_stack(realm, obj)
    return obj


def _thrown(machine, exc) -> object:
    return exc.value if isinstance(exc, JSThrow) else machine.error_object(exc)


def _call(machine, value, method):
    """Dispose's call: the method's result (a sync method under `await using`: undefined)."""
    if type(method) is tuple:
        machine.interpreter.call(method[1], value, [])
        return UNDEFINED
    return machine.interpreter.call(method, value, [])


def dispose(machine, stack: DisposeStack) -> None:
    """DisposeResources for what is left, then the completion: throw its error if any."""
    while stack.resources:
        value, _hint, method = stack.resources.pop()
        if method is UNDEFINED:
            continue
        try:
            _call(machine, value, method)
        except (JSThrow, JSError) as e:
            _fold(machine, stack, _thrown(machine, e))
    if stack.has_error:
        error = stack.error
        stack.error, stack.has_error = UNDEFINED, False
        raise JSThrow(error)


def dispose_step(machine, stack: DisposeStack):
    """Dispose the next resource of an `await using` scope: what to await, None when done."""
    if not stack.resources:
        return None
    value, hint, method = stack.resources.pop()
    result = UNDEFINED
    if method is not UNDEFINED:
        try:
            result = _call(machine, value, method)
        except (JSThrow, JSError) as e:
            _fold(machine, stack, _thrown(machine, e))
            return UNDEFINED
    if hint != ASYNC:
        return UNDEFINED
    promises = machine.promises
    try:
        promise = promises.promise_resolve(promises.constructor, result)
    except (JSThrow, JSError) as e:
        _fold(machine, stack, _thrown(machine, e))
        return UNDEFINED
    cap = promises.new_capability(promises.constructor)

    def rejected(reason):
        _fold(machine, stack, reason)
        return UNDEFINED

    promises.perform_then(promise, lambda _value: UNDEFINED, rejected, cap)
    return cap.promise
