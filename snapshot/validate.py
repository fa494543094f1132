"""Validation of untrusted snapshots: nothing reaches the numba loop unchecked.

An index the interpreter follows without a bounds check must be in range, or a hostile
snapshot could read or write outside the arrays.  So load() checks, before any code
runs: the program (every instruction word, every operand, the stack depth along every
path, and where the stack must hold an iterator or a method), every value (tag and
payload: a heap tag must name a live object of that kind), every object (arena
regions in range, kind-specific fields sane), the free list, the frames (code, pc,
bases, return slots, operand depths) and the registers.  Dict indexes are rebuilt
from the entries rather than trusted.  Any failure is a SnapshotError.
"""

from __future__ import annotations

import numba
import numpy as np

from ..vm import layout as L
from ..vm import opcodes as O
from ..vm.builtins import is_exception_type, BUILTIN_ID, BUILTINS, METHODS, MODULES, VALUE_BASES
from ..vm.loader import prelude_builtin_slots
from ..vm.builtins import AMBER_MODULES, MODULE_ID
from ..vm.state import State, pointers
from .format import SnapshotError

INT64_MIN = -(1 << 63)
INT64_MAX = (1 << 63) - 1
MAX_COUNT = 1 << 16          # most operands a single instruction may take
ANY, ITER, METH = 0, 1, 2    # what the verifier knows about a stack slot

HEAP_KINDS = (L.STR, L.LIST, L.TUPLE, L.DICT, L.FUNC, L.CELL, L.RANGE, L.ITER, L.SLICE,
              L.DICTVIEW, L.EXC, L.BIGINT, L.SET, L.FROZENSET, L.CLASS, L.INSTANCE, L.BOUND,
              L.WRAPPER, L.SUPER, L.GEN, L.MODULE, L.RNG)
# the kinds a value may name (an RNG object is reached only through R_RNG)
VALUE_KINDS = tuple(k for k in HEAP_KINDS if k != L.RNG)
GEN_MODES = (L.RET_GEN_FOR, L.RET_GEN_SEND, L.RET_GEN_YF, L.RET_GEN_CLOSE)
CODE_FLAGS = L.CO_VARARGS | L.CO_VARKW | L.CO_GENERATOR


def _need(cond, why: str):
    if not cond:
        raise SnapshotError(why)


def _int(x, lo=0, hi=INT64_MAX) -> bool:
    return isinstance(x, int) and not isinstance(x, bool) and lo <= x <= hi


# ---------------------------------------------------------------------------
# the program
# ---------------------------------------------------------------------------

def check_program(program, trusted: int = 0, verified: dict | None = None) -> None:
    """Raise SnapshotError unless the program is well-formed bytecode.

    trusted: codes 1..trusted are this Amber's own prelude (already checked, see
    format.build_prelude), not read from the snapshot.  verified, if given,
    receives each checked code's stack table (verify_code)."""
    consts = program.consts
    _need(isinstance(consts, list) and len(consts) < 1 << 24, "bad constant pool")
    for i, c in enumerate(consts):
        if isinstance(c, tuple):
            _need(len(c) == 2 and isinstance(c[1], list) and
                  all(_int(j) and j < i for j in c[1]), f"bad tuple constant {i}")
        else:
            _need(c is None or isinstance(c, (bool, float, str)) or
                  (isinstance(c, int) and c.bit_length() <= L.MAX_INT_BITS), f"bad constant {i}")
    _need(all(isinstance(n, str) for n in program.globals), "bad global table")
    _need(isinstance(program.source, str) and isinstance(program.filename, str), "bad file info")
    for slot, name in program.builtin_slots.items():
        _need(_int(slot) and slot < len(program.globals) and name in BUILTIN_ID,
              "bad builtin slot")
    _need(isinstance(program.codes, list) and 1 <= len(program.codes) < 1 << 20,
          "bad code object list")
    total = 0
    for cid, co in enumerate(program.codes):
        if not 1 <= cid <= trusted:
            _check_code_header(program, cid, co)
        total += len(co.code)
    _need(total < 1 << 23, "program too large")
    _check_module_table(program)
    for cid, co in enumerate(program.codes):
        if not 1 <= cid <= trusted:
            table = verify_code(program, cid, co)
            if verified is not None:
                verified[cid] = table


def _check_module_table(program):
    """Program.modules: per module written in Amber, [name, body code id, first
    global slot, const index of its names]; its names are the globals
    "<name>.x" from the first slot on, its body a code of the stdlib that takes
    no arguments, and some IMPORT_NAME can import it (its "<modules>.name" slot)."""
    mods = program.modules
    _need(isinstance(mods, list) and len(mods) <= len(AMBER_MODULES), "bad module table")
    seen = set()
    bodies = set()
    for m in mods:
        _need(isinstance(m, list) and len(m) == 4 and isinstance(m[0], str)
              and m[0] in AMBER_MODULES and m[0] not in seen
              and all(_int(x) for x in m[1:]), "bad module table")
        name, cid, first, nc = m
        seen.add(name)
        _need(1 <= cid < len(program.codes) and cid not in bodies, f"module {name}: bad body")
        bodies.add(cid)
        co = program.codes[cid]
        _need(co.module == L.STDLIB_MODULE and co.nargslots == 0 and co.nfree == 0
              and co.ndefaults == 0 and co.nkwdefaults == 0 and not co.flags & L.CO_GENERATOR,
              f"module {name}: bad body")
        _need(nc < len(program.consts) and isinstance(program.consts[nc], tuple)
              and all(isinstance(program.consts[i], str) for i in program.consts[nc][1]),
              f"module {name}: bad name tuple")
        names = [program.consts[i] for i in program.consts[nc][1]]
        g = program.globals
        _need(first + len(names) <= len(g) and all(
            g[first + i] == f"<{name}>.{n}" for i, n in enumerate(names)),
            f"module {name}: names do not match its globals")
        _need(f"<modules>.{name}" in g, f"module {name}: no import slot")


def _module_entry(program, mid):
    """The Program.modules entry of module id mid, or None (a builtin module)."""
    name = MODULES[mid]
    return next((m for m in program.modules if m[0] == name), None)


def _check_code_header(program, cid, co):
    where = f"code object {cid}"
    for field in ("nparams", "nlocals", "nfree", "ndefaults", "stacksize", "first_line",
                  "module", "nposonly", "nkwonly", "nkwdefaults"):
        _need(_int(getattr(co, field), 0, 1 << 24), f"{where}: bad {field}")
    _need(_int(co.flags, 0, CODE_FLAGS) and co.flags & ~CODE_FLAGS == 0, f"{where}: bad flags")
    _need(cid != 0 or not co.flags & L.CO_GENERATOR, "module code is not a generator")
    _need(co.nargslots + co.nfree <= co.nlocals, f"{where}: locals do not fit parameters")
    _need(co.ndefaults <= co.nparams, f"{where}: more defaults than parameters")
    _need(co.nposonly <= co.nparams, f"{where}: more positional-only than positional parameters")
    _check_kwdefmap(program, co, where)
    _need(isinstance(co.name, str) and isinstance(co.qualname, str)
          and isinstance(co.filename, str), f"{where}: bad names")
    _need(isinstance(co.local_names, list) and len(co.local_names) == co.nlocals
          and all(isinstance(n, str) for n in co.local_names), f"{where}: bad local names")
    _need(len(co.code) >= 1 and len(co.lines) == len(co.code), f"{where}: bad code length")
    pc = co.paramnames_const
    _need(_int(pc) and pc < len(program.consts), f"{where}: bad parameter names")
    c = program.consts[pc]
    _need(isinstance(c, tuple) and len(c[1]) == co.nparams + co.nkwonly and
          all(isinstance(program.consts[i], str) for i in c[1]), f"{where}: bad parameter names")
    _need(cid != 0 or (co.nargslots == 0 and co.nfree == 0 and co.nkwdefaults == 0),
          "module code takes no arguments")
    _need(isinstance(co.handlers, list) and all(
        isinstance(h, list) and len(h) == 4 and all(_int(x) for x in h)
        and h[0] < h[1] <= len(co.code) and h[2] < len(co.code) and h[3] <= co.stacksize
        for h in co.handlers), f"{where}: bad exception table")


