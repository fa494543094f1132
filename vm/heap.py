"""The heap: allocation, strings, sequences, dicts, hashing, equality, ordering, GC.

Numba functions over the State arrays (state.py).  Allocation never fails halfway:
an instruction first asks `reserve` for everything it will allocate; if there is not
room it returns ST_NEED_MEMORY before changing anything, the host collects or grows,
and the instruction runs again from the start.

Objects keep their row in H for life (rows are recycled only after they die), and
every object has a serial number: id() and default hashing use the serial, so they
do not depend on when the collector ran.
"""

import math

import numpy as np
from .jit import njit

from . import CACHE
from .mem import pairs_at, words_at, bytes_at, sig, R_, S_, F_, CODE_, FN_, K_, H_, V_, CH_, G_, MT_, IC_

from .layout import (
    A, B, C, D, E, F, KIND, SERIAL, HEAP, UNDEF, NONE, BOOL, INT, FLOAT, STR, LIST,
    TUPLE, DICT, FUNC, CELL, ITER, SLICE, EXC, DICTVIEW, FREE_KIND, BUILTIN, RANGE,
    SET, FROZENSET, CLASS, INSTANCE, BOUND, WRAPPER, SUPER, MODULE,
    R_SP, R_FP, R_VTOP, R_CTOP, R_HFREE, R_HTOP, R_SERIAL, R_NEED, R_NEED_N,
    R_HLIVE, NEED_OBJECTS, NEED_VALUES, NEED_CHARS, FR_FUNC, R_EXTRA, R_DEEP, BIGINT,
    GEN, GEN_DONE, GEN_SLACK, FN_NLOCALS, FN_STACK, RNG, R_RNG, MT_ROWS,
    FN_MODULE, FR_CODE, PRELUDE_MODULE,
)
from . import bignum

# Row and offset indices are never negative: an unsigned index spares numba's
# wraparound of negative ones (three or four instructions at every subscript; see
# interp.py).
u64 = np.uint64

HASH_MODULUS = (1 << 61) - 1
HASH_INF = 314159
NONE_HASH = 0xFCA86420


# ---------------------------------------------------------------------------
# Allocation
# ---------------------------------------------------------------------------

# Bulk work costs fuel: one unit per WORK_UNIT items copied, compared or scanned,
# on top of the instruction's own unit, so that a time slice stays bounded.
WORK_UNIT = 16
# A deep comparison that expands more container pairs than this gives up and reports
# RecursionError (as CPython does for cyclic data): one instruction must not run forever.
DEEP_LIMIT = 1 << 22


@njit(sig("none(P, i8)"), cache=CACHE)
def charge(st, items):
    """Owe fuel for `items` items of bulk work (the loop collects it)."""
    R_(st)[R_EXTRA] += items // WORK_UNIT


@njit(sig("none(P)"), cache=CACHE)
def ic_bump(st):
    """Invalidate every entry of the attribute cache (fastpath.cached_class_attr):
    a dict gained or lost a key or moved its entries, or the heap was collected.
    Tuples made without a cache (0 rows: the snapshot checks) have nothing to do."""
    IC = IC_(st)
    if IC.shape[0] > 0:
        IC[0, 0] += 1


@njit(sig("b1(P, i8, i8, i8)"), cache=CACHE)
def reserve(st, nobj, nvals, nchars):
    """True if nobj objects, nvals value rows and nchars chars can be allocated now.

    Otherwise record what is missing in R_NEED/R_NEED_N and return False."""
    R = R_(st)
    free_objs = H_(st).shape[0] - R[R_HTOP] + R[R_HLIVE]
    if nobj > free_objs:
        R[R_NEED] = NEED_OBJECTS
        R[R_NEED_N] = nobj
        return False
    if R[R_VTOP] + nvals > V_(st).shape[0]:
        R[R_NEED] = NEED_VALUES
        R[R_NEED_N] = nvals
        return False
    if R[R_CTOP] + nchars > CH_(st).shape[0]:
        R[R_NEED] = NEED_CHARS
        R[R_NEED_N] = nchars
        return False
    return True


@njit(sig("i8(P, i8)"), cache=CACHE)
def new_obj(st, kind):
    """A fresh object row of the given kind (room must have been reserved)."""
    R = R_(st)
    H = H_(st)
    row = R[R_HFREE]
    if row >= 0:
        R[R_HFREE] = H[u64(row), A]
        R[R_HLIVE] -= 1   # R_HLIVE counts free rows on the free list
    else:
        row = R[R_HTOP]
        R[R_HTOP] = row + 1
    ur = u64(row)
    H[ur, KIND] = kind
    H[ur, SERIAL] = R[R_SERIAL]
    R[R_SERIAL] += 1
    H[ur, A] = 0
    H[ur, B] = 0
    H[ur, C] = 0
    H[ur, D] = 0
    H[ur, E] = 0
    H[ur, F] = 0
    if kind == EXC:     # no attribute dict, no script class (yet)
        H[ur, D] = -1
        H[ur, E] = -1
    return row


@njit(sig("i8(P, i8)"), cache=CACHE)
def new_vals(st, n):
    off = R_(st)[R_VTOP]
    R_(st)[R_VTOP] = off + n
    return off


@njit(sig("i8(P, i8)"), cache=CACHE)
def new_chars(st, n):
    off = R_(st)[R_CTOP]
    R_(st)[R_CTOP] = off + n
    return off


# ---------------------------------------------------------------------------
# Strings
# ---------------------------------------------------------------------------

@njit(sig("i8(P, i8)"), cache=CACHE)
def new_str(st, n):
    """A string object of length n with uninitialised chars; fill CH[H[r, A]:...]."""
    r = new_obj(st, STR)
    H_(st)[u64(r), A] = new_chars(st, n)
    H_(st)[u64(r), B] = n
    return r


@njit(sig("i8(P, i8, i8, i8)"), cache=CACHE)
def str_from_slice(st, src, start, n):
    r = new_str(st, n)
    dst = H_(st)[r, A]
    so = H_(st)[src, A] + start
    for i in range(n):
        CH_(st)[dst + i] = CH_(st)[so + i]
    return r


@njit(cache=CACHE)
def str_eq(st, a, b):
    if a == b:
        return True
    H = H_(st)
    n = H[u64(a), B]
    if n != H[u64(b), B]:
        return False
    oa = H[u64(a), A]
    ob = H[u64(b), A]
    CH = CH_(st)
    for i in range(n):
        if CH[u64(oa + i)] != CH[u64(ob + i)]:
            return False
    return True


@njit(sig("i8(P, i8, i8)"), cache=CACHE)
def str_cmp(st, a, b):
    """-1, 0 or 1: the order of two strings by code point."""
    H = H_(st)
    na = H[a, B]
    nb = H[b, B]
    oa = H[a, A]
    ob = H[b, A]
    CH = CH_(st)
    n = na if na < nb else nb
    for i in range(n):
        ca = CH[oa + i]
        cb = CH[ob + i]
        if ca != cb:
            return -1 if ca < cb else 1
    if na == nb:
        return 0
    return -1 if na < nb else 1


@njit(cache=CACHE)
def str_find(st, hay, needle, start, end):
    """Index of needle in hay[start:end], or -1 (start/end already clamped)."""
    H = H_(st)
    CH = CH_(st)
    m = H[needle, B]
    oh = H[hay, A]
    on = H[needle, A]
    for i in range(start, end - m + 1):
        ok = True
        for j in range(m):
            if CH[oh + i + j] != CH[on + j]:
                ok = False
                break
        if ok:
            return i
    return -1


@njit(cache=CACHE)
def str_hash(st, r):
    """A deterministic, platform-independent hash of a string (FNV-1a, 64-bit)."""
    H = H_(st)
    ur = u64(r)
    if H[ur, D] == 1:
        return H[ur, C]
    h = np.uint64(14695981039346656037)
    o = H[ur, A]
    for i in range(H[ur, B]):
        h = (h ^ np.uint64(CH_(st)[u64(o + i)])) * np.uint64(1099511628211)
    v = np.int64(h >> np.uint64(2))
    if v == -1:
        v = -2
    H[ur, C] = v
    H[ur, D] = 1
    return v


