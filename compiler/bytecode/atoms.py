"""Well-known strings ("atoms"): names an image's string table refers to by number.

Every program names built-ins (``console``, ``log``, ``length``, ``prototype``, ``push``)
and a few other strings (``typeof`` results, ``default``, ``""``); spelling them in every
image costs more than the code that uses them. As Moddable XS keeps its built-ins' names
in ROM, a device holds this one table, and a string-table entry may say "atom ``i``"
instead of spelling the bytes (see ``docs/image-format.md``, the strings section).

The table is fixed: an image is only readable by a VM with the same table, so its text is
folded into the instruction-set hash the image header carries (``image.isa_hash``).
Changing, reordering or extending it refuses every image written before (recompile).

Contents: every string property name of the intrinsics (all reachable from
``globalThis`` in this VM, collected by walking ``Reflect.ownKeys`` from it), plus strings
most programs use (typeof results, iterator-result and descriptor keys, ``""``).
Order: the first 60 are those real code uses most (counted over the npm packages of the
test cache and the test programs: property names, identifiers and quoted strings), so
they get one-byte codes; the rest are in code-point order, a stable order.
"""

from __future__ import annotations

# the most used first (their entries take one byte), the rest sorted
ATOMS: tuple[str, ...] = (
    "",
    "value", "type", "length", "name", "number", "object", "string", "undefined", "key",
    "Object", "push", "index", "data", "map", "add", "error", "Array", "Math", "values",
    "has", "split", "id", "call", "next", "constructor", "input", "set", "boolean",
    "function", "get", "size", "console", "prototype", "log", "max", "arguments", "slice",
    "default", "match", "keys", "test", "Error", "then", "Set", "defineProperty", "all",
    "min", "Symbol", "replace", "Map", "isArray", "create", "bind", "toString", "message",
    "String", "includes", "indexOf", "join", "assign",
    "*", "AggregateError", "ArrayBuffer", "BYTES_PER_ELEMENT", "BigInt", "BigInt64Array",
    "BigUint64Array", "Boolean", "Compartment", "DataView", "Date", "E", "EPSILON",
    "EvalError", "FinalizationRegistry", "Float16Array", "Float32Array", "Float64Array",
    "Function", "Global", "Infinity", "Int16Array", "Int32Array", "Int8Array", "Iterator",
    "JSON", "LN10", "LN2", "LOG10E", "LOG2E", "MAX_SAFE_INTEGER", "MAX_VALUE",
    "MIN_SAFE_INTEGER", "MIN_VALUE", "ModuleSource", "NEGATIVE_INFINITY", "NaN", "Number",
    "PI", "POSITIVE_INFINITY", "Promise", "Proxy", "RangeError", "ReferenceError",
    "Reflect", "RegExp", "SQRT1_2", "SQRT2", "SuppressedError", "SyntaxError",
    "TextDecoder", "TextEncoder", "TypeError", "URIError", "UTC", "Uint16Array",
    "Uint32Array", "Uint8Array", "Uint8ClampedArray", "WeakMap", "WeakRef", "WeakSet",
    "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
    "__noNamespaceBox__", "__proto__", "abs", "acos", "acosh", "allSettled", "anchor",
    "any", "apply", "asIntN", "asUintN", "asin", "asinh", "asyncDispose", "asyncIterator",
    "at", "atan", "atan2", "atanh", "big", "bigint", "bindings", "blink", "bold", "buffer",
    "byteLength", "byteOffset", "callee", "caller", "captureStackTrace", "catch", "cause",
    "cbrt", "ceil", "charAt", "charCodeAt", "clear", "clearInterval", "clearTimeout",
    "clz32", "codePointAt", "compile", "concat", "configurable", "construct", "copyWithin",
    "cos", "cosh", "debug", "decode", "decodeURI", "decodeURIComponent", "defineProperties",
    "delete", "deleteProperty", "deref", "description", "detached", "difference", "dispose",
    "done", "dotAll", "drop", "encode", "encodeInto", "encodeURI", "encodeURIComponent",
    "encoding", "endsWith", "entries", "enumerable", "errors", "escape", "eval", "evaluate",
    "every", "exec", "exp", "expm1", "exports", "fatal", "fill", "filter", "finally",
    "find", "findIndex", "findLast", "findLastIndex", "fixed", "flags", "flat", "flatMap",
    "floor", "fontcolor", "fontsize", "for", "forEach", "freeze", "from", "fromCharCode",
    "fromCodePoint", "fromEntries", "fround", "getBigInt64", "getBigUint64", "getDate",
    "getDay", "getFloat16", "getFloat32", "getFloat64", "getFullYear", "getHours",
    "getInt16", "getInt32", "getInt8", "getMilliseconds", "getMinutes", "getMonth",
    "getOrInsert", "getOrInsertComputed", "getOwnPropertyDescriptor",
    "getOwnPropertyDescriptors", "getOwnPropertyNames", "getOwnPropertySymbols",
    "getPrototypeOf", "getSeconds", "getTime", "getTimezoneOffset", "getUTCDate",
    "getUTCDay", "getUTCFullYear", "getUTCHours", "getUTCMilliseconds", "getUTCMinutes",
    "getUTCMonth", "getUTCSeconds", "getUint16", "getUint32", "getUint8", "getYear",
    "global", "globalThis", "groupBy", "groups", "hasIndices", "hasInstance", "hasOwn",
    "hasOwnProperty", "hypot", "ignoreBOM", "ignoreCase", "import", "importNow", "imports",
    "imul", "info", "intersection", "is", "isConcatSpreadable", "isDisjointFrom",
    "isExtensible", "isFinite", "isFrozen", "isInteger", "isNaN", "isPrototypeOf",
    "isSafeInteger", "isSealed", "isSubsetOf", "isSupersetOf", "isView", "isWellFormed",
    "italics", "iterator", "keyFor", "lastIndex", "lastIndexOf", "link", "load",
    "localeCompare", "lockdown", "log10", "log1p", "log2", "matchAll", "maxByteLength",
    "module", "multiline", "needsImport", "needsImportMeta", "normalize", "now", "of",
    "ownKeys", "padEnd", "padStart", "parse", "parseFloat", "parseInt", "pop", "pow",
    "preventExtensions", "propertyIsEnumerable", "queueMicrotask", "race", "random", "raw",
    "reduce", "reduceRight", "reexports", "register", "reject", "repeat", "replaceAll",
    "resizable", "resize", "resolve", "return", "reverse", "revocable", "round", "seal",
    "search", "setBigInt64", "setBigUint64", "setDate", "setFloat16", "setFloat32",
    "setFloat64", "setFullYear", "setHours", "setInt16", "setInt32", "setInt8",
    "setInterval", "setMilliseconds", "setMinutes", "setMonth", "setPrototypeOf",
    "setSeconds", "setTime", "setTimeout", "setUTCDate", "setUTCFullYear", "setUTCHours",
    "setUTCMilliseconds", "setUTCMinutes", "setUTCMonth", "setUTCSeconds", "setUint16",
    "setUint32", "setUint8", "setYear", "shift", "sign", "sin", "sinh", "small", "some",
    "sort", "source", "species", "splice", "sqrt", "stack", "stackTraceLimit", "startsWith",
    "sticky", "strike", "stringify", "sub", "subarray", "substr", "substring", "sup",
    "symbol", "symmetricDifference", "take", "tan", "tanh", "throw", "toArray",
    "toDateString", "toExponential", "toFixed", "toGMTString", "toISOString", "toJSON",
    "toLocaleDateString", "toLocaleLowerCase", "toLocaleString", "toLocaleTimeString",
    "toLocaleUpperCase", "toLowerCase", "toPrecision", "toPrimitive", "toReversed",
    "toSorted", "toSpliced", "toStringTag", "toTimeString", "toUTCString", "toUpperCase",
    "toWellFormed", "transfer", "transferToFixedLength", "trim", "trimEnd", "trimLeft",
    "trimRight", "trimStart", "trunc", "unescape", "unicode", "unicodeSets", "union",
    "unregister", "unscopables", "unshift", "valueOf", "warn", "with", "withResolvers",
    "writable",
)

ATOM_INDEX: dict[str, int] = {name: i for i, name in enumerate(ATOMS)}

__all__ = ["ATOMS", "ATOM_INDEX"]
