"""The built-ins against node: each case is a JavaScript expression and the same
computation made in Python by calling the VM's natives (callbacks are natives too).
Results are compared as util.inspect prints them (vm.inspect is itself checked against
node in test_inspect); a thrown error is compared by its constructor name and message.
One node process runs every case.
"""

from __future__ import annotations

import math
import random
import struct

import pytest
from node_batch import f64hex, hexf64, node_batch

from vm.builtins.iterator import iterable_to_list
from vm.convert import to_number, to_string
from vm.inspect import inspect
from vm.objects import CONFIGURABLE, JSArray, JSError, JSObject, JSThrow, Slot
from vm.operations import call, construct, get_v
from vm.symbols import HAS_INSTANCE, ITERATOR, TO_PRIMITIVE, TO_STRING_TAG, UNSCOPABLES
from vm.values import HOLE, NULL, UNDEFINED, JSSymbol


class B(int):
    """A BigInt literal in a case (plain Python ints become numbers)."""


class Env:
    """Shorthands to reach the realm's intrinsics and call them like JavaScript does."""

    def __init__(self, realm) -> None:
        self.realm = realm

    def v(self, x):
        if isinstance(x, (JSObject, JSSymbol)) or x is UNDEFINED or x is NULL or x is HOLE:
            return x
        if x is None:
            return NULL
        if isinstance(x, B):
            return int(x)
        if isinstance(x, bool) or isinstance(x, str):
            return x
        if isinstance(x, (int, float)):
            return float(x)
        if isinstance(x, dict):
            o = JSObject(self.realm.object_prototype)
            for k, value in x.items():
                o.props[k] = self.v(value)
            return o
        if isinstance(x, (list, tuple)):
            return JSArray(self.realm.intrinsics["%Array.prototype%"],
                           [HOLE if i is HOLE else self.v(i) for i in x])
        if callable(x):
            return self.fn(x)
        raise TypeError(x)

    def a(self, *values) -> JSArray:
        """An array of values that are already JavaScript values (no conversion)."""
        return JSArray(self.realm.intrinsics["%Array.prototype%"], list(values))

    def g(self, name: str):
        """A global: ``g("Array")``, or a path ``g("Array.prototype.map")``."""
        first, *rest = name.split(".")
        value = self.realm.intrinsics[f"%{first}%"]
        for part in rest:
            value = value.get(part)
        return value

    def m(self, target, name, *args):
        """target.name(...args)"""
        target = self.v(target)
        return call(get_v(self.realm, target, name), target, [self.v(a) for a in args])

    def c(self, fn, *args):
        """fn(...args)"""
        fn = self.g(fn) if isinstance(fn, str) else fn
        return call(fn, UNDEFINED, [self.v(a) for a in args])

    def new(self, fn, *args):
        fn = self.g(fn) if isinstance(fn, str) else fn
        return construct(fn, [self.v(a) for a in args])

    def fn(self, py, name: str = ""):
        """A native callback: ``py`` gets the JavaScript arguments (missing ones dropped)."""
        return self.realm.native(name, lambda this, args: self.v(py(*args)), 0)

    def this_fn(self, py):
        """A native callback that also receives ``this`` first."""
        return self.realm.native("", lambda this, args: self.v(py(this, *args)), 0)


def _num(x):
    return to_number(x)


def _js_add(e, a, b):
    from vm.convert import js_add

    return js_add(a, b)


def _getter_obj(e):
    o = e.v({})
    o.define_accessor("a", e.fn(lambda: 1), UNDEFINED, CONFIGURABLE | 2)
    return o


def _symbol_obj(e):
    o = e.v({})
    o.props[ITERATOR] = 1.0
    o.props["a"] = 2.0
    return o


def _tagged_obj(e):
    o = e.v({})
    o.props[TO_STRING_TAG] = "Custom"
    return o


def _matcher(e):
    from vm.symbols import MATCH

    o = e.v({})
    o.props[MATCH] = True
    return o


def _redefine(e):
    o = e.c("Object.defineProperty", {}, "x", {"value": 1})
    e.c("Object.defineProperty", o, "x", {"value": 1})
    return e.c("Object.defineProperty", o, "x", {"value": 2})


def _cyclic_proto(e):
    a = e.v({})
    b = e.c("Object.create", a)
    return e.c("Object.setPrototypeOf", a, b)


def _dunder_proto(e):
    o = e.v({})
    o.set("__proto__", e.g("Array.prototype"))
    return e.v([e.c("Array.isArray", o), o.get("__proto__") is e.g("Array.prototype"),
                e.c("Object.keys", o)])


def _to_string_tags(e):
    values = [1.0, "a", True, NULL, UNDEFINED, e.v([]), e.v({}), e.fn(lambda: 1),
              e.new("Error", "x"), e.new("Boolean", 1), e.new("Number", 2), e.new("String", "s"),
              e.g("Symbol.prototype"), e.g("Math"), e.g("JSON"), e.c("Object.create", None)]
    return e.v([e.m(e.g("Object.prototype.toString"), "call", v) for v in values])


def _bound(e):
    f = e.m(e.g("Math.max"), "bind", None, 10)
    return e.v([call(f, UNDEFINED, [3.0]), call(f, UNDEFINED, [30.0]), f.get("name"),
                f.get("length")])


def _bound_parse_int(e):
    f = e.m(e.g("parseInt"), "bind", None, "ff")
    return e.v([call(f, UNDEFINED, [16.0]), f.get("name"), f.get("length"), e.m(f, "toString")])


def _type_error(e):
    err = e.new("TypeError", "bad", {"cause": 1})
    return e.v([err.get("name"), err.get("message"), err.get("cause"), to_string(err), True,
                e.c("Object.keys", err), e.c("Object.getOwnPropertyNames", err)])


def _error_strings(e):
    ts = e.g("Error.prototype.toString")
    return e.v([to_string(e.c("Error")), to_string(e.c("Error", "m")),
                e.m(ts, "call", {"name": "N"}), e.m(ts, "call", {"message": "M"}),
                e.m(ts, "call", {"name": "", "message": "M"}),
                e.g("RangeError.prototype").get("name"),
                e.g("RangeError").proto is e.g("Error")])


def _aggregate(e):
    err = e.new("AggregateError", [1, 2], "many")
    return e.v([err.get("name"), err.get("message"), err.get("errors")])


def _symbols(e):
    k1 = e.c("Symbol.for", "k")
    return e.v([e.m(JSSymbol("x"), "toString"), get_v(e.realm, JSSymbol("x"), "description"),
                get_v(e.realm, JSSymbol(None), "description"), k1 is e.c("Symbol.for", "k"),
                e.c("Symbol.keyFor", k1), e.c("Symbol.keyFor", JSSymbol("k")),
                get_v(e.realm, ITERATOR, "description"), e.c("String", JSSymbol("s"))])


def _push_pop(e):
    a = e.v([1, 2])
    return e.a(e.m(a, "push", 3, 4), a, e.m(a, "pop"), a, e.m(a, "shift"), a,
               e.m(a, "unshift", 0, 0.5), a)


def _splice(e):
    a = e.v([1, 2, 3, 4, 5])
    return e.a(e.m(a, "splice", 1, 2), a, e.m(a, "splice", -1), a,
               e.m(a, "splice", 1, 0, "x", "y"), a, e.m(a, "splice", 0), a)


def _generic_array_like(e):
    o = e.v({"length": 2, "0": "a", "1": "b"})
    proto = e.g("Array.prototype")
    return e.a(e.m(proto.get("push"), "call", o, "c"), o, e.m(proto.get("pop"), "call", o),
               e.m(proto.get("shift"), "call", o), o,
               e.m(proto.get("splice"), "call", o, 0, 1, "x", "y"), o)


def _cyclic_join(e):
    a = e.v([1, 2])
    e.m(a, "push", a)
    return e.m(a, "join")


def _for_each(e):
    seen = e.v([])
    e.m([1, HOLE, 3], "forEach",
        lambda x, i, arr: e.m(seen, "push", [x, i, arr.get("length")]))
    return seen


def _stable_sort(e):
    items = e.v([{"k": 1, "v": "a"}, {"k": 0, "v": "b"}, {"k": 1, "v": "c"},
                 {"k": 0, "v": "d"}])
    ordered = e.m(items, "sort", lambda x, y: x.get("k") - y.get("k"))
    return e.m(e.m(ordered, "map", lambda x, *_: x.get("v")), "join", "")


