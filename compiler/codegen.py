"""Code generation: scoped AST -> Program (code objects of instruction words).

One method per AST node kind.  Jumps are emitted against labels and patched when the
code object is finished; the maximum stack depth is then computed by a flow analysis
over the finished instructions (so it cannot be underestimated).
"""

from __future__ import annotations

from ..vm import opcodes as O
from ..vm.builtins import (BUILTINS, INTERNAL, VALUE_BASES, MODULES, REFUSED_MODULES, module_names,
                           AMBER_MODULES)
from ..stdlib import source as stdlib_source
from .lower import lower
import functools
import pickle
from . import ast as A
from ..vm.layout import (MAX_INT_BITS, PRELUDE_ENTRIES, PRELUDE_MODULE, PRELUDE_PREFIX,
                         CO_GENERATOR, STDLIB_MODULE)
from .errors import UnsupportedFeatureError, AmberSyntaxError, AmberImportError, make_error
from .program import CodeObject, Program
from .resolve import CELL, FREE, GLOBAL, LOCAL, NAME, Scope, resolve

SMALL_INT_MIN = O.ARG_MIN
SMALL_INT_MAX = O.ARG_MAX
INT64_MIN = -(1 << 63)
INT64_MAX = (1 << 63) - 1

BINOP_NUM = {name: i for i, name in enumerate(
    ["Add", "Sub", "Mult", "Div", "FloorDiv", "Mod", "Pow", "LShift", "RShift",
     "BitAnd", "BitOr", "BitXor", "MatMult"])}
CMPOP_NUM = {name: i for i, name in enumerate(
    ["Lt", "LtE", "Eq", "NotEq", "Gt", "GtE", "In", "NotIn", "Is", "IsNot"])}
UNARY_NUM = {"USub": 0, "UAdd": 1, "Not": 2, "Invert": 3}


class Label:
    __slots__ = ("pos",)

    def __init__(self):
        self.pos = None


class _Program:
    """Shared tables that every code object of one program adds to."""

    def __init__(self, filename: str, source: str):
        self.filename = filename
        self.source = source
        self.lines = source.splitlines()
        self.codes: list[CodeObject | None] = []
        self.consts: list = []
        self.const_index: dict = {}
        self.globals: list[str] = []
        self.global_index: dict[str, int] = {}
        self.imported: list[str] = []   # modules written in Amber the code imports
        # frozenset constants made so far: their constant key -> the item order of the
        # first one (CPython 3.11 reuses that constant for every equal display)
        self.frozen: dict = {}

    def const(self, value) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            key = ("int", value)     # (repr() of a huge int would hit the digit limit)
        else:
            key = (type(value).__name__, repr(value)) if not isinstance(value, tuple) else value
        idx = self.const_index.get(key)
        if idx is None:
            idx = len(self.consts)
            self.consts.append(value)
            self.const_index[key] = idx
        return idx

    def const_tuple(self, items: list) -> int:
        inner = [self.const(x) for x in items]
        return self.const(("tuple", tuple(inner)))

    def name(self, name: str) -> int:
        """Attribute and method names are str constants: the VM needs their text."""
        return self.const(name)

    def global_slot(self, name: str) -> int:
        idx = self.global_index.get(name)
        if idx is None:
            idx = len(self.globals)
            self.globals.append(name)
            self.global_index[name] = idx
        return idx


class _Loop:
    def __init__(self, top: Label, exit: Label, is_for: bool, depth: int):
        self.top = top
        self.exit = exit
        self.is_for = is_for
        self.depth = depth      # statement-level stack depth outside the loop


class _Protected:
    """The instructions a try statement protects: a list of [start, end) segments,
    since code inlined for return/break/continue (finally bodies) is left out."""

    def __init__(self, depth: int):
        self.depth = depth
        self.segments: list[list[int]] = []
        self.open: int | None = None


class _Finally:
    """An enclosing try/finally: return, break and continue run its body first."""

    def __init__(self, protected: _Protected, body: list):
        self.protected = protected
        self.body = body


class _Handler:
    """An enclosing except clause: its exception is in a hidden local (bare raise)."""

    def __init__(self, slot: int):
        self.slot = slot


