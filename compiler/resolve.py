"""Scope resolution: decide for every name in every function whether it is a local,
a cell (a local captured by an inner function), a free variable (captured from an
enclosing function) or a global — Python's rules, computed before code generation.
"""

from __future__ import annotations

import attrs

from . import ast as A
from .errors import AmberSyntaxError, make_error

LOCAL, CELL, FREE, GLOBAL = "local", "cell", "free", "global"
NAME = "name"   # a class body's own name: lives in the class namespace dict


@attrs.define(eq=False)
class Scope:
    """The names of one function (or the module)."""

    node: object
    parent: "Scope | None"
    is_module: bool = False
    is_class: bool = False      # a class body: its bindings are namespace entries
    params: list[str] = attrs.field(factory=list)
    assigned: set[str] = attrs.field(factory=set)
    used: set[str] = attrs.field(factory=set)
    global_decl: set[str] = attrs.field(factory=set)
    nonlocal_decl: set[str] = attrs.field(factory=set)
    nonlocal_node: dict = attrs.field(factory=dict)   # name -> its nonlocal statement
    children: list["Scope"] = attrs.field(factory=list)
    cells: set[str] = attrs.field(factory=set)
    frees: list[str] = attrs.field(factory=list)   # in order of first capture
    is_generator: bool = False   # the function contains yield (or is a generator expression)

    def kind(self, name: str) -> str:
        """How `name` is reached from this scope."""
        if self.is_module or name in self.global_decl:
            return GLOBAL
        if self.is_class:
            if name in self.cells:
                return CELL
            if name in self.nonlocal_decl:      # the enclosing function's variable
                return FREE
            if name in self.assigned:
                return NAME
            return FREE if name in self.frees else GLOBAL
        if name in self.frees:
            return FREE
        if name in self.cells:
            return CELL
        if name in self.params or name in self.assigned:
            return LOCAL
        return GLOBAL

    def is_local(self, name: str) -> bool:
        """Whether name is a variable of this function that inner functions can
        capture (a class body's names are not: methods do not see them)."""
        return not self.is_module and not self.is_class and name not in self.global_decl and (
            name in self.params or name in self.assigned or name in self.nonlocal_decl)

    def binds(self, name: str) -> bool:
        """Whether this scope binds name itself (reads of it stay here)."""
        if self.is_class:
            return name in self.assigned and name not in self.global_decl \
                and name not in self.nonlocal_decl
        return self.is_local(name)


