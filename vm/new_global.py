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

import math

from .convert import is_callable, to_string
from .errors import UncaughtError
from .evaluators import perform_indirect_eval
from .global_object import GlobalObject, PerGlobal, Template
from .limits import Terminated
from .module_namespace import ModuleNamespace
from .modules import SourceTextModule
from .objects import CONFIGURABLE, DEFAULT, WRITABLE, JSError, JSObject, JSThrow, Slot
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


def make_global_constructor(machine, g: Global):
    """The Global ``g``'s own `Global` constructor (new Globals it makes have ``g`` as
    their creator)."""

    def call(this, args):
        raise JSError("TypeError", "Constructor Global requires 'new'")

    def construct(args, new_target):
        return new_global(machine, g, args[0] if args else UNDEFINED).global_object

    fn = machine.realm.native("Global", call, 0, construct)
    g.note_host_objects(fn)
    return fn


def make_import(machine, g: Global):
    """The Global ``g``'s first-class `import(specifier, options)`."""

    def import_(this, args):
        specifier = args[0] if args else UNDEFINED
        options = args[1] if len(args) > 1 else UNDEFINED
        return machine.modules.import_call(None, g, specifier, options, 0)

    fn = machine.realm.native("import", import_, 1)
    g.note_host_objects(fn)
    return fn


def make_eval(machine, g: Global):
    """A new Global's `eval`: an indirect eval is a turn of that Global (its budget)."""

    def eval_(this, args):
        source = args[0] if args else UNDEFINED
        if g.heap is None:
            return perform_indirect_eval(machine, g, source)
        return run_turn(machine, g, lambda: perform_indirect_eval(machine, g, source))

    fn = machine.realm.native("eval", eval_, 1)
    g.eval_function = fn
    g.note_host_objects(fn)
    return fn


def run_turn(machine, g: Global, thunk):
    """Run ``thunk`` as a turn of the new Global ``g``; if a limit stops ``g`` (fail-stop)
    its caller gets an Error."""
    try:
        return machine.limits.run_turn(g, thunk)
    except Terminated as stop:
        if stop.global_env is not g:
            raise
        raise JSError("Error", f'Global "{g.name}" terminated: {g.heap.terminated}') from None


def run_job(machine, job) -> None:
    """A job a new Global's turn queued: dropped if that Global was terminated, else
    run as its turn."""
    g = job.owner
    if g.halted is True:
        return
    try:
        machine._guard(lambda: run_turn(machine, g, job.job), g, turn=False)
    except UncaughtError:
        if g.halted is not True:
            raise  # an ordinary uncaught error; a termination was reported already


def install(machine, g: Global) -> None:
    """Give the (main-like) Global ``g`` its own `Global` constructor and `import`."""
    obj = g.global_object
    obj.define("Global", make_global_constructor(machine, g), WRITABLE | CONFIGURABLE)
    obj.define("import", make_import(machine, g), WRITABLE | CONFIGURABLE)


def _makers(machine) -> dict:
    """The PerGlobal entries every template ends with (made once per machine)."""
    made = getattr(machine.realm, "per_global_entries", None)
    if made is None:
        from .evaluators import make_function_constructor

        made = machine.realm.per_global_entries = {
            name: Slot(PerGlobal(make), WRITABLE | CONFIGURABLE) for name, make in (
                ("globalThis", None),
                ("eval", lambda g: make_eval(machine, g)),
                ("Function", lambda g: _noted(g, make_function_constructor(machine, g))),
                ("Global", lambda g: make_global_constructor(machine, g)),
                ("import", lambda g: make_import(machine, g)))}
    return made


def _noted(g: Global, fn: JSObject) -> JSObject:
    g.note_host_objects(fn)
    return fn


TEMPLATE_CACHE = 16  # distinct templates a realm shares; past that each Global has its own
_STANDARD = {"Infinity": float("inf"), "undefined": UNDEFINED}


