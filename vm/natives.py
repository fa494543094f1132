"""Builtin functions and methods that run inside the numba loop.

call_builtin / call_method return ST_RUNNING with the result written over the callee
slot, or ST_SERVICE when the host must do the work (printing, text conversion, and
anything rare), or an error status.  Arguments stay on the stack until the call
completes, so a service or a retried allocation sees them intact.
"""

import numpy as np
from .jit import njit

from . import CACHE
from .mem import sig, R_, S_, F_, CODE_, FN_, K_, H_, V_, CH_, G_, MT_

from .layout import (
    A, B, C, D, E, F, UNDEF, NONE, BOOL, INT, FLOAT, BUILTIN, STR, LIST, TUPLE, DICT,
    RANGE, ITER, DICTVIEW, FUNC, EXC, BIGINT, CLASS, INSTANCE, BOUND, WRAPPER, SUPER, SLICE, MODULE,
    WR_STATIC, WR_CLASS, WR_PROPERTY, N_CALL, HEAP, SERIAL, ST_RUNNING, ST_SERVICE, ST_NEED_MEMORY,
    R_SERVICE, R_ARGC, R_KWNAMES, ERR_BUILTIN_ARGS, ERR_VALUE, ERR_TYPE, ERR_INDEX,
    ERR_KEY, ERR_UNHASHABLE, ERR_STOP_ITERATION, ERR_OVERFLOW, ERR_CMP_TYPES,
    IT_ENUMERATE, IT_ZIP, IT_REVERSED, IT_RANGE, SET, FROZENSET, GEN, R_DEEP,
)
from . import heap, seq, sets, objects, modfns, strs
from .arith import fail, fbits, fval, is_number, int_binop, INT_MIN, truthy, contains
from .builtins import (
    B_LEN, B_RANGE, B_ABS, B_MIN, B_MAX, B_SUM, B_INT, B_FLOAT, B_BOOL, B_LIST,
    B_TUPLE, B_DICT, B_ISINSTANCE, B_ENUMERATE, B_ZIP, B_SORTED, B_REVERSED, B_ORD,
    B_CHR, B_STR, B_NONETYPE, B_FUNCTION, B_TYPE, EXC_PARENT_ID, NOT_EXCEPTION, IS_TYPE,
    B_HASH, B_ITER, B_NEXT, B_ISSUBCLASS, B_SET, B_FROZENSET, B_OBJECT, B_SUPER, B_GENERATOR,
    B_STATICMETHOD, B_CLASSMETHOD, B_PROPERTY, B_CALLABLE, B_ID, B___AMBER_LOOKUP,
    B___AMBER_USERCLASS, B___AMBER_NEW, B___AMBER_BASE, B___AMBER_WRAP, B_SLICE, MODULE_FN_FIRST, MODULE_FN_LAST,
    B___AMBER_SET_HASH, B___AMBER_SAME_HASH,
    B_MODULE,
    M_LIST_APPEND, M_LIST_POP, M_LIST_INSERT, M_LIST_EXTEND, M_LIST_INDEX,
    M_LIST_COUNT, M_LIST_REMOVE, M_LIST_REVERSE, M_LIST_SORT, M_LIST_COPY,
    M_LIST_CLEAR, M_DICT_GET, M_DICT_KEYS, M_DICT_VALUES, M_DICT_ITEMS, M_DICT_POP,
    M_DICT_SETDEFAULT, M_DICT_UPDATE, M_DICT_COPY, M_DICT_CLEAR, M_TUPLE_INDEX,
    M_TUPLE_COUNT, DUNDER,
)

# value-error messages (ERR_VALUE, R_ERR_A) decoded by the host
VAL_EMPTY_MINMAX = 20
VAL_NOT_IN_LIST = 21
VAL_RANGE_STEP_ZERO = 22
VAL_REMOVE_MISSING = 23
VAL_ZIP_TOO_WIDE = 24


@njit(cache=CACHE)
def int_to_str(st, v, slot):
    """str(v) of an int64 into S[slot] (room for 1 object + 20 chars reserved)."""
    buf = np.empty(20, np.int32)
    n = 0
    neg = v < 0
    # magnitude as unsigned, so that INT_MIN needs no special case
    u = np.uint64(-(v + 1)) + np.uint64(1) if neg else np.uint64(v)
    while True:
        buf[n] = 48 + np.int32(u % np.uint64(10))
        n += 1
        u = u // np.uint64(10)
        if u == 0:
            break
    if neg:
        buf[n] = 45
        n += 1
    r = heap.new_str(st, n)
    o = H_(st)[r, A]
    for i in range(n):
        CH_(st)[o + i] = buf[n - 1 - i]
    S_(st)[slot, 0] = STR
    S_(st)[slot, 1] = r


@njit(sig("i8(P, i8, i8)"), cache=CACHE)
def service(st, bid, n):
    """Hand the current call to the host."""
    R_(st)[R_SERVICE] = bid
    R_(st)[R_ARGC] = n
    R_(st)[R_KWNAMES] = -1
    return ST_SERVICE


@njit(sig("i8(P, i8, i8, i8)"), cache=CACHE)
def put(st, slot, tag, val):
    S_(st)[slot, 0] = tag
    S_(st)[slot, 1] = val
    return ST_RUNNING


@njit(cache=CACHE, entry_sig=sig("(i8,)"))
def type_of(tag):
    """The builtin type id of a value's tag, or -1."""
    if tag == INT or tag == BIGINT:
        return B_INT
    if tag == FLOAT:
        return B_FLOAT
    if tag == STR:
        return B_STR
    if tag == BOOL:
        return B_BOOL
    if tag == LIST:
        return B_LIST
    if tag == TUPLE:
        return B_TUPLE
    if tag == DICT:
        return B_DICT
    if tag == RANGE:
        return B_RANGE
    if tag == NONE:
        return B_NONETYPE
    if tag == FUNC:
        return B_FUNCTION
    if tag == SET:
        return B_SET
    if tag == FROZENSET:
        return B_FROZENSET
    if tag == GEN:
        return B_GENERATOR
    if tag == SLICE:
        return B_SLICE
    if tag == MODULE:
        return B_MODULE
    return -1


@njit(cache=CACHE)
def is_exc_type(bid):
    """Whether builtin bid is an exception type."""
    return 0 <= bid < EXC_PARENT_ID.shape[0] and EXC_PARENT_ID[bid] != NOT_EXCEPTION


@njit(cache=CACHE, entry_sig=sig("(i8, i8)"))
def exc_subclass(bid, target):
    """Whether builtin exception type bid is target or derives from it."""
    for _ in range(EXC_PARENT_ID.shape[0]):   # bounded walk up the hierarchy
        if bid == target:
            return True
        if not is_exc_type(bid):
            return False
        bid = EXC_PARENT_ID[bid]
    return False


