"""The interpreter loop: run(state) executes instructions until a status.

The loop keeps pc, sp and the current frame in locals and writes them back to the
state arrays whenever it leaves or calls a cold helper.  It never calls Python and
never recurses: a call pushes a row on F, a return pops it.  Hot opcodes are inline;
the rest live in small @njit helpers grouped by theme, which keeps numba's compile
time bounded (DESIGN.md, "Known hazards").

Between instructions the whole VM is in the arrays, so every boundary is a place the
host can stop, snapshot and resume.
"""

import math

import numpy as np
from numba import carray
from .jit import njit, call_entry_at

from . import CACHE
from .mem import sig, R_, S_, F_, CODE_, FN_, K_, H_, V_, CH_, G_, MT_, NPTRS, _ptr64
from .mem import _ptr32, P_S, P_F, P_CODE, P_K, P_G, P_H, P_V, P_G_N, P_H_N, P_V_N
from .layout import FRCOLS, HCOLS

LOOP_ROWS = 1 << 30     # the rows of run()'s array views (see there)
# run() indexes its arrays with unsigned row numbers, u64(i): numba adds to a signed
# index the wraparound of negative ones (i < 0: i + rows), three or four instructions
# at each of the loop's ~280 subscripts, which no index there needs (none is negative)
u64 = np.uint64

from .layout import (
    A, B, C, D, E, F, UNDEF, NONE, BOOL, INT, FLOAT, BUILTIN, METHOD, STR, LIST,
    TUPLE, DICT, FUNC, CELL, RANGE, ITER, SLICE, DICTVIEW, BIGINT,
    FR_CODE, FR_PC, FR_BASE, FR_FUNC, FR_RET, FN_ENTRY, FN_NPARAMS, FN_NLOCALS, FN_STACK,
    FN_NDEFAULTS, FN_NFREE, FN_PARAMNAMES, FN_NPOSONLY, FN_NKWONLY, FN_FLAGS,
    FN_NKWDEFAULTS, FN_KWDEFMAP, CO_VARARGS, ERR_UNPACK,
    R_SP, R_FP, R_FUEL, R_COUNT, R_KWNAMES, R_FRAMES_MAX, R_NEED, R_NEED_N,
    KIND, SERIAL, R_HFREE, R_HLIVE, R_HTOP, R_VTOP, R_SERIAL,
    ST_RUNNING, ST_FINISHED, ST_FUEL, ST_SERVICE, ST_NEED_MEMORY, ST_RAISE,
    NEED_STACK, NEED_FRAMES, ERR_NAME, ERR_UNBOUND_LOCAL, ERR_NOT_CALLABLE, ERR_ARGS,
    ERR_ATTR, ERR_RECURSION, ERR_VALUE, ERR_TYPE, ERR_OVERFLOW, ERR_INDEX, ERR_UNHASHABLE,
    R_SERVICE, R_ARGC, R_ERR, R_ERR_A, R_EXTRA, R_DEEP, R_NBSLOTS, EXC, FR_FLAGS, RET_NORMAL,
    ERR_EXCEPTION, ERR_RAISE, RAISE_NOT_EXCEPTION, RAISE_NO_ACTIVE, RAISE_BAD_CATCH,
    RAISE_BAD_CAUSE,
    CLASS, INSTANCE, BOUND, WRAPPER, SUPER, WR_STATIC, WR_CLASS, WR_PROPERTY, METHOD,
    RET_INIT, RET_DISCARD, RET_FOR_ITER, RET_ATTR_PAIR, P_BINOP, P_COMPARE, P_TRUTH,
    P_UNARY, P_FORMAT, P_CALL_EX, P_ITER, P_NEXT, P_BUILTINS, N_INIT, N_BOOL, N_LEN,
    N_ITER, N_NEXT, N_GETITEM, FN_MODULE, PRELUDE_MODULE, N_SETITEM, N_DELITEM, N_CALL, N_CONTAINS,
    GEN, CO_VARKW, RET_GEN_FOR, RET_GEN_CLOSE,
    IT_SEQ, IT_RANGE, IT_SET, ARGS_COUNT, ARGS_UNEXPECTED_KW, ARGS_DUPLICATE_KW, ARGS_MISSING,
    ARGS_MISSING_KWONLY, ARGS_KW_NOT_STR,
)
from .opcodes import (
    NOP, POP_TOP, DUP_TOP, DUP_TOP_TWO, ROT_TWO, ROT_THREE, LOAD_CONST,
    LOAD_SMALL_INT, LOAD_FAST, STORE_FAST, DELETE_FAST, LOAD_DEREF, STORE_DEREF,
    DELETE_DEREF, MAKE_CELL, LOAD_CLOSURE, LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL,
    UNARY_OP, BINARY_OP, COMPARE_OP, JUMP, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE,
    JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP, GET_ITER, FOR_ITER, BUILD_TUPLE,
    BUILD_LIST, BUILD_MAP, BUILD_STRING, BUILD_SLICE, FORMAT_VALUE, LIST_APPEND,
    MAP_ADD, BINARY_SUBSCR, STORE_SUBSCR, DELETE_SUBSCR, UNPACK_SEQUENCE, LOAD_ATTR,
    LOAD_METHOD, CALL_METHOD, CALL, CALL_KW, CALL_METHOD_KW, MAKE_FUNCTION,
    RETURN_VALUE, RAISE_VARARGS, RERAISE, CHECK_EXC_MATCH, LIST_EXTEND, LIST_TO_TUPLE,
    DICT_MERGE, UNPACK_EX, CALL_EX, BUILD_SET, SET_ADD, BUILD_CONST_SET, BUILD_CONST_FROZENSET,
    LOAD_NAME, STORE_NAME, DELETE_NAME, BUILD_CLASS, STORE_ATTR, DELETE_ATTR,
    IMPORT_NAME, IMPORT_FROM, SEND, YIELD_VALUE,
    LOAD_FAST__LOAD_FAST, LOAD_FAST__LOAD_SMALL_INT, LOAD_FAST__LOAD_CONST,
    LOAD_FAST__LOAD_ATTR, LOAD_FAST__LOAD_METHOD, LOAD_DEREF__LOAD_FAST,
    LOAD_GLOBAL__LOAD_FAST, STORE_FAST__LOAD_FAST, COMPARE_OP__POP_JUMP_IF_FALSE,
    COMPARE_OP__POP_JUMP_IF_TRUE, BINARY_SUBSCR__POP_JUMP_IF_FALSE,
    BINARY_SUBSCR__POP_JUMP_IF_TRUE, FOR_ITER__STORE_FAST, BUILD_SLICE__BINARY_SUBSCR,
    BUILD_SLICE__STORE_SUBSCR,
)
from .layout import MODULE, ERR_GEN, GENERR_YF_OBJECT, SET, FROZENSET, CLASS_NEW_BY_SCRIPT
from . import heap, arith, seq, natives, sets, objects, gen, modfns, fastpath
from .builtins import (B_RANDOM_RANDOM, B_MATH_SQRT, MODULE_FN_FIRST, MODULE_FN_LAST)
from .layout import R_RNG
from .builtins import (B_OBJECT, B_NEXT, B_LIST, B_TUPLE, B_MAP, B_FILTER, B___AMBER_YIELD_FROM,
                       M_GEN_THROW, METHOD_OWNER, M_LIST_APPEND, M_LIST_INSERT, M_LIST_INDEX, M_LIST_COUNT,
                       M_LIST_REMOVE, M_TUPLE_INDEX, M_TUPLE_COUNT, M_SET_ADD, M_SET_REMOVE,
                       M_SET_DISCARD, M_DICT_GET, M_DICT_POP, M_DICT_SETDEFAULT)
from .arith import fail, fbits, fval

# Service numbers for instructions the host completes (R_SERVICE when the status is
# ST_SERVICE and the instruction is not a call): negative, below the method range.
SVC_FORMAT = -10000      # FORMAT_VALUE
SVC_BUILD_STRING = -10001
SVC_LOAD_ATTR = -10002
SVC_BINOP = -10003       # BINARY_OP the numba code does not cover (str % args)
SVC_CALL_KW = -10004     # CALL_KW / CALL_METHOD_KW on a builtin
SVC_UNARY = -10005       # UNARY_OP on a big int (or -(-2**63))
SVC_CALL_EX = -10006     # CALL_EX on a builtin or a builtin method
SVC_OBJECT = -10007      # an attribute or class operation the host completes (rare
                         # names, errors, BUILD_CLASS, calling a bound builtin method)

# ERR_TYPE message ids of the unpacking opcodes (the host words the messages).
TYPE_NOT_MAPPING = 120   # DICT_MERGE of something that is not a dict (B: its tag)
TYPE_DUP_KEYWORD = 121   # DICT_MERGE in a call: a keyword given twice
TYPE_INIT_NOT_NONE = 122  # __init__ returned something else (B: its tag)
TYPE_NO_PRELUDE = 123    # the prelude function the VM needs is missing (B: entry)


# ---------------------------------------------------------------------------
# Calls
# ---------------------------------------------------------------------------

@njit(cache=CACHE)
def frame_room(st, c, base):
    """ST_RUNNING if a frame of code c with locals at S[base...] fits, else a status."""
    R = R_(st)
    FN = FN_(st)
    fp = R[R_FP]
    if fp + 1 >= R[R_FRAMES_MAX]:
        return fail(st, ERR_RECURSION, 0, 0, 0)
    if fp + 2 > F_(st).shape[0]:
        R[R_NEED] = NEED_FRAMES
        R[R_NEED_N] = fp + 2
        return ST_NEED_MEMORY
    need = base + FN[c, FN_NLOCALS] + FN[c, FN_STACK] + 8
    if need > S_(st).shape[0]:
        R[R_NEED] = NEED_STACK
        R[R_NEED_N] = need
        return ST_NEED_MEMORY
    return ST_RUNNING


@njit(cache=CACHE)
def enter_frame(st, f, base, nfilled, ret_pc, ret):
    """Push the frame of function row f (room checked by frame_room): its first
    nfilled local slots at S[base...] are bound, the rest start unbound; free
    variables come from the closure.  The return value will go to S[ret]."""
    H = H_(st)
    S = S_(st)
    R = R_(st)
    FN = FN_(st)
    c = H[f, A]
    nlocals = FN[c, FN_NLOCALS]
    for i in range(nfilled, nlocals):
        S[base + i, 0] = UNDEF
        S[base + i, 1] = 0
    nfree = FN[c, FN_NFREE]
    if nfree > 0:
        cl = H[f, C]
        co = H[cl, A]
        for i in range(nfree):
            S[base + nlocals - nfree + i, 0] = CELL
            S[base + nlocals - nfree + i, 1] = V_(st)[co + i, 1]
    fp = R[R_FP]
    F_(st)[fp, FR_PC] = ret_pc
    fp += 1
    F_(st)[fp, FR_CODE] = c
    F_(st)[fp, FR_PC] = FN[c, FN_ENTRY]
    F_(st)[fp, FR_BASE] = base
    F_(st)[fp, FR_FUNC] = f
    F_(st)[fp, FR_RET] = ret
    F_(st)[fp, FR_FLAGS] = RET_NORMAL
    R[R_FP] = fp
    R[R_SP] = base + nlocals
    return ST_RUNNING


@njit(cache=CACHE)
def push_frame(st, f, base, nargs_filled, ret_pc, ret):
    """Enter function row f whose first nargs_filled parameters sit at S[base...];
    its return value will go to S[ret] and the caller's stack ends just above it.

    Returns ST_RUNNING after setting up the new frame, or a status.  The hot path of
    every positional call: functions with *args, **kwargs or keyword-only parameters
    go to bind_call; the rest is written out here (calling frame_room / enter_frame
    instead measured 15-40% slower on call-heavy benchmarks)."""
    H = H_(st)
    S = S_(st)
    R = R_(st)
    FN = FN_(st)
    c = H[f, A]
    if FN[c, FN_FLAGS] & (CO_VARARGS | CO_VARKW) != 0 or FN[c, FN_NKWONLY] != 0:
        return bind_call(st, f, ret, base, base, nargs_filled, -1, -1, 0, -1, ret_pc)
    nparams = FN[c, FN_NPARAMS]
    nlocals = FN[c, FN_NLOCALS]
    fp = R[R_FP]
    if fp + 1 >= R[R_FRAMES_MAX]:
        return fail(st, ERR_RECURSION, 0, 0, 0)
    if fp + 2 > F_(st).shape[0]:
        R[R_NEED] = NEED_FRAMES
        R[R_NEED_N] = fp + 2
        return ST_NEED_MEMORY
    if base + nlocals + FN[c, FN_STACK] + 8 > S.shape[0]:
        R[R_NEED] = NEED_STACK
        R[R_NEED_N] = base + nlocals + FN[c, FN_STACK] + 8
        return ST_NEED_MEMORY
    if nargs_filled < nparams:
        d = H[f, B]
        ndef = H[d, B] if d >= 0 else 0
        first_default = nparams - ndef
        if nargs_filled < first_default:
            return fail(st, ERR_ARGS, c, nargs_filled, ARGS_MISSING)
        do = H[d, A]
        for i in range(nargs_filled, nparams):
            S[base + i, 0] = V_(st)[do + i - first_default, 0]
            S[base + i, 1] = V_(st)[do + i - first_default, 1]
    elif nargs_filled > nparams:
        return fail(st, ERR_ARGS, c, nargs_filled, ARGS_COUNT)
    for i in range(nparams, nlocals):
        S[base + i, 0] = UNDEF
        S[base + i, 1] = 0
    nfree = FN[c, FN_NFREE]
    if nfree > 0:
        cl = H[f, C]
        co = H[cl, A]
        for i in range(nfree):
            S[base + nlocals - nfree + i, 0] = CELL
            S[base + nlocals - nfree + i, 1] = V_(st)[co + i, 1]
    F_(st)[fp, FR_PC] = ret_pc
    fp += 1
    F_(st)[fp, FR_CODE] = c
    F_(st)[fp, FR_PC] = FN[c, FN_ENTRY]
    F_(st)[fp, FR_BASE] = base
    F_(st)[fp, FR_FUNC] = f
    F_(st)[fp, FR_RET] = ret
    F_(st)[fp, FR_FLAGS] = RET_NORMAL
    R[R_FP] = fp
    R[R_SP] = base + nlocals
    return ST_RUNNING