def _array_iterator(e):
    it = e.m([1], "values")
    return e.v([e.m(it, "next"), e.m(it, "next"), e.m(it, "next"),
                call(it.get(ITERATOR), it, []) is it])


def _length_games(e):
    a = e.v([1, 2, 3])
    a.set("length", 1.0)
    b = e.v([])
    b.set("3", 1.0)
    return e.v([1, a, b])


def _string_object(e):
    s = e.new("String", "ab")
    return e.v([s, s.get("1"), s.get("length"), e.c("Object.keys", s),
                e.c("Object.getOwnPropertyNames", s), s.delete("0"), e.m(s, "valueOf"),
                _js_add(e, s, "c"), s.has_property("1"), s.has_property("2")])


def _json_cycle(e):
    o = e.v({})
    o.props["o"] = o
    return e.c("JSON.stringify", o)


def _bad_primitive(e):
    o = e.v({})
    o.props[TO_PRIMITIVE] = e.fn(lambda *_: {})
    return o


def _to_primitive_cases(e):
    from vm.convert import js_add, js_mul, loose_equals

    hint = e.v({})
    hint.props[TO_PRIMITIVE] = e.fn(lambda h: h)
    seven = e.v({})
    seven.props[TO_PRIMITIVE] = e.fn(lambda h: 7)
    return e.v([js_mul(e.v({"valueOf": lambda: 5}), 2.0),
                js_add(e.v({"toString": lambda: "x"}), 1.0), js_add(hint, ""),
                to_string(hint), to_number(seven), loose_equals(e.v([1]), 1.0),
                loose_equals(e.v([1, 2]), "1,2"), loose_equals(NULL, 0.0),
                loose_equals(UNDEFINED, NULL), loose_equals(math.nan, math.nan),
                loose_equals(e.v({}), "[object Object]"), loose_equals(1, 1.0),
                loose_equals("1", 1)])


