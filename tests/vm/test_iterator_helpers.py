# ruff: noqa: E501 - JavaScript sources inside the tests keep one statement a line
"""The Iterator global and the iterator helpers (ECMA-262 §27.1), run through the VM.

node 20 on this machine has no iterator helpers, so these are not differential tests:
each program prints what the spec says it must, and the test compares."""

from __future__ import annotations

import gc

import pytest

from vm import Machine

# An iterator over 1..n that logs every next/return call it gets (by name).
LOGGED = """
const log = [];
function counting(n, name = 'it', returns = {}) {
  let i = 0;
  return {
    __proto__: Iterator.prototype,
    next(...args) { log.push(name + '.next' + (args.length ? '(' + args.length + ')' : '')); i++; return i <= n ? { value: i, done: false } : { value: 'end', done: true }; },
    return() { log.push(name + '.return'); return returns; },
  };
}
"""


def run(src: str, machine: Machine | None = None, prelude: str = LOGGED) -> list[str]:
    lines: list[str] = []
    m = machine or Machine()
    m.main.output = lines.append
    m.run_script(prelude + src)
    return lines


def test_lazy_helpers_give_values_and_counters():
    assert run("""
console.log(counting(4).map((v, i) => v * 10 + i).toArray().join());
console.log(counting(6).filter((v, i) => v % 2 === 0 && i > 1).toArray().join());
console.log(counting(5).drop(2).take(2).toArray().join());
console.log(counting(3).flatMap((v, i) => [v, i]).toArray().join());
console.log(counting(3).flatMap(v => 'ab').toArray ? 'made' : 'no');
""") == ["10,21,32,43", "4,6", "3,4", "1,0,2,1,3,2", "made"]


def test_helpers_are_lazy_and_read_next_once():
    assert run("""
let reads = 0;
const it = counting(3);
const o = { __proto__: Iterator.prototype, get next() { reads++; return it.next.bind(it); } };
const m = o.map(x => x);
console.log(reads, log.length);
console.log(m.next().value, m.next().value, reads, log.join());
""") == ["1 0", "1 2 1 it.next,it.next"]


def test_consumers():
    assert run("""
console.log(counting(4).reduce((a, v, i) => a + v * i));
console.log(counting(3).reduce((a, v, i) => a + '|' + v + ':' + i, 's'));
try { counting(0).reduce((a, b) => a); } catch (e) { console.log(e.constructor.name); }
const seen = [];
console.log(counting(3).forEach((v, i) => { seen.push(v + '@' + i); }), seen.join());
console.log(counting(3).some(v => v === 2), counting(3).every(v => v < 3), counting(3).find(v => v > 1));
console.log(counting(2).some(v => v > 5), counting(2).every(v => v > 0), counting(2).find(v => v > 5));
console.log(Array.isArray(counting(2).toArray()), counting(0).toArray().length);
""") == ["21", "s|1:0|2:1|3:2", "TypeError", "undefined 1@0,2@1,3@2",
         "true false 2", "false true undefined", "true 0"]


def test_short_circuits_close_the_iterator():
    assert run("""
counting(5).some(v => v === 2); console.log(log.join()); log.length = 0;
counting(5).every(v => v < 2); console.log(log.join()); log.length = 0;
counting(5).find(v => v === 1); console.log(log.join()); log.length = 0;
counting(2).find(v => false); console.log(log.join());
""") == ["it.next,it.next,it.return", "it.next,it.next,it.return", "it.next,it.return",
         "it.next,it.next,it.next"]


def test_a_throwing_callback_closes_but_a_throwing_next_does_not():
    assert run("""
try { counting(3).map(v => { throw new Error('m' + v); }).next(); } catch (e) { console.log(e.message, log.join()); }
log.length = 0;
const bad = { __proto__: Iterator.prototype, next() { throw new Error('n'); }, return() { log.push('return'); return {}; } };
try { bad.filter(x => x).next(); } catch (e) { console.log(e.message, log.length); }
try { counting(2, 'it', 5).forEach(v => { throw new Error('f'); }); } catch (e) { console.log(e.message, log.join()); }
""") == ["m1 it.next,it.return", "n 0", "f it.next,it.return"]


