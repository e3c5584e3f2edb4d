"""Map (§24.1) and %MapIteratorPrototype% (§24.1.5)."""

from __future__ import annotations

from ..convert import describe, is_callable, type_error
from ..objects import CONFIGURABLE, ROM, JSObject
from ..operations import call, create_array_from_list, get_prototype_from_constructor
from ..symbols import ITERATOR, SPECIES, TO_STRING_TAG
from ..values import NULL, UNDEFINED
from .iterator import DONE, create_iter_result_object, for_each, get_iterator
from .keyed_data import KeyedData, canonical_key
from .support import accessor, arg, make_constructor, method


def incompatible(method_name: str, this) -> Exception:
    """V8's wording for a method called on an object without the right internal slot."""
    shown = describe(this)
    return type_error(f"Method {method_name} called on incompatible receiver {shown}")


MUTATORS = frozenset(("add", "clear", "delete", "getOrInsert", "getOrInsertComputed", "set",
                      "register", "unregister"))


def require_writable(obj: JSObject, method_name: str) -> None:
    """A collection frozen into ROM (preloaded, shared by every Global) cannot change."""
    if obj.segment is ROM and method_name.rpartition(".")[2] in MUTATORS:
        raise type_error(f"{method_name}: the object is read-only (in ROM)")


def this_map_data(this, method_name: str) -> KeyedData:
    """RequireInternalSlot(this, [[MapData]])."""
    if isinstance(this, JSObject) and this.class_name == "Map" \
            and type(this.internal) is KeyedData:
        require_writable(this, method_name)
        return this.internal
    raise incompatible(method_name, this)


def require_new(name: str, new_target) -> None:
    if new_target is None or new_target is UNDEFINED:
        raise type_error(f"Constructor {name} requires 'new'")


def require_callable(fn) -> None:
    if not is_callable(fn):
        raise type_error(f"{describe(fn)} is not a function")


def add_entries_from_iterable(realm, target: JSObject, iterable, adder) -> None:
    """AddEntriesFromIterable: call ``adder`` with each entry's "0" and "1"."""
    def add(entry):
        if not isinstance(entry, JSObject):
            raise type_error(f"Iterator value {describe(entry)} is not an entry object")
        call(adder, target, [entry.get("0"), entry.get("1")])

    for_each(realm, iterable, add)


def group_by(realm, items, callback) -> list[tuple[object, list]]:
    """GroupBy(items, callback, zero): (key, values) pairs in first-seen order."""
    if items is UNDEFINED or items is NULL:
        raise type_error(f"{describe(items)} is not iterable")
    require_callable(callback)
    groups = KeyedData()
    record = get_iterator(realm, items)
    k = 0
    while True:
        value = record.step()
        if value is DONE:
            break
        try:
            key = canonical_key(call(callback, UNDEFINED, [value, float(k)]))
        except BaseException:
            record.close_on_throw()
            raise
        members = groups.get(key, None)
        if members is None:
            groups.set(key, [value])
        else:
            members.append(value)
        k += 1
    return list(groups.live())


def make_collection_iterator(realm, proto_name: str, class_name: str, data: KeyedData,
                             kind: str) -> JSObject:
    """CreateMapIterator / CreateSetIterator: a cursor over ``data``."""
    it = JSObject(realm.intrinsics[proto_name], class_name)
    it.internal = [data, data.cursor(), kind]
    return it


def collection_iterator_next(realm, this, class_name: str):
    """%MapIteratorPrototype%.next and %SetIteratorPrototype%.next."""
    if not isinstance(this, JSObject) or this.class_name != class_name \
            or type(this.internal) is not list:
        raise incompatible(f"{class_name}.prototype.next", this)
    state = this.internal
    data = state[0]
    if data is None:
        return create_iter_result_object(realm, UNDEFINED, True)
    pos = data.advance(state[1])
    if pos < 0:
        data.release(state[1])
        state[0] = None
        return create_iter_result_object(realm, UNDEFINED, True)
    kind = state[2]
    if kind == "keys":
        value = data.keys[pos]
    elif kind == "values":
        value = data.values[pos]
    else:
        value = create_array_from_list(realm, [data.keys[pos], data.values[pos]])
    return create_iter_result_object(realm, value, False)


def for_each_entry(data: KeyedData, visit) -> None:
    """Visit the live entries, seeing additions and skipping deletions made meanwhile."""
    cursor = data.cursor()
    try:
        while True:
            pos = data.advance(cursor)
            if pos < 0:
                return
            visit(data.keys[pos], data.values[pos])
    finally:
        data.release(cursor)


