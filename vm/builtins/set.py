"""Set (§24.2), its ES2025 set-algebra methods, and %SetIteratorPrototype% (§24.2.6).

The set methods take any "set-like" argument through GetSetRecord (its ``size``, ``has``
and ``keys``) and, as the spec says, walk whichever side is smaller: this set's own
entries (live, so ``has`` may mutate it) or the other's ``keys()`` iterator.
"""

from __future__ import annotations

import math

from ..convert import describe, is_callable, range_error, to_boolean, to_number, type_error
from ..objects import CONFIGURABLE, JSObject
from ..operations import call, get_prototype_from_constructor
from ..symbols import ITERATOR, SPECIES, TO_STRING_TAG
from ..values import NULL, UNDEFINED
from .iterator import DONE, IteratorRecord, for_each
from .keyed_data import KeyedData, canonical_key
from .map import (
    collection_iterator_next,
    for_each_entry,
    incompatible,
    make_collection_iterator,
    require_callable,
    require_writable,
)
from .support import accessor, arg, make_constructor, method


def this_set_data(this, method_name: str) -> KeyedData:
    """RequireInternalSlot(this, [[SetData]])."""
    if isinstance(this, JSObject) and this.class_name == "Set" \
            and type(this.internal) is KeyedData:
        require_writable(this, method_name)
        return this.internal
    raise incompatible(method_name, this)


class SetRecord:
    """A Set Record: the set-like object, its size, and its ``has`` and ``keys``."""

    __slots__ = ("obj", "size", "has", "keys")

    def __init__(self, obj: JSObject, size, has, keys) -> None:
        self.obj, self.size, self.has, self.keys = obj, size, has, keys

    def contains(self, value) -> bool:
        return to_boolean(call(self.has, self.obj, [value]))

    def keys_iterator(self) -> IteratorRecord:
        """GetIteratorFromMethod-like: call ``keys`` and read ``next`` once."""
        iterator = call(self.keys, self.obj, [])
        if not isinstance(iterator, JSObject):
            raise type_error(f"{describe(iterator)} is not an object")
        next_method = iterator.get("next")
        if not is_callable(next_method):
            raise type_error(f"{describe(next_method)} is not a function")
        return IteratorRecord(iterator, next_method)


def get_set_record(obj) -> SetRecord:
    """GetSetRecord: size (a non-negative number), then a callable has and keys."""
    if not isinstance(obj, JSObject):
        raise type_error(f"{describe(obj)} is not an object")
    num_size = to_number(obj.get("size"))
    if num_size != num_size:
        raise type_error("The 'size' property must be a number")
    int_size = num_size if math.isinf(num_size) else float(math.trunc(num_size))
    if int_size < 0:
        raise range_error("'size' must be a non-negative number")
    has = obj.get("has")
    if not is_callable(has):
        raise type_error(f"'has' {describe(has)} is not a function")
    keys = obj.get("keys")
    if not is_callable(keys):
        raise type_error(f"'keys' {describe(keys)} is not a function")
    return SetRecord(obj, int_size, has, keys)


def each_key(record: IteratorRecord):
    """The values of a keys() iterator, -0 made +0 (no IteratorClose: the spec has none)."""
    while True:
        value = record.step()
        if value is DONE:
            return
        yield canonical_key(value)


def each_own(data: KeyedData):
    """This set's elements, live: additions during the walk are seen, deletions skipped."""
    cursor = data.cursor()
    try:
        while True:
            pos = data.advance(cursor)
            if pos < 0:
                return
            yield data.keys[pos]
    finally:
        data.release(cursor)


