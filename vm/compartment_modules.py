"""Compartment modules: `import`, `importNow`, `load`, `module` as `ses` 2.x does them.

Loading follows `ses`'s module-load.js: a compartment's *load records* (`records`,
ses's `moduleRecords`) map full specifiers to a module source, the compartment that
instantiates it and its imports resolved by `resolveHook`. A specifier is looked up in
the `modules` map, then `moduleMapHook`, then `importHook` (awaited) or
`importNowHook`; the descriptor forms are those `ses` accepts (see `_load_one`). The
loads of one call form a job queue (breadth-first when synchronous); failures are
gathered into one TypeError unless `noAggregateLoadErrors`.

Linking and running use the ES module records of `vm/modules.py`: a `ModuleSource`
becomes a :class:`~vm.modules.SourceTextModule` of the owning compartment's Global
(live bindings are cells, cycles and TDZ as in the spec), a virtual module source
(`{imports, exports, execute}`) a :class:`VirtualModule`. Each record's imports are
filled in from the load records before the spec's Link and Evaluate run, so static
imports never reach a host hook; `import()` and `import.meta` in a compartment module
reach :class:`CompartmentHost`, the compartment Global's `module_host`.

Namespaces: each (compartment, specifier) has one :class:`DeferredNamespace`, which
`compartment.module()` hands out before the module is even loaded; it throws until the
module has been linked (a source module) or begun to execute (a virtual one). One given
as a module descriptor links to that compartment's instance (ses's `moduleAliases`).
"""

from __future__ import annotations

from .convert import is_callable, to_string
from .module_namespace import ModuleNamespace
from .modules import UNLINKED, ModuleRecord, ResolvedBinding, SourceTextModule, _is_compiled_module
from .objects import ENUMERABLE, Cell, JSError, JSObject, JSThrow, Slot
from .symbols import TO_STRING_TAG
from .values import UNDEFINED, JSSymbol


def quote(value) -> str:
    """ses's `q()` for the strings in its messages (JSON string syntax)."""
    if type(value) is str:
        out = ['"']
        for ch in value:
            if ch in '"\\':
                out.append("\\" + ch)
            elif ch < " ":
                out.append({"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(ch,
                                                                      f"\\u{ord(ch):04x}"))
            else:
                out.append(ch)
        return "".join(out) + '"'
    if value is UNDEFINED:
        return "undefined"
    return f"({type(value).__name__})" if not isinstance(value, JSObject) else "[Object]"


class LoadRecord:
    """ses's module record: a source loaded for ``specifier`` in ``fields``'s compartment."""

    __slots__ = ("fields", "specifier", "source", "resolved", "import_meta")

    def __init__(self, fields, specifier: str, source, resolved: dict[str, str], import_meta):
        self.fields = fields
        self.specifier = specifier
        self.source = source  # a JS module source object, or a _Promoted namespace object
        self.resolved = resolved
        self.import_meta = import_meta


class _Alias:
    """A module descriptor that names an instance in a compartment (ses's makeAlias)."""

    __slots__ = ("fields", "specifier")

    def __init__(self, fields, specifier: str):
        self.fields = fields
        self.specifier = specifier


class _Promoted:
    """`{namespace: object}`: an arbitrary object promoted to a virtual module."""

    __slots__ = ("obj", "names")

    def __init__(self, obj: JSObject, names: list[str]):
        self.obj = obj
        self.names = names


class DeferredNamespace(ModuleNamespace):
    """The one namespace of (compartment, specifier), usable once its module has begun."""

    __slots__ = ("alias", "bound")

    def __init__(self, modules, alias: _Alias):
        super().__init__(modules, None, [])
        self.alias = alias
        self.bound = False

    @property
    def active(self) -> bool:
        module = self.module
        if module is None:
            return False
        if isinstance(module, SourceTextModule):
            return module.status not in ("new", UNLINKED, "linking")
        return getattr(module, "activated", True)

    def _ready(self, what: str) -> None:
        if not self.active:
            raise JSError("TypeError", what + ", the module has not yet begun to execute")
        if not self.bound:
            self.bound = True
            modules = self.modules
            self.exports = sorted(n for n in self.module.get_exported_names()
                                  if modules._resolve(self.module, n) is not None)

    def get_own_property(self, key) -> Slot | None:
        self._ready(f"Cannot get own property descriptor {_key(key)}")
        return super().get_own_property(key)

    def has_property(self, key) -> bool:
        self._ready(f"Cannot check property {_key(key)}")
        return super().has_property(key)

    def get(self, key, receiver=None):
        self._ready(f"Cannot get property {_key(key)} of module exports namespace")
        return super().get(key, receiver)

    def own_keys(self) -> list:
        self._ready("Cannot enumerate keys")
        return super().own_keys()

    def define_own_property(self, key, desc: Slot, present: int = 0) -> bool:
        self._ready(f"Cannot define property {_key(key)} of module exports namespace")
        return super().define_own_property(key, desc, present)

    def delete(self, key) -> bool:
        self._ready(f"Cannot delete property {_key(key)} of module exports namespace")
        return super().delete(key)


