"""A new Global's global object: a copy-on-write alias of a shared binding template.

Every `new Global()` made from the same set of bindings (its creator's own properties, or
those `keys` names) starts with the same table: `Array`, `Object`, ... and the creator's
host objects. As Moddable's XS does with its ROM instances, that table is built once
(:class:`Template`, frozen, cached per realm) and the new global object holds only an
alias to it; what the Global changes is its own:

* ``props`` holds the properties the Global adds (`globalThis.x = 1`, `var x`), after the
  template's in enumeration order, as a new key goes last;
* ``own`` holds what it writes over a template binding, in that binding's place (a value,
  new attributes, or ``DELETED``: a deleted binding, which if defined again is a new key in
  ``props``), and the bindings that are the Global's own (`eval`, `Function`, `Global`,
  `import`), which are made on first access (:class:`PerGlobal` entries of the template).

So each Global keeps its own identity and its own bindings, and the spec's property order
(integer keys ascending, then strings in the order they were added, then symbols) holds.
Code that walks ``props`` directly (harden's freezing, preload) sees a plain object:
``prevent_extensions`` first copies the template in (``materialize``), as freezing or
sealing does before anything else.

Heap accounting (vm/heap.py): the alias slot, every entry of ``own`` and ``props``, the
objects they reach, and the template entries that are not ROM bindings (a binding other
than the realm's standard one of that name, e.g. the creator's `console`); a template
the realm could not share (its cache is full) is charged in full.
"""

from __future__ import annotations

from collections.abc import Callable

from .objects import (
    ACCESSOR,
    CONFIGURABLE,
    DEFAULT,
    ROM,
    WRITABLE,
    JSObject,
    Slot,
    property_order,
)
from .values import HOLE, UNDEFINED


class PerGlobal:
    """A template binding whose value each Global has its own of, made by ``make(g)``
    on first access (None: the global object itself, `globalThis`)."""

    __slots__ = ("make",)

    def __init__(self, make: Callable | None):
        self.make = make


class _Deleted:
    __slots__ = ()

    def __repr__(self) -> str:
        return "DELETED"


DELETED = _Deleted()  # in ``own``: the template binding was deleted in this Global


class Template:
    """A frozen, ordered table of global bindings (key -> bare value or Slot), shared."""

    __slots__ = ("entries", "charged", "shared")

    def __init__(self, entries: dict, charged: int, shared: bool):
        self.entries = entries
        self.charged = charged  # entries that are not ROM bindings (charged per Global)
        self.shared = shared  # cached by the realm: its table is in the shared segment


class GlobalObject(JSObject):
    """An ordinary object whose initial own properties are a template's (module doc)."""

    __slots__ = ("template", "own", "global_env")

    def __init__(self, proto, template: Template, global_env):
        super().__init__(proto)
        self.template = template
        self.own: dict | None = None
        self.global_env = global_env

    # -- the aliased bindings --------------------------------------------------------

    def _aliased(self, key):
        """The stored template binding of ``key`` in this Global, HOLE if none."""
        template = self.template
        if template is None:
            return HOLE
        own = self.own
        if own is not None:
            stored = own.get(key, HOLE)
            if stored is not HOLE:
                return HOLE if stored is DELETED else stored
        stored = template.entries.get(key, HOLE)
        if type(stored) is Slot and type(stored.value) is PerGlobal:
            make = stored.value.make
            if make is None:
                return Slot(self, stored.flags)
            stored = Slot(make(self.global_env), stored.flags)
            if own is None:
                own = self.own = {}
            own[key] = stored
        return stored

    def _in_template(self, key) -> bool:
        """``key`` names a template binding not deleted here (nor in ``props``)."""
        template = self.template
        if template is None or key not in template.entries or key in self.props:
            return False
        own = self.own
        return own is None or own.get(key) is not DELETED

    def materialize(self) -> None:
        """Copy the template into ``props`` (the same dict, so holders of it stay right)."""
        template = self.template
        if template is None:
            return
        props = self.props
        added = list(props.items())
        props.clear()
        for key in template.entries:
            stored = self._aliased(key)
            if stored is HOLE:
                continue
            if type(stored) is Slot:
                stored = stored.value if stored.flags == DEFAULT else Slot(
                    stored.value, stored.flags, stored.getter, stored.setter)
            props[key] = stored
        props.update(added)
        self.template = None
        self.own = None

    # -- the essential internal methods -----------------------------------------------

    def get_own_property(self, key) -> Slot | None:
        stored = self.props.get(key, HOLE)
        if stored is HOLE:
            stored = self._aliased(key)
            if stored is HOLE:
                return None
            if type(stored) is Slot:  # a copy: the template's own Slot is never handed out
                return Slot(stored.value, stored.flags, stored.getter, stored.setter)
            return Slot(stored)
        return stored if type(stored) is Slot else Slot(stored)

    def _store(self, key, slot: Slot) -> None:
        if self._in_template(key):
            own = self.own
            if own is None:
                own = self.own = {}
            own[key] = slot.value if slot.flags == DEFAULT else slot
        else:
            JSObject._store(self, key, slot)

    def define(self, key, value, flags: int = WRITABLE | CONFIGURABLE) -> None:
        self._store(key, Slot(value, flags))

    def get(self, key, receiver=None):
        stored = self.props.get(key, HOLE)
        if stored is HOLE:
            stored = self._aliased(key)
            if stored is HOLE:
                proto = self.proto
                return UNDEFINED if proto is None else proto.get(
                    key, self if receiver is None else receiver)
        if type(stored) is not Slot:
            return stored
        if stored.flags & ACCESSOR:
            if stored.getter is UNDEFINED:
                return UNDEFINED
            from . import objects

            return objects.call_function(stored.getter,
                                         self if receiver is None else receiver, [])
        return stored.value

    def delete(self, key) -> bool:
        if not self._in_template(key):
            return JSObject.delete(self, key)
        slot = self.get_own_property(key)
        if slot is None:
            return True
        if not slot.flags & CONFIGURABLE or self.segment is ROM:
            return False
        own = self.own
        if own is None:
            own = self.own = {}
        own[key] = DELETED
        return True

    def own_keys(self) -> list:
        template = self.template
        if template is None:
            return JSObject.own_keys(self)
        own = self.own or {}
        props = self.props
        keys = [k for k in template.entries if own.get(k) is not DELETED and k not in props]
        keys.extend(props)
        return property_order(keys)

    def prevent_extensions(self) -> bool:
        self.materialize()
        return JSObject.prevent_extensions(self)
