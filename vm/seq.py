"""Containers in numba: subscripts, slices, iterators, unpacking, materializing.

Conventions as in arith.py: operands are on the stack, results are written in place,
and a function returns ST_RUNNING or a status having changed nothing.
"""

import numpy as np
from .jit import njit

from . import CACHE
from .mem import sig, R_, S_, F_, CODE_, FN_, K_, H_, V_, CH_, G_, MT_

from .layout import (
    A, B, C, D, E, F, UNDEF, NONE, BOOL, INT, FLOAT, STR, LIST, TUPLE, DICT, RANGE,
    ITER, SLICE, DICTVIEW, BIGINT, ST_RUNNING, ST_NEED_MEMORY, ERR_INDEX, ERR_KEY,
    ERR_NOT_ITERABLE, ERR_NOT_SUBSCRIPTABLE, ERR_UNPACK, ERR_UNHASHABLE, ERR_INDICES,
    ERR_VALUE, ERR_TYPE, ERR_RECURSION,
    IT_SEQ, IT_STR, IT_RANGE, IT_DICT, IT_ENUMERATE, IT_ZIP, IT_REVERSED, IT_SET, SET,
    FROZENSET, GEN,
)
from . import heap
from .arith import fail

VAL_SLICE_STEP_ZERO = 10
VAL_SLICE_ASSIGN_SIZE = 11
MAX_WRAP_DEPTH = 64   # enumerate(zip(enumerate(...))) nesting limit
# Unsigned row indices in the slice helpers (as in interp.run): numba adds no
# wraparound code for negative ones, and every index here is a checked row
u64 = np.uint64


# ---------------------------------------------------------------------------
# Indices and slices
# ---------------------------------------------------------------------------

@njit(sig("i8(P, i8, i8)"), cache=CACHE)
def seq_len(st, tag, val):
    """len() of a sized value, or -1."""
    if tag == STR or tag == LIST or tag == TUPLE:
        return H_(st)[u64(val), B]
    if tag == DICT:
        return H_(st)[u64(val), F]
    if tag == DICTVIEW:
        return H_(st)[u64(H_(st)[u64(val), A]), F]
    if tag == SET or tag == FROZENSET:
        return H_(st)[u64(val), B]
    if tag == RANGE:
        return heap.range_len(H_(st)[u64(val), A], H_(st)[u64(val), B], H_(st)[u64(val), C])
    return -1


@njit(cache=CACHE)
def slice_indices(st, sl, length):
    """CPython's PySlice_AdjustIndices: (start, stop, step, count, status)."""
    V = V_(st)
    o = H_(st)[u64(sl), A]
    for k in range(3):
        t = V[u64(o + k), 0]
        if t != NONE and t != INT and t != BOOL and t != BIGINT:
            return 0, 0, 0, 0, fail(st, ERR_TYPE, 103, t, 0)
    # a big-int bound is beyond any length: it clamps like +-2**62 (as CPython's does)
    b0 = V[u64(o), 1] if V[u64(o), 0] != BIGINT else H_(st)[u64(V[u64(o), 1]), C] << 62
    b1 = V[u64(o + 1), 1] if V[u64(o + 1), 0] != BIGINT else H_(st)[u64(V[u64(o + 1), 1]), C] << 62
    b2 = V[u64(o + 2), 1] if V[u64(o + 2), 0] != BIGINT else H_(st)[u64(V[u64(o + 2), 1]), C] << 62
    step = 1 if V[u64(o + 2), 0] == NONE else b2
    if step == 0:
        return 0, 0, 0, 0, fail(st, ERR_VALUE, VAL_SLICE_STEP_ZERO, 0, 0)
    if V[u64(o), 0] == NONE:
        start = length - 1 if step < 0 else 0
    else:
        start = b0
        if start < 0:
            start += length
            if start < 0:
                start = -1 if step < 0 else 0
        elif start >= length:
            start = length - 1 if step < 0 else length
    if V[u64(o + 1), 0] == NONE:
        stop = -1 if step < 0 else length
    else:
        stop = b1
        if stop < 0:
            stop += length
            if stop < 0:
                stop = -1 if step < 0 else 0
        elif stop >= length:
            stop = length - 1 if step < 0 else length
    if step < 0:
        count = (start - stop - 1) // (-step) + 1 if stop < start else 0
    else:
        count = (stop - start - 1) // step + 1 if start < stop else 0
    return start, stop, step, count, ST_RUNNING


