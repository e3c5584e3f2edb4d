"""A Global's evaluators: `eval` (direct and indirect) and the Function constructors.

Each Global owns its evaluators (DESIGN.md): code they compile belongs to that Global,
and a direct eval is direct only when the callee is the calling code's Global's own
`eval`. Compiling needs the compiler at run time, which is the one place the VM uses it
after loading.
"""

from __future__ import annotations

from compiler.bytecode.code import EvalSite
from compiler.errors import JSSyntaxError

from .convert import to_string
from .objects import CONFIGURABLE, WRITABLE, JSError, JSFunction
from .operations import get_prototype_from_constructor
from .values import UNDEFINED

_CACHE_LIMIT = 256  # compiled eval code kept per machine, keyed by (site, source)
# Global code compiled strict: a compartment's evaluate, indirect eval and Function.
STRICT_GLOBAL_CODE = EvalSite(strict=True)


class EvalVars:
    """The `var`s sloppy direct eval adds to a function's var scope, found by name.

    ``parent`` is the enclosing function's scope of the same kind, so a name that
    eval may have declared is looked up outward before its static binding.
    """

    __slots__ = ("vars", "parent")

    def __init__(self, parent: EvalVars | None) -> None:
        self.vars: dict[str, object] = {}
        self.parent = parent


def compile_eval_code(machine, source: str, site):
    """Parse and compile eval code (SyntaxError as a JS error), cached per site."""
    key = (site, source)
    cache = machine.eval_cache
    code = cache.get(key)
    if code is None:
        from compiler import parse
        from compiler.codegen import compile_eval

        try:
            program = parse(source, eval_site=site)
            code = compile_eval(program, source, site)
        except JSSyntaxError as err:
            raise JSError("SyntaxError", err.message) from None
        if len(cache) >= _CACHE_LIMIT:
            cache.pop(next(iter(cache)))
        cache[key] = code
    return code


def perform_direct_eval(machine, caller: JSFunction, site, cells: list, this, new_target,
                        source):
    """PerformEval with direct = true: the code runs in the caller's scope."""
    if type(source) is not str:
        return source
    code = compile_eval_code(machine, source, site)
    g = caller.global_env
    fn = JSFunction(machine.realm.function_prototype, code, [cells[i] for i in code.captures],
                    g)
    fn.home_object = caller.home_object
    fn.referrer = caller.referrer  # import() in eval code resolves like its caller's
    return machine.interpreter.run(fn, this, [], new_target)


def perform_indirect_eval(machine, g, source):
    """PerformEval with direct = false: global code of the Global ``g``."""
    if type(source) is not str:
        return source
    code = compile_eval_code(machine, source, STRICT_GLOBAL_CODE if g.strict_evaluators else None)
    fn = JSFunction(machine.realm.function_prototype, code, [], g)
    return machine.interpreter.run(fn, g.global_object, [], UNDEFINED)


_HEADS = {"normal": "function", "generator": "function*", "async": "async function",
          "asyncGenerator": "async function*"}
_FALLBACK_PROTO = {"normal": "%Function.prototype%",
                   "generator": "%GeneratorFunction.prototype%",
                   "async": "%AsyncFunction.prototype%",
                   "asyncGenerator": "%AsyncGeneratorFunction.prototype%"}


