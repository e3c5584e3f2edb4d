"""The one error the front end raises: a JavaScript SyntaxError with a source position."""

from __future__ import annotations


class JSSyntaxError(Exception):
    """A SyntaxError in JavaScript source.

    ``pos`` is an offset in UTF-16 code units (as acorn counts); ``line`` is 1-based
    and ``column`` 0-based, both filled in by :meth:`locate` once the source is known.
    """

    def __init__(self, message: str, pos: int = 0):
        super().__init__(message)
        self.message = message
        self.pos = pos
        self.line = 0
        self.column = 0
        self.filename: str | None = None
        self.source: str | None = None

    def locate(self, source: str, filename: str | None = None) -> JSSyntaxError:
        """Fill in line and column (JavaScript line terminators count) for ``pos``."""
        self.source = source
        self.filename = filename
        pos = max(0, min(self.pos, len(source)))
        line, start, i = 1, 0, 0
        while i < pos:
            c = source[i]
            if c in "\n\u2028\u2029" or (c == "\r" and source[i + 1 : i + 2] != "\n"):
                line += 1
                start = i + 1
            elif c == "\r":
                pass
            i += 1
        self.line, self.column = line, pos - start
        return self

    def source_line(self) -> str:
        """The text of the line holding the error, without its terminator."""
        if self.source is None:
            return ""
        src, pos = self.source, max(0, min(self.pos, len(self.source)))
        begin = max(src.rfind(c, 0, pos) for c in "\n\r\u2028\u2029") + 1
        ends = [i for i in (src.find(c, pos) for c in "\n\r\u2028\u2029") if i >= 0]
        return src[begin : min(ends) if ends else len(src)]

    def __str__(self) -> str:
        if self.line:
            return f"{self.message} ({self.line}:{self.column})"
        return self.message
