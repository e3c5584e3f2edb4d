"""The JSON object (§25.5): parse (Python's json, held to JSON's grammar) and stringify."""

from __future__ import annotations

import math

from ..convert import (
    is_callable,
    number_to_string,
    to_integer_or_infinity,
    to_number,
    to_string,
    type_error,
)
from ..objects import CONFIGURABLE, JSError, JSObject
from ..operations import (
    create_array_from_list,
    create_data_property,
    enumerable_own_keys,
    is_array,
    length_of_array_like,
)
from ..symbols import TO_STRING_TAG
from ..utf16 import to_utf16
from ..values import NULL, UNDEFINED
from .support import arg, method


class _Pairs(list):
    """An object's members as the Python parser saw them, in order."""


def _reject_constant(name: str):
    raise ValueError(name)


def _syntax_error(text: str, pos: int) -> JSError:
    if pos >= len(text):
        return JSError("SyntaxError", "Unexpected end of JSON input")
    snippet = text if len(text) < 32 else text[:30] + "..."
    return JSError("SyntaxError", f"Unexpected token '{text[pos]}', \"{snippet}\" is not "
                                  "valid JSON")


def parse_json_text(realm, text: str):
    """ParseJSON: the value a JSON text spells, as JavaScript values."""
    import json as pyjson  # imported on first use: start-up time matters

    try:
        raw = pyjson.loads(text, object_pairs_hook=_Pairs, parse_float=float,
                           parse_int=float, parse_constant=_reject_constant)
    except pyjson.JSONDecodeError as e:
        if e.msg == "Extra data":
            raise JSError("SyntaxError", "Unexpected non-whitespace character after JSON at "
                                         f"position {e.pos}") from None
        raise _syntax_error(text, e.pos) from None
    except ValueError:
        i = min((text.find(w) for w in ("NaN", "Infinity") if w in text), default=0)
        raise _syntax_error(text, i) from None
    except RecursionError:
        raise JSError("RangeError", "Maximum call stack size exceeded") from None
    try:
        return _to_js(realm, raw)
    except RecursionError:
        raise JSError("RangeError", "Maximum call stack size exceeded") from None


def _to_js(realm, raw):
    t = type(raw)
    if t is str:
        return to_utf16(raw)
    if t is _Pairs:
        obj = JSObject(realm.object_prototype)
        for key, value in raw:
            obj.props[to_utf16(key)] = _to_js(realm, value)
        return obj
    if t is list:
        return create_array_from_list(realm, [_to_js(realm, v) for v in raw])
    if raw is None:
        return NULL
    return raw  # float or bool


def _internalize(realm, holder: JSObject, name: str, reviver):
    """InternalizeJSONProperty: the reviver walk, children first."""
    from .. import objects

    value = holder.get(name)
    if isinstance(value, JSObject):
        if is_array(value):
            keys = [str(i) for i in range(length_of_array_like(value))]
        else:
            keys = enumerable_own_keys(value)
        for key in keys:
            new = _internalize(realm, value, key, reviver)
            if new is UNDEFINED:
                value.delete(key)
            else:
                create_data_property(value, key, new)
    return objects.call_function(reviver, holder, [name, value])


_ESCAPES = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"',
            "\\": "\\\\"}


