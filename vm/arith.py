"""Arithmetic, comparison and truth on values: the numba bodies of BINARY_OP,
UNARY_OP and COMPARE_OP.

Each operation reads its operands from the top of the stack and writes the result
in place of the first one; it returns ST_RUNNING, or a status (ST_RAISE with R_ERR*
set, ST_NEED_MEMORY) having changed nothing, or ST_SERVICE when the host must
compute the result: big ints.  Ints that fit in 64 bits are computed here with every
operation checked for overflow; a result that leaves int64, or a BIGINT operand,
hands the instruction to the host (arbitrary precision, machine.py).  The division
guards also keep INT_MIN // -1 (a hardware trap) from ever executing.
"""

import numpy as np
from .jit import njit

from . import CACHE
from .mem import sig, R_, S_, F_, CODE_, FN_, K_, H_, V_, CH_, G_, MT_

from .layout import (
    A, B, C, UNDEF, NONE, BOOL, INT, FLOAT, STR, LIST, TUPLE, DICT, RANGE, DICTVIEW, SET,
    FROZENSET, BUILTIN, BIGINT, ST_RUNNING, ST_RAISE, ST_NEED_MEMORY, ST_SERVICE,
    R_ERR, R_ERR_A, R_ERR_B, R_ERR_C, R_CTOP, R_DEEP,
    ERR_BINOP_TYPES, ERR_UNARY_TYPE, ERR_CMP_TYPES, ERR_ZERO_DIV, ERR_OVERFLOW,
    ERR_VALUE, ERR_UNHASHABLE, ERR_TYPE, ERR_MEMORY,
)
from . import heap

INT_MIN = -9223372036854775807 - 1
INT_MAX = 9223372036854775807

# BINARY_OP operator numbers (opcodes.BINOPS order)
OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_FLOORDIV, OP_MOD, OP_POW, OP_LSHIFT, OP_RSHIFT, \
    OP_AND, OP_OR, OP_XOR, OP_MATMUL = range(13)

# value errors (ERR_VALUE, R_ERR_A)
VAL_NEG_SHIFT = 0
VAL_MATH_DOMAIN = 1
VAL_NEG_FRACTIONAL_POW = 2
VAL_MAX_LEN = 3

# memory bound for one sequence built by * (the VM's memory limit applies as well)
MAX_REPEAT = 1 << 40


@njit(sig("i8(P, i8, i8, i8, i8)"), cache=CACHE)
def fail(st, err, a, b, c):
    """Record an error for the host and return ST_RAISE."""
    R = R_(st)
    R[R_ERR] = err
    R[R_ERR_A] = a
    R[R_ERR_B] = b
    R[R_ERR_C] = c
    return ST_RAISE


@njit(sig("i8(f8)"), cache=CACHE)
def fbits(x):
    return np.float64(x).view(np.int64)


@njit(sig("f8(i8)"), cache=CACHE)
def fval(bits):
    return np.int64(bits).view(np.float64)


# ---------------------------------------------------------------------------
# Checked int64 arithmetic: each returns (result, ok)
# ---------------------------------------------------------------------------

@njit(sig("Tuple((i8, b1))(i8, i8)"), cache=CACHE)
def add_ovf(a, b):
    # unsigned arithmetic wraps by definition; signed overflow is undefined behaviour
    # in LLVM, which would let it delete a check written on a wrapped signed result
    r = np.int64(np.uint64(a) + np.uint64(b))
    return r, ((a ^ r) & (b ^ r)) >= 0


@njit(sig("Tuple((i8, b1))(i8, i8)"), cache=CACHE)
def sub_ovf(a, b):
    r = np.int64(np.uint64(a) - np.uint64(b))
    return r, ((a ^ b) & (a ^ r)) >= 0