def _check_kwdefmap(program, co, where):
    """Keyword-only defaults: a tuple of ints, one per keyword-only parameter, each -1
    (required) or the next index into the function's nkwdefaults defaults."""
    if co.nkwonly == 0:
        _need(co.kwdefmap_const == -1 and co.nkwdefaults == 0, f"{where}: bad keyword defaults")
        return
    k = co.kwdefmap_const
    _need(_int(k) and k < len(program.consts), f"{where}: bad keyword defaults")
    c = program.consts[k]
    _need(isinstance(c, tuple) and len(c[1]) == co.nkwonly, f"{where}: bad keyword defaults")
    nxt = 0
    for i in c[1]:
        j = program.consts[i]
        _need(_int(j, -1, 1 << 24) and j in (-1, nxt), f"{where}: bad keyword defaults")
        nxt += j >= 0
    _need(nxt == co.nkwdefaults, f"{where}: bad keyword defaults")


def verify_code(program, cid, co) -> list:
    """Check every instruction of one code object and compute, along every path, the
    stack at each instruction: (depth, markers) with ITER / METH where the
    interpreter relies on an iterator or a method.  Returns that table."""
    n = len(co.code)
    ops = [O.decode(w) for w in co.code]
    for pc, (op, arg) in enumerate(ops):
        _need(0 <= op < len(O.OPS), f"code {cid} pc {pc}: unknown opcode {op}")
    # cells are made by a prefix of MAKE_CELL instructions and nowhere else, so every
    # later instruction may rely on them (the compiler emits them at function entry)
    prefix = 0
    while prefix < n and O.OPS[ops[prefix][0]].name == "MAKE_CELL":
        prefix += 1
    cells = {arg for op, arg in ops[:prefix]}
    _need(all(O.OPS[op].name != "MAKE_CELL" for op, _ in ops[prefix:]),
          f"code {cid}: MAKE_CELL outside the function's entry")
    _need(all(not (op in O.JUMPS and 0 < arg < prefix) for op, arg in ops),
          f"code {cid}: a jump into the cell prologue")
    _check_generator_code(cid, co, ops, prefix)
    free_start = co.nlocals - co.nfree
    for pc, (op, arg) in enumerate(ops):
        _check_arg(program, cid, co, pc, O.OPS[op], arg, cells, free_start)
    states: list = [None] * n
    states[0] = ()
    work = [0]
    while work:
        pc = work.pop()
        stack = states[pc]
        op, arg = ops[pc]
        succ = _successors(program, cid, co, pc, op, arg, stack)
        for start, end, target, depth in co.handlers:   # where an exception here goes
            if start <= pc < end:
                _need(len(stack) >= depth, f"code {cid} pc {pc}: stack below its handler's")
                succ.append((target, stack[:depth] + (ANY,)))
        for nxt, new in succ:
            _need(0 <= nxt < n, f"code {cid} pc {pc}: falls off the end of the code")
            _need(len(new) <= co.stacksize + 2, f"code {cid} pc {pc}: stack deeper than declared")
            if states[nxt] is None:
                states[nxt] = new
                work.append(nxt)
            else:
                _need(states[nxt] == new, f"code {cid} pc {nxt}: inconsistent stack on merge")
    return states


def generator_start(co) -> int:
    """The pc of a generator code's RETURN_GENERATOR (after its MAKE_CELLs)."""
    pc = 0
    while pc < len(co.code) and O.OPS[O.decode(co.code[pc])[0]].name == "MAKE_CELL":
        pc += 1
    return pc


def _check_generator_code(cid, co, ops, prefix):
    """A generator code is [MAKE_CELL...] RETURN_GENERATOR RETURN_VALUE and then its
    body; nothing jumps back into that prologue; YIELD_VALUE only in generators, and
    the yield of a yield from right after its SEND."""
    names = [O.OPS[op].name for op, _ in ops]
    is_gen = bool(co.flags & L.CO_GENERATOR)
    where = f"code {cid}"
    if is_gen:
        _need(prefix + 2 < len(ops) and names[prefix] == "RETURN_GENERATOR"
              and names[prefix + 1] == "RETURN_VALUE", f"{where}: a generator without its prologue")
        _need(all(not (op in O.JUMPS and arg <= prefix + 1) for op, arg in ops)
              and all(h[2] > prefix + 1 and h[0] > prefix + 1 for h in co.handlers),
              f"{where}: a jump into the generator prologue")
    _need(names.count("RETURN_GENERATOR") == (1 if is_gen else 0),
          f"{where}: RETURN_GENERATOR outside a generator's prologue")
    for pc, name in enumerate(names):
        if name == "YIELD_VALUE":
            _need(is_gen, f"{where} pc {pc}: yield outside a generator")
            arg = ops[pc][1]
            _need(arg in (0, 1) and (arg == 0 or (pc > 0 and names[pc - 1] == "SEND")),
                  f"{where} pc {pc}: bad yield")


def _check_arg(program, cid, co, pc, op, arg, cells, free_start):
    where = f"code {cid} pc {pc} ({op.name})"
    kind = op.arg
    if kind == "const":
        _need(0 <= arg < len(program.consts), f"{where}: constant out of range")
    elif kind == "local":
        _need(0 <= arg < co.nlocals, f"{where}: local out of range")
        if op.name in ("LOAD_DEREF", "STORE_DEREF", "DELETE_DEREF", "LOAD_CLOSURE"):
            _need(arg in cells or arg >= free_start, f"{where}: not a cell or free variable")
        if op.name == "MAKE_CELL":
            _need(arg < free_start, f"{where}: cannot make a cell of a free variable")
        if op.name in ("LOAD_FAST", "STORE_FAST", "DELETE_FAST"):
            _need(arg not in cells and arg < free_start, f"{where}: a cell used as a plain local")
    elif kind == "global":
        _need(0 <= arg < len(program.globals), f"{where}: global out of range")
        if op.name == "IMPORT_NAME":
            g = program.globals[arg]
            m = g.split(".", 1)[1] if g.startswith("<modules>.") else None
            _need(m in MODULES and (m not in AMBER_MODULES
                                    or any(e[0] == m for e in program.modules)),
                  f"{where}: not a module slot")
    elif kind == "name":
        _need(0 <= arg < len(program.consts) and isinstance(program.consts[arg], str),
              f"{where}: name is not a str constant")
    elif kind == "namepair":
        pair = program.consts[arg] if 0 <= arg < len(program.consts) else None
        _need(isinstance(pair, tuple) and pair[0] == "tuple" and len(pair[1]) == 2
              and isinstance(program.consts[pair[1][0]], str)
              and type(program.consts[pair[1][1]]) is int
              and 0 <= program.consts[pair[1][1]] < len(program.globals),
              f"{where}: not a (name, global slot) constant")
    elif kind == "target":
        _need(0 <= arg < len(co.code), f"{where}: jump target out of range")
    elif kind == "code":
        _need(1 <= arg < len(program.codes), f"{where}: code object out of range")
    elif kind in ("count", "depth"):
        _need(0 <= arg <= MAX_COUNT, f"{where}: count out of range")
    elif kind == "binop":
        _need(0 <= arg & ~O.INPLACE < len(O.BINOPS) and arg >= 0, f"{where}: bad operator")
    elif kind == "cmpop":
        _need(0 <= arg < len(O.CMPOPS), f"{where}: bad comparison")
    elif kind == "unaryop":
        _need(0 <= arg < len(O.UNARYOPS), f"{where}: bad unary operator")
    elif kind == "fmt":
        _need(0 <= arg <= 7, f"{where}: bad format flags")
    elif kind == "unpackex":
        _need(0 <= arg and (arg & 0xFFF) <= MAX_COUNT and (arg >> 12) <= 0xFFF,
              f"{where}: bad unpacking counts")
    elif kind == "callex":
        _need(0 <= arg <= 3, f"{where}: bad call flags")
    if op.name == "BUILD_SLICE":
        _need(arg in (2, 3), f"{where}: a slice has 2 or 3 parts")


def _pop(stack, k, where, allowed=(ANY, ITER)):
    _need(len(stack) >= k, f"{where}: stack underflow")
    if k:
        _need(all(m in allowed for m in stack[len(stack) - k:]),
              f"{where}: a method slot is used as a plain value")
    return stack[: len(stack) - k]