def quote_json_string(s: str) -> str:
    """QuoteJSONString: escapes, \\u00XX for controls, \\uXXXX for lone surrogates."""
    out = ['"']
    n = len(s)
    for i, c in enumerate(s):
        o = ord(c)
        if c in _ESCAPES:
            out.append(_ESCAPES[c])
        elif o < 0x20:
            out.append(f"\\u{o:04x}")
        elif 0xD800 <= o <= 0xDBFF:
            if i + 1 < n and 0xDC00 <= ord(s[i + 1]) <= 0xDFFF:
                out.append(c)
            else:
                out.append(f"\\u{o:04x}")
        elif 0xDC00 <= o <= 0xDFFF:
            if i > 0 and 0xD800 <= ord(s[i - 1]) <= 0xDBFF:
                out.append(c)
            else:
                out.append(f"\\u{o:04x}")
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def json_stringify(realm, value, replacer=UNDEFINED, space=UNDEFINED):
    """JSON.stringify: a str, or UNDEFINED when the value serialises to nothing."""
    from .. import objects

    replacer_fn = None
    property_list = None
    if isinstance(replacer, JSObject):
        if is_callable(replacer):
            replacer_fn = replacer
        elif is_array(replacer):
            property_list = []
            for i in range(length_of_array_like(replacer)):
                v = replacer.get(str(i))
                item = None
                if type(v) is str:
                    item = v
                elif type(v) is float:
                    item = number_to_string(v)
                elif isinstance(v, JSObject) and v.class_name in ("String", "Number") \
                        and v.internal is not None:
                    item = to_string(v)
                if item is not None and item not in property_list:
                    property_list.append(item)
    if isinstance(space, JSObject):
        if space.class_name == "Number" and space.internal is not None:
            space = to_number(space)
        elif space.class_name == "String" and space.internal is not None:
            space = to_string(space)
    if type(space) is float:
        gap = " " * int(min(10, max(0, to_integer_or_infinity(space))))
    elif type(space) is str:
        gap = space[:10]
    else:
        gap = ""
    stack: list = []

    def serialize_property(holder: JSObject, key: str, value, indent: str):
        if isinstance(value, JSObject) or type(value) is int:
            to_json = value.get("toJSON") if isinstance(value, JSObject) else \
                realm.intrinsics["%BigInt.prototype%"].get("toJSON")
            if is_callable(to_json):
                value = objects.call_function(to_json, value, [key])
        if replacer_fn is not None:
            value = objects.call_function(replacer_fn, holder, [key, value])
        if isinstance(value, JSObject):
            cls = value.class_name
            if cls == "Number" and type(value.internal) is float:
                value = to_number(value)
            elif cls == "String" and type(value.internal) is str:
                value = to_string(value)
            elif cls == "Boolean" and type(value.internal) is bool:
                value = value.internal
            elif cls == "BigInt" and type(value.internal) is int:
                value = value.internal
        if value is NULL:
            return "null"
        t = type(value)
        if t is bool:
            return "true" if value else "false"
        if t is str:
            return quote_json_string(value)
        if t is float:
            return number_to_string(value) if math.isfinite(value) else "null"
        if t is int:
            raise type_error("Do not know how to serialize a BigInt")
        if isinstance(value, JSObject) and not is_callable(value):
            if is_array(value):
                return serialize_array(value, indent)
            return serialize_object(value, indent)
        return UNDEFINED

    def enter(value):
        if any(v is value for v in stack):
            raise type_error("Converting circular structure to JSON")
        stack.append(value)

    def serialize_object(value: JSObject, indent: str) -> str:
        enter(value)
        stepback = indent
        indent += gap
        keys = property_list if property_list is not None else enumerable_own_keys(value)
        parts = []
        for key in keys:
            s = serialize_property(value, key, value.get(key), indent)
            if s is not UNDEFINED:
                member = quote_json_string(key) + (": " if gap else ":") + s
                parts.append(member)
        stack.pop()
        if not parts:
            return "{}"
        if not gap:
            return "{" + ",".join(parts) + "}"
        sep = ",\n" + indent
        return "{\n" + indent + sep.join(parts) + "\n" + stepback + "}"

    def serialize_array(value: JSObject, indent: str) -> str:
        enter(value)
        stepback = indent
        indent += gap
        parts = []
        for i in range(length_of_array_like(value)):
            s = serialize_property(value, str(i), value.get(str(i)), indent)
            parts.append("null" if s is UNDEFINED else s)
        stack.pop()
        if not parts:
            return "[]"
        if not gap:
            return "[" + ",".join(parts) + "]"
        sep = ",\n" + indent
        return "[\n" + indent + sep.join(parts) + "\n" + stepback + "]"

    wrapper = JSObject(realm.object_prototype)
    wrapper.props[""] = value
    try:
        return serialize_property(wrapper, "", value, "")
    except RecursionError:
        raise JSError("RangeError", "Maximum call stack size exceeded") from None


def setup(realm) -> None:
    obj = JSObject(realm.object_prototype)
    realm.intrinsics["%JSON%"] = obj

    def parse(this, args):
        text = to_string(arg(args, 0))
        value = parse_json_text(realm, text)
        reviver = arg(args, 1)
        if is_callable(reviver):
            root = JSObject(realm.object_prototype)
            root.props[""] = value
            try:
                return _internalize(realm, root, "", reviver)
            except RecursionError:
                raise JSError("RangeError", "Maximum call stack size exceeded") from None
        return value

    def stringify(this, args):
        return json_stringify(realm, arg(args, 0), arg(args, 1), arg(args, 2))

    method(realm, obj, "parse", parse, 2)
    method(realm, obj, "stringify", stringify, 3)
    obj.define(TO_STRING_TAG, "JSON", CONFIGURABLE)

