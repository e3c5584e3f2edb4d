"""The Iterator constructor and the iterator helpers (ECMA-262 §27.1.2 - §27.1.4).

A helper that yields (``map``, ``filter``, ``take``, ``drop``, ``flatMap``) returns an
``IteratorHelper``: the spec's abstract closure is a Python generator here, driven the
way vm/generator.py drives a JavaScript generator. ``next()`` resumes it; ``return()``
throws ``ReturnRequest`` in at its suspended ``yield``, where a ``Closing`` block closes
the underlying iterator(s) as IfAbruptCloseIterator does, so the order of ``return()``
calls and whose error wins are the spec's. The helpers that consume (``reduce``,
``toArray``, ``forEach``, ``some``, ``every``, ``find``) are plain loops.

Each method checks ``this`` and its argument before reading ``next``, and closes the
iterator when the argument is bad (the spec's order; test262 watches it).
"""

from __future__ import annotations

from collections.abc import Callable, Generator

from ..convert import (
    describe,
    is_callable,
    range_error,
    to_boolean,
    to_integer_or_infinity,
    to_number,
    type_error,
)
from ..objects import CONFIGURABLE, JSObject
from ..operations import (
    call,
    create_array_from_list,
    get_method,
    ordinary_create_from_constructor,
    ordinary_has_instance,
)
from ..symbols import ITERATOR, TO_STRING_TAG
from ..values import UNDEFINED
from .iterator import DONE, IteratorRecord, create_iter_result_object
from .support import arg, method

SUSPENDED_START, SUSPENDED_YIELD, EXECUTING, COMPLETED = range(4)
INF = float("inf")
MAX_SAFE_INTEGER = 2.0**53 - 1


class ReturnRequest(Exception):
    """Thrown into a helper's closure by ``return()``: a return completion at its Yield."""


class IteratorHelper(JSObject):
    """An Iterator Helper object: a generator whose brand is "Iterator Helper"."""

    __slots__ = ("closure", "state", "underlying", "callback")

    def __init__(self, proto, closure: Generator, underlying: IteratorRecord,
                 callback=UNDEFINED) -> None:
        super().__init__(proto, "Iterator Helper")
        self.closure = closure
        self.state = SUSPENDED_START
        self.underlying = underlying  # [[UnderlyingIterator]]
        self.callback = callback  # held here too, so heap measuring sees it


class WrappedIterator(JSObject):
    """What Iterator.from returns for an iterator not inheriting Iterator.prototype."""

    __slots__ = ("iterated",)

    def __init__(self, proto, iterated: IteratorRecord) -> None:
        super().__init__(proto)
        self.iterated = iterated  # [[Iterated]]


class Closing:
    """Around a closure's Yield: on ``return()``, IteratorClose(record, return); on an
    error from closing an inner iterator (flatMap), IteratorClose(record, throw)."""

    __slots__ = ("record",)

    def __init__(self, record: IteratorRecord) -> None:
        self.record = record

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, error, trace) -> bool:
        if kind is ReturnRequest:
            self.record.close()  # its error, if any, replaces the return
        elif kind is not None and not issubclass(kind, GeneratorExit):
            self.record.close_on_throw()  # (a helper dropped unfinished runs no code)
        return False


# -- helpers shared by the methods --------------------------------------------------------


def get_iterator_direct(obj: JSObject) -> IteratorRecord:
    """GetIteratorDirect: the object and its ``next``, read once."""
    return IteratorRecord(obj, obj.get("next"))


def iterator_step(record: IteratorRecord) -> bool:
    """IteratorStep: advance, reading the result's ``done`` but not its ``value``."""
    return record.step_result() is not DONE


def get_iterator_flattenable(realm, value, strings: bool) -> IteratorRecord:
    """GetIteratorFlattenable: value[Symbol.iterator]() if it has one, else value itself;
    a primitive is refused (a string only iterated when ``strings``)."""
    if not isinstance(value, JSObject) and not (strings and type(value) is str):
        raise type_error(f"{describe(value)} is not an object")
    fn = get_method(realm, value, ITERATOR)
    iterator = value if fn is UNDEFINED else call(fn, value, [])
    if not isinstance(iterator, JSObject):
        raise type_error(f"{describe(iterator)} is not an object")
    return get_iterator_direct(iterator)


