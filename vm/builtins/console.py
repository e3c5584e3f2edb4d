"""console (log, error, warn, info, debug), one per Global.

Each writes one line per call, formatted as node's console does (vm.inspect), through
the Global's ``output`` callable; error and warn use ``error_output`` when the Global
has one (node writes them to stderr). The text handed over is real text: surrogate
pairs joined, a lone surrogate replaced by U+FFFD (this is the I/O boundary).
"""

from __future__ import annotations

from ..inspect import format_log_args
from ..objects import CONFIGURABLE, WRITABLE, JSObject
from ..utf16 import to_text
from ..values import UNDEFINED
from .support import method


def install(global_env) -> None:
    realm = global_env.realm
    console = JSObject(realm.object_prototype)

    def writer(stream: str):
        def write(this, args):
            out = global_env.output if stream == "out" else getattr(
                global_env, "error_output", global_env.output)
            out(to_text(format_log_args(list(args), realm)))
            return UNDEFINED
        return write

    for name in ("log", "info", "debug"):
        method(realm, console, name, writer("out"), 0)
    for name in ("error", "warn"):
        method(realm, console, name, writer("err"), 0)
    global_env.global_object.define("console", console, WRITABLE | CONFIGURABLE)
