"""THE instruction set: every opcode defined once, here.

Each row is (name, operand kinds, doc). An opcode's number is its row index, so the
table's order is the encoding: opcodes 0-11 take one nibble, 12-67 two, 68-123 three,
the rest four (see ``encoding.py``), so the table starts with the opcodes real code uses
most (static counts over the npm libraries of ``tests/npm`` and the ``tests/js``
programs; ``python bench/opcodes.py`` reports any opcode whose band no longer fits its
rank). Append a new opcode at the end, or reorder and bump ``ISA_VERSION``. The
encoder, the decoder, the disassembler and ``docs/opcodes.md`` all derive from
``OPCODES``: adding an opcode is one edit here (plus its case in the VM loop and, if the
compiler emits it, in the code generator).

Operand kinds:
  R  a register of the current frame (locals first, then temporaries)
  K  an index into the function's constant table (numbers, strings, templates)
  N  an unsigned count or small immediate
  I  a signed immediate
  J  a jump target: a signed offset in nibbles from the end of this instruction when
     encoded; an instruction index once decoded
  F  an index into the image's function table (a nested function's code)
  C  a closure-cell slot of the current frame (own cells, then captured ones)
"""

from __future__ import annotations

ISA_VERSION = 3

OPCODES: list[tuple[str, str, str]] = [
    # one nibble (opcodes 0-11): the commonest in real code (static counts over the npm
    # libraries of tests/npm and the tests/js programs)
    ("LOADK", "RK", "r[a] = constants[b]"),
    ("GETPROP", "RRK", "r[a] = r[b][constants[c]]"),
    ("GETCELL", "RC", "r[a] = value of closure cell b"),
    ("LOADINT", "RI", "r[a] = b (a small integer, as a number)"),
    ("GETGLOBAL", "RK", "r[a] = the global binding named constants[b] (ReferenceError if none)"),
    ("RETURN", "R", "return r[a] from the current function"),
    ("CALL", "RRRN", "r[a] = r[b](r[c+1]..r[c+d]) with this = r[c]"),
    ("MOVE", "RR", "r[a] = r[b]"),
    ("LOADTHIS", "R", "r[a] = this of the current function (checked in derived constructors)"),
    ("JMPIFNOT", "RJ", "jump to b if r[a] is falsy"),
    ("CLOSURE", "RF", "r[a] = a new function closing over this frame, code of function b"),
    ("SETPROP", "RKR", "r[a][constants[b]] = r[c]"),
    # two nibbles (12-67): the next commonest
    ("CALLPROP1", "RRKR", "r[a] = r[b][constants[c]](r[d]) with this = r[b]"),
    ("INITPROP", "RKR", "define data property constants[b] = r[c] on object r[a] (object "
     "literals)"),
    ("GETGLOBALMETHOD", "RKK", "r[a+1] = the global binding named constants[b], then r[a] = "
     "r[a+1][constants[c]] (a method and its `this`, for a CALL)"),
    ("JMP", "J", "jump to a"),
    ("GETTHISPROP", "RK", "r[a] = this[constants[b]] (this checked as by LOADTHIS)"),
    ("CALLPROP0", "RRK", "r[a] = r[b][constants[c]]() with this = r[b] (as CALLPROP)"),
    ("GETELEM", "RRR", "r[a] = r[b][r[c]]"),
    ("JMPIF", "RJ", "jump to b if r[a] is truthy"),
    ("GETCELLPROP", "RCK", "r[a] = (value of closure cell b)[constants[c]] (GETCELL and GETPROP "
     "in one)"),
    ("NEWARRAY", "RRN", "r[a] = a new array of the c values in r[b]..r[b+c-1]"),
    ("ADD", "RRR", "r[a] = r[b] + r[c]"),
    ("SETCELL", "CR", "closure cell a = r[b]"),
    ("RETURNUNDEF", "", "return undefined from the current function"),
    ("NEWOBJECT", "R", "r[a] = a new ordinary object"),
    ("NEW", "RRRN", "r[a] = new r[b](r[c]..r[c+d-1])"),
    ("INITGLOBAL", "KR", "initialise the global binding named constants[a] to r[b] (ends its TDZ)"),
    ("CALLCELL1", "RCR", "r[a] = (value of closure cell b)(r[c]) with this = undefined (GETCELL "
     "and CALLFN1 in one)"),
    ("ARRAYPUSH", "RR", "append r[b] to array r[a]"),
    ("CALLFN1", "RRR", "r[a] = r[b](r[c]) with this = undefined"),
    ("CALLFN", "RRN", "r[a] = r[b](r[b+1]..r[b+c]) with this = undefined (a plain call)"),
    ("GETGLOBALPROP", "RKK", "r[a] = (the global binding named constants[b])[constants[c]] "
     "(GETGLOBAL and GETPROP in one)"),
    ("LOADTRUE", "R", "r[a] = true"),
    ("LOADNULL", "R", "r[a] = null"),
    ("JNSEQ", "RRJ", "jump to c unless r[a] === r[b] (SEQ and JMPIFNOT in one)"),
    ("LOADFALSE", "R", "r[a] = false"),
    ("CALLFN2", "RRRR", "r[a] = r[b](r[c], r[d]) with this = undefined"),
    ("JNSNE", "RRJ", "jump to c unless r[a] !== r[b] (SNE and JMPIFNOT in one)"),
    ("CALLPROP2", "RRKRR", "r[a] = r[b][constants[c]](r[d], r[e]) with this = r[b]"),
    ("SEQ", "RRR", "r[a] = r[b] === r[c]"),
    ("DEFGLOBALS", "KNNN", "declare a script's global names, the tuple of strings constants[a]: "
     "the first b functions, the next c vars, the next d let/class, the rest const; every name is "
     "checked before any is declared"),
    ("LOADUNDEF", "R", "r[a] = undefined"),
    ("GETEXCEPTION", "R", "r[a] = the exception being handled (first instruction of a handler)"),
    ("SETELEM", "RRR", "r[a][r[b]] = r[c]"),
    ("INC", "RR", "r[a] = ToNumeric(r[b]) + 1"),
    ("CALLFN0", "RR", "r[a] = r[b]() with this = undefined"),
    ("CALLPROP", "RRKN", "r[a] = r[b][constants[c]](r[b+1]..r[b+d]) with this = r[b] (a method "
     "call whose arguments cannot observe when the method is read)"),
    ("SETGLOBAL", "KR", "assign r[b] to the global binding named constants[a]"),
    ("DEFMETHOD", "RRRN", "define r[c] on r[a] under key r[b] and make r[a] its home object: d = "
     "0 method, 1 getter, 2 setter; +4 enumerable (object literals); +8 name the function after "
     "the key; +16 a plain value (no home object)"),
    ("ITERNEXT", "RRJ", "r[a] = next value of iterator record r[b]; jump to c when done"),
    ("THROW", "R", "throw r[a]"),
    ("JNSEQI", "RIJ", "jump to c unless r[a] === b (b a small integer, as a number)"),
    ("NOT", "RR", "r[a] = !r[b]"),
    ("JNSNEI", "RIJ", "jump to c unless r[a] !== b (b a small integer, as a number)"),
    ("ITERCLOSE", "RN", "call return() of iterator record r[a] (early exit from for-of); b = 1: "
     "leaving by an exception, so what return() throws is ignored"),
    ("ADDI", "RRI", "r[a] = r[b] + c (c a small integer, as a number)"),
    ("JNLT", "RRJ", "jump to c unless r[a] < r[b] (LT and JMPIFNOT in one)"),
    ("SETTHISPROP", "KR", "this[constants[a]] = r[b] (this checked as by LOADTHIS)"),
    ("JNEQ", "RRJ", "jump to c unless r[a] == r[b] (EQ and JMPIFNOT in one)"),
    ("GETCELLCHECK", "RCK", "r[a] = value of closure cell b; ReferenceError naming constants[c] "
     "(and r[a] unchanged) if it is the empty marker"),
    ("NEWREGEXP", "RKK", "r[a] = a new RegExp object for the literal /constants[b]/constants[c]"),
    ("INSTANCEOF", "RRR", "r[a] = r[b] instanceof r[c]"),
    ("MULI", "RRI", "r[a] = r[b] * c"),
    ("SUB", "RRR", "r[a] = r[b] - r[c]"),
    ("SUBI", "RRI", "r[a] = r[b] - c"),
    ("GETITERATOR", "RR", "r[a] = GetIterator(r[b]) (an iterator record)"),
    ("JNNE", "RRJ", "jump to c unless r[a] != r[b] (NE and JMPIFNOT in one)"),
    # three nibbles (68-123): the next
    ("DEFCLASS", "RR", "make closure r[a] a class constructor: prototype object, heritage r[b] "
     "(the empty marker when there is no `extends`)"),
    ("TONUMERIC", "RR", "r[a] = ToNumeric(r[b]) (unary +, and the old value of ++/--)"),
    ("JNLTI", "RIJ", "jump to c unless r[a] < b (b a small integer, as a number)"),
    ("JNTYPEIS", "RKJ", "jump to c unless typeof r[a] is constants[b]"),
    ("IN", "RRR", "r[a] = r[b] in r[c]"),
    ("ARGUMENTS", "R", "r[a] = a new arguments object for the current call"),
    ("JNGTI", "RIJ", "jump to c unless r[a] > b (b a small integer, as a number)"),
    ("TOSTRING", "RR", "r[a] = ToString(r[b]) (template substitutions)"),
    ("LOADHOLE", "R", "r[a] = the empty marker of an uninitialised lexical binding"),
    ("JNGEI", "RIJ", "jump to c unless r[a] >= b (b a small integer, as a number)"),
    ("EQ", "RRR", "r[a] = r[b] == r[c]"),
    ("TYPEOF", "RR", "r[a] = typeof r[b]"),
    ("HOLECELL", "C", "closure cell a = the empty marker (a lexical binding's TDZ begins)"),
    ("DEC", "RR", "r[a] = ToNumeric(r[b]) - 1"),
    ("ARRAYSPREAD", "RR", "append every value iterated from r[b] to array r[a]"),
    ("LT", "RRR", "r[a] = r[b] < r[c]"),
    ("NEG", "RR", "r[a] = -r[b]"),
    ("GT", "RRR", "r[a] = r[b] > r[c]"),
    ("JMPNOTNULLISH", "RJ", "jump to b unless r[a] is null or undefined"),
    ("DIV", "RRR", "r[a] = r[b] / r[c]"),
    ("BITAND", "RRR", "r[a] = r[b] & r[c]"),
    ("CLOSURECELL", "CF", "closure cell a = a new function closing over this frame, code of "
     "function b (CLOSURE and SETCELL in one)"),
    ("GE", "RRR", "r[a] = r[b] >= r[c]"),
    ("TYPEOFGLOBAL", "RK", "r[a] = typeof the global binding named constants[b] (no error)"),
    ("INITFIELDS", "", "define the current constructor's instance fields on this"),
    ("NEWCELL", "C", "give closure cell slot a a fresh cell (per-iteration bindings)"),
    ("FORINKEYS", "RR", "r[a] = an iterator over the enumerable string keys of r[b]"),
    ("YIELD", "RR", "suspend, producing r[b]; r[a] = the value sent in when resumed"),
    ("TOPROPERTYKEY", "RR", "r[a] = ToPropertyKey(r[b]) (computed keys, evaluated once)"),
    ("BITOR", "RRR", "r[a] = r[b] | r[c]"),
    ("THROWERROR", "NK", "throw a new error of kind a (0 TypeError, 1 ReferenceError, 2 "
     "SyntaxError, 3 RangeError) with message constants[b]"),
    ("CLOSURECELLS", "CCFF", "closure cells a .. b = new functions closing over this frame, codes "
     "of functions c .. d, paired in order (a run of CLOSURECELL: hoisted function declarations; "
     "the compiler makes b - a = d - c, both ends are operands so the image check bounds every "
     "index)"),
    ("EVAL", "RRRNK", "r[a] = r[b](r[c]..r[c+d-1]), as a direct eval with site constants[e] when "
     "r[b] is the Global's eval"),
    ("JTYPEIS", "RKJ", "jump to c if typeof r[a] is constants[b]"),
    ("SNE", "RRR", "r[a] = r[b] !== r[c]"),
    ("MODI", "RRI", "r[a] = r[b] % c"),
    ("JMPNOTUNDEF", "RJ", "jump to b unless r[a] is undefined (default values)"),
    ("GENSTART", "", "a generator's parameters and declarations are set up: suspend until the "
     "first next() (the call returns the generator object here)"),
    ("MUL", "RRR", "r[a] = r[b] * r[c]"),
    ("EXP", "RRR", "r[a] = r[b] ** r[c]"),
    ("RESTARGS", "R", "r[a] = an array of the arguments after the formal parameters"),
    ("LE", "RRR", "r[a] = r[b] <= r[c]"),
    ("TYPEIS", "RRK", "r[a] = (typeof r[b] === constants[c])"),
    ("JMPNULLISH", "RJ", "jump to b if r[a] is null or undefined"),
    ("AWAIT", "RR", "suspend until r[b] settles; r[a] = its value (or throw its reason)"),
    ("SUPERCALLSPREAD", "RR", "r[a] = super(...array r[b])"),
    ("JNLEI", "RIJ", "jump to c unless r[a] <= b (b a small integer, as a number)"),
    ("GETWITH", "RRKJ", "if object r[b] has a binding named constants[c] (HasProperty, not "
     "@@unscopables): r[a] = its value and jump to d; else fall through"),
    ("DELPROP", "RRK", "r[a] = delete r[b][constants[c]]"),
    ("ADDFIELD", "RRR", "record an instance field of class r[a]: key r[b], initialiser closure "
     "r[c] (or undefined)"),
    ("INCGLOBAL", "K", "add 1 to the global binding named constants[a] (ToNumeric first; `i++` "
     "whose value is unused)"),
    ("DELELEM", "RRR", "r[a] = delete r[b][r[c]]"),
    ("JNGE", "RRJ", "jump to c unless r[a] >= r[b] (GE and JMPIFNOT in one)"),
    ("JNGT", "RRJ", "jump to c unless r[a] > r[b] (GT and JMPIFNOT in one)"),
    ("SUPERCALL", "RRN", "r[a] = super(r[b]..r[b+c-1]): construct the parent, bind this"),
    ("JNLE", "RRJ", "jump to c unless r[a] <= r[b] (LE and JMPIFNOT in one)"),
    # four nibbles (124 on): the rest, by chapter
    # loads and moves
    ("CHECKHOLE", "RK", "throw ReferenceError naming constants[b] if r[a] is the empty marker"),
    # variables outside the frame
    ("DEFGLOBAL", "KN", "declare global constants[a]: b = 0 var, 1 function, 2 let, 3 const, 4 "
     "class (lexical ones start uninitialised), 5 var / 6 function of sloppy eval code; b + 8 "
     "only checks that it can be declared"),
    # arithmetic and logic
    ("MOD", "RRR", "r[a] = r[b] % r[c]"),
    ("BITXOR", "RRR", "r[a] = r[b] ^ r[c]"),
    ("SHL", "RRR", "r[a] = r[b] << r[c]"),
    ("SHR", "RRR", "r[a] = r[b] >> r[c]"),
    ("USHR", "RRR", "r[a] = r[b] >>> r[c]"),
    ("NE", "RRR", "r[a] = r[b] != r[c]"),
    ("BITNOT", "RR", "r[a] = ~r[b]"),
    # control flow
    ("JMPIFUNDEF", "RJ", "jump to b if r[a] is undefined (default values)"),
    # objects and properties
    ("ARRAYHOLE", "R", "append a hole to array r[a]"),
    ("DEFPROP", "RRR", "define data property r[b] = r[c] on object r[a] (object literals)"),
    ("DEFGETTER", "RRR", "define getter r[c] for key r[b] on object r[a]"),
    ("DEFSETTER", "RRR", "define setter r[c] for key r[b] on object r[a]"),
    ("COPYPROPS", "RR", "copy own enumerable properties of r[b] onto object r[a] ({...x})"),
    # functions and calls
    ("CALLSPREAD", "RRRR", "r[a] = r[b].apply(r[c], array r[d])"),
    ("NEWSPREAD", "RRR", "r[a] = new r[b](...array r[c])"),
    # classes
    ("GETSUPER", "RR", "r[a] = the property r[b] of the home object's prototype (super[x])"),
    ("NEWTARGET", "R", "r[a] = new.target"),
    # generators
    ("YIELDSTAR", "RR", "yield every value of the iterable r[b] (delegating next, throw and "
     "return); r[a] = its completion value"),
    # private names
    ("NEWPRIVATE", "RK", "r[a] = a new private name described by constants[b] (one per class "
     "evaluation)"),
    ("GETPRIVATE", "RRR", "r[a] = the private member r[c] of r[b] (TypeError if it has none)"),
    ("SETPRIVATE", "RRR", "set the private member r[b] of r[a] to r[c]"),
    ("HASPRIVATE", "RRR", "r[a] = whether r[c] has the private member r[b] (`#x in o`)"),
    ("ADDPRIVATEMETHOD", "RRRN", "record private method/accessor r[c] named r[b] for the "
     "instances of class r[a] (d: 0 method, 1 getter, 2 setter; static ones go on r[a])"),
    # templates
    ("GETTEMPLATE", "RK", "r[a] = the frozen template object of tagged-template site constants[b] "
     "(made once per realm and site)"),
    # async iteration
    ("GETASYNCITERATOR", "RR", "r[a] = GetIterator(r[b], async): Symbol.asyncIterator, else the "
     "sync iterator wrapped"),
    ("ITERCALLNEXT", "RR", "r[a] = what next() of iterator record r[b] returns (not awaited)"),
    ("ITERRESULT", "RRJ", "r[b] is an iterator result: jump to c if done, else r[a] = its value"),
    ("ASYNCITERCLOSE", "RR", "r[a] = what return() of iterator record r[b] returns (undefined "
     "without one), for the caller to await"),
    # with
    ("TOOBJECT", "RR", "r[a] = ToObject(r[b]) (TypeError for null and undefined)"),
    ("SETWITH", "RKRJ", "if object r[a] has a binding named constants[b]: set it to r[c] and jump "
     "to d; else fall through"),
    ("DELWITH", "RRKJ", "if object r[b] has a binding named constants[c]: r[a] = delete it, jump "
     "to d; else fall through"),
    ("DELGLOBAL", "RK", "r[a] = delete the global object's property constants[b] (false for a "
     "global lexical binding)"),
    # eval
    ("NEWEVALVARS", "CN", "cell a = a fresh scope for the vars sloppy eval adds to this function "
     "(its parent: cell b-1's, when b > 0)"),
    ("DEFEVALVAR", "CK", "declare var constants[b] in the eval-var scope of cell a (if absent)"),
    ("GETDYN", "RCNKJ", "r[a] = name constants[d] from the first of c eval-var scopes (from cell "
     "b outward) that has it, then jump to e; fall through if none has it"),
    ("SETDYN", "CNKRJ", "set name constants[c] to r[d] in the first of b eval-var scopes (from "
     "cell a outward) that has it, then jump to e; fall through if none has it"),
    # modules
    ("MODULEBODY", "", "end of a module's instantiation (hoisted functions made): suspend until "
     "the module is evaluated"),
    ("IMPORTCALL", "RRRN", "r[a] = import(r[b], r[c]): a promise for the module's namespace (d = "
     "0), or its ModuleSource (d = 1, `import.source`)"),
    ("IMPORTMETA", "R", "r[a] = import.meta of the running module"),
    # explicit resource management (`using`, `await using`)
    ("USINGSTACK", "R", "r[a] = a new, empty disposal stack (a DisposeCapability)"),
    ("ADDUSING", "RRN", "add resource r[b] to disposal stack r[a] (c = 1: `await using`), reading "
     "its dispose method now"),
    ("USINGERROR", "RR", "the block of disposal stack r[a] threw r[b]: dispose with that "
     "completion"),
    ("DISPOSE", "R", "dispose every resource left on r[a] in reverse order, then throw the "
     "completion's error (or the SuppressedError chain) if there is one"),
    ("DISPOSESTEP", "RRJ", "r[a] = what to await for disposing the next resource of r[b] (a "
     "promise that never rejects: errors are recorded); jump to c when none is left"),
    ("SETSUPER", "RR", "super[r[a]] = r[b]: set on the home object's prototype with `this` as the "
     "receiver (TypeError if that prototype is null)"),
    ("SETHOME", "RR", "make r[b] the home object (for `super`) of the function in r[a]"),
    # with: references resolved before an assignment's right side runs
    ("WITHBASE", "RRKJ", "if object r[b] has a binding named constants[c] (as GETWITH): r[a] = "
     "r[b] and jump to d; else fall through"),
    ("GETOBJBINDING", "RRK", "r[a] = GetBindingValue of constants[c] in the with object r[b] (a "
     "deleted binding: undefined, or a ReferenceError in strict code)"),
    ("SETOBJBINDING", "RKR", "SetMutableBinding of constants[b] in the with object r[a] to r[c] "
     "(a deleted binding: recreated, or a ReferenceError in strict code)"),
    ("EVALSPREAD", "RRRK", "r[a] = r[b](...r[c]) (r[c] an array), as a direct eval with site "
     "constants[d] when r[b] is the Global's eval"),
    # calls with up to two arguments name every register (no copies into a window)
    ("RESTOBJECT", "RRRN", "r[a] = a new object with the own enumerable properties of r[b] except "
     "the keys in r[c] .. r[c+d-1] (object rest patterns)"),
    ("DECGLOBAL", "K", "subtract 1 from the global binding named constants[a] (as INCGLOBAL)"),
    ("SETGLOBALI", "KI", "assign b (a small integer, as a number) to the global binding named "
     "constants[a]"),
]

