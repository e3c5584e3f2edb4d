"""`Compartment`: a Global with its own global object and evaluators, shared intrinsics.

A compartment is a :class:`~vm.realm.Global` like the main one: its functions record it
as their Global, its `eval`, `Function` and `Compartment` compile and create into it,
and its global object holds the shared intrinsics the way `ses` 2.x lays them out
(after lockdown: `%SharedDate%`, `%SharedMath%`, `harden`). That layout is one frozen
template shared by every compartment (vm/global_object.py): a compartment's global
object is an alias of it plus what the compartment writes, its endowments among them,
and its `globalThis`, `eval`, `Function` and `Compartment` are made on first read.
`%CompartmentPrototype%` is one shared intrinsic; each Global has its own `Compartment`
constructor whose compartments record it as their parent.

Module options (`modules`, `resolveHook`, `importHook`, `importNowHook`,
`moduleMapHook`, `importMetaHook`, `__noNamespaceBox__`, `noAggregateLoadErrors`) are
read and checked here and kept in :class:`CompartmentFields`; `import`, `importNow`,
`load` and `module` are vm/compartment_modules.py's.

Metering: when the machine's limit hook declines to refill the instruction budget while
a compartment evaluation runs, that compartment stops (fail-stop): its evaluation
unwinds without running any of its `catch` or `finally` code, the compartment refuses
further evaluations, and its caller gets an Error it may catch.
"""

from __future__ import annotations

from functools import cached_property

from compiler.errors import JSSyntaxError

from .convert import is_callable, to_string
from .errors import UncaughtError
from .evaluators import STRICT_GLOBAL_CODE
from .global_object import GlobalObject, PerGlobal, Template
from .interpreter import StepLimit
from .limits import Terminated
from .objects import (
    CONFIGURABLE,
    ENUMERABLE,
    WRITABLE,
    JSError,
    JSFunction,
    JSObject,
    Slot,
)
from .operations import get_prototype_from_constructor
from .realm import Global
from .symbols import TO_STRING_TAG
from .values import NULL, UNDEFINED

# Names every compartment global gets (ses permits.js `universalPropertyNames`), when
# the realm has the intrinsic; then the per-lockdown ones (`sharedGlobalPropertyNames`).
UNIVERSAL = (
    "isFinite", "isNaN", "parseFloat", "parseInt", "decodeURI", "decodeURIComponent",
    "encodeURI", "encodeURIComponent", "Array", "ArrayBuffer", "BigInt", "BigInt64Array",
    "BigUint64Array", "Boolean", "DataView", "EvalError", "Int8Array", "Int16Array",
    "Int32Array", "Map", "Number", "Object", "Promise", "Proxy", "RangeError",
    "ReferenceError", "Set", "String", "SyntaxError", "TypeError", "Uint8Array",
    "Uint8ClampedArray", "Uint16Array", "Uint32Array", "URIError", "WeakMap", "WeakSet",
    "Iterator", "AsyncIterator", "AggregateError", "JSON", "Reflect", "TextEncoder",
    "TextDecoder", "escape", "unescape", "ModuleSource", "lockdown", "harden",
)
SHARED = ("Date", "Error", "RegExp", "Symbol", "Math", "Temporal")
CONSTANTS = (("Infinity", float("inf")), ("NaN", float("nan")), ("undefined", UNDEFINED))
MODULE_HOOKS = ("resolveHook", "importHook", "importNowHook", "moduleMapHook",
                "importMetaHook")


class CompartmentFields:
    """What a Compartment object holds (ses's `privateFields` record)."""

    def __init__(self, name: str, global_env: Global, parent: Global) -> None:
        self.name = name
        self.global_env = global_env
        self.parent = parent
        self.transforms: list = []
        self.module_map: dict = {}
        self.hooks: dict[str, object] = {}  # the MODULE_HOOKS given (absent: undefined)
        self.no_namespace_box = False
        self.no_aggregate_load_errors = False
        self.terminated: str | None = None  # why it stopped (fail-stop), if it did
        # modules (vm/compartment_modules.py): ses's parentCompartment, this compartment
        self.parent_fields = getattr(parent, "compartment", None)
        self.compartment_object = None


