"""Module code: the static record of a module (ECMA-262 §16.2.1.7 ParseModule) and its code.

``compile_module(text)`` gives a :class:`CompiledModule`: the module's requests, import
and export entries (the tables Link and ResolveExport read), and one :class:`Code` for
its top level. That record holds nothing of any run, so one compiled module can be
instantiated by many module maps (Compartments, Globals): it is what a ``ModuleSource``
wraps.

How the code reaches its bindings: every top-level binding of a module (its ``var``,
``let``, ``const``, ``class`` and function names, its imports, ``*default*`` and
``this``) is a closure cell that the *host* supplies when it instantiates the module,
in the order of ``env_names``. An exported binding is therefore a cell another
module's code can read; an import binding is the exporting module's very cell, which
makes imports live without any indirection at run time. The top-level code starts by
making its hoisted functions, then executes ``MODULEBODY``, which suspends it: the VM
runs that prologue when it initialises the environment (so functions are callable
across a cycle before any module body runs) and resumes the frame to evaluate it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import ast as A
from .bytecode.code import Code
from .bytecode.isa import OPCODE as O
from .codegen import FunctionCompiler, _Unit
from .errors import JSSyntaxError
from .parser import parse
from .scope import Analysis, _Resolver

DEFAULT_LOCAL = "*default*"  # the local binding of `export default <expression>`
SUPPORTED_ATTRIBUTES = ("type",)  # HostGetSupportedImportAttributes


@dataclass(frozen=True)
class ModuleRequest:
    """A ModuleRequest Record: the specifier and the import attributes, sorted by key."""

    specifier: str
    attributes: tuple[tuple[str, str], ...] = ()

    def attribute(self, key: str) -> str | None:
        for k, v in self.attributes:
            if k == key:
                return v
        return None


@dataclass(frozen=True)
class ImportEntry:
    """``import_name`` is the exported name, or None for a namespace import."""

    request: int  # index into ``CompiledModule.requests``
    import_name: str | None
    local_name: str
    phase: str = "evaluation"  # or "source" (`import source x from "m"`)


@dataclass(frozen=True)
class ExportEntry:
    """One export. Local: ``local_name`` set. Indirect: ``request`` set and
    ``import_name`` the re-exported name (None: the namespace, `export * as ns`).
    Star (`export * from`): ``request`` set, ``export_name`` None."""

    export_name: str | None
    request: int | None = None
    import_name: str | None = None
    local_name: str | None = None
    phase: str = "evaluation"  # "source": re-exports an `import source` binding


@dataclass
class CompiledModule:
    """A module's static record plus its compiled top-level code."""

    code: Code
    requests: list[ModuleRequest] = field(default_factory=list)
    imports: list[ImportEntry] = field(default_factory=list)
    local_exports: list[ExportEntry] = field(default_factory=list)
    indirect_exports: list[ExportEntry] = field(default_factory=list)
    star_exports: list[ExportEntry] = field(default_factory=list)
    env_names: list[str] = field(default_factory=list)  # the cells the host supplies
    lexical_names: frozenset = frozenset()  # of env_names: those that start uninitialised
    has_tla: bool = False
    needs_import: bool = False  # uses dynamic import()
    needs_import_meta: bool = False
    source: str = ""

    # -- static analysis as ModuleSource and @endo/module-source expose it ------------

    @property
    def import_specifiers(self) -> list[str]:
        """``imports``: every specifier this module requests, first appearance first."""
        out: list[str] = []
        for r in self.requests:
            if r.specifier not in out:
                out.append(r.specifier)
        return out

    @property
    def export_names(self) -> list[str]:
        """``exports``: the names this module exports itself (not through `export *`)."""
        return [e.export_name for e in self.local_exports + self.indirect_exports]

    @property
    def reexport_specifiers(self) -> list[str]:
        """``reexports``: the specifiers of `export * from`."""
        return [self.requests[e.request].specifier for e in self.star_exports]

    def bindings(self) -> list[dict]:
        """The ModuleSource proposal's ``bindings``: one plain record per binding."""
        out: list[dict] = []
        local_imports = {}
        for e in self.imports:
            spec = self.requests[e.request].specifier
            if e.import_name is None:
                out.append({"importAllFrom": spec, "as": e.local_name})
            elif e.phase == "source":
                out.append({"importSource": spec, "as": e.local_name})
            elif e.import_name == e.local_name:
                out.append({"import": e.import_name, "from": spec})
            else:
                out.append({"import": e.import_name, "as": e.local_name, "from": spec})
            local_imports[e.local_name] = e
        for e in self.local_exports:
            if e.local_name == e.export_name:
                out.append({"export": e.export_name})
            else:
                out.append({"export": e.local_name, "as": e.export_name})
        for e in self.indirect_exports:
            spec = self.requests[e.request].specifier
            if e.phase == "source":
                out.append({"exportSource": spec, "as": e.export_name})
            elif e.import_name is None:
                out.append({"exportAllFrom": spec, "as": e.export_name})
            elif e.import_name == e.export_name:
                out.append({"export": e.export_name, "from": spec})
            else:
                out.append({"export": e.import_name, "as": e.export_name, "from": spec})
        for e in self.star_exports:
            out.append({"exportAllFrom": self.requests[e.request].specifier})
        return out


