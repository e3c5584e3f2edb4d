"""Built-in objects, grouped like the chapters of ECMA-262.

``setup_intrinsics`` makes the realm's intrinsics once (they are shared by every Global
of the machine); ``install_globals`` gives one Global its global object's properties,
which point at those shared intrinsics, plus the things a Global owns (``console``
writes through the Global's ``output``).
"""

from __future__ import annotations

from ..objects import CONFIGURABLE, WRITABLE
from ..values import UNDEFINED

# The constructors and namespaces every Global's global object names (§19.3, §19.4).
GLOBAL_INTRINSICS = (
    "AggregateError", "Array", "BigInt", "Boolean", "Error", "EvalError", "Function", "JSON",
    "Math", "Number", "Object", "Proxy", "RangeError", "ReferenceError", "Reflect", "RegExp",
    "String", "Symbol",
    "SyntaxError", "TypeError", "URIError", "isFinite", "isNaN", "parseFloat", "parseInt",
    "SuppressedError", "encodeURI", "encodeURIComponent", "decodeURI", "decodeURIComponent",
    "escape", "unescape",
    "Map", "Set", "WeakMap", "WeakSet", "WeakRef", "FinalizationRegistry", "Date",
    "ArrayBuffer", "DataView", "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array",
    "Uint16Array", "Int32Array", "Uint32Array", "Float16Array", "Float32Array", "Float64Array",
    "BigInt64Array", "BigUint64Array",
)


def setup_intrinsics(realm) -> None:
    """Create every intrinsic of ``realm`` (constructors, prototypes, ...)."""
    from . import (
        array,
        bigint,
        boolean,
        error,
        function,
        iterator,
        json,
        number,
        object,
        proxy,
        reflect,
        regexp,
        string,
        symbol,
    )
    from . import math as math_

    realm.stack_frames = error.default_stack_frames
    function.setup(realm)
    object.setup(realm)
    symbol.setup(realm)
    iterator.setup(realm)
    error.setup(realm)
    array.setup(realm)
    string.setup(realm)
    number.setup(realm)
    boolean.setup(realm)
    bigint.setup(realm)
    math_.setup(realm)
    json.setup(realm)
    reflect.setup(realm)
    proxy.setup(realm)
    regexp.setup(realm)
    from . import uri

    uri.setup(realm)
    from . import array_buffer, data_view, date, map, set, typed_array, weak  # noqa: I001
    for chapter in (map, set, weak, date, array_buffer, typed_array, data_view):
        chapter.setup(realm)


def install_globals(global_env) -> None:
    """Give a Global its global object's properties (the intrinsics and console)."""
    from . import console

    g = global_env.global_object
    intr = global_env.realm.intrinsics
    for name in GLOBAL_INTRINSICS:
        value = intr.get(f"%{name}%")
        if value is not None:
            g.define(name, value, WRITABLE | CONFIGURABLE)
    g.define("globalThis", g, WRITABLE | CONFIGURABLE)
    g.define("Infinity", float("inf"), 0)
    g.define("NaN", float("nan"), 0)
    g.define("undefined", UNDEFINED, 0)
    console.install(global_env)