# ---------------------------------------------------------------------------
# Sequences
# ---------------------------------------------------------------------------

@njit(sig("i8(P, i8, i8)"), cache=CACHE)
def new_list(st, n, cap):
    """A list of length n (items uninitialised) with room for cap items."""
    if cap < n:
        cap = n
    r = new_obj(st, LIST)
    H_(st)[r, A] = new_vals(st, cap)
    H_(st)[r, B] = n
    H_(st)[r, C] = cap
    return r


@njit(sig("i8(P, i8)"), cache=CACHE)
def new_tuple(st, n):
    r = new_obj(st, TUPLE)
    H_(st)[u64(r), A] = new_vals(st, n)
    H_(st)[u64(r), B] = n
    return r


@njit(sig("i8(P, i8, i8)"), cache=CACHE)
def list_grow_need(st, r, extra):
    """Value rows needed before `extra` items can be added to list r (0 if it fits)."""
    n = H_(st)[r, B] + extra
    cap = H_(st)[r, C]
    if n <= cap:
        return 0
    newcap = cap * 2
    if newcap < n:
        newcap = n
    if newcap < 4:
        newcap = 4
    return newcap


@njit(sig("none(P, i8, i8)"), cache=CACHE)
def list_make_room(st, r, extra):
    """Make room for extra more items (the value rows must have been reserved)."""
    newcap = list_grow_need(st, r, extra)
    if newcap == 0:
        return
    H = H_(st)
    V = V_(st)
    off = new_vals(st, newcap)
    old = H[r, A]
    for i in range(H[r, B]):
        V[off + i, 0] = V[old + i, 0]
        V[off + i, 1] = V[old + i, 1]
    H[r, A] = off
    H[r, C] = newcap


@njit(sig("none(P, i8, i8, i8)"), cache=CACHE)
def list_push(st, r, tag, val):
    """Append to a list that has room (see list_make_room)."""
    H = H_(st)
    i = H[r, A] + H[r, B]
    V_(st)[i, 0] = tag
    V_(st)[i, 1] = val
    H[r, B] += 1


# ---------------------------------------------------------------------------
# Hashing and equality
# ---------------------------------------------------------------------------

@njit(cache=CACHE)
def int_hash(v):
    """CPython's hash of an int that fits in 64 bits."""
    if v >= 0:
        h = v % HASH_MODULUS
    elif v == -9223372036854775807 - 1:
        h = -4    # 2**63 % (2**61 - 1) == 4
    else:
        h = -((-v) % HASH_MODULUS)
    if h == -1:
        h = -2
    return h


@njit(cache=CACHE)
def float_hash(x):
    """CPython's hash of a float (so that hash(2.0) == hash(2))."""
    if x != x:
        return 0
    if x == np.inf:
        return HASH_INF
    if x == -np.inf:
        return -HASH_INF
    if x == np.floor(x) and abs(x) < 9.2e18:
        return int_hash(np.int64(x))
    m, e = math.frexp(x)
    sign = 1
    if m < 0:
        sign = -1
        m = -m
    # CPython's algorithm: consume 28 bits of mantissa at a time, modulo 2**61 - 1
    h = np.int64(0)
    e = np.int64(e)
    while m != 0.0:
        h = ((h << 28) & HASH_MODULUS) | (h >> (61 - 28))
        m *= 268435456.0
        e -= 28
        y = np.int64(m)
        m -= y
        h += y
        if h >= HASH_MODULUS:
            h -= HASH_MODULUS
    if e >= 0:
        e = e % 61
    else:
        e = 61 - 1 - ((-1 - e) % 61)
    h = ((h << e) & HASH_MODULUS) | (h >> (61 - e))
    h = h * sign
    if h == -1:
        h = -2
    return h


@njit(cache=CACHE)
def _grow1(a):
    b = np.empty(2 * a.shape[0], a.dtype)
    b[: a.shape[0]] = a
    return b


@njit(sig("UniTuple(i8, 2)(P, i8, i8)"), cache=CACHE)
def key_value(st, tag, val):
    """What a value is as a dict key or set element: an instance of a subclass of a
    builtin type whose class keeps the type's __hash__ and __eq__ (CLASS F bit 1) is
    the value it holds (as in CPython, P((1, 2)) finds the key (1, 2)); any other
    value is itself."""
    if tag == INSTANCE:
        H = H_(st)
        cls = H[val, A]
        if H[val, C] != UNDEF and cls >= 0 and H[cls, F] & 1:
            return H[val, C], H[val, D]
    return tag, val


@njit(sig("b1(P, i8)"), cache=CACHE)
def script_hashed(st, r):
    """Whether instance r's class has a script __eq__ (CLASS F bit 2): its hash is its
    script __hash__'s, cached in the instance (E, with F = 1) by the prelude."""
    H = H_(st)
    return H[r, A] >= 0 and H[H[r, A], F] & 2 != 0


@njit(sig("b1(P, i8)"), cache=CACHE)
def key_ready(st, r):
    """A script-hashed instance may be used as a key natively only by the prelude,
    once it has cached the instance's hash (and found the equal stored key)."""
    if H_(st)[r, F] != 1:
        return False
    return FN_(st)[F_(st)[R_(st)[R_FP], FR_CODE], FN_MODULE] == PRELUDE_MODULE


@njit(sig("b1(P, i8, i8)"), cache=CACHE)
def is_hashable(st, tag, val):
    """False for lists, dicts and tuples that contain them (checked without recursion),
    and for instances whose hash and equality are script code outside the prelude's
    key functions (the host then hands the instruction to the prelude)."""
    tag, val = key_value(st, tag, val)
    if tag == LIST or tag == DICT or tag == SET or tag == SLICE:
        return False
    if tag == DICTVIEW:
        return H_(st)[val, B] == 1      # only a values view hashes (by identity)
    if tag == INSTANCE:
        return not script_hashed(st, val) or key_ready(st, val)
    if tag != TUPLE:
        return True
    H = H_(st)
    V = V_(st)
    work = np.empty(16, np.int64)
    work[0] = val
    top = 1
    while top > 0:
        top -= 1
        r = work[top]
        o = H[r, A]
        for i in range(H[r, B]):
            t, v = key_value(st, V[o + i, 0], V[o + i, 1])
            if t == LIST or t == DICT or t == SET or t == SLICE or t == DICTVIEW and H[v, B] != 1:
                return False
            if t == INSTANCE and script_hashed(st, v) and not key_ready(st, v):
                return False
            if t == TUPLE and H[v, D] != 1:
                if top == work.shape[0]:
                    work = _grow1(work)
                work[top] = v
                top += 1
    return True


@njit(cache=CACHE)
def _grow2(a):
    b = np.empty((2 * a.shape[0], a.shape[1]), a.dtype)
    b[: a.shape[0]] = a
    return b


# ---------------------------------------------------------------------------
# Sets: the read-only half (lookups, hashing, equality); sets.py changes them.
#
# A set's table is CPython 3.11's: open addressing over 2**k slots, 9 linear probes
# before each perturbed jump.  Slot i is two value rows at H[s, A] + 2i: (tag,
# payload) and (hash, 0).  Empty: (UNDEF, 0); dummy (deleted): (UNDEF, 1), hash -1.
# ---------------------------------------------------------------------------

LINEAR_PROBES = 9


@njit(sig("b1(i8)"), cache=CACHE)
def is_set_kind(tag):
    return tag == SET or tag == FROZENSET


