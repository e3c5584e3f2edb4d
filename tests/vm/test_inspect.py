"""vm.inspect against node's console.log formatting (util.format).

Each case is a JavaScript expression giving console.log's arguments (node formats them
with util.format, which is what console.log prints) and a Python builder making the
same values with the VM's objects; the two texts must be equal. One node process runs
every case. Error stacks and class source text cannot come from node, so those few
cases are checked against texts confirmed with node by hand.
"""

from __future__ import annotations

import pytest
from node_batch import node_batch

from vm import objects
from vm.builtins.string import JSStringObject
from vm.convert import to_object
from vm.inspect import format_log_args, inspect
from vm.objects import CONFIGURABLE, ENUMERABLE, WRITABLE, JSArray, JSFunction, JSObject
from vm.symbols import ITERATOR, TO_STRING_TAG
from vm.values import HOLE, NULL, UNDEFINED, JSSymbol


class Big(int):
    """Marks a Python int meant as a BigInt (plain ints become numbers)."""


class Undef:
    pass


class Builder:
    """Makes VM values from Python literals: dict -> object, list -> array, int -> number."""

    def __init__(self, realm) -> None:
        self.realm = realm

    def v(self, x):
        if isinstance(x, (JSObject, JSSymbol)) or x is UNDEFINED or x is NULL or x is HOLE:
            return x
        if x is None:
            return NULL
        if x is Undef:
            return UNDEFINED
        if isinstance(x, Big):
            return int(x)
        if isinstance(x, bool):
            return x
        if isinstance(x, (int, float)):
            return float(x)
        if isinstance(x, str):
            return x
        if isinstance(x, dict):
            return self.obj(x)
        if isinstance(x, (list, tuple)):
            return self.arr(x)
        raise TypeError(x)

    def obj(self, props: dict, proto="default") -> JSObject:
        o = JSObject(self.realm.object_prototype if proto == "default" else proto)
        for k, value in props.items():
            o.define_own_property(k, objects.Slot(self.v(value)))
        return o

    def arr(self, items) -> JSArray:
        return JSArray(self.realm.intrinsics["%Array.prototype%"], [self.v(x) for x in items])

    def fn(self, name: str, props: dict | None = None):
        f = self.realm.native(name, lambda this, args: UNDEFINED, 0)
        for k, value in (props or {}).items():
            f.props[k] = self.v(value)
        return f

    def cls(self, name: str, parent_proto=None, proto_props: dict | None = None):
        """A constructor and its prototype object (like ``class name {}``)."""
        proto = JSObject(parent_proto or self.realm.object_prototype)
        ctor = self.realm.native(name, lambda this, args: UNDEFINED, 0,
                                 construct=lambda args, nt: JSObject(proto))
        ctor.define("prototype", proto, 0)
        proto.define("constructor", ctor)
        for k, value in (proto_props or {}).items():
            proto.define(k, value)
        return ctor, proto

    def accessor(self, obj: JSObject, key, get=True, set_=False, enumerable=True) -> None:
        getter = self.fn("g") if get else UNDEFINED
        setter = self.fn("s") if set_ else UNDEFINED
        flags = CONFIGURABLE | (ENUMERABLE if enumerable else 0)
        obj.define_accessor(key, getter, setter, flags)

    def error(self, kind: str, message: str, stack: str | None = None) -> JSObject:
        e = self.realm.intrinsics[f"%{kind}%"].construct([message], self.realm.intrinsics[
            f"%{kind}%"])
        e.define("stack", stack if stack is not None else f"{kind}: {message}",
                 WRITABLE | CONFIGURABLE)
        return e


def _holes(b: Builder, items) -> JSArray:
    return JSArray(b.realm.intrinsics["%Array.prototype%"],
                   [HOLE if x is HOLE else b.v(x) for x in items])


def _with_props(array: JSArray, **props) -> JSArray:
    for k, value in props.items():
        array.props[k] = value
    return array


