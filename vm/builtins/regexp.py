"""RegExp (§22.2): the constructor, RegExp.prototype, the Symbol.match / matchAll /
replace / search / split protocol, and %RegExpStringIteratorPrototype%.

Matching itself is :mod:`vm.regexp` (our engine, loaded on first use); this module is
the spec's glue: RegExpInitialize, RegExpBuiltinExec, RegExpExec and the symbol methods,
which observe user-overridable ``exec``, ``flags`` and ``lastIndex`` exactly as
ECMA-262 orders it.
A match charges the interpreter's step budget as it backtracks, so a runaway pattern
stops like a runaway loop does.
"""

from __future__ import annotations

from .. import objects
from ..convert import (
    is_callable,
    to_boolean,
    to_integer_or_infinity,
    to_length,
    to_object,
    to_string,
    to_uint32,
    type_error,
)
from ..objects import CONFIGURABLE, WRITABLE, JSError, JSObject, Slot, same_value
from ..operations import (
    call,
    construct,
    create_array_from_list,
    create_data_property_or_throw,
    get_prototype_from_constructor,
    set_,
    species_constructor,
)
from ..symbols import MATCH, MATCH_ALL, REPLACE, SEARCH, SPECIES, SPLIT, TO_STRING_TAG
from ..values import NULL, UNDEFINED
from .iterator import create_iter_result_object
from .string import get_substitution, is_regexp
from .support import accessor, arg, make_constructor, method

_FLAG_PROPERTIES = (
    ("hasIndices", "d"), ("global", "g"), ("ignoreCase", "i"), ("multiline", "m"),
    ("dotAll", "s"), ("unicode", "u"), ("unicodeSets", "v"), ("sticky", "y"),
)


class RegExpData:
    """[[OriginalSource]], [[OriginalFlags]] and [[RegExpMatcher]] of a RegExp object."""

    __slots__ = ("source", "flags", "program")

    def __init__(self, source: str, flags: str, program):
        self.source = source
        self.flags = flags
        self.program = program


def is_regexp_object(value) -> bool:
    """Has a [[RegExpMatcher]] slot."""
    return isinstance(value, JSObject) and type(value.internal) is RegExpData


def charge_steps(n: int) -> None:
    """The engine's meter: backtracking costs interpreter steps like loop iterations."""
    interpreter = getattr(objects.call_function, "__self__", None)
    if interpreter is None:
        return
    interpreter.steps -= n
    if interpreter.steps < 0:
        interpreter.machine.out_of_steps()


# The engine (vm.regexp and the compiler's pattern validator) is imported on first use,
# by the functions below: a program that makes no RegExp never loads it (start-up).


def compile_program(source: str, flags: str):
    from .. import regexp as engine

    try:
        return engine.compile_pattern(source, flags)
    except engine.RegExpSyntaxError as err:
        raise JSError("SyntaxError", str(err)) from None


def run_program(program, s: str, index: int, sticky: bool):
    from .. import regexp as engine

    try:
        return engine.run(program, s, index, sticky, charge_steps)
    except engine.RegExpStackOverflow as err:
        raise JSError("RangeError", str(err)) from None


def escape_pattern(source: str) -> str:
    """EscapeRegExpPattern: text that reads back as the same pattern between slashes."""
    if not source:
        return "(?:)"
    out = []
    in_class = False
    i = 0
    while i < len(source):
        c = source[i]
        if c == "\\" and i + 1 < len(source):
            nxt = source[i + 1]
            out.append("\\" + nxt if nxt not in _LINE_ESCAPES else _LINE_ESCAPES[nxt])
            i += 2
            continue
        if c == "[":
            in_class = True
        elif c == "]":
            in_class = False
        if c == "/" and not in_class:
            out.append("\\/")
        else:
            out.append(_LINE_ESCAPES.get(c, c))
        i += 1
    return "".join(out)


