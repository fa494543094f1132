"""Amber's abstract syntax tree.

The classes mirror CPython 3.11's ``ast`` module: same class names, same field names in the
same order (``_fields``), same position attributes (``_attributes``) with the same
conventions (1-based lines, 0-based UTF-8 byte columns, end positions exclusive). Only the
node types of the subset Amber runs exist here (no async, no match); ``type_comment``
fields exist, as in CPython, but are always None.

Nodes are mutable ``attrs`` classes with slots. They compare and hash by identity, so later
passes can use nodes as dictionary keys; compare trees structurally with ``dump``.
Operators and expression contexts are field-less classes; the parser shares one instance
of each (like CPython does), and code generation dispatches on ``type(node).__name__``.
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs

POSITIONS = ("lineno", "col_offset", "end_lineno", "end_col_offset")


def _node(cls):
    """Make ``cls`` an attrs class and record its CPython-style ``_fields``."""
    cls = attrs.define(eq=False, repr=False)(cls)
    cls._fields = tuple(f.name for f in attrs.fields(cls) if not f.kw_only)
    return cls


def _position():
    return attrs.field(default=0, kw_only=True)


@attrs.define(eq=False, repr=False)
class AST:
    """Base of every node."""

    _fields: ClassVar[tuple[str, ...]] = ()
    _attributes: ClassVar[tuple[str, ...]] = ()

    def __repr__(self) -> str:
        try:
            return dump(self)
        except RecursionError:      # a very deep tree: name the node only
            return "<%s at line %s>" % (type(self).__name__, getattr(self, "lineno", "?"))


@attrs.define(eq=False, repr=False)
class _Located(AST):
    """A node with a source span (statements, expressions and a few helpers)."""

    _attributes: ClassVar[tuple[str, ...]] = POSITIONS
    lineno: int = _position()
    col_offset: int = _position()
    end_lineno: int = _position()
    end_col_offset: int = _position()


# ---------------------------------------------------------------- abstract bases

@attrs.define(eq=False, repr=False)
class mod(AST):
    pass


@attrs.define(eq=False, repr=False)
class stmt(_Located):
    pass


@attrs.define(eq=False, repr=False)
class expr(_Located):
    pass


@attrs.define(eq=False, repr=False)
class excepthandler(_Located):
    pass


# ---------------------------------------------------------------- module and statements

@_node
class Module(mod):
    body: list
    type_ignores: list = attrs.field(factory=list)


@_node
class FunctionDef(stmt):
    name: str
    args: arguments
    body: list
    decorator_list: list
    returns: Any = None
    type_comment: Any = None


@_node
class ClassDef(stmt):
    name: str
    bases: list
    keywords: list
    body: list
    decorator_list: list


@_node
class Return(stmt):
    value: Any = None


@_node
class Delete(stmt):
    targets: list


@_node
class Assign(stmt):
    targets: list
    value: Any
    type_comment: Any = None


@_node
class AugAssign(stmt):
    target: Any
    op: Any
    value: Any


@_node
class AnnAssign(stmt):
    target: Any
    annotation: Any
    value: Any
    simple: int


@_node
class For(stmt):
    target: Any
    iter: Any
    body: list
    orelse: list
    type_comment: Any = None


@_node
class While(stmt):
    test: Any
    body: list
    orelse: list


@_node
class If(stmt):
    test: Any
    body: list
    orelse: list


@_node
class With(stmt):
    items: list
    body: list
    type_comment: Any = None


@_node
class withitem(AST):
    context_expr: Any
    optional_vars: Any = None


@_node
class Raise(stmt):
    exc: Any = None
    cause: Any = None


@_node
class Try(stmt):
    body: list
    handlers: list
    orelse: list
    finalbody: list


@_node
class ExceptHandler(excepthandler):
    type: Any
    name: Any
    body: list


@_node
class Assert(stmt):
    test: Any
    msg: Any = None


@_node
class Import(stmt):
    names: list


@_node
class ImportFrom(stmt):
    module: Any
    names: list
    level: int = 0


@_node
class alias(_Located):
    name: str
    asname: Any = None


@_node
class Global(stmt):
    names: list


@_node
class Nonlocal(stmt):
    names: list


@_node
class Expr(stmt):
    value: Any


@_node
class Pass(stmt):
    pass


@_node
class Break(stmt):
    pass


@_node
class Continue(stmt):
    pass


# ---------------------------------------------------------------- expressions

@_node
class BoolOp(expr):
    op: Any
    values: list


@_node
class NamedExpr(expr):
    target: Any
    value: Any


@_node
class BinOp(expr):
    left: Any
    op: Any
    right: Any


@_node
class UnaryOp(expr):
    op: Any
    operand: Any


@_node
class Lambda(expr):
    args: arguments
    body: Any


@_node
class IfExp(expr):
    test: Any
    body: Any
    orelse: Any


@_node
class Dict(expr):
    keys: list
    values: list


@_node
class Set(expr):
    elts: list


@_node
class ListComp(expr):
    elt: Any
    generators: list


@_node
class SetComp(expr):
    elt: Any
    generators: list


@_node
class DictComp(expr):
    key: Any
    value: Any
    generators: list


@_node
class GeneratorExp(expr):
    elt: Any
    generators: list


@_node
class comprehension(AST):
    target: Any
    iter: Any
    ifs: list
    is_async: int = 0


@_node
class Yield(expr):
    value: Any = None


@_node
class YieldFrom(expr):
    value: Any


@_node
class Compare(expr):
    left: Any
    ops: list
    comparators: list


@_node
class Call(expr):
    func: Any
    args: list
    keywords: list


@_node
class keyword(_Located):
    arg: Any
    value: Any


@_node
class FormattedValue(expr):
    value: Any
    conversion: int
    format_spec: Any = None


@_node
class JoinedStr(expr):
    values: list


@_node
class Constant(expr):
    value: Any
    kind: Any = None


@_node
class Attribute(expr):
    value: Any
    attr: str
    ctx: Any


@_node
class Subscript(expr):
    value: Any
    slice: Any
    ctx: Any


@_node
class Starred(expr):
    value: Any
    ctx: Any


@_node
class Name(expr):
    id: str
    ctx: Any


@_node
class List(expr):
    elts: list
    ctx: Any


@_node
class Tuple(expr):
    elts: list
    ctx: Any


@_node
class Slice(expr):
    lower: Any = None
    upper: Any = None
    step: Any = None


@_node
class arguments(AST):
    posonlyargs: list
    args: list
    vararg: Any
    kwonlyargs: list
    kw_defaults: list
    kwarg: Any
    defaults: list


@_node
class arg(_Located):
    arg: str
    annotation: Any = None
    type_comment: Any = None


# ---------------------------------------------------------------- operators and contexts

# Field-less node types are plain slotted classes: attrs would add nothing but import time.

class expr_context(AST):
    __slots__ = ()


class boolop(AST):
    __slots__ = ()


class operator(AST):
    __slots__ = ()


class unaryop(AST):
    __slots__ = ()


class cmpop(AST):
    __slots__ = ()


class Load(expr_context):
    __slots__ = ()


class Store(expr_context):
    __slots__ = ()


class Del(expr_context):
    __slots__ = ()


class And(boolop):
    __slots__ = ()


class Or(boolop):
    __slots__ = ()


class Add(operator):
    __slots__ = ()


class Sub(operator):
    __slots__ = ()


class Mult(operator):
    __slots__ = ()


class MatMult(operator):
    __slots__ = ()


class Div(operator):
    __slots__ = ()


class Mod(operator):
    __slots__ = ()


class Pow(operator):
    __slots__ = ()


class LShift(operator):
    __slots__ = ()


class RShift(operator):
    __slots__ = ()


class BitOr(operator):
    __slots__ = ()


class BitXor(operator):
    __slots__ = ()


class BitAnd(operator):
    __slots__ = ()


class FloorDiv(operator):
    __slots__ = ()


class Invert(unaryop):
    __slots__ = ()


class Not(unaryop):
    __slots__ = ()


class UAdd(unaryop):
    __slots__ = ()


class USub(unaryop):
    __slots__ = ()


class Eq(cmpop):
    __slots__ = ()


class NotEq(cmpop):
    __slots__ = ()


class Lt(cmpop):
    __slots__ = ()


class LtE(cmpop):
    __slots__ = ()


class Gt(cmpop):
    __slots__ = ()


class GtE(cmpop):
    __slots__ = ()


class Is(cmpop):
    __slots__ = ()


class IsNot(cmpop):
    __slots__ = ()


class In(cmpop):
    __slots__ = ()


class NotIn(cmpop):
    __slots__ = ()


# ---------------------------------------------------------------- helpers

def iter_child_nodes(node: AST):
    """Yield the direct child nodes of ``node`` (like ``ast.iter_child_nodes``)."""
    for name in node._fields:
        value = getattr(node, name)
        if isinstance(value, AST):
            yield value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, AST):
                    yield item


def walk(node: AST):
    """Yield ``node`` and all its descendants, without recursion (order unspecified)."""
    todo = [node]
    while todo:
        current = todo.pop()
        yield current
        todo.extend(iter_child_nodes(current))


def dump(node: Any, positions: bool = False) -> str:
    """A normalized structural dump of a tree.

    Works on Amber nodes and on CPython ``ast`` nodes alike (it only uses ``_fields``,
    ``_attributes`` and the class name), so the two can be compared as strings. With
    ``positions=True`` every located node is followed by ``@line:col-end_line:end_col``.
    It recurses: trees deeper than about a third of the recursion limit need a higher one.
    """
    if isinstance(node, list):
        return "[" + ", ".join(dump(item, positions) for item in node) + "]"
    fields = getattr(type(node), "_fields", None)
    if fields is None or isinstance(node, (str, bytes, tuple)):
        return repr(node)
    inner = ", ".join(f"{name}={dump(getattr(node, name, None), positions)}" for name in fields)
    text = f"{type(node).__name__}({inner})"
    if positions and getattr(type(node), "_attributes", ()):
        text += "@%s:%s-%s:%s" % tuple(getattr(node, name, None) for name in POSITIONS)
    return text