class CodeGen:
    """Emits one code object (a function body or the module body)."""

    def __init__(self, prog: _Program, scope: Scope, scopes: dict, name: str, first_line: int,
                 qualname: str = "", body=(), prefix: str = "", filename: str = ""):
        self.prog = prog
        self.module = PRELUDE_MODULE if prefix == PRELUDE_PREFIX else \
            STDLIB_MODULE if prefix else 0
        self.prefix = prefix        # prepended to global names (the prelude's "<prelude>.")
        self.filename = filename or prog.filename
        self.qualname = qualname or name
        self.scope = scope
        self.scopes = scopes
        self.name = name
        self.first_line = first_line
        self.code: list[tuple[int, object]] = []   # (opcode, arg or Label)
        self.lines: list[int] = []
        self.line = first_line
        self.loops: list[_Loop] = []
        # enclosing loops, try/finally statements and except clauses, innermost last
        self.blocks: list = []
        self.protected: list[_Protected] = []   # active try statements, innermost last
        self.handlers: list[list] = []          # finished exception-table entries
        self.depth = 0      # operand-stack items held by enclosing statements (for loops)
        self.hidden = 0     # hidden locals in use (handlers being compiled, nested)
        # per enclosing try body (innermost last): whether its handlers catch ImportError
        self.import_guards: list[bool] = []
        # local slots: params, other locals (incl. cells), then free variables
        self.local_names: list[str] = []
        self.local_index: dict[str, int] = {}
        if scope.is_class:
            self._add_local(".ns")      # local 0 of a class body: its namespace dict
        if not scope.is_module:
            for p in scope.params:
                self._add_local(p)
            for n in sorted(scope.assigned | scope.cells):
                if scope.kind(n) in (LOCAL, CELL):
                    self._add_local(n)
        # hidden locals hold the exception an except or finally clause is handling;
        # they come before the free variables, which must be the last slots
        for i in range(2 * _count_tries(body)):
            self._add_local(f".exc{i + 1}")
        if not scope.is_module:
            for n in scope.frees:
                self._add_local(n)

    def _add_local(self, name):
        if name not in self.local_index:
            self.local_index[name] = len(self.local_names)
            self.local_names.append(name)

    # ---- emitting -------------------------------------------------------------

    def emit(self, op: str, arg=0):
        self.code.append((O.BY_NAME[op].code, arg))
        self.lines.append(self.line)

    def mark(self, label: Label):
        label.pos = len(self.code)

    def error(self, node, msg, cls=UnsupportedFeatureError):
        lineno = getattr(node, "lineno", self.line)
        col = getattr(node, "col_offset", 0)
        text = self.prog.lines[lineno - 1] if 0 < lineno <= len(self.prog.lines) else None
        if text is not None:    # AST columns count UTF-8 bytes; SyntaxError counts characters
            col = len(text.encode("utf-8")[:col].decode("utf-8", "ignore"))
        raise make_error(cls, msg, lineno, col + 1, filename=self.prog.filename, text=text)

    def unsupported(self, node, what):
        self.error(node, f"not supported by Amber yet: {what}")

    def at(self, node):
        if getattr(node, "lineno", None):
            self.line = node.lineno

    # ---- names ---------------------------------------------------------------

    def gslot(self, name: str) -> int:
        """The global slot of a module-level name of this code's module."""
        return self.prog.global_slot(self.prefix + name)

    def load_name(self, name: str):
        kind = self.scope.kind(name)
        if kind == GLOBAL:
            self.emit("LOAD_GLOBAL", self.gslot(name))
        elif kind == NAME:
            self.emit("LOAD_NAME", self.prog.const_tuple([name, self.gslot(name)]))
        elif kind == LOCAL:
            self.emit("LOAD_FAST", self.local_index[name])
        else:
            self.emit("LOAD_DEREF", self.local_index[name])

    def store_name(self, name: str):
        kind = self.scope.kind(name)
        if kind == GLOBAL:
            self.emit("STORE_GLOBAL", self.gslot(name))
        elif kind == NAME:
            self.emit("STORE_NAME", self.prog.name(name))
        elif kind == LOCAL:
            self.emit("STORE_FAST", self.local_index[name])
        else:
            self.emit("STORE_DEREF", self.local_index[name])

    def delete_name(self, name: str):
        kind = self.scope.kind(name)
        if kind == GLOBAL:
            self.emit("DELETE_GLOBAL", self.gslot(name))
        elif kind == NAME:
            self.emit("DELETE_NAME", self.prog.name(name))
        elif kind == LOCAL:
            self.emit("DELETE_FAST", self.local_index[name])
        else:
            self.emit("DELETE_DEREF", self.local_index[name])

    # ---- finishing -----------------------------------------------------------

    def finish(self, nparams: int, ndefaults: int, nkwonly: int = 0, nposonly: int = 0,
               flags: int = 0, kwdefmap: list | None = None) -> CodeObject:
        words = []
        for op, arg in self.code:
            if isinstance(arg, Label):
                arg = arg.pos
            words.append(O.encode(op, arg))
        words = thread_jumps(words)
        words = O.fuse(words)       # superinstructions (vm/opcodes.py, FUSED)
        co = CodeObject(
            name=self.name, filename=self.filename, code=words, lines=list(self.lines),
            nparams=nparams, nlocals=len(self.local_names), nfree=len(self.scope.frees),
            ndefaults=ndefaults, stacksize=0, local_names=list(self.local_names),
            first_line=self.first_line, qualname=self.qualname,
            paramnames_const=self.prog.const_tuple(self.local_names[:nparams + nkwonly]),
            nposonly=nposonly, nkwonly=nkwonly, flags=flags, module=self.module,
            nkwdefaults=sum(1 for j in kwdefmap or [] if j >= 0),
            kwdefmap_const=self.prog.const_tuple(kwdefmap) if nkwonly else -1)
        co.handlers = [[s, e, t.pos, d] for s, e, t, d in self.handlers]
        co.stacksize = max_stack(co, self.prog.codes)
        return co

    # ---- statements ----------------------------------------------------------

    def stmts(self, body):
        for s in body:
            self.stmt(s)

    def stmt(self, node):
        self.at(node)
        method = getattr(self, "s_" + type(node).__name__, None)
        if method is None:
            self.unsupported(node, _describe(node))
        method(node)

    def s_Expr(self, node):
        self.expr(node.value)
        self.emit("POP_TOP")

    def s_Pass(self, node):
        pass

    def s_Global(self, node):
        pass

    s_Nonlocal = s_Global

    def s_Assign(self, node):
        self.expr(node.value)
        for i, target in enumerate(node.targets):
            if i < len(node.targets) - 1:
                self.emit("DUP_TOP")
            self.store(target)

    def s_AnnAssign(self, node):
        if node.value is not None:
            self.expr(node.value)
            self.store(node.target)
        if self.scope.is_module:
            # CPython evaluates module-level annotations (into __annotations__, which
            # Amber does not keep): the evaluation and its errors still happen
            self.expr(node.annotation)
            self.emit("POP_TOP")

    def s_AugAssign(self, node):
        op = BINOP_NUM[type(node.op).__name__] + O.INPLACE
        t = node.target
        tname = type(t).__name__
        if tname == "Name":
            self.load_name(t.id)
            self.expr(node.value)
            self.at(node)
            self.emit("BINARY_OP", op)
            self.store_name(t.id)
        elif tname == "Subscript" and self.reloadable(t.value, t.slice, node.value):
            # container and index are locals (or a small int) that nothing in the
            # value can rebind: loaded again for the store, instead of DUP_TOP_TWO
            # before and ROT_THREE after (one dispatch fewer: nbody's `v[0] -= ...`)
            self.expr(t.value)
            self.subscript_index(t.slice)
            self.at(t)
            self.emit("BINARY_SUBSCR")
            self.expr(node.value)
            self.at(node)
            self.emit("BINARY_OP", op)
            self.expr(t.value)
            self.subscript_index(t.slice)
            self.at(t)
            self.emit("STORE_SUBSCR")
        elif tname == "Subscript":
            self.expr(t.value)
            self.subscript_index(t.slice)
            self.emit("DUP_TOP_TWO")
            self.at(t)
            self.emit("BINARY_SUBSCR")
            self.expr(node.value)
            self.at(node)
            self.emit("BINARY_OP", op)
            self.emit("ROT_THREE")
            self.emit("STORE_SUBSCR")
        elif tname == "Attribute" and self.reloadable(t.value, None, node.value):
            # as for a subscript: `self.n += 1` loads self again for the store
            self.expr(t.value)
            self.at(t)
            self.emit("LOAD_ATTR", self.prog.name(t.attr))
            self.expr(node.value)
            self.at(node)
            self.emit("BINARY_OP", op)
            self.expr(t.value)
            self.at(t)
            self.emit("STORE_ATTR", self.prog.name(t.attr))
        elif tname == "Attribute":
            self.expr(t.value)
            self.emit("DUP_TOP")
            self.at(t)
            self.emit("LOAD_ATTR", self.prog.name(t.attr))
            self.expr(node.value)
            self.at(node)
            self.emit("BINARY_OP", op)
            self.emit("ROT_TWO")
            self.at(t)
            self.emit("STORE_ATTR", self.prog.name(t.attr))
        else:
            self.error(t, "'expression' is an illegal expression for augmented assignment",
                       AmberSyntaxError)

    def reloadable(self, container, index, value) -> bool:
        """True if an augmented assignment's container is a fast local, its index (if
        a subscript) a fast local or an int constant, and `value` assigns neither name
        (a walrus, also one in a comprehension, binds in this scope): loading them
        again for the store then gives the same objects."""
        names = []
        for part in (container, index):
            kind = type(part).__name__
            if kind == "Name" and self.scope.kind(part.id) == LOCAL:
                names.append(part.id)
            elif not (part is None or part is index and kind == "Constant"
                      and type(part.value) is int):
                return False
        return not any(type(n).__name__ == "NamedExpr" and n.target.id in names
                       for n in A.walk(value))

    def store(self, target):
        kind = type(target).__name__
        self.at(target)
        if kind == "Name":
            self.store_name(target.id)
        elif kind in ("Tuple", "List"):
            stars = [i for i, e in enumerate(target.elts) if type(e).__name__ == "Starred"]
            if len(stars) > 1:
                self.error(target.elts[stars[1]], "multiple starred expressions in assignment",
                           AmberSyntaxError)
            if stars:
                before = stars[0]
                after = len(target.elts) - before - 1
                if before > 0xFFF or after > 0xFFF:
                    self.error(target, "too many expressions in star-unpacking assignment",
                               AmberSyntaxError)
                self.emit("UNPACK_EX", before | after << 12)
            else:
                self.emit("UNPACK_SEQUENCE", len(target.elts))
            for e in target.elts:
                self.store(e.value if type(e).__name__ == "Starred" else e)
        elif kind == "Starred":
            self.error(target, "starred assignment target must be in a list or tuple",
                       AmberSyntaxError)
        elif kind == "Subscript":
            self.expr(target.value)
            self.subscript_index(target.slice)
            self.at(target)
            self.emit("STORE_SUBSCR")
        elif kind == "Attribute":
            self.expr(target.value)
            self.at(target)
            self.emit("STORE_ATTR", self.prog.name(target.attr))
        else:
            self.error(target, "cannot assign to expression", AmberSyntaxError)

    def s_Delete(self, node):
        self.delete_targets(node.targets)

    def delete_targets(self, targets):
        for t in targets:
            kind = type(t).__name__
            self.at(t)
            if kind == "Name":
                self.delete_name(t.id)
            elif kind == "Subscript":
                self.expr(t.value)
                self.subscript_index(t.slice)
                self.at(t)
                self.emit("DELETE_SUBSCR")
            elif kind in ("Tuple", "List"):
                self.delete_targets(t.elts)
            elif kind == "Attribute":
                self.expr(t.value)
                self.at(t)
                self.emit("DELETE_ATTR", self.prog.name(t.attr))
            else:
                self.unsupported(t, "deleting this kind of target")

    def s_If(self, node):
        orelse = Label()
        end = Label()
        self.condition(node.test, orelse, False)
        self.stmts(node.body)
        if node.orelse:
            self.emit("JUMP", end)
        self.mark(orelse)
        if node.orelse:
            self.stmts(node.orelse)
        self.mark(end)

    def condition(self, test, target: Label, jump_if: bool):
        """Jump to target if truth(test) == jump_if; fall through otherwise."""
        kind = type(test).__name__
        if kind == "UnaryOp" and type(test.op).__name__ == "Not":
            self.condition(test.operand, target, not jump_if)
            return
        if kind == "BoolOp":
            is_and = type(test.op).__name__ == "And"
            if is_and != jump_if:
                # and-jump-if-false / or-jump-if-true: every operand may jump
                for v in test.values:
                    self.condition(v, target, jump_if)
            else:
                skip = Label()
                for v in test.values[:-1]:
                    self.condition(v, skip, not jump_if)
                self.condition(test.values[-1], target, jump_if)
                self.mark(skip)
            return
        self.expr(test)
        self.emit("POP_JUMP_IF_TRUE" if jump_if else "POP_JUMP_IF_FALSE", target)

    def s_While(self, node):
        top = Label()
        orelse = Label()
        exit_ = Label()
        self.mark(top)
        self.condition(node.test, orelse, False)
        self.loop_body(_Loop(top, exit_, False, self.depth), node.body)
        self.emit("JUMP", top)
        self.mark(orelse)
        self.stmts(node.orelse)
        self.mark(exit_)

    def s_For(self, node):
        top = Label()
        done = Label()
        exit_ = Label()
        self.iterable(node.iter)
        self.at(node.iter)
        self.emit("GET_ITER")
        self.mark(top)
        self.at(node)
        self.emit("FOR_ITER", done)
        self.depth += 1
        self.store(node.target)
        self.loop_body(_Loop(top, exit_, True, self.depth - 1), node.body)
        self.depth -= 1
        self.emit("JUMP", top)
        self.mark(done)
        self.stmts(node.orelse)
        self.mark(exit_)

    def loop_body(self, loop: _Loop, body):
        self.loops.append(loop)
        self.blocks.append(loop)
        self.stmts(body)
        self.blocks.pop()
        self.loops.pop()

    def s_Break(self, node):
        if not self.loops:
            self.error(node, "'break' outside loop", AmberSyntaxError)
        loop = self.loops[-1]
        suspended = self.unwind_blocks(self.blocks.index(loop) + 1, 0, loop.depth)
        self.drop_held(loop)
        if loop.is_for:
            self.emit("POP_TOP")     # the iterator
        self.emit("JUMP", loop.exit)
        self.resume_all(suspended)

    def s_Continue(self, node):
        if not self.loops:
            self.error(node, "'continue' not properly in loop", AmberSyntaxError)
        loop = self.loops[-1]
        suspended = self.unwind_blocks(self.blocks.index(loop) + 1, 0, loop.depth)
        self.drop_held(loop)
        self.emit("JUMP", loop.top)
        self.resume_all(suspended)

    def drop_held(self, loop):
        """A break or continue in a finally body that a return runs (inlined) leaves
        the function's return value on the stack: the jump discards it, as CPython's
        does."""
        for _ in range(self.depth - loop.depth - (1 if loop.is_for else 0)):
            self.emit("POP_TOP")

    def s_Return(self, node):
        if self.scope.is_module:
            self.error(node, "'return' outside function", AmberSyntaxError)
        if node.value is None:
            self.emit("LOAD_CONST", self.prog.const(None))
        else:
            self.expr(node.value)
        self.at(node)
        suspended = self.unwind_blocks(0, 1, -1)
        self.emit("RETURN_VALUE")
        self.resume_all(suspended)

    # ---- exceptions ------------------------------------------------------------

    def unwind_blocks(self, stop: int, held: int, outer_depth: int) -> list:
        """Before leaving blocks[stop:] by a jump or return, run the bodies of the
        finally clauses among them (innermost first), each outside its own try's
        protection.  `held` operand-stack items (a return value) stay below while
        they run.  Returns the protections suspended over the way out: every try
        statement inside what is left (the jump may pop a loop's iterator, below
        their stack depth); the caller resumes them after its jump."""
        saved_blocks = self.blocks
        saved_line = self.line
        all_protected = self.protected
        for i in range(len(saved_blocks) - 1, stop - 1, -1):
            block = saved_blocks[i]
            if not isinstance(block, _Finally):
                continue
            self.blocks = saved_blocks[:i]
            k = all_protected.index(block.protected)
            for p in all_protected[k:]:
                self.suspend(p)
            self.protected = all_protected[:k]
            self.depth += held
            self.stmts(block.body)
            self.depth -= held
        self.protected = all_protected
        self.blocks = saved_blocks
        self.line = saved_line
        left = [p for p in all_protected if p.depth > outer_depth]
        for p in left:
            self.suspend(p)
        return left

    def resume_all(self, suspended: list):
        for p in suspended:
            self.resume(p)

    def suspend(self, p: _Protected):
        if p.open is not None:
            if p.open < len(self.code):
                p.segments.append([p.open, len(self.code)])
            p.open = None

    def resume(self, p: _Protected):
        p.open = len(self.code)

    def protect(self) -> _Protected:
        p = _Protected(self.depth)
        self.protected.append(p)
        self.resume(p)
        return p

    def unprotect(self, p: _Protected, target: Label):
        """End a protected region; its exception-table entries jump to target."""
        self.suspend(p)
        self.protected.remove(p)
        for start, end in p.segments:
            self.handlers.append([start, end, target, p.depth])

    def hidden_local(self) -> int:
        """The hidden local of a handler being compiled: one per nesting level, so a
        finally body compiled several times (inlined for return, break, continue)
        reuses the slots of its nested try statements.  Release with release_hidden."""
        self.hidden += 1
        return self.local_index[f".exc{self.hidden}"]

    def release_hidden(self):
        self.hidden -= 1

    def s_Try(self, node):
        if node.finalbody:
            self.try_finally(node)
        else:
            self.try_except(node)

    def try_finally(self, node):
        handler = Label()
        end = Label()
        p = self.protect()
        block = _Finally(p, node.finalbody)
        self.blocks.append(block)
        if node.handlers:
            self.try_except(node)
        else:
            self.stmts(node.body)
        self.blocks.pop()
        self.unprotect(p, handler)
        self.stmts(node.finalbody)          # the normal path
        self.emit("JUMP", end)
        self.mark(handler)                  # the exceptional path: run it, raise again
        slot = self.hidden_local()
        self.emit("STORE_FAST", slot)
        self.stmts(node.finalbody)
        self.emit("LOAD_FAST", slot)
        self.emit("RERAISE")
        self.release_hidden()
        self.mark(end)

    def try_except(self, node):
        handler = Label()
        end = Label()
        p = self.protect()
        self.import_guards.append(any(_catches_import(h.type) for h in node.handlers))
        self.stmts(node.body)
        self.import_guards.pop()
        self.unprotect(p, handler)
        self.stmts(node.orelse)
        self.emit("JUMP", end)
        self.mark(handler)
        slot = self.hidden_local()
        self.emit("STORE_FAST", slot)
        for clause in node.handlers:
            self.at(clause)
            after = Label()
            if clause.type is not None:
                self.emit("LOAD_FAST", slot)
                self.expr(clause.type)
                self.emit("CHECK_EXC_MATCH")
                self.emit("POP_JUMP_IF_FALSE", after)
            if clause.name:
                self.emit("LOAD_FAST", slot)
                self.store_name(clause.name)
            block = _Handler(slot)
            self.blocks.append(block)
            self.stmts(clause.body)
            self.blocks.pop()
            if clause.name:     # CPython unbinds the name when the clause ends
                self.emit("LOAD_CONST", self.prog.const(None))
                self.store_name(clause.name)
                self.delete_name(clause.name)
            self.emit("JUMP", end)
            self.mark(after)
            if clause.type is None:
                break
        self.emit("LOAD_FAST", slot)
        self.emit("RERAISE")
        self.release_hidden()
        self.mark(end)

    # ---- imports (feat/mod) -------------------------------------------------------

    def s_Import(self, node):
        for alias in node.names:
            if self.import_module(node, alias.name):
                if alias.asname is None and "." in alias.name:
                    self.error(node, f"No module named '{alias.name}'", AmberImportError)
                self.store_name(alias.asname or alias.name)

    def s_ImportFrom(self, node):
        if node.level:
            self.error(node, "relative imports are not supported by Amber (a script is "
                       "not part of a package)")
        if not self.import_module(node, node.module):
            return
        if node.names[0].name == "*":
            if not self.scope.is_module:
                self.error(node, "import * only allowed at module level", AmberSyntaxError)
            if node.module in AMBER_MODULES:
                names = stdlib_public_names(node.module)
            else:
                names = [n for n in module_names(node.module) if not n.startswith("_")]
        else:
            names = [(a.name, a.asname or a.name) for a in node.names]
        for item in names:
            name, bind = item if isinstance(item, tuple) else (item, item)
            self.emit("IMPORT_FROM", self.prog.const(name))
            self.store_name(bind)
        self.emit("POP_TOP")

    def import_bases(self):
        """Load module __amber_bases, whose classes give a subclass of a builtin type
        (class L(list)) the type's methods (vm/machine.py _build_class)."""
        if "__amber_bases" not in self.prog.imported:
            self.prog.imported.append("__amber_bases")
        self.emit("IMPORT_NAME", self.prog.global_slot("<modules>.__amber_bases"))
        self.emit("POP_TOP")

    def import_module(self, node, name: str) -> bool:
        """Push module `name` (True); or, for a module Amber does not provide, raise
        ModuleNotFoundError at run time inside a try that catches it (False), else
        refuse the script at compile time."""
        if name in MODULES and not name.startswith("__amber"):
            if name in AMBER_MODULES and name not in self.prog.imported:
                self.prog.imported.append(name)
            self.emit("IMPORT_NAME", self.prog.global_slot(f"<modules>.{name}"))
            return True
        top = name.split(".")[0]
        if any(self.import_guards):
            self.emit("LOAD_GLOBAL", self.prog.global_slot("ModuleNotFoundError"))
            self.emit("LOAD_CONST", self.prog.const(f"No module named '{name}'"))
            self.emit("CALL", 1)
            self.emit("RAISE_VARARGS", 1)
            return False
        if top in MODULES:
            msg = f"No module named '{name}'; '{top}' is not a package"
        elif top in REFUSED_MODULES:
            msg = f"No module named '{name}': {REFUSED_MODULES[top]}"
        else:
            msg = (f"No module named '{name}' (Amber scripts can import only "
                   f"{', '.join(m for m in MODULES if not m.startswith('__amber'))} and modules their host provides)")
        self.error(node, msg, AmberImportError)

    def s_Raise(self, node):
        if node.exc is None:
            handler = next((b for b in reversed(self.blocks) if isinstance(b, _Handler)), None)
            if handler is None:
                self.emit("RAISE_VARARGS", 0)
            else:
                self.emit("LOAD_FAST", handler.slot)
                self.emit("RERAISE")
            return
        if node.cause is not None:      # raise exc from cause: the prelude's _raise_from
            self.emit("LOAD_GLOBAL", self.prog.global_slot(PRELUDE_PREFIX + "_raise_from"))
            self.expr(node.exc)
            self.expr(node.cause)
            self.at(node)
            self.emit("CALL", 2)        # makes the exception and sets its __cause__
            self.emit("RAISE_VARARGS", 1)
        else:
            self.expr(node.exc)
            self.at(node)
            self.emit("RAISE_VARARGS", 1)

    def s_Assert(self, node):
        ok = Label()
        self.condition(node.test, ok, True)
        self.emit("LOAD_GLOBAL", self.gslot("AssertionError"))
        if node.msg is not None:
            self.expr(node.msg)
            self.emit("CALL", 1)
        self.at(node)
        self.emit("RAISE_VARARGS", 1)
        self.mark(ok)

    def s_FunctionDef(self, node):
        self.decorated(node, lambda: self.function(node, node.name, node.args, node.body))
        self.store_name(node.name)

    def decorated(self, node, build):
        """Evaluate node's decorators top-down, emit the object (build()), then apply
        them bottom-up, as CPython does; the result is left on the stack.  Shared by
        every definition that takes decorators (functions; classes)."""
        decorators = getattr(node, "decorator_list", None) or []
        for dec in decorators:
            self.at(dec)
            self.expr(dec)
        build()
        for dec in reversed(decorators):
            self.at(dec)
            self.emit("CALL", 1)

    def function(self, node, name, args, body):
        for d in args.defaults:
            self.expr(d)
        kwdefmap = []
        for d in args.kw_defaults:
            if d is None:
                kwdefmap.append(-1)
            else:
                kwdefmap.append(sum(1 for j in kwdefmap if j >= 0))
                self.expr(d)
        scope = self.scopes[id(node)]
        code_id = len(self.prog.codes)
        self.prog.codes.append(None)      # reserve the id: nested codes come after
        gen = CodeGen(self.prog, scope, self.scopes, name, node.lineno, self.child_qualname(name),
                      body if isinstance(body, list) else (), self.prefix, self.filename)
        for cellname in sorted(scope.cells):
            gen.emit("MAKE_CELL", gen.local_index[cellname])
        gen.generator_prologue()
        if isinstance(body, list):
            gen.stmts(body)
            gen.emit("LOAD_CONST", self.prog.const(None))
            gen.emit("RETURN_VALUE")
        else:
            gen.at(body)
            gen.expr(body)
            gen.emit("RETURN_VALUE")
        flags = (1 if args.vararg else 0) | (2 if args.kwarg else 0) | \
            (CO_GENERATOR if scope.is_generator else 0)
        co = gen.finish(len(args.posonlyargs) + len(args.args), len(args.defaults),
                        nkwonly=len(args.kwonlyargs), nposonly=len(args.posonlyargs),
                        flags=flags, kwdefmap=kwdefmap)
        self.prog.codes[code_id] = co
        self.at(node)
        for free in scope.frees:
            self.emit("LOAD_CLOSURE", self.local_index[free])
        self.emit("MAKE_FUNCTION", code_id)

    def child_qualname(self, name: str) -> str:
        if self.scope.is_module:
            return name
        if self.scope.is_class:
            return f"{self.qualname}.{name}"
        return f"{self.qualname}.<locals>.{name}"

    def s_ClassDef(self, node):
        dyn_name = None
        if node.keywords and self.module == STDLIB_MODULE and len(node.keywords) == 1 \
                and node.keywords[0].arg == "name":
            # class C(..., name=expr): the stdlib modules (namedtuple) name a class
            # at run time; BUILD_CLASS takes any str from the stack
            dyn_name = node.keywords[0].value
        elif node.keywords:
            self.unsupported(node.keywords[0], "class keywords (metaclass=...)")
        for b in node.bases:
            if type(b).__name__ == "Starred":
                self.unsupported(b, "starred base classes")
        if any(type(b).__name__ == "Name" and b.id in VALUE_BASES for b in node.bases):
            self.import_bases()

        def build():
            if dyn_name is not None:
                self.expr(dyn_name)
            else:
                self.emit("LOAD_CONST", self.prog.const(node.name))
            for b in node.bases:
                self.expr(b)
            self.at(node)
            self.emit("BUILD_TUPLE", len(node.bases))
            self.class_body(node)
            self.emit("CALL", 0)
            self.emit("BUILD_CLASS")
        self.decorated(node, build)
        self.store_name(node.name)

    def class_body(self, node):
        """The class body is a function of no arguments whose local 0 is the new
        namespace dict; it runs the body's statements and returns the dict."""
        scope = self.scopes[id(node)]
        code_id = len(self.prog.codes)
        self.prog.codes.append(None)
        qual = self.child_qualname(node.name)
        gen = CodeGen(self.prog, scope, self.scopes, node.name, node.lineno, qual, node.body,
                      self.prefix, self.filename)
        for cellname in sorted(scope.cells):     # cells first: the verifier wants them
            gen.emit("MAKE_CELL", gen.local_index[cellname])   # at the entry
        gen.emit("BUILD_MAP", 0)
        gen.emit("STORE_FAST", 0)
        gen.emit("LOAD_CONST", self.prog.const(
            "__main__" if not self.prefix else "amber" if self.prefix == PRELUDE_PREFIX
            else self.prefix[1:-2]))
        gen.emit("STORE_NAME", self.prog.name("__module__"))
        gen.emit("LOAD_CONST", self.prog.const(qual))
        gen.emit("STORE_NAME", self.prog.name("__qualname__"))
        body = node.body
        first = body[0] if body else None
        if type(first).__name__ == "Expr" and type(first.value).__name__ == "Constant" \
                and isinstance(first.value.value, str):
            gen.at(first)
            gen.emit("LOAD_CONST", self.prog.const(first.value.value))
            gen.emit("STORE_NAME", self.prog.name("__doc__"))
            body = body[1:]
        gen.stmts(body)
        if "__class__" in scope.cells:
            gen.emit("LOAD_CLOSURE", gen.local_index["__class__"])
            gen.emit("STORE_NAME", self.prog.name("__classcell__"))
        gen.emit("LOAD_FAST", 0)
        gen.emit("RETURN_VALUE")
        self.prog.codes[code_id] = gen.finish(0, 0)
        self.at(node)
        for free in scope.frees:
            self.emit("LOAD_CLOSURE", self.local_index[free])
        self.emit("MAKE_FUNCTION", code_id)

    # ---- expressions ---------------------------------------------------------

    def expr(self, node):
        method = getattr(self, "e_" + type(node).__name__, None)
        if method is None:
            self.unsupported(node, _describe(node))
        method(node)

    def e_Constant(self, node):
        v = node.value
        if isinstance(v, bool) or v is None:
            self.emit("LOAD_CONST", self.prog.const(v))
        elif isinstance(v, int):
            if SMALL_INT_MIN <= v <= SMALL_INT_MAX:
                self.emit("LOAD_SMALL_INT", v)
            elif v.bit_length() <= MAX_INT_BITS:     # beyond int64: a big int constant
                self.emit("LOAD_CONST", self.prog.const(v))
            else:
                self.at(node)
                self.unsupported(node, f"an integer literal of more than {MAX_INT_BITS} bits")
        elif isinstance(v, (float, str)):
            self.emit("LOAD_CONST", self.prog.const(v))
        elif v is Ellipsis:     # a hidden global that always holds the builtin
            self.emit("LOAD_GLOBAL", self.prog.global_slot("..."))
        elif isinstance(v, bytes):
            self.unsupported(node, "bytes")
        else:
            self.unsupported(node, f"a {type(v).__name__} constant")

    def e_Name(self, node):
        self.at(node)
        self.load_name(node.id)

    def e_NamedExpr(self, node):
        self.expr(node.value)
        self.emit("DUP_TOP")
        self.store_name(node.target.id)

    def e_BinOp(self, node):
        self.expr(node.left)
        self.expr(node.right)
        self.at(node)
        self.emit("BINARY_OP", BINOP_NUM[type(node.op).__name__])

    def e_UnaryOp(self, node):
        self.expr(node.operand)
        self.at(node)
        self.emit("UNARY_OP", UNARY_NUM[type(node.op).__name__])

    def e_BoolOp(self, node):
        end = Label()
        jump = "JUMP_IF_FALSE_OR_POP" if type(node.op).__name__ == "And" else "JUMP_IF_TRUE_OR_POP"
        for v in node.values[:-1]:
            self.expr(v)
            self.emit(jump, end)
        self.expr(node.values[-1])
        self.mark(end)

    def comparator(self, node, i):
        if i == len(node.ops) - 1 and type(node.ops[i]).__name__ in ("In", "NotIn"):
            self.iterable(node.comparators[i])
        else:
            self.expr(node.comparators[i])

    def e_Compare(self, node):
        self.expr(node.left)
        if len(node.ops) == 1:
            self.comparator(node, 0)
            self.at(node)
            self.emit("COMPARE_OP", CMPOP_NUM[type(node.ops[0]).__name__])
            return
        cleanup = Label()
        end = Label()
        for op, right in zip(node.ops[:-1], node.comparators[:-1]):
            self.expr(right)
            self.emit("DUP_TOP")
            self.emit("ROT_THREE")
            self.at(node)
            self.emit("COMPARE_OP", CMPOP_NUM[type(op).__name__])
            self.emit("JUMP_IF_FALSE_OR_POP", cleanup)
        self.comparator(node, len(node.ops) - 1)
        self.at(node)
        self.emit("COMPARE_OP", CMPOP_NUM[type(node.ops[-1]).__name__])
        self.emit("JUMP", end)
        self.mark(cleanup)
        self.emit("ROT_TWO")
        self.emit("POP_TOP")
        self.mark(end)

    def e_IfExp(self, node):
        orelse = Label()
        end = Label()
        self.condition(node.test, orelse, False)
        self.expr(node.body)
        self.emit("JUMP", end)
        self.mark(orelse)
        self.expr(node.orelse)
        self.mark(end)

    def e_Tuple(self, node):
        if self.starred_list(node.elts, 0):
            self.at(node)
            self.emit("LIST_TO_TUPLE")
            return
        self._elements(node)
        self.emit("BUILD_TUPLE", len(node.elts))

    def e_List(self, node):
        if self.starred_list(node.elts, 0):
            return
        self._elements(node)
        self.emit("BUILD_LIST", len(node.elts))

    def _elements(self, node):
        for e in node.elts:
            self.expr(e)
        self.at(node)

    def starred_list(self, elts, depth: int) -> bool:
        """If any of elts is starred: emit a list of them all (runs of plain items by
        BUILD_LIST, each *x by LIST_EXTEND with the given callable depth) and return
        True; otherwise emit nothing and return False."""
        if not any(type(e).__name__ == "Starred" for e in elts):
            return False
        started = False
        run = 0
        for e in elts:
            if type(e).__name__ == "Starred":
                if not started:
                    self.emit("BUILD_LIST", run)
                    started = True
                self.expr(e.value)
                self.at(e)
                self.emit("LIST_EXTEND", depth)
            elif started:
                self.expr(e)
                self.emit("LIST_APPEND", 1)
            else:
                self.expr(e)
                run += 1
        return True

    def e_Starred(self, node):
        self.error(node, "can't use starred expression here", AmberSyntaxError)

    def e_Dict(self, node):
        if any(k is None for k in node.keys):
            self.merged_dict(list(zip(node.keys, node.values)), 0, lambda k: self.expr(k))
            return
        for k, v in zip(node.keys, node.values):
            self.expr(k)
            self.expr(v)
        self.at(node)
        self.emit("BUILD_MAP", len(node.keys))

    def merged_dict(self, items, depth: int, key):
        """A dict of (key, value) items where a None key means **value: runs of plain
        items by BUILD_MAP, each **m by DICT_MERGE with the given callable depth (0 in
        a display: later keys win; > 0 in a call: repeated keys are errors)."""
        started = False
        run = 0
        for k, v in items:
            if k is None:
                if not started:
                    self.emit("BUILD_MAP", run)
                    started = True
                elif run:
                    self.emit("BUILD_MAP", run)
                    self.emit("DICT_MERGE", depth)
                run = 0
                self.expr(v)
                self.at(v)
                self.emit("DICT_MERGE", depth)
            else:
                key(k)
                self.expr(v)
                run += 1
        if run:
            self.emit("BUILD_MAP", run)
            self.emit("DICT_MERGE", depth)
    def e_Set(self, node):
        folded = _fold_items(node.elts)
        if folded is not None and len(folded) > 2:
            # CPython 3.11 compiles a display of more than two constants as a
            # frozenset constant merged into a new set: same items, its order
            n = self.const_items(folded)
            self.at(node)
            self.emit("BUILD_CONST_SET", n)
            return
        self._elements(node)
        self.emit("BUILD_SET", len(node.elts))

    def const_items(self, values):
        """Load the items of a frozenset constant, in the order of the first equal
        constant of the program (CPython's compiler merges equal constants)."""
        key = frozenset(_const_key(v) for v in values)
        values = self.prog.frozen.setdefault(key, values)
        for v in values:
            self.emit("LOAD_CONST", self.const_index(v))
        return len(values)

    def const_index(self, v) -> int:
        if isinstance(v, tuple):
            return self.prog.const(("tuple", tuple(self.const_index(x) for x in v)))
        return self.prog.const(v)

    def iterable(self, node):
        """An expression that is only iterated or searched (a for loop's iterable, the
        right side of `in`): CPython 3.11 turns a display of constants there into a
        constant (a frozenset for a set display), which fixes its iteration order."""
        if type(node).__name__ == "Set":
            folded = _fold_items(node.elts)
            if folded is not None:
                n = self.const_items(folded)
                self.at(node)
                self.emit("BUILD_CONST_FROZENSET", n)
                return
        self.expr(node)

    def e_Subscript(self, node):
        self.expr(node.value)
        self.subscript_index(node.slice)
        self.at(node)
        self.emit("BINARY_SUBSCR")

    def subscript_index(self, sl):
        if type(sl).__name__ == "Slice":
            self.slice(sl)
        else:
            self.expr(sl)

    def slice(self, sl):
        for part in (sl.lower, sl.upper):
            if part is None:
                self.emit("LOAD_CONST", self.prog.const(None))
            else:
                self.expr(part)
        if sl.step is not None:
            self.expr(sl.step)
            self.emit("BUILD_SLICE", 3)
        else:
            self.emit("BUILD_SLICE", 2)

    def e_Slice(self, node):
        self.slice(node)

    def e_Attribute(self, node):
        self.expr(node.value)
        self.at(node)
        self.emit("LOAD_ATTR", self.prog.name(node.attr))

    def e_Call(self, node):
        seen = set()
        for k in node.keywords:
            if k.arg is None:
                continue
            if k.arg in seen:
                self.error(k, f"keyword argument repeated: {k.arg}", AmberSyntaxError)
            seen.add(k.arg)
        func = node.func
        if (type(func).__name__ == "Name" and func.id == "super" and not node.args
                and not node.keywords and "__class__" in self.scope.frees
                and self.scope.kind("super") == GLOBAL and self.scope.params):
            # zero-argument super(): super(__class__, <first parameter>), as CPython
            self.load_name("super")
            self.load_name("__class__")
            self.load_name(self.scope.params[0])
            self.at(node)
            self.emit("CALL", 2)
            return
        method = type(func).__name__ == "Attribute"
        if method:
            self.expr(func.value)
            self.at(func)
            self.emit("LOAD_METHOD", self.prog.name(func.attr))
        else:
            self.expr(func)
        if any(type(a).__name__ == "Starred" for a in node.args) or \
                any(k.arg is None for k in node.keywords):
            self.call_ex(node, method)
            return
        for a in node.args:
            self.expr(a)
        for k in node.keywords:
            self.expr(k.value)
        self.at(node)
        n = len(node.args) + len(node.keywords)
        if node.keywords:
            self.emit("LOAD_CONST", self.prog.const_tuple([k.arg for k in node.keywords]))
            self.emit("CALL_METHOD_KW" if method else "CALL_KW", n)
        else:
            self.emit("CALL_METHOD" if method else "CALL", n)

    def call_ex(self, node, method: bool):
        """A call with *args or **kwargs: one tuple of the positional arguments and, if
        there are keywords, one dict of them, then CALL_EX (the callable, or the
        LOAD_METHOD pair, is already on the stack)."""
        depth = 2 if method else 1     # how far below the list/dict the callable is
        # CPython 3.11 names the callable in the error for f(*x) alone; with more
        # positional items it builds a list and says "Value after *"
        if self.starred_list(node.args, depth if len(node.args) == 1 else 0):
            self.at(node)
            self.emit("LIST_TO_TUPLE")
        else:
            for a in node.args:
                self.expr(a)
            self.at(node)
            self.emit("BUILD_TUPLE", len(node.args))
        if any(k.arg is None for k in node.keywords):
            self.merged_dict([(k.arg, k.value) for k in node.keywords], depth + 1,
                             lambda name: self.emit("LOAD_CONST", self.prog.const(name)))
        elif node.keywords:
            for k in node.keywords:
                self.emit("LOAD_CONST", self.prog.const(k.arg))
                self.expr(k.value)
            self.emit("BUILD_MAP", len(node.keywords))
        self.at(node)
        self.emit("CALL_EX", (1 if node.keywords else 0) | (2 if method else 0))

    def generator_prologue(self):
        """A generator function's first instructions after its MAKE_CELLs: make the
        generator, return it; the body starts (popping the value the first next()
        sends) when it is first resumed."""
        if self.scope.is_generator:
            self.emit("RETURN_GENERATOR")
            self.emit("RETURN_VALUE")
            self.emit("POP_TOP")

    def e_Yield(self, node):
        if node.value is None:
            self.emit("LOAD_CONST", self.prog.const(None))
        else:
            self.expr(node.value)
        self.at(node)
        self.emit("YIELD_VALUE", 0)

    def e_YieldFrom(self, node):
        """As CPython 3.11: the subiterator stays on the stack while SEND passes
        values in and YIELD_VALUE 1 passes them out; its return value is the value."""
        send = Label()
        done = Label()
        self.expr(node.value)
        self.at(node)
        self.emit("GET_ITER")
        self.emit("LOAD_CONST", self.prog.const(None))
        self.mark(send)
        self.emit("SEND", done)
        self.emit("YIELD_VALUE", 1)
        self.emit("JUMP", send)
        self.mark(done)

    def e_GeneratorExp(self, node):
        self.comprehension(node, "<genexpr>", None)

    def e_ListComp(self, node):
        self.comprehension(node, "<listcomp>", "BUILD_LIST")

    def e_DictComp(self, node):
        self.comprehension(node, "<dictcomp>", "BUILD_MAP")

    def e_SetComp(self, node):
        self.comprehension(node, "<setcomp>", "BUILD_SET")

    def comprehension(self, node, name, build):
        """Compile the comprehension as a function called with iter(first iterable)."""
        scope = self.scopes[id(node)]
        code_id = len(self.prog.codes)
        self.prog.codes.append(None)
        qual = name if self.scope.is_module else f"{self.qualname}.<locals>.{name}"
        gen = CodeGen(self.prog, scope, self.scopes, name, node.lineno, qual, (), self.prefix,
                      self.filename)
        gen.at(node)
        for cellname in sorted(scope.cells):
            gen.emit("MAKE_CELL", gen.local_index[cellname])
        if build is None:       # a generator expression
            gen.generator_prologue()
            gen.comprehension_loop(node, 0)
            gen.emit("LOAD_CONST", self.prog.const(None))
        else:
            gen.emit(build, 0)
            gen.comprehension_loop(node, 0)
        gen.emit("RETURN_VALUE")
        self.prog.codes[code_id] = gen.finish(1, 0, flags=CO_GENERATOR if build is None else 0)
        self.at(node)
        for free in scope.frees:
            self.emit("LOAD_CLOSURE", self.local_index[free])
        self.emit("MAKE_FUNCTION", code_id)
        self.iterable(node.generators[0].iter)
        self.at(node)
        self.emit("GET_ITER")
        self.emit("CALL", 1)

    def comprehension_loop(self, node, i):
        gens = node.generators
        g = gens[i]
        top = Label()
        done = Label()
        if i == 0:
            self.emit("LOAD_FAST", self.local_index[".0"])
        else:
            self.iterable(g.iter)
        self.emit("GET_ITER")    # (on .0 too: marks the slot as an iterator for the verifier)
        self.mark(top)
        self.at(node)
        self.emit("FOR_ITER", done)
        self.store(g.target)
        for cond in g.ifs:
            self.condition(cond, top, False)
        if i + 1 < len(gens):
            self.comprehension_loop(node, i + 1)
        elif type(node).__name__ == "DictComp":
            self.expr(node.key)
            self.expr(node.value)
            self.at(node)
            self.emit("MAP_ADD", len(gens) + 1)
        elif type(node).__name__ == "SetComp":
            self.expr(node.elt)
            self.at(node)
            self.emit("SET_ADD", len(gens) + 1)
        elif type(node).__name__ == "GeneratorExp":
            self.expr(node.elt)
            self.at(node)
            self.emit("YIELD_VALUE", 0)
            self.emit("POP_TOP")
        else:
            self.expr(node.elt)
            self.at(node)
            self.emit("LIST_APPEND", len(gens) + 1)
        self.emit("JUMP", top)
        self.mark(done)

    def e_Lambda(self, node):
        self.function(node, "<lambda>", node.args, node.body)

    def e_JoinedStr(self, node):
        parts = 0
        for v in node.values:
            if type(v).__name__ == "Constant":
                self.emit("LOAD_CONST", self.prog.const(v.value))
            else:
                self.expr(v)
            parts += 1
        if parts == 0:
            self.emit("LOAD_CONST", self.prog.const(""))
        elif parts > 1:
            self.emit("BUILD_STRING", parts)
        elif type(node.values[0]).__name__ == "Constant":
            pass

    def e_FormattedValue(self, node):
        self.expr(node.value)
        flags = {-1: 0, 115: 1, 114: 2, 97: 3}[node.conversion]
        if node.format_spec is not None:
            self.expr(node.format_spec)
            flags |= 4
        self.at(node)
        self.emit("FORMAT_VALUE", flags)


