"""Values as Node.js's console.log prints them (util.inspect with its defaults).

A port of node v20's lib/internal/util/inspect.js (depth 2, breakLength 80, compact 3,
colours off) for the kinds of values this VM has: primitives, arrays (holes, more than
100 items, grouping of more than 6 short items into columns), plain and class-instance
objects, null-prototype objects, functions and classes, errors, boxed primitives,
promises, circular references, symbol keys, accessors; and ``format_log_args``, console.log's
handling of several arguments and of ``%s %d %i %f %j %o %O %c %%``.

Errors print their ``stack`` property the way node does. Our stacks are
``Name: message`` plus ``\\n    at <frame>`` lines (vm.builtins.error), so
``console.log(new Error("x"))`` prints ``Error: x`` and then the frame lines; node's
frames name node's own files, so programs compared with node should print
``e.message`` (or ``String(e)``) rather than the error object.
"""

from __future__ import annotations

import unicodedata

from .convert import (
    bigint_to_string,
    is_callable,
    number_to_string,
    to_number,
    to_string,
)
from .objects import ACCESSOR, ENUMERABLE, JSArray, JSError, JSObject, JSThrow, is_array_index
from .patterns import LazyPattern
from .symbols import TO_STRING_TAG, symbol_descriptive_string
from .utf16 import to_code_points
from .values import NULL, UNDEFINED, JSSymbol

K_OBJECT, K_ARRAY, K_ARRAY_EXTRAS = 0, 1, 2
K_MIN_LINE_LENGTH = 16

_KEY_STR = LazyPattern(r"^[a-zA-Z_][a-zA-Z_0-9]*\Z")
_NUMBER = LazyPattern(r"^(0|[1-9][0-9]*)\Z")
_ESCAPE = LazyPattern(r"[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])"
                     r"|(?<![\ud800-\udbff])[\udc00-\udfff]")
_ESCAPE_SINGLE = LazyPattern(r"[\x00-\x1f\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])"
                            r"|(?<![\ud800-\udbff])[\udc00-\udfff]")
_CLASS = LazyPattern(r"^(\s+[^(]*?)\s*{")
_LINE_ENDS = LazyPattern(r"(?<=\n)")
_STACK_NAME = LazyPattern(r"^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n {4}at)")
_ERROR_NAME = LazyPattern(r"^([a-z_A-Z0-9-]*Error)$")
_STRIP_COMMENTS = LazyPattern(r"(//.*?\n)|(/\*(.|\n)*?\*/)")

_META = ["\\x00", "\\x01", "\\x02", "\\x03", "\\x04", "\\x05", "\\x06", "\\x07",
         "\\b", "\\t", "\\n", "\\x0B", "\\f", "\\r", "\\x0E", "\\x0F",
         "\\x10", "\\x11", "\\x12", "\\x13", "\\x14", "\\x15", "\\x16", "\\x17",
         "\\x18", "\\x19", "\\x1A", "\\x1B", "\\x1C", "\\x1D", "\\x1E", "\\x1F"]

# Global names node counts as built-in (for %s's "has a built-in toString" test).
BUILTIN_CONSTRUCTORS = frozenset((
    "AggregateError", "Array", "ArrayBuffer", "BigInt", "Boolean", "DataView", "Date",
    "Error", "EvalError", "FinalizationRegistry", "Function", "Map", "Number", "Object",
    "Promise", "Proxy", "RangeError", "ReferenceError", "RegExp", "Set", "String", "Symbol",
    "SyntaxError", "TypeError", "URIError", "WeakMap", "WeakRef", "WeakSet"))


class Context:
    """util.inspect's ``ctx``: options and the state of one inspection."""

    def __init__(self, realm, depth: float = 2, show_hidden: bool = False) -> None:
        self.realm = realm
        self.depth = depth
        self.show_hidden = show_hidden
        self.compact = 3
        self.break_length = 80
        self.max_array_length = 100
        self.max_string_length = 10000
        self.indentation_lvl = 0
        self.current_depth = 0
        self.seen: list = []
        self.circular: dict[int, int] | None = None
        self.circular_objects: list = []  # keeps ids in ``circular`` alive and unique


def inspect(value, realm, depth: float = 2, show_hidden: bool = False) -> str:
    """util.inspect(value) with node's default options."""
    return format_value(Context(realm, depth, show_hidden), value, 0)


# -- primitives -----------------------------------------------------------------------


def _meta(c: str) -> str:
    o = ord(c)
    if o < 32:
        return _META[o]
    if c == "'":
        return "\\'"
    if c == "\\":
        return "\\\\"
    if 0x7F <= o <= 0x9F:
        return f"\\x{o:02X}"
    return f"\\u{o:x}"