OPCODE: dict[str, int] = {name: i for i, (name, _, _) in enumerate(OPCODES)}
NAMES: list[str] = [name for name, _, _ in OPCODES]
OPERANDS: list[str] = [kinds for _, kinds, _ in OPCODES]

# Runs of registers an instruction reads besides its R operands, by opcode: (operand
# holding the first register, operand holding the count, offset of the run's start).
REGISTER_RUNS: dict[int, tuple[int, int, int]] = {OPCODE[name]: run for name, run in (
    ("NEWARRAY", (1, 2, 0)), ("CALL", (2, 3, 1)), ("NEW", (2, 3, 0)),
    ("SUPERCALL", (1, 2, 0)), ("EVAL", (2, 3, 0)), ("CALLFN", (1, 2, 1)),
    ("CALLPROP", (1, 3, 1)), ("RESTOBJECT", (2, 3, 0)))}
# Instructions that also write the register after their first operand.
WRITES_NEXT = frozenset(OPCODE[name] for name in ("GETGLOBALMETHOD",))
# Instructions after which control never falls through to the next one.
TERMINATORS = frozenset(OPCODE[name] for name in (
    "JMP", "RETURN", "RETURNUNDEF", "THROW", "THROWERROR"))

SIGNED_KINDS = frozenset("IJ")


