"""Scope analysis: which binding every identifier refers to, and where it must live.

One walk over a parsed program builds the scope tree (functions, blocks, loop heads,
catch clauses, class bodies), declares every binding where the language puts it
(``var`` and sloppy functions in the function, lexical names in their block), and
resolves each identifier reference. A binding referenced from a function other than
its own is *captured*: the code generator keeps it in a closure cell instead of a
register. ``this`` and ``arguments`` are bindings too (``%this``, ``arguments``), so
arrow functions capture them like any variable.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import ast as A

LEXICAL = frozenset({"let", "const", "class"})


@dataclass(eq=False)
class Binding:
    name: str
    kind: str  # var | let | const | class | param | function | catch | this | arguments
    scope: Scope
    captured: bool = False
    decl_end: int = -1  # where its declaration ends (TDZ checks are elided after it)
    reg: int = -1  # its register, if not captured
    cell: int = -1  # its closure-cell slot in the owning function, if captured
    global_name: bool = False  # a script-level var/function: lives on the global object
    eval_var: bool = False  # a var sloppy eval code adds to its caller's var scope
    param_tdz: bool = False  # a parameter of a list with expressions: uninitialised until bound

    @property
    def lexical(self) -> bool:
        return self.kind in LEXICAL

    @property
    def tdz(self) -> bool:
        """Can a use find it uninitialised (the temporal dead zone)?"""
        return self.kind in LEXICAL or self.param_tdz


@dataclass(eq=False)
class FunctionInfo:
    node: A.Node | None
    parent: FunctionInfo | None
    is_arrow: bool = False
    strict: bool = False
    scope: Scope | None = None
    uses_arguments: bool = False
    children: list[FunctionInfo] = field(default_factory=list)
    evalvars: Binding | None = None  # sloppy function calling eval: the vars eval adds
    has_eval: bool = False  # contains a direct eval: every binding it sees is a cell


@dataclass(eq=False)
class Scope:
    kind: str  # script | function | body (a var scope apart from the parameters) | block
    parent: Scope | None
    func: FunctionInfo
    bindings: dict[str, Binding] = field(default_factory=dict)

    def declare(self, name: str, kind: str, decl_end: int = -1) -> Binding:
        b = self.bindings.get(name)
        if b is None:
            b = self.bindings[name] = Binding(name, kind, self, decl_end=decl_end)
        elif kind == "function" and b.kind in ("var", "param"):
            pass  # a function over a var or parameter of the same name: one binding
        return b


class Analysis:
    """The result: scopes by node, bindings by identifier node."""

    def __init__(self) -> None:
        self.scopes: dict[int, Scope] = {}  # id(node) -> the scope the node opens
        self.refs: dict[int, Binding | None] = {}  # id(Identifier) -> binding (None: global)
        self.functions: dict[int, FunctionInfo] = {}
        self.keep: list = []  # nodes whose ids key the maps above stay alive
        # id(Identifier) -> (the nearest %evalvars binding, how many eval-var scopes to
        # consult) for names sloppy direct eval could shadow at run time
        self.dynamic: dict[int, tuple[Binding, int]] = {}
        # id(direct eval CallExpression) -> (its scope, nearest %evalvars, chain depth)
        self.evals: dict[int, tuple] = {}
        # id(Identifier) -> the `%with` bindings of the with statements around it,
        # innermost first: the name is looked up on those objects before anything else
        self.withs: dict[int, list[Binding]] = {}


def analyze(program: A.Node, module: bool = False, eval_site=None) -> Analysis:
    return _Resolver(module, eval_site).run(program)


def is_direct_eval(node) -> bool:
    """`eval(...)`: a call through the plain name eval (not `eval?.()`, not `(0, eval)`)."""
    callee = node.callee
    return callee.type == "Identifier" and callee.name == "eval" and not node.optional


def _functions_with_eval(program: A.Node) -> set[int]:
    """The functions (and the program) whose own body holds a direct eval call."""
    found: set[int] = set()
    stack = [(program, program)]
    while stack:
        node, func = stack.pop()
        t = node.type
        if t == "CallExpression" and is_direct_eval(node):
            found.add(id(func))
        elif t in ("FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"):
            func = node
        for child in A.iter_children(node):
            if child is not None:
                stack.append((child, func))
    return found


def _directive_strict(body: list) -> bool:
    for stmt in body:
        if stmt.type != "ExpressionStatement" or stmt.directive is None:
            return False
        if stmt.directive == "use strict":
            return True
    return False


def pattern_names(node, out: list) -> list:
    """The identifiers a binding pattern declares, in source order."""
    t = node.type
    if t == "Identifier":
        out.append(node)
    elif t == "ObjectPattern":
        for p in node.properties:
            pattern_names(p.argument if p.type == "RestElement" else p.value, out)
    elif t == "ArrayPattern":
        for e in node.elements:
            if e is not None:
                pattern_names(e, out)
    elif t == "AssignmentPattern":
        pattern_names(node.left, out)
    elif t == "RestElement":
        pattern_names(node.argument, out)
    return out


class _Resolver:
    def __init__(self, module: bool, eval_site=None) -> None:
        self.module = module
        self.site = eval_site
        self.a = Analysis()
        self.class_depth = 0
        self.eval_funcs: set[int] = set()
        self.eval_depth = 0

    def run(self, program: A.Node) -> Analysis:
        from .using import lower_using

        lower_using(program)
        site = self.site
        outer = None
        if site is not None:
            outer = self.caller_scope(site)
        strict = self.module or _directive_strict(program.body) or (site is not None and
                                                                      site.strict)
        top = FunctionInfo(program, outer.func if outer else None, strict=strict)
        scope = Scope("script", outer, top)
        top.scope = scope
        self.a.scopes[id(program)] = scope
        self.a.functions[id(program)] = top
        self.a.keep.append(program)
        self.eval_funcs = _functions_with_eval(program)
        if id(program) in self.eval_funcs:
            top.has_eval = True
        scope.declare("%this", "this")
        if site is None:
            self.hoist_vars(program.body, scope)
            self.declare_lexical(program.body, scope)
            for b in scope.bindings.values():
                # A script's top-level names belong to its Global: var and function on
                # the global object, let/const/class in the Global's lexical environment.
                if b.kind != "this" and not self.module:
                    b.global_name = True
        else:
            self.declare_eval(program, scope, site)
        for stmt in program.body:
            self.visit(stmt, scope)
        return self.a

    def caller_scope(self, site) -> Scope:
        """The caller of a direct eval, as a function scope of already-made cells."""
        caller = FunctionInfo(None, None, strict=site.strict)
        scope = Scope("function", None, caller)
        caller.scope = scope
        for name, cell, kind, level in reversed(site.names):
            b = scope.bindings[name] = Binding(name, kind, scope, captured=True, cell=cell)
            b.level = level
        if site.evalvars >= 0:
            caller.evalvars = Binding("%evalvars", "evalvars", scope, captured=True,
                                      cell=site.evalvars)
        self.eval_depth = site.depth
        return scope

    def declare_eval(self, program, scope: Scope, site) -> None:
        """EvalDeclarationInstantiation: where the eval code's declarations go.

        Strict eval code keeps every declaration to itself. Sloppy eval code adds its
        `var`s and functions to the caller's var scope: on the global object at the top
        level of a script, in the caller's eval-var scope inside a function (unless the
        caller already has the binding); a clash with a lexical binding in between is a
        SyntaxError.
        """
        strict = scope.func.strict
        if strict:
            self.hoist_vars(program.body, scope)
            self.declare_lexical(program.body, scope)
            return
        probe = Scope("function", None, scope.func)
        self.hoist_vars(program.body, probe)
        self.declare_lexical(program.body, probe)
        for name, b in probe.bindings.items():
            outer = scope.parent.bindings.get(name) if scope.parent else None
            if site.in_params and b.kind in ("var", "function") and outer is not None and \
                    getattr(outer, "level", None) == "var" and outer.kind in ("param",
                                                                              "arguments"):
                # the parameters' own scope holds them (and `arguments`): a clash
                from .errors import JSSyntaxError

                raise JSSyntaxError(f"Identifier '{name}' has already been declared",
                                    program.start)
            if b.kind not in ("var", "function"):
                scope.bindings[name] = Binding(name, b.kind, scope, decl_end=b.decl_end)
                continue
            outer = scope.parent.bindings.get(name) if scope.parent else None
            level = getattr(outer, "level", None)
            if level == "lex" or (outer is not None and outer.kind in LEXICAL and
                                  not site.function):
                from .errors import JSSyntaxError

                raise JSSyntaxError(f"Identifier '{name}' has already been declared",
                                    program.start)
            if level == "var":
                continue  # the caller's own binding: the eval code assigns it
            nb = scope.bindings[name] = Binding(name, b.kind, scope)
            if site.function:
                nb.eval_var = True
            else:
                nb.global_name = True

    # -- declarations ---------------------------------------------------------------

    def hoist_vars(self, body: list, scope: Scope) -> None:
        """Declare every `var` (and top-level function) of a function body in ``scope``."""
        stack = list(reversed(body))
        while stack:
            node = stack.pop()
            if node is None:
                continue
            t = node.type
            if t == "VariableDeclaration":
                if node.kind == "var":
                    for d in node.declarations:
                        for ident in pattern_names(d.id, []):
                            scope.declare(ident.name, "var")
            elif t in ("FunctionDeclaration", "ClassDeclaration", "FunctionExpression",
                       "ArrowFunctionExpression", "ClassExpression"):
                continue
            elif t in ("ExpressionStatement", "ReturnStatement", "ThrowStatement"):
                continue
            for child in reversed(list(A.iter_children(node))):
                if child.type.endswith("Statement") or child.type in (
                        "VariableDeclaration", "SwitchCase", "CatchClause", "BlockStatement"):
                    stack.append(child)

    def declare_lexical(self, body: list, scope: Scope) -> None:
        """Declare the let/const/class/function names a statement list holds directly."""
        for stmt in body:
            t = stmt.type
            if t == "VariableDeclaration" and stmt.kind != "var":
                for d in stmt.declarations:
                    for ident in pattern_names(d.id, []):
                        scope.declare(ident.name, stmt.kind, d.end)
            elif t == "ClassDeclaration":
                scope.declare(stmt.id.name, "class", stmt.end)
            elif t == "FunctionDeclaration":
                kind = "function" if scope.kind != "block" else "let"
                scope.declare(stmt.id.name, kind)
            elif t in ("ExportNamedDeclaration", "ExportDefaultDeclaration") and \
                    stmt.declaration is not None and stmt.declaration.type.endswith(
                        "Declaration"):
                self.declare_lexical([stmt.declaration], scope)

    # -- the walk -------------------------------------------------------------------

    def new_scope(self, node, parent: Scope, kind: str = "block") -> Scope:
        scope = Scope(kind, parent, parent.func)
        self.a.scopes[id(node)] = scope
        self.a.keep.append(node)
        return scope

    def reference(self, ident: A.Node, scope: Scope) -> None:
        self.a.refs[id(ident)] = self.resolve(ident.name, scope, ident)
        self.a.keep.append(ident)

    def resolve(self, name: str, scope: Scope, ident=None) -> Binding | None:
        s = scope
        crossed: list[Binding] = []  # eval-var scopes passed on the way out
        withs: list[Binding] = []  # with objects passed on the way out
        found = None
        while s is not None:
            if s.kind == "with" and name[0] not in "%#":
                w = s.bindings["%with"]
                if w.scope.func is not scope.func:
                    w.captured = True
                withs.append(w)
                s = s.parent
                continue
            b = s.bindings.get(name)
            if b is not None:
                if b.scope.func is not scope.func:
                    b.captured = True
                found = b
                break
            if name == "arguments" and s.kind == "function" and s.func.node is not None \
                    and not s.func.is_arrow:
                s.func.uses_arguments = True
                b = s.declare("arguments", "arguments")
                if s.func is not scope.func:
                    b.captured = True
                found = b
                break
            if s.kind == "function" and s.func.evalvars is not None:
                crossed.append(s.func.evalvars)
            s = s.parent
        if ident is not None and withs:
            self.a.withs[id(ident)] = withs
        if ident is not None and name[0] not in "%#":
            if s is not None and s.func.node is None and s.func.evalvars is not None and \
                    getattr(found, "level", None) == "outer":
                crossed.append(s.func.evalvars)  # eval code: the caller's eval vars first
            if crossed:
                depth = len(crossed)
                if crossed[-1].scope.func.node is None:
                    depth += max(0, self.eval_depth - 1)
                evalvars = crossed[0]
                if evalvars.scope.func is not scope.func:
                    evalvars.captured = True
                self.a.dynamic[id(ident)] = (evalvars, depth)
        return found

    def direct_eval(self, node, scope: Scope) -> None:
        """A direct eval sees every binding in scope, so all of them live in cells, and
        the enclosing function materialises `arguments` and `this` for it."""
        self.a.keep.append(node)
        s = scope
        while s is not None:
            if s.kind == "function" and s.func.node is not None:
                if not s.func.is_arrow:
                    self.resolve("arguments", scope)
                    break
            s = s.parent
        self.resolve("%this", scope)
        chain = []
        s = scope
        while s is not None:
            if s.kind == "function" and s.func.evalvars is not None:
                chain.append(s.func.evalvars)
            s = s.parent
        if chain:
            if chain[0].scope.func is not scope.func:
                chain[0].captured = True
            depth = len(chain)
            if chain[-1].scope.func.node is None:
                depth += max(0, self.eval_depth - 1)
            self.a.evals[id(node)] = (scope, chain[0], depth)
        else:
            self.a.evals[id(node)] = (scope, None, 0)
        s = scope
        while s is not None:
            for b in s.bindings.values():
                if not b.global_name:
                    b.captured = True
            if s.kind == "function" and s.func.evalvars is not None:
                s.func.evalvars.captured = True
            s = s.parent

    def v_CallExpression(self, node, scope):
        if is_direct_eval(node):
            self.direct_eval(node, scope)
        elif node.callee.type == "Super":  # super() binds the constructor's `this`
            self.a.refs[id(node)] = self.resolve("%this", scope)
            self.a.keep.append(node)
        for child in A.iter_children(node):
            self.visit(child, scope)

    def visit(self, node, scope: Scope) -> None:
        if node is None:
            return
        method = getattr(self, "v_" + node.type, None)
        if method is not None:
            method(node, scope)
        else:
            for child in A.iter_children(node):
                self.visit(child, scope)

    def v_Identifier(self, node, scope):
        self.reference(node, scope)

    def v_ThisExpression(self, node, scope):
        self.a.refs[id(node)] = self.resolve("%this", scope)
        self.a.keep.append(node)

    def v_MemberExpression(self, node, scope):
        self.visit(node.object, scope)
        if node.computed:
            self.visit(node.property, scope)
        elif node.property.type == "PrivateIdentifier":
            self.v_PrivateIdentifier(node.property, scope)

    def v_PrivateIdentifier(self, node, scope):
        self.a.refs[id(node)] = self.resolve("#" + node.name, scope)
        self.a.keep.append(node)

    def v_BinaryExpression(self, node, scope):
        if node.left.type == "PrivateIdentifier":
            self.v_PrivateIdentifier(node.left, scope)
        else:
            self.visit(node.left, scope)
        self.visit(node.right, scope)

    def v_Property(self, node, scope):
        if node.computed:
            self.visit(node.key, scope)
        self.visit(node.value, scope)

    def v_MethodDefinition(self, node, scope):
        if node.computed:
            self.visit(node.key, scope)
        self.visit(node.value, scope)

    def v_PropertyDefinition(self, node, scope):
        if node.computed:
            self.visit(node.key, scope)
        if node.value is not None:
            # a field initialiser runs like a method body: `this` is the instance
            fake = A.FunctionExpression(node.value.start, node.value.end, None, False, False,
                                        False, [], node.value)
            self.a.keep.append(fake)
            self.a.scopes[id(node)] = self.function(fake, scope, body_expr=node.value)

    def v_LabeledStatement(self, node, scope):
        self.visit(node.body, scope)

    def v_BreakStatement(self, node, scope):
        pass

    v_ContinueStatement = v_BreakStatement

    def v_MetaProperty(self, node, scope):
        pass

    def v_BlockStatement(self, node, scope):
        inner = self.new_scope(node, scope)
        self.declare_lexical(node.body, inner)
        for stmt in node.body:
            self.visit(stmt, inner)

    def v_StaticBlock(self, node, scope):
        fake = A.FunctionExpression(node.start, node.end, None, False, False, False, [],
                                    A.BlockStatement(node.start, node.end, node.body))
        self.a.keep.append(fake)
        self.a.scopes[id(node)] = self.function(fake, scope)

    def v_SwitchStatement(self, node, scope):
        self.visit(node.discriminant, scope)
        inner = self.new_scope(node, scope)
        for case in node.cases:
            self.declare_lexical(case.consequent, inner)
        for case in node.cases:
            self.visit(case.test, inner)
            for stmt in case.consequent:
                self.visit(stmt, inner)

    def _loop_head(self, node, scope, decl):
        inner = self.new_scope(node, scope)
        if decl is not None and decl.type == "VariableDeclaration" and decl.kind != "var":
            for d in decl.declarations:
                for ident in pattern_names(d.id, []):
                    inner.declare(ident.name, decl.kind, d.end)
        return inner

    def v_ForStatement(self, node, scope):
        inner = self._loop_head(node, scope, node.init)
        for child in (node.init, node.test, node.update, node.body):
            self.visit(child, inner)

    def v_ForInStatement(self, node, scope):
        inner = self._loop_head(node, scope, node.left)
        for b in inner.bindings.values():  # bound per iteration: in the TDZ in the head
            b.decl_end = node.right.end
        self.visit(node.right, inner)
        self.visit(node.left, inner)
        self.visit(node.body, inner)

    v_ForOfStatement = v_ForInStatement

    def v_VariableDeclaration(self, node, scope):
        for d in node.declarations:
            self.visit(d.id, scope)
            self.visit(d.init, scope)

    def v_WithStatement(self, node, scope):
        """The body's names are looked up on the object first (`%with` holds it)."""
        self.visit(node.object, scope)
        inner = self.new_scope(node, scope)
        inner.kind = "with"
        inner.declare("%with", "with")
        self.visit(node.body, inner)

    def v_CatchClause(self, node, scope):
        inner = self.new_scope(node, scope)
        if node.param is not None:
            for ident in pattern_names(node.param, []):
                inner.declare(ident.name, "catch")
            self.visit(node.param, inner)
        self.visit(node.body, inner)

    def v_FunctionDeclaration(self, node, scope):
        self.reference(node.id, scope)  # the binding its hoisted value initialises
        self.function(node, scope)

    def v_FunctionExpression(self, node, scope):
        if node.id is not None:
            outer = self.new_scope(node.id, scope)
            outer.declare(node.id.name, "fname")  # immutable; assignments ignored in sloppy
            scope = outer
        self.function(node, scope)

    def v_ArrowFunctionExpression(self, node, scope):
        self.function(node, scope, arrow=True)

    def function(self, node, scope: Scope, arrow: bool = False, body_expr=None) -> Scope:
        body = node.body
        strict = scope.func.strict or self.class_depth > 0 or (
            body is not None and body.type == "BlockStatement" and _directive_strict(body.body))
        info = FunctionInfo(node, scope.func, is_arrow=arrow, strict=strict)
        scope.func.children.append(info)
        fscope = Scope("function", scope, info)
        info.scope = fscope
        self.a.scopes[id(node)] = fscope
        self.a.functions[id(node)] = info
        self.a.keep.append(node)
        if not arrow:
            fscope.declare("%this", "this")
        if id(node) in self.eval_funcs:
            info.has_eval = True
            if not strict:
                info.evalvars = fscope.declare("%evalvars", "evalvars")
                info.evalvars.captured = True
        simple = all(p.type == "Identifier" for p in node.params)
        for p in node.params:
            for ident in pattern_names(p, []):
                b = fscope.declare(ident.name, "param")
                if not simple:  # parameters are bound in order: later ones are in the TDZ
                    b.param_tdz = True
                    b.decl_end = p.end
        for p in node.params:
            self.visit(p, fscope)
        if body_expr is not None:
            self.visit(body_expr, fscope)
        elif body.type == "BlockStatement":
            vscope = fscope
            if not simple:
                # Parameters with expressions: the body's vars and functions live in a
                # scope of their own, which closures in the parameters cannot see.
                vscope = Scope("body", fscope, info)
            self.hoist_vars(body.body, vscope)
            self.declare_lexical(body.body, vscope)
            own = vscope.bindings.get("arguments")
            if not arrow and own is not None and own.kind == "var":
                # `var arguments` starts as the arguments object
                if vscope is fscope:
                    own.kind = "arguments"
                    info.uses_arguments = True
                else:
                    self.resolve("arguments", fscope)
            self.a.scopes[id(body)] = vscope
            for stmt in body.body:
                self.visit(stmt, vscope)
        else:
            self.visit(body, fscope)
        return fscope

    def v_ClassDeclaration(self, node, scope):
        self.reference(node.id, scope)
        self.class_(node, scope)

    def v_ClassExpression(self, node, scope):
        self.class_(node, scope)

    def class_(self, node, scope):
        inner = self.new_scope(node, scope)
        if node.id is not None:
            inner.declare(node.id.name, "const")
        for member in node.body.body:  # private names are lexical to the class body
            key = getattr(member, "key", None)
            if key is not None and key.type == "PrivateIdentifier":
                inner.declare("#" + key.name, "private")
        self.class_depth += 1
        self.visit(node.superClass, inner)
        for member in node.body.body:
            self.visit(member, inner)
        self.class_depth -= 1
