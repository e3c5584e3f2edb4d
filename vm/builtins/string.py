"""String (§22.1): the constructor, String.prototype, String exotic objects, and the
string iterator. Strings are UTF-16 code units (DESIGN.md), so indices, lengths and
comparisons are Python's; case mapping and normalisation convert to code points and
back (vm.utf16)."""

from __future__ import annotations

import unicodedata

from ..convert import (
    INF,
    MAX_STRING_LENGTH,
    WHITESPACE,
    describe,
    is_callable,
    number_to_string,
    range_error,
    to_boolean,
    to_integer_or_infinity,
    to_number,
    to_object,
    to_string,
    to_uint16,
    to_uint32,
    type_error,
)
from ..objects import CONFIGURABLE, ENUMERABLE, JSObject, Slot, is_array_index
from ..operations import (
    call,
    construct,
    create_array_from_list,
    get_method,
    get_prototype_from_constructor,
    length_of_array_like,
)
from ..symbols import (
    ITERATOR,
    MATCH,
    MATCH_ALL,
    REPLACE,
    SEARCH,
    SPLIT,
    TO_STRING_TAG,
    symbol_descriptive_string,
)
from ..utf16 import code_point_at, code_point_to_utf16, to_code_points, to_utf16
from ..values import NULL, UNDEFINED, JSSymbol
from .iterator import create_iter_result_object
from .support import arg, make_constructor, method


class JSStringObject(JSObject):
    """A String exotic object: read-only index properties and ``length``."""

    __slots__ = ()

    def __init__(self, proto, value: str, segment=None) -> None:
        super().__init__(proto, "String", segment)
        self.internal = value

    def _index(self, key) -> int:
        if type(key) is str and key.isdigit() and (key == "0" or key[0] != "0"):
            i = int(key)
            if i < len(self.internal):
                return i
        return -1

    def get_own_property(self, key) -> Slot | None:
        if key == "length":
            return Slot(float(len(self.internal)), 0)
        i = self._index(key)
        if i >= 0:
            return Slot(self.internal[i], ENUMERABLE)
        return JSObject.get_own_property(self, key)

    def delete(self, key) -> bool:
        if key == "length" or self._index(key) >= 0:
            return False
        return JSObject.delete(self, key)

    def own_keys(self) -> list:
        rest = JSObject.own_keys(self)
        return [str(i) for i in range(len(self.internal))] + [
            k for k in rest if is_array_index(k)] + ["length"] + [
            k for k in rest if not is_array_index(k)]


def this_string_value(value, method_name: str) -> str:
    """ThisStringValue."""
    if type(value) is str:
        return value
    if isinstance(value, JSStringObject):
        return value.internal
    raise type_error(f"{method_name} requires that 'this' be a String")


def is_regexp(value) -> bool:
    """IsRegExp: @@match decides, else the [[RegExpMatcher]] slot."""
    if not isinstance(value, JSObject):
        return False
    matcher = value.get(MATCH)
    if matcher is not UNDEFINED:
        return to_boolean(matcher)
    return value.class_name == "RegExp"


def get_substitution(matched: str, string: str, position: int, captures: list,
                     named_captures, replacement: str) -> str:
    """GetSubstitution: expand ``$$ $& $` $' $n $nn $<name>`` in a replacement."""
    if "$" not in replacement:
        return replacement
    result = []
    i, n = 0, len(replacement)
    m = len(captures)
    while i < n:
        c = replacement[i]
        nxt = replacement[i + 1] if i + 1 < n else ""
        if c != "$" or not nxt:
            result.append(c)
            i += 1
        elif nxt == "$":
            result.append("$")
            i += 2
        elif nxt == "`":
            result.append(string[:position])
            i += 2
        elif nxt == "&":
            result.append(matched)
            i += 2
        elif nxt == "'":
            result.append(string[min(position + len(matched), len(string)):])
            i += 2
        elif "0" <= nxt <= "9":
            digits = 2 if i + 2 < n and "0" <= replacement[i + 2] <= "9" else 1
            index = int(replacement[i + 1:i + 1 + digits])
            if index > m and digits == 2:
                digits = 1
                index = int(nxt)
            if 1 <= index <= m:
                capture = captures[index - 1]
                result.append("" if capture is UNDEFINED else capture)
            else:
                result.append(replacement[i:i + 1 + digits])
            i += 1 + digits
        elif nxt == "<":
            gt = replacement.find(">", i)
            if gt == -1 or named_captures is UNDEFINED:
                result.append("$<")
                i += 2
            else:
                capture = named_captures.get(replacement[i + 2:gt])
                result.append("" if capture is UNDEFINED else to_string(capture))
                i = gt + 1
        else:
            result.append("$")
            i += 1
    return "".join(result)


