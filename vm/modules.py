"""Module records and the module algorithms of ECMA-262 §16.2.1 (load, link, evaluate).

A module's bindings are :class:`~vm.objects.Cell` objects (see compiler/module.py): a
record's ``env`` maps each local name to its cell, and an import binding *is* the
exporting module's cell, so live bindings and TDZ need nothing at run time beyond a
cell read and a hole check.

Records:

* :class:`SourceTextModule` — a Cyclic Module Record made from a
  :class:`compiler.module.CompiledModule` (which holds nothing of any run, so one
  compiled module may be instantiated in several module maps);
* :class:`SyntheticModule` — a module whose exports are set by the host (JSON modules);
* :class:`ScriptRecord` — a script, as the referrer of its dynamic ``import()``.

Every record knows the *host* that loads what it imports (HostLoadImportedModule): the
desktop's file loader (``vm/module_host.py``) today; a Compartment's module map and
hooks later. :class:`Modules` (``machine.modules``) runs the algorithms; the host only
maps (referrer, request) to a record and calls back, synchronously or later.
"""

from __future__ import annotations

from collections.abc import Callable

from .objects import Cell, JSError, JSFunction, JSObject, JSThrow
from .values import HOLE, UNDEFINED

TYPE_CHECKING = False
if TYPE_CHECKING:
    from compiler.module import CompiledModule, ModuleRequest

NEW, UNLINKED, LINKING, LINKED = "new", "unlinked", "linking", "linked"


def _is_compiled_module(value) -> bool:
    from compiler.module import CompiledModule  # the compiler loads only when it is needed

    return isinstance(value, CompiledModule)

EVALUATING, EVALUATING_ASYNC, EVALUATED = "evaluating", "evaluating-async", "evaluated"

NAMESPACE = "*namespace*"  # ResolvedBinding.binding_name of a namespace (export * as ns)
SOURCE = "*source*"  # ... of a re-exported source-phase import
AMBIGUOUS = "ambiguous"


class ResolvedBinding:
    __slots__ = ("module", "binding_name")

    def __init__(self, module: ModuleRecord, binding_name: str):
        self.module = module
        self.binding_name = binding_name


class ScriptRecord:
    """A Script Record, as far as import() needs one: where it came from, who loads."""

    def __init__(self, filename: str | None, host, g):
        self.filename = filename
        self.host = host
        self.global_env = g
        self.loaded_modules: dict[ModuleRequest, ModuleRecord] = {}


class ModuleRecord:
    """Abstract Module Record: environment, namespace, host."""

    cyclic = False

    def __init__(self, filename: str, host, g):
        self.filename = filename  # the host's key for it (a resolved path on the desktop)
        self.specifier = filename
        self.host = host
        self.global_env = g
        self.env: dict[str, Cell] = {}
        self.namespace = None
        self.meta = None  # import.meta, made on first use
        self.module_source = None  # its ModuleSource object, if it has a source phase
        self.loaded_modules: dict[ModuleRequest, ModuleRecord] = {}
        self.top_level_capability = None

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.filename}>"

    def get_exported_names(self, export_star_set: list | None = None) -> list[str]:
        raise NotImplementedError

    def resolve_export(self, name: str, resolve_set: list | None = None):
        raise NotImplementedError

    def execute_leaf(self, modules) -> None:
        """Evaluate() of a record that is not cyclic (a compartment's virtual module)."""


class SyntheticModule(ModuleRecord):
    """A Synthetic Module Record: fixed export names, values set by the host."""

    def __init__(self, filename: str, host, g, exports: dict[str, object]):
        super().__init__(filename, host, g)
        self.export_names = list(exports)
        self.env = {name: Cell(value) for name, value in exports.items()}

    def get_exported_names(self, export_star_set=None) -> list[str]:
        return list(self.export_names)

    def resolve_export(self, name, resolve_set=None):
        return ResolvedBinding(self, name) if name in self.env else None


