"""%IteratorPrototype% and the iterator protocol as seen from Python (§7.4, §27.1).

Built-ins that consume iterables (Array.from, Object.fromEntries, ...) go through
``get_iterator`` and an ``IteratorRecord``; ``iterate`` is a Python generator for loops
whose body runs no JavaScript code, ``for_each`` closes the iterator when the body
throws, as IteratorClose requires.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..convert import describe, to_boolean, to_string, type_error, type_of
from ..objects import JSArray, JSError, JSObject, JSThrow
from ..operations import call, create_data_property_or_throw, get_method, set_
from ..symbols import ITERATOR, TO_STRING_TAG
from ..values import HOLE, NULL, UNDEFINED
from .support import accessor, arg, method

DONE = object()  # what IteratorRecord.step returns once the iterator is done


class IteratorRecord:
    """An Iterator Record: the iterator, its ``next`` method, and whether it is done."""

    __slots__ = ("iterator", "next_method", "done")

    def __init__(self, iterator: JSObject, next_method) -> None:
        self.iterator = iterator
        self.next_method = next_method
        self.done = False

    def step_result(self):
        """IteratorStep: the next result object (its ``value`` unread), or DONE."""
        result = call(self.next_method, self.iterator, [])
        if not isinstance(result, JSObject):
            self.done = True
            raise type_error(f"Iterator result {describe(result)} is not an object")
        if to_boolean(result.get("done")):
            self.done = True
            return DONE
        return result

    def step(self):
        """IteratorStepValue: the next value, or DONE."""
        result = self.step_result()
        return DONE if result is DONE else result.get("value")

    def close(self) -> None:
        """IteratorClose after a normal completion (break): errors propagate."""
        self.done = True
        ret = self.iterator.get("return")
        if ret is UNDEFINED or ret is NULL:
            return
        result = call(ret, self.iterator, [])
        if not isinstance(result, JSObject):
            raise type_error(f"Iterator result {describe(result)} is not an object")

    def close_on_throw(self) -> None:
        """IteratorClose after a throw completion: the original error wins."""
        self.done = True
        try:
            ret = self.iterator.get("return")
            if ret is not UNDEFINED and ret is not NULL:
                call(ret, self.iterator, [])
        except (JSThrow, JSError):
            pass


def get_iterator(realm, value, method_=None) -> IteratorRecord:
    """GetIterator(value, sync): call value[Symbol.iterator]() and read its ``next``."""
    if method_ is None:
        if value is UNDEFINED or value is NULL:
            raise type_error(f"{describe(value)} is not iterable")
        method_ = get_method(realm, value, ITERATOR)
        if method_ is UNDEFINED:
            raise not_iterable(value)
    iterator = call(method_, value, [])
    if not isinstance(iterator, JSObject):
        raise type_error("Result of the Symbol.iterator method is not an object")
    return IteratorRecord(iterator, iterator.get("next"))


def not_iterable(value) -> JSError:
    """V8's wording: ``number 1 is not iterable (cannot read property ...)``."""
    kind = type_of(value)
    shown = f"{kind} {to_string(value)}" if kind in ("number", "boolean") else kind
    return type_error(f"{shown} is not iterable (cannot read property "
                      "Symbol(Symbol.iterator))")


def plain_array_iteration(realm, value) -> bool:
    """True when iterating ``value`` is unobservably the same as walking its indices."""
    if type(value) is not JSArray:
        return False
    intr = realm.intrinsics
    return (value.get(ITERATOR) is intr["%Array.prototype.values%"]
            and intr["%ArrayIteratorPrototype%"].props.get("next")
            is intr["%ArrayIteratorPrototype%.next"])


def iterate(realm, value) -> Iterator:
    """Yield the values of an iterable. The loop body must not run JavaScript code that
    could throw (use ``for_each`` then): an abandoned generator does not close."""
    if plain_array_iteration(realm, value):
        i = 0
        while i < value.length():
            yield value.get(str(i))
            i += 1
        return
    record = get_iterator(realm, value)
    while True:
        item = record.step()
        if item is DONE:
            return
        yield item


def iterable_to_list(realm, value) -> list:
    """IteratorToList(GetIterator(value))."""
    if plain_array_iteration(realm, value) and not value.props:
        return [value.get(str(i)) if v is HOLE else v for i, v in enumerate(value.items)]
    return list(iterate(realm, value))


def for_each(realm, value, body: Callable[[object], object]) -> None:
    """Call ``body`` on each value; if it raises, close the iterator and re-raise.

    ``body`` returns True to stop early (the iterator is then closed normally).
    """
    record = get_iterator(realm, value)
    while True:
        item = record.step()
        if item is DONE:
            return
        try:
            stop = body(item)
        except BaseException:
            record.close_on_throw()
            raise
        if stop is True:
            record.close()
            return


def create_iter_result_object(realm, value, done: bool) -> JSObject:
    """CreateIterResultObject: ``{ value, done }``."""
    result = JSObject(realm.object_prototype)
    result.props["value"] = value
    result.props["done"] = done
    return result


# Iterator.prototype's own methods (§27.1.4), with their lengths. Every iterator inherits
# them, so they are defined at start-up; their code (iterator_helpers.py, with the
# Iterator constructor) is imported on the first call.
HELPER_METHODS = (("drop", 1), ("every", 1), ("filter", 1), ("find", 1), ("flatMap", 1),
                  ("forEach", 1), ("map", 1), ("reduce", 1), ("some", 1), ("take", 1),
                  ("toArray", 0))


def helper_method(realm, name: str):
    """A native standing for Iterator.prototype[name], written in iterator_helpers.py."""
    def run(this, args):
        from .iterator_helpers import METHODS

        return METHODS[name](realm, this, args)

    return run


def setup(realm) -> None:
    """%IteratorPrototype%: [Symbol.iterator]() { return this } every iterator has, the
    helper methods, and the `constructor` and @@toStringTag accessors of §27.1.4."""
    proto = JSObject(realm.object_prototype)
    realm.intrinsics["%IteratorPrototype%"] = proto
    accessor(realm, proto, "constructor", lambda this, args: realm.intrinsics["%Iterator%"],
             lambda this, args: setter_that_ignores_prototype_properties(
                 this, proto, "constructor", arg(args, 0)))
    for name, length in HELPER_METHODS:
        method(realm, proto, name, helper_method(realm, name), length)
    method(realm, proto, ITERATOR, lambda this, args: this, 0)
    accessor(realm, proto, TO_STRING_TAG, lambda this, args: "Iterator",
             lambda this, args: setter_that_ignores_prototype_properties(
                 this, proto, TO_STRING_TAG, arg(args, 0)))


def setter_that_ignores_prototype_properties(this, home: JSObject, key, value) -> object:
    """SetterThatIgnoresPrototypeProperties: assigning through an inheriting object
    defines the property there, as if ``home``'s property were a writable data one."""
    if not isinstance(this, JSObject):
        raise type_error(f"Cannot set property {describe(key)} on {describe(this)}")
    if this is home:
        raise type_error(f"Cannot assign to read only property '{describe(key)}' of "
                         "Iterator.prototype")
    if this.get_own_property(key) is None:
        create_data_property_or_throw(this, key, value)
    else:
        set_(this, key, value)
    return UNDEFINED