@njit(sig("i8(P, b1, i8, i8)"), cache=CACHE)
def slice_applies(st, store, arg, sp):
    """For BUILD_SLICE (arg bounds on top of the stack) followed by BINARY_SUBSCR
    (store False: the container is below the bounds) or STORE_SUBSCR (store True:
    value, container, bounds): whether the subscript, given the slice those bounds
    make, is a slice of a list, tuple, str or range (a read) or a slice assignment
    of a list or tuple to a list (a store) that raises nothing: bounds None, int or
    bool, a step other than 0, and for an extended slice assignment as many items
    as the slice has.  The slice length of a store, or 0 for a read; -1 if not.
    Changes nothing."""
    S = S_(st)
    c0 = sp - arg - 1
    tc = S[u64(c0), 0]
    if store:
        if tc != LIST or (S[u64(c0 - 1), 0] != LIST and S[u64(c0 - 1), 0] != TUPLE):
            return -1
    elif tc != LIST and tc != TUPLE and tc != STR and tc != RANGE:
        return -1
    for k in range(arg):
        t = S[u64(sp - arg + k), 0]
        if t != NONE and t != INT and t != BOOL:
            return -1
    if arg == 3 and S[u64(sp - 1), 0] != NONE and S[u64(sp - 1), 1] == 0:
        return -1       # ValueError: slice step cannot be zero
    if not store:
        return 0
    step = 1 if arg == 2 or S[u64(sp - 1), 0] == NONE else S[u64(sp - 1), 1]
    if step == 1:
        return 0
    n = H_(st)[u64(S[u64(c0), 1]), B]
    # slice_indices' arithmetic, on the bounds on the stack
    if S[u64(sp - arg), 0] == NONE:
        start = n - 1 if step < 0 else 0
    else:
        start = S[u64(sp - arg), 1]
        if start < 0:
            start += n
            if start < 0:
                start = -1 if step < 0 else 0
        elif start >= n:
            start = n - 1 if step < 0 else n
    if S[u64(sp - arg + 1), 0] == NONE:
        stop = -1 if step < 0 else n
    else:
        stop = S[u64(sp - arg + 1), 1]
        if stop < 0:
            stop += n
            if stop < 0:
                stop = -1 if step < 0 else 0
        elif stop >= n:
            stop = n - 1 if step < 0 else n
    if step < 0:
        count = (start - stop - 1) // (-step) + 1 if stop < start else 0
    else:
        count = (stop - start - 1) // step + 1 if start < stop else 0
    if H_(st)[u64(S[u64(c0 - 1), 1]), B] != count:
        return -1       # ValueError: attempt to assign sequence of size ...
    return count


@njit(cache=CACHE)
def norm_index(tag, idx, length):
    """A non-negative index for idx, or -1 if out of range (tag INT/BOOL)."""
    if idx < 0:
        idx += length
    if idx < 0 or idx >= length:
        return -1
    return idx