@njit(cache=CACHE)
def bind_call(st, f, ret, base, pos_at, npos, pos_tuple, kw_names, kw_at, kw_dict, ret_pc):
    """Bind a call's arguments to the parameters of function row f, then enter it.

    Where the arguments are: the positional ones are the items of tuple row pos_tuple
    (if >= 0), else S[pos_at : pos_at + npos]; the keyword ones are the entries of
    dict row kw_dict (if >= 0), or the values S[kw_at + j] named by the str tuple row
    kw_names (if >= 0), or there are none.  The callee's locals are written from
    S[base] on; its result will go to S[ret].  Errors and memory requests change
    nothing (the instruction can be redone or reported from its operands)."""
    S = S_(st)
    H = H_(st)
    V = V_(st)
    FN = FN_(st)
    c = H[f, A]
    nparams = FN[c, FN_NPARAMS]
    nkwonly = FN[c, FN_NKWONLY]
    has_va = FN[c, FN_FLAGS] & CO_VARARGS
    has_vk = (FN[c, FN_FLAGS] >> 1) & 1
    nslots = nparams + nkwonly + has_va + has_vk
    status = frame_room(st, c, base)
    if status != ST_RUNNING:
        return status
    P = S
    po = pos_at
    if pos_tuple >= 0:
        P = V
        po = H[pos_tuple, A]
        npos = H[pos_tuple, B]
    nkw = 0
    if kw_dict >= 0:
        nkw = H[kw_dict, B]      # entries used (deleted ones are skipped below)
    elif kw_names >= 0:
        nkw = H[kw_names, B]
    extra = npos - nparams if npos > nparams else 0
    if extra > 0 and has_va == 0:
        return fail(st, ERR_ARGS, c, npos, ARGS_COUNT)
    if not heap.reserve(st, 2, extra + (heap.dict_rows(nkw) if has_vk else 0), 0):
        return ST_NEED_MEMORY
    slots = np.zeros((nslots, 2), np.int64)     # UNDEF: not bound yet
    for i in range(npos - extra):
        slots[i, 0] = P[po + i, 0]
        slots[i, 1] = P[po + i, 1]
    kwd = -1
    if has_vk:
        kwd = heap.new_dict(st, nkw)
        slots[nslots - 1, 0] = DICT
        slots[nslots - 1, 1] = kwd
    pn = K_(st)[FN[c, FN_PARAMNAMES], 1]
    pno = H[pn, A]
    first_kw = FN[c, FN_NPOSONLY]
    for j in range(nkw):
        if kw_dict >= 0:
            eo = H[kw_dict, A] + 2 * j
            if V[eo, 0] == UNDEF:
                continue
            if V[eo, 0] != STR:
                return fail(st, ERR_ARGS, c, j, ARGS_KW_NOT_STR)
            name = V[eo, 1]
            vt = V[eo + 1, 0]
            vv = V[eo + 1, 1]
        else:
            if V[H[kw_names, A] + j, 0] != STR:
                return fail(st, ERR_VALUE, 99, CALL_KW, 0)   # only a hostile snapshot gets here
            name = V[H[kw_names, A] + j, 1]
            vt = S[kw_at + j, 0]
            vv = S[kw_at + j, 1]
        found = -1
        for i in range(first_kw, nparams + nkwonly):
            if heap.str_eq(st, V[pno + i, 1], name):
                found = i
                break
        if found < 0:
            if has_vk == 0:
                return fail(st, ERR_ARGS, c, j, ARGS_UNEXPECTED_KW)
            heap.dict_set(st, kwd, STR, name, vt, vv)
            continue
        if slots[found, 0] != UNDEF:
            return fail(st, ERR_ARGS, c, j, ARGS_DUPLICATE_KW)
        slots[found, 0] = vt
        slots[found, 1] = vv
    d = H[f, B]
    ndef = H[d, B] if d >= 0 else 0
    first_default = nparams - ndef
    for i in range(nparams):
        if slots[i, 0] == UNDEF:
            if i < first_default:
                return fail(st, ERR_ARGS, c, i, ARGS_MISSING)
            slots[i, 0] = V[H[d, A] + i - first_default, 0]
            slots[i, 1] = V[H[d, A] + i - first_default, 1]
    if nkwonly > 0:
        mo = H[K_(st)[FN[c, FN_KWDEFMAP], 1], A]
        for i in range(nkwonly):
            if slots[nparams + i, 0] == UNDEF:
                j = V[mo + i, 1]
                if j < 0:
                    return fail(st, ERR_ARGS, c, i, ARGS_MISSING_KWONLY)
                slots[nparams + i, 0] = V[H[H[f, D], A] + j, 0]
                slots[nparams + i, 1] = V[H[H[f, D], A] + j, 1]
    if has_va:
        t = heap.new_tuple(st, extra)
        to = H[t, A]
        for i in range(extra):
            V[to + i, 0] = P[po + nparams + i, 0]
            V[to + i, 1] = P[po + nparams + i, 1]
        slots[nparams + nkwonly, 0] = TUPLE
        slots[nparams + nkwonly, 1] = t
    heap.charge(st, npos + nkw)
    for i in range(nslots):
        S[base + i, 0] = slots[i, 0]
        S[base + i, 1] = slots[i, 1]
    return enter_frame(st, f, base, nslots, ret_pc, ret)


@njit(cache=CACHE)
def call_kw_function(st, f, ret, sp, n, ret_pc):
    """f(a1..ap, k1=v1..) with the const names tuple on top (CALL_KW)."""
    S = S_(st)
    H = H_(st)
    if S[sp - 1, 0] != TUPLE or H[S[sp - 1, 1], B] > n:
        return fail(st, ERR_VALUE, 99, CALL_KW, 0)   # only a hostile snapshot gets here
    names = S[sp - 1, 1]
    k = H[names, B]
    first = sp - 1 - n
    return bind_call(st, f, ret, first, first, n - k, -1, names, sp - 1 - k, -1, ret_pc)


@njit(cache=CACHE)
def tuple_with_first(st, tup, t0, v0):
    """A new tuple (x, *tup) with x = (t0, v0); -1 when memory must be made first."""
    H = H_(st)
    V = V_(st)
    n = H[tup, B]
    if not heap.reserve(st, 1, n + 1, 0):
        return -1
    t = heap.new_tuple(st, n + 1)
    o = H[t, A]
    oo = H[tup, A]
    V[o, 0] = t0
    V[o, 1] = v0
    for i in range(n):
        V[o + 1 + i, 0] = V[oo + i, 0]
        V[o + 1 + i, 1] = V[oo + i, 1]
    return t


@njit(cache=CACHE)
def call_ex_self(st, f, selft, selfv, ret, ts, kw_dict, pc):
    """CALL_EX of function row f with a self: the args tuple becomes (self, *args)
    and f takes the callable's slot (a retried instruction then sees a plain call)."""
    S = S_(st)
    ot = S[ret, 0]
    ov = S[ret, 1]
    mt = S[ts - 1, 0]       # the method form's self slot (or the callable again)
    mv = S[ts - 1, 1]
    orig = S[ts, 1]
    t = tuple_with_first(st, orig, selft, selfv)
    if t < 0:
        return ST_NEED_MEMORY
    S[ret, 0] = FUNC
    S[ret, 1] = f
    for i in range(ret + 1, ts):
        S[i, 0] = UNDEF         # the method form's self slot: now empty
        S[i, 1] = 0
    S[ts, 1] = t
    status = bind_call(st, f, ret, ret + 1, 0, 0, t, -1, 0, kw_dict, pc + 1)
    if status == ST_NEED_MEMORY:        # undo: the retry runs the original instruction
        S[ts - 1, 0] = mt
        S[ts - 1, 1] = mv
        S[ret, 0] = ot
        S[ret, 1] = ov
        S[ts, 1] = orig
    return status


@njit(cache=CACHE)
def call_ex_class(st, cls, ret, ts, kw_dict, pc):
    """CALL_EX of a class (instances of plain classes): a new instance, then its
    __init__ called with (instance, *args, **kwargs) in return mode RET_INIT."""
    S = S_(st)
    H = H_(st)
    it, iv, owner = objects.mro_lookup(st, cls, objects.special_name(st, N_INIT), -1)
    empty = H[S[ts, 1], B] == 0 and (kw_dict < 0 or H[kw_dict, F] == 0)
    if H[cls, F] & CLASS_NEW_BY_SCRIPT or H[cls, E] != B_OBJECT:
        return object_service(st, 10)          # a subclass of a builtin type: the host
    if not (it == FUNC or (it == UNDEF and empty)):
        return fail(st, ERR_NOT_CALLABLE, 0, CLASS, 0)     # not supported with * / **
    if not heap.reserve(st, 3, heap.dict_rows(4), 0):
        return ST_NEED_MEMORY
    obj = heap.new_obj(st, INSTANCE)
    H[obj, A] = cls
    H[obj, B] = heap.new_dict(st, 0)
    if it == UNDEF:
        S[ret, 0] = INSTANCE
        S[ret, 1] = obj
        R_(st)[R_SP] = ret + 1
        F_(st)[R_(st)[R_FP], FR_PC] = pc + 1
        return ST_RUNNING
    status = call_ex_self(st, iv, INSTANCE, obj, ret, ts, kw_dict, pc)
    if status == ST_RUNNING:
        S[ret, 0] = INSTANCE        # __init__'s frame returns into the instance's slot
        S[ret, 1] = obj
        F_(st)[R_(st)[R_FP], FR_FLAGS] = RET_INIT
    return status


@njit(cache=CACHE)
def call_ex(st, arg, sp, pc):
    """CALL_EX: f(*args, **kwargs) with a tuple and (arg & 1) a dict on the stack."""
    S = S_(st)
    R = R_(st)
    has_kw = arg & 1
    kw_dict = -1
    if has_kw:
        if S[sp - 1, 0] != DICT:
            return fail(st, ERR_VALUE, 99, CALL_EX, 0)   # only a hostile snapshot gets here
        kw_dict = S[sp - 1, 1]
    ts = sp - 1 - has_kw
    if S[ts, 0] != TUPLE:
        return fail(st, ERR_VALUE, 99, CALL_EX, 0)
    ret = ts - 1 - ((arg >> 1) & 1)
    if not call_ex_prepare(st, arg, ret, ts):
        return ST_NEED_MEMORY
    ft = S[ret, 0]
    if ft == FUNC:
        return bind_call(st, S[ret, 1], ret, ret + 1, 0, 0, S[ts, 1], -1, 0, kw_dict, pc + 1)
    if ft == CLASS:
        return call_ex_class(st, S[ret, 1], ret, ts, kw_dict, pc)
    if ft == BUILTIN or ft == METHOD:
        R[R_SERVICE] = SVC_CALL_EX     # the host spreads the arguments and calls it
        R[R_ARGC] = arg
        return ST_SERVICE
    if ft == BOUND and ((arg >> 1) & 1 == 0 or S[ret + 1, 0] == UNDEF):
        return object_service(st, 4)   # a bound builtin method: the host spreads and calls
    return fail(st, ERR_NOT_CALLABLE, 0, ft, 0)


@njit(cache=CACHE)
def kw_service(st, bid, n):
    """A builtin called with keywords: the host completes it (names tuple on top)."""
    R_(st)[R_SERVICE] = bid
    R_(st)[R_ARGC] = n
    R_(st)[R_KWNAMES] = 1
    return ST_SERVICE


# ---------------------------------------------------------------------------
# Classes: what runs user code pushes a frame (objects.py finds what to call)
# ---------------------------------------------------------------------------

@njit(cache=CACHE)
def with_mode(st, status, mode):
    """Mark the frame just pushed (if any) with return mode `mode`."""
    if status == ST_RUNNING:
        F_(st)[R_(st)[R_FP], FR_FLAGS] = mode
    return status


@njit(cache=CACHE, specialize_constants=True, entry_sig=sig("(P, i8, i8, i8, i8, i8, i8)"))
def call_function_at(st, f, base, n, ret, ret_pc, mode):
    """Call function row f with its n arguments already at S[base...] (at most a few
    slots above the caller's stack: frame entry keeps 8 spare slots)."""
    return with_mode(st, push_frame(st, f, base, n, ret_pc, ret), mode)


@njit(cache=CACHE, entry_sig=sig("(P, i8, i8, i8, i8, i8, i8, i8, i8, i8, i8, i8, i8)"))
def call_prelude(st, entry, n, t0, v0, t1, v1, t2, v2, sp, ret, ret_pc, mode):
    """Call prelude function `entry` (a fixed global slot) with n <= 3 arguments,
    written at S[sp...]; its result goes to S[ret] per `mode`."""
    G = G_(st)
    S = S_(st)
    if G[entry, 0] != FUNC:
        return fail(st, ERR_TYPE, TYPE_NO_PRELUDE, entry, 0)
    status = frame_room(st, H_(st)[G[entry, 1], A], sp)
    if status != ST_RUNNING:
        return status
    S[sp, 0] = t0
    S[sp, 1] = v0
    if n > 1:
        S[sp + 1, 0] = t1
        S[sp + 1, 1] = v1
    if n > 2:
        S[sp + 2, 0] = t2
        S[sp + 2, 1] = v2
    return call_function_at(st, G[entry, 1], sp, n, ret, ret_pc, mode)


@njit(cache=CACHE, specialize_constants=True)
def object_service(st, arg):
    R = R_(st)
    R[R_SERVICE] = SVC_OBJECT
    R[R_ARGC] = arg
    return ST_SERVICE


@njit(cache=CACHE)
def shift_up(st, lo, sp):
    """Move S[lo:sp] up one slot (room: frame entry keeps spare slots)."""
    S = S_(st)
    for i in range(sp - 1, lo - 1, -1):
        S[i + 1, 0] = S[i, 0]
        S[i + 1, 1] = S[i, 1]


@njit(cache=CACHE)
def call_with_self(st, op, arg, sp, pc, ret, first, selft, selfv, f, mode):
    """Call function row f with self inserted before the arguments of the CALL /
    CALL_KW at pc, the first of which is at S[first] (the callable at S[ret] stays;
    the result goes there)."""
    status = frame_room(st, H_(st)[f, A], first)
    if status != ST_RUNNING:
        return status
    # bind_call may allocate (*args, **kwargs): make sure it will not ask for memory
    # after the stack has been rearranged
    if not heap.reserve(st, 3, 2 * arg + heap.dict_rows(arg) + 4, 0):
        return ST_NEED_MEMORY
    S = S_(st)
    shift_up(st, first, sp)
    S[first, 0] = selft
    S[first, 1] = selfv
    if op == CALL_KW or op == CALL_METHOD_KW:
        status = call_kw_function(st, f, ret, sp + 1, arg + 1, pc + 1)
    else:
        status = push_frame(st, f, first, arg + 1, pc + 1, ret)
    return with_mode(st, status, mode)


@njit(cache=CACHE)
def call_class(st, op, arg, sp, pc, ret, first, cls):
    """Calling class row cls: a new instance (an exception object for exception
    classes, whose args are the positional arguments), then its __init__."""
    H = H_(st)
    S = S_(st)
    if not heap.reserve(st, 3, heap.dict_rows(4) + arg, 0):
        return ST_NEED_MEMORY
    it, iv, owner = objects.mro_lookup(st, cls, objects.special_name(st, N_INIT), -1)
    if it != UNDEF and it != FUNC:
        return object_service(st, 1)
    base_bid = H[cls, E]
    if H[cls, F] & CLASS_NEW_BY_SCRIPT or \
            not natives.is_exc_type(base_bid) and base_bid != B_OBJECT:
        return object_service(st, 10)  # a subclass of a builtin type, a script __new__: the host
    if base_bid == B_OBJECT:
        if it == UNDEF and arg > 0:
            return object_service(st, 2)       # "Foo() takes no arguments"
        obj = heap.new_obj(st, INSTANCE)
        H[obj, A] = cls
        H[obj, B] = heap.new_dict(st, 0)
        ot = INSTANCE
    else:
        npos = arg
        if op == CALL_KW or op == CALL_METHOD_KW:
            npos = arg - H[S[sp - 1, 1], B]
            if it == UNDEF:
                return object_service(st, 3)   # "Foo() takes no keyword arguments"
        args = heap.new_tuple(st, npos)
        o = H[args, A]
        for i in range(npos):
            V_(st)[o + i, 0] = S[first + i, 0]
            V_(st)[o + i, 1] = S[first + i, 1]
        obj = heap.new_obj(st, EXC)
        H[obj, A] = base_bid
        H[obj, B] = args
        H[obj, C] = -1
        H[obj, D] = -1
        H[obj, E] = cls
        ot = EXC
    S[ret, 0] = ot
    S[ret, 1] = obj
    if it == UNDEF:
        R_(st)[R_SP] = ret + 1
        F_(st)[R_(st)[R_FP], FR_PC] = pc + 1
        return ST_RUNNING
    status = call_with_self(st, op, arg, sp, pc, ret, first, ot, obj, iv, RET_INIT)
    if status != ST_RUNNING:
        S[ret, 0] = CLASS       # nothing happened: the instruction can run again
        S[ret, 1] = cls
    return status


@njit(cache=CACHE)
def call_object(st, op, arg, sp, pc, ret, first):
    """CALL / CALL_KW of a class, a bound method or an instance with __call__."""
    S = S_(st)
    H = H_(st)
    ft = S[ret, 0]
    fv = S[ret, 1]
    if ft == CLASS:
        return call_class(st, op, arg, sp, pc, ret, first, fv)
    if ft == BOUND:
        if H[fv, C] == FUNC:
            return call_with_self(st, op, arg, sp, pc, ret, first, H[fv, A], H[fv, B],
                                  H[fv, D], 0)
        return object_service(st, 4)           # a bound builtin method: the host calls it
    if ft == INSTANCE or (ft == EXC and H[fv, E] >= 0):
        t, v = objects.special_lookup(st, ft, fv, N_CALL)
        if t == FUNC:
            return call_with_self(st, op, arg, sp, pc, ret, first, ft, fv, v, 0)
    return fail(st, ERR_NOT_CALLABLE, 0, ft, 0)


