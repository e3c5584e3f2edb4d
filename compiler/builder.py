"""Semantic actions: one method per grammar rule (or alias), building ESTree nodes.

The driver hands each method the list of its rule's children: tokens are
``(value, start, end)`` tuples, everything else is what another method returned.
Cover grammars are resolved here: object/array literals and parenthesised lists turn
into patterns when an ``=`` or ``=>`` shows they were targets or parameters.
"""

from __future__ import annotations

import re

from . import ast as A
from .errors import JSSyntaxError
from .literals import BadEscape, cook, number_value

try:  # the regular-expression validator (early errors of regex literals)
    from .regexp import check_regexp
except ImportError:  # pragma: no cover - only while the module is being written
    check_regexp = None

# Function contexts, for the driver's choice of `yield` / `await` as keywords.
CTX_SCRIPT, CTX_MODULE, CTX_FN, CTX_GEN, CTX_ASYNC, CTX_AGEN = range(6)
CTX_ARROW, CTX_ASYNC_ARROW, CTX_STATIC = 6, 7, 8

RESERVED = frozenset(
    "break case catch class const continue debugger default delete do else enum export "
    "extends false finally for function if import in instanceof new null return super "
    "switch this throw true try typeof var void while with".split()
)

# Binary operator precedence (higher binds tighter); `**` is right-associative.
PRECEDENCE = {
    "??": 1, "||": 1, "&&": 2, "|": 3, "^": 4, "&": 5,
    "==": 6, "!=": 6, "===": 6, "!==": 6,
    "<": 7, ">": 7, "<=": 7, ">=": 7, "in": 7, "instanceof": 7,
    "<<": 8, ">>": 8, ">>>": 8, "+": 9, "-": 9, "*": 10, "/": 10, "%": 10, "**": 11,
}
LOGICAL = frozenset({"||", "&&", "??"})
_IDENT_CHAR = re.compile(r"[\w$\\]|[^\x00-\x7f]")
_CRLF = re.compile(r"\r\n?")


def _start(x) -> int:
    return x[1] if type(x) is tuple else x.start


def _end(x) -> int:
    return x[2] if type(x) is tuple else x.end


class _Computed:
    """A computed property key ``[expr]`` (positions are the brackets')."""

    __slots__ = ("expr", "start", "end")

    def __init__(self, expr, start, end):
        self.expr, self.start, self.end = expr, start, end


class _Member:
    """A class or object member before it knows which node it becomes."""

    __slots__ = ("kind", "key", "value", "start", "end", "is_static")

    def __init__(self, kind, key, value, start, end):
        self.kind, self.key, self.value = kind, key, value
        self.start, self.end = start, end
        self.is_static = False


def _key(key) -> tuple[A.Node, bool]:
    return (key.expr, True) if type(key) is _Computed else (key, False)