def str_escape(s: str) -> str:
    """strEscape: quote with ', or " or ` when the text has single quotes; escape the rest."""
    pattern = _ESCAPE
    quote = "'"
    if "'" in s:
        if '"' not in s:
            quote = '"'
        elif "`" not in s and "${" not in s:
            quote = "`"
        if quote != "'":
            pattern = _ESCAPE_SINGLE
    return quote + pattern.sub(lambda m: _meta(m.group()), s) + quote


def format_number(x: float) -> str:
    if x == 0 and str(x) == "-0.0":
        return "-0"
    return number_to_string(x)


def format_primitive(ctx: Context, value) -> str:
    t = type(value)
    if t is str:
        trailer = ""
        if len(value) > ctx.max_string_length:
            remaining = len(value) - ctx.max_string_length
            value = value[:ctx.max_string_length]
            trailer = f"... {remaining} more character{'s' if remaining > 1 else ''}"
        if len(value) > K_MIN_LINE_LENGTH and \
                len(value) > ctx.break_length - ctx.indentation_lvl - 4:
            lines = _LINE_ENDS.split(value)
            if lines and lines[-1] == "":
                lines.pop()
            joiner = " +\n" + " " * (ctx.indentation_lvl + 2)
            return joiner.join(str_escape(line) for line in lines) + trailer
        return str_escape(value) + trailer
    if t is float:
        return format_number(value)
    if t is int:
        return f"{bigint_to_string(value)}n"
    if t is bool:
        return "true" if value else "false"
    if value is UNDEFINED:
        return "undefined"
    if t is JSSymbol:
        return symbol_descriptive_string(value)
    return str(value)


# -- objects --------------------------------------------------------------------------


def format_value(ctx: Context, value, recurse_times: int) -> str:
    if not isinstance(value, JSObject):
        if value is NULL:
            return "null"
        return format_primitive(ctx, value)
    if any(v is value for v in ctx.seen):
        index = 1
        if ctx.circular is None:
            ctx.circular = {id(value): index}
            ctx.circular_objects.append(value)
        else:
            index = ctx.circular.get(id(value))
            if index is None:
                index = len(ctx.circular) + 1
                ctx.circular[id(value)] = index
                ctx.circular_objects.append(value)
        return f"[Circular *{index}]"
    if value.is_proxy:  # node shows a proxy as its target, without running any trap
        while value.is_proxy:
            value = value.internal.target
            if value is None:
                return "<Revoked Proxy>"
        return format_value(ctx, value, recurse_times)
    return format_raw(ctx, value, recurse_times)


def _own_descriptor(obj: JSObject, key):
    try:
        return obj.get_own_property(key)
    except (JSError, JSThrow):
        return None


def _safe_get(obj, key):
    try:
        return obj.get(key)
    except (JSError, JSThrow):
        return UNDEFINED


def _is_instance(obj, ctor) -> bool:
    from .operations import instance_of

    try:
        return instance_of(None, obj, ctor)
    except (JSError, JSThrow):
        return False


def _function_name(fn) -> str:
    name = _safe_get(fn, "name")
    return name if type(name) is str else (to_string_safe(name))


def to_string_safe(value) -> str:
    try:
        return to_string(value)
    except (JSError, JSThrow):
        return ""


def _internal_constructor_name(value) -> str:
    if isinstance(value, JSArray):
        return "Array"
    if is_callable(value):
        return "Function"
    return "Object"


def get_constructor_name(obj: JSObject, ctx: Context, recurse_times: int):
    """The name of the nearest constructor up the prototype chain, or None."""
    intr = ctx.realm.intrinsics
    well_known = ((ctx.realm.object_prototype, "Object", intr.get("%Object%")),
                  (ctx.realm.function_prototype, "Function", intr.get("%Function%")))
    tmp = obj
    first_proto = UNDEFINED
    o = obj
    while o is not None:
        for proto, name, ctor in well_known:
            if o is proto and ctor is not None:
                from .operations import ordinary_has_instance

                if ordinary_has_instance(ctor, tmp):
                    return name
        desc = _own_descriptor(o, "constructor")
        if desc is not None and not desc.flags & ACCESSOR and is_callable(desc.value):
            name = _function_name(desc.value)
            if name != "" and _is_instance(tmp, desc.value):
                return name
        o = o.proto
        if first_proto is UNDEFINED:
            first_proto = o
    if first_proto is None:
        return None
    res = _internal_constructor_name(tmp)
    if recurse_times > ctx.depth:
        return f"{res} <Complex prototype>"
    proto_constr = get_constructor_name(first_proto, ctx, recurse_times + 1)
    if proto_constr is None:
        return f"{res} <{inspect(first_proto, ctx.realm, depth=-1)}>"
    return f"{res} <{proto_constr}>"


