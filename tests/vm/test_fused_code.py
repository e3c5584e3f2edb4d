"""Fused instructions for common pairs (a captured function declaration stored in its
cell, `this.x`, default values, a captured variable's property): the fused form is
emitted, and the interpreter and the translating tier compute what the pair did."""

from __future__ import annotations

from compiler.bytecode.isa import NAMES
from tests.vm.support import ops, pairs, run
from vm import Machine
from vm.errors import UncaughtError

RECURSIVE = """
function outer(k) {
  const early = count(2);
  function count(n) { return n ? count(n - 1) + k : 0; }
  return [early, () => count(3)];
}
const [early, later] = outer(10);
console.log(early, later(), typeof later);
"""


def test_a_captured_function_declaration_is_made_in_its_cell() -> None:
    names = ops(RECURSIVE)
    assert "CLOSURECELL" in names
    assert ("CLOSURE", "SETCELL") not in pairs(RECURSIVE)
    assert run(RECURSIVE) == ["20 30 function"]


def test_each_call_makes_a_fresh_closure_in_a_fresh_cell() -> None:
    src = ("function make(v) { function get() { return v; } return () => get; }"
           "const a = make(1)(), b = make(2)();"
           "console.log(a(), b(), a === b, a === make(1)())")
    assert "CLOSURECELL" in ops(src)
    assert run(src) == ["1 2 false false"]


THIS_PROPS = """
class Temp {
  constructor(c) { this.c = c; }
  get f() { if (this.c > 100) throw new RangeError('too hot'); return this.c * 9 / 5 + 32; }
  set f(v) { this.c = (v - 32) * 5 / 9; }
  read() { return this.f; }
  write(v) { this.f = v; return this.c; }
}
const t = new Temp(100);
console.log(t.read(), t.write(212), t.write(32));
t.c = 101;
try { t.read(); } catch (e) { console.log(e.name, e.message); }
"""


def test_this_property_reads_and_writes_are_one_instruction() -> None:
    names = ops(THIS_PROPS)
    assert "GETTHISPROP" in names and "SETTHISPROP" in names
    assert ("LOADTHIS", "GETPROP") not in pairs(THIS_PROPS)
    assert ("LOADTHIS", "SETPROP") not in pairs(THIS_PROPS)
    assert run(THIS_PROPS) == ["212 100 0", "RangeError too hot"]


def test_this_of_plain_functions_strict_and_sloppy() -> None:
    src = ("var g = 5; function sloppy() { return this.g; }"
           "function strict() { 'use strict'; return this.g; }"
           "function setStrict(v) { 'use strict'; this.q = v; }"
           "String.prototype.size = function () { 'use strict'; return this.length; };"
           "console.log(sloppy(), 'abc'.size());"
           "try { strict(); } catch (e) { console.log(e.name); }"
           "try { setStrict.call(Object.freeze({}), 1); } catch (e) { console.log(e.name); }"
           "try { setStrict.call(7, 1); } catch (e) { console.log(e.name); }")
    names = ops(src)
    assert "GETTHISPROP" in names and "SETTHISPROP" in names
    assert run(src) == ["5 3", "TypeError", "TypeError", "TypeError"]


DERIVED = """
class Base { constructor() { this.b = 1; } }
class ReadEarly extends Base {
  constructor() {
    try { console.log(this.b); } catch (e) { console.log('read', e.name); }
    super();
    console.log(this.b);
  }
}
class WriteEarly extends Base {
  constructor(v) { this.w = v; super(); }
}
class ByArrow extends Base {
  constructor() { const init = () => super(); init(); this.z = this.b + 1; console.log(this.z); }
}
new ReadEarly();
new ByArrow();
try { new WriteEarly(console.log('argument first')); } catch (e) { console.log('write', e.name); }
"""


def test_derived_constructors_still_check_this_before_super() -> None:
    names = ops(DERIVED)
    assert "GETTHISPROP" in names and "SETTHISPROP" in names
    assert run(DERIVED) == ["read ReferenceError", "1", "2", "argument first",
                            "write ReferenceError"]