def setup(realm) -> None:
    intr = realm.intrinsics
    proto = JSObject(realm.object_prototype)

    def new_set(data: KeyedData) -> JSObject:
        obj = JSObject(intr["%Set.prototype%"], "Set")
        obj.internal = data
        return obj

    def set_call(this, args):
        raise type_error("Constructor Set requires 'new'")

    def set_construct(args, new_target):
        if new_target is None or new_target is UNDEFINED:
            raise type_error("Constructor Set requires 'new'")
        obj = JSObject(get_prototype_from_constructor(realm, new_target, "%Set.prototype%"),
                       "Set")
        obj.internal = KeyedData()
        iterable = arg(args, 0)
        if iterable is UNDEFINED or iterable is NULL:
            return obj
        adder = obj.get("add")
        if not is_callable(adder):
            raise type_error(f"'{describe(adder)}' returned for property 'add' of object "
                             f"'{describe(obj)}' is not a function")
        for_each(realm, iterable, lambda value: call(adder, obj, [value]))
        return obj

    ctor = make_constructor(realm, "Set", set_call, 0, set_construct, proto)
    accessor(realm, ctor, SPECIES, lambda this, args: this)

    def add(this, args):
        data = this_set_data(this, "Set.prototype.add")
        value = canonical_key(arg(args, 0))
        if not data.has(value):
            data.set(value, value)
        return this

    def clear(this, args):
        this_set_data(this, "Set.prototype.clear").clear()
        return UNDEFINED

    def delete(this, args):
        return this_set_data(this, "Set.prototype.delete").delete(arg(args, 0))

    def entries(this, args):
        data = this_set_data(this, "Set.prototype.entries")
        return make_collection_iterator(realm, "%SetIteratorPrototype%", "Set Iterator",
                                        data, "entries")

    def for_each_(this, args):
        data = this_set_data(this, "Set.prototype.forEach")
        callback, this_arg = arg(args, 0), arg(args, 1)
        require_callable(callback)
        for_each_entry(data, lambda k, v: call(callback, this_arg, [k, k, this]))
        return UNDEFINED

    def has(this, args):
        return this_set_data(this, "Set.prototype.has").has(arg(args, 0))

    def size(this, args):
        return float(this_set_data(this, "get Set.prototype.size").size)

    def values(this, args):
        data = this_set_data(this, "Set.prototype.values")
        return make_collection_iterator(realm, "%SetIteratorPrototype%", "Set Iterator",
                                        data, "values")

    # -- the set-algebra methods ----------------------------------------------------------

    def union(this, args):
        data = this_set_data(this, "Set.prototype.union")
        other = get_set_record(arg(args, 0))
        result = data.copy()
        for value in each_key(other.keys_iterator()):
            if not result.has(value):
                result.set(value, value)
        return new_set(result)

    def intersection(this, args):
        data = this_set_data(this, "Set.prototype.intersection")
        other = get_set_record(arg(args, 0))
        result = KeyedData()
        if data.size <= other.size:
            for e in each_own(data):
                if other.contains(e) and not result.has(e):
                    result.set(e, e)
        else:
            for value in each_key(other.keys_iterator()):
                if data.has(value) and not result.has(value):
                    result.set(value, value)
        return new_set(result)

    def difference(this, args):
        data = this_set_data(this, "Set.prototype.difference")
        other = get_set_record(arg(args, 0))
        result = data.copy()
        if data.size <= other.size:
            for e in list(result.live()):
                if other.contains(e[0]):
                    result.delete(e[0])
        else:
            for value in each_key(other.keys_iterator()):
                result.delete(value)
        return new_set(result)

    def symmetric_difference(this, args):
        data = this_set_data(this, "Set.prototype.symmetricDifference")
        other = get_set_record(arg(args, 0))
        result = data.copy()
        for value in each_key(other.keys_iterator()):
            if data.has(value):
                result.delete(value)
            elif not result.has(value):
                result.set(value, value)
        return new_set(result)

    def is_subset_of(this, args):
        data = this_set_data(this, "Set.prototype.isSubsetOf")
        other = get_set_record(arg(args, 0))
        if data.size > other.size:
            return False
        return all(other.contains(e) for e in each_own(data))

    def is_superset_of(this, args):
        data = this_set_data(this, "Set.prototype.isSupersetOf")
        other = get_set_record(arg(args, 0))
        if data.size < other.size:
            return False
        keys = other.keys_iterator()
        for value in each_key(keys):
            if not data.has(value):
                keys.close()
                return False
        return True

    def is_disjoint_from(this, args):
        data = this_set_data(this, "Set.prototype.isDisjointFrom")
        other = get_set_record(arg(args, 0))
        if data.size <= other.size:
            return not any(other.contains(e) for e in each_own(data))
        keys = other.keys_iterator()
        for value in each_key(keys):
            if data.has(value):
                keys.close()
                return False
        return True

    method(realm, proto, "add", add, 1)
    method(realm, proto, "clear", clear, 0)
    method(realm, proto, "delete", delete, 1)
    method(realm, proto, "difference", difference, 1)
    method(realm, proto, "entries", entries, 0)
    method(realm, proto, "forEach", for_each_, 1)
    method(realm, proto, "has", has, 1)
    method(realm, proto, "intersection", intersection, 1)
    method(realm, proto, "isDisjointFrom", is_disjoint_from, 1)
    method(realm, proto, "isSubsetOf", is_subset_of, 1)
    method(realm, proto, "isSupersetOf", is_superset_of, 1)
    accessor(realm, proto, "size", size)
    method(realm, proto, "symmetricDifference", symmetric_difference, 1)
    method(realm, proto, "union", union, 1)
    values_fn = method(realm, proto, "values", values, 0)
    proto.define("keys", values_fn)
    proto.define(ITERATOR, values_fn)
    proto.define(TO_STRING_TAG, "Set", CONFIGURABLE)

    iter_proto = JSObject(intr["%IteratorPrototype%"])
    intr["%SetIteratorPrototype%"] = iter_proto
    method(realm, iter_proto, "next",
           lambda this, args: collection_iterator_next(realm, this, "Set Iterator"), 0)
    iter_proto.define(TO_STRING_TAG, "Set Iterator", CONFIGURABLE)