@njit(sig("i8(P, i8)"), cache=CACHE)
def set_hash_of(st, s):
    """CPython's frozenset hash of the elements of set s (from the stored hashes)."""
    H = H_(st)
    V = V_(st)
    o = H[s, A]
    h = np.uint64(0)
    for i in range(H[s, E]):
        if V[o + 2 * i, 0] != UNDEF:
            x = np.uint64(V[o + 2 * i + 1, 0])
            h ^= ((x ^ np.uint64(89869747)) ^ (x << np.uint64(16))) * np.uint64(3644798167)
    h ^= (np.uint64(H[s, B]) + np.uint64(1)) * np.uint64(1927868237)
    h ^= (h >> np.uint64(11)) ^ (h >> np.uint64(25))
    h = h * np.uint64(69069) + np.uint64(907133923)
    r = np.int64(h)
    if r == -1:
        r = 590923713
    return r


@njit(sig("i8(P, i8)"), cache=CACHE)
def frozenset_hash(st, s):
    """hash() of a frozenset (cached in the object); a set hashes the same way when
    CPython looks it up as a frozenset (`{1} in {frozenset({1})}`)."""
    H = H_(st)
    if H[s, KIND] == FROZENSET and H[s, F] == 1:
        return H[s, D]
    r = set_hash_of(st, s)
    if H[s, KIND] == FROZENSET:
        H[s, D] = r
        H[s, F] = 1
    return r


@njit(sig("i8(P, i8, i8)"), cache=CACHE)
def _ident_hash(st, tag, val):
    """A hash of a value's identity: its serial for heap objects, else the payload."""
    if tag >= HEAP:
        return H_(st)[val, SERIAL] * 16 + 5
    return val * 31 + tag


@njit(cache=CACHE)
def hash_scalar(st, tag, val):
    """hash() of a hashable value that is not an unhashed tuple."""
    tag, val = key_value(st, tag, val)
    if tag == INT:
        return int_hash(val)
    if tag == BOOL:
        return val
    if tag == FLOAT:
        return float_hash(np.int64(val).view(np.float64))
    if tag == STR:
        return str_hash(st, val)
    if tag == NONE:
        return NONE_HASH
    if tag == TUPLE:
        return H_(st)[val, C]   # only reached once hashed
    if tag == BIGINT:     # (not charged, like str hashes: snapshot loading rehashes)
        return bignum.big_hash(st, val)
    if tag == BUILTIN:
        return val * 31 + 7
    if tag == FROZENSET:
        return frozenset_hash(st, val)
    if tag == INSTANCE and H_(st)[val, F] == 1 and script_hashed(st, val):
        return H_(st)[val, E]       # what its __hash__ returned (heap.key_ready)
    if tag == BOUND:                # equal bound methods (same self, same function)
        H = H_(st)
        return _ident_hash(st, H[val, A], H[val, B]) * 1000003 ^ _ident_hash(st, H[val, C], H[val, D])
    # identity hash: by serial, never by row or address
    return H_(st)[val, SERIAL] * 16 + 5


_P1 = np.uint64(11400714785074694791)
_P2 = np.uint64(14029467366897019727)
_P5 = np.uint64(2870177450012600261)


@njit(sig("i8(P, i8, i8)"), cache=CACHE)
def hash_value(st, tag, val):
    """hash() of a hashable value (check is_hashable first).

    Tuples use CPython's xxHash-based combination; nested tuples are hashed with an
    explicit stack of (tuple, next item, accumulator) so nesting depth cannot
    overflow the native stack.  Each tuple caches its hash."""
    if tag == STR:      # the common key, without key_value's and hash_scalar's tests
        return str_hash(st, val)
    tag, val = key_value(st, tag, val)
    if tag != TUPLE or H_(st)[val, D] == 1:
        return hash_scalar(st, tag, val)
    H = H_(st)
    V = V_(st)
    stack = np.empty((16, 3), np.uint64)
    stack[0, 0] = np.uint64(val)
    stack[0, 1] = np.uint64(0)
    stack[0, 2] = _P5
    top = 1
    while True:
        r = np.int64(stack[top - 1, 0])
        i = np.int64(stack[top - 1, 1])
        n = H[r, B]
        if i < n:
            o = H[r, A] + i
            t, v = key_value(st, V[o, 0], V[o, 1])
            if t == TUPLE and H[v, D] != 1:
                if top == stack.shape[0]:
                    stack = _grow2(stack)
                stack[top, 0] = np.uint64(v)
                stack[top, 1] = np.uint64(0)
                stack[top, 2] = _P5
                top += 1
                continue
            acc = stack[top - 1, 2]
            acc += np.uint64(hash_scalar(st, t, v)) * _P2
            acc = (acc << np.uint64(31)) | (acc >> np.uint64(33))
            stack[top - 1, 2] = acc * _P1
            stack[top - 1, 1] = np.uint64(i + 1)
            continue
        acc = stack[top - 1, 2] + (np.uint64(n) ^ (_P5 ^ np.uint64(3527539)))
        h = np.int64(acc)
        if h == -1:
            h = 1546275796
        H[r, C] = h
        H[r, D] = 1
        top -= 1
        if top == 0:
            return h


@njit(sig("f8(i8, i8)"), cache=CACHE)
def as_float(tag, val):
    if tag == FLOAT:
        return np.int64(val).view(np.float64)
    return np.float64(val)


@njit(cache=CACHE)
def float_int_eq(x, i):
    """x is integral and within int64 range: equal to i exactly?"""
    if x >= 9.223372036854775807e18 or x < -9.223372036854775808e18:
        return False
    return np.int64(x) == i


@njit(cache=CACHE)
def range_len(start, stop, step):
    """len(range(start, stop, step)), computed without signed overflow; lengths
    beyond 2**60 are reported as 2**60 (no VM could hold them anyway)."""
    if step > 0:
        if stop <= start:
            return 0
        n = (np.uint64(stop) - np.uint64(start) - np.uint64(1)) // np.uint64(step) + np.uint64(1)
    else:
        if stop >= start:
            return 0
        mstep = np.uint64(-(step + 1)) + np.uint64(1)
        n = (np.uint64(start) - np.uint64(stop) - np.uint64(1)) // mstep + np.uint64(1)
    if n > np.uint64(1 << 60):
        return np.int64(1 << 60)
    return np.int64(n)


@njit(cache=CACHE)
def range_eq(st, a, b):
    H = H_(st)
    na = range_len(H[a, A], H[a, B], H[a, C])
    nb = range_len(H[b, A], H[b, B], H[b, C])
    if na != nb:
        return False
    if na == 0:
        return True
    if H[a, A] != H[b, A]:
        return False
    return na == 1 or H[a, C] == H[b, C]


@njit(sig("b1(P, i8, i8, i8, i8)"), cache=CACHE)
def big_eq_any(st, ta, a, tb, b):
    """== where one side is a BIGINT: never equal to an INT (ints are normalized)."""
    if ta == BIGINT and tb == BIGINT:
        charge(st, H_(st)[a, B])
        return bignum.big_eq(st, a, b)
    if tb == BIGINT:
        ta, a, tb, b = tb, b, ta, a
    if tb == FLOAT:
        y = np.int64(b).view(np.float64)
        return y == y and bignum.big_float_cmp(st, a, y) == 0
    return False


@njit(sig("i8(P, i8, i8, i8, i8)"), cache=CACHE)
def big_order(st, ta, a, tb, b):
    """-1, 0 or 1 for numbers one of which is a BIGINT; 2 if a NaN is involved."""
    if ta == BIGINT and tb == BIGINT:
        charge(st, H_(st)[a, B])
        return bignum.big_cmp(st, a, b)
    flip = 1
    if tb == BIGINT:
        ta, a, tb, b = tb, b, ta, a
        flip = -1
    if tb == FLOAT:
        y = np.int64(b).view(np.float64)
        if y != y:
            return 2
        return flip * bignum.big_float_cmp(st, a, y)
    return flip * H_(st)[a, C]     # against an int64: the sign decides