_OWN_SCOPE = ("FunctionDef", "Lambda", "ClassDef", "ListComp", "DictComp", "SetComp",
              "GeneratorExp")


def _count_tries(body) -> int:
    """Try statements in a body, not counting those of nested scopes."""
    count = 0
    todo = list(body)
    while todo:
        node = todo.pop()
        if type(node).__name__ == "Try":
            count += 1
        todo.extend(c for c in A.iter_child_nodes(node) if type(c).__name__ not in _OWN_SCOPE)
    return count
def _catches_import(type_node) -> bool:
    """Whether an except clause's type expression may catch ModuleNotFoundError."""
    if type_node is None:
        return True
    kind = type(type_node).__name__
    if kind == "Tuple":
        return any(_catches_import(e) for e in type_node.elts)
    return kind == "Name" and type_node.id in (
        "ModuleNotFoundError", "ImportError", "Exception", "BaseException")


def _fold(node):
    """(True, value) if CPython 3.11's AST optimizer makes node a constant (numbers,
    strings, None, bools, unary and binary operators on them, tuples of them), else
    (False, None).  Folding decides how CPython builds set displays, so it decides
    their iteration order."""
    import operator as op
    kind = type(node).__name__
    if kind == "Constant":
        v = node.value
        ok = v is None or isinstance(v, (bool, int, float, str))
        return ok, v if ok else None
    if kind == "Tuple":
        items = []
        for e in node.elts:
            ok, v = _fold(e)
            if not ok:
                return False, None
            items.append(v)
        return True, tuple(items)
    if kind == "UnaryOp":
        ok, v = _fold(node.operand)
        fn = {"USub": op.neg, "UAdd": op.pos, "Invert": op.invert, "Not": op.not_}[
            type(node.op).__name__]
        if ok and isinstance(v, (int, float)) and not isinstance(v, str):
            try:
                r = fn(v)
            except Exception:
                return False, None
            return _fits(r)
        return False, None
    if kind == "BinOp":
        ok1, a = _fold(node.left)
        ok2, b = _fold(node.right)
        name = type(node.op).__name__
        if not (ok1 and ok2) or name == "MatMult":
            return False, None
        nums = all(isinstance(x, (int, float)) for x in (a, b))
        strs = isinstance(a, str) and isinstance(b, str) and name == "Add"
        if not (nums or strs):
            return False, None
        if name == "Pow" and isinstance(b, int) and abs(b) > 128:
            return False, None
        if name in ("LShift",) and isinstance(b, int) and b > 128:
            return False, None
        fn = {"Add": op.add, "Sub": op.sub, "Mult": op.mul, "Div": op.truediv,
              "FloorDiv": op.floordiv, "Mod": op.mod, "Pow": op.pow, "LShift": op.lshift,
              "RShift": op.rshift, "BitAnd": op.and_, "BitOr": op.or_, "BitXor": op.xor}[name]
        try:
            r = fn(a, b)
        except Exception:
            return False, None
        return _fits(r)
    return False, None


