"""Small, safe clean-ups of a finished function's bytecode (smaller images, fewer steps).

The code generator evaluates every expression into a fresh temporary and copies it
where it is wanted, and it emits code after a `return` that nothing reaches. This pass
removes what that leaves behind, using register liveness (exception handlers are
successors of every instruction they cover):

* ``X t, ...; MOVE d, t`` becomes ``X d, ...`` when ``t`` is dead after the MOVE, X
  writes its first operand only after reading all the others, and nothing jumps to the
  MOVE;
* an instruction without side effects (a load or a MOVE) whose result is dead is
  dropped, and so is a jump to the next instruction; a jump to a return returns, a jump
  to a jump goes straight to its target;
* ``LOADINT t, n; NEG d, t`` (n not 0, whose negation is -0) becomes ``LOADINT d, -n``;
* ``MOVE d, s`` followed by an instruction reading ``d`` makes it read ``s`` instead
  when ``d`` is dead afterwards (and not part of a run of registers);
* instructions that no path reaches are dropped;
* a comparison whose only use is the JMPIFNOT after it fuses with it (``JNLT x, y, L``),
  and an integer loaded only for the next arithmetic, compare-and-jump or global
  assignment becomes its immediate operand (``ADDI``, ``JNLTI``..., ``SETGLOBALI``); a
  cell read and its TDZ check are one ``GETCELLCHECK``; ``NOT t, x; JMPIFNOT t, L`` is
  ``JMPIF x, L``; ``LOADHOLE t; SETCELL c, t`` is ``HOLECELL c``; ``GETGLOBAL t, k; INC
  u, t; SETGLOBAL k, u`` (a global's ``i++`` whose value is unused; a TONUMERIC may come
  before the INC) is ``INCGLOBAL k`` (and DEC); ``GETGLOBAL t, g; GETPROP r, t, k`` is
  ``GETGLOBALPROP r, g, k`` when ``t`` is ``r`` or dead, and ``GETGLOBALMETHOD r, g, k``
  (which writes ``t`` too) when ``t`` is ``r+1``, the ``this`` of a method call;
  ``CLOSURE t; SETCELL``, ``LOADTHIS t; GETPROP``/``SETPROP``, ``GETCELL t; GETPROP``
  and ``GETCELL t; CALLFN1`` whose ``t`` nothing reads afterwards are one instruction
  (``CLOSURECELL``, ``GETTHISPROP``/``SETTHISPROP``, ``GETCELLPROP``, ``CALLCELL1``),
  and a run of ``CLOSURECELL`` on consecutive cells and functions is one ``CLOSURECELLS``.

Jump targets, exception handlers and line tables are renumbered. Functions that use a
direct eval or a mapped ``arguments`` object are left alone (their registers can be
reached in other ways).
"""

from __future__ import annotations

import math

from .bytecode.code import Code
from .bytecode.isa import OPCODE, OPERANDS, REGISTER_RUNS, TERMINATORS, WRITES_NEXT

# Opcodes whose first operand is a register written after every other operand was read
# (and written only when the instruction completes).
_DEFINES_FIRST = frozenset(OPCODE[n] for n in (
    "MOVE", "LOADK", "LOADINT", "LOADUNDEF", "LOADNULL", "LOADTRUE", "LOADFALSE",
    "LOADTHIS", "LOADHOLE", "GETGLOBAL", "TYPEOFGLOBAL", "GETCELL",
    "ADD", "SUB", "MUL", "DIV", "MOD", "EXP", "BITAND", "BITOR", "BITXOR", "SHL", "SHR",
    "USHR", "EQ", "NE", "SEQ", "SNE", "LT", "LE", "GT", "GE", "INSTANCEOF", "IN",
    "NOT", "NEG", "TONUMERIC", "BITNOT", "TYPEOF", "INC", "DEC", "TOSTRING",
    "TOPROPERTYKEY", "NEWOBJECT", "NEWARRAY", "GETPROP", "GETELEM", "DELPROP", "DELELEM",
    "CLOSURE", "CALL", "CALLSPREAD", "NEW", "NEWSPREAD", "GETITERATOR", "FORINKEYS",
    "GETSUPER", "NEWTARGET", "GETTEMPLATE", "TOOBJECT", "NEWREGEXP", "CALLFN", "CALLPROP",
    "ADDI", "SUBI", "MULI", "MODI", "GETCELLCHECK", "CALLFN0", "CALLFN1", "CALLFN2",
    "CALLPROP0", "CALLPROP1", "CALLPROP2", "GETEXCEPTION", "RESTOBJECT", "GETGLOBALPROP",
    "ARGUMENTS", "RESTARGS", "TYPEIS", "NEWPRIVATE", "GETPRIVATE", "HASPRIVATE",
    "IMPORTMETA", "GETTHISPROP", "GETCELLPROP", "CALLCELL1"))