class SourceTextModule(ModuleRecord):
    """A Source Text Module Record (a Cyclic Module Record)."""

    cyclic = True

    def __init__(self, compiled: CompiledModule, filename: str, host, g):
        super().__init__(filename, host, g)
        self.compiled = compiled
        self.status = NEW
        self.evaluation_error = None  # (value,) once evaluation threw
        self.dfs_index = self.dfs_ancestor_index = -1
        self.cycle_root: SourceTextModule | None = None
        self.has_tla = compiled.has_tla
        self.async_order: int | str | None = None  # unset, an integer, or "done"
        self.async_parents: list[SourceTextModule] = []
        self.pending_async = 0
        self.frame = None  # the top-level activation, suspended at MODULEBODY
        imported = {e.local_name for e in compiled.imports}
        by_phase: dict[str, set[int]] = {"source": set(), "evaluation": set()}
        for e in [*compiled.imports, *compiled.indirect_exports, *compiled.star_exports]:
            by_phase[e.phase].add(e.request)
        # requests only imported as sources: loaded, but neither linked nor evaluated
        self.source_only = by_phase["source"] - by_phase["evaluation"]
        for name in compiled.env_names:
            if name not in imported:
                self.env[name] = Cell(HOLE if name in compiled.lexical_names else UNDEFINED)

    @property
    def requested(self) -> list[ModuleRequest]:
        return self.compiled.requests

    def imported(self, index: int) -> ModuleRecord:
        """GetImportedModule: the record loaded for request ``index``."""
        return self.loaded_modules[self.compiled.requests[index]]

    def get_exported_names(self, export_star_set=None) -> list[str]:
        export_star_set = [] if export_star_set is None else export_star_set
        if self in export_star_set:
            return []
        export_star_set.append(self)
        c = self.compiled
        names = [e.export_name for e in c.local_exports] + \
            [e.export_name for e in c.indirect_exports]
        for e in c.star_exports:
            for n in self.imported(e.request).get_exported_names(export_star_set):
                if n != "default" and n not in names:
                    names.append(n)
        return names

    def resolve_export(self, name, resolve_set=None):
        resolve_set = [] if resolve_set is None else resolve_set
        for m, n in resolve_set:
            if m is self and n == name:
                return None  # a circular import request
        resolve_set.append((self, name))
        c = self.compiled
        for e in c.local_exports:
            if e.export_name == name:
                return ResolvedBinding(self, e.local_name)
        for e in c.indirect_exports:
            if e.export_name == name:
                target = self.imported(e.request)
                if e.phase == "source":
                    return ResolvedBinding(target, SOURCE)
                if e.import_name is None:
                    return ResolvedBinding(target, NAMESPACE)
                return target.resolve_export(e.import_name, resolve_set)
        if name == "default":
            return None
        star = None
        for e in c.star_exports:
            resolution = self.imported(e.request).resolve_export(name, resolve_set)
            if resolution == AMBIGUOUS:
                return AMBIGUOUS
            if resolution is not None:
                if star is None:
                    star = resolution
                elif resolution.module is not star.module or \
                        resolution.binding_name != star.binding_name:
                    return AMBIGUOUS
        return star


LoadDone = Callable[[object, object], None]  # (record or None, error value or None)


class _GraphLoading:
    """A GraphLoadingState Record; ``done(error)`` is called once (error None: loaded)."""

    def __init__(self, done: Callable[[object], None]):
        self.done = done
        self.is_loading = True
        self.pending = 1
        self.visited: list[SourceTextModule] = []