@njit(cache=CACHE, entry_sig=sig("(P, i8, i8, i8, b1)"))
def load_attr_obj(st, name, sp, pc, method):
    """LOAD_ATTR / LOAD_METHOD (attribute str row `name`) on a class, instance, script
    exception or super object.  Falls back to the host (SVC_OBJECT 0) for special
    names, __getattr__ and errors."""
    S = S_(st)
    H = H_(st)
    ot = S[sp - 1, 0]
    ov = S[sp - 1, 1]
    if not heap.reserve(st, 1, 0, 0):
        return ST_NEED_MEMORY
    if ot == CLASS:
        t, v, owner = objects.mro_lookup(st, ov, name, -1)
        if t == UNDEF or t == INSTANCE and fastpath.is_descriptor(st, v):
            return object_service(st, 0)
        bt, bv, bound = objects.bind_class_attr(st, ot, ov, ov, t, v, False)
        if bound:       # a classmethod read through its class
            wt, wv = objects.wrapped(st, v, 0)
            if method:
                S[sp - 1, 0] = wt
                S[sp - 1, 1] = wv
                S[sp, 0] = CLASS
                S[sp, 1] = ov
                R_(st)[R_SP] = sp + 1
                F_(st)[R_(st)[R_FP], FR_PC] = pc + 1
                return ST_RUNNING
            bt = BOUND
            bv = objects.new_bound(st, CLASS, ov, wt, wv)
        return push_attr(st, sp, pc, bt, bv, method)
    if ot == SUPER:
        selft = H[ov, B]
        selfv = H[ov, C]
        cls = objects.class_of(st, selft, selfv)
        if selft == CLASS:
            cls = selfv
        if cls < 0:
            return object_service(st, 0)
        t, v, owner = objects.mro_lookup(st, cls, name, H[ov, A])
        if t == UNDEF or t == INSTANCE and fastpath.is_descriptor(st, v):
            return object_service(st, 0)
        return bind_and_push(st, sp, pc, selft, selfv, cls, t, v, method, selft != CLASS)
    cls = objects.class_of(st, ot, ov)
    if cls < 0:
        if ot == EXC and H[ov, D] >= 0:         # an attribute set on ValueError(...)
            it, iv = objects.dict_find(st, H[ov, D], name)
            if it != UNDEF:
                return push_attr(st, sp, pc, it, iv, method)
        return object_service(st, 0)
    t, v, owner = objects.mro_lookup(st, cls, name, -1)
    if t == INSTANCE and fastpath.is_descriptor(st, v):
        return object_service(st, 0)            # the descriptor protocol: the host
    if t == WRAPPER and H[v, A] == WR_PROPERTY:
        gt, gv = objects.wrapped(st, v, 0)
        if gt != FUNC:
            return object_service(st, 0)        # unreadable property: the host words it
        return call_prelude_like(st, gv, ot, ov, sp, pc, method)
    d = objects.attr_dict(st, ot, ov)
    if d >= 0:
        it, iv = objects.dict_find(st, d, name)
        if it != UNDEF:
            return push_attr(st, sp, pc, it, iv, method)
    if t == UNDEF:
        return object_service(st, 0)
    return bind_and_push(st, sp, pc, ot, ov, cls, t, v, method, True)


@njit(cache=CACHE)
def call_prelude_like(st, f, ot, ov, sp, pc, method):
    """Run a property getter f(obj): the value replaces obj (LOAD_ATTR) or becomes
    the (value, empty self) pair (LOAD_METHOD)."""
    status = frame_room(st, H_(st)[f, A], sp)
    if status != ST_RUNNING:
        return status
    S_(st)[sp, 0] = ot
    S_(st)[sp, 1] = ov
    return call_function_at(st, f, sp, 1, sp - 1, pc + 1, RET_ATTR_PAIR if method else 0)


@njit(cache=CACHE)
def bind_and_push(st, sp, pc, selft, selfv, cls, t, v, method, from_instance):
    """Push class attribute (t, v) read through self: methods bind."""
    S = S_(st)
    bt, bv, bound = objects.bind_class_attr(st, selft, selfv, cls, t, v, from_instance)
    if bound:
        ft = t
        fv = v
        st_t = selft
        st_v = selfv
        if t == WRAPPER:      # a classmethod: binds the class
            ft, fv = objects.wrapped(st, v, 0)
            st_t = CLASS
            st_v = cls
        if method:
            S[sp - 1, 0] = ft
            S[sp - 1, 1] = fv
            S[sp, 0] = st_t
            S[sp, 1] = st_v
            R_(st)[R_SP] = sp + 1
            F_(st)[R_(st)[R_FP], FR_PC] = pc + 1
            return ST_RUNNING
        bt = BOUND
        bv = objects.new_bound(st, st_t, st_v, ft, fv)
    return push_attr(st, sp, pc, bt, bv, method)


@njit(cache=CACHE)
def push_attr(st, sp, pc, t, v, method):
    """The attribute value replaces the object; LOAD_METHOD adds an empty self slot."""
    S = S_(st)
    S[sp - 1, 0] = t
    S[sp - 1, 1] = v
    nsp = sp
    if method:
        S[sp, 0] = UNDEF
        S[sp, 1] = 0
        nsp = sp + 1
    R_(st)[R_SP] = nsp
    F_(st)[R_(st)[R_FP], FR_PC] = pc + 1
    return ST_RUNNING


@njit(cache=CACHE, entry_sig=sig("(P, i8, i8, i8, b1)"))
def store_attr_obj(st, name, sp, pc, delete):
    """STORE_ATTR (v x ->) / DELETE_ATTR (x ->) of attribute str row `name` on
    instances and classes."""
    S = S_(st)
    H = H_(st)
    ot = S[sp - 1, 0]
    ov = S[sp - 1, 1]
    cls = objects.class_of(st, ot, ov)
    if ot == CLASS:
        d = H[ov, B]
    else:
        if cls < 0 and ot != EXC:
            return object_service(st, 0)
        t = UNDEF           # (an exception of a builtin type: no class attributes)
        v = 0
        if cls >= 0:
            t, v, owner = objects.mro_lookup(st, cls, name, -1)
        if t == INSTANCE and fastpath.is_descriptor(st, v):
            return object_service(st, 0)        # the descriptor protocol: the host
        if t == WRAPPER and H[v, A] == WR_PROPERTY:
            ft, fv = objects.wrapped(st, v, 2 if delete else 1)
            if ft != FUNC:
                return object_service(st, 0)    # "can't set attribute" / no deleter
            status = frame_room(st, H[fv, A], sp)
            if status != ST_RUNNING:
                return status
            S[sp, 0] = ot
            S[sp, 1] = ov
            n = 1
            if not delete:
                S[sp + 1, 0] = S[sp - 2, 0]
                S[sp + 1, 1] = S[sp - 2, 1]
                n = 2
            ret = sp - 1 if delete else sp - 2
            return call_function_at(st, fv, sp, n, ret, pc + 1, RET_DISCARD)
        d = objects.attr_dict(st, ot, ov)
        if d < 0:       # a script exception's attributes start empty
            if not heap.reserve(st, 1, heap.dict_rows(4), 0):
                return ST_NEED_MEMORY
            d = heap.new_dict(st, 0)
            H[ov, D] = d
    if delete:
        e = heap.dict_get(st, d, STR, name)
        if e < 0:
            return object_service(st, 0)
        heap.dict_delete_entry(st, d, e)
        R_(st)[R_SP] = sp - 1
    else:
        if not heap.reserve(st, 0, heap.dict_set_need(st, d), 0):
            return ST_NEED_MEMORY
        heap.dict_set(st, d, STR, name, S[sp - 2, 0], S[sp - 2, 1])
        R_(st)[R_SP] = sp - 2
    F_(st)[R_(st)[R_FP], FR_PC] = pc + 1
    return ST_RUNNING


@njit(cache=CACHE)
def class_body_op(st, op, arg, sp, pc):
    """LOAD_NAME / STORE_NAME / DELETE_NAME: the namespace dict is local 0."""
    S = S_(st)
    H = H_(st)
    base = F_(st)[R_(st)[R_FP], FR_BASE]
    if S[base, 0] != DICT:
        return fail(st, ERR_VALUE, 99, op, 0)   # only a hostile snapshot gets here
    d = S[base, 1]
    if op == LOAD_NAME:
        pair = K_(st)[arg, 1]
        o = H[pair, A]
        name = V_(st)[o, 1]
        slot = V_(st)[o + 1, 1]
        t, v = objects.dict_find(st, d, name)
        if t == UNDEF:
            G = G_(st)
            t = G[slot, 0]
            v = G[slot, 1]
            if t == UNDEF:
                half = G.shape[0] // 2
                t = G[half + slot, 0]
                v = G[half + slot, 1]
            if t == UNDEF:
                return fail(st, ERR_NAME, slot, 0, 0)
        S[sp, 0] = t
        S[sp, 1] = v
        R_(st)[R_SP] = sp + 1
    elif op == STORE_NAME:
        name = K_(st)[arg, 1]
        if not heap.reserve(st, 0, heap.dict_set_need(st, d), 0):
            return ST_NEED_MEMORY
        heap.dict_set(st, d, STR, name, S[sp - 1, 0], S[sp - 1, 1])
        R_(st)[R_SP] = sp - 1
    else:
        e = heap.dict_get(st, d, STR, K_(st)[arg, 1])
        if e < 0:
            return object_service(st, 5)
        heap.dict_delete_entry(st, d, e)
    F_(st)[R_(st)[R_FP], FR_PC] = pc + 1
    return ST_RUNNING


@njit(cache=CACHE)
def is_user_object(st, t, v):
    """A value whose behaviour scripts define (its operations may run user code)."""
    return t == INSTANCE or t == BOUND or t == SUPER or t == WRAPPER or (
        t == EXC and H_(st)[v, E] >= 0)


@njit(cache=CACHE)
def redirect_builtin(st, bid, sp, n, ret, pc):
    """If a builtin call has a script object among its arguments and the prelude
    replaces that builtin, call the prelude's version instead (same arguments)."""
    S = S_(st)
    G = G_(st)
    slot = P_BUILTINS + bid
    if bid >= R_(st)[R_NBSLOTS] or slot >= G.shape[0] // 2 or G[slot, 0] != FUNC:
        return False
    if FN_(st)[F_(st)[R_(st)[R_FP], FR_CODE], FN_MODULE] == PRELUDE_MODULE:
        return False
    found = bid == B_MAP or bid == B_FILTER     # written in the prelude only
    for i in range(sp - n, sp):
        if is_user_object(st, S[i, 0], S[i, 1]) or (S[i, 0] == GEN and gen.consumes(bid)):
            found = True
    if not found:
        return False
    S[ret, 0] = FUNC
    S[ret, 1] = G[slot, 1]
    return True


@njit(cache=CACHE)
def yield_from_object(st, sp, pc):
    """The first SEND of a `yield from` over an iterator of a script class: the
    prelude's delegating generator (PEP 380's expansion, in Amber) replaces it,
    then the `yield from` starts again from its LOAD_CONST None (pc - 1), the only
    instruction that reaches this SEND with a non-generator."""
    S = S_(st)
    if B___AMBER_YIELD_FROM >= R_(st)[R_NBSLOTS]:
        return fail(st, ERR_GEN, GENERR_YF_OBJECT, S[sp - 2, 0], 0)
    return call_prelude(st, P_BUILTINS + B___AMBER_YIELD_FROM, 1, S[sp - 2, 0], S[sp - 2, 1],
                        0, 0, 0, 0, sp, sp - 2, pc - 1, 0)


@njit(cache=CACHE)
def gen_materialize(st, sp, pc, bid):
    """An instruction that needs the items of the generator on top of the stack
    (unpacking, *gen, a method's iterable argument): the prelude's version of
    builtin bid (list or tuple) replaces the generator by its items, then the
    instruction runs again (the call returns to pc itself)."""
    S = S_(st)
    return call_prelude(st, P_BUILTINS + bid, 1, S[sp - 1, 0], S[sp - 1, 1], 0, 0, 0, 0, sp,
                        sp - 1, pc, 0)


@njit(cache=CACHE)
def return_special(st, fp, sp):
    """RETURN_VALUE from a frame whose return mode is not RET_NORMAL."""
    S = S_(st)
    Fr = F_(st)
    R = R_(st)
    mode = Fr[fp, FR_FLAGS]
    ret = Fr[fp, FR_RET]
    t = S[sp - 1, 0]
    v = S[sp - 1, 1]
    R[R_FP] = fp - 1
    if mode == RET_INIT:
        R[R_SP] = ret + 1
        if t != NONE:
            return fail(st, ERR_TYPE, TYPE_INIT_NOT_NONE, t, 0)
    elif mode == RET_DISCARD:
        R[R_SP] = ret
    elif mode == RET_ATTR_PAIR:
        S[ret, 0] = t
        S[ret, 1] = v
        S[ret + 1, 0] = UNDEF
        S[ret + 1, 1] = 0
        R[R_SP] = ret + 2
    else:       # RET_NORMAL, RET_FOR_ITER
        S[ret, 0] = t
        S[ret, 1] = v
        R[R_SP] = ret + 1
    return ST_RUNNING


@njit(cache=CACHE)
def subscr_obj(st, op, sp, pc):
    """x[k], x[k] = v, del x[k] on a script object: its __getitem__ & co."""
    S = S_(st)
    which = N_GETITEM if op == BINARY_SUBSCR else (N_SETITEM if op == STORE_SUBSCR
                                                     else N_DELITEM)
    t, f = objects.special_lookup(st, S[sp - 2, 0], S[sp - 2, 1], which)
    if t != FUNC:
        return object_service(st, 8)    # not subscriptable & co: the host words it
    if op == BINARY_SUBSCR:
        return call_function_at(st, f, sp - 2, 2, sp - 2, pc + 1, 0)
    if op == DELETE_SUBSCR:
        return call_function_at(st, f, sp - 2, 2, sp - 2, pc + 1, RET_DISCARD)
    status = frame_room(st, H_(st)[f, A], sp)
    if status != ST_RUNNING:
        return status
    S[sp] = S[sp - 2]          # v obj key -> obj key v
    S[sp + 1] = S[sp - 1]
    S[sp + 2] = S[sp - 3]
    return call_function_at(st, f, sp, 3, sp - 3, pc + 1, RET_DISCARD)


@njit(cache=CACHE)
def truth_obj(st, op, arg, sp, pc):
    """Truth tests and unary operators on script objects."""
    S = S_(st)
    R = R_(st)
    fp = R[R_FP]
    t = S[sp - 1, 0]
    v = S[sp - 1, 1]
    if op == UNARY_OP:
        return call_prelude(st, P_UNARY, 2, t, v, INT, arg, 0, 0, sp, sp - 1, pc + 1, 0)
    bt, bv = objects.special_lookup(st, t, v, N_BOOL)
    if bt == UNDEF:
        bt, bv = objects.special_lookup(st, t, v, N_LEN)
    if bt != UNDEF:
        # prelude truth(x) replaces x by a bool; then this instruction runs again
        return call_prelude(st, P_TRUTH, 1, t, v, 0, 0, 0, 0, sp, sp - 1, pc, 0)
    # no __bool__ or __len__: the object is true
    if op == POP_JUMP_IF_TRUE or op == JUMP_IF_TRUE_OR_POP:
        R[R_SP] = sp - 1 if op == POP_JUMP_IF_TRUE else sp
        F_(st)[fp, FR_PC] = arg
    else:
        R[R_SP] = sp - 1
        F_(st)[fp, FR_PC] = pc + 1
    return ST_RUNNING


@njit(cache=CACHE)
def call_builtin_from_slot(st, op, arg, sp, pc, ret):
    """A builtin that LOAD_METHOD fetched from a module: it sits in S[ret], below an
    empty self slot.  Copying it into that slot (idempotent, so a retried
    instruction is fine) gives the layout of CALL / CALL_KW one slot higher; the
    result then moves down to S[ret].  A host service completes it there too
    (Machine._service_inner moves the result down)."""
    S = S_(st)
    S[ret + 1, 0] = S[ret, 0]
    S[ret + 1, 1] = S[ret, 1]
    if op == CALL_KW:
        return kw_service(st, S[ret, 1], arg)
    status = natives.call_builtin(st, S[ret, 1], sp, arg)
    if status == ST_RUNNING:
        S[ret, 0] = S[ret + 1, 0]
        S[ret, 1] = S[ret + 1, 1]
        R_(st)[R_SP] = ret + 1
        F_(st)[R_(st)[R_FP], FR_PC] = pc + 1
    return status


@njit(cache=CACHE, entry_sig=sig("(i8, i8)"))
def method_applies(mid, tag):
    """Whether builtin method mid may run with a receiver of kind tag."""
    owner = METHOD_OWNER[mid]
    if owner == INT:
        return tag == INT or tag == BOOL or tag == BIGINT
    return tag == owner