def create_dynamic_function(machine, g, args: list, new_target, kind: str):
    """CreateDynamicFunction: `new Function(p1, ..., body)` compiled as global code.

    The parameters and the body are joined into one function expression; the parse
    must give back exactly that function with the body where it was put, so text that
    closes the parameter list or the body early is a SyntaxError, as the spec's
    separate parses of parameters and body would make it.
    """
    from compiler import parse
    from compiler.codegen import compile_eval

    strings = [to_string(a) for a in args]
    body = strings[-1] if strings else ""
    params = ",".join(strings[:-1])
    head = f"{_HEADS[kind]} anonymous("
    prefix = f"({head}{params}\n) "
    text = f"{prefix}{{\n{body}\n}})"
    site = STRICT_GLOBAL_CODE if g.strict_evaluators else None
    try:
        program = parse(text, eval_site=site)
    except JSSyntaxError as err:
        raise JSError("SyntaxError", err.message) from None
    stmts = program.body
    fn_node = stmts[0].expression if len(stmts) == 1 and \
        stmts[0].type == "ExpressionStatement" else None
    if fn_node is None or fn_node.type != "FunctionExpression" or \
            fn_node.start != 1 or fn_node.end != len(text) - 1 or \
            fn_node.body.start != len(prefix):
        raise JSError("SyntaxError", "Arg string terminates parameters early")
    try:
        code = compile_eval(program, text, site)
    except JSSyntaxError as err:
        raise JSError("SyntaxError", err.message) from None
    runner = JSFunction(machine.realm.function_prototype, code, [], g)
    fn = machine.interpreter.run(runner, g.global_object, [], UNDEFINED)
    if new_target is not UNDEFINED and new_target is not None:
        fn.proto = get_prototype_from_constructor(machine.realm, new_target,
                                                  _FALLBACK_PROTO[kind])
    return fn


def make_function_constructor(machine, g, kind: str = "normal", name: str = "Function"):
    """A Global's own `Function` (or generator/async flavour): code it makes is global
    code of ``g``; its `prototype` is the shared function prototype of that kind."""
    realm = machine.realm

    def call(this, args):
        return create_dynamic_function(machine, g, args, UNDEFINED, kind)

    def construct(args, new_target):
        return create_dynamic_function(machine, g, args, new_target, kind)

    fn = realm.native(name, call, 1, construct)
    fn.define("prototype", realm.intrinsics[_FALLBACK_PROTO[kind]], 0)
    return fn


def make_eval(machine, g):
    """The Global ``g``'s own `eval` (the one a direct eval in its code must call)."""

    def eval_(this, args):
        return perform_indirect_eval(machine, g, args[0] if args else UNDEFINED)

    fn = machine.realm.native("eval", eval_, 1)
    g.eval_function = fn
    return fn


def install(machine, g) -> None:
    """Give the Global ``g`` its own `eval` and `Function`; the main Global's are %eval%
    and %Function% (the constructor `Function.prototype.constructor` names)."""
    realm = machine.realm
    fn = make_eval(machine, g)
    g.global_object.define("eval", fn, WRITABLE | CONFIGURABLE)
    if "%eval%" not in realm.intrinsics:
        realm.intrinsics["%eval%"] = fn
        realm.create_dynamic_function = lambda args, new_target, kind: \
            create_dynamic_function(machine, g, args, new_target, kind)
        install_function_constructors(machine, g)
        g.function_constructor = realm.intrinsics["%Function%"]
    else:
        g.function_constructor = make_function_constructor(machine, g)
    g.global_object.define("Function", g.function_constructor, WRITABLE | CONFIGURABLE)


def install_function_constructors(machine, g) -> None:
    """%GeneratorFunction%, %AsyncFunction%, %AsyncGeneratorFunction%: reachable only as
    the `constructor` of their prototypes; they compile into the Global ``g``."""
    realm = machine.realm
    for kind, name in (("generator", "GeneratorFunction"), ("async", "AsyncFunction"),
                       ("asyncGenerator", "AsyncGeneratorFunction")):
        def call(this, args, kind=kind):
            return create_dynamic_function(machine, g, args, UNDEFINED, kind)

        def construct(args, new_target, kind=kind):
            return create_dynamic_function(machine, g, args, new_target, kind)

        ctor = realm.native(name, call, 1, construct, realm.intrinsics["%Function%"])
        prototype = realm.intrinsics[f"%{name}.prototype%"]
        ctor.define("prototype", prototype, 0)
        prototype.define("constructor", ctor, CONFIGURABLE)
        realm.intrinsics[f"%{name}%"] = ctor