@njit(cache=CACHE)
def is_instance(st, tag, val, tid):
    """isinstance(value, builtin type tid)."""
    if tid == B_OBJECT:
        return True         # every value is an object
    if tid == B_TYPE and tag == BUILTIN:
        return 0 <= val < IS_TYPE.shape[0] and IS_TYPE[val] == 1
    if tag == EXC:
        return exc_subclass(H_(st)[val, A], tid)
    t = type_of(tag)
    if t == tid:
        return True
    return tid == B_INT and tag == BOOL


@njit(cache=CACHE)
def new_exception(st, bid, sp, n, res):
    """Call exception type bid with the n arguments on top of the stack."""
    if not heap.reserve(st, 2, n, 0):
        return ST_NEED_MEMORY
    args = heap.new_tuple(st, n)
    S = S_(st)
    V = V_(st)
    o = H_(st)[args, A]
    for i in range(n):
        V[o + i, 0] = S[sp - n + i, 0]
        V[o + i, 1] = S[sp - n + i, 1]
    e = heap.new_obj(st, EXC)
    H_(st)[e, A] = bid
    H_(st)[e, B] = args
    H_(st)[e, C] = -1
    return put(st, res, EXC, e)


# ---------------------------------------------------------------------------
# Sorting: a stable merge sort on (tag, payload) rows, using Python's < order
# ---------------------------------------------------------------------------

@njit(sig("UniTuple(b1, 2)(P, i8, i8, i8, i8)"), cache=CACHE)
def less(st, ta, a, tb, b):
    """(a < b, ok)."""
    if ta == INT and tb == INT:
        return a < b, True
    c = heap.compare_order(st, 0, ta, a, tb, b)
    return c == 1, c >= 0


@njit(cache=CACHE)
def sort_rows(st, o, n, reverse):
    """Sort V[o:o+n] in place, stably; returns False if two items are unorderable."""
    V = V_(st)
    if n < 2:
        return True
    # all-int fast path
    all_int = True
    for i in range(n):
        if V[o + i, 0] != INT:
            all_int = False
            break
    heap.charge(st, 4 * n)   # roughly n log n comparisons, in units of WORK_UNIT
    if all_int:
        keys = V[o:o + n, 1].copy()
        keys.sort()
        if reverse:
            keys = keys[::-1]
        for i in range(n):
            V[o + i, 1] = keys[i]
        return True
    src = V[o:o + n].copy()
    if reverse:   # reverse, stable sort, reverse: equal items keep their order
        src = src[::-1].copy()
    dst = np.empty_like(src)
    width = 1
    while width < n:
        i = 0
        while i < n:
            mid = min(i + width, n)
            hi = min(i + 2 * width, n)
            p = i
            q = mid
            k = i
            while p < mid and q < hi:
                lt, ok = less(st, src[q, 0], src[q, 1], src[p, 0], src[p, 1])
                if not ok:
                    return False
                if lt:
                    dst[k] = src[q]
                    q += 1
                else:
                    dst[k] = src[p]
                    p += 1
                k += 1
            while p < mid:
                dst[k] = src[p]
                p += 1
                k += 1
            while q < hi:
                dst[k] = src[q]
                q += 1
                k += 1
            i += 2 * width
        src, dst = dst, src
        width *= 2
    if reverse:
        src = src[::-1]
    for i in range(n):
        V[o + i, 0] = src[i, 0]
        V[o + i, 1] = src[i, 1]
    return True


# ---------------------------------------------------------------------------
# Builtin functions
# ---------------------------------------------------------------------------

@njit(cache=CACHE)
def arg_tag(st, sp, n, i):
    return S_(st)[sp - n + i, 0]


@njit(cache=CACHE)
def arg_val(st, sp, n, i):
    return S_(st)[sp - n + i, 1]


@njit(cache=CACHE)
def minmax(st, bid, sp, n):
    S = S_(st)
    V = V_(st)
    H = H_(st)
    res = sp - n - 1
    if n == 0:
        return service(st, bid, n)
    if n == 1:
        t = S[sp - 1, 0]
        if t != LIST and t != TUPLE:
            r, status = seq.materialize(st, t, S[sp - 1, 1], False)
            if status != ST_RUNNING:
                return status
            S[sp - 1, 0] = LIST   # keep the temporary list rooted on the stack
            S[sp - 1, 1] = r
        src = S[sp - 1, 1]
        o = H[src, A]
        m = H[src, B]
        if m == 0:
            return fail(st, ERR_VALUE, VAL_EMPTY_MINMAX, bid, 0)
        stride = 1
    else:
        o = -1
        m = n
    bt = 0
    bv = 0
    for i in range(m):
        if o >= 0:
            t = V[o + i, 0]
            v = V[o + i, 1]
        else:
            t = S[sp - n + i, 0]
            v = S[sp - n + i, 1]
        if i == 0:
            bt = t
            bv = v
            continue
        if bid == B_MIN:
            lt, ok = less(st, t, v, bt, bv)
        else:
            lt, ok = less(st, bt, bv, t, v)
        if not ok:
            return fail(st, ERR_CMP_TYPES, 0, t, bt)
        if lt:
            bt = t
            bv = v
    if R_(st)[R_DEEP] != 0:
        return ST_RUNNING   # items compare with a script __eq__: the prelude's min/max
    return put(st, res, bt, bv)


@njit(cache=CACHE)
def builtin_sum(st, sp, n):
    S = S_(st)
    H = H_(st)
    V = V_(st)
    res = sp - n - 1
    if n == 2:
        at = S[sp - 1, 0]
        acc = S[sp - 1, 1]
    else:
        at = INT
        acc = np.int64(0)
    if not is_number(at):
        return service(st, B_SUM, n)
    t = S[sp - n, 0]
    if t != LIST and t != TUPLE:
        r, status = seq.materialize(st, t, S[sp - n, 1], False)
        if status != ST_RUNNING:
            return status
        S[sp - n, 0] = LIST
        S[sp - n, 1] = r
    src = S[sp - n, 1]
    o = H[src, A]
    for i in range(H[src, B]):
        t = V[o + i, 0]
        v = V[o + i, 1]
        if not is_number(t):
            return service(st, B_SUM, n)
        if at != FLOAT and t != FLOAT:
            tt, acc2, status = int_binop(st, 0, acc, v)
            if status == ST_SERVICE:
                return service(st, B_SUM, n)    # the sum leaves int64
            if status != ST_RUNNING:
                return status
            acc = acc2
            at = INT
        else:
            x = heap.as_float(at, acc) + heap.as_float(t, v)
            acc = fbits(x)
            at = FLOAT
    return put(st, res, at, acc)