@njit(cache=CACHE)
def get_slice(st, tc, c, sl, sp):
    start, stop, step, n, status = slice_indices(st, sl, seq_len(st, tc, c))
    if status != ST_RUNNING:
        return status
    H = H_(st)
    if tc == STR:
        if not heap.reserve(st, 1, 0, n):
            return ST_NEED_MEMORY
        r = heap.new_str(st, n)
        o = H[u64(r), A]
        so = H[u64(c), A]
        for i in range(n):
            CH_(st)[u64(o + i)] = CH_(st)[u64(so + start + i * step)]
    elif tc == RANGE:
        if not heap.reserve(st, 1, 0, 0):
            return ST_NEED_MEMORY
        r0 = H[u64(c), A]
        rs = H[u64(c), C]
        r = heap.new_obj(st, RANGE)
        H[u64(r), A] = r0 + start * rs
        H[u64(r), B] = r0 + stop * rs
        H[u64(r), C] = rs * step
    else:
        if not heap.reserve(st, 1, n, 0):
            return ST_NEED_MEMORY
        if tc == LIST:
            r = heap.new_list(st, n, n)
        else:
            r = heap.new_tuple(st, n)
        o = H[u64(r), A]
        so = H[u64(c), A]
        for i in range(n):
            V_(st)[u64(o + i), 0] = V_(st)[u64(so + start + i * step), 0]
            V_(st)[u64(o + i), 1] = V_(st)[u64(so + start + i * step), 1]
    S_(st)[u64(sp - 2), 0] = tc
    S_(st)[u64(sp - 2), 1] = r
    heap.charge(st, n)
    return ST_RUNNING


@njit(cache=CACHE)
def find_key(st, d, kt, kv):
    """(entry, ST_RUNNING) for key in dict d, or a KeyError / unhashable TypeError."""
    if not heap.is_hashable(st, kt, kv):
        return -1, fail(st, ERR_UNHASHABLE, 0, kt, 0)
    e = heap.dict_get(st, d, kt, kv)
    if e < 0:
        return -1, fail(st, ERR_KEY, 0, kt, kv)
    return e, ST_RUNNING


@njit(cache=CACHE)
def subscr(st, sp):
    """S[sp-2] = S[sp-2][S[sp-1]]."""
    S = S_(st)
    H = H_(st)
    tc = S[sp - 2, 0]
    c = S[sp - 2, 1]
    ti = S[sp - 1, 0]
    i = S[sp - 1, 1]
    if tc == DICT:
        e, status = find_key(st, c, ti, i)
        if status != ST_RUNNING:
            return status
        eo = H[c, A] + 2 * e + 1
        S[sp - 2, 0] = V_(st)[eo, 0]
        S[sp - 2, 1] = V_(st)[eo, 1]
        return ST_RUNNING
    if tc != STR and tc != LIST and tc != TUPLE and tc != RANGE:
        return fail(st, ERR_NOT_SUBSCRIPTABLE, 0, tc, 0)
    if ti == SLICE:
        return get_slice(st, tc, c, i, sp)
    if ti != INT and ti != BOOL:
        return fail(st, ERR_INDICES, tc, ti, 0)
    n = seq_len(st, tc, c)
    k = norm_index(ti, i, n)
    if k < 0:
        return fail(st, ERR_INDEX, tc, 0, 0)
    if tc == STR:
        if not heap.reserve(st, 1, 0, 1):
            return ST_NEED_MEMORY
        r = heap.str_from_slice(st, c, k, 1)
        S[sp - 2, 1] = r
        return ST_RUNNING
    if tc == RANGE:
        S[sp - 2, 0] = INT
        S[sp - 2, 1] = H[c, A] + k * H[c, C]
        return ST_RUNNING
    o = H[c, A] + k
    S[sp - 2, 0] = V_(st)[o, 0]
    S[sp - 2, 1] = V_(st)[o, 1]
    return ST_RUNNING


