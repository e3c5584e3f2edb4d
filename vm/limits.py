"""Fail-stop limits: per-Global heap quotas and instruction budgets per turn.

The interpreter already counts steps (each backward jump and call) down in one integer,
``Interpreter.steps``, and calls ``Machine.out_of_steps`` below zero. That countdown is
the only thing the hot paths pay. :class:`Meter` shares it between the accounts that
need it: the host's budget (``Machine.step_budget`` and its ``limit_hook``), the budget of
each running turn that has one, and the countdown to the next heap check; the interpreter
is given the distance to the nearest of them, and at that point the meter charges the
steps used to every account and acts on the ones that ran out. With no limits set the
meter is inactive and ``Interpreter.steps`` is the host's budget, as before.

A *turn* of a Global is one entry into it from its host: a script run or a job or a
timer of the main Global, a ``Compartment.prototype.evaluate`` call, a call of a new
Global's own `eval`, or one of the jobs those queued (a job belongs to the Global whose
turn queued it).

:class:`Limits` (``machine.limits``) keeps each limited or reported Global's
:class:`~vm.heap.Heap`, runs the heap checks (vm/heap.py measures), and terminates a
Global fail-stop: it is marked halted (the interpreter refuses to run its functions: a
call from the host throws), its pending jobs are dropped, its host gets a report line,
and if it is running a :class:`Terminated` unwinds its turn without running any of its
``catch`` or ``finally`` code; the turn's caller (``evaluate``'s caller, the job loop,
the host of the main Global) gets the error. The host and the other Globals go on.
"""

from __future__ import annotations

from collections.abc import Callable

from .heap import DESKTOP_COST, Cost, Heap, activations, measure, owned, rom_bytes, shared_ids
from .interpreter import Interpreter, StepLimit
from .objects import JSError

MIN_CHECK_INTERVAL = 2_000  # steps between heap checks, at least
CHECK_RATIO = 32  # ... and this many steps per object the last check visited

FRAME_CODE = Interpreter.frame.__code__


class _Gated:
    """``Global.halted`` of a Global with an instruction budget while none of its turns
    runs: truthy, so the interpreter's one check per activation sends a call into it to
    :meth:`Limits.enter`, which runs that call as its turn."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "GATED"


GATED = _Gated()


class Terminated(StepLimit):
    """Unwinds the turn of a Global that was just terminated (never seen by JS code)."""

    def __init__(self, g, reason: str):
        super().__init__(reason)
        self.global_env = g
        self.compartment = getattr(g, "compartment", None)


class Turn:
    __slots__ = ("g", "left", "budget")

    def __init__(self, g, budget: int):
        self.g = g
        self.left = budget
        self.budget = budget


class OwnedJob:
    """A job queued while a compartment ran: it runs as a turn of that compartment."""

    __slots__ = ("owner", "job")

    def __init__(self, owner, job):
        self.owner = owner
        self.job = job

    def __call__(self):
        return self.job()


class Meter:
    """Shares ``Interpreter.steps`` between the host budget, turns and heap checks."""

    def __init__(self, machine) -> None:
        self.machine = machine
        self.active = False
        self.host = 0  # the host's budget left (while active)
        self.granted = 0  # what Interpreter.steps was last set to
        self.turns: list[Turn] = []
        self.check_every: int | None = None
        self.check_left = 0

    def _activate(self) -> None:
        if not self.active:
            steps = self.machine.interpreter.steps
            self.host = self.granted = steps
            self.active = True

    def _charge(self) -> None:
        used = self.granted - self.machine.interpreter.steps
        if used:
            self.host -= used
            for t in self.turns:
                t.left -= used
            self.check_left -= used
            self.granted -= used

    def _arm(self) -> None:
        it = self.machine.interpreter
        if not self.turns and self.check_every is None:
            it.steps = self.host
            self.active = False
            return
        n = self.host
        for t in self.turns:
            if t.left < n:
                n = t.left
        if self.check_every is not None and self.check_left < n:
            n = self.check_left
        n = max(n, 0)
        it.steps = self.granted = n

    def enable_checks(self, every: int = MIN_CHECK_INTERVAL) -> None:
        self._activate()
        self._charge()
        self.check_every = every
        self.check_left = min(self.check_left, every) if self.check_left > 0 else every
        self._arm()

    def push(self, g, budget: int) -> Turn:
        self._activate()
        self._charge()
        turn = Turn(g, budget)
        self.turns.append(turn)
        self._arm()
        return turn

    def pop(self, turn: Turn) -> None:
        self._charge()
        if turn in self.turns:
            self.turns.remove(turn)
        self._arm()

    def refill(self) -> None:
        """Give the host a fresh budget (after a compartment was stopped for it)."""
        if self.active:
            self._charge()
            self.host = self.machine.step_budget
            self._arm()
        else:
            self.machine.interpreter.steps = self.machine.step_budget

    def expired(self) -> None:
        """An account ran out: check heaps, stop a turn, or ask the host's limit hook."""
        machine = self.machine
        self._charge()
        check = self.check_every is not None and self.check_left <= 0
        if check:
            self.check_left = self.check_every
        turn = next((t for t in self.turns if t.left <= 0), None)  # the outermost
        if turn is not None:
            turn.left = turn.budget  # its unwinding must not trip it again
        host_out = self.host <= 0
        if host_out:
            if machine.limit_hook is not None and machine.limit_hook():
                host_out = False
            self.host = machine.step_budget
        self._arm()
        if check:
            machine.limits.check()
        if turn is not None:
            machine.limits.terminate(turn.g, f"instruction budget of {turn.budget} steps "
                                             "per turn exhausted")
        if host_out:
            machine.compartments.out_of_steps()