@njit(cache=CACHE)
def builtin_range(st, sp, n):
    S = S_(st)
    for i in range(n):
        t = S[sp - n + i, 0]
        if t != INT and t != BOOL:
            return service(st, B_RANGE, n)
    if n == 0 or n > 3:
        return service(st, B_RANGE, n)
    if not heap.reserve(st, 1, 0, 0):
        return ST_NEED_MEMORY
    start = 0
    step = 1
    if n == 1:
        stop = S[sp - 1, 1]
    else:
        start = S[sp - n, 1]
        stop = S[sp - n + 1, 1]
        if n == 3:
            step = S[sp - 1, 1]
    if step == 0:
        return fail(st, ERR_VALUE, VAL_RANGE_STEP_ZERO, 0, 0)
    r = heap.new_obj(st, RANGE)
    H_(st)[r, A] = start
    H_(st)[r, B] = stop
    H_(st)[r, C] = step
    return put(st, sp - n - 1, RANGE, r)


@njit(cache=CACHE)
def builtin_wrapper(st, bid, sp, n):
    """enumerate(x), zip(*xs), reversed(x): new iterator objects."""
    S = S_(st)
    H = H_(st)
    V = V_(st)
    res = sp - n - 1
    if bid == B_REVERSED:
        if n != 1:
            return service(st, bid, n)
        t = S[sp - 1, 0]
        v = S[sp - 1, 1]
        if not heap.reserve(st, 1, 0, 0):
            return ST_NEED_MEMORY
        if t == RANGE:
            start = H[v, A]
            step = H[v, C]
            m = heap.range_len(start, H[v, B], step)
            r = heap.new_obj(st, ITER)
            H[r, A] = IT_RANGE
            H[r, B] = RANGE
            H[r, C] = v
            H[r, D] = start + (m - 1) * step
            H[r, E] = start - step
            H[r, F] = -step
            return put(st, res, ITER, r)
        if t == LIST or t == TUPLE or t == STR:
            r = heap.new_obj(st, ITER)
            H[r, A] = IT_REVERSED
            H[r, B] = t
            H[r, C] = v
            H[r, D] = H[v, B]
            return put(st, res, ITER, r)
        return service(st, bid, n)
    if bid == B_ENUMERATE:
        if n == 2 and S[sp - 1, 0] != INT and S[sp - 1, 0] != BOOL:
            return service(st, bid, n)
        if n != 1 and n != 2:
            return service(st, bid, n)
        start = S[sp - 1, 1] if n == 2 else 0
        sp = sp - n + 1   # the iterable is now "on top"
        depth = seq.wrap_depth(st, S[sp - 1, 0], S[sp - 1, 1]) + 1
        if depth > seq.MAX_WRAP_DEPTH:
            return fail(st, ERR_VALUE, VAL_ZIP_TOO_WIDE, 0, 0)
        if not heap.reserve(st, 2, 0, 0):
            return ST_NEED_MEMORY
        it_t, it, status = seq.make_iter(st, S[sp - 1, 0], S[sp - 1, 1])
        if status != ST_RUNNING:
            return status
        r = heap.new_obj(st, ITER)
        H[r, A] = IT_ENUMERATE
        H[r, B] = ITER
        H[r, C] = it
        H[r, D] = start
        H[r, E] = depth
        return put(st, res, ITER, r)
    # zip
    if n > 32:
        return fail(st, ERR_VALUE, VAL_ZIP_TOO_WIDE, 0, 0)
    depth = 1
    for i in range(n):
        d = seq.wrap_depth(st, S[sp - n + i, 0], S[sp - n + i, 1]) + 1
        if d > depth:
            depth = d
    if depth > seq.MAX_WRAP_DEPTH:
        return fail(st, ERR_VALUE, VAL_ZIP_TOO_WIDE, 0, 0)
    if not heap.reserve(st, 2 + n, n, 0):
        return ST_NEED_MEMORY
    for i in range(n):   # check every argument before allocating anything
        t = S[sp - n + i, 0]
        if not (t == LIST or t == TUPLE or t == STR or t == DICT or t == RANGE
                or t == DICTVIEW or t == ITER or t == SET or t == FROZENSET):
            return seq.make_iter(st, t, S[sp - n + i, 1])[2]
    tup = heap.new_tuple(st, n)
    to = H[tup, A]
    for i in range(n):
        it_t, it, status = seq.make_iter(st, S[sp - n + i, 0], S[sp - n + i, 1])
        V[to + i, 0] = ITER
        V[to + i, 1] = it
    r = heap.new_obj(st, ITER)
    H[r, A] = IT_ZIP
    H[r, B] = TUPLE
    H[r, C] = tup
    H[r, E] = depth
    return put(st, res, ITER, r)


@njit(cache=CACHE, entry_sig=sig("(P, i8, i8)"))
def dict_copy(st, src, slot):
    """S[slot] = a new dict with src's live entries, in order (dict(d), d.copy())."""
    H = H_(st)
    V = V_(st)
    m = H[src, F]
    if not heap.reserve(st, 1, heap.dict_rows(m), 0):
        return ST_NEED_MEMORY
    d = heap.new_dict(st, m)
    o = H[src, A]
    for e in range(H[src, B]):
        if V[o + 2 * e, 0] != UNDEF:
            heap.dict_set(st, d, V[o + 2 * e, 0], V[o + 2 * e, 1],
                          V[o + 2 * e + 1, 0], V[o + 2 * e + 1, 1])
    heap.charge(st, m)
    return put(st, slot, DICT, d)


@njit(cache=CACHE)
def builtin_dict(st, sp, n):
    S = S_(st)
    H = H_(st)
    V = V_(st)
    res = sp - n - 1
    if n == 0:
        if not heap.reserve(st, 1, heap.dict_rows(4), 0):
            return ST_NEED_MEMORY
        return put(st, res, DICT, heap.new_dict(st, 4))
    if n != 1:
        return service(st, B_DICT, n)
    t = S[sp - 1, 0]
    v = S[sp - 1, 1]
    if t == DICT:
        return dict_copy(st, v, res)
    if t != LIST and t != TUPLE:
        r, status = seq.materialize(st, t, v, False)
        if status != ST_RUNNING:
            return status
        S[sp - 1, 0] = LIST
        S[sp - 1, 1] = r
        v = r
    m = H[v, B]
    o = H[v, A]
    for i in range(m):   # validate every pair before building
        pt = V[o + i, 0]
        if (pt != TUPLE and pt != LIST) or H[V[o + i, 1], B] != 2:
            return service(st, B_DICT, n)
        po = H[V[o + i, 1], A]
        if not heap.is_hashable(st, V[po, 0], V[po, 1]):
            return fail(st, ERR_UNHASHABLE, 0, V[po, 0], 0)
    if not heap.reserve(st, 1, heap.dict_rows(m), 0):
        return ST_NEED_MEMORY
    d = heap.new_dict(st, m)
    for i in range(m):
        po = H[V[o + i, 1], A]
        heap.dict_set(st, d, V[po, 0], V[po, 1], V[po + 1, 0], V[po + 1, 1])
    return put(st, res, DICT, d)


