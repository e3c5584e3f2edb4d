"""ESTree nodes, shaped exactly as acorn builds them.

Each node type is a small class with ``__slots__`` whose fields follow acorn's own
order, so ``to_json`` reproduces acorn's serialisation key for key. The table below
is the single description of the node shapes; the classes are made from it.
"""

from __future__ import annotations

import math
import re
from typing import Any

# type -> fields after ``type``, ``start``, ``end``, in acorn's order.
NODE_FIELDS: dict[str, tuple[str, ...]] = {
    "Program": ("body", "sourceType"),
    "Identifier": ("name",),
    "PrivateIdentifier": ("name",),
    "Literal": ("value", "raw", "regex", "bigint"),
    "ThisExpression": (),
    "Super": (),
    "ArrayExpression": ("elements",),
    "ObjectExpression": ("properties",),
    "Property": ("method", "shorthand", "computed", "key", "value", "kind"),
    "FunctionExpression": ("id", "expression", "generator", "async", "params", "body"),
    "ArrowFunctionExpression": ("id", "expression", "generator", "async", "params", "body"),
    "ClassExpression": ("id", "superClass", "body"),
    "ClassDeclaration": ("id", "superClass", "body"),
    "ClassBody": ("body",),
    "MethodDefinition": ("static", "computed", "key", "kind", "value"),
    "PropertyDefinition": ("static", "computed", "key", "value"),
    "StaticBlock": ("body",),
    "TemplateLiteral": ("expressions", "quasis"),
    "TemplateElement": ("value", "tail"),
    "TaggedTemplateExpression": ("tag", "quasi"),
    "UnaryExpression": ("operator", "prefix", "argument"),
    "UpdateExpression": ("operator", "prefix", "argument"),
    "BinaryExpression": ("left", "operator", "right"),
    "LogicalExpression": ("left", "operator", "right"),
    "AssignmentExpression": ("operator", "left", "right"),
    "ConditionalExpression": ("test", "consequent", "alternate"),
    "CallExpression": ("callee", "arguments", "optional"),
    "NewExpression": ("callee", "arguments"),
    "MemberExpression": ("object", "property", "computed", "optional"),
    "ChainExpression": ("expression",),
    "SequenceExpression": ("expressions",),
    "YieldExpression": ("delegate", "argument"),
    "AwaitExpression": ("argument",),
    "ImportExpression": ("source", "options", "phase"),
    "MetaProperty": ("meta", "property"),
    "SpreadElement": ("argument",),
    "ObjectPattern": ("properties",),
    "ArrayPattern": ("elements",),
    "RestElement": ("argument",),
    "AssignmentPattern": ("left", "right"),
    "ExpressionStatement": ("expression", "directive"),
    "BlockStatement": ("body",),
    "EmptyStatement": (),
    "DebuggerStatement": (),
    "WithStatement": ("object", "body"),
    "ReturnStatement": ("argument",),
    "LabeledStatement": ("body", "label"),
    "BreakStatement": ("label",),
    "ContinueStatement": ("label",),
    "IfStatement": ("test", "consequent", "alternate"),
    "SwitchStatement": ("discriminant", "cases"),
    "SwitchCase": ("consequent", "test"),
    "ThrowStatement": ("argument",),
    "TryStatement": ("block", "handler", "finalizer"),
    "CatchClause": ("param", "body"),
    "WhileStatement": ("test", "body"),
    "DoWhileStatement": ("body", "test"),
    "ForStatement": ("init", "test", "update", "body"),
    "ForInStatement": ("left", "right", "body"),
    "ForOfStatement": ("await", "left", "right", "body"),
    "FunctionDeclaration": ("id", "expression", "generator", "async", "params", "body"),
    "VariableDeclaration": ("declarations", "kind"),
    "VariableDeclarator": ("id", "init"),
    "ImportDeclaration": ("specifiers", "source", "attributes", "phase"),
    "ImportSpecifier": ("imported", "local"),
    "ImportDefaultSpecifier": ("local",),
    "ImportNamespaceSpecifier": ("local",),
    "ImportAttribute": ("key", "value"),
    "ExportNamedDeclaration": ("declaration", "specifiers", "source", "attributes"),
    "ExportSpecifier": ("local", "exported"),
    "ExportDefaultDeclaration": ("declaration",),
    "ExportAllDeclaration": ("exported", "source", "attributes"),
}

