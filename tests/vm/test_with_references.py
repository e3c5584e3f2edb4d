"""Names inside `with` are resolved before an assignment's right side runs (§13.15.2:
the left side's reference first, PutValue on that reference last).

V8 re-resolves the name when it stores (a long-standing divergence), so node cannot be
the oracle here: the expected lines are the specification's answers.
"""

from __future__ import annotations

from vm import Machine


def run(src: str) -> list[str]:
    lines: list[str] = []
    Machine(output=lines.append).run_script(src)
    return lines


def test_assignment_stores_into_the_object_found_before_the_right_side():
    assert run("""
      function f() {
        var x = 0, scope = { x: 1 };
        with (scope) { x = (delete scope.x, 2); }
        console.log(scope.x, x);
      }
      f();
    """) == ["2 0"]


def test_compound_assignment_reads_and_writes_one_binding():
    assert run("""
      var outer = { y: 0 };
      var inner = { get y() { delete this.y; return 2; } };
      with (outer) { with (inner) { y ^= 3; } }
      console.log(inner.y, outer.y);
    """) == ["1 0"]


def test_update_and_logical_assignment_keep_their_reference():
    assert run("""
      var c = { n: 5 }, n = 100;
      with (c) { n++; n += (delete c.n, 10); }
      var d = { m: 0 }, m = 'global';
      with (d) { m ||= (delete d.m, 'set'); }
      console.log(c.n, n, d.m, m);
    """) == ["16 100 set global"]


def test_strict_code_inside_with_throws_for_a_deleted_binding():
    assert run("""
      var o = { z: 1 };
      with (o) {
        (function () {
          'use strict';
          try { z = (delete o.z, 2); } catch (e) { console.log(e.name); }
          o.z = 1;
          try { z += (delete o.z, 2); } catch (e) { console.log(e.name); }
        })();
      }
      console.log('z' in o);
    """) == ["ReferenceError", "ReferenceError", "false"]