class SloppyGlobalsView(Global):
    """The Global as code of a `sloppyGlobalsMode` evaluation sees it (same objects)."""

    sloppy_globals = True
    halted = property(lambda self: self.base.halted)  # the base's, even if it changes
    eval_function = property(lambda self: self.base.eval_function)  # made on first read

    def __init__(self, base: Global) -> None:  # noqa: D107 - shares, does not populate
        self.__dict__.update(base.__dict__)
        self.__dict__.pop("halted", None)
        self.base = base


def _own_enumerable(obj) -> dict:
    """{key: value} of an object's own enumerable properties (`{...obj}`)."""
    if not isinstance(obj, JSObject):
        return {}
    out = {}
    for key in obj.own_keys():
        slot = obj.get_own_property(key)
        if slot is not None and slot.flags & ENUMERABLE:
            out[key] = obj.get(key)
    return out


def compartment_options(args: list) -> dict:
    """ses `compartmentOptions`: the options bag form or the legacy three arguments."""
    if not args:
        return {}
    first = args[0]
    if len(args) == 1 and isinstance(first, JSObject) and first.has_property("__options__"):
        sigil = first.get("__options__")
        if sigil is not True:
            raise JSError("Error", "Compartment constructor only supports true __options__ "
                                   f"sigil, got {to_string(sigil)}")
        options = _own_enumerable(first)
        options.pop("__options__", None)
        return options
    globals_ = args[0] if args[0] is not UNDEFINED else None
    modules = args[1] if len(args) > 1 and args[1] is not UNDEFINED else None
    options = args[2] if len(args) > 2 and args[2] is not UNDEFINED else None
    chosen = _own_enumerable(options) if options is not None else {}
    if isinstance(options, JSObject):
        if options.get("modules") is not UNDEFINED:
            raise JSError("RangeError", "Compartment constructor must receive either a module "
                                        "map argument or modules option, not both")
        if options.get("globals") is not UNDEFINED:
            raise JSError("RangeError", "Compartment constructor must receive either globals "
                                        "argument or option, not both")
    elif options is not None and options is not NULL and not isinstance(options, JSObject):
        pass  # a primitive has no options, as `{...5}` has none
    if options is NULL:
        raise JSError("TypeError", "Cannot read properties of null (reading 'modules')")
    chosen["globals"] = globals_ if globals_ is not None else UNDEFINED
    chosen["modules"] = modules if modules is not None else UNDEFINED
    return chosen


