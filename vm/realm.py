"""The machine's intrinsics (one set, shared) and Globals (one or more, each its own).

DESIGN.md: the machine holds one set of intrinsics; each Global owns its global
object, its global lexical environment (script-level let/const/class) and its own
evaluators. Every function knows its Global. Only one Global is made today, but
nothing here assumes it is the only one.
"""

from __future__ import annotations

from collections.abc import Callable

from .lazy import Intrinsics, LazyGlobalObject
from .objects import CONFIGURABLE, WRITABLE, JSNative, JSObject, Slot

NativeFn = Callable[[object, list], object]  # (this, args) -> value


class Realm:
    """The intrinsics: ``intrinsics["%Object.prototype%"]`` and so on, made once (the
    rarely used chapters on first lookup: vm/lazy.py)."""

    def __init__(self) -> None:
        self.intrinsics: Intrinsics = Intrinsics()
        self.template_map: dict = {}  # tagged-template site -> its template object
        object_prototype = JSObject(None)
        function_prototype = JSNative(object_prototype, lambda this, args: None)
        self.intrinsics["%Object.prototype%"] = object_prototype
        self.intrinsics["%Function.prototype%"] = function_prototype
        self.function_prototype = function_prototype
        self.object_prototype = object_prototype
        from .builtins import setup_intrinsics

        setup_intrinsics(self)
        self.array_prototype = self.intrinsics.get("%Array.prototype%") or JSObject(
            object_prototype, "Array")

    def regexp_create(self, pattern: str, flags: str) -> JSObject:
        """A regular expression literal's object: the RegExp chapter is made first, and its
        ``regexp_create`` (an attribute of the realm) answers from then on."""
        self.intrinsics["%RegExp%"]
        return self.regexp_create(pattern, flags)

    def native(self, name: str, fn: NativeFn, length: int = 0, construct=None,
               proto: JSObject | None = None) -> JSNative:
        """A built-in function object with its `length` and `name` properties."""
        f = JSNative(proto or self.function_prototype, fn, construct)
        f.props = {"length": Slot(float(length), CONFIGURABLE), "name": Slot(name, CONFIGURABLE)}
        return f

    def method(self, target: JSObject, name: str, fn: NativeFn, length: int = 0) -> JSNative:
        """Install ``fn`` as a built-in method (writable, configurable, not enumerable)."""
        f = self.native(name, fn, length)
        target.define(name, f, WRITABLE | CONFIGURABLE)
        return f


class Global:
    """A global object, a global lexical environment, and the Global's evaluators.

    ``populate`` gives the new global object its properties (by default the language's
    globals and console; a Compartment passes its own, see vm/compartment.py).
    ``sloppy_globals`` is set on a view of a Global made for a compartment evaluation in
    `sloppyGlobalsMode`: there an undeclared name reads as undefined and assigning it
    creates a global property, though the code itself is strict. A compartment sets
    ``strict_evaluators``: its `eval` and `Function` compile strict code, as in `ses`.
    """

    sloppy_globals = False
    strict_evaluators = False  # a compartment's eval and Function compile strict code
    compartment = None  # a compartment's CompartmentFields (vm/compartment.py)
    heap = None  # its vm.heap.Heap once it has limits or is reported (vm/limits.py)
    host_objects: tuple = ()  # what the host made for it: charged to it (vm/heap.py)

    def __init__(self, realm: Realm, name: str = "main",
                 populate: Callable[[Global], None] | None = None,
                 global_object: Callable[[Global], JSObject] | None = None) -> None:
        self.realm = realm
        self.name = name
        self.halted = False  # terminated fail-stop: its functions refuse to run
        if global_object is not None:  # a new Global's aliases a template (global_object.py)
            self.global_object = global_object(self)
        elif populate is None:  # the language's globals: some made on first use (lazy.py)
            self.global_object = LazyGlobalObject(realm.object_prototype)
        else:
            self.global_object = JSObject(realm.object_prototype)
        self.lexical: dict[str, object] = {}  # script-level let/const/class (HOLE in TDZ)
        self.consts: set[str] = set()
        self.output: Callable[[str], None] = print  # where console writes, line by line
        self.eval_function: JSObject | None = None  # this Global's own `eval`
        if populate is None:
            from .builtins import install_globals

            populate = install_globals
        populate(self)

    def note_host_objects(self, *made: JSObject) -> None:
        """Record objects made for this Global (``made``), or if none are given, every own
        property value of its global object that is not the realm's intrinsic of that
        name: its console, timers, evaluators and constructors."""
        if not made:
            intrinsics = self.realm.intrinsics
            obj = self.global_object
            lazy = getattr(obj, "is_lazy", None)  # a binding not made yet is an intrinsic
            made = tuple(v for k in obj.own_keys() if not (lazy and lazy(k)) and isinstance(
                v := obj.get_own_property(k).value, JSObject) and v is not obj and
                v is not intrinsics.get(f"%{k}%"))
        self.host_objects = (*self.host_objects, *made)