def _fits(v):
    if isinstance(v, int) and not isinstance(v, bool) and not INT64_MIN <= v <= INT64_MAX:
        return False, None
    if isinstance(v, (complex, bytes)):
        return False, None
    if isinstance(v, str) and len(v) > 4096:
        return False, None
    return True, v


def _fold_items(elts):
    """The constant values of a display's items, or None if one is not constant."""
    out = []
    for e in elts:
        ok, v = _fold(e)
        if not ok:
            return None
        out.append(v)
    return out


def _const_key(v):
    """Equal constants of different types (1, 1.0, True) are different constants."""
    if isinstance(v, tuple):
        return ("tuple", tuple(_const_key(x) for x in v))
    return (type(v).__name__, repr(v))


def _describe(node) -> str:
    names = {
        "ClassDef": "class definitions", "Try": "try statements", "Raise": "raise",
        "With": "with statements", "Import": "import", "ImportFrom": "import",
        "Assert": "assert", "ListComp": "list comprehensions",
        "SetComp": "set comprehensions", "DictComp": "dict comprehensions",
        "GeneratorExp": "generator expressions", "Yield": "yield",
        "YieldFrom": "yield from", "Set": "set displays", "Starred": "starred expressions",
        "AsyncFunctionDef": "async functions", "Await": "await",
    }
    return names.get(type(node).__name__, type(node).__name__)