def this_iterator(this, name: str) -> JSObject:
    """Steps 1-2 of each method: ``this`` must be an object."""
    if not isinstance(this, JSObject):
        raise type_error(f"Iterator.prototype.{name} called on non-object {describe(this)}")
    return this


def require_callable_or_close(obj: JSObject, fn) -> None:
    """A callback that is not callable: TypeError, after closing the iterator."""
    if not is_callable(fn):
        IteratorRecord(obj, UNDEFINED).close_on_throw()
        raise type_error(f"{describe(fn)} is not a function")


def call_or_close(record: IteratorRecord, fn, args: list):
    """Call(fn, undefined, args), then IfAbruptCloseIterator."""
    try:
        return call(fn, UNDEFINED, args)
    except BaseException:
        record.close_on_throw()
        raise


def to_limit(obj: JSObject, limit) -> int | float:
    """take/drop's limit: ToNumber, not NaN, not finite above 2**53 - 1 (a later
    normative change test262 checks), ToIntegerOrInfinity, not negative; any failure
    closes the iterator first."""
    try:
        number = to_number(limit)
    except BaseException:
        IteratorRecord(obj, UNDEFINED).close_on_throw()
        raise
    integer = 0 if number != number else to_integer_or_infinity(number)
    if number != number or integer < 0 or MAX_SAFE_INTEGER < number < INF:
        IteratorRecord(obj, UNDEFINED).close_on_throw()
        raise range_error(f"{describe(limit)} must be positive")
    return integer


def make_helper(realm, closure: Generator, record: IteratorRecord,
                callback=UNDEFINED) -> IteratorHelper:
    """CreateIteratorFromClosure(closure, "Iterator Helper", %IteratorHelperPrototype%)."""
    return IteratorHelper(realm.intrinsics["%IteratorHelperPrototype%"], closure, record,
                          callback)


# -- the closures of the lazy helpers -------------------------------------------------------


def map_closure(realm, record: IteratorRecord, mapper) -> Generator:
    counter = 0
    while True:
        value = record.step()
        if value is DONE:
            return
        mapped = call_or_close(record, mapper, [value, float(counter)])
        with Closing(record):
            yield mapped
        counter += 1


def filter_closure(realm, record: IteratorRecord, predicate) -> Generator:
    counter = 0
    while True:
        value = record.step()
        if value is DONE:
            return
        if to_boolean(call_or_close(record, predicate, [value, float(counter)])):
            with Closing(record):
                yield value
        counter += 1


def take_closure(realm, record: IteratorRecord, remaining: int | float) -> Generator:
    while True:
        if remaining == 0:
            record.close()
            return
        if remaining != INF:
            remaining -= 1
        value = record.step()
        if value is DONE:
            return
        with Closing(record):
            yield value


def drop_closure(realm, record: IteratorRecord, remaining: int | float) -> Generator:
    while remaining > 0:
        if remaining != INF:
            remaining -= 1
        if not iterator_step(record):
            return
    while True:
        value = record.step()
        if value is DONE:
            return
        with Closing(record):
            yield value


def flat_map_closure(realm, record: IteratorRecord, mapper) -> Generator:
    counter = 0
    while True:
        value = record.step()
        if value is DONE:
            return
        mapped = call_or_close(record, mapper, [value, float(counter)])
        try:
            inner = get_iterator_flattenable(realm, mapped, strings=False)
        except BaseException:
            record.close_on_throw()
            raise
        while True:
            try:
                inner_value = inner.step()
            except BaseException:
                record.close_on_throw()
                raise
            if inner_value is DONE:
                break
            with Closing(record), Closing(inner):
                yield inner_value
        counter += 1


# -- Iterator.prototype's methods -----------------------------------------------------------