_LINE_ESCAPES = {"\n": "\\n", "\r": "\\r", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def advance_string_index(s: str, index: int, unicode: bool) -> int:
    """AdvanceStringIndex: one code unit, or one code point with u/v."""
    if not unicode or index + 1 >= len(s):
        return index + 1
    if 0xD800 <= ord(s[index]) <= 0xDBFF and 0xDC00 <= ord(s[index + 1]) <= 0xDFFF:
        return index + 2
    return index + 1


def setup(realm) -> None:
    intr = realm.intrinsics
    proto = JSObject(realm.object_prototype)

    # -- the constructor (§22.2.4) ------------------------------------------------------

    def regexp_alloc(new_target) -> JSObject:
        obj = JSObject(get_prototype_from_constructor(realm, new_target, "%RegExp.prototype%"),
                       "RegExp")
        obj.define("lastIndex", UNDEFINED, WRITABLE)
        return obj

    def regexp_initialize(obj: JSObject, pattern, flags) -> JSObject:
        p = "" if pattern is UNDEFINED else to_string(pattern)
        f = "" if flags is UNDEFINED else to_string(flags)
        if any(c not in "dgimsuvy" for c in f) or len(set(f)) != len(f) or (
                "u" in f and "v" in f):
            raise JSError("SyntaxError", f"Invalid flags supplied to RegExp constructor '{f}'")
        obj.internal = RegExpData(p, f, compile_program(p, f))
        set_(obj, "lastIndex", 0.0)
        return obj

    def regexp_create(pattern, flags) -> JSObject:
        return regexp_initialize(regexp_alloc(ctor), pattern, flags)

    def regexp_construct(args, new_target):
        return make_regexp(args, new_target)

    def regexp_call(this, args):
        return make_regexp(args, None)

    def make_regexp(args, new_target):
        pattern, flags = arg(args, 0), arg(args, 1)
        pattern_is_regexp = is_regexp(pattern)
        if new_target is None:
            new_target = ctor
            if pattern_is_regexp and flags is UNDEFINED:
                if same_value(new_target, pattern.get("constructor")):
                    return pattern
        if is_regexp_object(pattern):
            p = pattern.internal.source
            f = pattern.internal.flags if flags is UNDEFINED else flags
        elif pattern_is_regexp:
            p = pattern.get("source")
            f = pattern.get("flags") if flags is UNDEFINED else flags
        else:
            p, f = pattern, flags
        obj = regexp_alloc(new_target)
        return regexp_initialize(obj, p, f)

    ctor = make_constructor(realm, "RegExp", regexp_call, 2, regexp_construct, proto)
    accessor(realm, ctor, SPECIES, lambda this, args: this)
    realm.regexp_create = regexp_create  # regular expression literals (NEWREGEXP)

    method(realm, ctor, "escape", lambda this, args: regexp_escape(arg(args, 0)), 1)

    # -- exec (§22.2.7) -----------------------------------------------------------------

    def this_regexp(this, name: str) -> JSObject:
        if not is_regexp_object(this):
            raise type_error(f"RegExp.prototype.{name} requires that 'this' be a RegExp object")
        return this

    def exec_indices(r: JSObject, s: str) -> list[int] | None:
        """RegExpBuiltinExec up to the match: the capture indices, lastIndex updated."""
        data: RegExpData = r.internal
        last_index = to_length(r.get("lastIndex"))
        flags = data.flags
        is_global, sticky = "g" in flags, "y" in flags
        if not is_global and not sticky:
            last_index = 0
        if last_index > len(s):
            if is_global or sticky:
                set_(r, "lastIndex", 0.0)
            return None
        caps = run_program(data.program, s, last_index, sticky)
        if caps is None:
            if is_global or sticky:
                set_(r, "lastIndex", 0.0)
            return None
        if is_global or sticky:
            set_(r, "lastIndex", float(caps[1]))
        return caps

    def builtin_exec(r: JSObject, s: str):
        """RegExpBuiltinExec."""
        caps = exec_indices(r, s)
        if caps is None:
            return NULL
        return match_result(r.internal, s, caps, "d" in r.internal.flags)

    def match_result(data: RegExpData, s: str, caps: list[int], has_indices: bool):
        program = data.program
        count = program.group_count + 1
        values = []
        for g in range(count):
            start, end = caps[2 * g], caps[2 * g + 1]
            values.append(UNDEFINED if start < 0 or end < 0 else s[start:end])
        a = create_array_from_list(realm, values)
        create_data_property_or_throw(a, "index", float(caps[0]))
        create_data_property_or_throw(a, "input", s)
        names = program.group_names
        has_names = any(n is not None for n in names)
        groups = named_object(names, values) if has_names else UNDEFINED
        create_data_property_or_throw(a, "groups", groups)
        if has_indices:
            pairs = []
            for g in range(count):
                start, end = caps[2 * g], caps[2 * g + 1]
                pairs.append(UNDEFINED if start < 0 or end < 0 else create_array_from_list(
                    realm, [float(start), float(end)]))
            indices = create_array_from_list(realm, pairs)
            create_data_property_or_throw(
                indices, "groups", named_object(names, pairs) if has_names else UNDEFINED)
            create_data_property_or_throw(a, "indices", indices)
        return a

    def named_object(names, values) -> JSObject:
        """The groups object; with duplicate names the participating group wins."""
        groups = JSObject(None)
        matched = set()
        for g, name in enumerate(names):
            if name is None or name in matched:
                continue
            if values[g] is not UNDEFINED:
                matched.add(name)
            create_data_property_or_throw(groups, name, values[g])
        return groups

    exec_fn = method(realm, proto, "exec", lambda this, args: builtin_exec(
        this_regexp(this, "exec"), to_string(arg(args, 0))), 1)

    def regexp_exec(r: JSObject, s: str):
        """RegExpExec: a user ``exec`` if there is one, else the built-in."""
        exec_ = r.get("exec")
        if exec_ is exec_fn and is_regexp_object(r):
            return builtin_exec(r, s)
        if is_callable(exec_):
            result = call(exec_, r, [s])
            if result is not NULL and not isinstance(result, JSObject):
                raise type_error("The result of a RegExp exec method must be an object or null")
            return result
        return builtin_exec(this_regexp(r, "exec"), s)

    def this_object(this, name: str) -> JSObject:
        if not isinstance(this, JSObject):
            raise type_error(f"RegExp.prototype.{name} called on a non-object")
        return this

    def test(this, args):
        r = this_object(this, "test")
        return regexp_exec(r, to_string(arg(args, 0))) is not NULL

    method(realm, proto, "test", test, 1)

    def to_string_(this, args):
        r = this_object(this, "toString")
        return f"/{to_string(r.get('source'))}/{to_string(r.get('flags'))}"

    method(realm, proto, "toString", to_string_, 0)

    def compile_(this, args):
        """Annex B RegExp.prototype.compile: re-initialise in place."""
        r = this_regexp(this, "compile")
        pattern, flags = arg(args, 0), arg(args, 1)
        if is_regexp_object(pattern):
            if flags is not UNDEFINED:
                raise type_error("Cannot supply flags when constructing one RegExp from another")
            pattern, flags = pattern.internal.source, pattern.internal.flags
        return regexp_initialize(r, pattern, flags)

    method(realm, proto, "compile", compile_, 2)

    # -- accessors ------------------------------------------------------------------------

    def flags_getter(this, args):
        r = this_object(this, "flags")
        return "".join(ch for name, ch in _FLAG_PROPERTIES if to_boolean(r.get(name)))

    accessor(realm, proto, "flags", flags_getter)

    def flag_getter(name: str, ch: str):
        def get(this, args):
            if is_regexp_object(this):
                return ch in this.internal.flags
            if this is proto:
                return UNDEFINED
            raise type_error(f"RegExp.prototype.{name} getter called on non-RegExp object")
        return get

    for name, ch in _FLAG_PROPERTIES:
        accessor(realm, proto, name, flag_getter(name, ch))

    def source_getter(this, args):
        if is_regexp_object(this):
            return escape_pattern(this.internal.source)
        if this is proto:
            return "(?:)"
        raise type_error("RegExp.prototype.source getter called on non-RegExp object")

    accessor(realm, proto, "source", source_getter)

    # -- the fast paths ----------------------------------------------------------------------
    # A RegExp whose exec, flags and flag getters are the built-in ones, with a plain
    # numeric lastIndex, behaves exactly like direct use of the engine: the symbol methods
    # then skip building a result array per match (the observable effects are the same).

    watched_getters = {key: proto.props[key].getter
                       for key in ["flags", "source"] + [n for n, _ in _FLAG_PROPERTIES]}
    species_getter = ctor.props[SPECIES].getter

    def pristine(rx) -> bool:
        if rx.proto is not proto or len(rx.props) != 1 or type(rx.internal) is not RegExpData:
            return False
        last = rx.props.get("lastIndex")
        if type(last) is not Slot or not last.flags & WRITABLE or type(last.value) is not float:
            return False
        stored = proto.props.get("exec")
        if (stored.value if type(stored) is Slot else stored) is not exec_fn:
            return False
        for key, getter in watched_getters.items():
            slot = proto.props.get(key)
            if type(slot) is not Slot or slot.getter is not getter:
                return False
        return True

    def all_matches(rx, s: str) -> list[list[int]]:
        """Every match a global scan finds, as exec would step through them; leaves
        lastIndex at 0 as the final failing exec does."""
        from .. import regexp as engine

        data: RegExpData = rx.internal
        try:
            found = engine.run_all(data.program, s, "y" in data.flags, charge_steps)
        except engine.RegExpStackOverflow as err:
            raise JSError("RangeError", str(err)) from None
        set_(rx, "lastIndex", 0.0)
        return found

    def captures_of(data: RegExpData, s: str, caps: list[int]) -> list:
        return [UNDEFINED if caps[2 * g] < 0 or caps[2 * g + 1] < 0
                else s[caps[2 * g]:caps[2 * g + 1]]
                for g in range(1, data.program.group_count + 1)]

    def fast_replace(rx, s: str, replace_value, functional: bool) -> str:
        data: RegExpData = rx.internal
        if "g" in data.flags:
            found = all_matches(rx, s)
        else:
            caps = exec_indices(rx, s)
            if caps is None:
                return s
            found = [caps]
        names = data.program.group_names
        has_names = any(n is not None for n in names)
        out = []
        end = 0
        for caps in found:
            start = caps[0]
            matched = s[start:caps[1]]
            captures = captures_of(data, s, caps)
            groups = named_object(names, [matched, *captures]) if has_names else UNDEFINED
            if functional:
                call_args = [matched, *captures, float(start), s]
                if has_names:
                    call_args.append(groups)
                replacement = to_string(call(replace_value, UNDEFINED, call_args))
            else:
                replacement = get_substitution(
                    matched, s, start, captures,
                    _NamedCaptures(groups) if has_names else UNDEFINED, replace_value)
            out.append(s[end:start])
            out.append(replacement)
            end = start + len(matched)
        out.append(s[end:])
        return "".join(out)

    def fast_split(rx, s: str, lim: int):
        data: RegExpData = rx.internal
        program = data.program
        unicode = "u" in data.flags or "v" in data.flags
        size = len(s)
        if size == 0:
            caps = run_program(program, s, 0, True)
            return create_array_from_list(realm, [] if caps is not None else [s])
        parts: list = []
        p = q = 0
        while q < size:
            caps = run_program(program, s, q, False)
            if caps is None or caps[0] >= size:
                break
            q = caps[0]
            e = min(caps[1], size)
            if e == p:
                q = advance_string_index(s, q, unicode)
                continue
            parts.append(s[p:q])
            if len(parts) == lim:
                return create_array_from_list(realm, parts)
            p = e
            for value in captures_of(data, s, caps):
                parts.append(value)
                if len(parts) == lim:
                    return create_array_from_list(realm, parts)
            q = p
        parts.append(s[p:size])
        return create_array_from_list(realm, parts)

    # -- the symbol methods (§22.2.6) -----------------------------------------------------

    def flags_of(rx: JSObject) -> str:
        return to_string(rx.get("flags"))

    def symbol_match(this, args):
        rx = this_object(this, "[Symbol.match]")
        s = to_string(arg(args, 0))
        if pristine(rx) and "g" in rx.internal.flags:
            found = all_matches(rx, s)
            return create_array_from_list(realm, [s[c[0]:c[1]] for c in found]) if found \
                else NULL
        flags = flags_of(rx)
        if "g" not in flags:
            return regexp_exec(rx, s)
        full_unicode = "u" in flags or "v" in flags
        set_(rx, "lastIndex", 0.0)
        found = []
        while True:
            result = regexp_exec(rx, s)
            if result is NULL:
                return NULL if not found else create_array_from_list(realm, found)
            match_str = to_string(result.get("0"))
            found.append(match_str)
            if match_str == "":
                this_index = to_length(rx.get("lastIndex"))
                set_(rx, "lastIndex", float(advance_string_index(s, this_index, full_unicode)))

    method(realm, proto, MATCH, symbol_match, 1)

    def symbol_replace(this, args):
        rx = this_object(this, "[Symbol.replace]")
        s = to_string(arg(args, 0))
        length = len(s)
        replace_value = arg(args, 1)
        functional = is_callable(replace_value)
        if not functional:
            replace_value = to_string(replace_value)
        if pristine(rx):
            return fast_replace(rx, s, replace_value, functional)
        flags = flags_of(rx)
        is_global = "g" in flags
        full_unicode = False
        if is_global:
            full_unicode = "u" in flags or "v" in flags
            set_(rx, "lastIndex", 0.0)
        results = []
        while True:
            result = regexp_exec(rx, s)
            if result is NULL:
                break
            results.append(result)
            if not is_global:
                break
            match_str = to_string(result.get("0"))
            if match_str == "":
                this_index = to_length(rx.get("lastIndex"))
                set_(rx, "lastIndex", float(advance_string_index(s, this_index, full_unicode)))
        out = []
        next_position = 0
        for result in results:
            n_captures = max(to_length(result.get("length")) - 1, 0)
            matched = to_string(result.get("0"))
            position = int(max(min(to_integer_or_infinity(result.get("index")), length), 0))
            captures = []
            for n in range(1, n_captures + 1):
                cap = result.get(str(n))
                captures.append(cap if cap is UNDEFINED else to_string(cap))
            named = result.get("groups")
            if functional:
                replacer_args = [matched, *captures, float(position), s]
                if named is not UNDEFINED:
                    replacer_args.append(named)
                replacement = to_string(call(replace_value, UNDEFINED, replacer_args))
            else:
                if named is not UNDEFINED:
                    named = to_object(realm, named)
                replacement = get_substitution(
                    matched, s, position, captures,
                    _NamedCaptures(named) if named is not UNDEFINED else UNDEFINED,
                    replace_value)
            if position >= next_position:
                out.append(s[next_position:position])
                out.append(replacement)
                next_position = position + len(matched)
        if next_position >= length:
            return "".join(out)
        out.append(s[next_position:])
        return "".join(out)

    method(realm, proto, REPLACE, symbol_replace, 2)

    def symbol_search(this, args):
        rx = this_object(this, "[Symbol.search]")
        s = to_string(arg(args, 0))
        previous = rx.get("lastIndex")
        if not same_value(previous, 0.0):
            set_(rx, "lastIndex", 0.0)
        result = regexp_exec(rx, s)
        current = rx.get("lastIndex")
        if not same_value(current, previous):
            set_(rx, "lastIndex", previous)
        if result is NULL:
            return -1.0
        return result.get("index")

    method(realm, proto, SEARCH, symbol_search, 1)

    def symbol_split(this, args):
        rx = this_object(this, "[Symbol.split]")
        s = to_string(arg(args, 0))
        limit = arg(args, 1)
        if pristine(rx) and proto.props.get("constructor") is ctor and \
                ctor.props[SPECIES].getter is species_getter:
            lim = 2 ** 32 - 1 if limit is UNDEFINED else to_uint32(limit)
            return create_array_from_list(realm, []) if lim == 0 else fast_split(rx, s, lim)
        c = species_constructor(realm, rx, ctor)
        flags = flags_of(rx)
        unicode_matching = "u" in flags or "v" in flags
        new_flags = flags if "y" in flags else flags + "y"
        splitter = construct(c, [rx, new_flags])
        parts: list = []
        lim = 2 ** 32 - 1 if limit is UNDEFINED else to_uint32(limit)
        if lim == 0:
            return create_array_from_list(realm, [])
        size = len(s)
        if size == 0:
            z = regexp_exec(splitter, s)
            return create_array_from_list(realm, [] if z is not NULL else [s])
        p = q = 0
        while q < size:
            set_(splitter, "lastIndex", float(q))
            z = regexp_exec(splitter, s)
            if z is NULL:
                q = advance_string_index(s, q, unicode_matching)
                continue
            e = min(to_length(splitter.get("lastIndex")), size)
            if e == p:
                q = advance_string_index(s, q, unicode_matching)
                continue
            parts.append(s[p:q])
            if len(parts) == lim:
                return create_array_from_list(realm, parts)
            p = e
            n_captures = max(to_length(z.get("length")) - 1, 0)
            for i in range(1, n_captures + 1):
                parts.append(z.get(str(i)))
                if len(parts) == lim:
                    return create_array_from_list(realm, parts)
            q = p
        parts.append(s[p:size])
        return create_array_from_list(realm, parts)

    method(realm, proto, SPLIT, symbol_split, 2)

    # -- matchAll and %RegExpStringIteratorPrototype% (§22.2.9) ---------------------------

    iter_proto = JSObject(intr["%IteratorPrototype%"])
    intr["%RegExpStringIteratorPrototype%"] = iter_proto

    def symbol_match_all(this, args):
        r = this_object(this, "[Symbol.matchAll]")
        s = to_string(arg(args, 0))
        c = species_constructor(realm, r, ctor)
        flags = flags_of(r)
        matcher = construct(c, [r, flags])
        set_(matcher, "lastIndex", float(to_length(r.get("lastIndex"))))
        it = JSObject(iter_proto, "RegExp String Iterator")
        it.internal = _StringIterState(matcher, s, "g" in flags, "u" in flags or "v" in flags)
        return it

    method(realm, proto, MATCH_ALL, symbol_match_all, 1)

    def iterator_next(this, args):
        if not isinstance(this, JSObject) or type(this.internal) is not _StringIterState:
            raise type_error("%RegExpStringIterator%.next requires that 'this' be a RegExp "
                             "String Iterator")
        state: _StringIterState = this.internal
        if state.done:
            return create_iter_result_object(realm, UNDEFINED, True)
        result = regexp_exec(state.matcher, state.string)
        if result is NULL:
            state.done = True
            return create_iter_result_object(realm, UNDEFINED, True)
        if not state.is_global:
            state.done = True
            return create_iter_result_object(realm, result, False)
        if to_string(result.get("0")) == "":
            this_index = to_length(state.matcher.get("lastIndex"))
            set_(state.matcher, "lastIndex",
                 float(advance_string_index(state.string, this_index, state.unicode)))
        return create_iter_result_object(realm, result, False)

    method(realm, iter_proto, "next", iterator_next, 0)
    iter_proto.define(TO_STRING_TAG, "RegExp String Iterator", CONFIGURABLE)


class _StringIterState:
    __slots__ = ("matcher", "string", "is_global", "unicode", "done")

    def __init__(self, matcher, string: str, is_global: bool, unicode: bool):
        self.matcher = matcher
        self.string = string
        self.is_global = is_global
        self.unicode = unicode
        self.done = False


class _NamedCaptures:
    """GetSubstitution's view of the groups object: ``get(name)`` is a property Get."""

    __slots__ = ("obj",)

    def __init__(self, obj: JSObject):
        self.obj = obj

    def get(self, name: str):
        return self.obj.get(name)


# -- RegExp.escape -------------------------------------------------------------------------

_SYNTAX = frozenset("^$\\.*+?()[]{}|/")
_OTHER_PUNCTUATORS = frozenset(",-=<>#&!%:;@~'`\"")
_CONTROL = {"\t": "t", "\n": "n", "\v": "v", "\f": "f", "\r": "r"}
_WHITESPACE_TO_ESCAPE = frozenset(
    "\u0020\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\ufeff\u2028\u2029")


def regexp_escape(value) -> str:
    """RegExp.escape (ES2025): a pattern that matches exactly the string."""
    if type(value) is not str:
        raise type_error("RegExp.escape requires a string")
    out = []
    i = 0
    while i < len(value):
        c = value[i]
        code = ord(c)
        if 0xD800 <= code <= 0xDBFF and i + 1 < len(value) and \
                0xDC00 <= ord(value[i + 1]) <= 0xDFFF:
            out.append(value[i:i + 2])
            i += 2
            continue
        if i == 0 and c.isascii() and c.isalnum():
            out.append(f"\\x{code:02x}")
        elif c in _SYNTAX:
            out.append("\\" + c)
        elif c in _CONTROL:
            out.append("\\" + _CONTROL[c])
        elif c in _OTHER_PUNCTUATORS or c in _WHITESPACE_TO_ESCAPE or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}")
        else:
            out.append(c)
        i += 1
    return "".join(out)
