"""Module namespace exotic objects (ECMA-262 §10.4.6).

A namespace has no prototype, cannot be extended, and lists the module's exported
names in code-unit order; reading one reads the exporting module's binding cell, so
the value is live and an uninitialised binding throws ReferenceError. Its only symbol
property is @@toStringTag, "Module" (ordinary, stored in ``props``).
"""

from __future__ import annotations

from .objects import ACCESSOR, CONFIGURABLE, ENUMERABLE, WRITABLE, JSError, JSObject, Slot
from .symbols import TO_STRING_TAG
from .values import HOLE, UNDEFINED, JSSymbol

_VALUE = 16  # objects.py's `present` bit: the descriptor gives a value


class ModuleNamespace(JSObject):
    __slots__ = ("module", "exports", "cells", "modules")

    def __init__(self, modules, module, exports: list[str]):
        super().__init__(None, "Module")
        self.modules = modules
        self.module = module
        self.exports = sorted(exports)
        self.cells: dict = {}  # name -> the binding's cell, resolved on first read
        self.props[TO_STRING_TAG] = Slot("Module", 0)
        self.extensible = False

    def _value(self, key: str):
        cell = self.cells.get(key)
        if cell is None:
            cell = self.cells[key] = self.modules.binding_cell(self.module, key)
        value = cell.value
        if value is HOLE:
            raise JSError("ReferenceError", f"Cannot access '{key}' before initialization")
        return value

    def get_own_property(self, key) -> Slot | None:
        if type(key) is JSSymbol:
            return super().get_own_property(key)
        if key not in self.exports:
            return None
        return Slot(self._value(key), WRITABLE | ENUMERABLE)

    def define_own_property(self, key, desc: Slot, present: int = 0) -> bool:
        if type(key) is JSSymbol:
            return super().define_own_property(key, desc, present)
        current = self.get_own_property(key)
        if current is None:
            return False
        full = present or (WRITABLE | ENUMERABLE | CONFIGURABLE | ACCESSOR | _VALUE)
        if full & CONFIGURABLE and desc.flags & CONFIGURABLE:
            return False
        if full & ENUMERABLE and not desc.flags & ENUMERABLE:
            return False
        if desc.flags & ACCESSOR:
            return False
        if full & WRITABLE and not desc.flags & WRITABLE:
            return False
        if full & _VALUE:
            from .objects import same_value

            return same_value(desc.value, current.value)
        return True

    def has_property(self, key) -> bool:
        if type(key) is JSSymbol:
            return super().has_property(key)
        return key in self.exports

    def get(self, key, receiver=None):
        if type(key) is JSSymbol:
            return super().get(key, receiver)
        if key not in self.exports:
            return UNDEFINED
        return self._value(key)

    def set(self, key, value, receiver=None) -> bool:
        return False

    def delete(self, key) -> bool:
        if type(key) is JSSymbol:
            return super().delete(key)
        return key not in self.exports

    def own_keys(self) -> list:
        return list(self.exports) + [k for k in self.props if type(k) is JSSymbol]

    def prevent_extensions(self) -> bool:
        return True

    def set_prototype_of(self, proto) -> bool:
        return proto is None