def get_prefix(constructor, tag: str, fallback: str, size: str = "") -> str:
    if constructor is None:
        if tag != "" and fallback != tag:
            return f"[{fallback}{size}: null prototype] [{tag}] "
        return f"[{fallback}{size}: null prototype] "
    if tag != "" and constructor != tag:
        return f"{constructor}{size} [{tag}] "
    return f"{constructor}{size} "


def _enumerable(obj: JSObject, key) -> bool:
    desc = _own_descriptor(obj, key)
    return desc is not None and bool(desc.flags & ENUMERABLE)


def get_keys(value: JSObject, show_hidden: bool) -> list:
    keys = value.own_keys()
    names = [k for k in keys if type(k) is str]
    symbols = [k for k in keys if type(k) is JSSymbol]
    if show_hidden:
        return names + symbols
    return [k for k in names if _enumerable(value, k)] + [
        k for k in symbols if _enumerable(value, k)]


def _non_index_keys(value: JSObject, show_hidden: bool) -> list:
    return [k for k in get_keys(value, show_hidden) if not is_array_index(k)]


def get_ctx_style(value, constructor, tag: str) -> str:
    fallback = ""
    if constructor is None:
        fallback = _internal_constructor_name(value)
        if fallback == tag:
            fallback = "Object"
    return get_prefix(constructor, tag, fallback)


def _is_error(ctx: Context, value: JSObject) -> bool:
    """node's isError: an error object, or anything inheriting from Error.prototype."""
    if value.class_name == "Error":
        return True
    error_proto = ctx.realm.intrinsics.get("%Error.prototype%")
    p = value.proto
    while p is not None:
        if p is error_proto:
            return True
        p = p.proto
    return False


def _is_boxed(value: JSObject) -> bool:
    return value.class_name in ("Number", "String", "Boolean", "BigInt", "Symbol") and \
        value.internal is not None and type(value.internal) is not list


def format_raw(ctx: Context, value: JSObject, recurse_times: int) -> str:
    constructor = get_constructor_name(value, ctx, recurse_times)
    tag = _safe_get(value, TO_STRING_TAG)
    if type(tag) is not str or (tag != "" and (
            _own_descriptor(value, TO_STRING_TAG) is not None if ctx.show_hidden
            else _enumerable(value, TO_STRING_TAG))):
        tag = ""
    base = ""
    formatter = None
    braces = ["{", "}"]
    extras_type = K_OBJECT

    if isinstance(value, JSArray):
        length = value.length()
        prefix = get_prefix(constructor, tag, "Array", f"({length})") \
            if constructor != "Array" or tag != "" else ""
        keys = _non_index_keys(value, ctx.show_hidden)
        braces = [f"{prefix}[", "]"]
        if length == 0 and not keys:
            return f"{braces[0]}]"
        extras_type = K_ARRAY_EXTRAS
        formatter = format_array
    else:
        keys = get_keys(value, ctx.show_hidden)
        keyed = keyed_collection_braces(value, constructor, tag, keys) \
            or binary_data_braces(value, constructor, tag, keys)
        if type(keyed) is str:
            return keyed
        if keyed is not None:
            braces, formatter = keyed
            if braces[0].endswith("["):
                extras_type = K_ARRAY_EXTRAS
        elif is_callable(value):
            base = get_function_base(ctx, value, constructor, tag)
            if not keys:
                return base
        elif value.class_name == "Module" and constructor is None:  # a module namespace
            braces[0] = f"{get_prefix(constructor, tag, 'Module')}{{"
            if not keys:
                return f"{braces[0]}}}"
        elif constructor == "Object":
            if value.class_name == "Arguments":
                braces[0] = "[Arguments] {"
            elif tag != "":
                braces[0] = f"{get_prefix(constructor, tag, 'Object')}{{"
            if not keys:
                return f"{braces[0]}}}"
        elif value.class_name == "Date" and type(value.internal) is float:
            base = format_date(value.internal)
            prefix = get_prefix(constructor, tag, "Date")
            if prefix != "Date ":
                base = prefix + base
            if not keys:
                return base
        elif _is_error(ctx, value):
            base = format_error(ctx, value, constructor, tag, keys)
            if not keys:
                return base
        elif value.class_name == "RegExp":
            base = f"/{to_string_safe(_safe_get(value, 'source'))}/" \
                   f"{to_string_safe(_safe_get(value, 'flags'))}"
            prefix = get_prefix(constructor, tag, "RegExp")
            if prefix != "RegExp ":
                base = prefix + base
            if not keys or recurse_times > ctx.depth:
                return base
        elif value.class_name == "Promise" and hasattr(value, "state"):
            braces[0] = f"{get_prefix(constructor, tag, 'Promise')}{{"
            formatter = format_promise
        elif _is_boxed(value):
            base = get_boxed_base(ctx, value, keys, constructor, tag)
            if not keys:
                return base
        else:
            if not keys:
                return f"{get_ctx_style(value, constructor, tag)}{{}}"
            braces[0] = f"{get_ctx_style(value, constructor, tag)}{{"

    if recurse_times > ctx.depth:
        name = get_ctx_style(value, constructor, tag)[:-1]
        if constructor is not None:
            name = f"[{name}]"
        return name
    recurse_times += 1
    ctx.seen.append(value)
    ctx.current_depth = recurse_times
    output = formatter(ctx, value, recurse_times) if formatter else []
    for key in keys:
        output.append(format_property(ctx, value, recurse_times, key, extras_type))
    if ctx.circular is not None:
        index = ctx.circular.get(id(value))
        if index is not None and any(o is value for o in ctx.circular_objects):
            reference = f"<ref *{index}>"
            base = reference if base == "" else f"{reference} {base}"
    ctx.seen.pop()
    return reduce_to_single_string(ctx, output, base, braces, extras_type, recurse_times,
                                   value)


