"""Generator objects (ECMA-262 §27.5): a suspended frame and its state.

The interpreter runs every activation as a Python generator, so a JavaScript generator
object only has to hold that frame and drive it: ``next(v)`` sends ``v`` in, ``throw(e)``
raises ``JSThrow(e)`` at the suspended ``yield``, ``return(v)`` raises
``GeneratorReturn(v)`` there so that finally blocks run.
"""

from __future__ import annotations

from .builtins.iterator import create_iter_result_object
from .objects import CONFIGURABLE, JSError, JSObject, JSThrow
from .records import GeneratorReturn, InnerResult
from .symbols import TO_STRING_TAG
from .values import UNDEFINED

START, SUSPENDED, RUNNING, DONE = range(4)


class JSGenerator(JSObject):
    __slots__ = ("frame", "state")

    def __init__(self, proto, frame):
        super().__init__(proto, "Generator")
        self.frame = frame
        self.state = START


def resume(machine, gen, mode: str, value):
    """GeneratorResume / GeneratorResumeAbrupt."""
    realm = machine.realm
    if not isinstance(gen, JSGenerator):
        raise JSError("TypeError", f"{mode} method called on incompatible receiver")
    if gen.state == RUNNING:
        raise JSError("TypeError", "Generator is already running")
    if gen.state == START and mode != "next":
        gen.state = DONE
        gen.frame = None
    if gen.state == DONE:
        if mode == "throw":
            raise JSThrow(value)
        return create_iter_result_object(realm, value if mode == "return" else UNDEFINED, True)
    interp = machine.interpreter
    first = gen.state == START
    gen.state = RUNNING
    interp.depth += 1
    try:
        if interp.depth > machine.max_depth:
            raise JSError("RangeError", "Maximum call stack size exceeded")
        if mode == "next":
            out = gen.frame.send(None if first else value)
        elif mode == "throw":
            out = gen.frame.throw(JSThrow(value))
        else:
            out = gen.frame.throw(GeneratorReturn(value))
    except StopIteration as e:
        gen.state, gen.frame = DONE, None
        return create_iter_result_object(realm, e.value, True)
    except GeneratorReturn as e:
        gen.state, gen.frame = DONE, None
        return create_iter_result_object(realm, e.value, True)
    except BaseException:
        gen.state, gen.frame = DONE, None
        raise
    finally:
        interp.depth -= 1
    gen.state = SUSPENDED
    if type(out) is InnerResult:  # yield*: the inner iterator's result, as it is
        return out.result
    return create_iter_result_object(realm, out, False)


def setup(machine) -> None:
    """%GeneratorFunction.prototype% and %GeneratorPrototype% (shared by every Global)."""
    realm = machine.realm
    iterator_proto = realm.intrinsics["%IteratorPrototype%"]
    proto = JSObject(iterator_proto)
    for mode in ("next", "return", "throw"):
        realm.method(proto, mode, lambda this, args, mode=mode: resume(
            machine, this, mode, args[0] if args else UNDEFINED), 1)
    proto.define(TO_STRING_TAG, "Generator", CONFIGURABLE)
    fn_proto = JSObject(realm.function_prototype)
    fn_proto.define("prototype", proto, CONFIGURABLE)
    proto.define("constructor", fn_proto, CONFIGURABLE)
    fn_proto.define(TO_STRING_TAG, "GeneratorFunction", CONFIGURABLE)
    realm.intrinsics["%GeneratorPrototype%"] = proto
    realm.intrinsics["%GeneratorFunction.prototype%"] = fn_proto
