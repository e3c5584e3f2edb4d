"""Error, the NativeErrors, AggregateError (§20.5) and SuppressedError (explicit resource
management).

Every error object gets an own, non-enumerable ``stack`` string when it is made:
``Name: message`` (what Error.prototype.toString gives) followed by one
``\\n    at <frame>`` line per frame of ``realm.stack_frames()``. The machine replaces
that hook with one that reports its call stack (``f (file.js:3:7)``); the default
reports a single ``<anonymous>`` frame.
"""

from __future__ import annotations

from ..convert import to_string, type_error
from ..objects import ACCESSOR, CONFIGURABLE, ROM, WRITABLE, JSError, JSObject, Slot
from ..operations import create_array_from_list, get_prototype_from_constructor
from ..values import UNDEFINED
from .iterator import iterable_to_list
from .support import arg, method

NATIVE_ERRORS = ("EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError",
                 "URIError")


def default_stack_frames() -> list[str]:
    return ["<anonymous>"]


def error_to_string(obj: JSObject) -> str:
    """Error.prototype.toString's algorithm on an object."""
    name = obj.get("name")
    name = "Error" if name is UNDEFINED else to_string(name)
    msg = obj.get("message")
    msg = "" if msg is UNDEFINED else to_string(msg)
    if not name:
        return msg
    if not msg:
        return name
    return f"{name}: {msg}"


def install_stack(realm, obj: JSObject) -> None:
    """Give an error object its ``stack`` string (header plus the current frames).

    The property keeps its place if it exists (V8 lists ``stack`` first)."""
    try:
        header = error_to_string(obj)
    except JSError:
        header = "Error"
    if obj.segment is ROM:
        raise JSError("TypeError", "Cannot define property stack, object is not extensible")
    frames = getattr(realm, "stack_frames", default_stack_frames)()
    text = header + "".join(f"\n    at {f}" for f in frames)
    slot = obj.props.get("stack")
    if type(slot) is Slot and not slot.flags & ACCESSOR:
        slot.value = text
    else:
        obj.define("stack", text, WRITABLE | CONFIGURABLE)


def install_error_cause(obj: JSObject, options) -> None:
    """InstallErrorCause: copy ``options.cause`` when the options object has one."""
    if isinstance(options, JSObject) and options.has_property("cause"):
        obj.define("cause", options.get("cause"), WRITABLE | CONFIGURABLE)


def make_error(realm, kind: str, message: str) -> JSObject:
    """A new error of constructor ``kind`` ("TypeError", ...) as the runtime throws it."""
    proto = realm.intrinsics.get(f"%{kind}.prototype%") or realm.intrinsics["%Error.prototype%"]
    obj = JSObject(proto, "Error")
    obj.define("stack", "", WRITABLE | CONFIGURABLE)
    obj.define("message", message, WRITABLE | CONFIGURABLE)
    install_stack(realm, obj)
    return obj


def _error_constructor(realm, name: str, length: int, proto_obj: JSObject, parent_ctor,
                       aggregate: bool = False, suppressed: bool = False):
    default = f"%{name}.prototype%"

    def construct(args, new_target):
        obj = JSObject(get_prototype_from_constructor(realm, new_target, default), "Error")
        obj.define("stack", "", WRITABLE | CONFIGURABLE)  # V8 lists stack first
        if aggregate:
            errors, message, options = arg(args, 0), arg(args, 1), arg(args, 2)
        elif suppressed:  # SuppressedError(error, suppressed, message): no options
            message, options = arg(args, 2), UNDEFINED
        else:
            message, options = arg(args, 0), arg(args, 1)
        if message is not UNDEFINED:
            obj.define("message", to_string(message), WRITABLE | CONFIGURABLE)
        install_error_cause(obj, options)
        if suppressed:
            obj.define("error", arg(args, 0), WRITABLE | CONFIGURABLE)
            obj.define("suppressed", arg(args, 1), WRITABLE | CONFIGURABLE)
        if aggregate:
            errors_list = iterable_to_list(realm, errors)
            obj.define("errors", create_array_from_list(realm, errors_list),
                       WRITABLE | CONFIGURABLE)
        install_stack(realm, obj)
        return obj

    def call(this, args):
        return construct(args, ctor)

    ctor = realm.native(name, call, length, construct, parent_ctor)
    ctor.define("prototype", proto_obj, 0)
    proto_obj.define("constructor", ctor)
    proto_obj.define("name", name)
    proto_obj.define("message", "")
    realm.intrinsics[f"%{name}%"] = ctor
    realm.intrinsics[default] = proto_obj
    return ctor


def setup(realm) -> None:
    error_proto = JSObject(realm.object_prototype)
    error = _error_constructor(realm, "Error", 1, error_proto, None)

    def to_string_(this, args):
        if not isinstance(this, JSObject):
            raise type_error("Error.prototype.toString requires that 'this' be an Object")
        return error_to_string(this)

    method(realm, error_proto, "toString", to_string_, 0)

    def capture_stack_trace(this, args):
        target = arg(args, 0)
        if not isinstance(target, JSObject):
            raise type_error("Invalid argument")
        install_stack(realm, target)
        return UNDEFINED

    method(realm, error, "captureStackTrace", capture_stack_trace, 2)
    error.props["stackTraceLimit"] = 10.0

    for name in NATIVE_ERRORS:
        _error_constructor(realm, name, 1, JSObject(error_proto), error)
    _error_constructor(realm, "AggregateError", 2, JSObject(error_proto), error,
                       aggregate=True)
    _error_constructor(realm, "SuppressedError", 3, JSObject(error_proto), error,
                       suppressed=True)