@njit(cache=CACHE)
def store_slice(st, c, sl, tv, v):
    """lst[slice] = iterable (list, tuple, str or range materialized first)."""
    H = H_(st)
    V = V_(st)
    n = H[u64(c), B]
    start, stop, step, count, status = slice_indices(st, sl, n)
    if status != ST_RUNNING:
        return status
    if tv != LIST and tv != TUPLE:
        return fail(st, ERR_TYPE, 104, tv, 0)   # host converts other iterables
    m = H[u64(v), B]
    so = H[u64(v), A]
    if step != 1:
        if m != count:
            return fail(st, ERR_VALUE, VAL_SLICE_ASSIGN_SIZE, m, count)
        o = H[u64(c), A]
        if v != c or tv != LIST:
            # another object's region (regions are not shared): no scratch copy
            # (np.empty is an allocation through numba's runtime, 30-40 ns)
            for i in range(m):
                V[u64(o + start + i * step), 0] = V[u64(so + i), 0]
                V[u64(o + start + i * step), 1] = V[u64(so + i), 1]
            return ST_RUNNING
        # copy first: the source is the list itself
        tmp = np.empty((m, 2), np.int64)
        for i in range(m):
            tmp[i, 0] = V[u64(so + i), 0]
            tmp[i, 1] = V[u64(so + i), 1]
        for i in range(m):
            V[u64(o + start + i * step), 0] = tmp[i, 0]
            V[u64(o + start + i * step), 1] = tmp[i, 1]
        return ST_RUNNING
    if stop < start:
        stop = start
    newn = n - (stop - start) + m
    grow = newn - n
    need = heap.list_grow_need(st, c, grow) if grow > 0 else 0
    if not heap.reserve(st, 0, need, 0):
        return ST_NEED_MEMORY
    if v != c or tv != LIST:
        # the source is another object, whose region the moves below leave alone
        if grow > 0:
            heap.list_make_room(st, c, grow)
        o = H[u64(c), A]
        so = H[u64(v), A]
        if grow > 0:
            for i in range(n - 1, stop - 1, -1):
                V[u64(o + i + grow), 0] = V[u64(o + i), 0]
                V[u64(o + i + grow), 1] = V[u64(o + i), 1]
        elif grow < 0:
            for i in range(stop, n):
                V[u64(o + i + grow), 0] = V[u64(o + i), 0]
                V[u64(o + i + grow), 1] = V[u64(o + i), 1]
        for i in range(m):
            V[u64(o + start + i), 0] = V[u64(so + i), 0]
            V[u64(o + start + i), 1] = V[u64(so + i), 1]
        H[u64(c), B] = newn
        heap.charge(st, n + m)
        return ST_RUNNING
    tmp = np.empty((m, 2), np.int64)
    for i in range(m):
        tmp[i, 0] = V[u64(so + i), 0]
        tmp[i, 1] = V[u64(so + i), 1]
    if grow > 0:
        heap.list_make_room(st, c, grow)
    o = H[u64(c), A]
    if grow > 0:
        for i in range(n - 1, stop - 1, -1):
            V[u64(o + i + grow), 0] = V[u64(o + i), 0]
            V[u64(o + i + grow), 1] = V[u64(o + i), 1]
    elif grow < 0:
        for i in range(stop, n):
            V[u64(o + i + grow), 0] = V[u64(o + i), 0]
            V[u64(o + i + grow), 1] = V[u64(o + i), 1]
    for i in range(m):
        V[u64(o + start + i), 0] = tmp[i, 0]
        V[u64(o + start + i), 1] = tmp[i, 1]
    H[u64(c), B] = newn
    heap.charge(st, n + m)
    return ST_RUNNING


# ---------------------------------------------------------------------------
# Iterators
# ---------------------------------------------------------------------------

@njit(sig("UniTuple(i8, 3)(P, i8, i8)"), cache=CACHE)
def make_iter(st, tag, val):
    """(tag, payload, status) of iter(x); room for one object must be reserved."""
    H = H_(st)
    if tag == ITER or tag == GEN:     # iter(generator) is the generator
        return tag, val, ST_RUNNING
    if tag == LIST or tag == TUPLE or tag == STR or tag == DICT or tag == RANGE \
            or tag == DICTVIEW or tag == SET or tag == FROZENSET:
        r = heap.new_obj(st, ITER)
        H[r, B] = tag
        H[r, C] = val
        if tag == STR:
            H[r, A] = IT_STR
        elif tag == RANGE:
            H[r, A] = IT_RANGE
            H[r, D] = H[val, A]
            H[r, E] = H[val, B]
            H[r, F] = H[val, C]
        elif tag == DICT:
            H[r, A] = IT_DICT
        elif tag == DICTVIEW:
            H[r, A] = IT_DICT
            H[r, B] = DICT
            H[r, C] = H[val, A]
            H[r, E] = H[val, B]
        elif tag == SET or tag == FROZENSET:
            H[r, A] = IT_SET
            H[r, E] = H[val, B]
        else:
            H[r, A] = IT_SEQ
        return ITER, r, ST_RUNNING
    return tag, val, fail(st, ERR_NOT_ITERABLE, 0, tag, 0)


