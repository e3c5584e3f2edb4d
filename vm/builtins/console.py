"""console (log, error, warn, info, debug), one per Global.

Each writes one line per call, formatted as node's console does (vm.inspect), through
the Global's ``output`` callable; error and warn use ``error_output`` when the Global
has one (node writes them to stderr). The text handed over is real text: surrogate
pairs joined, a lone surrogate replaced by U+FFFD (this is the I/O boundary). A line of
only strings and numbers with no format directive (most lines) is joined here, as node's
util.format joins it, without loading vm.inspect.
"""

from __future__ import annotations

from ..convert import number_to_string
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
            text = plain_line(args)
            if text is None:
                from ..inspect import format_log_args

                text = format_log_args(list(args), realm)
            out(to_text(text))
            return UNDEFINED
        return write

    for name in ("log", "info", "debug"):
        method(realm, console, name, writer("out"), 0)
    for name in ("error", "warn"):
        method(realm, console, name, writer("err"), 0)
    global_env.global_object.define("console", console, WRITABLE | CONFIGURABLE)


def plain_line(args: list) -> str | None:
    """The line for strings and numbers when the first is no format string (None for
    anything else): each as util.format shows it, joined by spaces."""
    parts = []
    for value in args:
        if type(value) is str:
            if not parts and "%" in value:
                return None
            parts.append(value)
        elif type(value) is float:
            parts.append("-0" if value == 0 and str(value) == "-0.0" else
                         number_to_string(value))
        else:
            return None
    return " ".join(parts)