def _circular(b: Builder) -> JSObject:
    o = b.obj({"a": 1})
    o.props["self"] = o
    return o


def _circular_array(b: Builder) -> JSArray:
    a = b.arr([1])
    a.items.append(a)
    return a


def _two_cycles(b: Builder) -> JSObject:
    a = b.obj({})
    c = b.obj({"a": a})
    a.props["b"] = c
    x = b.obj({"x": a})
    x.props["y"] = x
    return x


def _symbols(b: Builder) -> JSObject:
    o = b.obj({"y": JSSymbol("y")})
    o.props[JSSymbol("x")] = 1.0
    o.define(JSSymbol("hidden"), 2.0)
    return o


def _accessors(b: Builder) -> JSObject:
    o = b.obj({})
    b.accessor(o, "a")
    b.accessor(o, "b", get=False, set_=True)
    b.accessor(o, "c", set_=True)
    b.accessor(o, "d", enumerable=False)
    o.props["e"] = 1.0
    return o


def _instance(b: Builder, name: str, props: dict, **kw) -> JSObject:
    ctor, proto = b.cls(name, **kw)
    return b.obj(props, proto)


def _tagged(b: Builder) -> JSObject:
    ctor, proto = b.cls("Bar")
    b_getter = b.realm.native("get [Symbol.toStringTag]", lambda this, args: "X", 0)
    proto.define_accessor(TO_STRING_TAG, b_getter, UNDEFINED, CONFIGURABLE)
    return JSObject(proto)


def _own_tag(b: Builder) -> JSObject:
    o = b.obj({"a": 1})
    o.props[TO_STRING_TAG] = "T"
    return o


def _hidden_tag(b: Builder) -> JSObject:
    o = b.obj({"a": 1})
    o.define(TO_STRING_TAG, "T")
    return o


def _non_enumerable(b: Builder) -> JSObject:
    o = b.obj({})
    o.define("h", 1.0, 0)
    return o


def _proto_key(b: Builder) -> JSObject:
    o = b.obj({})
    o.props["__proto__"] = 1.0
    return o


def _errors(b: Builder):
    e = b.error("Error", "x")
    coded = b.error("Error", "x")
    coded.props["code"] = "E1"
    caused = b.realm.intrinsics["%Error%"].construct(
        ["x", b.obj({"cause": "y"})], b.realm.intrinsics["%Error%"])
    caused.define("stack", "Error: x", WRITABLE | CONFIGURABLE)
    ctor, proto = b.cls("MyErr", parent_proto=b.realm.intrinsics["%Error.prototype%"])
    mine = JSObject(proto, "Error")
    mine.define("message", "m", WRITABLE | CONFIGURABLE)
    mine.define("stack", "Error: m", WRITABLE | CONFIGURABLE)
    return [e, coded, b.obj({"err": b.error("TypeError", "bad")}), caused, mine,
            b.error("RangeError", "r", "RangeError: r\n    at f (a.js:1:1)\n    at a.js:2:2")]


def _boxed(b: Builder) -> list:
    r = b.realm
    s = to_object(r, "ab")
    s.props["x"] = 1.0
    return [to_object(r, 1.0), to_object(r, "ab"), to_object(r, False),
            to_object(r, JSSymbol("s")), to_object(r, 5), to_object(r, -0.0), s]


def _fn_with_props(b: Builder):
    return [b.fn("f", {"a": 1}), b.fn(""), b.realm.intrinsics["%Math%"].get("max"),
            b.arr([b.realm.intrinsics["%parseInt%"], b.fn("")])]


def _big(n, start=0, step=1):
    return [start + i * step for i in range(n)]


WORDS = ["apple", "banana", "cherry", "date", "elderberry", "fig", "grape", "honeydew",
         "kiwi", "lemon", "mango", "nectarine", "orange", "papaya", "quince", "raspberry"]