def lazy_helper(name: str, closure: Callable, validate: Callable):
    """map, filter, take, drop, flatMap: check, read ``next``, return the helper."""
    def helper(realm, this, args):
        obj = this_iterator(this, name)
        argument = validate(obj, arg(args, 0))
        record = get_iterator_direct(obj)
        callback = argument if is_callable(argument) else UNDEFINED
        return make_helper(realm, closure(realm, record, argument), record, callback)

    return helper


def callback_argument(obj: JSObject, fn):
    require_callable_or_close(obj, fn)
    return fn


def reduce(realm, this, args):
    """Iterator.prototype.reduce(reducer [, initialValue])."""
    obj = this_iterator(this, "reduce")
    reducer = callback_argument(obj, arg(args, 0))
    record = get_iterator_direct(obj)
    if len(args) < 2:
        accumulator = record.step()
        if accumulator is DONE:
            raise type_error("Reduce of empty iterator with no initial value")
        counter = 1
    else:
        accumulator, counter = args[1], 0
    while True:
        value = record.step()
        if value is DONE:
            return accumulator
        accumulator = call_or_close(record, reducer, [accumulator, value, float(counter)])
        counter += 1


def to_array(realm, this, args):
    """Iterator.prototype.toArray()."""
    record = get_iterator_direct(this_iterator(this, "toArray"))
    items = []
    while True:
        value = record.step()
        if value is DONE:
            return create_array_from_list(realm, items)
        items.append(value)


def for_each(realm, this, args):
    """Iterator.prototype.forEach(procedure)."""
    obj = this_iterator(this, "forEach")
    procedure = callback_argument(obj, arg(args, 0))
    record = get_iterator_direct(obj)
    counter = 0
    while True:
        value = record.step()
        if value is DONE:
            return UNDEFINED
        call_or_close(record, procedure, [value, float(counter)])
        counter += 1


def short_circuit(name: str, stop_on: bool, found: Callable, exhausted):
    """some, every, find: call the predicate until its answer is ``stop_on``, then close
    the iterator and return ``found(value)``; ``exhausted`` when the iterator ends."""
    def search(realm, this, args):
        obj = this_iterator(this, name)
        predicate = callback_argument(obj, arg(args, 0))
        record = get_iterator_direct(obj)
        counter = 0
        while True:
            value = record.step()
            if value is DONE:
                return exhausted
            answer = call_or_close(record, predicate, [value, float(counter)])
            if to_boolean(answer) is stop_on:
                record.close()
                return found(value)
            counter += 1

    return search


METHODS: dict[str, Callable] = {
    "map": lazy_helper("map", map_closure, callback_argument),
    "filter": lazy_helper("filter", filter_closure, callback_argument),
    "take": lazy_helper("take", take_closure, to_limit),
    "drop": lazy_helper("drop", drop_closure, to_limit),
    "flatMap": lazy_helper("flatMap", flat_map_closure, callback_argument),
    "reduce": reduce,
    "toArray": to_array,
    "forEach": for_each,
    "some": short_circuit("some", True, lambda value: True, False),
    "every": short_circuit("every", False, lambda value: False, True),
    "find": short_circuit("find", True, lambda value: value, UNDEFINED),
}


# -- %IteratorHelperPrototype% and %WrapForValidIteratorPrototype% -------------------------


def this_helper(this, name: str) -> IteratorHelper:
    """GeneratorValidate(this, "Iterator Helper")."""
    if type(this) is not IteratorHelper:
        raise type_error(f"Method Iterator Helper.prototype.{name} called on incompatible "
                         f"receiver {describe(this)}")
    if this.state == EXECUTING:
        raise type_error("Generator is already running")
    return this


def helper_next(realm, this, args):
    """%IteratorHelperPrototype%.next: GeneratorResume."""
    helper = this_helper(this, "next")
    if helper.state == COMPLETED:
        return create_iter_result_object(realm, UNDEFINED, True)
    return resume(realm, helper, None)


