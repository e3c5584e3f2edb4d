"""A compiled function: its instructions and everything they index."""

from __future__ import annotations

from dataclasses import dataclass, field

from .encoding import Instruction


@dataclass
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

    name: str
    params: int = 0  # parameter registers r0 .. r(params-1)
    registers: int = 0
    cells: int = 0
    captures: list[int] = field(default_factory=list)
    param_cells: list[tuple[int, int]] = field(default_factory=list)  # (register, cell)
    constants: list = field(default_factory=list)
    code: list[Instruction] = field(default_factory=list)
    handlers: list[tuple] = field(default_factory=list)
    lines: list[tuple[int, int]] = field(default_factory=list)  # (first instruction, line)
    functions: list[Code] = field(default_factory=list)
    strict: bool = False
    kind: str = "normal"  # normal | arrow | method | constructor | derived | script
    generator: bool = False  # a call makes a generator object instead of running
    is_async: bool = False  # a call runs until the first await and returns a promise
    length: int = 0  # the function's `length` property
    source: tuple[int, int] = (0, 0)  # source text span, for Function.prototype.toString
    text: str | None = None  # the whole source the span indexes (shared, not copied)
    uses_this: bool = False
    this_cell: int = -1  # cell holding `this` for arrows nested in this function

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
