"""caplet's compiler: JavaScript text -> ESTree AST -> bytecode.

The front end is ``parse(text, module=False, filename=None)``: it returns an acorn-shaped
ESTree ``Program`` (see :mod:`compiler.ast`) or raises :class:`JSSyntaxError`.
"""

from .errors import JSSyntaxError
from .parser import parse

__all__ = ["JSSyntaxError", "parse"]