class Modules:
    """The module algorithms of one machine, over whatever hosts its records name."""

    def __init__(self, machine):
        self.machine = machine
        self.async_counter = 0

    # -- errors -------------------------------------------------------------------

    def value_of(self, exc: Exception, g=None):
        """The JavaScript value of a JSThrow / JSError."""
        if isinstance(exc, JSThrow):
            return exc.value
        return self.machine.error_object(exc, g)

    # -- loading (§16.2.1.6.1 LoadRequestedModules) --------------------------------

    def load_requested(self, module: ModuleRecord, done: Callable[[object], None]) -> None:
        state = _GraphLoading(done)
        self._inner_loading(state, module)

    def _inner_loading(self, state: _GraphLoading, module: ModuleRecord) -> None:
        if module.cyclic and module.status == NEW and module not in state.visited:
            state.visited.append(module)
            state.pending += len(module.requested)
            for request in module.requested:
                loaded = module.loaded_modules.get(request)
                if loaded is not None:
                    self._inner_loading(state, loaded)
                else:
                    self.host_load(module, request, state)
                if not state.is_loading:
                    return
        state.pending -= 1
        if state.pending != 0:
            return
        state.is_loading = False
        for m in state.visited:
            if m.status == NEW:
                m.status = UNLINKED
        state.done(None)

    def _continue_loading(self, state: _GraphLoading, module, error) -> None:
        if not state.is_loading:
            return
        if error is None:
            self._inner_loading(state, module)
        else:
            state.is_loading = False
            state.done(error)

    def host_load(self, referrer, request: ModuleRequest, payload) -> None:
        """HostLoadImportedModule: the referrer's host answers through the callback."""
        host = referrer.host

        def finish(module, error):
            self.finish_loading(referrer, request, payload, module, error)

        try:
            host.load_imported_module(referrer, request, finish)
        except (JSError, JSThrow) as e:
            finish(None, self.value_of(e, referrer.global_env))

    def finish_loading(self, referrer, request, payload, module, error) -> None:
        """FinishLoadingImportedModule."""
        if error is None:
            existing = referrer.loaded_modules.get(request)
            if existing is None:
                referrer.loaded_modules[request] = module
            elif existing is not module:
                error = self.machine.error_object(JSError(
                    "TypeError", f"'{request.specifier}' loaded two different modules"))
        if isinstance(payload, _GraphLoading):
            self._continue_loading(payload, module, error)
        else:
            payload(module, error)

    # -- linking (§16.2.1.6.2 Link) ------------------------------------------------

    def link(self, module: ModuleRecord) -> None:
        stack: list[SourceTextModule] = []
        try:
            self._inner_linking(module, stack, 0)
        except (JSError, JSThrow):
            for m in stack:
                m.status = UNLINKED
            raise

    def _inner_linking(self, module, stack: list, index: int) -> int:
        if not module.cyclic:
            return index
        if module.status in (LINKING, LINKED, EVALUATING_ASYNC, EVALUATED):
            return index
        module.status = LINKING
        module.dfs_index = module.dfs_ancestor_index = index
        index += 1
        stack.append(module)
        for i in range(len(module.requested)):
            if i in module.source_only:
                continue
            required = module.imported(i)
            index = self._inner_linking(required, stack, index)
            if required.cyclic and required.status == LINKING:
                module.dfs_ancestor_index = min(module.dfs_ancestor_index,
                                                required.dfs_ancestor_index)
        self.initialize_environment(module)
        if module.dfs_ancestor_index == module.dfs_index:
            while True:
                m = stack.pop()
                m.status = LINKED
                if m is module:
                    break
        return index

    def initialize_environment(self, module: SourceTextModule) -> None:
        """Resolve imports to cells, then run the top level up to MODULEBODY."""
        c = module.compiled
        for e in c.indirect_exports:
            if self._resolve(module, e.export_name) is None:
                target = module.imported(e.request)
                self._unresolvable(module, e.request, target, e.export_name)
        for e in c.imports:
            target = module.imported(e.request)
            if e.phase == "source":
                module.env[e.local_name] = Cell(self.module_source(target))
            elif e.import_name is None:
                module.env[e.local_name] = Cell(self.namespace(target))
            else:
                resolution = self._resolve(target, e.import_name)
                if resolution is None:
                    self._unresolvable(module, e.request, target, e.import_name)
                if resolution.binding_name == NAMESPACE:
                    module.env[e.local_name] = Cell(self.namespace(resolution.module))
                elif resolution.binding_name == SOURCE:
                    module.env[e.local_name] = Cell(self.module_source(resolution.module))
                else:
                    module.env[e.local_name] = resolution.module.env[resolution.binding_name]
        machine = self.machine
        cells = [module.env[name] for name in c.env_names]
        fn = JSFunction(machine.realm.function_prototype, c.code, cells, module.global_env)
        fn.referrer = module
        module.frame = machine.interpreter.frame(fn, UNDEFINED, [], UNDEFINED)
        self._resume(module.frame, None)  # hoisted functions exist from here on

    def _resolve(self, module, name):
        r = module.resolve_export(name)
        return None if r is None or r == AMBIGUOUS else r

    def _unresolvable(self, module, request: int, target, name: str):
        spec = module.compiled.requests[request].specifier
        if target.resolve_export(name) == AMBIGUOUS:
            raise JSError("SyntaxError", f"The requested module '{spec}' contains conflicting "
                                         f"star exports for name '{name}'")
        raise JSError("SyntaxError", f"The requested module '{spec}' does not provide an "
                                     f"export named '{name}'")

    def _resume(self, frame, value):
        """Run a suspended top level on; True when it finished, False if it suspended."""
        interp = self.machine.interpreter
        interp.depth += 1
        try:
            frame.send(value)
        except StopIteration:
            return True
        finally:
            interp.depth -= 1
        return False

    # -- evaluation (§16.2.1.6.3 Evaluate) -----------------------------------------

    def evaluate(self, module: ModuleRecord):
        """Evaluate(): a promise settled when the module and its graph have run."""
        promises = self.machine.promises
        if not module.cyclic:
            cap = promises.new_capability(promises.constructor)
            try:
                module.execute_leaf(self)
            except (JSError, JSThrow) as e:
                promises.call(cap.reject, UNDEFINED, [self.value_of(e, module.global_env)])
            else:
                promises.call(cap.resolve, UNDEFINED, [UNDEFINED])
            return cap.promise
        if module.status in (EVALUATING_ASYNC, EVALUATED) and module.cycle_root is not None:
            module = module.cycle_root
        if module.top_level_capability is not None:
            return module.top_level_capability.promise
        stack: list[SourceTextModule] = []
        cap = promises.new_capability(promises.constructor)
        module.top_level_capability = cap
        try:
            self._inner_evaluation(module, stack, 0)
        except (JSError, JSThrow) as e:
            value = self.value_of(e, module.global_env)
            for m in stack:
                m.status = EVALUATED
                m.evaluation_error = (value,)
            promises.call(cap.reject, UNDEFINED, [value])
        else:
            if module.async_order is None:
                promises.call(cap.resolve, UNDEFINED, [UNDEFINED])
        return cap.promise

    def _inner_evaluation(self, module, stack: list, index: int) -> int:
        if not module.cyclic:
            module.execute_leaf(self)
            return index
        if module.status in (EVALUATING_ASYNC, EVALUATED):
            if module.evaluation_error is None:
                return index
            raise JSThrow(module.evaluation_error[0])
        if module.status == EVALUATING:
            return index
        module.status = EVALUATING
        module.dfs_index = module.dfs_ancestor_index = index
        module.pending_async = 0
        index += 1
        stack.append(module)
        for i in range(len(module.requested)):
            if i in module.source_only:
                continue
            required = module.imported(i)
            index = self._inner_evaluation(required, stack, index)
            if not required.cyclic:
                continue
            if required.status == EVALUATING:
                module.dfs_ancestor_index = min(module.dfs_ancestor_index,
                                                required.dfs_ancestor_index)
            else:
                required = required.cycle_root
                if required.evaluation_error is not None:
                    raise JSThrow(required.evaluation_error[0])
            if isinstance(required.async_order, int):
                module.pending_async += 1
                required.async_parents.append(module)
        if module.pending_async > 0 or module.has_tla:
            self.async_counter += 1
            module.async_order = self.async_counter
            if module.pending_async == 0:
                self._execute_async(module)
        else:
            self._execute(module)
        if module.dfs_ancestor_index == module.dfs_index:
            while True:
                m = stack.pop()
                m.status = EVALUATED if m.async_order is None else EVALUATING_ASYNC
                m.cycle_root = module
                if m is module:
                    break
        return index

    def _execute(self, module: SourceTextModule) -> None:
        """ExecuteModule() of a module without top-level await."""
        frame, module.frame = module.frame, None
        run = self.machine.limits.guest_turn  # a turn of a gated Global (vm/limits.py)
        if not run(module.global_env, lambda: self._resume(frame, UNDEFINED)):
            raise JSError("SyntaxError", "await in a module body compiled as synchronous")

    def _execute_async(self, module: SourceTextModule) -> None:
        """ExecuteAsyncModule: run the body as an async function body."""
        promises = self.machine.promises
        from .promise import JSPromise

        promise = JSPromise(promises.prototype)
        promises.perform_then(promise, lambda v: self._async_fulfilled(module),
                              lambda r: self._async_rejected(module, r), None)
        frame, module.frame = module.frame, None
        promises._step(frame, promise, "next", UNDEFINED)

    def _gather_ancestors(self, module, exec_list: list) -> None:
        for m in module.async_parents:
            if m not in exec_list and m.cycle_root.evaluation_error is None:
                m.pending_async -= 1
                if m.pending_async == 0:
                    exec_list.append(m)
                    if not m.has_tla:
                        self._gather_ancestors(m, exec_list)

    def _async_fulfilled(self, module) -> None:
        promises = self.machine.promises
        if module.status == EVALUATED:
            return
        module.async_order = "done"
        module.status = EVALUATED
        if module.top_level_capability is not None:
            promises.call(module.top_level_capability.resolve, UNDEFINED, [UNDEFINED])
        exec_list: list = []
        self._gather_ancestors(module, exec_list)
        exec_list.sort(key=lambda m: m.async_order)
        for m in exec_list:
            if m.status == EVALUATED:
                continue
            if m.has_tla:
                self._execute_async(m)
                continue
            try:
                self._execute(m)
            except (JSError, JSThrow) as e:
                self._async_rejected(m, self.value_of(e, m.global_env))
            else:
                m.async_order = "done"
                m.status = EVALUATED
                if m.top_level_capability is not None:
                    promises.call(m.top_level_capability.resolve, UNDEFINED, [UNDEFINED])

    def _async_rejected(self, module, error) -> None:
        if module.status == EVALUATED:
            return
        module.evaluation_error = (error,)
        module.status = EVALUATED
        module.async_order = "done"
        for m in module.async_parents:
            self._async_rejected(m, error)
        if module.top_level_capability is not None:
            promises = self.machine.promises
            promises.call(module.top_level_capability.reject, UNDEFINED, [error])

    # -- namespaces, sources, import.meta -----------------------------------------

    def namespace(self, module: ModuleRecord):
        """GetModuleNamespace."""
        if module.namespace is None:
            from .module_namespace import ModuleNamespace

            names = [n for n in module.get_exported_names()
                     if self._resolve(module, n) is not None]
            module.namespace = ModuleNamespace(self, module, names)
        return module.namespace

    def binding_cell(self, module: ModuleRecord, name: str) -> Cell:
        """The cell a namespace's property ``name`` reads (ResolveExport, then the env)."""
        r = module.resolve_export(name)
        if r.binding_name == NAMESPACE:
            return Cell(self.namespace(r.module))
        if r.binding_name == SOURCE:
            return Cell(self.module_source(r.module))
        return r.module.env[r.binding_name]

    def module_source(self, module: ModuleRecord):
        """GetModuleSource: the ModuleSource object of a source text module."""
        if module.module_source is None:
            if not isinstance(module, SourceTextModule):
                raise JSError("SyntaxError", f"'{module.specifier}' has no source phase")
            from .builtins.module_source import make_module_source

            module.module_source = make_module_source(self.machine.realm, module.compiled)
        return module.module_source

    def import_meta(self, referrer):
        if not isinstance(referrer, ModuleRecord):
            raise JSError("SyntaxError", "Cannot use 'import.meta' outside a module")
        if referrer.meta is None:
            meta = JSObject(None)
            for key, value in referrer.host.import_meta_properties(referrer):
                meta.props[key] = value
            initialize = getattr(referrer.host, "initialize_import_meta", None)
            if initialize is not None:  # a compartment's importMetaHook
                initialize(referrer, meta)
            referrer.meta = meta
        return referrer.meta

    # -- dynamic import (§13.3.10.1 EvaluateImportCall) ----------------------------

    def import_call(self, referrer, g, specifier, options, phase: int):
        from .convert import to_string

        promises = self.machine.promises
        cap = promises.new_capability(promises.constructor)

        def reject(value):
            promises.call(cap.reject, UNDEFINED, [value])
            return cap.promise

        if referrer is None:
            referrer = self.default_referrer(g)
        if isinstance(specifier, JSObject) and specifier.class_name == "ModuleSource" and \
                phase == 0 and _is_compiled_module(specifier.internal):
            self._load_link_evaluate(self.source_instance(referrer, specifier), g, cap)
            return cap.promise
        try:
            spec = to_string(specifier)
            attributes = self._attributes(options)
        except (JSError, JSThrow) as e:
            return reject(self.value_of(e, g))
        from compiler.module import ModuleRequest

        request = ModuleRequest(spec, attributes)

        def continue_import(module, error):
            if error is not None:
                promises.call(cap.reject, UNDEFINED, [error])
                return
            if phase == 1:
                try:
                    source = self.module_source(module)
                except (JSError, JSThrow) as e:
                    promises.call(cap.reject, UNDEFINED, [self.value_of(e, g)])
                    return
                promises.call(cap.resolve, UNDEFINED, [source])
                return
            self._load_link_evaluate(module, g, cap)

        self.host_load(referrer, request, continue_import)
        return cap.promise

    def source_instance(self, referrer, source: JSObject) -> SourceTextModule:
        """`import(moduleSource)`: one instance per source in the importer's module host."""
        host = referrer.host
        memo = host.__dict__.setdefault("source_instances", {})
        module = memo.get(source)
        if module is None:
            compiled = source.internal
            module = memo[source] = SourceTextModule(compiled, "<ModuleSource>", host,
                                                     referrer.global_env)
            module.module_source = source
        return module

    def _load_link_evaluate(self, module, g, cap) -> None:
        """ContinueDynamicImport: load the graph, link, evaluate, resolve to the namespace."""
        promises = self.machine.promises
        from .promise import JSPromise

        load_promise = JSPromise(promises.prototype)

        def loaded(error):
            if error is None:
                promises.resolve_promise(load_promise, UNDEFINED)
            else:
                promises.reject_promise(load_promise, error)

        def link_and_evaluate(_):
            try:
                self.link(module)
            except (JSError, JSThrow) as e:
                promises.call(cap.reject, UNDEFINED, [self.value_of(e, g)])
                return UNDEFINED
            evaluated = self.evaluate(module)
            promises.perform_then(
                evaluated,
                lambda v: promises.call(cap.resolve, UNDEFINED, [self.namespace(module)]),
                lambda r: promises.call(cap.reject, UNDEFINED, [r]), None)
            return UNDEFINED

        self.load_requested(module, loaded)
        promises.perform_then(load_promise, link_and_evaluate,
                              lambda r: promises.call(cap.reject, UNDEFINED, [r]), None)

    def _attributes(self, options) -> tuple:
        if options is UNDEFINED:
            return ()
        if not isinstance(options, JSObject):
            raise JSError("TypeError", "The second argument of import() must be an object")
        attrs = options.get("with", options)
        if attrs is UNDEFINED:
            return ()
        if not isinstance(attrs, JSObject):
            raise JSError("TypeError", "The 'with' option of import() must be an object")
        out = []
        from .operations import enumerable_own_keys

        for key in enumerable_own_keys(attrs):
            value = attrs.get(key, attrs)
            if not isinstance(value, str):
                raise JSError("TypeError", f"Import attribute '{key}' must be a string")
            out.append((key, value))
        for key, _ in out:
            if key != "type":
                raise JSError("TypeError", f"Import attribute '{key}' is not supported")
        return tuple(sorted(out))

    def default_referrer(self, g):
        """The referrer when no script or module is active (a host job, a REPL)."""
        rec = getattr(g, "default_referrer", None)
        if rec is None:
            rec = g.default_referrer = ScriptRecord(None, g.module_host, g)
        return rec

    # -- a whole program -----------------------------------------------------------

    def run_entry(self, module: ModuleRecord):
        """Load, link and evaluate an entry module; returns its evaluation promise.

        Loading errors and link errors are thrown (JSError/JSThrow) as a host reports
        them; an evaluation error rejects the promise.
        """
        box: list = []
        self.load_requested(module, box.append)
        if not box:
            self.machine.run_microtasks()
        if not box:
            raise JSError("Error", f"loading the modules of '{module.filename}' did not finish")
        if box[0] is not None:
            raise JSThrow(box[0])
        self.link(module)
        return self.evaluate(module)