# Of those, the ones that cannot throw or run code: dropped when their result is dead.
_PURE = frozenset(OPCODE[n] for n in (
    "MOVE", "LOADK", "LOADINT", "LOADUNDEF", "LOADNULL", "LOADTRUE", "LOADFALSE",
    "LOADHOLE", "GETCELL"))
# Opcodes that write their first operand on one outcome only (and never read it).
_MAY_DEFINE_FIRST = frozenset(OPCODE[n] for n in ("ITERNEXT", "ITERRESULT", "DISPOSESTEP"))
_RUNS = REGISTER_RUNS
_TERMINATORS = TERMINATORS
_UNSAFE = frozenset(OPCODE[n] for n in ("EVAL", "GETDYN", "SETDYN", "NEWEVALVARS",
                                        "DEFEVALVAR", "EVALSPREAD"))
_MOVE, _JMP, _LOADINT, _NEG = OPCODE["MOVE"], OPCODE["JMP"], OPCODE["LOADINT"], OPCODE["NEG"]
_ITERNEXT, _LOADK = OPCODE["ITERNEXT"], OPCODE["LOADK"]
_RETURNS = frozenset((OPCODE["RETURN"], OPCODE["RETURNUNDEF"]))
_JMPIFNOT, _JMPIF, _NOT = OPCODE["JMPIFNOT"], OPCODE["JMPIF"], OPCODE["NOT"]
_GETCELL, _CHECKHOLE, _GETCELLCHECK = OPCODE["GETCELL"], OPCODE["CHECKHOLE"], \
    OPCODE["GETCELLCHECK"]
_LOADHOLE, _SETCELL, _HOLECELL = OPCODE["LOADHOLE"], OPCODE["SETCELL"], OPCODE["HOLECELL"]
_GETGLOBAL, _SETGLOBAL, _TONUMERIC = OPCODE["GETGLOBAL"], OPCODE["SETGLOBAL"], \
    OPCODE["TONUMERIC"]
# `GETGLOBAL t, k; INC u, t; SETGLOBAL k, u` -> `INCGLOBAL k` (and DEC)
_GETPROP, _GETGLOBALPROP = OPCODE["GETPROP"], OPCODE["GETGLOBALPROP"]
_GETGLOBALMETHOD, _SETGLOBALI = OPCODE["GETGLOBALMETHOD"], OPCODE["SETGLOBALI"]
# `CLOSURE t, f; SETCELL c, t` -> `CLOSURECELL c, f`; `LOADTHIS t; GETPROP d, t, k` ->
# `GETTHISPROP d, k` (and SETPROP); `GETCELL t, c; GETPROP d, t, k` -> `GETCELLPROP d, c, k`
_CLOSURE, _CLOSURECELL = OPCODE["CLOSURE"], OPCODE["CLOSURECELL"]
_CLOSURECELLS = OPCODE["CLOSURECELLS"]
_LOADTHIS, _SETPROP = OPCODE["LOADTHIS"], OPCODE["SETPROP"]
_GETTHISPROP, _SETTHISPROP = OPCODE["GETTHISPROP"], OPCODE["SETTHISPROP"]
_GETCELLPROP, _CALLFN1, _CALLCELL1 = OPCODE["GETCELLPROP"], OPCODE["CALLFN1"], \
    OPCODE["CALLCELL1"]