@njit(sig("Tuple((i8, b1))(i8, i8)"), cache=CACHE)
def mul_ovf(a, b):
    if -3037000499 <= a <= 3037000499 and -3037000499 <= b <= 3037000499:
        return a * b, True
    if a == 0 or b == 0:
        return np.int64(0), True
    # multiply magnitudes as unsigned; an unsigned division bounds them exactly
    ua = np.uint64(-(a + 1)) + np.uint64(1) if a < 0 else np.uint64(a)
    ub = np.uint64(-(b + 1)) + np.uint64(1) if b < 0 else np.uint64(b)
    if ua > np.uint64(18446744073709551615) // ub:
        return np.int64(0), False
    p = ua * ub
    if (a < 0) != (b < 0):
        if p > np.uint64(9223372036854775808):
            return np.int64(0), False
        return np.int64(np.uint64(0) - p), True
    if p > np.uint64(9223372036854775807):
        return np.int64(0), False
    return np.int64(p), True


@njit(cache=CACHE)
def pow_int(a, b):
    """a ** b for b >= 0, checked: (result, ok)."""
    result = np.int64(1)
    base = a
    ok = True
    while b > 0:
        if b & 1:
            result, ok = mul_ovf(result, base)
            if not ok:
                return result, False
        b >>= 1
        if b > 0:
            base, ok = mul_ovf(base, base)
            if not ok:
                return result, False
    return result, True


@njit(cache=CACHE)
def float_floordiv(vx, wx):
    mod = np.fmod(vx, wx)
    div = (vx - mod) / wx
    if mod != 0.0:
        if (wx < 0.0) != (mod < 0.0):
            div -= 1.0
    if div != 0.0:
        fd = np.floor(div)
        if div - fd > 0.5:
            fd += 1.0
    else:
        fd = np.copysign(0.0, vx / wx)
    return fd


@njit(cache=CACHE)
def float_mod(vx, wx):
    mod = np.fmod(vx, wx)
    if mod != 0.0:
        if (wx < 0.0) != (mod < 0.0):
            mod += wx
    else:
        mod = np.copysign(0.0, wx)
    return mod


# ---------------------------------------------------------------------------
# Binary operators
# ---------------------------------------------------------------------------

@njit(sig("UniTuple(i8, 3)(P, i8, i8, i8)"), cache=CACHE)
def int_binop(st, op, a, b):
    """(tag, payload, status) of a op b for ints (bools included)."""
    if op == OP_ADD:
        r, ok = add_ovf(a, b)
    elif op == OP_SUB:
        r, ok = sub_ovf(a, b)
    elif op == OP_MUL:
        r, ok = mul_ovf(a, b)
    elif op == OP_FLOORDIV or op == OP_MOD:
        if b == 0:
            return INT, 0, fail(st, ERR_ZERO_DIV, 1, 0, 0)
        if b == -1:
            if op == OP_MOD:
                return INT, 0, ST_RUNNING
            if a == INT_MIN:
                return INT, 0, ST_SERVICE     # 2**63: a big int
            return INT, -a, ST_RUNNING
        if op == OP_FLOORDIV:
            return INT, a // b, ST_RUNNING
        return INT, a % b, ST_RUNNING
    elif op == OP_DIV:
        if b == 0:
            return INT, 0, fail(st, ERR_ZERO_DIV, 0, 0, 0)
        if not (-9007199254740992 <= a <= 9007199254740992 and
                -9007199254740992 <= b <= 9007199254740992):
            return INT, 0, ST_SERVICE     # converting first would round twice: exact in the host
        return FLOAT, fbits(np.float64(a) / np.float64(b)), ST_RUNNING
    elif op == OP_POW:
        if b < 0:
            if a == 0:
                return INT, 0, fail(st, ERR_ZERO_DIV, 4, 0, 0)
            return FLOAT, fbits(np.float64(a) ** np.float64(b)), ST_RUNNING
        r, ok = pow_int(a, b)
    elif op == OP_LSHIFT:
        if b < 0:
            return INT, 0, fail(st, ERR_VALUE, VAL_NEG_SHIFT, 0, 0)
        if a == 0:
            return INT, 0, ST_RUNNING
        if b >= 64:     # (a shift by >= 64 is undefined in LLVM; never execute it)
            return INT, 0, ST_SERVICE
        # shift as unsigned (no undefined behaviour), then check nothing was lost
        r = np.int64(np.uint64(a) << np.uint64(b))
        ok = (r >> b) == a
    elif op == OP_RSHIFT:
        if b < 0:
            return INT, 0, fail(st, ERR_VALUE, VAL_NEG_SHIFT, 0, 0)
        if b >= 63:
            return INT, (-1 if a < 0 else 0), ST_RUNNING
        return INT, a >> b, ST_RUNNING
    elif op == OP_AND:
        return INT, a & b, ST_RUNNING
    elif op == OP_OR:
        return INT, a | b, ST_RUNNING
    elif op == OP_XOR:
        return INT, a ^ b, ST_RUNNING
    else:
        return INT, 0, fail(st, ERR_BINOP_TYPES, op, INT, INT)
    if not ok:
        return INT, 0, ST_SERVICE     # the result is a big int: the host computes it
    return INT, r, ST_RUNNING