def _signature(key, stored) -> tuple:
    """What makes two template entries the same (by identity for objects; floats by sign
    too, and types apart, so 0 and -0, 1 and true and 1n differ)."""
    if type(stored) is Slot:
        value = stored.value
        return (key, stored.flags, type(value), value, _sign(value), stored.getter,
                stored.setter)
    return (key, DEFAULT, type(stored), stored, _sign(stored))


def _sign(value) -> float:
    return math.copysign(1.0, value) if type(value) is float else 0.0


def _is_rom_binding(realm, key, stored) -> bool:
    """The realm's standard binding of ``key`` (what a device keeps in ROM)."""
    if type(stored) is not Slot or type(key) is not str:
        return False
    value = stored.value
    if type(value) is PerGlobal:
        return True
    if stored.flags == WRITABLE | CONFIGURABLE:
        return value is realm.intrinsics.get(f"%{key}%") and isinstance(value, JSObject)
    if stored.flags == 0:
        if key == "NaN":
            return type(value) is float and value != value
        return key in _STANDARD and value is not None and type(value) is type(
            _STANDARD[key]) and value == _STANDARD[key]
    return False


def template_for(machine, source: JSObject, names: list) -> Template:
    """The shared template of the bindings ``names`` of ``source`` (see
    vm/global_object.py), cached per realm."""
    realm = machine.realm
    copied = []
    for key in names:
        if key in OWN:
            continue
        slot = source.get_own_property(key)
        if slot is not None:
            copied.append((key, slot))
    signature = tuple(_signature(key, slot.value if slot.flags == DEFAULT else slot)
                      for key, slot in copied)
    cache = realm.__dict__.setdefault("global_templates", {})
    found = cache.get(signature)
    if found is not None:
        return found
    entries: dict = {}
    for key, slot in copied:
        entries[key] = slot.value if slot.flags == DEFAULT else Slot(
            slot.value, slot.flags, slot.getter, slot.setter)  # the creator's may change
    entries.update(_makers(machine))
    charged = sum(not _is_rom_binding(realm, k, s) for k, s in entries.items())
    shared = len(cache) < TEMPLATE_CACHE
    template = Template(entries, charged, shared)
    if shared:
        cache[signature] = template
    return template


def new_global(machine, creator: Global, options) -> Global:
    """Make a Global from the options bag (see the module doc)."""
    keys = import_hook = import_meta_hook = limits = UNDEFINED
    if isinstance(options, JSObject):
        keys = options.get("keys")
        import_hook = options.get("importHook")
        import_meta_hook = options.get("importMetaHook")
        limits = options.get("resourceLimits")
    elif options is not UNDEFINED:
        raise JSError("TypeError", "new Global: options must be an object")
    for name, hook in (("importHook", import_hook), ("importMetaHook", import_meta_hook)):
        if hook is not UNDEFINED and not is_callable(hook):
            raise JSError("TypeError", f"new Global: {name} must be a function")
    from .compartment import resource_limits

    quota, instructions = resource_limits(limits, "new Global")
    source = creator.global_object
    if keys is UNDEFINED:
        names = source.own_keys()
    else:
        from .operations import create_list_from_array_like

        if not isinstance(keys, JSObject):
            raise JSError("TypeError", "new Global: keys must be an array of strings")
        names = [to_string(k) if type(k) is not str else k
                 for k in create_list_from_array_like(keys)]
    template = template_for(machine, source, names)
    g = Global(machine.realm, "global", populate=_NOTHING,
               global_object=lambda g: GlobalObject(source.proto, template, g))
    g.output = creator.output
    if import_hook is UNDEFINED:
        g.module_host = creator.module_host
    else:
        g.module_host = HookHost(machine, g, import_hook, import_meta_hook)
    machine.limits.adopt(g, "Global", quota, instructions)
    return g


def _NOTHING(g: Global) -> None:  # noqa: N802 - a populate that adds nothing
    return None
