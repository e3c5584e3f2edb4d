"""Arguments exotic objects (ECMA-262 §10.4.4).

A sloppy function with simple parameters gets a *mapped* arguments object: while an
index is mapped, reading or writing ``arguments[i]`` reads or writes the parameter's
closure cell (the code generator keeps such parameters in cells). Redefining the
index as an accessor or non-writable, or deleting it, ends the mapping. Every other
function gets an unmapped object, an ordinary object with the same properties.
"""

from __future__ import annotations

from .objects import _VALUE, ACCESSOR, CONFIGURABLE, WRITABLE, JSObject, Slot
from .symbols import ITERATOR


class MappedArguments(JSObject):
    __slots__ = ("mapped",)

    def __init__(self, proto, mapped: dict) -> None:
        super().__init__(proto, "Arguments")
        self.mapped = mapped  # index key -> the parameter's Cell

    def get_own_property(self, key) -> Slot | None:
        slot = super().get_own_property(key)
        cell = self.mapped.get(key) if slot is not None else None
        if cell is not None:
            return Slot(cell.value, slot.flags)
        return slot

    def get(self, key, receiver=None):
        cell = self.mapped.get(key)
        if cell is not None:
            return cell.value
        return super().get(key, receiver)

    def set(self, key, value, receiver=None) -> bool:
        cell = self.mapped.get(key)
        if cell is not None and (receiver is None or receiver is self):
            cell.value = value
            return True
        return super().set(key, value, receiver)

    def define_own_property(self, key, desc: Slot, present: int = 0) -> bool:
        cell = self.mapped.get(key)
        if cell is None:
            return super().define_own_property(key, desc, present)
        is_data = not desc.flags & ACCESSOR
        if is_data and present and not present & _VALUE and present & WRITABLE \
                and not desc.flags & WRITABLE:
            desc = Slot(cell.value, desc.flags)  # freeze the current value in place
            present |= _VALUE
        if not super().define_own_property(key, desc, present):
            return False
        if not is_data:
            del self.mapped[key]
        else:
            if present == 0 or present & _VALUE:
                cell.value = desc.value
            if (present == 0 or present & WRITABLE) and not desc.flags & WRITABLE:
                del self.mapped[key]
        return True

    def delete(self, key) -> bool:
        ok = super().delete(key)
        if ok:
            self.mapped.pop(key, None)
        return ok


def create_arguments_object(realm, fn, args: list, cells: list | None) -> JSObject:
    """CreateMappedArgumentsObject when ``cells`` lists the parameters' (index, Cell),
    else CreateUnmappedArgumentsObject."""
    if cells is None:
        obj = JSObject(realm.object_prototype, "Arguments")
    else:
        obj = MappedArguments(realm.object_prototype, {})
    props = obj.props
    for i, v in enumerate(args):
        props[str(i)] = v
    obj.define("length", float(len(args)), WRITABLE | CONFIGURABLE)
    obj.define(ITERATOR, realm.array_prototype.get("values"), WRITABLE | CONFIGURABLE)
    if cells is None:
        thrower = realm.intrinsics["%ThrowTypeError%"]
        obj.define_accessor("callee", thrower, thrower, 0)
    else:
        for index, cell in cells:
            if index < len(args):
                obj.mapped[str(index)] = cell
        obj.define("callee", fn, WRITABLE | CONFIGURABLE)
    return obj