_GLOBAL_UPDATES = {OPCODE["INC"]: OPCODE["INCGLOBAL"], OPCODE["DEC"]: OPCODE["DECGLOBAL"]}
# `OP t, x, y; JMPIFNOT t, L` -> `JNOP x, y, L`
_COMPARE_JUMPS = {OPCODE[n]: OPCODE["JN" + n]
                  for n in ("LT", "LE", "GT", "GE", "SEQ", "SNE", "EQ", "NE")}
# `OP t, x, y; JMPIF t, L` -> the compare-and-jump of the negated test (none for LT..GE:
# NaN makes `!(x < y)` differ from `x >= y`)
_NEGATED_JUMPS = {OPCODE[n]: OPCODE["JN" + m]
                  for n, m in (("SEQ", "SNE"), ("SNE", "SEQ"), ("EQ", "NE"), ("NE", "EQ"))}
# `LOADINT t, k; OP d, x, t` -> `OPI d, x, k` (arithmetic), `JNOP x, t, L` -> `JNOPI x, k, L`
_IMMEDIATE_FORMS = {OPCODE[n]: OPCODE[n + "I"] for n in ("ADD", "SUB", "MUL", "MOD")}
_IMMEDIATE_JUMPS = {OPCODE["JN" + n]: OPCODE["JN" + n + "I"]
                    for n in ("LT", "LE", "GT", "GE", "SEQ", "SNE")}


def _uses_defs(ins: tuple) -> tuple[int, int]:
    """Bit sets of the registers an instruction reads and the one it surely writes."""
    op, kinds = ins[0], OPERANDS[ins[0]]
    if op in WRITES_NEXT:
        return 0, 3 << ins[1]
    uses = defs = 0
    for i, kind in enumerate(kinds):
        if kind == "R":
            if i == 0 and op in _DEFINES_FIRST:
                defs = 1 << ins[1]
            elif i == 0 and op in _MAY_DEFINE_FIRST:
                pass
            else:
                uses |= 1 << ins[1 + i]
    run = _RUNS.get(op)
    if run is not None:
        base, count, first = run
        start = ins[1 + base] + first
        uses |= ((1 << ins[1 + count]) - 1) << start
    return uses, defs


def _successors(code: Code) -> tuple[list[list[int]], list[list[int]]]:
    """Per instruction: where control goes next normally, and where a throw goes."""
    n = len(code.code)
    succ: list[list[int]] = []
    for i, ins in enumerate(code.code):
        out = [ins[1 + j] for j, k in enumerate(OPERANDS[ins[0]]) if k == "J"]
        if ins[0] not in _TERMINATORS and i + 1 < n:
            out.append(i + 1)
        succ.append(out)
    throws: list[list[int]] = [[] for _ in range(n)]
    for start, end, target, *_ in code.handlers:
        for i in range(start, min(end, n)):
            throws[i].append(target)
    return succ, throws


def _liveness(code: Code, succ: list[list[int]], throws: list[list[int]]
              ) -> tuple[list[int], list[int]]:
    """Registers live into, and after the normal completion of, each instruction.

    A handler is entered before the throwing instruction writes anything, so what the
    handler needs is live *into* every instruction it covers.
    """
    n = len(code.code)
    info = [_uses_defs(ins) for ins in code.code]
    # ITERNEXT and its kin write their first operand when they fall through only
    falls = [1 << ins[1] if ins[0] in _MAY_DEFINE_FIRST and i + 1 < n and ins[-1] != i + 1
             else 0
             for i, ins in enumerate(code.code)]
    live_in = [0] * n
    live_out = [0] * n
    changed = True
    while changed:
        changed = False
        for i in range(n - 1, -1, -1):
            out = 0
            for s in succ[i]:
                out |= live_in[s]
            caught = 0
            for s in throws[i]:
                caught |= live_in[s]
            uses, defs = info[i]
            if falls[i]:
                out = live_in[i + 1] & ~falls[i]
                for s in succ[i]:
                    if s != i + 1:
                        out |= live_in[s]
            new_in = uses | (out & ~defs) | caught
            if new_in != live_in[i] or out != live_out[i]:
                live_in[i], live_out[i] = new_in, out
                changed = True
    return live_in, live_out