@njit(cache=CACHE)
def float_binop(st, op, x, y):
    """(tag, payload, status) of x op y for floats."""
    if op == OP_ADD:
        r = x + y
    elif op == OP_SUB:
        r = x - y
    elif op == OP_MUL:
        r = x * y
    elif op == OP_DIV:
        if y == 0.0:
            return FLOAT, 0, fail(st, ERR_ZERO_DIV, 5, 0, 0)
        r = x / y
    elif op == OP_FLOORDIV:
        if y == 0.0:
            return FLOAT, 0, fail(st, ERR_ZERO_DIV, 2, 0, 0)
        r = float_floordiv(x, y)
    elif op == OP_MOD:
        if y == 0.0:
            return FLOAT, 0, fail(st, ERR_ZERO_DIV, 3, 0, 0)
        r = float_mod(x, y)
    elif op == OP_POW:
        if x == 0.0 and y < 0.0 and np.isfinite(y):     # (0.0 ** -inf is inf)
            return FLOAT, 0, fail(st, ERR_ZERO_DIV, 4, 0, 0)
        if x < 0.0 and y != np.floor(y) and np.isfinite(y) and np.isfinite(x):
            return FLOAT, 0, fail(st, ERR_VALUE, VAL_NEG_FRACTIONAL_POW, 0, 0)
        r = x ** y
        if np.isinf(r) and np.isfinite(x) and np.isfinite(y):
            return FLOAT, 0, fail(st, ERR_OVERFLOW, 1, 0, 0)
    else:
        return FLOAT, 0, fail(st, ERR_BINOP_TYPES, op, FLOAT, FLOAT)
    return FLOAT, fbits(r), ST_RUNNING


@njit(sig("b1(i8)"), cache=CACHE)
def is_number(tag):
    return tag == INT or tag == BOOL or tag == FLOAT


@njit(cache=CACHE)
def repeat(st, sp, tag, src, times, slot):
    """seq * n, result into S[sp - slot]."""
    H = H_(st)
    if times < 0:
        times = 0
    n = H[src, B]
    if n != 0 and times > MAX_REPEAT // n:
        return fail(st, ERR_MEMORY, 0, 0, 0)
    total = n * times
    if tag == STR:
        if not heap.reserve(st, 1, 0, total):
            return ST_NEED_MEMORY
        r = heap.new_str(st, total)
        o = H[r, A]
        so = H[src, A]
        for k in range(times):
            for i in range(n):
                CH_(st)[o + k * n + i] = CH_(st)[so + i]
    else:
        if not heap.reserve(st, 1, total, 0):
            return ST_NEED_MEMORY
        if tag == LIST:
            r = heap.new_list(st, total, total)
        else:
            r = heap.new_tuple(st, total)
        o = H[r, A]
        so = H[src, A]
        for k in range(times):
            for i in range(n):
                V_(st)[o + k * n + i, 0] = V_(st)[so + i, 0]
                V_(st)[o + k * n + i, 1] = V_(st)[so + i, 1]
    S_(st)[sp - slot, 0] = tag
    S_(st)[sp - slot, 1] = r
    heap.charge(st, total)
    return ST_RUNNING


