"""caplet's compiler: JavaScript text -> ESTree AST -> bytecode.

The front end is ``parse(text, module=False, filename=None)``: it returns an acorn-shaped
ESTree ``Program`` (see :mod:`compiler.ast`) or raises :class:`JSSyntaxError`.
"""

from .errors import JSSyntaxError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .parser import parse


def __getattr__(name: str):
    """``parse`` loads the parser on first use: running an image never needs it."""
    if name == "parse":
        from .parser import parse

        return parse
    raise AttributeError(f"module 'compiler' has no attribute {name!r}")


__all__ = ["JSSyntaxError", "parse"]
