"""Code generation: ESTree + scope analysis -> register bytecode (compiler.bytecode).

One :class:`FunctionCompiler` per function. Registers: parameters first, then one per
binding no closure captures, then temporaries allocated and freed like a stack.
Captured bindings live in closure cells. Expressions compile "into" a register: a
caller may pass the register it wants, or take whichever register already holds the
value (a local variable's own register, with no copy).
"""

from __future__ import annotations

from . import ast as A
from .bytecode.code import Code, EvalSite, TemplateSite
from .bytecode.isa import OPCODE as O
from .errors import JSSyntaxError
from .peephole import optimize
from .scope import Analysis, Binding, FunctionInfo, Scope, analyze, pattern_names
from .using import LoweredTry

BINARY = {
    "+": O["ADD"], "-": O["SUB"], "*": O["MUL"], "/": O["DIV"], "%": O["MOD"],
    "**": O["EXP"], "&": O["BITAND"], "|": O["BITOR"], "^": O["BITXOR"],
    "<<": O["SHL"], ">>": O["SHR"], ">>>": O["USHR"], "==": O["EQ"], "!=": O["NE"],
    "===": O["SEQ"], "!==": O["SNE"], "<": O["LT"], "<=": O["LE"], ">": O["GT"],
    ">=": O["GE"], "instanceof": O["INSTANCEOF"], "in": O["IN"],
}
UNARY = {"!": O["NOT"], "-": O["NEG"], "+": O["TONUMERIC"], "~": O["BITNOT"],
         "typeof": O["TYPEOF"]}
ERR_TYPE, ERR_REFERENCE, ERR_SYNTAX = 0, 1, 2
# the calls that name each of their 0, 1 or 2 argument registers
_CALLFN_N = (O["CALLFN0"], O["CALLFN1"], O["CALLFN2"])
_CALLPROP_N = (O["CALLPROP0"], O["CALLPROP1"], O["CALLPROP2"])
# statements whose completion value is at least undefined, never empty
_UPDATE_EMPTY = frozenset({"IfStatement", "WhileStatement", "DoWhileStatement", "ForStatement",
                           "ForInStatement", "ForOfStatement", "SwitchStatement", "TryStatement",
                           "WithStatement"})
GLOBAL_KINDS = {"var": 0, "function": 1, "let": 2, "const": 3, "class": 4}
EVAL_GLOBAL = 5  # a var or function sloppy eval code adds to the global object (deletable)


class CompileError(JSSyntaxError):
    """A construct the code generator does not handle yet (reported as SyntaxError)."""


def compile_script(program: A.Node, source: str, filename: str | None = None) -> Code:
    """Compile a parsed script; the result is the top-level function's Code."""
    analysis = analyze(program)
    unit = _Unit(analysis, source)
    fc = FunctionCompiler(unit, analysis.functions[id(program)], None, program)
    return fc.compile_script(program)


def compile_eval(program: A.Node, source: str, site: EvalSite | None = None) -> Code:
    """Compile eval code: for a direct eval, ``site`` describes the caller (its cells
    become this code's captures, in ``Code.captures`` order); indirect eval has none."""
    analysis = analyze(program, eval_site=site or EvalSite())
    unit = _Unit(analysis, source)
    caller = _Caller(site) if site is not None else None
    fc = FunctionCompiler(unit, analysis.functions[id(program)], caller, program)
    return fc.compile_script(program, eval_code=True)


class _Caller:
    """The frame that called a direct eval, as the eval code's enclosing function: its
    bindings already have cells, whose slots the site lists."""

    def cell_of(self, b: Binding) -> int:
        return b.cell

    def __init__(self, site: EvalSite) -> None:
        self.site = site


class _Unit:
    """What every function of one compilation shares."""

    def __init__(self, analysis: Analysis, source: str):
        self.analysis = analysis
        self.source = source
        self.line_starts = [0]
        for i, ch in enumerate(source):
            if ch == "\n":
                self.line_starts.append(i + 1)
        self.switch_scopes = {id(analysis.scopes[id(n)]) for n in analysis.keep
                              if n.type == "SwitchStatement" and id(n) in analysis.scopes}
        self.scope_funcs: dict[int, list[Scope]] = {}
        for scope in analysis.scopes.values():
            self.scope_funcs.setdefault(id(scope.func), [])
            if scope not in self.scope_funcs[id(scope.func)]:
                self.scope_funcs[id(scope.func)].append(scope)

    def line_of(self, pos: int) -> int:
        import bisect

        return bisect.bisect_right(self.line_starts, pos)


class _Label:
    """A break/continue target: where jumps go, and which finally blocks they cross."""

    def __init__(self, names: list[str], loop: bool, finally_depth: int):
        self.names = names
        self.loop = loop
        self.breaks: list[int] = []
        self.continues: list[int] = []
        self.finally_depth = finally_depth
        self.iterator: int | None = None  # for-of: the iterator register to close
        self.async_iterator = False  # for await: closing awaits return()


