"""ECMAScript static semantics ("early errors") checked over a finished ESTree AST.

The LALR grammar accepts a superset of JavaScript: it cannot see scopes, strictness,
labels or the function a piece of code sits in. This pass walks the AST once, carrying
that context, and raises :class:`JSSyntaxError` at the first offending node. Messages
follow acorn's wording and positions, since acorn is the reference the AST is checked
against; where acorn is laxer than the specification (class-expression names, octal
escapes before a later "use strict", ``arguments`` in arrow functions in static blocks)
the specification wins.

Scope bookkeeping mirrors acorn's ``scope.js``: each scope maps a name to bits saying
how it was declared (var, lexical, Annex B function), ``var`` hoists through blocks up to
the nearest function, script top level or static block, and a clash is reported at the
second declaration.
"""

from __future__ import annotations

import re
import sys

from .ast import Node, utf16_to_text
from .errors import JSSyntaxError

__all__ = ["check_program"]

_KEYWORDS = frozenset(
    "break case catch continue debugger default do else finally for function if return"
    " switch throw try var while with null true false instanceof typeof void delete new in"
    " this const class extends export import super".split()
)
_STRICT_RESERVED = frozenset(
    "implements interface let package private protected public static yield".split()
)
# Names a strict binding or assignment may not use (acorn's reservedWordsStrictBind).
_STRICT_BIND = _STRICT_RESERVED | {"eval", "arguments"}
# Identifier names that need a closer look; everything else is fine everywhere, so the
# common case costs one set lookup.
_SPECIAL = _KEYWORDS | _STRICT_RESERVED | {"enum", "await", "arguments"}

_LOOPS = frozenset(
    ("ForStatement", "ForInStatement", "ForOfStatement", "WhileStatement", "DoWhileStatement")
)
_PATTERNS = frozenset(("ObjectPattern", "ArrayPattern", "AssignmentPattern", "RestElement"))
_MODULE_ITEMS = frozenset(
    ("ImportDeclaration", "ExportNamedDeclaration", "ExportDefaultDeclaration",
     "ExportAllDeclaration")
)

# Binding kinds (bits in a scope's name map).
_VAR, _LEX, _FUNC = 1, 2, 4

# An escape in a string literal's raw text: group 1 is a legacy octal escape, group 2 is
# \8 or \9. ``\0`` alone (not followed by a digit) is the null character and is fine.
_ESCAPE = re.compile(r"\\(?:([1-7]|0(?=[0-9]))|([89])|[\s\S])")
_LONE_SURROGATE = re.compile(
    "[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]"
)


class _Scope:
    """One lexical scope: ``names`` maps a name to its _VAR/_LEX/_FUNC bits."""

    __slots__ = ("names", "var_scope", "fvar", "catch_name", "switch")

    def __init__(self, var_scope: bool = False, fvar: bool = False, switch: bool = False):
        self.names: dict[str, int] = {}
        self.var_scope = var_scope  # `var` stops hoisting here
        self.fvar = fvar  # function declarations bind like `var` here (function/script top)
        self.catch_name: str | None = None  # simple catch parameter, which `var` may redeclare
        self.switch = switch


class _Ctx:
    """What the innermost function (or field initialiser, or static block) allows.

    Arrow functions copy the ``this``-related fields (super, new.target, arguments) from
    their parent, and take their own yield/await/return/labels.
    """

    __slots__ = ("func", "gen", "asy", "await_ok", "static_block", "args_banned",
                 "super_prop", "super_call", "new_target", "labels", "in_params")

    def __init__(self, func=False, gen=False, asy=False, await_ok=False, static_block=False,
                 args_banned=None, super_prop=False, super_call=False, new_target=False):
        self.func = func  # `return` allowed
        self.gen = gen  # `yield` is a keyword (generator body or parameters)
        self.asy = asy  # `await` is a keyword (async body or parameters)
        self.await_ok = await_ok  # an AwaitExpression may appear
        self.static_block = static_block  # directly in a class static block
        self.args_banned = args_banned  # None, "field" or "static": `arguments` forbidden
        self.super_prop = super_prop
        self.super_call = super_call
        self.new_target = new_target
        self.labels: list[tuple[str | None, str | None]] = []  # (name, "loop"/"switch"/None)
        self.in_params = False  # walking this function's parameter list


def _has_use_strict(body) -> bool:
    """Whether a directive prologue holds a "use strict" directive."""
    for stmt in body:
        if stmt.type != "ExpressionStatement":
            return False
        d = stmt.directive
        if d is None:
            return False
        if d == "use strict":
            return True
    return False


def _key_name(key):
    """The name of a non-computed property key, or None if it has none (numbers)."""
    t = key.type
    if t == "Identifier":
        return key.name
    if t == "Literal" and isinstance(key.value, str):
        return key.value
    return None


def _export_name(node) -> str:
    return node.name if node.type == "Identifier" else node.value


def _err(message: str, pos: int):
    raise JSSyntaxError(utf16_to_text(message), pos)  # names may hold surrogate pairs