@njit(sig("UniTuple(i8, 3)(P, i8)"), cache=CACHE)
def step_cost(st, it):
    """(objects, value rows, chars) one next() on iterator `it` may allocate."""
    H = H_(st)
    objs = 0
    vals = 0
    chars = 0
    work = np.empty(MAX_WRAP_DEPTH * 4 + 8, np.int64)
    work[0] = it
    top = 1
    while top > 0:
        top -= 1
        r = work[top]
        k = H[r, A]
        if k == IT_STR or (k == IT_REVERSED and H[r, B] == STR):
            objs += 1
            chars += 1
        elif k == IT_DICT and H[r, E] == 2:
            objs += 1
            vals += 2
        elif k == IT_ENUMERATE:
            objs += 1
            vals += 2
            if top < work.shape[0]:
                work[top] = H[r, C]
                top += 1
        elif k == IT_ZIP:
            t = H[r, C]
            n = H[t, B]
            objs += 1
            vals += n
            for i in range(n):
                if top < work.shape[0]:
                    work[top] = V_(st)[H[t, A] + i, 1]
                    top += 1
    return objs, vals, chars


@njit(cache=CACHE)
def leaf_next(st, r):
    """(tag, payload) of next() on a non-wrapping iterator; tag UNDEF when exhausted."""
    H = H_(st)
    V = V_(st)
    k = H[r, A]
    src = H[r, C]
    if k == IT_SEQ:
        i = H[r, D]
        if i >= H[src, B]:
            return UNDEF, 0
        H[r, D] = i + 1
        o = H[src, A] + i
        return V[o, 0], V[o, 1]
    if k == IT_RANGE:
        cur = H[r, D]
        step = H[r, F]
        if (step > 0 and cur >= H[r, E]) or (step < 0 and cur <= H[r, E]):
            return UNDEF, 0
        H[r, D] = cur + step
        return INT, cur
    if k == IT_STR:
        i = H[r, D]
        if i >= H[src, B]:
            return UNDEF, 0
        H[r, D] = i + 1
        return STR, heap.str_from_slice(st, src, i, 1)
    if k == IT_REVERSED:
        i = H[r, D] - 1
        if i < 0 or i >= seq_len(st, H[r, B], src):
            H[r, D] = 0
            return UNDEF, 0
        H[r, D] = i
        if H[r, B] == STR:
            return STR, heap.str_from_slice(st, src, i, 1)
        o = H[src, A] + i
        return V[o, 0], V[o, 1]
    if k == IT_DICT:
        e = H[r, D]
        o = H[src, A]
        while e < H[src, B] and V[o + 2 * e, 0] == UNDEF:
            e += 1
        if e >= H[src, B]:
            H[r, D] = e
            return UNDEF, 0
        H[r, D] = e + 1
        which = H[r, E]
        if which == 0:
            return V[o + 2 * e, 0], V[o + 2 * e, 1]
        if which == 1:
            return V[o + 2 * e + 1, 0], V[o + 2 * e + 1, 1]
        t = heap.new_tuple(st, 2)
        to = H[t, A]
        V[to, 0] = V[o + 2 * e, 0]
        V[to, 1] = V[o + 2 * e, 1]
        V[to + 1, 0] = V[o + 2 * e + 1, 0]
        V[to + 1, 1] = V[o + 2 * e + 1, 1]
        return TUPLE, t
    if k == IT_SET:
        i = H[r, D]
        o = H[src, A]
        n = H[src, E]
        while i < n and V[o + 2 * i, 0] == UNDEF:
            i += 1
        if i >= n:
            H[r, D] = n
            return UNDEF, 0
        H[r, D] = i + 1
        return V[o + 2 * i, 0], V[o + 2 * i, 1]
    return UNDEF, 0