# (JavaScript expression, Python computation) -- both give the value to compare.
CASES: list[tuple[str, object]] = [
    # -- Object -----------------------------------------------------------------------
    ("Object.keys({b: 1, a: 2, 1: 3, 0: 4})", lambda e: e.c("Object.keys",
                                                             {"b": 1, "a": 2, "1": 3, "0": 4})),
    ("Object.values({a: 1, b: [2]})", lambda e: e.c("Object.values", {"a": 1, "b": [2]})),
    ("Object.entries({a: 1, b: 'x'})", lambda e: e.c("Object.entries", {"a": 1, "b": "x"})),
    ("Object.keys('ab')", lambda e: e.c("Object.keys", "ab")),
    ("Object.keys([5, , 7])", lambda e: e.c("Object.keys", [5, HOLE, 7])),
    ("Object.assign({a: 1}, null, {b: 2}, 'xy')",
     lambda e: e.c("Object.assign", {"a": 1}, None, {"b": 2}, "xy")),
    ("Object.getPrototypeOf(Object.create(null))",
     lambda e: e.c("Object.getPrototypeOf", e.c("Object.create", None))),
    ("Object.create({p: 1}, {q: {value: 2, enumerable: true}, r: {value: 3}})",
     lambda e: e.c("Object.create", {"p": 1}, {"q": {"value": 2, "enumerable": True},
                                               "r": {"value": 3}})),
    ("Object.getOwnPropertyDescriptor(Object.defineProperty({}, 'x', {value: 1}), 'x')",
     lambda e: e.c("Object.getOwnPropertyDescriptor",
                   e.c("Object.defineProperty", {}, "x", {"value": 1}), "x")),
    ("Object.getOwnPropertyDescriptor({get a() { return 1; }}, 'a').set",
     lambda e: e.c("Object.getOwnPropertyDescriptor", _getter_obj(e), "a").get("set")),
    ("Object.getOwnPropertyDescriptors({a: 1})",
     lambda e: e.c("Object.getOwnPropertyDescriptors", {"a": 1})),
    ("Object.defineProperty(Object.freeze({}), 'x', {value: 1})",
     lambda e: e.c("Object.defineProperty", e.c("Object.freeze", {}), "x", {"value": 1})),
    ("Object.defineProperty({}, 'x', {get: 1})",
     lambda e: e.c("Object.defineProperty", {}, "x", {"get": 1})),
    ("Object.defineProperty({}, 'x', {value: 1, get() {}})",
     lambda e: e.c("Object.defineProperty", {}, "x", {"value": 1, "get": lambda: 1})),
    ("(() => { const o = Object.defineProperty({}, 'x', {value: 1}); "
     "Object.defineProperty(o, 'x', {value: 1}); return Object.defineProperty(o, 'x', "
     "{value: 2}); })()", _redefine),
    ("[Object.isFrozen(Object.freeze({a: 1})), Object.isFrozen({}), Object.isFrozen(1), "
     "Object.isSealed(Object.seal({a: 1})), Object.isExtensible(Object.preventExtensions({}))]",
     lambda e: e.v([e.c("Object.isFrozen", e.c("Object.freeze", {"a": 1})),
                    e.c("Object.isFrozen", {}), e.c("Object.isFrozen", 1),
                    e.c("Object.isSealed", e.c("Object.seal", {"a": 1})),
                    e.c("Object.isExtensible", e.c("Object.preventExtensions", {}))])),
    ("Object.getOwnPropertyNames([1, 2])", lambda e: e.c("Object.getOwnPropertyNames", [1, 2])),
    ("Object.getOwnPropertyNames('ab')", lambda e: e.c("Object.getOwnPropertyNames", "ab")),
    ("Object.getOwnPropertySymbols({[Symbol.iterator]: 1, a: 2})",
     lambda e: e.c("Object.getOwnPropertySymbols", _symbol_obj(e))),
    ("Object.fromEntries([['a', 1], ['b', 2]])",
     lambda e: e.c("Object.fromEntries", [["a", 1], ["b", 2]])),
    ("Object.fromEntries([1])", lambda e: e.c("Object.fromEntries", [1])),
    ("[Object.is(NaN, NaN), Object.is(0, -0), Object.is('a', 'a'), Object.hasOwn({a: 1}, 'a')]",
     lambda e: e.v([e.c("Object.is", math.nan, math.nan), e.c("Object.is", 0, -0.0),
                    e.c("Object.is", "a", "a"), e.c("Object.hasOwn", {"a": 1}, "a")])),
    ("Object.setPrototypeOf(1, null)", lambda e: e.c("Object.setPrototypeOf", 1, None)),
    ("Object.setPrototypeOf({}, 1)", lambda e: e.c("Object.setPrototypeOf", {}, 1)),
    ("(() => { const a = {}; const b = Object.create(a); return Object.setPrototypeOf(a, b); })()",
     _cyclic_proto),
    ("Object.keys(null)", lambda e: e.c("Object.keys", None)),
    ("Object(1)", lambda e: e.c("Object", 1)),
    ("new Object('s')", lambda e: e.new("Object", "s")),
    ("[1, 'a', true, null, undefined, [], {}, () => {}, new Error('x'), new Boolean(1), "
     "new Number(2), new String('s'), Symbol.prototype, Math, JSON, Object.create(null)]"
     ".map((v) => Object.prototype.toString.call(v))", _to_string_tags),
    ("Object.prototype.toString.call({[Symbol.toStringTag]: 'Custom'})",
     lambda e: e.m(e.g("Object.prototype.toString"), "call", _tagged_obj(e))),
    ("[{a: 1}.hasOwnProperty('a'), {a: 1}.propertyIsEnumerable('a'), "
     "[].propertyIsEnumerable('length'), Object.prototype.isPrototypeOf.call(Array.prototype, [])]",
     lambda e: e.v([e.m({"a": 1}, "hasOwnProperty", "a"),
                    e.m({"a": 1}, "propertyIsEnumerable", "a"),
                    e.m([], "propertyIsEnumerable", "length"),
                    e.m(e.g("Object.prototype.isPrototypeOf"), "call",
                        e.g("Array.prototype"), [])])),
    ("(() => { const o = {}; o.__proto__ = Array.prototype; "
     "return [Array.isArray(o), o.__proto__ === Array.prototype, Object.keys(o)]; })()",
     _dunder_proto),
    ("({}).toLocaleString()", lambda e: e.m({}, "toLocaleString")),
    # -- Function ---------------------------------------------------------------------
    ("Math.max.apply(null, [1, 5, 3])", lambda e: e.m(e.g("Math.max"), "apply", None, [1, 5, 3])),
    ("Math.max.call(null, 1, 5, 3)", lambda e: e.m(e.g("Math.max"), "call", None, 1, 5, 3)),
    ("Math.max.apply(null, {length: 2, 0: 7, 1: 9})",
     lambda e: e.m(e.g("Math.max"), "apply", None, {"length": 2, "0": 7, "1": 9})),
    ("Math.max.apply(null, 1)", lambda e: e.m(e.g("Math.max"), "apply", None, 1)),
    ("(() => { const f = Math.max.bind(null, 10); return [f(3), f(30), f.name, f.length]; })()",
     _bound),
    ("(() => { const f = parseInt.bind(null, 'ff'); return [f(16), f.name, f.length, "
     "f.toString()]; })()", _bound_parse_int),
    ("new (Array.bind(null, 1, 2))(3)", lambda e: e.new(e.m(e.g("Array"), "bind", None, 1, 2), 3)),
    ("[Math.max.toString(), Function.prototype.toString.call(class {}.constructor) > '', "
     "Object.prototype.toString.name]",
     lambda e: e.v([e.m(e.g("Math.max"), "toString"), True,
                    e.g("Object.prototype.toString").get("name")])),
    ("Function.prototype.toString.call({})",
     lambda e: e.m(e.g("Function.prototype.toString"), "call", {})),
    ("[Function.prototype.name, Function.prototype.length, Function.prototype()]",
     lambda e: e.v([e.realm.function_prototype.get("name"),
                    e.realm.function_prototype.get("length"),
                    call(e.realm.function_prototype, UNDEFINED, [])])),
    ("Array[Symbol.hasInstance]([])",
     lambda e: call(e.g("Array").get(HAS_INSTANCE), e.g("Array"), [e.v([])])),
    # -- Error ------------------------------------------------------------------------
    ("(() => { const e = new TypeError('bad', {cause: 1}); "
     "return [e.name, e.message, e.cause, String(e), e instanceof Error, "
     "Object.keys(e), Object.getOwnPropertyNames(e)]; })()", _type_error),
    ("[String(Error()), String(Error('m')), Error.prototype.toString.call({name: 'N'}), "
     "Error.prototype.toString.call({message: 'M'}), Error.prototype.toString.call({name: '', "
     "message: 'M'}), RangeError.prototype.name, Object.getPrototypeOf(RangeError) === Error]",
     _error_strings),
    ("(() => { const e = new AggregateError([1, 2], 'many'); "
     "return [e.name, e.message, e.errors]; })()", _aggregate),
    ("Error.prototype.toString.call(1)", lambda e: e.m(e.g("Error.prototype.toString"), "call", 1)),
    # -- Symbol -----------------------------------------------------------------------
    ("[Symbol('x').toString(), Symbol('x').description, Symbol().description, "
     "Symbol.for('k') === Symbol.for('k'), Symbol.keyFor(Symbol.for('k')), "
     "Symbol.keyFor(Symbol('k')), Symbol.iterator.description, String(Symbol('s'))]",
     _symbols),
    ("Symbol.keyFor('x')", lambda e: e.c("Symbol.keyFor", "x")),
    ("Symbol() + ''", lambda e: _js_add(e, JSSymbol(None), "")),
    ("`${Symbol()}`", lambda e: to_string(JSSymbol(None))),
    ("Object(Symbol('w')).description", lambda e: e.c("Object", JSSymbol("w")).get("description")),
    # -- Number, Boolean, BigInt ------------------------------------------------------
    ("[Number('12'), Number(''), Number(' 0x10 '), Number(5n), Number(null), Number([]), "
     "Number(['7']), Number({}), Number(undefined), Number()]",
     lambda e: e.v([e.c("Number", x) for x in ("12", "", " 0x10 ", B(5), None, [], ["7"], {},
                                               UNDEFINED)] + [call(e.g("Number"), UNDEFINED, [])])),
    ("[Number.isInteger(5), Number.isInteger(5.5), Number.isInteger('5'), "
     "Number.isSafeInteger(2 ** 53), Number.isSafeInteger(2 ** 53 - 1), Number.isNaN('x'), "
     "isNaN('x'), Number.isFinite('1'), isFinite('1'), Number.parseInt === parseInt]",
     lambda e: e.v([e.c("Number.isInteger", 5), e.c("Number.isInteger", 5.5),
                    e.c("Number.isInteger", "5"), e.c("Number.isSafeInteger", 2.0 ** 53),
                    e.c("Number.isSafeInteger", 2.0 ** 53 - 1), e.c("Number.isNaN", "x"),
                    e.c("isNaN", "x"), e.c("Number.isFinite", "1"), e.c("isFinite", "1"),
                    e.g("Number.parseInt") is e.g("parseInt")])),
    ("[Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, Number.EPSILON, Number.MAX_VALUE, "
     "Number.MIN_VALUE]",
     lambda e: e.v([e.g("Number").get(k) for k in ("MAX_SAFE_INTEGER", "MIN_SAFE_INTEGER",
                                                   "EPSILON", "MAX_VALUE", "MIN_VALUE")])),
    ("[(255).toString(16), (255).toString(2), (-255.5).toString(36), (0.1).toFixed(20), "
     "(1.005).toFixed(2), (1e21).toFixed(2), (123.456).toExponential(), (0).toExponential(2), "
     "(123.456).toPrecision(4), (0.000123).toPrecision(2), (123456).toPrecision(2)]",
     lambda e: e.v([e.m(255, "toString", 16), e.m(255, "toString", 2),
                    e.m(-255.5, "toString", 36), e.m(0.1, "toFixed", 20),
                    e.m(1.005, "toFixed", 2), e.m(1e21, "toFixed", 2),
                    e.m(123.456, "toExponential"), e.m(0, "toExponential", 2),
                    e.m(123.456, "toPrecision", 4), e.m(0.000123, "toPrecision", 2),
                    e.m(123456, "toPrecision", 2)])),
    ("(1).toString(1)", lambda e: e.m(1, "toString", 1)),
    ("(1).toFixed(101)", lambda e: e.m(1, "toFixed", 101)),
    ("(1).toPrecision(0)", lambda e: e.m(1, "toPrecision", 0)),
    ("Number.prototype.toString.call('1')",
     lambda e: e.m(e.g("Number.prototype.toString"), "call", "1")),
    ("[new Number(3) + 1, typeof new Number(3), new Number(3).valueOf(), "
     "(1234567.891).toLocaleString(), NaN.toFixed(2), (-1.5).toFixed(0), (2.5).toFixed(0)]",
     lambda e: e.v([_js_add(e, e.new("Number", 3), 1.0), "object", e.m(e.new("Number", 3),
                                                                        "valueOf"),
                    e.m(1234567.891, "toLocaleString"), e.m(math.nan, "toFixed", 2),
                    e.m(-1.5, "toFixed", 0), e.m(2.5, "toFixed", 0)])),
    ("[Boolean(''), Boolean('0'), Boolean(0n), new Boolean(false).valueOf(), "
     "String(new Boolean(true)), Boolean.prototype.valueOf()]",
     lambda e: e.v([e.c("Boolean", ""), e.c("Boolean", "0"), e.c("Boolean", B(0)),
                    e.m(e.new("Boolean", False), "valueOf"),
                    to_string(e.new("Boolean", True)), e.m(e.g("Boolean.prototype"), "valueOf")])),
    ("[BigInt(10), BigInt('0x1f'), BigInt(true), (255n).toString(16), BigInt.asIntN(8, 255n), "
     "BigInt.asUintN(8, -1n), typeof Object(1n), BigInt(' 12 ')]",
     lambda e: e.a(e.c("BigInt", 10), e.c("BigInt", "0x1f"), e.c("BigInt", True),
                   e.m(B(255), "toString", 16), e.c("BigInt.asIntN", 8, B(255)),
                   e.c("BigInt.asUintN", 8, B(-1)), "object", e.c("BigInt", " 12 "))),
    ("BigInt(1.5)", lambda e: e.c("BigInt", 1.5)),
    ("BigInt('1.5')", lambda e: e.c("BigInt", "1.5")),
    ("BigInt(undefined)", lambda e: e.c("BigInt", UNDEFINED)),
    # -- Math -------------------------------------------------------------------------
    ("[0.5, -0.5, 2.5, -2.5, 1.4999999999999998, -0, 0.49999999999999994, -1e-300, 1e300]"
     ".map(Math.round)", lambda e: e.m([0.5, -0.5, 2.5, -2.5, 1.4999999999999998, -0.0,
                                        0.49999999999999994, -1e-300, 1e300], "map",
                                       e.g("Math.round"))),
    ("[-0.5, 0.5, -1.5, 1.5, -0].map((x) => [Math.ceil(x), Math.floor(x), Math.trunc(x), "
     "Math.sign(x)])",
     lambda e: e.m([-0.5, 0.5, -1.5, 1.5, -0.0], "map",
                   lambda x, *_: [e.c("Math.ceil", x), e.c("Math.floor", x),
                                  e.c("Math.trunc", x), e.c("Math.sign", x)])),
    ("[Math.max(), Math.min(), Math.max(1, NaN), Math.max(-0, 0), Math.min(0, -0), "
     "Math.max('3', 2), Math.hypot(3, 4), Math.hypot(), Math.hypot(NaN, Infinity), "
     "Math.hypot(1, 1, 1), Math.hypot(1e200, 1e200)]",
     lambda e: e.v([e.c("Math.max"), e.c("Math.min"), e.c("Math.max", 1, math.nan),
                    e.c("Math.max", -0.0, 0), e.c("Math.min", 0, -0.0), e.c("Math.max", "3", 2),
                    e.c("Math.hypot", 3, 4), e.c("Math.hypot"),
                    e.c("Math.hypot", math.nan, math.inf), e.c("Math.hypot", 1, 1, 1),
                    e.c("Math.hypot", 1e200, 1e200)])),
    ("[Math.sqrt(-1), Math.sqrt(-0), Math.log(0), Math.log(-1), Math.exp(1000), "
     "Math.cosh(1000), Math.sinh(-1000), Math.atanh(1), Math.log1p(-1), Math.acos(2), "
     "Math.fround(5.5), Math.fround(5.05), Math.fround(1e300), Math.clz32(1), Math.clz32(0), "
     "Math.imul(0xffffffff, 5), Math.pow(2, 0.5), Math.tanh(0.5), Math.abs(-0), Math.cbrt(27)]",
     lambda e: e.v([e.c("Math.sqrt", -1), e.c("Math.sqrt", -0.0), e.c("Math.log", 0),
                    e.c("Math.log", -1), e.c("Math.exp", 1000), e.c("Math.cosh", 1000),
                    e.c("Math.sinh", -1000), e.c("Math.atanh", 1), e.c("Math.log1p", -1),
                    e.c("Math.acos", 2), e.c("Math.fround", 5.5), e.c("Math.fround", 5.05),
                    e.c("Math.fround", 1e300), e.c("Math.clz32", 1), e.c("Math.clz32", 0),
                    e.c("Math.imul", 0xFFFFFFFF, 5), e.c("Math.pow", 2, 0.5),
                    e.c("Math.tanh", 0.5), e.c("Math.abs", -0.0), e.c("Math.cbrt", 27)])),
    ("[Math.PI, Math.E, Math.LN2, Math.SQRT1_2, Object.prototype.toString.call(Math)]",
     lambda e: e.v([e.g("Math").get(k) for k in ("PI", "E", "LN2", "SQRT1_2")] + [
         e.m(e.g("Object.prototype.toString"), "call", e.g("Math"))])),
    # -- Array ------------------------------------------------------------------------
    ("[Array(3), Array(1, 2), Array('3'), new Array(0), Array.of(7), Array.of(1, 2, 3)]",
     lambda e: e.v([e.c("Array", 3), e.c("Array", 1, 2), e.c("Array", "3"), e.new("Array", 0),
                    e.c("Array.of", 7), e.c("Array.of", 1, 2, 3)])),
    ("Array(-1)", lambda e: e.c("Array", -1)),
    ("Array(1.5)", lambda e: e.c("Array", 1.5)),
    ("[Array.from('a\\ud83d\\ude00b'), Array.from({length: 3}, (v, i) => i * 2), "
     "Array.from([1, , 3]), Array.from(new Set([1, 1, 2]).values ? [1, 2] : []), "
     "Array.from({length: 2, 0: 'x'})]",
     lambda e: e.v([e.c("Array.from", "a\ud83d\ude00b"),
                    e.c("Array.from", {"length": 3}, lambda v, i: i * 2),
                    e.c("Array.from", [1, HOLE, 3]), e.v([1, 2]),
                    e.c("Array.from", {"length": 2, "0": "x"})])),
    ("Array.from(5)", lambda e: e.c("Array.from", 5)),
    ("Array.from(null)", lambda e: e.c("Array.from", None)),
    ("[Array.isArray([]), Array.isArray({length: 0}), Array.isArray(Array.prototype)]",
     lambda e: e.v([e.c("Array.isArray", []), e.c("Array.isArray", {"length": 0}),
                    e.c("Array.isArray", e.g("Array.prototype"))])),
    ("(() => { const a = [1, 2]; return [a.push(3, 4), a, a.pop(), a, a.shift(), a, "
     "a.unshift(0, 0.5), a]; })()", _push_pop),
    ("(() => { const a = [1, 2, 3, 4, 5]; return [a.splice(1, 2), a, a.splice(-1), a, "
     "a.splice(1, 0, 'x', 'y'), a, a.splice(0), a]; })()", _splice),
    ("(() => { const o = {length: 2, 0: 'a', 1: 'b'}; return [Array.prototype.push.call(o, 'c'), "
     "o, Array.prototype.pop.call(o), Array.prototype.shift.call(o), o, "
     "Array.prototype.splice.call(o, 0, 1, 'x', 'y'), o]; })()", _generic_array_like),
    ("[[1, 2, 3, 4].slice(1, -1), [1, 2, 3].slice(-2), [1, 2, 3].slice(5), [1, , 3].slice(),"
     " Array.prototype.slice.call('abc', 1), Array.prototype.slice.call({length: 3, 1: 'x'})]",
     lambda e: e.v([e.m([1, 2, 3, 4], "slice", 1, -1), e.m([1, 2, 3], "slice", -2),
                    e.m([1, 2, 3], "slice", 5), e.m([1, HOLE, 3], "slice"),
                    e.m(e.g("Array.prototype.slice"), "call", "abc", 1),
                    e.m(e.g("Array.prototype.slice"), "call", {"length": 3, "1": "x"})])),
    ("[[1].concat(2, [3, [4]], 'x'), [].concat([1, , 3]), [1, 2].join(), [1, null, undefined, "
     "[2, 3]].join('-'), [].join(), [1, 2].toString(), String([1, [2, [3]]])]",
     lambda e: e.v([e.m([1], "concat", 2, [3, [4]], "x"), e.m([], "concat", [1, HOLE, 3]),
                    e.m([1, 2], "join"), e.m([1, None, UNDEFINED, [2, 3]], "join", "-"),
                    e.m([], "join"), e.m([1, 2], "toString"), to_string(e.v([1, [2, [3]]]))])),
    ("(() => { const a = [1, 2]; a.push(a); return a.join(); })()", _cyclic_join),
    ("[[1, 2, 3].reverse(), [1, , 3].reverse(), [3, 1, 2].indexOf(2), [1, 2, 1].lastIndexOf(1), "
     "[NaN].indexOf(NaN), [NaN].includes(NaN), [1, 2, 3].includes(3, -1), [, ].includes(undefined),"
     " [, ].indexOf(undefined), [1, 2, 3].lastIndexOf(3, -2), [1, 2].indexOf(2, -1)]",
     lambda e: e.v([e.m([1, 2, 3], "reverse"), e.m([1, HOLE, 3], "reverse"),
                    e.m([3, 1, 2], "indexOf", 2), e.m([1, 2, 1], "lastIndexOf", 1),
                    e.m([math.nan], "indexOf", math.nan), e.m([math.nan], "includes", math.nan),
                    e.m([1, 2, 3], "includes", 3, -1), e.m([HOLE], "includes", UNDEFINED),
                    e.m([HOLE], "indexOf", UNDEFINED), e.m([1, 2, 3], "lastIndexOf", 3, -2),
                    e.m([1, 2], "indexOf", 2, -1)])),
    ("[[1, 2, 3].map((x, i) => x * 10 + i), [1, , 3].map((x) => x), [1, 2, 3, 4].filter((x) => "
     "x % 2), [1, 2, 3].find((x) => x > 1), [1, 2, 3].findIndex((x) => x > 5), "
     "[1, 2, 3].findLast((x) => x < 3), [1, 2, 3].findLastIndex((x) => x < 3), "
     "[1, 2].some((x) => x > 1), [1, 2].every((x) => x > 1), [].every((x) => false)]",
     lambda e: e.v([e.m([1, 2, 3], "map", lambda x, i, *_: x * 10 + i),
                    e.m([1, HOLE, 3], "map", lambda x, *_: x),
                    e.m([1, 2, 3, 4], "filter", lambda x, *_: x % 2 != 0),
                    e.m([1, 2, 3], "find", lambda x, *_: x > 1),
                    e.m([1, 2, 3], "findIndex", lambda x, *_: x > 5),
                    e.m([1, 2, 3], "findLast", lambda x, *_: x < 3),
                    e.m([1, 2, 3], "findLastIndex", lambda x, *_: x < 3),
                    e.m([1, 2], "some", lambda x, *_: x > 1),
                    e.m([1, 2], "every", lambda x, *_: x > 1),
                    e.m([], "every", lambda *_: False)])),
    ("[[1, 2, 3].reduce((a, b) => a + b), [1, 2, 3].reduce((a, b) => a + b, 10), "
     "['a', 'b', 'c'].reduceRight((a, b) => a + b), [, 1, , 2].reduce((a, b) => a * 10 + b)]",
     lambda e: e.v([e.m([1, 2, 3], "reduce", lambda a, b, *_: a + b),
                    e.m([1, 2, 3], "reduce", lambda a, b, *_: a + b, 10),
                    e.m(["a", "b", "c"], "reduceRight", lambda a, b, *_: a + b),
                    e.m([HOLE, 1, HOLE, 2], "reduce", lambda a, b, *_: a * 10 + b)])),
    ("[].reduce((a, b) => a)", lambda e: e.m([], "reduce", lambda a, b, *_: a)),
    ("[1].map(1)", lambda e: e.m([1], "map", 1)),
    ("(() => { const seen = []; [1, , 3].forEach((x, i, arr) => seen.push([x, i, arr.length]));"
     " return seen; })()", _for_each),
    ("[[3, 1, 10, 2].sort(), [3, 1, 10, 2].sort((a, b) => a - b), ['b', undefined, 'a', , 'c']"
     ".sort(), [5, 1, 4].sort((a, b) => b - a), [2, 1].sort(undefined), "
     "[{k: 1, v: 'a'}, {k: 0, v: 'b'}, {k: 1, v: 'c'}, {k: 0, v: 'd'}].sort((x, y) => x.k - y.k)"
     ".map((x) => x.v).join(''), ['\\ud83d\\ude00', '\\uffff', 'z'].sort()]",
     lambda e: e.v([e.m([3, 1, 10, 2], "sort"),
                    e.m([3, 1, 10, 2], "sort", lambda a, b: a - b),
                    e.m(["b", UNDEFINED, "a", HOLE, "c"], "sort"),
                    e.m([5, 1, 4], "sort", lambda a, b: b - a),
                    e.m([2, 1], "sort", UNDEFINED), _stable_sort(e),
                    e.m(["\ud83d\ude00", "\uffff", "z"], "sort")])),
    ("[1, 2].sort(1)", lambda e: e.m([1, 2], "sort", 1)),
    ("[[1, 2, 3].fill(0, 1), new Array(3).fill('x'), [1, 2, 3, 4, 5].copyWithin(0, 3), "
     "[1, [2, [3, [4]]]].flat(), [1, [2, [3, [4]]]].flat(Infinity), [1, 2].flatMap((x) => "
     "[x, x * 2]), [1, 2, 3].at(-1), [1, 2, 3].at(5), [1, , 3].flat()]",
     lambda e: e.v([e.m([1, 2, 3], "fill", 0, 1), e.m(e.c("Array", 3), "fill", "x"),
                    e.m([1, 2, 3, 4, 5], "copyWithin", 0, 3),
                    e.m([1, [2, [3, [4]]]], "flat"), e.m([1, [2, [3, [4]]]], "flat", math.inf),
                    e.m([1, 2], "flatMap", lambda x, *_: [x, x * 2]),
                    e.m([1, 2, 3], "at", -1), e.m([1, 2, 3], "at", 5),
                    e.m([1, HOLE, 3], "flat")])),
    ("[[3, 1, 2].toSorted(), [1, 2, 3].toReversed(), [1, 2, 3].toSpliced(1, 1, 'x', 'y'), "
     "[1, 2, 3].with(-1, 9), [1, , 3].toReversed()]",
     lambda e: e.v([e.m([3, 1, 2], "toSorted"), e.m([1, 2, 3], "toReversed"),
                    e.m([1, 2, 3], "toSpliced", 1, 1, "x", "y"), e.m([1, 2, 3], "with", -1, 9),
                    e.m([1, HOLE, 3], "toReversed")])),
    ("[1, 2].with(2, 0)", lambda e: e.m([1, 2], "with", 2, 0)),
    ("[[...[1, 2].keys()], [...['a', 'b'].entries()], [...[1, , 3].values()], "
     "[][Symbol.iterator] === [].values, Object.prototype.toString.call([].values())]",
     lambda e: e.v([iterable_to_list(e.realm, e.m([1, 2], "keys")),
                    iterable_to_list(e.realm, e.m(["a", "b"], "entries")),
                    iterable_to_list(e.realm, e.m([1, HOLE, 3], "values")),
                    e.g("Array.prototype").get(ITERATOR) is e.g("Array.prototype.values"),
                    e.m(e.g("Object.prototype.toString"), "call", e.m([], "values"))])),
    ("(() => { const it = [1][Symbol.iterator](); return [it.next(), it.next(), it.next(), "
     "it[Symbol.iterator]() === it]; })()", _array_iterator),
    ("[[1, 2, 3].length = 1, (() => { const a = [1, 2, 3]; a.length = 1; return a; })(), "
     "(() => { const a = []; a[3] = 1; return a; })()]", _length_games),
    ("Object.keys(Array.prototype[Symbol.unscopables]).sort().join()",
     lambda e: e.m(e.m(e.c("Object.keys", e.g("Array.prototype").get(UNSCOPABLES)), "sort"),
                   "join")),
    # -- String -----------------------------------------------------------------------
    ("[String(1), String(null), String(Symbol('s')), String([1, 2]), String({}), "
     "new String('ab').length, typeof String('x'), String(-0), String(1n)]",
     lambda e: e.v([e.c("String", 1), e.c("String", None), e.c("String", JSSymbol("s")),
                    e.c("String", [1, 2]), e.c("String", {}),
                    e.new("String", "ab").get("length"), "string", e.c("String", -0.0),
                    e.c("String", B(1))])),
    ("[String.fromCharCode(72, 105, 0x1F600), String.fromCodePoint(0x1F600, 65), "
     "String.raw({raw: ['a', 'b', 'c']}, 1, 2, 3)]",
     lambda e: e.v([e.c("String.fromCharCode", 72, 105, 0x1F600),
                    e.c("String.fromCodePoint", 0x1F600, 65),
                    e.c("String.raw", {"raw": ["a", "b", "c"]}, 1, 2, 3)])),
    ("String.fromCodePoint(-1)", lambda e: e.c("String.fromCodePoint", -1)),
    ("String.fromCodePoint(1.5)", lambda e: e.c("String.fromCodePoint", 1.5)),
    ("['abc'.charAt(1), 'abc'.charAt(5), 'abc'.charCodeAt(1), 'abc'.charCodeAt(9), "
     "'\\ud83d\\ude00'.codePointAt(0), '\\ud83d\\ude00'.codePointAt(1), 'abc'.at(-1), "
     "'abc'.at(3), '\\ud83d\\ude00'.length, 'a'.codePointAt(3)]",
     lambda e: e.v([e.m("abc", "charAt", 1), e.m("abc", "charAt", 5),
                    e.m("abc", "charCodeAt", 1), e.m("abc", "charCodeAt", 9),
                    e.m("\ud83d\ude00", "codePointAt", 0), e.m("\ud83d\ude00", "codePointAt", 1),
                    e.m("abc", "at", -1), e.m("abc", "at", 3),
                    get_v(e.realm, "\ud83d\ude00", "length"), e.m("a", "codePointAt", 3)])),
    ("['hello'.indexOf('l'), 'hello'.indexOf('l', 3), 'hello'.indexOf(''), 'hello'.indexOf('', 9),"
     " 'hello'.lastIndexOf('l'), 'hello'.lastIndexOf('l', 2), 'hello'.lastIndexOf(''), "
     "'hello'.includes('ell'), 'hello'.includes('ell', 2), 'hello'.startsWith('he'), "
     "'hello'.startsWith('l', 2), 'hello'.endsWith('lo'), 'hello'.endsWith('l', 4), "
     "'aaa'.lastIndexOf('a', NaN)]",
     lambda e: e.v([e.m("hello", "indexOf", "l"), e.m("hello", "indexOf", "l", 3),
                    e.m("hello", "indexOf", ""), e.m("hello", "indexOf", "", 9),
                    e.m("hello", "lastIndexOf", "l"), e.m("hello", "lastIndexOf", "l", 2),
                    e.m("hello", "lastIndexOf", ""), e.m("hello", "includes", "ell"),
                    e.m("hello", "includes", "ell", 2), e.m("hello", "startsWith", "he"),
                    e.m("hello", "startsWith", "l", 2), e.m("hello", "endsWith", "lo"),
                    e.m("hello", "endsWith", "l", 4), e.m("aaa", "lastIndexOf", "a", math.nan)])),
    ("['hello'.slice(1, -1), 'hello'.slice(-3), 'hello'.slice(3, 1), 'hello'.substring(3, 1), "
     "'hello'.substring(-1, 2), 'hello'.substr(1, 3), 'hello'.substr(-3, 2), 'hello'.substr(1)]",
     lambda e: e.v([e.m("hello", "slice", 1, -1), e.m("hello", "slice", -3),
                    e.m("hello", "slice", 3, 1), e.m("hello", "substring", 3, 1),
                    e.m("hello", "substring", -1, 2), e.m("hello", "substr", 1, 3),
                    e.m("hello", "substr", -3, 2), e.m("hello", "substr", 1)])),
    ("['Hello ß İ Σ'.toUpperCase(), 'HELLO ΑΣ İ'.toLowerCase(), '  x \\n'.trim(), "
     "'\\u00a0x\\ufeff'.trimStart(), 'x  '.trimEnd(), String.prototype.trimLeft === "
     "String.prototype.trimStart, 'abc'.padStart(6, '12'), 'abc'.padEnd(5), 'abc'.padStart(2), "
     "'ab'.repeat(3), ''.repeat(5), 'a'.concat(1, null), 'e\\u0301'.normalize(), "
     "'\\u00e9'.normalize('NFD').length]",
     lambda e: e.v([e.m("Hello ß İ Σ", "toUpperCase"), e.m("HELLO ΑΣ İ", "toLowerCase"),
                    e.m("  x \n", "trim"), e.m("\u00a0x\ufeff", "trimStart"),
                    e.m("x  ", "trimEnd"),
                    e.g("String.prototype").get("trimLeft") is e.g("String.prototype.trimStart"),
                    e.m("abc", "padStart", 6, "12"), e.m("abc", "padEnd", 5),
                    e.m("abc", "padStart", 2), e.m("ab", "repeat", 3), e.m("", "repeat", 5),
                    e.m("a", "concat", 1, None), e.m("e\u0301", "normalize"),
                    get_v(e.realm, e.m("\u00e9", "normalize", "NFD"), "length")])),
    ("'a'.repeat(-1)", lambda e: e.m("a", "repeat", -1)),
    ("'a'.normalize('X')", lambda e: e.m("a", "normalize", "X")),
    ("['a,b,,c'.split(','), 'abc'.split(''), 'abc'.split(), ''.split(','), ''.split(''), "
     "'a,b,c'.split(',', 2), 'a1b1c'.split(1), 'ab'.split(undefined, 0)]",
     lambda e: e.v([e.m("a,b,,c", "split", ","), e.m("abc", "split", ""), e.m("abc", "split"),
                    e.m("", "split", ","), e.m("", "split", ""), e.m("a,b,c", "split", ",", 2),
                    e.m("a1b1c", "split", 1), e.m("ab", "split", UNDEFINED, 0)])),
    ("['aXbXc'.replace('X', '-'), 'aXbXc'.replaceAll('X', '-'), 'abc'.replace('b', '[$&|$`|$\\'|$$"
     "|$1]'), 'abc'.replace('b', (m, i, s) => m.toUpperCase() + i + s), "
     "'aaa'.replaceAll('', '-'), 'abc'.replace('x', 'y'), 'abc'.replaceAll('b', () => '$&')]",
     lambda e: e.v([e.m("aXbXc", "replace", "X", "-"), e.m("aXbXc", "replaceAll", "X", "-"),
                    e.m("abc", "replace", "b", "[$&|$`|$'|$$|$1]"),
                    e.m("abc", "replace", "b",
                        lambda m, i, s: e.m(m, "toUpperCase") + to_string(i) + s),
                    e.m("aaa", "replaceAll", "", "-"), e.m("abc", "replace", "x", "y"),
                    e.m("abc", "replaceAll", "b", lambda *_: "$&")])),
    ("[[...'a\\ud83d\\ude00b'], 'b'.localeCompare('a'), 'a'.localeCompare('B'), "
     "'a'.localeCompare('a'), 'a'.localeCompare('A'), 'résumé'.localeCompare('resume'), "
     "'\\ud800x'.isWellFormed(), 'ab'.isWellFormed(), '\\ud800x'.toWellFormed()]",
     lambda e: e.v([iterable_to_list(e.realm, "a\ud83d\ude00b"), e.m("b", "localeCompare", "a"),
                    e.m("a", "localeCompare", "B"), e.m("a", "localeCompare", "a"),
                    e.m("a", "localeCompare", "A"), e.m("résumé", "localeCompare", "resume"),
                    e.m("\ud800x", "isWellFormed"), e.m("ab", "isWellFormed"),
                    e.m("\ud800x", "toWellFormed")])),
    ("(() => { const s = new String('ab'); return [s, s[1], s.length, Object.keys(s), "
     "Object.getOwnPropertyNames(s), delete s[0], s.valueOf(), s + 'c', 1 in s, 2 in s]; })()",
     _string_object),
    ("String.prototype.trim.call(null)", lambda e: e.m(e.g("String.prototype.trim"), "call", None)),
    ("'abc'.startsWith({[Symbol.match]: true})",
     lambda e: e.m("abc", "startsWith", _matcher(e))),
    ("String.prototype.toString.call(1)",
     lambda e: e.m(e.g("String.prototype.toString"), "call", 1)),
    # -- JSON -------------------------------------------------------------------------
    ("[JSON.stringify({a: [1, 'x', null, true, undefined, () => 1], b: undefined, c: NaN, "
     "d: -0, e: '\\u2028\\ud800\"\\\\\\n\\x01', f: new Date(0) ? 1 : 0}), JSON.stringify('s'), "
     "JSON.stringify(undefined), JSON.stringify(null), JSON.stringify([undefined]), "
     "JSON.stringify({}), JSON.stringify([])]",
     lambda e: e.v([e.c("JSON.stringify", {"a": [1, "x", None, True, UNDEFINED, lambda: 1],
                                           "b": UNDEFINED, "c": math.nan, "d": -0.0,
                                           "e": "\u2028\ud800\"\\\n\x01", "f": 1}),
                    e.c("JSON.stringify", "s"), e.c("JSON.stringify", UNDEFINED),
                    e.c("JSON.stringify", None), e.c("JSON.stringify", [UNDEFINED]),
                    e.c("JSON.stringify", {}), e.c("JSON.stringify", [])])),
    ("[JSON.stringify({a: 1, b: [1, {c: 2}], d: {}}, null, 2), JSON.stringify([1, [2]], null, "
     "'--'), JSON.stringify({a: 1, b: 2, c: 3}, ['c', 'a']), JSON.stringify({a: 1, b: 'x'}, "
     "(k, v) => typeof v === 'number' ? v * 2 : v), JSON.stringify({toJSON() { return 'T'; }}),"
     " JSON.stringify(new Number(3)), JSON.stringify([new String('s'), new Boolean(false)])]",
     lambda e: e.v([e.c("JSON.stringify", {"a": 1, "b": [1, {"c": 2}], "d": {}}, None, 2),
                    e.c("JSON.stringify", [1, [2]], None, "--"),
                    e.c("JSON.stringify", {"a": 1, "b": 2, "c": 3}, ["c", "a"]),
                    e.c("JSON.stringify", {"a": 1, "b": "x"},
                        lambda k, v: v * 2 if isinstance(v, float) else v),
                    e.c("JSON.stringify", {"toJSON": lambda *_: "T"}),
                    e.c("JSON.stringify", e.new("Number", 3)),
                    e.c("JSON.stringify", [e.new("String", "s"), e.new("Boolean", False)])])),
    ("JSON.stringify(1n)", lambda e: e.c("JSON.stringify", B(1))),
    ("(() => { const o = {}; o.o = o; return JSON.stringify(o); })()", _json_cycle),
    ("[JSON.parse('{\"a\": [1, 2.5e3, \"x\\\\u0041\", true, null], \"b\": {}}'), "
     "JSON.parse(' 1 '), JSON.parse('\"\\\\ud83d\\\\ude00\"'), JSON.parse('[1, 2]', "
     "(k, v) => Array.isArray(v) ? v : v * 10), JSON.parse('{\"a\": 1, \"a\": 2}'), "
     "JSON.parse('123456789012345678901234567890')]",
     lambda e: e.v([e.c("JSON.parse", '{"a": [1, 2.5e3, "x\\u0041", true, null], "b": {}}'),
                    e.c("JSON.parse", " 1 "), e.c("JSON.parse", '"\\ud83d\\ude00"'),
                    e.c("JSON.parse", "[1, 2]",
                        lambda k, v: v if isinstance(v, JSArray) else v * 10),
                    e.c("JSON.parse", '{"a": 1, "a": 2}'),
                    e.c("JSON.parse", "123456789012345678901234567890")])),
    ("JSON.parse('{')", lambda e: e.c("JSON.parse", "{")),
    ("JSON.parse('NaN')", lambda e: e.c("JSON.parse", "NaN")),
    ("JSON.parse('[1] x')", lambda e: e.c("JSON.parse", "[1] x")),
    ("JSON.parse(\"{'a': 1}\")", lambda e: e.c("JSON.parse", "{'a': 1}")),
    # -- globals and conversions through objects --------------------------------------
    ("[parseInt('08'), parseInt('0x1g'), parseFloat('.5e1x'), globalThis === globalThis, "
     "typeof globalThis]",
     lambda e: e.v([e.c("parseInt", "08"), e.c("parseInt", "0x1g"), e.c("parseFloat", ".5e1x"),
                    True, "object"])),
    ("[{valueOf() { return 5; }} * 2, {toString() { return 'x'; }} + 1, "
     "{[Symbol.toPrimitive](h) { return h; }} + '', `${{[Symbol.toPrimitive](h) { return h; }}}`, "
     "+{[Symbol.toPrimitive](h) { return 7; }}, [1] == 1, [1, 2] == '1,2', null == 0, "
     "undefined == null, NaN == NaN, {} == '[object Object]', 1n == 1, '1' == 1n]",
     _to_primitive_cases),
    ("({[Symbol.toPrimitive]() { return {}; }}) + 1", lambda e: _js_add(e, _bad_primitive(e), 1.0)),
    ("({valueOf() { return {}; }, toString() { return {}; }}) + 1",
     lambda e: _js_add(e, e.v({"valueOf": lambda: {}, "toString": lambda: {}}), 1.0)),
]