def setup(realm) -> None:
    intr = realm.intrinsics
    proto = JSObject(realm.object_prototype)

    def map_call(this, args):
        raise type_error("Constructor Map requires 'new'")

    def map_construct(args, new_target):
        require_new("Map", new_target)
        obj = JSObject(get_prototype_from_constructor(realm, new_target, "%Map.prototype%"),
                       "Map")
        obj.internal = KeyedData()
        iterable = arg(args, 0)
        if iterable is UNDEFINED or iterable is NULL:
            return obj
        adder = obj.get("set")
        if not is_callable(adder):
            raise type_error(f"'{describe(adder)}' returned for property 'set' of object "
                             f"'{describe(obj)}' is not a function")
        add_entries_from_iterable(realm, obj, iterable, adder)
        return obj

    ctor = make_constructor(realm, "Map", map_call, 0, map_construct, proto)
    accessor(realm, ctor, SPECIES, lambda this, args: this)

    def map_group_by(this, args):
        result = JSObject(intr["%Map.prototype%"], "Map")
        data = result.internal = KeyedData()
        for key, values in group_by(realm, arg(args, 0), arg(args, 1)):
            data.set(key, create_array_from_list(realm, values))
        return result

    method(realm, ctor, "groupBy", map_group_by, 2)

    def clear(this, args):
        this_map_data(this, "Map.prototype.clear").clear()
        return UNDEFINED

    def delete(this, args):
        return this_map_data(this, "Map.prototype.delete").delete(arg(args, 0))

    def entries(this, args):
        data = this_map_data(this, "Map.prototype.entries")
        return make_collection_iterator(realm, "%MapIteratorPrototype%", "Map Iterator",
                                        data, "entries")

    def for_each(this, args):
        data = this_map_data(this, "Map.prototype.forEach")
        callback, this_arg = arg(args, 0), arg(args, 1)
        require_callable(callback)
        for_each_entry(data, lambda k, v: call(callback, this_arg, [v, k, this]))
        return UNDEFINED

    def get(this, args):
        return this_map_data(this, "Map.prototype.get").get(arg(args, 0), UNDEFINED)

    def get_or_insert(this, args):
        data = this_map_data(this, "Map.prototype.getOrInsert")
        key = canonical_key(arg(args, 0))
        if not data.has(key):
            data.set(key, arg(args, 1))
        return data.get(key, UNDEFINED)

    def get_or_insert_computed(this, args):
        data = this_map_data(this, "Map.prototype.getOrInsertComputed")
        callback = arg(args, 1)
        require_callable(callback)
        key = canonical_key(arg(args, 0))
        if data.has(key):
            return data.get(key, UNDEFINED)
        value = call(callback, UNDEFINED, [key])
        data.set(key, value)  # the callback may have added the key: overwrite it then
        return value

    def has(this, args):
        return this_map_data(this, "Map.prototype.has").has(arg(args, 0))

    def keys(this, args):
        data = this_map_data(this, "Map.prototype.keys")
        return make_collection_iterator(realm, "%MapIteratorPrototype%", "Map Iterator",
                                        data, "keys")

    def set_(this, args):
        this_map_data(this, "Map.prototype.set").set(arg(args, 0), arg(args, 1))
        return this

    def size(this, args):
        return float(this_map_data(this, "get Map.prototype.size").size)

    def values(this, args):
        data = this_map_data(this, "Map.prototype.values")
        return make_collection_iterator(realm, "%MapIteratorPrototype%", "Map Iterator",
                                        data, "values")

    method(realm, proto, "clear", clear, 0)
    method(realm, proto, "delete", delete, 1)
    entries_fn = method(realm, proto, "entries", entries, 0)
    method(realm, proto, "forEach", for_each, 1)
    method(realm, proto, "get", get, 1)
    method(realm, proto, "getOrInsert", get_or_insert, 2)
    method(realm, proto, "getOrInsertComputed", get_or_insert_computed, 2)
    method(realm, proto, "has", has, 1)
    method(realm, proto, "keys", keys, 0)
    method(realm, proto, "set", set_, 2)
    accessor(realm, proto, "size", size)
    method(realm, proto, "values", values, 0)
    proto.define(ITERATOR, entries_fn)
    proto.define(TO_STRING_TAG, "Map", CONFIGURABLE)

    iter_proto = JSObject(intr["%IteratorPrototype%"])
    intr["%MapIteratorPrototype%"] = iter_proto
    method(realm, iter_proto, "next",
           lambda this, args: collection_iterator_next(realm, this, "Map Iterator"), 0)
    iter_proto.define(TO_STRING_TAG, "Map Iterator", CONFIGURABLE)