def _reachable(code: Code, succ: list[list[int]], throws: list[list[int]]) -> list[bool]:
    seen = [False] * len(code.code)
    todo = [0] + [h[2] for h in code.handlers]
    while todo:
        i = todo.pop()
        if i < len(seen) and not seen[i]:
            seen[i] = True
            todo.extend(succ[i])
            todo.extend(throws[i])
    return seen


def _rebuild(code: Code, keep: list[bool], replace: dict[int, tuple]) -> None:
    """Drop the instructions not kept; jumps, handlers and lines follow."""
    n = len(code.code)
    new_index = [0] * (n + 1)
    count = 0
    for i in range(n):
        new_index[i] = count
        count += keep[i]
    new_index[n] = count
    out = []
    for i, ins in enumerate(code.code):
        if not keep[i]:
            continue
        ins = replace.get(i, ins)
        kinds = OPERANDS[ins[0]]
        if "J" in kinds:
            ins = tuple(new_index[v] if j > 0 and kinds[j - 1] == "J" else v
                        for j, v in enumerate(ins))
        out.append(ins)
    code.code = out
    code.handlers = [(new_index[s], new_index[e], new_index[t], *rest)
                     for s, e, t, *rest in code.handlers]
    lines: list[tuple[int, int]] = []
    for pc, line in code.lines:
        pc = new_index[pc]
        if pc >= len(out):
            continue
        if lines and lines[-1][0] == pc:
            lines[-1] = (pc, line)
        elif not lines or lines[-1][1] != line:
            lines.append((pc, line))
    code.lines = lines