def keyed_collection_braces(value: JSObject, constructor, tag: str, keys: list):
    """Map, Set, their iterators, WeakMap, WeakSet: (braces, formatter), or the whole text
    when there is nothing inside, or None for other objects."""
    from .builtins.keyed_data import KeyedData

    kind = value.class_name
    internal = value.internal
    if kind in ("Map", "Set") and type(internal) is KeyedData:
        prefix = get_prefix(constructor, tag, kind, f"({internal.size})")
        if internal.size == 0 and not keys:
            return f"{prefix}{{}}"
        return [f"{prefix}{{", "}"], format_map if kind == "Map" else format_set
    if kind in ("Map Iterator", "Set Iterator") and type(internal) is list:
        label = kind if tag == kind else (f"{tag}] [{kind}" if tag else kind)
        if internal[2] == "entries":
            label = label[:-len(" Iterator")] + " Entries"
        return [f"[{label}] {{", "}"], format_collection_iterator
    if kind in ("WeakMap", "WeakSet") and type(internal) is dict:
        return [f"{get_prefix(constructor, tag, kind)}{{", "}"], \
            lambda ctx, value, recurse_times: ["<items unknown>"]
    return None


def binary_data_braces(value: JSObject, constructor, tag: str, keys: list):
    """Typed arrays, ArrayBuffers and DataViews, as keyed_collection_braces does."""
    from .builtins.array_buffer import is_array_buffer
    from .builtins.data_view import JSDataView
    from .builtins.typed_array import JSTypedArray

    if isinstance(value, JSTypedArray):
        keys[:] = [k for k in keys if not is_array_index(k)]
        n = value.length() or 0
        prefix = get_prefix(constructor, tag, value.kind.name, f"({n})")
        if n == 0 and not keys:
            return f"{prefix}[]"
        return [f"{prefix}[", "]"], format_typed_array
    if is_array_buffer(value):
        keys.insert(0, "byteLength")
        return [f"{get_prefix(constructor, tag, 'ArrayBuffer')}{{", "}"], format_array_buffer
    if isinstance(value, JSDataView):
        keys[:0] = ["byteLength", "byteOffset", "buffer"]
        return [f"{get_prefix(constructor, tag, 'DataView')}{{", "}"], lambda *_: []
    return None


def format_typed_array(ctx: Context, value: JSObject, recurse_times: int) -> list[str]:
    n = value.length() or 0
    shown = min(max(0, ctx.max_array_length), n)
    output = [format_primitive(ctx, value.get_element(float(i))) for i in range(shown)]
    if n > shown:
        output.append(_remaining_text(n - shown))
    return output


def format_array_buffer(ctx: Context, value: JSObject, recurse_times: int) -> list[str]:
    data = value.internal.data
    if data is None:
        return ["(detached)"]
    text = " ".join(f"{b:02x}" for b in data[:ctx.max_array_length])
    remaining = len(data) - ctx.max_array_length
    if remaining > 0:
        text += f" ... {remaining} more byte{'s' if remaining > 1 else ''}"
    return [f"[Uint8Contents]: <{text}>"]


def _format_entries(ctx: Context, items: list, recurse_times: int, show) -> list[str]:
    """At most maxArrayLength entries, each shown by ``show``, then "... n more items"."""
    shown = min(max(0, ctx.max_array_length), len(items))
    ctx.indentation_lvl += 2
    output = [show(item) for item in items[:shown]]
    ctx.indentation_lvl -= 2
    if len(items) > shown:
        output.append(_remaining_text(len(items) - shown))
    return output


def format_set(ctx: Context, value: JSObject, recurse_times: int) -> list[str]:
    return _format_entries(ctx, [k for k, _ in value.internal.live()], recurse_times,
                           lambda k: format_value(ctx, k, recurse_times))


