"""[[MapData]] and [[SetData]]: insertion-ordered entries keyed by SameValueZero.

The spec keeps a List of entries where deleting leaves an *empty* slot, so an iteration
in progress (a Map iterator, forEach) keeps its place: it skips deleted entries and sees
entries appended after it started. ``KeyedData`` is that list plus a dict from a key's
hashable stand-in to its position, so lookups are O(1). Deleted slots are squeezed out
once they outnumber the live ones; every live ``Cursor`` (an iteration in progress) is
moved to the same entry in the compacted list, so the squeeze is unobservable and the
cost stays O(1) amortised per operation.

Python's own equality is not SameValueZero (``True == 1.0``, ``1 == 1.0``), so keys go
through ``hash_key`` first: booleans and BigInts are wrapped, NaN has one stand-in,
``-0`` and ``+0`` compare equal as floats, and objects and symbols hash by identity.
"""

from __future__ import annotations

import weakref

EMPTY = object()  # a deleted entry's slot
_NAN = object()
_TRUE = object()
_FALSE = object()


def hash_key(value):
    """A Python dict key that is equal for exactly the SameValueZero-equal JS values."""
    t = type(value)
    if t is float:
        return _NAN if value != value else value
    if t is bool:
        return _TRUE if value else _FALSE
    if t is int:
        return ("bigint", value)
    return value  # str, symbols, objects, undefined, null: str equality or identity


def canonical_key(value):
    """The key as stored: -0 becomes +0 (Map.prototype.set, Set.prototype.add)."""
    if type(value) is float and value == 0.0:
        return 0.0
    return value


class Cursor:
    """The position of one iteration in progress over a KeyedData."""

    __slots__ = ("pos", "__weakref__")

    def __init__(self) -> None:
        self.pos = 0


class KeyedData:
    """Entries (key, value) in insertion order, with deleted slots left ``EMPTY``."""

    __slots__ = ("keys", "values", "index", "size", "cursors")

    def __init__(self) -> None:
        self.keys: list = []
        self.values: list = []
        self.index: dict = {}
        self.size = 0
        self.cursors: weakref.WeakSet | None = None

    def find(self, key) -> int:
        """The position of ``key``'s entry, or -1."""
        return self.index.get(hash_key(key), -1)

    def has(self, key) -> bool:
        return hash_key(key) in self.index

    def get(self, key, default):
        pos = self.index.get(hash_key(key), -1)
        return default if pos < 0 else self.values[pos]

    def set(self, key, value) -> None:
        """Replace the value of ``key``'s entry, or append a new entry."""
        hk = hash_key(key)
        pos = self.index.get(hk, -1)
        if pos >= 0:
            self.values[pos] = value
            return
        self.index[hk] = len(self.keys)
        self.keys.append(canonical_key(key))
        self.values.append(value)
        self.size += 1

    def delete(self, key) -> bool:
        pos = self.index.pop(hash_key(key), -1)
        if pos < 0:
            return False
        self.keys[pos] = EMPTY
        self.values[pos] = EMPTY
        self.size -= 1
        if len(self.keys) > 16 and self.size * 2 < len(self.keys):
            self._compact()
        return True

    def clear(self) -> None:
        """Empty every slot; iterations in progress continue with entries added later."""
        self.keys = []
        self.values = []
        self.index = {}
        self.size = 0
        for cursor in self.cursors or ():
            cursor.pos = 0

    def copy(self) -> KeyedData:
        """A fresh KeyedData with the live entries (for the new Set methods' results)."""
        new = KeyedData()
        for k, v in zip(self.keys, self.values, strict=True):
            if k is not EMPTY:
                new.set(k, v)
        return new

    def _compact(self) -> None:
        keys, values = self.keys, self.values
        new_pos = []  # new_pos[i]: how many live entries precede old position i
        live = 0
        for k in keys:
            new_pos.append(live)
            if k is not EMPTY:
                live += 1
        new_pos.append(live)
        self.keys = [k for k in keys if k is not EMPTY]
        self.values = [v for k, v in zip(keys, values, strict=True) if k is not EMPTY]
        self.index = {hash_key(k): i for i, k in enumerate(self.keys)}
        for cursor in self.cursors or ():
            cursor.pos = new_pos[min(cursor.pos, len(keys))]

    # -- iteration ----------------------------------------------------------------------

    def cursor(self) -> Cursor:
        """Start an iteration: its position follows compactions and clears."""
        c = Cursor()
        if self.cursors is None:
            self.cursors = weakref.WeakSet()
        self.cursors.add(c)
        return c

    def advance(self, cursor: Cursor) -> int:
        """The position of the next live entry (moving past it), or -1 at the end."""
        keys = self.keys
        pos = cursor.pos
        n = len(keys)
        while pos < n and keys[pos] is EMPTY:
            pos += 1
        if pos >= n:
            cursor.pos = pos
            return -1
        cursor.pos = pos + 1
        return pos

    def release(self, cursor: Cursor) -> None:
        """The iteration is over: compactions need not move it any more."""
        if self.cursors is not None:
            self.cursors.discard(cursor)

    def live(self, start: int = 0):
        """(key, value) of the live entries from ``start`` (no JS code may run meanwhile)."""
        for i in range(start, len(self.keys)):
            k = self.keys[i]
            if k is not EMPTY:
                yield k, self.values[i]