def _one_round(code: Code) -> bool:
    n = len(code.code)
    succ, throws = _successors(code)
    reachable = _reachable(code, succ, throws)
    live_in, live_out = _liveness(code, succ, throws)
    targets = {h[2] for h in code.handlers}
    for ins in code.code:
        for j, k in enumerate(OPERANDS[ins[0]]):
            if k == "J":
                targets.add(ins[1 + j])
    pinned = (1 << code.params) - 1 if code.mapped_arguments else 0
    keep = list(reachable)
    replace: dict[int, tuple] = {}
    i = 0
    while i < n:
        ins = code.code[i]
        if not keep[i]:
            i += 1
            continue
        op = ins[0]
        if op in _PURE and not (live_out[i] | pinned) >> ins[1] & 1:
            keep[i] = False
        elif op == _JMP and ins[1] == i + 1:
            keep[i] = False
        elif op == _JMP and code.code[ins[1]][0] in _RETURNS:
            replace[i] = code.code[ins[1]]  # jumping to a return: return here
        elif op == _JMP and code.code[ins[1]][0] == _JMP and ins[1] != code.code[ins[1]][1]:
            replace[i] = code.code[ins[1]]  # a jump to a jump: go straight there
        elif (op in _DEFINES_FIRST and i + 1 < n and keep[i + 1]
              and code.code[i + 1][0] == _MOVE and i + 1 not in targets):
            move = code.code[i + 1]
            t, d = ins[1], move[1]
            if move[2] == t and t != d and not (live_out[i + 1] | pinned) >> t & 1 \
                    and not any(_in_range(h, i) != _in_range(h, i + 1) for h in code.handlers):
                replace[i] = (op, d, *ins[2:])
                keep[i + 1] = False
                i += 2
                continue
        elif op == _ITERNEXT and i + 1 < n and keep[i + 1] and i + 1 not in targets \
                and code.code[i + 1][0] == _MOVE and code.code[i + 1][2] == ins[1] \
                and code.code[i + 1][1] not in (ins[1], ins[2]) \
                and not (live_out[i + 1] | live_in[ins[3]] | pinned) >> ins[1] & 1 \
                and not any(live_in[h] >> ins[1] & 1 for h in throws[i] + throws[i + 1]):
            # the loop variable takes the next value directly (done: neither is written)
            replace[i] = (op, code.code[i + 1][1], ins[2], ins[3])
            keep[i + 1] = False
            i += 2
            continue
        elif op == _LOADINT and ins[2] != 0 and _negates(code, i, keep, targets) and (
                code.code[i + 1][1] == ins[1] or not (live_out[i + 1] | pinned) >> ins[1] & 1):
            replace[i + 1] = (_LOADINT, code.code[i + 1][1], -ins[2])  # a negative literal
            keep[i] = False
            i += 2
            continue
        elif op == _LOADK and i + 1 < n and keep[i + 1] and i + 1 not in targets \
                and code.code[i + 1][0] == _NEG and code.code[i + 1][2] == ins[1] and (
                    code.code[i + 1][1] == ins[1]
                    or not (live_out[i + 1] | pinned) >> ins[1] & 1) \
                and (k := _negated_constant(code, ins[2])) is not None:
            replace[i + 1] = (_LOADK, code.code[i + 1][1], k)  # `-0.5`, `-1n`
            keep[i] = False
            i += 2
            continue
        elif op == _LOADINT and i + 1 < n and keep[i + 1] and i + 1 not in targets and (
                fused := _with_immediate(code.code[i + 1], ins[1], ins[2])) is not None:
            t = ins[1]
            caught = 0
            for h in throws[i + 1]:
                caught |= live_in[h]
            if not (caught | pinned) >> t & 1 and (
                    not live_out[i + 1] >> t & 1 or _uses_defs(fused)[1] >> t & 1):
                replace[i + 1] = fused
                keep[i] = False
                i += 2
                continue
        elif op == _GETCELL and i + 1 < n and keep[i + 1] and i + 1 not in targets \
                and code.code[i + 1][0] == _CHECKHOLE and code.code[i + 1][1] == ins[1] \
                and not any(_in_range(h, i) != _in_range(h, i + 1) for h in code.handlers) \
                and not any(live_in[h] >> ins[1] & 1 for h in throws[i + 1]):
            replace[i] = (_GETCELLCHECK, ins[1], ins[2], code.code[i + 1][2])
            keep[i + 1] = False
            i += 2
            continue
        elif op == _LOADHOLE and i + 1 < n and keep[i + 1] and i + 1 not in targets \
                and code.code[i + 1][0] == _SETCELL and code.code[i + 1][2] == ins[1] \
                and not (live_out[i + 1] | pinned) >> ins[1] & 1:
            replace[i] = (_HOLECELL, code.code[i + 1][1])
            keep[i + 1] = False
            i += 2
            continue
        elif op == _GETCELL and _loads_argument_of(code, i, keep, targets):
            # `GETCELL t, c; LOADK x, k; CALLFN1 d, t, x`: the load first, then one CALLCELL1
            replace[i], replace[i + 1] = code.code[i + 1], ins
            i += 2
            continue
        elif op == _CLOSURECELL and (length := _closure_run(code, i, keep, targets)) > 1:
            replace[i] = (_CLOSURECELLS, ins[1], ins[1] + length - 1, ins[2],
                          ins[2] + length - 1)
            for j in range(i + 1, i + length):
                keep[j] = False
            i += length
            continue
        elif op in (_CLOSURE, _LOADTHIS, _GETCELL) and (
                fused := _fused_pair(code, i, keep, targets, live_in, live_out, throws,
                                     pinned)) is not None:
            replace[i] = fused
            keep[i + 1] = False
            i += 2
            continue
        elif op == _GETGLOBAL and (length := _updates_global(
                code, i, keep, targets, live_in, live_out, throws, pinned)):
            replace[i] = (_GLOBAL_UPDATES[code.code[i + length - 2][0]], ins[2])
            for j in range(i + 1, i + length):
                keep[j] = False
            i += length
            continue
        elif op == _GETGLOBAL and i + 1 < n and keep[i + 1] and i + 1 not in targets \
                and code.code[i + 1][0] == _GETPROP and code.code[i + 1][2] == ins[1] \
                and (code.code[i + 1][1] == ins[1]
                     or not (live_out[i + 1] | pinned) >> ins[1] & 1) \
                and not any(_in_range(h, i) != _in_range(h, i + 1) for h in code.handlers) \
                and not any(live_in[h] >> ins[1] & 1 for h in throws[i + 1]):
            replace[i] = (_GETGLOBALPROP, code.code[i + 1][1], ins[2], code.code[i + 1][3])
            keep[i + 1] = False
            i += 2
            continue
        elif op == _GETGLOBAL and i + 1 < n and keep[i + 1] and i + 1 not in targets \
                and code.code[i + 1][0] == _GETPROP and code.code[i + 1][2] == ins[1] \
                and code.code[i + 1][1] + 1 == ins[1] \
                and not any(_in_range(h, i) != _in_range(h, i + 1) for h in code.handlers):
            # the method and its `this` (r+1) of a call: one instruction writes both
            replace[i] = (_GETGLOBALMETHOD, code.code[i + 1][1], ins[2], code.code[i + 1][3])
            keep[i + 1] = False
            i += 2
            continue
        elif op == _NOT and i + 1 < n and keep[i + 1] and i + 1 not in targets \
                and code.code[i + 1][0] in (_JMPIF, _JMPIFNOT) \
                and code.code[i + 1][1] == ins[1] \
                and not (live_out[i + 1] | pinned) >> ins[1] & 1:
            jump = _JMPIF if code.code[i + 1][0] == _JMPIFNOT else _JMPIFNOT
            replace[i] = (jump, ins[2], code.code[i + 1][2])  # `if (!x)`: jump on x itself
            keep[i + 1] = False
            i += 2
            continue
        elif op in _COMPARE_JUMPS and i + 1 < n and keep[i + 1] and i + 1 not in targets \
                and code.code[i + 1][0] == _JMPIFNOT and code.code[i + 1][1] == ins[1] \
                and not (live_out[i + 1] | pinned) >> ins[1] & 1:
            replace[i] = (_COMPARE_JUMPS[op], ins[2], ins[3], code.code[i + 1][2])
            keep[i + 1] = False
            i += 2
            continue
        elif op in _NEGATED_JUMPS and i + 1 < n and keep[i + 1] and i + 1 not in targets \
                and code.code[i + 1][0] == _JMPIF and code.code[i + 1][1] == ins[1] \
                and not (live_out[i + 1] | pinned) >> ins[1] & 1:
            replace[i] = (_NEGATED_JUMPS[op], ins[2], ins[3], code.code[i + 1][2])
            keep[i + 1] = False
            i += 2
            continue
        elif op == _MOVE and i + 1 < n and keep[i + 1] and i + 1 not in targets:
            forwarded = _forward(code.code[i + 1], ins[1], ins[2])
            after = code.code[i + 1]
            d = ins[1]
            caught = 0
            for t in throws[i + 1]:
                caught |= live_in[t]
            if forwarded is not None and ins[1] != ins[2] and not pinned >> d & 1 \
                    and not caught >> d & 1 and (
                        not live_out[i + 1] >> d & 1 or _uses_defs(after)[1] >> d & 1):
                replace[i + 1] = forwarded
                keep[i] = False
                i += 2
                continue
        i += 1
    if all(keep) and not replace:
        return False
    _rebuild(code, keep, replace)
    return True