def format_map(ctx: Context, value: JSObject, recurse_times: int) -> list[str]:
    return _format_entries(
        ctx, list(value.internal.live()), recurse_times,
        lambda kv: f"{format_value(ctx, kv[0], recurse_times)} => "
                   f"{format_value(ctx, kv[1], recurse_times)}")


def format_collection_iterator(ctx: Context, value: JSObject, recurse_times: int) -> list[str]:
    """The entries a Map or Set iterator has still to give (without advancing it)."""
    data, cursor, kind = value.internal
    rest = [] if data is None else list(data.live(cursor.pos))
    if kind == "entries":
        def pair(kv):
            inner = [format_value(ctx, kv[0], recurse_times),
                     format_value(ctx, kv[1], recurse_times)]
            return reduce_to_single_string(ctx, inner, "", ["[", "]"], K_ARRAY_EXTRAS,
                                           recurse_times, None)
        return _format_entries(ctx, rest, recurse_times, pair)
    index = 0 if kind == "keys" else 1
    return _format_entries(ctx, rest, recurse_times,
                           lambda kv: format_value(ctx, kv[index], recurse_times))


def format_date(tv: float) -> str:
    """A Date as node shows it: its ISO string, or ``Invalid Date``."""
    from .builtins.date import iso_string

    return "Invalid Date" if tv != tv else iso_string(tv)


def format_promise(ctx: Context, value, recurse_times: int) -> list[str]:
    """A promise's state: ``<pending>``, its value, or ``<rejected> reason``."""
    if value.state == "pending":
        return ["<pending>"]
    ctx.indentation_lvl += 2
    text = format_value(ctx, value.result, recurse_times)
    ctx.indentation_lvl -= 2
    return [f"<rejected> {text}" if value.state == "rejected" else text]


def get_boxed_base(ctx: Context, value: JSObject, keys: list, constructor, tag: str) -> str:
    kind = value.class_name
    if kind == "String":
        del keys[:len(value.internal)]
    base = f"[{kind}"
    if kind != constructor:
        base += " (null prototype)" if constructor is None else f" ({constructor})"
    base += f": {format_primitive(Context(ctx.realm), value.internal)}]"
    if tag != "" and tag != constructor:
        base += f" [{tag}]"
    return base


def _source_text(fn) -> str:
    from .builtins.function import function_to_string

    try:
        return function_to_string(fn)
    except (JSError, JSThrow):
        return ""


def get_function_base(ctx: Context, value: JSObject, constructor, tag: str) -> str:
    stringified = _source_text(value)
    if stringified.startswith("class") and stringified.endswith("}"):
        body = stringified[5:-1]
        bracket = body.find("{")
        if bracket != -1 and ("(" not in body[:bracket]
                              or _CLASS.search(_STRIP_COMMENTS.sub("", body))):
            return get_class_base(value, constructor, tag)
    kind = _function_kind(value)
    if constructor == "Function" and kind != "Function":
        constructor = kind  # the machine has no %GeneratorFunction% and friends (yet)
    base = f"[{kind}"
    if constructor is None:
        base += " (null prototype)"
    name = _safe_get(value, "name")
    if name == "":
        base += " (anonymous)"
    else:
        base += f": {to_string_safe(name) if type(name) is not JSSymbol else symbol_descriptive_string(name)}"  # noqa: E501
    base += "]"
    if constructor != kind and constructor is not None:
        base += f" {constructor}"
    if tag != "" and constructor != tag:
        base += f" [{tag}]"
    return base


def _function_kind(fn) -> str:
    """Function, GeneratorFunction, AsyncFunction or AsyncGeneratorFunction."""
    code = getattr(fn, "code", None)
    kind = "Function"
    if getattr(code, "generator", False):
        kind = "GeneratorFunction"
    if getattr(code, "is_async", False):
        kind = "Async" + kind
    return kind


def get_class_base(value: JSObject, constructor, tag: str) -> str:
    has_name = _own_descriptor(value, "name") is not None
    name = _safe_get(value, "name") if has_name else ""
    name = to_string_safe(name) if name not in (UNDEFINED, NULL, "") else "(anonymous)"
    base = f"class {name}"
    if constructor != "Function" and constructor is not None:
        base += f" [{constructor}]"
    if tag != "" and constructor != tag:
        base += f" [{tag}]"
    if constructor is not None:
        super_name = _safe_get(value.proto, "name") if value.proto is not None else UNDEFINED
        if super_name not in (UNDEFINED, NULL, "", False, 0.0):
            base += f" extends {to_string_safe(super_name)}"
    else:
        base += " extends [null prototype]"
    return f"[{base}]"


