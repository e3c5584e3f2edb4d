"""Direct eval in a parameter list may not declare a name the parameters' scope holds:
a parameter, or a function's `arguments` (EvalDeclarationInstantiation).

node 20 on this machine accepts these programs, so the behaviour test262 requires is
checked here instead of in tests/js.
"""

from __future__ import annotations

import pytest

from vm import Machine


def run(src: str) -> list[str]:
    lines: list[str] = []
    Machine(output=lines.append).run_script(src)
    return lines


def outcome(fn: str) -> str:
    src = f'{fn}\ntry {{ console.log(String(f())) }} catch (e) {{ console.log(e.name) }}'
    return run(src)[0]


@pytest.mark.parametrize("fn", [
    'function f(p = eval("var arguments = 1")) {}',
    'function f(p = eval("function arguments() {}")) {}',
    'function f(p = eval("var arguments"), q = () => arguments) {}',
    'function f(a = eval("var a = 1")) {}',
    'const f = (p = eval("var arguments"), arguments) => 0;',
])
def test_a_clash_with_the_parameter_scope_is_a_syntax_error(fn):
    assert outcome(fn) == "SyntaxError"


def test_an_arrow_has_no_arguments_of_its_own_to_clash_with():
    assert outcome('const f = (p = eval("var arguments = 1")) => arguments;') == "1"


def test_other_names_and_the_body_are_fine():
    src = """
    function g(p = eval("var x = 'param'"), q = () => x) { return q(); }
    function h() { eval("var arguments = 2"); return arguments; }
    console.log(g(), h());"""
    assert run(src) == ["param 2"]
