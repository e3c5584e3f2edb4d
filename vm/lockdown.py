"""`lockdown(options)`: the `ses` 2.x options, the repairs, and the move into ROM.

The order follows `ses` (src/lockdown.js), because it is observable: unknown options
are rejected first (an Error naming them), then `reporting` is checked, deprecated
options warn, a second call throws a TypeError, and only then is the realm changed.
`overrideTaming` is checked after the machine counts as locked down, as in `ses`.

The repairs: the function prototypes' `constructor`s become inert (they throw instead
of compiling), `%SharedDate%` and `%SharedMath%` are made for compartments (when the
realm has Date and Math), *Locale* methods lose their locale, `harden` appears. Then
every intrinsic, transitively, is frozen and moved into the ROM segment that every
Global shares (vm/harden.py). The override mistake needs no property rewriting here:
vm/objects.py lets an assignment shadow any read-only property of a ROM object.
"""

from __future__ import annotations

from .convert import to_object, to_string
from .harden import freeze_into_rom, harden
from .objects import CONFIGURABLE, ENUMERABLE, ROM, WRITABLE, JSError, JSObject
from .patterns import LazyPattern
from .symbols import symbol_for
from .values import NULL, UNDEFINED, JSSymbol

# name -> (default, values ses gives a meaning; others act as the default)
OPTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "errorTaming": ("safe", ("safe", "unsafe", "unsafe-debug")),
    "errorTrapping": ("platform", ("platform", "none", "report", "abort", "exit")),
    "reporting": ("platform", ("platform", "console", "none")),
    "unhandledRejectionTrapping": ("report", ("report", "none")),
    "regExpTaming": ("safe", ("safe", "unsafe")),
    "localeTaming": ("safe", ("safe", "unsafe")),
    "consoleTaming": ("safe", ("safe", "unsafe")),
    "overrideTaming": ("moderate", ("moderate", "min", "severe")),
    "stackFiltering": ("concise", ("concise", "omit-frames", "shorten-paths", "verbose")),
    "domainTaming": ("safe", ("safe", "unsafe")),
    "evalTaming": ("safe-eval", ("safe-eval", "unsafe-eval", "no-eval",
                                 "safeEval", "unsafeEval", "noEval")),
    "overrideDebug": ("", ()),
    "legacyRegeneratorRuntimeTaming": ("safe", ("safe", "unsafe-ignore")),
    "__hardenTaming__": ("safe", ("safe", "unsafe")),
}
DEPRECATED = ("dateTaming", "mathTaming")  # accepted, warned about, ignored

ALREADY = "Already locked down at (a TypeError) (SES_ALREADY_LOCKED_DOWN)"
NO_EVAL = 'Cannot eval with evalTaming set to "no-eval" (SES_NO_EVAL)'
INERT = "Function.prototype.constructor is not a valid constructor."
_FUNCTION_PROTOTYPES = (("Function", "%Function.prototype%"),
                        ("GeneratorFunction", "%GeneratorFunction.prototype%"),
                        ("AsyncFunction", "%AsyncFunction.prototype%"),
                        ("AsyncGeneratorFunction", "%AsyncGeneratorFunction.prototype%"))
_LOCALE = LazyPattern(r"^(\w*[a-z])Locale([A-Z]\w*)$")


def _quote_keys(keys: list) -> str:
    """How ses's `q` prints a list of property keys: JSON, a symbol as "[Symbol(d)]"."""
    import json  # only for error messages: start-up matters

    return json.dumps([f"[Symbol({k.description or ''})]" if type(k) is JSSymbol else k
                       for k in keys], separators=(",", ":"), ensure_ascii=False)


def read_options(obj) -> dict:
    """The options record (defaults filled in), rejecting unknown keys as ses does:
    ``obj`` is the options object (after ToObject) or undefined."""
    if obj is UNDEFINED:
        chosen = {name: default for name, (default, _) in OPTIONS.items()}
        return chosen | {name: UNDEFINED for name in DEPRECATED}
    chosen = {}
    for name, (default, _) in OPTIONS.items():
        value = obj.get(name)
        chosen[name] = default if value is UNDEFINED else value
    for name in DEPRECATED:
        chosen[name] = obj.get(name)
    extra = []
    for key in obj.own_keys():
        slot = obj.get_own_property(key)
        known = key in OPTIONS or key in DEPRECATED
        if slot is not None and slot.flags & ENUMERABLE and not known:
            extra.append(key)
    if extra:
        raise JSError("Error", f"lockdown(): non supported option {_quote_keys(extra)}")
    return chosen