@njit(cache=CACHE)
def call_unbound_method(st, op, arg, sp, pc, ret):
    """CALL_METHOD of a method that LOAD_METHOD read from its type (str.lower(s)):
    the receiver is the first argument, above the empty self slot.  The method is
    copied into that slot (idempotent: a retried instruction finds the copy) and
    called from there; its result moves down to S[ret]."""
    S = S_(st)
    mid = S[ret, 1]
    if op != CALL_METHOD or arg < 1 or not method_applies(mid, S[ret + 2, 0]):
        return object_service(st, 9)
    S[ret + 1, 0] = METHOD
    S[ret + 1, 1] = mid
    status = natives.call_method(st, mid, sp, arg - 1)
    if status == ST_RUNNING:
        S[ret, 0] = S[ret + 1, 0]
        S[ret, 1] = S[ret + 1, 1]
        R_(st)[R_SP] = ret + 1
        F_(st)[R_(st)[R_FP], FR_PC] = pc + 1
    return status


@njit(cache=CACHE)
def takes_element(mid):
    """Whether builtin method mid keeps or compares its last argument as it is (a
    generator there is an element, not items to materialize: lst.append(gen))."""
    return (mid == M_LIST_APPEND or mid == M_LIST_INSERT or mid == M_LIST_INDEX
            or mid == M_LIST_COUNT or mid == M_LIST_REMOVE or mid == M_TUPLE_INDEX
            or mid == M_TUPLE_COUNT or mid == M_SET_ADD or mid == M_SET_REMOVE
            or mid == M_SET_DISCARD or mid == M_DICT_GET or mid == M_DICT_POP
            or mid == M_DICT_SETDEFAULT)


@njit(cache=CACHE)
def throws_to_script_iter(st, g):
    """Whether generator g is suspended in a chain of `yield from`s whose innermost
    one is over an iterator of a script class (the prelude's delegating generator):
    there CPython hands g.throw()'s arguments to that iterator's throw() as given."""
    if B___AMBER_YIELD_FROM >= R_(st)[R_NBSLOTS]:
        return False
    H = H_(st)
    V = V_(st)
    delegating = G_(st)[P_BUILTINS + B___AMBER_YIELD_FROM, 1]
    x = g
    for _ in range(gen.MAX_CHAIN):
        if H[x, B] != gen.GEN_SUSPENDED:
            return False
        w = CODE_(st)[H[x, C] - 1]
        if (w & 0xFF) != YIELD_VALUE or (w >> 8) != 1 or H[x, E] < 1:
            return False
        top = H[x, D] + H[x, E] - 1
        if V[top, 0] != GEN:
            return False
        x = V[top, 1]
        if H[x, A] == delegating:
            return True
    return False


@njit(cache=CACHE)
def do_call(st, op, arg, sp, pc):
    """CALL / CALL_KW / CALL_METHOD / CALL_METHOD_KW on anything but the inline case."""
    S = S_(st)
    if op == CALL_METHOD or op == CALL_METHOD_KW:
        kw = 1 if op == CALL_METHOD_KW else 0
        mt = S[sp - arg - 2 - kw, 0]
        if mt == METHOD and (S[sp - arg - 1 - kw, 0] == UNDEF or S[sp - arg - 1 - kw, 0] == METHOD):
            return call_unbound_method(st, op, arg, sp, pc, sp - arg - 2 - kw)
        if mt == METHOD and kw == 0 and S[sp - arg - 1, 0] == GEN:
            if S[sp - arg - 2, 1] == M_GEN_THROW and arg >= 1 and S[sp - arg, 0] != EXC \
                    and throws_to_script_iter(st, S[sp - arg - 1, 1]):
                return object_service(st, 12)      # its arguments go to that throw() as given
            if S[sp - arg - 2, 1] == M_GEN_THROW and arg >= 1 and S[sp - arg, 0] == CLASS \
                    and natives.is_exc_type(H_(st)[S[sp - arg, 1], E]) \
                    and not (arg >= 2 and S[sp - arg + 1, 0] == EXC):
                return object_service(st, 11)      # g.throw(MyError): MyError() in the script
            return gen.gen_method(st, S[sp - arg - 2, 1], arg, sp, pc)
        if mt == METHOD and kw == 0 and arg >= 1 and S[sp - 1, 0] == GEN and \
                not takes_element(S[sp - arg - 2, 1]):
            return gen_materialize(st, sp, pc, B_LIST)   # "".join(gen), lst.extend(gen)
        if mt == METHOD:
            if op == CALL_METHOD_KW:
                return kw_service(st, -1 - S[sp - arg - 3, 1], arg)
            status = natives.call_method(st, S[sp - arg - 2, 1], sp, arg)
            if status == ST_RUNNING:
                R_(st)[R_SP] = sp - arg - 1
                F_(st)[R_(st)[R_FP], FR_PC] = pc + 1
            return status
        if S[sp - arg - 1 - kw, 0] != UNDEF:
            # a method with its self: the two slots are the callee's first arguments
            ret = sp - arg - 2 - kw
            if mt != FUNC:
                return fail(st, ERR_NOT_CALLABLE, 0, mt, 0)
            if op == CALL_METHOD_KW:
                return call_kw_function(st, S[ret, 1], ret, sp, arg + 1, pc + 1)
            return push_frame(st, S[ret, 1], ret + 1, arg + 1, pc + 1, ret)
        # a plain callable fetched by LOAD_METHOD sits below an empty self slot:
        # call it like CALL, with the result going to the callable's slot
        op = CALL if op == CALL_METHOD else CALL_KW
        nargs = arg + 1 if op == CALL_KW else arg
        ret = sp - nargs - 2
        if S[ret, 0] != FUNC and S[ret, 0] != BUILTIN:
            # a class, bound method or callable object (the empty slot stays)
            return call_object(st, op, arg, sp, pc, ret, ret + 2)
    else:
        nargs = arg + 1 if op == CALL_KW else arg
        ret = sp - nargs - 1
    ft = S[ret, 0]
    fv = S[ret, 1]
    if ft == FUNC:
        if op == CALL_KW:
            return call_kw_function(st, fv, ret, sp, arg, pc + 1)
        return push_frame(st, fv, sp - arg, arg, pc + 1, ret)
    if ft == BUILTIN:
        if ret != sp - nargs - 1:
            return call_builtin_from_slot(st, op, arg, sp, pc, ret)
        if op == CALL and fv == B_NEXT and (arg == 1 or arg == 2) and S[sp - arg, 0] == GEN:
            return gen.gen_next(st, arg, sp, pc)
        if redirect_builtin(st, fv, sp - (1 if op == CALL_KW else 0), arg, ret, pc):
            if op == CALL_KW:
                return call_kw_function(st, S[ret, 1], ret, sp, arg, pc + 1)
            return push_frame(st, S[ret, 1], sp - arg, arg, pc + 1, ret)
        if op == CALL_KW:
            return kw_service(st, fv, arg)
        status = natives.call_builtin(st, fv, sp, arg)
        if status == ST_RUNNING:
            R_(st)[R_SP] = sp - arg
            F_(st)[R_(st)[R_FP], FR_PC] = pc + 1
        return status
    if ft == METHOD:        # a method read from its type (f = str.lower): self comes first
        if op != CALL or arg < 1 or not method_applies(fv, S[ret + 1, 0]):
            return object_service(st, 9)
        status = natives.call_method(st, fv, sp, arg - 1)
        if status == ST_RUNNING:
            R_(st)[R_SP] = ret + 1
            F_(st)[R_(st)[R_FP], FR_PC] = pc + 1
        return status
    return call_object(st, op, arg, sp, pc, ret, ret + 1)


@njit(cache=CACHE)
def make_function(st, code, sp):
    """MAKE_FUNCTION: pops defaults and closure cells, pushes the function."""
    S = S_(st)
    H = H_(st)
    FN = FN_(st)
    ndef = FN[code, FN_NDEFAULTS]
    nkwdef = FN[code, FN_NKWDEFAULTS]
    nfree = FN[code, FN_NFREE]
    if not heap.reserve(st, 4, ndef + nkwdef + nfree, 0):
        return ST_NEED_MEMORY
    f = heap.new_obj(st, FUNC)
    H[f, A] = code
    H[f, B] = -1
    H[f, C] = -1
    H[f, D] = -1
    first = sp - ndef - nkwdef - nfree
    if nkwdef > 0:
        kd = heap.new_tuple(st, nkwdef)
        for i in range(nkwdef):
            V_(st)[H[kd, A] + i, 0] = S[first + ndef + i, 0]
            V_(st)[H[kd, A] + i, 1] = S[first + ndef + i, 1]
        H[f, D] = kd
    if ndef > 0:
        d = heap.new_tuple(st, ndef)
        for i in range(ndef):
            V_(st)[H[d, A] + i, 0] = S[first + i, 0]
            V_(st)[H[d, A] + i, 1] = S[first + i, 1]
        H[f, B] = d
    if nfree > 0:
        cl = heap.new_tuple(st, nfree)
        for i in range(nfree):
            V_(st)[H[cl, A] + i, 0] = S[first + ndef + nkwdef + i, 0]
            V_(st)[H[cl, A] + i, 1] = S[first + ndef + nkwdef + i, 1]
        H[f, C] = cl
    S[first, 0] = FUNC
    S[first, 1] = f
    R_(st)[R_SP] = first + 1
    return ST_RUNNING


# ---------------------------------------------------------------------------
# Exceptions: raising hands the exception to the host, which unwinds the frames
# to the handler named by the code's exception table (see machine.py).
# ---------------------------------------------------------------------------

@njit(cache=CACHE)
def exc_class_matches(st, cls, tv):
    """(whether an exception of script class row cls (-1: none) matches the script
    exception class tv, ok)."""
    if H_(st)[tv, E] == B_OBJECT:
        return False, False         # not an exception class
    return cls >= 0 and objects.is_subclass(st, cls, CLASS, tv), True


@njit(cache=CACHE)
def exc_matches(st, bid, tt, tv, cls):
    """(whether an exception of builtin type bid (and script class row cls, or -1)
    matches an except clause's type value, ok)."""
    if tt == CLASS:
        return exc_class_matches(st, cls, tv)
    if tt == BUILTIN:
        if not natives.is_exc_type(tv):
            return False, False
        return bid >= 0 and natives.exc_subclass(bid, tv), True
    if tt == TUPLE:    # a tuple of exception types (not nested, unlike CPython)
        H = H_(st)
        found = False
        for i in range(H[tv, B]):
            it = V_(st)[H[tv, A] + i, 0]
            iv = V_(st)[H[tv, A] + i, 1]
            if it == CLASS:
                m, ok = exc_class_matches(st, cls, iv)
                if not ok:
                    return False, False
                found = found or m
                continue
            if it != BUILTIN or not natives.is_exc_type(iv):
                return False, False
            found = found or (bid >= 0 and natives.exc_subclass(bid, iv))
        return found, True
    return False, False


@njit(cache=CACHE)
def is_raisable(st, t, v):
    return t == EXC or (t == BUILTIN and natives.is_exc_type(v)) or (
        t == CLASS and H_(st)[v, E] != B_OBJECT)


@njit(cache=CACHE)
def raise_op(st, op, arg, sp, pc):
    """RAISE_VARARGS, RERAISE and CHECK_EXC_MATCH."""
    S = S_(st)
    R = R_(st)
    if op == CHECK_EXC_MATCH:
        bid = H_(st)[S[sp - 2, 1], A] if S[sp - 2, 0] == EXC else -1
        cls = H_(st)[S[sp - 2, 1], E] if S[sp - 2, 0] == EXC else -1
        m, ok = exc_matches(st, bid, S[sp - 1, 0], S[sp - 1, 1], cls)
        if not ok:
            return fail(st, ERR_RAISE, RAISE_BAD_CATCH, 0, 0)
        S[sp - 2, 0] = BOOL
        S[sp - 2, 1] = 1 if m else 0
        R[R_SP] = sp - 1
        F_(st)[R[R_FP], FR_PC] = pc + 1
        return ST_RUNNING
    if op == RAISE_VARARGS and arg == 0:
        return fail(st, ERR_RAISE, RAISE_NO_ACTIVE, 0, 0)
    if not heap.reserve(st, 2, 0, 0):
        return ST_NEED_MEMORY
    if op == RAISE_VARARGS and arg == 2:
        if not (S[sp - 1, 0] == NONE or is_raisable(st, S[sp - 1, 0], S[sp - 1, 1])):
            return fail(st, ERR_RAISE, RAISE_BAD_CAUSE, 0, 0)
        sp -= 1     # the cause is not kept (tracebacks do not print chains)
    t = S[sp - 1, 0]
    if not is_raisable(st, t, S[sp - 1, 1]):
        return fail(st, ERR_RAISE, RAISE_NOT_EXCEPTION, 0, 0)
    if t == CLASS:      # raise MyError: MyError(), then this raise runs again
        cls = S[sp - 1, 1]
        if op == RAISE_VARARGS and arg == 1:
            return call_class(st, CALL, 0, sp, pc - 1, sp - 1, sp, cls)
        e = heap.new_obj(st, EXC)
        H_(st)[e, A] = H_(st)[cls, E]
        H_(st)[e, B] = heap.new_tuple(st, 0)
        H_(st)[e, C] = -1
        H_(st)[e, E] = cls
        S[sp - 1, 0] = EXC
        S[sp - 1, 1] = e
    if t == BUILTIN:    # raise ValueError: an instance with no arguments
        e = heap.new_obj(st, EXC)
        H_(st)[e, A] = S[sp - 1, 1]
        H_(st)[e, B] = heap.new_tuple(st, 0)
        H_(st)[e, C] = -1
        S[sp - 1, 0] = EXC
        S[sp - 1, 1] = e
    R[R_SP] = sp
    R[R_ERR] = ERR_EXCEPTION
    return ST_RAISE


# ---------------------------------------------------------------------------
# Unpacking: f(*a, **k), [*a], {**d}, a, *b = xs
# ---------------------------------------------------------------------------

@njit(cache=CACHE)
def spent_to_tuple(st, sp):
    """Replace the iterable on top by a tuple of its items (unless it is a list or
    tuple already): a retry after a memory request then finds the same items, not a
    spent iterator.  Returns a status."""
    S = S_(st)
    t = S[sp - 1, 0]
    if t == LIST or t == TUPLE:
        return ST_RUNNING
    r, status = seq.materialize(st, t, S[sp - 1, 1], True)
    if status != ST_RUNNING:
        return status
    S[sp - 1, 0] = TUPLE
    S[sp - 1, 1] = r
    return ST_RUNNING


@njit(cache=CACHE)
def list_extend(st, sp):
    """LIST_EXTEND: list x -> list, with x's items appended."""
    S = S_(st)
    if S[sp - 2, 0] != LIST:
        return fail(st, ERR_VALUE, 99, LIST_EXTEND, 0)   # only a hostile snapshot gets here
    status = spent_to_tuple(st, sp)
    if status != ST_RUNNING:
        return status
    return arith.list_extend_inplace(st, sp, S[sp - 2, 1], S[sp - 1, 1])


@njit(cache=CACHE)
def list_to_tuple(st, sp):
    """LIST_TO_TUPLE: list -> tuple."""
    S = S_(st)
    H = H_(st)
    V = V_(st)
    if S[sp - 1, 0] != LIST:
        return fail(st, ERR_VALUE, 99, LIST_TO_TUPLE, 0)
    lst = S[sp - 1, 1]
    n = H[lst, B]
    if not heap.reserve(st, 1, n, 0):
        return ST_NEED_MEMORY
    t = heap.new_tuple(st, n)
    o = H[t, A]
    so = H[lst, A]
    for i in range(n):
        V[o + i, 0] = V[so + i, 0]
        V[o + i, 1] = V[so + i, 1]
    heap.charge(st, n)
    S[sp - 1, 0] = TUPLE
    S[sp - 1, 1] = t
    return ST_RUNNING