def _math_inputs() -> list[float]:
    """Arguments for the Math functions: ordinary ranges, raw bit patterns, edges."""
    rng = random.Random(7)
    xs = [rng.uniform(-10, 10) for _ in range(120)] + [rng.uniform(-1, 1) for _ in range(60)]
    xs += [rng.uniform(0, 1000) for _ in range(40)] + [rng.uniform(1e8, 1e20) for _ in range(20)]
    xs += [struct.unpack(">d", rng.getrandbits(64).to_bytes(8, "big"))[0] for _ in range(60)]
    xs += [0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, 1e-310, -1e-310, 1.0, -1.0, 0.5,
           2.0 ** -28, 2.0 ** -30, 710.0, 709.9, -745.2, 1e300, 3.0, 27.0, 7.0, 1e22]
    return xs


MATH_FUNCTIONS = ("acos", "acosh", "asin", "asinh", "atan", "atanh", "cbrt", "cos", "cosh",
                  "exp", "expm1", "log", "log10", "log1p", "log2", "sin", "sinh", "sqrt", "tan",
                  "tanh", "atan2", "pow", "hypot")
MATH_CASES = [{"f": f, "x": f64hex(x), "y": f64hex(y)}
              for f in MATH_FUNCTIONS
              for x, y in zip(_math_inputs(), reversed(_math_inputs()), strict=True)]

