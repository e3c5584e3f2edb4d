"""Function.prototype (§20.2.3) and bound function exotic objects (§10.4.1)."""

from __future__ import annotations

from ..convert import is_callable, is_constructor, to_integer_or_infinity, type_error
from ..objects import CONFIGURABLE, JSError, JSFunction, JSNative, JSObject
from ..operations import call, construct, create_list_from_array_like, ordinary_has_instance
from ..symbols import HAS_INSTANCE
from ..values import NULL, UNDEFINED
from .support import arg, function_name, method


class BoundFunction(JSNative):
    """A bound function: calls ``bound_target`` with a fixed this and leading args."""

    __slots__ = ("bound_target", "bound_this", "bound_args")

    def __init__(self, proto, target, bound_this, bound_args: list) -> None:
        super().__init__(proto, self._call, self._construct if is_constructor(target) else None)
        self.bound_target = target
        self.bound_this = bound_this
        self.bound_args = bound_args

    def _call(self, this, args: list):
        return call(self.bound_target, self.bound_this, self.bound_args + args)

    def _construct(self, args: list, new_target):
        target = self.bound_target
        if new_target is self:
            new_target = target
        return construct(target, self.bound_args + args, new_target)


def function_to_string(func) -> str:
    """Function.prototype.toString: the source text, or a NativeFunction for built-ins."""
    if isinstance(func, JSObject) and func.is_proxy and is_callable(func):
        return "function () { [native code] }"
    source_text = getattr(func, "source_text", None)
    if source_text is not None and isinstance(func, JSFunction):
        text = source_text()
        if text is not None:
            return text
    # built-ins, and functions of a stripped image (which keeps no source text, as XS)
    if isinstance(func, JSNative) or (isinstance(func, JSFunction) and func.code.text is None):
        slot = func.get_own_property("name")
        name = slot.value if slot is not None and type(slot.value) is str else ""
        if isinstance(func, BoundFunction):
            name = ""
        return f"function {name}() {{ [native code] }}"
    if isinstance(func, JSFunction):
        return "function () { [native code] }"
    raise type_error("Function.prototype.toString requires that 'this' be a Function")


def bind(realm, target, this_arg, args: list) -> BoundFunction:
    """Function.prototype.bind: BoundFunctionCreate plus its length and name."""
    if not is_callable(target):
        raise type_error("Bind must be called on a function")
    bound = BoundFunction(target.proto, target, this_arg, args)
    length = 0.0
    if target.get_own_property("length") is not None:
        target_len = target.get("length")
        if type(target_len) is float:
            if target_len == float("inf"):
                length = target_len
            elif target_len != float("-inf"):
                length = float(max(0, to_integer_or_infinity(target_len) - len(args)))
    bound.define("length", length, CONFIGURABLE)
    name = target.get("name")
    bound.define("name", function_name(name if type(name) is str else "", "bound"),
                 CONFIGURABLE)
    return bound


def setup(realm) -> None:
    proto = realm.function_prototype
    proto.fn = lambda this, args: UNDEFINED
    proto.define("length", 0.0, CONFIGURABLE)
    proto.define("name", "", CONFIGURABLE)

    def fp_call(this, args):
        if not is_callable(this):
            raise type_error("Function.prototype.call called on a non-function")
        return call(this, arg(args, 0), list(args[1:]))

    def fp_apply(this, args):
        if not is_callable(this):
            raise type_error("Function.prototype.apply was called on a non-function")
        arg_array = arg(args, 1)
        if arg_array is UNDEFINED or arg_array is NULL:
            return call(this, arg(args, 0), [])
        return call(this, arg(args, 0), create_list_from_array_like(arg_array))

    def fp_bind(this, args):
        return bind(realm, this, arg(args, 0), list(args[1:]))

    def fp_to_string(this, args):
        return function_to_string(this)

    def fp_has_instance(this, args):
        return ordinary_has_instance(this, arg(args, 0))

    method(realm, proto, "apply", fp_apply, 2)
    method(realm, proto, "bind", fp_bind, 1)
    method(realm, proto, "call", fp_call, 1)
    method(realm, proto, "toString", fp_to_string, 0)
    has_instance = realm.native("[Symbol.hasInstance]", fp_has_instance, 1)
    proto.define(HAS_INSTANCE, has_instance, 0)

    def throw_type_error(this, args):
        raise type_error("'caller', 'callee', and 'arguments' properties may not be accessed "
                         "on strict mode functions or the arguments objects for calls to them")

    thrower = realm.native("", throw_type_error, 0)
    thrower.extensible = False
    thrower.define("length", 0.0, 0)
    thrower.define("name", "", 0)
    realm.intrinsics["%ThrowTypeError%"] = thrower
    for key in ("caller", "arguments"):
        proto.define_accessor(key, thrower, thrower, CONFIGURABLE)

    def function_ctor(this, args):
        return create_dynamic_function(realm, args, UNDEFINED, "normal")

    def function_construct(args, new_target):
        return create_dynamic_function(realm, args, new_target, "normal")

    ctor = realm.native("Function", function_ctor, 1, function_construct)
    ctor.define("prototype", proto, 0)
    proto.define("constructor", ctor)
    realm.intrinsics["%Function%"] = ctor


def create_dynamic_function(realm, args: list, new_target, kind: str) -> JSObject:
    """CreateDynamicFunction: compiling needs a Global's evaluator, which the machine
    provides as ``realm.create_dynamic_function(args, new_target, kind)``."""
    hook = getattr(realm, "create_dynamic_function", None)
    if hook is None:
        raise JSError("EvalError", "Code generation from strings disallowed for this context")
    return hook(args, new_target, kind)