def _successors(program, cid, co, pc, op_num, arg, stack):
    """[(next pc, stack)] for one instruction; raises on a malformed stack."""
    op = O.OPS[op_num]
    name = op.name
    where = f"code {cid} pc {pc} ({name})"
    nxt = pc + 1
    if name in ("RETURN_VALUE", "RERAISE"):
        _pop(stack, 1, where)
        return []
    if name == "RAISE_VARARGS":
        _need(arg <= 2, f"{where}: bad raise form")
        _pop(stack, arg, where)
        return []
    if name == "JUMP":
        return [(arg, stack)]
    if name in ("POP_JUMP_IF_FALSE", "POP_JUMP_IF_TRUE"):
        s = _pop(stack, 1, where)
        return [(nxt, s), (arg, s)]
    if name in ("JUMP_IF_FALSE_OR_POP", "JUMP_IF_TRUE_OR_POP"):
        s = _pop(stack, 1, where)
        return [(nxt, s), (arg, stack)]
    if name == "GET_ITER":
        return [(nxt, _pop(stack, 1, where) + (ITER,))]
    if name == "FOR_ITER":
        s = _pop(stack, 1, where, (ITER,))
        return [(nxt, stack + (ANY,)), (arg, s)]
    if name == "SEND":
        s = _pop(stack, 2, where)
        _need(stack[-2] == ITER, f"{where}: no iterator to send to")
        return [(nxt, stack), (arg, s + (ANY,))]
    if name == "RETURN_GENERATOR":
        _need(stack == (), f"{where}: a generator made with a stack")
        return [(nxt, (ANY,)), (pc + 2, (ANY,))]
    if name == "POP_TOP":
        return [(nxt, _pop(stack, 1, where))]   # (break pops the loop's iterator)
    if name == "LOAD_METHOD":
        return [(nxt, _pop(stack, 1, where) + (METH, ANY))]
    if name == "CALL_EX" and arg & 2:
        s = _pop(stack, 1 + (arg & 1), where)
        _need(len(s) >= 2 and s[-2] == METH and s[-1] != METH, f"{where}: no method to call")
        return [(nxt, s[:-2] + (ANY,))]
    if name in ("CALL_METHOD", "CALL_METHOD_KW"):
        extra = 1 if name == "CALL_METHOD_KW" else 0
        s = _pop(stack, arg + extra, where)
        _need(len(s) >= 2 and s[-2] == METH and s[-1] != METH, f"{where}: no method to call")
        return [(nxt, s[:-2] + (ANY,))]
    if name in ("DUP_TOP", "DUP_TOP_TWO", "ROT_TWO", "ROT_THREE"):
        k = {"DUP_TOP": 1, "DUP_TOP_TWO": 2, "ROT_TWO": 2, "ROT_THREE": 3}[name]
        _pop(stack, k, where)
        top = stack[len(stack) - k:]
        if name == "DUP_TOP":
            return [(nxt, stack + top)]
        if name == "DUP_TOP_TWO":
            return [(nxt, stack + top)]
        if name == "ROT_TWO":
            return [(nxt, stack[:-2] + (top[1], top[0]))]
        return [(nxt, stack[:-3] + (top[2], top[0], top[1]))]
    pops, pushes = _arity(program, name, arg)
    s = _pop(stack, pops, where)
    return [(nxt, s + (ANY,) * pushes)]


def _arity(program, name, arg):
    fixed = {
        "NOP": (0, 0), "LOAD_CONST": (0, 1), "LOAD_SMALL_INT": (0, 1), "LOAD_FAST": (0, 1),
        "STORE_FAST": (1, 0), "DELETE_FAST": (0, 0), "LOAD_DEREF": (0, 1),
        "STORE_DEREF": (1, 0), "DELETE_DEREF": (0, 0), "MAKE_CELL": (0, 0),
        "LOAD_CLOSURE": (0, 1), "LOAD_GLOBAL": (0, 1), "STORE_GLOBAL": (1, 0),
        "DELETE_GLOBAL": (0, 0), "UNARY_OP": (1, 1), "BINARY_OP": (2, 1),
        "COMPARE_OP": (2, 1), "BINARY_SUBSCR": (2, 1), "STORE_SUBSCR": (3, 0),
        "DELETE_SUBSCR": (2, 0), "LOAD_ATTR": (1, 1), "CHECK_EXC_MATCH": (2, 1),
        "LOAD_NAME": (0, 1), "STORE_NAME": (1, 0), "DELETE_NAME": (0, 0),
        "BUILD_CLASS": (3, 1), "STORE_ATTR": (2, 0), "DELETE_ATTR": (1, 0),
        "YIELD_VALUE": (1, 1),
        "IMPORT_NAME": (0, 1), "IMPORT_FROM": (1, 2),
    }
    if name in fixed:
        return fixed[name]
    if name in ("BUILD_TUPLE", "BUILD_LIST", "BUILD_STRING", "BUILD_SLICE", "BUILD_SET",
                "BUILD_CONST_SET", "BUILD_CONST_FROZENSET"):
        return arg, 1
    if name == "BUILD_MAP":
        return 2 * arg, 1
    if name == "FORMAT_VALUE":
        return (2 if arg & 4 else 1), 1
    if name in ("LIST_APPEND", "SET_ADD"):
        return 1, 0
    if name == "MAP_ADD":
        return 2, 0
    if name == "UNPACK_SEQUENCE":
        return 1, arg
    if name == "CALL":
        return arg + 1, 1
    if name == "CALL_KW":
        return arg + 2, 1
    if name == "MAKE_FUNCTION":
        target = program.codes[arg]
        return target.ndefaults + target.nkwdefaults + target.nfree, 1
    if name in ("LIST_EXTEND", "DICT_MERGE"):
        return 1, 0
    if name == "LIST_TO_TUPLE":
        return 1, 1
    if name == "UNPACK_EX":
        return 1, (arg & 0xFFF) + (arg >> 12) + 1
    if name == "CALL_EX":
        return 2 + (arg & 1), 1
    raise SnapshotError(f"opcode {name} cannot be verified")


# ---------------------------------------------------------------------------
# the state
# ---------------------------------------------------------------------------

# _value_errors results, and what they mean
_VALUE_ERRORS = (None, "a value has an unknown tag", "a bool that is neither 0 nor 1",
                 "unknown builtin", "unknown method", "an unbound slot with a payload",
                 "a reference outside the heap", "a reference of the wrong kind")


@numba.njit(cache=True, nogil=True)
def _value_errors(tags, vals, kinds, allowed, nbuiltins, nmethods):
    """0 if every (tag, payload) pair is a valid value, else the first error's
    number (_VALUE_ERRORS).  kinds: the KIND column of the live heap; allowed[tag]:
    whether a value may have that tag."""
    htop = kinds.shape[0]
    for i in range(tags.shape[0]):
        t = tags[i]
        v = vals[i]
        if t < 0 or t >= allowed.shape[0] or not allowed[t]:
            return 1
        if t == L.BOOL and v != 0 and v != 1:
            return 2
        if t == L.BUILTIN and (v < 0 or v >= nbuiltins):
            return 3
        if t == L.METHOD and (v < 0 or v >= nmethods):
            return 4
        if t == L.UNDEF and v != 0:
            return 5
        if t >= L.HEAP:
            if v < 0 or v >= htop:
                return 6
            if kinds[v] != t:
                return 7
    return 0


_ALLOWED = np.zeros(L.NKINDS, np.bool_)
_ALLOWED[[L.NONE, L.BOOL, L.INT, L.FLOAT, L.BUILTIN, L.METHOD, *VALUE_KINDS]] = True
_ALLOWED_UNDEF = _ALLOWED.copy()
_ALLOWED_UNDEF[L.UNDEF] = True


def _check_values(tags, vals, H, htop, where, undef_ok=False):
    """Every (tag, payload) pair is a valid value."""
    tags = np.ascontiguousarray(tags, np.int64)     # (one compiled specialization)
    if tags.size == 0:
        return
    err = _value_errors(tags, np.ascontiguousarray(vals, np.int64),
                        np.ascontiguousarray(H[:htop, L.KIND]),
                        _ALLOWED_UNDEF if undef_ok else _ALLOWED, len(BUILTINS), len(METHODS))
    _need(err == 0, f"{where}: {_VALUE_ERRORS[err]}")


def _inside(starts, lengths, top) -> bool:
    """Every region [start, start + length) lies in [0, top), with no overflow."""
    starts = np.asarray(starts, np.int64)
    lengths = np.asarray(lengths, np.int64)
    return bool(((starts >= 0) & (lengths >= 0) & (lengths <= top)
                 & (starts <= top - lengths)).all())