class _Checker:
    """The walk. Handlers are looked up by node type in ``self.v``."""

    def __init__(self, module: bool):
        self.module = module
        self.strict = module
        self.inherited_strict = False
        self.ctx = _Ctx(await_ok=module)
        self.scopes: list[_Scope] = []
        self.privates: list[tuple[dict[str, str], list]] = []  # per class body: declared, used
        self.exports: dict[str, bool] = {}
        self.local_exports: list = []
        self.v = {
            "Identifier": self.ident,
            "Literal": self.literal,
            "ThisExpression": self.nothing,
            "Super": self.bare_super,
            "PrivateIdentifier": self.bare_private,
            "ArrayExpression": self.array,
            "ObjectExpression": self.object,
            "FunctionExpression": self.function_expression,
            "ArrowFunctionExpression": self.arrow,
            "ClassExpression": self.class_expression,
            "TemplateLiteral": self.template,
            "TaggedTemplateExpression": self.tagged_template,
            "UnaryExpression": self.unary,
            "UpdateExpression": self.update,
            "BinaryExpression": self.binary,
            "LogicalExpression": self.binary,
            "AssignmentExpression": self.assignment,
            "ConditionalExpression": self.conditional,
            "CallExpression": self.chain_link,
            "MemberExpression": self.chain_link,
            "NewExpression": self.new,
            "ChainExpression": self.chain,
            "SequenceExpression": self.sequence,
            "YieldExpression": self.yield_,
            "AwaitExpression": self.await_,
            "ImportExpression": self.import_expression,
            "MetaProperty": self.meta_property,
            "SpreadElement": self.spread,
            "ObjectPattern": self.bare_pattern,
            "ArrayPattern": self.bare_pattern,
            "RestElement": self.bare_pattern,
            "AssignmentPattern": self.bare_pattern,
            "ExpressionStatement": self.expression_statement,
            "BlockStatement": self.block,
            "EmptyStatement": self.nothing,
            "DebuggerStatement": self.nothing,
            "WithStatement": self.with_,
            "ReturnStatement": self.return_,
            "LabeledStatement": self.labeled,
            "BreakStatement": self.break_,
            "ContinueStatement": self.continue_,
            "IfStatement": self.if_,
            "SwitchStatement": self.switch,
            "ThrowStatement": self.throw,
            "TryStatement": self.try_,
            "WhileStatement": self.while_,
            "DoWhileStatement": self.do_while,
            "ForStatement": self.for_,
            "ForInStatement": self.for_in_of,
            "ForOfStatement": self.for_in_of,
            "FunctionDeclaration": self.function_declaration,
            "VariableDeclaration": self.variable_declaration,
            "ClassDeclaration": self.class_declaration,
            "ImportDeclaration": self.misplaced_module_item,
            "ExportNamedDeclaration": self.misplaced_module_item,
            "ExportDefaultDeclaration": self.misplaced_module_item,
            "ExportAllDeclaration": self.misplaced_module_item,
        }

    # ----------------------------------------------------------------- program

    def enter_eval_site(self, site) -> None:
        """Direct eval code: the caller's strictness, `this`-related context and private
        names hold inside it (PerformEval's inFunction/inMethod/inDerivedConstructor)."""
        self.inherited_strict = site.strict
        self.ctx = _Ctx(args_banned="field" if site.args_banned else None,
                        super_prop=site.super_prop, super_call=site.super_call,
                        new_target=site.new_target)
        if site.privates:
            self.privates.append(({name: "field" for name in site.privates}, []))

    def program(self, node) -> None:
        module = self.module
        self.strict = module or self.inherited_strict or _has_use_strict(node.body)
        self.scopes.append(_Scope(var_scope=True, fvar=not module))
        v = self.v
        for stmt in node.body:
            t = stmt.type
            if t in _MODULE_ITEMS:
                if not module:
                    _err("'import' and 'export' may appear only with 'sourceType: module'",
                         stmt.start)
                if t == "ImportDeclaration":
                    self.import_declaration(stmt)
                elif t == "ExportNamedDeclaration":
                    self.export_named(stmt)
                elif t == "ExportDefaultDeclaration":
                    self.export_default(stmt)
                else:
                    self.export_all(stmt)
            else:
                v[t](stmt)
        if module:
            top = self.scopes[0].names
            for local in self.local_exports:
                if local.name not in top:
                    _err(f"Export '{local.name}' is not defined", local.start)

    # ------------------------------------------------------------- identifiers

    def check_name(self, node) -> None:
        """Rules for an identifier used as a reference, binding or label (acorn's
        checkUnreserved); call only for names in _SPECIAL."""
        name = node.name
        ctx = self.ctx
        if name == "yield":
            if ctx.gen:
                _err("Cannot use 'yield' as identifier inside a generator", node.start)
            if self.strict:
                _err("The keyword 'yield' is reserved", node.start)
        elif name == "await":
            if ctx.asy:
                _err("Cannot use 'await' as identifier inside an async function", node.start)
            if ctx.static_block:
                _err("Cannot use await in class static initialization block", node.start)
            if self.module:
                _err("Cannot use keyword 'await' outside an async function", node.start)
        elif name == "arguments":
            banned = ctx.args_banned
            if banned == "field":
                _err("Cannot use 'arguments' in class field initializer", node.start)
            if banned == "static":
                _err("Cannot use arguments in class static initialization block", node.start)
        elif name in _KEYWORDS:
            _err(f"Unexpected keyword '{name}'", node.start)
        elif name == "enum" or self.strict:
            _err(f"The keyword '{name}' is reserved", node.start)

    def ident(self, node) -> None:
        if node.name in _SPECIAL:
            self.check_name(node)

    def bind(self, node, kind: int) -> None:
        """Declare a binding identifier (already name-checked) in the current scope."""
        name = node.name
        if self.strict and name in _STRICT_BIND:
            _err(f"Binding {name} in strict mode", node.start)
        if kind == _LEX and name == "let":
            _err("let is disallowed as a lexically bound name", node.start)
        self.declare(name, kind, node.start)

    def declare(self, name: str, kind: int, pos: int) -> None:
        scopes = self.scopes
        scope = scopes[-1]
        names = scope.names
        if kind == _LEX:
            if name in names:
                _err(f"Identifier '{name}' has already been declared", pos)
            names[name] = _LEX
        elif kind == _FUNC:
            bits = names.get(name, 0)
            if bits & (_LEX if scope.fvar else _LEX | _VAR):
                _err(f"Identifier '{name}' has already been declared", pos)
            names[name] = bits | _FUNC
        else:
            for i in range(len(scopes) - 1, -1, -1):
                scope = scopes[i]
                names = scope.names
                bits = names.get(name, 0)
                if bits and (
                    (bits & _LEX and name != scope.catch_name)
                    or (bits & _FUNC and not scope.fvar)
                ):
                    _err(f"Identifier '{name}' has already been declared", pos)
                names[name] = bits | _VAR
                if scope.var_scope:
                    break

    def binding_pattern(self, node, out: list) -> None:
        """Walk a binding pattern in source order: name-check its identifiers (collected
        into ``out`` for declaring afterwards, as acorn does) and visit the default values
        and computed keys inside it."""
        t = node.type
        if t == "Identifier":
            if node.name in _SPECIAL:
                self.check_name(node)
            out.append(node)
        elif t == "ObjectPattern":
            for prop in node.properties:
                if prop.type == "RestElement":
                    self.binding_pattern(prop.argument, out)
                else:
                    key = prop.key
                    if prop.kind != "init":
                        _err("Object pattern can't contain getter or setter", key.start)
                    if prop.computed:
                        self.v[key.type](key)
                    elif key.type == "Literal":
                        self.literal(key)
                    self.binding_pattern(prop.value, out)
        elif t == "ArrayPattern":
            for el in node.elements:
                if el is not None:
                    self.binding_pattern(el, out)
        elif t == "AssignmentPattern":
            self.binding_pattern(node.left, out)
            right = node.right
            self.v[right.type](right)
        elif t == "RestElement":
            self.binding_pattern(node.argument, out)
        elif t == "MemberExpression":
            _err("Binding member expression", node.start)
        else:
            self.v[t](node)  # what is inside may be wrong first, e.g. a YieldExpression
            _err("Binding rvalue", node.start)

    def declare_pattern(self, node, kind: int) -> None:
        if node.type == "Identifier":
            if node.name in _SPECIAL:
                self.check_name(node)
            self.bind(node, kind)
        else:
            ids: list = []
            self.binding_pattern(node, ids)
            for ident in ids:
                self.bind(ident, kind)

    def assign_target(self, node) -> None:
        """Target of `=` or of a for-in/of head: a simple target or a destructuring pattern."""
        t = node.type
        if t == "ObjectPattern":
            for prop in node.properties:
                if prop.type == "RestElement":
                    self.assign_target(prop.argument)
                else:
                    key = prop.key
                    if prop.kind != "init":
                        _err("Object pattern can't contain getter or setter", key.start)
                    if prop.computed:
                        self.v[key.type](key)
                    elif key.type == "Literal":
                        self.literal(key)
                    self.assign_target(prop.value)
        elif t == "ArrayPattern":
            for el in node.elements:
                if el is not None:
                    self.assign_target(el)
        elif t == "AssignmentPattern":
            self.assign_target(node.left)
            right = node.right
            self.v[right.type](right)
        elif t == "RestElement":
            self.assign_target(node.argument)
        else:
            self.simple_target(node)

    def simple_target(self, node) -> None:
        """Target of a compound assignment or of ++/--: an identifier or a member."""
        t = node.type
        if t == "Identifier":
            name = node.name
            if name in _SPECIAL:
                self.check_name(node)
            if self.strict and name in _STRICT_BIND:
                _err(f"Assigning to {name} in strict mode", node.start)
        elif t == "MemberExpression":
            self.chain_link(node)
        elif t == "ChainExpression":
            _err("Optional chaining cannot appear in left-hand side", node.start)
        else:
            if t not in _PATTERNS:
                self.v[t](node)  # what is inside may be wrong first, e.g. new.target
            _err("Assigning to rvalue", node.start)

    # ---------------------------------------------------------------- literals

    def literal(self, node) -> None:
        if not self.strict:
            return
        raw = node.raw
        if not raw:
            return
        c = raw[0]
        if c == "0":
            if len(raw) > 1 and "0" <= raw[1] <= "9":
                _err("Invalid number", node.start)
        elif (c == '"' or c == "'") and "\\" in raw:
            for m in _ESCAPE.finditer(raw):
                if m.group(1):
                    _err("Octal literal in strict mode", node.start + m.start())
                if m.group(2):
                    _err("Invalid escape sequence", node.start + m.start() + 1)

    def module_string(self, node) -> None:
        """A string used as an import/export name."""
        if node.type == "Literal":
            self.literal(node)
            if _LONE_SURROGATE.search(node.value):
                _err("An export name cannot include a lone surrogate.", node.start)

    # ------------------------------------------------------------- expressions

    def nothing(self, node) -> None:
        pass

    def array(self, node) -> None:
        v = self.v
        for el in node.elements:
            if el is not None:
                v[el.type](el)

    def spread(self, node) -> None:
        arg = node.argument
        self.v[arg.type](arg)

    def object(self, node) -> None:
        v = self.v
        seen_proto = False
        for prop in node.properties:
            if prop.type == "SpreadElement":
                arg = prop.argument
                v[arg.type](arg)
                continue
            key = prop.key
            if prop.computed:
                v[key.type](key)
            elif key.type == "Literal":
                self.literal(key)
            kind = prop.kind
            value = prop.value
            if kind == "init" and not prop.method:
                if not prop.computed and not prop.shorthand and _key_name(key) == "__proto__":
                    if seen_proto:
                        _err("Redefinition of __proto__ property", key.start)
                    seen_proto = True
                v[value.type](value)
            else:
                self.accessor_params(kind, value)
                self.function(value, method=True)

    def accessor_params(self, kind: str, fn) -> None:
        if kind == "get":
            if fn.params:
                _err("getter should have no params", fn.start)
        elif kind == "set":
            if len(fn.params) != 1:
                _err("setter should have exactly one param", fn.start)
            if fn.params[0].type == "RestElement":
                _err("Setter cannot use rest params", fn.params[0].start)

    def template(self, node) -> None:
        v = self.v
        for e in node.expressions:
            v[e.type](e)

    def tagged_template(self, node) -> None:
        tag = node.tag
        self.v[tag.type](tag)
        # `a?.b`x`` would tag with a short-circuited chain; `(a?.b)`x`` (a ChainExpression
        # tag) is fine.
        link = tag
        while True:
            t = link.type
            if t == "MemberExpression":
                nxt = link.object
            elif t == "CallExpression":
                nxt = link.callee
            else:
                break
            if link.optional:
                _err("Optional chaining cannot appear in the tag of tagged template "
                     "expressions", node.quasi.start)
            link = nxt
        self.template(node.quasi)

    def unary(self, node) -> None:
        arg = node.argument
        self.v[arg.type](arg)
        if node.operator == "delete":
            t = arg.type
            if t == "Identifier":
                if self.strict:
                    _err("Deleting local variable in strict mode", node.start)
            else:
                if t == "ChainExpression":
                    arg = arg.expression
                if arg.type == "MemberExpression" and arg.property.type == "PrivateIdentifier":
                    _err("Private fields can not be deleted", node.start)

    def update(self, node) -> None:
        self.simple_target(node.argument)

    def binary(self, node) -> None:
        left = node.left
        lt = left.type
        if lt != "BinaryExpression" and lt != "LogicalExpression" and lt != "PrivateIdentifier":
            v = self.v
            v[lt](left)
            right = node.right
            if right.type == "PrivateIdentifier":
                _err("Private identifier can only be left side of binary expression", right.start)
            v[right.type](right)
            return
        # Long `a + b + c ...` chains nest to the left: walk that spine without recursion.
        spine = [node]
        while left.type == "BinaryExpression" or left.type == "LogicalExpression":
            spine.append(left)
            left = left.left
        if left.type == "PrivateIdentifier":
            if spine[-1].operator != "in":
                _err("Unexpected private field", left.start)
            self.use_private(left)
        else:
            self.v[left.type](left)
        v = self.v
        for b in reversed(spine):
            right = b.right
            if right.type == "PrivateIdentifier":
                _err("Private identifier can only be left side of binary expression", right.start)
            v[right.type](right)

    def assignment(self, node) -> None:
        if node.operator == "=":
            self.assign_target(node.left)
        else:
            self.simple_target(node.left)
        right = node.right
        self.v[right.type](right)

    def conditional(self, node) -> None:
        v = self.v
        n = node.test
        v[n.type](n)
        n = node.consequent
        v[n.type](n)
        n = node.alternate
        v[n.type](n)

    def chain_link(self, node) -> None:
        """MemberExpression / CallExpression. ``a.b().c[d]...`` nests to the left: walk
        that spine without recursion, then the parts hanging off it in source order."""
        v = self.v
        if node.type == "MemberExpression":
            base = node.object
            t = base.type
            if t != "MemberExpression" and t != "CallExpression" and t != "Super":
                v[t](base)
                prop = node.property
                if node.computed:
                    v[prop.type](prop)
                elif prop.type == "PrivateIdentifier":
                    self.use_private(prop)
                return
        else:
            base = node.callee
            t = base.type
            if t != "MemberExpression" and t != "CallExpression" and t != "Super":
                v[t](base)
                for a in node.arguments:
                    v[a.type](a)
                return
        spine = [node]
        while True:
            t = base.type
            if t == "MemberExpression":
                spine.append(base)
                base = base.object
            elif t == "CallExpression":
                spine.append(base)
                base = base.callee
            else:
                break
        if t == "Super":
            self.super_(base, spine[-1].type == "CallExpression")
        else:
            v[t](base)
        for link in reversed(spine):
            if link.type == "MemberExpression":
                prop = link.property
                if link.computed:
                    v[prop.type](prop)
                elif prop.type == "PrivateIdentifier":
                    self.use_private(prop)
            else:
                for a in link.arguments:
                    v[a.type](a)

    def super_(self, node, call: bool) -> None:
        ctx = self.ctx
        if not ctx.super_prop:
            _err("'super' keyword outside a method", node.start)
        if call and not ctx.super_call:
            _err("super() call outside constructor of a subclass", node.start)

    def bare_super(self, node) -> None:
        if not self.ctx.super_prop:
            _err("'super' keyword outside a method", node.start)
        _err("Invalid use of 'super'", node.start)

    def new(self, node) -> None:
        callee = node.callee
        if callee.type == "Super":
            self.super_(callee, True)  # `new super()` reads as a call to super first
            _err("Invalid use of 'super'", callee.start)
        self.v[callee.type](callee)
        v = self.v
        for a in node.arguments:
            v[a.type](a)

    def chain(self, node) -> None:
        e = node.expression
        self.v[e.type](e)

    def sequence(self, node) -> None:
        v = self.v
        for e in node.expressions:
            v[e.type](e)

    def yield_(self, node) -> None:
        ctx = self.ctx
        if ctx.in_params:
            _err("Yield expression cannot be a default value", node.start)
        if not ctx.gen:
            _err("Yield expression outside a generator function", node.start)
        arg = node.argument
        if arg is not None:
            self.v[arg.type](arg)

    def await_(self, node) -> None:
        ctx = self.ctx
        if ctx.in_params:
            _err("Await expression cannot be a default value", node.start)
        if not ctx.await_ok:
            if ctx.static_block:
                _err("Cannot use await in class static initialization block", node.start)
            _err("Cannot use keyword 'await' outside an async function", node.start)
        arg = node.argument
        self.v[arg.type](arg)

    def import_expression(self, node) -> None:
        v = self.v
        src = node.source
        v[src.type](src)
        opts = node.options
        if opts is not None:
            v[opts.type](opts)

    def meta_property(self, node) -> None:
        meta = node.meta.name
        if meta == "new":
            if not self.ctx.new_target:
                _err("'new.target' can only be used in functions and class static block",
                     node.start)
        elif meta == "import" and not self.module:
            _err("Cannot use 'import.meta' outside a module", node.start)

    def bare_private(self, node) -> None:
        _err("Unexpected private field", node.start)

    def bare_pattern(self, node) -> None:
        if node.type == "AssignmentPattern":
            _err("Shorthand property assignments are valid only in destructuring patterns",
                 node.start)
        _err("Unexpected token", node.start)

    def use_private(self, node) -> None:
        if not self.privates:
            _err(f"Private field '#{node.name}' must be declared in an enclosing class",
                 node.start)
        self.privates[-1][1].append(node)

    # --------------------------------------------------------------- functions

    def function_expression(self, node) -> None:
        self.function(node)

    def arrow(self, node) -> None:
        self.function(node, arrow=True)

    def function_declaration(self, node) -> None:
        ident = node.id
        if ident is not None:
            if ident.name in _SPECIAL:
                self.check_name(ident)
            if self.strict or node.generator or node.is_async:
                kind = _VAR if self.scopes[-1].fvar else _LEX
            else:
                kind = _FUNC  # Annex B: sloppy block functions may be redeclared
            self.bind(ident, kind)
        self.function(node, declaration=True)

    def function(self, node, method=False, arrow=False, declaration=False,
                 derived_ctor=False) -> None:
        """Walk a function of any kind: work out its strictness from its own prologue,
        then its name, parameters and body under a fresh context and scope."""
        outer_strict = self.strict
        outer = self.ctx
        params = node.params
        simple = True
        for p in params:
            if p.type != "Identifier":
                simple = False
                break
        body = node.body
        strict = outer_strict
        if not node.expression:
            if _has_use_strict(body.body):
                if not simple:
                    _err("Illegal 'use strict' directive in function with non-simple "
                         "parameter list", node.start)
                strict = True
        if arrow:
            ctx = _Ctx(func=True, asy=node.is_async, await_ok=node.is_async,
                       args_banned=outer.args_banned, super_prop=outer.super_prop,
                       super_call=outer.super_call, new_target=outer.new_target)
            # Arrow parameters are parsed in the enclosing context (plus `async`).
            pctx = _Ctx(func=outer.func, gen=outer.gen, asy=outer.asy or node.is_async,
                        static_block=outer.static_block, args_banned=outer.args_banned,
                        super_prop=outer.super_prop, super_call=outer.super_call,
                        new_target=outer.new_target)
            pctx.in_params = True
        else:
            gen = node.generator
            asy = node.is_async
            ctx = _Ctx(func=True, gen=gen, asy=asy, await_ok=asy, super_prop=method,
                       super_call=derived_ctor, new_target=True)
            pctx = ctx
            ctx.in_params = True
        # The name and parameters are read under the enclosing strictness (a body that
        # turns strict mode on needs simple parameters); the bindings are then checked
        # under the function's own, as acorn does.
        self.ctx = pctx
        ident = node.id
        if ident is not None:
            if not declaration and ident.name in _SPECIAL:
                self.check_name(ident)
            if strict and ident.name in _STRICT_BIND:
                _err(f"Binding {ident.name} in strict mode", ident.start)
        scope = _Scope(var_scope=True, fvar=True)
        self.scopes.append(scope)
        names = scope.names
        allow_dups = not strict and not arrow and not method and simple
        if simple:
            ids = params
            for p in params:
                if p.name in _SPECIAL:
                    self.check_name(p)
        else:
            ids = []
            for p in params:
                self.binding_pattern(p, ids)
        self.strict = strict
        for p in ids:
            name = p.name
            if strict and name in _STRICT_BIND:
                _err(f"Binding {name} in strict mode", p.start)
            if not allow_dups and name in names:
                _err("Argument name clash", p.start)
            names[name] = _VAR
        ctx.in_params = False
        self.ctx = ctx
        if node.expression:
            self.v[body.type](body)
        else:
            v = self.v
            for stmt in body.body:
                v[stmt.type](stmt)
        self.scopes.pop()
        self.ctx = outer
        self.strict = outer_strict

    # ----------------------------------------------------------------- classes

    def class_declaration(self, node) -> None:
        self.klass(node, True)

    def class_expression(self, node) -> None:
        self.klass(node, False)

    def klass(self, node, declare: bool) -> None:
        outer_strict = self.strict
        self.strict = True  # the whole class, name and heritage included, is strict
        ident = node.id
        if ident is not None:
            if ident.name in _SPECIAL:
                self.check_name(ident)
            if declare:
                self.bind(ident, _LEX)
            elif ident.name in _STRICT_BIND:  # acorn misses `(class eval {})`
                _err(f"Binding {ident.name} in strict mode", ident.start)
        sup = node.superClass
        if sup is not None:
            self.v[sup.type](sup)
        declared: dict[str, str] = {}
        used: list = []
        self.privates.append((declared, used))
        has_ctor = False
        derived = sup is not None
        v = self.v
        for el in node.body.body:
            t = el.type
            if t == "StaticBlock":
                self.static_block(el)
                continue
            key = el.key
            static = el.static
            private = False
            if el.computed:
                v[key.type](key)
            elif key.type == "PrivateIdentifier":
                if key.name == "constructor":
                    _err("Classes can't have an element named '#constructor'", key.start)
                private = True
            else:
                if key.type == "Literal":
                    self.literal(key)
            kname = None if el.computed or private else _key_name(key)
            if t == "MethodDefinition":
                kind = el.kind
                fn = el.value
                is_ctor = False
                if kname == "constructor" and not static:
                    if kind == "get" or kind == "set":
                        _err("Constructor can't have get/set modifier", key.start)
                    if fn.generator:
                        _err("Constructor can't be a generator", key.start)
                    if fn.is_async:
                        _err("Constructor can't be an async method", key.start)
                    is_ctor = True
                elif kname == "prototype" and static:
                    _err("Classes may not have a static property named prototype", key.start)
                self.accessor_params(kind, fn)
                self.function(fn, method=True, derived_ctor=is_ctor and derived)
                if is_ctor:
                    if has_ctor:
                        _err("Duplicate constructor in the same class", el.start)
                    has_ctor = True
                elif private:
                    self.declare_private(declared, key, kind, static)
            else:  # PropertyDefinition
                if kname == "constructor":
                    _err("Classes can't have a field named 'constructor'", key.start)
                if kname == "prototype" and static:
                    _err("Classes can't have a static field named 'prototype'", key.start)
                value = el.value
                if value is not None:
                    outer = self.ctx
                    self.ctx = _Ctx(args_banned="field", super_prop=True, new_target=True)
                    v[value.type](value)
                    self.ctx = outer
                if private:
                    self.declare_private(declared, key, "field", static)
        self.privates.pop()
        for ident in used:
            if ident.name not in declared:
                if self.privates:
                    self.privates[-1][1].append(ident)
                else:
                    _err(f"Private field '#{ident.name}' must be declared in an enclosing "
                         "class", ident.start)
        self.strict = outer_strict

    def declare_private(self, declared: dict, key, kind: str, static: bool) -> None:
        """Private names are unique per class, except one getter plus one setter of the
        same staticness."""
        name = key.name
        nxt = ("s" if static else "i") + kind if kind == "get" or kind == "set" else "true"
        cur = declared.get(name)
        if cur is None:
            declared[name] = nxt
        elif cur[0] == nxt[0] and cur != "true" and nxt != "true" and cur != nxt:
            declared[name] = "true"
        else:
            _err(f"Identifier '#{name}' has already been declared", key.start)

    def static_block(self, node) -> None:
        outer = self.ctx
        self.ctx = _Ctx(static_block=True, args_banned="static", super_prop=True,
                        new_target=True)
        self.scopes.append(_Scope(var_scope=True))
        v = self.v
        for stmt in node.body:
            v[stmt.type](stmt)
        self.scopes.pop()
        self.ctx = outer

    # -------------------------------------------------------------- statements

    def statements(self, body) -> None:
        v = self.v
        for stmt in body:
            v[stmt.type](stmt)

    def sub_statement(self, node, context: str) -> None:
        """A statement in a single-statement position (if/loop/with/label body)."""
        t = node.type
        if t == "FunctionDeclaration":
            if self.strict:
                _err("In strict mode code, functions can only be declared at top level or "
                     "inside a block", node.start)
            if node.generator:
                _err("Generators can only be declared at the top level or inside a block",
                     node.start)
            if node.is_async:
                _err("Async functions can only be declared at the top level or inside a "
                     "block", node.start)
            if context != "if" and context != "label":
                _err("In non-strict mode code, functions can only be declared at top level, "
                     "inside a block, or as the body of an if statement", node.start)
            # Annex B: such a function binds nothing in the enclosing scope.
            ident = node.id
            if ident.name in _SPECIAL:
                self.check_name(ident)
            self.function(node, declaration=True)
        elif t == "LabeledStatement":
            self.labeled(node, context)
        elif t == "ClassDeclaration":
            _err("Class declaration cannot appear in a single-statement context", node.start)
        elif t == "VariableDeclaration" and node.kind != "var":
            _err("Lexical declaration cannot appear in a single-statement context",
                 node.start)
        else:
            self.v[t](node)

    def expression_statement(self, node) -> None:
        e = node.expression
        self.v[e.type](e)

    def block(self, node) -> None:
        self.scopes.append(_Scope())
        v = self.v
        for stmt in node.body:
            v[stmt.type](stmt)
        self.scopes.pop()

    def with_(self, node) -> None:
        if self.strict:
            _err("'with' in strict mode", node.start)
        obj = node.object
        self.v[obj.type](obj)
        self.sub_statement(node.body, "with")

    def return_(self, node) -> None:
        if not self.ctx.func:
            _err("'return' outside of function", node.start)
        arg = node.argument
        if arg is not None:
            self.v[arg.type](arg)

    def labeled(self, node, context: str | None = None) -> None:
        label = node.label
        name = label.name
        if name in _SPECIAL:
            self.check_name(label)
        labels = self.ctx.labels
        for n, _ in labels:
            if n == name:
                _err(f"Label '{name}' is already declared", label.start)
        body = node.body
        inner = body
        while inner.type == "LabeledStatement":
            inner = inner.body
        t = inner.type
        kind = "loop" if t in _LOOPS else "switch" if t == "SwitchStatement" else None
        labels.append((name, kind))
        if context is None:
            context = "label"
        elif "label" not in context:
            context += "label"
        self.sub_statement(body, context)
        labels.pop()

    def break_(self, node) -> None:
        label = node.label
        if label is None:
            for _, kind in self.ctx.labels:
                if kind is not None:
                    return
        else:
            name = label.name
            for n, _ in self.ctx.labels:
                if n == name:
                    return
        _err("Unsyntactic break", node.start)

    def continue_(self, node) -> None:
        label = node.label
        name = None if label is None else label.name
        for n, kind in self.ctx.labels:
            if kind == "loop" and (name is None or n == name):
                return
        _err("Unsyntactic continue", node.start)

    def if_(self, node) -> None:
        test = node.test
        self.v[test.type](test)
        self.sub_statement(node.consequent, "if")
        alt = node.alternate
        if alt is not None:
            self.sub_statement(alt, "if")

    def switch(self, node) -> None:
        v = self.v
        d = node.discriminant
        v[d.type](d)
        labels = self.ctx.labels
        labels.append((None, "switch"))
        self.scopes.append(_Scope(switch=True))
        for case in node.cases:
            test = case.test
            if test is not None:
                v[test.type](test)
            for stmt in case.consequent:
                v[stmt.type](stmt)
        self.scopes.pop()
        labels.pop()

    def throw(self, node) -> None:
        arg = node.argument
        self.v[arg.type](arg)

    def try_(self, node) -> None:
        self.block(node.block)
        handler = node.handler
        if handler is not None:
            scope = _Scope()
            self.scopes.append(scope)
            param = handler.param
            if param is not None:
                if param.type == "Identifier":
                    name = param.name
                    if name in _SPECIAL:
                        self.check_name(param)
                    if self.strict and name in _STRICT_BIND:
                        _err(f"Binding {name} in strict mode", param.start)
                    scope.names[name] = _LEX
                    scope.catch_name = name
                else:
                    self.declare_pattern(param, _LEX)
            self.statements(handler.body.body)  # the catch block shares the parameter scope
            self.scopes.pop()
        if node.finalizer is not None:
            self.block(node.finalizer)

    def while_(self, node) -> None:
        test = node.test
        self.v[test.type](test)
        labels = self.ctx.labels
        labels.append((None, "loop"))
        self.sub_statement(node.body, "while")
        labels.pop()

    def do_while(self, node) -> None:
        labels = self.ctx.labels
        labels.append((None, "loop"))
        self.sub_statement(node.body, "do")
        labels.pop()
        test = node.test
        self.v[test.type](test)

    def for_(self, node) -> None:
        labels = self.ctx.labels
        labels.append((None, "loop"))
        self.scopes.append(_Scope())
        v = self.v
        for n in (node.init, node.test, node.update):
            if n is not None:
                v[n.type](n)
        self.sub_statement(node.body, "for")
        self.scopes.pop()
        labels.pop()

    def for_in_of(self, node) -> None:
        labels = self.ctx.labels
        labels.append((None, "loop"))
        self.scopes.append(_Scope())
        left = node.left
        of = node.type == "ForOfStatement"
        if of and node.is_await and not self.ctx.await_ok:
            _err("Cannot use keyword 'await' outside an async function", node.start)
        if left.type == "VariableDeclaration":
            decl = left.declarations[0]
            if decl.init is not None and (
                of or self.strict or left.kind != "var" or decl.id.type != "Identifier"
            ):
                _err(f"{'for-of' if of else 'for-in'} loop variable declaration may not have "
                     "an initializer", left.start)
            self.variable_declaration(left, True)
        else:
            self.assign_target(left)
        right = node.right
        self.v[right.type](right)
        self.sub_statement(node.body, "for")
        self.scopes.pop()
        labels.pop()

    def variable_declaration(self, node, for_in_of_head: bool = False) -> None:
        kind = node.kind
        if kind == "var":
            bkind = _VAR
        else:
            bkind = _LEX
            if kind == "using" or kind == "await using":
                scope = self.scopes[-1]
                if scope.switch or (not self.module and len(self.scopes) == 1):
                    _err("Using declaration cannot appear in the top level when source type "
                         "is `script` or in the bare case statement", node.start)
                if kind == "await using" and not self.ctx.await_ok:
                    _err("Await using cannot appear outside of async function", node.start)
        v = self.v
        for d in node.declarations:
            ident = d.id
            self.declare_pattern(ident, bkind)
            init = d.init
            if init is not None:
                v[init.type](init)
            elif not for_in_of_head:
                if kind != "var" and kind != "let":
                    _err(f"Missing initializer in {kind} declaration", ident.end)
                if ident.type != "Identifier":
                    _err("Complex binding patterns require an initialization value", ident.end)

    # ----------------------------------------------------------------- modules

    def misplaced_module_item(self, node) -> None:
        _err("'import' and 'export' may only appear at the top level", node.start)

    def add_export(self, name: str, pos: int) -> None:
        if name in self.exports:
            _err(f"Duplicate export '{name}'", pos)
        self.exports[name] = True

    def export_pattern(self, node) -> None:
        t = node.type
        if t == "Identifier":
            self.add_export(node.name, node.start)
        elif t == "ObjectPattern":
            for prop in node.properties:
                self.export_pattern(prop.argument if prop.type == "RestElement" else prop.value)
        elif t == "ArrayPattern":
            for el in node.elements:
                if el is not None:
                    self.export_pattern(el)
        elif t == "AssignmentPattern":
            self.export_pattern(node.left)
        elif t == "RestElement":
            self.export_pattern(node.argument)

    def import_declaration(self, node) -> None:
        for spec in node.specifiers:
            if spec.type == "ImportSpecifier":
                self.module_string(spec.imported)
            local = spec.local
            if local.name in _SPECIAL:
                self.check_name(local)
            self.bind(local, _LEX)
        self.literal(node.source)
        self.attributes(node.attributes)

    def attributes(self, attrs) -> None:
        if not attrs:
            return
        seen = set()
        for attr in attrs:
            key = attr.key
            name = _export_name(key)
            if name in seen:
                _err(f"Duplicate attribute key '{name}'", key.start)
            seen.add(name)
            self.literal(attr.value)

    def export_named(self, node) -> None:
        decl = node.declaration
        if decl is not None:
            self.v[decl.type](decl)
            if decl.type == "VariableDeclaration":
                for d in decl.declarations:
                    self.export_pattern(d.id)
            else:
                self.add_export(decl.id.name, decl.id.start)
            return
        for spec in node.specifiers:
            exported = spec.exported
            self.module_string(exported)
            self.add_export(_export_name(exported), exported.start)
        if node.source is None:
            for spec in node.specifiers:
                local = spec.local
                if local.type == "Literal":
                    _err("A string literal cannot be used as an exported binding without "
                         "`from`.", local.start)
                if local.name in _SPECIAL:
                    self.check_name(local)
                self.local_exports.append(local)
        else:
            for spec in node.specifiers:
                self.module_string(spec.local)
            self.literal(node.source)
            self.attributes(node.attributes)

    def export_default(self, node) -> None:
        self.add_export("default", node.start)
        decl = node.declaration
        self.v[decl.type](decl)

    def export_all(self, node) -> None:
        exported = node.exported
        if exported is not None:
            self.module_string(exported)
            self.add_export(_export_name(exported), exported.start)
        self.literal(node.source)
        self.attributes(node.attributes)


_MIN_RECURSION = 20000


def check_program(program: Node, module: bool, eval_site=None) -> None:
    """Raise :class:`JSSyntaxError` for the first early error in ``program``.

    ``program`` is a finished ESTree ``Program``; ``module`` says whether it is module
    code (strict, with import/export and top-level await); ``eval_site`` gives the
    context a direct eval's code inherits from its caller.
    """
    checker = _Checker(module)
    if eval_site is not None:
        checker.enter_eval_site(eval_site)
    # The walk recurses once per nesting level of the source; Python calls between
    # Python functions do not use the C stack, so a deep but legal program only needs
    # a higher limit than the default.
    old = sys.getrecursionlimit()
    if old < _MIN_RECURSION:
        sys.setrecursionlimit(_MIN_RECURSION)
    try:
        checker.program(program)
    except RecursionError:
        raise JSSyntaxError("Program is nested too deeply", program.start) from None
    finally:
        if old < _MIN_RECURSION:
            sys.setrecursionlimit(old)