# -- errors ---------------------------------------------------------------------------


def _error_to_string(err: JSObject) -> str:
    from .builtins.error import error_to_string

    try:
        return error_to_string(err)
    except (JSError, JSThrow):
        return "Error"


def improve_stack(stack: str, constructor, name: str, tag: str) -> str:
    length = len(name)
    if constructor is None or (name.endswith("Error") and stack.startswith(name) and (
            len(stack) == length or stack[length] in ":\n")):
        fallback = "Error"
        if constructor is None:
            m = _STACK_NAME.match(stack) or _ERROR_NAME.match(stack)
            fallback = (m and m.group(1)) or ""
            length = len(fallback)
            fallback = fallback or "Error"
        prefix = get_prefix(constructor, tag, fallback)[:-1]
        if name != prefix:
            if name in prefix:
                stack = f"{prefix}: {stack}" if length == 0 else f"{prefix}{stack[length:]}"
            else:
                stack = f"{prefix} [{name}]{stack[length:]}"
    return stack


def format_error(ctx: Context, err: JSObject, constructor, tag: str, keys: list) -> str:
    name_value = _safe_get(err, "name")
    name = "Error" if name_value in (UNDEFINED, NULL) else to_string_safe(name_value)
    stack_value = _safe_get(err, "stack")
    from .convert import to_boolean

    stack = to_string_safe(stack_value) if to_boolean(stack_value) else _error_to_string(err)
    if not ctx.show_hidden and keys:
        for key in ("name", "message", "stack"):
            if key in keys and to_string_safe(_safe_get(err, key)) in stack:
                keys.remove(key)
    if err.has_property("cause") and "cause" not in keys:
        keys.append("cause")
    errors = _safe_get(err, "errors")
    if isinstance(errors, JSArray) and "errors" not in keys:
        keys.append("errors")
    stack = improve_stack(stack, constructor, name, tag)
    message = _safe_get(err, "message")
    pos = -1
    if message not in (UNDEFINED, NULL, "", False, 0.0):
        message = to_string_safe(message)
        pos = stack.find(message)
        pos = pos + len(message) if pos > 0 else -1
    if stack.find("\n    at", max(pos, 0)) == -1:
        stack = f"[{stack}]"  # no frames: node brackets the text
    if ctx.indentation_lvl:
        stack = stack.replace("\n", "\n" + " " * ctx.indentation_lvl)
    return stack


# -- arrays ---------------------------------------------------------------------------


def _remaining_text(remaining: int) -> str:
    return f"... {remaining} more item{'s' if remaining > 1 else ''}"


def format_array(ctx: Context, value: JSArray, recurse_times: int) -> list[str]:
    length = value.length()
    n = min(max(0, ctx.max_array_length), length)
    remaining = length - n
    output: list[str] = []
    for i in range(n):
        if _own_descriptor(value, str(i)) is None:
            return format_special_array(ctx, value, recurse_times, n, output, i)
        output.append(format_property(ctx, value, recurse_times, str(i), K_ARRAY))
    if remaining > 0:
        output.append(_remaining_text(remaining))
    return output


def format_special_array(ctx: Context, value: JSArray, recurse_times: int, max_length: int,
                         output: list[str], i: int) -> list[str]:
    keys = [k for k in value.own_keys() if type(k) is str and _enumerable(value, k)]
    index = i
    while i < len(keys) and len(output) < max_length:
        key = keys[i]
        if not _NUMBER.match(key) or int(key) > 2 ** 32 - 2:
            break
        tmp = int(key)
        if str(index) != key:
            empty = tmp - index
            output.append(f"<{empty} empty item{'s' if empty > 1 else ''}>")
            index = tmp
            if len(output) == max_length:
                break
        output.append(format_property(ctx, value, recurse_times, key, K_ARRAY))
        index += 1
        i += 1
    remaining = value.length() - index
    if len(output) != max_length:
        if remaining > 0:
            output.append(f"<{remaining} empty item{'s' if remaining > 1 else ''}>")
    elif remaining > 0:
        output.append(_remaining_text(remaining))
    return output


def get_string_width(s: str) -> int:
    """Columns a string takes in a terminal (wide East Asian characters count 2)."""
    width = 0
    for i, c in enumerate(s):
        o = ord(c)
        if o >= 127:
            return width + _unicode_width(s[i:])
        if o >= 32:
            width += 1
    return width


def _unicode_width(s: str) -> int:
    width = 0
    for c in unicodedata.normalize("NFC", to_code_points(s)):
        o = ord(c)
        if o < 32 or 0x7F <= o <= 0x9F or unicodedata.combining(c) or \
                unicodedata.category(c) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return width


def _js_round(x: float) -> int:
    from math import floor

    r = floor(x)
    return r + 1 if x - r >= 0.5 else r