@njit(cache=CACHE)
def dict_merge(st, arg, sp):
    """DICT_MERGE: d m -> d with m's entries; in a call (arg > 0) a key already in d
    is an error."""
    S = S_(st)
    H = H_(st)
    V = V_(st)
    if S[sp - 2, 0] != DICT:
        return fail(st, ERR_VALUE, 99, DICT_MERGE, 0)    # only a hostile snapshot gets here
    m = S[sp - 1, 1]
    if S[sp - 1, 0] == INSTANCE and H[m, C] == DICT:     # a subclass of dict: its dict
        m = H[m, D]
    elif S[sp - 1, 0] != DICT:
        return fail(st, ERR_TYPE, TYPE_NOT_MAPPING, S[sp - 1, 0], 0)
    d = S[sp - 2, 1]
    n = H[m, B]
    if arg > 0:
        for e in range(n):
            kt = V[H[m, A] + 2 * e, 0]
            if kt != UNDEF and heap.dict_get(st, d, kt, V[H[m, A] + 2 * e, 1]) >= 0:
                return fail(st, ERR_TYPE, TYPE_DUP_KEYWORD, e, 0)
    if H[d, B] + H[m, F] > H[d, C]:
        cap = 2 * (H[d, F] + H[m, F]) + 4
        if not heap.reserve(st, 0, heap.dict_rows(cap), 0):
            return ST_NEED_MEMORY
        heap.dict_resize(st, d, cap)
    for e in range(n):
        eo = H[m, A] + 2 * e
        if V[eo, 0] != UNDEF:
            heap.dict_set(st, d, V[eo, 0], V[eo, 1], V[eo + 1, 0], V[eo + 1, 1])
    heap.charge(st, n)
    return ST_RUNNING


@njit(cache=CACHE)
def unpack_ex(st, arg, sp):
    """UNPACK_EX: seq -> the items for `a, *b, c = seq` (the first on top)."""
    S = S_(st)
    H = H_(st)
    V = V_(st)
    before = arg & 0xFFF
    after = arg >> 12
    status = spent_to_tuple(st, sp)
    if status != ST_RUNNING:
        return status
    v = S[sp - 1, 1]
    m = H[v, B]
    if m < before + after:
        return fail(st, ERR_UNPACK, before + after, m, 2)
    k = m - before - after
    if not heap.reserve(st, 1, k, 0):
        return ST_NEED_MEMORY
    lst = heap.new_list(st, k, k)
    o = H[v, A]
    lo = H[lst, A]
    for i in range(k):
        V[lo + i, 0] = V[o + before + i, 0]
        V[lo + i, 1] = V[o + before + i, 1]
    heap.charge(st, m)
    top = sp - 1 + before + after
    for i in range(before):
        S[top - i, 0] = V[o + i, 0]
        S[top - i, 1] = V[o + i, 1]
    for i in range(after):
        S[top - before - 1 - i, 0] = V[o + before + k + i, 0]
        S[top - before - 1 - i, 1] = V[o + before + k + i, 1]
    S[top - before, 0] = LIST
    S[top - before, 1] = lst
    return ST_RUNNING


@njit(cache=CACHE)
def cold_c(st, op, arg, sp, pc):
    """The unpacking opcodes and CALL_EX."""
    R = R_(st)
    fp = R[R_FP]
    if op == CALL_EX:
        return call_ex(st, arg, sp, pc)
    if (op == LIST_EXTEND or op == UNPACK_EX) and (S_(st)[sp - 1, 0] == GEN
                                                   or S_(st)[sp - 1, 0] == INSTANCE):
        return gen_materialize(st, sp, pc, B_TUPLE)
    if op == IMPORT_NAME or op == IMPORT_FROM:
        return modfns.module_op(st, op, arg, sp, pc)
    if op == LIST_EXTEND:
        status = list_extend(st, sp)
        nsp = sp - 1
    elif op == LIST_TO_TUPLE:
        status = list_to_tuple(st, sp)
        nsp = sp
    elif op == DICT_MERGE:
        status = dict_merge(st, arg, sp)
        nsp = sp - 1
    elif op == UNPACK_EX:
        status = unpack_ex(st, arg, sp)
        nsp = sp + (arg & 0xFFF) + (arg >> 12)
    elif op == LOAD_NAME or op == STORE_NAME or op == DELETE_NAME:
        return class_body_op(st, op, arg, sp, pc)
    elif op == STORE_ATTR or op == DELETE_ATTR:
        return store_attr_obj(st, K_(st)[arg, 1], sp, pc, op == DELETE_ATTR)
    elif op == BUILD_CLASS:
        return object_service(st, 0)
    elif op == SEND and S_(st)[sp - 2, 0] != GEN and S_(st)[sp - 2, 0] != ITER:
        return yield_from_object(st, sp, pc)
    else:
        return gen.cold_gen(st, op, arg, sp, pc)
    if status != ST_RUNNING:
        return status
    R[R_SP] = nsp
    F_(st)[fp, FR_PC] = pc + 1
    return ST_RUNNING


# ---------------------------------------------------------------------------
# Cold opcodes
# ---------------------------------------------------------------------------

@njit(cache=CACHE)
def build(st, op, arg, sp):
    """BUILD_TUPLE / BUILD_LIST / BUILD_MAP / BUILD_SLICE; returns status, sets R_SP."""
    S = S_(st)
    H = H_(st)
    V = V_(st)
    if op == BUILD_MAP:
        for i in range(arg):
            kt = S[u64(sp - 2 * arg + 2 * i), 0]
            kv = S[u64(sp - 2 * arg + 2 * i), 1]
            if not heap.is_hashable(st, kt, kv):
                return fail(st, ERR_UNHASHABLE, 0, kt, 0)
        if not heap.reserve(st, 1, heap.dict_rows(arg), 0):
            return ST_NEED_MEMORY
        d = heap.new_dict(st, arg)
        for i in range(arg):
            k = sp - 2 * arg + 2 * i
            heap.dict_set(st, d, S[u64(k), 0], S[u64(k), 1], S[u64(k + 1), 0], S[u64(k + 1), 1])
        first = sp - 2 * arg
        S[u64(first), 0] = DICT
        S[u64(first), 1] = d
        R_(st)[R_SP] = first + 1
        return ST_RUNNING
    if op == BUILD_SLICE:
        if not heap.reserve(st, 1, 3, 0):
            return ST_NEED_MEMORY
        r = heap.new_obj(st, SLICE)
        o = heap.new_vals(st, 3)
        H[u64(r), A] = o
        V[u64(o + 2), 0] = NONE
        V[u64(o + 2), 1] = 0
        for i in range(arg):
            V[u64(o + i), 0] = S[u64(sp - arg + i), 0]
            V[u64(o + i), 1] = S[u64(sp - arg + i), 1]
        first = sp - arg
        S[u64(first), 0] = SLICE
        S[u64(first), 1] = r
        R_(st)[R_SP] = first + 1
        return ST_RUNNING
    if not heap.reserve(st, 1, arg, 0):
        return ST_NEED_MEMORY
    if op == BUILD_LIST:
        r = heap.new_list(st, arg, arg)
        tag = LIST
    else:
        r = heap.new_tuple(st, arg)
        tag = TUPLE
    o = H[u64(r), A]
    first = sp - arg
    for i in range(arg):
        V[u64(o + i), 0] = S[u64(first + i), 0]
        V[u64(o + i), 1] = S[u64(first + i), 1]
    S[u64(first), 0] = tag
    S[u64(first), 1] = r
    R_(st)[R_SP] = first + 1
    return ST_RUNNING


@njit(cache=CACHE)
def build_string(st, arg, sp):
    """BUILD_STRING: concatenate arg strings."""
    S = S_(st)
    H = H_(st)
    total = 0
    for i in range(arg):
        if S[sp - arg + i, 0] != STR:
            return fail(st, ERR_TYPE, 105, S[sp - arg + i, 0], 0)
        total += H[S[sp - arg + i, 1], B]
    if not heap.reserve(st, 1, 0, total):
        return ST_NEED_MEMORY
    r = heap.new_str(st, total)
    o = H[r, A]
    for i in range(arg):
        s = S[sp - arg + i, 1]
        so = H[s, A]
        for j in range(H[s, B]):
            CH_(st)[o + j] = CH_(st)[so + j]
        o += H[s, B]
    first = sp - arg
    S[first, 0] = STR
    S[first, 1] = r
    R_(st)[R_SP] = first + 1
    return ST_RUNNING


@njit(cache=CACHE)
def format_value(st, arg, sp):
    """FORMAT_VALUE: numba handles str and int with no spec; the host the rest."""
    S = S_(st)
    if arg == 0 or arg == 1:
        t = S[sp - 1, 0]
        if t == STR:
            R_(st)[R_SP] = sp
            return ST_RUNNING
        if t == INT:
            if not heap.reserve(st, 1, 0, 20):
                return ST_NEED_MEMORY
            natives.int_to_str(st, S[sp - 1, 1], sp - 1)
            R_(st)[R_SP] = sp
            return ST_RUNNING
    R_(st)[R_SERVICE] = SVC_FORMAT
    R_(st)[R_ARGC] = arg
    return ST_SERVICE


# cold_a's answer for an opcode it leaves to cold_b (never a status the loop returns)
TO_COLD_B = -1


@njit(cache=CACHE, entry_sig=sig("i8(P, i8, i8, i8, i8)"))
def cold_b(st, op, arg, sp, pc):
    """Subscripts, unpacking, attributes, calls, functions, slow binary ops.

    cold_a and cold_b are entry points of their own, which the loop calls through
    their machine-code addresses (jit.call_entry_at; the host puts them in the two
    words at the address after the pointer tuple): compiling the loop then neither
    types nor optimizes them and the hundreds of functions they reach, and on a cold
    cache the second compile process compiles them while the first compiles the
    loop (vm/precompile.py)."""
    S = S_(st)
    R = R_(st)
    fp = R[R_FP]
    nsp = sp
    if (op == BINARY_OP or op == COMPARE_OP and arg < 8) and (
            (is_user_object(st, S[sp - 2, 0], S[sp - 2, 1]) and S[sp - 2, 0] != BOUND)
            or (is_user_object(st, S[sp - 1, 0], S[sp - 1, 1]) and S[sp - 1, 0] != BOUND)
            or (op == COMPARE_OP and arg >= 6 and S[sp - 1, 0] == GEN)):   # x in gen
        return call_prelude(st, P_BINOP if op == BINARY_OP else P_COMPARE, 3,
                            S[sp - 2, 0], S[sp - 2, 1], S[sp - 1, 0], S[sp - 1, 1], INT, arg,
                            sp, sp - 2, pc + 1, 0)
    if op == BINARY_OP:
        which = sets.wants_binop(st, arg, sp)
        if (arg & 15) == arith.OP_OR and S[sp - 2, 0] == DICT and (
                S[sp - 1, 0] == DICT or arg >= 16):
            R[R_SERVICE] = SVC_BINOP    # d1 | d2, d |= x: the host (Machine._dict_union)
            R[R_ARGC] = arg
            return ST_SERVICE
        if which == 1:
            status = sets.binop(st, arg, sp)
        elif which == 2:
            status = sets.view_binop(st, arg, sp)
        else:
            status = arith.binop(st, arg, sp)
        if status != ST_RUNNING:
            if status == ST_SERVICE or (status == ST_RAISE and R[R_ERR] == ERR_TYPE
                                         and R[R_ERR_A] == 100):
                R[R_SERVICE] = SVC_BINOP
                R[R_ARGC] = arg
                return ST_SERVICE
            return status
        nsp = sp - 1
    elif op == COMPARE_OP:
        status = arith.compare(st, arg, sp)
        if status != ST_RUNNING:
            return status
        nsp = sp - 1
    elif (op == BINARY_SUBSCR or op == STORE_SUBSCR or op == DELETE_SUBSCR) and \
            is_user_object(st, S[sp - 2, 0], S[sp - 2, 1]):
        return subscr_obj(st, op, sp, pc)
    elif op == BINARY_SUBSCR:
        status = seq.subscr(st, sp)
        if status != ST_RUNNING:
            return status
        nsp = sp - 1
    elif op == STORE_SUBSCR:
        status = seq.store_subscr(st, sp)
        if status != ST_RUNNING:
            return status
        nsp = sp - 3
    elif op == DELETE_SUBSCR:
        status = seq.delete_subscr(st, sp)
        if status != ST_RUNNING:
            return status
        nsp = sp - 2
    elif op == UNPACK_SEQUENCE and (S[sp - 1, 0] == GEN or S[sp - 1, 0] == INSTANCE):
        return gen_materialize(st, sp, pc, B_TUPLE)
    elif op == UNPACK_SEQUENCE:
        status = seq.unpack(st, sp, arg)
        if status != ST_RUNNING:
            return status
        nsp = sp - 1 + arg
    elif (op == LOAD_METHOD or op == LOAD_ATTR) and (
            S[sp - 1, 0] == CLASS or S[sp - 1, 0] == INSTANCE or S[sp - 1, 0] == SUPER
            or S[sp - 1, 0] == EXC):
        return load_attr_obj(st, K_(st)[arg, 1], sp, pc, op == LOAD_METHOD)
    elif op == LOAD_METHOD:
        t = S[sp - 1, 0]
        if t == MODULE:
            return modfns.module_op(st, op, arg, sp, pc)
        if t == BIGINT or t == BOOL:
            t = INT     # big ints and bools have the methods of int
        if 0 <= t < MT_(st).shape[0] and 0 <= arg < MT_(st).shape[1] and MT_(st)[t, arg] >= 0:
            S[sp, 0] = S[sp - 1, 0]
            S[sp, 1] = S[sp - 1, 1]
            S[sp - 1, 0] = METHOD
            S[sp - 1, 1] = MT_(st)[t, arg]
            nsp = sp + 1
        else:
            return object_service(st, 0)    # an attribute that is not a method
    elif op == LOAD_ATTR:
        if S[sp - 1, 0] == MODULE:
            return modfns.module_op(st, op, arg, sp, pc)
        return object_service(st, 0)
    elif op == CALL or op == CALL_KW or op == CALL_METHOD or op == CALL_METHOD_KW:
        return do_call(st, op, arg, sp, pc)
    elif op == RAISE_VARARGS or op == RERAISE or op == CHECK_EXC_MATCH:
        return raise_op(st, op, arg, sp, pc)
    elif op == MAKE_FUNCTION:
        status = make_function(st, arg, sp)
        if status != ST_RUNNING:
            return status
        nsp = R[R_SP]
    elif op == FOR_ITER and S[sp - 1, 0] == GEN:
        return gen.for_iter(st, arg, sp, pc)
    elif op == FOR_ITER and S[sp - 1, 0] != ITER:
        t, v = objects.special_lookup(st, S[sp - 1, 0], S[sp - 1, 1], N_NEXT)
        if t != FUNC:
            return object_service(st, 6)    # "'X' object is not an iterator"
        status = frame_room(st, H_(st)[v, A], sp)
        if status != ST_RUNNING:
            return status
        S[sp, 0] = S[sp - 1, 0]
        S[sp, 1] = S[sp - 1, 1]
        return call_function_at(st, v, sp, 1, sp, pc + 1, RET_FOR_ITER)
    elif op == FOR_ITER:
        it = S[sp - 1, 1]
        if H_(st)[it, A] == IT_SET and H_(st)[H_(st)[it, C], B] != H_(st)[it, E]:
            H_(st)[it, E] = -1      # sticky, as in CPython
            return fail(st, ERR_VALUE, sets.VAL_SET_CHANGED, 0, 0)
        ob, vb, cb = seq.step_cost(st, it)
        if not heap.reserve(st, ob, vb, cb):
            return ST_NEED_MEMORY
        t, v = seq.iter_next(st, it)
        if t == UNDEF:
            R[R_SP] = sp - 1
            F_(st)[fp, FR_PC] = arg
            return ST_RUNNING
        S[sp, 0] = t
        S[sp, 1] = v
        nsp = sp + 1
    else:
        return cold_c(st, op, arg, sp, pc)
    R[R_SP] = nsp
    F_(st)[fp, FR_PC] = pc + 1
    return ST_RUNNING