# (JavaScript expression for console.log's argument list, Python builder of the same)
CASES: list[tuple[str, object]] = [
    ("[1, -0, 0, NaN, Infinity, -Infinity, -1.5, 1e21, 1e-7, 123.456]",
     lambda b: [b.v(x) for x in (1, -0.0, 0, float("nan"), float("inf"), float("-inf"), -1.5,
                                 1e21, 1e-7, 123.456)]),
    ("['hello', \"it's\", 'a\\nb']", lambda b: ["hello", "it's", "a\nb"]),
    ("[['a', \"it's\", 'say \"hi\"', 'both \\'\"', 'a\\nb', '\\x01\\x7f\\x9f', '\\u00e9',"
     " '\\ud800', 'back\\\\slash', 'tick`\\'\"', '${x}\\'\"']]",
     lambda b: [b.arr(["a", "it's", 'say "hi"', "both '\"", "a\nb", "\x01\x7f\x9f", "\u00e9",
                       "\ud800", "back\\slash", "tick`'\"", "${x}'\""])]),
    ("[[], {}, [[]], {a: {}}, {a: [], b: {}}]",
     lambda b: [b.arr([]), b.obj({}), b.arr([[]]), b.obj({"a": {}}),
                b.obj({"a": [], "b": {}})]),
    ("[[1, 2, 3], [1, [2, [3, [4, [5]]]]], {a: {b: {c: {d: 1}}}}, {a: [{b: {c: 1}}]}]",
     lambda b: [b.arr([1, 2, 3]), b.arr([1, [2, [3, [4, [5]]]]]),
                b.obj({"a": {"b": {"c": {"d": 1}}}}), b.obj({"a": [{"b": {"c": 1}}]})]),
    ("[{a: 1, 'b-c': 2, 'a b': 3, 1: 4, _x: 5, $y: 6, '\u00e9': 7, '': 8}]",
     lambda b: [b.obj({"1": 4, "a": 1, "b-c": 2, "a b": 3, "_x": 5, "$y": 6, "\u00e9": 7,
                       "": 8})]),
    ("[{b: 1, a: 2, 2: 'x', 1: 'y'}]", lambda b: [b.obj({"1": "y", "2": "x", "b": 1, "a": 2})]),
    ("[Array.from({length: 7}, (_, i) => i)]", lambda b: [b.arr(_big(7))]),
    ("[Array.from({length: 10}, (_, i) => i)]", lambda b: [b.arr(_big(10))]),
    ("[Array.from({length: 26}, (_, i) => i * 3 - 20)]", lambda b: [b.arr(_big(26, -20, 3))]),
    ("[Array.from({length: 100}, (_, i) => i * i)]",
     lambda b: [b.arr([i * i for i in range(100)])]),
    ("[Array.from({length: 101}, (_, i) => i)]", lambda b: [b.arr(_big(101))]),
    ("[Array.from({length: 250}, (_, i) => 1000 - i)]", lambda b: [b.arr(_big(250, 1000, -1))]),
    ("[new Array(200).fill(0)]", lambda b: [b.arr([0] * 200)]),
    (f"[{WORDS!r}]", lambda b: [b.arr(WORDS)]),
    (f"[{WORDS[:7]!r}, {WORDS[:3]!r}]", lambda b: [b.arr(WORDS[:7]), b.arr(WORDS[:3])]),
    ("[Array.from({length: 30}, (_, i) => 'x'.repeat(i % 7))]",
     lambda b: [b.arr(["x" * (i % 7) for i in range(30)])]),
    ("[Array.from({length: 8}, (_, i) => ({a: i}))]",
     lambda b: [b.arr([{"a": i} for i in range(8)])]),
    ("[Array.from({length: 12}, (_, i) => [i, i + 1])]",
     lambda b: [b.arr([[i, i + 1] for i in range(12)])]),
    ("[[1.5, -2, 3e21, 1e-7, NaN, -Infinity, -0, 2n, 10n]]",
     lambda b: [b.arr([1.5, -2, 3e21, 1e-7, float("nan"), float("-inf"), -0.0, Big(2),
                       Big(10)])]),
    ("[['日本', '中文字', 'abc', 'x', 'yy', 'zzz', 'w', 'ü']]",
     lambda b: [b.arr(["日本", "中文字", "abc", "x", "yy", "zzz", "w", "ü"])]),
    ("[[1, , 3], [, , ], new Array(5), [1, 2, , , , 6], [, 1]]",
     lambda b: [_holes(b, [1, HOLE, 3]), _holes(b, [HOLE, HOLE]), _holes(b, [HOLE] * 5),
                _holes(b, [1, 2, HOLE, HOLE, HOLE, 6]), _holes(b, [HOLE, 1])]),
    ("[Object.assign([1, 2], {x: 3, 'y z': 4}), Object.assign([], {k: 1})]",
     lambda b: [_with_props(b.arr([1, 2]), x=3.0, **{"y z": 4.0}),
                _with_props(b.arr([]), k=1.0)]),
    ("(() => { const o = {a: 1}; o.self = o; return [o, [o]]; })()",
     lambda b: [_circular(b), b.arr([_circular(b)])]),
    ("(() => { const a = [1]; a.push(a); return [a]; })()", lambda b: [_circular_array(b)]),
    ("(() => { const a = {}; const c = {a}; a.b = c; const x = {x: a}; x.y = x; "
     "return [x]; })()", lambda b: [_two_cycles(b)]),
    ("(() => { const o = {y: Symbol('y'), [Symbol('x')]: 1}; "
     "Object.defineProperty(o, Symbol('hidden'), {value: 2}); "
     "return [o, Symbol(), Symbol('a b'), Symbol.iterator, [Symbol('in')]]; })()",
     lambda b: [_symbols(b), JSSymbol(None), JSSymbol("a b"), ITERATOR, b.arr([JSSymbol("in")])]),
    ("[{get a() { return 1; }, set b(v) {}, get c() { return 1; }, set c(v) {}, "
     "...Object.defineProperty({}, 'd', {get() {}}), e: 1}]", lambda b: [_accessors(b)]),
    ("[new Number(1), new String('ab'), new Boolean(false), Object(Symbol('s')), Object(5n), "
     "new Number(-0), Object.assign(new String('ab'), {x: 1})]", _boxed),
    ("[null, undefined, true, false, 1n, -5n, [null, undefined, true, 1n]]",
     lambda b: [NULL, UNDEFINED, True, False, 1, -5, b.arr([None, Undef, True, Big(1)])]),
    ("[Object.assign(function f() {}, {a: 1}), (0, function () {}), Math.max, "
     "[parseInt, (0, () => {})]]", _fn_with_props),
    ("[Object.create(null), Object.assign(Object.create(null), {a: 1}), "
     "[Object.create(null)]]",
     lambda b: [b.obj({}, None), b.obj({"a": 1}, None), b.arr([b.obj({}, None)])]),
    ("(() => { class Foo { constructor() { this.x = 1; } } class Empty {} "
     "return [new Foo(), new Empty(), [new Foo()], {e: new Empty()}]; })()",
     lambda b: [_instance(b, "Foo", {"x": 1}), _instance(b, "Empty", {}),
                b.arr([_instance(b, "Foo", {"x": 1})]), b.obj({"e": _instance(b, "Empty", {})})]),
    ("(() => { class Bar { get [Symbol.toStringTag]() { return 'X'; } } "
     "return [new Bar()]; })()", lambda b: [_tagged(b)]),
    ("[{[Symbol.toStringTag]: 'T', a: 1}, "
     "Object.defineProperty({a: 1}, Symbol.toStringTag, {value: 'T'}), Math, JSON]",
     lambda b: [_own_tag(b), _hidden_tag(b), b.realm.intrinsics["%Math%"],
                b.realm.intrinsics["%JSON%"]]),
    ("[Object.defineProperty({}, 'h', {value: 1}), JSON.parse('{\"__proto__\": 1}')]",
     lambda b: [_non_enumerable(b), _proto_key(b)]),
    ("[{s: 'x'.repeat(100)}, {s: 'line one of text\\nline two of text\\nline three of the "
     "text that is long\\n'}, ['short\\nlines']]",
     lambda b: [b.obj({"s": "x" * 100}),
                b.obj({"s": "line one of text\nline two of text\nline three of the text "
                            "that is long\n"}),
                b.arr(["short\nlines"])]),
    ("[{alpha: 'aaaaaaaaaa', beta: 'bbbbbbbbbb', gamma: 'cccccccccc', delta: 'dddddddddd', "
     "epsilon: 'eeeeeeeeee'}]",
     lambda b: [b.obj({"alpha": "a" * 10, "beta": "b" * 10, "gamma": "c" * 10,
                       "delta": "d" * 10, "epsilon": "e" * 10})]),
    ("[{a: {b: [1, 2, {c: 'deep', d: [1, 2, 3]}], e: 'text'}, f: [[1, 2], [3, 4]]}]",
     lambda b: [b.obj({"a": {"b": [1, 2, {"c": "deep", "d": [1, 2, 3]}], "e": "text"},
                       "f": [[1, 2], [3, 4]]})]),
    ("(() => { const e = (kind, m) => { const x = new globalThis[kind](m); x.stack = "
     "`${kind}: ${m}`; return x; }; const coded = e('Error', 'x'); coded.code = 'E1'; "
     "const caused = new Error('x', {cause: 'y'}); caused.stack = 'Error: x'; "
     "class MyErr extends Error {} const mine = new MyErr('m'); mine.stack = 'Error: m'; "
     "const r = new RangeError('r'); r.stack = 'RangeError: r\\n    at f (a.js:1:1)\\n"
     "    at a.js:2:2'; "
     "return [e('Error', 'x'), coded, {err: e('TypeError', 'bad')}, caused, mine, r]; })()",
     _errors),
    ("[TypeError.prototype, Error.prototype, Object.create(RangeError.prototype)]",
     lambda b: [b.realm.intrinsics["%TypeError.prototype%"],
                b.realm.intrinsics["%Error.prototype%"],
                JSObject(b.realm.intrinsics["%RangeError.prototype%"])]),
    # console.log's format directives
    ("['%s is %d years', 'Bob', 42]", lambda b: ["%s is %d years", "Bob", 42.0]),
    ("['%i|%f|%d|%d', 42.9, '3.5abc', '12px', 5n]",
     lambda b: ["%i|%f|%d|%d", 42.9, "3.5abc", "12px", 5]),
    ("['%j and %j', {a: [1, 'x']}, 'str']",
     lambda b: ["%j and %j", b.obj({"a": [1, "x"]}), "str"]),
    ("['%o', [1, 2]]", lambda b: ["%o", b.arr([1, 2])]),
    ("['%o %O', {a: 1}, {b: {c: {d: {}}}}]",
     lambda b: ["%o %O", b.obj({"a": 1}), b.obj({"b": {"c": {"d": {}}}})]),
    ("['%%s %s %%', 'a']", lambda b: ["%%s %s %%", "a"]),
    ("['%c styled %s', 'color: red', 'text']", lambda b: ["%c styled %s", "color: red", "text"]),
    ("['%s|%s|%s', {a: 1}, [1, [2, [3]]], {toString() { return 'T'; }}]",
     lambda b: ["%s|%s|%s", b.obj({"a": 1}), b.arr([1, [2, [3]]]),
                b.obj({"toString": b.realm.native("toString", lambda this, args: "T", 0)})]),
    ("['%s %s %s %s', null, undefined, Symbol('q'), 5n]",
     lambda b: ["%s %s %s %s", NULL, UNDEFINED, JSSymbol("q"), 5]),
    ("['%s %d', -0, -0]", lambda b: ["%s %d", -0.0, -0.0]),
    ("['a%', 1]", lambda b: ["a%", 1.0]),
    ("['%x %s', 1]", lambda b: ["%x %s", 1.0]),
    ("['%s']", lambda b: ["%s"]),
    ("['%s %s', 'only-one']", lambda b: ["%s %s", "only-one"]),
    ("[1, '%s', 2]", lambda b: [1.0, "%s", 2.0]),
    ("['%j', (() => { const o = {}; o.o = o; return o; })()]",
     lambda b: ["%j", _circular(b)]),
    ("['x', {a: 1}, [2], 'y']", lambda b: ["x", b.obj({"a": 1}), b.arr([2]), "y"]),
    ("[]", lambda b: []),
]

