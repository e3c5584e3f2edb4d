"""Per-Global heaps: what a Global's live objects would cost on a board, and its quota.

The VM keeps JavaScript values as Python objects, so a Global's heap is not a region of
memory but an account: the objects reachable from that Global's roots, each charged with
the board's cost model (``boards.CostModel``). Allocation stays free of bookkeeping;
the machine measures by tracing (``measure``) when its meter says a check is due
(vm/limits.py), and terminates a Global whose live bytes exceed its quota.

What a trace counts, starting from a Global's roots (its global object, its script-level
bindings, its module environments, the registers and cells of its running and suspended
activations): every JavaScript object, closure cell and string reachable from them,
stopping at the ROM segment (frozen, shared, never charged), at the shared intrinsics,
at another Global's global object and host objects (its console, timers, evaluators and
constructors) and at another Global's functions (their closures are charged to their
own Global). A new Global's or a compartment's global object is an alias of a shared
template: it is charged its alias slot, what it wrote, and the template's non-ROM
bindings (vm/global_object.py); a compartment is also charged its own record. Internal
Python data of built-ins (a promise's reactions, a bound function's target, a Map's
entries) is followed through containers and
``__slots__`` records. An object reachable from two Globals is charged to both.
"""

from __future__ import annotations

import sys
import types
import weakref

from compiler.bytecode.records import Frozen

from .global_object import GlobalObject, PerGlobal, _Deleted
from .objects import ROM, Cell, JSArray, JSFunction, JSNative, JSObject, Slot
from .values import _Singleton


class Cost(Frozen):
    """Bytes per allocation (the fields of ``boards.CostModel``)."""

    __slots__ = ("object_header", "property_slot", "string", "string_byte", "closure",
                 "environment", "code_byte")

    def __init__(self, object_header: int = 16, property_slot: int = 16, string: int = 16,
                 string_byte: int = 1, closure: int = 48, environment: int = 16,
                 code_byte: int = 1) -> None:
        _set = object.__setattr__
        _set(self, "object_header", object_header)
        _set(self, "property_slot", property_slot)
        _set(self, "string", string)
        _set(self, "string_byte", string_byte)
        _set(self, "closure", closure)
        _set(self, "environment", environment)
        _set(self, "code_byte", code_byte)

    @classmethod
    def of(cls, model) -> Cost:
        """The cost model of a board profile (``board.cost``)."""
        return cls(**{f: getattr(model, f) for f in cls.__slots__})


DESKTOP_COST = Cost()  # a 32-bit board's figures (16-byte value slots), as rpi-pico's


class Heap:
    """One Global's account: quota, instruction budget per turn, what was measured."""

    __slots__ = ("name", "quota", "instructions", "live", "peak", "terminated", "ref",
                 "kind", "__weakref__")

    def __init__(self, g, quota: int | None = None, instructions: int | None = None,
                 kind: str = "Global"):
        self.name = g.name
        self.kind = kind
        self.quota = quota
        self.instructions = instructions
        self.live = 0
        self.peak = 0
        self.terminated: str | None = None
        self.ref = weakref.ref(g)

    def record(self, live: int) -> None:
        self.live = live
        if live > self.peak:
            self.peak = live

    def report(self) -> dict:
        return {"name": self.name, "kind": self.kind, "live": self.live, "peak": self.peak,
                "quota": self.quota, "terminated": self.terminated}


class Over(Exception):
    """A trace stopped early: the heap is over its limit."""


_FRAME_LOCALS = ("fn", "this", "args", "regs", "cells", "exception")
_SKIP_SLOTS = frozenset({"proto", "props", "extensible", "segment", "class_name", "internal",
                         "template", "own",
                         "items", "code", "cells", "this_value", "home_object", "global_env",
                         "fields", "constructor_kind", "referrer", "fn", "construct",
                         "outer_function",
                         "__weakref__"})
_slot_names: dict[type, tuple[str, ...]] = {}


def _extra_slots(t: type) -> tuple[str, ...]:
    """The ``__slots__`` of ``t`` beyond those the tracer reads by name (cached)."""
    names = _slot_names.get(t)
    if names is None:
        found: list[str] = []
        for klass in t.__mro__:
            slots = klass.__dict__.get("__slots__", ())
            for name in (slots,) if isinstance(slots, str) else slots:
                if name not in _SKIP_SLOTS and name not in found:
                    found.append(name)
        names = _slot_names[t] = tuple(found)
    return names