@njit(cache=CACHE, entry_sig=sig("i8(P, i8, i8, i8, i8)"))
def cold_a(st, op, arg, sp, pc):
    """Stack shuffles, variables, builds; TO_COLD_B for the rest (the loop then calls
    cold_b).  Sets R_SP and the frame pc on success.  An entry point: see cold_b."""
    S = S_(st)
    R = R_(st)
    fp = R[R_FP]
    base = F_(st)[fp, FR_BASE]
    nsp = sp
    if (op == GET_ITER or op == POP_JUMP_IF_FALSE or op == POP_JUMP_IF_TRUE
            or op == JUMP_IF_FALSE_OR_POP or op == JUMP_IF_TRUE_OR_POP or op == UNARY_OP) \
            and sp > 0 and is_user_object(st, S[sp - 1, 0], S[sp - 1, 1]):
        if op == GET_ITER:
            t, v = objects.special_lookup(st, S[sp - 1, 0], S[sp - 1, 1], N_ITER)
            if t != FUNC:       # the prelude's iter(): __getitem__ sequences, errors
                return call_prelude(st, P_ITER, 1, S[sp - 1, 0], S[sp - 1, 1], 0, 0, 0, 0,
                                    sp, sp - 1, pc + 1, 0)
            return call_function_at(st, v, sp - 1, 1, sp - 1, pc + 1, 0)
        return truth_obj(st, op, arg, sp, pc)
    if op == DUP_TOP_TWO:
        S[sp] = S[sp - 2]
        S[sp + 1] = S[sp - 1]
        nsp = sp + 2
    elif op == ROT_THREE:
        t0 = S[sp - 1, 0]
        v0 = S[sp - 1, 1]
        S[sp - 1] = S[sp - 2]
        S[sp - 2] = S[sp - 3]
        S[sp - 3, 0] = t0
        S[sp - 3, 1] = v0
    elif op == DELETE_FAST:
        if S[base + arg, 0] == UNDEF:
            return fail(st, ERR_UNBOUND_LOCAL, arg, 0, 0)
        S[base + arg, 0] = UNDEF
        S[base + arg, 1] = 0
    elif op == DELETE_GLOBAL:
        if G_(st)[arg, 0] == UNDEF:
            return fail(st, ERR_NAME, arg, 1, 0)
        G_(st)[arg, 0] = UNDEF
        G_(st)[arg, 1] = 0
    elif op == MAKE_CELL:
        if not heap.reserve(st, 1, 0, 0):
            return ST_NEED_MEMORY
        cell = heap.new_obj(st, CELL)
        H_(st)[cell, A] = S[base + arg, 0]
        H_(st)[cell, B] = S[base + arg, 1]
        S[base + arg, 0] = CELL
        S[base + arg, 1] = cell
    elif op == LOAD_CLOSURE:
        S[sp, 0] = CELL
        S[sp, 1] = S[base + arg, 1]
        nsp = sp + 1
    elif op == DELETE_DEREF:
        cell = S[base + arg, 1]
        if H_(st)[cell, A] == UNDEF:
            return fail(st, ERR_UNBOUND_LOCAL, arg, 1, 0)
        H_(st)[cell, A] = UNDEF
        H_(st)[cell, B] = 0
    elif op == UNARY_OP:
        status = arith.unary(st, arg, sp)
        if status != ST_RUNNING:
            if status == ST_SERVICE:
                R[R_SERVICE] = SVC_UNARY
                R[R_ARGC] = arg
            return status
    elif op == JUMP_IF_FALSE_OR_POP or op == JUMP_IF_TRUE_OR_POP:
        t = arith.truthy(st, S[sp - 1, 0], S[sp - 1, 1])
        if t == (op == JUMP_IF_TRUE_OR_POP):
            R[R_SP] = sp
            F_(st)[fp, FR_PC] = arg
            return ST_RUNNING
        nsp = sp - 1
    elif op == POP_JUMP_IF_FALSE or op == POP_JUMP_IF_TRUE:
        # the loop's inline test takes tags below CLASS: big ints, sets, generators
        if arith.truthy(st, S[sp - 1, 0], S[sp - 1, 1]) == (op == POP_JUMP_IF_TRUE):
            R[R_SP] = sp - 1
            F_(st)[fp, FR_PC] = arg
            return ST_RUNNING
        nsp = sp - 1
    elif op == GET_ITER:
        if not heap.reserve(st, 1, 0, 0):
            return ST_NEED_MEMORY
        t, v, status = seq.make_iter(st, S[sp - 1, 0], S[sp - 1, 1])
        if status != ST_RUNNING:
            return status
        S[sp - 1, 0] = t
        S[sp - 1, 1] = v
    elif op == BUILD_TUPLE or op == BUILD_LIST or op == BUILD_MAP or op == BUILD_SLICE:
        status = build(st, op, arg, sp)
        if status != ST_RUNNING:
            return status
        nsp = R[R_SP]
    elif op == BUILD_STRING:
        status = build_string(st, arg, sp)
        if status != ST_RUNNING:
            return status
        nsp = R[R_SP]
    elif op == FORMAT_VALUE:
        status = format_value(st, arg, sp)
        if status != ST_RUNNING:
            return status
    elif op == LIST_APPEND:
        if S[sp - 1 - arg, 0] != LIST:
            return fail(st, ERR_VALUE, 99, op, 0)   # only a hostile snapshot gets here
        lst = S[sp - 1 - arg, 1]
        need = heap.list_grow_need(st, lst, 1)
        if need > 0:
            if not heap.reserve(st, 0, need, 0):
                return ST_NEED_MEMORY
            heap.list_make_room(st, lst, 1)
        heap.list_push(st, lst, S[sp - 1, 0], S[sp - 1, 1])
        nsp = sp - 1
    elif op == MAP_ADD:
        if S[sp - 2 - arg, 0] != DICT:
            return fail(st, ERR_VALUE, 99, op, 0)   # only a hostile snapshot gets here
        d = S[sp - 2 - arg, 1]
        if not heap.is_hashable(st, S[sp - 2, 0], S[sp - 2, 1]):
            return fail(st, ERR_UNHASHABLE, 0, S[sp - 2, 0], 0)
        if not heap.reserve(st, 0, heap.dict_set_need(st, d), 0):
            return ST_NEED_MEMORY
        heap.dict_set(st, d, S[sp - 2, 0], S[sp - 2, 1], S[sp - 1, 0], S[sp - 1, 1])
        nsp = sp - 2
    elif op == BUILD_SET or op == BUILD_CONST_SET or op == BUILD_CONST_FROZENSET:
        mode = 0 if op == BUILD_SET else (1 if op == BUILD_CONST_SET else 2)
        status = sets.build_set(st, arg, sp, mode)
        if status != ST_RUNNING:
            return status
        nsp = sp - arg + 1
    elif op == SET_ADD:
        status = sets.set_add_op(st, arg, sp)
        if status != ST_RUNNING:
            return status
        nsp = sp - 1
    elif op == NOP:
        pass
    else:
        return TO_COLD_B
    R[R_SP] = nsp
    F_(st)[fp, FR_PC] = pc + 1
    return ST_RUNNING


@njit(cache=CACHE)
def warm(st, op, arg, sp, pc, fuel):
    """The helpers cold_a / cold_b reach for some common cases the loop recognizes,
    without their chains of tests: dict subscripts, list and tuple slices, `in` on
    a dict or set (operands that run no script code), tuple, list and slice displays, generators (FOR_ITER, SEND,
    YIELD_VALUE, their RETURN_VALUE), attributes of modules, builtin calls, the
    int and float arithmetic the loop does not do inline (`**`, int `/`); the
    slice superinstructions (`fuel`: what remains after the first instruction's
    unit; the second runs only if some does)."""
    R = R_(st)
    S = S_(st)
    if op == FOR_ITER:
        return gen.for_iter(st, arg, sp, pc)
    if op == YIELD_VALUE:
        return gen.yield_value(st, sp, pc)
    if op == RETURN_VALUE:
        return gen.gen_return(st, sp, pc)
    if op == SEND:
        return gen.send_op(st, arg, sp, pc)
    if op == LOAD_ATTR or op == LOAD_METHOD:
        return modfns.module_op(st, op, arg, sp, pc)
    if op == CALL_METHOD:       # a builtin LOAD_METHOD read from a module
        return call_builtin_from_slot(st, CALL, arg, sp, pc, sp - arg - 2)
    if op == CALL:              # a builtin (do_call's case of CALL)
        ret = sp - arg - 1
        fv = S[ret, 1]
        if fv == B_NEXT and (arg == 1 or arg == 2) and S[sp - arg, 0] == GEN:
            return gen.gen_next(st, arg, sp, pc)
        if redirect_builtin(st, fv, sp, arg, ret, pc):
            return push_frame(st, S[ret, 1], sp - arg, arg, pc + 1, ret)
        status = natives.call_builtin(st, fv, sp, arg)
        if status == ST_RUNNING:
            R[R_SP] = sp - arg
            F_(st)[R[R_FP], FR_PC] = pc + 1
        return status
    if (op == BUILD_SLICE__BINARY_SUBSCR or op == BUILD_SLICE__STORE_SUBSCR) and fuel <= 0:
        op = BUILD_SLICE        # no fuel left for the second: the first alone
    if op == BUILD_SLICE__BINARY_SUBSCR or op == BUILD_SLICE__STORE_SUBSCR:
        store = op == BUILD_SLICE__STORE_SUBSCR
        count = seq.slice_applies(st, store, arg, sp)
        status = build(st, BUILD_SLICE, arg, sp)
        if status != ST_RUNNING:
            return status       # (nothing done: memory for the slice)
        # the slice object exists exactly as BUILD_SLICE makes it (the same row,
        # region and serial number), so the heap is the same as after the pair
        nsp = sp - arg + 1
        if count >= 0:
            if store:
                status = seq.store_slice(st, S[nsp - 2, 1], S[nsp - 1, 1], S[nsp - 3, 0],
                                         S[nsp - 3, 1])
                rsp = nsp - 3
            else:
                status = seq.get_slice(st, S[nsp - 2, 0], S[nsp - 2, 1], S[nsp - 1, 1], nsp)
                rsp = nsp - 1
            if status == ST_RUNNING:        # both ran: one more unit of fuel
                R[R_SP] = rsp
                R[R_EXTRA] += 1
                F_(st)[R[R_FP], FR_PC] = pc + 2
                return ST_RUNNING
            # the second needs memory (slice_applies excluded every error): it is
            # dispatched on its own and asks for it there
        F_(st)[R[R_FP], FR_PC] = pc + 1
        return ST_RUNNING
    if op == BUILD_TUPLE or op == BUILD_LIST or op == BUILD_SLICE:
        status = build(st, op, arg, sp)
        if status == ST_RUNNING:
            F_(st)[R[R_FP], FR_PC] = pc + 1
        return status
    if op == BINARY_OP:         # ints and floats the loop leaves (int /, **, float //, %)
        status = arith.binop(st, arg, sp)
        if status == ST_SERVICE:        # the result is a big int: the host computes it
            R[R_SERVICE] = SVC_BINOP
            R[R_ARGC] = arg
        nsp = sp - 1
    elif op == BINARY_SUBSCR:
        status = seq.subscr(st, sp)
        nsp = sp - 1
    elif op == STORE_SUBSCR:
        status = seq.store_subscr(st, sp)
        nsp = sp - 3
    else:
        status = arith.compare(st, arg, sp)
        nsp = sp - 1
    if status != ST_RUNNING:
        return status
    R[R_SP] = nsp
    F_(st)[R[R_FP], FR_PC] = pc + 1
    return ST_RUNNING


# ---------------------------------------------------------------------------
# The loop
# ---------------------------------------------------------------------------

@njit(sig("b1(i8, i8, i8)"), cache=CACHE, inline="always")
def cmp_int(arg, a, b):
    """COMPARE_OP arg (0-5) of two ints."""
    if arg == 0:
        return a < b
    elif arg == 1:
        return a <= b
    elif arg == 2:
        return a == b
    elif arg == 3:
        return a != b
    elif arg == 4:
        return a > b
    return a >= b


@njit(sig("b1(i8, f8, f8)"), cache=CACHE, inline="always")
def cmp_float(arg, x, y):
    """COMPARE_OP arg (0-5) of two floats."""
    if arg == 0:
        return x < y
    elif arg == 1:
        return x <= y
    elif arg == 2:
        return x == y
    elif arg == 3:
        return x != y
    elif arg == 4:
        return x > y
    return x >= y