@njit(sig("b1(P, i8, i8, i8, i8)"), cache=CACHE)
def scalar_eq(st, ta, a, tb, b):
    """== for numbers and strings; for other kinds, identity (callers handle containers)."""
    ta, a = key_value(st, ta, a)
    tb, b = key_value(st, tb, b)
    if ta == tb and a == b and ta != FLOAT:
        return True
    if ta == BIGINT or tb == BIGINT:
        return big_eq_any(st, ta, a, tb, b)
    na = ta == INT or ta == BOOL or ta == FLOAT
    nb = tb == INT or tb == BOOL or tb == FLOAT
    if na and nb:
        if ta != FLOAT and tb != FLOAT:
            return a == b
        if ta == FLOAT and tb == FLOAT:
            return as_float(ta, a) == as_float(tb, b)
        # int vs float: compare exactly, not by rounding the int
        if ta == FLOAT:
            x = as_float(ta, a)
            i = b
        else:
            x = as_float(tb, b)
            i = a
        return x == np.floor(x) and float_int_eq(x, i)
    if ta == STR and tb == STR:
        return str_eq(st, a, b)
    if ta == RANGE and tb == RANGE:
        return range_eq(st, a, b)
    if ta == BOUND and tb == BOUND:     # the same function bound to the same object
        H = H_(st)
        return H[a, A] == H[b, A] and H[a, B] == H[b, B] and H[a, C] == H[b, C] \
            and H[a, D] == H[b, D]
    return False


@njit(sig("b1(P, i8, i8, i8, i8)"), cache=CACHE)
def needs_script_eq(st, ta, a, tb, b):
    """Whether == between these two values runs a script's __eq__: one is an instance
    whose class defines it (CLASS F bit 2) and the other is not that same instance."""
    if ta == tb and a == b:
        return False
    H = H_(st)
    if ta == INSTANCE and H[a, A] >= 0 and H[H[a, A], F] & 2:
        return True
    return tb == INSTANCE and H[b, A] >= 0 and H[H[b, A], F] & 2 != 0


@njit(sig("b1(P, i8, i8, i8, i8)"), cache=CACHE)
def _elem_eq_shallow(st, ta, a, tb, b):
    """Equality of two elements whose hashes are equal, without descending into
    containers (nested tuples and frozensets count as equal when their hashes are)."""
    ca = ta == TUPLE or ta == FROZENSET or ta == SET
    cb = tb == TUPLE or tb == FROZENSET or tb == SET
    if ca or cb:
        return ca and cb and ((ta == TUPLE) == (tb == TUPLE))
    return scalar_eq(st, ta, a, tb, b)


@njit(sig("b1(P, i8, i8)"), cache=CACHE)
def fs_eq_shallow(st, a, b):
    """Set equality one level down (inside a hashed key): same size, and every
    element of a has an element of b with the same hash that is equal (elements that
    are containers are compared by hash)."""
    if a == b:
        return True
    H = H_(st)
    V = V_(st)
    if H[a, B] != H[b, B]:
        return False
    o = H[a, A]
    mask = np.uint64(H[b, E] - 1)
    ob = H[b, A]
    for k in range(H[a, E]):
        t = V[o + 2 * k, 0]
        if t == UNDEF:
            continue
        h = V[o + 2 * k + 1, 0]
        perturb = np.uint64(h)
        i = np.uint64(h) & mask
        found = False
        while not found:
            probes = LINEAR_PROBES if i + np.uint64(LINEAR_PROBES) <= mask else 0
            j = np.int64(i)
            empty = False
            while True:
                tj = V[ob + 2 * j, 0]
                if tj == UNDEF:
                    if V[ob + 2 * j, 1] == 0:
                        empty = True
                        break
                elif V[ob + 2 * j + 1, 0] == h and _elem_eq_shallow(
                        st, tj, V[ob + 2 * j, 1], t, V[o + 2 * k, 1]):
                    found = True
                    break
                if probes == 0:
                    break
                probes -= 1
                j += 1
            if empty:
                return False
            perturb >>= np.uint64(5)
            i = (i * np.uint64(5) + np.uint64(1) + perturb) & mask
    return True


@njit(cache=CACHE)
def key_eq(st, ta, a, tb, b):
    """== for hashable values (dict keys): scalars and tuples, no recursion."""
    ta, a = key_value(st, ta, a)
    tb, b = key_value(st, tb, b)
    if is_set_kind(ta) and is_set_kind(tb):
        return fs_eq_shallow(st, a, b)
    if ta != TUPLE or tb != TUPLE:
        return scalar_eq(st, ta, a, tb, b)
    # tuples of keys: compare item pairs with an explicit stack (no dicts inside keys,
    # so this need not call dict lookups, which call key_eq)
    H = H_(st)
    V = V_(st)
    work = np.empty((16, 4), np.int64)
    work[0, 0] = ta
    work[0, 1] = a
    work[0, 2] = tb
    work[0, 3] = b
    top = 1
    while top > 0:
        top -= 1
        ta = work[top, 0]
        a = work[top, 1]
        tb = work[top, 2]
        b = work[top, 3]
        ta, a = key_value(st, ta, a)
        tb, b = key_value(st, tb, b)
        if ta != TUPLE or tb != TUPLE:
            if is_set_kind(ta) and is_set_kind(tb):
                if not fs_eq_shallow(st, a, b):
                    return False
            elif not scalar_eq(st, ta, a, tb, b):
                return False
            continue
        if a == b:
            continue
        n = H[a, B]
        if n != H[b, B]:
            return False
        if top + n > work.shape[0]:
            work = _grow2(work)
            while top + n > work.shape[0]:
                work = _grow2(work)
        for i in range(n - 1, -1, -1):
            work[top, 0] = V[H[a, A] + i, 0]
            work[top, 1] = V[H[a, A] + i, 1]
            work[top, 2] = V[H[b, A] + i, 0]
            work[top, 3] = V[H[b, A] + i, 1]
            top += 1
    return True


@njit(sig("i8(P, i8, i8, i8, i8)"), cache=CACHE)
def set_lookup(st, s, tag, val, h):
    """The slot holding an element equal to (tag, val) with hash h, or -1."""
    H = H_(st)
    V = V_(st)
    o = H[s, A]
    mask = np.uint64(H[s, E] - 1)
    perturb = np.uint64(h)
    i = np.uint64(h) & mask
    while True:
        probes = LINEAR_PROBES if i + np.uint64(LINEAR_PROBES) <= mask else 0
        j = np.int64(i)
        while True:
            t = V[o + 2 * j, 0]
            if t == UNDEF:
                if V[o + 2 * j, 1] == 0:
                    return -1
            elif V[o + 2 * j + 1, 0] == h and key_eq(st, t, V[o + 2 * j, 1], tag, val):
                return j
            if probes == 0:
                break
            probes -= 1
            j += 1
        perturb >>= np.uint64(5)
        i = (i * np.uint64(5) + np.uint64(1) + perturb) & mask


@njit(sig("b1(P, i8, i8)"), cache=CACHE)
def set_subset(st, a, b):
    """Every element of set a is in set b."""
    H = H_(st)
    V = V_(st)
    if a == b:
        return True
    if H[a, B] > H[b, B]:
        return False
    o = H[a, A]
    charge(st, H[a, E])
    for i in range(H[a, E]):
        t = V[o + 2 * i, 0]
        if t != UNDEF and set_lookup(st, b, t, V[o + 2 * i, 1], V[o + 2 * i + 1, 0]) < 0:
            return False
    return True


@njit(sig("b1(P, i8, i8)"), cache=CACHE)
def set_equal(st, a, b):
    H = H_(st)
    if a == b:
        return True
    if H[a, B] != H[b, B]:
        return False
    if H[a, KIND] == FROZENSET and H[b, KIND] == FROZENSET and H[a, F] == 1 \
            and H[b, F] == 1 and H[a, D] != H[b, D]:
        return False
    return set_subset(st, a, b)


@njit(sig("i8(P, i8, i8, i8)"), cache=CACHE)
def set_order(st, op, a, b):
    """0/1 for a < b, <=, >, >= (op 0, 1, 4, 5) between sets: subset tests."""
    H = H_(st)
    if op == 0:
        r = H[a, B] < H[b, B] and set_subset(st, a, b)
    elif op == 1:
        r = set_subset(st, a, b)
    elif op == 4:
        r = H[a, B] > H[b, B] and set_subset(st, b, a)
    else:
        r = set_subset(st, b, a)
    return 1 if r else 0


