"""The translating tier: a function's bytecode turned into Python source, compiled once.

The reference loop (``Interpreter.frame``) pays for every instruction: fetch the tuple,
compare the opcode against a chain of branches, index the register list. Here each
``Code`` is translated into one Python function whose registers are Python locals,
whose constants are literals, and whose instructions are straight-line statements with
the same fast paths as the loop (floats, plain own data properties, dense array
elements, declared global vars) and calls into the SAME interpreter helpers for
everything else, so both tiers share one set of semantics.

Control flow: instructions are cut into basic blocks. Each loop of the bytecode (the
span from a backward jump's target to the jump) becomes a Python ``while True``; inside,
blocks are tested in order (``if pc == 17:``), so a back edge is ``continue``, leaving
the loop is ``break`` and a forward jump falls through the tests. A block reached only
by falling through a conditional jump that leaves by ``continue``/``break`` is emitted
inline, without a test (the loop head's exit test and the loop body, typically).

Functions are translated at their first call if their code has a loop, else at their
second (``Machine(tier="eager")`` or ``CAPLET_TIER=eager``: always at the first).

Protocol: a translated function takes ``(interp, fn, this, args, new_target)`` like
``Interpreter.frame``. For generator and async code it is a Python generator (``yield``
is ``yield``) driven exactly like the interpreter's frames; for other code it is a
plain function that runs to completion and keeps the interpreter's call depth itself.
Exceptions go to the handler of the faulting block (blocks are cut at the exception
table's boundaries); metering counts a step at every backward jump and call.

A function whose code has an opcode outside ``SUPPORTED`` stays with the interpreter.
"""

from __future__ import annotations

import math
import warnings

from compiler.bytecode.isa import NAMES, OPCODE, OPERANDS

from . import convert as C
from .objects import JSArray, JSError, JSFunction, JSNative, JSObject, JSThrow, Slot
from .values import HOLE, NULL, UNDEFINED

_O = OPCODE

# Opcodes the translator knows; anything else (a newer opcode) keeps the function in
# the interpreter.
SUPPORTED = frozenset(_O[name] for name in (
    "MOVE", "LOADK", "LOADINT", "LOADUNDEF", "LOADNULL", "LOADTRUE", "LOADFALSE",
    "LOADTHIS", "LOADHOLE", "CHECKHOLE", "GETGLOBAL", "TYPEOFGLOBAL", "SETGLOBAL",
    "DEFGLOBAL", "GETCELL", "SETCELL", "NEWCELL", "ADD", "SUB", "MUL", "DIV", "MOD", "EXP",
    "BITAND", "BITOR", "BITXOR", "SHL", "SHR", "USHR", "EQ", "NE", "SEQ", "SNE", "LT", "LE",
    "GT", "GE", "INSTANCEOF", "IN", "NOT", "NEG", "TONUMERIC", "BITNOT", "TYPEOF", "INC",
    "DEC", "TOSTRING", "TOPROPERTYKEY", "JMP", "JMPIF", "JMPIFNOT", "JMPNULLISH",
    "JMPNOTNULLISH", "JMPIFUNDEF", "RETURN", "RETURNUNDEF", "THROW", "THROWERROR",
    "GETEXCEPTION", "NEWOBJECT", "NEWARRAY", "ARRAYPUSH", "ARRAYHOLE", "ARRAYSPREAD",
    "GETPROP", "SETPROP", "GETELEM", "SETELEM", "DEFPROP", "DEFGETTER", "DEFSETTER",
    "COPYPROPS", "DELPROP", "DELELEM", "CLOSURE", "CALL", "CALLSPREAD", "NEW", "NEWSPREAD",
    "GETITERATOR", "ITERNEXT", "ITERCLOSE", "FORINKEYS", "INITGLOBAL", "ARGUMENTS",
    "RESTARGS", "DEFCLASS", "DEFMETHOD", "ADDFIELD", "INITFIELDS", "SUPERCALL",
    "SUPERCALLSPREAD", "GETSUPER", "NEWTARGET", "YIELD", "YIELDSTAR", "AWAIT",
    "NEWPRIVATE", "GETPRIVATE", "SETPRIVATE", "HASPRIVATE", "ADDPRIVATEMETHOD", "GENSTART",
    "SETSUPER", "SETHOME", "DELGLOBAL", "USINGSTACK", "ADDUSING", "USINGERROR", "DISPOSE",
    "DISPOSESTEP", "RESTOBJECT", "DEFGLOBALS", "CALLFN", "CALLPROP", "ADDI", "SUBI", "MULI", "MODI",
    "JNLT", "JNLE", "JNGT", "JNGE", "JNSEQ", "JNSNE", "JNLTI", "JNLEI", "JNGTI", "JNGEI",
    "JNSEQI", "JNSNEI", "INITPROP", "GETCELLCHECK", "CALLFN0", "CALLFN1", "CALLFN2",
    "CALLPROP0", "CALLPROP1", "CALLPROP2", "JNEQ", "JNNE", "HOLECELL", "INCGLOBAL",
    "DECGLOBAL", "GETGLOBALPROP", "GETGLOBALMETHOD", "SETGLOBALI", "TYPEIS", "JTYPEIS",
    "JNTYPEIS", "CLOSURECELL", "GETTHISPROP", "SETTHISPROP", "JMPNOTUNDEF", "GETCELLPROP",
    "CALLCELL1", "CLOSURECELLS",
))

# Instructions after which control never falls through.
_ENDS = frozenset(_O[n] for n in ("JMP", "RETURN", "RETURNUNDEF", "THROW", "THROWERROR"))
_JUMPS = {i: kinds.index("J") + 1 for i, kinds in enumerate(OPERANDS) if "J" in kinds}
_COMPARE_FN = {"EQ": "loose_equals", "LE": "js_le", "GT": "js_gt", "GE": "js_ge",
               "LT": "js_lt"}
_FLOAT_CMP = {"LT": "<", "LE": "<=", "GT": ">", "GE": ">="}
# compare-and-jump (jump unless the test holds): JNLT x, y, L ... and JNLTI x, k, L ...
_TEST_JUMPS = {f"JN{n}{i}": n for n in ("LT", "LE", "GT", "GE", "SEQ", "SNE")
               for i in ("", "I")}
_TEST_JUMPS.update(JNEQ="EQ", JNNE="NE")
_ARITH_FN = {"ADD": "js_add", "SUB": "js_sub", "MUL": "js_mul", "DIV": "js_div",
             "MOD": "js_mod", "EXP": "js_exp", "BITAND": "js_bitand", "BITOR": "js_bitor",
             "BITXOR": "js_bitxor", "SHL": "js_shl", "SHR": "js_shr", "USHR": "js_ushr"}
_INT32 = "-2147483648.0 <= {0} <= 2147483647.0"
_BOOL_RESULT = frozenset(_O[n] for n in ("EQ", "NE", "SEQ", "SNE", "LT", "LE", "GT", "GE",
                                         "NOT", "INSTANCEOF", "IN", "LOADTRUE",
                                         "LOADFALSE", "HASPRIVATE", "TYPEIS"))


# Python's compiler takes about 0.1 ms per instruction: larger code waits for a second
# call even with loops (a big script body runs once), and the largest is never compiled.
MAX_EAGER = 1500
MAX_INSTRUCTIONS = 5000


class Unsupported(Exception):
    """The code uses an instruction the translator does not know."""


