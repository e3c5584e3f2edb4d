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

from dataclasses import dataclass, field

from .code import Code


@dataclass
class RomObject:
    kind: str  # one of KINDS
    proto: tuple
    props: list[tuple] = field(default_factory=list)  # (key value, flags, value, getter, setter)
    items: list[tuple] = field(default_factory=list)  # an array's elements
    code: Code | None = None  # a function's code
    cells: list[int] = field(default_factory=list)  # its captured cells (Rom.cells indices)
    home: tuple = ("undefined",)  # its home object (for `super`)
    this: tuple = ("undefined",)  # an arrow's captured `this`, when it has one
    constructor_kind: str = ""  # "", "base" or "derived"


@dataclass
class RomModule:
    specifier: str
    exports: list[tuple[str, int]] = field(default_factory=list)  # (name, cell index)


@dataclass
class Rom:
    cells: list[tuple] = field(default_factory=list)  # initial values of module env cells
    objects: list[RomObject] = field(default_factory=list)
    modules: list[RomModule] = field(default_factory=list)  # the entry first


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