@njit(cache=CACHE, entry_sig=sig("(P, i8, i8, i8)"))
def list_extend_inplace(st, sp, a, b):
    """lst += items (items a list or tuple row): extend in place, result is lst."""
    H = H_(st)
    na = H[a, B]
    nb = H[b, B]
    need = heap.list_grow_need(st, a, nb)
    if not heap.reserve(st, 0, need, 0):
        return ST_NEED_MEMORY
    heap.list_make_room(st, a, nb)
    o = H[a, A] + na
    ob = H[b, A]
    for i in range(nb):
        V_(st)[o + i, 0] = V_(st)[ob + i, 0]
        V_(st)[o + i, 1] = V_(st)[ob + i, 1]
    H[a, B] = na + nb
    heap.charge(st, nb)
    return ST_RUNNING


@njit(cache=CACHE)
def seq_binop(st, op, inplace, sp, ta, a, tb, b):
    """+ and * on str, list and tuple; in-place += on a list extends it."""
    H = H_(st)
    S = S_(st)
    if op == OP_ADD and ta == tb and (ta == STR or ta == LIST or ta == TUPLE):
        na = H[a, B]
        nb = H[b, B]
        if ta == STR:
            if na > 0 and nb > 0 and H[a, A] + na == H[b, A]:
                # b's characters follow a's in the arena (s += chr(c), s += f(x): the
                # piece was made just after s): the result is both, copying nothing
                if not heap.reserve(st, 1, 0, 0):
                    return ST_NEED_MEMORY
                r = heap.new_obj(st, STR)
                H[r, A] = H[a, A]
                H[r, B] = na + nb
                S[sp - 2, 1] = r
                heap.charge(st, na + nb)
                return ST_RUNNING
            if na > 0 and H[a, A] + na == R_(st)[R_CTOP]:
                # a's characters end the arena (s += x in a loop): the result shares
                # them and only b's are written, so building a string piece by piece
                # is linear, as CPython's in-place resize.  Strings never change, so
                # sharing characters is safe; the collector copies each string apart.
                if not heap.reserve(st, 1, 0, nb):
                    return ST_NEED_MEMORY
                r = heap.new_obj(st, STR)
                H[r, A] = H[a, A]
                H[r, B] = na + nb
                o = heap.new_chars(st, nb) - na
            else:
                if not heap.reserve(st, 1, 0, na + nb):
                    return ST_NEED_MEMORY
                r = heap.new_str(st, na + nb)
                o = H[r, A]
                for i in range(na):
                    CH_(st)[o + i] = CH_(st)[H[a, A] + i]
            ob = H[b, A]
            for i in range(nb):
                CH_(st)[o + na + i] = CH_(st)[ob + i]
            S[sp - 2, 1] = r
            heap.charge(st, na + nb)
            return ST_RUNNING
        if ta == LIST and inplace:
            return list_extend_inplace(st, sp, a, b)
        if not heap.reserve(st, 1, na + nb, 0):
            return ST_NEED_MEMORY
        if ta == LIST:
            r = heap.new_list(st, na + nb, na + nb)
        else:
            r = heap.new_tuple(st, na + nb)
        o = H[r, A]
        oa = H[a, A]
        ob = H[b, A]
        for i in range(na):
            V_(st)[o + i, 0] = V_(st)[oa + i, 0]
            V_(st)[o + i, 1] = V_(st)[oa + i, 1]
        for i in range(nb):
            V_(st)[o + na + i, 0] = V_(st)[ob + i, 0]
            V_(st)[o + na + i, 1] = V_(st)[ob + i, 1]
        S[sp - 2, 1] = r
        heap.charge(st, na + nb)
        return ST_RUNNING
    if op == OP_MUL:
        if (tb == INT or tb == BOOL) and (ta == STR or ta == LIST or ta == TUPLE):
            return repeat(st, sp, ta, a, b, 2)
        if (ta == INT or ta == BOOL) and (tb == STR or tb == LIST or tb == TUPLE):
            return repeat(st, sp, tb, b, a, 2)
    if op == OP_ADD and inplace and ta == LIST and tb == TUPLE:
        return list_extend_inplace(st, sp, a, b)
    if op == OP_ADD and inplace and ta == LIST:
        return fail(st, ERR_TYPE, 100, ta, tb)   # += any other iterable: the host extends
    if op == OP_MOD and ta == STR:
        return fail(st, ERR_TYPE, 100, ta, tb)   # %-formatting: a host service
    return fail(st, ERR_BINOP_TYPES, op + (16 if inplace else 0), ta, tb)