PRELUDE = """
function answer(input) {
  if (typeof input === 'object') {
    return hex(Math[input.f](f64(input.x), f64(input.y)));
  }
  try {
    return util.inspect(eval(input));
  } catch (e) {
    return `!${e.constructor.name}: ${e.message}`;
  }
}
"""


@pytest.fixture(scope="module")
def all_node_results() -> list:
    return node_batch(PRELUDE, [source for source, _ in CASES] + MATH_CASES)


@pytest.fixture(scope="module")
def node_results(all_node_results) -> dict[str, str]:
    sources = [source for source, _ in CASES]
    return dict(zip(sources, all_node_results[:len(CASES)], strict=True))


def test_math_functions_match_v8_bit_for_bit(all_node_results, realm):
    """Math's transcendental functions are V8's fdlibm ports (vm.ieee754)."""
    math_obj = realm.intrinsics["%Math%"]
    mismatches = []
    for case, expected in zip(MATH_CASES, all_node_results[len(CASES):], strict=True):
        x, y = hexf64(case["x"]), hexf64(case["y"])
        got = f64hex(call(math_obj.get(case["f"]), math_obj, [x, y]))
        if got != expected:
            mismatches.append((case["f"], x, y, hexf64(expected), hexf64(got)))
    assert not mismatches, f"{len(mismatches)} mismatches, e.g. {mismatches[:5]}"