@njit(cache=CACHE)
def dict_lookup(st, d, tag, val, h):
    """(index slot, entry) for a key: entry -1 if absent, slot is where to insert."""
    H = H_(st)
    V = V_(st)
    io = H[u64(d), D]
    mask = H[u64(d), E] - 1
    eo = H[u64(d), A]
    perturb = np.uint64(h)
    i = np.int64(np.uint64(h) & np.uint64(mask))
    while True:
        e = V[u64(io + i), 0]
        if e == -1:
            return i, -1
        if V[u64(io + i), 1] == h:
            kt = V[u64(eo + 2 * e), 0]
            if kt == STR and tag == STR:    # the common key, without key_eq's tests
                if str_eq(st, V[u64(eo + 2 * e), 1], val):
                    return i, e
            elif kt != UNDEF and key_eq(st, kt, V[u64(eo + 2 * e), 1], tag, val):
                return i, e
        perturb >>= np.uint64(5)
        i = np.int64((np.uint64(i) * np.uint64(5) + np.uint64(1) + perturb) & np.uint64(mask))


@njit(sig("i8(P, i8, i8, i8)"), cache=CACHE)
def dict_get(st, d, tag, val):
    """Entry number of a (hashable) key, or -1."""
    h = hash_value(st, tag, val)
    slot, e = dict_lookup(st, d, tag, val, h)
    return e


@njit(cache=CACHE)
def _deep_eq(st, ta, a, tb, b):
    """Deep equality of containers with an explicit work stack of value pairs."""
    H = H_(st)
    V = V_(st)
    work = np.empty((16, 4), np.int64)
    work[0, 0] = ta
    work[0, 1] = a
    work[0, 2] = tb
    work[0, 3] = b
    top = 1
    expanded = 0
    while top > 0:
        expanded += 1
        if expanded > DEEP_LIMIT:
            R_(st)[R_DEEP] = 1
            return False
        top -= 1
        ta = work[top, 0]
        a = work[top, 1]
        tb = work[top, 2]
        b = work[top, 3]
        ta, a = key_value(st, ta, a)
        tb, b = key_value(st, tb, b)
        if is_set_kind(ta) and is_set_kind(tb):
            if not set_equal(st, a, b):
                return False
            continue
        if ta != tb or not (ta == TUPLE or ta == LIST or ta == DICT):
            if needs_script_eq(st, ta, a, tb, b):
                R_(st)[R_DEEP] = 2      # the prelude compares these containers instead
                return False
            if not scalar_eq(st, ta, a, tb, b):
                return False
            continue
        if a == b:
            continue
        if ta == DICT:
            if H[a, F] != H[b, F]:
                return False
            eo = H[a, A]
            for e in range(H[a, B]):
                kt = V[eo + 2 * e, 0]
                if kt == UNDEF:
                    continue
                f = dict_get(st, b, kt, V[eo + 2 * e, 1])
                if f < 0:
                    return False
                fo = H[b, A] + 2 * f
                if top == work.shape[0]:
                    work = _grow2(work)
                work[top, 0] = V[eo + 2 * e + 1, 0]
                work[top, 1] = V[eo + 2 * e + 1, 1]
                work[top, 2] = V[fo + 1, 0]
                work[top, 3] = V[fo + 1, 1]
                top += 1
            continue
        n = H[a, B]
        if n != H[b, B]:
            return False
        oa = H[a, A]
        ob = H[b, A]
        # push in reverse so the first items are compared first
        for i in range(n - 1, -1, -1):
            if top == work.shape[0]:
                work = _grow2(work)
            work[top, 0] = V[oa + i, 0]
            work[top, 1] = V[oa + i, 1]
            work[top, 2] = V[ob + i, 0]
            work[top, 3] = V[ob + i, 1]
            top += 1
    return True


@njit(sig("b1(P, i8, i8, i8, i8)"), cache=CACHE)
def values_eq(st, ta, a, tb, b):
    """Python's == for values that need no user code (numbers, str, containers)."""
    if ta == tb and (ta == TUPLE or ta == LIST or ta == DICT):
        if a == b:
            return True
        return _deep_eq(st, ta, a, tb, b)
    if is_set_kind(ta) and is_set_kind(tb):
        return set_equal(st, a, b)
    if needs_script_eq(st, ta, a, tb, b):
        R_(st)[R_DEEP] = 2      # the instruction runs in the prelude instead
        return False
    return scalar_eq(st, ta, a, tb, b)


# ---------------------------------------------------------------------------
# Dicts: insertion-ordered entries plus an open-addressing index
# ---------------------------------------------------------------------------

@njit(sig("i8(i8)"), cache=CACHE)
def dict_index_size(nentries):
    size = 8
    while size * 2 < nentries * 3:
        size *= 2
    return size


@njit(sig("i8(P, i8)"), cache=CACHE)
def new_dict(st, cap):
    """An empty dict with room for cap entries (reserve 1 + dict_rows(cap) first)."""
    if cap < 4:
        cap = 4
    size = dict_index_size(cap)
    r = new_obj(st, DICT)
    H = H_(st)
    H[r, A] = new_vals(st, 2 * cap)
    H[r, C] = cap
    H[r, D] = new_vals(st, size)
    H[r, E] = size
    V = V_(st)
    for i in range(size):
        V[H[r, D] + i, 0] = -1
    return r


@njit(sig("i8(i8)"), cache=CACHE)
def dict_rows(cap):
    if cap < 4:
        cap = 4
    return 2 * cap + dict_index_size(cap)


@njit(sig("i8(P, i8)"), cache=CACHE)
def dict_set_need(st, d):
    """Value rows that dict_set may need for one new key."""
    H = H_(st)
    if H[d, B] < H[d, C]:
        return 0
    return dict_rows(2 * H[d, F] + 4)


@njit(cache=CACHE)
def index_insert(st, io, mask, entry, h):
    """Put entry (with hash h) in the first free slot of its probe sequence in the
    index at V[io:io+mask+1] (the index always has free slots)."""
    V = V_(st)
    perturb = np.uint64(h)
    i = np.int64(np.uint64(h) & np.uint64(mask))
    while V[u64(io + i), 0] != -1:
        perturb >>= np.uint64(5)
        i = np.int64((np.uint64(i) * np.uint64(5) + np.uint64(1) + perturb) & np.uint64(mask))
    V[u64(io + i), 0] = entry
    V[u64(io + i), 1] = h


@njit(cache=CACHE)
def dict_resize(st, d, cap):
    """Move the live entries into fresh storage with capacity cap."""
    ic_bump(st)
    H = H_(st)
    V = V_(st)
    size = dict_index_size(cap)
    neo = new_vals(st, 2 * cap)
    nio = new_vals(st, size)
    for i in range(size):
        V[nio + i, 0] = -1
    mask = size - 1
    eo = H[d, A]
    n = 0
    if H[d, F] == H[d, B] and cap >= H[d, B]:
        # no deleted entries: entry numbers stay, and the old index holds each
        # entry's hash once (hashing the keys again would read every key's H row)
        n = H[d, B]
        for i in range(2 * n):
            V[neo + i, 0] = V[eo + i, 0]
            V[neo + i, 1] = V[eo + i, 1]
        oio = H[d, D]
        for i in range(H[d, E]):
            e = V[oio + i, 0]
            if e >= 0:
                index_insert(st, nio, mask, e, V[oio + i, 1])
    else:
        for e in range(H[d, B]):
            kt = V[eo + 2 * e, 0]
            if kt == UNDEF:
                continue
            V[neo + 2 * n, 0] = kt
            V[neo + 2 * n, 1] = V[eo + 2 * e, 1]
            V[neo + 2 * n + 1, 0] = V[eo + 2 * e + 1, 0]
            V[neo + 2 * n + 1, 1] = V[eo + 2 * e + 1, 1]
            index_insert(st, nio, mask, n, hash_value(st, kt, V[neo + 2 * n, 1]))
            n += 1
    H[d, A] = neo
    H[d, B] = n
    H[d, C] = cap
    H[d, D] = nio
    H[d, E] = size
    H[d, F] = n


