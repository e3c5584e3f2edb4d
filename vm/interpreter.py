"""The reference interpreter: the loop that runs one function activation.

``run`` reads like the machine's specification: one branch per instruction of
``compiler/bytecode/isa.py``, the hottest first (Python tests them in order). A JS call
is a Python call of ``run``; a JS exception is the Python exception ``JSThrow``
carrying the thrown value, caught at the bottom of the loop and sent to the innermost
handler of the exception table that covers the faulting instruction.

Metering: every backward jump and every call counts one step against the machine's
budget; when it runs out the host's limit hook decides whether to stop the Global.
"""

from __future__ import annotations

import operator

from compiler.bytecode.isa import OPCODE

from . import convert as C
from .arguments import create_arguments_object
from .async_generator import AwaitRequest, async_yield_star, get_async_iterator
from .builtins.iterator import plain_array_iteration
from .builtins.support import function_name
from .disposal import DisposeStack, add_resource, dispose, dispose_step, record_error
from .evaluators import EvalVars, perform_direct_eval
from .objects import (
    ACCESSOR,
    CONFIGURABLE,
    ENUMERABLE,
    ROM,
    WRITABLE,
    Cell,
    JSArray,
    JSError,
    JSFunction,
    JSNative,
    JSObject,
    JSThrow,
    PrivateName,
    Slot,
)
from .operations import (
    copy_data_properties,
    for_in_has,
    for_in_keys,
    instance_of,
    set_integrity_level,
)
from .records import GENSTART, GeneratorReturn, InnerResult, IterRecord
from .symbols import ITERATOR, UNSCOPABLES
from .values import HOLE, NULL, UNDEFINED

# Opcode numbers as constants the loop compares against (the table is the source).
OP_ADD = OPCODE["ADD"]
OP_ADDFIELD = OPCODE["ADDFIELD"]
OP_ADDPRIVATEMETHOD = OPCODE["ADDPRIVATEMETHOD"]
OP_ARGUMENTS = OPCODE["ARGUMENTS"]
OP_ARRAYHOLE = OPCODE["ARRAYHOLE"]
OP_ARRAYPUSH = OPCODE["ARRAYPUSH"]
OP_ARRAYSPREAD = OPCODE["ARRAYSPREAD"]
OP_AWAIT = OPCODE["AWAIT"]
OP_CALL = OPCODE["CALL"]
OP_CALLSPREAD = OPCODE["CALLSPREAD"]
OP_CHECKHOLE = OPCODE["CHECKHOLE"]
OP_CLOSURE = OPCODE["CLOSURE"]
OP_COPYPROPS = OPCODE["COPYPROPS"]
OP_DEC = OPCODE["DEC"]
OP_DEFCLASS = OPCODE["DEFCLASS"]
OP_DEFGETTER = OPCODE["DEFGETTER"]
OP_DEFGLOBAL = OPCODE["DEFGLOBAL"]
OP_DEFGLOBALS = OPCODE["DEFGLOBALS"]
OP_CALLFN = OPCODE["CALLFN"]
OP_CALLPROP = OPCODE["CALLPROP"]
OP_ADDI, OP_SUBI, OP_MULI, OP_MODI = (OPCODE[n] for n in ("ADDI", "SUBI", "MULI", "MODI"))
IMMEDIATE_ARITHMETIC = frozenset((OP_ADDI, OP_SUBI, OP_MULI, OP_MODI))
# compare-and-jump: opcode -> (index into FLOAT_TESTS/VALUE_TESTS, immediate operand?)
JUMP_TESTS = {OPCODE[f"JN{name}{imm}"]: (i, bool(imm))
              for i, name in enumerate(("LT", "LE", "GT", "GE", "SEQ", "SNE", "EQ", "NE"))
              for imm in ("", "I") if f"JN{name}{imm}" in OPCODE}
OP_HOLECELL = OPCODE["HOLECELL"]
OP_INITPROP = OPCODE["INITPROP"]
# the call forms after CALL: (where the function is: a register, a property of the base
# register or a closure cell; the arguments are in a window after the base register, or
# else each named by an operand after the function's)
CALLEE_REGISTER, CALLEE_PROPERTY, CALLEE_CELL = 0, 1, 2
CALL_FORMS = {OPCODE[name]: form for name, form in (
    ("CALLFN", (CALLEE_REGISTER, True)), ("CALLPROP", (CALLEE_PROPERTY, True)),
    ("CALLFN0", (CALLEE_REGISTER, False)), ("CALLFN1", (CALLEE_REGISTER, False)),
    ("CALLFN2", (CALLEE_REGISTER, False)), ("CALLPROP0", (CALLEE_PROPERTY, False)),
    ("CALLPROP1", (CALLEE_PROPERTY, False)), ("CALLPROP2", (CALLEE_PROPERTY, False)),
    ("CALLCELL1", (CALLEE_CELL, False)))}
OP_GETCELLCHECK = OPCODE["GETCELLCHECK"]
OP_DEFMETHOD = OPCODE["DEFMETHOD"]
OP_DEFPROP = OPCODE["DEFPROP"]
OP_DEFSETTER = OPCODE["DEFSETTER"]
OP_DELELEM = OPCODE["DELELEM"]
OP_DELPROP = OPCODE["DELPROP"]
OP_DIV = OPCODE["DIV"]
OP_FORINKEYS = OPCODE["FORINKEYS"]
OP_GETCELL = OPCODE["GETCELL"]
OP_GETELEM = OPCODE["GETELEM"]
OP_GETEXCEPTION = OPCODE["GETEXCEPTION"]
OP_GETGLOBAL = OPCODE["GETGLOBAL"]
OP_GETITERATOR = OPCODE["GETITERATOR"]
OP_GETPRIVATE = OPCODE["GETPRIVATE"]
OP_GETPROP = OPCODE["GETPROP"]
OP_GETSUPER = OPCODE["GETSUPER"]
OP_GETTEMPLATE = OPCODE["GETTEMPLATE"]
OP_TOOBJECT = OPCODE["TOOBJECT"]
OP_GETWITH = OPCODE["GETWITH"]
OP_SETWITH = OPCODE["SETWITH"]
OP_DELWITH = OPCODE["DELWITH"]
OP_DELGLOBAL = OPCODE["DELGLOBAL"]
OP_GENSTART = OPCODE["GENSTART"]
OP_GETASYNCITERATOR = OPCODE["GETASYNCITERATOR"]
OP_ITERCALLNEXT = OPCODE["ITERCALLNEXT"]
OP_ITERRESULT = OPCODE["ITERRESULT"]
OP_ASYNCITERCLOSE = OPCODE["ASYNCITERCLOSE"]
OP_GETDYN = OPCODE["GETDYN"]
OP_SETDYN = OPCODE["SETDYN"]
OP_EVAL = OPCODE["EVAL"]
OP_NEWEVALVARS = OPCODE["NEWEVALVARS"]
OP_DEFEVALVAR = OPCODE["DEFEVALVAR"]
OP_HASPRIVATE = OPCODE["HASPRIVATE"]
OP_IN = OPCODE["IN"]
OP_IMPORTCALL = OPCODE["IMPORTCALL"]
OP_USINGSTACK = OPCODE["USINGSTACK"]
OP_ADDUSING = OPCODE["ADDUSING"]
OP_USINGERROR = OPCODE["USINGERROR"]
OP_DISPOSE = OPCODE["DISPOSE"]
OP_DISPOSESTEP = OPCODE["DISPOSESTEP"]
OP_SETSUPER = OPCODE["SETSUPER"]
OP_SETHOME = OPCODE["SETHOME"]
OP_WITHBASE = OPCODE["WITHBASE"]
OP_GETOBJBINDING = OPCODE["GETOBJBINDING"]
OP_SETOBJBINDING = OPCODE["SETOBJBINDING"]
OP_EVALSPREAD = OPCODE["EVALSPREAD"]
OP_RESTOBJECT = OPCODE["RESTOBJECT"]
OP_INCGLOBAL = OPCODE["INCGLOBAL"]
OP_DECGLOBAL = OPCODE["DECGLOBAL"]
OP_GETGLOBALPROP = OPCODE["GETGLOBALPROP"]
OP_GETGLOBALMETHOD = OPCODE["GETGLOBALMETHOD"]
OP_SETGLOBALI = OPCODE["SETGLOBALI"]
OP_IMPORTMETA = OPCODE["IMPORTMETA"]
OP_INC = OPCODE["INC"]
OP_INITFIELDS = OPCODE["INITFIELDS"]
OP_INITGLOBAL = OPCODE["INITGLOBAL"]
OP_INSTANCEOF = OPCODE["INSTANCEOF"]
OP_ITERCLOSE = OPCODE["ITERCLOSE"]
OP_ITERNEXT = OPCODE["ITERNEXT"]
OP_JMP = OPCODE["JMP"]
OP_JMPIF = OPCODE["JMPIF"]
OP_JMPIFNOT = OPCODE["JMPIFNOT"]
OP_JMPIFUNDEF = OPCODE["JMPIFUNDEF"]
OP_JMPNOTNULLISH = OPCODE["JMPNOTNULLISH"]
OP_JMPNULLISH = OPCODE["JMPNULLISH"]
OP_LOADFALSE = OPCODE["LOADFALSE"]
OP_LOADHOLE = OPCODE["LOADHOLE"]
OP_LOADINT = OPCODE["LOADINT"]
OP_LOADK = OPCODE["LOADK"]
OP_LOADNULL = OPCODE["LOADNULL"]
OP_LOADTHIS = OPCODE["LOADTHIS"]
OP_LOADTRUE = OPCODE["LOADTRUE"]
OP_LOADUNDEF = OPCODE["LOADUNDEF"]
OP_LT = OPCODE["LT"]
OP_MODULEBODY = OPCODE["MODULEBODY"]
OP_MOVE = OPCODE["MOVE"]
OP_MUL = OPCODE["MUL"]
OP_NEW = OPCODE["NEW"]
OP_NEWARRAY = OPCODE["NEWARRAY"]
OP_NEWCELL = OPCODE["NEWCELL"]
OP_NEWOBJECT = OPCODE["NEWOBJECT"]
OP_NEWPRIVATE = OPCODE["NEWPRIVATE"]
OP_NEWREGEXP = OPCODE["NEWREGEXP"]
OP_NEWSPREAD = OPCODE["NEWSPREAD"]
OP_NEWTARGET = OPCODE["NEWTARGET"]
OP_NOT = OPCODE["NOT"]
OP_RESTARGS = OPCODE["RESTARGS"]
OP_RETURN = OPCODE["RETURN"]
OP_RETURNUNDEF = OPCODE["RETURNUNDEF"]
OP_SEQ = OPCODE["SEQ"]
OP_SETCELL = OPCODE["SETCELL"]
OP_SETELEM = OPCODE["SETELEM"]
OP_SETGLOBAL = OPCODE["SETGLOBAL"]
OP_SETPRIVATE = OPCODE["SETPRIVATE"]
OP_SETPROP = OPCODE["SETPROP"]
OP_SUB = OPCODE["SUB"]
OP_SUPERCALL = OPCODE["SUPERCALL"]
OP_SUPERCALLSPREAD = OPCODE["SUPERCALLSPREAD"]
OP_THROW = OPCODE["THROW"]
OP_THROWERROR = OPCODE["THROWERROR"]
OP_TONUMERIC = OPCODE["TONUMERIC"]
OP_TOPROPERTYKEY = OPCODE["TOPROPERTYKEY"]
OP_TOSTRING = OPCODE["TOSTRING"]
OP_TYPEOF = OPCODE["TYPEOF"]
OP_TYPEOFGLOBAL = OPCODE["TYPEOFGLOBAL"]
OP_TYPEIS = OPCODE["TYPEIS"]
OP_JTYPEIS = OPCODE["JTYPEIS"]
OP_JNTYPEIS = OPCODE["JNTYPEIS"]
OP_YIELD = OPCODE["YIELD"]
OP_CLOSURECELL = OPCODE["CLOSURECELL"]
OP_GETTHISPROP = OPCODE["GETTHISPROP"]
OP_SETTHISPROP = OPCODE["SETTHISPROP"]
OP_JMPNOTUNDEF = OPCODE["JMPNOTUNDEF"]
OP_GETCELLPROP = OPCODE["GETCELLPROP"]
OP_CLOSURECELLS = OPCODE["CLOSURECELLS"]
# jumps on undefined (or null too): (jump when the value is so, null counts too)
NULLISH_JUMPS = {OP_JMPNULLISH: (True, True), OP_JMPNOTNULLISH: (False, True),
                 OP_JMPIFUNDEF: (True, False), OP_JMPNOTUNDEF: (False, False)}