def _ours(realm, compute) -> str:
    env = Env(realm)
    try:
        return inspect(compute(env), realm)
    except JSError as e:
        return f"!{e.kind}: {e.message}"
    except JSThrow as e:
        value = e.value
        if isinstance(value, JSObject):
            name = value.get("constructor").get("name")
            return f"!{name}: {to_string(value.get('message'))}"
        return f"!{to_string(value)}"


# V8 phrases a few errors differently; the kind must match, the message need not.
MESSAGE_MAY_DIFFER = {
    "Object.defineProperty({}, 'x', {get: 1})",
    "Object.defineProperty({}, 'x', {value: 1, get() {}})",
    "Object.setPrototypeOf({}, 1)",
    "Array(1.5)",
    "[1].map(1)",
    "Math.max.apply(null, 1)",
    "Function.prototype.toString.call({})",
    "Error.prototype.toString.call(1)",
    "Number.prototype.toString.call('1')",
    "String.prototype.toString.call(1)",
    "Object.fromEntries([1])",
    "Array.from(null)",
    "JSON.parse('{')",
    "JSON.parse(\"{'a': 1}\")",
    "JSON.parse('NaN')",
    "({[Symbol.toPrimitive]() { return {}; }}) + 1",
    "Symbol.keyFor('x')",
    "BigInt(undefined)",
    "[1, 2].with(2, 0)",
    "(() => { const o = {}; o.o = o; return JSON.stringify(o); })()",
    "String.fromCodePoint(1.5)",
    "(() => { const a = {}; const b = Object.create(a); return Object.setPrototypeOf(a, b); })()",
}