def thread_jumps(words: list) -> list:
    """Jump threading: a jump (conditional or not, FOR_ITER's and SEND's exits too)
    whose target is a JUMP goes straight to that JUMP's target.  A JUMP moves no
    value and cannot fail, so the stack and every outcome are those of the longer
    path, one instruction shorter: `if not a: continue`-shaped code and the
    conditions of an `if` at the end of a loop body jumped to the loop's closing
    JUMP, which jumped back to the loop's head (nqueens: 6% of its instructions).
    The JUMP stays where it is (other code may fall through into it).  Chains are
    followed a few steps; a JUMP to itself (`while True: pass`) is left alone."""
    out = list(words)
    jump = O.JUMP
    for i, w in enumerate(words):
        op, arg = O.decode_raw(w)
        if op not in O.JUMPS:
            continue
        target = arg
        for _ in range(8):
            if not 0 <= target < len(words):
                break
            top, targ = O.decode_raw(words[target])
            if top != jump or targ == target:
                break
            target = targ
        if target != arg:
            out[i] = O.encode(op, target)
    return out


def max_stack(co: CodeObject, codes: list) -> int:
    """Maximum operand-stack depth, by walking every path through the code."""
    n = len(co.code)
    depth_at = [-1] * (n + 1)
    work = [(0, 0)] + [(target, depth + 1) for _, _, target, depth in co.handlers]
    best = 0
    while work:
        pc, depth = work.pop()
        while pc < n:
            if depth_at[pc] >= depth:
                break
            depth_at[pc] = depth
            op, arg = O.decode(co.code[pc])
            name = O.OPS[op].name
            extra = 0
            if name == "MAKE_FUNCTION":
                target = codes[arg]
                extra = target.ndefaults + target.nkwdefaults + target.nfree
            peak = depth + max(0, O.stack_effect(op, arg, False, extra))
            if name == "UNPACK_SEQUENCE":
                peak = depth + arg
            if name == "RETURN_GENERATOR":      # where it resumes: the sent value
                work.append((pc + 2, depth + 1))
            best = max(best, peak, depth + 2)
            if op in O.JUMPS:
                work.append((arg, depth + O.stack_effect(op, arg, True, extra)))
                if name == "JUMP":
                    break
            if name in ("RETURN_VALUE", "RERAISE") or name == "RAISE_VARARGS":
                break
            depth += O.stack_effect(op, arg, False, extra)
            pc += 1
    return best