@njit(cache=CACHE, entry_sig=sig("(i8,)"))
def run(at):
    """Execute until a status: see layout.ST_*.  Fuel is R[R_FUEL] instructions.

    `at` is the address of an int64 array holding the state's pointer tuple
    (state.pointers): one int crosses from the host instead of 22 (unboxing the
    tuple cost ~0.5 us a call, most of a fuel slice's overhead).

    One test of the opcode per instruction (LLVM makes a jump table of the chain);
    inside an opcode's branch the common operand types run inline, and `cold` says
    which helper takes the rest: 1 cold_a (which answers TO_COLD_B for what it does
    not know: then cold_b), 2 cold_b directly, 3 warm.  cold_a and cold_b are
    called through their machine-code addresses (see cold_b)."""
    ptrs = carray(_ptr64(at), NPTRS + 1)   # (+ where cold_a's and cold_b's addresses are)
    st = (ptrs[0], ptrs[1], ptrs[2], ptrs[3], ptrs[4], ptrs[5], ptrs[6], ptrs[7], ptrs[8],
          ptrs[9], ptrs[10], ptrs[11], ptrs[12], ptrs[13], ptrs[14], ptrs[15], ptrs[16],
          ptrs[17], ptrs[18], ptrs[19], ptrs[20], ptrs[21], ptrs[22], ptrs[23])
    R = R_(st)
    # The loop's own views of the arrays have a constant number of rows (LOOP_ROWS),
    # not the arrays' sizes: numba's index wraparound (i < 0: i + rows) then needs no
    # size in a register, which left LLVM room to keep pc, sp and fuel in registers.
    # No index here is negative (the validator and the loop's own checks see to it),
    # so the views read and write the same rows; sizes come from the pointer array.
    S = carray(_ptr64(st[P_S]), (LOOP_ROWS, 2))
    Fr = carray(_ptr64(st[P_F]), (LOOP_ROWS, FRCOLS))
    CODE = carray(_ptr32(st[P_CODE]), LOOP_ROWS)
    K = carray(_ptr64(st[P_K]), (LOOP_ROWS, 2))
    G = carray(_ptr64(st[P_G]), (LOOP_ROWS, 2))
    H = carray(_ptr64(st[P_H]), (LOOP_ROWS, HCOLS))
    V = carray(_ptr64(st[P_V]), (LOOP_ROWS, 2))
    MT = MT_(st)
    fp = R[R_FP]
    sp = R[R_SP]
    pc = Fr[u64(fp), FR_PC]
    base = Fr[u64(fp), FR_BASE]
    fuel = R[R_FUEL]
    start_fuel = fuel
    status = ST_RUNNING
    while True:
        if fuel <= 0:
            status = ST_FUEL
            break
        fuel -= 1
        w = CODE[u64(pc)]
        op = w & 0xFF
        arg = w >> 8
        cold = 0
        if op == LOAD_FAST:
            t = S[u64(base + arg), 0]
            if t == UNDEF:
                status = fail(st, ERR_UNBOUND_LOCAL, arg, 0, 0)
                break
            S[u64(sp), 0] = t
            S[u64(sp), 1] = S[u64(base + arg), 1]
            sp += 1
            pc += 1
        elif op == STORE_FAST:
            sp -= 1
            S[u64(base + arg), 0] = S[u64(sp), 0]
            S[u64(base + arg), 1] = S[u64(sp), 1]
            pc += 1
        # superinstructions (opcodes.FUSED): the first instruction, then the next
        # word's (whose argument is read from it) when its common case applies and
        # fuel remains -- one unit each; else the next word is dispatched as usual
        elif op == LOAD_FAST__LOAD_FAST:
            t = S[u64(base + arg), 0]
            if t == UNDEF:
                status = fail(st, ERR_UNBOUND_LOCAL, arg, 0, 0)
                break
            S[u64(sp), 0] = t
            S[u64(sp), 1] = S[u64(base + arg), 1]
            a2 = CODE[u64(pc + 1)] >> 8
            t = S[u64(base + a2), 0]
            if fuel > 0 and t != UNDEF:
                fuel -= 1
                S[u64(sp + 1), 0] = t
                S[u64(sp + 1), 1] = S[u64(base + a2), 1]
                sp += 2
                pc += 2
            else:
                sp += 1
                pc += 1
        elif op == LOAD_FAST__LOAD_SMALL_INT:
            t = S[u64(base + arg), 0]
            if t == UNDEF:
                status = fail(st, ERR_UNBOUND_LOCAL, arg, 0, 0)
                break
            S[u64(sp), 0] = t
            S[u64(sp), 1] = S[u64(base + arg), 1]
            if fuel > 0:
                fuel -= 1
                S[u64(sp + 1), 0] = INT
                S[u64(sp + 1), 1] = CODE[u64(pc + 1)] >> 8
                sp += 2
                pc += 2
            else:
                sp += 1
                pc += 1
        elif op == LOAD_FAST__LOAD_CONST:
            t = S[u64(base + arg), 0]
            if t == UNDEF:
                status = fail(st, ERR_UNBOUND_LOCAL, arg, 0, 0)
                break
            S[u64(sp), 0] = t
            S[u64(sp), 1] = S[u64(base + arg), 1]
            if fuel > 0:
                fuel -= 1
                a2 = CODE[u64(pc + 1)] >> 8
                S[u64(sp + 1), 0] = K[u64(a2), 0]
                S[u64(sp + 1), 1] = K[u64(a2), 1]
                sp += 2
                pc += 2
            else:
                sp += 1
                pc += 1
        elif op == LOAD_FAST__LOAD_ATTR or op == LOAD_FAST__LOAD_METHOD:
            t = S[u64(base + arg), 0]
            if t == UNDEF:
                status = fail(st, ERR_UNBOUND_LOCAL, arg, 0, 0)
                break
            S[u64(sp), 0] = t
            S[u64(sp), 1] = S[u64(base + arg), 1]
            sp += 1
            pc += 1
            if fuel > 0 and t == INSTANCE and fastpath.load_attr(
                    at, sp, pc, op == LOAD_FAST__LOAD_METHOD):
                fuel -= 1
                if op == LOAD_FAST__LOAD_METHOD:
                    sp += 1
                pc += 1
        elif op == LOAD_DEREF__LOAD_FAST:
            cell = S[u64(base + arg), 1]
            t = H[u64(cell), A]
            if t == UNDEF:
                status = fail(st, ERR_UNBOUND_LOCAL, arg, 1, 0)
                break
            S[u64(sp), 0] = t
            S[u64(sp), 1] = H[u64(cell), B]
            a2 = CODE[u64(pc + 1)] >> 8
            t = S[u64(base + a2), 0]
            if fuel > 0 and t != UNDEF:
                fuel -= 1
                S[u64(sp + 1), 0] = t
                S[u64(sp + 1), 1] = S[u64(base + a2), 1]
                sp += 2
                pc += 2
            else:
                sp += 1
                pc += 1
        elif op == LOAD_GLOBAL__LOAD_FAST:
            t = G[u64(arg), 0]
            g = arg
            if t == UNDEF:
                g = arg + ptrs[P_G_N] // 2
                t = G[u64(g), 0]
                if t == UNDEF:
                    status = fail(st, ERR_NAME, arg, 0, 0)
                    break
            S[u64(sp), 0] = t
            S[u64(sp), 1] = G[u64(g), 1]
            a2 = CODE[u64(pc + 1)] >> 8
            t = S[u64(base + a2), 0]
            if fuel > 0 and t != UNDEF:
                fuel -= 1
                S[u64(sp + 1), 0] = t
                S[u64(sp + 1), 1] = S[u64(base + a2), 1]
                sp += 2
                pc += 2
            else:
                sp += 1
                pc += 1
        elif op == STORE_FAST__LOAD_FAST:
            S[u64(base + arg), 0] = S[u64(sp - 1), 0]
            S[u64(base + arg), 1] = S[u64(sp - 1), 1]
            a2 = CODE[u64(pc + 1)] >> 8
            t = S[u64(base + a2), 0]
            if fuel > 0 and t != UNDEF:
                fuel -= 1
                S[u64(sp - 1), 0] = t
                S[u64(sp - 1), 1] = S[u64(base + a2), 1]
                pc += 2
            else:
                sp -= 1
                pc += 1
        elif op == COMPARE_OP__POP_JUMP_IF_FALSE or op == COMPARE_OP__POP_JUMP_IF_TRUE:
            ta = S[u64(sp - 2), 0]
            tb = S[u64(sp - 1), 0]
            ok = True
            r = False
            if arg <= 5 and ta == INT and tb == INT:
                r = cmp_int(arg, S[u64(sp - 2), 1], S[u64(sp - 1), 1])
            elif arg <= 5 and ta == FLOAT and tb == FLOAT:
                r = cmp_float(arg, fval(S[u64(sp - 2), 1]), fval(S[u64(sp - 1), 1]))
            elif arg >= 8:      # is, is not
                r = (ta == tb and S[u64(sp - 1), 1] == S[u64(sp - 2), 1]) == (arg == 8)
            else:
                ok = False
            if not ok:
                op = COMPARE_OP     # the general path of the first instruction
                if (arg == 6 or arg == 7) and ta < FUNC and (
                        tb == DICT or tb == SET or tb == FROZENSET):
                    cold = 3
                else:
                    cold = 2
            elif fuel > 0:
                fuel -= 1
                sp -= 2
                if r == (op == COMPARE_OP__POP_JUMP_IF_TRUE):
                    pc = CODE[u64(pc + 1)] >> 8
                else:
                    pc += 2
            else:
                sp -= 1
                S[u64(sp - 1), 0] = BOOL
                S[u64(sp - 1), 1] = 1 if r else 0
                pc += 1
        elif op == FOR_ITER__STORE_FAST:
            it = S[u64(sp - 1), 1]
            if S[u64(sp - 1), 0] == ITER and H[u64(it), A] == IT_RANGE:
                cur = H[u64(it), D]
                step = H[u64(it), F]
                if (step > 0 and cur >= H[u64(it), E]) or (step < 0 and cur <= H[u64(it), E]):
                    sp -= 1
                    pc = arg
                else:
                    H[u64(it), D] = cur + step
                    if fuel > 0:
                        fuel -= 1
                        a2 = CODE[u64(pc + 1)] >> 8
                        S[u64(base + a2), 0] = INT
                        S[u64(base + a2), 1] = cur
                        pc += 2
                    else:
                        S[u64(sp), 0] = INT
                        S[u64(sp), 1] = cur
                        sp += 1
                        pc += 1
            elif S[u64(sp - 1), 0] == ITER and H[u64(it), A] == IT_SEQ:
                src = H[u64(it), C]
                i = H[u64(it), D]
                if i >= H[u64(src), B]:
                    sp -= 1
                    pc = arg
                else:
                    H[u64(it), D] = i + 1
                    o = H[u64(src), A] + i
                    if fuel > 0:
                        fuel -= 1
                        a2 = CODE[u64(pc + 1)] >> 8
                        S[u64(base + a2), 0] = V[u64(o), 0]
                        S[u64(base + a2), 1] = V[u64(o), 1]
                        pc += 2
                    else:
                        S[u64(sp), 0] = V[u64(o), 0]
                        S[u64(sp), 1] = V[u64(o), 1]
                        sp += 1
                        pc += 1
            else:
                op = FOR_ITER       # the general path of the first instruction
                if S[u64(sp - 1), 0] == GEN:
                    cold = 3
                else:
                    cold = 2
        elif op == BINARY_SUBSCR__POP_JUMP_IF_FALSE or op == BINARY_SUBSCR__POP_JUMP_IF_TRUE:
            tc = S[u64(sp - 2), 0]
            if (tc == LIST or tc == TUPLE) and S[u64(sp - 1), 0] == INT:
                lst = S[u64(sp - 2), 1]
                i = S[u64(sp - 1), 1]
                n = H[u64(lst), B]
                if i < 0:
                    i += n
                if i < 0 or i >= n:
                    status = fail(st, ERR_INDEX, tc, 0, 0)
                    break
                t = V[u64(H[u64(lst), A] + i), 0]
                v = V[u64(H[u64(lst), A] + i), 1]
                if fuel > 0 and (t == BOOL or t == INT or t == NONE):
                    fuel -= 1
                    sp -= 2
                    if (t != NONE and v != 0) == (op == BINARY_SUBSCR__POP_JUMP_IF_TRUE):
                        pc = CODE[u64(pc + 1)] >> 8
                    else:
                        pc += 2
                else:
                    sp -= 1
                    S[u64(sp - 1), 0] = t
                    S[u64(sp - 1), 1] = v
                    pc += 1
            else:
                op = BINARY_SUBSCR  # the general path of the first instruction
                if tc == DICT or ((tc == LIST or tc == TUPLE) and S[u64(sp - 1), 0] == SLICE):
                    cold = 3
                else:
                    cold = 2
        elif op == LOAD_CONST:
            S[u64(sp), 0] = K[u64(arg), 0]
            S[u64(sp), 1] = K[u64(arg), 1]
            sp += 1
            pc += 1
        elif op == LOAD_SMALL_INT:
            S[u64(sp), 0] = INT
            S[u64(sp), 1] = arg
            sp += 1
            pc += 1
        elif op == LOAD_GLOBAL:
            t = G[u64(arg), 0]
            g = arg
            if t == UNDEF:   # not assigned: the builtin of that name, if there is one
                g = arg + ptrs[P_G_N] // 2
                t = G[u64(g), 0]
                if t == UNDEF:
                    status = fail(st, ERR_NAME, arg, 0, 0)
                    break
            S[u64(sp), 0] = t
            S[u64(sp), 1] = G[u64(g), 1]
            sp += 1
            pc += 1
        elif op == STORE_GLOBAL:
            sp -= 1
            G[u64(arg), 0] = S[u64(sp), 0]
            G[u64(arg), 1] = S[u64(sp), 1]
            pc += 1
        elif op == POP_TOP:
            sp -= 1
            pc += 1
        elif op == DUP_TOP:
            S[u64(sp), 0] = S[u64(sp - 1), 0]
            S[u64(sp), 1] = S[u64(sp - 1), 1]
            sp += 1
            pc += 1
        elif op == DUP_TOP_TWO:
            S[u64(sp), 0] = S[u64(sp - 2), 0]
            S[u64(sp), 1] = S[u64(sp - 2), 1]
            S[u64(sp + 1), 0] = S[u64(sp - 1), 0]
            S[u64(sp + 1), 1] = S[u64(sp - 1), 1]
            sp += 2
            pc += 1
        elif op == ROT_TWO:
            t = S[u64(sp - 1), 0]
            v = S[u64(sp - 1), 1]
            S[u64(sp - 1), 0] = S[u64(sp - 2), 0]
            S[u64(sp - 1), 1] = S[u64(sp - 2), 1]
            S[u64(sp - 2), 0] = t
            S[u64(sp - 2), 1] = v
            pc += 1
        elif op == ROT_THREE:
            t = S[u64(sp - 1), 0]
            v = S[u64(sp - 1), 1]
            S[u64(sp - 1), 0] = S[u64(sp - 2), 0]
            S[u64(sp - 1), 1] = S[u64(sp - 2), 1]
            S[u64(sp - 2), 0] = S[u64(sp - 3), 0]
            S[u64(sp - 2), 1] = S[u64(sp - 3), 1]
            S[u64(sp - 3), 0] = t
            S[u64(sp - 3), 1] = v
            pc += 1
        elif op == LOAD_DEREF:
            cell = S[u64(base + arg), 1]
            t = H[u64(cell), A]
            if t == UNDEF:
                status = fail(st, ERR_UNBOUND_LOCAL, arg, 1, 0)
                break
            S[u64(sp), 0] = t
            S[u64(sp), 1] = H[u64(cell), B]
            sp += 1
            pc += 1
        elif op == STORE_DEREF:
            sp -= 1
            cell = S[u64(base + arg), 1]
            H[u64(cell), A] = S[u64(sp), 0]
            H[u64(cell), B] = S[u64(sp), 1]
            pc += 1
        elif op == JUMP:
            pc = arg
        elif op == POP_JUMP_IF_FALSE or op == POP_JUMP_IF_TRUE:
            t = S[u64(sp - 1), 0]
            if t < CLASS or t > SUPER:      # script objects: cold_a
                sp -= 1
                if t == BOOL or t == INT:
                    truth = S[u64(sp), 1] != 0
                else:
                    truth = arith.truthy(st, t, S[u64(sp), 1])
                if truth == (op == POP_JUMP_IF_TRUE):
                    pc = arg
                else:
                    pc += 1
            else:
                cold = 1
        elif op == BINARY_OP:
            ta = S[u64(sp - 2), 0]
            tb = S[u64(sp - 1), 0]
            o = arg & 15
            if ta == INT and tb == INT and o <= 5 and o != 3 and (o <= 2 or S[u64(sp - 1), 1] > 0):
                a = S[u64(sp - 2), 1]
                b = S[u64(sp - 1), 1]
                ok = True
                if o == 0:
                    r, ok = arith.add_ovf(a, b)
                elif o == 1:
                    r, ok = arith.sub_ovf(a, b)
                elif o == 2:
                    r, ok = arith.mul_ovf(a, b)
                elif o == 4:
                    r = a // b      # b > 0: Python's floor division, no trap
                else:
                    r = a % b
                if not ok:          # the result is a big int: the host computes it
                    R[R_SERVICE] = SVC_BINOP
                    R[R_ARGC] = arg
                    status = ST_SERVICE
                    break
                sp -= 1
                S[u64(sp - 1), 1] = r
                pc += 1
            elif (ta == FLOAT or tb == FLOAT) and (ta == FLOAT or ta == INT) and (
                    tb == FLOAT or tb == INT) and o <= 3:
                x = fval(S[u64(sp - 2), 1]) if ta == FLOAT else np.float64(S[u64(sp - 2), 1])
                y = fval(S[u64(sp - 1), 1]) if tb == FLOAT else np.float64(S[u64(sp - 1), 1])
                z = 0.0
                if o == 0:
                    z = x + y
                elif o == 1:
                    z = x - y
                elif o == 2:
                    z = x * y
                elif y != 0.0:
                    z = x / y
                else:
                    cold = 2        # ZeroDivisionError
                if cold == 0:
                    sp -= 1
                    S[u64(sp - 1), 0] = FLOAT
                    S[u64(sp - 1), 1] = fbits(z)
                    pc += 1
            elif (ta == INT or ta == FLOAT) and (tb == INT or tb == FLOAT):
                cold = 3
            else:
                cold = 2
        elif op == COMPARE_OP:
            ta = S[u64(sp - 2), 0]
            tb = S[u64(sp - 1), 0]
            if arg <= 5 and ((ta == INT and tb == INT) or (ta == FLOAT and tb == FLOAT)):
                if ta == INT:
                    a = S[u64(sp - 2), 1]
                    b = S[u64(sp - 1), 1]
                    if arg == 0:
                        r = a < b
                    elif arg == 1:
                        r = a <= b
                    elif arg == 2:
                        r = a == b
                    elif arg == 3:
                        r = a != b
                    elif arg == 4:
                        r = a > b
                    else:
                        r = a >= b
                else:
                    x = fval(S[u64(sp - 2), 1])
                    y = fval(S[u64(sp - 1), 1])
                    if arg == 0:
                        r = x < y
                    elif arg == 1:
                        r = x <= y
                    elif arg == 2:
                        r = x == y
                    elif arg == 3:
                        r = x != y
                    elif arg == 4:
                        r = x > y
                    else:
                        r = x >= y
                sp -= 1
                S[u64(sp - 1), 0] = BOOL
                S[u64(sp - 1), 1] = 1 if r else 0
                pc += 1
            elif arg == 8 or arg == 9:      # is, is not
                r = ta == tb and S[u64(sp - 1), 1] == S[u64(sp - 2), 1]
                sp -= 1
                S[u64(sp - 1), 0] = BOOL
                S[u64(sp - 1), 1] = 1 if r == (arg == 8) else 0
                pc += 1
            elif (arg == 6 or arg == 7) and ta < FUNC and (
                    tb == DICT or tb == SET or tb == FROZENSET):
                cold = 3
            else:
                cold = 2
        elif op == JUMP_IF_FALSE_OR_POP or op == JUMP_IF_TRUE_OR_POP:
            t = S[u64(sp - 1), 0]
            if t == BOOL or t == INT or t == NONE:
                truth = t != NONE and S[u64(sp - 1), 1] != 0
                if truth == (op == JUMP_IF_TRUE_OR_POP):
                    pc = arg
                else:
                    sp -= 1
                    pc += 1
            else:
                cold = 1
        elif op == UNARY_OP:
            t = S[u64(sp - 1), 0]
            if arg == 2 and (t == BOOL or t == INT or t == NONE):     # not x
                truth = t != NONE and S[u64(sp - 1), 1] != 0
                S[u64(sp - 1), 0] = BOOL
                S[u64(sp - 1), 1] = 0 if truth else 1
                pc += 1
            elif arg == 0 and t == INT and S[u64(sp - 1), 1] != arith.INT_MIN:
                S[u64(sp - 1), 1] = -S[u64(sp - 1), 1]
                pc += 1
            elif arg == 0 and t == FLOAT:
                S[u64(sp - 1), 1] = fbits(-fval(S[u64(sp - 1), 1]))
                pc += 1
            else:
                cold = 1
        elif op == FOR_ITER:
            if S[u64(sp - 1), 0] == ITER and H[u64(S[u64(sp - 1), 1]), A] == IT_RANGE:
                it = S[u64(sp - 1), 1]
                cur = H[u64(it), D]
                step = H[u64(it), F]
                if (step > 0 and cur >= H[u64(it), E]) or (step < 0 and cur <= H[u64(it), E]):
                    sp -= 1
                    pc = arg
                else:
                    H[u64(it), D] = cur + step
                    S[u64(sp), 0] = INT
                    S[u64(sp), 1] = cur
                    sp += 1
                    pc += 1
            elif S[u64(sp - 1), 0] == ITER and H[u64(S[u64(sp - 1), 1]), A] == IT_SEQ:
                it = S[u64(sp - 1), 1]
                src = H[u64(it), C]
                i = H[u64(it), D]
                if i >= H[u64(src), B]:
                    sp -= 1
                    pc = arg
                else:
                    H[u64(it), D] = i + 1
                    S[u64(sp), 0] = V[u64(H[u64(src), A] + i), 0]
                    S[u64(sp), 1] = V[u64(H[u64(src), A] + i), 1]
                    sp += 1
                    pc += 1
            elif S[u64(sp - 1), 0] == GEN:
                cold = 3
            else:
                cold = 2
        elif op == BINARY_SUBSCR:
            tc = S[u64(sp - 2), 0]
            if (tc == LIST or tc == TUPLE) and S[u64(sp - 1), 0] == INT:
                lst = S[u64(sp - 2), 1]
                i = S[u64(sp - 1), 1]
                n = H[u64(lst), B]
                if i < 0:
                    i += n
                if i < 0 or i >= n:
                    status = fail(st, ERR_INDEX, tc, 0, 0)
                    break
                sp -= 1
                S[u64(sp - 1), 0] = V[u64(H[u64(lst), A] + i), 0]
                S[u64(sp - 1), 1] = V[u64(H[u64(lst), A] + i), 1]
                pc += 1
            elif tc == DICT or ((tc == LIST or tc == TUPLE) and S[u64(sp - 1), 0] == SLICE):
                cold = 3
            else:
                cold = 2
        elif op == STORE_SUBSCR:
            tc = S[u64(sp - 2), 0]
            if tc == LIST and S[u64(sp - 1), 0] == INT:
                lst = S[u64(sp - 2), 1]
                i = S[u64(sp - 1), 1]
                n = H[u64(lst), B]
                if i < 0:
                    i += n
                if i < 0 or i >= n:
                    status = fail(st, ERR_INDEX, LIST, 1, 0)
                    break
                V[u64(H[u64(lst), A] + i), 0] = S[u64(sp - 3), 0]
                V[u64(H[u64(lst), A] + i), 1] = S[u64(sp - 3), 1]
                sp -= 3
                pc += 1
            elif tc == DICT or (tc == LIST and S[u64(sp - 1), 0] == SLICE):
                cold = 3
            else:
                cold = 2
        elif op == CALL:
            ft = S[u64(sp - arg - 1), 0]
            if ft == FUNC and fastpath.call(at, S[u64(sp - arg - 1), 1], arg, sp - arg, sp - arg - 1,
                                            pc + 1):
                # the common call (exact positional arguments, no cells) was entered
                fp = R[R_FP]
                sp = R[R_SP]
                pc = Fr[u64(fp), FR_PC]
                base = Fr[u64(fp), FR_BASE]
            elif ft == CLASS and fastpath.new_instance(at, S[u64(sp - arg - 1), 1], arg, sp, pc):
                fp = R[R_FP]
                sp = R[R_SP]
                pc = Fr[u64(fp), FR_PC]
                base = Fr[u64(fp), FR_BASE]
            elif ft == FUNC:
                Fr[u64(fp), FR_PC] = pc
                R[R_SP] = sp
                status = push_frame(st, S[u64(sp - arg - 1), 1], sp - arg, arg, pc + 1, sp - arg - 1)
                if status != ST_RUNNING:
                    break
                fp = R[R_FP]
                sp = R[R_SP]
                pc = Fr[u64(fp), FR_PC]
                base = Fr[u64(fp), FR_BASE]
            elif ft == BUILTIN:
                cold = 3
            else:
                cold = 2
        elif op == CALL_METHOD:
            ft = S[u64(sp - arg - 2), 0]
            hasself = S[u64(sp - arg - 1), 0] != UNDEF
            if ft == FUNC and fastpath.call(at, S[u64(sp - arg - 2), 1], arg + hasself,
                                            sp - arg - hasself, sp - arg - 2, pc + 1):
                # CALL_METHOD with a self passes it as the first argument; without one (a
                # function read from a module) the result goes to the slot below the empty one
                fp = R[R_FP]
                sp = R[R_SP]
                pc = Fr[u64(fp), FR_PC]
                base = Fr[u64(fp), FR_BASE]
            elif arg == 1 and ft == METHOD and S[u64(sp - 3), 1] == M_LIST_APPEND and \
                    S[u64(sp - 2), 0] == LIST and H[u64(S[u64(sp - 2), 1]), B] < H[u64(S[u64(sp - 2), 1]), C]:
                lst = S[u64(sp - 2), 1]          # lst.append(x) with room
                o = H[u64(lst), A] + H[u64(lst), B]
                V[u64(o), 0] = S[u64(sp - 1), 0]
                V[u64(o), 1] = S[u64(sp - 1), 1]
                H[u64(lst), B] += 1
                sp -= 2
                S[u64(sp - 1), 0] = NONE
                S[u64(sp - 1), 1] = 0
                pc += 1
            elif ft == BUILTIN and not hasself and MODULE_FN_FIRST <= S[u64(sp - arg - 2), 1] <= \
                    MODULE_FN_LAST:
                # a function of math or random, read by LOAD_METHOD from its module:
                # random() and sqrt(float) here, the rest by modfns.call_module_fn
                # directly (the result goes to the empty self slot, then down one)
                fv = S[u64(sp - arg - 2), 1]
                ret = sp - arg - 2
                if fv == B_RANDOM_RANDOM and arg == 0 and R[R_RNG] >= 0:
                    S[u64(ret), 0] = FLOAT
                    S[u64(ret), 1] = fbits(fastpath.random_float(st, R[R_RNG]))
                    sp = ret + 1
                    pc += 1
                elif fv == B_MATH_SQRT and arg == 1 and S[u64(sp - 1), 0] == FLOAT and \
                        0.0 <= fval(S[u64(sp - 1), 1]) < np.inf:
                    S[u64(ret), 0] = FLOAT
                    S[u64(ret), 1] = fbits(math.sqrt(fval(S[u64(sp - 1), 1])))
                    sp = ret + 1
                    pc += 1
                elif modfns.call_module_fn(st, fv, sp, arg) == ST_RUNNING:
                    S[u64(ret), 0] = S[u64(ret + 1), 0]
                    S[u64(ret), 1] = S[u64(ret + 1), 1]
                    sp = ret + 1
                    pc += 1
                    fuel -= R[R_EXTRA]      # (random.shuffle's work)
                    R[R_EXTRA] = 0
                else:
                    cold = 3        # the host's (call_builtin_from_slot's layout)
            elif ft == BUILTIN and not hasself:
                cold = 3
            else:
                cold = 2
        elif op == LOAD_ATTR or op == LOAD_METHOD:
            t = S[u64(sp - 1), 0]
            if t == INSTANCE and fastpath.load_attr(at, sp, pc, op == LOAD_METHOD):
                if op == LOAD_METHOD:
                    sp += 1
                pc += 1
            elif op == LOAD_METHOD and STR <= t <= DICT and 0 <= arg < MT.shape[1] and \
                    MT[u64(t), arg] >= 0:        # a method of str, list, tuple or dict
                S[u64(sp), 0] = t
                S[u64(sp), 1] = S[u64(sp - 1), 1]
                S[u64(sp - 1), 0] = METHOD
                S[u64(sp - 1), 1] = MT[u64(t), arg]
                sp += 1
                pc += 1
            elif t == MODULE and fastpath.module_attr(at, S[u64(sp - 1), 1], K[u64(arg), 1], sp,
                                                      op == LOAD_METHOD):
                if op == LOAD_METHOD:
                    sp += 1
                pc += 1
            elif t == MODULE:
                cold = 3
            else:
                cold = 2
        elif op == STORE_ATTR:
            if S[u64(sp - 1), 0] == INSTANCE and fastpath.store_attr(at, sp, pc):
                sp -= 2
                pc += 1
            else:
                cold = 1
        elif op == RETURN_VALUE:
            flags = Fr[u64(fp), FR_FLAGS]
            if flags == RET_NORMAL and fp > 0:
                ret = Fr[u64(fp), FR_RET]
                S[u64(ret), 0] = S[u64(sp - 1), 0]
                S[u64(ret), 1] = S[u64(sp - 1), 1]
                sp = ret + 1
                fp -= 1
                R[R_FP] = fp
                pc = Fr[u64(fp), FR_PC]
                base = Fr[u64(fp), FR_BASE]
            elif flags == RET_INIT and fp > 0 and S[u64(sp - 1), 0] == NONE:
                sp = Fr[u64(fp), FR_RET] + 1     # __init__ returned None: the instance stays
                fp -= 1
                R[R_FP] = fp
                pc = Fr[u64(fp), FR_PC]
                base = Fr[u64(fp), FR_BASE]
            elif RET_GEN_FOR <= flags <= RET_GEN_CLOSE:
                cold = 3
            elif fp == 0:
                # the state stays that of "about to return": a valid, verifiable place
                status = ST_FINISHED
                break
            else:
                status = return_special(st, fp, sp)
                fp = R[R_FP]
                sp = R[R_SP]
                if status != ST_RUNNING:
                    Fr[u64(fp), FR_PC] -= 1      # the error belongs to the calling instruction
                    pc = Fr[u64(fp), FR_PC]
                    break
                pc = Fr[u64(fp), FR_PC]
                base = Fr[u64(fp), FR_BASE]
        elif op == UNPACK_SEQUENCE:
            t = S[u64(sp - 1), 0]
            if (t == TUPLE or t == LIST) and H[u64(S[u64(sp - 1), 1]), B] == arg:
                o = H[u64(S[u64(sp - 1), 1]), A]
                for i in range(arg):
                    S[u64(sp - 1 + i), 0] = V[u64(o + arg - 1 - i), 0]
                    S[u64(sp - 1 + i), 1] = V[u64(o + arg - 1 - i), 1]
                sp += arg - 1
                pc += 1
            else:
                cold = 2
        elif op == BUILD_TUPLE:
            if arg > 0 and ptrs[P_H_N] - R[R_HTOP] + R[R_HLIVE] >= 1 and \
                    R[R_VTOP] + arg <= ptrs[P_V_N]:
                # a tuple display with room: build() / heap.new_tuple written out (the
                # same row, region and serial; heap.reserve's test of room)
                row = R[R_HFREE]
                if row >= 0:
                    R[R_HFREE] = H[u64(row), A]
                    R[R_HLIVE] -= 1
                else:
                    row = R[R_HTOP]
                    R[R_HTOP] = row + 1
                o = R[R_VTOP]
                R[R_VTOP] = o + arg
                H[u64(row), KIND] = TUPLE
                H[u64(row), SERIAL] = R[R_SERIAL]
                R[R_SERIAL] += 1
                H[u64(row), A] = o
                H[u64(row), B] = arg
                H[u64(row), C] = 0
                H[u64(row), D] = 0
                H[u64(row), E] = 0
                H[u64(row), F] = 0
                sp -= arg
                for i in range(arg):
                    V[u64(o + i), 0] = S[u64(sp + i), 0]
                    V[u64(o + i), 1] = S[u64(sp + i), 1]
                S[u64(sp), 0] = TUPLE
                S[u64(sp), 1] = row
                sp += 1
                pc += 1
            else:
                cold = 3
        elif op == BUILD_LIST or op == YIELD_VALUE or op == BUILD_SLICE or \
                op == BUILD_SLICE__BINARY_SUBSCR or op == BUILD_SLICE__STORE_SUBSCR:
            cold = 3
        elif op == SEND and S[u64(sp - 2), 0] == GEN:
            cold = 3
        else:
            cold = 1
        if cold != 0:
            Fr[u64(fp), FR_PC] = pc
            R[R_SP] = sp
            if cold == 3:
                status = warm(st, op, arg, sp, pc, fuel)
            else:       # (the addresses are read here, not held in registers)
                cold_at = carray(_ptr64(ptrs[NPTRS]), 2)
                if cold == 2:
                    status = call_entry_at(cold_at[1], st, op, arg, sp, pc)
                else:
                    status = call_entry_at(cold_at[0], st, op, arg, sp, pc)
                    if status == TO_COLD_B:
                        # the instruction is read again rather than kept across the
                        # call: kept, op and arg took registers at every instruction
                        pc = Fr[u64(R[R_FP]), FR_PC]
                        w = CODE[u64(pc)]
                        status = call_entry_at(cold_at[1], st, w & 0xFF, w >> 8, R[R_SP], pc)
            if R[R_DEEP] != 0:      # a comparison met cyclic or absurdly deep data (1)
                deep = R[R_DEEP]    # or an item with a script __eq__ (2)
                R[R_DEEP] = 0
                status = fail(st, ERR_RECURSION, 1 if deep == 1 else 2, 0, 0)
                break
            if status != ST_NEED_MEMORY:
                fuel -= R[R_EXTRA]  # bulk work done by the helper costs extra fuel
            R[R_EXTRA] = 0          # (work of an attempt that must be redone is not charged)
            if status != ST_RUNNING:
                if status == ST_RAISE:
                    sp = R[R_SP]    # a raise leaves the exception on top
                    fp = R[R_FP]    # (in the frame it is raised in: a generator's
                    pc = Fr[u64(fp), FR_PC]  # return or throw() may have changed it)
                break
            fp = R[R_FP]
            sp = R[R_SP]
            pc = Fr[u64(fp), FR_PC]
            base = Fr[u64(fp), FR_BASE]
    if status == ST_NEED_MEMORY:
        fuel += 1          # the instruction did not run; it will be counted when it does
    R[R_COUNT] += start_fuel - fuel
    R[R_FUEL] = fuel
    R[R_SP] = sp
    R[R_FP] = fp
    Fr[u64(fp), FR_PC] = pc
    return status


