"""Explicit resource management: `using` and `await using` lowered to try/catch/finally.

A statement list holding `using` declarations (a block, a function body, a class static
block), a `for (using ...;;)` statement and each iteration of `for (using x of ...)` get
a disposal stack, the spec's DisposeCapability, in a hidden constant ``%ds``::

    { const %ds = <UsingStack>;
      try { ...; const x = init; <UsingAdd %ds x>; ... }
      catch (%err) { <UsingError %ds %err> }
      finally { <UsingDispose %ds> } }

The declaration becomes a `const` (the same TDZ and immutability) followed by adding its
value to the stack, so a resource is registered as soon as it is initialised. The catch
clause records a thrown completion; the finally block (inlined on every exit) disposes
the resources in reverse order and throws what DisposeResources says: the recorded error,
a disposal error, or a SuppressedError chain. The scope pass and the code generator see
ordinary nodes plus these four small ones; script-level code is left alone (`using` is
an early error there) and so are modules.
"""

from __future__ import annotations

from . import ast as A

STACK = "%ds"
ERROR = "%err"


class LoweredTry(A.TryStatement):
    """The try statement around a scope with `using`: it keeps the block's completion."""

    __slots__ = ()


class _Extra(A.Node):
    """A node the lowering adds; ``fields`` lists the identifiers the scope pass resolves."""

    __slots__ = ()


class UsingStack(_Extra):
    """Expression: a new, empty disposal stack."""

    __slots__ = ()
    type = "UsingStack"
    fields = ()

    def __init__(self, start: int, end: int):
        self.start, self.end = start, end


class UsingAdd(_Extra):
    """Statement: add the resource in ``value`` to ``stack`` (``hint``: sync or async)."""

    __slots__ = ("stack", "value", "is_await")
    type = "UsingAdd"
    fields = ("stack", "value")

    def __init__(self, start: int, end: int, stack, value, is_await: bool):
        self.start, self.end = start, end
        self.stack, self.value, self.is_await = stack, value, is_await


class UsingError(_Extra):
    """Statement: the block threw ``error``: remember it as the completion to dispose with."""

    __slots__ = ("stack", "error")
    type = "UsingError"
    fields = ("stack", "error")

    def __init__(self, start: int, end: int, stack, error):
        self.start, self.end = start, end
        self.stack, self.error = stack, error


class UsingDispose(_Extra):
    """Statement: DisposeResources over ``stack``; awaits each result when ``is_await``."""

    __slots__ = ("stack", "is_await")
    type = "UsingDispose"
    fields = ("stack",)

    def __init__(self, start: int, end: int, stack, is_await: bool):
        self.start, self.end = start, end
        self.stack, self.is_await = stack, is_await


def _is_using(node) -> bool:
    return node is not None and node.type == "VariableDeclaration" and \
        node.kind in ("using", "await using")


def _ident(name: str, at) -> A.Node:
    return A.Identifier(at.start, at.start, name)


def _wrap(stmts: list, at, is_await: bool) -> list:
    """The statements of a scope with a disposal stack around them (see the module doc)."""
    s, e = at.start, at.end
    decl = A.VariableDeclaration(s, s, [A.VariableDeclarator(s, s, _ident(STACK, at),
                                                             UsingStack(s, s))], "const")
    handler = A.CatchClause(s, s, _ident(ERROR, at), A.BlockStatement(
        s, s, [UsingError(s, s, _ident(STACK, at), _ident(ERROR, at))]))
    final = A.BlockStatement(e, e, [UsingDispose(e, e, _ident(STACK, at), is_await)])
    return [decl, LoweredTry(s, e, A.BlockStatement(s, e, stmts), handler, final)]


def _declarations(node) -> list:
    """`using a = x, b = y;` as `const a = x; <add a>; const b = y; <add b>`."""
    is_await = node.kind == "await using"
    out = []
    for d in node.declarations:
        out.append(A.VariableDeclaration(d.start, d.end, [d], "const"))
        out.append(UsingAdd(d.start, d.end, _ident(STACK, d), _ident(d.id.name, d.id),
                            is_await))
    return out


def _lower_list(stmts: list, at) -> list:
    """A statement list: lower its `using` declarations and wrap it if it had any."""
    if not any(_is_using(s) for s in stmts):
        return stmts
    is_await = any(_is_using(s) and s.kind == "await using" for s in stmts)
    body: list = []
    for s in stmts:
        body.extend(_declarations(s) if _is_using(s) else [s])
    return _wrap(body, at, is_await)


def _for_using(stmt):
    """The `for (using ...;;)` statement under any labels, or None."""
    while stmt.type == "LabeledStatement":
        stmt = stmt.body
    if stmt.type == "ForStatement" and _is_using(stmt.init):
        return stmt
    return None


def lower_using(root) -> None:
    """Rewrite every `using` below ``root`` in place (``root`` itself is not wrapped)."""
    stack = [root]
    while stack:
        node = stack.pop()
        t = node.type
        if t == "ForOfStatement" and _is_using(node.left):
            left = node.left
            is_await = left.kind == "await using"
            d = left.declarations[0]
            node.left = A.VariableDeclaration(left.start, left.end, [d], "const")
            body = node.body
            add = UsingAdd(d.start, d.end, _ident(STACK, d), _ident(d.id.name, d.id), is_await)
            node.body = A.BlockStatement(body.start, body.end,
                                         _wrap([add, body], body, is_await))
        for f in node.fields:
            v = getattr(node, f)
            if isinstance(v, list):
                if node is not root and t in ("BlockStatement", "StaticBlock"):
                    v = _lower_list(v, node)
                out = []
                for s in v:
                    loop = _for_using(s) if isinstance(s, A.Node) else None
                    if loop is not None:
                        # the head's resources live as long as the whole loop
                        init = loop.init
                        loop.init = None
                        s = A.BlockStatement(s.start, s.end, _wrap(
                            [*_declarations(init), s], s, init.kind == "await using"))
                    out.append(s)
                getattr(node, f)[:] = out
                v = out
                stack.extend(x for x in v if isinstance(x, A.Node))
            elif isinstance(v, A.Node):
                stack.append(v)
