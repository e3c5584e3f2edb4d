"""Direct eval in a parameter list may not declare `arguments` (EvalDeclarationInstantiation).

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


@pytest.mark.parametrize("params", [
    'p = eval("var arguments = 1")',
    'p = eval("function arguments() {}")',
    'p = eval("var arguments"), q = () => arguments',
])
@pytest.mark.parametrize("head", ["function f", "const f = "])
def test_declaring_arguments_throws_a_syntax_error(head, params):
    fn = f"{head}({params}) {{}}" if head.startswith("function") else f"{head}({params}) => 0;"
    src = f'{fn}\ntry {{ f(); console.log("none") }} catch (e) {{ console.log(e.name) }}'
    assert run(src) == ["SyntaxError"]


def test_other_names_and_the_body_are_fine():
    src = """
    function g(p = eval("var x = 'param'"), q = () => x) { return q(); }
    function h() { eval("var arguments = 2"); return arguments; }
    console.log(g(), h());"""
    assert run(src) == ["param 2"]