def _forward(ins: tuple, d: int, s: int) -> tuple | None:
    """``ins`` reading register ``s`` where it read ``d`` (None if it cannot)."""
    uses, defs = _uses_defs(ins)
    if not uses >> d & 1:
        return None
    run = _RUNS.get(ins[0])
    out = list(ins)
    for i, kind in enumerate(OPERANDS[ins[0]]):
        if kind == "R" and ins[1 + i] == d and not (i == 0 and defs):
            if run is not None and i == run[0]:
                return None  # the base of a run of registers: they must stay together
            out[1 + i] = s
    if run is not None:
        start = ins[1 + run[0]] + run[2]
        if start <= d < start + ins[1 + run[1]]:
            return None
    return tuple(out)


def _with_immediate(ins: tuple, t: int, k: int) -> tuple | None:
    """``ins`` with the integer ``k`` in place of its last register operand ``t``."""
    op = ins[0]
    if op in _IMMEDIATE_FORMS and ins[3] == t and ins[2] != t:
        return (_IMMEDIATE_FORMS[op], ins[1], ins[2], k)
    if op in _IMMEDIATE_JUMPS and ins[2] == t and ins[1] != t:
        return (_IMMEDIATE_JUMPS[op], ins[1], k, ins[3])
    if op == _SETGLOBAL and ins[2] == t:
        return (_SETGLOBALI, ins[1], k)
    return None


