"""Small helpers every chapter of the built-ins uses to define its objects."""

from __future__ import annotations

from ..objects import CONFIGURABLE, WRITABLE, JSNative, JSObject
from ..values import UNDEFINED, JSSymbol


def arg(args: list, i: int):
    """Argument ``i`` of a native call, undefined when absent."""
    return args[i] if i < len(args) else UNDEFINED


def function_name(key, prefix: str = "") -> str:
    """SetFunctionName's name for a key: symbols as ``[description]``."""
    if type(key) is JSSymbol:
        name = f"[{key.description}]" if key.description is not None else ""
    else:
        name = key
    return f"{prefix} {name}" if prefix else name


def method(realm, target: JSObject, key, fn, length: int = 0) -> JSNative:
    """A built-in method under a string or symbol key (writable, configurable)."""
    f = realm.native(function_name(key), fn, length)
    target.define(key, f, WRITABLE | CONFIGURABLE)
    return f


def accessor(realm, target: JSObject, key, getter=None, setter=None) -> None:
    """A built-in accessor property (configurable, not enumerable)."""
    get = realm.native(function_name(key, "get"), getter, 0) if getter else UNDEFINED
    put = realm.native(function_name(key, "set"), setter, 1) if setter else UNDEFINED
    target.define_accessor(key, get, put, CONFIGURABLE)


def constant(target: JSObject, key, value) -> None:
    """A non-writable, non-enumerable, non-configurable data property."""
    target.define(key, value, 0)


def make_constructor(realm, name: str, fn, length: int, construct,
                     prototype: JSObject, proto: JSObject | None = None) -> JSNative:
    """A built-in constructor linked with its prototype, registered as %name%."""
    ctor = realm.native(name, fn, length, construct, proto)
    ctor.define("prototype", prototype, 0)
    prototype.define("constructor", ctor, WRITABLE | CONFIGURABLE)
    realm.intrinsics[f"%{name}%"] = ctor
    realm.intrinsics[f"%{name}.prototype%"] = prototype
    return ctor
