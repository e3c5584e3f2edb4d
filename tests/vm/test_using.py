"""`using` and `await using` (explicit resource management), run end to end.

node on this machine predates `using`, so these are checked here rather than in tests/js:
each program logs what happens and the log is compared with the order the proposal's
DisposeResources prescribes.
"""

from __future__ import annotations

import pytest

from vm import Machine

PRELUDE = """
function res(n, fail) {
  return { [Symbol.dispose]() { console.log("dispose " + n); if (fail) throw new Error(n); } };
}
"""


def run(src: str) -> list[str]:
    lines: list[str] = []
    Machine(output=lines.append).run_script(PRELUDE + src)
    return lines


def test_block_disposes_in_reverse_order_at_its_end():
    assert run('{ using a = res("a"), b = res("b"); console.log("body"); } console.log("after")') \
        == ["body", "dispose b", "dispose a", "after"]


def test_return_and_break_dispose_before_leaving():
    src = ('function f() { using x = res("f"); return "ret"; } console.log(f());'
           'for (;;) { using y = res("loop"); break; } console.log("out")')
    assert run(src) == ["dispose f", "ret", "dispose loop", "out"]


def test_for_of_disposes_each_iteration():
    src = 'for (using r of [res(1), res(2)]) console.log("body"); console.log("end")'
    assert run(src) == ["body", "dispose 1", "body", "dispose 2", "end"]


def test_for_head_resource_lives_for_the_whole_loop():
    src = ('let n = 0; for (using r = res("head"); n < 2; n++) console.log("iter " + n);'
           'console.log("end")')
    assert run(src) == ["iter 0", "iter 1", "dispose head", "end"]


def test_errors_fold_into_a_suppressed_error_chain():
    src = """
    try {
      using a = res("a", true);
      using b = res("b", true);
      throw new Error("body");
    } catch (e) {
      console.log(e instanceof SuppressedError, e.error.message, e.suppressed.error.message,
                  e.suppressed.suppressed.message);
    }"""
    assert run(src)[-1] == "true a b body"


def test_one_disposal_error_is_thrown_as_is():
    src = ('try { using a = res("a", true); } '
           'catch (e) { console.log(e.constructor.name, e.message) }')
    assert run(src) == ["dispose a", "Error a"]


@pytest.mark.parametrize("value, expected", [
    ("null", ["ok"]), ("undefined", ["ok"]), ("5", ["TypeError"]), ("{}", ["TypeError"]),
    ("({ [Symbol.dispose]: 1 })", ["TypeError"]),
])
def test_initialiser_checks(value, expected):
    src = f'try {{ using v = {value}; console.log("ok") }} catch (e) {{ console.log(e.name) }}'
    assert run(src) == expected


def test_dispose_method_is_read_once_when_declared():
    src = """
    let reads = 0;
    const r = { get [Symbol.dispose]() { reads++; return () => console.log("disposed"); } };
    { using x = r; console.log("reads " + reads); }
    console.log("reads " + reads);"""
    assert run(src) == ["reads 1", "disposed", "reads 1"]


def test_using_binding_is_constant_and_in_tdz():
    src = """
    try { { f(); using x = null; function f() { return x; } } } catch (e) { console.log(e.name) }
    try { { using y = null; y = 1; } } catch (e) { console.log(e.name) }"""
    assert run(src) == ["ReferenceError", "TypeError"]


def test_await_using_awaits_async_disposal_before_continuing():
    src = """
    async function g() {
      {
        await using a = { async [Symbol.asyncDispose]() { console.log("async dispose"); } };
        await using b = res("sync under await");
        console.log("body");
      }
      console.log("after block");
    }
    g().then(() => console.log("done"));
    console.log("script end");"""
    assert run(src) == ["body", "dispose sync under await", "script end", "async dispose",
                        "after block", "done"]


def test_await_using_rejection_becomes_the_thrown_error():
    src = """
    async function g() {
      await using a = { [Symbol.asyncDispose]() { return Promise.reject(new Error("rej")); } };
    }
    g().catch((e) => console.log("caught " + e.message));"""
    assert run(src) == ["caught rej"]


def test_suppressed_error_constructor():
    src = """
    const e = new SuppressedError(1, 2, "msg");
    console.log(e.error, e.suppressed, e.message, e.name, e instanceof Error,
                SuppressedError.length, Object.keys(e).length);"""
    assert run(src) == ["1 2 msg SuppressedError true 3 0"]
