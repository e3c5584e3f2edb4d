"""A compiled function: its instructions and everything they index."""

from __future__ import annotations

from .encoding import Instruction
from .records import Record


class TemplateSite(Record):
    """One tagged template in the source: its cooked and raw strings.

    Compared by identity: every site gets its own template object, even when two sites
    spell the same strings (GetTemplateObject keys the realm's map by parse node).
    """

    __slots__ = ("cooked", "raw")

    def __init__(self, cooked: tuple[str | None, ...], raw: tuple[str, ...]) -> None:
        self.cooked = cooked
        self.raw = raw

    __eq__ = object.__eq__
    __hash__ = object.__hash__


class EvalSite(Record):
    """What a direct `eval(...)` call site lets the evaluated code see.

    ``names`` are the caller's bindings visible at the call, innermost first, as
    ``(name, cell slot in the caller's frame, binding kind, level)``: level ``"lex"`` is
    a block binding inside the caller's var scope, ``"var"`` one of that scope itself,
    ``"outer"`` one of an enclosing function. ``evalvars`` is the caller's cell holding
    the variables sloppy eval code added to its var scope (-1 if none), ``depth`` how
    many such scopes a free name may have to consult. The flags are the early-error
    context the code inherits (strictness, `new.target`, `super`, `arguments`).
    """

    __slots__ = ("names", "strict", "function", "evalvars", "depth", "this_cell",
                 "new_target", "super_prop", "super_call", "args_banned", "in_params",
                 "privates")

    def __init__(self, names: tuple[tuple[str, int, str, str], ...] = (),
                 strict: bool = False, function: bool = False, evalvars: int = -1,
                 depth: int = 0, this_cell: int = -1, new_target: bool = False,
                 super_prop: bool = False, super_call: bool = False,
                 args_banned: bool = False, in_params: bool = False,
                 privates: tuple[str, ...] = ()) -> None:
        self.names = names
        self.strict = strict
        self.function = function  # inside a function (else the script's top level)
        self.evalvars = evalvars
        self.depth = depth
        self.this_cell = this_cell  # the cell holding the caller's `this` (-1: the frame's)
        self.new_target = new_target
        self.super_prop = super_prop
        self.super_call = super_call
        self.args_banned = args_banned  # in a class field initialiser
        self.in_params = in_params  # in a parameter list: `var arguments` is an error
        self.privates = privates  # private names (without #) of enclosing classes

    __eq__ = object.__eq__
    __hash__ = object.__hash__


class Code:
    """One function's code (a script's top level is a function too).

    Registers hold the parameters first, then the locals no closure captures, then
    temporaries. Captured variables live in closure cells: slots ``0 .. cells-1`` are
    made fresh for each call, the next ones are the cells this function captured when
    it was created (``captures`` lists, for each, the creating frame's cell slot).
    ``handlers`` is the exception table: ``(start, end, target)`` instruction indices,
    with a fourth item ``"finally"`` for finally blocks (the only handlers a generator's
    `return()` stops at); the innermost (first listed) range covering a throw wins.
    """

    FIELDS = ("name", "params", "registers", "cells", "captures", "param_cells",
              "constants", "code", "handlers", "lines", "functions", "strict", "kind",
              "generator", "is_async", "length", "source", "text", "uses_this",
              "mapped_arguments", "this_cell")

    def __init__(self, name: str, params: int = 0, registers: int = 0, cells: int = 0,
                 captures: list[int] | None = None,
                 param_cells: list[tuple[int, int]] | None = None,
                 constants: list | None = None, code: list[Instruction] | None = None,
                 handlers: list[tuple] | None = None,
                 lines: list[tuple[int, int]] | None = None,
                 functions: list[Code] | None = None, strict: bool = False,
                 kind: str = "normal", generator: bool = False, is_async: bool = False,
                 length: int = 0, source: tuple[int, int] = (0, 0), text: str | None = None,
                 uses_this: bool = False, mapped_arguments: bool = False,
                 this_cell: int = -1) -> None:
        self.name = name
        self.params = params  # parameter registers r0 .. r(params-1)
        self.registers = registers
        self.cells = cells
        self.captures = [] if captures is None else captures
        self.param_cells = [] if param_cells is None else param_cells  # (register, cell)
        self.constants = [] if constants is None else constants
        self.code = [] if code is None else code
        self.handlers = [] if handlers is None else handlers
        self.lines = [] if lines is None else lines  # (first instruction, line)
        self.functions = [] if functions is None else functions
        self.strict = strict
        self.kind = kind  # normal | arrow | method | constructor | derived | script
        self.generator = generator  # a call makes a generator object instead of running
        self.is_async = is_async  # a call runs until the first await, returns a promise
        self.length = length  # the function's `length` property
        self.source = source  # source text span, for Function.prototype.toString
        self.text = text  # the whole source the span indexes (shared, not copied)
        self.uses_this = uses_this
        self.mapped_arguments = mapped_arguments  # `arguments[i]` aliases parameter i
        self.this_cell = this_cell  # cell holding `this` for arrows nested in this function

    def _key(self) -> tuple:
        return tuple([getattr(self, f) for f in self.FIELDS])

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() == other._key()

    __hash__ = None

    def __repr__(self) -> str:
        fields = ", ".join(f"{f}={getattr(self, f)!r}" for f in self.FIELDS)
        return f"{type(self).__name__}({fields})"

    def replace(self, **changes) -> Code:
        """A copy with some fields changed (as ``dataclasses.replace``)."""
        return type(self)(**{f: changes.pop(f, getattr(self, f)) for f in self.FIELDS},
                          **changes)

    # Not fields: the VM's translating tier (vm/tier.py) caches its function here (False
    # when the code cannot be translated); ``tier_call`` is set when a plain call may
    # invoke it directly.
    tier = None
    tier_call = None

    def __getstate__(self) -> dict:
        """Pickled (images, caches) without the tier's per-process functions."""
        state = dict(self.__dict__)
        state.pop("tier", None)
        state.pop("tier_call", None)
        return state