class Tracer:
    """Measures one Global's live bytes (see the module doc)."""

    def __init__(self, g, cost: Cost, shared: set[int], owners: dict,
                 limit: float = float("inf")):
        self.g = g
        self.cost = cost
        self.shared = shared  # ids of the shared intrinsics (never charged)
        self.owners = owners  # id -> Global, of each Global's global and host objects
        self.limit = limit
        self.seen: set[int] = set()
        self.total = 0
        self.stack: list = []

    def charge(self, n: int) -> None:
        self.total += n
        if self.total > self.limit:
            raise Over

    def push(self, v) -> None:
        t = type(v)
        if t is float or t is bool or v is None or t is _Singleton or t is _Deleted:
            return
        i = id(v)
        if i in self.seen:
            return
        self.seen.add(i)
        if t is str:
            self.charge(self.cost.string + self.cost.string_byte * len(v))
        elif t is int:
            self.charge(self.cost.string + 8)
        else:
            self.stack.append(v)

    def run(self) -> int:
        cost = self.cost
        stack = self.stack
        push = self.push
        shared = self.shared
        owners = self.owners
        g = self.g
        while stack:
            v = stack.pop()
            if isinstance(v, JSObject):
                if v.segment is ROM or id(v) in shared or owners.get(id(v), g) is not g:
                    continue
                if isinstance(v, JSFunction):
                    if v.global_env is not g and getattr(v.global_env, "base", None) is not g:
                        continue  # another Global's closure: charged to it
                    self.charge(cost.closure)
                    for c in v.cells:
                        push(c)
                    push(v.home_object)
                    push(v.this_value)
                    if v.fields:
                        push(v.fields)
                elif isinstance(v, JSNative):
                    self.charge(cost.closure)
                    closure = getattr(v.fn, "__closure__", None)
                    if closure:
                        for c in closure:
                            try:
                                push(c.cell_contents)
                            except ValueError:  # an empty closure cell
                                pass
                elif type(v) is GlobalObject:
                    self.global_object(v)
                else:
                    self.charge(cost.object_header)
                props = v.props
                self.charge(cost.property_slot * len(props))
                for value in props.values():
                    if type(value) is Slot:
                        push(value.value)
                        push(value.getter)
                        push(value.setter)
                    else:
                        push(value)
                push(v.internal)
                if v.is_proxy:
                    continue  # target and handler are its internal; traps never run here
                push(v.proto)
                if type(v) is JSArray:
                    items = v.items
                    self.charge(cost.property_slot * len(items))
                    for item in items:
                        push(item)
                    continue
                if type(v) is not JSObject:
                    for name in _extra_slots(type(v)):
                        push(getattr(v, name, None))
            elif type(v) is Cell:
                self.charge(cost.property_slot)
                push(v.value)
            elif isinstance(v, (list, tuple, set, frozenset)):
                self.charge(cost.property_slot * len(v))
                for item in v:
                    push(item)
            elif isinstance(v, dict):
                self.charge(cost.property_slot * len(v))
                for key, item in v.items():
                    push(key)
                    push(item)
            elif type(v) is types.GeneratorType:
                frame = v.gi_frame
                if frame is not None:
                    self.frame_locals(frame)
            elif hasattr(type(v), "__slots__") and type(v).__module__.startswith("vm."):
                for name in _extra_slots(type(v)):
                    push(getattr(v, name, None))
            # anything else (the machine, a Global, compiled code) is not on any heap
        return self.total

    def global_object(self, v: GlobalObject) -> None:
        """A new Global's global object: header and alias slot, what it wrote over the
        template (``own``), and the template's entries that are not ROM bindings (all
        of them if the realm does not share that template); ``props`` are counted by
        the caller as any object's."""
        cost = self.cost
        self.charge(cost.object_header)
        template = v.template
        if template is None:
            return
        own = v.own
        self.charge(cost.property_slot * (1 + (len(own) if own else 0) + (
            template.charged if template.shared else len(template.entries))))
        push = self.push
        if own:
            for stored in own.values():
                if type(stored) is Slot:
                    push(stored.value)
                    push(stored.getter)
                    push(stored.setter)
                else:
                    push(stored)
        for stored in template.entries.values():
            if type(stored) is Slot:
                if type(stored.value) is not PerGlobal:
                    push(stored.value)
                push(stored.getter)
                push(stored.setter)
            else:
                push(stored)

    def frame_locals(self, frame) -> None:
        f_locals = frame.f_locals
        if frame.f_code.co_filename.startswith("<tier "):  # registers are r0, r1, ... c0, ...
            for value in f_locals.values():
                self.push(value)
            return
        for name in _FRAME_LOCALS:
            if name in f_locals:
                self.push(f_locals[name])


