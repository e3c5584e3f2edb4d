"""`new Global({ keys, importHook, importMetaHook })`: the TC39 "new Global" proposal.

caplet follows the later slides (shared/seeds/001): `new Global()` returns a new global
object that shares the realm's intrinsics. By default it has copies of every own
property of the creating global object (same descriptors, so the same `Object`, the
same `x`), or only those named in `keys`; its `[[Prototype]]` starts as the creator's
and may be changed. Its own are `globalThis`, `eval`, `Function` (whose `prototype` is
the shared `Function.prototype`), `Global` and `import` — the first-class import,
`globalThis.import(x)` being `eval("s => import(s)")(x)` without an evaluator. The
async, generator and async-generator function prototypes are shared (their
`constructor`s are the realm's; lockdown makes them inert).

Modules: without `importHook` the new Global uses its creator's module host and so its
module map (`import("x")` from either gives the same namespace). With one, its
:class:`HookHost` asks `importHook(specifier)` (a promise is awaited) for a ModuleSource
(instantiated in the new Global, once per specifier) or a module namespace (that
module, shared); `importMetaHook(specifier, meta)` fills `import.meta`.
"""

from __future__ import annotations

from .convert import is_callable, to_string
from .module_namespace import ModuleNamespace
from .modules import SourceTextModule
from .objects import CONFIGURABLE, WRITABLE, JSError, JSObject, JSThrow
from .realm import Global
from .values import UNDEFINED

OWN = ("globalThis", "eval", "Function", "Global", "import")  # never copied from the creator


class HookHost:
    """A Global's module host made of its `importHook` and `importMetaHook`."""

    def __init__(self, machine, g: Global, import_hook, import_meta_hook):
        self.machine = machine
        self.global_env = g
        self.import_hook = import_hook
        self.import_meta_hook = import_meta_hook
        self.module_map: dict[str, object] = {}
        self.pending: dict[str, list] = {}  # specifier -> callbacks waiting for the hook

    def load_imported_module(self, referrer, request, finish) -> None:
        spec = request.specifier
        found = self.module_map.get(spec)
        if found is not None:
            finish(found, None)
            return
        waiting = self.pending.get(spec)
        if waiting is not None:  # the hook is already answering for this specifier
            waiting.append(finish)
            return
        machine = self.machine
        promises = machine.promises
        value = machine.interpreter.call(self.import_hook, UNDEFINED, [spec])
        awaited = promises.promise_resolve(promises.constructor, value)
        waiting = self.pending[spec] = [finish]

        def settle(record, error):
            del self.pending[spec]
            for done in waiting:
                done(record, error)
            return UNDEFINED

        def answered(result):
            try:
                record = self._record(spec, result)
            except (JSError, JSThrow) as e:
                return settle(None, machine.modules.value_of(e, self.global_env))
            self.module_map[spec] = record
            return settle(record, None)

        promises.perform_then(awaited, answered, lambda reason: settle(None, reason), None)

    def _record(self, spec: str, result):
        if isinstance(result, ModuleNamespace) and result.module is not None:
            return result.module  # `return import(specifier)`: share that instance
        compiled = source_of(result)
        if compiled is None:
            raise JSError("TypeError", f"importHook for '{spec}' must give a ModuleSource or "
                                       "a module namespace")
        module = SourceTextModule(compiled, spec, self, self.global_env)
        module.module_source = result
        return module

    def import_meta_properties(self, module) -> list:
        return []

    def initialize_import_meta(self, module, meta: JSObject) -> None:
        if is_callable(self.import_meta_hook):
            self.machine.interpreter.call(self.import_meta_hook, UNDEFINED,
                                          [module.specifier, meta])


def source_of(value):
    """The compiled module of a ModuleSource object, else None."""
    from compiler.module import CompiledModule

    if isinstance(value, JSObject) and value.class_name == "ModuleSource" and \
            isinstance(value.internal, CompiledModule):
        return value.internal
    return None


def install(machine, g: Global) -> None:
    """Give the Global ``g`` its own `Global` constructor and first-class `import`."""
    realm = machine.realm

    def call(this, args):
        raise JSError("TypeError", "Constructor Global requires 'new'")

    def construct(args, new_target):
        return new_global(machine, g, args[0] if args else UNDEFINED).global_object

    ctor = realm.native("Global", call, 0, construct)
    g.global_object.define("Global", ctor, WRITABLE | CONFIGURABLE)

    def import_(this, args):
        specifier = args[0] if args else UNDEFINED
        options = args[1] if len(args) > 1 else UNDEFINED
        return machine.modules.import_call(None, g, specifier, options, 0)

    realm.method(g.global_object, "import", import_, 1)


def new_global(machine, creator: Global, options) -> Global:
    """Make a Global from the options bag (see the module doc)."""
    keys = import_hook = import_meta_hook = UNDEFINED
    if isinstance(options, JSObject):
        keys = options.get("keys")
        import_hook = options.get("importHook")
        import_meta_hook = options.get("importMetaHook")
    elif options is not UNDEFINED:
        raise JSError("TypeError", "new Global: options must be an object")
    for name, hook in (("importHook", import_hook), ("importMetaHook", import_meta_hook)):
        if hook is not UNDEFINED and not is_callable(hook):
            raise JSError("TypeError", f"new Global: {name} must be a function")
    source = creator.global_object
    if keys is UNDEFINED:
        names = source.own_keys()
    else:
        from .operations import create_list_from_array_like

        if not isinstance(keys, JSObject):
            raise JSError("TypeError", "new Global: keys must be an array of strings")
        names = [to_string(k) if type(k) is not str else k
                 for k in create_list_from_array_like(keys)]

    def populate(g: Global) -> None:
        obj = g.global_object
        obj.proto = source.proto
        for key in names:
            if key in OWN:
                continue
            slot = source.get_own_property(key)
            if slot is not None:
                obj.define_own_property(key, slot)
        obj.define("globalThis", obj, WRITABLE | CONFIGURABLE)
        from . import evaluators

        evaluators.install(machine, g)
        install(machine, g)

    g = Global(machine.realm, "global", populate=populate)
    g.output = creator.output
    if import_hook is UNDEFINED:
        g.module_host = creator.module_host
    else:
        g.module_host = HookHost(machine, g, import_hook, import_meta_hook)
    return g