def _updates_global(code: Code, i: int, keep: list[bool], targets: set[int],
                    live_in: list[int], live_out: list[int], throws: list[list[int]],
                    pinned: int) -> int:
    """How many instructions from i are ``GETGLOBAL t, k; [TONUMERIC u, t;] INC v, u;
    SETGLOBAL k, v`` whose registers nothing reads afterwards (nor a handler), with
    nothing jumping between them (0 if they are not)."""
    get = code.code[i]
    seq = code.code[i:i + 4]
    if len(seq) > 1 and seq[1][0] == _TONUMERIC and seq[1][2] == get[1]:
        length, value = 4, seq[1][1]
    else:
        length, value = 3, get[1]
    seq = seq[:length]
    if len(seq) < length or any(not keep[j] or j in targets for j in range(i + 1, i + length)):
        return 0
    step, put = seq[-2], seq[-1]
    if step[0] not in _GLOBAL_UPDATES or step[2] != value or put[0] != _SETGLOBAL \
            or put[1] != get[2] or put[2] != step[1]:
        return 0
    if any(_in_range(h, i) != _in_range(h, j) for h in code.handlers
           for j in range(i + 1, i + length)):
        return 0
    regs = 0
    for ins in seq[:-1]:
        regs |= 1 << ins[1]
    caught = live_out[i + length - 1] | pinned
    for j in range(i + 1, i + length):
        for h in throws[j]:
            caught |= live_in[h]
    return 0 if caught & regs else length


def _fused_pair(code: Code, i: int, keep: list[bool], targets: set[int],
                live_in: list[int], live_out: list[int], throws: list[list[int]],
                pinned: int) -> tuple | None:
    """The one instruction doing what i and i+1 do, when i writes a temporary t that
    only i+1 reads: ``CLOSURE t, f; SETCELL c, t`` (a captured function declaration),
    ``LOADTHIS t; GETPROP d, t, k`` and ``LOADTHIS t; SETPROP t, k, v`` (``this.x``),
    ``GETCELL t, c; GETPROP d, t, k``, ``GETCELL t, c; CALLFN1 d, t, x``. None if there
    is none, or t is read afterwards (by a handler, too: the fused form never writes t),
    or something jumps between, or the two are covered by different handlers."""
    if i + 1 >= len(code.code) or not keep[i + 1] or i + 1 in targets:
        return None
    first, second = code.code[i], code.code[i + 1]
    op, t = first[0], first[1]
    if op == _CLOSURE and second[0] == _SETCELL and second[2] == t:
        fused = (_CLOSURECELL, second[1], first[2])
    elif op == _LOADTHIS and second[0] == _GETPROP and second[2] == t:
        fused = (_GETTHISPROP, second[1], second[3])
    elif op == _LOADTHIS and second[0] == _SETPROP and second[1] == t and second[3] != t:
        fused = (_SETTHISPROP, second[2], second[3])
    elif op == _GETCELL and second[0] == _GETPROP and second[2] == t:
        fused = (_GETCELLPROP, second[1], first[2], second[3])
    elif op == _GETCELL and second[0] == _CALLFN1 and second[2] == t and second[3] != t:
        fused = (_CALLCELL1, second[1], first[2], second[3])
    else:
        return None
    written = _uses_defs(fused)[1]
    caught = pinned
    for h in throws[i + 1]:
        caught |= live_in[h]
    if caught >> t & 1 or (live_out[i + 1] >> t & 1 and not written >> t & 1):
        return None
    if any(_in_range(h, i) != _in_range(h, i + 1) for h in code.handlers):
        return None
    return fused


