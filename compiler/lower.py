"""Lowering: rewrite constructs that have an exact equivalent in simpler syntax,
before scope resolution (so the names the rewrite introduces are ordinary variables).

Only `with` is lowered.  The hidden names contain a dot, so no script can name them.
"""

from __future__ import annotations

from . import ast as A


def lower(module: A.Module) -> A.Module:
    """Rewrite every `with` statement in module (in place) and return it."""
    _Lowerer().body(module.body)
    return module


class _Lowerer:
    def __init__(self):
        self.count = 0

    def body(self, stmts: list):
        out = []
        for s in stmts:
            new = self.stmt(s)
            out.extend(new if isinstance(new, list) else [new])
        stmts[:] = out

    def stmt(self, node):
        for field in ("body", "orelse", "finalbody"):
            inner = getattr(node, field, None)
            if isinstance(inner, list):
                self.body(inner)
        for h in getattr(node, "handlers", None) or []:
            self.body(h.body)
        if isinstance(node, A.With):
            return self.with_(node, node.items)
        return node

    def with_(self, node: A.With, items: list):
        """with a as x, b as y: body  ==  with a as x: (with b as y: body)

        One item becomes (CPython's order: evaluate the manager, look up __enter__
        and __exit__, call __enter__, bind the target):

            .mgr = a ; .exit = .mgr.__exit__ ; .ok = True
            x = .mgr.__enter__()
            try:
                try: body
                except BaseException as .e:
                    .ok = False
                    if not .exit(type(.e), .e, None): raise
            finally:
                if .ok: .exit(None, None, None)
        """
        item = items[0]
        body = self.with_(node, items[1:]) if len(items) > 1 else node.body
        self.count += 1
        n = self.count
        pos = _Pos(node)
        mgr, exit_, ok, exc = (f".with{n}.{s}" for s in ("mgr", "exit", "ok", "exc"))
        enter = pos(A.Call(pos(A.Attribute(pos.load(mgr), "__enter__", A.Load())), [], []))
        stmts = [
            pos(A.Assign([pos.store(mgr)], item.context_expr)),
            pos(A.Assign([pos.store(exit_)], pos(A.Attribute(pos.load(mgr), "__exit__", A.Load())))),
            pos(A.Assign([pos.store(ok)], pos(A.Constant(True)))),
        ]
        if item.optional_vars is not None:
            stmts.append(pos(A.Assign([item.optional_vars], enter)))
        else:
            stmts.append(pos(A.Expr(enter)))
        exit_call = pos(A.Call(pos.load(exit_), [
            pos(A.Call(pos.load("type"), [pos.load(exc)], [])), pos.load(exc),
            pos(A.Constant(None))], []))
        handler = pos(A.ExceptHandler(pos.load("BaseException"), exc, [
            pos(A.Assign([pos.store(ok)], pos(A.Constant(False)))),
            pos(A.If(pos(A.UnaryOp(A.Not(), exit_call)), [pos(A.Raise())], [])),
        ]))
        none = [pos(A.Constant(None)) for _ in range(3)]
        final = pos(A.If(pos.load(ok), [pos(A.Expr(pos(A.Call(pos.load(exit_), none, []))))], []))
        inner = pos(A.Try(body, [handler], [], []))
        stmts.append(pos(A.Try([inner], [], [], [final])))
        return stmts


class _Pos:
    """Gives synthesized nodes the source position of the statement they replace."""

    def __init__(self, node):
        self.node = node

    def __call__(self, new):
        for a in A.POSITIONS:
            setattr(new, a, getattr(self.node, a))
        return new

    def load(self, name):
        return self(A.Name(name, A.Load()))

    def store(self, name):
        return self(A.Name(name, A.Store()))
