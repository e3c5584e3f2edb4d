"""Python regular expressions the VM's own code uses, compiled on first use.

Compiling a pattern costs a fraction of a millisecond and importing ``re`` several more:
at start-up (`caplet run app.caplet`) neither is needed until a string asks for it.
"""

from __future__ import annotations

_METHODS = ("match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer")


class LazyPattern:
    """A ``re`` pattern compiled the first time one of its methods is looked up; those
    methods then become the compiled pattern's own, so later uses cost nothing extra."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str):  # only for attributes not yet in the instance
        import re

        compiled = re.compile(*self._source)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)
