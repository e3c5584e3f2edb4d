"""`harden` and the freezing walk lockdown shares with it.

``harden(value)`` follows the `ses` package: it freezes the value and everything
reachable from it through own properties (data values, getters and setters) and
prototypes, then returns its argument; primitives pass through. Objects already in the
ROM segment are frozen by construction, so the walk stops there. ``freeze_into_rom``
is lockdown's variant: it also moves every object it reaches into the shared ROM
segment, after which no code path writes it (vm/objects.py checks ``segment``).
"""

from __future__ import annotations

from .objects import (
    ACCESSOR,
    CONFIGURABLE,
    ENUMERABLE,
    ROM,
    WRITABLE,
    JSArray,
    JSError,
    JSObject,
    Slot,
)
from .operations import set_integrity_level


def _references(obj: JSObject):
    """The objects ``obj`` holds directly: property values, accessors, its prototype
    (read once and last, as `ses` does: a proxy's traps see that order)."""
    for key in obj.own_keys():
        slot = obj.get_own_property(key)
        if slot is None:
            continue
        if slot.flags & ACCESSOR:
            yield slot.getter
            yield slot.setter
        else:
            yield slot.value
    proto = obj.proto
    if proto is not None:
        yield proto


def harden(root):
    """Transitively freeze ``root`` (ses semantics); returns ``root``."""
    if not isinstance(root, JSObject) or root.segment is ROM:
        return root
    seen = {id(root): root}
    queue = [root]
    while queue:
        obj = queue.pop()
        if not set_integrity_level(obj, "frozen"):
            raise JSError("TypeError", "Cannot freeze")
        for ref in _references(obj):
            if isinstance(ref, JSObject) and ref.segment is not ROM and id(ref) not in seen:
                seen[id(ref)] = ref
                queue.append(ref)
    return root


def _freeze_in_place(obj: JSObject) -> None:
    """Make ``obj`` frozen directly (it is about to become read-only for good)."""
    if isinstance(obj, JSArray):
        if obj.items:
            obj._spill_from(0)
        obj.length_writable = False
    props = obj.props
    for key, stored in list(props.items()):
        if type(stored) is Slot:
            if stored.flags & ACCESSOR:
                props[key] = Slot(stored.value, stored.flags & ~CONFIGURABLE, stored.getter,
                                  stored.setter)
            else:
                props[key] = Slot(stored.value, stored.flags & ~(CONFIGURABLE | WRITABLE))
        else:
            props[key] = Slot(stored, ENUMERABLE)  # a plain data property, frozen
    obj.extensible = False


def freeze_into_rom(roots) -> int:
    """Freeze everything reachable from ``roots`` and move it into ROM; returns how
    many objects moved. A getter is not called: accessors are followed, not read."""
    queue = [r for r in roots if isinstance(r, JSObject) and r.segment is not ROM]
    seen = {id(r) for r in queue}
    moved = []
    while queue:
        obj = queue.pop()
        moved.append(obj)
        for ref in _references(obj):
            if isinstance(ref, JSObject) and ref.segment is not ROM and id(ref) not in seen:
                seen.add(id(ref))
                queue.append(ref)
    proxies = [obj for obj in moved if obj.is_proxy]
    for obj in moved:
        if obj.is_proxy:
            continue
        _freeze_in_place(obj)
        obj.segment = ROM
    for obj in proxies:  # a proxy stays in RAM: it is frozen through its traps, as harden does
        if not set_integrity_level(obj, "frozen"):
            raise JSError("TypeError", "Cannot freeze")
    return len(moved) - len(proxies)
