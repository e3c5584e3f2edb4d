"""Built-ins made on first use: the realm's table of intrinsics and a global object whose
bindings may be made later.

Start-up (`caplet run app.caplet`) should not pay for what a program never touches:
typed arrays, Date, Map, Proxy and the like. Their chapters register with
:meth:`Intrinsics.defer`; the first lookup of one of their ``%Name%``s runs the chapter's
``setup`` (and imports its Python module). Listing the intrinsics (iterating, ``values``,
``len``: lockdown, preload, heap measuring) makes every deferred chapter first, so a
walk over "every intrinsic" still sees them all and lockdown freezes them all.

The global object keeps each binding's key in its place from the start, so property
order never changes: a binding not made yet is stored as an accessor whose getter is a
:class:`LazyBinding`. :class:`LazyGlobalObject` makes the binding (replacing the
placeholder in place, with the binding's real attributes) when any code asks for the
property's descriptor; code that reads ``props`` directly and calls the getter (a get
through an object whose prototype is the global object) gets the value the same way.
The placeholder getter is a ROM function nothing else can reach: heap measuring skips
it, and ``prevent_extensions`` (freezing, sealing) makes every binding first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .objects import ACCESSOR, DEFAULT, ROM, WRITABLE, JSNative, JSObject, Slot
from .values import HOLE, UNDEFINED


class Intrinsics(dict):
    """``%Name%`` -> intrinsic; a deferred chapter's names are made on first lookup."""

    __slots__ = ("deferred",)

    def __init__(self) -> None:
        super().__init__()
        self.deferred: dict[str, Callable[[], None]] = {}  # name -> its chapter's maker

    def defer(self, names: Iterable[str], make: Callable[[], None]) -> None:
        """``make()`` defines ``names`` (and may define more) when one is first asked for."""
        for name in names:
            self.deferred[name] = make

    def _make(self, key) -> bool:
        make = self.deferred.get(key)
        if make is None:
            return False
        for name in [n for n, m in self.deferred.items() if m is make]:
            del self.deferred[name]  # before it runs: a chapter may look itself up
        make()
        return True

    def make_all(self) -> None:
        """Make every deferred chapter (in the order they were registered)."""
        deferred = self.deferred
        while deferred:
            self._make(next(iter(deferred)))

    def made(self) -> list:
        """The intrinsics made so far (making none)."""
        return list(dict.values(self))

    def __missing__(self, key):
        if self._make(key):
            return dict.__getitem__(self, key)
        raise KeyError(key)

    def __setitem__(self, key, value) -> None:
        if key in self.deferred:  # replacing a deferred intrinsic: its chapter comes first
            self._make(key)
        dict.__setitem__(self, key, value)

    def get(self, key, default=None):
        if key in self.deferred:
            self._make(key)
        return dict.get(self, key, default)

    def __contains__(self, key) -> bool:
        return dict.__contains__(self, key) or key in self.deferred

    def __iter__(self):
        self.make_all()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self.make_all()
        return dict.__len__(self)

    def keys(self):
        self.make_all()
        return dict.keys(self)

    def values(self):
        self.make_all()
        return dict.values(self)

    def items(self):
        self.make_all()
        return dict.items(self)


class LazyBinding(JSNative):
    """The getter standing for a global binding not made yet (never given to JS code)."""

    __slots__ = ("make", "flags")


def _is_lazy(stored) -> bool:
    return type(stored) is Slot and type(stored.getter) is LazyBinding


class LazyGlobalObject(JSObject):
    """An ordinary global object some of whose bindings are made on first use."""

    __slots__ = ()

    def define_lazy(self, key, make: Callable[[], object], flags: int) -> None:
        """Bind ``key`` (attributes ``flags``) to ``make()``, called when first needed."""
        getter = LazyBinding(None, lambda this, args: self._realize(key), None, ROM)
        getter.make = make
        getter.flags = flags
        self.props[key] = Slot(UNDEFINED, ACCESSOR | flags & ~WRITABLE, getter,
                               UNDEFINED)

    def _realize(self, key):
        """Make the binding ``key`` if it is still a placeholder; its value."""
        props = self.props
        stored = props.get(key, HOLE)
        if _is_lazy(stored):
            lazy = stored.getter
            value = lazy.make()
            props[key] = value if lazy.flags == DEFAULT else Slot(value, lazy.flags)
            return value
        if stored is HOLE:
            return None
        return stored.value if type(stored) is Slot else stored

    def realize_all(self) -> None:
        for key in [k for k, stored in self.props.items() if _is_lazy(stored)]:
            self._realize(key)

    def is_lazy(self, key) -> bool:
        """``key`` is bound to a placeholder (its value not made yet)."""
        return _is_lazy(self.props.get(key))

    def get_own_property(self, key) -> Slot | None:
        stored = self.props.get(key, HOLE)
        if stored is HOLE:
            return None
        if type(stored) is Slot:
            if type(stored.getter) is LazyBinding:
                self._realize(key)
                stored = self.props[key]
                return stored if type(stored) is Slot else Slot(stored)
            return stored
        return Slot(stored)

    def prevent_extensions(self) -> bool:
        self.realize_all()
        return JSObject.prevent_extensions(self)