class Compartments:
    """The machine's Compartment support: the shared prototype and each Global's
    constructor."""

    def __init__(self, machine) -> None:
        self.machine = machine
        self.templates: dict[tuple, Template] = {}  # compartment global templates, shared
        self.active: list[CompartmentFields] = []  # evaluations running, innermost last
        machine.realm.intrinsics.defer(("%CompartmentPrototype%", "%InertCompartment%"),
                                       self._make_prototype)  # on first use (vm/lazy.py)

    @property
    def prototype(self) -> JSObject:
        return self.machine.realm.intrinsics["%CompartmentPrototype%"]

    @cached_property
    def modules(self):
        """import, importNow, load, module (vm/compartment_modules.py), made on first use."""
        from .compartment_modules import CompartmentModules

        return CompartmentModules(self)

    # -- the shared prototype -------------------------------------------------------

    def fields(self, this, method: str) -> CompartmentFields:
        fields = this.internal if isinstance(this, JSObject) else None
        if not isinstance(fields, CompartmentFields):
            raise JSError("TypeError", f"Compartment.prototype.{method} called on an object "
                                       "that is not a Compartment")
        return fields

    def _make_prototype(self) -> JSObject:
        realm = self.machine.realm
        proto = JSObject(realm.object_prototype)

        def inert(this, args):
            raise JSError("TypeError",
                          "Compartment.prototype.constructor is not a valid constructor.")

        inert_ctor = realm.native("Compartment", inert, 0,
                                  lambda args, new_target: inert(None, args))
        inert_ctor.define("prototype", proto, 0)
        proto.define("constructor", inert_ctor, WRITABLE | CONFIGURABLE)

        def getter(name, read):
            fn = realm.native(f"get {name}", lambda this, args: read(self.fields(this, name)))
            proto.define_accessor(name, fn, UNDEFINED, CONFIGURABLE)

        getter("globalThis", lambda f: f.global_env.global_object)
        getter("name", lambda f: f.name)
        getter("__noNamespaceBox__", lambda f: f.no_namespace_box)
        realm.method(proto, "evaluate", self._evaluate, 1)

        self._module_methods(proto)
        proto.define(TO_STRING_TAG, "Compartment", CONFIGURABLE)
        realm.intrinsics["%CompartmentPrototype%"] = proto
        realm.intrinsics["%InertCompartment%"] = inert_ctor
        return proto

    def _module_methods(self, proto: JSObject) -> None:
        """`module`, `importNow`, `import`, `load` (vm/compartment_modules.py does the work)."""
        realm = self.machine.realm
        loader = self.modules

        def method(name, is_async, body):
            def run(this, args):
                fields = self.fields(this, name)
                specifier = args[0] if args else UNDEFINED
                if type(specifier) is not str:
                    error = JSError("TypeError", f"first argument of {name}() must be a string")
                    if is_async:
                        return self._rejected(error)
                    raise error
                return body(fields, specifier)

            realm.method(proto, name, run, 1)

        method("module", False, loader.namespace_of)
        method("import", True, lambda f, s: loader.import_(f, s, not f.no_namespace_box))
        method("load", True, loader.load_async)
        method("importNow", False, loader.import_now)

    def _rejected(self, error: JSError):
        from .promise import JSPromise

        machine = self.machine
        promise = JSPromise(machine.realm.intrinsics["%Promise.prototype%"])
        machine.promises.reject_promise(promise, machine.error_object(error))
        return promise

    # -- constructors ---------------------------------------------------------------

    def install(self, g: Global) -> JSObject:
        """Give the Global ``g`` its own `Compartment` constructor."""
        ctor = self.make_constructor(g)
        g.global_object.define("Compartment", ctor, WRITABLE | CONFIGURABLE)
        return ctor

    def make_constructor(self, g: Global) -> JSObject:
        """The Global ``g``'s own `Compartment` (compartments it makes have ``g`` as their
        parent), charged to ``g``."""
        realm = self.machine.realm

        def call(this, args):
            raise JSError("TypeError",
                          "Class constructor Compartment cannot be invoked without 'new'")

        def construct(args, new_target):
            return self.construct(g, args, new_target)

        ctor = realm.native("Compartment", call, 0, construct)
        ctor.define("prototype", self.prototype, WRITABLE)
        g.note_host_objects(ctor)
        return ctor

    def construct(self, parent: Global, args: list, new_target) -> JSObject:
        """new Compartment(...): read the options, make the Global, add endowments."""
        machine = self.machine
        options = compartment_options(args)
        name = options.get("name", UNDEFINED)
        name = "<unknown>" if name is UNDEFINED else to_string(name)
        proto = get_prototype_from_constructor(machine.realm, new_target,
                                               "%CompartmentPrototype%")
        compartment = JSObject(proto, "Compartment")
        g = self.make_global(name)
        fields = CompartmentFields(name, g, parent)
        g.compartment = fields
        fields.transforms = self._transforms(options.get("transforms", UNDEFINED)) + \
            self._transforms(options.get("__shimTransforms__", UNDEFINED))
        for hook in MODULE_HOOKS:
            value = options.get(hook, UNDEFINED)
            if value is not UNDEFINED and not is_callable(value):
                raise JSError("TypeError", f"Compartment option {hook} must be a function, "
                                           f"got {to_string(_kind(value))}")
            if value is not UNDEFINED:
                fields.hooks[hook] = value
        modules = options.get("modules", UNDEFINED)
        if modules is not UNDEFINED and not isinstance(modules, JSObject):
            if modules is NULL:
                modules = UNDEFINED
            else:
                raise JSError("TypeError", "Compartment option modules must be an object")
        fields.module_map = _own_enumerable(modules)
        fields.no_namespace_box = _truthy(options.get("__noNamespaceBox__", False))
        fields.no_aggregate_load_errors = _truthy(options.get("noAggregateLoadErrors", False))
        quota, instructions = resource_limits(options.get("resourceLimits", UNDEFINED))
        machine.limits.adopt(g, "Compartment", quota, instructions)
        endowments = _own_enumerable(options.get("globals", UNDEFINED))
        obj = g.global_object
        for key, value in endowments.items():
            if not obj.set(key, value, obj):
                raise JSError("TypeError", f"Cannot assign to read only property "
                                           f"'{to_string(key) if type(key) is str else key}'"
                                           " of object '#<Object>'")
        compartment.internal = fields
        fields.compartment_object = compartment
        self.modules.setup(fields)
        return compartment

    @staticmethod
    def _transforms(value) -> list:
        if value is UNDEFINED:
            return []
        if not isinstance(value, JSObject):
            raise JSError("TypeError", "Compartment transforms must be an array of functions")
        from .operations import create_list_from_array_like

        items = create_list_from_array_like(value)
        for item in items:
            if not is_callable(item):
                raise JSError("TypeError", "Compartment transforms must be functions")
        return items

    def make_global(self, name: str) -> Global:
        """A compartment's Global: its global object an alias of the shared template, its
        evaluators strict (a device's apps are made so too, firmware_bridge/apps.py)."""
        template = self.template()
        proto = self.machine.realm.object_prototype
        return Global(self.machine.realm, name, populate=_strict_evaluators,
                      global_object=lambda g: GlobalObject(proto, template, g))

    def template(self) -> Template:
        """The shared template of a compartment's global object (see the module doc),
        made once per layout of the intrinsics it names (before and after lockdown)."""
        realm = self.machine.realm
        intr = realm.intrinsics
        locked = self.machine.hardened.done
        bindings: list = []
        for name in UNIVERSAL:
            value = intr.get(f"%{name}%")
            if value is not None:
                bindings.append((name, value))
        for name in SHARED:
            value = intr.get(f"%Shared{name}%" if locked else f"%Initial{name}%") or \
                intr.get(f"%{name}%")
            if value is not None:
                bindings.append((name, value))
        signature = tuple((name, id(value)) for name, value in bindings)
        found = self.templates.get(signature)
        if found is not None:
            return found
        entries: dict = {name: Slot(value, 0) for name, value in CONSTANTS}
        for name, value in bindings:
            entries[name] = Slot(value, WRITABLE | CONFIGURABLE)
        entries.update(self._per_compartment())
        template = Template(entries, 0, True)  # intrinsics and evaluators: ROM bindings
        self.templates[signature] = template
        return template

    def _per_compartment(self) -> dict:
        """The template's last entries: what each compartment has its own of, made when
        first read (`globalThis` is the global object itself)."""
        machine = self.machine
        from . import evaluators

        def noted(make):
            def made(g: Global) -> JSObject:
                fn = make(machine, g)
                g.note_host_objects(fn)
                return fn
            return made

        flags = WRITABLE | CONFIGURABLE
        return {"globalThis": Slot(PerGlobal(None), flags),
                "Compartment": Slot(PerGlobal(self.make_constructor), flags),
                "eval": Slot(PerGlobal(noted(evaluators.make_eval)), flags),
                "Function": Slot(PerGlobal(noted(evaluators.make_function_constructor)),
                                 flags)}

    # -- evaluate -------------------------------------------------------------------

    def _evaluate(self, this, args):
        fields = self.fields(this, "evaluate")
        source = args[0] if args else UNDEFINED
        options = args[1] if len(args) > 1 else UNDEFINED
        if type(source) is not str:
            raise JSError("TypeError", "first argument of evaluate() must be a string")
        sloppy = False
        transforms = []
        if isinstance(options, JSObject):
            sloppy = _truthy(options.get("sloppyGlobalsMode"))
            transforms = self._transforms(options.get("transforms"))
        elif options is NULL:
            raise JSError("TypeError", "Cannot read properties of null (reading "
                                       "'sloppyGlobalsMode')")
        return self.evaluate(fields, source, sloppy, transforms)

    def evaluate(self, fields: CompartmentFields, source: str, sloppy: bool = False,
                 transforms: list = ()):
        """Run ``source`` as strict global code of the compartment, its declarations
        local to this evaluation; returns the completion value."""
        if fields.terminated is not None:
            raise JSError("Error", f'Compartment "{fields.name}" was terminated: '
                                   f"{fields.terminated}")
        machine = self.machine
        for transform in [*transforms, *fields.transforms]:
            source = machine.interpreter.call(transform, UNDEFINED, [source])
            if type(source) is not str:
                raise JSError("TypeError", "a transform must return a string")
        g = fields.global_env
        code = self._compile(source)
        env = SloppyGlobalsView(g) if sloppy else g
        fn = JSFunction(machine.realm.function_prototype, code, [], env)
        return self.run_turn(fields, lambda: machine.interpreter.run(
            fn, g.global_object, [], UNDEFINED))

    def run_turn(self, fields: CompartmentFields, thunk):
        """Run ``thunk`` as a turn of the compartment: under its instruction budget, and
        stopped fail-stop (an Error for the caller) when a limit terminates it."""
        machine = self.machine
        g = fields.global_env
        self.active.append(fields)
        try:
            return machine.limits.run_turn(g, thunk)
        except StepLimit as stop:
            if getattr(stop, "compartment", None) is not fields:
                raise
            if not isinstance(stop, Terminated):  # the host's limit hook refused: stop it
                machine.limits.terminate(g, str(stop), unwind=False)
                machine.limits.meter.refill()
            raise JSError("Error", f'Compartment "{fields.name}" terminated: '
                                   f"{fields.terminated}") from None
        finally:
            self.active.pop()

    def run_job(self, job) -> None:
        """A job a compartment queued: dropped if it was terminated, else its turn."""
        fields = job.owner.compartment
        if job.owner.halted is True:
            return
        try:
            self.machine._guard(lambda: self.run_turn(fields, job.job), job.owner, turn=False)
        except UncaughtError:
            if job.owner.halted is not True:
                raise  # an ordinary uncaught error; a termination was reported already

    def _compile(self, source: str):
        cache = self.machine.eval_cache
        key = (STRICT_GLOBAL_CODE, source)
        code = cache.get(key)
        if code is None:
            from compiler import parse
            from compiler.codegen import compile_eval

            try:
                program = parse(source, eval_site=STRICT_GLOBAL_CODE)
                code = compile_eval(program, source, STRICT_GLOBAL_CODE)
            except JSSyntaxError as err:
                raise JSError("SyntaxError", err.message) from None
            if len(cache) >= 256:
                cache.pop(next(iter(cache)))
            cache[key] = code
        return code

    def out_of_steps(self) -> None:
        """The limit hook said stop: stop the innermost running compartment, if any."""
        if self.active:
            stop = StepLimit("instruction budget exhausted")
            stop.compartment = self.active[-1]
            raise stop
        raise StepLimit("instruction budget exhausted")