@njit(sig("i8(P, i8, i8, i8, i8, i8, i8, i8)"), cache=CACHE, inline="always")
def entry_append(st, d, slot, h, kt, kv, vt, vv):
    """Append the entry (k, v) with hash h to dict row d, which has room for it, and
    point its free index slot `slot` at it.  Returns the entry index."""
    H = H_(st)
    V = V_(st)
    ud = u64(d)
    e = H[ud, B]
    eo = u64(H[ud, A] + 2 * e)
    V[eo, 0] = kt
    V[eo, 1] = kv
    V[eo + u64(1), 0] = vt
    V[eo + u64(1), 1] = vv
    io = u64(H[ud, D] + slot)
    V[io, 0] = e
    V[io, 1] = h
    H[ud, B] = e + 1
    H[ud, F] += 1
    return e


@njit(sig("none(P, i8, i8, i8, i8, i8)"), cache=CACHE)
def dict_set(st, d, kt, kv, vt, vv):
    """d[k] = v (rows per dict_set_need reserved; the key is hashable)."""
    H = H_(st)
    V = V_(st)
    h = hash_value(st, kt, kv)
    slot, e = dict_lookup(st, d, kt, kv, h)
    if e >= 0:
        eo = H[d, A] + 2 * e
        V[eo + 1, 0] = vt
        V[eo + 1, 1] = vv
        return
    ic_bump(st)         # a new key (class namespaces are dicts: fastpath.py)
    if H[d, B] >= H[d, C]:
        dict_resize(st, d, 2 * H[d, F] + 4)
        slot, e = dict_lookup(st, d, kt, kv, h)
    entry_append(st, d, slot, h, kt, kv, vt, vv)


@njit(cache=CACHE, entry_sig=sig("(P, i8, i8)"))
def dict_delete_entry(st, d, e):
    """Remove entry e (its index slot keeps pointing at the emptied entry)."""
    ic_bump(st)
    eo = H_(st)[d, A] + 2 * e
    V_(st)[eo, 0] = UNDEF
    V_(st)[eo, 1] = 0
    V_(st)[eo + 1, 0] = UNDEF
    V_(st)[eo + 1, 1] = 0
    H_(st)[d, F] -= 1


@njit(sig("i8(i8, f8)"), cache=CACHE)
def int_float_cmp(i, y):
    """Exact order of int i against float y (not NaN)."""
    if y >= 9223372036854775808.0:     # 2**63: above every int64 (floor would wrap)
        return -1
    if y < -9223372036854775808.0:     # below -2**63
        return 1
    fl = np.floor(y)
    j = np.int64(fl)
    if i < j:
        return -1
    if i > j:
        return 1
    return 0 if fl == y else -1


@njit(sig("i8(i8, i8)"), cache=CACHE)
def apply_order(op, c):
    if op == 0:
        return 1 if c < 0 else 0
    if op == 1:
        return 1 if c <= 0 else 0
    if op == 4:
        return 1 if c > 0 else 0
    return 1 if c >= 0 else 0


# ---------------------------------------------------------------------------
# Ordering (<, <=, >, >=) for values that need no user code
# ---------------------------------------------------------------------------

@njit(sig("i8(P, i8, i8, i8, i8, i8)"), cache=CACHE)
def compare_order(st, op, ta, a, tb, b):
    """op is 0 <, 1 <=, 4 >, 5 >=.  Returns 0/1, or -1 if the types are unorderable.

    Sequences compare lexicographically: find the first differing item and compare
    that pair instead (a loop, not native recursion)."""
    descents = 0
    while True:
        descents += 1
        if descents > DEEP_LIMIT:
            R_(st)[R_DEEP] = 1
            return 0
        na = ta == INT or ta == BOOL or ta == FLOAT
        nb = tb == INT or tb == BOOL or tb == FLOAT
        if (ta == BIGINT and (nb or tb == BIGINT)) or (tb == BIGINT and na):
            c = big_order(st, ta, a, tb, b)
            return 0 if c == 2 else apply_order(op, c)
        if na and nb:
            if ta != FLOAT and tb != FLOAT:
                c = 0 if a == b else (-1 if a < b else 1)
            else:
                x = as_float(ta, a)
                y = as_float(tb, b)
                if x != x or y != y:
                    return 0
                if ta != FLOAT and tb == FLOAT:
                    c = int_float_cmp(a, y)
                elif ta == FLOAT and tb != FLOAT:
                    c = -int_float_cmp(b, x)
                else:
                    c = 0 if x == y else (-1 if x < y else 1)
            return apply_order(op, c)
        if ta == STR and tb == STR:
            return apply_order(op, str_cmp(st, a, b))
        if is_set_kind(ta) and is_set_kind(tb):
            return set_order(st, op, a, b)
        if (ta == TUPLE and tb == TUPLE) or (ta == LIST and tb == LIST):
            H = H_(st)
            V = V_(st)
            la = H[a, B]
            lb = H[b, B]
            oa = H[a, A]
            ob = H[b, A]
            n = la if la < lb else lb
            diff = -1
            for i in range(n):
                if not values_eq(st, V[oa + i, 0], V[oa + i, 1], V[ob + i, 0], V[ob + i, 1]):
                    diff = i
                    break
            if R_(st)[R_DEEP] != 0:
                return 0            # an item comparison gave up: report, don't descend
            if diff < 0:
                return apply_order(op, 0 if la == lb else (-1 if la < lb else 1))
            ta, a, tb, b = V[oa + diff, 0], V[oa + diff, 1], V[ob + diff, 0], V[ob + diff, 1]
            continue
        return -1


# ---------------------------------------------------------------------------
# Garbage collection: mark from the roots, free dead rows, compact the arenas
# ---------------------------------------------------------------------------

@njit(cache=CACHE)
def _push_ref(marks, work, top, tag, val):
    """Mark a value's row; push it to be scanned unless its kind refers to nothing
    (strings, ranges, big ints, the generator state): marking those never reads
    their H row, a random access per string in a heap of strings."""
    if tag >= HEAP and marks[u64(val)] == 0:
        marks[u64(val)] = 1
        if tag == STR or tag == RANGE or tag == BIGINT or tag == RNG:
            return top
        work[u64(top)] = val
        return top + 1
    return top


@njit(cache=CACHE)
def gen_region(st, g):
    """Rows of a generator's slot region in V (0 once it is done)."""
    H = H_(st)
    if H[g, B] == GEN_DONE:
        return 0
    c = H[H[g, A], A]
    return FN_(st)[c, FN_NLOCALS] + FN_(st)[c, FN_STACK] + GEN_SLACK