@njit(cache=CACHE)
def binop(st, op, sp):
    """S[sp-2] = S[sp-2] op S[sp-1] for any operands (op may carry the in-place flag)."""
    S = S_(st)
    inplace = op >= 16
    op = op & 15
    ta = S[sp - 2, 0]
    a = S[sp - 2, 1]
    tb = S[sp - 1, 0]
    b = S[sp - 1, 1]
    if (ta == INT or ta == BOOL) and (tb == INT or tb == BOOL):
        if ta == BOOL and tb == BOOL and (op == OP_AND or op == OP_OR or op == OP_XOR):
            t = BOOL
            if op == OP_AND:
                r = a & b
            elif op == OP_OR:
                r = a | b
            else:
                r = a ^ b
            status = ST_RUNNING
        else:
            t, r, status = int_binop(st, op, a, b)
    elif ta == BIGINT or tb == BIGINT:
        return ST_SERVICE
    elif is_number(ta) and is_number(tb):
        if op >= OP_LSHIFT:
            return fail(st, ERR_BINOP_TYPES, op, ta, tb)
        x = heap.as_float(ta, a)
        y = heap.as_float(tb, b)
        t, r, status = float_binop(st, op, x, y)
    else:
        return seq_binop(st, op, inplace, sp, ta, a, tb, b)
    if status != ST_RUNNING:
        return status
    S[sp - 2, 0] = t
    S[sp - 2, 1] = r
    return ST_RUNNING


# ---------------------------------------------------------------------------
# Unary operators and truth
# ---------------------------------------------------------------------------

@njit(sig("b1(P, i8, i8)"), cache=CACHE)
def truthy(st, tag, val):
    """bool(x) for values that need no user code."""
    if tag == BOOL or tag == INT:
        return val != 0
    if tag == NONE:
        return False
    if tag == FLOAT:
        return fval(val) != 0.0
    if tag == STR or tag == LIST or tag == TUPLE:
        return H_(st)[val, B] != 0
    if tag == DICT:
        return H_(st)[val, 7] != 0
    if tag == DICTVIEW:
        return H_(st)[H_(st)[val, A], 7] != 0
    if tag == SET or tag == FROZENSET:
        return H_(st)[val, B] != 0
    if tag == RANGE:
        return heap.range_len(H_(st)[val, A], H_(st)[val, B], H_(st)[val, C]) != 0
    return True


@njit(cache=CACHE)
def unary(st, op, sp):
    """S[sp-1] = op S[sp-1]; op: 0 -, 1 +, 2 not, 3 ~."""
    S = S_(st)
    t = S[sp - 1, 0]
    v = S[sp - 1, 1]
    if op == 2:
        S[sp - 1, 0] = BOOL
        S[sp - 1, 1] = 0 if truthy(st, t, v) else 1
        return ST_RUNNING
    if t == BIGINT and op != 2:
        return ST_SERVICE
    if t == INT or t == BOOL:
        if op == 0:
            if v == INT_MIN:
                return ST_SERVICE
            S[sp - 1, 1] = -v
        elif op == 3:
            S[sp - 1, 1] = ~v
        S[sp - 1, 0] = INT
        return ST_RUNNING
    if t == FLOAT:
        if op == 0:
            S[sp - 1, 1] = fbits(-fval(v))
            return ST_RUNNING
        if op == 1:
            return ST_RUNNING
    return fail(st, ERR_UNARY_TYPE, op, t, 0)


# ---------------------------------------------------------------------------
# Comparisons
# ---------------------------------------------------------------------------