def _namespace() -> dict:
    """The globals every translated function sees: values, classes, helpers."""
    from .async_generator import AwaitRequest, async_yield_star
    from .interpreter import ERROR_KINDS, GeneratorReturn
    from .objects import Cell, PrivateName
    from .records import GENSTART

    ns = {
        "UNDEFINED": UNDEFINED, "NULL": NULL, "HOLE": HOLE, "INF": math.inf, "NAN": math.nan,
        "JSObject": JSObject, "JSArray": JSArray, "JSFunction": JSFunction,
        "JSNative": JSNative, "JSError": JSError, "JSThrow": JSThrow, "Slot": Slot,
        "Cell": Cell, "PrivateName": PrivateName, "GeneratorReturn": GeneratorReturn,
        "ERROR_KINDS": ERROR_KINDS, "C": C, "AwaitRequest": AwaitRequest,
        "async_yield_star": async_yield_star, "GENSTART": GENSTART,
    }
    for name in ("js_add", "js_sub", "js_mul", "js_div", "js_mod", "js_exp", "js_bitand",
                 "js_bitor", "js_bitxor", "js_shl", "js_shr", "js_ushr", "js_lt", "js_le",
                 "js_gt", "js_ge", "loose_equals", "strict_equals", "to_boolean",
                 "to_numeric", "to_property_key", "to_string", "type_of", "js_neg",
                 "js_bitnot", "describe", "is_constructor"):
        ns[name] = getattr(C, name)
    from .arguments import create_arguments_object
    from .disposal import DisposeStack, add_resource, dispose, dispose_step, record_error
    from .operations import copy_data_properties, instance_of

    ns["copy_data_properties"] = copy_data_properties
    ns["instance_of"] = instance_of
    ns["create_arguments_object"] = create_arguments_object
    ns.update(DisposeStack=DisposeStack, add_resource=add_resource, dispose=dispose,
              dispose_step=dispose_step, record_error=record_error)
    return ns


_NS: dict | None = None


def prepare(code, eager: bool = False):
    """The translated function of ``code`` (made once), or False if it cannot be.

    Code without loops (or larger than ``MAX_EAGER``) is translated at its second call
    (0 marks the first), unless ``eager``: a function that runs once is cheaper to
    interpret than to compile."""
    fn = code.tier
    if fn is None and len(code.code) > MAX_INSTRUCTIONS:
        code.tier = False  # compiling it would cost more than it could save
        return False
    if fn is None and not eager and (len(code.code) > MAX_EAGER or not any(
            op in _JUMPS and ins[_JUMPS[op]] <= pc
            for pc, ins in enumerate(code.code) for op in (ins[0],))):
        code.tier = 0
        return 0
    if fn is None or fn == 0 and fn is not False:
        try:
            fn = build(code)
        except Exception:  # noqa: BLE001 - any failure leaves the code to the interpreter
            fn = False  # (test_every_test_program_translates keeps the translator honest)
        code.tier = fn
        if fn and not (code.generator or code.is_async or code.kind in ("constructor",
                                                                        "derived")):
            code.tier_call = fn
    return fn


def build(code):
    """Translate ``code`` and compile it: the function, not yet cached."""
    global _NS
    if _NS is None:
        _NS = _namespace()
    text, bindings = translate(code)
    namespace = dict(_NS)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exec(compile(text, f"<tier {code.name or 'anonymous'}>", "exec"), namespace)
    return namespace["make"](*bindings)


def listing(code) -> str:
    """The Python each function of ``code`` (and its nested ones) translates to."""
    parts = []
    stack = [code]
    while stack:
        c = stack.pop(0)
        stack[:0] = c.functions
        try:
            text = translate(c)[0]
        except Unsupported as e:
            text = f"# stays in the interpreter: {e} is not translated\n"
        parts.append(f"# --- function {c.name or '<anonymous>'} ---\n{text}")
    return "\n".join(parts)


def translate(code) -> tuple[str, list]:
    """The Python source of ``code``'s function and the values its maker binds."""
    return _Translator(code).run()