@pytest.mark.parametrize("call", [
    "map(1)", "filter({})", "flatMap()", "reduce(null)", "forEach('f')", "some()",
    "every(2)", "find()", "take(NaN)", "take(-1)", "drop(undefined)", "drop(2**53)",
])
def test_a_bad_argument_closes_before_next_is_read(call):
    out = run(f"""
const o = {{ __proto__: Iterator.prototype, get next() {{ log.push('next read'); }}, return() {{ log.push('return'); return {{}}; }} }};
try {{ o.{call}; }} catch (e) {{ console.log(e.constructor.name, log.join()); }}
""")
    kind = "RangeError" if call.startswith(("take", "drop")) else "TypeError"
    assert out == [f"{kind} return"]


def test_this_must_be_an_object():
    assert run("""
for (const name of ['map', 'filter', 'take', 'drop', 'flatMap', 'reduce', 'toArray', 'forEach', 'some', 'every', 'find']) {
  try { Iterator.prototype[name].call(1, () => 1); console.log('no error', name); } catch (e) { if (!(e instanceof TypeError)) console.log(name, e); }
}
console.log('ok');
""") == ["ok"]


def test_return_before_the_first_next_closes_the_underlying_iterator():
    assert run("""
const h = counting(3).map(x => x);
const r = h.return();
console.log(r.value, r.done, log.join());
console.log(h.next().done, log.join());
const h2 = counting(3, 'b', 7).take(1);
try { h2.return(); } catch (e) { console.log(e.constructor.name); }
console.log(h2.next().done, log.join());
""") == ["undefined true it.return", "true it.return", "TypeError",
         "true it.return,b.return"]


def test_return_at_a_yield_closes_and_completes():
    assert run("""
const h = counting(3).filter(x => true);
h.next();
console.log(JSON.stringify(h.return()), log.join());
console.log(JSON.stringify(h.next()), JSON.stringify(h.return()), log.join());
""") == ['{"done":true} it.next,it.return', '{"done":true} {"done":true} it.next,it.return']


def test_drop_skips_without_reading_values():
    assert run("""
let reads = 0;
let i = 0;
const it = { __proto__: Iterator.prototype, next() { i++; return { done: i > 4, get value() { reads++; return i; } }; } };
console.log(it.drop(2).toArray().join(), reads);
""") == ["3,4 2"]


def test_take_closes_when_the_limit_is_reached():
    assert run("""
const h = counting(5).take(2);
console.log(h.next().value, h.next().value, log.join());
console.log(h.next().done, log.join());
""") == ["1 2 it.next,it.next", "true it.next,it.next,it.return"]


def test_flat_map_closes_inner_then_outer():
    assert run("""
const h = counting(2, 'outer').flatMap(v => counting(3, 'inner' + v));
h.next(); h.next();
h.return();
console.log(log.join());
log.length = 0;
const h2 = counting(2, 'outer').flatMap(v => ({ next() { return { value: 1, done: false }; }, return() { throw new Error('inner failed'); } }));
h2.next();
try { h2.return(); } catch (e) { console.log(e.message, log.join()); }
""") == ["outer.next,inner1.next,inner1.next,inner1.return,outer.return",
         "inner failed outer.next,outer.return"]


def test_flat_map_rejects_primitives_but_takes_iterators_and_iterables():
    assert run("""
try { counting(1).flatMap(v => 'abc').next(); } catch (e) { console.log(e.constructor.name, log.join()); }
const plain = { i: 0, next() { return this.i++ < 2 ? { value: this.i, done: false } : { done: true }; } };
console.log([0].values().flatMap(() => plain).toArray().join(), [0].values().flatMap(() => new Set(['s'])).toArray().join());
""") == ["TypeError it.next,it.return", "1,2 s"]


def test_a_running_helper_cannot_be_resumed():
    assert run("""
let h;
h = counting(3).map(v => { try { h.next(); } catch (e) { return e.constructor.name; } });
console.log(h.next().value);
let h2;
h2 = counting(3).map(v => { try { h2.return(); } catch (e) { return e.constructor.name + ' ' + e.message; } });
console.log(h2.next().value);
""") == ["TypeError", "TypeError Generator is already running"]


def test_helper_prototype_shape_and_brand():
    assert run("""
const proto = Object.getPrototypeOf(counting(1).map(x => x));
console.log(Object.getPrototypeOf(proto) === Iterator.prototype, proto[Symbol.toStringTag], Object.getOwnPropertyNames(proto).join());
try { proto.next.call({}); } catch (e) { console.log(e.constructor.name); }
function* g() { yield 1; }
try { proto.next.call(g()); } catch (e) { console.log(e.constructor.name); }
try { g().next.call(counting(1).map(x => x)); } catch (e) { console.log(e.constructor.name); }
console.log(Object.prototype.toString.call(counting(1).drop(0)));
""") == ["true Iterator Helper next,return", "TypeError", "TypeError", "TypeError",
         "[object Iterator Helper]"]