@njit(cache=CACHE)
def _mark(st, pins, marks):
    """Set marks[r] (zero on entry, HTOP bytes) for every row reachable from the roots."""
    H = H_(st)
    V = V_(st)
    n = R_(st)[R_HTOP]
    work = np.empty(n + 1, np.int64)
    top = 0
    S = S_(st)
    for i in range(R_(st)[R_SP]):
        top = _push_ref(marks, work, top, S[i, 0], S[i, 1])
    for i in range(G_(st).shape[0]):
        top = _push_ref(marks, work, top, G_(st)[i, 0], G_(st)[i, 1])
    for i in range(K_(st).shape[0]):
        top = _push_ref(marks, work, top, K_(st)[i, 0], K_(st)[i, 1])
    for i in range(R_(st)[R_FP] + 1):
        fr = F_(st)[i, FR_FUNC]
        if fr >= 0:
            top = _push_ref(marks, work, top, FUNC, fr)
    for i in range(pins.shape[0]):
        top = _push_ref(marks, work, top, pins[i, 0], pins[i, 1])
    if R_(st)[R_RNG] >= 0:      # the random module's generator state
        top = _push_ref(marks, work, top, RNG, R_(st)[R_RNG])
    while top > 0:
        top -= 1
        r = work[top]
        ur = u64(r)
        k = H[ur, KIND]
        if k == LIST or k == TUPLE:
            o = H[ur, A]
            for i in range(H[ur, B]):
                top = _push_ref(marks, work, top, V[u64(o + i), 0], V[u64(o + i), 1])
        elif k == DICT:
            o = H[ur, A]
            for i in range(2 * H[ur, B]):
                top = _push_ref(marks, work, top, V[u64(o + i), 0], V[u64(o + i), 1])
        elif k == FUNC:
            if H[ur, B] >= 0:
                top = _push_ref(marks, work, top, TUPLE, H[ur, B])
            if H[ur, C] >= 0:
                top = _push_ref(marks, work, top, TUPLE, H[ur, C])
            if H[ur, D] >= 0:
                top = _push_ref(marks, work, top, TUPLE, H[ur, D])
        elif k == CELL:
            top = _push_ref(marks, work, top, H[ur, A], H[ur, B])
        elif k == ITER:
            top = _push_ref(marks, work, top, H[ur, B], H[ur, C])
        elif k == SLICE:
            o = H[ur, A]
            for i in range(3):
                top = _push_ref(marks, work, top, V[u64(o + i), 0], V[u64(o + i), 1])
        elif k == EXC:
            top = _push_ref(marks, work, top, TUPLE, H[ur, B])
            if H[ur, C] >= 0:
                top = _push_ref(marks, work, top, TUPLE, H[ur, C])
            if H[ur, D] >= 0:
                top = _push_ref(marks, work, top, DICT, H[ur, D])
            if H[ur, E] >= 0:
                top = _push_ref(marks, work, top, CLASS, H[ur, E])
        elif k == CLASS:
            top = _push_ref(marks, work, top, STR, H[ur, A])
            top = _push_ref(marks, work, top, DICT, H[ur, B])
            top = _push_ref(marks, work, top, TUPLE, H[ur, C])
            top = _push_ref(marks, work, top, TUPLE, H[ur, D])
        elif k == INSTANCE:
            if H[ur, A] >= 0:
                top = _push_ref(marks, work, top, CLASS, H[ur, A])
            if H[ur, B] >= 0:
                top = _push_ref(marks, work, top, DICT, H[ur, B])
            top = _push_ref(marks, work, top, H[ur, C], H[ur, D])   # a base value
        elif k == BOUND:
            top = _push_ref(marks, work, top, H[ur, A], H[ur, B])
            top = _push_ref(marks, work, top, H[ur, C], H[ur, D])
        elif k == WRAPPER:
            top = _push_ref(marks, work, top, TUPLE, H[ur, B])
        elif k == SUPER:
            top = _push_ref(marks, work, top, CLASS, H[ur, A])
            top = _push_ref(marks, work, top, H[ur, B], H[ur, C])
        elif k == DICTVIEW:
            top = _push_ref(marks, work, top, DICT, H[ur, A])
        elif k == MODULE:
            top = _push_ref(marks, work, top, DICT, H[ur, B])
        elif k == SET or k == FROZENSET:
            o = H[ur, A]
            for i in range(H[ur, E]):
                top = _push_ref(marks, work, top, V[o + 2 * i, 0], V[o + 2 * i, 1])
        elif k == GEN:
            top = _push_ref(marks, work, top, FUNC, H[ur, A])
            o = H[ur, D]
            for i in range(H[ur, E]):      # saved slots (none while running or done)
                top = _push_ref(marks, work, top, V[u64(o + i), 0], V[u64(o + i), 1])
    return marks


@njit(cache=CACHE)
def _radix_order(keys, n, tmp):
    """The positions 0..n-1 of keys[:n] (non-negative) in ascending key order, equal
    keys in position order: a least-significant-digit radix sort, 11 bits a pass
    (two passes below 4M, three below 8G); keys already in order cost one scan.
    tmp: 4n words of scratch, which the result is a view of."""
    idx = tmp[:n]
    ordered = True
    mx = 0
    for i in range(n):
        idx[i] = i
        k = keys[i]
        if k > mx:
            mx = k
        if i > 0 and k < keys[i - 1]:
            ordered = False
    if ordered:
        return idx
    k1 = tmp[n:2 * n]
    k2 = tmp[2 * n:3 * n]
    idx2 = tmp[3 * n:4 * n]
    for i in range(n):
        k1[i] = keys[i]
    count = np.empty(2049, np.int64)
    shift = 0
    while (mx >> shift) > 0:
        count[:] = 0
        for i in range(n):
            count[((k1[i] >> shift) & 2047) + 1] += 1
        if count[((k1[0] >> shift) & 2047) + 1] < n:    # else every key has this digit
            for d in range(2048):
                count[d + 1] += count[d]
            for i in range(n):
                d = (k1[i] >> shift) & 2047
                j = count[d]
                count[d] = j + 1
                k2[j] = k1[i]
                idx2[j] = idx[i]
            k1, k2 = k2, k1
            idx, idx2 = idx2, idx
        shift += 11
    return idx


@njit(cache=CACHE)
def _v_region(st, r, which):
    """(rows, rows in use) of object r's value region: which 0 is the one at H[r, A],
    1 the one at H[r, D] (a dict's index, a generator's slots)."""
    H = H_(st)
    k = H[r, KIND]
    if which == 1:
        if k == DICT:
            return H[r, E], H[r, E]
        return gen_region(st, r), H[r, E]
    if k == LIST:
        return H[r, C], H[r, B]
    if k == TUPLE:
        return H[r, B], H[r, B]
    if k == SLICE:
        return 3, 3
    if k == BIGINT:
        n = (H[r, B] + 1) >> 1
        return n, n
    if k == DICT:
        return 2 * H[r, C], 2 * H[r, C]
    if k == SET or k == FROZENSET:
        return 2 * H[r, E], 2 * H[r, E]
    return MT_ROWS, MT_ROWS      # RNG


@njit(cache=CACHE)
def _compact_values(st, starts, sizes, used, m, base, tmp):
    """Slide the live regions of V at or above `base` (starts[:m], sizes[:m],
    used[:m]: offset, rows, rows in use) down over the dead ones to `base`, in
    address order: each moves down or stays, so the arena is compacted in place (no
    second arena, no fresh pages to fault in).  Only the rows in use are copied, and
    nothing is zeroed: no code reads a row of a region before writing it (rows a
    list or generator does not use, rows above R_VTOP may hold anything; a test run
    of the whole suite with those rows filled with garbage passed).  On return
    starts[:m] holds the new offsets.  tmp: 4m words of scratch."""
    V = V_(st)
    R = R_(st)
    order = _radix_order(starts, m, tmp)
    vt = base
    for j in range(m):
        i = order[j]
        size = sizes[i]
        s = starts[i]
        if s != vt:             # s > vt: live regions are disjoint
            for t in range(used[i]):
                V[vt + t, 0] = V[s + t, 0]
                V[vt + t, 1] = V[s + t, 1]
            starts[i] = vt
        vt += size
    R[R_VTOP] = vt


@njit(cache=CACHE)
def _compact_chars(st, starts, lens, m, base, tmp):
    """Slide the live strings (starts[:m], lens[:m]) that end above `base` down in
    address order, as _compact_values does; strings that share characters (s + t
    over s's, docs/design.md) keep sharing them: each run of overlapping strings
    moves as one piece (a string that starts below `base` and ends above it joins
    the run of everything below `base`, which stays).  On return starts[:m] holds
    the new offsets.  tmp: 4m words of scratch."""
    CH = CH_(st)
    R = R_(st)
    order = _radix_order(starts, m, tmp)
    ct = base       # the new top
    run = 0         # where the current run of overlapping strings started (old offset)
    run_end = base  # and ends (old offset, exclusive)
    run_to = 0      # where it starts now
    for j in range(m):
        i = order[j]
        s = starts[i]
        e = s + lens[i]
        if s >= run_end:        # a new run
            run = s
            run_end = s
            run_to = ct
        if e > run_end:         # the part past the run so far moves down after it
            d = run_to + (run_end - run)
            if d != run_end:
                for t in range(e - run_end):
                    CH[d + t] = CH[run_end + t]
            run_end = e
            ct = run_to + (run_end - run)
        starts[i] = run_to + (s - run)
    R[R_CTOP] = ct