def _prelude_ast():
    from .parser import parse
    return lower(parse(stdlib_source("prelude"), "<prelude>"))


_PROGRAM_FIELDS = frozenset(vars(_Program("", "")))
_PER_SCRIPT = ("filename", "source", "lines")


def _generate_prelude() -> bytes:
    """The prelude part of every program, compiled: a pickle of (pid, the _Program's
    tables).  It does not depend on the script (filename and source are left out)."""
    prog = _Program("", "")
    prog.codes.append(None)
    # the prelude's entry points, then one slot per builtin, take the first globals
    for name in PRELUDE_ENTRIES:
        prog.global_slot(PRELUDE_PREFIX + name)
    for name in BUILTINS:
        prog.global_slot(PRELUDE_PREFIX + "b_" + name)
    pmod = _prelude_ast()
    ptop, pscopes = resolve(pmod, "<prelude>")
    pid = len(prog.codes)
    prog.codes.append(None)
    pgen = CodeGen(prog, ptop, pscopes, "<prelude>", 1, "<prelude>", pmod.body,
                   PRELUDE_PREFIX, "<prelude>")
    pgen.stmts(pmod.body)
    pgen.emit("LOAD_CONST", prog.const(None))
    pgen.emit("RETURN_VALUE")
    prog.codes[pid] = pgen.finish(0, 0)
    prog.frozen = {}    # the script's set displays take their own item order
    state = {k: v for k, v in vars(prog).items() if k not in _PER_SCRIPT}
    return pickle.dumps((pid, state), protocol=pickle.HIGHEST_PROTOCOL)