@njit(sig("UniTuple(i8, 2)(P, i8)"), cache=CACHE)
def iter_next(st, it):
    """(tag, payload) of next(it), UNDEF when exhausted (room per step_cost reserved).

    enumerate and zip wrap other iterators; they are advanced with an explicit stack
    of pending wrappers, never by native recursion."""
    H = H_(st)
    V = V_(st)
    if H[it, A] != IT_ENUMERATE and H[it, A] != IT_ZIP:
        return leaf_next(st, it)
    # each pending frame: wrapper row, next child index, values collected so far
    rows = np.empty(MAX_WRAP_DEPTH + 1, np.int64)
    idx = np.empty(MAX_WRAP_DEPTH + 1, np.int64)
    vals = np.empty((MAX_WRAP_DEPTH + 1, 64), np.int64)  # zip arity <= 32
    rows[0] = it
    idx[0] = 0
    top = 1
    rt = UNDEF
    rv = 0
    have = False   # a child's result (rt, rv) is waiting to be consumed by rows[top-1]
    while top > 0:
        r = rows[top - 1]
        k = H[r, A]
        if have:
            have = False
            if rt == UNDEF:     # a child is exhausted: so is this wrapper
                top -= 1
                have = True
                continue
            j = idx[top - 1]
            vals[top - 1, 2 * j] = rt
            vals[top - 1, 2 * j + 1] = rv
            idx[top - 1] = j + 1
        if k == IT_ENUMERATE:
            if idx[top - 1] == 0:
                child = H[r, C]
            else:
                t = heap.new_tuple(st, 2)
                to = H[t, A]
                V[to, 0] = INT
                V[to, 1] = H[r, D]
                V[to + 1, 0] = vals[top - 1, 0]
                V[to + 1, 1] = vals[top - 1, 1]
                H[r, D] += 1
                rt = TUPLE
                rv = t
                top -= 1
                have = True
                continue
        elif k == IT_ZIP:
            tup = H[r, C]
            n = H[tup, B]
            j = idx[top - 1]
            if n == 0:      # zip() of nothing: exhausted at once
                rt = UNDEF
                rv = 0
                top -= 1
                have = True
                continue
            if j < n:
                child = V[H[tup, A] + j, 1]
            else:
                t = heap.new_tuple(st, n)
                to = H[t, A]
                for q in range(n):
                    V[to + q, 0] = vals[top - 1, 2 * q]
                    V[to + q, 1] = vals[top - 1, 2 * q + 1]
                rt = TUPLE
                rv = t
                top -= 1
                have = True
                continue
        else:
            rt, rv = leaf_next(st, r)
            top -= 1
            have = True
            continue
        rows[top] = child
        idx[top] = 0
        top += 1
    return rt, rv


@njit(cache=CACHE)
def remaining(st, it):
    """How many more items iterator `it` will produce (an upper bound)."""
    H = H_(st)
    best = np.int64(1) << 62
    work = np.empty(MAX_WRAP_DEPTH * 4 + 8, np.int64)
    work[0] = it
    top = 1
    while top > 0:
        top -= 1
        r = work[top]
        k = H[r, A]
        src = H[r, C]
        n = best
        if k == IT_SEQ or k == IT_STR:
            n = H[src, B] - H[r, D]
        elif k == IT_REVERSED:
            n = H[r, D]
        elif k == IT_RANGE:
            n = heap.range_len(H[r, D], H[r, E], H[r, F])
        elif k == IT_DICT:
            n = H[src, B] - H[r, D]
        elif k == IT_SET:
            n = H[src, B]
        elif k == IT_ENUMERATE:
            if top < work.shape[0]:
                work[top] = src
                top += 1
        elif k == IT_ZIP:
            if H[src, B] == 0:
                n = 0       # zip() of nothing is empty
            for i in range(H[src, B]):
                if top < work.shape[0]:
                    work[top] = V_(st)[H[src, A] + i, 1]
                    top += 1
        if n < best:
            best = n
    if best < 0:
        best = 0
    return best