def _collation_key(s: str):
    """A rough stand-in for ICU's root collation: letters first compared without accents
    or case, then accents, then case (lower before upper)."""
    text = unicodedata.normalize("NFD", to_code_points(s))
    base = "".join(c for c in text if not unicodedata.combining(c))
    accents = [ord(c) for c in text if unicodedata.combining(c)]
    return base.casefold(), accents, [c.isupper() for c in base], text


def _check_length(n: int) -> None:
    if n > MAX_STRING_LENGTH:
        raise range_error("Invalid string length")


def setup(realm) -> None:
    intr = realm.intrinsics
    proto = JSStringObject(realm.object_prototype, "")

    def string_call(this, args):
        if not args:
            return ""
        value = args[0]
        if type(value) is JSSymbol:
            return symbol_descriptive_string(value)
        return to_string(value)

    def string_construct(args, new_target):
        s = to_string(args[0]) if args else ""
        return JSStringObject(
            get_prototype_from_constructor(realm, new_target, "%String.prototype%"), s)

    ctor = make_constructor(realm, "String", string_call, 1, string_construct, proto)

    def from_char_code(this, args):
        return "".join(chr(to_uint16(c)) for c in args)

    def from_code_point(this, args):
        out = []
        for c in args:
            n = to_number(c)
            if n != n or n in (INF, -INF) or not n.is_integer() or not 0 <= n <= 0x10FFFF:
                raise range_error(f"Invalid code point {number_to_string(n)}")
            out.append(code_point_to_utf16(int(n)))
        return "".join(out)

    def raw(this, args):
        cooked = to_object(realm, arg(args, 0))
        literals = to_object(realm, cooked.get("raw"))
        n = length_of_array_like(literals)
        out = []
        for i in range(n):
            out.append(to_string(literals.get(str(i))))
            if i + 1 < n and i + 1 < len(args):
                out.append(to_string(args[i + 1]))
        return "".join(out)

    method(realm, ctor, "fromCharCode", from_char_code, 1)
    method(realm, ctor, "fromCodePoint", from_code_point, 1)
    method(realm, ctor, "raw", raw, 1)

    # -- String.prototype ---------------------------------------------------------------

    def this_str(this, name: str) -> str:
        if type(this) is str:
            return this
        if this is UNDEFINED or this is NULL:
            raise type_error(f"String.prototype.{name} called on null or undefined")
        return to_string(this)

    def proto_method(name, length):
        def register(fn):
            method(realm, proto, name, fn, length)
            return fn
        return register

    @proto_method("at", 1)
    def at(this, args):
        s = this_str(this, "at")
        k = to_integer_or_infinity(arg(args, 0))
        if k < 0:
            k += len(s)
        if k < 0 or k >= len(s):
            return UNDEFINED
        return s[int(k)]

    @proto_method("charAt", 1)
    def char_at(this, args):
        s = this_str(this, "charAt")
        k = to_integer_or_infinity(arg(args, 0))
        return s[int(k)] if 0 <= k < len(s) else ""

    @proto_method("charCodeAt", 1)
    def char_code_at(this, args):
        s = this_str(this, "charCodeAt")
        k = to_integer_or_infinity(arg(args, 0))
        return float(ord(s[int(k)])) if 0 <= k < len(s) else float("nan")

    @proto_method("codePointAt", 1)
    def code_point_at_(this, args):
        s = this_str(this, "codePointAt")
        k = to_integer_or_infinity(arg(args, 0))
        if not 0 <= k < len(s):
            return UNDEFINED
        return float(code_point_at(s, int(k))[0])

    @proto_method("concat", 1)
    def concat(this, args):
        s = this_str(this, "concat")
        parts = [s, *(to_string(a) for a in args)]
        _check_length(sum(len(p) for p in parts))
        return "".join(parts)

    def search_string(value, name: str) -> str:
        if is_regexp(value):
            raise type_error(f"First argument to String.prototype.{name} must not be a "
                             "regular expression")
        return to_string(value)

    @proto_method("endsWith", 1)
    def ends_with(this, args):
        s = this_str(this, "endsWith")
        search = search_string(arg(args, 0), "endsWith")
        end_arg = arg(args, 1)
        end = len(s) if end_arg is UNDEFINED else int(
            min(max(to_integer_or_infinity(end_arg), 0), len(s)))
        start = end - len(search)
        return start >= 0 and s[start:end] == search

    @proto_method("includes", 1)
    def includes(this, args):
        s = this_str(this, "includes")
        search = search_string(arg(args, 0), "includes")
        start = int(min(max(to_integer_or_infinity(arg(args, 1)), 0), len(s)))
        return s.find(search, start) != -1

    @proto_method("indexOf", 1)
    def index_of(this, args):
        s = this_str(this, "indexOf")
        search = to_string(arg(args, 0))
        start = int(min(max(to_integer_or_infinity(arg(args, 1)), 0), len(s)))
        return float(s.find(search, start))

    @proto_method("isWellFormed", 0)
    def is_well_formed(this, args):
        s = this_str(this, "isWellFormed")
        return not any(0xD800 <= ord(c) <= 0xDFFF for c in to_code_points(s))

    @proto_method("lastIndexOf", 1)
    def last_index_of(this, args):
        s = this_str(this, "lastIndexOf")
        search = to_string(arg(args, 0))
        num_pos = to_number(arg(args, 1))
        pos = INF if num_pos != num_pos else to_integer_or_infinity(num_pos)
        start = int(min(max(pos, 0), len(s)))
        return float(s.rfind(search, 0, start + len(search)))

    @proto_method("localeCompare", 1)
    def locale_compare(this, args):
        s = this_str(this, "localeCompare")
        that = to_string(arg(args, 0))
        a, b = _collation_key(s), _collation_key(that)
        return -1.0 if a < b else (1.0 if a > b else 0.0)

    def regexp_create(pattern, flags):
        ctor_ = intr.get("%RegExp%")
        if ctor_ is None:
            raise type_error("RegExp is not supported")
        return construct(ctor_, [pattern, flags])

    def delegate(this, args, symbol, name, flags=UNDEFINED):
        if this is UNDEFINED or this is NULL:
            raise type_error(f"String.prototype.{name} called on null or undefined")
        regexp = arg(args, 0)
        if isinstance(regexp, JSObject):  # primitives are not asked for a matcher
            if symbol is MATCH_ALL and is_regexp(regexp):
                regexp_flags = regexp.get("flags")
                if regexp_flags is UNDEFINED or regexp_flags is NULL \
                        or "g" not in to_string(regexp_flags):
                    raise type_error("String.prototype.matchAll called with a non-global "
                                     "RegExp argument")
            handler = get_method(realm, regexp, symbol)
            if handler is not UNDEFINED:
                return call(handler, regexp, [this])
        s = to_string(this)
        rx = regexp_create(regexp, flags)
        return call(rx.get(symbol), rx, [s])

    proto_method("match", 1)(lambda this, args: delegate(this, args, MATCH, "match"))
    proto_method("matchAll", 1)(
        lambda this, args: delegate(this, args, MATCH_ALL, "matchAll", "g"))

    @proto_method("normalize", 0)
    def normalize(this, args):
        s = this_str(this, "normalize")
        form = arg(args, 0)
        form = "NFC" if form is UNDEFINED else to_string(form)
        if form not in ("NFC", "NFD", "NFKC", "NFKD"):
            raise range_error("The normalization form should be one of NFC, NFD, NFKC, NFKD.")
        return to_utf16(unicodedata.normalize(form, to_code_points(s)))

    def pad(this, args, at_start: bool, name: str):
        s = this_str(this, name)
        max_length = to_length_arg(arg(args, 0))
        if max_length <= len(s):
            return s
        fill = arg(args, 1)
        fill = " " if fill is UNDEFINED else to_string(fill)
        if not fill:
            return s
        _check_length(max_length)
        fill_len = max_length - len(s)
        padding = (fill * (fill_len // len(fill) + 1))[:fill_len]
        return padding + s if at_start else s + padding

    def to_length_arg(value) -> int:
        n = to_integer_or_infinity(value)
        if n == INF:
            raise range_error("Invalid string length")
        return int(max(n, 0))

    proto_method("padEnd", 1)(lambda this, args: pad(this, args, False, "padEnd"))
    proto_method("padStart", 1)(lambda this, args: pad(this, args, True, "padStart"))

    @proto_method("repeat", 1)
    def repeat(this, args):
        s = this_str(this, "repeat")
        n = to_integer_or_infinity(arg(args, 0))
        if n < 0 or n == INF:
            raise range_error(f"Invalid count value: {to_string(float(n))}")
        if not s or n == 0:
            return ""
        _check_length(len(s) * n)
        return s * int(n)

    def replace_with(string: str, search: str, position: int, replace_value, functional):
        if functional:
            return to_string(call(replace_value, UNDEFINED, [search, float(position), string]))
        return get_substitution(search, string, position, [], UNDEFINED, replace_value)

    @proto_method("replace", 2)
    def replace(this, args):
        if this is UNDEFINED or this is NULL:
            raise type_error("String.prototype.replace called on null or undefined")
        search_value, replace_value = arg(args, 0), arg(args, 1)
        if isinstance(search_value, JSObject):
            replacer = get_method(realm, search_value, REPLACE)
            if replacer is not UNDEFINED:
                return call(replacer, search_value, [this, replace_value])
        string = to_string(this)
        search = to_string(search_value)
        functional = is_callable(replace_value)
        if not functional:
            replace_value = to_string(replace_value)
        position = string.find(search)
        if position == -1:
            return string
        replacement = replace_with(string, search, position, replace_value, functional)
        result = string[:position] + replacement + string[position + len(search):]
        _check_length(len(result))
        return result

    @proto_method("replaceAll", 2)
    def replace_all(this, args):
        if this is UNDEFINED or this is NULL:
            raise type_error("String.prototype.replaceAll called on null or undefined")
        search_value, replace_value = arg(args, 0), arg(args, 1)
        if isinstance(search_value, JSObject):
            if is_regexp(search_value):
                flags = search_value.get("flags")
                if flags is UNDEFINED or flags is NULL or "g" not in to_string(flags):
                    raise type_error("replaceAll must be called with a global RegExp")
            replacer = get_method(realm, search_value, REPLACE)
            if replacer is not UNDEFINED:
                return call(replacer, search_value, [this, replace_value])
        string = to_string(this)
        search = to_string(search_value)
        functional = is_callable(replace_value)
        if not functional:
            replace_value = to_string(replace_value)
        advance = max(1, len(search))
        positions = []
        p = string.find(search)
        while p != -1:
            positions.append(p)
            p = string.find(search, p + advance)
        out = []
        end = 0
        for p in positions:
            out.append(string[end:p])
            out.append(replace_with(string, search, p, replace_value, functional))
            end = p + len(search)
        out.append(string[end:])
        _check_length(sum(len(x) for x in out))
        return "".join(out)

    proto_method("search", 1)(lambda this, args: delegate(this, args, SEARCH, "search"))

    @proto_method("slice", 2)
    def slice_(this, args):
        s = this_str(this, "slice")
        n = len(s)
        start = _relative(arg(args, 0), n, 0)
        end = _relative(arg(args, 1), n, n)
        return s[start:end] if start < end else ""

    @proto_method("split", 2)
    def split(this, args):
        if this is UNDEFINED or this is NULL:
            raise type_error("String.prototype.split called on null or undefined")
        separator, limit = arg(args, 0), arg(args, 1)
        if isinstance(separator, JSObject):
            splitter = get_method(realm, separator, SPLIT)
            if splitter is not UNDEFINED:
                return call(splitter, separator, [this, limit])
        s = to_string(this)
        lim = 2 ** 32 - 1 if limit is UNDEFINED else to_uint32(limit)
        r = to_string(separator)
        if lim == 0:
            return create_array_from_list(realm, [])
        if separator is UNDEFINED:
            return create_array_from_list(realm, [s])
        if not s:
            return create_array_from_list(realm, [] if not r else [s])
        parts = list(s) if not r else s.split(r)
        return create_array_from_list(realm, parts[:lim])

    @proto_method("startsWith", 1)
    def starts_with(this, args):
        s = this_str(this, "startsWith")
        search = search_string(arg(args, 0), "startsWith")
        start = int(min(max(to_integer_or_infinity(arg(args, 1)), 0), len(s)))
        return s.startswith(search, start)

    @proto_method("substr", 2)
    def substr(this, args):
        s = this_str(this, "substr")
        n = len(s)
        start = _relative(arg(args, 0), n, 0)
        length = arg(args, 1)
        count = n if length is UNDEFINED else to_integer_or_infinity(length)
        end = int(min(start + max(count, 0), n))
        return s[start:end] if start < end else ""

    @proto_method("substring", 2)
    def substring(this, args):
        s = this_str(this, "substring")
        n = len(s)
        start = int(min(max(to_integer_or_infinity(arg(args, 0)), 0), n))
        end_arg = arg(args, 1)
        end = n if end_arg is UNDEFINED else int(min(max(to_integer_or_infinity(end_arg), 0), n))
        return s[min(start, end):max(start, end)]

    def case_map(this, name: str, upper: bool):
        s = this_str(this, name)
        if s.isascii():
            return s.upper() if upper else s.lower()
        text = to_code_points(s)
        return to_utf16(text.upper() if upper else text.lower())

    proto_method("toLocaleLowerCase", 0)(
        lambda this, args: case_map(this, "toLocaleLowerCase", False))
    proto_method("toLocaleUpperCase", 0)(
        lambda this, args: case_map(this, "toLocaleUpperCase", True))
    proto_method("toLowerCase", 0)(lambda this, args: case_map(this, "toLowerCase", False))
    proto_method("toString", 0)(
        lambda this, args: this_string_value(this, "String.prototype.toString"))
    proto_method("toUpperCase", 0)(lambda this, args: case_map(this, "toUpperCase", True))

    @proto_method("toWellFormed", 0)
    def to_well_formed(this, args):
        s = this_str(this, "toWellFormed")
        out = []
        i = 0
        while i < len(s):
            cp, size = code_point_at(s, i)
            out.append("\ufffd" if 0xD800 <= cp <= 0xDFFF else s[i:i + size])
            i += size
        return "".join(out)

    proto_method("trim", 0)(lambda this, args: this_str(this, "trim").strip(WHITESPACE))
    trim_end = method(realm, proto, "trimEnd",
                      lambda this, args: this_str(this, "trimEnd").rstrip(WHITESPACE), 0)
    trim_start = method(realm, proto, "trimStart",
                        lambda this, args: this_str(this, "trimStart").lstrip(WHITESPACE), 0)
    proto.define("trimLeft", trim_start)
    proto.define("trimRight", trim_end)
    proto_method("valueOf", 0)(
        lambda this, args: this_string_value(this, "String.prototype.valueOf"))

    # Annex B.2.2: the HTML methods (CreateHTML)
    def html(name: str, tag: str, attribute: str | None):
        def create_html(this, args):
            s = this_str(this, name)
            opening = tag
            if attribute is not None:
                value = to_string(arg(args, 0)).replace('"', "&quot;")
                opening += f' {attribute}="{value}"'
            return f"<{opening}>{s}</{tag}>"
        return create_html

    for name, tag, attribute in (
            ("anchor", "a", "name"), ("big", "big", None), ("blink", "blink", None),
            ("bold", "b", None), ("fixed", "tt", None), ("fontcolor", "font", "color"),
            ("fontsize", "font", "size"), ("italics", "i", None), ("link", "a", "href"),
            ("small", "small", None), ("strike", "strike", None), ("sub", "sub", None),
            ("sup", "sup", None)):
        method(realm, proto, name, html(name, tag, attribute), 0 if attribute is None else 1)

    # -- iteration ----------------------------------------------------------------------

    iter_proto = JSObject(intr["%IteratorPrototype%"])
    intr["%StringIteratorPrototype%"] = iter_proto

    def string_iterator(this, args):
        s = this_str(this, "[Symbol.iterator]")
        it = JSObject(iter_proto, "String Iterator")
        it.internal = [s, 0]
        return it

    method(realm, proto, ITERATOR, string_iterator, 0)

    def iterator_next(this, args):
        if not isinstance(this, JSObject) or this.class_name != "String Iterator" \
                or type(this.internal) is not list:
            raise type_error("Method String Iterator.prototype.next called on incompatible "
                             f"receiver {describe(this)}")
        state = this.internal
        s, i = state
        if s is None or i >= len(s):
            state[0] = None
            return create_iter_result_object(realm, UNDEFINED, True)
        _, size = code_point_at(s, i)
        state[1] = i + size
        return create_iter_result_object(realm, s[i:i + size], False)

    method(realm, iter_proto, "next", iterator_next, 0)
    iter_proto.define(TO_STRING_TAG, "String Iterator", CONFIGURABLE)


def _relative(value, length: int, default: int) -> int:
    if value is UNDEFINED:
        return default
    r = to_integer_or_infinity(value)
    if r < 0:
        return int(max(length + r, 0))
    return int(min(r, length))