class _Translator:
    def __init__(self, code):
        self.code = code
        self.ins = code.code
        self.n = len(self.ins)
        for ins in self.ins:
            if ins[0] not in SUPPORTED:
                raise Unsupported(NAMES[ins[0]] if ins[0] < len(NAMES) else str(ins[0]))
        self.out: list[str] = []
        self.bound: dict[str, object] = {}  # closure names of the maker -> values
        self.needs: set[str] = set()
        self.has_handlers = bool(code.handlers)
        self.result_float = False  # set by an op whose result is surely a float

    # -- analysis --------------------------------------------------------------------

    def analyse(self) -> None:
        n = self.n
        leaders = {0}
        targets = {0}
        for pc, ins in enumerate(self.ins):
            op = ins[0]
            if op in _JUMPS:
                targets.add(ins[_JUMPS[op]])
                leaders.add(pc + 1)
            elif op in _ENDS:
                leaders.add(pc + 1)
        handler_of: dict[int, list] = {}
        for entry in self.code.handlers:
            leaders.update((entry[0], entry[1]))
            targets.add(entry[2])
        leaders |= targets
        self.leaders = sorted(p for p in leaders if p < n)
        self.targets = targets
        # each block's handler targets: (any exception, finally-only)
        for start in self.leaders:
            handler_of[start] = [_handler(self.code.handlers, start),
                                 _handler(self.code.handlers, start, True)]
        self.handler_of = handler_of
        # loop regions: [target, jump + 1) of every backward jump, made laminar
        regions = set()
        for pc, ins in enumerate(self.ins):
            op = ins[0]
            if op in _JUMPS and ins[_JUMPS[op]] <= pc:
                regions.add((ins[_JUMPS[op]], pc + 1))
        changed = True
        while changed:
            changed = False
            for a in list(regions):
                for b in list(regions):
                    if a != b and a[0] < b[0] < a[1] < b[1]:
                        regions -= {a, b}
                        regions.add((a[0], b[1]))
                        changed = True
                        break
                if changed:
                    break
        self.regions = sorted(regions, key=lambda r: (r[0], -r[1]))

    # -- emission --------------------------------------------------------------------

    def run(self) -> tuple[str, list]:
        code = self.code
        self.analyse()
        body: list[str] = []
        self.emit_region(body, 0, self.n, 0, [r for r in self.regions if r != (0, self.n)])
        plain = not (code.generator or code.is_async)
        lines = self.prologue(plain)
        ind = "    " if plain else ""
        lines.append(f"{ind}pc = 0")
        lines.append(f"{ind}while True:")
        if self.has_handlers:
            lines.append(f"{ind}    try:")
            lines.append(f"{ind}        while True:")
            lines.extend(f"{ind}            {line}" for line in body)
            lines.extend(f"{ind}    {line}" for line in self.handler_code())
        else:
            lines.extend(f"{ind}    {line}" for line in body)
        if plain:
            lines.append("finally:")
            lines.append("    interp.depth -= 1")
        if not plain:
            lines.append("    if False:")
            lines.append("        yield")
        names = list(self.bound)
        head = [f"def make({', '.join(names)}):",
                f"    def tier_{_ident(code.name)}(interp, fn, this, args, new_target):"]
        text = "\n".join(head + ["        " + line for line in lines] +
                         [f"    return tier_{_ident(code.name)}", ""])
        return text, [self.bound[name] for name in names]

    def prologue(self, plain: bool) -> list[str]:
        code = self.code
        out = []
        if plain:
            out += ["d = interp.depth = interp.depth + 1",
                    "if d > interp.machine.max_depth:",
                    "    interp.depth -= 1",
                    "    raise JSError('RangeError', 'Maximum call stack size exceeded')",
                    "try:"]
        ind = "    " if plain else ""
        body = ["if fn.global_env.halted:  # terminated, or gated (vm/limits.py: enter)",
                "    entered = interp.machine.limits.enter(fn.global_env, fn, this, args, "
                "new_target)",
                "    if entered is not None:",
                "        return entered"]
        if code.params:
            body.append("n = len(args)")
            for i in range(code.params):
                body.append(f"r{i} = args[{i}] if n > {i} else UNDEFINED")
        rest = [f"r{i}" for i in range(code.params, code.registers)]
        if rest:
            body.append(" = ".join(rest) + " = UNDEFINED")
        for i in range(code.cells):
            body.append(f"c{i} = Cell()")
        if code.captures:
            names = [f"c{code.cells + i}" for i in range(len(code.captures))]
            body.append(f"{', '.join(names)}, = fn.cells")
        for r, c in code.param_cells:
            body.append(f"c{c}.value = r{r}")
        needs = self.needs
        if not code.strict and code.kind != "arrow":
            needs.add("g")
            needs.add("realm")
        if needs & {"glex", "gprops", "gobj"}:
            needs.add("g")
        if "g" in needs:
            body.append("g = fn.global_env")
        if "gobj" in needs or "gprops" in needs:
            body.append("gobj = g.global_object")
        if "gprops" in needs:
            body.append("gprops = gobj.props")
        if "glex" in needs:
            body.append("glex = g.lexical")
        if "realm" in needs:
            body.append("realm = interp.machine.realm")
        if not code.strict and code.kind != "arrow":
            body += ["if this is UNDEFINED or this is NULL:",
                     "    this = g.global_object",
                     "elif not isinstance(this, JSObject):",
                     "    this = C.to_object(realm, this)"]
        if self.has_handlers:
            body.append("exc = UNDEFINED")
        out += [ind + line for line in body]
        return out

    def handler_code(self) -> list[str]:
        table = {p: h for p, h in self.handler_of.items() if h[0] >= 0 or h[1] >= 0}
        self.bound["H"] = {p: h[0] for p, h in table.items() if h[0] >= 0}
        self.bound["HF"] = {p: h[1] for p, h in table.items() if h[1] >= 0}
        return [
            "except JSThrow as e:",
            "    t = H.get(pc, -1)",
            "    if t < 0:",
            "        raise",
            "    exc = e.value",
            "    pc = t",
            "except JSError as e:",
            "    t = H.get(pc, -1)",
            "    if t < 0:",
            "        raise",
            "    exc = interp.machine.error_object(e, fn.global_env)",
            "    pc = t",
            "except GeneratorReturn as e:",
            "    t = HF.get(pc, -1)",
            "    if t < 0:",
            "        raise",
            "    exc = e",
            "    pc = t",
            "except RecursionError:",
            "    t = H.get(pc, -1)",
            "    err = JSError('RangeError', 'Maximum call stack size exceeded')",
            "    if t < 0:",
            "        raise err from None",
            "    exc = interp.machine.error_object(err, fn.global_env)",
            "    pc = t",
        ]

    def emit_region(self, out: list[str], lo: int, hi: int, depth: int, inner: list) -> None:
        """Blocks of [lo, hi) in order; nested loops as nested ``while True``."""
        leaders = [p for p in self.leaders if lo <= p < hi]
        i = 0
        inline_ok = False  # may the next block continue the previous one without a test?
        state = None
        prev_indent = "    "
        while i < len(leaders):
            p = leaders[i]
            child = next((r for r in inner if r[0] == p), None)
            if child is not None:
                clo, chi = child
                nested = [r for r in inner if r != child and clo <= r[0] and r[1] <= chi]
                out.append(f"if {clo} <= pc < {chi}:" if chi - clo > 1 else f"if pc == {clo}:")
                out.append("    while True:")
                sub: list[str] = []
                self.emit_region(sub, clo, chi, depth + 1, nested)
                out.extend("        " + line for line in sub)
                out.append(f"        if pc < {clo} or pc >= {chi}:")
                out.append("            break")
                inner = [r for r in inner if not (clo <= r[0] and r[1] <= chi)]
                while i < len(leaders) and leaders[i] < chi:
                    i += 1
                inline_ok = False
                continue
            end = leaders[i + 1] if i + 1 < len(leaders) else hi
            reachable = p in self.targets or inline_ok is not None
            if not reachable:
                i += 1
                continue
            if inline_ok and p not in self.targets:
                lines = []
                if self.has_handlers:
                    lines.append(f"pc = {p}")
                block, falls, state = self.emit_block(p, end, lo, hi, state)
                out.extend(prev_indent + line for line in lines + block)
            else:
                block, falls, state = self.emit_block(p, end, lo, hi, None)
                out.append(f"if pc == {p}:")
                prev_indent = "    "
                out.extend(prev_indent + line for line in block)
            # falls: "inline" (the next block may continue here), "set" (pc set for the
            # tests that follow), or None (control never falls through)
            inline_ok = True if falls == "inline" else (False if falls == "set" else None)
            i += 1

    # -- blocks ----------------------------------------------------------------------

    def emit_block(self, start: int, end: int, lo: int, hi: int, state):
        """Statements of instructions [start, end), and how control leaves the block."""
        self.known: dict[int, str] = dict(state[0]) if state else {}
        self.floats: set[int] = set(state[1]) if state else set()
        self.bools: set[int] = set(state[2]) if state else set()
        self.region = (lo, hi)
        out: list[str] = []
        falls = "inline"
        for pc in range(start, end):
            ins = self.ins[pc]
            op = ins[0]
            self.pc = pc
            name = NAMES[op]
            if op in _JUMPS:
                out += self.jump(pc, ins, end)
                falls = self.jump_falls
                break
            method = getattr(self, "op_" + name, None)
            if method is None:
                raise Unsupported(name)
            dst = ins[1] if OPERANDS[op][:1] == "R" and op not in _NO_WRITE else None
            lines = method(*ins[1:])
            out += lines
            if name == "MOVE":
                src = ins[2]
                facts = (self.known.get(src), src in self.floats, src in self.bools)
            if dst is not None:
                self.known.pop(dst, None)
                self.floats.discard(dst)
                self.bools.discard(dst)
                self.after_write(op, ins)
                if name == "MOVE":
                    if facts[0] is not None:
                        self.known[dst] = facts[0]
                    if facts[1]:
                        self.floats.add(dst)
                    if facts[2]:
                        self.bools.add(dst)
            if op in _ENDS:
                falls = None
                break
        else:
            if end < self.n and falls == "inline":
                # the block ends at a leader: hand over to the test of the next one
                if end in self.targets or end >= hi:
                    out += self.goto(end, pc=end - 1)
                    falls = "set" if end < hi else None
        return out, falls, (self.known, self.floats, self.bools)

    def after_write(self, op: int, ins) -> None:
        name = NAMES[op]
        dst = ins[1]
        if name == "LOADINT":
            self.known[dst] = repr(float(ins[2]))
            self.floats.add(dst)
        elif name == "LOADK":
            value = self.code.constants[ins[2]]
            if type(value) is float and math.isfinite(value):
                self.known[dst] = repr(value)
                self.floats.add(dst)
            elif type(value) is str and len(value) < 64:
                self.known[dst] = repr(value)
        elif op in _BOOL_RESULT:
            self.bools.add(dst)
        if self.result_float:
            self.floats.add(dst)
        self.result_float = False

    # -- operands --------------------------------------------------------------------

    def R(self, r: int) -> str:
        return self.known.get(r, f"r{r}")

    def K(self, k: int) -> str:
        value = self.code.constants[k]
        if type(value) is str and len(value) < 200:
            return repr(value)
        if type(value) is float:
            if math.isnan(value):
                return "NAN"
            if math.isinf(value):
                return "INF" if value > 0 else "(-INF)"
            return repr(value) if value >= 0 or value != 0 else "(-0.0)"
        name = f"k{k}"
        self.bound[name] = value
        return name

    def steps(self) -> list[str]:
        return ["interp.steps -= 1", "if interp.steps < 0:",
                "    interp.machine.out_of_steps()"]

    # -- control ---------------------------------------------------------------------

    def goto(self, target: int, pc: int) -> list[str]:
        """Leave the block for ``target``: continue, break, or fall to the tests."""
        lo, hi = self.region
        out = []
        if target <= pc:
            out += self.steps()
        out.append(f"pc = {target}")
        if target <= pc and lo <= target < hi:
            out.append("continue")
        elif not lo <= target < hi:
            out.append("break")
        return out

    def jump(self, pc: int, ins, end: int) -> list[str]:
        """A jump ends its block; ``self.jump_falls`` says how control leaves."""
        name = NAMES[ins[0]]
        lo, hi = self.region
        if name == "JMP":
            self.jump_falls = None
            return self.goto(ins[1], pc)
        if name == "ITERNEXT":
            a, b, target = ins[1], ins[2], ins[3]
            head = [f"done, v = interp.iterator_step(r{b})"]
            cond = "done"
            tail = [f"r{a} = v"]
            self.known.pop(a, None)
            self.floats.discard(a)
            self.bools.discard(a)
        elif name == "DISPOSESTEP":  # the next disposal to await, or none left
            a, b, target = ins[1], ins[2], ins[3]
            head = [f"step = dispose_step(interp.machine, r{b})"]
            cond = "step is None"
            tail = [f"r{a} = step"]
            self.known.pop(a, None)
            self.floats.discard(a)
            self.bools.discard(a)
        elif name in ("JTYPEIS", "JNTYPEIS"):
            a, k, target = ins[1], ins[2], ins[3]
            head, tail = [], []
            cond = f"type_of({self.R(a)}) {'==' if name == 'JTYPEIS' else '!='} {self.K(k)}"
        elif name in _TEST_JUMPS:
            a, b, target = ins[1], ins[2], ins[3]
            head, tail = [], []
            cond = f"not ({self._test(_TEST_JUMPS[name], a, b, name.endswith('I'))})"
        else:
            r, target = ins[1], ins[2]
            v = f"r{r}"  # never a literal: `is` needs a name
            head, tail = [], []
            if name == "JMPIF":
                cond = v if r in self.bools else \
                    f"{v} is True or ({v} is not False and to_boolean({v}))"
            elif name == "JMPIFNOT":
                cond = f"not {v}" if r in self.bools else \
                    f"{v} is False or not ({v} is True or to_boolean({v}))"
            elif name == "JMPNULLISH":
                cond = f"{v} is UNDEFINED or {v} is NULL"
            elif name == "JMPNOTNULLISH":
                cond = f"{v} is not UNDEFINED and {v} is not NULL"
            elif name == "JMPIFUNDEF":
                cond = f"{v} is UNDEFINED"
            elif name == "JMPNOTUNDEF":
                cond = f"{v} is not UNDEFINED"
            else:
                raise Unsupported(name)
        taken = self.goto(target, pc)
        out = head + [f"if {cond}:"] + ["    " + line for line in taken]
        fall = self.goto(end, pc) if end < self.n else []
        if taken[-1] in ("continue", "break"):
            out += tail
            self.jump_falls = "inline"
            if end >= hi or end in self.targets:
                out += fall
                self.jump_falls = "set" if end < hi else None
            return out
        arm = tail + fall
        if arm:
            out += ["else:"] + ["    " + line for line in arm]
        self.jump_falls = "set"
        return out

    def _test(self, test: str, a: int, b: int, immediate: bool) -> str:
        """The truth of r[a] <test> r[b] (or <test> the integer b): floats inline."""
        x = self.R(a)
        y = repr(float(b)) if immediate else self.R(b)
        checks = [f"type({x}) is float"] if a not in self.floats else []
        if not immediate and b not in self.floats:
            checks.append(f"type({y}) is float")
        if test in ("EQ", "NE"):
            return f"{'' if test == 'EQ' else 'not '}loose_equals({x}, {y})"
        if test in _FLOAT_CMP:
            fast, slow = f"{x} {_FLOAT_CMP[test]} {y}", f"{_COMPARE_FN[test]}({x}, {y})"
        else:
            fast = f"{x} {'==' if test == 'SEQ' else '!='} {y}"
            slow = f"{'' if test == 'SEQ' else 'not '}strict_equals({x}, {y})"
        return f"({fast} if {' and '.join(checks)} else {slow})" if checks else fast

    # -- loads and moves ---------------------------------------------------------------

    def op_MOVE(self, a, b):
        return [f"r{a} = {self.R(b)}"]

    def op_LOADK(self, a, k):
        return [f"r{a} = {self.K(k)}"]

    def op_LOADINT(self, a, i):
        return [f"r{a} = {float(i)!r}"]

    def op_LOADUNDEF(self, a):
        return [f"r{a} = UNDEFINED"]

    def op_LOADNULL(self, a):
        return [f"r{a} = NULL"]

    def op_LOADTRUE(self, a):
        return [f"r{a} = True"]

    def op_LOADFALSE(self, a):
        return [f"r{a} = False"]

    def op_LOADHOLE(self, a):
        return [f"r{a} = HOLE"]

    def op_LOADTHIS(self, a):
        return self._check_this() + [f"r{a} = this"]

    def _check_this(self) -> list[str]:
        """A derived constructor's ``this`` is bound by super() (maybe in an arrow)."""
        if self.code.kind != "derived":
            return []
        refresh = [] if self.code.this_cell < 0 else [
            "if this is HOLE:", f"    this = c{self.code.this_cell}.value"]
        return refresh + ["if this is HOLE:",
                          "    raise JSError('ReferenceError', \"Must call super constructor "
                          "in derived class before accessing 'this' or returning from "
                          "derived constructor\")"]

    def op_GETTHISPROP(self, a, k):
        return self._check_this() + self._get_prop_of("this", k) + [f"r{a} = v"]

    def op_SETTHISPROP(self, k, b):
        return self._check_this() + self._set_prop("this", k, self.R(b))

    def op_CHECKHOLE(self, a, k):
        message = f"Cannot access '{self.code.constants[k]}' before initialization"
        return [f"if r{a} is HOLE:", f"    raise JSError('ReferenceError', {message!r})"]

    # -- globals and cells -------------------------------------------------------------

    def op_GETGLOBAL(self, a, k):
        self.needs.update(("g", "glex", "gprops"))
        name = self.K(k)
        # interp.get_global: the lexical binding first, then the global object
        return [f"if {name} in glex:",
                f"    v = interp.get_global(g, {name})",
                "else:",
                f"    v = gprops.get({name}, HOLE)",
                "    if type(v) is Slot:",
                f"        v = v.value if not v.flags & 8 else interp.get_global(g, {name})",
                "    elif v is HOLE:",
                f"        v = interp.get_global(g, {name})",
                f"r{a} = v"]

    def op_SETGLOBAL(self, k, b):
        return self._set_global(k, self.R(b))

    def op_SETGLOBALI(self, k, i):
        return self._set_global(k, repr(float(i)))

    def _set_global(self, k, v: str) -> list[str]:
        """SETGLOBAL of the Python expression ``v`` (a name or a literal)."""
        self.needs.update(("g", "glex", "gprops", "gobj"))
        name = self.K(k)
        return [f"s = gprops.get({name}, HOLE) if {name} not in glex else HOLE",
                "if type(s) is Slot and s.flags & 9 == 1 and gobj.segment is None:",
                f"    s.value = {v}",
                "elif s is not HOLE and type(s) is not Slot and gobj.segment is None:",
                f"    gprops[{name}] = {v}",
                "else:",
                f"    interp.set_global(g, {name}, {v}, {self.code.strict})"]

    def op_GETGLOBALPROP(self, a, kg, kp):
        return self.op_GETGLOBAL(a, kg)[:-1] + ["gv = v"] + self._get_prop_of("gv", kp) + \
            [f"r{a} = v"]

    def op_GETGLOBALMETHOD(self, a, kg, kp):
        self.known.pop(a + 1, None)  # r[a+1] changes too: forget what was known of it
        self.floats.discard(a + 1)
        self.bools.discard(a + 1)
        return self.op_GETGLOBAL(a + 1, kg) + self._get_prop(a + 1, kp) + [f"r{a} = v"]

    def op_INCGLOBAL(self, k):
        self.needs.add("g")
        return [f"interp.update_global(g, {self.K(k)}, 1, {self.code.strict})"]

    def op_DECGLOBAL(self, k):
        self.needs.add("g")
        return [f"interp.update_global(g, {self.K(k)}, -1, {self.code.strict})"]

    def op_TYPEOFGLOBAL(self, a, k):
        self.needs.add("g")
        return [f"r{a} = interp.typeof_global(g, {self.K(k)})"]

    def op_DEFGLOBAL(self, k, kind):
        self.needs.add("g")
        return [f"interp.declare_global(g, {self.K(k)}, {kind})"]

    def op_DEFGLOBALS(self, k, functions, vars_, lets):
        self.needs.add("g")
        return [f"interp.declare_globals(g, {self.K(k)}, {functions}, {vars_}, {lets})"]

    def op_DELGLOBAL(self, a, k):
        self.needs.add("g")
        return [f"r{a} = interp.delete_global(g, {self.K(k)})"]

    def op_INITGLOBAL(self, k, b):
        self.needs.update(("g", "glex"))
        return [f"glex[{self.K(k)}] = {self.R(b)}"]

    def op_GETCELL(self, a, c):
        return [f"r{a} = c{c}.value"]

    def op_SETCELL(self, c, b):
        return [f"c{c}.value = {self.R(b)}"]

    def op_GETCELLCHECK(self, a, c, k):
        message = f"Cannot access '{self.code.constants[k]}' before initialization"
        return [f"v = c{c}.value", "if v is HOLE:",
                f"    raise JSError('ReferenceError', {message!r})", f"r{a} = v"]

    def op_GETCELLPROP(self, a, c, k):
        return [f"cv = c{c}.value"] + self._get_prop_of("cv", k) + [f"r{a} = v"]

    def op_HOLECELL(self, c):
        return [f"c{c}.value = HOLE"]

    def op_NEWCELL(self, c):
        return [f"c{c} = Cell()"]

    # -- arithmetic --------------------------------------------------------------------

    def _floats(self, *regs) -> str:
        return " and ".join(f"type({self.R(r)}) is float" for r in regs
                            if r not in self.floats)

    def _binary(self, a, b, c, expr: str, slow: str, extra: str = "") -> list[str]:
        x, y = self.R(b), self.R(c)
        cond = " and ".join(filter(None, [self._floats(b, c), extra.format(x, y)]))
        fast = expr.format(x, y)
        if not cond:
            self.result_float = True
            return [f"r{a} = {fast}"]
        return [f"r{a} = {fast} if {cond} else {slow}({x}, {y})"]

    def op_ADD(self, a, b, c):
        x, y = self.R(b), self.R(c)
        if b in self.floats and c in self.floats:
            self.result_float = True
            return [f"r{a} = {x} + {y}"]
        if b in self.floats or c in self.floats:
            return self._binary(a, b, c, "{0} + {1}", "js_add")
        # Strings longer than MAX_STRING_LENGTH are a RangeError, raised by js_add.
        return [f"r{a} = {x} + {y} if (t := type({x})) is type({y}) and (t is float or "
                f"t is str and len({x}) + len({y}) <= {C.MAX_STRING_LENGTH}) "
                f"else js_add({x}, {y})"]

    def op_SUB(self, a, b, c):
        return self._binary(a, b, c, "{0} - {1}", "js_sub")

    def op_MUL(self, a, b, c):
        return self._binary(a, b, c, "{0} * {1}", "js_mul")

    def op_DIV(self, a, b, c):
        y = self.known.get(c)
        nonzero = y is not None and c in self.floats and float(y) != 0.0
        if nonzero:
            return self._binary(a, b, c, "{0} / {1}", "js_div")
        lines = self._binary(a, b, c, "{0} / {1}", "js_div", "{1}")
        self.result_float = False
        return lines

    def op_MOD(self, a, b, c):
        lines = self._binary(a, b, c, "{0} % {1}", "js_mod", "{0} > 0.0 and {1} > 0.0")
        self.result_float = False
        return lines

    def _immediate(self, a, b, k, expr: str, slow: str, extra: str = "") -> list[str]:
        """An arithmetic op on r[b] and the integer k, as _binary does it."""
        x, y = self.R(b), repr(float(k))
        checks = [f"type({x}) is float"] if b not in self.floats else []
        if extra:
            checks.append(extra.format(x, y))
        fast = expr.format(x, y)
        if not checks:
            self.result_float = True
            return [f"r{a} = {fast}"]
        return [f"r{a} = {fast} if {' and '.join(checks)} else {slow}({x}, {y})"]

    def op_ADDI(self, a, b, k):
        return self._immediate(a, b, k, "{0} + {1}", "js_add")

    def op_SUBI(self, a, b, k):
        return self._immediate(a, b, k, "{0} - {1}", "js_sub")

    def op_MULI(self, a, b, k):
        return self._immediate(a, b, k, "{0} * {1}", "js_mul")

    def op_MODI(self, a, b, k):
        lines = self._immediate(a, b, k, "{0} % {1}", "js_mod", "{0} > 0.0 and {1} > 0.0")
        self.result_float = False
        return lines

    def op_EXP(self, a, b, c):
        return [f"r{a} = js_exp({self.R(b)}, {self.R(c)})"]

    def _bitwise(self, a, b, c, pyop, slow):
        x, y = self.R(b), self.R(c)
        cond = " and ".join(filter(None, [self._floats(b, c), _INT32.format(x),
                                          _INT32.format(y)]))
        return [f"r{a} = float(int({x}) {pyop} int({y})) if {cond} else {slow}({x}, {y})"]

    def op_BITAND(self, a, b, c):
        return self._bitwise(a, b, c, "&", "js_bitand")

    def op_BITOR(self, a, b, c):
        return self._bitwise(a, b, c, "|", "js_bitor")

    def op_BITXOR(self, a, b, c):
        return self._bitwise(a, b, c, "^", "js_bitxor")

    def op_SHL(self, a, b, c):
        return [f"r{a} = js_shl({self.R(b)}, {self.R(c)})"]

    def op_SHR(self, a, b, c):
        x, y = self.R(b), self.R(c)
        cond = " and ".join(filter(None, [self._floats(b, c), _INT32.format(x),
                                          f"0.0 <= {y} < 32.0"]))
        return [f"r{a} = float(int({x}) >> int({y})) if {cond} else js_shr({x}, {y})"]

    def op_USHR(self, a, b, c):
        return [f"r{a} = js_ushr({self.R(b)}, {self.R(c)})"]

    def _compare(self, a, b, c, name):
        return self._binary(a, b, c, "{0} " + _FLOAT_CMP[name] + " {1}", _COMPARE_FN[name])

    def op_LT(self, a, b, c):
        lines = self._compare(a, b, c, "LT")
        self.result_float = False
        return lines

    def op_LE(self, a, b, c):
        lines = self._compare(a, b, c, "LE")
        self.result_float = False
        return lines

    def op_GT(self, a, b, c):
        lines = self._compare(a, b, c, "GT")
        self.result_float = False
        return lines

    def op_GE(self, a, b, c):
        lines = self._compare(a, b, c, "GE")
        self.result_float = False
        return lines

    def _strict(self, a, b, c, negate: bool):
        x, y = self.R(b), self.R(c)
        for r, other, lit in ((b, y, x), (c, x, y)):
            if r in self.known and lit.startswith(("'", '"')):
                test = f"type({other}) is str and {other} == {lit}"
                return [f"r{a} = not ({test})" if negate else f"r{a} = {test}"]
        cond = self._floats(b, c)
        op = "!=" if negate else "=="
        slow = f"not strict_equals({x}, {y})" if negate else f"strict_equals({x}, {y})"
        if not cond:
            return [f"r{a} = {x} {op} {y}"]
        return [f"r{a} = {x} {op} {y} if {cond} else {slow}"]

    def op_SEQ(self, a, b, c):
        return self._strict(a, b, c, False)

    def op_SNE(self, a, b, c):
        return self._strict(a, b, c, True)

    def op_EQ(self, a, b, c):
        return [f"r{a} = loose_equals({self.R(b)}, {self.R(c)})"]

    def op_NE(self, a, b, c):
        return [f"r{a} = not loose_equals({self.R(b)}, {self.R(c)})"]

    def op_INSTANCEOF(self, a, b, c):
        self.needs.add("realm")
        return [f"r{a} = instance_of(realm, {self.R(b)}, {self.R(c)})"]

    def op_IN(self, a, b, c):
        t = self.R(c)
        return [f"if not isinstance({t}, JSObject):",
                "    raise JSError('TypeError', \"Cannot use 'in' operator to search for a "
                "key in a non-object\")",
                f"r{a} = {t}.has_property(to_property_key({self.R(b)}))"]

    def op_NOT(self, a, b):
        v = self.R(b)
        if b in self.bools:
            return [f"r{a} = not {v}"]
        return [f"r{a} = not ({v} if type({v}) is bool else to_boolean({v}))"]

    def op_NEG(self, a, b):
        v = self.R(b)
        if b in self.floats:
            self.result_float = True
            return [f"r{a} = -{v}"]
        return [f"r{a} = -{v} if type({v}) is float else js_neg({v})"]

    def op_BITNOT(self, a, b):
        return [f"r{a} = js_bitnot({self.R(b)})"]

    def op_TONUMERIC(self, a, b):
        v = self.R(b)
        if b in self.floats:
            self.result_float = True
            return [f"r{a} = {v}"]
        return [f"r{a} = {v} if type({v}) is float else to_numeric({v})"]

    def op_TYPEOF(self, a, b):
        return [f"r{a} = type_of({self.R(b)})"]

    def op_TYPEIS(self, a, b, k):
        return [f"r{a} = type_of({self.R(b)}) == {self.K(k)}"]

    def op_INC(self, a, b):
        v = self.R(b)
        if b in self.floats:
            self.result_float = True
            return [f"r{a} = {v} + 1.0"]
        return [f"r{a} = {v} + 1.0 if type({v}) is float else interp.increment({v}, 1)"]

    def op_DEC(self, a, b):
        v = self.R(b)
        if b in self.floats:
            self.result_float = True
            return [f"r{a} = {v} - 1.0"]
        return [f"r{a} = {v} - 1.0 if type({v}) is float else interp.increment({v}, -1)"]

    def op_TOSTRING(self, a, b):
        v = self.R(b)
        return [f"r{a} = {v} if type({v}) is str else to_string({v})"]

    def op_TOPROPERTYKEY(self, a, b):
        return [f"r{a} = to_property_key({self.R(b)})"]

    # -- returns and throws ------------------------------------------------------------

    def op_RETURN(self, a):
        v = self.R(a)
        return ["if new_target is UNDEFINED:", f"    return {v}",
                f"return interp.constructor_result(fn.code, {v}, this{self._this_cell()})"]

    def op_RETURNUNDEF(self):
        return ["if new_target is UNDEFINED:", "    return UNDEFINED",
                "return interp.constructor_result(fn.code, UNDEFINED, "
                f"this{self._this_cell()})"]

    def _this_cell(self) -> str:
        return f", c{self.code.this_cell}" if self.code.this_cell >= 0 else ""

    def op_THROW(self, a):
        v = self.R(a)
        return [f"if type({v}) is GeneratorReturn:", f"    raise {v}", f"raise JSThrow({v})"]

    def op_THROWERROR(self, kind, k):
        return [f"raise JSError(ERROR_KINDS[{kind}], {self.K(k)})"]

    def op_GETEXCEPTION(self, a):
        return [f"r{a} = exc"]

    # -- objects -------------------------------------------------------------------------

    def op_NEWOBJECT(self, a):
        self.needs.add("realm")
        return [f"r{a} = JSObject(realm.object_prototype)"]

    def op_NEWARRAY(self, a, b, c):
        self.needs.add("realm")
        items = ", ".join(self.R(r) for r in range(b, b + c))
        return [f"r{a} = JSArray(realm.array_prototype, [{items}])"]

    def op_ARRAYPUSH(self, a, b):
        return [f"r{a}.items.append({self.R(b)})"]

    def op_ARRAYHOLE(self, a):
        return [f"r{a}.items.append(HOLE)"]

    def op_ARRAYSPREAD(self, a, b):
        return [f"r{a}.items.extend(interp.iterate({self.R(b)}))"]

    def op_GETPROP(self, a, b, k):
        return self._get_prop(b, k) + [f"r{a} = v"]

    def _get_prop(self, b, k) -> list[str]:
        """GETPROP of r[b].constants[k] into ``v``."""
        return self._get_prop_of(self.R(b), k)

    def _get_prop_of(self, o: str, k) -> list[str]:
        """GETPROP of the Python expression ``o`` (a name) .constants[k] into ``v``."""
        key = self.K(k)
        out = [f"if type({o}) is JSObject:",
               f"    v = {o}.props.get({key}, HOLE)",
               "    if v is HOLE or type(v) is Slot:",
               f"        v = {o}.get({key}, {o})"]
        if self.code.constants[k] == "length":
            out += [f"elif type({o}) is JSArray and not {o}.props and not {o}.sparse_length:",
                    f"    v = float(len({o}.items))",
                    f"elif type({o}) is str:",
                    f"    v = float(len({o}))"]
        out += [f"elif isinstance({o}, JSObject):", f"    v = {o}.get({key}, {o})",
                "else:", f"    v = interp.get_property({o}, {key})"]
        return out

    def op_SETPROP(self, a, k, c):
        return self._set_prop(self.R(a), k, self.R(c))

    def _set_prop(self, o: str, k, v: str) -> list[str]:
        """SETPROP of the Python expression ``o`` (a name) .constants[k] = ``v``."""
        key = self.K(k)
        return [f"if type({o}) is JSObject and {o}.segment is None and "
                f"(s := {o}.props.get({key}, HOLE)) is not HOLE and type(s) is not Slot:",
                f"    {o}.props[{key}] = {v}",
                "else:",
                f"    interp.set_property({o}, {key}, {v}, {self.code.strict})"]

    def op_GETELEM(self, a, b, c):
        o, k = self.R(b), self.R(c)
        return [f"if type({k}) is float and type({o}) is JSArray and "
                f"0.0 <= {k} < len(items := {o}.items) and (i := int({k})) == {k} and "
                "(v := items[i]) is not HOLE:",
                f"    r{a} = v",
                f"elif type({k}) is float and type({o}) is str and "
                f"0.0 <= {k} < len({o}) and (i := int({k})) == {k}:",
                f"    r{a} = {o}[i]",
                "else:",
                f"    r{a} = interp.get_element({o}, {k})"]

    def op_SETELEM(self, a, b, c):
        o, k, v = self.R(a), self.R(b), self.R(c)
        return [f"if type({o}) is JSArray and type({k}) is float and "
                f"0.0 <= {k} <= len(items := {o}.items) and (i := int({k})) == {k} "
                f"and {o}.segment is None and not {o}.props:",
                "    if i < len(items) and items[i] is not HOLE:",
                f"        items[i] = {v}",
                f"    elif i == len(items) and {o}.extensible and {o}.length_writable:",
                f"        items.append({v})",
                "    else:",
                f"        interp.set_property({o}, to_property_key({k}), {v}, "
                f"{self.code.strict})",
                "else:",
                f"    interp.set_property({o}, to_property_key({k}), {v}, {self.code.strict})"]

    def op_INITPROP(self, a, k, c):
        return self._define(self.R(a), self.K(k), self.R(c))

    def op_DEFPROP(self, a, b, c):
        return self._define(self.R(a), self.R(b), self.R(c))

    def _define(self, o: str, k: str, v: str) -> list[str]:
        return [f"if type({o}) is JSObject:", f"    {o}.props[{k}] = {v}", "else:",
                f"    {o}.define_own_property({k}, Slot({v}))"]

    def _accessor(self, a, b, c, getter: bool):
        o, k = self.R(a), self.R(b)
        return [f"cur = {o}.get_own_property({k})",
                "gs = (cur.getter, cur.setter) if cur is not None and cur.is_accessor "
                "else (UNDEFINED, UNDEFINED)",
                f"{o}.props.pop({k}, None)",
                f"{o}.define_accessor({k}, {self.R(c) if getter else 'gs[0]'}, "
                f"{'gs[1]' if getter else self.R(c)}, 6)"]

    def op_DEFGETTER(self, a, b, c):
        return self._accessor(a, b, c, True)

    def op_DEFSETTER(self, a, b, c):
        return self._accessor(a, b, c, False)

    def op_COPYPROPS(self, a, b):
        return [f"copy_data_properties({self.R(a)}, {self.R(b)})"]

    def op_RESTOBJECT(self, a, b, c, d):
        self.needs.add("realm")
        keys = ", ".join(self.R(c + i) for i in range(d))
        return [f"r{a} = copy_data_properties(JSObject(realm.object_prototype), {self.R(b)}, "
                f"frozenset(({keys}{',' if d == 1 else ''})))"]

    def op_DELPROP(self, a, b, k):
        return [f"r{a} = interp.delete_property({self.R(b)}, {self.K(k)}, "
                f"{self.code.strict})"]

    def op_DELELEM(self, a, b, c):
        return [f"r{a} = interp.delete_property({self.R(b)}, to_property_key({self.R(c)}), "
                f"{self.code.strict})"]

    # -- functions and calls -------------------------------------------------------------

    def op_CLOSURE(self, a, f):
        return [f"r{a} = {self._closure(f)}"]

    def op_CLOSURECELL(self, c, f):
        return [f"c{c}.value = {self._closure(f)}"]

    def op_CLOSURECELLS(self, c, last_c, f, last_f):
        return [f"c{i}.value = {self._closure(j)}"
                for i, j in zip(range(c, last_c + 1), range(f, last_f + 1), strict=False)]

    def _closure(self, f) -> str:
        """A new closure of nested function ``f`` (an expression)."""
        self.needs.add("g")
        child = self.code.functions[f]
        name = f"f{f}"
        self.bound[name] = child
        cells = ", ".join(f"c{i}" for i in child.captures)
        return f"interp.new_closure(fn, {name}, [{cells}], g, new_target)"

    def op_CALL(self, a, b, c, d):
        return self._call(a, self.R(b), self.R(c), range(c + 1, c + 1 + d))

    def op_CALLFN(self, a, b, c):
        return self._call(a, self.R(b), "UNDEFINED", range(b + 1, b + 1 + c))

    def op_CALLPROP(self, a, b, k, d):
        return self._get_prop(b, k) + self._call(a, "v", self.R(b), range(b + 1, b + 1 + d))

    def op_CALLFN0(self, a, b, *args):
        return self._call(a, self.R(b), "UNDEFINED", args)

    op_CALLFN1 = op_CALLFN2 = op_CALLFN0

    def op_CALLPROP0(self, a, b, k, *args):
        return self._get_prop(b, k) + self._call(a, "v", self.R(b), args)

    op_CALLPROP1 = op_CALLPROP2 = op_CALLPROP0

    def _call(self, a, f: str, this: str, regs) -> list[str]:
        args = "[" + ", ".join(self.R(r) for r in regs) + "]"
        return self.steps() + [
            f"if type({f}) is JSFunction:",
            f"    t = {f}.code.tier_call",
            f"    r{a} = t(interp, {f}, {this}, {args}, UNDEFINED) if t else "
            f"interp.call({f}, {this}, {args})",
            f"elif isinstance({f}, JSNative):",
            f"    r{a} = {f}.fn({this}, {args})",
            "else:",
            f"    raise JSError('TypeError', f'{{describe({f})}} is not a function')"]

    def op_CALLCELL1(self, a, c, b):
        return [f"cf = c{c}.value"] + self._call(a, "cf", "UNDEFINED", [b])

    def op_CALLSPREAD(self, a, b, c, d):
        return [f"r{a} = interp.call({self.R(b)}, {self.R(c)}, list({self.R(d)}.items))"]

    def op_NEW(self, a, b, c, d):
        args = "[" + ", ".join(self.R(r) for r in range(c, c + d)) + "]"
        return self.steps() + [f"r{a} = interp.construct({self.R(b)}, {args})"]

    def op_NEWSPREAD(self, a, b, c):
        return [f"r{a} = interp.construct({self.R(b)}, list({self.R(c)}.items))"]

    # -- iteration -----------------------------------------------------------------------

    def op_GETITERATOR(self, a, b):
        return [f"r{a} = interp.get_iterator({self.R(b)})"]

    def op_ITERCLOSE(self, a, b):
        if not b:
            return [f"interp.iterator_close(r{a})"]
        exc = "exc" if self.has_handlers else "UNDEFINED"
        return [f"interp.close_iterator(r{a}, 1, {exc})"]

    def op_FORINKEYS(self, a, b):
        return [f"r{a} = interp.for_in_keys({self.R(b)})"]

    def op_ARGUMENTS(self, a):
        self.needs.add("realm")
        code = self.code
        mapped = "[" + ", ".join(f"({r}, c{c})" for r, c in code.param_cells) + "]" \
            if code.mapped_arguments else "None"
        return [f"r{a} = create_arguments_object(realm, fn, args, {mapped})"]

    def op_RESTARGS(self, a):
        self.needs.add("realm")
        return [f"r{a} = JSArray(realm.array_prototype, list(args[{self.code.params}:]))"]

    # -- classes -------------------------------------------------------------------------

    def op_DEFCLASS(self, a, b):
        return [f"interp.define_class(r{a}, {self.R(b)})"]

    def op_DEFMETHOD(self, a, b, c, d):
        return [f"interp.define_method(r{a}, {self.R(b)}, {self.R(c)}, {d})"]

    def op_ADDFIELD(self, a, b, c):
        return [f"interp.add_field(r{a}, {self.R(b)}, {self.R(c)})"]

    def op_INITFIELDS(self):
        return ["if fn.fields:", "    interp.init_fields(fn, this)"]

    def _supercall(self, a, args: str):
        if self.code.this_cell >= 0:
            return [f"r{a} = interp.super_call_through_cell(fn, c{self.code.this_cell}, "
                    f"{args}, new_target)"]
        return ["parent = fn.proto",
                "if not is_constructor(parent):",
                "    raise JSError('TypeError', 'Super constructor is not a constructor')",
                f"result = interp.construct(parent, {args}, new_target)",
                "if this is not HOLE:",
                "    raise JSError('ReferenceError', 'Super constructor may only be called "
                "once')",
                "this = result",
                "if fn.fields:",
                "    interp.init_fields(fn, this)",
                f"r{a} = result"]

    def op_SUPERCALL(self, a, b, c):
        return self._supercall(a, "[" + ", ".join(self.R(r) for r in range(b, b + c)) + "]")

    def op_SUPERCALLSPREAD(self, a, b):
        return self._supercall(a, f"list({self.R(b)}.items)")

    def op_GETSUPER(self, a, b):
        return [f"r{a} = interp.get_super(fn, this, {self.R(b)})"]

    def op_SETSUPER(self, a, b):
        return [f"interp.set_super(fn, this, {self.R(a)}, {self.R(b)}, {self.code.strict})"]

    def op_SETHOME(self, a, b):
        return [f"r{a}.home_object = {self.R(b)}"]

    def op_NEWTARGET(self, a):
        # an arrow's new.target is its enclosing function's (Interpreter.new_closure)
        return [f"r{a} = fn.outer_new_target" if self.code.kind == "arrow" else
                f"r{a} = new_target"]

    # -- `using` (vm/disposal.py) -------------------------------------------------------

    def op_USINGSTACK(self, a):
        return [f"r{a} = DisposeStack()"]

    def op_ADDUSING(self, a, b, c):
        return [f"add_resource(interp.machine, {self.R(a)}, {self.R(b)}, {c})"]

    def op_USINGERROR(self, a, b):
        return [f"record_error(interp.machine, {self.R(a)}, {self.R(b)})"]

    def op_DISPOSE(self, a):
        return [f"dispose(interp.machine, {self.R(a)})"]

    # -- generators ------------------------------------------------------------------

    def op_GENSTART(self):
        return ["yield GENSTART"]

    def op_YIELD(self, a, b):
        return [f"r{a} = yield {self.R(b)}"]

    def op_AWAIT(self, a, b):
        if self.code.generator:  # an async generator's driver tells awaits from yields
            return [f"r{a} = yield AwaitRequest({self.R(b)})"]
        return [f"r{a} = yield {self.R(b)}"]

    def op_YIELDSTAR(self, a, b):
        if self.code.is_async:
            return [f"r{a} = yield from async_yield_star(interp, {self.R(b)})"]
        return [f"r{a} = yield from interp.yield_star({self.R(b)})"]

    # -- private names -----------------------------------------------------------------

    def op_NEWPRIVATE(self, a, k):
        return [f"r{a} = PrivateName({self.K(k)})"]

    def op_GETPRIVATE(self, a, b, c):
        return [f"r{a} = interp.get_private({self.R(b)}, {self.R(c)})"]

    def op_SETPRIVATE(self, a, b, c):
        return [f"interp.set_private({self.R(a)}, {self.R(b)}, {self.R(c)})"]

    def op_HASPRIVATE(self, a, b, c):
        t, k = self.R(c), self.R(b)
        return [f"if not isinstance({t}, JSObject):",
                f"    raise JSError('TypeError', \"Cannot use 'in' operator to search for '\" "
                f"+ {k}.description + \"' in \" + to_string({t}))",
                f"r{a} = {k} in {t}.props"]

    def op_ADDPRIVATEMETHOD(self, a, b, c, d):
        F, key, method = f"r{a}", self.R(b), self.R(c)
        if d >= 3:
            return [f"{method}.home_object = {F}",
                    f"interp.install_private_method({F}, {key}, {method}, {d - 3})"]
        return [f"{method}.home_object = {F}.home_object",
                f"{F}.fields.insert(interp.method_count({F}), ({key}, {method}, {d}))"]


# Instructions whose first R operand is read, not written.
_NO_WRITE = frozenset(_O[n] for n in (
    "SETPROP", "SETELEM", "DEFPROP", "DEFGETTER", "DEFSETTER", "COPYPROPS", "ARRAYPUSH",
    "ARRAYHOLE", "ARRAYSPREAD", "RETURN", "THROW", "ITERCLOSE", "DEFCLASS", "DEFMETHOD",
    "ADDFIELD", "SETPRIVATE", "ADDPRIVATEMETHOD", "CHECKHOLE", "SETSUPER", "SETHOME",
    "ADDUSING", "USINGERROR", "DISPOSE", "INITPROP"))


def _handler(handlers, pc: int, finally_only: bool = False) -> int:
    for entry in handlers:
        if entry[0] <= pc < entry[1] and (not finally_only or len(entry) > 3):
            return entry[2]
    return -1


def _ident(name: str | None) -> str:
    text = "".join(ch if ch.isalnum() or ch == "_" else "_" for ch in (name or "anonymous"))
    return text if text.isidentifier() and text.isascii() else "fn"