class Limits:
    """The machine's heaps and fail-stop (see the module doc)."""

    def __init__(self, machine) -> None:
        self.machine = machine
        self.meter = Meter(machine)
        self.cost: Cost = DESKTOP_COST
        self.tracking = False  # every Global gets a Heap record (for a memory report)
        self.heaps: list[Heap] = []
        self.reports: list[str] = []
        self.on_terminate: Callable[[str], None] | None = None
        self._shared: set[int] | None = None
        self.rom_roots: list = []  # preloaded module instances (their ROM is reported)
        self.in_turn: list = []  # Globals with heaps whose turns are running, innermost last
        self.rom_pending: list = []  # callables making the ROM objects not yet made

    # -- set-up ----------------------------------------------------------------------

    def configure(self, cost: Cost | None = None, track: bool | None = None) -> None:
        if cost is not None:
            self.cost = cost
        if track:
            self.tracking = True
            for g in self.machine.globals:
                self.adopt(g, "Global")
            self.meter.enable_checks()

    def adopt(self, g, kind: str, quota: int | None = None,
              instructions: int | None = None) -> Heap | None:
        """Give ``g`` its Heap record if it has limits or reports are kept."""
        if quota is None and instructions is None and not self.tracking:
            return None
        heap = g.heap
        if heap is None:
            heap = g.heap = Heap(g, kind=kind)
            self.heaps.append(heap)
        if quota is not None:
            heap.quota = quota
            self.meter.enable_checks()
        if instructions is not None:
            heap.instructions = instructions
            if g is not self.machine.main and g.halted is False:
                g.halted = GATED  # a call from outside is a turn of g (``enter``)
        return heap

    def shared(self) -> set[int]:
        if self._shared is None:
            self._shared = shared_ids(self.machine.realm)
        return self._shared

    def owners(self, globals_: list) -> dict:
        """Who owns what (vm/heap.py ``owned``): the Globals with heaps, and the main
        Global always (what it made is its own, measured or not)."""
        main = self.machine.main
        return owned([main, *(g for g in globals_ if g is not None and g is not main)])

    # -- turns ---------------------------------------------------------------------

    def run_turn(self, g, thunk):
        """Run ``thunk`` as a turn of ``g`` under its instruction budget, if it has one."""
        heap = g.heap
        if heap is None:
            return thunk()
        gated = g.halted is GATED
        if gated:
            g.halted = False  # its calls run inside this turn
        turn = self.meter.push(g, heap.instructions) if heap.instructions is not None else None
        self.in_turn.append(g)
        try:
            return thunk()
        finally:
            self.in_turn.pop()
            if turn is not None:
                self.meter.pop(turn)
            if gated and g.halted is False:
                g.halted = GATED

    def enter(self, g, fn, this, args: list, new_target):
        """An activation of ``fn`` found its Global ``g`` halted. A terminated Global
        refuses the call. A gated one (it has an instruction budget, and none of its turns
        is running: its host called a function it gave out, a function its `Function`
        made, a getter, a callback) runs the call as its turn, under its own budget and
        with its fail-stop; the result is returned. None: run the activation as it is
        (a generator's or async function's body runs when resumed, on the resumer's
        budget; the calls it makes into ``g`` are turns; a module body's evaluation is
        made a turn by vm/modules.py)."""
        if g.halted is not GATED:
            self.refuse(g)
        code = fn.code
        if code.generator or code.is_async or code.kind == "module":
            return None
        interpreter = self.machine.interpreter
        return self.guest_turn(g, lambda: interpreter.run(fn, this, args, new_target))

    def guest_turn(self, g, thunk):
        """Run ``thunk`` as a turn of ``g`` if ``g`` is gated (see ``enter``), else as it
        is; a stop gives the caller an Error."""
        if g.halted is not GATED:
            return thunk()
        machine = self.machine
        if g.compartment is not None:
            return machine.compartments.run_turn(g.compartment, thunk)
        from .new_global import run_turn

        return run_turn(machine, g, thunk)

    def job_owner(self):
        """The Global a job queued now belongs to: the innermost running turn of a
        compartment or of a new Global (None: the main Global's)."""
        machine = self.machine
        active = machine.compartments.active
        inner = active[-1].global_env if active else None
        if self.in_turn:
            g = self.in_turn[-1]
            if g is not inner and g.compartment is None and g is not machine.main:
                return g
        return inner

    # -- checks and termination ------------------------------------------------------

    def check(self) -> None:
        """Measure the heaps that need it; terminate those over their quota."""
        machine = self.machine
        frames = activations(FRAME_CODE)
        shared = self.shared()
        live_globals = [(h, h.ref()) for h in self.heaps if h.terminated is None]
        owners = self.owners([g for _, g in live_globals])
        visited = 0
        over = []
        for heap, g in live_globals:
            if g is None:
                heap.live = 0
                continue
            if heap.quota is None and not self.tracking:
                continue
            limit = heap.quota if heap.quota is not None and not self.tracking else None
            live, n = measure(g, self.cost, shared, owners, frames,
                              float("inf") if limit is None else limit)
            visited += n
            heap.record(live)
            if heap.quota is not None and live > heap.quota:
                over.append((g, live))
        self.meter.check_every = max(MIN_CHECK_INTERVAL, CHECK_RATIO * visited)
        running = [machine.main, *(f.global_env for f in machine.compartments.active),
                   *self.in_turn]
        stop = None
        for g, live in over:
            reason = f"heap quota of {g.heap.quota} bytes exceeded ({live} bytes live at least)"
            self.terminate(g, reason, unwind=False)
            if g in running and (stop is None or running.index(g) < running.index(stop[0])):
                stop = (g, reason)
        if stop is not None:
            raise Terminated(*stop)

    def measure_all(self) -> None:
        """Measure every recorded heap now (for a report at exit)."""
        shared = self.shared()
        pairs = [(h, h.ref()) for h in self.heaps]
        owners = self.owners([g for _, g in pairs])
        for heap, g in pairs:
            if g is None:
                heap.live = 0
                continue
            heap.record(measure(g, self.cost, shared, owners)[0])

    def terminate(self, g, reason: str, unwind: bool = True) -> None:
        """Stop ``g`` fail-stop (see the module doc); raise Terminated if ``unwind``."""
        heap = g.heap
        if heap is None:
            heap = g.heap = Heap(g, kind="Compartment" if getattr(g, "compartment", None)
                                 else "Global")
            self.heaps.append(heap)
        if heap.terminated is None:
            heap.terminated = reason
            g.halted = True
            fields = getattr(g, "compartment", None)
            if fields is not None and fields.terminated is None:
                fields.terminated = reason
            jobs = self.machine.jobs
            keep = [j for j in jobs if not (type(j) is OwnedJob and j.owner is g)]
            jobs.clear()
            jobs.extend(keep)
            message = f'{heap.kind} "{heap.name}" terminated: {reason}'
            self.reports.append(message)
            if self.on_terminate is not None:
                self.on_terminate(message)
        if unwind:
            raise Terminated(g, heap.terminated)

    def refuse(self, g):
        """A call into a terminated Global: the caller gets an Error."""
        heap = g.heap
        kind = heap.kind if heap is not None else "Global"
        why = heap.terminated if heap is not None else "terminated"
        raise JSError("Error", f'{kind} "{g.name}" was terminated: {why}')

    # -- the report ------------------------------------------------------------------

    def report(self) -> dict:
        """ROM bytes and each recorded Global's name, live and peak bytes and quota."""
        self.measure_all()
        for make_all in self.rom_pending:
            make_all()
        fields = getattr(type(self.cost), "__slots__", None)  # Cost, a board's CostModel
        return {"cost_model": {f: getattr(self.cost, f) for f in fields} if fields
                else vars(self.cost),
                "rom_bytes": rom_bytes([*self.machine.realm.intrinsics.values(),
                                        *self.rom_roots], self.cost),
                "globals": [h.report() for h in self.heaps]}