# ---------------------------------------------------------------------------
# Classes: type(), isinstance() and issubclass() with script classes; the
# builtins that make class-related objects
# ---------------------------------------------------------------------------

@njit(cache=CACHE)
def type_value(st, t, v):
    """type(x) as a value: (tag, payload), or (UNDEF, 0) if the host must say."""
    cls = objects.class_of(st, t, v)
    if cls >= 0:
        return CLASS, cls
    if t == INSTANCE:
        return BUILTIN, B_OBJECT
    if t == CLASS:
        return BUILTIN, B_TYPE
    tid = type_of(t)
    if t == EXC:
        tid = H_(st)[v, A]
    if tid >= 0:
        return BUILTIN, tid
    return UNDEF, 0


@njit(cache=CACHE)
def isinstance_one(st, t, v, ct, cv):
    """(isinstance(x, one type), ok) for a class or builtin type (ok False: not a type)."""
    if ct == CLASS:
        cls = objects.class_of(st, t, v)
        return cls >= 0 and objects.is_subclass(st, cls, CLASS, cv), True
    if ct != BUILTIN:
        return False, False
    if cv == B_OBJECT:
        return True, True
    if t == CLASS:
        return cv == B_TYPE, True
    if t == INSTANCE:       # a subclass of a builtin type has it in its MRO
        cls = objects.class_of(st, t, v)
        return cls >= 0 and objects.is_subclass(st, cls, BUILTIN, cv), True
    if t == BOUND or t == WRAPPER or t == SUPER:
        return False, True
    return is_instance(st, t, v, cv), True


@njit(cache=CACHE)
def subclass_one(st, t, v, ct, cv):
    """(issubclass(type (t, v), type (ct, cv)), ok)."""
    if ct == BUILTIN and cv == B_OBJECT and (t == CLASS or t == BUILTIN):
        return True, True
    if t == CLASS:
        if ct != CLASS and ct != BUILTIN:
            return False, False
        return objects.is_subclass(st, v, ct, cv), True
    if t == BUILTIN and ct == CLASS:
        return False, True
    if t == BUILTIN and ct == BUILTIN:
        return v == cv or (v == B_BOOL and cv == B_INT) or (
            is_exc_type(v) and exc_subclass(v, cv)), True
    return False, False


@njit(cache=CACHE)
def type_test(st, bid, sp, n):
    """isinstance / issubclass with classes or tuples of them: (result, ok)."""
    S = S_(st)
    t = S[sp - 2, 0]
    v = S[sp - 2, 1]
    ct = S[sp - 1, 0]
    cv = S[sp - 1, 1]
    if ct == TUPLE:
        o = H_(st)[cv, A]
        found = False
        for i in range(H_(st)[cv, B]):
            it = V_(st)[o + i, 0]
            iv = V_(st)[o + i, 1]
            if bid == B_ISINSTANCE:
                r, ok = isinstance_one(st, t, v, it, iv)
            else:
                r, ok = subclass_one(st, t, v, it, iv)
            if not ok:
                return False, False
            found = found or r
        return found, True
    if bid == B_ISINSTANCE:
        return isinstance_one(st, t, v, ct, cv)
    return subclass_one(st, t, v, ct, cv)


@njit(cache=CACHE)
def new_wrapper(st, kind, sp, n, res):
    """staticmethod(f), classmethod(f), property(fget[, fset[, fdel]])."""
    if not heap.reserve(st, 2, 3, 0):
        return ST_NEED_MEMORY
    S = S_(st)
    size = 3 if kind == WR_PROPERTY else 1
    tup = heap.new_tuple(st, size)
    o = H_(st)[tup, A]
    for i in range(size):
        if i < n:
            V_(st)[o + i, 0] = S[sp - n + i, 0]
            V_(st)[o + i, 1] = S[sp - n + i, 1]
        else:
            V_(st)[o + i, 0] = NONE
            V_(st)[o + i, 1] = 0
    w = heap.new_obj(st, WRAPPER)
    H_(st)[w, A] = kind
    H_(st)[w, B] = tup
    return put(st, res, WRAPPER, w)


@njit(cache=CACHE)
def class_builtin(st, bid, sp, n, res):
    """The builtins of classes: object, super, staticmethod, classmethod, property,
    callable, id, and the prelude's __amber_lookup / __amber_userclass."""
    S = S_(st)
    H = H_(st)
    if bid == B_OBJECT and n == 0:
        if not heap.reserve(st, 1, 0, 0):
            return ST_NEED_MEMORY
        r = heap.new_obj(st, INSTANCE)
        H[r, A] = -1
        H[r, B] = -1
        return put(st, res, INSTANCE, r)
    if bid == B_SUPER and n == 2 and S[sp - 2, 0] == CLASS:
        c = S[sp - 2, 1]
        t = S[sp - 1, 0]
        v = S[sp - 1, 1]
        cls = v if t == CLASS else objects.class_of(st, t, v)
        if cls < 0 or not objects.is_subclass(st, cls, CLASS, c):
            return service(st, bid, n)      # the host words the TypeError
        if not heap.reserve(st, 1, 0, 0):
            return ST_NEED_MEMORY
        r = heap.new_obj(st, SUPER)
        H[r, A] = c
        H[r, B] = t
        H[r, C] = v
        return put(st, res, SUPER, r)
    if (bid == B_STATICMETHOD or bid == B_CLASSMETHOD) and n == 1:
        return new_wrapper(st, WR_STATIC if bid == B_STATICMETHOD else WR_CLASS, sp, n, res)
    if bid == B_PROPERTY and n <= 3:
        return new_wrapper(st, WR_PROPERTY, sp, n, res)
    if bid == B_CALLABLE and n == 1:
        t = S[sp - 1, 0]
        v = S[sp - 1, 1]
        r = t == FUNC or t == BUILTIN or t == CLASS or t == BOUND
        if t == INSTANCE or t == EXC:
            ft, fv = objects.special_lookup(st, t, v, N_CALL)
            r = ft != UNDEF
        return put(st, res, BOOL, 1 if r else 0)
    if bid == B_ID and n == 1:
        t = S[sp - 1, 0]
        v = S[sp - 1, 1]
        if t >= HEAP:
            return put(st, res, INT, 0x7f0000000000 + 16 * H[v, SERIAL])
        return put(st, res, INT, 0x7e0000000000 + 16 * (v & 0xFFFFFFFF) + t)
    if bid == B___AMBER_LOOKUP and n == 3 and S[sp - 2, 0] == STR:
        if S[sp - 3, 0] == CLASS:
            t, v, owner = objects.mro_lookup(st, S[sp - 3, 1], S[sp - 2, 1], -1)
            if t != UNDEF:
                return put(st, res, t, v)
        return put(st, res, S[sp - 1, 0], S[sp - 1, 1])
    if bid == B___AMBER_USERCLASS and n == 1:
        cls = objects.class_of(st, S[sp - 1, 0], S[sp - 1, 1])
        if cls >= 0:
            return put(st, res, CLASS, cls)
        return put(st, res, NONE, 0)
    return service(st, bid, n)