def compile_module(text: str, filename: str | None = None) -> CompiledModule:
    """Parse and compile module source text (raises JSSyntaxError with a location)."""
    program = parse(text, module=True, filename=filename)
    from .literals import to_utf16

    src = to_utf16(text)
    try:
        return compile_module_ast(program, src)
    except JSSyntaxError as err:
        raise err.locate(src, filename) from None


def compile_module_ast(program: A.Node, source: str) -> CompiledModule:
    analysis = _ModuleResolver(True).run(program)
    unit = _Unit(analysis, source)
    mc = ModuleCompiler(unit, analysis.functions[id(program)], None, program)
    record = CompiledModule(code=mc.compile_module(program), source=source)
    record.code.text = source
    _static_record(program, record)
    record.env_names = mc.env_names
    record.lexical_names = frozenset(mc.lexical_names)
    record.has_tla = record.code.is_async
    walk = _Uses()
    walk.visit(program)
    record.needs_import = walk.dynamic_import
    record.needs_import_meta = walk.import_meta
    return record


def _name(node) -> str:
    """An export/import name: an Identifier's name or a string literal's value."""
    return node.name if node.type == "Identifier" else node.value


def _request(node, records: list[ModuleRequest]) -> int:
    attributes = []
    for attr in node.attributes or ():
        key = _name(attr.key)
        if key not in SUPPORTED_ATTRIBUTES:
            raise JSSyntaxError(f"Import attribute '{key}' is not supported", attr.start)
        attributes.append((key, attr.value.value))
    req = ModuleRequest(node.source.value, tuple(sorted(attributes)))
    if req not in records:
        records.append(req)
    return records.index(req)