@njit(cache=CACHE)
def call_ex_prepare(st, arg, ret, ts):
    """CALL_EX: make the callee at S[ret] a plain callable whose arguments are all in
    the tuple S[ts]: a method's self (LOAD_METHOD pair), a bound method's self and an
    instance with __call__ (itself) become the tuple's first item.  Each step leaves
    an equivalent call on the stack, so the instruction can run again after a
    memory request (False)."""
    S = S_(st)
    H = H_(st)
    for _ in range(4):
        ft = S[ret, 0]
        fv = S[ret, 1]
        if (arg >> 1) & 1 and S[ret + 1, 0] != UNDEF:
            if ft != FUNC:
                return True     # a builtin method with its receiver: the host's
            selft = S[ret + 1, 0]
            selfv = S[ret + 1, 1]
            nf = ft
            nv = fv
        elif ft == BOUND and H[fv, C] == FUNC:
            selft = H[fv, A]
            selfv = H[fv, B]
            nf = FUNC
            nv = H[fv, D]
        elif ft == INSTANCE or (ft == EXC and H[fv, E] >= 0):
            t, v = objects.special_lookup(st, ft, fv, N_CALL)
            if t != FUNC:
                return True
            selft = ft
            selfv = fv
            nf = FUNC
            nv = v
        else:
            return True
        tup = tuple_with_first(st, S[ts, 1], selft, selfv)
        if tup < 0:
            return False
        S[ts, 1] = tup
        S[ret, 0] = nf
        S[ret, 1] = nv
        if (arg >> 1) & 1:
            S[ret + 1, 0] = UNDEF
            S[ret + 1, 1] = 0
    return True
