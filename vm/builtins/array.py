"""Array (§23.1): the constructor, Array.prototype and array iterators.

The methods follow the spec's generic algorithms (they work on any array-like with a
``length``); a JSArray's dense ``items`` list is read directly where that cannot be
told apart (an item that is not HOLE is an own plain data property), and a few
methods take a list fast path when the array is plain and dense.
"""

from __future__ import annotations

import sys
from functools import cmp_to_key

from .. import objects
from ..convert import (
    MAX_SAFE_INTEGER,
    MAX_STRING_LENGTH,
    describe,
    is_callable,
    is_constructor,
    range_error,
    same_value_zero,
    strict_equals,
    to_boolean,
    to_integer_or_infinity,
    to_number,
    to_object,
    to_string,
    to_uint32,
    type_error,
)
from ..objects import CONFIGURABLE, JSArray, JSObject, is_array_index
from ..operations import (
    array_create,
    array_species_create,
    call,
    construct,
    create_array_from_list,
    create_data_property_or_throw,
    delete_property_or_throw,
    get_method,
    get_prototype_from_constructor,
    is_array,
    length_of_array_like,
    set_,
)
from ..symbols import IS_CONCAT_SPREADABLE, ITERATOR, SPECIES, TO_STRING_TAG, UNSCOPABLES
from ..values import HOLE, NULL, UNDEFINED
from .iterator import DONE, create_iter_result_object, get_iterator
from .support import accessor, arg, make_constructor, method


def _get(o: JSObject, i: int):
    """Get(O, ! ToString(i))."""
    if type(o) is JSArray:
        items = o.items
        if i < len(items):
            v = items[i]
            if v is not HOLE:
                return v
    return o.get(str(i))


def _has(o: JSObject, i: int) -> bool:
    """HasProperty(O, ! ToString(i))."""
    if type(o) is JSArray:
        items = o.items
        if i < len(items) and items[i] is not HOLE:
            return True
    return o.has_property(str(i))


def _plain(o) -> bool:
    """An extensible array, writable length, every element in ``items`` (holes maybe)."""
    return (type(o) is JSArray and not o.props and o.extensible and o.length_writable
            and o.segment is not objects.ROM)


def _dense(o) -> bool:
    """A plain array without holes: list operations on ``items`` are the spec's steps."""
    return _plain(o) and HOLE not in o.items


def _no_inherited_indices(o) -> bool:
    """No object on o's prototype chain has an array-index property, so a Set on one of
    o's holes makes an own data property and calls no setter."""
    p = o.proto
    while p is not None:
        if type(p) not in (JSObject, JSArray) or (type(p) is JSArray and p.items):
            return False
        if any(is_array_index(k) for k in p.props if type(k) is str):
            return False
        p = p.proto
    return True


def _relative_index(value, length: int, default: int) -> int:
    """A relative start/end argument clamped to 0 .. length (undefined -> default)."""
    if value is UNDEFINED:
        return default
    r = to_integer_or_infinity(value)
    if r < 0:
        return int(max(length + r, 0))
    return int(min(r, length))


def _callback(value):
    if not is_callable(value):
        raise type_error(f"{describe(value)} is not a function")
    return value


def _set_length(o: JSObject, n: int) -> None:
    set_(o, "length", float(n))


def is_concat_spreadable(o) -> bool:
    """IsConcatSpreadable."""
    if not isinstance(o, JSObject):
        return False
    spreadable = o.get(IS_CONCAT_SPREADABLE)
    if spreadable is not UNDEFINED:
        return to_boolean(spreadable)
    return is_array(o)


def sort_compare(comparefn):
    """SortCompare with a comparator, as a Python cmp function (NaN counts as 0)."""
    def compare(x, y):
        v = to_number(objects.call_function(comparefn, UNDEFINED, [x, y]))
        if v != v:
            return 0
        return -1 if v < 0 else (1 if v > 0 else 0)
    return compare