class Lockdown:
    """The machine's lockdown state and the `lockdown` and `harden` functions."""

    def __init__(self, machine) -> None:
        self.machine = machine
        self.done = False
        self.options: dict | None = None
        self.harden_fn: JSObject | None = None
        realm = machine.realm
        self.lockdown_fn = realm.native("lockdown", self._lockdown, 1)
        realm.intrinsics["%lockdown%"] = self.lockdown_fn

    # -- the JS entry point ---------------------------------------------------------

    def _lockdown(self, this, args):
        self.lockdown(args[0] if args else UNDEFINED)
        return UNDEFINED

    def lockdown(self, options=UNDEFINED) -> None:
        machine = self.machine
        realm = machine.realm
        if options is NULL:
            raise JSError("TypeError", "Cannot read properties of null (reading 'errorTaming')")
        chosen = read_options(to_object(realm, options) if options is not UNDEFINED
                              else UNDEFINED)
        reporting = chosen["reporting"]
        if reporting not in OPTIONS["reporting"][1]:
            raise JSError("Error", "Check failed")
        for name in DEPRECATED:
            if chosen[name] is not UNDEFINED and reporting != "none":
                machine.main.output(f"SES The '{name}' option is deprecated and does nothing. "
                                    "In the future specifying it will be an error.")
        if self.done:
            raise JSError("TypeError", ALREADY)
        self.done = True
        self.options = chosen
        self._repair(chosen)
        override = chosen["overrideTaming"]
        if override not in OPTIONS["overrideTaming"][1]:
            raise JSError("TypeError", f"unrecognized overrideTaming {to_string(override)}")
        self._harden_intrinsics()

    # -- repairs --------------------------------------------------------------------

    def _repair(self, chosen: dict) -> None:
        machine = self.machine
        realm = machine.realm
        intr = realm.intrinsics
        self._make_harden(chosen["__hardenTaming__"] == "unsafe")
        self._inert_constructors()
        self._tame_date()
        self._tame_math()
        if chosen["localeTaming"] != "unsafe":
            self._tame_locale()
        main = machine.main.global_object
        main.define("harden", self.harden_fn, WRITABLE | CONFIGURABLE)
        intr["%Object%"].define(symbol_for("harden"), self.harden_fn, WRITABLE | CONFIGURABLE)
        if chosen["evalTaming"] in ("no-eval", "noEval"):
            def no_eval(this, args):
                raise JSError("TypeError", NO_EVAL)

            def no_function(args, new_target):
                raise JSError("TypeError", NO_EVAL)

            machine.main.eval_function = None  # no call is a direct eval any more
            main.define("eval", realm.native("eval", no_eval, 1), WRITABLE | CONFIGURABLE)
            fn = realm.native("Function", no_eval, 1, no_function)
            fn.define("prototype", realm.function_prototype, 0)
            main.define("Function", fn, WRITABLE | CONFIGURABLE)

    def _make_harden(self, fake: bool) -> None:
        realm = self.machine.realm
        if fake:
            self.harden_fn = realm.native("harden", lambda this, args: args[0] if args
                                          else UNDEFINED, 1)
            obj, reflect = realm.intrinsics["%Object%"], realm.intrinsics["%Reflect%"]
            for target, name, answer in ((obj, "isExtensible", False), (obj, "isFrozen", True),
                                         (obj, "isSealed", True),
                                         (reflect, "isExtensible", False)):
                realm.method(target, name, lambda this, args, a=answer: a, 1)
        else:
            self.harden_fn = realm.native(
                "harden", lambda this, args: harden(args[0] if args else UNDEFINED), 1)
        realm.intrinsics["%harden%"] = self.harden_fn

    def _inert_constructors(self) -> None:
        """Each function prototype's `constructor` throws instead of compiling code."""
        realm = self.machine.realm
        intr = realm.intrinsics

        def inert(this, args):
            raise JSError("TypeError", INERT)

        def inert_construct(args, new_target):
            raise JSError("TypeError", INERT)

        inert_function = None
        for name, proto_name in _FUNCTION_PROTOTYPES:
            proto = intr.get(proto_name)
            if proto is None:
                continue
            ctor = realm.native(name, inert, 0, inert_construct)
            ctor.define("prototype", proto, 0)
            proto.define("constructor", ctor, WRITABLE | CONFIGURABLE)
            if inert_function is None:
                inert_function = ctor
            else:
                ctor.proto = inert_function
            intr[f"%Inert{name}%"] = ctor

    def _tame_date(self) -> None:
        """%SharedDate%: no clock. Calls without `new`, `new Date()` and `now` throw."""
        realm = self.machine.realm
        original = realm.intrinsics.get("%Date%")
        if original is None:
            return
        from .operations import construct

        def shared_call(this, args):
            raise JSError("TypeError",
                          "secure mode Calling %SharedDate% constructor as a function throws")

        def shared_construct(args, new_target):
            if not args:
                raise JSError("TypeError",
                              "secure mode Calling new %SharedDate%() with no arguments throws")
            return construct(original, args, new_target)

        def shared_now(this, args):
            raise JSError("TypeError", "secure mode Calling %SharedDate%.now() throws")

        shared = realm.native("Date", shared_call, 7, shared_construct)
        prototype = original.get("prototype")
        shared.define("prototype", prototype, 0)
        for name in ("parse", "UTC"):
            shared.define(name, original.get(name), WRITABLE | CONFIGURABLE)
        realm.method(shared, "now", shared_now, 0)
        if isinstance(prototype, JSObject):
            prototype.define("constructor", shared, WRITABLE | CONFIGURABLE)
        realm.intrinsics["%InitialDate%"] = original
        realm.intrinsics["%SharedDate%"] = shared

    def _tame_math(self) -> None:
        """%SharedMath%: Math without a random source (`random` throws)."""
        realm = self.machine.realm
        original = realm.intrinsics.get("%Math%")
        if original is None:
            return
        shared = JSObject(realm.object_prototype)
        for key in original.own_keys():
            shared.props[key] = original.props[key]

        def shared_random(this, args):
            raise JSError("TypeError", "secure mode %SharedMath%.random() throws")

        realm.method(shared, "random", shared_random, 0)
        realm.intrinsics["%InitialMath%"] = original
        realm.intrinsics["%SharedMath%"] = shared

    def _tame_locale(self) -> None:
        """Locale-dependent methods become their locale-free twins (ses `localeTaming`)."""
        realm = self.machine.realm
        intr = realm.intrinsics

        def locale_compare(this, args):
            if this is UNDEFINED or this is NULL:
                raise JSError("TypeError",
                              'Cannot localeCompare with null or undefined "this" value')
            s = to_string(this)
            that = to_string(args[0] if args else UNDEFINED)
            return -1.0 if s < that else 1.0 if s > that else 0.0

        string_proto = intr.get("%String.prototype%")
        if string_proto is not None:
            realm.method(string_proto, "localeCompare", locale_compare, 1)
        for obj in list(intr.values()):
            if not isinstance(obj, JSObject):
                continue
            for key in obj.own_keys():
                match = _LOCALE.match(key) if type(key) is str else None
                if match is None:
                    continue
                twin = obj.get_own_property(match[1] + match[2])
                if twin is not None and not twin.is_accessor and isinstance(twin.value,
                                                                            JSObject):
                    obj.define(key, twin.value, WRITABLE | CONFIGURABLE)
        number_proto = intr.get("%Number.prototype%")
        if number_proto is not None:
            realm.method(number_proto, "toLocaleString",
                         lambda this, args: to_string(this), 0)

    # -- hardening ------------------------------------------------------------------

    def _harden_intrinsics(self) -> None:
        """Freeze every intrinsic, and the main Global's evaluators, into ROM."""
        machine = self.machine
        main = machine.main.global_object
        roots = list(machine.realm.intrinsics.values())
        for name in ("Function", "eval", "Compartment", "Symbol", "Date", "Error", "Math",
                     "RegExp"):
            slot = main.get_own_property(name)
            if slot is not None and not slot.is_accessor:
                roots.append(slot.value)
        freeze_into_rom(roots)


def is_rom(value) -> bool:
    """Whether a value is an object of the shared read-only segment."""
    return isinstance(value, JSObject) and value.segment is ROM