@njit(cache=CACHE)
def base_value_builtin(st, bid, sp, n, res):
    """__amber_base(x): the value of a builtin type that an instance of a subclass of
    that type holds (x itself for any other value); __amber_wrap(cls, value): a new
    instance of class cls holding value (stdlib/__amber_bases.py)."""
    S = S_(st)
    H = H_(st)
    t = S[sp - 1, 0]
    v = S[sp - 1, 1]
    if bid == B___AMBER_BASE and n == 1:
        if t == INSTANCE and H[v, C] != UNDEF:
            return put(st, res, H[v, C], H[v, D])
        return put(st, res, t, v)
    if bid == B___AMBER_WRAP and n == 2 and S[sp - 2, 0] == CLASS and t != UNDEF:
        if not heap.reserve(st, 3, heap.dict_rows(4), 0):
            return ST_NEED_MEMORY
        r = heap.new_obj(st, INSTANCE)
        H[r, A] = S[sp - 2, 1]
        H[r, B] = heap.new_dict(st, 0)
        H[r, C] = t
        H[r, D] = v
        return put(st, res, INSTANCE, r)
    return service(st, bid, n)


@njit(cache=CACHE)
def _same_hash_rows(st, c, is_dict, h, out, o):
    """The stored keys of dict or set c whose stored hash is h (in probe order):
    their count, written as values at V[o...] when out is True."""
    H = H_(st)
    V = V_(st)
    found = 0
    perturb = np.uint64(h)
    if is_dict:
        io = H[c, D]
        eo = H[c, A]
        mask = H[c, E] - 1
        i = np.int64(np.uint64(h) & np.uint64(mask))
        while V[io + i, 0] != -1:
            e = V[io + i, 0]
            if V[io + i, 1] == h and V[eo + 2 * e, 0] != UNDEF:
                if out:
                    V[o + found, 0] = V[eo + 2 * e, 0]
                    V[o + found, 1] = V[eo + 2 * e, 1]
                found += 1
            perturb >>= np.uint64(5)
            i = np.int64((np.uint64(i) * np.uint64(5) + np.uint64(1) + perturb) & np.uint64(mask))
        return found
    so = H[c, A]
    mask = np.uint64(H[c, E] - 1)
    i = np.uint64(h) & mask
    while True:     # (as heap.set_lookup: linear probes, then a perturbed jump)
        probes = heap.LINEAR_PROBES if i + np.uint64(heap.LINEAR_PROBES) <= mask else 0
        j = np.int64(i)
        while True:
            t = V[so + 2 * j, 0]
            if t == UNDEF:
                if V[so + 2 * j, 1] == 0:
                    return found
            elif V[so + 2 * j + 1, 0] == h:
                if out:
                    V[o + found, 0] = t
                    V[o + found, 1] = V[so + 2 * j, 1]
                found += 1
            if probes == 0:
                break
            probes -= 1
            j += 1
        perturb >>= np.uint64(5)
        i = (i * np.uint64(5) + np.uint64(1) + perturb) & mask


@njit(cache=CACHE)
def key_builtin(st, bid, sp, n, res):
    """__amber_set_hash(x, h): cache h as instance x's hash; __amber_same_hash(c, k):
    the keys of dict or set c stored with k's hash, a list (the prelude then finds
    the one equal to k with ==)."""
    S = S_(st)
    H = H_(st)
    if bid == B___AMBER_SET_HASH and n == 2 and S[sp - 1, 0] == INT:
        if S[sp - 2, 0] == INSTANCE:
            H[S[sp - 2, 1], E] = S[sp - 1, 1]
            H[S[sp - 2, 1], F] = 1
        return put(st, res, NONE, 0)
    if bid == B___AMBER_SAME_HASH and n == 2:
        tc = S[sp - 2, 0]
        c = S[sp - 2, 1]
        if tc == DICTVIEW:
            c = H[c, A]
            tc = DICT
        if tc == DICT or tc == SET or tc == FROZENSET:
            t = S[sp - 1, 0]
            v = S[sp - 1, 1]
            if not heap.is_hashable(st, t, v):
                return fail(st, ERR_UNHASHABLE, 0, t, 0)
            h = heap.hash_value(st, t, v)
            m = _same_hash_rows(st, c, tc == DICT, h, False, 0)
            if not heap.reserve(st, 1, m, 0):
                return ST_NEED_MEMORY
            r = heap.new_list(st, m, m)
            H_(st)[r, B] = _same_hash_rows(st, c, tc == DICT, h, True, H_(st)[r, A])
            return put(st, res, LIST, r)
    return service(st, bid, n)