@pytest.mark.parametrize("source,compute", CASES, ids=[s[:70] for s, _ in CASES])
def test_matches_node(source, compute, node_results, realm):
    ours = _ours(realm, compute)
    theirs = node_results[source]
    if source in MESSAGE_MAY_DIFFER and theirs.startswith("!"):
        assert ours.split(":")[0] == theirs.split(":")[0], (ours, theirs)
    else:
        assert ours == theirs


# -- behaviour node cannot show directly ----------------------------------------------


def test_console_writes_lines_through_the_global(global_env):
    console = global_env.global_object.get("console")
    call(console.get("log"), console, ["a", 1.0, "\ud83d\ude00"])
    call(console.get("error"), console, ["%s!", "oops"])
    assert global_env.lines == ["a 1 \U0001f600", "oops!"]


def test_error_objects_have_a_stack(realm):
    err = construct(realm.intrinsics["%RangeError%"], ["r"])
    slot = err.get_own_property("stack")
    assert slot is not None and not slot.flags & 2
    assert slot.value == "RangeError: r\n    at <anonymous>"
    realm.stack_frames = lambda: ["f (main.js:3:7)", "main.js:9:1"]
    err = construct(realm.intrinsics["%Error%"], [])
    assert err.get("stack") == "Error\n    at f (main.js:3:7)\n    at main.js:9:1"