def _prelude_sound(data) -> bool:
    """Whether `data` (from the on-disk cache) unpickles to what _generate_prelude makes."""
    try:
        pid, state = pickle.loads(data)
        codes = state["codes"]
        return (type(pid) is int and set(state) | set(_PER_SCRIPT) == _PROGRAM_FIELDS
                and 1 <= pid < len(codes) and codes[0] is None
                and all(type(c) is CodeObject for c in codes[1:]))
    except Exception:       # noqa: BLE001  (whatever a damaged file holds)
        return False


@functools.lru_cache(maxsize=1)
def _prelude_pickle() -> bytes:
    """_generate_prelude(), from the on-disk cache when a sound copy is there
    (parsing and compiling the prelude took about 0.2 s per process)."""
    from . import cache
    data = cache.read("prelude")
    if not isinstance(data, bytes) or not _prelude_sound(data):
        data = _generate_prelude()
        cache.write("prelude", data)
    return data


def _with_prelude(filename: str, source: str) -> tuple[_Program, int]:
    """A program that holds the prelude: codes[0] is left for the module body, the
    prelude's body is code 1, and its codes, constants and globals come first, so
    that this part is the same in every program (snapshots refer to it by hash).
    Each call unpickles fresh tables, so programs share no mutable object."""
    prog = _Program(filename, source)
    pid, state = pickle.loads(_prelude_pickle())
    vars(prog).update(state)
    return prog, pid