def roots(g) -> list:
    """A Global's roots, apart from its activations (``activations`` finds those)."""
    out: list = [g.global_object, g.lexical]
    host = getattr(g, "module_host", None)
    records: list = []
    if host is not None:
        # the desktop host and a new Global's hook host keep a module map; a
        # compartment's host keeps its records on the compartment's fields
        module_map = getattr(host, "module_map", None)
        if isinstance(module_map, dict):
            records.extend(module_map.values())
        fields = getattr(host, "fields", None)
        records.extend(getattr(fields, "records", {}).values())
    fields = g.compartment
    if fields is not None:  # a compartment's own record: its object, name, options
        out.extend((fields.compartment_object, fields.name, fields.transforms,
                    fields.module_map, fields.hooks, fields.instances, fields.namespaces))
    for record in records:
        out.append(getattr(record, "env", None))
        out.append(getattr(record, "namespace", None))
        out.append(getattr(record, "meta", None))
    return out


def activations(frame_code) -> list:
    """The Python frames of running activations (interpreter frames and functions the
    translating tier made), innermost first."""
    out = []
    f = sys._getframe(1)
    while f is not None:
        if f.f_code is frame_code or f.f_code.co_filename.startswith("<tier "):
            out.append(f)
        f = f.f_back
    return out


def owned(globals_) -> dict:
    """id -> Global of the objects each of ``globals_`` owns: its global object and its
    host objects (console, timers, its own evaluators and constructors), charged to it
    and not to another Global that reaches them."""
    out: dict = {}
    for g in globals_:
        out[id(g.global_object)] = g
        for obj in g.host_objects:
            out[id(obj)] = g
    return out


def measure(g, cost: Cost, shared: set[int], owners: dict, frames=(),
            limit: float = float("inf")) -> tuple[int, int]:
    """(live bytes, objects visited) of Global ``g``; stops past ``limit`` bytes."""
    tracer = Tracer(g, cost, shared, owners, limit)
    for root in roots(g):
        tracer.push(root)
    for frame in frames:
        fn = frame.f_locals.get("fn")
        env = getattr(fn, "global_env", None)
        if env is g or getattr(env, "base", None) is g:
            tracer.frame_locals(frame)
    try:
        total = tracer.run()
    except Over:
        total = tracer.total
    return total, len(tracer.seen)


def shared_ids(realm) -> set[int]:
    """Ids of every object reachable from the realm's intrinsics (one walk)."""
    seen: set[int] = set()
    stack: list = list(realm.intrinsics.values())
    while stack:
        v = stack.pop()
        if not isinstance(v, JSObject) or id(v) in seen:
            continue
        seen.add(id(v))
        stack.append(v.internal.target if v.is_proxy else v.proto)
        for value in v.props.values():
            if type(value) is Slot:
                stack.extend((value.value, value.getter, value.setter))
            else:
                stack.append(value)
    return seen


def rom_bytes(roots: list, cost: Cost) -> int:
    """Bytes of the ROM-segment objects reachable from ``roots`` (ROM links only)."""
    seen: set[int] = set()
    total = 0
    stack = [r for r in roots if isinstance(r, JSObject)]
    while stack:
        v = stack.pop()
        if id(v) in seen or v.segment is not ROM:
            continue
        seen.add(id(v))
        total += cost.closure if isinstance(v, (JSFunction, JSNative)) else cost.object_header
        total += cost.property_slot * len(v.props)
        if type(v) is JSArray:
            total += cost.property_slot * len(v.items)
            stack.extend(x for x in v.items if isinstance(x, JSObject))
        for value in v.props.values():
            if type(value) is Slot:
                stack.extend(x for x in (value.value, value.getter, value.setter)
                             if isinstance(x, JSObject))
            elif isinstance(value, JSObject):
                stack.append(value)
            elif type(value) is str:
                total += cost.string + cost.string_byte * len(value)
        if isinstance(v.proto, JSObject):
            stack.append(v.proto)
        if isinstance(v, JSFunction):
            stack.extend(c.value for c in v.cells if isinstance(c.value, JSObject))
    return total
