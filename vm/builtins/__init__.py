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
    "String", "Symbol", "Iterator",
    "SyntaxError", "TypeError", "URIError", "isFinite", "isNaN", "parseFloat", "parseInt",
    "SuppressedError", "encodeURI", "encodeURIComponent", "decodeURI", "decodeURIComponent",
    "escape", "unescape",
    "Map", "Set", "WeakMap", "WeakSet", "WeakRef", "FinalizationRegistry", "Date",
    "ArrayBuffer", "DataView", "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array",
    "Uint16Array", "Int32Array", "Uint32Array", "Float16Array", "Float32Array", "Float64Array",
    "BigInt64Array", "BigUint64Array",
)

# Host globals (not ECMA-262) every Global's global object names: the WHATWG Encoding
# Standard's TextEncoder and TextDecoder, which XS has too.
HOST_INTRINSICS = ("TextEncoder", "TextDecoder")


# Chapters made when one of their intrinsics is first looked up (vm/lazy.py), in the
# order they are made when all are: what each defines. tests/vm/test_lazy_builtins.py
# checks these lists against what each chapter's setup really defines.
LAZY_CHAPTERS = {
    "json": ("%JSON%",),
    "reflect": ("%Reflect%",),
    "proxy": ("%Proxy%",),
    "regexp": ("%RegExp%", "%RegExp.prototype%", "%RegExpStringIteratorPrototype%"),
    "map": ("%Map%", "%Map.prototype%", "%MapIteratorPrototype%"),
    "set": ("%Set%", "%Set.prototype%", "%SetIteratorPrototype%"),
    "weak": ("%WeakMap%", "%WeakMap.prototype%", "%WeakSet%", "%WeakSet.prototype%",
             "%WeakRef%", "%WeakRef.prototype%", "%FinalizationRegistry%",
             "%FinalizationRegistry.prototype%"),
    "date": ("%Date%", "%Date.prototype%"),
    "array_buffer": ("%ArrayBuffer%", "%ArrayBuffer.prototype%"),
    "typed_array": ("%TypedArray%", "%TypedArray.prototype%", *(
        f"%{kind}Array{part}%" for kind in (
            "Int8", "Uint8", "Uint8Clamped", "Int16", "Uint16", "Int32", "Uint32", "Float16",
            "Float32", "Float64", "BigInt64", "BigUint64") for part in ("", ".prototype"))),
    "data_view": ("%DataView%", "%DataView.prototype%"),
    "uri": ("%encodeURI%", "%encodeURIComponent%", "%decodeURI%", "%decodeURIComponent%",
            "%escape%", "%unescape%"),
    "iterator_helpers": ("%Iterator%", "%IteratorHelperPrototype%",
                         "%WrapForValidIteratorPrototype%"),
    "text_encoding": ("%TextEncoder%", "%TextEncoder.prototype%", "%TextDecoder%",
                      "%TextDecoder.prototype%"),
}


def setup_intrinsics(realm) -> None:
    """Create the intrinsics of ``realm`` every program needs, and defer the rest."""
    from . import (
        array,
        bigint,
        boolean,
        error,
        function,
        iterator,
        number,
        object,
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
    for chapter, names in LAZY_CHAPTERS.items():
        realm.intrinsics.defer(names, lambda chapter=chapter: setup_chapter(realm, chapter))


def setup_chapter(realm, chapter: str) -> None:
    """Make the intrinsics of one deferred chapter (imported now, not at start-up)."""
    from importlib import import_module

    import_module(f"{__name__}.{chapter}").setup(realm)


def install_globals(global_env) -> None:
    """Give a Global its global object's properties (the intrinsics, the host's
    TextEncoder/TextDecoder and console)."""
    from . import console

    g = global_env.global_object
    intr = global_env.realm.intrinsics
    lazy = getattr(g, "define_lazy", None)  # vm/lazy.py: bound now, made on first use
    for name in GLOBAL_INTRINSICS + HOST_INTRINSICS:
        key = f"%{name}%"
        if lazy is not None and key in intr.deferred:
            lazy(name, lambda key=key: intr[key], WRITABLE | CONFIGURABLE)
            continue
        value = intr.get(key)
        if value is not None:
            g.define(name, value, WRITABLE | CONFIGURABLE)
    g.define("globalThis", g, WRITABLE | CONFIGURABLE)
    g.define("Infinity", float("inf"), 0)
    g.define("NaN", float("nan"), 0)
    g.define("undefined", UNDEFINED, 0)
    console.install(global_env)