PRELUDE = """
function answer(source) { return util.format(...eval(source)); }
"""


@pytest.fixture(scope="module")
def node_texts() -> dict[str, str]:
    sources = [source for source, _ in CASES]
    return dict(zip(sources, node_batch(PRELUDE, sources), strict=True))


@pytest.mark.parametrize("source,build", CASES, ids=[s[:60] for s, _ in CASES])
def test_matches_node(source, build, node_texts, realm):
    assert format_log_args(build(Builder(realm)), realm) == node_texts[source]


# -- cases node cannot produce ----------------------------------------------------------


class FakeFunction(JSFunction):
    """A compiled function stand-in with source text (the compiler is not needed)."""

    def __init__(self, realm, name: str, source: str, proto=None) -> None:
        super().__init__(proto or realm.function_prototype, None, [], None)
        self._source = source
        self.define("name", name, CONFIGURABLE)
        self.define("length", 0.0, CONFIGURABLE)
        self.constructor_kind = "base"

    def source_text(self) -> str:
        return self._source


def test_classes(realm):
    a = FakeFunction(realm, "A", "class A {}")
    b = FakeFunction(realm, "B", "class B extends A { constructor() { super(); } }", proto=a)
    anon = FakeFunction(realm, "", "class {}")
    f = FakeFunction(realm, "f", "function f(a, b) { return a; }")
    # confirmed with node v20: console.log(A, B, class {}, function f() {}, [A])
    assert format_log_args([a, b, anon, f, JSArray(realm.intrinsics["%Array.prototype%"], [a])],
                           realm) == ("[class A] [class B extends A] [class (anonymous)] "
                                      "[Function: f] [ [class A] ]")


def test_errors_with_our_stack(realm):
    error = realm.intrinsics["%TypeError%"]
    e = error.construct(["bad value"], error)
    assert e.get("stack") == "TypeError: bad value\n    at <anonymous>"
    assert inspect(e, realm) == "TypeError: bad value\n    at <anonymous>"
    # nested errors are indented with their container, as node does
    outer = JSObject(realm.object_prototype)
    outer.props["e"] = e
    assert inspect(outer, realm) == ("{\n  e: TypeError: bad value\n      at <anonymous>\n}")


def test_depth_limit_and_show_hidden(realm):
    b = Builder(realm)
    value = b.obj({"a": {"b": {"c": {"d": {}}}}})
    assert inspect(value, realm, depth=0) == "{ a: [Object] }"
    assert inspect(b.arr([1]), realm, show_hidden=True) == "[ 1, [length]: 1 ]"
    assert inspect("it's", realm) == '"it\'s"'


def test_strings_are_not_quoted_at_top_level(realm):
    assert format_log_args(["a", "b"], realm) == "a b"
    assert format_log_args([JSStringObject(realm.intrinsics["%String.prototype%"], "q")],
                           realm) == "[String: 'q']"

