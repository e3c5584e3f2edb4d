"""A compiled function: its instructions and everything they index."""

from __future__ import annotations

from dataclasses import dataclass, field

from .encoding import Instruction


@dataclass(eq=False)
class TemplateSite:
    """One tagged template in the source: its cooked and raw strings.

    Compared by identity: every site gets its own template object, even when two sites
    spell the same strings (GetTemplateObject keys the realm's map by parse node).
    """

    cooked: tuple[str | None, ...]
    raw: tuple[str, ...]


@dataclass(eq=False)
class EvalSite:
    """What a direct `eval(...)` call site lets the evaluated code see.

    ``names`` are the caller's bindings visible at the call, innermost first, as
    ``(name, cell slot in the caller's frame, binding kind, level)``: level ``"lex"`` is
    a block binding inside the caller's var scope, ``"var"`` one of that scope itself,
    ``"outer"`` one of an enclosing function. ``evalvars`` is the caller's cell holding
    the variables sloppy eval code added to its var scope (-1 if none), ``depth`` how
    many such scopes a free name may have to consult. The flags are the early-error
    context the code inherits (strictness, `new.target`, `super`, `arguments`).
    """

    names: tuple[tuple[str, int, str, str], ...] = ()
    strict: bool = False
    function: bool = False  # inside a function (else the script's top level)
    evalvars: int = -1
    depth: int = 0
    this_cell: int = -1  # the cell holding the caller's `this` (-1: the frame's own)
    new_target: bool = False
    super_prop: bool = False
    super_call: bool = False
    args_banned: bool = False  # in a class field initialiser
    in_params: bool = False  # in a function's parameter list: `var arguments` is an error
    privates: tuple[str, ...] = ()  # private names (without #) of enclosing classes


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
    mapped_arguments: bool = False  # `arguments[i]` aliases parameter i (sloppy, simple)
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