# Python spells two ESTree field names differently (they are keywords there).
PY_NAMES = {"async": "is_async", "await": "is_await"}

# Fields acorn leaves out unless they carry something.
OPTIONAL_FIELDS = {
    "Literal": ("regex", "bigint"),
    "ExpressionStatement": ("directive",),
    "ImportDeclaration": ("phase",),
    "ImportExpression": ("phase",),
}


class Node:
    """Base of every ESTree node: ``start``/``end`` are UTF-16 offsets into the source."""

    __slots__ = ("start", "end")
    type = "Node"
    fields: tuple[str, ...] = ()  # attribute names, in acorn's order
    json_fields: tuple[str, ...] = ()  # the same, as ESTree spells them

    def __repr__(self) -> str:
        return f"<{self.type} {self.start}-{self.end}>"

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in ("start", "end", *self.fields))

    __hash__ = object.__hash__


def _make(name: str, json_fields: tuple[str, ...]) -> type[Node]:
    fields = tuple(PY_NAMES.get(f, f) for f in json_fields)
    params = ", ".join(("start", "end", *[f"{f}=None" for f in fields]))
    body = "".join(f"    self.{f} = {f}\n" for f in ("start", "end", *fields))
    namespace: dict[str, Any] = {}
    exec(f"def __init__(self, {params}):\n{body}", namespace)  # noqa: S102 - generated from NODE_FIELDS
    cls = type(name, (Node,), {"__slots__": fields, "type": name, "fields": fields,
                               "json_fields": json_fields,
                               "__init__": namespace["__init__"]})
    return cls


NODE_CLASSES: dict[str, type[Node]] = {n: _make(n, f) for n, f in NODE_FIELDS.items()}
globals().update(NODE_CLASSES)

_SURROGATE = re.compile("[\ud800-\udfff]")


def utf16_to_text(s: str) -> str:
    """Join surrogate pairs into real characters (lone surrogates stay as they are)."""
    if not _SURROGATE.search(s):
        return s
    return s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def _literal_value(node: Node) -> Any:
    v = node.value
    if node.regex is not None:
        return {}  # JSON.stringify of a RegExp object
    if node.bigint is not None:
        return node.bigint  # JSON cannot hold a BigInt; its decimal digits stand in
    if isinstance(v, float):
        if math.isinf(v) or math.isnan(v):
            return None
        if v.is_integer() and abs(v) < 1e21:
            return int(v)
    if isinstance(v, str):
        return utf16_to_text(v)
    return v


def to_json(node: Any) -> Any:
    """The AST as plain data, as ``JSON.parse(JSON.stringify(acornAst))`` would give it."""
    if isinstance(node, Node):
        out: dict[str, Any] = {"type": node.type, "start": node.start, "end": node.end}
        optional = OPTIONAL_FIELDS.get(node.type, ())
        for f, jf in zip(node.fields, node.json_fields, strict=True):
            v = getattr(node, f)
            if v is None and jf in optional:
                continue
            is_literal_value = f == "value" and node.type == "Literal"
            out[jf] = _literal_value(node) if is_literal_value else to_json(v)
        return out
    if isinstance(node, list):
        return [to_json(x) for x in node]
    if isinstance(node, dict):
        return {k: to_json(v) for k, v in node.items()}
    if isinstance(node, str):
        return utf16_to_text(node)
    return node


def from_json(data: Any) -> Any:
    """Nodes from acorn-shaped JSON (useful to test passes on acorn's own output)."""
    if isinstance(data, dict) and "type" in data and data["type"] in NODE_CLASSES:
        cls = NODE_CLASSES[data["type"]]
        node = cls(data.get("start", 0), data.get("end", 0))
        for f, jf in zip(cls.fields, cls.json_fields, strict=True):
            setattr(node, f, from_json(data.get(jf)))
        return node
    if isinstance(data, list):
        return [from_json(x) for x in data]
    if isinstance(data, dict):
        return {k: from_json(v) for k, v in data.items()}
    return data


def iter_children(node: Node):
    """Direct child nodes, in field order."""
    for f in node.fields:
        v = getattr(node, f)
        if isinstance(v, Node):
            yield v
        elif isinstance(v, list):
            for x in v:
                if isinstance(x, Node):
                    yield x