def sort_values(values: list, comparefn) -> list:
    """Sort values (stable), undefined last; comparefn undefined compares ToString."""
    undefined_count = 0
    defined = []
    for v in values:
        if v is UNDEFINED:
            undefined_count += 1
        else:
            defined.append(v)
    if comparefn is UNDEFINED:
        keyed = [(to_string(v), v) for v in defined]
        keyed.sort(key=lambda pair: pair[0])
        defined = [v for _, v in keyed]
    else:
        defined.sort(key=cmp_to_key(sort_compare(comparefn)))
    return defined + [UNDEFINED] * undefined_count


def flatten_into_array(target: JSObject, source: JSObject, source_len: int, start: int,
                       depth, mapper=None, this_arg=UNDEFINED) -> int:
    """FlattenIntoArray: returns the next target index."""
    target_index = start
    for source_index in range(source_len):
        if not _has(source, source_index):
            continue
        element = _get(source, source_index)
        if mapper is not None:
            element = objects.call_function(mapper, this_arg,
                                            [element, float(source_index), source])
        if depth > 0 and is_array(element):
            target_index = flatten_into_array(target, element, length_of_array_like(element),
                                              target_index, depth - 1)
        else:
            if target_index >= MAX_SAFE_INTEGER:
                raise type_error("Array too large")
            create_data_property_or_throw(target, str(target_index), element)
            target_index += 1
    return target_index