def group_array_elements(ctx: Context, output: list[str], value) -> list[str]:
    """Lay out many short array entries in aligned columns, as node does."""
    total_length = 0
    max_length = 0
    output_length = len(output)
    if ctx.max_array_length < len(output):
        output_length -= 1  # the "... more items" entry stays on its own
    separator_space = 2
    data_len = []
    for i in range(output_length):
        n = get_string_width(output[i])
        data_len.append(n)
        total_length += n + separator_space
        max_length = max(max_length, n)
    actual_max = max_length + separator_space
    if actual_max * 3 + ctx.indentation_lvl < ctx.break_length and (
            total_length / actual_max > 5 or max_length <= 6):
        average_bias = (actual_max - total_length / len(output)) ** 0.5
        biased_max = max(actual_max - 3 - average_bias, 1)
        columns = min(
            _js_round((2.5 * biased_max * output_length) ** 0.5 / biased_max),
            (ctx.break_length - ctx.indentation_lvl) // actual_max,
            ctx.compact * 4,
            15,
        )
        if columns <= 1:
            return output
        tmp = []
        max_line_length = []
        for i in range(columns):
            line_max = 0
            for j in range(i, len(output), columns):
                if j < output_length and data_len[j] > line_max:
                    line_max = data_len[j]
            max_line_length.append(line_max + separator_space)
        pad_start = True
        if value is not None:
            for i in range(len(output)):
                v = value.get(str(i))
                if type(v) is not float and type(v) is not int:
                    pad_start = False
                    break
        for i in range(0, output_length, columns):
            max_i = min(i + columns, output_length)
            parts = []
            j = i
            while j < max_i - 1:
                padding = max_line_length[j - i] + len(output[j]) - data_len[j]
                cell = f"{output[j]}, "
                parts.append(cell.rjust(padding) if pad_start else cell.ljust(padding))
                j += 1
            if pad_start:
                padding = max_line_length[j - i] + len(output[j]) - data_len[j] - \
                    separator_space
                parts.append(output[j].rjust(padding))
            else:
                parts.append(output[j])
            tmp.append("".join(parts))
        if ctx.max_array_length < len(output):
            tmp.append(output[output_length])
        output = tmp
    return output


# -- properties and layout ------------------------------------------------------------


def format_property(ctx: Context, value: JSObject, recurse_times: int, key,
                    kind: int) -> str:
    desc = _own_descriptor(value, key)
    if desc is None:
        from .objects import Slot

        desc = Slot(_safe_get(value, key))
    if not desc.flags & ACCESSOR and desc.value is not UNDEFINED:
        ctx.indentation_lvl += 2
        s = format_value(ctx, desc.value, recurse_times)
        ctx.indentation_lvl -= 2
    elif desc.flags & ACCESSOR and desc.getter is not UNDEFINED:
        s = "[Getter/Setter]" if desc.setter is not UNDEFINED else "[Getter]"
    elif desc.flags & ACCESSOR and desc.setter is not UNDEFINED:
        s = "[Setter]"
    else:
        s = "undefined"
    if kind == K_ARRAY:
        return s
    if type(key) is JSSymbol:
        name = "[" + _ESCAPE.sub(lambda m: _meta(m.group()), symbol_descriptive_string(key)) + "]"
    elif key == "__proto__":
        name = "['__proto__']"
    elif not desc.flags & ENUMERABLE:
        name = "[" + _ESCAPE.sub(lambda m: _meta(m.group()), key) + "]"
    elif _KEY_STR.match(key):
        name = key
    else:
        name = str_escape(key)
    return f"{name}: {s}"


def is_below_break_length(ctx: Context, output: list[str], start: int, base: str) -> bool:
    total = len(output) + start
    if total + len(output) > ctx.break_length:
        return False
    for entry in output:
        total += len(entry)
        if total > ctx.break_length:
            return False
    return base == "" or "\n" not in base


def reduce_to_single_string(ctx: Context, output: list[str], base: str, braces: list[str],
                            extras_type: int, recurse_times: int, value) -> str:
    entries = len(output)
    if extras_type == K_ARRAY_EXTRAS and entries > 6:
        output = group_array_elements(ctx, output, value)
    if ctx.current_depth - recurse_times < ctx.compact and entries == len(output):
        start = len(output) + ctx.indentation_lvl + len(braces[0]) + len(base) + 10
        if is_below_break_length(ctx, output, start, base):
            joined = ", ".join(output)
            if "\n" not in joined:
                return f"{base + ' ' if base else ''}{braces[0]} {joined} {braces[1]}"
    indentation = "\n" + " " * ctx.indentation_lvl
    return (f"{base + ' ' if base else ''}{braces[0]}{indentation}  "
            f"{(',' + indentation + '  ').join(output)}{indentation}{braces[1]}")