def test_the_iterator_constructor_is_abstract():
    assert run("""
try { new Iterator(); } catch (e) { console.log(e.constructor.name); }
try { Iterator(); } catch (e) { console.log(e.constructor.name); }
class Numbers extends Iterator { next() { return { done: true }; } }
const n = new Numbers();
console.log(n instanceof Iterator, Object.getPrototypeOf(Numbers.prototype) === Iterator.prototype, n.toArray().length);
console.log(Reflect.construct(Iterator, [], Numbers) instanceof Numbers, Iterator.length, Iterator.name);
const d = Object.getOwnPropertyDescriptor(Iterator, 'prototype');
console.log(d.writable, d.enumerable, d.configurable);
""") == ["TypeError", "TypeError", "true true 0", "true 0 Iterator", "false false false"]


def test_iterator_from():
    assert run("""
const direct = counting(2);
console.log(Iterator.from(direct) === direct);
const plain = { i: 0, next() { return this.i++ < 2 ? { value: this.i, done: false } : { done: true }; } };
const w = Iterator.from(plain);
console.log(w === plain, w instanceof Iterator, w.map(x => x * 3).toArray().join());
console.log(Iterator.from('a\\ud83d\\ude00b').toArray().length, Iterator.from([5, 6]).toArray().join());
const wp = Object.getPrototypeOf(Iterator.from({ next() {} }));
console.log(JSON.stringify(wp.return.call(Iterator.from({ next() {} }))));
console.log(Iterator.from({ next() {}, return() { return 'r'; } }).return());
for (const bad of [1, null, undefined, Symbol()]) { try { Iterator.from(bad); } catch (e) { console.log(e.constructor.name); } }
try { wp.next.call({}); } catch (e) { console.log(e.constructor.name); }
""") == ["true", "false true 3,6", "3 5,6", '{"done":true}', "r",
         "TypeError", "TypeError", "TypeError", "TypeError", "TypeError"]


def test_constructor_and_to_string_tag_are_accessors_that_ignore_the_prototype():
    assert run("""
for (const key of ['constructor', Symbol.toStringTag]) {
  const d = Object.getOwnPropertyDescriptor(Iterator.prototype, key);
  console.log(typeof d.get, typeof d.set, d.enumerable, d.configurable);
}
console.log(Iterator.prototype.constructor === Iterator, Iterator.prototype[Symbol.toStringTag]);
const o = Object.create(Iterator.prototype);
o.constructor = 1;
o[Symbol.toStringTag] = 'Mine';
console.log(Object.getOwnPropertyDescriptor(o, 'constructor').value, String(o), Iterator.prototype.constructor === Iterator);
try { Iterator.prototype.constructor = 2; } catch (e) { console.log(e.constructor.name); }
const setter = Object.getOwnPropertyDescriptor(Iterator.prototype, 'constructor').set;
try { setter.call(5, 1); } catch (e) { console.log(e.constructor.name); }
const frozen = Object.freeze(Object.create(Iterator.prototype, { constructor: { value: 0, writable: true, configurable: true } }));
try { setter.call(frozen, 3); } catch (e) { console.log(e.constructor.name); }
""") == ["function function false true", "function function false true", "true Iterator",
         "1 [object Mine] true", "TypeError", "TypeError", "TypeError"]


def test_lockdown_freezes_the_chapter_and_compartments_share_iterator():
    assert run("""
lockdown();
const helperProto = Object.getPrototypeOf([].values().map(x => x));
console.log(Object.isFrozen(Iterator), Object.isFrozen(Iterator.from), Object.isFrozen(helperProto));
const c = new Compartment();
console.log(c.globalThis.Iterator === Iterator, c.evaluate('[1, 2].values().map(x => x + 1).toArray().join()'));
const o = Object.create(Iterator.prototype);
o.constructor = 'own';
console.log(o.constructor, Iterator.prototype.constructor === Iterator);
""") == ["true true true", "true 2,3", "own true"]


def test_an_abandoned_helper_runs_no_code_when_collected():
    m = Machine()
    assert run("""
globalThis.h = counting(3).map(x => x);
h.next();
""", m) == []
    m.run_script("delete globalThis.h;")
    gc.collect()
    assert run("console.log(log.join())", m, prelude="") == ["it.next"]