def _static_record(program: A.Node, record: CompiledModule) -> None:
    """ParseModule's tables: requested modules, import entries and the export kinds."""
    requests = record.requests
    export_entries: list[ExportEntry] = []
    for stmt in program.body:
        t = stmt.type
        if t == "ImportDeclaration":
            r = _request(stmt, requests)
            for s in stmt.specifiers:
                local = s.local.name
                if s.type == "ImportNamespaceSpecifier":
                    record.imports.append(ImportEntry(r, None, local))
                elif s.type == "ImportDefaultSpecifier":
                    record.imports.append(ImportEntry(r, "default", local,
                                                      stmt.phase or "evaluation"))
                else:
                    record.imports.append(ImportEntry(r, _name(s.imported), local))
        elif t == "ExportNamedDeclaration":
            if stmt.declaration is not None:
                for name in _declared_names(stmt.declaration):
                    export_entries.append(ExportEntry(name, local_name=name))
            elif stmt.source is not None:
                r = _request(stmt, requests)
                for s in stmt.specifiers:
                    record.indirect_exports.append(
                        ExportEntry(_name(s.exported), r, _name(s.local)))
            else:
                for s in stmt.specifiers:
                    export_entries.append(ExportEntry(_name(s.exported),
                                                      local_name=_name(s.local)))
        elif t == "ExportDefaultDeclaration":
            decl = stmt.declaration
            local = DEFAULT_LOCAL
            if decl.type in ("FunctionDeclaration", "ClassDeclaration") and decl.id is not None:
                local = decl.id.name
            export_entries.append(ExportEntry("default", local_name=local))
        elif t == "ExportAllDeclaration":
            r = _request(stmt, requests)
            if stmt.exported is None:
                record.star_exports.append(ExportEntry(None, r))
            else:
                record.indirect_exports.append(ExportEntry(_name(stmt.exported), r, None))
    imported = {e.local_name: e for e in record.imports}
    indirect_from_imports = []
    for ee in export_entries:
        ie = imported.get(ee.local_name)
        if ie is None:
            record.local_exports.append(ee)
        elif ie.phase == "source":
            indirect_from_imports.append(ExportEntry(ee.export_name, ie.request, None,
                                                     phase="source"))
        else:  # re-exporting an imported binding (or namespace) resolves through its module
            indirect_from_imports.append(ExportEntry(ee.export_name, ie.request, ie.import_name))
    record.indirect_exports[:0] = indirect_from_imports


def _declared_names(decl) -> list[str]:
    from .scope import pattern_names

    if decl.type == "VariableDeclaration":
        out: list[str] = []
        for d in decl.declarations:
            out.extend(i.name for i in pattern_names(d.id, []))
        return out
    return [decl.id.name]


class _Uses:
    """Finds dynamic import(), import.meta and top-level await."""

    def __init__(self) -> None:
        self.dynamic_import = False
        self.import_meta = False

    def visit(self, node) -> None:
        stack = [node]
        while stack:
            n = stack.pop()
            if n.type == "ImportExpression":
                self.dynamic_import = True
            elif n.type == "MetaProperty" and n.meta.name == "import":
                self.import_meta = True
            stack.extend(A.iter_children(n))


_FUNCTIONS = ("FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression",
              "MethodDefinition", "PropertyDefinition", "StaticBlock")


def has_top_level_await(program: A.Node) -> bool:
    """Does the module body await outside every function (so it runs as an async body)?"""
    stack = list(program.body)
    while stack:
        n = stack.pop()
        t = n.type
        if t == "AwaitExpression" or (t == "ForOfStatement" and n.is_await) or (
                t == "VariableDeclaration" and n.kind == "await using"):
            return True
        if t in _FUNCTIONS:
            continue
        if t in ("ClassDeclaration", "ClassExpression"):
            # only computed keys, `extends` and decorators run in the enclosing context
            if n.superClass is not None:
                stack.append(n.superClass)
            for m in n.body.body:
                if getattr(m, "computed", False):
                    stack.append(m.key)
            continue
        stack.extend(A.iter_children(n))
    return False