@njit(sig("UniTuple(i8, 2)(P, i8, i8, b1)"), cache=CACHE)
def materialize(st, tag, val, as_tuple):
    """(list-or-tuple row, status): a new list (or tuple) of the items of an iterable."""
    H = H_(st)
    V = V_(st)
    if tag == LIST or tag == TUPLE:
        n = H[val, B]
        if not heap.reserve(st, 1, n, 0):
            return -1, ST_NEED_MEMORY
        r = heap.new_tuple(st, n) if as_tuple else heap.new_list(st, n, n)
        o = H[r, A]
        so = H[val, A]
        for i in range(n):
            V[o + i, 0] = V[so + i, 0]
            V[o + i, 1] = V[so + i, 1]
        heap.charge(st, n)
        return r, ST_RUNNING
    if tag == STR:
        n = H[val, B]
        if not heap.reserve(st, 1 + n, n, n):
            return -1, ST_NEED_MEMORY
        r = heap.new_tuple(st, n) if as_tuple else heap.new_list(st, n, n)
        o = H[r, A]
        for i in range(n):
            V[o + i, 0] = STR
            V[o + i, 1] = heap.str_from_slice(st, val, i, 1)
        heap.charge(st, 4 * n)
        return r, ST_RUNNING
    if tag == RANGE:
        start = H[val, A]
        step = H[val, C]
        n = heap.range_len(start, H[val, B], step)
        if not heap.reserve(st, 1, n, 0):
            return -1, ST_NEED_MEMORY
        r = heap.new_tuple(st, n) if as_tuple else heap.new_list(st, n, n)
        o = H[r, A]
        for i in range(n):
            V[o + i, 0] = INT
            V[o + i, 1] = start + i * step
        heap.charge(st, n)
        return r, ST_RUNNING
    if tag == SET or tag == FROZENSET:
        n = H[val, B]
        if not heap.reserve(st, 1, n, 0):
            return -1, ST_NEED_MEMORY
        r = heap.new_tuple(st, n) if as_tuple else heap.new_list(st, n, n)
        o = H[r, A]
        so = H[val, A]
        k = 0
        for i in range(H[val, E]):
            if V[so + 2 * i, 0] != UNDEF:
                V[o + k, 0] = V[so + 2 * i, 0]
                V[o + k, 1] = V[so + 2 * i, 1]
                k += 1
        heap.charge(st, H[val, E])
        return r, ST_RUNNING
    if tag == DICT or tag == DICTVIEW or tag == ITER:
        if tag == ITER:
            it = val
            extra = 0
        else:
            extra = 1   # the temporary iterator
        n0 = seq_len(st, tag, val) if tag != ITER else 0
        if tag != ITER:
            # worst case for items(): a 2-tuple per entry
            if not heap.reserve(st, 2 + n0, 3 * n0, 0):
                return -1, ST_NEED_MEMORY
            t, it, status = make_iter(st, tag, val)
            n = n0
            ob, vb, cb = step_cost(st, it)
        else:
            n = remaining(st, it)
            ob, vb, cb = step_cost(st, it)
            if n > (np.int64(1) << 40):
                return -1, fail(st, ERR_VALUE, 12, 0, 0)
            if not heap.reserve(st, 1 + n * ob, n + n * vb, n * cb):
                return -1, ST_NEED_MEMORY
        r = heap.new_list(st, 0, n)
        while True:
            t, v = iter_next(st, it)
            if t == UNDEF:
                break
            heap.list_push(st, r, t, v)
        if as_tuple:
            H[r, 0] = TUPLE
            H[r, C] = 0
        heap.charge(st, 4 * H[r, B])
        return r, ST_RUNNING
    return -1, fail(st, ERR_NOT_ITERABLE, 0, tag, 0)


