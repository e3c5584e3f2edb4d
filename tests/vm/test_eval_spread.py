"""`eval(...args)` is a direct eval too (§13.3.6.1: the callee is the name eval and
its value is %eval%, whatever the argument list). node treats it as indirect, so the
expected lines here are the specification's."""

from __future__ import annotations

from vm import Machine


def run(src: str) -> list[str]:
    lines: list[str] = []
    Machine(output=lines.append).run_script(src)
    return lines


def test_spread_eval_sees_the_callers_scope():
    assert run("""
      var x = 'global';
      (function () {
        var x = 'local';
        console.log(eval(...["x + '!'", 'ignored']), eval(...[], 'x'), eval(...[]));
        eval(...['x = 1']);
        console.log(x);
      })();
      console.log(x);
    """) == ["local! local undefined", "1", "global"]


def test_spread_eval_of_another_function_is_a_plain_call():
    assert run("""
      var x = 'global';
      (function () {
        var x = 'local', eval = function (s) { return 'mine ' + s; };
        console.log(eval(...['x']));
      })();
      (function () {
        var x = 'local', e = globalThis.eval;
        console.log(e(...['x']));
      })();
    """) == ["mine x", "global"]