DEFAULTS = """
function f(a, b = a + 1) { return b; }
console.log(f(1), f(1, null), f(1, 0), f(1, undefined));
const {x = 5, y = 6} = {x: undefined, y: null};
const o = {};
[o.p = 7, o.q = 8] = [undefined, false];
console.log(x, y, o.p, o.q);
function g(a = (() => { throw new Error('default ran'); })()) { return a; }
console.log(g(0));
try { g(); } catch (e) { console.log(e.message); }
"""


def test_default_values_jump_unless_undefined() -> None:
    names = ops(DEFAULTS)
    assert names.count("JMPNOTUNDEF") >= 5
    assert "JMPIFUNDEF" not in names
    assert run(DEFAULTS) == ["2 null 0 2", "5 null 7 false", "0", "default ran"]


CELL_PROPS = """
function outer(o) {
  var s = 'abc';
  const read = () => { try { return o.b; } catch (e) { return o.a + e.message + s.length; } };
  const early = () => late.v;
  let r;
  try { early(); } catch (e) { r = e.name; }
  const late = { v: 2 };
  return [read(), r, early()];
}
console.log(outer({ a: 1, get b() { throw new Error('boom'); } }).join());
"""


def test_a_captured_variables_property_is_one_instruction() -> None:
    names = ops(CELL_PROPS)
    assert "GETCELLPROP" in names
    # (parameters and vars need no TDZ check) a binding in its TDZ keeps its check
    assert "GETCELLCHECK" in names
    assert run(CELL_PROPS) == ["1boom3,ReferenceError,2"]


def _optimized(handler_reads_t: bool) -> list[str]:
    """`GETCELL r1, c0; GETPROP r2, r1, k0` in a try whose handler returns r1 or r0."""
    from compiler.bytecode.code import Code
    from compiler.bytecode.isa import OPCODE as O
    from compiler.peephole import optimize

    code = Code("f", params=1, registers=3, cells=1, constants=["x"], code=[
        (O["GETCELL"], 1, 0), (O["GETPROP"], 2, 1, 0), (O["RETURN"], 2),
        (O["GETEXCEPTION"], 0), (O["RETURN"], 1 if handler_reads_t else 0)],
        handlers=[(0, 3, 3)])
    return [NAMES[ins[0]] for ins in optimize(code).code]


def test_a_handler_that_reads_the_temporary_keeps_the_pair() -> None:
    assert _optimized(True)[:2] == ["GETCELL", "GETPROP"]
    assert _optimized(False)[0] == "GETCELLPROP"


COPY = """
function copy(a, b) { for (let k = 0; k < b.length; k++) a[k] = b[k]; return a; }
console.log(copy([], [1, 2, 3]).join());
"""


def test_a_member_store_uses_register_locals_in_place() -> None:
    assert "MOVE" not in ops(COPY)
    assert run(COPY) == ["1,2,3"]


def test_a_member_store_keeps_the_locals_the_right_side_reassigns() -> None:
    src = ("function f() { let a = [0, 0], b = [9], k = 0;"
           " a[k] = (k = 1, 5); b.x = (b = a, 6); a[(a = b, 1)] = 7;"
           " return [a.join(), b.join(), b.x, k, a[1]]; }"
           "function g(o, p) { o[p] = (p = 'late', 1); return Object.keys(o).join(); }"
           "console.log(f().join('|'), g({}, 'early'))")
    assert run(src) == ["5,7|5,7||1|7 early"]


CELL_CALLS = """
function outer(f, g, h) {
  var log = console.log;
  function twice(x) { return 2 * x; }
  const calls = () => {
    log(twice(21), f(f) === f, g('7'));
    try { h(1); } catch (e) { log(e.name); }
    try { f(null); } catch (e) { log('caught', e); }
  };
  return calls;
}
outer(x => { if (x === null) throw 'thrown'; return x; }, parseInt, 5)();
"""


def test_a_captured_function_called_with_one_argument() -> None:
    names = ops(CELL_CALLS)
    assert names.count("CALLCELL1") >= 5
    assert run(CELL_CALLS) == ["42 true 7", "TypeError", "caught thrown"]