@njit(cache=CACHE, entry_sig=sig("(P, i8, i8, i8)"))
def call_builtin(st, bid, sp, n):
    """Call builtin `bid` with the n arguments on top of the stack."""
    S = S_(st)
    H = H_(st)
    res = sp - n - 1
    if MODULE_FN_FIRST <= bid <= MODULE_FN_LAST:   # a module's function (modfns.py)
        return modfns.call_module_fn(st, bid, sp, n)
    if bid == B_LEN:
        if n == 1:
            m = seq.seq_len(st, S[sp - 1, 0], S[sp - 1, 1])
            if m >= 0:
                return put(st, res, INT, m)
        return service(st, bid, n)
    if B_OBJECT <= bid <= B___AMBER_NEW:
        return class_builtin(st, bid, sp, n, res)
    if bid == B___AMBER_BASE or bid == B___AMBER_WRAP:
        return base_value_builtin(st, bid, sp, n, res)
    if bid == B___AMBER_SET_HASH or bid == B___AMBER_SAME_HASH:
        return key_builtin(st, bid, sp, n, res)
    if (bid == B_ISINSTANCE or bid == B_ISSUBCLASS) and n == 2 and (
            S[sp - 1, 0] == CLASS or S[sp - 2, 0] == CLASS or S[sp - 1, 0] == TUPLE
            or S[sp - 2, 0] == INSTANCE or (S[sp - 2, 0] == EXC and H[S[sp - 2, 1], E] >= 0)):
        r, ok = type_test(st, bid, sp, n)
        if ok:
            return put(st, res, BOOL, 1 if r else 0)
        return service(st, bid, n)
    if bid == B_ISINSTANCE:
        if n == 2:
            t = S[sp - 2, 0]
            ct = S[sp - 1, 0]
            cv = S[sp - 1, 1]
            tv = S[sp - 2, 1]
            if ct == BUILTIN:
                return put(st, res, BOOL, 1 if is_instance(st, t, tv, cv) else 0)
            if ct == TUPLE:
                o = H[cv, A]
                ok = True
                found = False
                for i in range(H[cv, B]):
                    if V_(st)[o + i, 0] != BUILTIN:
                        ok = False
                    elif is_instance(st, t, tv, V_(st)[o + i, 1]):
                        found = True
                if ok:
                    return put(st, res, BOOL, 1 if found else 0)
        return service(st, bid, n)
    if bid == B_ABS:
        if n == 1:
            t = S[sp - 1, 0]
            v = S[sp - 1, 1]
            if t == INT or t == BOOL:
                if v == INT_MIN:
                    return service(st, bid, n)    # 2**63: a big int
                return put(st, res, INT, -v if v < 0 else v)
            if t == FLOAT:
                return put(st, res, FLOAT, fbits(abs(fval(v))))
        return service(st, bid, n)
    if bid == B_MIN or bid == B_MAX:
        return minmax(st, bid, sp, n)
    if bid == B_SUM:
        if n == 1 or n == 2:
            return builtin_sum(st, sp, n)
        return service(st, bid, n)
    if bid == B_RANGE:
        return builtin_range(st, sp, n)
    if bid == B_BOOL:
        if n == 0:
            return put(st, res, BOOL, 0)
        if n == 1:
            return put(st, res, BOOL, 1 if truthy(st, S[sp - 1, 0], S[sp - 1, 1]) else 0)
        return service(st, bid, n)
    if bid == B_INT:
        if n == 1:
            t = S[sp - 1, 0]
            v = S[sp - 1, 1]
            if t == INT or t == BOOL:
                return put(st, res, INT, v)
            if t == FLOAT:
                x = fval(v)
                if x != x or x == np.inf or x == -np.inf:
                    return service(st, bid, n)
                if x >= 9.223372036854775807e18 or x < -9.223372036854775808e18:
                    return service(st, bid, n)    # a big int
                return put(st, res, INT, np.int64(x))
        if n == 0:
            return put(st, res, INT, 0)
        return service(st, bid, n)
    if bid == B_FLOAT:
        if n == 1:
            t = S[sp - 1, 0]
            v = S[sp - 1, 1]
            if t == FLOAT:
                return put(st, res, FLOAT, v)
            if t == INT or t == BOOL:
                return put(st, res, FLOAT, fbits(np.float64(v)))
        if n == 0:
            return put(st, res, FLOAT, fbits(0.0))
        return service(st, bid, n)
    if bid == B_LIST or bid == B_TUPLE:
        if n == 0:
            if not heap.reserve(st, 1, 0, 0):
                return ST_NEED_MEMORY
            if bid == B_LIST:
                return put(st, res, LIST, heap.new_list(st, 0, 0))
            return put(st, res, TUPLE, heap.new_tuple(st, 0))
        if n == 1:
            if bid == B_TUPLE and S[sp - 1, 0] == TUPLE:
                return put(st, res, TUPLE, S[sp - 1, 1])
            r, status = seq.materialize(st, S[sp - 1, 0], S[sp - 1, 1], bid == B_TUPLE)
            if status != ST_RUNNING:
                return status
            return put(st, res, TUPLE if bid == B_TUPLE else LIST, r)
        return service(st, bid, n)
    if bid == B_DICT:
        return builtin_dict(st, sp, n)
    if bid == B_ENUMERATE or bid == B_ZIP or bid == B_REVERSED:
        return builtin_wrapper(st, bid, sp, n)
    if bid == B_SORTED:
        if n != 1:
            return service(st, bid, n)
        r, status = seq.materialize(st, S[sp - 1, 0], S[sp - 1, 1], False)
        if status != ST_RUNNING:
            return status
        S[sp - 1, 0] = LIST     # root the new list while sorting
        S[sp - 1, 1] = r
        if not sort_rows(st, H[r, A], H[r, B], False):
            return service(st, bid, n)   # unorderable: the host reports CPython's error
        if R_(st)[R_DEEP] != 0:
            return ST_RUNNING   # items compare with a script __eq__: the prelude sorts
        return put(st, res, LIST, r)
    if bid == B_STR and n == 1:
        t = S[sp - 1, 0]
        if t == STR:
            return put(st, res, STR, S[sp - 1, 1])
        if t == INT:
            if not heap.reserve(st, 1, 0, 20):
                return ST_NEED_MEMORY
            int_to_str(st, S[sp - 1, 1], res)
            return ST_RUNNING
        return service(st, bid, n)
    if bid == B_CHR:
        status = strs.builtin_chr(st, sp, n)
        if status != strs.NOT_HANDLED:
            return status
        return service(st, bid, n)
    if bid == B_ORD:
        if n == 1 and S[sp - 1, 0] == STR and H[S[sp - 1, 1], B] == 1:
            return put(st, res, INT, CH_(st)[H[S[sp - 1, 1], A]])
        return service(st, bid, n)
    if bid == B_TYPE:
        if n == 1:
            t, v = type_value(st, S[sp - 1, 0], S[sp - 1, 1])
            if t != UNDEF:
                return put(st, res, t, v)
        return service(st, bid, n)
    if is_exc_type(bid):
        return new_exception(st, bid, sp, n, res)
    if bid == B_HASH or bid == B_ITER or bid == B_NEXT or bid == B_ISSUBCLASS:
        return iteration_builtin(st, bid, sp, n, res)
    if bid == B_SET or bid == B_FROZENSET:
        return sets.builtin_set(st, bid, sp, n)
    return service(st, bid, n)


@njit(cache=CACHE)
def iteration_builtin(st, bid, sp, n, res):
    """hash(x), iter(x), next(it[, default]), issubclass(builtin type, types)."""
    S = S_(st)
    t = S[sp - n, 0] if n > 0 else UNDEF
    v = S[sp - n, 1] if n > 0 else 0
    if bid == B_HASH and n == 1:
        if not heap.is_hashable(st, t, v):
            return fail(st, ERR_UNHASHABLE, 0, t, 0)
        return put(st, res, INT, heap.hash_value(st, t, v))
    if bid == B_ITER and n == 1:
        if not heap.reserve(st, 1, 0, 0):
            return ST_NEED_MEMORY
        it, iv, status = seq.make_iter(st, t, v)
        if status != ST_RUNNING:
            return status
        return put(st, res, it, iv)
    if bid == B_NEXT and (n == 1 or n == 2) and t == ITER:
        ob, vb, cb = seq.step_cost(st, v)
        if not heap.reserve(st, ob + 2, vb, cb):
            return ST_NEED_MEMORY
        rt, rv = seq.iter_next(st, v)
        if rt != UNDEF:
            return put(st, res, rt, rv)
        if n == 2:
            return put(st, res, S[sp - 1, 0], S[sp - 1, 1])
        return fail(st, ERR_STOP_ITERATION, 0, 0, 0)
    if bid == B_ISSUBCLASS and n == 2 and t == BUILTIN and S[sp - 1, 0] == BUILTIN:
        target = S[sp - 1, 1]
        r = v == target or target == B_OBJECT or (v == B_BOOL and target == B_INT) or \
            (is_exc_type(v) and exc_subclass(v, target))
        return put(st, res, BOOL, 1 if r else 0)
    return service(st, bid, n)