def _key(key) -> str:
    return quote(key) if type(key) is str else (key.description if isinstance(key, JSSymbol)
                                                else str(key))


class VirtualModule(ModuleRecord):
    """A module made by a virtual module source's `execute(exports, compartment,
    resolvedImports)` (or a promoted namespace object): not cyclic, run on its own."""

    def __init__(self, specifier: str, host, g, names: list[str], run):
        super().__init__(specifier, host, g)
        self.export_names = list(names)
        self.env = {name: Cell(UNDEFINED) for name in names}
        self.run = run  # (exports target) -> None, may raise
        self.activated = False
        self.error = None  # (value,) once execute threw
        self.target = None

    def get_exported_names(self, export_star_set=None) -> list[str]:
        return list(self.export_names)

    def resolve_export(self, name, resolve_set=None):
        return ResolvedBinding(self, name) if name in self.env else None

    def exports_target(self, realm) -> JSObject:
        """The object `execute` writes its exports to: accessors over the cells."""
        if self.target is None:
            target = JSObject(None)
            target.define(TO_STRING_TAG, "Module", 0)
            for name, cell in self.env.items():
                def get(this, args, cell=cell):
                    return cell.value

                def put(this, args, cell=cell):
                    cell.value = args[0] if args else UNDEFINED
                    return UNDEFINED

                target.define_accessor(name, realm.native("get", get), realm.native("set", put, 1),
                                       ENUMERABLE)
            self.target = target
        return self.target

    def execute_leaf(self, modules) -> None:
        """Run once; a throw is remembered and thrown again on every later attempt."""
        if self.error is not None:
            raise JSThrow(self.error[0])
        if self.activated:
            return
        self.activated = True
        try:
            self.run(self.exports_target(modules.machine.realm))
        except (JSError, JSThrow) as e:
            self.error = (modules.value_of(e, self.global_env),)
            raise JSThrow(self.error[0]) from None


class CompartmentHost:
    """The module host of a compartment's Global: `import()` and `import.meta` there."""

    def __init__(self, loader: CompartmentModules, fields):
        self.loader = loader
        self.fields = fields

    def load_imported_module(self, referrer, request, finish) -> None:
        """Dynamic import: resolve against the importing module, load, link, hand over."""
        fields = self.fields
        loader = self.loader
        hook = fields.hooks.get("resolveHook", UNDEFINED)
        if not is_callable(hook):
            raise JSError("TypeError", "Compartment does not support dynamic import: no "
                                       "configured resolveHook for compartment "
                                       f"{quote(fields.name)}")
        if isinstance(referrer, ModuleRecord):
            full = loader.call(hook, [request.specifier, referrer.specifier])
        else:  # a script of the compartment (evaluate, eval, Function): no referrer module
            full = loader.call(hook, [request.specifier, UNDEFINED])
        if type(full) is not str:
            full = to_string(full)

        def loaded(value):
            try:
                finish(loader.link(fields, full), None)
            except (JSError, JSThrow) as e:
                finish(None, loader.modules.value_of(e, fields.global_env))
            return UNDEFINED

        def failed(reason):
            finish(None, reason)
            return UNDEFINED

        promise = loader.load_async(fields, full)
        loader.machine.promises.perform_then(promise, loaded, failed, None)

    def initialize_import_meta(self, module, meta: JSObject) -> None:
        """ses: the descriptor's `importMeta` copied in, then `importMetaHook(spec, meta)`."""
        given = getattr(module, "descriptor_meta", UNDEFINED)
        if isinstance(given, JSObject):
            from .operations import enumerable_own_keys

            for key in enumerable_own_keys(given):
                meta.set(key, given.get(key), meta)
        hook = self.fields.hooks.get("importMetaHook", UNDEFINED)
        if is_callable(hook):
            self.loader.call(hook, [module.specifier, meta])

    def import_meta_properties(self, module) -> list:
        return []