@njit(cache=CACHE)
def contains(st, tc, c, tx, x):
    """(x in c, status)."""
    H = H_(st)
    V = V_(st)
    if tc == LIST or tc == TUPLE:
        o = H[c, A]
        heap.charge(st, H[c, B])
        for i in range(H[c, B]):
            if heap.values_eq(st, V[o + i, 0], V[o + i, 1], tx, x):
                return True, ST_RUNNING
        return False, ST_RUNNING
    if tc == STR:
        if tx != STR:
            return False, fail(st, ERR_TYPE, 101, tx, 0)
        return heap.str_find(st, c, x, 0, H[c, B]) >= 0, ST_RUNNING
    if tc == SET or tc == FROZENSET:
        if tx == SET:      # CPython looks a set up as the frozenset it equals
            return heap.set_lookup(st, c, tx, x, heap.set_hash_of(st, x)) >= 0, ST_RUNNING
        if not heap.is_hashable(st, tx, x):
            return False, fail(st, ERR_UNHASHABLE, 0, tx, 0)
        return heap.set_lookup(st, c, tx, x, heap.hash_value(st, tx, x)) >= 0, ST_RUNNING
    if tc == DICT or (tc == DICTVIEW and H[c, B] == 0):
        d = c if tc == DICT else H[c, A]
        if not heap.is_hashable(st, tx, x):
            return False, fail(st, ERR_UNHASHABLE, 0, tx, 0)
        return heap.dict_get(st, d, tx, x) >= 0, ST_RUNNING
    if tc == DICTVIEW:
        d = H[c, A]
        o = H[d, A]
        which = H[c, B]
        for e in range(H[d, B]):
            if V[o + 2 * e, 0] == UNDEF:
                continue
            if which == 1 and heap.values_eq(st, V[o + 2 * e + 1, 0], V[o + 2 * e + 1, 1], tx, x):
                return True, ST_RUNNING
            if which == 2 and tx == TUPLE and H[x, B] == 2:
                xo = H[x, A]
                if heap.values_eq(st, V[o + 2 * e, 0], V[o + 2 * e, 1], V[xo, 0], V[xo, 1]) and \
                        heap.values_eq(st, V[o + 2 * e + 1, 0], V[o + 2 * e + 1, 1], V[xo + 1, 0], V[xo + 1, 1]):
                    return True, ST_RUNNING
        return False, ST_RUNNING
    if tc == RANGE:
        if tx == INT or tx == BOOL or (tx == FLOAT and fval(x) == np.floor(fval(x))):
            if tx == FLOAT:
                if not np.isfinite(fval(x)) or abs(fval(x)) > 9e18:
                    return False, ST_RUNNING
                x = np.int64(fval(x))
            start = H[c, A]
            stop = H[c, B]
            step = H[c, C]
            if step > 0:
                inside = start <= x < stop
            else:
                inside = stop < x <= start
            return inside and (x - start) % step == 0, ST_RUNNING
        return False, ST_RUNNING
    return False, fail(st, ERR_TYPE, 102, tc, 0)


@njit(cache=CACHE)
def compare(st, op, sp):
    """S[sp-2] = S[sp-2] cmp S[sp-1] (opcodes.CMPOPS order)."""
    S = S_(st)
    ta = S[sp - 2, 0]
    a = S[sp - 2, 1]
    tb = S[sp - 1, 0]
    b = S[sp - 1, 1]
    if op == 2 or op == 3:
        if (ta == LIST or ta == TUPLE or ta == SET or ta == FROZENSET) and ta == tb:
            heap.charge(st, H_(st)[a, B])
        r = heap.values_eq(st, ta, a, tb, b)
        if op == 3:
            r = not r
    elif op == 6 or op == 7:
        r, status = contains(st, tb, b, ta, a)
        if status != ST_RUNNING:
            return status
        if op == 7:
            r = not r
    elif op == 8 or op == 9:
        r = ta == tb and a == b
        if op == 9:
            r = not r
    else:
        c = heap.compare_order(st, op, ta, a, tb, b)
        if c < 0:
            return fail(st, ERR_CMP_TYPES, op, ta, tb)
        r = c == 1
    if R_(st)[R_DEEP] != 0:
        return ST_RUNNING   # a comparison gave up: the operands stay for the loop's report
    S[sp - 2, 0] = BOOL
    S[sp - 2, 1] = 1 if r else 0
    return ST_RUNNING