def _strict_evaluators(g: Global) -> None:
    """A compartment's populate: its bindings are its template's; its eval and Function
    compile strict code, as in `ses`."""
    g.strict_evaluators = True


def resource_limits(value, who: str = "Compartment") -> tuple[int | None, int | None]:
    """caplet's `resourceLimits: { heapBytes, instructions }` option (of a Compartment or
    a new Global): a heap quota in bytes (by the machine's cost model) and an
    instruction budget per turn."""
    if value is UNDEFINED:
        return None, None
    if not isinstance(value, JSObject):
        raise JSError("TypeError", f"{who} option resourceLimits must be an object")
    out = []
    for key in ("heapBytes", "instructions"):
        n = value.get(key)
        if n is UNDEFINED:
            out.append(None)
            continue
        if type(n) is not float or n != n or n < 0 or n != int(n) or n > 2.0 ** 53:
            raise JSError("RangeError", f"resourceLimits.{key} must be a non-negative "
                                        f"integer, got {_kind(n)} {_shown(n)}")
        out.append(int(n))
    return out[0], out[1]


def _shown(value) -> str:
    return to_string(value) if type(value) in (float, str, bool) else ""


def _truthy(value) -> bool:
    from .convert import to_boolean

    return to_boolean(value)


def _kind(value) -> str:
    from .convert import type_of

    return type_of(value)