def helper_return(realm, this, args):
    """%IteratorHelperPrototype%.return: close the underlying iterator before the first
    next(), else resume the closure with a return completion (GeneratorResumeAbrupt)."""
    helper = this_helper(this, "return")
    if helper.state == SUSPENDED_START:
        finish(helper)
        helper.underlying.close()
        return create_iter_result_object(realm, UNDEFINED, True)
    if helper.state == COMPLETED:
        return create_iter_result_object(realm, UNDEFINED, True)
    return resume(realm, helper, ReturnRequest())


def resume(realm, helper: IteratorHelper, request: ReturnRequest | None) -> JSObject:
    """Run the closure to its next Yield (or its end) and make the iterator result."""
    helper.state = EXECUTING
    try:
        value = next(helper.closure) if request is None else helper.closure.throw(request)
    except (StopIteration, ReturnRequest):
        finish(helper)
        return create_iter_result_object(realm, UNDEFINED, True)
    except BaseException:
        finish(helper)
        raise
    helper.state = SUSPENDED_YIELD
    return create_iter_result_object(realm, value, False)


def finish(helper: IteratorHelper) -> None:
    helper.state = COMPLETED
    helper.closure = None
    helper.callback = UNDEFINED


def this_wrapper(this, name: str) -> WrappedIterator:
    if type(this) is not WrappedIterator:
        raise type_error(f"Method %WrapForValidIteratorPrototype%.{name} called on "
                         f"incompatible receiver {describe(this)}")
    return this


def wrapper_next(realm, this, args):
    """%WrapForValidIteratorPrototype%.next: the wrapped iterator's next, as it answers."""
    record = this_wrapper(this, "next").iterated
    return call(record.next_method, record.iterator, [])


def wrapper_return(realm, this, args):
    """%WrapForValidIteratorPrototype%.return: the wrapped iterator's return, if any."""
    iterator = this_wrapper(this, "return").iterated.iterator
    fn = get_method(realm, iterator, "return")
    if fn is UNDEFINED:
        return create_iter_result_object(realm, UNDEFINED, True)
    return call(fn, iterator, [])


def iterator_from(realm, this, args):
    """Iterator.from(O): O's iterator if it inherits Iterator.prototype, else a wrapper."""
    record = get_iterator_flattenable(realm, arg(args, 0), strings=True)
    if ordinary_has_instance(realm.intrinsics["%Iterator%"], record.iterator):
        return record.iterator
    return WrappedIterator(realm.intrinsics["%WrapForValidIteratorPrototype%"], record)


def setup(realm) -> None:
    """%Iterator%, %IteratorHelperPrototype% and %WrapForValidIteratorPrototype%."""
    intr = realm.intrinsics
    proto = intr["%IteratorPrototype%"]

    def construct(args, new_target):
        if new_target is None or new_target is UNDEFINED or new_target is ctor:
            raise type_error("Abstract class Iterator not directly constructable")
        return ordinary_create_from_constructor(realm, new_target, "%IteratorPrototype%")

    def call_(this, args):
        raise type_error("Constructor Iterator requires 'new'")

    ctor = realm.native("Iterator", call_, 0, construct)
    ctor.define("prototype", proto, 0)
    method(realm, ctor, "from", lambda this, args: iterator_from(realm, this, args), 1)
    intr["%Iterator%"] = ctor

    helper_proto = JSObject(proto)
    method(realm, helper_proto, "next", lambda this, args: helper_next(realm, this, args), 0)
    method(realm, helper_proto, "return",
           lambda this, args: helper_return(realm, this, args), 0)
    helper_proto.define(TO_STRING_TAG, "Iterator Helper", CONFIGURABLE)
    intr["%IteratorHelperPrototype%"] = helper_proto

    wrap_proto = JSObject(proto)
    method(realm, wrap_proto, "next", lambda this, args: wrapper_next(realm, this, args), 0)
    method(realm, wrap_proto, "return",
           lambda this, args: wrapper_return(realm, this, args), 0)
    intr["%WrapForValidIteratorPrototype%"] = wrap_proto