def _closure_run(code: Code, i: int, keep: list[bool], targets: set[int]) -> int:
    """How many ``CLOSURECELL c+j, f+j`` follow one another from i (nothing jumping in,
    all under the same handlers): one ``CLOSURECELLS c, c+n-1, f, f+n-1`` makes them."""
    first, j = code.code[i], i + 1
    while j < len(code.code) and keep[j] and j not in targets \
            and code.code[j][0] == _CLOSURECELL \
            and code.code[j][1:] == (first[1] + j - i, first[2] + j - i) \
            and not any(_in_range(h, i) != _in_range(h, j) for h in code.handlers):
        j += 1
    return j - i


def _loads_argument_of(code: Code, i: int, keep: list[bool], targets: set[int]) -> bool:
    """Instruction i is ``GETCELL t, c``, i+1 a load that cannot throw and leaves t alone,
    and i+2 ``CALLFN1 d, t, x``: the two loads may swap (nothing writes a cell between)."""
    if i + 2 >= len(code.code) or not keep[i + 1] or not keep[i + 2] \
            or i + 1 in targets or i + 2 in targets:
        return False
    t, load, call = code.code[i][1], code.code[i + 1], code.code[i + 2]
    uses, defs = _uses_defs(load)
    return load[0] in _PURE and not (uses | defs) >> t & 1 and call[0] == _CALLFN1 \
        and call[2] == t and call[3] != t


def _negates(code: Code, i: int, keep: list[bool], targets: set[int]) -> bool:
    """Instruction i+1 is ``NEG d, t`` of the integer i loads into t (and nothing jumps
    between them)."""
    nxt = code.code[i + 1] if i + 1 < len(code.code) else None
    return nxt is not None and keep[i + 1] and i + 1 not in targets and nxt[0] == _NEG \
        and nxt[2] == code.code[i][1]


def _negated_constant(code: Code, k: int) -> int | None:
    """The index of the negation of number (or BigInt) constant k: one already in the
    table, or k itself turned negative when no other instruction reads it (a constant
    costs more image bytes than a NEG). None if neither."""
    v = code.constants[k]
    if type(v) is float:
        if v != v:
            return None
        neg = -v
        for j, c in enumerate(code.constants):
            if type(c) is float and c == neg and math.copysign(1.0, c) == math.copysign(1.0,
                                                                                      neg):
                return j
    elif type(v) is int:
        neg = -v
        for j, c in enumerate(code.constants):
            if type(c) is int and c == neg:
                return j
    else:
        return None
    readers = 0
    for ins in code.code:
        for j, kind in enumerate(OPERANDS[ins[0]]):
            if kind == "K" and ins[1 + j] == k:
                readers += 1
    if readers != 1:
        return None
    code.constants[k] = neg
    return k


def _in_range(handler: tuple, i: int) -> bool:
    return handler[0] <= i < handler[1]


def optimize(code: Code) -> Code:
    """Clean up ``code`` in place (not its nested functions) and return it."""
    if not code.code or any(ins[0] in _UNSAFE for ins in code.code):
        return code
    for _ in range(8):
        if not _one_round(code):
            break
    return code


__all__ = ["optimize"]