OP_YIELDSTAR = OPCODE["YIELDSTAR"]

ERROR_KINDS = ("TypeError", "ReferenceError", "SyntaxError", "RangeError")


class StepLimit(Exception):
    """Raised by a limit hook to stop the running Global (fail-stop)."""


class ArrayIter:
    """The fast iterator record of an array whose iteration is unmodified."""

    __slots__ = ("array", "index")

    def __init__(self, array: JSArray):
        self.array = array
        self.index = 0


class KeyIter:
    """for-in: the enumerable string keys of an object and its prototypes."""

    __slots__ = ("obj", "keys", "index")

    def __init__(self, obj, keys):
        self.obj = obj
        self.keys = keys
        self.index = 0


class ConstructorReturnError(Exception):
    """A derived constructor returned a non-object, or without binding `this`: the error
    belongs to [[Construct]], after the body, so the body's own handlers must not catch
    it. ``construct`` turns it back into the JavaScript error."""

    def __init__(self, error: JSError) -> None:
        super().__init__(error)
        self.error = error


class Interpreter:
    def __init__(self, machine, tier: bool | str = False):
        self.machine = machine
        self.tier = tier  # run functions through vm/tier.py's translations ("eager": all)
        self.steps = 0  # counts down; at zero the limit hook runs
        self.depth = 0

    # ------------------------------------------------------------------ calls

    def call(self, f, this, args):
        """Call any JavaScript function value."""
        if type(f) is JSFunction:
            if f.code.kind in ("constructor", "derived"):
                raise JSError("TypeError", f"Class constructor {f.code.name} cannot be "
                                           "invoked without 'new'")
            return self.run(f, this, args, UNDEFINED)
        if type(f) is JSNative or isinstance(f, JSNative):
            return f.fn(this, args)
        raise JSError("TypeError", f"{C.type_of(f) if f is not UNDEFINED else 'undefined'} "
                                   "is not a function")

    def construct(self, f, args, new_target=None):
        """[[Construct]] of any constructor value."""
        if new_target is None:
            new_target = f
        if type(f) is JSFunction:
            kind = f.code.kind
            if kind in ("arrow", "method") or f.code.generator or f.code.is_async:
                raise JSError("TypeError", f"{f.code.name or 'anonymous'} is not a constructor")
            if kind == "derived":
                try:
                    return self.run(f, HOLE, args, new_target)
                except ConstructorReturnError as e:
                    raise e.error from None
            proto = new_target.get("prototype")
            if not isinstance(proto, JSObject):
                proto = self.machine.realm.object_prototype
            obj = JSObject(proto)
            result = self.run(f, obj, args, new_target)
            return result if isinstance(result, JSObject) else obj
        if isinstance(f, JSNative) and f.construct is not None:
            return f.construct(args, new_target)
        raise JSError("TypeError", f"{C.type_of(f)} is not a constructor")

    def make_closure(self, code, cells, global_env):
        realm = self.machine.realm
        fn = JSFunction(realm.function_prototype, code, cells, global_env)
        fn.define("length", float(code.length), CONFIGURABLE)
        fn.define("name", code.name, CONFIGURABLE)
        if code.generator:
            kind = "AsyncGenerator" if code.is_async else "Generator"
            fn.proto = realm.intrinsics[f"%{kind}Function.prototype%"]
            proto = JSObject(realm.intrinsics[f"%{kind}Prototype%"])
            fn.define("prototype", proto, WRITABLE)
        elif code.is_async:
            fn.proto = realm.intrinsics["%AsyncFunction.prototype%"]
        elif code.kind == "normal" and not code.is_async:
            fn.constructor_kind = "base"
            proto = JSObject(realm.object_prototype)
            proto.define("constructor", fn, WRITABLE | CONFIGURABLE)
            fn.define("prototype", proto, WRITABLE)
        return fn

    # ------------------------------------------------------------------ the loop

    def run(self, fn: JSFunction, this, args: list, new_target):
        """Run one activation to completion (a generator function makes its object)."""
        code = fn.code
        frame = None
        if self.tier:
            entry = code.tier
            if not entry and entry is not False:  # not yet translated
                from .tier import prepare as tier_prepare  # loads with the first call

                entry = tier_prepare(code, self.tier == "eager")
            if entry:
                if not (code.generator or code.is_async):
                    return entry(self, fn, this, args, new_target)  # keeps the depth itself
                frame = entry(self, fn, this, args, new_target)
        if frame is None:
            frame = self.frame(fn, this, args, new_target)
        if code.generator:
            # FunctionDeclarationInstantiation runs now: parameter errors throw at the call
            self.depth += 1
            try:
                frame.send(None)
            finally:
                self.depth -= 1
            if code.is_async:
                return self.machine.async_generators.start(fn, frame)
            return self.machine.make_generator(fn, frame)
        if fn.code.is_async:
            return self.machine.promises.start_async(frame)
        self.depth += 1
        if self.depth > self.machine.max_depth:
            self.depth -= 1
            raise JSError("RangeError", "Maximum call stack size exceeded")
        try:
            frame.send(None)
        except StopIteration as done:
            return done.value
        finally:
            self.depth -= 1
        raise JSError("SyntaxError", "yield outside a generator")

    def frame(self, fn: JSFunction, this, args: list, new_target):
        """One activation as a Python generator: `yield` in JavaScript is `yield` here."""
        code = fn.code
        instructions = code.code
        consts = code.constants
        regs = [UNDEFINED] * code.registers
        nparams = code.params
        if args:
            n = min(len(args), nparams)
            regs[:n] = args[:n]
        cells = [Cell() for _ in range(code.cells)]
        if fn.cells:
            cells.extend(fn.cells)
        for r, c in code.param_cells:
            cells[c].value = regs[r]
        if not code.strict and code.kind != "arrow":
            if this is UNDEFINED or this is NULL:
                this = fn.global_env.global_object
            elif not isinstance(this, JSObject):
                this = C.to_object(self.machine.realm, this)
        g = fn.global_env
        machine = self.machine
        if g.halted:  # terminated (calls throw), or gated: a call from outside is its turn
            result = machine.limits.enter(g, fn, this, args, new_target)
            if result is not None:
                return result
        realm = machine.realm
        exception = UNDEFINED
        pc = 0
        if True:
            while True:
                try:
                    while True:
                        ins = instructions[pc]
                        pc += 1
                        op = ins[0]
                        if op == OP_MOVE:
                            regs[ins[1]] = regs[ins[2]]
                        elif op == OP_GETPROP:
                            obj = regs[ins[2]]
                            key = consts[ins[3]]
                            if type(obj) is JSObject:
                                v = obj.props.get(key, HOLE)
                                if v is HOLE or type(v) is Slot:
                                    v = obj.get(key, obj)
                                regs[ins[1]] = v
                            else:
                                regs[ins[1]] = self.get_property(obj, key)
                        elif op == OP_LOADINT:
                            regs[ins[1]] = float(ins[2])
                        elif op == OP_ADD:
                            a = regs[ins[2]]
                            b = regs[ins[3]]
                            if type(a) is float and type(b) is float:
                                regs[ins[1]] = a + b
                            elif (type(a) is str and type(b) is str
                                  and len(a) + len(b) <= C.MAX_STRING_LENGTH):
                                regs[ins[1]] = a + b
                            else:
                                regs[ins[1]] = C.js_add(a, b)
                        elif op == OP_LT:
                            a = regs[ins[2]]
                            b = regs[ins[3]]
                            if type(a) is float and type(b) is float:
                                regs[ins[1]] = a < b
                            else:
                                regs[ins[1]] = C.js_lt(a, b)
                        elif op == OP_JMPIFNOT:
                            v = regs[ins[1]]
                            if v is False or not (v is True or C.to_boolean(v)):
                                target = ins[2]
                                if target < pc:
                                    self.steps -= 1
                                    if self.steps < 0:
                                        machine.out_of_steps()
                                pc = target
                        elif op in JUMP_TESTS:
                            test, immediate = JUMP_TESTS[op]
                            a = regs[ins[1]]
                            b = float(ins[2]) if immediate else regs[ins[2]]
                            if not (FLOAT_TESTS[test](a, b) if type(a) is float and
                                    type(b) is float else VALUE_TESTS[test](a, b)):
                                target = ins[3]
                                if target < pc:
                                    self.steps -= 1
                                    if self.steps < 0:
                                        machine.out_of_steps()
                                pc = target
                        elif op in IMMEDIATE_ARITHMETIC:
                            a = regs[ins[2]]
                            k = float(ins[3])
                            if op == OP_ADDI:
                                regs[ins[1]] = a + k if type(a) is float else C.js_add(a, k)
                            elif op == OP_SUBI:
                                regs[ins[1]] = a - k if type(a) is float else C.js_sub(a, k)
                            elif op == OP_MULI:
                                regs[ins[1]] = a * k if type(a) is float else C.js_mul(a, k)
                            else:
                                regs[ins[1]] = C.js_mod(a, k)
                        elif op == OP_JMP:
                            target = ins[1]
                            if target < pc:
                                self.steps -= 1
                                if self.steps < 0:
                                    machine.out_of_steps()
                            pc = target
                        elif op == OP_CALL:
                            f = regs[ins[2]]
                            base = ins[3]
                            call_args = regs[base + 1 : base + 1 + ins[4]]
                            self.steps -= 1
                            if self.steps < 0:
                                machine.out_of_steps()
                            if type(f) is JSFunction:
                                regs[ins[1]] = self.call(f, regs[base], call_args)
                            elif isinstance(f, JSNative):
                                regs[ins[1]] = f.fn(regs[base], call_args)
                            else:
                                raise JSError("TypeError", f"{C.describe(f)} is not a function")
                        elif op in CALL_FORMS:
                            callee, window = CALL_FORMS[op]
                            base = ins[2]
                            prop = callee == CALLEE_PROPERTY
                            if prop:
                                this_arg = regs[base]
                                key = consts[ins[3]]
                                if type(this_arg) is JSObject:
                                    f = this_arg.props.get(key, HOLE)
                                    if f is HOLE or type(f) is Slot:
                                        f = this_arg.get(key, this_arg)
                                else:
                                    f = self.get_property(this_arg, key)
                            else:
                                f = regs[base] if callee == CALLEE_REGISTER else cells[base].value
                                this_arg = UNDEFINED
                            if window:
                                call_args = regs[base + 1 : base + 1 + ins[-1]]
                            else:
                                call_args = [regs[r] for r in ins[4 if prop else 3:]]
                            self.steps -= 1
                            if self.steps < 0:
                                machine.out_of_steps()
                            if type(f) is JSFunction:
                                regs[ins[1]] = self.call(f, this_arg, call_args)
                            elif isinstance(f, JSNative):
                                regs[ins[1]] = f.fn(this_arg, call_args)
                            else:
                                raise JSError("TypeError", f"{C.describe(f)} is not a function")
                        elif op == OP_GETELEM:
                            obj = regs[ins[2]]
                            key = regs[ins[3]]
                            if type(obj) is JSArray and type(key) is float \
                                    and 0.0 <= key < 4294967295.0:
                                i = int(key)
                                items = obj.items
                                if i == key and 0 <= i < len(items) and items[i] is not HOLE:
                                    regs[ins[1]] = items[i]
                                    continue
                            regs[ins[1]] = self.get_element(obj, key)
                        elif op == OP_LOADK:
                            regs[ins[1]] = consts[ins[2]]
                        elif op == OP_SUB:
                            a = regs[ins[2]]
                            b = regs[ins[3]]
                            if type(a) is float and type(b) is float:
                                regs[ins[1]] = a - b
                            else:
                                regs[ins[1]] = C.js_sub(a, b)
                        elif op == OP_RETURN:
                            if new_target is UNDEFINED:
                                return regs[ins[1]]
                            return self.constructor_result(
                                code, regs[ins[1]], this,
                                cells[code.this_cell] if code.this_cell >= 0 else None)
                        elif op == OP_GETCELL:
                            regs[ins[1]] = cells[ins[2]].value
                        elif op == OP_GETCELLPROP:
                            regs[ins[1]] = self.get_property(cells[ins[2]].value, consts[ins[3]])
                        elif op == OP_SETCELL:
                            cells[ins[1]].value = regs[ins[2]]
                        elif op == OP_INC:
                            a = regs[ins[2]]
                            regs[ins[1]] = a + 1.0 if type(a) is float else self.increment(a, 1)
                        elif op == OP_TONUMERIC:
                            a = regs[ins[2]]
                            regs[ins[1]] = a if type(a) is float else C.to_numeric(a)
                        elif op == OP_SETPROP:
                            obj = regs[ins[1]]
                            key = consts[ins[2]]
                            v = regs[ins[3]]
                            if type(obj) is JSObject and obj.segment is None:
                                props = obj.props
                                old = props.get(key, HOLE)
                                if old is not HOLE and type(old) is not Slot:
                                    props[key] = v
                                    continue
                            self.set_property(obj, key, v, code.strict)
                        elif op == OP_SETELEM:
                            obj = regs[ins[1]]
                            key = regs[ins[2]]
                            v = regs[ins[3]]
                            if type(obj) is JSArray and type(key) is float \
                                    and 0.0 <= key < 4294967295.0:
                                i = int(key)
                                items = obj.items
                                if i == key and 0 <= i < len(items) and items[i] is not HOLE \
                                        and obj.segment is None and not obj.props:
                                    items[i] = v
                                    continue
                                if i == key and i == len(items) and obj.extensible \
                                        and obj.length_writable and obj.segment is None \
                                        and not obj.props:
                                    items.append(v)
                                    continue
                            self.set_property(obj, C.to_property_key(key), v, code.strict)
                        elif op == OP_JMPIF:
                            v = regs[ins[1]]
                            if v is True or (v is not False and C.to_boolean(v)):
                                target = ins[2]
                                if target < pc:
                                    self.steps -= 1
                                    if self.steps < 0:
                                        machine.out_of_steps()
                                pc = target
                        elif op == OP_MUL:
                            a = regs[ins[2]]
                            b = regs[ins[3]]
                            if type(a) is float and type(b) is float:
                                regs[ins[1]] = a * b
                            else:
                                regs[ins[1]] = C.js_mul(a, b)
                        elif op == OP_DIV:
                            a = regs[ins[2]]
                            b = regs[ins[3]]
                            if type(a) is float and type(b) is float and b:
                                regs[ins[1]] = a / b
                            else:
                                regs[ins[1]] = C.js_div(a, b)
                        elif op == OP_SEQ:
                            a = regs[ins[2]]
                            b = regs[ins[3]]
                            if type(a) is float and type(b) is float:
                                regs[ins[1]] = a == b
                            else:
                                regs[ins[1]] = C.strict_equals(a, b)
                        elif op in _COMPARE:
                            regs[ins[1]] = _COMPARE[op](regs[ins[2]], regs[ins[3]])
                        elif op in _ARITH:
                            regs[ins[1]] = _ARITH[op](regs[ins[2]], regs[ins[3]])
                        elif op == OP_GETGLOBAL:
                            regs[ins[1]] = self.get_global(g, consts[ins[2]])
                        elif op == OP_SETGLOBAL:
                            self.set_global(g, consts[ins[1]], regs[ins[2]], code.strict)
                        elif op == OP_GETGLOBALPROP:
                            regs[ins[1]] = self.get_property(self.get_global(g, consts[ins[2]]),
                                                             consts[ins[3]])
                        elif op == OP_GETGLOBALMETHOD:
                            obj = regs[ins[1] + 1] = self.get_global(g, consts[ins[2]])
                            regs[ins[1]] = self.get_property(obj, consts[ins[3]])
                        elif op == OP_SETGLOBALI:
                            self.set_global(g, consts[ins[1]], float(ins[2]), code.strict)
                        elif op == OP_INCGLOBAL:
                            self.update_global(g, consts[ins[1]], 1, code.strict)
                        elif op == OP_DECGLOBAL:
                            self.update_global(g, consts[ins[1]], -1, code.strict)
                        elif op == OP_LOADUNDEF:
                            regs[ins[1]] = UNDEFINED
                        elif op == OP_LOADTHIS:
                            if this is HOLE:
                                this = self.this_after_super(code, cells)
                            regs[ins[1]] = this
                        elif op == OP_CLOSURE:
                            child = code.functions[ins[2]]
                            regs[ins[1]] = self.new_closure(
                                fn, child, [cells[i] for i in child.captures], g, new_target)
                        elif op == OP_CLOSURECELL:
                            child = code.functions[ins[2]]
                            cells[ins[1]].value = self.new_closure(
                                fn, child, [cells[i] for i in child.captures], g, new_target)
                        elif op == OP_CLOSURECELLS:
                            for i, f in zip(range(ins[1], ins[2] + 1),
                                            range(ins[3], ins[4] + 1), strict=False):
                                child = code.functions[f]
                                cells[i].value = self.new_closure(
                                    fn, child, [cells[j] for j in child.captures], g,
                                    new_target)
                        elif op == OP_GETTHISPROP or op == OP_SETTHISPROP:
                            if this is HOLE:
                                this = self.this_after_super(code, cells)
                            if op == OP_GETTHISPROP:
                                regs[ins[1]] = self.get_property(this, consts[ins[2]])
                            else:
                                self.set_property(this, consts[ins[1]], regs[ins[2]],
                                                  code.strict)
                        elif op == OP_DEC:
                            a = regs[ins[2]]
                            regs[ins[1]] = a - 1.0 if type(a) is float else self.increment(a, -1)
                        elif op == OP_NOT:
                            v = regs[ins[2]]
                            regs[ins[1]] = not (v if type(v) is bool else C.to_boolean(v))
                        elif op == OP_LOADTRUE:
                            regs[ins[1]] = True
                        elif op == OP_LOADFALSE:
                            regs[ins[1]] = False
                        elif op == OP_LOADNULL:
                            regs[ins[1]] = NULL
                        elif op == OP_LOADHOLE:
                            regs[ins[1]] = HOLE
                        elif op == OP_CHECKHOLE:
                            if regs[ins[1]] is HOLE:
                                raise JSError("ReferenceError", f"Cannot access "
                                              f"'{consts[ins[2]]}' before initialization")
                        elif op == OP_GETCELLCHECK:
                            v = cells[ins[2]].value
                            if v is HOLE:
                                raise JSError("ReferenceError", f"Cannot access "
                                              f"'{consts[ins[3]]}' before initialization")
                            regs[ins[1]] = v
                        elif op == OP_HOLECELL:
                            cells[ins[1]].value = HOLE
                        elif op == OP_NEWCELL:
                            cells[ins[1]] = Cell()
                        elif op == OP_RETURNUNDEF:
                            if new_target is UNDEFINED:
                                return UNDEFINED
                            return self.constructor_result(
                                code, UNDEFINED, this,
                                cells[code.this_cell] if code.this_cell >= 0 else None)
                        elif op == OP_NEWOBJECT:
                            regs[ins[1]] = JSObject(realm.object_prototype)
                        elif op == OP_NEWARRAY:
                            start = ins[2]
                            regs[ins[1]] = JSArray(realm.array_prototype,
                                                   regs[start : start + ins[3]])
                        elif op == OP_ARRAYPUSH:
                            regs[ins[1]].items.append(regs[ins[2]])
                        elif op == OP_ARRAYHOLE:
                            regs[ins[1]].items.append(HOLE)
                        elif op == OP_ARRAYSPREAD:
                            items = regs[ins[1]].items
                            for v in self.iterate(regs[ins[2]]):
                                items.append(v)
                        elif op == OP_DEFPROP or op == OP_INITPROP:
                            obj = regs[ins[1]]
                            key = regs[ins[2]] if op == OP_DEFPROP else consts[ins[2]]
                            if type(obj) is JSObject:
                                obj.props[key] = regs[ins[3]]
                            else:
                                obj.define_own_property(key, Slot(regs[ins[3]]))
                        elif op == OP_DEFGETTER or op == OP_DEFSETTER:
                            obj = regs[ins[1]]
                            key = regs[ins[2]]
                            current = obj.get_own_property(key)
                            getter = setter = UNDEFINED
                            if current is not None and current.is_accessor:
                                getter, setter = current.getter, current.setter
                            if op == OP_DEFGETTER:
                                getter = regs[ins[3]]
                            else:
                                setter = regs[ins[3]]
                            obj.props.pop(key, None)
                            obj.define_accessor(key, getter, setter, ENUMERABLE | CONFIGURABLE)
                        elif op == OP_COPYPROPS:
                            copy_data_properties(regs[ins[1]], regs[ins[2]])
                        elif op == OP_RESTOBJECT:
                            base = ins[3]
                            regs[ins[1]] = copy_data_properties(
                                JSObject(realm.object_prototype), regs[ins[2]],
                                frozenset(regs[base:base + ins[4]]))
                        elif op == OP_TOSTRING:
                            v = regs[ins[2]]
                            regs[ins[1]] = v if type(v) is str else C.to_string(v)
                        elif op == OP_TOPROPERTYKEY:
                            regs[ins[1]] = C.to_property_key(regs[ins[2]])
                        elif op in NULLISH_JUMPS:
                            v = regs[ins[1]]
                            when, null_too = NULLISH_JUMPS[op]
                            if (v is UNDEFINED or null_too and v is NULL) is when:
                                target = ins[2]
                                if target < pc:  # the compiler never jumps back; an image may
                                    self.steps -= 1
                                    if self.steps < 0:
                                        machine.out_of_steps()
                                pc = target
                        elif op == OP_JTYPEIS or op == OP_JNTYPEIS:
                            if (C.type_of(regs[ins[1]]) == consts[ins[2]]) is \
                                    (op == OP_JTYPEIS):
                                target = ins[3]
                                if target < pc:
                                    self.steps -= 1
                                    if self.steps < 0:
                                        machine.out_of_steps()
                                pc = target
                        elif op == OP_TYPEIS:
                            regs[ins[1]] = C.type_of(regs[ins[2]]) == consts[ins[3]]
                        elif op in _UNARY:
                            regs[ins[1]] = _UNARY[op](regs[ins[2]])
                        elif op == OP_TYPEOF:
                            regs[ins[1]] = C.type_of(regs[ins[2]])
                        elif op == OP_TYPEOFGLOBAL:
                            regs[ins[1]] = self.typeof_global(g, consts[ins[2]])
                        elif op == OP_INSTANCEOF:
                            regs[ins[1]] = instance_of(realm, regs[ins[2]], regs[ins[3]])
                        elif op == OP_IN:
                            target = regs[ins[3]]
                            if not isinstance(target, JSObject):
                                raise JSError("TypeError", "Cannot use 'in' operator to "
                                              "search for a key in a non-object")
                            regs[ins[1]] = target.has_property(C.to_property_key(regs[ins[2]]))
                        elif op == OP_NEW:
                            start = ins[3]
                            self.steps -= 1
                            regs[ins[1]] = self.construct(regs[ins[2]],
                                                          regs[start : start + ins[4]])
                        elif op == OP_CALLSPREAD:
                            regs[ins[1]] = self.call(regs[ins[2]], regs[ins[3]],
                                                     list(regs[ins[4]].items))
                        elif op == OP_NEWSPREAD:
                            regs[ins[1]] = self.construct(regs[ins[2]], list(regs[ins[3]].items))
                        elif op == OP_THROW:
                            v = regs[ins[1]]
                            if type(v) is GeneratorReturn:
                                raise v
                            raise JSThrow(v)
                        elif op == OP_THROWERROR:
                            raise JSError(ERROR_KINDS[ins[1]], consts[ins[2]])
                        elif op == OP_GETEXCEPTION:
                            regs[ins[1]] = exception
                        elif op == OP_GETITERATOR:
                            regs[ins[1]] = self.get_iterator(regs[ins[2]])
                        elif op == OP_ITERNEXT:
                            done, value = self.iterator_step(regs[ins[2]])
                            if done:
                                pc = ins[3]
                            else:
                                regs[ins[1]] = value
                        elif op == OP_ITERCLOSE:
                            self.close_iterator(regs[ins[1]], ins[2], exception)
                        elif op == OP_FORINKEYS:
                            regs[ins[1]] = self.for_in_keys(regs[ins[2]])
                        elif op == OP_DELPROP or op == OP_DELELEM:
                            obj = regs[ins[2]]
                            key = consts[ins[3]] if op == OP_DELPROP \
                                else C.to_property_key(regs[ins[3]])
                            regs[ins[1]] = self.delete_property(obj, key, code.strict)
                        elif op == OP_DEFGLOBAL:
                            self.declare_global(g, consts[ins[1]], ins[2])
                        elif op == OP_DEFGLOBALS:
                            self.declare_globals(g, consts[ins[1]], ins[2], ins[3], ins[4])
                        elif op == OP_INITGLOBAL:
                            g.lexical[consts[ins[1]]] = regs[ins[2]]
                        elif op == OP_ARGUMENTS:
                            regs[ins[1]] = create_arguments_object(
                                realm, fn, args, [(r, cells[c]) for r, c in code.param_cells]
                                if code.mapped_arguments else None)
                        elif op == OP_RESTARGS:
                            regs[ins[1]] = JSArray(realm.array_prototype, list(args[nparams:]))
                        elif op == OP_DEFCLASS:
                            self.define_class(regs[ins[1]], regs[ins[2]])
                        elif op == OP_DEFMETHOD:
                            self.define_method(regs[ins[1]], regs[ins[2]], regs[ins[3]], ins[4])
                        elif op == OP_ADDFIELD:
                            self.add_field(regs[ins[1]], regs[ins[2]], regs[ins[3]])
                        elif op == OP_INITFIELDS:
                            if fn.fields:
                                self.init_fields(fn, this)
                        elif op == OP_SUPERCALL or op == OP_SUPERCALLSPREAD:
                            if op == OP_SUPERCALL:
                                start = ins[2]
                                super_args = regs[start : start + ins[3]]
                            else:
                                super_args = list(regs[ins[2]].items)
                            if code.this_cell >= 0:  # super() of an arrow, or with one
                                regs[ins[1]] = self.super_call_through_cell(
                                    fn, cells[code.this_cell], super_args, new_target)
                                continue
                            parent = fn.proto
                            if not C.is_constructor(parent):
                                raise JSError("TypeError", "Super constructor is not a "
                                                           "constructor")
                            result = self.construct(parent, super_args, new_target)
                            if this is not HOLE:
                                raise JSError("ReferenceError", "Super constructor may only "
                                                                "be called once")
                            this = result
                            if fn.fields:
                                self.init_fields(fn, this)
                            regs[ins[1]] = result
                        elif op == OP_GETSUPER:
                            regs[ins[1]] = self.get_super(fn, this, regs[ins[2]])
                        elif op == OP_NEWTARGET:
                            regs[ins[1]] = new_target if code.kind != "arrow" else \
                                fn.outer_new_target
                        elif op == OP_YIELD:
                            regs[ins[1]] = yield regs[ins[2]]
                        elif op == OP_AWAIT:
                            v = regs[ins[2]]
                            regs[ins[1]] = yield (AwaitRequest(v) if code.generator else v)
                        elif op == OP_YIELDSTAR:
                            if code.is_async:
                                regs[ins[1]] = yield from async_yield_star(self, regs[ins[2]])
                            else:
                                regs[ins[1]] = yield from self.yield_star(regs[ins[2]])
                        elif op == OP_GETWITH:
                            obj = regs[ins[2]]
                            name = consts[ins[3]]
                            if self.with_has_binding(obj, name):
                                regs[ins[1]] = self.object_binding_value(obj, name, code.strict)
                                pc = ins[4]
                        elif op == OP_SETWITH:
                            obj = regs[ins[1]]
                            name = consts[ins[2]]
                            if self.with_has_binding(obj, name):
                                self.set_object_binding(obj, name, regs[ins[3]], code.strict)
                                pc = ins[4]
                        elif op == OP_WITHBASE:
                            obj = regs[ins[2]]
                            if self.with_has_binding(obj, consts[ins[3]]):
                                regs[ins[1]] = obj
                                pc = ins[4]
                        elif op == OP_GETOBJBINDING:
                            regs[ins[1]] = self.object_binding_value(regs[ins[2]],
                                                                     consts[ins[3]], code.strict)
                        elif op == OP_SETOBJBINDING:
                            self.set_object_binding(regs[ins[1]], consts[ins[2]], regs[ins[3]],
                                                    code.strict)
                        elif op == OP_DELWITH:
                            obj = regs[ins[2]]
                            name = consts[ins[3]]
                            if self.with_has_binding(obj, name):
                                regs[ins[1]] = obj.delete(name)
                                pc = ins[4]
                        elif op == OP_TOOBJECT:
                            regs[ins[1]] = C.to_object(realm, regs[ins[2]])
                        elif op == OP_GENSTART:
                            yield GENSTART
                        elif op == OP_GETASYNCITERATOR:
                            regs[ins[1]] = get_async_iterator(self, regs[ins[2]])
                        elif op == OP_ITERCALLNEXT:
                            record = regs[ins[2]]
                            regs[ins[1]] = self.call(record.next, record.iterator, [])
                        elif op == OP_ITERRESULT:
                            result = regs[ins[2]]
                            if not isinstance(result, JSObject):
                                raise JSError("TypeError", f"Iterator result "
                                              f"{C.to_string(result)} is not an object")
                            if C.to_boolean(result.get("done", result)):
                                pc = ins[3]
                            else:
                                regs[ins[1]] = result.get("value", result)
                        elif op == OP_ASYNCITERCLOSE:
                            record = regs[ins[2]]
                            method = record.iterator.get("return", record.iterator)
                            regs[ins[1]] = UNDEFINED if method is UNDEFINED or method is NULL \
                                else self.call(method, record.iterator, [])
                        elif op == OP_NEWPRIVATE:
                            regs[ins[1]] = PrivateName(consts[ins[2]])
                        elif op == OP_NEWREGEXP:
                            regs[ins[1]] = realm.regexp_create(consts[ins[2]], consts[ins[3]])
                        elif op == OP_GETPRIVATE:
                            regs[ins[1]] = self.get_private(regs[ins[2]], regs[ins[3]])
                        elif op == OP_SETPRIVATE:
                            self.set_private(regs[ins[1]], regs[ins[2]], regs[ins[3]])
                        elif op == OP_HASPRIVATE:
                            target = regs[ins[3]]
                            if not isinstance(target, JSObject):
                                raise JSError("TypeError", "Cannot use 'in' operator to search "
                                              f"for '{regs[ins[2]].description}' in "
                                              f"{C.to_string(target)}")
                            regs[ins[1]] = regs[ins[2]] in target.props
                        elif op == OP_ADDPRIVATEMETHOD:
                            F = regs[ins[1]]
                            method = regs[ins[3]]
                            flavour = ins[4]
                            if flavour >= 3:
                                method.home_object = F
                                self.install_private_method(F, regs[ins[2]], method,
                                                            flavour - 3)
                            else:
                                method.home_object = F.home_object
                                F.fields.insert(self.method_count(F),
                                                (regs[ins[2]], method, flavour))
                        elif op == OP_GETDYN:
                            scope = cells[ins[2]].value
                            name = consts[ins[4]]
                            n = ins[3]
                            while n and scope is not None:
                                if name in scope.vars:
                                    regs[ins[1]] = scope.vars[name]
                                    pc = ins[5]
                                    break
                                scope = scope.parent
                                n -= 1
                        elif op == OP_SETDYN:
                            scope = cells[ins[1]].value
                            name = consts[ins[3]]
                            n = ins[2]
                            while n and scope is not None:
                                if name in scope.vars:
                                    scope.vars[name] = regs[ins[4]]
                                    pc = ins[5]
                                    break
                                scope = scope.parent
                                n -= 1
                        elif op == OP_EVAL:
                            start = ins[3]
                            regs[ins[1]] = self.call_eval(
                                fn, cells, this, new_target, regs[ins[2]],
                                regs[start : start + ins[4]], consts[ins[5]])
                        elif op == OP_EVALSPREAD:
                            regs[ins[1]] = self.call_eval(
                                fn, cells, this, new_target, regs[ins[2]],
                                list(regs[ins[3]].items), consts[ins[4]])
                        elif op == OP_NEWEVALVARS:
                            cells[ins[1]].value = EvalVars(cells[ins[2] - 1].value
                                                           if ins[2] else None)
                        elif op == OP_DEFEVALVAR:
                            scope = cells[ins[1]].value
                            scope.vars.setdefault(consts[ins[2]], UNDEFINED)
                        elif op == OP_GETTEMPLATE:
                            regs[ins[1]] = self.template_object(consts[ins[2]])
                        elif op == OP_MODULEBODY:
                            yield UNDEFINED  # instantiated; Evaluate resumes the frame
                        elif op == OP_IMPORTCALL:
                            regs[ins[1]] = machine.modules.import_call(
                                fn.referrer, g, regs[ins[2]], regs[ins[3]], ins[4])
                        elif op == OP_IMPORTMETA:
                            regs[ins[1]] = machine.modules.import_meta(fn.referrer)
                        elif op == OP_USINGSTACK:
                            regs[ins[1]] = DisposeStack()
                        elif op == OP_ADDUSING:
                            add_resource(machine, regs[ins[1]], regs[ins[2]], ins[3])
                        elif op == OP_USINGERROR:
                            record_error(machine, regs[ins[1]], regs[ins[2]])
                        elif op == OP_DISPOSE:
                            dispose(machine, regs[ins[1]])
                        elif op == OP_SETHOME:
                            regs[ins[1]].home_object = regs[ins[2]]
                        elif op == OP_DELGLOBAL:
                            regs[ins[1]] = self.delete_global(g, consts[ins[2]])
                        elif op == OP_SETSUPER:
                            self.set_super(fn, this, regs[ins[1]], regs[ins[2]], code.strict)
                        elif op == OP_DISPOSESTEP:
                            step = dispose_step(machine, regs[ins[2]])
                            if step is None:
                                pc = ins[3]
                            else:
                                regs[ins[1]] = step
                        else:
                            raise JSError("SyntaxError", f"unknown instruction {op}")
                except JSThrow as e:
                    value = e.value
                    target = _handler(code.handlers, pc - 1)
                    if target < 0:
                        raise
                    exception = value
                    pc = target
                except JSError as e:
                    target = _handler(code.handlers, pc - 1)
                    if target < 0:
                        raise
                    exception = machine.error_object(e, g)
                    pc = target
                except GeneratorReturn as e:
                    target = _handler(code.handlers, pc - 1, finally_only=True)
                    if target < 0:
                        raise
                    exception = e  # a finally block rethrows it after running
                    pc = target
                except RecursionError:
                    target = _handler(code.handlers, pc - 1)
                    err = JSError("RangeError", "Maximum call stack size exceeded")
                    if target < 0:
                        raise err from None
                    exception = machine.error_object(err, g)
                    pc = target

    # ------------------------------------------------------------------ helpers

    def yield_star(self, iterable):
        """yield*: forward next/throw/return to the inner iterator (a Python generator)."""
        record = self.get_iterator(iterable)
        if type(record) is ArrayIter:
            while True:
                done, value = self.iterator_step(record)
                if done:
                    return UNDEFINED
                yield value
        iterator = record.iterator
        received = UNDEFINED
        method = record.next
        mode = "next"
        while True:
            if mode == "next":
                result = self.call(method, iterator, [received])
            else:
                fn = iterator.get(mode, iterator)
                if fn is UNDEFINED or fn is NULL:
                    if mode == "throw":
                        self.iterator_close(record)
                        raise JSError("TypeError", "The iterator does not provide a 'throw' "
                                                   "method")
                    raise GeneratorReturn(received)
                result = self.call(fn, iterator, [received])
            if not isinstance(result, JSObject):
                raise JSError("TypeError", "Iterator result is not an object")
            if C.to_boolean(result.get("done", result)):
                value = result.get("value", result)
                if mode == "return":
                    raise GeneratorReturn(value)
                return value
            try:
                received = yield InnerResult(result)
                mode = "next"
            except JSThrow as e:
                received, mode = e.value, "throw"
            except GeneratorReturn as e:
                received, mode = e.value, "return"

    def constructor_result(self, code, value, this, this_cell=None):
        """What [[Construct]] gets back when a constructor returns ``value`` (a derived
        constructor's `this` may live in ``this_cell``, shared with its arrows)."""
        if isinstance(value, JSObject):
            return value
        if code.kind == "derived":
            if this is HOLE and this_cell is not None:
                this = this_cell.value
            if value is not UNDEFINED:
                raise ConstructorReturnError(JSError(
                    "TypeError", "Derived constructors may only return object or undefined"))
            if this is HOLE:
                raise ConstructorReturnError(JSError(
                    "ReferenceError", "Must call super constructor in derived class before "
                    "accessing 'this' or returning from derived constructor"))
        return this

    @staticmethod
    def this_after_super(code, cells):
        """`this` in a derived constructor (or an arrow or eval in one) while the frame's
        own binding is still empty: what super() bound in the shared cell, if it ran."""
        if code.this_cell >= 0:
            this = cells[code.this_cell].value
            if this is not HOLE:
                return this
        raise JSError("ReferenceError", "Must call super constructor in derived class before "
                      "accessing 'this' or returning from derived constructor")

    def super_call_through_cell(self, fn, cell, args, new_target):
        """SUPERCALL when the derived constructor's this binding is its cell
        (``code.this_cell``), shared with its arrows, which may call super() too: the
        parent is constructed before the binding is checked (BindThisValue), and the
        cell is bound before field initialisers run (they may call such an arrow)."""
        ctor = fn
        if fn.code.kind == "arrow":
            ctor, new_target = fn.outer_function, fn.outer_new_target
            if ctor is None:
                raise JSError("SyntaxError", "'super' keyword unexpected here")
        parent = ctor.proto
        if not C.is_constructor(parent):
            raise JSError("TypeError", "Super constructor is not a constructor")
        result = self.construct(parent, args, new_target)
        if cell.value is not HOLE:
            raise JSError("ReferenceError", "Super constructor may only be called once")
        cell.value = result
        if ctor.fields:
            self.init_fields(ctor, result)
        return result

    def define_class(self, F, heritage) -> None:
        realm = self.machine.realm
        if heritage is HOLE:
            proto_parent, ctor_parent = realm.object_prototype, realm.function_prototype
        elif heritage is NULL:
            proto_parent, ctor_parent = None, realm.function_prototype
        else:
            if not C.is_constructor(heritage):
                raise JSError("TypeError", f"Class extends value {C.describe(heritage)} is "
                                           "not a constructor or null")
            proto_parent = heritage.get("prototype", heritage)
            if proto_parent is NULL:
                proto_parent = None
            elif not isinstance(proto_parent, JSObject):
                raise JSError("TypeError", "Class extends value does not have valid "
                                           "prototype property")
            ctor_parent = heritage
        proto = JSObject(proto_parent)
        proto.define("constructor", F, WRITABLE | CONFIGURABLE)
        F.props.pop("prototype", None)
        F.define("prototype", proto, 0)
        F.proto = ctor_parent
        F.constructor_kind = "base" if heritage is HOLE else "derived"
        F.home_object = proto
        F.fields = []

    def call_eval(self, fn, cells: list, this, new_target, f, call_args: list, site):
        """EVAL: a call through the name eval is a direct eval when it reaches the
        Global's own eval (an arrow passes on its enclosing function's new.target)."""
        if f is not fn.global_env.eval_function:
            return self.call(f, UNDEFINED, call_args)
        this_value = cells[site.this_cell].value if site.this_cell >= 0 else this
        if fn.code.kind == "arrow":
            new_target = fn.outer_new_target
        return perform_direct_eval(self.machine, fn, site, cells, this_value, new_target,
                                   call_args[0] if call_args else UNDEFINED)

    def new_closure(self, fn, child, cells: list, g, new_target) -> JSFunction:
        """CLOSURE: function ``child`` made inside ``fn``; an arrow keeps ``fn``'s home
        object and new.target (an arrow inside an arrow: the outer arrow's)."""
        closure = self.make_closure(child, cells, g)
        closure.referrer = fn.referrer
        if child.kind == "arrow":
            closure.home_object = fn.home_object
            if fn.code.kind == "arrow":
                closure.outer_new_target = fn.outer_new_target
                closure.outer_function = fn.outer_function
            else:
                closure.outer_new_target = new_target
                closure.outer_function = fn
        return closure

    def close_iterator(self, record, on_throw: int, exception) -> None:
        """ITERCLOSE: closing for a throw ignores return()'s errors; closing for a
        generator's return() (a GeneratorReturn passing through) lets them out."""
        if on_throw and type(exception) is not GeneratorReturn:
            try:
                self.iterator_close(record)
            except (JSThrow, JSError):
                pass
        else:
            self.iterator_close(record)

    def add_field(self, F, key, init) -> None:
        """ADDFIELD: an initialiser's `super` is F's prototype's (its home object)."""
        if type(init) is JSFunction:
            init.home_object = F.home_object
        F.fields.append((key, init))

    def get_super(self, fn, this, key):
        """GETSUPER: [[Get]] on the home object's prototype with `this` as the receiver."""
        home = fn.home_object
        if home is None:
            raise JSError("SyntaxError", "'super' keyword unexpected here")
        if home.proto is None:
            raise JSError("TypeError", "Cannot read properties of null (super)")
        return home.proto.get(key, this)

    def delete_global(self, g, name: str) -> bool:
        """DELGLOBAL: sloppy `delete x` of a global name (false for a lexical binding)."""
        return name not in g.lexical and self.delete_property(g.global_object, name, False)

    def set_super(self, fn, this, key, value, strict: bool) -> None:
        """PutValue of a super reference: [[Set]] on the home object's prototype."""
        if this is HOLE:
            raise JSError("ReferenceError", "Must call super constructor in derived class "
                                            "before accessing 'this'")
        home = fn.home_object
        if home is None:
            raise JSError("SyntaxError", "'super' keyword unexpected here")
        base = home.proto
        if base is None:
            raise JSError("TypeError", "Cannot set properties of null (super)")
        key = C.to_property_key(key)
        if not base.set(key, value, this) and strict:
            raise JSError("TypeError", f"Cannot assign to read only property "
                                       f"'{C.to_string(key) if type(key) is str else 'symbol'}'")

    def define_method(self, target, key, fn, flavour: int) -> None:
        """DEFMETHOD: a method, getter or setter of a class or object literal."""
        if isinstance(fn, JSFunction) and not flavour & 16:
            fn.home_object = target
        kind = flavour & 3
        if flavour & 8:
            fn.define("name", function_name(key, ("", "get", "set")[kind]), CONFIGURABLE)
        enumerable = ENUMERABLE if flavour & 4 else 0
        if kind == 0:
            if not target.define_own_property(key, Slot(fn, WRITABLE | CONFIGURABLE |
                                                         enumerable)):
                raise JSError("TypeError", f"Cannot redefine property: {C.to_string(key)}"
                              if type(key) is str else "Cannot redefine property")
            return
        current = target.get_own_property(key)
        getter = setter = UNDEFINED
        if current is not None and not current.flags & CONFIGURABLE:  # DefinePropertyOrThrow
            raise JSError("TypeError", f"Cannot redefine property: {C.to_string(key)}"
                          if type(key) is str else "Cannot redefine property")
        if current is not None and current.is_accessor:
            getter, setter = current.getter, current.setter
        if kind == 1:
            getter = fn
        else:
            setter = fn
        target.define_accessor(key, getter, setter, CONFIGURABLE | enumerable)  # keeps its place

    def init_fields(self, fn, this) -> None:
        """Private methods first, then fields in order (InitializeInstanceElements)."""
        installed = set()  # a getter and a setter of one name share their key
        for entry in fn.fields:
            if len(entry) == 3:
                key, method, flavour = entry
                if type(key) is PrivateName and key in this.props and key not in installed:
                    raise JSError("TypeError", "Cannot initialize private methods of class "
                                               "twice on the same object")
                installed.add(key)
                self.install_private_method(this, key, method, flavour)
                continue
            key, init = entry
            value = UNDEFINED if init is UNDEFINED else self.call(init, this, [])
            if type(key) is PrivateName:
                if key in this.props:
                    raise JSError("TypeError", f"Cannot initialize {key.description} twice "
                                               "on the same object")
                if this.segment is ROM:
                    raise JSError("TypeError", f"Cannot define private field "
                                               f"{key.description} on a frozen intrinsic")
                this.props[key] = value
            elif not this.define_own_property(key, Slot(value)):
                raise JSError("TypeError", f"Cannot define property {C.to_string(key)}")

    @staticmethod
    def method_count(F) -> int:
        return sum(1 for entry in F.fields if len(entry) == 3)

    @staticmethod
    def install_private_method(target, key, method, flavour: int) -> None:
        if target.segment is ROM:
            raise JSError("TypeError", f"Cannot define private method {key.description} on "
                                       "a frozen intrinsic")
        if flavour == 0:
            target.props[key] = Slot(method, 0)
            return
        current = target.props.get(key)
        getter = setter = UNDEFINED
        if type(current) is Slot and current.is_accessor:
            getter, setter = current.getter, current.setter
        if flavour == 1:
            getter = method
        else:
            setter = method
        target.props[key] = Slot(UNDEFINED, ACCESSOR, getter, setter)

    def get_private(self, obj, key):
        stored = obj.props.get(key, HOLE) if isinstance(obj, JSObject) else HOLE
        if stored is HOLE:
            raise JSError("TypeError", f"Cannot read private member {key.description} from "
                                       "an object whose class did not declare it")
        if type(stored) is not Slot:
            return stored
        if stored.flags & ACCESSOR:
            if stored.getter is UNDEFINED:
                raise JSError("TypeError", f"'{key.description}' was defined without a getter")
            return self.call(stored.getter, obj, [])
        return stored.value

    def set_private(self, obj, key, value) -> None:
        stored = obj.props.get(key, HOLE) if isinstance(obj, JSObject) else HOLE
        if stored is HOLE:
            raise JSError("TypeError", f"Cannot write private member {key.description} to "
                                       "an object whose class did not declare it")
        if type(stored) is Slot:
            if stored.flags & ACCESSOR:
                if stored.setter is UNDEFINED:
                    raise JSError("TypeError", f"'{key.description}' was defined without a "
                                               "setter")
                self.call(stored.setter, obj, [value])
                return
            raise JSError("TypeError", "Private method is not writable")
        obj.props[key] = value

    def get_property(self, obj, key):
        if isinstance(obj, JSObject):
            return obj.get(key, obj)
        if type(obj) is str:
            if key == "length":
                return float(len(obj))
            if type(key) is str and key.isdigit():
                i = int(key)
                if i < len(obj) and str(i) == key:
                    return obj[i]
            # a String wrapper's own properties are its indices and length: any other
            # key is looked up on String.prototype without making the wrapper
            return self.machine.realm.intrinsics["%String.prototype%"].get(key, obj)
        if type(obj) is float:
            return self.machine.realm.intrinsics["%Number.prototype%"].get(key, obj)
        if obj is UNDEFINED or obj is NULL:
            shown = key if type(key) is str else C.to_string(key.description or "")
            raise JSError("TypeError", f"Cannot read properties of {C.to_string(obj)} "
                                       f"(reading '{shown}')")
        return C.to_object(self.machine.realm, obj).get(key, obj)

    def get_element(self, obj, key):
        """obj[key]: a null or undefined base throws before the key is converted."""
        if obj is UNDEFINED or obj is NULL:
            raise JSError("TypeError", f"Cannot read properties of {C.to_string(obj)}")
        return self.get_property(obj, C.to_property_key(key))

    def set_property(self, obj, key, value, strict: bool) -> None:
        if isinstance(obj, JSObject):
            ok = obj.set(key, value, obj)
        elif obj is UNDEFINED or obj is NULL:
            raise JSError("TypeError", f"Cannot set properties of {C.to_string(obj)} "
                                       f"(setting '{key if type(key) is str else key}')")
        else:
            ok = C.to_object(self.machine.realm, obj).set(key, value, obj)
        if not ok and strict:
            raise JSError("TypeError", f"Cannot assign to read only property '{key}' of "
                                       "object")

    def delete_property(self, obj, key, strict: bool) -> bool:
        if obj is UNDEFINED or obj is NULL:
            raise JSError("TypeError", "Cannot convert undefined or null to object")
        if not isinstance(obj, JSObject):
            obj = C.to_object(self.machine.realm, obj)
        ok = obj.delete(key)
        if not ok and strict:
            raise JSError("TypeError", f"Cannot delete property '{key}' of object")
        return ok

    def get_global(self, g, name):
        v = g.lexical.get(name, g)
        if v is not g:
            if v is HOLE:
                raise JSError("ReferenceError", f"Cannot access '{name}' before initialization")
            return v
        obj = g.global_object
        v = obj.props.get(name, HOLE)
        if v is not HOLE:
            if type(v) is not Slot:
                return v
            if not v.flags & ACCESSOR:  # a declared var: a non-configurable data slot
                return v.value
        if not obj.has_property(name):
            if g.sloppy_globals:
                return UNDEFINED
            raise JSError("ReferenceError", f"{name} is not defined")
        return obj.get(name, obj)

    def typeof_global(self, g, name):
        v = g.lexical.get(name, g)
        if v is not g:
            if v is HOLE:
                raise JSError("ReferenceError", f"Cannot access '{name}' before initialization")
            return C.type_of(v)
        obj = g.global_object
        if not obj.has_property(name):
            return "undefined"
        return C.type_of(obj.get(name, obj))

    def set_global(self, g, name, value, strict: bool) -> None:
        lexical = g.lexical
        if name in lexical:
            if lexical[name] is HOLE:
                raise JSError("ReferenceError", f"Cannot access '{name}' before initialization")
            if name in g.consts:
                raise JSError("TypeError", "Assignment to constant variable.")
            lexical[name] = value
            return
        obj = g.global_object
        props = obj.props
        v = props.get(name, HOLE)
        if v is not HOLE and obj.segment is None:
            if type(v) is not Slot:
                props[name] = value
                return
            if v.flags & WRITABLE and not v.flags & ACCESSOR:
                v.value = value  # each property owns its Slot
                return
        if strict and not obj.has_property(name) and not g.sloppy_globals:
            raise JSError("ReferenceError", f"{name} is not defined")
        if not obj.set(name, value, obj) and strict:
            raise JSError("TypeError", f"Cannot assign to read only property '{name}' of "
                                       "object")

    def update_global(self, g, name, delta: int, strict: bool) -> None:
        """INCGLOBAL/DECGLOBAL: what GETGLOBAL, INC (or DEC) and SETGLOBAL do in turn."""
        v = self.get_global(g, name)
        self.set_global(g, name, v + delta if type(v) is float else self.increment(v, delta),
                        strict)

    def declare_global(self, g, name: str, kind: int) -> None:
        """GlobalDeclarationInstantiation (and EvalDeclarationInstantiation's global part)
        for one name. ``kind``: 0 var, 1 function, 2 let, 3 const, 4 class, 5 var and 6
        function of sloppy eval code (deletable); plus 8: only check that the name can be
        declared, so that a script that cannot be instantiated creates no binding at all."""
        obj = g.global_object
        current = obj.get_own_property(name)
        base = kind & 7
        if kind & 8:
            if name in g.lexical:
                raise JSError("SyntaxError", f"Identifier '{name}' has already been declared")
            if 2 <= base <= 4:  # HasRestrictedGlobalProperty
                if current is not None and not current.flags & CONFIGURABLE:
                    raise JSError("SyntaxError",
                                  f"Identifier '{name}' has already been declared")
            elif base in (1, 6):  # CanDeclareGlobalFunction
                if current is None:
                    ok = obj.extensible
                else:
                    ok = bool(current.flags & CONFIGURABLE) or (
                        not current.is_accessor and current.flags & WRITABLE and
                        current.flags & ENUMERABLE)
                if not ok:
                    raise JSError("TypeError", f"Cannot redefine global function {name}")
            elif current is None and not obj.extensible:  # CanDeclareGlobalVar
                raise JSError("TypeError", f"Cannot define global variable {name}")
            return
        if base in (5, 6):  # a var or function of sloppy eval code: a deletable property
            if name in g.lexical:
                raise JSError("SyntaxError", f"Identifier '{name}' has already been declared")
            if current is None or (base == 6 and current.flags & CONFIGURABLE):
                obj.define_own_property(name, Slot(UNDEFINED, WRITABLE | ENUMERABLE |
                                                   CONFIGURABLE))
            return
        if base >= 2:
            if name in g.lexical or (current is not None and
                                     not current.flags & CONFIGURABLE):
                raise JSError("SyntaxError", f"Identifier '{name}' has already been declared")
            g.lexical[name] = HOLE
            if base == 3:
                g.consts.add(name)
            return
        if name in g.lexical:
            raise JSError("SyntaxError", f"Identifier '{name}' has already been declared")
        if current is None or (base == 1 and current.flags & CONFIGURABLE):
            # CreateGlobalFunctionBinding redefines a configurable property
            obj.define_own_property(name, Slot(UNDEFINED, WRITABLE | ENUMERABLE))

    @staticmethod
    def increment(value, delta: int):
        """INC and DEC: ToNumeric(value) + delta (a BigInt stays one)."""
        value = C.to_numeric(value)
        return value + (float(delta) if type(value) is float else delta)

    def declare_globals(self, g, names: tuple, functions: int, vars_: int,
                        lets: int) -> None:
        """GlobalDeclarationInstantiation of a script (DEFGLOBALS): ``names`` holds its
        functions, then vars, then let/class, then consts. Every check comes first
        (lexical names, then the var names' clashes, then CanDeclareGlobalFunction/Var),
        so a script that cannot be instantiated creates nothing; then the lexical
        bindings, the functions and the vars are made, in that order."""
        if not all(type(name) is str for name in names):
            raise JSError("TypeError", "malformed global declarations")
        n = len(names)
        lexical = min(functions + vars_, n)
        kinds = ([1] * functions + [0] * vars_ + [2] * lets + [3] * n)[:n]
        order = list(range(lexical, n)) + list(range(lexical))
        for i in order:
            if i < lexical and names[i] in g.lexical:
                raise JSError("SyntaxError", f"Identifier '{names[i]}' has already been "
                                             "declared")
        for i in order:
            self.declare_global(g, names[i], kinds[i] | 8)
        for i in order:
            self.declare_global(g, names[i], kinds[i])

    def get_iterator(self, value):
        realm = self.machine.realm
        if plain_array_iteration(realm, value):
            return ArrayIter(value)
        method = self.get_property(value, ITERATOR)
        if method is UNDEFINED or method is NULL:
            raise JSError("TypeError", f"{C.type_of(value)} is not iterable")
        iterator = self.call(method, value, [])
        if not isinstance(iterator, JSObject):
            raise JSError("TypeError", "Result of the Symbol.iterator method is not an object")
        return IterRecord(iterator, iterator.get("next", iterator))

    def iterator_step(self, record):
        if type(record) is ArrayIter:
            array = record.array
            i = record.index
            if array is None or i >= array.length():
                record.array = None
                return True, UNDEFINED
            record.index = i + 1
            items = array.items
            v = items[i] if i < len(items) else HOLE
            if v is HOLE:
                v = array.get(str(i), array)
            return False, v
        if type(record) is KeyIter:
            while record.index < len(record.keys):
                key = record.keys[record.index]
                record.index += 1
                if for_in_has(record.obj, key):
                    return False, key
            return True, UNDEFINED
        if record.done:
            return True, UNDEFINED
        record.done = True  # stays so if next() or reading its result throws
        result = self.call(record.next, record.iterator, [])
        if not isinstance(result, JSObject):
            raise JSError("TypeError", f"Iterator result {C.to_string(result)} is not an object")
        if C.to_boolean(result.get("done", result)):
            return True, UNDEFINED
        value = result.get("value", result)
        record.done = False
        return False, value

    def iterator_close(self, record) -> None:
        if type(record) is not IterRecord or record.done:
            if type(record) is ArrayIter:
                record.array = None
            return
        record.done = True
        method = record.iterator.get("return", record.iterator)
        if method is not UNDEFINED and method is not NULL:
            result = self.call(method, record.iterator, [])
            if not isinstance(result, JSObject):
                raise JSError("TypeError", "iterator.return() did not return an object")

    def iterate(self, value):
        """Python-side iteration of a JavaScript iterable (spread, Array.from)."""
        record = self.get_iterator(value)
        while True:
            done, v = self.iterator_step(record)
            if done:
                return
            yield v

    def for_in_keys(self, value):
        if value is UNDEFINED or value is NULL:
            return KeyIter(JSObject(None), [])
        obj = value if isinstance(value, JSObject) else C.to_object(self.machine.realm, value)
        return KeyIter(obj, for_in_keys(obj))

    @staticmethod
    def with_has_binding(obj, name: str) -> bool:
        """HasBinding of an object environment made by `with`: a property not hidden by
        the object's @@unscopables."""
        if not obj.has_property(name):
            return False
        unscopables = obj.get(UNSCOPABLES, obj)
        return not (isinstance(unscopables, JSObject) and
                    C.to_boolean(unscopables.get(name, unscopables)))

    @staticmethod
    def object_binding_value(obj, name: str, strict: bool):
        """GetBindingValue of an object environment: the property may have gone since
        the name was resolved (undefined, or a ReferenceError in strict code)."""
        if not obj.has_property(name):
            if strict:
                raise JSError("ReferenceError", f"{name} is not defined")
            return UNDEFINED
        return obj.get(name, obj)

    @staticmethod
    def set_object_binding(obj, name: str, value, strict: bool) -> None:
        """SetMutableBinding of an object environment: Set, even when the property went
        away since the name was resolved (a ReferenceError for that in strict code)."""
        if not obj.has_property(name) and strict:
            raise JSError("ReferenceError", f"{name} is not defined")
        if not obj.set(name, value, obj) and strict:
            raise JSError("TypeError", f"Cannot assign to read only property '{name}' of "
                                       "object")

    def template_object(self, site):
        """GetTemplateObject: one frozen array of cooked strings (with a frozen `raw`)
        per site and realm, so a tag sees the same object every time."""
        realm = self.machine.realm
        template = realm.template_map.get(site)
        if template is None:
            raw = JSArray(realm.array_prototype, list(site.raw))
            template = JSArray(realm.array_prototype, [UNDEFINED if c is None else c
                                                       for c in site.cooked])
            template.define("raw", raw, 0)
            set_integrity_level(raw, "frozen")
            set_integrity_level(template, "frozen")
            realm.template_map[site] = template
        return template


