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

import numpy as np

from ..vm import layout as L
from ..vm import opcodes as O
from ..vm.builtins import AMBER_MODULES, BUILTIN_ID, MODULES
from ..vm.state import State, fresh_ic
from . import checks
from .format import SnapshotError

INT64_MIN = -(1 << 63)
INT64_MAX = (1 << 63) - 1
MAX_COUNT = 1 << 16          # most operands a single instruction may take
ANY, ITER, METH = checks.MARK_ANY, checks.MARK_ITER, checks.MARK_METH   # (stack slots)

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
    # a superinstruction means its first instruction (decode); the loop runs the next
    # word as its second one, so that word must mean it
    for pc, w in enumerate(co.code):
        second = O.FUSED_SECOND.get(O.decode_raw(w)[0])
        if second is not None:
            _need(pc + 1 < n and ops[pc + 1][0] == second,
                  f"code {cid} pc {pc}: a superinstruction without its second instruction")
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
# the state (checked in numba: checks.py)
# ---------------------------------------------------------------------------

def check_state(entry, arrays: list, buf, layout) -> State:
    """Decode, validate and finish a snapshot's state arrays; return a runnable State.

    entry: the checked program (format.Loaded); arrays: R S F K H V CH G, zeroed
    with room after their live rows, those stored plain already filled in; buf,
    layout: the compact streams, where each array's is and the live rows of each
    (format._entries).  The State gets these very arrays."""
    R, S, F, K, H, V, CH, G = arrays
    err, i, what, need = checks.load_state(buf, layout, entry.flat, entry.nbase, *arrays,
                                           entry.code, entry.fn, entry.mt, entry.tables,
                                           entry.nbslots)
    if err > 0:
        raise SnapshotError(checks.message(err, i, what))
    if err < 0:      # not a fresh VM's constants: compare them with the program's
        htop, vtop, ctop = int(R[L.R_HTOP]), int(R[L.R_VTOP]), int(R[L.R_CTOP])
        try:
            _check_consts(entry.program, K, H[:htop], V[:vtop], CH[:ctop])
        except UnicodeDecodeError:
            raise SnapshotError("a string constant is not valid text") from None
    # every frame, not only the top one, gets its full operand stack back when the
    # frames above it return
    sp = int(R[L.R_SP])
    want = max(max(sp, need) + 1024, 2 * sp, 16)
    if S.shape[0] < want:
        bigger = np.zeros((want, 2), np.int64)
        bigger[:sp] = S[:sp]
        S = bigger
    return State(R=R, S=S, F=F, CODE=entry.code, FN=entry.fn, K=K, H=H, V=V, CH=CH, G=G,
                 MT=entry.mt, IC=fresh_ic(K.shape[0]))


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




class _Arrays:
    """Just the H and V arrays, for hostvalues.big_value."""

    def __init__(self, H, V):
        self.H = H
        self.V = V