@functools.lru_cache(maxsize=1)
def prelude_size() -> tuple[int, int, int]:
    """(codes, constants, globals) of the prelude part every program starts with:
    codes[1:1 + codes], consts[:constants], globals[:globals]."""
    prog, _ = _with_prelude("", "")
    return len(prog.codes) - 1, len(prog.consts), len(prog.globals)


def generate(module, filename: str, source: str) -> Program:
    """Compile a parsed module into a Program: the prelude (Amber functions the VM
    calls for the data model), whose module body runs first, plus the script."""
    module = lower(module)
    top, scopes = resolve(module, filename)
    prog, pid = _with_prelude(filename, source)
    gen = CodeGen(prog, top, scopes, "<module>", 1, body=module.body)
    gen.emit("MAKE_FUNCTION", pid)     # the prelude's body
    gen.emit("CALL", 0)
    gen.emit("POP_TOP")
    if "__name__" in source:           # the script runs as the main module
        gen.emit("LOAD_CONST", prog.const("__main__"))
        gen.emit("STORE_GLOBAL", prog.global_slot("__name__"))
    gen.stmts(module.body)
    gen.emit("LOAD_CONST", prog.const(None))
    gen.emit("RETURN_VALUE")
    prog.codes[0] = gen.finish(0, 0)
    # the modules written in Amber that the script imports, and those they import
    modules = []
    i = 0
    while i < len(prog.imported):
        modules.append(_compile_stdlib_module(prog, prog.imported[i]))
        i += 1
    builtin_slots = {}
    for name in BUILTINS:
        if name in prog.global_index and name not in INTERNAL:
            builtin_slots[prog.global_index[name]] = name
        if PRELUDE_PREFIX + name in prog.global_index:
            builtin_slots[prog.global_index[PRELUDE_PREFIX + name]] = name
    for m in modules:       # a module's own builtin slots ("<heapq>.len")
        for name in BUILTINS:
            slot = prog.global_index.get(f"<{m[0]}>.{name}")
            if slot is not None:
                builtin_slots[slot] = name
    if "..." in prog.global_index:
        builtin_slots[prog.global_index["..."]] = "Ellipsis"
    consts = [("tuple", list(c[1])) if isinstance(c, tuple) else c for c in prog.consts]
    return Program(filename=filename, source=source, codes=prog.codes, consts=consts,
                   globals=prog.globals, builtin_slots=builtin_slots, modules=modules)


@functools.lru_cache(maxsize=None)
def _stdlib_ast(name: str):
    """The parsed and lowered source of stdlib module `name` (once per process, and
    kept in the on-disk cache: parsing collections.py takes about 0.1 s)."""
    from . import cache
    from .parser import parse
    entry = f"ast-{name}" if name.isidentifier() else None
    mod = cache.read(entry) if entry else None
    if type(mod) is not A.Module:
        mod = lower(parse(stdlib_source(name), f"<{name}>"))
        if entry:
            cache.write(entry, mod)
    return mod


@functools.lru_cache(maxsize=None)
def stdlib_names(name: str) -> tuple:
    """The top-level names of Amber module `name` (its globals), sorted."""
    top, scopes = resolve(_stdlib_ast(name), f"<{name}>")
    names = set(top.assigned)
    for sc in scopes.values():
        names |= sc.global_decl
    return tuple(sorted(names))


@functools.lru_cache(maxsize=None)
def stdlib_public_names(name: str) -> list:
    """What `from NAME import *` binds: __all__ when the module sets it (a list or
    tuple of str constants), else the names not starting with '_'."""
    for node in _stdlib_ast(name).body:
        if type(node).__name__ == "Assign" and len(node.targets) == 1 \
                and getattr(node.targets[0], "id", None) == "__all__":
            return [e.value for e in node.value.elts]
    return [n for n in stdlib_names(name) if not n.startswith("_")]


def _compile_stdlib_module(prog: _Program, name: str) -> list:
    """Compile Amber module `name` into prog: its body becomes a code object (run
    by the first IMPORT_NAME), its top-level names a block of global slots
    "<name>.x".  Returns its Program.modules entry."""
    mod = _stdlib_ast(name)
    top, scopes = resolve(mod, f"<{name}>")
    prefix = f"<{name}>."
    names = stdlib_names(name)
    first = len(prog.globals)
    for i, n in enumerate(names):
        slot = prog.global_slot(prefix + n)
        assert slot == first + i, f"module {name}: global slots are not contiguous"
    names_const = prog.const_tuple(list(names))
    cid = len(prog.codes)
    prog.codes.append(None)
    gen = CodeGen(prog, top, scopes, "<module>", 1, "<module>", mod.body, prefix, f"<{name}>")
    gen.stmts(mod.body)
    gen.emit("LOAD_CONST", prog.const(None))
    gen.emit("RETURN_VALUE")
    prog.codes[cid] = gen.finish(0, 0)
    return [name, cid, first, names_const]