def setup(realm) -> None:
    intr = realm.intrinsics
    proto = JSArray(realm.object_prototype)
    joining: list = []  # arrays whose join is in progress (cycles join as "")

    # -- the constructor ----------------------------------------------------------------

    def array_construct(args, new_target):
        p = get_prototype_from_constructor(realm, new_target, "%Array.prototype%")
        if len(args) == 1:
            n = args[0]
            if type(n) is not float:
                return JSArray(p, [n])
            if to_uint32(n) != n:
                raise range_error("Invalid array length")
            return array_create(realm, int(n), p)
        return JSArray(p, list(args))

    def array_call(this, args):
        return array_construct(args, ctor)

    ctor = make_constructor(realm, "Array", array_call, 1, array_construct, proto)
    accessor(realm, ctor, SPECIES, lambda this, args: this)

    def is_array_(this, args):
        return is_array(arg(args, 0))

    def array_of(this, args):
        if is_constructor(this) and this is not ctor:
            a = construct(this, [float(len(args))])
            for k, v in enumerate(args):
                create_data_property_or_throw(a, str(k), v)
            _set_length(a, len(args))
            return a
        return create_array_from_list(realm, list(args))

    def array_from(this, args):
        items, mapfn, this_arg = arg(args, 0), arg(args, 1), arg(args, 2)
        if mapfn is not UNDEFINED and not is_callable(mapfn):
            raise type_error(f"{describe(mapfn)} is not a function")
        plain = not is_constructor(this) or this is ctor
        using_iterator = get_method(realm, items, ITERATOR)
        if using_iterator is not UNDEFINED:
            a = create_array_from_list(realm, []) if plain else construct(this, [])
            record = get_iterator(realm, items, using_iterator)
            k = 0
            values: list = a.items if plain else []
            while True:
                value = record.step()
                if value is DONE:
                    break
                try:
                    if mapfn is not UNDEFINED:
                        value = objects.call_function(mapfn, this_arg, [value, float(k)])
                    if plain:
                        values.append(value)
                    else:
                        create_data_property_or_throw(a, str(k), value)
                except BaseException:
                    record.close_on_throw()
                    raise
                k += 1
            if not plain:
                _set_length(a, k)
            return a
        array_like = to_object(realm, items)
        n = length_of_array_like(array_like)
        a = array_create(realm, 0) if plain else construct(this, [float(n)])
        for k in range(n):
            value = _get(array_like, k)
            if mapfn is not UNDEFINED:
                value = objects.call_function(mapfn, this_arg, [value, float(k)])
            create_data_property_or_throw(a, str(k), value)
        _set_length(a, n)
        return a

    method(realm, ctor, "from", array_from, 1)
    method(realm, ctor, "isArray", is_array_, 1)
    method(realm, ctor, "of", array_of, 0)

    # -- Array.prototype ----------------------------------------------------------------

    def proto_method(name, length):
        def register(fn):
            f = method(realm, proto, name, fn, length)
            intr[f"%Array.prototype.{name}%"] = f
            return fn
        return register

    @proto_method("at", 1)
    def at(this, args):
        o = to_object(realm, this)
        n = length_of_array_like(o)
        k = to_integer_or_infinity(arg(args, 0))
        if k < 0:
            k += n
        if k < 0 or k >= n:
            return UNDEFINED
        return _get(o, int(k))

    @proto_method("concat", 1)
    def concat(this, args):
        o = to_object(realm, this)
        a = array_species_create(realm, o, 0)
        n = 0
        for e in [o, *args]:
            if is_concat_spreadable(e):
                length = length_of_array_like(e)
                if n + length > MAX_SAFE_INTEGER:
                    raise type_error("Array too large")
                if type(a) is JSArray and _dense(e) and _dense(a) and len(a.items) == n:
                    a.items.extend(e.items)
                    n += length
                    continue
                for k in range(length):
                    if _has(e, k):
                        create_data_property_or_throw(a, str(n), _get(e, k))
                    n += 1
            else:
                create_data_property_or_throw(a, str(n), e)
                n += 1
        _set_length(a, n)
        return a

    @proto_method("copyWithin", 2)
    def copy_within(this, args):
        o = to_object(realm, this)
        n = length_of_array_like(o)
        to = _relative_index(arg(args, 0), n, 0)
        start = _relative_index(arg(args, 1), n, 0)
        end = _relative_index(arg(args, 2), n, n)
        count = min(end - start, n - to)
        if count <= 0:
            return o
        step = 1
        if start < to < start + count:
            step, start, to = -1, start + count - 1, to + count - 1
        for _ in range(count):
            if _has(o, start):
                set_(o, str(to), _get(o, start))
            else:
                delete_property_or_throw(o, str(to))
            start += step
            to += step
        return o

    def make_iterator(this, kind):
        o = to_object(realm, this)
        it = JSObject(intr["%ArrayIteratorPrototype%"], "Array Iterator")
        it.internal = [o, 0, kind]
        return it

    @proto_method("entries", 0)
    def entries(this, args):
        return make_iterator(this, "entries")

    @proto_method("every", 1)
    def every(this, args):
        o = to_object(realm, this)
        n = length_of_array_like(o)
        fn, this_arg = _callback(arg(args, 0)), arg(args, 1)
        for k in range(n):
            if _has(o, k) and not to_boolean(
                    objects.call_function(fn, this_arg, [_get(o, k), float(k), o])):
                return False
        return True

    @proto_method("fill", 1)
    def fill(this, args):
        o = to_object(realm, this)
        n = length_of_array_like(o)
        value = arg(args, 0)
        start = _relative_index(arg(args, 1), n, 0)
        end = _relative_index(arg(args, 2), n, n)
        if _plain(o) and start < end and (
                end <= len(o.items) and HOLE not in o.items[start:end]
                or _no_inherited_indices(o)):
            if end > len(o.items):  # `new Array(n).fill(v)`: the holes become elements
                o.items.extend([HOLE] * (end - len(o.items)))
            o.items[start:end] = [value] * (end - start)
            return o
        for k in range(start, end):
            set_(o, str(k), value)
        return o

    @proto_method("filter", 1)
    def filter_(this, args):
        o = to_object(realm, this)
        n = length_of_array_like(o)
        fn, this_arg = _callback(arg(args, 0)), arg(args, 1)
        a = array_species_create(realm, o, 0)
        out = a.items if _plain(a) and not a.items else None  # a fresh plain array
        call_function = objects.call_function
        to = 0
        for k in range(n):
            if _has(o, k):
                value = _get(o, k)
                if to_boolean(call_function(fn, this_arg, [value, float(k), o])):
                    if out is not None and len(out) == to:
                        out.append(value)
                    else:
                        create_data_property_or_throw(a, str(to), value)
                    to += 1
        return a

    def find_from(this, args, backwards: bool, want_index: bool):
        o = to_object(realm, this)
        n = length_of_array_like(o)
        fn, this_arg = _callback(arg(args, 0)), arg(args, 1)
        for k in (range(n - 1, -1, -1) if backwards else range(n)):
            value = _get(o, k)
            if to_boolean(objects.call_function(fn, this_arg, [value, float(k), o])):
                return float(k) if want_index else value
        return -1.0 if want_index else UNDEFINED

    proto_method("find", 1)(lambda this, args: find_from(this, args, False, False))
    proto_method("findIndex", 1)(lambda this, args: find_from(this, args, False, True))
    proto_method("findLast", 1)(lambda this, args: find_from(this, args, True, False))
    proto_method("findLastIndex", 1)(lambda this, args: find_from(this, args, True, True))

    @proto_method("flat", 0)
    def flat(this, args):
        o = to_object(realm, this)
        n = length_of_array_like(o)
        depth_arg = arg(args, 0)
        depth = 1
        if depth_arg is not UNDEFINED:
            depth = to_integer_or_infinity(depth_arg)
            if depth < 0:
                depth = 0
        a = array_species_create(realm, o, 0)
        try:
            flatten_into_array(a, o, n, 0, depth)
        except RecursionError:  # a self-containing array flattened without limit
            raise range_error("Maximum call stack size exceeded") from None
        return a

    @proto_method("flatMap", 1)
    def flat_map(this, args):
        o = to_object(realm, this)
        n = length_of_array_like(o)
        fn = _callback(arg(args, 0))
        a = array_species_create(realm, o, 0)
        flatten_into_array(a, o, n, 0, 1, fn, arg(args, 1))
        return a

    @proto_method("forEach", 1)
    def for_each(this, args):
        o = to_object(realm, this)
        n = length_of_array_like(o)
        fn, this_arg = _callback(arg(args, 0)), arg(args, 1)
        call_function = objects.call_function
        for k in range(n):
            if _has(o, k):
                call_function(fn, this_arg, [_get(o, k), float(k), o])
        return UNDEFINED

    @proto_method("includes", 1)
    def includes(this, args):
        o = to_object(realm, this)
        n = length_of_array_like(o)
        if n == 0:
            return False
        k = _relative_index(arg(args, 1), n, 0)
        target = arg(args, 0)
        for i in range(k, n):
            if same_value_zero(_get(o, i), target):
                return True
        return False

    @proto_method("indexOf", 1)
    def index_of(this, args):
        o = to_object(realm, this)
        n = length_of_array_like(o)
        if n == 0:
            return -1.0
        k = _relative_index(arg(args, 1), n, 0)
        target = arg(args, 0)
        for i in range(k, n):
            if _has(o, i) and strict_equals(_get(o, i), target):
                return float(i)
        return -1.0

    @proto_method("join", 1)
    def join(this, args):
        o = to_object(realm, this)
        n = length_of_array_like(o)
        sep = arg(args, 0)
        sep = "," if sep is UNDEFINED else to_string(sep)
        if any(x is o for x in joining):
            return ""
        joining.append(o)
        try:
            parts = []
            size = 0
            for k in range(n):
                v = _get(o, k)
                s = "" if v is UNDEFINED or v is NULL else to_string(v)
                size += len(s) + len(sep)
                if size > MAX_STRING_LENGTH:
                    raise range_error("Invalid string length")
                parts.append(s)
            return sep.join(parts)
        finally:
            joining.pop()

    @proto_method("keys", 0)
    def keys(this, args):
        return make_iterator(this, "keys")

    @proto_method("lastIndexOf", 1)
    def last_index_of(this, args):
        o = to_object(realm, this)
        n = length_of_array_like(o)
        if n == 0:
            return -1.0
        if len(args) > 1:
            k = to_integer_or_infinity(args[1])
            k = min(k, n - 1) if k >= 0 else n + k
        else:
            k = n - 1
        target = arg(args, 0)
        i = int(k) if k > -1 else -1
        while i >= 0:
            if _has(o, i) and strict_equals(_get(o, i), target):
                return float(i)
            i -= 1
        return -1.0

    @proto_method("map", 1)
    def map_(this, args):
        o = to_object(realm, this)
        n = length_of_array_like(o)
        fn, this_arg = _callback(arg(args, 0)), arg(args, 1)
        a = array_species_create(realm, o, n)
        out = a.items if _plain(a) and len(a.items) == n else None  # a fresh plain array
        call_function = objects.call_function
        for k in range(n):
            if _has(o, k):
                value = call_function(fn, this_arg, [_get(o, k), float(k), o])
                if out is not None and a.extensible and not a.props:
                    out[k] = value
                else:
                    create_data_property_or_throw(a, str(k), value)
        return a

    @proto_method("pop", 0)
    def pop(this, args):
        o = to_object(realm, this)
        if _plain(o) and (not o.items or o.items[-1] is not HOLE):
            return o.items.pop() if o.items else UNDEFINED
        n = length_of_array_like(o)
        if n == 0:
            _set_length(o, 0)
            return UNDEFINED
        element = _get(o, n - 1)
        delete_property_or_throw(o, str(n - 1))
        _set_length(o, n - 1)
        return element

    @proto_method("push", 1)
    def push(this, args):
        o = to_object(realm, this)
        if _plain(o):
            o.items.extend(args)
            return float(len(o.items))
        n = length_of_array_like(o)
        if n + len(args) > MAX_SAFE_INTEGER:
            raise type_error(f"Pushing {len(args)} elements on an array-like of length {n} "
                             "is disallowed, as the total surpasses 2**53-1")
        for item in args:
            set_(o, str(n), item)
            n += 1
        _set_length(o, n)
        return float(n)

    def reduce_from(this, args, backwards: bool):
        o = to_object(realm, this)
        n = length_of_array_like(o)
        fn = _callback(arg(args, 0))
        indices = range(n - 1, -1, -1) if backwards else range(n)
        it = iter(indices)
        if len(args) >= 2:
            acc = args[1]
        else:
            for k in it:
                if _has(o, k):
                    acc = _get(o, k)
                    break
            else:
                raise type_error("Reduce of empty array with no initial value")
        call_function = objects.call_function
        for k in it:
            if _has(o, k):
                acc = call_function(fn, UNDEFINED, [acc, _get(o, k), float(k), o])
        return acc

    proto_method("reduce", 1)(lambda this, args: reduce_from(this, args, False))
    proto_method("reduceRight", 1)(lambda this, args: reduce_from(this, args, True))

    @proto_method("reverse", 0)
    def reverse(this, args):
        o = to_object(realm, this)
        if _dense(o):
            o.items.reverse()
            return o
        n = length_of_array_like(o)
        lower = 0
        while lower < n // 2:
            upper = n - 1 - lower
            lower_exists = _has(o, lower)
            lower_value = _get(o, lower) if lower_exists else UNDEFINED
            upper_exists = _has(o, upper)
            upper_value = _get(o, upper) if upper_exists else UNDEFINED
            if upper_exists:
                set_(o, str(lower), upper_value)
            elif lower_exists:
                delete_property_or_throw(o, str(lower))
            if lower_exists:
                set_(o, str(upper), lower_value)
            elif upper_exists:
                delete_property_or_throw(o, str(upper))
            lower += 1
        return o

    @proto_method("shift", 0)
    def shift(this, args):
        o = to_object(realm, this)
        if _dense(o):
            return o.items.pop(0) if o.items else UNDEFINED
        n = length_of_array_like(o)
        if n == 0:
            _set_length(o, 0)
            return UNDEFINED
        first = _get(o, 0)
        for k in range(1, n):
            if _has(o, k):
                set_(o, str(k - 1), _get(o, k))
            else:
                delete_property_or_throw(o, str(k - 1))
        delete_property_or_throw(o, str(n - 1))
        _set_length(o, n - 1)
        return first

    @proto_method("slice", 2)
    def slice_(this, args):
        o = to_object(realm, this)
        n = length_of_array_like(o)
        start = _relative_index(arg(args, 0), n, 0)
        end = _relative_index(arg(args, 1), n, n)
        count = max(end - start, 0)
        a = array_species_create(realm, o, count)
        if _dense(o) and type(a) is JSArray and a.proto is proto and not a.props:
            a.items[:] = o.items[start:end]
            return a
        i = 0
        for k in range(start, end):
            if _has(o, k):
                create_data_property_or_throw(a, str(i), _get(o, k))
            i += 1
        _set_length(a, i)
        return a

    @proto_method("some", 1)
    def some(this, args):
        o = to_object(realm, this)
        n = length_of_array_like(o)
        fn, this_arg = _callback(arg(args, 0)), arg(args, 1)
        for k in range(n):
            if _has(o, k) and to_boolean(
                    objects.call_function(fn, this_arg, [_get(o, k), float(k), o])):
                return True
        return False

    def check_comparefn(comparefn):
        if comparefn is not UNDEFINED and not is_callable(comparefn):
            raise type_error("The comparison function must be either a function or undefined")

    @proto_method("sort", 1)
    def sort(this, args):
        comparefn = arg(args, 0)
        check_comparefn(comparefn)
        o = to_object(realm, this)
        n = length_of_array_like(o)
        values = [_get(o, k) for k in range(n) if _has(o, k)]
        values = sort_values(values, comparefn)
        if _dense(o) and len(o.items) == n:
            o.items[:] = values
            return o
        for k, v in enumerate(values):
            set_(o, str(k), v)
        for k in range(len(values), n):
            delete_property_or_throw(o, str(k))
        return o

    @proto_method("splice", 2)
    def splice(this, args):
        o = to_object(realm, this)
        n = length_of_array_like(o)
        start = _relative_index(arg(args, 0), n, 0)
        if not args:
            delete_count = 0
        elif len(args) == 1:
            delete_count = n - start
        else:
            dc = to_integer_or_infinity(args[1])
            delete_count = int(min(max(dc, 0), n - start))
        items = list(args[2:])
        if n + len(items) - delete_count > MAX_SAFE_INTEGER:
            raise type_error("Array too large")
        a = array_species_create(realm, o, delete_count)
        if _dense(o) and type(a) is JSArray and a.proto is proto and not a.props:
            a.items[:] = o.items[start:start + delete_count]
            o.items[start:start + delete_count] = items
            return a
        for k in range(delete_count):
            if _has(o, start + k):
                create_data_property_or_throw(a, str(k), _get(o, start + k))
        _set_length(a, delete_count)
        item_count = len(items)
        if item_count < delete_count:
            for k in range(start, n - delete_count):
                frm, to = k + delete_count, k + item_count
                if _has(o, frm):
                    set_(o, str(to), _get(o, frm))
                else:
                    delete_property_or_throw(o, str(to))
            for k in range(n, n - delete_count + item_count, -1):
                delete_property_or_throw(o, str(k - 1))
        elif item_count > delete_count:
            for k in range(n - delete_count, start, -1):
                frm, to = k + delete_count - 1, k + item_count - 1
                if _has(o, frm):
                    set_(o, str(to), _get(o, frm))
                else:
                    delete_property_or_throw(o, str(to))
        for i, item in enumerate(items):
            set_(o, str(start + i), item)
        _set_length(o, n - delete_count + item_count)
        return a

    @proto_method("toLocaleString", 0)
    def to_locale_string(this, args):
        o = to_object(realm, this)
        n = length_of_array_like(o)
        if any(x is o for x in joining):
            return ""
        joining.append(o)
        try:
            parts = []
            for k in range(n):
                v = _get(o, k)
                if v is UNDEFINED or v is NULL:
                    parts.append("")
                else:
                    fn = v.get("toLocaleString") if isinstance(v, JSObject) else \
                        to_object(realm, v).get("toLocaleString")
                    parts.append(to_string(call(fn, v, [])))
            return ",".join(parts)
        finally:
            joining.pop()

    @proto_method("toReversed", 0)
    def to_reversed(this, args):
        o = to_object(realm, this)
        n = length_of_array_like(o)
        return create_array_from_list(realm, [_get(o, k) for k in range(n - 1, -1, -1)])

    @proto_method("toSorted", 1)
    def to_sorted(this, args):
        comparefn = arg(args, 0)
        check_comparefn(comparefn)
        o = to_object(realm, this)
        n = length_of_array_like(o)
        if n > 2 ** 32 - 1:
            raise range_error("Invalid array length")
        return create_array_from_list(realm, sort_values([_get(o, k) for k in range(n)],
                                                         comparefn))

    @proto_method("toSpliced", 2)
    def to_spliced(this, args):
        o = to_object(realm, this)
        n = length_of_array_like(o)
        start = _relative_index(arg(args, 0), n, 0)
        if not args:
            skip = 0
        elif len(args) == 1:
            skip = n - start
        else:
            skip = int(min(max(to_integer_or_infinity(args[1]), 0), n - start))
        items = list(args[2:])
        new_len = n + len(items) - skip
        if new_len > MAX_SAFE_INTEGER:
            raise type_error("Array too large")
        if new_len > 2 ** 32 - 1:
            raise range_error("Invalid array length")
        values = [_get(o, k) for k in range(start)] + items
        values += [_get(o, k) for k in range(start + skip, n)]
        return create_array_from_list(realm, values)

    @proto_method("toString", 0)
    def to_string_(this, args):
        o = to_object(realm, this)
        fn = o.get("join")
        if not is_callable(fn):
            fn = intr["%Object.prototype.toString%"]
        return objects.call_function(fn, o, [])

    @proto_method("unshift", 1)
    def unshift(this, args):
        o = to_object(realm, this)
        if _dense(o):
            o.items[0:0] = args
            return float(len(o.items))
        n = length_of_array_like(o)
        count = len(args)
        if count:
            if n + count > MAX_SAFE_INTEGER:
                raise type_error("Array too large")
            for k in range(n, 0, -1):
                frm, to = k - 1, k + count - 1
                if _has(o, frm):
                    set_(o, str(to), _get(o, frm))
                else:
                    delete_property_or_throw(o, str(to))
            for j, item in enumerate(args):
                set_(o, str(j), item)
        _set_length(o, n + count)
        return float(n + count)

    values_fn = method(realm, proto, "values", lambda this, args: make_iterator(this, "values"))
    intr["%Array.prototype.values%"] = values_fn
    proto.define(ITERATOR, values_fn)

    @proto_method("with", 2)
    def with_(this, args):
        o = to_object(realm, this)
        n = length_of_array_like(o)
        rel = to_integer_or_infinity(arg(args, 0))
        index = rel if rel >= 0 else n + rel
        if index >= n or index < 0:
            raise range_error("Invalid index : " + to_string(float(rel)))
        index = int(index)
        value = arg(args, 1)
        return create_array_from_list(realm, [value if k == index else _get(o, k)
                                              for k in range(n)])

    unscopables = JSObject(None)
    for name in ("at", "copyWithin", "entries", "fill", "find", "findIndex", "findLast",
                 "findLastIndex", "flat", "flatMap", "includes", "keys", "toReversed",
                 "toSorted", "toSpliced", "values"):
        unscopables.props[name] = True
    proto.define(UNSCOPABLES, unscopables, CONFIGURABLE)

    # -- %ArrayIteratorPrototype% -------------------------------------------------------

    iter_proto = JSObject(intr["%IteratorPrototype%"])
    intr["%ArrayIteratorPrototype%"] = iter_proto

    def iterator_next(this, args):
        if not isinstance(this, JSObject) or this.class_name != "Array Iterator" \
                or type(this.internal) is not list:
            raise type_error(f"Method Array Iterator.prototype.next called on incompatible "
                             f"receiver {describe(this)}")
        state = this.internal
        o = state[0]
        if o is None:
            return create_iter_result_object(realm, UNDEFINED, True)
        index = state[1]
        if index >= (length_of_array_like(o) if type(o) is JSArray else iteration_length(o)):
            state[0] = None
            return create_iter_result_object(realm, UNDEFINED, True)
        state[1] = index + 1
        kind = state[2]
        if kind == "keys":
            return create_iter_result_object(realm, float(index), False)
        value = _get(o, index)
        if kind == "values":
            return create_iter_result_object(realm, value, False)
        return create_iter_result_object(
            realm, create_array_from_list(realm, [float(index), value]), False)

    intr["%ArrayIteratorPrototype%.next"] = method(realm, iter_proto, "next", iterator_next, 0)
    iter_proto.define(TO_STRING_TAG, "Array Iterator", CONFIGURABLE)


def iteration_length(o: JSObject) -> int:
    """The length %ArrayIteratorPrototype%.next compares with (typed arrays' module is
    asked only once it is loaded: before, no typed array exists)."""
    typed_array = sys.modules.get("vm.builtins.typed_array")
    if typed_array is None:
        return length_of_array_like(o)
    return typed_array.iteration_length(o)