class Builder:
    """Builds one program; holds the bookkeeping that spans rules."""

    def __init__(self, text: str, module: bool, eval_site=None):
        self.text = text
        self.module = module
        self.eval_site = eval_site
        self.ctx: list[int] = []  # shared with the driver
        self.parens: list[tuple[A.Node, int, int]] = []  # (node, inner start, inner end)
        self.paren_count: dict[int, int] = {}
        self.cover_inits: dict[int, A.Node] = {}  # `{a = 1}` not yet seen as a pattern
        self.template_errors: dict[int, tuple] = {}  # untagged bad escapes: (node, error)
        # Marks on objects, keyed by id(); the values keep the objects alive so an id is
        # never reused by a new node while the parse lasts.
        self.trailing_rest: dict[int, object] = {}  # literals/arguments ending in `...x,`
        self.async_calls: dict[int, object] = {}  # `async(...)`, a possible arrow head
        self.cover_seqs: dict[int, object] = {}  # sequences that are a parenthesised list
        self.asi_offender = 0  # the token an inserted semicolon was put before

    # ------------------------------------------------------------ helpers

    def error(self, message: str, pos: int) -> JSSyntaxError:
        return JSSyntaxError(message, pos)

    def is_paren(self, node) -> bool:
        return id(node) in self.paren_count

    def finish(self, program: A.Node) -> None:
        """Undo the temporary outer positions of parenthesised nodes; late checks."""
        for node, start, end in reversed(self.parens):
            node.start, node.end = start, end
        if self.cover_inits:
            first = min(self.cover_inits.values(), key=lambda n: n.start)
            raise self.error("Shorthand property assignments are valid only in destructuring "
                             "patterns", first.start)
        if self.template_errors:
            raise min((e for _, e in self.template_errors.values()), key=lambda e: e.pos)
        try:
            from .early_errors import check_program
        except ImportError:  # pragma: no cover - only while the pass is being written
            return
        check_program(program, self.module, self.eval_site)

    def _directives(self, body: list) -> list:
        for stmt in body:
            if stmt.type != "ExpressionStatement":
                break
            expr = stmt.expression
            if expr.type != "Literal" or not isinstance(expr.value, str) or self.is_paren(expr):
                break
            stmt.directive = self.text[expr.start + 1 : expr.end - 1]
        return body

    def _block(self, lbrace, body, rbrace) -> A.Node:
        return A.BlockStatement(lbrace[1], rbrace[2], self._directives(body))

    # ------------------------------------------------------------ lists

    def list_empty(self, c):
        return []

    def list_one(self, c):
        return [c[0]]

    def list_append(self, c):
        c[0].append(c[1])
        return c[0]

    def list_append_opt(self, c):
        if c[1] is not None:
            c[0].append(c[1])
        return c[0]

    def list_append_sep(self, c):
        c[0].append(c[2])
        return c[0]

    def list_pair(self, c):
        return [c[0], c[2]]

    def list_prepend(self, c):
        return [c[0], *c[2]]

    def list_empty_braces(self, c):
        return []

    def list_braces(self, c):
        return c[1]

    def none(self, c):
        return None

    # ------------------------------------------------------------ programs

    def start_script(self, c):
        return A.Program(0, len(self.text), self._directives(c[0]), "script")

    def start_module(self, c):
        return A.Program(0, len(self.text), self._directives(c[0]), "module")

    # ------------------------------------------------------------ statements

    def block(self, c):
        return A.BlockStatement(c[0][1], c[2][2], c[1])

    def empty_stmt(self, c):
        semi = c[0]
        if not semi[0]:  # an inserted semicolon is never an empty statement
            pos = self.asi_offender
            if pos >= len(self.text):
                raise self.error("Unexpected end of input", pos)
            raise self.error("Unexpected token", pos)
        return A.EmptyStatement(semi[1], semi[2])

    def expr_stmt(self, c):
        expr = c[0]
        start = expr.start
        text = self.text
        ch = text[start : start + 1]
        if ch in "fcla" and not self.is_paren(expr):
            self._check_statement_lookahead(start)
        return A.ExpressionStatement(start, c[1][2], expr)

    def _check_statement_lookahead(self, start: int) -> None:
        """An expression statement may not start with `function`, `class`, `let [`."""
        text = self.text
        for word in ("function", "class", "let", "async"):
            if text.startswith(word, start) and not _IDENT_CHAR.match(text, start + len(word)):
                break
        else:
            return
        rest = re.compile(r"(?:\s|/\*(?:[^*]|\*(?!/))*\*/)*").match(text, start + len(word))
        nxt = text[rest.end() : rest.end() + 1]
        if word in ("function", "class"):
            bad = True
        elif word == "let":
            bad = nxt == "["
        else:
            bad = text.startswith("function", rest.end()) and "\n" not in rest.group()
        if bad:
            raise self.error("Unexpected token", start)

    def if_stmt(self, c):
        return A.IfStatement(c[0][1], _end(c[6]), c[2], c[4], c[6])

    def if_stmt_noelse(self, c):
        return A.IfStatement(c[0][1], _end(c[4]), c[2], c[4], None)

    def do_while_stmt(self, c):
        return A.DoWhileStatement(c[0][1], c[6][2], c[1], c[4])

    def do_while_stmt_nosemi(self, c):
        return A.DoWhileStatement(c[0][1], c[5][2], c[1], c[4])

    def while_stmt(self, c):
        return A.WhileStatement(c[0][1], c[4].end, c[2], c[4])

    def for_stmt(self, c):
        if not c[3][0] or not c[5][0]:
            raise self.error("Unexpected token", c[3][1] if not c[3][0] else c[5][1])
        init = c[2]
        if init is not None and init.type == "VariableDeclaration":
            self._check_declarators(init)
        return A.ForStatement(c[0][1], c[8].end, init, c[4], c[6], c[8])

    def var_decl_head(self, c):
        decls = c[1]
        return A.VariableDeclaration(c[0][1], decls[-1].end, decls, c[0][0])

    def using_head(self, c):
        decls = c[1]
        return A.VariableDeclaration(c[0][1], decls[-1].end, decls, "using")

    def await_using_head(self, c):
        decls = c[2]
        return A.VariableDeclaration(c[0][1], decls[-1].end, decls, "await using")

    def for_in_stmt(self, c):
        left = self._for_left(c[2], "in")
        return A.ForInStatement(c[0][1], c[6].end, left, c[4], c[6])

    def for_of_stmt(self, c):
        left = self._for_left(c[2], "of")
        return A.ForOfStatement(c[0][1], c[6].end, False, left, c[4], c[6])

    def for_await_stmt(self, c):
        left = self._for_left(c[3], "of", True)
        return A.ForOfStatement(c[0][1], c[7].end, True, left, c[5], c[7])

    def _for_left(self, left, kind, awaited=False):
        if left.type == "VariableDeclaration":
            if kind == "in" and left.kind.endswith("using"):
                raise self.error("Using declaration is not allowed in for-in loops", left.end)
            return left
        if kind == "of" and not awaited and left.type == "Identifier" and left.name == "async" \
                and not self.is_paren(left) and self.text.startswith("async", left.start):
            raise self.error("The left-hand side of a for-of loop may not be 'async'",
                             left.start)
        if kind == "of" and self.text.startswith("let", left.start) \
                and not _IDENT_CHAR.match(self.text, left.start + 3):
            raise self.error("The left-hand side of a for-of loop may not start with 'let'",
                             left.start)
        return self.to_assignable(left)

    def for_lhs_expr(self, c):
        return c[0]

    def for_lhs_decl(self, c):
        target = c[1]
        decl = A.VariableDeclarator(target.start, target.end, target, None)
        return A.VariableDeclaration(c[0][1], target.end, [decl], c[0][0])

    def for_lhs_using(self, c):
        target = c[1]
        decl = A.VariableDeclarator(target.start, target.end, target, None)
        return A.VariableDeclaration(c[0][1], target.end, [decl], "using")

    def for_lhs_await_using(self, c):
        target = c[2]
        decl = A.VariableDeclarator(target.start, target.end, target, None)
        return A.VariableDeclaration(c[0][1], target.end, [decl], "await using")

    def for_lhs_var_init(self, c):
        target, init = c[1], c[3]
        decl = A.VariableDeclarator(target.start, init.end, target, init)
        return A.VariableDeclaration(c[0][1], init.end, [decl], "var")

    def continue_stmt(self, c):
        return A.ContinueStatement(c[0][1], c[1][2], None)

    def continue_label(self, c):
        return A.ContinueStatement(c[0][1], c[2][2], self._ident(c[1]))

    def break_stmt(self, c):
        return A.BreakStatement(c[0][1], c[1][2], None)

    def break_label(self, c):
        return A.BreakStatement(c[0][1], c[2][2], self._ident(c[1]))

    def return_stmt(self, c):
        return A.ReturnStatement(c[0][1], c[1][2], None)

    def return_value(self, c):
        return A.ReturnStatement(c[0][1], c[2][2], c[1])

    def with_stmt(self, c):
        return A.WithStatement(c[0][1], c[4].end, c[2], c[4])

    def labelled_stmt(self, c):
        return A.LabeledStatement(c[0].start, c[2].end, c[2], c[0])

    def switch_stmt(self, c):
        defaults = [case for case in c[5] if case.test is None]
        if len(defaults) > 1:
            raise self.error("Multiple default clauses", defaults[1].start)
        return A.SwitchStatement(c[0][1], c[6][2], c[2], c[5])

    def case_clause(self, c):
        body = c[3]
        return A.SwitchCase(c[0][1], body[-1].end if body else c[2][2], body, c[1])

    def default_clause(self, c):
        body = c[2]
        return A.SwitchCase(c[0][1], body[-1].end if body else c[1][2], body, None)

    def throw_stmt(self, c):
        return A.ThrowStatement(c[0][1], c[2][2], c[1])

    def try_catch(self, c):
        return A.TryStatement(c[0][1], c[2].end, c[1], c[2], None)

    def try_finally(self, c):
        return A.TryStatement(c[0][1], c[3].end, c[1], None, c[3])

    def try_catch_finally(self, c):
        return A.TryStatement(c[0][1], c[4].end, c[1], c[2], c[4])

    def catch_clause(self, c):
        return A.CatchClause(c[0][1], c[4].end, c[2], c[4])

    def catch_noparam(self, c):
        return A.CatchClause(c[0][1], c[1].end, None, c[1])

    def debugger_stmt(self, c):
        return A.DebuggerStatement(c[0][1], c[1][2])

    # ------------------------------------------------------------ declarations

    def var_stmt(self, c):
        node = A.VariableDeclaration(c[0][1], c[2][2], c[1], c[0][0])
        self._check_declarators(node)
        return node

    lexical_decl = var_stmt

    def _check_declarators(self, node):
        for d in node.declarations:
            if d.init is None:
                if node.kind != "var" and node.kind != "let":
                    raise self.error(f"Missing initializer in {node.kind} declaration", d.end)
                if d.id.type != "Identifier":
                    raise self.error("Complex binding patterns require an initialization value",
                                     d.end)

    def using_decl(self, c):
        node = A.VariableDeclaration(c[0][1], c[2][2], c[1], "using")
        self._check_declarators(node)
        return node

    def await_using_decl(self, c):
        node = A.VariableDeclaration(c[0][1], c[3][2], c[2], "await using")
        self._check_declarators(node)
        return node

    def declarator_noinit(self, c):
        t = c[0]
        return A.VariableDeclarator(t.start, t.end, t, None)

    def declarator_init(self, c):
        return A.VariableDeclarator(c[0].start, c[2].end, c[0], c[2])

    def object_binding_empty(self, c):
        return A.ObjectPattern(c[0][1], c[1][2], [])

    def object_binding(self, c):
        return A.ObjectPattern(c[0][1], c[-1][2], c[1])

    def object_binding_rest(self, c):
        return A.ObjectPattern(c[0][1], c[2][2], [c[1]])

    def object_binding_props_rest(self, c):
        c[1].append(c[3])
        return A.ObjectPattern(c[0][1], c[4][2], c[1])

    def binding_rest(self, c):
        return A.RestElement(c[0][1], c[1].end, c[1])

    def binding_prop_short(self, c):
        ident = c[0]
        value = A.Identifier(ident.start, ident.end, ident.name)
        return A.Property(ident.start, ident.end, False, True, False, ident, value, "init")

    def binding_prop_short_init(self, c):
        ident = c[0]
        value = A.AssignmentPattern(ident.start, c[2].end,
                                    A.Identifier(ident.start, ident.end, ident.name), c[2])
        return A.Property(ident.start, c[2].end, False, True, False, ident, value, "init")

    def binding_prop_full(self, c):
        key, computed = _key(c[0])
        return A.Property(c[0].start, c[2].end, False, False, computed, key, c[2], "init")

    def assign_pattern(self, c):
        return A.AssignmentPattern(c[0].start, c[2].end, c[0], c[2])

    def array_binding(self, c):
        elems = c[1]
        last = len(elems) - 1
        if elems[-1] is None:
            elems.pop()
        for i, e in enumerate(elems):
            if e is not None and e.type == "RestElement" and i != last:
                raise self.error("Comma is not permitted after the rest element", e.end)
        return A.ArrayPattern(c[0][1], c[2][2], elems)

    def rest_element(self, c):
        return A.RestElement(c[0][1], c[1].end, c[1])

    # functions

    def _function(self, cls, first, ident, params, lbrace, body, rbrace, generator, is_async):
        plist, _, _ = params
        block = self._block(lbrace, body, rbrace)
        return cls(first[1], rbrace[2], ident, False, generator, is_async, plist, block)

    def fn_plain(self, c):
        if len(c) == 6:
            return self._function(A.FunctionExpression, c[0], c[1], *c[2:], False, False)
        return self._function(A.FunctionExpression, c[0], None, *c[1:], False, False)

    def fn_gen(self, c):
        if len(c) == 7:
            return self._function(A.FunctionExpression, c[0], c[2], *c[3:], True, False)
        return self._function(A.FunctionExpression, c[0], None, *c[2:], True, False)

    def fn_async(self, c):
        if len(c) == 7:
            return self._function(A.FunctionExpression, c[0], c[2], *c[3:], False, True)
        return self._function(A.FunctionExpression, c[0], None, *c[2:], False, True)

    def fn_async_gen(self, c):
        if len(c) == 8:
            return self._function(A.FunctionExpression, c[0], c[3], *c[4:], True, True)
        return self._function(A.FunctionExpression, c[0], None, *c[3:], True, True)

    def decl_fn_plain(self, c):
        node = self.fn_plain(c)
        return self._as_declaration(node)

    def decl_fn_gen(self, c):
        return self._as_declaration(self.fn_gen(c))

    def decl_fn_async(self, c):
        return self._as_declaration(self.fn_async(c))

    def decl_fn_async_gen(self, c):
        return self._as_declaration(self.fn_async_gen(c))

    def _as_declaration(self, fn):
        return A.FunctionDeclaration(fn.start, fn.end, fn.id, False, fn.generator, fn.is_async,
                                     fn.params, fn.body)

    def params_empty(self, c):
        return ([], c[0][2])

    def params(self, c):
        return (c[0], c[-1][2])

    def params_rest(self, c):
        return ([c[0]], c[1][2])

    def params_list_rest(self, c):
        c[0].append(c[2])
        return (c[0], c[3][2])

    def fn_params(self, c):
        """``(params, start, end)``: the list and the parentheses' positions."""
        return (c[1][0], c[0][1], c[1][1])

    gen_params = async_params = agen_params = fn_params

    # classes

    def class_decl(self, c):
        if len(c) == 3:
            sup, body = c[2]
            return A.ClassDeclaration(c[0][1], body.end, c[1], sup, body)
        sup, body = c[1]
        return A.ClassDeclaration(c[0][1], body.end, None, sup, body)

    def class_expr(self, c):
        sup, body = c[2]
        return A.ClassExpression(c[0][1], body.end, c[1], sup, body)

    def class_expr_anon(self, c):
        sup, body = c[1]
        return A.ClassExpression(c[0][1], body.end, None, sup, body)

    def class_tail(self, c):
        return (None, c[0])

    def class_tail_extends(self, c):
        return (c[1], c[2])

    def class_body(self, c):
        return A.ClassBody(c[0][1], c[2][2], c[1])

    def class_element(self, c):
        return self._class_member(c[0], False, c[0].start)

    def static_member(self, c):
        return self._class_member(c[1], True, c[0][1])

    def _class_member(self, m: _Member, is_static: bool, start: int):
        key, computed = _key(m.key)
        kind = m.kind
        if kind == "init":
            kind = "method"
            if not is_static and not computed and (
                (key.type == "Identifier" and key.name == "constructor")
                or (key.type == "Literal" and key.value == "constructor")
            ):
                kind = "constructor"
        return A.MethodDefinition(start, m.end, is_static, computed, key, kind, m.value)

    def field(self, c):
        key, computed, value, end = c[0][:4]
        return A.PropertyDefinition(_start(c[0][4]), c[1][2] if c[1][0] else end, False,
                                    computed, key, value)

    def static_field(self, c):
        key, computed, value, end = c[1][:4]
        return A.PropertyDefinition(c[0][1], c[2][2] if c[2][0] else end, True, computed, key,
                                    value)

    def field_noinit(self, c):
        key, computed = _key(c[0])
        return (key, computed, None, c[0].end, c[0])

    def field_init(self, c):
        key, computed = _key(c[0])
        return (key, computed, c[2], c[2].end, c[0])

    def static_block(self, c):
        return A.StaticBlock(c[0][1], c[3][2], c[2])

    def _method(self, kind, key, params, lbrace, body, rbrace, generator, is_async, start):
        plist, pstart, _ = params
        if kind == "get" and plist:
            raise self.error("getter should have no params", pstart)
        if kind == "set":
            if len(plist) != 1:
                raise self.error("setter should have exactly one param", pstart)
            if plist[0].type == "RestElement":
                raise self.error("Setter cannot use rest params", plist[0].start)
        fn = A.FunctionExpression(pstart, rbrace[2], None, False, generator, is_async, plist,
                                  self._block(lbrace, body, rbrace))
        return _Member(kind, key, fn, start, rbrace[2])

    def method_plain(self, c):
        return self._method("init", c[0], *c[1:], False, False, c[0].start)

    def method_get(self, c):
        return self._method("get", c[1], *c[2:], False, False, c[0][1])

    def method_set(self, c):
        return self._method("set", c[1], *c[2:], False, False, c[0][1])

    def method_gen(self, c):
        return self._method("init", c[1], *c[2:], True, False, c[0][1])

    def method_async(self, c):
        return self._method("init", c[1], *c[2:], False, True, c[0][1])

    def method_async_gen(self, c):
        return self._method("init", c[2], *c[3:], True, True, c[0][1])

    def private_name(self, c):
        tok = c[0]
        return A.PrivateIdentifier(tok[1], tok[2], tok[0][1:])

    def key_name(self, c):
        tok = c[0]
        return A.Identifier(tok[1], tok[2], tok[0])

    def key_computed(self, c):
        return _Computed(c[1], c[0][1], c[2][2])

    # ------------------------------------------------------------ modules

    def _source(self, tok):
        return self.string([tok]) if type(tok) is tuple else tok

    def import_decl(self, c):
        return A.ImportDeclaration(c[0][1], c[5][2], c[1], c[3], c[4] or [])

    def import_bare(self, c):
        return A.ImportDeclaration(c[0][1], c[3][2], [], c[1], c[2] or [])

    def import_source(self, c):
        local = c[2]
        spec = A.ImportDefaultSpecifier(local.start, local.end, local)
        return A.ImportDeclaration(c[0][1], c[6][2], [spec], c[4], c[5] or [], "source")

    def imported_default_source(self, c):
        tok = c[0]
        local = A.Identifier(tok[1], tok[2], tok[0])
        return A.ImportDefaultSpecifier(local.start, local.end, local)

    def imported_default(self, c):
        local = c[0]
        return A.ImportDefaultSpecifier(local.start, local.end, local)

    def namespace_import(self, c):
        return A.ImportNamespaceSpecifier(c[0][1], c[2].end, c[2])

    def import_spec_short(self, c):
        local = c[0]
        return A.ImportSpecifier(local.start, local.end,
                                 A.Identifier(local.start, local.end, local.name), local)

    def import_spec(self, c):
        imported, local = c[0], c[2]
        return A.ImportSpecifier(imported.start, local.end, imported, local)

    def ident_name(self, c):
        tok = c[0]
        return A.Identifier(tok[1], tok[2], tok[0])

    def attributes_empty(self, c):
        return []

    def attributes_list(self, c):
        return c[2]

    def attribute(self, c):
        value = self.string([c[2]])
        return A.ImportAttribute(c[0].start, value.end, c[0], value)

    def export_all(self, c):
        return A.ExportAllDeclaration(c[0][1], c[5][2], None, c[3], c[4] or [])

    def export_all_as(self, c):
        return A.ExportAllDeclaration(c[0][1], c[7][2], c[3], c[5], c[6] or [])

    def export_from(self, c):
        return A.ExportNamedDeclaration(c[0][1], c[5][2], None, c[1], c[3], c[4] or [])

    def export_local(self, c):
        for spec in c[1]:
            local = spec.local
            if local.type == "Literal":
                raise self.error("A string literal cannot be used as an exported binding "
                                 "without `from`.", local.start)
            if local.name in RESERVED:
                raise self.error(f"Unexpected keyword '{local.name}'", local.start)
        return A.ExportNamedDeclaration(c[0][1], c[2][2], None, c[1], None, [])

    def export_declaration(self, c):
        decl = c[1]
        return A.ExportNamedDeclaration(c[0][1], decl.end, decl, [], None, [])

    def export_default_decl(self, c):
        decl = c[2]
        return A.ExportDefaultDeclaration(c[0][1], decl.end, decl)

    def export_default_expr(self, c):
        return A.ExportDefaultDeclaration(c[0][1], c[3][2], c[2])

    def export_spec_short(self, c):
        local = c[0]
        exported = A.Literal(local.start, local.end, local.value, local.raw) \
            if local.type == "Literal" else A.Identifier(local.start, local.end, local.name)
        return A.ExportSpecifier(local.start, local.end, local, exported)

    def export_spec(self, c):
        return A.ExportSpecifier(c[0].start, c[2].end, c[0], c[2])

    # ------------------------------------------------------------ expressions

    def sequence_start(self, c):
        return A.SequenceExpression(c[0].start, c[2].end, [c[0], c[2]])

    def sequence_more(self, c):
        seq = c[0]
        seq.expressions.append(c[2])
        seq.end = c[2].end
        return seq

    def assignment(self, c):
        left, op, right = c[0], c[1][0], c[2]
        if op == "=":
            left = self.to_assignable(left)
        else:
            self._check_simple_target(left)
        return A.AssignmentExpression(c[0].start, right.end, op, left, right)

    def yield_bare(self, c):
        return A.YieldExpression(c[0][1], c[0][2], False, None)

    def yield_arg(self, c):
        return A.YieldExpression(c[0][1], c[1].end, False, c[1])

    def yield_delegate(self, c):
        return A.YieldExpression(c[0][1], c[2].end, True, c[2])

    def _arrow(self, params, start, body_info, is_async):
        body, expression = body_info
        self.ctx.pop()
        return A.ArrowFunctionExpression(start, body.end, None, expression, False, is_async,
                                         params, body)

    def arrow(self, c):
        params, start = c[0]
        return self._arrow(params, start, c[2], False)

    def async_arrow_ident(self, c):
        return self._arrow([c[1]], c[0][1], c[3], True)

    def async_arrow_call(self, c):
        call = c[0]
        if id(call) not in self.async_calls:
            raise self.error("Unexpected token", c[1][1])
        params = [self.to_binding(a) for a in call.arguments]
        self._check_trailing_rest(call, params)
        return self._arrow(params, call.start, c[2], True)

    def _check_trailing_rest(self, owner, params):
        if id(owner) in self.trailing_rest and params and params[-1].type == "RestElement":
            raise self.error("Comma is not permitted after the rest element", params[-1].end)

    def arrow_param_ident(self, c):
        tok = c[0]
        return ([self._ident(tok)], tok[1])

    def arrow_param_cover(self, c):
        node = c[0]
        _, start, end = self.parens.pop()
        outer = node.start
        node.start, node.end = start, end
        count = self.paren_count[id(node)] - 1
        if count:
            self.paren_count[id(node)] = count
        else:
            del self.paren_count[id(node)]
        items = node.expressions if not count and id(node) in self.cover_seqs else [node]
        return ([self.to_binding(x) for x in items], outer)

    def arrow_param_empty(self, c):
        return ([], c[0][1])

    def arrow_param_trailing(self, c):
        return ([self.to_binding(x) for x in c[1]], c[0][1])

    def arrow_param_rest(self, c):
        return ([c[1]], c[0][1])

    def arrow_param_list_rest(self, c):
        return ([*(self.to_binding(x) for x in c[1]), c[3]], c[0][1])

    def arrow_block(self, c):
        return (self._block(c[0], c[1], c[2]), False)

    def arrow_expr(self, c):
        return (c[0], True)

    def cond(self, c):
        return A.ConditionalExpression(c[0].start, c[4].end, c[0], c[2], c[4])

    def binary_start(self, c):
        return [c[0], c[1], c[2]]

    def binary_more(self, c):
        c[0].append(c[1])
        c[0].append(c[2])
        return c[0]

    def binary_finish(self, c):
        items = c[0]
        out = [items[0]]
        ops: list[str] = []
        for i in range(1, len(items), 2):
            op = items[i][0]
            prec = PRECEDENCE[op]
            while ops and (PRECEDENCE[ops[-1]] > prec or (PRECEDENCE[ops[-1]] == prec
                                                          and op != "**")):
                self._reduce_binary(out, ops)
            ops.append(op)
            out.append(items[i + 1])
        while ops:
            self._reduce_binary(out, ops)
        node = out[0]
        if node.type == "PrivateIdentifier":
            raise self.error("Unexpected private field", node.start)
        return node

    def _reduce_binary(self, out, ops):
        right = out.pop()
        left = out.pop()
        op = ops.pop()
        if right.type == "PrivateIdentifier" or (left.type == "PrivateIdentifier" and op != "in"):
            bad = right if right.type == "PrivateIdentifier" else left
            raise self.error("Unexpected private field", bad.start)
        if op == "**" and left.type in ("UnaryExpression", "AwaitExpression") \
                and not self.is_paren(left):
            raise self.error("Unary operator used immediately before exponentiation "
                             "expression. Parenthesis must be used to disambiguate operator "
                             "precedence", left.start)
        if op in LOGICAL:
            for side in (left, right):
                if side.type == "LogicalExpression" and not self.is_paren(side) and (
                    (op == "??") != (side.operator == "??")
                ):
                    raise self.error("Logical expressions and coalesce expressions cannot be "
                                     "mixed. Wrap either by parentheses", side.start)
            out.append(A.LogicalExpression(left.start, right.end, left, op, right))
        else:
            out.append(A.BinaryExpression(left.start, right.end, left, op, right))

    def unary_op(self, c):
        tok, arg = c
        op = tok[0]
        return A.UnaryExpression(tok[1], arg.end, op, True, arg)

    def await_expr(self, c):
        return A.AwaitExpression(c[0][1], c[1].end, c[1])

    def prefix_update(self, c):
        self._check_simple_target(c[1], update=True)
        return A.UpdateExpression(c[0][1], c[1].end, c[0][0], True, c[1])

    def postfix_update(self, c):
        self._check_simple_target(c[0], update=True)
        return A.UpdateExpression(c[0].start, c[1][2], c[1][0], False, c[0])

    def chain_end(self, c):
        node = c[0]
        return A.ChainExpression(node.start, node.end, node)

    def new_noargs(self, c):
        callee = c[1]
        return A.NewExpression(c[0][1], callee.end, callee, [])

    def new_args(self, c):
        args, end = c[2]
        return A.NewExpression(c[0][1], end, c[1], args)

    def member_dot(self, c):
        obj, prop = c[0], c[2]
        return A.MemberExpression(obj.start, prop.end, obj, prop, False, False)

    def member_index(self, c):
        obj = c[0]
        return A.MemberExpression(obj.start, c[3][2], obj, c[2], True, False)

    def opt_tagged_template(self, c):
        # Parsed (not left to semicolon insertion) so that `a?.b` then a template on the
        # next line is this error too.
        raise self.error("Optional chaining cannot appear in the tag of tagged template "
                         "expressions", _start(c[1]))

    def tagged_template(self, c):
        quasi = c[1]
        self.template_errors.pop(id(quasi), None)
        return A.TaggedTemplateExpression(c[0].start, quasi.end, c[0], quasi)

    def super_dot(self, c):
        sup = A.Super(c[0][1], c[0][2])
        return A.MemberExpression(sup.start, c[2].end, sup, c[2], False, False)

    def super_index(self, c):
        sup = A.Super(c[0][1], c[0][2])
        return A.MemberExpression(sup.start, c[3][2], sup, c[2], True, False)

    def super_call(self, c):
        args, end = c[1]
        return A.CallExpression(c[0][1], end, A.Super(c[0][1], c[0][2]), args, False)

    def meta_property(self, c):
        kw, prop = c[0], c[2]
        meta = A.Identifier(kw[1], kw[2], kw[0])
        want = "target" if kw[0] == "new" else "meta"
        raw = self.text[prop[1] : prop[2]]
        if raw != want:
            if prop[0] == want:
                raise self.error(f"'{kw[0]}.{want}' must not contain escaped characters", prop[1])
            raise self.error(f"The only valid meta property for {kw[0]} is '{kw[0]}.{want}'",
                             prop[1])
        if want == "meta" and not self.module:
            raise self.error("Cannot use 'import.meta' outside a module", kw[1])
        return A.MetaProperty(kw[1], prop[2], meta, A.Identifier(prop[1], prop[2], prop[0]))

    def call_expr(self, c):
        args, end = c[1]
        return A.CallExpression(c[0].start, end, c[0], args, False)

    def async_call(self, c):
        tok = c[0]
        args, end = c[1]
        node = A.CallExpression(tok[1], end, A.Identifier(tok[1], tok[2], "async"), args, False)
        self.async_calls[id(node)] = node
        if id(c[1]) in self.trailing_rest:
            self.trailing_rest[id(node)] = node
        return node

    def import_call(self, c):
        return A.ImportExpression(c[0][1], c[-1][2], c[2], None)

    def import_call_options(self, c):
        return A.ImportExpression(c[0][1], c[-1][2], c[2], c[4])

    def import_source_call(self, c):
        return A.ImportExpression(c[0][1], c[5][2], c[4], None, "source")

    def opt_start(self, c):
        obj, link = c[0], c[2]
        kind = link[0]
        if kind == "call":
            return A.CallExpression(obj.start, link[2], obj, link[1], True)
        if kind == "dot":
            return A.MemberExpression(obj.start, link[1].end, obj, link[1], False, True)
        return A.MemberExpression(obj.start, link[2], obj, link[1], True, True)

    def link_call(self, c):
        args, end = c[0]
        return ("call", args, end)

    def link_dot(self, c):
        return ("dot", c[0])

    def link_index(self, c):
        return ("index", c[1], c[2][2])

    def args_empty(self, c):
        return ([], c[1][2])

    def args(self, c):
        items = c[1]
        result = (items, c[-1][2])
        if len(c) == 4 and items and items[-1].type == "SpreadElement":
            self.trailing_rest[id(result)] = result
        return result

    def spread(self, c):
        return A.SpreadElement(c[0][1], c[1].end, c[1])

    # primaries

    def _ident(self, tok) -> A.Node:
        name = tok[0]
        if name in RESERVED:
            raw = self.text[tok[1] : tok[2]]
            if raw != name:
                raise self.error("Escape sequence in keyword " + name, tok[1])
            raise self.error(f"Unexpected keyword '{name}'", tok[1])
        return A.Identifier(tok[1], tok[2], name)

    def ident(self, c):
        return self._ident(c[0])

    def this_expr(self, c):
        return A.ThisExpression(c[0][1], c[0][2])

    def null_literal(self, c):
        tok = c[0]
        return A.Literal(tok[1], tok[2], None, "null")

    def bool_literal(self, c):
        tok = c[0]
        return A.Literal(tok[1], tok[2], tok[0] == "true", tok[0])

    def number(self, c):
        raw, start, end = c[0]
        after = self.text[end : end + 1]
        if after and (after in "$_\\" or after.isidentifier() or after.isdigit()):
            raise self.error("Identifier directly after number", end)
        value, bigint = number_value(raw)
        return A.Literal(start, end, value, raw, None, bigint)

    def string(self, c):
        raw, start, end = c[0]
        try:
            value = cook(raw[1:-1])
        except BadEscape as e:
            raise self.error(e.message, start + 1 + e.offset) from None
        return A.Literal(start, end, value, raw)

    def regex(self, c):
        raw, start, end = c[0]
        slash = raw.rindex("/")
        pattern, flags = raw[1:slash], raw[slash + 1 :]
        if check_regexp is not None:
            try:
                check_regexp(pattern, flags)
            except JSSyntaxError as e:
                raise self.error(e.message, start + 1 + e.pos) from None
        elif len(set(flags)) != len(flags) or not set(flags) <= set("dgimsuyv"):
            raise self.error("Invalid regular expression flag", start)
        return A.Literal(start, end, None, raw, {"pattern": pattern, "flags": flags})

    # templates

    def _template_element(self, tok, head: int, tail: bool, owner_errors: list):
        raw_text = tok[0][1 : len(tok[0]) - (1 if tail else 2)]
        raw = _CRLF.sub("\n", raw_text)
        try:
            cooked = cook(raw, template=True)
        except BadEscape as e:
            cooked = None
            owner_errors.append(self.error(e.message, tok[1] + 1 + e.offset))
        return A.TemplateElement(tok[1] + 1, tok[2] - (1 if tail else 2),
                                 {"raw": raw, "cooked": cooked}, tail)

    def template_nosub(self, c):
        errors: list = []
        elem = self._template_element(c[0], 1, True, errors)
        node = A.TemplateLiteral(c[0][1], c[0][2], [], [elem])
        if errors:
            self.template_errors[id(node)] = (node, errors[0])
        return node

    def template_start(self, c):
        errors: list = []
        elem = self._template_element(c[0], 1, False, errors)
        return ([c[1]], [elem], c[0][1], errors)

    def template_more(self, c):
        exprs, quasis, start, errors = c[0]
        quasis.append(self._template_element(c[1], 1, False, errors))
        exprs.append(c[2])
        return c[0]

    def template_end(self, c):
        exprs, quasis, start, errors = c[0]
        quasis.append(self._template_element(c[1], 1, True, errors))
        node = A.TemplateLiteral(start, c[1][2], exprs, quasis)
        if errors:
            self.template_errors[id(node)] = (node, errors[0])
        return node

    # arrays, objects, parentheses

    def array_literal(self, c):
        elems = c[1]
        if elems[-1] is None:
            elems.pop()
            if elems and elems[-1] is not None and elems[-1].type == "SpreadElement":
                node = A.ArrayExpression(c[0][1], c[2][2], elems)
                self.trailing_rest[id(node)] = node
                return node
        return A.ArrayExpression(c[0][1], c[2][2], elems)

    def object_empty(self, c):
        return A.ObjectExpression(c[0][1], c[1][2], [])

    def object_literal(self, c):
        node = A.ObjectExpression(c[0][1], c[-1][2], c[1])
        if len(c) == 4 and c[1][-1].type == "SpreadElement":
            self.trailing_rest[id(node)] = node
        return node

    def prop_shorthand(self, c):
        ident = c[0]
        value = A.Identifier(ident.start, ident.end, ident.name)
        return A.Property(ident.start, ident.end, False, True, False, ident, value, "init")

    def prop_cover_init(self, c):
        ident = c[0]
        value = A.AssignmentPattern(ident.start, c[2].end,
                                    A.Identifier(ident.start, ident.end, ident.name), c[2])
        self.cover_inits[id(value)] = value
        return A.Property(ident.start, c[2].end, False, True, False, ident, value, "init")

    def prop_init(self, c):
        key, computed = _key(c[0])
        return A.Property(c[0].start, c[2].end, False, False, computed, key, c[2], "init")

    def prop_method(self, c):
        m = c[0]
        key, computed = _key(m.key)
        if key.type == "PrivateIdentifier":
            raise self.error("Unexpected private field", key.start)
        return A.Property(m.start, m.end, m.kind == "init", False, computed, key, m.value, m.kind)

    def paren_expr(self, c):
        items = c[1]
        if len(items) == 1:
            node = items[0]
        else:
            node = A.SequenceExpression(items[0].start, items[-1].end, items)
            self.cover_seqs[id(node)] = node
        self.parens.append((node, node.start, node.end))
        self.paren_count[id(node)] = self.paren_count.get(id(node), 0) + 1
        node.start, node.end = c[0][1], c[2][2]
        return node

    # ------------------------------------------------------------ cover grammar

    def _check_simple_target(self, node, update=False) -> None:
        t = node.type
        if t == "Identifier" or (t == "MemberExpression" and not self._in_chain(node)):
            return
        raise self.error("Invalid left-hand side in " + ("prefix/postfix operation" if update
                                                          else "assignment"), node.start)

    def _in_chain(self, node) -> bool:
        return node.type == "ChainExpression"

    def to_assignable(self, node, binding: bool = False) -> A.Node:
        """Reinterpret an expression as an assignment target (or binding pattern)."""
        t = node.type
        paren = self.is_paren(node)
        if t == "Identifier":
            if paren and binding:
                raise self.error("Parenthesized pattern", node.start)
            return node
        if t == "MemberExpression" and not binding:
            return node
        if paren and t in ("ObjectExpression", "ArrayExpression", "AssignmentExpression"):
            raise self.error("Parenthesized pattern", node.start)
        if t == "ObjectExpression":
            props = node.properties
            for i, p in enumerate(props):
                if p.type == "SpreadElement":
                    if i != len(props) - 1 or id(node) in self.trailing_rest:
                        raise self.error("Comma is not permitted after the rest element", p.start)
                    arg = p.argument
                    if arg.type not in ("Identifier", "MemberExpression") or (
                        binding and arg.type != "Identifier"
                    ):
                        raise self.error("Invalid rest operator's argument", arg.start)
                    props[i] = A.RestElement(p.start, p.end, self.to_assignable(arg, binding))
                else:
                    if p.kind != "init" or p.method:
                        raise self.error("Object pattern can't contain getter or setter",
                                         p.key.start)
                    p.value = self.to_assignable(p.value, binding)
            return A.ObjectPattern(node.start, node.end, props)
        if t == "ArrayExpression":
            elems = node.elements
            for i, e in enumerate(elems):
                if e is None:
                    continue
                if e.type == "SpreadElement":
                    if i != len(elems) - 1 or id(node) in self.trailing_rest:
                        raise self.error("Comma is not permitted after the rest element", e.start)
                    arg = e.argument
                    if arg.type == "AssignmentExpression":
                        raise self.error("Rest elements cannot have a default value", arg.start)
                    elems[i] = A.RestElement(e.start, e.end, self.to_assignable(arg, binding))
                else:
                    elems[i] = self.to_assignable(e, binding)
            return A.ArrayPattern(node.start, node.end, elems)
        if t == "AssignmentExpression":
            if node.operator != "=":
                raise self.error("Only '=' operator can be used for specifying default value.",
                                 node.left.end)
            left = node.left
            if binding:
                left = self._rebind(left)
            return A.AssignmentPattern(node.start, node.end, left, node.right)
        if t == "AssignmentPattern":
            self.cover_inits.pop(id(node), None)
            if binding:
                node.left = self._rebind(node.left)
            return node
        if t in ("ObjectPattern", "ArrayPattern", "RestElement"):
            return node
        raise self.error("Assigning to rvalue", node.start)

    def _rebind(self, target):
        """An assignment target that must also be a binding (arrow parameters)."""
        if target.type == "MemberExpression":
            raise self.error("Assigning to rvalue", target.start)
        if target.type in ("ObjectPattern", "ArrayPattern"):
            for child in (target.properties if target.type == "ObjectPattern"
                          else target.elements):
                if child is None:
                    continue
                if child.type == "Property":
                    child.value = self._rebind(child.value)
                elif child.type == "RestElement":
                    child.argument = self._rebind(child.argument)
                else:
                    self._rebind(child)
        elif target.type == "AssignmentPattern":
            target.left = self._rebind(target.left)
        return target

    def to_binding(self, node) -> A.Node:
        """A cover-grammar item as an arrow-function parameter."""
        if node.type == "SpreadElement":
            arg = node.argument
            if arg.type == "AssignmentExpression":
                raise self.error("Rest elements cannot have a default value", arg.start)
            return A.RestElement(node.start, node.end, self.to_binding(arg))
        if node.type in ("YieldExpression", "AwaitExpression"):
            raise self.error("Yield expression cannot be a default value"
                             if node.type == "YieldExpression"
                             else "Await expression cannot be a default value", node.start)
        result = self.to_assignable(node, binding=True)
        return self._rebind(result)