@njit(cache=CACHE)
def store_subscr(st, sp):
    """S[sp-2][S[sp-1]] = S[sp-3]."""
    S = S_(st)
    H = H_(st)
    tv = S[sp - 3, 0]
    v = S[sp - 3, 1]
    tc = S[sp - 2, 0]
    c = S[sp - 2, 1]
    ti = S[sp - 1, 0]
    i = S[sp - 1, 1]
    if tc == DICT:
        if not heap.is_hashable(st, ti, i):
            return fail(st, ERR_UNHASHABLE, 0, ti, 0)
        if not heap.reserve(st, 0, heap.dict_set_need(st, c), 0):
            return ST_NEED_MEMORY
        heap.dict_set(st, c, ti, i, tv, v)
        return ST_RUNNING
    if tc != LIST:
        return fail(st, ERR_NOT_SUBSCRIPTABLE, 1, tc, 0)
    if ti == SLICE:
        if tv != LIST and tv != TUPLE:
            r, status = materialize(st, tv, v, False)
            if status != ST_RUNNING:
                return status
            S[sp - 3, 0] = LIST      # keep the new list rooted (the slot is popped after)
            S[sp - 3, 1] = r
            tv = LIST
            v = r
        return store_slice(st, c, i, tv, v)
    if ti != INT and ti != BOOL:
        return fail(st, ERR_INDICES, tc, ti, 1)
    k = norm_index(ti, i, H[c, B])
    if k < 0:
        return fail(st, ERR_INDEX, tc, 1, 0)
    V_(st)[H[c, A] + k, 0] = tv
    V_(st)[H[c, A] + k, 1] = v
    return ST_RUNNING


@njit(cache=CACHE)
def list_delete_range(st, c, start, count):
    H = H_(st)
    V = V_(st)
    o = H[c, A]
    n = H[c, B]
    for i in range(start + count, n):
        V[o + i - count, 0] = V[o + i, 0]
        V[o + i - count, 1] = V[o + i, 1]
    H[c, B] = n - count


@njit(cache=CACHE)
def delete_subscr(st, sp):
    """del S[sp-2][S[sp-1]]."""
    S = S_(st)
    H = H_(st)
    tc = S[sp - 2, 0]
    c = S[sp - 2, 1]
    ti = S[sp - 1, 0]
    i = S[sp - 1, 1]
    if tc == DICT:
        e, status = find_key(st, c, ti, i)
        if status != ST_RUNNING:
            return status
        heap.dict_delete_entry(st, c, e)
        return ST_RUNNING
    if tc != LIST:
        return fail(st, ERR_NOT_SUBSCRIPTABLE, 2, tc, 0)
    if ti == SLICE:
        start, stop, step, count, status = slice_indices(st, i, H[c, B])
        if status != ST_RUNNING:
            return status
        if step == 1:
            list_delete_range(st, c, start, count)
            return ST_RUNNING
        if step < 0:   # delete the same items walking forwards
            start = start + (count - 1) * step
            step = -step
        for k in range(count):
            list_delete_range(st, c, start + k * step - k, 1)
        return ST_RUNNING
    if ti != INT and ti != BOOL:
        return fail(st, ERR_INDICES, tc, ti, 2)
    k = norm_index(ti, i, H[c, B])
    if k < 0:
        return fail(st, ERR_INDEX, tc, 1, 0)
    list_delete_range(st, c, k, 1)
    return ST_RUNNING


@njit(cache=CACHE)
def wrap_depth(st, tag, val):
    """Nesting depth of iterator wrappers under a value (0 for plain iterables)."""
    if tag != ITER:
        return 0
    k = H_(st)[val, A]
    if k == IT_ENUMERATE or k == IT_ZIP:
        return H_(st)[val, E]
    return 0


@njit(cache=CACHE)
def unpack(st, sp, n):
    """seq -> n items on the stack, the first on top."""
    S = S_(st)
    H = H_(st)
    t = S[sp - 1, 0]
    v = S[sp - 1, 1]
    if t != LIST and t != TUPLE:
        r, status = materialize(st, t, v, True)
        if status != ST_RUNNING:
            return status
        t = TUPLE
        v = r
    m = H[v, B]
    if m != n:
        return fail(st, ERR_UNPACK, n, m, 1 if m > n else 0)
    o = H[v, A]
    for i in range(n):
        S[sp - 1 + i, 0] = V_(st)[o + n - 1 - i, 0]
        S[sp - 1 + i, 1] = V_(st)[o + n - 1 - i, 1]
    return ST_RUNNING