@njit(sig("i8(i8, i8)"), cache=CACHE)
def gc_scratch_words(n, live):
    """int64 words of scratch a collection of a heap of n rows (HTOP) of which
    `live` are live uses: n mark bytes, then per live row two value regions
    (start, size, rows in use, owner) and a string (start, length, row), and the
    radix sort's 4 words per region."""
    return ((n + 7) >> 3) + 19 * max(live, 0)


# A young collection (collect with bases > 0) leaves the regions below the bases
# where they are unless their dead rows are more than this fraction of what lies
# below the base (then it compacts that arena fully).
OLD_SLACK_DIV = 4


@njit(cache=CACHE, entry_sig=sig("(P, i8, i8, i8, i8, i8, i8)"))
def collect(st, pins_at, npins, vbase, cbase, scratch_at, scratch_n):
    """Free every object unreachable from the roots and compact the arenas in place.

    pins_at, npins: the address and length of an (npins, 2) int64 array of extra
    roots (values) the host holds.  Rows and arrays stay where they are
    (the host's pointer tuple stays valid); only regions move.  vbase, cbase: the
    tops of V and CH right after the previous collection (0: compact everything).
    Everything below a base was compacted then and nothing has been allocated there
    since: its live regions stay where they are (only the regions allocated since
    then are sorted and moved), unless more than 1/OLD_SLACK_DIV of it is dead.
    Returns (V top, CH top, scratch words): the tops below which everything is now
    compacted (the next collection's bases), which are just the new tops, and
    gc_scratch_words(HTOP, live rows).

    scratch_at, scratch_n: the address and length of a buffer of int64 words the
    host keeps between collections (machine._gc_scratch): the marks and the region
    lists live there when it is long enough (else in arrays made for this
    collection; the host grows it to the words returned).  Arrays made per
    collection are fresh pages the system faults in and zeroes every time (about
    15,000 page faults in a run of binary_trees)."""
    H = H_(st)
    R = R_(st)
    ic_bump(st)     # rows are freed (and may be reused) and regions move
    if vbase < 0 or vbase > R[R_VTOP]:
        vbase = 0
    if cbase < 0 or cbase > R[R_CTOP]:
        cbase = 0
    n = R[R_HTOP]
    if scratch_n >= gc_scratch_words(n, 0):
        marks = bytes_at(scratch_at, n)
        marks[:] = 0
    else:
        marks = np.zeros(n, np.uint8)
    _mark(st, pairs_at(pins_at, npins), marks)
    nlive = 0
    for r in range(n):
        nlive += marks[r]
    need = gc_scratch_words(n, nlive)
    if scratch_n >= need:
        scratch = words_at(scratch_at, scratch_n)
    else:
        scratch = np.empty(need, np.int64)
    # one pass over the rows: the dead ones make the free list, in row order so that
    # allocation stays deterministic; the live ones give their regions in V and CH
    # (the compaction reads and writes these arrays in address order, not H: its
    # rows in that order are scattered).  Regions below the base fill the arrays
    # from the end, the others from the start.
    # the lists in the scratch after the marks, packed by nlive (so a heap of the
    # same size touches the same pages of the scratch again)
    mv = 2 * nlive
    at = (n + 7) >> 3
    vstarts = scratch[at:at + mv]
    vsizes = scratch[at + mv:at + 2 * mv]
    vused = scratch[at + 2 * mv:at + 3 * mv]
    vowners = scratch[at + 3 * mv:at + 4 * mv]     # 2 * row, + 1 for the region at D
    at += 4 * mv
    cstarts = scratch[at:at + nlive]
    clens = scratch[at + nlive:at + 2 * nlive]
    crows = scratch[at + 2 * nlive:at + 3 * nlive]
    tmp = scratch[at + 3 * nlive:at + 3 * nlive + 4 * mv]
    nv = 0          # young regions: [0, nv)
    ov = mv         # old regions: [ov, mv)
    old_v = 0       # rows of live old regions
    nc = 0
    oc = nlive
    old_c = 0       # chars of live strings wholly below cbase (upper bound if shared)
    last = -1
    R[R_HFREE] = -1
    R[R_HLIVE] = n - nlive
    for r in range(n):
        k = H[r, KIND]
        if marks[r] == 0:
            if k != FREE_KIND:
                H[r, KIND] = FREE_KIND
            H[r, A] = -1
            if last >= 0:
                H[last, A] = r
            else:
                R[R_HFREE] = r
            last = r
        elif k == STR:
            ln = H[r, B]
            if ln > 0:
                o = H[r, A]
                if o + ln <= cbase:
                    oc -= 1
                    j = oc
                    old_c += ln
                else:
                    j = nc
                    nc += 1
                cstarts[j] = o
                clens[j] = ln
                crows[j] = r
            else:
                H[r, A] = 0
        elif k == LIST or k == TUPLE or k == SLICE or k == BIGINT or k == SET \
                or k == FROZENSET or k == RNG or k == DICT or k == GEN:
            for which in range(2):
                if which == 0:
                    if k == GEN:
                        continue
                    o = H[r, A]
                    size, u = _v_region(st, r, 0)
                else:
                    if k == DICT:
                        o = H[r, D]
                        size = H[r, E]
                        u = size
                    elif k == GEN:
                        o = H[r, D]
                        size = gen_region(st, r)
                        u = H[r, E]
                        if size == 0:
                            H[r, D] = 0
                            continue
                    else:
                        continue
                if o < vbase:
                    ov -= 1
                    j = ov
                    old_v += size
                else:
                    j = nv
                    nv += 1
                vstarts[j] = o
                vsizes[j] = size
                vused[j] = u
                vowners[j] = 2 * r + which
    # too much dead below a base: compact that arena fully (the old regions join)
    if vbase > 0 and (vbase - old_v) * OLD_SLACK_DIV > vbase:
        for i in range(ov, mv):
            vstarts[nv] = vstarts[i]
            vsizes[nv] = vsizes[i]
            vused[nv] = vused[i]
            vowners[nv] = vowners[i]
            nv += 1
        vbase = 0
    if cbase > 0 and (cbase - old_c) * OLD_SLACK_DIV > cbase:
        for i in range(oc, nlive):
            cstarts[nc] = cstarts[i]
            clens[nc] = clens[i]
            crows[nc] = crows[i]
            nc += 1
        cbase = 0
    _compact_values(st, vstarts, vsizes, vused, nv, vbase, tmp)
    for i in range(nv):
        r = vowners[i] >> 1
        if vowners[i] & 1:
            H[r, D] = vstarts[i]
        else:
            H[r, A] = vstarts[i]
    _compact_chars(st, cstarts, clens, nc, cbase, tmp)
    for i in range(nc):
        H[crows[i], A] = cstarts[i]
    return R[R_VTOP], R[R_CTOP], need


@njit(cache=CACHE, entry_sig=sig("(P, i8)"))
def dict_reindex(st, d):
    """Rebuild dict d's hash index from its entries, in place, keeping entry numbers
    (so iterators over the dict keep their positions).  Used on untrusted snapshots."""
    H = H_(st)
    V = V_(st)
    io = H[d, D]
    size = H[d, E]
    mask = size - 1
    eo = H[d, A]
    for i in range(size):
        V[io + i, 0] = -1
        V[io + i, 1] = 0
    for e in range(H[d, B]):
        kt = V[eo + 2 * e, 0]
        if kt == UNDEF:
            continue
        index_insert(st, io, mask, e, hash_value(st, kt, V[eo + 2 * e, 1]))