class _LoadState:
    """One `load`/`loadNow` call: its memo of loads, its job queue and its errors."""

    def __init__(self, is_async: bool, aggregate: bool):
        self.is_async = is_async
        self.aggregate = aggregate
        self.loads: dict[tuple[int, str], object] = {}  # (id(fields), spec) -> result/promise
        self.jobs: list = []  # async: promises to wait for, in order; sync: (fields, spec)
        self.errors: list = []


class CompartmentModules:
    """The module side of `machine.compartments`."""

    def __init__(self, compartments):
        self.compartments = compartments
        self.machine = compartments.machine
        self.modules = self.machine.modules

    def call(self, fn, args: list):
        return self.machine.interpreter.call(fn, UNDEFINED, args)

    def setup(self, fields) -> None:
        """Give a new compartment its module state and its Global its module host."""
        fields.records = {}
        fields.instances = {}
        fields.namespaces = {}
        fields.global_env.module_host = CompartmentHost(self, fields)

    # -- the four methods --------------------------------------------------------------

    def namespace_of(self, fields, specifier: str) -> DeferredNamespace:
        """ses's getDeferredExports: one namespace object per (compartment, specifier)."""
        ns = fields.namespaces.get(specifier)
        if ns is None:
            ns = fields.namespaces[specifier] = DeferredNamespace(self.modules,
                                                                  _Alias(fields, specifier))
        return ns

    def import_now(self, fields, specifier: str):
        self.load_now(fields, specifier)
        promise, ns = self.execute(fields, specifier)
        if promise.state == "rejected":
            self.machine.promises.perform_then(promise, None, None, None)  # handled here
            raise JSThrow(promise.result)
        if promise.state == "pending":
            raise JSError("TypeError", f"Module {quote(specifier)} of compartment "
                                       f"{quote(fields.name)} awaits at top level: use import()")
        return ns

    def execute(self, fields, specifier: str):
        """Link and evaluate a loaded module: (evaluation promise, namespace)."""
        module = self.link(fields, specifier)
        self.modules.link(module)
        return self.modules.evaluate(module), self.modules.namespace(module)

    def import_(self, fields, specifier: str, box: bool):
        """`compartment.import`: load, then execute; a promise for the (boxed) namespace."""
        promises = self.machine.promises
        cap = promises.new_capability(promises.constructor)

        def failed(reason):
            promises.call(cap.reject, UNDEFINED, [reason])
            return UNDEFINED

        def loaded(value):
            try:
                evaluated, ns = self.execute(fields, specifier)
            except (JSError, JSThrow) as e:
                return failed(self.modules.value_of(e, fields.parent))
            if box:
                boxed = JSObject(self.machine.realm.object_prototype)
                boxed.set("namespace", ns, boxed)
                ns = boxed
            promises.perform_then(evaluated, lambda v: promises.call(cap.resolve, UNDEFINED,
                                                                     [ns]), failed, None)
            return UNDEFINED

        promises.perform_then(self.load_async(fields, specifier), loaded, failed, None)
        return cap.promise

    # -- loading --------------------------------------------------------------------------

    def load_now(self, fields, specifier: str) -> None:
        """ses's loadNow: every module of the graph loaded synchronously, or a throw."""
        state = _LoadState(False, not fields.no_aggregate_load_errors)
        current = [(fields, specifier)]
        while current:  # jobs enqueued in one pass run in the next
            state.jobs = []
            for job_fields, job_spec in current:
                try:
                    self._memoized(state, job_fields, job_spec)
                except (JSError, JSThrow) as e:
                    if not state.aggregate:
                        raise
                    state.errors.append(self.modules.value_of(e, job_fields.parent))
            current = state.jobs
        self._throw_aggregate(state, fields, specifier)

    def load_async(self, fields, specifier: str):
        """ses's load: a promise settled once the whole graph is loaded."""
        promises = self.machine.promises
        cap = promises.new_capability(promises.constructor)
        state = _LoadState(True, not fields.no_aggregate_load_errors)
        self._enqueue(state, fields, specifier)
        index = [0]

        def drain(_=None):
            if index[0] < len(state.jobs):
                job = state.jobs[index[0]]
                index[0] += 1
                promises.perform_then(job, drain, failed, None)
                return UNDEFINED
            try:
                self._throw_aggregate(state, fields, specifier)
            except (JSError, JSThrow) as e:
                promises.call(cap.reject, UNDEFINED, [self.modules.value_of(e, fields.parent)])
                return UNDEFINED
            promises.call(cap.resolve, UNDEFINED, [UNDEFINED])
            return UNDEFINED

        def failed(reason):
            promises.call(cap.reject, UNDEFINED, [reason])
            return UNDEFINED

        self.machine.enqueue_job(drain)  # ses: `await null` before draining
        return cap.promise

    def _enqueue(self, state: _LoadState, fields, specifier: str) -> None:
        if not state.is_async:
            state.jobs.append((fields, specifier))
            return
        promises = self.machine.promises
        from .promise import JSPromise

        job = JSPromise(promises.prototype)

        def failed(reason):
            if state.aggregate:
                state.errors.append(reason)
                promises.resolve_promise(job, UNDEFINED)
            else:
                promises.reject_promise(job, reason)
            return UNDEFINED

        promises.perform_then(self._memoized(state, fields, specifier),
                              lambda v: promises.resolve_promise(job, UNDEFINED) or UNDEFINED,
                              failed, None)
        state.jobs.append(job)

    def _memoized(self, state: _LoadState, fields, specifier: str):
        """memoizedLoadWithErrorAnnotation: a record (sync) or a promise for one (async)."""
        key = (id(fields), specifier)
        found = state.loads.get(key)
        if found is not None:
            return found
        gen = self._load_one(state, fields, specifier)
        result = self._run_async(gen) if state.is_async else self._run_sync(gen)
        state.loads[key] = result
        return result

    @staticmethod
    def _run_sync(gen):
        value = None
        while True:
            try:
                value = gen.send(value)
            except StopIteration as stop:
                return stop.value

    def _run_async(self, gen):
        """asyncTrampoline: each value the generator yields is awaited."""
        promises = self.machine.promises
        from .promise import JSPromise

        done = JSPromise(promises.prototype)

        def step(value, throw=False):
            try:
                out = gen.throw(JSThrow(value)) if throw else gen.send(value)
            except StopIteration as stop:
                promises.resolve_promise(done, stop.value if stop.value is not None
                                         else UNDEFINED)
                return UNDEFINED
            except (JSError, JSThrow) as e:
                promises.reject_promise(done, self.modules.value_of(e))
                return UNDEFINED
            if isinstance(out, LoadRecord):  # a load that finished synchronously
                return step(out)
            if isinstance(out, JSPromise) and out.proto is promises.prototype:
                awaited = out
            else:
                try:
                    awaited = promises.promise_resolve(promises.constructor, out)
                except (JSError, JSThrow) as e:
                    return step(self.modules.value_of(e), True)
            promises.perform_then(awaited, step, lambda r: step(r, True), None)
            return UNDEFINED

        self.machine.enqueue_job(lambda: step(None))  # `await null` first
        return done

    def _load_one(self, state: _LoadState, fields, specifier: str):
        """loadWithoutErrorAnnotation (a generator; ``yield x`` awaits x when async)."""
        if specifier in fields.records:
            return fields.records[specifier]
        desc = fields.module_map.get(specifier, UNDEFINED)
        hooks = fields.hooks
        if desc is UNDEFINED and hooks.get("moduleMapHook", UNDEFINED) is not UNDEFINED:
            desc = self.call(hooks["moduleMapHook"], [specifier])
        if desc is UNDEFINED:
            name = "importHook" if state.is_async else "importNowHook"
            hook = hooks.get(name, UNDEFINED)
            if hook is UNDEFINED:
                raise JSError("Error", f"{name} needed to load module {quote(specifier)} in "
                                       f"compartment {quote(fields.name)}")
            desc = self.call(hook, [specifier])
            if not isinstance(desc, DeferredNamespace):
                desc = yield desc
        if type(desc) is str:
            raise JSError("TypeError", f"Cannot map module {quote(specifier)} to {quote(desc)} "
                                       "in parent compartment, use {source} module descriptor")
        if not isinstance(desc, JSObject):
            raise JSError("Error", "module descriptor must be a string or object for specifier "
                                   f"{quote(specifier)} in compartment {quote(fields.name)}")
        if isinstance(desc, DeferredNamespace):
            return (yield from self._load_alias(state, fields, specifier, desc.alias))
        invalid = JSError("Error", "Invalid compartment in module descriptor for specifier "
                                   f"{quote(specifier)} in compartment {quote(fields.name)}")
        namespace = desc.get("namespace")
        if namespace is not UNDEFINED:
            if type(namespace) is str:
                owner = self._fields_of(desc.get("compartment"), fields.parent_fields)
                if owner is None:
                    raise invalid
                record = yield self._memoized(state, owner, namespace)
                fields.records[specifier] = record
                return record
            if isinstance(namespace, DeferredNamespace):
                return (yield from self._load_alias(state, fields, specifier, namespace.alias))
            if not isinstance(namespace, JSObject):
                raise invalid
            names = [k for k in namespace.own_keys() if type(k) is str]
            record = LoadRecord(fields, specifier, _Promoted(namespace, names), {}, UNDEFINED)
            fields.records[specifier] = record
            return record
        source = desc.get("source")
        if source is not UNDEFINED:
            if type(source) is str:
                instance_spec = desc.get("specifier")
                instance_spec = specifier if instance_spec is UNDEFINED else instance_spec
                owner = self._fields_of(desc.get("compartment"), fields.parent_fields)
                meta = desc.get("importMeta")
                if owner is None:
                    raise invalid
                loader_record = yield self._memoized(state, owner, source)
                record = self._load_source(state, fields, to_string(instance_spec),
                                           loader_record.source, meta)
            else:
                alias_spec = desc.get("specifier")
                alias_spec = specifier if alias_spec is UNDEFINED else to_string(alias_spec)
                record = self._load_source(state, fields, alias_spec, source,
                                           desc.get("importMeta"))
            fields.records[specifier] = record
            return record
        if desc.get("archive") is not UNDEFINED:
            raise JSError("Error", "Unsupported archive module descriptor for specifier "
                                   f"{quote(specifier)} in compartment {quote(fields.name)}")
        module_source = desc.get("record")
        if module_source is not UNDEFINED:
            owner = desc.get("compartment")
            owner = fields if owner is UNDEFINED else self._fields_of(owner, None)
            if owner is None:
                raise invalid
            alias_spec = desc.get("specifier")
            alias_spec = specifier if alias_spec is UNDEFINED else to_string(alias_spec)
            record = self._load_source(state, owner, alias_spec, module_source,
                                       desc.get("importMeta"))
            fields.records[specifier] = record
            fields.records[alias_spec] = record
            return record
        compartment = desc.get("compartment")
        target_spec = desc.get("specifier")
        if compartment is not UNDEFINED and target_spec is not UNDEFINED:
            owner = self._fields_of(compartment, None)
            if owner is None or type(target_spec) is not str:
                raise invalid
            return (yield from self._load_alias(state, fields, specifier,
                                                _Alias(owner, target_spec)))
        record = self._load_source(state, fields, specifier, desc, UNDEFINED)
        fields.records[specifier] = record
        return record

    def _load_alias(self, state, fields, specifier: str, alias: _Alias):
        record = yield self._memoized(state, alias.fields, alias.specifier)
        fields.records[specifier] = record
        return record

    @staticmethod
    def _fields_of(value, default):
        from .compartment import CompartmentFields

        if value is UNDEFINED:
            return default
        if isinstance(value, JSObject) and isinstance(value.internal, CompartmentFields):
            return value.internal
        return None

    def _load_source(self, state, fields, specifier: str, source, import_meta) -> LoadRecord:
        """loadModuleSource: resolve the source's imports and enqueue their loads."""
        if isinstance(source, _Promoted):
            imports = []
        else:
            imports = source.get("imports") if isinstance(source, JSObject) else UNDEFINED
            imports = _string_list(imports)
            if imports is None:
                raise JSError("Error", "Invalid module source: 'imports' must be an array of "
                                       f"strings, got {quote(source)} for module "
                                       f"{quote(specifier)} of compartment {quote(fields.name)}")
        resolved: dict[str, str] = {}
        for spec in imports:
            hook = fields.hooks.get("resolveHook", UNDEFINED)
            if not is_callable(hook):
                raise JSError("TypeError", "resolveHook is not a function")
            resolved[spec] = to_string(self.call(hook, [spec, specifier]))
        record = LoadRecord(fields, specifier, source, resolved, import_meta)
        for full in resolved.values():
            self._enqueue(state, fields, full)
        return record

    def _throw_aggregate(self, state: _LoadState, fields, specifier: str) -> None:
        if not state.errors:
            return
        messages = []
        for error in state.errors:
            message = error.get("message") if isinstance(error, JSObject) else UNDEFINED
            messages.append(to_string(message))
        raise JSError("TypeError", f"Failed to load module {quote(specifier)} in package "
                                   f"{quote(fields.name)} ({len(messages)} underlying failures: "
                                   + ", ".join(messages))

    # -- linking ---------------------------------------------------------------------------

    def link(self, fields, specifier: str) -> ModuleRecord:
        """ses's link: the instance of a loaded module, its imports linked recursively."""
        record = fields.records.get(specifier)
        if record is None:
            raise JSError("ReferenceError", f"Missing link to module {quote(specifier)} from "
                                            f"compartment {quote(fields.name)}")
        return self.instantiate(record)

    def instantiate(self, record: LoadRecord) -> ModuleRecord:
        owner = record.fields
        spec = record.specifier
        module = owner.instances.get(spec)
        if module is not None:
            return module
        module = self._make_instance(record)
        module.descriptor_meta = record.import_meta
        module.namespace = self.namespace_of(owner, spec)
        module.namespace.module = module
        owner.instances[spec] = module
        linked = {imp: self.link(owner, full) for imp, full in record.resolved.items()}
        if isinstance(module, SourceTextModule):
            for request in module.compiled.requests:
                module.loaded_modules[request] = linked[request.specifier]
        return module

    def _make_instance(self, record: LoadRecord) -> ModuleRecord:
        owner = record.fields
        spec = record.specifier
        source = record.source
        g = owner.global_env
        host = g.module_host
        if isinstance(source, _Promoted):
            obj = source.obj

            def copy(target):
                for name in source.names:
                    target.set(name, obj.get(name), target)

            return VirtualModule(spec, host, g, source.names, copy)
        where = f", for module {quote(spec)}"
        for name, optional in (("imports", False), ("exports", False), ("reexports", True)):
            value = source.get(name)
            if optional and value is UNDEFINED:
                continue
            if not _is_array(value):
                raise JSError("TypeError", f"Invalid module source: '{name}' must be an array"
                                           f"{' if present' if optional else ''}, got "
                                           f"{quote(value)}{where}")
        compiled = source.internal if source.class_name == "ModuleSource" else None
        if _is_compiled_module(compiled):
            module = SourceTextModule(compiled, spec, host, g)
            module.status = UNLINKED
            module.module_source = source  # `import source` gives back this very object
            return module
        execute = source.get("execute")
        if not is_callable(execute):
            raise JSError("TypeError", f"Invalid module source, got {quote(source)}")
        names = _string_list(source.get("exports"))
        if names is None:
            raise JSError("TypeError", 'SES virtual module source "exports" property must be '
                                       f"an array of strings for module {spec}")
        compartment = owner.compartment_object
        resolved = JSObject(None)
        for imp, full in record.resolved.items():
            resolved.define(imp, full, ENUMERABLE)
        resolved.extensible = False

        def run(target):
            self.machine.interpreter.call(execute, source, [target, compartment, resolved])

        return VirtualModule(spec, host, g, names, run)


def _is_array(value) -> bool:
    from .operations import is_array

    return is_array(value)


def _string_list(value) -> list[str] | None:
    """The strings of a JS array of strings, or None if it is not one."""
    if not _is_array(value):
        return None
    from .operations import create_list_from_array_like

    items = create_list_from_array_like(value)
    if any(type(item) is not str for item in items):
        return None
    return items