class FunctionCompiler:
    def __init__(self, unit: _Unit, info: FunctionInfo, parent: FunctionCompiler | None,
                 node: A.Node):
        self.unit = unit
        self.info = info
        self.parent = parent
        self.node = node
        self.field_init = False  # a class field initialiser or static block
        self.body_name = None  # the name an anonymous function as the body expression takes
        self.code = Code(name="", strict=info.strict)
        self.next_reg = 0
        self.max_reg = 0
        self.labels: list[_Label] = []
        self.finally_stack: list = []  # pending finally bodies (node) for jumps out
        self.capture_slots: dict[int, int] = {}  # id(binding) -> slot
        self.const_index: dict = {}
        self.discarded = None  # the expression whose value `effect` throws away
        self.last_line = -1

    # ------------------------------------------------------------ emission helpers

    def emit(self, op: int, *operands) -> int:
        self.code.code.append((op, *operands))
        return len(self.code.code) - 1

    def here(self) -> int:
        return len(self.code.code)

    def patch(self, at: int, target: int | None = None) -> None:
        ins = list(self.code.code[at])
        ins[-1] = self.here() if target is None else target
        self.code.code[at] = tuple(ins)

    def mark_line(self, node) -> None:
        line = self.unit.line_of(node.start)
        if line != self.last_line:
            self.code.lines.append((self.here(), line))
            self.last_line = line

    def const(self, value) -> int:
        key = (type(value), value if not isinstance(value, float) or value == value else "nan",
               str(value) if isinstance(value, float) else None)
        idx = self.const_index.get(key)
        if idx is None:
            idx = self.const_index[key] = len(self.code.constants)
            self.code.constants.append(value)
        return idx

    def alloc(self) -> int:
        r = self.next_reg
        self.next_reg += 1
        if self.next_reg > self.max_reg:
            self.max_reg = self.next_reg
        return r

    def free_to(self, mark: int) -> None:
        self.next_reg = mark

    def error(self, message: str, node) -> CompileError:
        return CompileError(message, node.start)

    # ------------------------------------------------------------ bindings

    def setup_bindings(self, params_count: int) -> None:
        """Give this function's bindings registers or cells (parameters come first)."""
        cells = 0
        for scope in self.unit.scope_funcs.get(id(self.info), []):
            for b in scope.bindings.values():
                if b.global_name:
                    continue
                if b.captured:
                    b.cell = cells
                    cells += 1
        self.code.cells = cells
        self.next_reg = self.max_reg = params_count
        for scope in self.unit.scope_funcs.get(id(self.info), []):
            for b in scope.bindings.values():
                if not b.global_name and not b.captured and b.kind != "param":
                    b.reg = self.alloc()

    def capture_slot(self, b: Binding) -> int:
        """The cell slot of an outer function's binding in this function."""
        slot = self.capture_slots.get(id(b))
        if slot is None:
            if self.parent is None:
                raise self.error(f"cannot resolve {b.name}", self.node)
            outer = self.parent.cell_of(b)
            self.code.captures.append(outer)
            slot = self.capture_slots[id(b)] = self.code.cells + len(self.code.captures) - 1
        return slot

    def cell_of(self, b: Binding) -> int:
        if b.scope.func is self.info:
            return b.cell
        return self.capture_slot(b)

    def location(self, b: Binding | None):
        if b is None or b.global_name:
            return "global", None
        if b.eval_var:
            return "evalvar", self.cell_of(b.scope.parent.func.evalvars)
        if b.scope.func is self.info and not b.captured:
            return "reg", b.reg
        return "cell", self.cell_of(b)

    def needs_tdz(self, b: Binding, ref) -> bool:
        """Must a use of ``b`` check for the uninitialised marker?

        Not when the binding is a register of this function and the use comes after
        the declaration in the source: straight-line order then guarantees the
        initialisation ran (blocks and loop bodies start over with a fresh marker).
        `switch` cases can jump over a declaration, so their bindings keep the check.
        """
        if not b.tdz:
            return False
        if b.captured or b.global_name or b.decl_end < 0 or ref.start < b.decl_end:
            return True
        return id(b.scope) in self.unit.switch_scopes

    def with_objects(self, ident) -> list[int]:
        """Registers holding the objects of the with statements around ``ident``."""
        regs = []
        for w in self.unit.analysis.withs.get(id(ident), ()):
            kind, where = self.location(w)
            if kind == "reg":
                regs.append(where)
            else:
                r = self.alloc()
                self.emit(O["GETCELL"], r, where)
                regs.append(r)
        return regs

    def with_reference(self, ident) -> int | None:
        """A name inside with statements, resolved before an assignment's right side
        runs: a register holding the with object that has it, or undefined if none
        has (the name's own binding then). None when no with statement is around."""
        if id(ident) not in self.unit.analysis.withs:
            return None
        base = self.alloc()
        self.emit(O["LOADUNDEF"], base)
        hits = [self.emit(O["WITHBASE"], base, obj, self.const(ident.name), 0)
                for obj in self.with_objects(ident)]
        for hit in hits:
            self.patch(hit)
        self.free_to(base + 1)
        return base

    def load_reference(self, ident, base: int | None, dst: int | None = None) -> int:
        """GetValue of a name resolved by ``with_reference``."""
        if base is None:
            return self.load_binding(ident, dst)
        r = self.alloc() if dst is None else dst
        unwith = self.emit(O["JMPIFUNDEF"], base, 0)
        self.emit(O["GETOBJBINDING"], r, base, self.const(ident.name))
        done = self.emit(O["JMP"], 0)
        self.patch(unwith)
        self.load_unwith(ident, r)
        self.patch(done)
        return r

    def store_reference(self, ident, base: int | None, src: int) -> None:
        """PutValue of a name resolved by ``with_reference``."""
        if base is None:
            self.store_binding(ident, src)
            return
        unwith = self.emit(O["JMPIFUNDEF"], base, 0)
        self.emit(O["SETOBJBINDING"], base, self.const(ident.name), src)
        done = self.emit(O["JMP"], 0)
        self.patch(unwith)
        self.store_unwith(ident, src)
        self.patch(done)

    def load_binding(self, ident, dst: int | None = None) -> int:
        if id(ident) in self.unit.analysis.withs:
            r = self.alloc() if dst is None else dst
            mark = self.next_reg
            hits = [self.emit(O["GETWITH"], r, obj, self.const(ident.name), 0)
                    for obj in self.with_objects(ident)]
            self.load_unwith(ident, r)
            self.free_to(mark)
            for hit in hits:
                self.patch(hit)
            return r
        return self.load_unwith(ident, dst)

    def load_unwith(self, ident, dst: int | None = None) -> int:
        name = ident.name if ident.type == "Identifier" else "%this"
        b = self.unit.analysis.refs.get(id(ident))
        dynamic = self.unit.analysis.dynamic.get(id(ident))
        if dynamic is not None or (b is not None and b.eval_var):
            r = self.alloc() if dst is None else dst
            evalvars, depth = dynamic if dynamic is not None else (None, 1)
            cell = self.cell_of(evalvars) if evalvars is not None else self.location(b)[1]
            hit = self.emit(O["GETDYN"], r, cell, depth, self.const(name), 0)
            if b is not None and b.eval_var:
                self.emit(O["GETGLOBAL"], r, self.const(name))
            else:
                self.load_static(ident, b, name, r)
            self.patch(hit)
            return r
        return self.load_static(ident, b, name, dst)

    def load_static(self, ident, b: Binding | None, name: str, dst: int | None) -> int:
        kind, where = self.location(b)
        if kind == "reg":
            if b.tdz and self.needs_tdz(b, ident):
                self.emit(O["CHECKHOLE"], where, self.const(name))
            if dst is None or dst == where:
                return where
            self.emit(O["MOVE"], dst, where)
            return dst
        r = self.alloc() if dst is None else dst
        if kind == "cell":
            self.emit(O["GETCELL"], r, where)
            if b.tdz:
                self.emit(O["CHECKHOLE"], r, self.const(name))
        else:
            self.emit(O["GETGLOBAL"], r, self.const(name))
        return r

    def store_binding(self, ident, src: int, init: bool = False) -> None:
        b = self.unit.analysis.refs.get(id(ident))
        if id(ident) in self.unit.analysis.withs and (not init or b is None or b.kind == "var"):
            # `var x = v` inside with assigns through the with object, like `x = v`
            mark = self.next_reg
            hits = [self.emit(O["SETWITH"], obj, self.const(ident.name), src, 0)
                    for obj in self.with_objects(ident)]
            self.store_unwith(ident, src, init)
            self.free_to(mark)
            for hit in hits:
                self.patch(hit)
            return
        self.store_unwith(ident, src, init)

    def store_unwith(self, ident, src: int, init: bool = False) -> None:
        b = self.unit.analysis.refs.get(id(ident))
        name = ident.name
        dynamic = self.unit.analysis.dynamic.get(id(ident))
        if dynamic is not None or (b is not None and b.eval_var):
            evalvars, depth = dynamic if dynamic is not None else (None, 1)
            cell = self.cell_of(evalvars) if evalvars is not None else self.location(b)[1]
            hit = self.emit(O["SETDYN"], cell, depth, self.const(name), src, 0)
            if b is not None and b.eval_var:
                self.emit(O["SETGLOBAL"], self.const(name), src)
            else:
                self.store_static(ident, b, name, src, init)
            self.patch(hit)
            return
        self.store_static(ident, b, name, src, init)

    def store_static(self, ident, b: Binding | None, name: str, src: int, init: bool) -> None:
        kind, where = self.location(b)
        if b is not None and b.kind == "fname" and not init:
            if self.info.strict:
                self.emit(O["THROWERROR"], ERR_TYPE,
                          self.const("Assignment to constant variable."))
            return
        if b is not None and b.kind == "const" and not init:
            if b.tdz and self.needs_tdz(b, ident):
                self.load_binding(ident)
            self.emit(O["THROWERROR"], ERR_TYPE, self.const("Assignment to constant variable."))
            return
        if kind == "global":
            if init and b is not None and b.global_name and b.lexical:
                self.emit(O["INITGLOBAL"], self.const(name), src)
            else:
                self.emit(O["SETGLOBAL"], self.const(name), src)
            return
        if not init and b.tdz and self.needs_tdz(b, ident):
            mark = self.next_reg
            self.load_binding(ident)
            self.free_to(mark)
        if kind == "reg":
            if where != src:
                self.emit(O["MOVE"], where, src)
        else:
            self.emit(O["SETCELL"], where, src)

    def compile_script(self, program, eval_code: bool = False) -> Code:
        code = self.code
        code.kind = "script"
        code.name = "<eval>" if eval_code else "<script>"
        self.setup_bindings(0)
        scope = self.unit.analysis.scopes[id(program)]
        if eval_code:
            kinds = [(b, EVAL_GLOBAL + (b.kind == "function"))
                     for b in scope.bindings.values() if b.global_name]
            for b, kind in kinds:  # every name is checked before any binding is made
                self.emit(O["DEFGLOBAL"], self.const(b.name), kind | 8)
            for b in scope.bindings.values():
                if b.global_name:
                    self.emit(O["DEFGLOBAL"], self.const(b.name),
                              EVAL_GLOBAL + (b.kind == "function"))
                elif b.eval_var:
                    self.emit(O["DEFEVALVAR"], self.location(b)[1], self.const(b.name))
        else:
            self.declare_script_globals(scope)
        if eval_code:
            self.init_lexicals(scope)
        this_b = scope.bindings.get("%this")
        if this_b is not None and this_b.captured:
            r = self.alloc()
            self.emit(O["LOADTHIS"], r)
            self.emit(O["SETCELL"], this_b.cell, r)
            self.free_to(r)
        self.hoist_functions(program.body)
        result = self.alloc()
        self.emit(O["LOADUNDEF"], result)
        self.completion = result
        for stmt in program.body:
            self.statement(stmt)
        self.emit(O["RETURN"], result)
        return self.finish()

    def declare_script_globals(self, scope) -> None:
        """One DEFGLOBALS for a script's names, grouped functions, vars, let/class, const
        (the order GlobalDeclarationInstantiation creates them in)."""
        groups: list[list[str]] = [[], [], [], []]
        for b in scope.bindings.values():
            if b.global_name:
                kind = GLOBAL_KINDS.get(b.kind, 0)
                groups[(1, 0, 2, 3, 2)[kind]].append(b.name)
        names = tuple(groups[0] + groups[1] + groups[2] + groups[3])
        if names:
            self.emit(O["DEFGLOBALS"], self.const(names), len(groups[0]), len(groups[1]),
                      len(groups[2]))

    def finish(self) -> Code:
        self.code.registers = self.max_reg
        return optimize(self.code)

    def compile_function(self, node) -> Code:
        code = self.code
        code.name = node.id.name if getattr(node, "id", None) is not None else ""
        code.source = (node.start, node.end)
        self.completion = None
        params = node.params
        simple = all(p.type == "Identifier" for p in params)
        positional = [p for p in params if p.type != "RestElement"]
        code.params = len(positional)
        code.length = next((i for i, p in enumerate(params)
                            if p.type in ("AssignmentPattern", "RestElement")), len(params))
        fscope = self.unit.analysis.scopes[id(node)]
        args_b = fscope.bindings.get("arguments")
        if args_b is not None and args_b.kind == "arguments" and simple and not code.strict:
            code.mapped_arguments = True  # parameters live in cells the object aliases
            for p in positional:
                fscope.bindings[p.name].captured = True
        self.setup_bindings(len(positional))
        if self.info.evalvars is not None:
            self.emit(O["NEWEVALVARS"], self.info.evalvars.cell, self.enclosing_evalvars())
        fscope = self.unit.analysis.scopes[id(node)]
        this_b = fscope.bindings.get("%this")
        if this_b is not None and this_b.captured:  # arrows inside read `this` from a cell
            r = self.alloc()
            # a derived constructor's `this` is bound by super(): until then, the hole
            self.emit(O["LOADHOLE" if code.kind == "derived" else "LOADTHIS"], r)
            self.emit(O["SETCELL"], this_b.cell, r)
            self.free_to(r)
            if code.kind == "derived":  # the cell is the binding, shared with arrows
                code.this_cell = this_b.cell
        args_b = fscope.bindings.get("arguments")
        if args_b is not None and args_b.kind == "arguments":
            r = self.alloc()
            self.emit(O["ARGUMENTS"], r)
            self._store_direct(args_b, r)
            self.free_to(r)
        # Parameters: simple ones already sit in r0..; move captured ones into cells.
        for i, p in enumerate(positional):
            if simple:
                b = fscope.bindings[p.name]
                if b.captured:
                    code.param_cells.append((i, b.cell))
                else:
                    b.reg = i
        if not simple:
            # Incoming arguments sit in r0..; the parameter bindings get their own homes.
            hole = None
            for b in fscope.bindings.values():
                if b.kind == "param" and not b.captured and b.reg < 0:
                    b.reg = self.alloc()
            for b in fscope.bindings.values():
                if b.kind == "param":  # uninitialised until its parameter is bound
                    if b.captured:
                        if hole is None:
                            hole = self.alloc()
                            self.emit(O["LOADHOLE"], hole)
                        self.emit(O["SETCELL"], b.cell, hole)
                    else:
                        self.emit(O["LOADHOLE"], b.reg)
            for i, p in enumerate(positional):
                self.bind_pattern(p, i, fscope, init=True)
        rest = next((p for p in params if p.type == "RestElement"), None)
        if rest is not None:
            code.kind = code.kind  # rest array arrives in r[params]
            r = self.alloc()
            self.emit(O["RESTARGS"], r)
            self.bind_pattern(rest.argument, r, fscope, init=True)
        self.init_lexicals(fscope)
        vscope = self.unit.analysis.scopes.get(id(node.body))
        if vscope is not None and vscope is not fscope:
            self.init_var_scope(vscope, fscope)
        if code.kind == "constructor":
            self.emit(O["INITFIELDS"])
        body = node.body
        if body.type == "BlockStatement":
            self.hoist_functions(body.body)
            if code.generator:  # the call ends here, with the generator object
                self.emit(O["GENSTART"])
            for stmt in body.body:
                self.statement(stmt)
            self.emit(O["RETURNUNDEF"])
        else:
            r = self.expr(body) if self.body_name is None else \
                self.expr_named(body, self.body_name)
            self.emit(O["RETURN"], r)
        return self.finish()

    def init_var_scope(self, vscope: Scope, fscope: Scope) -> None:
        """The body's own var scope: a var named like a parameter starts with its value."""
        for name, b in vscope.bindings.items():
            if b.global_name:
                continue
            p = fscope.bindings.get(name)
            if b.kind == "var" and p is not None and p.kind in ("param", "arguments"):
                mark = self.next_reg
                kind, where = self.location(p)
                src = where if kind == "reg" else self.alloc()
                if kind != "reg":
                    self.emit(O["GETCELL"], src, where)
                self._store_direct(b, src)
                self.free_to(mark)
        self.init_lexicals(vscope)

    def enclosing_evalvars(self) -> int:
        """1 + the cell slot of the nearest enclosing function's eval vars, or 0."""
        f = self.info.parent
        while f is not None:
            if f.evalvars is not None:
                return self.cell_of(f.evalvars) + 1
            f = f.parent
        return 0

    def _store_direct(self, b: Binding, src: int) -> None:
        if b.captured:
            self.emit(O["SETCELL"], b.cell, src)
        elif b.reg != src:
            self.emit(O["MOVE"], b.reg, src)

    def function_value(self, node, dst: int | None = None, kind: str = "normal") -> int:
        info = self.unit.analysis.functions[id(node)]
        child = FunctionCompiler(self.unit, info, self, node)
        if node.type == "ArrowFunctionExpression":
            child.code.kind = "arrow"
        else:
            child.code.kind = kind
        child.code.generator = bool(getattr(node, "generator", False))
        child.code.is_async = bool(getattr(node, "is_async", False))
        code = child.compile_function(node)
        code.text = self.unit.source
        self.code.functions.append(code)
        r = self.alloc() if dst is None else dst
        name_scope = None
        if node.type == "FunctionExpression" and node.id is not None:
            name_scope = self.unit.analysis.scopes.get(id(node.id))
        if name_scope is not None:  # its own name, visible inside: a fresh cell per closure
            b = name_scope.bindings[node.id.name]
            if b.captured and b.scope.func is self.info:
                self.emit(O["NEWCELL"], b.cell)
            self.emit(O["CLOSURE"], r, len(self.code.functions) - 1)
            self._init_binding(b, node.id.name, r)
            return r
        self.emit(O["CLOSURE"], r, len(self.code.functions) - 1)
        return r

    def hoist_functions(self, body: list) -> None:
        """Function declarations are initialised when their scope is entered."""
        for stmt in body:
            decl = stmt
            if stmt.type in ("ExportNamedDeclaration", "ExportDefaultDeclaration"):
                decl = stmt.declaration
            if decl is not None and decl.type == "FunctionDeclaration":
                mark = self.next_reg
                r = self.function_value(decl)
                ident = decl.id
                b = self.unit.analysis.refs.get(id(ident))
                self._init_binding(b, ident.name, r)
                self.free_to(mark)

    def _init_binding(self, b: Binding | None, name: str, src: int) -> None:
        kind, where = self.location(b)
        if kind == "evalvar":
            hit = self.emit(O["SETDYN"], where, 1, self.const(name), src, 0)
            self.emit(O["SETGLOBAL"], self.const(name), src)
            self.patch(hit)
        elif kind == "global":
            self.emit(O["SETGLOBAL"], self.const(name), src)
        elif kind == "reg":
            if where != src:
                self.emit(O["MOVE"], where, src)
        else:
            self.emit(O["SETCELL"], where, src)

    def init_lexicals(self, scope: Scope) -> None:
        """A function body's let/const/class start uninitialised (the TDZ)."""
        for b in scope.bindings.values():
            if not b.lexical or b.global_name:
                continue
            if b.captured:
                r = self.alloc()
                self.emit(O["LOADHOLE"], r)
                self.emit(O["SETCELL"], b.cell, r)
                self.free_to(r)
            elif b.reg >= 0:
                self.emit(O["LOADHOLE"], b.reg)

    def enter_block(self, scope: Scope) -> None:
        """Fresh cells and TDZ markers for the lexical bindings of a block."""
        for b in scope.bindings.values():
            if b.global_name:
                continue
            if b.captured and b.scope.func is self.info:
                self.emit(O["NEWCELL"], b.cell)
                if b.lexical:
                    r = self.alloc()
                    self.emit(O["LOADHOLE"], r)
                    self.emit(O["SETCELL"], b.cell, r)
                    self.free_to(r)
            elif b.lexical and b.reg >= 0:
                self.emit(O["LOADHOLE"], b.reg)

    # ------------------------------------------------------------ statements

    def statement(self, node) -> None:
        self.mark_line(node)
        method = getattr(self, "s_" + node.type, None)
        if method is None:
            raise self.error(f"{node.type} is not supported yet", node)
        mark = self.next_reg
        if self.completion is not None and node.type in _UPDATE_EMPTY and \
                type(node) is not LoweredTry:
            # these statements complete with at least undefined (UpdateEmpty(C, undefined))
            self.emit(O["LOADUNDEF"], self.completion)
        method(node)
        self.free_to(mark)

    def finalizer(self, node) -> None:
        """A finally block: its normal completion leaves the completion value as it was."""
        if self.completion is None:
            self.statement(node)
            return
        keep = self.alloc()
        self.emit(O["MOVE"], keep, self.completion)
        self.emit(O["LOADUNDEF"], self.completion)  # an abrupt exit: UpdateEmpty(F, undefined)
        self.statement(node)
        self.emit(O["MOVE"], self.completion, keep)
        self.free_to(keep)

    def s_ExpressionStatement(self, node):
        if self.completion is not None:
            self.expr(node.expression, self.completion)
        else:
            self.effect(node.expression)

    def effect(self, node) -> None:
        """Evaluate ``node`` for its effects only: `x++` need not keep the old value,
        `a && f()` is `if (a) f()` and a sequence or `?:` keeps no value either."""
        mark = self.next_reg
        t = node.type
        if t == "LogicalExpression" and node.operator in ("&&", "||"):
            skip = self.branch(node.left, node.operator == "||")
            self.effect(node.right)
            self.patch_all(skip)
        elif t == "SequenceExpression":
            for e in node.expressions:
                self.effect(e)
                self.free_to(mark)
        elif t == "ConditionalExpression":
            jf = self.branch(node.test, False)
            self.effect(node.consequent)
            self.free_to(mark)
            je = self.emit(O["JMP"], 0)
            self.patch_all(jf)
            self.effect(node.alternate)
            self.patch(je)
        else:
            self.discarded = node
            self.expr(node)
        self.free_to(mark)

    def s_EmptyStatement(self, node):
        pass

    def s_DebuggerStatement(self, node):
        pass

    def s_VariableDeclaration(self, node):
        for d in node.declarations:
            if d.init is None:
                if node.kind == "var":
                    continue
                r = self.alloc()
                self.emit(O["LOADUNDEF"], r)
                self.bind_pattern(d.id, r, None, init=True)
                continue
            if d.id.type == "Identifier":
                b = self.unit.analysis.refs.get(id(d.id))
                kind, where = self.location(b)
                if kind == "reg":
                    self.expr_named(d.init, d.id.name, where)
                    continue
                r = self.expr_named(d.init, d.id.name)
                self.store_binding(d.id, r, init=True)
            else:
                r = self.expr(d.init)
                self.bind_pattern(d.id, r, None, init=True)

    def expr_named(self, node, name: str, dst: int | None = None) -> int:
        """An initialiser; anonymous functions and classes take the binding's name."""
        if node.type in ("FunctionExpression", "ArrowFunctionExpression") and (
                node.type == "ArrowFunctionExpression" or node.id is None):
            r = self.function_value(node, dst)
            self.code.functions[-1].name = name
            return r
        if node.type == "ClassExpression" and node.id is None:
            return self.class_value(node, dst, name)
        return self.expr(node, dst)

    def s_FunctionDeclaration(self, node):
        pass  # initialised when its scope was entered

    def s_ReturnStatement(self, node):
        leaving = bool(self.finally_stack) or any(lb.iterator is not None for lb in self.labels)
        if node.argument is None:
            r = None
        else:
            r = self.expr(node.argument)
            if self.code.generator and self.code.is_async:  # `return x` awaits x
                tmp = self.alloc()
                self.emit(O["AWAIT"], tmp, r)
                r = tmp
            elif leaving:
                tmp = self.alloc()
                self.emit(O["MOVE"], tmp, r)
                r = tmp
        if leaving:  # close for-of iterators and run finally blocks on the way out
            for label in reversed(self.labels):
                if label.iterator is not None:
                    self.close_iterator(label)
            self.run_finally_blocks(0)
        if r is None:
            self.emit(O["RETURNUNDEF"])
        else:
            self.emit(O["RETURN"], r)

    def s_ThrowStatement(self, node):
        self.emit(O["THROW"], self.expr(node.argument))

    def s_BlockStatement(self, node):
        scope = self.unit.analysis.scopes.get(id(node))
        if scope is not None and scope.kind == "block":
            self.enter_block(scope)
        self.hoist_functions(node.body)
        for stmt in node.body:
            self.statement(stmt)

    def s_IfStatement(self, node):
        jf = self.branch(node.test, False)
        self.statement(node.consequent)
        if node.alternate is not None:
            je = self.emit(O["JMP"], 0)
            self.patch_all(jf)
            self.statement(node.alternate)
            self.patch(je)
        else:
            self.patch_all(jf)

    def patch_all(self, jumps: list[int], target: int | None = None) -> None:
        for j in jumps:
            self.patch(j, target)

    def branch(self, node, when: bool) -> list[int]:
        """Compile ``node`` as a test: the returned jumps (to patch) are taken when its
        truth is ``when``, else control falls through. `!`, `&&` and `||` become jumps
        instead of values, and a `typeof` comparison one JTYPEIS/JNTYPEIS."""
        if node.type == "UnaryExpression" and node.operator == "!":
            return self.branch(node.argument, not when)
        if node.type == "LogicalExpression" and node.operator in ("&&", "||"):
            if (node.operator == "||") == when:  # either side alone decides
                return self.branch(node.left, when) + self.branch(node.right, when)
            skip = self.branch(node.left, not when)
            out = self.branch(node.right, when)
            self.patch_all(skip)
            return out
        mark = self.next_reg
        test = self.typeof_test(node)
        if test is not None:
            arg, name, positive = test
            v = self.expr(arg)
            self.free_to(mark)
            op = O["JTYPEIS"] if positive == when else O["JNTYPEIS"]
            return [self.emit(op, v, self.const(name), 0)]
        r = self.expr(node)
        self.free_to(mark)
        return [self.emit(O["JMPIF"] if when else O["JMPIFNOT"], r, 0)]

    def typeof_test(self, node):
        """``(operand, type name, positive)`` if ``node`` compares `typeof operand` with a
        string literal (==, ===, != or !==), else None. The literal has no effects, so
        the operand may run first whichever side it is on. An operand naming a global,
        or a name a with statement or sloppy eval may supply, is left to TYPEOFGLOBAL
        and its kin (no ReferenceError for an undeclared name)."""
        if node.type != "BinaryExpression" or node.operator not in ("==", "===", "!=", "!=="):
            return None
        for unary, lit in ((node.left, node.right), (node.right, node.left)):
            if unary.type == "UnaryExpression" and unary.operator == "typeof" and \
                    lit.type == "Literal" and isinstance(lit.value, str) and \
                    lit.regex is None and self.plain_operand(unary.argument):
                return unary.argument, lit.value, node.operator in ("==", "===")
        return None

    def plain_register(self, ident) -> int | None:
        """The register of a name that is an uncaptured, initialised, assignable local
        of this function (no with, no sloppy eval around), else None."""
        a = self.unit.analysis
        b = a.refs.get(id(ident))
        if id(ident) in a.withs or a.dynamic.get(id(ident)) is not None:
            return None
        kind, where = self.location(b)
        if kind != "reg" or b.kind == "const" or (b.tdz and self.needs_tdz(b, ident)):
            return None
        return where

    def plain_operand(self, node) -> bool:
        """Is `typeof node` just TYPEOF of the value ``node`` evaluates to?"""
        if node.type != "Identifier":
            return True
        a = self.unit.analysis
        b = a.refs.get(id(node))
        return b is not None and not b.global_name and not b.eval_var and \
            id(node) not in a.withs and a.dynamic.get(id(node)) is None

    def _loop(self, names: list[str] | None = None) -> _Label:
        label = _Label(names or [], True, len(self.finally_stack))
        self.labels.append(label)
        return label

    def _close_loop(self, label: _Label, cont: int, end: int) -> None:
        for j in label.continues:
            self.patch(j, cont)
        for j in label.breaks:
            self.patch(j, end)
        self.labels.pop()

    def pending_labels(self) -> list[str]:
        names = getattr(self, "_pending", [])
        self._pending = []
        return names

    def s_WhileStatement(self, node):
        label = self._loop(self.pending_labels())
        top = self.here()
        jf = self.branch(node.test, False)
        self.statement(node.body)
        self.emit(O["JMP"], top)
        self.patch_all(jf)
        self._close_loop(label, top, self.here())

    def s_DoWhileStatement(self, node):
        label = self._loop(self.pending_labels())
        top = self.here()
        self.statement(node.body)
        cont = self.here()
        self.patch_all(self.branch(node.test, True), top)
        self._close_loop(label, cont, self.here())

    def s_ForStatement(self, node):
        scope = self.unit.analysis.scopes.get(id(node))
        per_iteration = []
        if scope is not None:
            self.enter_block(scope)
            per_iteration = [b for b in scope.bindings.values() if b.captured
                             and b.kind == "let"]
        if node.init is not None:
            if node.init.type == "VariableDeclaration":
                self.statement(node.init)
            else:
                mark = self.next_reg
                self.expr(node.init)
                self.free_to(mark)
        self.copy_per_iteration(per_iteration)  # closures in the head keep the first copy
        label = self._loop(self.pending_labels())
        top = self.here()
        jf = []
        if node.test is not None:
            jf = self.branch(node.test, False)
        self.statement(node.body)
        cont = self.here()
        self.copy_per_iteration(per_iteration)
        if node.update is not None:
            mark = self.next_reg
            self.effect(node.update)
            self.free_to(mark)
        self.emit(O["JMP"], top)
        self.patch_all(jf)
        self._close_loop(label, cont, self.here())

    def copy_per_iteration(self, bindings: list) -> None:
        """CreatePerIterationEnvironment: the captured `let`s move into fresh cells."""
        for b in bindings:
            r = self.alloc()
            self.emit(O["GETCELL"], r, b.cell)
            self.emit(O["NEWCELL"], b.cell)
            self.emit(O["SETCELL"], b.cell, r)
            self.free_to(r)

    def _for_each(self, node, iterator_op: int) -> None:
        scope = self.unit.analysis.scopes.get(id(node))
        if scope is not None:
            self.enter_block(scope)
        source = self.expr(node.right)
        it = self.alloc()
        self.emit(iterator_op, it, source)
        label = self._loop(self.pending_labels())
        if iterator_op != O["FORINKEYS"]:
            label.iterator = it
        top = self.here()
        value = self.alloc()
        if iterator_op == O["GETASYNCITERATOR"]:  # for await: next() results are awaited
            label.async_iterator = True
            self.emit(O["ITERCALLNEXT"], value, it)
            self.emit(O["AWAIT"], value, value)
            step = self.emit(O["ITERRESULT"], value, value, 0)
        else:
            step = self.emit(O["ITERNEXT"], value, it, 0)
        body_start = self.here()
        if scope is not None:
            self.enter_block(scope)
        left = node.left
        if left.type == "VariableDeclaration":
            self.bind_pattern(left.declarations[0].id, value, None, init=True)
        else:
            self.assign_to(left, value)
        self.statement(node.body)
        self.emit(O["JMP"], top)
        if label.iterator is not None:
            self.close_on_throw(it, body_start)
        self.patch(step)
        end = self.here()
        self._close_loop(label, top, end)

    def close_on_throw(self, it: int, start: int) -> None:
        """An exception thrown from ``start`` to here closes iterator ``it`` (its
        return() is called, what that throws ignored), then goes on outward; so does a
        generator's return() (the handler is of the finally kind)."""
        end = self.here()
        over = self.emit(O["JMP"], 0)
        self.code.handlers.append((start, end, self.here(), "finally"))
        exc = self.alloc()
        self.emit(O["GETEXCEPTION"], exc)
        self.emit(O["ITERCLOSE"], it, 1)
        self.emit(O["THROW"], exc)
        self.free_to(exc)
        self.patch(over)

    def s_ForOfStatement(self, node):
        self._for_each(node, O["GETASYNCITERATOR"] if node.is_await else O["GETITERATOR"])

    def s_ForInStatement(self, node):
        self._for_each(node, O["FORINKEYS"])

    def s_LabeledStatement(self, node):
        names = [node.label.name]
        body = node.body
        while body.type == "LabeledStatement":
            names.append(body.label.name)
            body = body.body
        if body.type in ("ForStatement", "WhileStatement", "DoWhileStatement",
                         "ForInStatement", "ForOfStatement"):
            self._pending = names
            self.statement(body)
            return
        label = _Label(names, False, len(self.finally_stack))
        self.labels.append(label)
        self.statement(body)
        for j in label.breaks:
            self.patch(j)
        self.labels.pop()

    def _jump_target(self, node, is_continue: bool) -> _Label:
        for label in reversed(self.labels):
            if node.label is None:
                if label.loop or (not is_continue and getattr(label, "switch", False)):
                    return label
            elif node.label.name in label.names:
                return label
        raise self.error("Illegal break or continue", node)

    def s_BreakStatement(self, node):
        label = self._jump_target(node, False)
        self._leave_to(label)
        label.breaks.append(self.emit(O["JMP"], 0))

    def s_ContinueStatement(self, node):
        label = self._jump_target(node, True)
        self._leave_to(label, continuing=True)
        label.continues.append(self.emit(O["JMP"], 0))

    def _leave_to(self, label: _Label, continuing: bool = False) -> None:
        """Run what a jump out of nested constructs must: finally blocks, iterator close."""
        for inner in reversed(self.labels):
            if inner is label:
                break
            if inner.iterator is not None:
                self.close_iterator(inner)
        if label.iterator is not None and not continuing:
            self.close_iterator(label)
        self.run_finally_blocks(label.finally_depth)

    def close_iterator(self, label: _Label) -> None:
        """Leaving a for-of early closes its iterator (and awaits that, in for await)."""
        if label.async_iterator:
            r = self.alloc()
            self.emit(O["ASYNCITERCLOSE"], r, label.iterator)
            self.emit(O["AWAIT"], r, r)
            self.free_to(r)
        else:
            self.emit(O["ITERCLOSE"], label.iterator, 0)

    def run_finally_blocks(self, depth: int) -> None:
        """Inline the finally bodies between here and ``depth`` (innermost first)."""
        saved = self.finally_stack
        for i in range(len(saved) - 1, depth - 1, -1):
            entry = saved[i]
            self.finally_stack = saved[:i]
            entry["ranges"].append((entry["open"], self.here()))
            self.finalizer(entry["node"])
            entry["open"] = self.here()
        self.finally_stack = saved

    def s_SwitchStatement(self, node):
        disc = self.expr(node.discriminant)
        d = self.alloc()
        self.emit(O["MOVE"], d, disc)
        scope = self.unit.analysis.scopes.get(id(node))
        if scope is not None:
            self.enter_block(scope)
        label = _Label(self.pending_labels(), False, len(self.finally_stack))
        label.switch = True
        self.labels.append(label)
        jumps = []
        tmp = self.alloc()
        for case in node.cases:
            if case.test is not None:
                mark = self.next_reg
                t = self.expr(case.test)
                self.emit(O["SEQ"], tmp, d, t)
                self.free_to(mark)
                jumps.append(self.emit(O["JMPIF"], tmp, 0))
            else:
                jumps.append(None)
        default_jump = self.emit(O["JMP"], 0)
        for case in node.cases:
            self.hoist_functions(case.consequent)
        for case, j in zip(node.cases, jumps, strict=True):
            if j is None:
                self.patch(default_jump)
            else:
                self.patch(j)
            for stmt in case.consequent:
                self.statement(stmt)
        if all(j is not None for j in jumps):
            self.patch(default_jump)
        for j in label.breaks:
            self.patch(j)
        self.labels.pop()

    def s_TryStatement(self, node):
        has_finally = node.finalizer is not None
        entry = None
        if has_finally:
            entry = {"node": node.finalizer, "ranges": [], "open": self.here()}
            self.finally_stack.append(entry)
        if self.completion is not None:  # UpdateEmpty(C, undefined)
            self.emit(O["LOADUNDEF"], self.completion)
        start = self.here()
        self.statement(node.block)
        end = self.here()
        after_try = self.emit(O["JMP"], 0)
        if node.handler is not None:
            # the catch covers the block but not the finally copies inlined into it
            spans = [(start, end)] if entry is None else \
                [(max(s, start), e) for s, e in (*entry["ranges"], (entry["open"], end))]
            for s, e in spans:
                if s < e:
                    self.code.handlers.append((s, e, self.here()))
            self.catch_clause(node.handler)
        if has_finally:
            self.finally_stack.pop()
            entry["ranges"].append((entry["open"], self.here()))
            normal = self.here()
            self.patch(after_try)
            self.finalizer(node.finalizer)
            done = self.emit(O["JMP"], 0)
            handler = self.here()
            for s, e in entry["ranges"]:
                if s < e:
                    self.code.handlers.append((s, e, handler, "finally"))
            exc = self.alloc()
            self.emit(O["GETEXCEPTION"], exc)
            self.statement(node.finalizer)
            self.emit(O["THROW"], exc)
            self.patch(done)
            del normal
        else:
            self.patch(after_try)

    def s_WithStatement(self, node):
        scope = self.unit.analysis.scopes[id(node)]
        mark = self.next_reg
        obj = self.expr(node.object)
        if self.completion is not None:  # UpdateEmpty(C, undefined)
            self.emit(O["LOADUNDEF"], self.completion)
        self.enter_block(scope)
        w = scope.bindings["%with"]
        kind, where = self.location(w)
        if kind == "reg":
            self.emit(O["TOOBJECT"], where, obj)
        else:
            r = self.alloc()
            self.emit(O["TOOBJECT"], r, obj)
            self.emit(O["SETCELL"], where, r)
        self.free_to(mark)
        self.statement(node.body)

    # `using` declarations, lowered by compiler/using.py

    def e_UsingStack(self, node, dst):
        r = self.target(dst)
        self.emit(O["USINGSTACK"], r)
        return r

    def s_UsingAdd(self, node):
        stack = self.load_binding(node.stack)
        value = self.load_binding(node.value)
        self.emit(O["ADDUSING"], stack, value, 1 if node.is_await else 0)

    def s_UsingError(self, node):
        stack = self.load_binding(node.stack)
        self.emit(O["USINGERROR"], stack, self.load_binding(node.error))

    def s_UsingDispose(self, node):
        stack = self.load_binding(node.stack)
        if node.is_await:  # await each disposal in turn
            top = self.here()
            r = self.alloc()
            done = self.emit(O["DISPOSESTEP"], r, stack, 0)
            self.emit(O["AWAIT"], r, r)
            self.emit(O["JMP"], top)
            self.patch(done)
        self.emit(O["DISPOSE"], stack)

    def catch_clause(self, handler) -> None:
        scope = self.unit.analysis.scopes.get(id(handler))
        exc = self.alloc()
        self.emit(O["GETEXCEPTION"], exc)
        if scope is not None:
            self.enter_block(scope)
        if handler.param is not None:
            self.bind_pattern(handler.param, exc, scope, init=True)
        self.statement(handler.body)

    def s_ClassDeclaration(self, node):
        r = self.class_value(node)
        self.store_binding(node.id, r, init=True)

    # ------------------------------------------------------------ patterns

    def bind_pattern(self, target, value: int, scope, init: bool) -> None:
        """Bind (declare-initialise) or assign the pattern ``target`` from register ``value``."""
        t = target.type
        if t == "Identifier":
            if init:
                self.store_binding(target, value, init=True)
            else:
                self.store_binding(target, value)
            return
        if t == "MemberExpression":
            self.assign_member(target, value)
            return
        if t == "AssignmentPattern":
            mark = self.next_reg
            v = self.alloc()
            self.emit(O["MOVE"], v, value)
            done = self.emit(O["JMPNOTUNDEF"], v, 0)
            if target.left.type == "Identifier":
                self.expr_named(target.right, target.left.name, v)
            else:
                self.expr(target.right, v)
            self.patch(done)
            self.bind_pattern(target.left, v, scope, init)
            self.free_to(mark)
            return
        if t == "ArrayPattern":
            mark = self.next_reg
            it = self.alloc()
            self.emit(O["GETITERATOR"], it, value)
            body_start = self.here()
            for el in target.elements:
                elmark = self.next_reg
                if el is not None and el.type == "RestElement":
                    ref = self.target_reference(el.argument)
                    v = self.alloc()
                    self.emit(O["NEWARRAY"], v, 0, 0)
                    top = self.here()
                    item = self.alloc()
                    j = self.emit(O["ITERNEXT"], item, it, 0)
                    self.emit(O["ARRAYPUSH"], v, item)
                    self.emit(O["JMP"], top)
                    self.patch(j)
                    self.bind_target(el.argument, v, scope, init, ref)
                    break
                ref = self.target_reference(el)
                v = self.alloc()
                self.emit(O["LOADUNDEF"], v)
                j = self.emit(O["ITERNEXT"], v, it, 0)
                self.patch(j)
                if el is not None:
                    self.bind_target(el, v, scope, init, ref)
                self.free_to(elmark)
            else:
                self.emit(O["ITERCLOSE"], it, 0)
            self.close_on_throw(it, body_start)
            self.free_to(mark)
            return
        if t == "ObjectPattern":
            ok = self.emit(O["JMPNOTNULLISH"], value, 0)  # RequireObjectCoercible
            self.emit(O["THROWERROR"], ERR_TYPE,
                      self.const("Cannot destructure null or undefined"))
            self.patch(ok)
            mark = self.next_reg
            used = []
            for p in target.properties:
                v = self.alloc()
                if p.type == "RestElement":
                    keys = self.next_reg
                    for key in used:  # the excluded keys, as one run of registers
                        self.emit(O["MOVE"], self.alloc(), key)
                    self.emit(O["RESTOBJECT"], v, value, keys, len(used))
                    self.bind_pattern(p.argument, v, scope, init)
                    continue
                if p.computed:
                    k = self.alloc()
                    kr = self.expr(p.key)
                    self.emit(O["TOPROPERTYKEY"], k, kr)
                    ref = self.target_reference(p.value)
                    self.emit(O["GETELEM"], v, value, k)
                    used.append(k)
                else:
                    name = p.key.name if p.key.type == "Identifier" else _key_string(p.key)
                    ref = self.target_reference(p.value)
                    self.emit(O["GETPROP"], v, value, self.const(name))
                    k = self.alloc()
                    self.emit(O["LOADK"], k, self.const(name))
                    used.append(k)
                self.bind_target(p.value, v, scope, init, ref)
            self.free_to(mark)
            return
        raise self.error(f"{t} pattern is not supported yet", target)

    def target_reference(self, el):
        """A destructuring assignment target that is a property reference is evaluated
        before its value is fetched: its object and key registers, else None."""
        if el is not None and el.type == "AssignmentPattern":
            el = el.left
        if el is None or el.type != "MemberExpression" or el.object.type == "Super":
            return None
        obj = self.alloc()
        self.expr(el.object, obj)
        key = None
        if el.property.type == "PrivateIdentifier":
            key = self.alloc()
            self.load_private(self.unit.analysis.refs[id(el.property)], key)
        elif el.computed:
            key = self.alloc()
            self.expr(el.property, key)
        return obj, key

    def bind_target(self, el, value: int, scope, init: bool, ref) -> None:
        """Bind one element of a pattern; ``ref`` is its target_reference, if any."""
        if ref is None:
            self.bind_pattern(el, value, scope, init)
            return
        member = el
        if el.type == "AssignmentPattern":
            member = el.left
            done = self.emit(O["JMPNOTUNDEF"], value, 0)
            self.expr(el.right, value)
            self.patch(done)
        self.set_member(member, ref[0], ref[1], value)

    def assign_to(self, target, value: int) -> None:
        self.bind_pattern(target, value, None, init=False)

    def assign_member(self, target, value: int) -> None:
        mark = self.next_reg
        if target.object.type == "Super":  # super.x = v: [[Set]] with this as receiver
            key = self.alloc()
            if target.computed:
                self.expr(target.property, key)
            else:
                self.emit(O["LOADK"], key, self.const(target.property.name))
            self.emit(O["SETSUPER"], key, value)
            self.free_to(mark)
            return
        else:
            obj = self.expr(target.object)
        if target.property.type == "PrivateIdentifier":
            self.emit(O["SETPRIVATE"], obj, self.private_key(target.property), value)
        elif target.computed:
            key = self.expr(target.property)
            self.emit(O["SETELEM"], obj, key, value)
        else:
            self.emit(O["SETPROP"], obj, self.const(target.property.name), value)
        self.free_to(mark)

    # ------------------------------------------------------------ expressions

    def expr(self, node, dst: int | None = None) -> int:
        method = getattr(self, "e_" + node.type, None)
        if method is None:
            raise self.error(f"{node.type} is not supported yet", node)
        return method(node, dst)

    def target(self, dst: int | None) -> int:
        return self.alloc() if dst is None else dst

    def e_Literal(self, node, dst):
        r = self.target(dst)
        v = node.value
        if node.regex is not None:
            self.emit(O["NEWREGEXP"], r, self.const(node.regex["pattern"]),
                      self.const(node.regex["flags"]))
            return r
        if node.bigint is not None:
            self.emit(O["LOADK"], r, self.const(int(node.bigint)))
        elif v is None:
            self.emit(O["LOADNULL"], r)
        elif v is True:
            self.emit(O["LOADTRUE"], r)
        elif v is False:
            self.emit(O["LOADFALSE"], r)
        elif isinstance(v, float) and v.is_integer() and abs(v) < 2**31 and \
                not (v == 0 and str(v).startswith("-")):
            self.emit(O["LOADINT"], r, int(v))
        else:
            self.emit(O["LOADK"], r, self.const(v))
        return r

    def e_Identifier(self, node, dst):
        if node.name == "undefined" and self.unit.analysis.refs.get(id(node)) is None:
            r = self.target(dst)
            self.emit(O["LOADUNDEF"], r)
            return r
        return self.load_binding(node, dst)

    def e_ThisExpression(self, node, dst):
        b = self.unit.analysis.refs.get(id(node))
        if b is not None and b.scope.func is not self.info:
            r = self.target(dst)
            self.emit(O["GETCELL"], r, self.cell_of(b))
            owner = self.parent
            while isinstance(owner, FunctionCompiler) and owner.info is not b.scope.func:
                owner = owner.parent
            if isinstance(owner, FunctionCompiler) and owner.code.kind == "derived":
                self.emit(O["CHECKHOLE"], r, self.const("this"))
            return r
        r = self.target(dst)
        self.emit(O["LOADTHIS"], r)
        return r

    def e_TemplateLiteral(self, node, dst):
        r = self.target(dst)
        self.emit(O["LOADK"], r, self.const(node.quasis[0].value["cooked"]))
        mark = self.next_reg
        for expr, quasi in zip(node.expressions, node.quasis[1:], strict=True):
            v = self.expr(expr)
            s = self.alloc()
            self.emit(O["TOSTRING"], s, v)
            self.emit(O["ADD"], r, r, s)
            if quasi.value["cooked"]:
                self.emit(O["LOADK"], s, self.const(quasi.value["cooked"]))
                self.emit(O["ADD"], r, r, s)
            self.free_to(mark)
        return r

    def e_ArrayExpression(self, node, dst):
        r = self.target(dst)
        mark = self.next_reg
        simple = all(e is not None and e.type != "SpreadElement" for e in node.elements)
        if simple and len(node.elements) < 64:
            base = self.next_reg
            regs = [self.alloc() for _ in node.elements]
            for e, reg in zip(node.elements, regs, strict=True):
                self.expr(e, reg)
            self.emit(O["NEWARRAY"], r, base, len(regs))
            self.free_to(mark)
            return r
        self.emit(O["NEWARRAY"], r, 0, 0)
        self.fill_array(r, node.elements)
        return r

    def fill_array(self, r: int, elements: list) -> None:
        """Append elements (holes and spreads included) to the array in ``r``."""
        mark = self.next_reg
        for e in elements:
            if e is None:
                self.emit(O["ARRAYHOLE"], r)
            elif e.type == "SpreadElement":
                self.emit(O["ARRAYSPREAD"], r, self.expr(e.argument))
            else:
                self.emit(O["ARRAYPUSH"], r, self.expr(e))
            self.free_to(mark)

    def e_ObjectExpression(self, node, dst):
        r = self.target(dst)
        self.emit(O["NEWOBJECT"], r)
        mark = self.next_reg
        for p in node.properties:
            if p.type == "SpreadElement":
                self.emit(O["COPYPROPS"], r, self.expr(p.argument))
                self.free_to(mark)
                continue
            plain = p.kind == "init" and not p.method and not p.computed and not (
                p.key.type == "Identifier" and p.key.name == "__proto__" and not p.shorthand)
            if plain:  # `key: value` with a literal key: INITPROP
                v = self.expr_named(p.value, _key_string(p.key))
                self.emit(O["INITPROP"], r, self.const(_key_string(p.key)), v)
                self.free_to(mark)
                continue
            key = self.alloc()
            if p.computed:
                k = self.expr(p.key)
                self.emit(O["TOPROPERTYKEY"], key, k)
            elif p.kind != "init" or p.method:
                self.emit(O["LOADK"], key, self.const(_key_string(p.key)))
            named = 8 if p.computed else 0
            if p.kind == "init" and not p.method:
                name = _key_string(p.key) if not p.computed else ""
                if p.key.type == "Identifier" and p.key.name == "__proto__" and not p.computed \
                        and not p.shorthand:
                    v = self.expr(p.value)
                    self.emit(O["SETPROP"], r, self.const("__proto__"), v)
                elif p.computed and _is_anonymous_function(p.value):
                    v = self.expr(p.value)
                    self.emit(O["DEFMETHOD"], r, key, v, 4 | 8 | 16)
                else:
                    v = self.expr_named(p.value, name)
                    self.emit(O["DEFPROP"], r, key, v)
            else:
                fn = self.method_value(p.value, _key_string(p.key) if not p.computed else "",
                                       p.start)
                kind = {"init": 0, "get": 1, "set": 2}[p.kind]
                self.emit(O["DEFMETHOD"], r, key, fn, kind | 4 | (8 if kind else named))
            self.free_to(mark)
        return r

    def method_value(self, node, name: str, source_start: int = -1) -> int:
        """A method's closure; its source text starts at the method's name."""
        r = self.function_value(node, kind="method")
        code = self.code.functions[-1]
        code.name = name
        if source_start >= 0:
            code.source = (source_start, code.source[1])
        return r

    def e_FunctionExpression(self, node, dst):
        return self.function_value(node, dst)

    def e_ArrowFunctionExpression(self, node, dst):
        return self.function_value(node, dst)

    def e_ClassExpression(self, node, dst):
        return self.class_value(node, dst)

    def class_value(self, node, dst=None, inferred_name: str = "") -> int:
        """ClassDefinitionEvaluation: constructor, prototype, members, fields, statics."""
        scope = self.unit.analysis.scopes.get(id(node))
        if scope is not None:
            self.enter_block(scope)
        name = node.id.name if node.id is not None else inferred_name
        members = node.body.body
        if scope is not None:  # each evaluation of a class makes its private names anew
            for b in scope.bindings.values():
                if b.kind == "private":
                    r = self.alloc()
                    self.emit(O["NEWPRIVATE"], r, self.const(b.name))
                    self._init_binding(b, b.name, r)
                    self.free_to(r)
        F = self.target(dst)
        sup = self.alloc()
        if node.superClass is not None:
            self.expr(node.superClass, sup)
        else:
            self.emit(O["LOADHOLE"], sup)
        derived = node.superClass is not None
        ctor = next((m for m in members if m.type == "MethodDefinition"
                     and m.kind == "constructor"), None)
        kind = "derived" if derived else "constructor"
        if ctor is not None:
            self.function_value(ctor.value, F, kind=kind)
        else:
            self.code.functions.append(_default_constructor(derived))
            self.emit(O["CLOSURE"], F, len(self.code.functions) - 1)
        ctor_code = self.code.functions[-1]
        ctor_code.name = name
        ctor_code.text = self.unit.source
        ctor_code.source = (node.start, node.end)
        self.emit(O["DEFCLASS"], F, sup)
        proto = self.alloc()
        self.emit(O["GETPROP"], proto, F, self.const("prototype"))
        statics = []
        for m in members:
            if m.type == "MethodDefinition" and m.kind == "constructor":
                continue
            mark = self.next_reg
            if m.type == "StaticBlock":
                statics.append((m, None))
                continue
            key = self.alloc()
            private = m.key.type == "PrivateIdentifier"
            if private:
                self.load_private(scope.bindings["#" + m.key.name], key)
            elif m.computed:
                self.emit(O["TOPROPERTYKEY"], key, self.expr(m.key))
            else:
                self.emit(O["LOADK"], key, self.const(_key_string(m.key)))
            if m.type == "MethodDefinition":
                fn = self.method_value(m.value, _key_string(m.key) if not m.computed else "",
                                       self.member_source_start(m))
                flavour = {"method": 0, "get": 1, "set": 2}[m.kind]
                if private:
                    self.emit(O["ADDPRIVATEMETHOD"], F, key, fn, flavour + (3 if m.static else 0))
                else:
                    self.emit(O["DEFMETHOD"], F if m.static else proto, key, fn,
                              flavour | (8 if m.computed or flavour else 0))
                self.free_to(mark)
            elif m.static:
                statics.append((m, key))  # key register stays allocated
            else:
                fn = self.field_initialiser(m)
                self.emit(O["ADDFIELD"], F, key, fn)
                self.free_to(mark)
        if node.id is not None and scope is not None:
            inner = scope.bindings.get(node.id.name)
            if inner is not None:  # static elements already see the class by its name
                self._init_binding(inner, name, F)
        for m, key in statics:
            mark = self.next_reg
            value = self.alloc()
            if m.type == "PropertyDefinition" and m.value is None:
                self.emit(O["LOADUNDEF"], value)
            else:
                init = self.field_initialiser(m)
                self.emit(O["SETHOME"], init, F)  # `super` in a static element: F's parent
                this = self.alloc()
                self.emit(O["MOVE"], this, F)
                self.emit(O["CALL"], value, init, this, 0)
            if key is not None:  # CreateDataPropertyOrThrow (naming an anonymous function)
                named = 8 if m.computed and _anonymous_function(m.value) else 0
                self.emit(O["DEFMETHOD"], F, key, value, 4 | 16 | named)
            self.free_to(mark)
        self.free_to(F + 1 if dst is None else sup)  # the temporaries (an argument list
        return F  # of `new C(class {}, x)` goes on in the next register)

    def member_source_start(self, member) -> int:
        """Where a class method's source text starts: after `static`, if present."""
        start = member.start
        if member.static:
            text = self.unit.source
            start += len("static")
            while start < len(text) and text[start] in " \t\r\n":
                start += 1
        return start

    def field_initialiser(self, member) -> int:
        """A field's initialiser (or a static block) as a method called with the object."""
        r = self.alloc()
        fscope = self.unit.analysis.scopes.get(id(member))
        if fscope is None or (member.type == "PropertyDefinition" and member.value is None):
            self.emit(O["LOADUNDEF"], r)
            return r
        fake = fscope.func.node
        child = FunctionCompiler(self.unit, fscope.func, self, fake)
        child.code.kind = "method"
        child.field_init = True  # eval code in it may not use `arguments`
        if member.type == "PropertyDefinition" and not member.computed:
            key = member.key
            child.body_name = "#" + key.name if key.type == "PrivateIdentifier" \
                else _key_string(key)
        code = child.compile_function(fake)
        code.name = "<field>" if member.type == "PropertyDefinition" else "<static>"
        self.code.functions.append(code)
        self.emit(O["CLOSURE"], r, len(self.code.functions) - 1)
        return r

    def e_SequenceExpression(self, node, dst):
        mark = self.next_reg
        for e in node.expressions[:-1]:
            self.effect(e)
            self.free_to(mark)
        return self.expr(node.expressions[-1], dst)

    def e_UnaryExpression(self, node, dst):
        op = node.operator
        if op == "typeof" and node.argument.type == "Identifier":
            return self.typeof_identifier(node.argument, dst)
        if op == "delete":
            return self.delete(node.argument, dst)
        if op == "void":
            mark = self.next_reg
            self.expr(node.argument)
            self.free_to(mark)
            r = self.target(dst)
            self.emit(O["LOADUNDEF"], r)
            return r
        mark = self.next_reg
        a = self.expr(node.argument)
        if op == "+":  # ToNumber, not ToNumeric: `+1n` throws, as `1n * 1` does
            one = self.alloc()
            self.emit(O["LOADINT"], one, 1)
            self.free_to(mark)
            r = self.target(dst)
            self.emit(O["MUL"], r, a, one)
            return r
        self.free_to(mark)
        r = self.target(dst)
        self.emit(UNARY[op], r, a)
        return r

    def typeof_identifier(self, ident, dst):
        """typeof x: no ReferenceError for an unresolvable name."""
        r = self.target(dst)
        mark = self.next_reg
        hits = [self.emit(O["GETWITH"], r, obj, self.const(ident.name), 0)
                for obj in self.with_objects(ident)]
        b = self.unit.analysis.refs.get(id(ident))
        dynamic = self.unit.analysis.dynamic.get(id(ident))
        if dynamic is not None or (b is not None and b.eval_var):
            self.typeof_dynamic(ident, b, dynamic, r)
        elif b is None or b.global_name:
            self.emit(O["TYPEOFGLOBAL"], r, self.const(ident.name))
        else:
            self.emit(O["TYPEOF"], r, self.load_unwith(ident, r))
        if hits:
            done = self.emit(O["JMP"], 0)
            for hit in hits:
                self.patch(hit)
            self.emit(O["TYPEOF"], r, r)
            self.patch(done)
        self.free_to(mark)
        return r

    def typeof_dynamic(self, ident, b, dynamic, dst):
        """typeof of a name sloppy eval may have declared: its eval var if there is one."""
        r = self.target(dst)
        evalvars, depth = dynamic if dynamic is not None else (None, 1)
        cell = self.cell_of(evalvars) if evalvars is not None else self.location(b)[1]
        hit = self.emit(O["GETDYN"], r, cell, depth, self.const(ident.name), 0)
        if b is None or b.global_name or b.eval_var:
            self.emit(O["TYPEOFGLOBAL"], r, self.const(ident.name))
        else:
            self.emit(O["TYPEOF"], r, self.load_static(ident, b, ident.name, r))
        done = self.emit(O["JMP"], 0)
        self.patch(hit)
        self.emit(O["TYPEOF"], r, r)
        self.patch(done)
        return r

    def delete(self, arg, dst):
        r = self.target(dst)
        mark = self.next_reg
        if arg.type == "ChainExpression" and arg.expression.type == "MemberExpression":
            inner = arg.expression
            exits: list[int] = []
            obj = self.expr_chain(inner.object, exits)
            if inner.optional:
                exits.append(self.emit(O["JMPNULLISH"], obj, 0))
            if inner.computed:
                self.emit(O["DELELEM"], r, obj, self.expr(inner.property))
            else:
                self.emit(O["DELPROP"], r, obj, self.const(inner.property.name))
            if exits:  # a short-circuited chain deletes nothing and yields true
                done = self.emit(O["JMP"], 0)
                for j in exits:
                    self.patch(j)
                self.emit(O["LOADTRUE"], r)
                self.patch(done)
            self.free_to(mark)
            return r
        if arg.type == "MemberExpression" and arg.object.type == "Super":
            self.emit(O["LOADTHIS"], self.alloc())  # `this` must be bound
            if arg.computed:
                self.expr(arg.property)
            self.emit(O["THROWERROR"], ERR_REFERENCE,
                      self.const("Unsupported reference to 'super'"))
        elif arg.type == "MemberExpression":
            obj = self.expr(arg.object)
            if arg.computed:
                self.emit(O["DELELEM"], r, obj, self.expr(arg.property))
            else:
                self.emit(O["DELPROP"], r, obj, self.const(arg.property.name))
        elif arg.type == "Identifier":
            hits = [self.emit(O["DELWITH"], r, obj, self.const(arg.name), 0)
                    for obj in self.with_objects(arg)]
            b = self.unit.analysis.refs.get(id(arg))
            if b is None or (b.global_name and not b.lexical):  # a global object property
                self.emit(O["DELGLOBAL"], r, self.const(arg.name))
            else:
                self.emit(O["LOADFALSE"], r)
            for hit in hits:
                self.patch(hit)
        else:
            self.expr(arg)
            self.emit(O["LOADTRUE"], r)
        self.free_to(mark)
        return r

    def e_BinaryExpression(self, node, dst):
        mark = self.next_reg
        if node.left.type == "PrivateIdentifier":
            key = self.private_key(node.left)
            obj = self.expr(node.right)
            self.free_to(mark)
            r = self.target(dst)
            self.emit(O["HASPRIVATE"], r, key, obj)
            return r
        test = self.typeof_test(node)
        if test is not None:  # `typeof x == "string"`: one TYPEIS (and a NOT for !=)
            arg, name, positive = test
            v = self.expr(arg)
            self.free_to(mark)
            r = self.target(dst)
            self.emit(O["TYPEIS"], r, v, self.const(name))
            if not positive:
                self.emit(O["NOT"], r, r)
            return r
        left = self.expr(node.left)
        if left < mark and _writes_registers(node.right):  # `k < (k = 1)` reads the old k
            copy = self.alloc()
            self.emit(O["MOVE"], copy, left)
            left = copy
        right = self.expr(node.right)
        self.free_to(mark)
        r = self.target(dst)
        self.emit(BINARY[node.operator], r, left, right)
        return r

    def e_LogicalExpression(self, node, dst):
        r = self.target(dst)
        self.expr(node.left, r)
        op = node.operator
        jump = O["JMPIFNOT"] if op == "&&" else O["JMPIF"] if op == "||" else \
            O["JMPNOTNULLISH"]
        j = self.emit(jump, r, 0)
        self.expr(node.right, r)
        self.patch(j)
        return r

    def e_ConditionalExpression(self, node, dst):
        r = self.target(dst)
        jf = self.branch(node.test, False)
        self.expr(node.consequent, r)
        je = self.emit(O["JMP"], 0)
        self.patch_all(jf)
        self.expr(node.alternate, r)
        self.patch(je)
        return r

    def e_AssignmentExpression(self, node, dst):
        op = node.operator
        left = node.left
        if op == "=":
            if left.type == "Identifier" and id(left) in self.unit.analysis.withs:
                mark = self.next_reg
                base = self.with_reference(left)
                name = left.name if left.start == node.start else ""
                v = self.expr_named(node.right, name)
                self.store_reference(left, base, v)
                self.free_to(mark)
                r = self.target(dst)
                self.emit(O["MOVE"], r, v)
                return r
            if left.type == "Identifier":
                b = self.unit.analysis.refs.get(id(left))
                kind, where = self.location(b)
                name = left.name if left.start == node.start else ""  # not `(f) = ...`
                if kind == "reg" and not (b.tdz and self.needs_tdz(b, left)) \
                        and b.kind != "const":
                    self.expr_named(node.right, name, where)
                    if dst is not None and dst != where:
                        self.emit(O["MOVE"], dst, where)
                        return dst
                    return where
                v = self.expr_named(node.right, name, dst)
                self.store_binding(left, v)
                return v
            if left.type == "MemberExpression" and left.property.type == "PrivateIdentifier":
                mark = self.next_reg
                obj = self.alloc()
                self.expr(left.object, obj)
                key = self.private_key(left.property)
                v = self.expr(node.right)
                self.emit(O["SETPRIVATE"], obj, key, v)
                self.free_to(mark)
                r = self.target(dst)
                self.emit(O["MOVE"], r, v)
                return r
            if left.type == "MemberExpression" and left.object.type == "Super":
                mark = self.next_reg
                key = self.alloc()
                if self.code.kind == "derived":  # GetThisBinding comes first
                    self.emit(O["LOADTHIS"], key)
                if left.computed:  # the key converts after the right side ran
                    self.expr(left.property, key)
                else:
                    self.emit(O["LOADK"], key, self.const(left.property.name))
                v = self.expr(node.right)
                self.emit(O["SETSUPER"], key, v)
                self.free_to(mark)
                r = self.target(dst)
                self.emit(O["MOVE"], r, v)
                return r
            if left.type == "MemberExpression":
                mark = self.next_reg
                # a register local is copied only if what runs before the store could
                # assign it (nothing else can: register locals are never captured)
                later_writes = _writes_registers(node.right)
                obj = self.expr(left.object)
                if obj < mark and (later_writes or left.computed
                                   and _writes_registers(left.property)):
                    copy = self.alloc()
                    self.emit(O["MOVE"], copy, obj)
                    obj = copy
                key = None
                if left.computed:
                    key = self.expr(left.property)
                    if key < mark and later_writes:
                        copy = self.alloc()
                        self.emit(O["MOVE"], copy, key)
                        key = copy
                v = self.expr(node.right)
                if left.computed:
                    self.emit(O["SETELEM"], obj, key, v)
                else:
                    self.emit(O["SETPROP"], obj, self.const(left.property.name), v)
                self.free_to(mark)
                r = self.target(dst)
                if r != v:
                    self.emit(O["MOVE"], r, v)
                return r
            v = self.expr(node.right)
            keep = self.alloc()
            self.emit(O["MOVE"], keep, v)
            self.assign_to(left, keep)
            r = self.target(dst)
            self.emit(O["MOVE"], r, keep)
            return r
        # compound and logical assignment
        binop = op[:-1]
        if left.type == "Identifier" and binop not in ("&&", "||", "??") and \
                not _writes_registers(node.right):
            where = self.plain_register(left)
            if where is not None:  # `n += f`: nothing on the right can change n first
                mark = self.next_reg
                v = self.expr(node.right)
                self.emit(BINARY[binop], where, where, v)
                self.free_to(mark)
                if dst is not None and dst != where:
                    self.emit(O["MOVE"], dst, where)
                    return dst
                return where
        if left.type == "Identifier":
            r = self.target(dst)
            outer = self.next_reg
            base = self.with_reference(left)
            mark = self.next_reg
            cur = self.load_reference(left, base)
            if cur != r:
                self.emit(O["MOVE"], r, cur)
            self.free_to(mark)
            if binop in ("&&", "||", "??"):
                jump = O["JMPIFNOT"] if binop == "&&" else O["JMPIF"] if binop == "||" else \
                    O["JMPNOTNULLISH"]
                j = self.emit(jump, r, 0)
                self.expr_named(node.right, left.name, r)
                self.store_reference(left, base, r)
                self.patch(j)
                self.free_to(outer)
                return r
            mark = self.next_reg
            v = self.expr(node.right)
            self.emit(BINARY[binop], r, r, v)
            self.free_to(mark)
            self.store_reference(left, base, r)
            self.free_to(outer)
            return r
        mark = self.next_reg
        obj, key = self.member_reference(left, node.right)
        cur = self.alloc()
        self.get_member(left, cur, obj, key)
        j = None
        if binop in ("&&", "||", "??"):
            jump = O["JMPIFNOT"] if binop == "&&" else O["JMPIF"] if binop == "||" else \
                O["JMPNOTNULLISH"]
            j = self.emit(jump, cur, 0)
            self.expr(node.right, cur)
        else:
            v = self.expr(node.right)
            self.emit(BINARY[binop], cur, cur, v)
        self.set_member(left, obj, key, cur)
        if j is not None:
            self.patch(j)
        self.free_to(mark)
        r = self.target(dst)
        self.emit(O["MOVE"], r, cur)
        return r

    def e_UpdateExpression(self, node, dst):
        op = O["INC"] if node.operator == "++" else O["DEC"]
        arg = node.argument
        old_used = not node.prefix and self.discarded is not node  # INC does ToNumeric
        r = self.target(dst)
        mark = self.next_reg
        if arg.type == "Identifier":
            base = self.with_reference(arg)
            cur = self.load_reference(arg, base)
            old = self.alloc()
            if old_used:
                self.emit(O["TONUMERIC"], old, cur)
            else:
                old = cur
            new = self.alloc()
            self.emit(op, new, old)
            self.store_reference(arg, base, new)
            self.emit(O["MOVE"], r, new if node.prefix else old)
            self.free_to(mark)
            return r
        obj, key = self.member_reference(arg)
        old = self.alloc()
        self.get_member(arg, old, obj, key)
        if old_used:
            self.emit(O["TONUMERIC"], old, old)
        new = self.alloc()
        self.emit(op, new, old)
        self.set_member(arg, obj, key, new)
        self.emit(O["MOVE"], r, new if node.prefix else old)
        self.free_to(mark)
        return r

    def _super_key(self, member) -> int:
        key = self.alloc()
        if self.code.kind == "derived":  # GetThisBinding comes first: before super()?
            self.emit(O["LOADTHIS"], key)
        if member.computed:
            self.emit(O["TOPROPERTYKEY"], key, self.expr(member.property))
        else:
            self.emit(O["LOADK"], key, self.const(member.property.name))
        return key

    def member_reference(self, member, later=None) -> tuple[int | None, int | None]:
        """Evaluate a member target's object and key once (for `+=`, `++`); a super
        reference has no object register (None). A register local is used in place
        unless the key or ``later`` (the right side) could assign it."""
        if member.object.type == "Super":
            return None, self._super_key(member)
        mark = self.next_reg
        obj = self.expr(member.object)
        if obj < mark and (member.computed and _writes_registers(member.property)
                           or later is not None and _writes_registers(later)):
            copy = self.alloc()
            self.emit(O["MOVE"], copy, obj)
            obj = copy
        key = None
        if member.property.type == "PrivateIdentifier":
            key = self.private_key(member.property)
        elif member.computed:
            key = self.alloc()
            raw = self.expr(member.property)
            # the base must be an object before the key is converted (GetValue's ToObject)
            ok = self.emit(O["JMPNOTNULLISH"], obj, 0)
            self.emit(O["THROWERROR"], ERR_TYPE,
                      self.const("Cannot read properties of null or undefined"))
            self.patch(ok)
            self.emit(O["TOPROPERTYKEY"], key, raw)
        return obj, key

    def get_member(self, member, dst: int, obj: int | None, key: int | None) -> None:
        if obj is None:
            self.emit(O["GETSUPER"], dst, key)
        elif member.property.type == "PrivateIdentifier":
            self.emit(O["GETPRIVATE"], dst, obj, key)
        elif member.computed:
            self.emit(O["GETELEM"], dst, obj, key)
        else:
            self.emit(O["GETPROP"], dst, obj, self.const(member.property.name))

    def set_member(self, member, obj: int | None, key: int | None, value: int) -> None:
        if obj is None:
            self.emit(O["SETSUPER"], key, value)
        elif member.property.type == "PrivateIdentifier":
            self.emit(O["SETPRIVATE"], obj, key, value)
        elif member.computed:
            self.emit(O["SETELEM"], obj, key, value)
        else:
            self.emit(O["SETPROP"], obj, self.const(member.property.name), value)

    def e_MetaProperty(self, node, dst):
        if node.meta.name == "new":
            r = self.target(dst)
            self.emit(O["NEWTARGET"], r)
            return r
        r = self.target(dst)
        self.emit(O["IMPORTMETA"], r)
        return r

    def e_ImportExpression(self, node, dst):
        mark = self.next_reg
        spec = self.expr(node.source, self.alloc())
        options = self.alloc()
        if node.options is None:
            self.emit(O["LOADUNDEF"], options)
        else:
            self.expr(node.options, options)
        self.free_to(mark)
        r = self.target(dst)
        self.emit(O["IMPORTCALL"], r, spec, options, 1 if node.phase == "source" else 0)
        return r

    def load_private(self, b: Binding, dst: int | None = None) -> int:
        kind, where = self.location(b)
        r = self.alloc() if dst is None else dst
        if kind == "reg":
            self.emit(O["MOVE"], r, where)
        else:
            self.emit(O["GETCELL"], r, where)
        return r

    def private_key(self, ident) -> int:
        return self.load_private(self.unit.analysis.refs[id(ident)])

    def e_MemberExpression(self, node, dst, chain_exit: list | None = None):
        mark = self.next_reg
        if node.property.type == "PrivateIdentifier":
            obj = self.expr_chain(node.object, chain_exit)
            if node.optional:
                chain_exit.append(self.emit(O["JMPNULLISH"], obj, 0))
            key = self.private_key(node.property)
            self.free_to(mark)
            r = self.target(dst)
            self.emit(O["GETPRIVATE"], r, obj, key)
            return r
        if node.object.type == "Super":
            key = self._super_key(node)
            self.free_to(mark)
            r = self.target(dst)
            self.emit(O["GETSUPER"], r, key)
            return r
        obj = self.expr_chain(node.object, chain_exit)
        if node.optional:
            chain_exit.append(self.emit(O["JMPNULLISH"], obj, 0))
        if node.computed:
            key = self.expr(node.property)
            self.free_to(mark)
            r = self.target(dst)
            self.emit(O["GETELEM"], r, obj, key)
        else:
            self.free_to(mark)
            r = self.target(dst)
            self.emit(O["GETPROP"], r, obj, self.const(node.property.name))
        return r

    def expr_chain(self, node, chain_exit, dst: int | None = None):
        if chain_exit is not None and node.type == "MemberExpression":
            return self.e_MemberExpression(node, dst, chain_exit)
        if chain_exit is not None and node.type == "CallExpression":
            return self.e_CallExpression(node, dst, chain_exit)
        return self.expr(node, dst)

    def e_ChainExpression(self, node, dst):
        r = self.target(dst)
        exits: list[int] = []
        inner = node.expression
        if inner.type == "MemberExpression":
            self.e_MemberExpression(inner, r, exits)
        else:
            self.e_CallExpression(inner, r, exits)
        if exits:
            done = self.emit(O["JMP"], 0)
            for j in exits:
                self.patch(j)
            self.emit(O["LOADUNDEF"], r)
            self.patch(done)
        return r

    def e_CallExpression(self, node, dst, chain_exit: list | None = None):
        callee = node.callee
        mark = self.next_reg
        if id(node) in self.unit.analysis.evals:
            return self.direct_eval(node, dst)
        if callee.type == "Super":
            b = self.unit.analysis.refs.get(id(node))
            if b is not None and b.scope.func is not self.info:  # in an arrow
                self.code.this_cell = self.cell_of(b)
            if any(a.type == "SpreadElement" for a in node.arguments):
                arr = self.array_of_arguments(node.arguments)
                self.free_to(mark)
                r = self.target(dst)
                self.emit(O["SUPERCALLSPREAD"], r, arr)
                return r
            base = self.next_reg
            for a in node.arguments:
                self.expr(a, self.alloc())
            self.free_to(mark)
            r = self.target(dst)
            self.emit(O["SUPERCALL"], r, base, len(node.arguments))
            return r
        if callee.type == "ChainExpression" and callee.expression.type == "MemberExpression":
            # `(o?.m)()`: still a method call on o, unless the chain short-circuits
            fn = self.alloc()
            this = self.alloc()
            inner = callee.expression
            exits: list[int] = []
            obj = self.expr_chain(inner.object, exits)
            if inner.optional:
                exits.append(self.emit(O["JMPNULLISH"], obj, 0))
            self.emit(O["MOVE"], this, obj)
            key = self.private_key(inner.property) if inner.property.type == \
                "PrivateIdentifier" else (self.expr(inner.property) if inner.computed else None)
            self.get_member(inner, fn, this, key)
            if exits:
                done = self.emit(O["JMP"], 0)
                for j in exits:
                    self.patch(j)
                self.emit(O["LOADUNDEF"], fn)
                self.emit(O["LOADUNDEF"], this)
                self.patch(done)
            self.free_to(this + 1)
            return self.call_with_arguments(fn, this, node.arguments, mark, dst)
        if callee.type == "MemberExpression" and callee.object.type == "Super":
            fn = self.alloc()
            this = self.alloc()
            self.emit(O["GETSUPER"], fn, self._super_key(callee))
            self.emit(O["LOADTHIS"], this)
            self.free_to(this + 1)
            return self.call_with_arguments(fn, this, node.arguments, mark, dst)
        spread = any(a.type == "SpreadElement" for a in node.arguments)
        if not spread and not node.optional:
            if callee.type == "MemberExpression" and not callee.computed and \
                    callee.property.type == "Identifier" and \
                    all(self.pure_argument(a) for a in node.arguments):
                # nothing the arguments do can tell when the method was read
                few = len(node.arguments) <= 2
                obj = None if few else self.alloc()
                v = self.expr_chain(callee.object, chain_exit, obj)
                if callee.optional:
                    chain_exit.append(self.emit(O["JMPNULLISH"], v, 0))
                if few:
                    return self.call_registers(v, node.arguments, mark, dst,
                                               callee.property.name)
                return self.call_run(O["CALLPROP"], obj, node.arguments, mark, dst,
                                     callee.property.name)
            if callee.type != "MemberExpression" and not (
                    callee.type == "Identifier" and id(callee) in self.unit.analysis.withs):
                if len(node.arguments) <= 2:
                    safe = not any(_writes_registers(a) for a in node.arguments)
                    fn = self.expr_chain(callee, chain_exit, None if safe else self.alloc())
                    return self.call_registers(fn, node.arguments, mark, dst)
                fn = self.alloc()
                v = self.expr_chain(callee, chain_exit)
                if v != fn:
                    self.emit(O["MOVE"], fn, v)
                return self.call_run(O["CALLFN"], fn, node.arguments, mark, dst)
        fn = self.alloc()
        this = self.alloc()
        if callee.type == "MemberExpression":
            obj = self.expr_chain(callee.object, chain_exit)
            self.emit(O["MOVE"], this, obj)
            if callee.optional:
                chain_exit.append(self.emit(O["JMPNULLISH"], this, 0))
            if callee.property.type == "PrivateIdentifier":
                self.emit(O["GETPRIVATE"], fn, this, self.private_key(callee.property))
            elif callee.computed:
                key = self.expr(callee.property)
                self.emit(O["GETELEM"], fn, this, key)
            else:
                self.emit(O["GETPROP"], fn, this, self.const(callee.property.name))
            self.free_to(this + 1)
        elif callee.type == "Identifier" and id(callee) in self.unit.analysis.withs:
            # a function found on a with object is called with that object as this
            self.emit(O["LOADUNDEF"], this)
            objs = self.with_objects(callee)
            hits = [self.emit(O["GETWITH"], fn, obj, self.const(callee.name), 0)
                    for obj in objs]
            self.load_unwith(callee, fn)
            done = [self.emit(O["JMP"], 0)]
            for hit, obj in zip(hits, objs, strict=True):
                self.patch(hit)
                self.emit(O["MOVE"], this, obj)
                done.append(self.emit(O["JMP"], 0))
            for j in done:
                self.patch(j)
            self.free_to(this + 1)
        else:
            v = self.expr_chain(callee, chain_exit)
            if v != fn:
                self.emit(O["MOVE"], fn, v)
            self.free_to(this + 1)
            self.emit(O["LOADUNDEF"], this)
        if node.optional:
            chain_exit.append(self.emit(O["JMPNULLISH"], fn, 0))
        if spread:
            arr = self.array_of_arguments(node.arguments)
            self.free_to(mark)
            r = self.target(dst)
            self.emit(O["CALLSPREAD"], r, fn, this, arr)
            return r
        return self.call_with_arguments(fn, this, node.arguments, mark, dst)

    def call_run(self, op: int, base: int, args: list, mark: int, dst,
                 *key: str) -> int:
        """CALLFN/CALLPROP of r[base] with the arguments evaluated into the registers
        after it (the key's constant is made after theirs: constants in order of use)."""
        self.free_to(base + 1)
        for a in args:
            self.expr(a, self.alloc())
        self.free_to(mark)
        r = self.target(dst)
        self.emit(op, r, base, *(self.const(k) for k in key), len(args))
        return r

    def call_registers(self, fn: int, args: list, mark: int, dst, *key: str) -> int:
        """CALLFN0-2 or CALLPROP0-2 (with a ``key``) naming each argument's register: a
        local is read in place unless a later argument could assign it."""
        regs = []
        for i, a in enumerate(args):
            later_safe = not any(_writes_registers(b) for b in args[i + 1:])
            regs.append(self.expr(a) if later_safe else self.expr(a, self.alloc()))
        self.free_to(mark)
        r = self.target(dst)
        if len(regs) == 2 and regs == [fn + 1, fn + 2]:  # already a window: one byte less
            window = O["CALLPROP"] if key else O["CALLFN"]
            self.emit(window, r, fn, *(self.const(k) for k in key), 2)
        elif key:
            self.emit(_CALLPROP_N[len(args)], r, fn, self.const(key[0]), *regs)
        else:
            self.emit(_CALLFN_N[len(args)], r, fn, *regs)
        return r

    def pure_argument(self, node) -> bool:
        """Can evaluating ``node`` neither throw nor run code, nor see anything that
        code could change (a literal, a function, a register local past its TDZ)?"""
        t = node.type
        if t in ("Literal", "FunctionExpression", "ArrowFunctionExpression"):
            return True
        if t == "ThisExpression":  # bound once, except by super() in derived constructors
            b = self.unit.analysis.refs.get(id(node))
            return self.code.kind != "derived" and (b is None or b.scope.func is self.info)
        if t == "TemplateLiteral":
            return not node.expressions
        if t == "UnaryExpression":
            return node.operator == "-" and node.argument.type == "Literal" and \
                type(node.argument.value) in (int, float)
        if t != "Identifier" or id(node) in self.unit.analysis.withs or \
                id(node) in self.unit.analysis.dynamic:
            return False
        b = self.unit.analysis.refs.get(id(node))
        if b is None:
            return node.name == "undefined"
        return not b.eval_var and self.location(b)[0] == "reg" and not (
            b.tdz and self.needs_tdz(b, node))

    def call_with_arguments(self, fn: int, this: int, args: list, mark: int, dst) -> int:
        """CALL r[fn] with r[this] and the arguments evaluated into the next registers."""
        for a in args:
            self.expr(a, self.alloc())
        self.free_to(mark)
        r = self.target(dst)
        self.emit(O["CALL"], r, fn, this, len(args))
        return r

    def direct_eval(self, node, dst):
        """eval(...) through the name eval: EVAL runs it as direct eval when the callee
        is the Global's own eval, with a site describing what the code may see."""
        mark = self.next_reg
        fn = self.alloc()
        self.load_binding(node.callee, fn)
        if any(a.type == "SpreadElement" for a in node.arguments):  # eval(...args)
            arr = self.array_of_arguments(node.arguments)
            site = self.eval_site(node)
            self.free_to(mark)
            r = self.target(dst)
            self.emit(O["EVALSPREAD"], r, fn, arr, self.const(site))
            return r
        base = self.next_reg
        for a in node.arguments:
            self.expr(a, self.alloc())
        site = self.eval_site(node)
        self.free_to(mark)
        r = self.target(dst)
        self.emit(O["EVAL"], r, fn, base, len(node.arguments), self.const(site))
        return r

    def eval_site(self, node) -> EvalSite:
        scope, evalvars, depth = self.unit.analysis.evals[id(node)]
        names: list[tuple[str, int, str, str]] = []
        privates: list[str] = []
        seen: set[str] = set()
        this_cell = -1
        s = scope
        while s is not None:
            for name, b in s.bindings.items():
                if name in seen or b.global_name:
                    continue
                seen.add(name)
                if b.kind == "this":
                    if b.scope.func is not self.info:
                        this_cell = self.cell_of(b)
                    continue
                if b.kind == "evalvars":
                    continue
                if name.startswith("#"):
                    privates.append(name[1:])
                if b.scope.func is self.info:
                    level = "var" if s.kind in ("function", "body") and not b.lexical \
                        else "lex"
                else:
                    level = getattr(b, "level", None) or "outer"
                names.append((name, self.cell_of(b), b.kind, level))
            s = s.parent
        fc = self
        while fc.code.kind == "arrow" and isinstance(fc.parent, FunctionCompiler):
            fc = fc.parent
        inherited = fc.parent.site if isinstance(fc.parent, _Caller) else EvalSite()
        kind = fc.code.kind
        in_function = kind not in ("script", "arrow") or inherited.new_target
        own = self.parent.site if isinstance(self.parent, _Caller) else EvalSite()
        return EvalSite(
            names=tuple(names), strict=self.info.strict,
            function=self.code.kind != "script" or own.function,
            evalvars=self.cell_of(evalvars) if evalvars is not None else -1, depth=depth,
            this_cell=this_cell, new_target=in_function or inherited.new_target,
            super_prop=kind in ("method", "constructor", "derived") or inherited.super_prop,
            super_call=kind == "derived" or inherited.super_call,
            args_banned=fc.field_init or inherited.args_banned,
            in_params=self.in_parameters(node),
            privates=tuple(privates))

    def in_parameters(self, node) -> bool:
        """Whether ``node`` lies in this function's parameter list (before its body; a
        script's or module's body is a list of statements, not a node)."""
        body = getattr(self.node, "body", None)
        return self.code.kind != "script" and hasattr(body, "start") and \
            node.start < body.start

    def array_of_arguments(self, args) -> int:
        arr = self.alloc()
        self.emit(O["NEWARRAY"], arr, 0, 0)
        self.fill_array(arr, args)
        return arr

    def e_NewExpression(self, node, dst):
        mark = self.next_reg
        fn = self.alloc()
        self.expr(node.callee, fn)
        if any(a.type == "SpreadElement" for a in node.arguments):
            arr = self.array_of_arguments(node.arguments)
            self.free_to(mark)
            r = self.target(dst)
            self.emit(O["NEWSPREAD"], r, fn, arr)
            return r
        base = self.next_reg
        for a in node.arguments:
            self.expr(a, self.alloc())
        self.free_to(mark)
        r = self.target(dst)
        self.emit(O["NEW"], r, fn, base, len(node.arguments))
        return r

    def e_YieldExpression(self, node, dst):
        mark = self.next_reg
        if node.argument is None:
            v = self.alloc()
            self.emit(O["LOADUNDEF"], v)
        else:
            v = self.expr(node.argument)
        if self.code.is_async and not node.delegate:  # an async generator awaits it first
            t = self.alloc()
            self.emit(O["AWAIT"], t, v)
            v = t
        self.free_to(mark)
        r = self.target(dst)
        self.emit(O["YIELDSTAR"] if node.delegate else O["YIELD"], r, v)
        return r

    def e_AwaitExpression(self, node, dst):
        mark = self.next_reg
        v = self.expr(node.argument)
        self.free_to(mark)
        r = self.target(dst)
        self.emit(O["AWAIT"], r, v)
        return r

    def e_TaggedTemplateExpression(self, node, dst):
        """tag`...`: a call whose first argument is the site's template object."""
        quasis = node.quasi.quasis
        site = TemplateSite(tuple(q.value["cooked"] for q in quasis),
                            tuple(_normalize_raw(q.value["raw"]) for q in quasis))
        template = _TemplateObject(node.quasi.start, node.quasi.end, site)
        call = A.CallExpression(node.start, node.end, node.tag,
                                [template, *node.quasi.expressions], False)
        return self.e_CallExpression(call, dst)

    def e_TemplateObject(self, node, dst):
        r = self.target(dst)
        self.emit(O["GETTEMPLATE"], r, self.const(node.site))
        return r