# ---------------------------------------------------------------------------
# Builtin methods: stack is  meth self a1..an
# ---------------------------------------------------------------------------

@njit(cache=CACHE)
def list_find(st, lst, t, v, start):
    H = H_(st)
    V = V_(st)
    heap.charge(st, H[lst, B])
    o = H[lst, A]
    for i in range(start, H[lst, B]):
        if heap.values_eq(st, V[o + i, 0], V[o + i, 1], t, v):
            return i
    return -1


@njit(cache=CACHE)
def dict_method(st, mid, sp, n):
    S = S_(st)
    H = H_(st)
    V = V_(st)
    res = sp - n - 2
    me = S[sp - n - 1, 1]
    if mid == M_DICT_GET or mid == M_DICT_POP or mid == M_DICT_SETDEFAULT:
        if n < 1 or n > 2:
            return service(st, -1 - mid, n)
        kt = S[sp - n, 0]
        kv = S[sp - n, 1]
        if not heap.is_hashable(st, kt, kv):
            return fail(st, ERR_UNHASHABLE, 0, kt, 0)
        e = heap.dict_get(st, me, kt, kv)
        if e >= 0:
            eo = H[me, A] + 2 * e + 1
            t = V[eo, 0]
            v = V[eo, 1]
            if mid == M_DICT_POP:
                heap.dict_delete_entry(st, me, e)
            return put(st, res, t, v)
        if n == 2:
            dt = S[sp - 1, 0]
            dv = S[sp - 1, 1]
        elif mid == M_DICT_POP:
            return fail(st, ERR_KEY, 0, kt, kv)
        else:
            dt = NONE
            dv = 0
        if mid == M_DICT_SETDEFAULT:
            if not heap.reserve(st, 0, heap.dict_set_need(st, me), 0):
                return ST_NEED_MEMORY
            heap.dict_set(st, me, kt, kv, dt, dv)
        return put(st, res, dt, dv)
    if mid == M_DICT_KEYS or mid == M_DICT_VALUES or mid == M_DICT_ITEMS:
        if n != 0:
            return service(st, -1 - mid, n)
        if not heap.reserve(st, 1, 0, 0):
            return ST_NEED_MEMORY
        r = heap.new_obj(st, DICTVIEW)
        H[r, A] = me
        H[r, B] = 0 if mid == M_DICT_KEYS else (1 if mid == M_DICT_VALUES else 2)
        return put(st, res, DICTVIEW, r)
    if mid == M_DICT_UPDATE:
        if n != 1 or S[sp - 1, 0] != DICT:
            return service(st, -1 - mid, n)
        src = S[sp - 1, 1]
        m = H[src, F]
        if not heap.reserve(st, 0, heap.dict_rows(2 * (H[me, F] + m) + 4), 0):
            return ST_NEED_MEMORY
        o = H[src, A]
        for e in range(H[src, B]):
            if V[o + 2 * e, 0] != UNDEF:
                if H[me, B] >= H[me, C]:
                    heap.dict_resize(st, me, 2 * (H[me, F] + m) + 4)
                o = H[src, A]
                heap.dict_set(st, me, V[o + 2 * e, 0], V[o + 2 * e, 1],
                              V[o + 2 * e + 1, 0], V[o + 2 * e + 1, 1])
        return put(st, res, NONE, 0)
    if (mid == M_DICT_COPY or mid == M_DICT_CLEAR) and n != 0:
        return service(st, -1 - mid, n)
    if mid == M_DICT_COPY:
        return dict_copy(st, me, res)
    if mid == M_DICT_CLEAR:
        o = H[me, A]
        for e in range(H[me, B]):
            if V[o + 2 * e, 0] != UNDEF:
                heap.dict_delete_entry(st, me, e)
        return put(st, res, NONE, 0)
    return service(st, -1 - mid, n)


@njit(cache=CACHE)
def dunder_method(st, mid, sp, n):
    """x.__getitem__(k), x.__setitem__(k, v), x.__delitem__(k), x.__contains__(v),
    x.__len__(), it.__next__(): the operations of the corresponding syntax, run on
    the call's own stack slots (self and the arguments sit where the operation wants
    its operands, or are rotated there and back)."""
    S = S_(st)
    res = sp - n - 2
    d = DUNDER[mid]
    t = S[sp - n - 1, 0]
    v = S[sp - n - 1, 1]
    if d == 1 and n == 1:            # self k -> self[k]
        status = seq.subscr(st, sp)
        if status != ST_RUNNING:
            return status
        return put(st, res, S[sp - 2, 0], S[sp - 2, 1])
    if d == 3 and n == 1:            # del self[k]
        status = seq.delete_subscr(st, sp)
        if status != ST_RUNNING:
            return status
        return put(st, res, NONE, 0)
    if d == 2 and n == 2:            # self k v -> v self k (store_subscr's order)
        t0 = S[sp - 1, 0]
        v0 = S[sp - 1, 1]
        S[sp - 1, 0] = S[sp - 2, 0]
        S[sp - 1, 1] = S[sp - 2, 1]
        S[sp - 2, 0] = S[sp - 3, 0]
        S[sp - 2, 1] = S[sp - 3, 1]
        S[sp - 3, 0] = t0
        S[sp - 3, 1] = v0
        status = seq.store_subscr(st, sp)
        if status != ST_RUNNING:     # back to the call's order (retried or reported)
            S[sp - 3, 0] = S[sp - 2, 0]
            S[sp - 3, 1] = S[sp - 2, 1]
            S[sp - 2, 0] = S[sp - 1, 0]
            S[sp - 2, 1] = S[sp - 1, 1]
            S[sp - 1, 0] = t0
            S[sp - 1, 1] = v0
            return status
        return put(st, res, NONE, 0)
    if d == 4 and n == 1:
        r, status = contains(st, t, v, S[sp - 1, 0], S[sp - 1, 1])
        if status != ST_RUNNING:
            return status
        return put(st, res, BOOL, 1 if r else 0)
    if d == 5 and n == 0:
        m = seq.seq_len(st, t, v)
        if m >= 0:
            return put(st, res, INT, m)
    if d == 6 and n == 0 and t == ITER:
        ob, vb, cb = seq.step_cost(st, v)
        if not heap.reserve(st, ob + 2, vb, cb):
            return ST_NEED_MEMORY
        rt, rv = seq.iter_next(st, v)
        if rt != UNDEF:
            return put(st, res, rt, rv)
        return fail(st, ERR_STOP_ITERATION, 0, 0, 0)
    return service(st, -1 - mid, n)