class _Collector:
    """Walks a function body (not nested bodies) recording bindings and uses."""

    def __init__(self, scope: Scope, filename: str, scopes: dict):
        self.scope = scope
        self.filename = filename
        self.scopes = scopes

    def error(self, node, msg):
        raise make_error(AmberSyntaxError, msg, node.lineno, node.col_offset + 1,
                         filename=self.filename)

    def visit(self, node):
        if isinstance(node, list):
            for item in node:
                self.visit(item)
            return
        if node is None or not hasattr(node, "__attrs_attrs__") and not hasattr(node, "_fields"):
            return
        method = getattr(self, "visit_" + type(node).__name__, None)
        if method is not None:
            method(node)
        else:
            self.generic(node)

    def generic(self, node):
        for field in _fields(node):
            self.visit(getattr(node, field))

    def bind(self, name, node):
        s = self.scope
        if name in s.global_decl or name in s.nonlocal_decl:
            if name in s.nonlocal_decl:
                s.assigned.add(name)
            return
        s.assigned.add(name)

    def visit_Name(self, node):
        if type(node.ctx).__name__ in ("Store", "Del"):
            self.bind(node.id, node)
        else:
            self.scope.used.add(node.id)
            if node.id == "super":      # zero-argument super() reads the __class__ cell
                self.scope.used.add("__class__")

    def visit_ClassDef(self, node):
        self.bind(node.name, node)
        for item in node.decorator_list + node.bases + [k.value for k in node.keywords]:
            self.visit(item)
        child = Scope(node=node, parent=self.scope, is_class=True)
        self.scope.children.append(child)
        self.scopes[id(node)] = child
        inner = _Collector(child, self.filename, self.scopes)
        for stmt in node.body:
            inner.visit(stmt)

    def visit_Global(self, node):
        for name in node.names:
            if name in self.scope.params:
                self.error(node, f"name '{name}' is parameter and global")
            if name in self.scope.assigned or name in self.scope.used:
                self.error(node, f"name '{name}' is assigned to before global declaration"
                           if name in self.scope.assigned else
                           f"name '{name}' is used prior to global declaration")
            self.scope.global_decl.add(name)

    def visit_Nonlocal(self, node):
        if self.scope.is_module:
            self.error(node, "nonlocal declaration not allowed at module level")
        for name in node.names:
            if name in self.scope.params:
                self.error(node, f"name '{name}' is parameter and nonlocal")
            if name in self.scope.assigned or name in self.scope.used:
                self.error(node, f"name '{name}' is assigned to before nonlocal declaration"
                           if name in self.scope.assigned else
                           f"name '{name}' is used prior to nonlocal declaration")
            self.scope.nonlocal_decl.add(name)
            self.scope.nonlocal_node.setdefault(name, node)

    def _function(self, node, args, body, name=None):
        if name is not None:
            self.bind(name, node)
        for d in args.defaults:
            self.visit(d)
        for d in args.kw_defaults:
            self.visit(d)
        for dec in getattr(node, "decorator_list", []):
            self.visit(dec)
        child = Scope(node=node, parent=self.scope)
        self.scope.children.append(child)
        self.scopes[id(node)] = child
        every = args.posonlyargs + args.args + args.kwonlyargs + \
            [a for a in (args.vararg, args.kwarg) if a is not None]
        for a in every:
            if a.arg in child.params:
                raise make_error(AmberSyntaxError,
                                 f"duplicate argument '{a.arg}' in function definition",
                                 a.lineno, a.col_offset + 1, filename=self.filename)
            child.params.append(a.arg)
        inner = _Collector(child, self.filename, self.scopes)
        if isinstance(body, list):
            for stmt in body:
                inner.visit(stmt)
        else:
            inner.visit(body)

    def visit_FunctionDef(self, node):
        self._function(node, node.args, node.body, node.name)

    def _comprehension(self, node):
        """A comprehension is a function of one argument (.0, the first iterator):
        its targets are its own locals, as in CPython 3.11."""
        gens = node.generators
        self.visit(gens[0].iter)     # evaluated in the enclosing scope
        child = Scope(node=node, parent=self.scope)
        child.is_generator = type(node).__name__ == "GeneratorExp"
        self.scope.children.append(child)
        self.scopes[id(node)] = child
        child.params.append(".0")
        inner = _Collector(child, self.filename, self.scopes)
        for i, g in enumerate(gens):
            inner.visit(g.target)
            if i:
                inner.visit(g.iter)
            for cond in g.ifs:
                inner.visit(cond)
        if type(node).__name__ == "DictComp":
            inner.visit(node.key)
            inner.visit(node.value)
        else:
            inner.visit(node.elt)

    visit_ListComp = visit_DictComp = visit_SetComp = visit_GeneratorExp = _comprehension

    def visit_Yield(self, node):
        kind = type(self.scope.node).__name__
        if self.scope.is_module:
            self.error(node, "'yield' outside function")
        if kind in _COMPREHENSION_NAMES:
            self.error(node, f"'yield' inside {_COMPREHENSION_NAMES[kind]}")
        self.scope.is_generator = True
        self.generic(node)

    visit_YieldFrom = visit_Yield

    def visit_Lambda(self, node):
        self._function(node, node.args, node.body)

    def visit_NamedExpr(self, node):
        self.visit(node.value)
        name = node.target.id
        chain = []      # the comprehensions the walrus sits in, innermost first
        s = self.scope
        while type(s.node).__name__ in _COMPREHENSION_NAMES:
            chain.append(s)
            s = s.parent
        if not chain:
            self.bind(name, node)
            return
        # PEP 572: the target belongs to the nearest scope that is not a comprehension
        if s.is_class:
            self.error(node, "assignment expression within a comprehension cannot be "
                       "used in a class body")
        for c in chain:
            if name in c.params or name in c.assigned:
                self.error(node, "assignment expression cannot rebind comprehension "
                           f"iteration variable '{name}'")
        if s.is_module or name in s.global_decl:
            for c in chain:
                c.global_decl.add(name)
            s.assigned.add(name)
            return
        if name not in s.nonlocal_decl:
            s.assigned.add(name)
        for c in chain:
            c.nonlocal_decl.add(name)
            c.nonlocal_node.setdefault(name, node)

    def visit_ExceptHandler(self, node):
        if node.name:
            self.bind(node.name, node)
        self.generic(node)

    def visit_alias(self, node):
        name = node.asname or node.name.split(".")[0]
        if name != "*":
            self.bind(name, node)


