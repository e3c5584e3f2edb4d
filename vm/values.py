"""How JavaScript values are represented in the reference VM.

  undefined  -> UNDEFINED (singleton)      null     -> NULL (singleton)
  boolean    -> bool                       number   -> float (always; never int)
  string     -> str of UTF-16 code units   bigint   -> int
  symbol     -> JSSymbol                   object   -> vm.objects.JSObject
HOLE marks an uninitialised lexical binding (TDZ) and an array hole; it never escapes
to JavaScript code. Type tests use ``type(v) is float`` and friends: ``bool`` is a
subclass of ``int`` in Python, so ``isinstance`` would confuse booleans and BigInts.
"""

from __future__ import annotations


class _Singleton:
    __slots__ = ("_name",)

    def __init__(self, name: str):
        self._name = name

    def __repr__(self) -> str:
        return self._name

    def __reduce__(self):
        return self._name  # pickles as the module-level name


UNDEFINED = _Singleton("UNDEFINED")
NULL = _Singleton("NULL")
HOLE = _Singleton("HOLE")


class JSSymbol:
    """A symbol: identity is the value; ``description`` is a str or None."""

    __slots__ = ("description", "registered")

    def __init__(self, description: str | None = None, registered: bool = False):
        self.description = description
        self.registered = registered

    def __repr__(self) -> str:
        return f"Symbol({self.description or ''})"


def is_nullish(v) -> bool:
    return v is UNDEFINED or v is NULL