@njit(cache=CACHE, entry_sig=sig("(P, i8, i8, i8)"))
def call_method(st, mid, sp, n):
    """Call builtin method `mid` on self = S[sp-n-1] with n arguments."""
    S = S_(st)
    H = H_(st)
    V = V_(st)
    res = sp - n - 2
    me = S[sp - n - 1, 1]
    if DUNDER[mid] != 0:
        return dunder_method(st, mid, sp, n)
    if S[sp - n - 1, 0] == SET or S[sp - n - 1, 0] == FROZENSET:
        status = sets.set_method(st, mid, sp, n)
        if status == -1:
            return service(st, -1 - mid, n)
        return status
    if S[sp - n - 1, 0] == STR:
        status = strs.str_method(st, mid, sp, n)
        if status == strs.NOT_HANDLED:
            return service(st, -1 - mid, n)
        return status
    if mid == M_LIST_APPEND:
        if n != 1:
            return service(st, -1 - mid, n)
        need = heap.list_grow_need(st, me, 1)
        if need > 0:
            if not heap.reserve(st, 0, need, 0):
                return ST_NEED_MEMORY
            heap.list_make_room(st, me, 1)
        heap.list_push(st, me, S[sp - 1, 0], S[sp - 1, 1])
        return put(st, res, NONE, 0)
    if mid == M_LIST_POP:
        m = H[me, B]
        if n == 0:
            k = m - 1
        elif n == 1 and (S[sp - 1, 0] == INT or S[sp - 1, 0] == BOOL):
            k = S[sp - 1, 1]
            if k < 0:
                k += m
        else:
            return service(st, -1 - mid, n)
        if m == 0 or k < 0 or k >= m:
            return fail(st, ERR_INDEX, LIST, 2, 1 if m == 0 else 0)
        o = H[me, A] + k
        t = V[o, 0]
        v = V[o, 1]
        seq.list_delete_range(st, me, k, 1)
        return put(st, res, t, v)
    if mid == M_LIST_INSERT:
        if n != 2 or (S[sp - 2, 0] != INT and S[sp - 2, 0] != BOOL):
            return service(st, -1 - mid, n)
        need = heap.list_grow_need(st, me, 1)
        if need > 0:
            if not heap.reserve(st, 0, need, 0):
                return ST_NEED_MEMORY
            heap.list_make_room(st, me, 1)
        m = H[me, B]
        k = S[sp - 2, 1]
        if k < 0:
            k += m
            if k < 0:
                k = 0
        if k > m:
            k = m
        o = H[me, A]
        for i in range(m, k, -1):
            V[o + i, 0] = V[o + i - 1, 0]
            V[o + i, 1] = V[o + i - 1, 1]
        V[o + k, 0] = S[sp - 1, 0]
        V[o + k, 1] = S[sp - 1, 1]
        H[me, B] = m + 1
        return put(st, res, NONE, 0)
    if mid == M_LIST_EXTEND:
        if n != 1:
            return service(st, -1 - mid, n)
        t = S[sp - 1, 0]
        v = S[sp - 1, 1]
        if t != LIST and t != TUPLE:
            r, status = seq.materialize(st, t, v, False)
            if status != ST_RUNNING:
                return status
            S[sp - 1, 0] = LIST
            S[sp - 1, 1] = r
            v = r
        m = H[v, B]
        need = heap.list_grow_need(st, me, m)
        if need > 0:
            if not heap.reserve(st, 0, need, 0):
                return ST_NEED_MEMORY
            heap.list_make_room(st, me, m)
        o = H[me, A] + H[me, B]
        so = H[v, A]
        for i in range(m):
            V[o + i, 0] = V[so + i, 0]
            V[o + i, 1] = V[so + i, 1]
        H[me, B] += m
        return put(st, res, NONE, 0)
    if mid == M_LIST_INDEX or mid == M_TUPLE_INDEX:
        if n != 1:
            return service(st, -1 - mid, n)
        k = list_find(st, me, S[sp - 1, 0], S[sp - 1, 1], 0)
        if R_(st)[R_DEEP] != 0:
            return ST_RUNNING       # an item's == is script code: nothing written, the
        if k < 0:                   # loop hands the instruction to the prelude
            return fail(st, ERR_VALUE, VAL_NOT_IN_LIST, mid, 0)
        return put(st, res, INT, k)
    if mid == M_LIST_COUNT or mid == M_TUPLE_COUNT:
        if n != 1:
            return service(st, -1 - mid, n)
        heap.charge(st, H[me, B])
        c = 0
        o = H[me, A]
        for i in range(H[me, B]):
            if heap.values_eq(st, V[o + i, 0], V[o + i, 1], S[sp - 1, 0], S[sp - 1, 1]):
                c += 1
        if R_(st)[R_DEEP] != 0:
            return ST_RUNNING       # (as for index above)
        return put(st, res, INT, c)
    if mid == M_LIST_REMOVE:
        if n != 1:
            return service(st, -1 - mid, n)
        k = list_find(st, me, S[sp - 1, 0], S[sp - 1, 1], 0)
        if R_(st)[R_DEEP] != 0:
            return ST_RUNNING       # (as for index above: nothing removed)
        if k < 0:
            return fail(st, ERR_VALUE, VAL_REMOVE_MISSING, 0, 0)
        seq.list_delete_range(st, me, k, 1)
        return put(st, res, NONE, 0)
    if (mid == M_LIST_REVERSE or mid == M_LIST_COPY or mid == M_LIST_CLEAR) and n != 0:
        return service(st, -1 - mid, n)     # the host reports CPython's error
    if mid == M_LIST_REVERSE:
        o = H[me, A]
        m = H[me, B]
        for i in range(m // 2):
            j = m - 1 - i
            t0 = V[o + i, 0]
            v0 = V[o + i, 1]
            V[o + i, 0] = V[o + j, 0]
            V[o + i, 1] = V[o + j, 1]
            V[o + j, 0] = t0
            V[o + j, 1] = v0
        return put(st, res, NONE, 0)
    if mid == M_LIST_SORT:
        if n != 0:
            return service(st, -1 - mid, n)
        if not sort_rows(st, H[me, A], H[me, B], False):
            return service(st, -1 - mid, n)
        if R_(st)[R_DEEP] != 0:
            return ST_RUNNING   # (as in sorted(): the prelude sorts the list again)
        return put(st, res, NONE, 0)
    if mid == M_LIST_COPY:
        m = H[me, B]
        if not heap.reserve(st, 1, m, 0):
            return ST_NEED_MEMORY
        r = heap.new_list(st, m, m)
        for i in range(m):
            V[H[r, A] + i, 0] = V[H[me, A] + i, 0]
            V[H[r, A] + i, 1] = V[H[me, A] + i, 1]
        return put(st, res, LIST, r)
    if mid == M_LIST_CLEAR:
        H[me, B] = 0
        return put(st, res, NONE, 0)
    return dict_method(st, mid, sp, n)