# -- console.log's formatting ---------------------------------------------------------


def _has_builtin_to_string(realm, value: JSObject) -> bool:
    """hasBuiltInToString: no own or user-defined toString / @@toPrimitive."""
    from .symbols import TO_PRIMITIVE

    while value.is_proxy:  # node counts a proxy as its target, and a revoked one as built-in
        value = value.internal.target
        if value is None:
            return True
    to_string_fn = _safe_get(value, "toString")
    to_primitive_fn = _safe_get(value, TO_PRIMITIVE)
    check_to_string = check_to_primitive = True
    if not is_callable(to_string_fn):
        if not is_callable(to_primitive_fn):
            return True
        if _own_descriptor(value, TO_PRIMITIVE) is not None:
            return False
        check_to_string = False
    elif _own_descriptor(value, "toString") is not None:
        return False
    elif not is_callable(to_primitive_fn):
        check_to_primitive = False
    elif _own_descriptor(value, TO_PRIMITIVE) is not None:
        return False
    pointer = value
    while True:
        pointer = pointer.proto
        if pointer is None:
            return True
        if (check_to_string and _own_descriptor(pointer, "toString") is not None) or (
                check_to_primitive and _own_descriptor(pointer, TO_PRIMITIVE) is not None):
            break
    desc = _own_descriptor(pointer, "constructor")
    return desc is not None and is_callable(desc.value) and \
        _function_name(desc.value) in BUILTIN_CONSTRUCTORS


def format_log_args(args: list, realm) -> str:
    """console.log's text for its arguments (util.formatWithOptions)."""
    from .builtins.number import parse_float, parse_int

    if not args:
        return ""
    first = args[0]
    a = 0
    out: list[str] = []
    join = ""
    if type(first) is str:
        if len(args) == 1:
            return first
        last_pos = 0
        i = 0
        while i < len(first) - 1:
            if first[i] == "%":
                i += 1
                c = first[i]
                if a + 1 != len(args):
                    if c == "s":
                        a += 1
                        arg = args[a]
                        if type(arg) is float:
                            temp = format_number(arg)
                        elif type(arg) is int:
                            temp = f"{bigint_to_string(arg)}n"
                        elif not isinstance(arg, JSObject) or not _has_builtin_to_string(
                                realm, arg):
                            temp = _string_of(arg)
                        else:
                            temp = inspect(arg, realm, depth=0)
                    elif c == "j":
                        a += 1
                        temp = _json_of(realm, args[a])
                    elif c == "d":
                        a += 1
                        arg = args[a]
                        if type(arg) is int:
                            temp = f"{bigint_to_string(arg)}n"
                        elif type(arg) is JSSymbol:
                            temp = "NaN"
                        else:
                            temp = format_number(to_number(arg))
                    elif c == "O":
                        a += 1
                        temp = inspect(args[a], realm)
                    elif c == "o":
                        a += 1
                        temp = inspect(args[a], realm, depth=4, show_hidden=True)
                    elif c == "i":
                        a += 1
                        arg = args[a]
                        if type(arg) is int:
                            temp = f"{bigint_to_string(arg)}n"
                        elif type(arg) is JSSymbol:
                            temp = "NaN"
                        else:
                            temp = format_number(parse_int(arg, UNDEFINED))
                    elif c == "f":
                        a += 1
                        arg = args[a]
                        temp = "NaN" if type(arg) is JSSymbol else format_number(parse_float(arg))
                    elif c == "c":
                        a += 1
                        temp = ""
                    elif c == "%":
                        out.append(first[last_pos:i])
                        last_pos = i + 1
                        i += 1
                        continue
                    else:
                        i += 1
                        continue
                    if last_pos != i - 1:
                        out.append(first[last_pos:i - 1])
                    out.append(temp)
                    last_pos = i + 1
                elif c == "%":
                    out.append(first[last_pos:i])
                    last_pos = i + 1
            i += 1
        if last_pos != 0:
            a += 1
            join = " "
            if last_pos < len(first):
                out.append(first[last_pos:])
    while a < len(args):
        value = args[a]
        out.append(join)
        out.append(value if type(value) is str else inspect(value, realm))
        join = " "
        a += 1
    return "".join(out)


def _string_of(value) -> str:
    """String(value): symbols as their descriptive string."""
    if type(value) is JSSymbol:
        return symbol_descriptive_string(value)
    return to_string(value)


def _json_of(realm, value) -> str:
    from .builtins.json import json_stringify

    try:
        result = json_stringify(realm, value)
    except JSError as e:
        if e.kind == "TypeError" and e.message.startswith("Converting circular structure"):
            return "[Circular]"
        raise
    return "undefined" if result is UNDEFINED else result