def _check_disjoint(A_, B_, C_, D_, E_, kind, gen_regions=None):
    """No two regions of the value arena overlap (a dict index rebuilt over a list's
    items would otherwise plant raw integers among its values)."""
    parts = []
    for k, start, length in ((L.LIST, A_, C_), (L.TUPLE, A_, B_), (L.DICT, A_, 2 * C_),
                             (L.DICT, D_, E_), (L.SET, A_, 2 * E_), (L.FROZENSET, A_, 2 * E_)):
        r = np.nonzero(kind == k)[0]
        parts.append(np.stack([start[r], length[r]], axis=1))
    sl = np.nonzero(kind == L.SLICE)[0]
    parts.append(np.stack([A_[sl], np.full(len(sl), 3)], axis=1))
    bi = np.nonzero(kind == L.BIGINT)[0]
    parts.append(np.stack([A_[bi], (B_[bi] + 1) // 2], axis=1))
    rg = np.nonzero(kind == L.RNG)[0]
    parts.append(np.stack([A_[rg], np.full(len(rg), L.MT_ROWS)], axis=1))
    if gen_regions is not None:
        parts.append(gen_regions)
    regions = np.concatenate(parts)
    regions = regions[regions[:, 1] > 0]
    if len(regions) < 2:
        return
    regions = regions[np.argsort(regions[:, 0], kind="stable")]
    _need((regions[1:, 0] >= regions[:-1, 0] + regions[:-1, 1]).all(),
          "two objects share arena space")


def _check_acyclic_tuples(H, V, tuples):
    """Tuples cannot contain themselves (hashing and comparison rely on it)."""
    if not len(tuples):
        return
    items = _ranges(H[tuples, L.A], H[tuples, L.B])
    owner = np.repeat(tuples, H[tuples, L.B])
    nested = V[items, 0] == L.TUPLE
    children: dict = {}
    for parent, kid in zip(owner[nested].tolist(), V[items[nested], 1].tolist()):
        children.setdefault(parent, []).append(kid)
    state = {}
    for root in children:
        if root in state:
            continue
        stack = [(root, 0)]
        state[root] = 1
        while stack:
            node, i = stack[-1]
            kids = children.get(node, ())
            if i < len(kids):
                stack[-1] = (node, i + 1)
                kid = kids[i]
                s = state.get(kid, 0)
                _need(s != 1, "a tuple that contains itself")
                if s == 0:
                    state[kid] = 1
                    stack.append((kid, 0))
            else:
                state[node] = 2
                stack.pop()


def _check_consts(program, K, H, V, CH):
    """The constants array holds exactly the program's constants."""
    for i, c in enumerate(program.consts):
        tag, val = int(K[i, 0]), int(K[i, 1])
        if c is None:
            _need(tag == L.NONE, f"constant {i} differs from the program")
        elif isinstance(c, bool):
            _need(tag == L.BOOL and val == int(c), f"constant {i} differs from the program")
        elif isinstance(c, int) and INT64_MIN <= c <= INT64_MAX:
            _need(tag == L.INT and val == c, f"constant {i} differs from the program")
        elif isinstance(c, int):
            from ..vm.hostvalues import big_value
            _need(tag == L.BIGINT and big_value(_Arrays(H, V), val) == c,
                  f"constant {i} differs from the program")
        elif isinstance(c, float):
            bits = int(np.array(c, np.float64).view(np.int64))
            _need(tag == L.FLOAT and val == bits, f"constant {i} differs from the program")
        elif isinstance(c, str):
            _need(tag == L.STR, f"constant {i} differs from the program")
            o, n = int(H[val, L.A]), int(H[val, L.B])
            text = CH[o: o + n].astype("<u4").tobytes().decode("utf-32-le", "surrogatepass")
            _need(text == c, f"constant {i} differs from the program")
        else:
            _need(tag == L.TUPLE and int(H[val, L.B]) == len(c[1]), f"constant {i} differs")
            o = int(H[val, L.A])
            for j, k in enumerate(c[1]):
                _need(int(V[o + j, 0]) == int(K[k, 0]) and int(V[o + j, 1]) == int(K[k, 1]),
                      f"constant {i} differs from the program")


def _same_consts(K, H, V, CH, base) -> bool:
    """Whether the constants are the very objects of a fresh VM of the program
    (same rows, regions and contents): then they hold the program's constants."""
    if K.shape != base["K"].shape or not np.array_equal(K, base["K"]):
        return False
    rows = K[K[:, 0] >= L.HEAP, 1]
    bH = base["H"]
    if len(rows) and (int(rows.max()) >= min(H.shape[0], bH.shape[0]) or int(rows.min()) < 0):
        return False
    cols = [L.KIND, L.A, L.B, L.C]
    kinds = bH[rows, L.KIND]
    mine, theirs = H[rows][:, cols], bH[rows][:, cols]
    mine[kinds != L.BIGINT, 3] = 0       # C is a cached hash but for big ints
    theirs[kinds != L.BIGINT, 3] = 0
    if not np.array_equal(mine, theirs):
        return False
    s = rows[kinds == L.STR]
    ch = _ranges(bH[s, L.A], bH[s, L.B])
    t = rows[kinds == L.TUPLE]
    b = rows[kinds == L.BIGINT]
    v = np.concatenate([_ranges(bH[t, L.A], bH[t, L.B]), _ranges(bH[b, L.A], (bH[b, L.B] + 1) // 2)])
    if (len(ch) and int(ch.max()) >= CH.shape[0]) or (len(v) and int(v.max()) >= V.shape[0]):
        return False
    return (np.array_equal(CH[ch], base["CH"][ch, 0])
            and np.array_equal(V[v], base["V"][v]))


def _ranges(starts, lengths):
    """Concatenated index ranges [s, s+n) (vectorized)."""
    lengths = np.asarray(lengths, np.int64)
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, np.int64)
    offsets = np.repeat(np.asarray(starts, np.int64) - np.cumsum(lengths) + lengths, lengths)
    return offsets + np.arange(total, dtype=np.int64)


def check_state(program, arrays: dict, code, fn, mt, verified: dict | None = None,
                baseline: dict | None = None, nbslots: int | None = None) -> State:
    """Validate the loaded arrays against the program; return a runnable State.

    verified: code id -> stack table (verify_code) of codes already verified; the
    tables computed here are added to it.  baseline: a fresh VM's arrays of this
    program (format.baseline_arrays), whose constants, when the snapshot's are the
    same objects, need not be compared with the program's one by one.  nbslots:
    prelude_builtin_slots(program.globals), if known."""
    R = arrays["R"]
    _need(R.shape == (L.NREGS,), "bad register file")
    S, F, K, H, V, CH, G = (arrays[k] for k in ("S", "F", "K", "H", "V", "CH", "G"))
    for name, arr, cols in (("S", S, 2), ("F", F, L.FRCOLS), ("K", K, 2), ("H", H, L.HCOLS),
                            ("V", V, 2), ("G", G, 2)):
        _need(arr.ndim == 2 and arr.shape[1] == cols, f"array {name} has the wrong shape")
    _need(CH.ndim == 1, "array CH has the wrong shape")
    _need(K.shape[0] == max(len(program.consts), 1), "constant array does not match the program")
    _need(G.shape[0] == 2 * max(len(program.globals), 1), "global array does not match the program")
    sp, fp = int(R[L.R_SP]), int(R[L.R_FP])
    htop, vtop, ctop = int(R[L.R_HTOP]), int(R[L.R_VTOP]), int(R[L.R_CTOP])
    _need(sp == S.shape[0] and fp + 1 == F.shape[0] and htop == H.shape[0]
          and vtop == V.shape[0] and ctop == CH.shape[0], "registers do not match the arrays")
    _need(R[L.R_COUNT] >= 0 and R[L.R_SERIAL] >= 0 and R[L.R_EXTRA] >= 0, "bad counters")
    _need(1 <= R[L.R_FRAMES_MAX] <= 1 << 20, "bad recursion limit")
    _need(fp >= 0, "no frames")
    # derived, never trusted
    R[L.R_NBSLOTS] = prelude_builtin_slots(program.globals) if nbslots is None else nbslots

    _check_heap(program, H, V, CH, htop, vtop, ctop, R)
    _check_values(S[:, 0], S[:, 1], H, htop, "stack", undef_ok=True)
    _check_values(G[:, 0], G[:, 1], H, htop, "globals", undef_ok=True)
    _check_values(K[:, 0], K[:, 1], H, htop, "constants")
    try:
        if baseline is None or not _same_consts(K, H, V, CH, baseline):
            _check_consts(program, K, H, V, CH)
    except UnicodeDecodeError:
        raise SnapshotError("a string constant is not valid text") from None
    verified = _check_frames(program, code, fn, S, F, H, sp, fp,
                             {} if verified is None else verified)
    _check_generators(program, fn, S, F, H, V, htop, fp, verified)
    _check_module_frames(program, code, fn, S, F, H, G, fp)

    # room to run: arrays at least twice the live size, never smaller than a fresh VM's
    def room(arr, rows):
        out = np.zeros((max(rows, 2 * arr.shape[0], 16),) + arr.shape[1:], arr.dtype)
        out[: arr.shape[0]] = arr
        return out
    # every frame, not only the top one, gets its full operand stack back when the
    # frames above it return
    cids = F[:, L.FR_CODE]
    need = int((F[:, L.FR_BASE] + fn[cids, L.FN_NLOCALS] + fn[cids, L.FN_STACK]).max()) + 8
    st = State(
        R=R.copy(), S=room(S, max(sp, need) + 1024),
        F=room(F, fp + 64), CODE=code, FN=fn, K=K.copy(), H=room(H, 1024),
        V=room(V, 4096), CH=room(CH, 8192), G=G.copy(), MT=mt)
    f = np.nonzero(st.H[:htop, L.KIND] == L.FUNC)[0]
    if len(f):
        nkwdef = np.array([co.nkwdefaults for co in program.codes], np.int64)
        plain = f[nkwdef[st.H[f, L.A]] == 0]
        st.H[plain, L.D] = -1
    _rebuild_dict_indexes(st)
    _rehash_sets(st)
    return st


def _check_heap(program, H, V, CH, htop, vtop, ctop, R):
    kind = H[:, L.KIND]
    _need(np.isin(kind, HEAP_KINDS + (L.FREE_KIND,)).all(), "an object of unknown kind")
    _need(((H[:, L.SERIAL] >= 0) & (H[:, L.SERIAL] < max(R[L.R_SERIAL], 1))).all()
          | (kind == L.FREE_KIND).all(), "bad object serial numbers")
    A_, B_, C_, D_, E_, F_ = (H[:, c] for c in (L.A, L.B, L.C, L.D, L.E, L.F))

    def rows_of(k):
        return np.nonzero(kind == k)[0]

    # free list: a chain through column A over exactly the FREE rows
    free_rows = rows_of(L.FREE_KIND)
    _need(int(R[L.R_HLIVE]) == len(free_rows), "free-row count does not match")
    seen = np.zeros(htop, bool)
    row = int(R[L.R_HFREE])
    for _ in range(len(free_rows)):
        _need(0 <= row < htop and kind[row] == L.FREE_KIND and not seen[row], "broken free list")
        seen[row] = True
        row = int(H[row, L.A])
    _need(row == -1, "broken free list")

    s = rows_of(L.STR)
    _need(_inside(A_[s], B_[s], ctop), "a string outside its arena")
    _need(np.isin(D_[s], (0, 1)).all(), "bad string hash flag")
    if ctop:
        _need(((CH >= 0) & (CH <= 0x10FFFF)).all(), "a character out of range")
    for k, cap in ((L.LIST, C_), (L.TUPLE, B_)):
        r = rows_of(k)
        _need(((B_[r] >= 0) & (B_[r] <= cap[r])).all() and _inside(A_[r], cap[r], vtop),
              "a sequence outside its arena")
        idx = _ranges(A_[r], B_[r])
        _check_values(V[idx, 0], V[idx, 1], H, htop, "sequence items")
    _need(np.isin(D_[rows_of(L.TUPLE)], (0, 1)).all(), "bad tuple hash flag")
    d = rows_of(L.DICT)
    size = E_[d]
    _need(((B_[d] >= 0) & (B_[d] <= C_[d]) & (C_[d] <= vtop) & (size >= 8) & (size <= vtop)
           & ((size & (size - 1)) == 0) & (size * 2 >= 3 * C_[d]) & (F_[d] >= 0)
           & (F_[d] <= B_[d])).all() and _inside(A_[d], 2 * C_[d], vtop)
          and _inside(D_[d], size, vtop), "a dict outside its arena")
    idx = _ranges(A_[d], 2 * B_[d])
    _check_values(V[idx, 0], V[idx, 1], H, htop, "dict entries", undef_ok=True)
    keys = _ranges(A_[d], 2 * B_[d])[::2] if len(idx) else idx
    kt = V[keys, 0] if len(keys) else np.zeros(0, np.int64)
    _need(not np.isin(kt, (L.LIST, L.DICT)).any(), "an unhashable dict key")
    owner = np.repeat(np.arange(len(d)), B_[d])
    live = np.bincount(owner, weights=(kt != L.UNDEF), minlength=len(d)).astype(np.int64)
    _need((live == F_[d]).all(), "dict entry count does not match")
    f = rows_of(L.FUNC)
    _need(((A_[f] >= 1) & (A_[f] < len(program.codes))).all(), "a function of unknown code")
    _check_functions(program, H, V, f, htop)
    c = rows_of(L.CELL)
    _check_values(A_[c], B_[c], H, htop, "cells", undef_ok=True)
    _need((C_[rows_of(L.RANGE)] != 0).all(), "a range with step 0")
    sl = rows_of(L.SLICE)
    _need(_inside(A_[sl], np.full(len(sl), 3), vtop), "a slice outside its arena")
    _check_rng(H, V, R, rows_of(L.RNG), htop, vtop)
    _check_disjoint(A_, B_, C_, D_, E_, kind, _gen_regions(program, H, rows_of(L.GEN), htop, vtop))
    _check_acyclic_tuples(H, V, rows_of(L.TUPLE))
    idx = _ranges(A_[sl], np.full(len(sl), 3))
    _check_values(V[idx, 0], V[idx, 1], H, htop, "slice parts")
    _check_bigints(H, V, rows_of(L.BIGINT), vtop)
    _check_sets(H, V, np.concatenate([rows_of(L.SET), rows_of(L.FROZENSET)]), htop, vtop)
    mo = rows_of(L.MODULE)
    _need(((A_[mo] >= 0) & (A_[mo] < len(MODULES))).all() and ((B_[mo] >= 0) & (B_[mo] < htop)).all()
          and (kind[B_[mo]] == L.DICT).all(), "a bad module")
    for r in mo:    # C, D: a module written in Amber names its globals (Program.modules)
        e = _module_entry(program, int(A_[r]))
        _need((int(C_[r]), int(D_[r])) == ((-1, -1) if e is None else (e[2], e[3])),
              "a bad module")
    dv = rows_of(L.DICTVIEW)
    _check_gen_rows(program, H, rows_of(L.GEN), htop, vtop)
    _need(((A_[dv] >= 0) & (A_[dv] < htop)).all() and (kind[A_[dv]] == L.DICT).all()
          and np.isin(B_[dv], (0, 1, 2)).all(), "a bad dict view")
    _check_iterators(H, V, rows_of(L.ITER), htop)
    _check_class_objects(H, V, kind, htop, rows_of)
    ex = rows_of(L.EXC)
    _need(all(is_exception_type(int(b)) for b in A_[ex]), "an exception of unknown type")
    for r in ex:
        d, c = int(D_[r]), int(E_[r])
        _need(d == -1 or (0 <= d < htop and kind[d] == L.DICT), "a bad exception attribute dict")
        _need(c == -1 or (0 <= c < htop and kind[c] == L.CLASS), "a bad exception class")
    _need(((B_[ex] >= 0) & (B_[ex] < htop)).all() and (kind[B_[ex]] == L.TUPLE).all(),
          "exception arguments that are not a tuple")
    for r in ex:     # tracebacks: (code id, pc) pairs the host reads back
        tb = int(C_[r])
        if tb == -1:
            continue
        _need(0 <= tb < htop and kind[tb] == L.TUPLE and H[tb, L.B] % 2 == 0,
              "a bad traceback")
        items = V[H[tb, L.A]: H[tb, L.A] + H[tb, L.B]]
        _need((items[:, 0] == L.INT).all(), "a bad traceback")
        cids, pcs = items[0::2, 1], items[1::2, 1]
        _need(((cids >= 0) & (cids < len(program.codes))).all(), "a bad traceback")
        total = sum(len(co.code) for co in program.codes)
        _need(((pcs >= 0) & (pcs < total)).all(), "a bad traceback")


def _refs_to(ref, kind, length, H, htop):
    """Which of the rows ref are objects of that kind whose B (length) is length."""
    inside = (ref >= 0) & (ref < htop)
    r = np.where(inside, ref, 0)
    return inside & (H[r, L.KIND] == kind) & (H[r, L.B] == length)


def _check_functions(program, H, V, f, htop):
    """Each function's defaults, closure and keyword-only defaults are tuples of
    the lengths its code expects (or -1 when it expects none)."""
    if not len(f):
        return
    table = np.array([(co.ndefaults, co.nfree, co.nkwdefaults) for co in program.codes],
                     np.int64)[H[f, L.A]]
    nd, nf, nk = table[:, 0], table[:, 1], table[:, 2]
    dflt, clo, kwd = H[f, L.B], H[f, L.C], H[f, L.D]
    _need(np.where(dflt == -1, nd == 0, _refs_to(dflt, L.TUPLE, nd, H, htop)).all(),
          "bad function defaults")
    _need(np.where(nf > 0, _refs_to(clo, L.TUPLE, nf, H, htop), clo == -1).all(),
          "bad function closure")
    cells = _ranges(H[clo[nf > 0], L.A], nf[nf > 0])
    _need((V[cells, 0] == L.CELL).all(), "a closure item that is not a cell")
    # -1; 0 in snapshots written before keyword-only parameters (check_state turns
    # it into -1)
    _need(np.where(nk > 0, _refs_to(kwd, L.TUPLE, nk, H, htop), (kwd == -1) | (kwd == 0)).all(),
          "bad function keyword defaults")


class _Arrays:
    """Just the H and V arrays, for hostvalues.big_value."""

    def __init__(self, H, V):
        self.H = H
        self.V = V


def _check_bigints(H, V, rows, vtop):
    """Each BIGINT: limbs inside the arena, each 32 bits, the top one nonzero, a sign,
    and a value outside int64 (an int that fits must be an INT: one value, one form)."""
    if not len(rows):
        return
    A_, B_, C_ = H[rows, L.A], H[rows, L.B], H[rows, L.C]
    _need(((B_ >= 2) & (B_ <= L.MAX_INT_BITS // 32)).all(), "a big int of a bad size")
    _need(np.isin(C_, (1, -1)).all(), "a big int with a bad sign")
    nrows = (B_ + 1) // 2
    _need(_inside(A_, nrows, vtop), "a big int outside its arena")
    idx = _ranges(A_, nrows)
    limbs = V[idx].reshape(-1)
    _need(((limbs >= 0) & (limbs <= 0xFFFFFFFF)).all(), "a big int limb out of range")
    top_row = A_ + nrows - 1
    odd = (B_ % 2) == 1
    _need((V[top_row[odd], 1] == 0).all(), "a big int with a stray limb")
    top = np.where(odd, V[top_row, 0], V[top_row, 1])
    _need((top != 0).all(), "a big int that is not normalized")
    two = B_ == 2
    mag = (V[A_[two], 1].astype(object) << 32) | V[A_[two], 0].astype(object)
    sign = C_[two]
    _need(all(m > INT64_MAX and not (s < 0 and m == INT64_MAX + 1)
              for m, s in zip(mag, sign)), "a big int that fits in 64 bits")


def _check_rng(H, V, R, rows, htop, vtop):
    """The random module's generator (vm/rng.py): R_RNG is -1 (not used yet) or names
    an RNG object; each RNG object holds 624 words in [0, 2**32) inside V (disjoint
    from other regions: _check_disjoint), an index in [0, 624], a gauss flag of 0 or
    1 and no cached bits without it."""
    g = int(R[L.R_RNG])
    _need(g == -1 or (0 <= g < htop and H[g, L.KIND] == L.RNG),
          "the random generator register does not name a generator state (corrupted)")
    if not len(rows):
        return
    A_, B_, C_, D_ = (H[rows, c] for c in (L.A, L.B, L.C, L.D))
    _need(_inside(A_, np.full(len(rows), L.MT_ROWS), vtop),
          "a random generator state outside its arena (corrupted)")
    _need(((B_ >= 0) & (B_ <= L.MT_N)).all(), "a random generator index out of range (corrupted)")
    _need(np.isin(C_, (0, 1)).all(), "a bad random gauss flag (corrupted)")
    _need((D_[C_ == 0] == 0).all(), "a bad random gauss value (corrupted)")
    _need((H[rows, L.E] == 0).all() and (H[rows, L.F] == 0).all(),
          "a bad random generator state (corrupted)")
    words = V[_ranges(A_, np.full(len(rows), L.MT_ROWS))]
    _need(((words >= 0) & (words <= 0xFFFFFFFF)).all(),
          "a random generator word out of range (corrupted)")


def _check_sets(H, V, rows, htop, vtop):
    """Set tables: a power-of-two size of at least 8 inside the arena, at least one
    empty slot (every probe loop ends on one), used and fill counts that match the
    slots, empty and dummy slots in their exact form, hashable elements.  The stored
    hashes are recomputed on load (see _rehash_sets), never trusted."""
    if not len(rows):
        return
    size = H[rows, L.E]
    _need(((size >= 8) & (size <= vtop) & ((size & (size - 1)) == 0)).all()
          and _inside(H[rows, L.A], 2 * size, vtop), "a set outside its arena")
    used, fill = H[rows, L.B], H[rows, L.C]
    _need(((used >= 0) & (used <= fill) & (fill < size)).all(), "bad set counts")
    frozen = H[rows, L.KIND] == L.FROZENSET
    _need((H[rows, L.F] >= 0).all() and np.isin(H[rows[frozen], L.F], (0, 1)).all(),
          "bad set finger or hash flag")
    slots = _ranges(H[rows, L.A], 2 * size)[::2]
    tags, vals = V[slots, 0], V[slots, 1]
    live = tags != L.UNDEF
    _check_values(tags[live], vals[live], H, htop, "set elements")
    _need(not np.isin(tags, (L.LIST, L.DICT, L.SET)).any(), "an unhashable set element")
    _need(np.isin(vals[~live], (0, 1)).all(), "a bad empty or dummy set slot")
    owner = np.repeat(np.arange(len(rows)), size)
    n_live = np.bincount(owner, weights=live, minlength=len(rows)).astype(np.int64)
    n_fill = np.bincount(owner, weights=live | (vals == 1), minlength=len(rows)).astype(np.int64)
    _need((n_live == used).all() and (n_fill == fill).all(), "set counts do not match its slots")


def _check_iterators(H, V, rows, htop):
    ok_source = {L.IT_SEQ: (L.LIST, L.TUPLE), L.IT_STR: (L.STR,), L.IT_RANGE: (L.RANGE,),
                 L.IT_DICT: (L.DICT,), L.IT_ENUMERATE: (L.ITER,), L.IT_ZIP: (L.TUPLE,),
                 L.IT_REVERSED: (L.LIST, L.TUPLE, L.STR), L.IT_SET: (L.SET, L.FROZENSET)}
    for r in rows:
        k, t, v, d, e, f = (int(x) for x in H[r, L.A: L.F + 1])
        _need(k in ok_source and t in ok_source[k], "an iterator over the wrong kind")
        _need(0 <= v < htop and H[v, L.KIND] == t, "an iterator with a bad source")
        if k == L.IT_RANGE:
            _need(f != 0, "a range iterator with step 0")
        elif k == L.IT_DICT:
            _need(d >= 0 and e in (0, 1, 2), "a bad dict iterator")
        elif k in (L.IT_SEQ, L.IT_STR, L.IT_REVERSED, L.IT_SET):
            _need(d >= 0, "an iterator at a negative position")
        elif k == L.IT_ZIP:
            n = int(H[v, L.B])
            _need(n <= 32, "zip over too many iterators")
            items = V[H[v, L.A]: H[v, L.A] + n]
            _need((items[:, 0] == L.ITER).all(), "zip over something that is not an iterator")
    # wrappers (enumerate, zip) nest without cycles and within the depth limit, and
    # each records its true depth (the interpreter sizes its work stack by it)
    from ..vm.seq import MAX_WRAP_DEPTH
    depth: dict = {}
    for r in rows:
        _wrapper_depth(H, V, int(r), depth, MAX_WRAP_DEPTH)


def _children(H, V, x):
    k = int(H[x, L.A])
    if k == L.IT_ENUMERATE:
        return [int(H[x, L.C])]
    if k == L.IT_ZIP:
        t = int(H[x, L.C])
        o = int(H[t, L.A])
        return [int(V[o + i, 1]) for i in range(int(H[t, L.B]))]
    return []


def _wrapper_depth(H, V, r, depth, limit):
    stack = [r]
    on_path = set()
    while stack:
        x = stack[-1]
        if x in depth:
            stack.pop()
            on_path.discard(x)
            continue
        on_path.add(x)
        kids = _children(H, V, x)
        pending = [c for c in kids if c not in depth]
        if pending:
            _need(not any(c in on_path for c in pending), "iterators wrapped in a cycle")
            _need(len(stack) <= limit + 1, "iterators nested too deeply")
            stack.extend(pending)
            continue
        depth[x] = 1 + max((depth[c] for c in kids), default=0) if kids else 0
        _need(depth[x] <= limit, "iterators nested too deeply")
        if kids:
            _need(int(H[x, L.E]) == depth[x], "an iterator with a wrong nesting depth")
        stack.pop()
        on_path.discard(x)


def _row_of(H, htop, r, k) -> bool:
    return 0 <= r < htop and H[r, L.KIND] == k


def _check_class_objects(H, V, kind, htop, rows_of):
    """Classes, instances, bound methods, wrappers and super objects: every reference
    the numba code follows has the kind it expects."""
    for r in rows_of(L.CLASS):
        _need(_row_of(H, htop, H[r, L.A], L.STR) and _row_of(H, htop, H[r, L.B], L.DICT)
              and _row_of(H, htop, H[r, L.C], L.TUPLE) and _row_of(H, htop, H[r, L.D], L.TUPLE),
              "a bad class")
        base = int(H[r, L.E])
        _need(base == BUILTIN_ID["object"] or is_exception_type(base)
              or (0 <= base < len(BUILTINS) and BUILTINS[base] in VALUE_BASES),
              "a bad class base")
        mro = int(H[r, L.C])
        items = V[H[mro, L.A]: H[mro, L.A] + H[mro, L.B]]
        _need(len(items) >= 1 and all(
            (t == L.CLASS and _row_of(H, htop, v, L.CLASS)) or t == L.BUILTIN
            for t, v in items), "a bad class MRO")
    for r in rows_of(L.INSTANCE):
        c, d = int(H[r, L.A]), int(H[r, L.B])
        _need(c == -1 or _row_of(H, htop, c, L.CLASS), "an instance of a bad class")
        _need((c == -1 and d == -1) or _row_of(H, htop, d, L.DICT), "a bad instance dict")
    inst = rows_of(L.INSTANCE)      # C, D: the base value (UNDEF, 0 for none)
    _check_values(H[inst, L.C], H[inst, L.D], H, htop, "instance base values", undef_ok=True)
    b = rows_of(L.BOUND)
    _check_values(H[b, L.A], H[b, L.B], H, htop, "bound method parts")
    _check_values(H[b, L.C], H[b, L.D], H, htop, "bound method parts")
    _need(np.isin(H[b, L.E], (0, 1, 2)).all(), "a bad bound method")
    for r in rows_of(L.WRAPPER):
        k, t = int(H[r, L.A]), int(H[r, L.B])
        _need(k in (L.WR_STATIC, L.WR_CLASS, L.WR_PROPERTY) and _row_of(H, htop, t, L.TUPLE)
              and H[t, L.B] == (3 if k == L.WR_PROPERTY else 1), "a bad wrapper")
    su = rows_of(L.SUPER)
    _need(all(_row_of(H, htop, int(c), L.CLASS) for c in H[su, L.A]), "a bad super object")
    _check_values(H[su, L.B], H[su, L.C], H, htop, "super objects")


def _check_frames(program, code, fn, S, F, H, sp, fp, verified):
    prev_top = 0
    for i in range(fp + 1):
        cid, pc, base, func, ret, flags = (int(x) for x in F[i, :L.FRCOLS])
        _need(flags in _RET_DEPTH or flags in GEN_MODES, f"frame {i}: bad return mode")
        _need(0 <= cid < len(program.codes), f"frame {i}: unknown code")
        co = program.codes[cid]
        entry = int(fn[cid, L.FN_ENTRY])
        _need(entry <= pc < entry + len(co.code), f"frame {i}: pc outside its code")
        if i == 0:
            _need(cid == 0 and base == 0 and func == -1, "frame 0 is not the module")
        else:
            _need(0 <= func < H.shape[0] and H[func, L.KIND] == L.FUNC
                  and H[func, L.A] == cid, f"frame {i}: bad function")
            if flags in GEN_MODES:
                _need(prev_top <= ret < base <= ret + 5, f"frame {i}: bad return slot")
            else:
                _need(prev_top <= ret <= base, f"frame {i}: bad return slot")
        _need(base >= prev_top and base + co.nlocals <= sp, f"frame {i}: locals outside the stack")
        if cid not in verified:
            verified[cid] = verify_code(program, cid, co)
        local_pc = pc - entry
        top = sp if i == fp else int(F[i + 1, L.FR_RET])
        depth = top - (base + co.nlocals)
        if i == fp:
            shape = verified[cid][local_pc]
            _need(shape is not None, f"frame {i}: pc is unreachable")
            _need(depth == len(shape), f"frame {i}: operand stack depth does not match its pc")
            _check_markers(S, base + co.nlocals, shape, H, i)
        elif int(F[i + 1, L.FR_FLAGS]) in GEN_MODES:
            # it resumed the generator above: its pc is just past the resuming
            # instruction, whose stack shape (minus the operands) is checked
            shape = verified[cid][local_pc - 1] if local_pc >= 1 else None
            _need(shape is not None, f"frame {i}: pc is unreachable")
            _check_resumer(code, S, F, i, pc, shape, depth)
            _check_markers(S, base + co.nlocals, shape[:depth], H, i)
        else:
            # the callee's return leaves the caller's stack at the depth its resume pc
            # expects: the result at S[ret] (and the mode's extra slot, if any)
            resume = verified[cid][pc - entry]
            _need(resume is not None, f"frame {i}: resumes at an unreachable pc")
            callee_ret = int(F[i + 1, L.FR_RET])
            mode = int(F[i + 1, L.FR_FLAGS])
            _need(mode in _RET_DEPTH, f"frame {i + 1}: bad return mode")   # (checked before it is)
            after = callee_ret + _RET_DEPTH[mode] - (base + co.nlocals)
            _need(after == len(resume), f"frame {i}: operand stack depth does not match "
                  "where it resumes")
            _check_markers(S, base + co.nlocals, resume[:depth], H, i)
        # cells: slots made cells by MAKE_CELL before pc, and free variables
        # (verify_code allows MAKE_CELL only in the code's first instructions)
        for w in co.code[: local_pc]:
            o, a = O.decode(w)
            if O.OPS[o].name != "MAKE_CELL":
                break
            _need(S[base + a, 0] == L.CELL, f"frame {i}: a cell slot without a cell")
        for a in range(co.nlocals - co.nfree, co.nlocals):
            _need(S[base + a, 0] == L.CELL, f"frame {i}: a free variable without a cell")
        if co.flags & L.CO_GENERATOR:
            start = generator_start(co)
            if flags in GEN_MODES:
                _need(local_pc >= start + 2, f"frame {i}: a generator frame in its prologue")
            else:
                _need(local_pc <= start + 1, f"frame {i}: a generator's body run as a call")
        else:
            _need(flags not in GEN_MODES, f"frame {i}: a generator mode on a plain function")
        prev_top = base + co.nlocals
    return verified


def _check_resumer(code, S, F, i, pc, shape, depth):
    """Frame i resumed the generator of frame i + 1: its instruction (pc - 1) must
    be one that resumes generators in that frame's mode, with the stack the mode's
    return path relies on."""
    op, arg = O.decode(int(code[pc - 1]))
    name = O.OPS[op].name
    mode = int(F[i + 1, L.FR_FLAGS])
    ret, base = int(F[i + 1, L.FR_RET]), int(F[i + 1, L.FR_BASE])
    g = int(S[ret, 1])
    ok = False
    if mode == L.RET_GEN_FOR:
        ok = name == "FOR_ITER" and depth == len(shape) and base == ret + 1
    elif name == "SEND" and mode in (L.RET_GEN_YF, L.RET_GEN_CLOSE):
        ok = depth == len(shape) - 1 and base == ret + 1
    elif mode == L.RET_GEN_SEND and name == "CALL" and arg in (1, 2):
        ok = depth == len(shape) - arg - 1 and base == ret + arg + 1
    elif mode in (L.RET_GEN_SEND, L.RET_GEN_CLOSE) and name == "CALL_METHOD" and arg <= 3:
        ok = depth == len(shape) - arg - 2 and base == ret + arg + 2
    _need(ok, f"frame {i}: does not resume its generator")
    if mode == L.RET_GEN_FOR or name == "SEND":
        _need(int(S[ret - 1, 0]) == L.GEN and int(S[ret - 1, 1]) == g,
              f"frame {i}: resumes another generator than its iterator")


def _gen_cap(program, H, g) -> int:
    co = program.codes[int(H[int(H[g, L.A]), L.A])]
    return co.nlocals + co.stacksize + L.GEN_SLACK


def _check_gen_rows(program, H, rows, htop, vtop):
    """The fields of GEN rows that need no frames or verified code."""
    for r in rows:
        f, state, c, d, e, spare = (int(x) for x in H[r, L.A: L.F + 1])
        _need(0 <= f < htop and H[f, L.KIND] == L.FUNC, "a generator of no function")
        co = program.codes[int(H[f, L.A])]
        _need(co.flags & L.CO_GENERATOR, "a generator of a plain function")
        _need(state in (L.GEN_CREATED, L.GEN_SUSPENDED, L.GEN_RUNNING, L.GEN_DONE)
              and spare == 0, "a generator in a bad state")
        if state == L.GEN_DONE:
            _need(c == 0 and d == 0 and e == 0, "a finished generator with a frame")
            continue
        cap = _gen_cap(program, H, r)
        _need(_inside([d], [cap], vtop) and 0 <= e <= cap, "a generator outside its arena")
        if state == L.GEN_RUNNING:
            _need(e == 0, "a running generator with saved slots")


def _gen_regions(program, H, rows, htop, vtop):
    """(start, length) of every live generator's slot region, for _check_disjoint."""
    _check_gen_rows(program, H, rows, htop, vtop)
    live = [r for r in rows if int(H[r, L.B]) != L.GEN_DONE]
    return np.array([(int(H[r, L.D]), _gen_cap(program, H, r)) for r in live],
                    np.int64).reshape(-1, 2)


def _check_generators(program, fn, S, F, H, V, htop, fp, verified):
    """Saved generator frames: the resume pc is where a generator starts or right
    after one of its yields, the saved stack has the depth (and the iterators) the
    verifier computed there, every saved value is valid and every cell a cell; a
    running generator is the one generator of exactly one frame."""
    running = {}
    for i in range(1, fp + 1):
        if int(F[i, L.FR_FLAGS]) in GEN_MODES:
            ret = int(F[i, L.FR_RET])
            _need(int(S[ret, 0]) == L.GEN, f"frame {i}: a generator frame without its generator")
            g = int(S[ret, 1])
            _need(int(H[g, L.B]) == L.GEN_RUNNING and int(H[g, L.A]) == int(F[i, L.FR_FUNC])
                  and g not in running, f"frame {i}: not the frame of its generator")
            running[g] = i
    for r in np.nonzero(H[:htop, L.KIND] == L.GEN)[0]:
        r = int(r)
        f, state, c, d, e = (int(x) for x in H[r, L.A: L.E + 1])
        if state == L.GEN_RUNNING:
            _need(r in running, "a running generator without a frame")
        if state not in (L.GEN_CREATED, L.GEN_SUSPENDED):
            continue
        cid = int(H[f, L.A])
        co = program.codes[cid]
        entry = int(fn[cid, L.FN_ENTRY])
        start = generator_start(co)
        local = c - entry
        if state == L.GEN_CREATED:
            _need(local == start + 2 and e == co.nlocals, "a new generator with a bad frame")
        else:
            _need(start + 2 < local < len(co.code)
                  and O.OPS[O.decode(co.code[local - 1])[0]].name == "YIELD_VALUE",
                  "a generator suspended elsewhere than after a yield")
        if cid not in verified:
            verified[cid] = verify_code(program, cid, co)
        shape = verified[cid][local]
        _need(shape is not None and e == co.nlocals + len(shape) - 1,
              "a generator's saved stack does not match its pc")
        rows = V[d: d + e]
        _check_values(rows[:, 0], rows[:, 1], H, htop, "generator slots", undef_ok=True)
        _need((rows[co.nlocals:, 0] != L.UNDEF).all(), "an unbound value on a generator's stack")
        _check_markers(rows, co.nlocals, shape[:-1], H, f"generator {r}")
        for w in co.code[:start]:
            _need(int(rows[O.decode(w)[1], 0]) == L.CELL, "a generator's cell slot without a cell")
        for a in range(co.nlocals - co.nfree, co.nlocals):
            _need(int(rows[a, 0]) == L.CELL, "a generator's free variable without a cell")


_CALL_SLOT = {"CALL": 1, "CALL_KW": 2, "CALL_METHOD": 2, "CALL_METHOD_KW": 3, "CALL_EX": 0}
# Return modes: how many stack slots from FR_RET on the caller holds after the return.
_RET_DEPTH = {L.RET_NORMAL: 1, L.RET_INIT: 1, L.RET_DISCARD: 0, L.RET_FOR_ITER: 1,
              L.RET_ATTR_PAIR: 2}


def _check_markers(S, start, shape, H, frame):
    for k, m in enumerate(shape):
        tag = int(S[start + k, 0])
        if m == ITER:
            _need(tag in (L.ITER, L.GEN, L.INSTANCE, L.EXC),
                  f"frame {frame}: an iterator slot without an iterator")
        elif m == METH and tag == L.METHOD:
            mid = int(S[start + k, 1])
            owner = METHODS[mid][0]
            kinds = (L.INT, L.BOOL, L.BIGINT) if owner == L.INT else (owner,)
            _need(start + k + 1 < S.shape[0], f"frame {frame}: a method slot at the top")
            above = (int(S[start + k + 1, 0]), int(S[start + k + 1, 1]))
            # its receiver; or, for a method read from its type (str.lower(s)), an
            # empty self slot or the method's copy (interp.call_unbound_method)
            _need(above[0] in kinds or above[0] == L.UNDEF or above == (L.METHOD, mid),
                  f"frame {frame}: a method on the wrong kind of object")


def _rehash_sets(st: State):
    """Recompute the stored hash of every set slot and forget cached frozenset
    hashes: a lookup then finds every element whose slot is on its probe path (slot
    positions are kept, so iteration order is the snapshot's).  Frozensets first, so
    that sets of frozensets see their elements' fresh hashes."""
    from ..vm import sets
    H = st.H
    kinds = H[: int(st.R[L.R_HTOP]), L.KIND]
    rows = list(np.nonzero(kinds == L.FROZENSET)[0]) + list(np.nonzero(kinds == L.SET)[0])
    if not rows:
        return
    p = pointers(st)
    for r in rows:
        sets.rehash(p, int(r))


def _rebuild_dict_indexes(st: State):
    """Recompute every dict's hash index from its entries (never trust an index)."""
    from ..vm import heap
    H = st.H
    rows = np.nonzero(H[: int(st.R[L.R_HTOP]), L.KIND] == L.DICT)[0]
    if not len(rows):
        return
    p = pointers(st)
    for r in rows:
        heap.dict_reindex(p, int(r))


def _check_module_frames(program, code, fn, S, F, H, G, fp):
    """The import slots hold nothing or their own module; a frame running the body
    of a module written in Amber was pushed by the IMPORT_NAME of that module (the
    caller's instruction), in mode RET_DISCARD, with the module (the instruction's
    result, the one in the slot) below its function on the caller's stack."""
    ng = len(program.globals)
    for slot, g in enumerate(program.globals):
        if g.startswith("<modules>.") and int(G[slot, 0]) == L.MODULE:
            name = g.split(".", 1)[1]
            _need(name in MODULE_ID and int(H[int(G[slot, 1]), L.A]) == MODULE_ID[name],
                  f"import slot {slot} holds another module")
    bodies = {m[1]: m[0] for m in program.modules}
    for i in range(1, fp + 1):
        name = bodies.get(int(F[i, L.FR_CODE]))
        if name is None:
            continue
        slot = program.globals.index(f"<modules>.{name}")
        pc = int(F[i - 1, L.FR_PC])
        _need(pc > int(fn[int(F[i - 1, L.FR_CODE]), L.FN_ENTRY]),
              f"frame {i}: a module body not run by its import")
        op, arg = O.decode(int(code[pc - 1]))
        ret, base = int(F[i, L.FR_RET]), int(F[i, L.FR_BASE])
        _need(int(F[i, L.FR_FLAGS]) == L.RET_DISCARD and O.OPS[op].name == "IMPORT_NAME"
              and arg == slot and slot < ng and base == ret + 1 and ret >= 1
              and int(S[ret, 0]) == L.FUNC and int(S[ret, 1]) == int(F[i, L.FR_FUNC])
              and int(S[ret - 1, 0]) == L.MODULE and int(G[slot, 0]) == L.MODULE
              and int(S[ret - 1, 1]) == int(G[slot, 1]),
              f"frame {i}: a module body not run by its import")