_COMPREHENSION_NAMES = {"ListComp": "list comprehension", "SetComp": "set comprehension",
                        "DictComp": "dict comprehension", "GeneratorExp": "generator expression"}


def _fields(node):
    fields = getattr(node, "_fields", None)
    if fields is not None:
        return fields
    return [a.name for a in node.__attrs_attrs__
            if a.name not in ("lineno", "col_offset", "end_lineno", "end_offset", "end_col_offset")]


def resolve(module, filename: str) -> tuple[Scope, dict]:
    """Scopes for a module: (module scope, {id(function node): Scope})."""
    scopes: dict = {}
    top = Scope(node=module, parent=None, is_module=True)
    scopes[id(module)] = top
    _Collector(top, filename, scopes).visit(module.body)
    _link(top, filename)
    return top, scopes


def _link(scope: Scope, filename: str):
    """Resolve free variables bottom-up: a name a child uses but does not bind is
    free there if an enclosing function binds it (which makes it a cell there)."""
    for child in scope.children:
        _link(child, filename)
    if scope.is_module:
        return
    for name in sorted(scope.nonlocal_decl):
        owner = scope.parent
        while owner is not None and not owner.is_module and not owner.is_local(name):
            owner = owner.parent
        if owner is None or owner.is_module:
            node = scope.nonlocal_node.get(name, scope.node)
            raise make_error(AmberSyntaxError, f"no binding for nonlocal '{name}' found",
                             node.lineno, node.col_offset + 1, filename=filename)
    wanted = _needed_from_outside(scope)
    for name in wanted:
        _capture(scope, name)


def _needed_from_outside(scope: Scope) -> list[str]:
    """Names this scope (or its children, transitively) reads from enclosing functions."""
    names = []
    for name in sorted(scope.used | scope.nonlocal_decl):
        if not scope.binds(name) or name in scope.nonlocal_decl:
            if name not in scope.global_decl:
                names.append(name)
    for child in scope.children:
        for name in child.frees:
            if not scope.is_local(name) and name not in scope.global_decl and name not in names:
                names.append(name)
    return names


def _capture(scope: Scope, name: str):
    """Make `name` free in scope if some enclosing function binds it."""
    owner = scope.parent
    chain = [scope]
    while owner is not None and not owner.is_module:
        if owner.is_class and name == "__class__":   # the cell zero-argument super() reads
            owner.cells.add(name)
            for s in chain:
                if name not in s.frees:
                    s.frees.append(name)
            return
        if owner.is_local(name) and name not in owner.nonlocal_decl:
            owner.cells.add(name)
            for s in chain:
                if name not in s.frees:
                    s.frees.append(name)
            return
        if name in owner.global_decl:
            return
        chain.append(owner)
        owner = owner.parent