class _TemplateObject:
    """A call argument standing for a tagged template's template object."""

    type = "TemplateObject"

    def __init__(self, start: int, end: int, site: TemplateSite) -> None:
        self.start, self.end, self.site = start, end, site


def _normalize_raw(raw: str) -> str:
    """TRV: line terminators CR and CRLF in template source read as LF."""
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def _default_constructor(derived: bool) -> Code:
    """`constructor() {}` or `constructor(...args) { super(...args) }`, as code."""
    if derived:
        return Code("", registers=2, kind="derived",
                    code=[(O["RESTARGS"], 0), (O["SUPERCALLSPREAD"], 1, 0), (O["RETURNUNDEF"],)],
                    strict=True)
    return Code("", registers=0, kind="constructor", code=[(O["INITFIELDS"],),
                                                           (O["RETURNUNDEF"],)], strict=True)


def _anonymous_function(node) -> bool:
    """IsAnonymousFunctionDefinition: takes its name from where it is stored."""
    return node is not None and (node.type == "ArrowFunctionExpression" or (
        node.type in ("FunctionExpression", "ClassExpression") and node.id is None))


def _key_string(key) -> str:
    if key.type == "Identifier":
        return key.name
    if key.type == "Literal":
        v = key.value
        if isinstance(v, str):
            return v
        if key.bigint is not None:
            return key.bigint
        from math import isinf, isnan

        if isinstance(v, float):
            if isnan(v):
                return "NaN"
            if isinf(v):
                return "Infinity" if v > 0 else "-Infinity"
            if v.is_integer() and abs(v) < 1e21:
                return str(int(v))
            return _js_number_key(v)
        return str(v)
    if key.type == "PrivateIdentifier":
        return "#" + key.name
    raise ValueError(key.type)


def _js_number_key(v: float) -> str:
    text = repr(v)
    if "e" in text:
        mant, exp = text.split("e")
        exp_i = int(exp)
        return f"{mant}e{'+' if exp_i > 0 else '-'}{abs(exp_i)}"
    return text


def _is_anonymous_function(node) -> bool:
    """IsAnonymousFunctionDefinition: a function or class expression without a name."""
    return node.type == "ArrowFunctionExpression" or (
        node.type in ("FunctionExpression", "ClassExpression") and node.id is None)


def _writes_registers(node) -> bool:
    """Could evaluating ``node`` assign a register local of the function it is in? Only
    its own assignments can: nested functions see captured bindings, kept in cells."""
    t = node.type
    if t in ("AssignmentExpression", "UpdateExpression", "ClassExpression"):
        return True
    if t in ("FunctionExpression", "ArrowFunctionExpression", "TemplateObject"):
        return False
    return any(_writes_registers(child) for child in A.iter_children(node))


__all__ = ["compile_script", "CompileError", "pattern_names"]