def test_make_error_for_the_interpreter(realm):
    from vm.builtins.error import make_error

    err = make_error(realm, "ReferenceError", "x is not defined")
    assert err.proto is realm.intrinsics["%ReferenceError.prototype%"]
    assert to_string(err) == "ReferenceError: x is not defined"


def test_iterator_close_on_throw(realm):
    """Array.from closes the iterator when the map function throws (IteratorClose)."""
    env = Env(realm)
    log = []
    iterator = env.v({})
    iterator.props["next"] = env.fn(lambda: {"value": 1, "done": False})
    iterator.props["return"] = env.fn(lambda: log.append("closed") or {})
    iterable = env.v({})
    iterable.props[ITERATOR] = env.fn(lambda: iterator)

    def boom(*args):
        raise JSError("Error", "boom")

    with pytest.raises(JSError, match="boom"):
        env.c("Array.from", iterable, boom)
    assert log == ["closed"]


def test_group_by(realm):
    """Object.groupBy (ES2024; node 20 lacks it): a null-prototype object of arrays."""
    env = Env(realm)
    groups = env.c("Object.groupBy", [1, 2, 3, 4, 5], lambda x, i: "odd" if x % 2 else "even")
    assert groups.proto is None
    assert inspect(groups, realm) == ("[Object: null prototype] { odd: [ 1, 3, 5 ], "
                                      "even: [ 2, 4 ] }")


def test_global_object_properties(global_env):
    g = global_env.global_object
    for name in ("Infinity", "NaN", "undefined"):
        slot = g.get_own_property(name)
        assert slot is not None and slot.flags == 0
    assert g.get("globalThis") is g
    assert g.get("Array") is global_env.realm.intrinsics["%Array%"]
    assert isinstance(g.get("console"), JSObject)


def test_data_property_slots_are_plain(realm):
    """Array.prototype methods installed as non-enumerable, writable, configurable."""
    slot = realm.intrinsics["%Array.prototype%"].get_own_property("map")
    assert isinstance(slot, Slot) and slot.flags == 1 | 4


# -- whole snippets through the machine: console.log output against node's -----------

PROGRAMS = [
    r"""console.log([1, 2, 3].map(x => x * 2), [..."héllo"].reverse().join(""));
console.log(Object.entries({a: 1, b: [2, 3]}), Object.fromEntries([["x", 1]]));
console.log([3, 1, 2].sort(), [10, 9, 1].sort(), [10, 9, 1].sort((a, b) => a - b));
console.log("abc".padStart(6, "-"), "a-b-c".split("-"), "Hello".replace("l", "L"));
console.log((123.456).toFixed(1), 0.1 + 0.2, 1 / 3, -0, [-0], 2 ** 53 + 1, 1e21, 1e-7);
console.log(Number("0x1f"), parseInt("42px"), parseFloat("3.14abc"), Number(""), +[], +{});
console.log(typeof null, typeof 1n, typeof Symbol(), typeof function () {});
console.log(JSON.stringify({a: [1, {b: 2}], c: "x"}), JSON.stringify([1, 2], null, 2));
console.log(JSON.parse('{"a":[1,2,{"b":null}]}'), Math.max(1, 2, 3), Math.min());
console.log(String(Symbol("s")), Symbol("d").description, Symbol.for("k") === Symbol.for("k"));""",
    r"""class Point { constructor(x, y) { this.x = x; this.y = y; } }
console.log(new Point(1, 2), [new Point(3, 4)], { p: new Point(5, 6) });
class A { static s = 1; m() {} get g() { return 1; } }
class B extends A { constructor() { super(); this.own = [1, 2]; } }
console.log(A, B, new A(), new B(), [A, B], { A });
console.log(Object.create(null), Object.create({ inherited: 1 }), Object.create(A.prototype));
const big = {}; for (let i = 0; i < 30; i++) big["key" + i] = i; console.log(big);
console.log(Array.from({ length: 30 }, (_, i) => ({ id: i })).slice(0, 8));
console.log({ f() {}, g: function () {}, h: () => 1, async i() {}, *j() {} });
const circ = { name: "root", kids: [] }; circ.kids.push({ parent: circ }); console.log(circ);""",
    r"""const o = { name: "x", toString() { return "O!"; } };
console.log(`${o}`, o + "", String(o), [o].join(), "%s|%s", o, [1, [2, [3]]]);
console.log("%s has %d items costing %f", "cart", 3, 9.5, "extra", "%o", { a: [1] });
console.log([undefined, null, NaN, -0, 0, 1n, "s", Symbol("q")], "%j", { a: 1 });
console.log(Array(3), [1, , 3], new Array(5).fill().map((_, i) => i), "a\u0000b");
let s = ""; for (const ch of "a😀b") s += "[" + ch + "]"; console.log(s, "a😀b".length);
console.log("ß".toUpperCase(), "İ".toLowerCase().length, "ΑΣ".toLowerCase());
const it = [5, 1, 4][Symbol.iterator]();
console.log(it.next(), it.next(), [...it], it.next(), Reflect.ownKeys({ b: 1, 1: 2 }));
function f(a, b) { return this.v + a + b; }
const g = f.bind({ v: 1 }, 2);
console.log(g(3), g.name, g.length, f.call({ v: 10 }, 1, 1), f.apply({ v: 100 }, [1, 2]));""",
    r"""const tries = [
  () => [1].map("abc"), () => [1].map({}), () => "a".repeat(-1), () => (5).toFixed(200),
  () => BigInt("x"), () => JSON.parse("[1,]"), () => new Array(-5), () => [].reduce(() => 0),
  () => Object.freeze([1]).push(2), () => String.fromCodePoint(0x110000),
  () => Object.fromEntries(1), () => 1n / 0n, () => Symbol() + "", () => null.x,
];
for (const t of tries) {
  try { t(); console.log("no error"); } catch (e) { console.log(`${e.name}: ${e.message}`); }
}
console.log(Math.hypot(3, 4), Math.cbrt(-8), Math.sin(Math.PI), Math.cos(1), 7 ** 1.5);
console.log((1.005).toFixed(2), (8.345).toFixed(2), (123.456).toExponential(2),
  (99.99).toPrecision(3));
console.log(10n ** 20n, -7n / 2n, -7n % 2n, 5n << 2n, BigInt.asUintN(8, 257n));
const p = Promise.resolve({ a: 1 }); console.log(p, new Promise(() => {}));""",
]

PROGRAM_PRELUDE = """
function answer(source) {
  const lines = [];
  const console = { log: (...args) => lines.push(util.format(...args)) };
  try {
    eval(source);
  } catch (e) {
    lines.push(`!${e.name}: ${e.message}`);
  }
  return lines;
}
"""


@pytest.fixture(scope="module")
def program_outputs() -> list:
    return node_batch(PROGRAM_PRELUDE, PROGRAMS)


@pytest.mark.parametrize("index", range(len(PROGRAMS)))
def test_programs_through_the_machine(index, program_outputs):
    """The built-ins as JavaScript code reaches them (needs the interpreter). Console
    output is real text; node_batch answers in UTF-16 code units, hence to_utf16."""
    from vm.machine import Machine
    from vm.utf16 import to_utf16

    lines: list[str] = []
    Machine(output=lines.append).run_script(PROGRAMS[index], "probe.js")
    assert [to_utf16(line) for line in lines] == program_outputs[index]