class _ModuleResolver(_Resolver):
    """Scope analysis for module code: imports and `export default` declare bindings."""

    def declare_lexical(self, body: list, scope) -> None:
        if scope.parent is None:  # the module's top level
            rest = []
            for stmt in body:
                if stmt.type == "ImportDeclaration":
                    for s in stmt.specifiers:
                        scope.declare(s.local.name, "const")
                    continue
                if stmt.type == "ExportDefaultDeclaration":
                    decl = stmt.declaration
                    if decl.type == "FunctionDeclaration" and decl.id is None:
                        scope.declare(DEFAULT_LOCAL, "function")
                        continue
                    if decl.type == "ClassDeclaration" and decl.id is None:
                        scope.declare(DEFAULT_LOCAL, "class", stmt.end)
                        continue
                    if not decl.type.endswith("Declaration"):
                        scope.declare(DEFAULT_LOCAL, "const", stmt.end)
                        continue
                rest.append(stmt)
            body = rest
        super().declare_lexical(body, scope)

    def v_ImportDeclaration(self, node, scope):
        pass

    def v_ExportAllDeclaration(self, node, scope):
        pass

    def v_ExportNamedDeclaration(self, node, scope):
        if node.declaration is not None:
            self.visit(node.declaration, scope)
        elif node.source is None:
            for s in node.specifiers:
                if s.local.type == "Identifier":
                    self.reference(s.local, scope)

    def v_ExportDefaultDeclaration(self, node, scope):
        decl = node.declaration
        if decl.type == "FunctionDeclaration" and decl.id is None:
            self.function(decl, scope)
        elif decl.type == "ClassDeclaration" and decl.id is None:
            self.class_(decl, scope)
        else:
            self.visit(decl, scope)


class ModuleCompiler(FunctionCompiler):
    """The top level of a module: its bindings are cells the host supplies."""

    def setup_bindings(self, params_count: int) -> None:
        top = self.unit.analysis.scopes[id(self.node)]
        cells = 0
        for scope in self.unit.scope_funcs.get(id(self.info), []):
            if scope is top:
                continue
            for b in scope.bindings.values():
                if b.captured:
                    b.cell = cells
                    cells += 1
        self.code.cells = cells
        self.env_names: list[str] = []
        self.lexical_names: list[str] = []
        for i, (name, b) in enumerate(top.bindings.items()):
            b.captured = True  # every top-level binding is a host-supplied cell
            b.cell = cells + i
            self.env_names.append(name)
            if b.lexical:
                self.lexical_names.append(name)
        self.next_reg = self.max_reg = params_count
        for scope in self.unit.scope_funcs.get(id(self.info), []):
            if scope is top:
                continue
            for b in scope.bindings.values():
                if not b.captured:
                    b.reg = self.alloc()

    def compile_module(self, program) -> Code:
        code = self.code
        code.kind = "module"
        code.name = "<module>"
        code.strict = True
        code.is_async = has_top_level_await(program)
        code.source = (program.start, program.end)
        self.completion = None
        self.setup_bindings(0)
        self.hoist_functions(program.body)
        self.emit(O["MODULEBODY"])
        for stmt in program.body:
            self.statement(stmt)
        self.emit(O["RETURNUNDEF"])
        return self.finish()

    def _default_binding(self):
        return self.unit.analysis.scopes[id(self.node)].bindings[DEFAULT_LOCAL]

    def hoist_functions(self, body: list) -> None:
        rest = []
        for stmt in body:
            decl = getattr(stmt, "declaration", None)
            if stmt.type == "ExportDefaultDeclaration" and decl.type == "FunctionDeclaration" \
                    and decl.id is None:
                mark = self.next_reg
                r = self.function_value(decl)
                self.code.functions[-1].name = "default"
                self.emit(O["SETCELL"], self._default_binding().cell, r)
                self.free_to(mark)
            else:
                rest.append(stmt)
        super().hoist_functions(rest)

    def s_ImportDeclaration(self, node):
        pass

    def s_ExportAllDeclaration(self, node):
        pass

    def s_ExportNamedDeclaration(self, node):
        if node.declaration is not None:
            self.statement(node.declaration)

    def s_ExportDefaultDeclaration(self, node):
        decl = node.declaration
        if decl.type == "FunctionDeclaration":
            return  # made when the module was instantiated
        if decl.type == "ClassDeclaration" and decl.id is not None:
            self.statement(decl)
            return
        if decl.type == "ClassDeclaration":
            r = self.class_value(decl, None, "default")
        else:
            r = self.expr_named(decl, "default")
        self.emit(O["SETCELL"], self._default_binding().cell, r)


__all__ = ["CompiledModule", "ExportEntry", "ImportEntry", "ModuleRequest", "compile_module",
           "compile_module_ast", "DEFAULT_LOCAL", "Analysis"]