def _handler(handlers, pc: int, finally_only: bool = False) -> int:
    """The innermost handler covering ``pc`` (a `return()` only stops at finally blocks)."""
    for entry in handlers:
        if entry[0] <= pc < entry[1] and (not finally_only or len(entry) > 3):
            return entry[2]
    return -1


_ARITH = {
    OPCODE["DIV"]: C.js_div,
    OPCODE["MOD"]: C.js_mod,
    OPCODE["EXP"]: C.js_exp,
    OPCODE["BITAND"]: C.js_bitand,
    OPCODE["BITOR"]: C.js_bitor,
    OPCODE["BITXOR"]: C.js_bitxor,
    OPCODE["SHL"]: C.js_shl,
    OPCODE["SHR"]: C.js_shr,
    OPCODE["USHR"]: C.js_ushr,
}
# The tests of JNLT..JNSNE, JNEQ, JNNE (and JNLTI..JNSNEI), in that order: on two
# floats, on any values.
FLOAT_TESTS = (operator.lt, operator.le, operator.gt, operator.ge, operator.eq, operator.ne,
               operator.eq, operator.ne)
VALUE_TESTS = (C.js_lt, C.js_le, C.js_gt, C.js_ge, C.strict_equals,
               lambda a, b: not C.strict_equals(a, b), C.loose_equals,
               lambda a, b: not C.loose_equals(a, b))

_COMPARE = {
    OPCODE["EQ"]: C.loose_equals,
    OPCODE["NE"]: lambda a, b: not C.loose_equals(a, b),
    OPCODE["SEQ"]: C.strict_equals,
    OPCODE["SNE"]: lambda a, b: not C.strict_equals(a, b),
    OPCODE["LE"]: C.js_le,
    OPCODE["GT"]: C.js_gt,
    OPCODE["GE"]: C.js_ge,
}
_UNARY = {
    OPCODE["NEG"]: lambda a: -a if type(a) is float else C.js_neg(a),
    OPCODE["BITNOT"]: C.js_bitnot,
}
