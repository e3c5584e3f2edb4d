"""vm.operations: the object operations the interpreter and the built-ins share."""

from __future__ import annotations

import pytest

from vm import operations
from vm.builtins.iterator import IteratorRecord, for_each, get_iterator, iterable_to_list
from vm.convert import to_string
from vm.objects import ACCESSOR, CONFIGURABLE, ENUMERABLE, WRITABLE, JSArray, JSError, JSObject
from vm.operations import (
    copy_data_properties,
    for_in_keys,
    from_property_descriptor,
    get_v,
    has_property_operator,
    instance_of,
    set_integrity_level,
    to_property_descriptor,
)
from vm.symbols import ITERATOR
from vm.values import NULL, UNDEFINED, JSSymbol


def _obj(realm, proto="default", **props) -> JSObject:
    o = JSObject(realm.object_prototype if proto == "default" else proto)
    for k, v in props.items():
        o.props[k] = v
    return o


def test_get_v_on_primitives(realm):
    assert get_v(realm, "abc", "length") == 3.0
    assert get_v(realm, "abc", "1") == "b"
    assert get_v(realm, "abc", "5") is UNDEFINED
    assert get_v(realm, "abc", "charAt") is realm.intrinsics["%String.prototype%"].get("charAt")
    assert get_v(realm, 1.5, "toFixed") is realm.intrinsics["%Number.prototype%"].get("toFixed")
    assert get_v(realm, JSSymbol("d"), "description") == "d"
    with pytest.raises(JSError, match=r"Cannot read properties of undefined \(reading 'x'\)"):
        get_v(realm, UNDEFINED, "x")


def test_getter_on_prototype_sees_the_primitive_as_this(realm):
    seen = []
    proto = realm.intrinsics["%Number.prototype%"]
    getter = realm.native("get me", lambda this, args: seen.append(this) or this, 0)
    proto.define_accessor("me", getter, UNDEFINED, CONFIGURABLE)
    assert get_v(realm, 2.0, "me") == 2.0 and seen == [2.0]


def test_instance_of_and_in(realm):
    array = realm.intrinsics["%Array%"]
    arr = JSArray(realm.intrinsics["%Array.prototype%"], [1.0])
    assert instance_of(realm, arr, array)
    assert instance_of(realm, arr, realm.intrinsics["%Object%"])
    assert not instance_of(realm, 1.0, array)
    with pytest.raises(JSError, match="not an object"):
        instance_of(realm, arr, 1.0)
    with pytest.raises(JSError, match="not callable"):
        instance_of(realm, arr, _obj(realm))
    bound = realm.intrinsics["%Function.prototype%"].get("bind")
    bound_array = bound.fn(array, [UNDEFINED])
    assert instance_of(realm, arr, bound_array)
    assert has_property_operator(arr, 0.0) and has_property_operator(arr, "length")
    assert not has_property_operator(arr, "1")
    with pytest.raises(JSError, match="Cannot use 'in' operator"):
        has_property_operator("str", "length")


def test_for_in_keys_order_and_shadowing(realm):
    base = _obj(realm, a=1.0, shadowed=2.0, z=3.0)
    derived = _obj(realm, base, **{"2": 0.0, "b": 1.0, "1": 0.0})
    derived.define("shadowed", 5.0, WRITABLE | CONFIGURABLE)  # not enumerable
    derived.props[JSSymbol("s")] = 1.0
    assert for_in_keys(derived) == ["1", "2", "b", "a", "z"]
    assert for_in_keys(UNDEFINED) == []


def test_copy_data_properties(realm):
    source = _obj(realm, a=1.0, b=2.0)
    source.define("hidden", 3.0, WRITABLE)
    sym = JSSymbol("s")
    source.props[sym] = 4.0
    target = copy_data_properties(_obj(realm), source, excluded=("b",))
    assert target.own_keys() == ["a", sym]
    assert copy_data_properties(_obj(realm), "hi").own_keys() == ["0", "1"]
    assert copy_data_properties(_obj(realm), NULL).own_keys() == []


def test_property_descriptors_round_trip(realm):
    desc_obj = _obj(realm, value=1.0, writable=True)
    slot, present = to_property_descriptor(desc_obj)
    assert slot.value == 1.0 and slot.flags == WRITABLE
    back = from_property_descriptor(realm, slot)
    assert [back.get(k) for k in ("value", "writable", "enumerable", "configurable")] == [
        1.0, True, False, False]
    getter = realm.native("g", lambda this, args: 1.0, 0)
    slot, _ = to_property_descriptor(_obj(realm, get=getter, enumerable=True))
    assert slot.flags & ACCESSOR and slot.flags & ENUMERABLE and slot.getter is getter
    with pytest.raises(JSError, match="Invalid property descriptor"):
        to_property_descriptor(_obj(realm, get=getter, value=1.0))
    with pytest.raises(JSError, match="Getter must be a function"):
        to_property_descriptor(_obj(realm, get=1.0))


def test_integrity_levels(realm):
    o = _obj(realm, a=1.0)
    level = operations.test_integrity_level
    assert not level(o, "sealed")
    assert set_integrity_level(o, "sealed")
    assert level(o, "sealed") and not level(o, "frozen")
    assert o.set("a", 2.0) and o.get("a") == 2.0
    assert set_integrity_level(o, "frozen") and level(o, "frozen")
    assert not o.set("a", 3.0) and o.get("a") == 2.0


def test_iterator_records(realm):
    arr = JSArray(realm.intrinsics["%Array.prototype%"], [1.0, 2.0, 3.0])
    record = get_iterator(realm, arr)
    assert isinstance(record, IteratorRecord)
    assert [record.step() for _ in range(3)] == [1.0, 2.0, 3.0]
    assert iterable_to_list(realm, "a\ud83d\ude00") == ["a", "\ud83d\ude00"]
    with pytest.raises(JSError, match="is not iterable"):
        iterable_to_list(realm, 5.0)
    # for_each stops early when the body returns True, closing the iterator normally
    closed = []
    iterator = _obj(realm)
    counter = [0]

    def next_(this, args):
        counter[0] += 1
        result = _obj(realm, value=float(counter[0]), done=False)
        return result

    iterator.props["next"] = realm.native("next", next_, 0)
    iterator.props["return"] = realm.native(
        "return", lambda this, args: closed.append(True) or _obj(realm), 0)
    iterable = _obj(realm)
    iterable.props[ITERATOR] = realm.native("[Symbol.iterator]", lambda this, args: iterator, 0)
    seen = []
    for_each(realm, iterable, lambda v: seen.append(v) or v == 3.0)
    assert seen == [1.0, 2.0, 3.0] and closed == [True]


def test_string_exotic_object(realm):
    from vm.convert import to_object

    s = to_object(realm, "ab")
    assert s.get("0") == "a" and s.get("length") == 2.0
    assert not s.set("0", "x") and s.get("0") == "a"
    assert not s.delete("length")
    s.props["extra"] = 1.0
    assert s.own_keys() == ["0", "1", "length", "extra"]
    assert to_string(s) == "ab"