HOISTED = """
function parity(n) {
  const early = isEven(n);
  function isEven(k) { return k === 0 ? true : isOdd(k - 1); }
  function isOdd(k) { return k === 0 ? false : isEven(k - 1); }
  function name() { return isEven.name + '/' + isOdd.name; }
  return [early, isOdd(n), name(), isEven === isEven];
}
console.log(parity(7).join(), parity(4).join());
"""


def test_a_run_of_captured_function_declarations_is_one_instruction() -> None:
    names = ops(HOISTED)
    assert names.count("CLOSURECELLS") == 1 and "CLOSURECELL" not in names
    assert run(HOISTED) == ["false,true,isEven/isOdd,true true,false,isEven/isOdd,true"]


def test_a_closure_run_is_bounded_by_its_operands() -> None:
    """Both ends of both ranges are operands, so the image check bounds every index;
    ranges of different lengths pair what they can (never read past either end)."""
    from boards import load_board
    from compiler.bytecode.code import Code
    from compiler.bytecode.image import ImageError, Manifest, read_image, write_image
    from compiler.bytecode.isa import OPCODE as O

    def image(run: tuple, cells: int) -> bytes:
        kids = [Code(f"k{i}", code=[(O["LOADINT"], 0, i), (O["RETURN"], 0)], registers=1)
                for i in range(2)]
        code = Code("f", registers=2, cells=cells, functions=kids, code=[
            (O["CLOSURECELLS"], *run), (O["GETCELL"], 0, 1), (O["CALLFN0"], 0, 0),
            (O["RETURN"], 0)])
        return write_image(code, board=load_board("rpi-pico"), manifest=Manifest("x"))

    try:
        read_image(image((0, 2, 0, 1), cells=2))
        raise AssertionError("a cell past the frame's cells was accepted")
    except ImageError as e:
        assert "CLOSURECELLS" in str(e) and "out of range" in str(e)
    for tier in (False, "eager"):
        loaded = read_image(image((0, 1, 0, 1), cells=2))
        assert Machine(output=None, tier=tier).run_code(loaded.entry) == 1.0
        short = read_image(image((0, 1, 1, 1), cells=2))  # cell 0 only: cell 1 stays
        try:
            Machine(output=None, tier=tier).run_code(short.entry)
            raise AssertionError("an unset cell was called")
        except UncaughtError as e:
            assert "TypeError" in str(e)


COMPOUND = """
function f() {
  let o = {n: 1}, p = {n: 10}, k = 'n';
  o.n += 2; o.n |= 4; o[k] *= 3; o.n++; ++o[k];
  const trace = [o.n];
  o.n += (o = p, 5);
  let q = null; q ??= o; q.n ||= 99; q.z ||= 7; q.z &&= (q = o, 8);
  let a = [1, 2]; let i = 0; a[i] += (i = 1, 10); a[i++] += 100;
  let u; try { u[(() => { trace.push('key'); return 'k'; })()] += 1; } catch (e) {
    trace.push(e.name); }
  return JSON.stringify([trace, o, p, q, a, i]);
}
console.log(f());
"""


def test_compound_member_assignment_uses_register_locals_in_place() -> None:
    src = "function f(o, k) { o.n += 2; o[k] |= 1; o.n++; return o; }"
    assert "MOVE" not in ops(src)
    assert run(COMPOUND) == ['[[23,"key","TypeError"],{"n":10,"z":8},{"n":10,"z":8},'
                             '{"n":10,"z":8},[11,102],2]']


def test_a_backward_undefined_test_jump_is_metered() -> None:
    """The compiler only jumps forward on these; a hand-made image may loop on one."""
    from compiler.bytecode.code import Code
    from compiler.bytecode.isa import OPCODE as O
    from vm.interpreter import StepLimit

    for name, value in (("JMPNOTUNDEF", "LOADNULL"), ("JMPIFUNDEF", "LOADUNDEF"),
                        ("JMPNULLISH", "LOADNULL"), ("JMPNOTNULLISH", "LOADTRUE")):
        code = Code("loop", registers=1, code=[(O[value], 0), (O[name], 0, 0),
                                               (O["RETURNUNDEF"],)])
        for tier in (False, "eager"):
            try:
                Machine(output=None, tier=tier, step_budget=50).run_code(code)
                raise AssertionError(f"{name} looped past the step budget")
            except StepLimit:
                pass
