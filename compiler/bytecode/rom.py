"""The ROM snapshot of a preloaded image (section 8, see docs/image-format.md).

Plain data, no VM objects: the VM's preloader (vm/preload.py) builds a :class:`Rom`
from a build-time machine and turns one back into frozen objects at boot. Values are
tagged tuples:

``("undefined",) ("null",) ("hole",) ("bool", b) ("number", x) ("string", s)
("bigint", n) ("object", i) ("intrinsic", path) ("symbol", name)``

where ``i`` indexes :attr:`Rom.objects` and ``path`` names a shared intrinsic by a
property path from a ``%Name%`` (``"%Array.prototype%.map"``; ``@get``/``@set`` step
into an accessor). A ``("symbol", name)`` is a well-known symbol (``"Symbol.iterator"``).
"""

from __future__ import annotations

from .records import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .code import Code


class RomObject(Record):
    __slots__ = ("kind", "proto", "props", "items", "code", "cells", "home", "this",
                 "constructor_kind")

    def __init__(self, kind: str, proto: tuple, props: list | None = None, *,
                 items: list | None = None, code: Code | None = None,
                 cells: list | None = None, home: tuple = ("undefined",),
                 this: tuple = ("undefined",), constructor_kind: str = "") -> None:
        self.kind = kind  # one of KINDS
        self.proto = proto
        self.props: list[tuple] = props or []  # (key value, flags, value, getter, setter)
        self.items: list[tuple] = items or []  # an array's elements, a Map's/Set's entries
        self.code = code  # a function's code
        self.cells: list[int] = cells or []  # its captured cells (Rom.cells indices)
        self.home = home  # its home object (for `super`)
        self.this = this  # an arrow's captured `this`, when it has one
        self.constructor_kind = constructor_kind  # "", "base" or "derived"


class RomModule(Record):
    __slots__ = ("specifier", "exports")

    def __init__(self, specifier: str, exports: list | None = None) -> None:
        self.specifier = specifier
        self.exports: list[tuple[str, int]] = exports or []  # (name, cell index)


class Rom(Record):
    __slots__ = ("cells", "objects", "modules")

    def __init__(self, cells: list[tuple] | None = None, objects: list | None = None,
                 modules: list | None = None) -> None:
        self.cells: list[tuple] = cells if cells is not None else []  # module env cells
        self.objects: list[RomObject] | LazyObjects = objects if objects is not None else []
        self.modules: list[RomModule] = modules if modules is not None else []  # entry 1st


class LazyObjects:
    """``Rom.objects`` of a lazily read image: object ``i`` is decoded (and checked) the
    first time it is asked for, so booting does not decode what the app never reaches."""

    __slots__ = ("decode", "items")

    def __init__(self, n: int, decode):
        self.items: list[RomObject | None] = [None] * n
        self.decode = decode

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, i: int) -> RomObject:
        obj = self.items[i]
        if obj is None:
            obj = self.items[i] = self.decode(i)
        return obj

    def __iter__(self):
        return (self[i] for i in range(len(self.items)))


# "alias-*": an object that was writable at build time; each Global booting the image
# gets its own copy (vm/preload.py). A Map's or Set's items are its entries, flattened.
KINDS = ("object", "array", "function", "alias-object", "alias-array", "alias-map",
         "alias-set")
ITEM_KINDS = frozenset({"array", "alias-array", "alias-map", "alias-set"})
CONSTRUCTOR_KINDS = ("", "base", "derived")
(T_UNDEFINED, T_NULL, T_HOLE, T_FALSE, T_TRUE, T_NUMBER, T_STRING, T_BIGINT, T_OBJECT,
 T_INTRINSIC, T_SYMBOL) = range(11)
ACCESSOR = 8  # the flag bit (vm.objects.ACCESSOR) marking a getter/setter property
