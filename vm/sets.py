"""set and frozenset in numba: building, changing and combining sets.

The table follows CPython 3.11's Objects/setobject.c step for step (where a new
element goes, when the table grows and to what size, which dummy slot an addition
reuses, where set.pop() resumes, how union, intersection and difference walk their
operands), so that sets of numbers and tuples iterate in CPython's order.  The
read-only half (lookups, hashing, equality) is in heap.py; the slot layout is
described there.

Conventions as in arith.py / natives.py: an operation reserves all the memory it
may use before it changes anything (so ST_NEED_MEMORY never leaves a half-done
update behind), writes its result over a stack slot, and returns a status.
"""

import numpy as np
from .jit import njit

from . import CACHE
from .mem import sig, R_, S_, H_, V_

from .layout import (
    A, B, C, D, E, F, KIND, UNDEF, NONE, BOOL, INT, LIST, TUPLE, DICT, DICTVIEW, SET,
    FROZENSET, ST_RUNNING, ST_NEED_MEMORY, ERR_UNHASHABLE, ERR_KEY, ERR_BINOP_TYPES,
    ERR_BUILTIN_ARGS, R_EXTRA,
)
from . import heap, seq
from .heap import LINEAR_PROBES, is_set_kind
from .arith import fail
from .builtins import (
    B_SET, B_FROZENSET, M_SET_ADD, M_SET_REMOVE, M_SET_DISCARD, M_SET_POP,
    M_SET_CLEAR, M_SET_COPY, M_SET_UPDATE, M_SET_UNION, M_SET_INTERSECTION,
    M_SET_DIFFERENCE, M_SET_SYMMETRIC_DIFFERENCE, M_SET_INTERSECTION_UPDATE,
    M_SET_DIFFERENCE_UPDATE, M_SET_SYMMETRIC_DIFFERENCE_UPDATE, M_SET_ISSUBSET,
    M_SET_ISSUPERSET, M_SET_ISDISJOINT, M_FROZENSET_COPY, M_FROZENSET_UNION,
    M_FROZENSET_INTERSECTION, M_FROZENSET_DIFFERENCE, M_FROZENSET_SYMMETRIC_DIFFERENCE,
    M_FROZENSET_ISSUBSET, M_FROZENSET_ISSUPERSET, M_FROZENSET_ISDISJOINT,
)

MINSIZE = 8
VAL_SET_CHANGED = 30   # ERR_VALUE message: "Set changed size during iteration"
OP_SUB, OP_AND, OP_OR, OP_XOR = 1, 9, 10, 11   # BINARY_OP numbers (opcodes.BINOPS)


# ---------------------------------------------------------------------------
# Memory bounds
# ---------------------------------------------------------------------------

@njit(sig("i8(i8)"), cache=CACHE)
def table_size(minused):
    """The smallest power of two above minused, at least 8 (set_table_resize)."""
    n = MINSIZE
    while n <= minused:
        n <<= 1
    return n


@njit(sig("i8(i8, i8, i8, i8)"), cache=CACHE)
def grow_chain(fill, used, size, k):
    """An upper bound of the value rows that k add_entry calls on a set with this
    fill, used count and table size may allocate: every resize on the way (each
    addition counted as filling a fresh slot)."""
    total = 0
    mask = size - 1
    while k > 0:
        trig = (mask * 3 + 4) // 5      # the fill at which an addition resizes
        need = trig - fill if fill < trig else 1
        if k < need:
            break
        k -= need
        used += need
        newsize = table_size(used * 2 if used > 50000 else used * 4)
        total += 2 * newsize
        fill = used
        mask = newsize - 1
    return total


@njit(sig("i8(i8, i8, i8, i8)"), cache=CACHE)
def grow_rows(fill, used, size, k):
    """An upper bound of the value rows that k additions to a set with this fill,
    used count and table size may allocate (every resize on the way, plus one
    up-front resize as set_merge and dict updates do, plus one shrink)."""
    return (2 * table_size(2 * (used + k)) + 2 * table_size(4 * (used + k))
            + grow_chain(fill, used, size, k))


@njit(sig("i8(i8)"), cache=CACHE)
def build_rows(n):
    """Value rows that building a new set of up to n elements may allocate."""
    return 2 * MINSIZE + grow_rows(0, 0, MINSIZE, n)


# ---------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------

@njit(sig("i8(P, i8)"), cache=CACHE)
def new_table(st, size):
    o = heap.new_vals(st, 2 * size)
    V = V_(st)
    for i in range(2 * size):
        V[o + i, 0] = 0
        V[o + i, 1] = 0
    return o


@njit(sig("i8(P, i8)"), cache=CACHE)
def new_set(st, kind):
    """An empty set (or frozenset) with the minimum table (reserve 1 object and
    2 * MINSIZE value rows)."""
    r = heap.new_obj(st, kind)
    H_(st)[r, A] = new_table(st, MINSIZE)
    H_(st)[r, E] = MINSIZE
    return r


@njit(sig("none(P, i8, i8, i8, i8, i8)"), cache=CACHE)
def insert_clean(st, o, mask, tag, val, h):
    """Put an element known to be absent into a table without dummies."""
    V = V_(st)
    um = np.uint64(mask)
    perturb = np.uint64(h)
    i = np.uint64(h) & um
    while True:
        j = np.int64(i)
        if V[o + 2 * j, 0] == UNDEF:
            break
        found = False
        if i + np.uint64(LINEAR_PROBES) <= um:
            for step in range(LINEAR_PROBES):
                j += 1
                if V[o + 2 * j, 0] == UNDEF:
                    found = True
                    break
        if found:
            break
        perturb >>= np.uint64(5)
        i = (i * np.uint64(5) + np.uint64(1) + perturb) & um
    V[o + 2 * j, 0] = tag
    V[o + 2 * j, 1] = val
    V[o + 2 * j + 1, 0] = h
    V[o + 2 * j + 1, 1] = 0


@njit(sig("none(P, i8, i8)"), cache=CACHE)
def resize(st, s, minused):
    """set_table_resize: a fresh table above minused, live elements re-inserted in
    table order, dummies dropped."""
    H = H_(st)
    V = V_(st)
    newsize = table_size(minused)
    size = H[s, E]
    if newsize == MINSIZE and size == MINSIZE and H[s, C] == H[s, B]:
        return        # CPython keeps its small table when there is nothing to purge
    old = H[s, A]
    o = new_table(st, newsize)
    for i in range(size):
        t = V[old + 2 * i, 0]
        if t != UNDEF:
            insert_clean(st, o, newsize - 1, t, V[old + 2 * i, 1], V[old + 2 * i + 1, 0])
    H[s, A] = o
    H[s, E] = newsize
    H[s, C] = H[s, B]
    heap.charge(st, size)


@njit(sig("b1(P, i8, i8, i8, i8)"), cache=CACHE)
def add_entry(st, s, tag, val, h):
    """set_add_entry: add an element with hash h; True if it was not there.  A new
    element takes the last dummy slot met on its probe path, else the empty slot
    that ended it; filling that empty slot may resize the table."""
    H = H_(st)
    V = V_(st)
    o = H[s, A]
    mask = np.uint64(H[s, E] - 1)
    perturb = np.uint64(h)
    i = np.uint64(h) & mask
    freeslot = -1
    while True:
        probes = LINEAR_PROBES if i + np.uint64(LINEAR_PROBES) <= mask else 0
        j = np.int64(i)
        while True:
            t = V[o + 2 * j, 0]
            if t == UNDEF:
                if V[o + 2 * j, 1] == 0:
                    if freeslot >= 0:
                        j = freeslot
                    else:
                        H[s, C] += 1
                    V[o + 2 * j, 0] = tag
                    V[o + 2 * j, 1] = val
                    V[o + 2 * j + 1, 0] = h
                    V[o + 2 * j + 1, 1] = 0
                    H[s, B] += 1
                    if freeslot < 0 and np.uint64(H[s, C]) * np.uint64(5) >= mask * np.uint64(3):
                        used = H[s, B]
                        resize(st, s, used * 2 if used > 50000 else used * 4)
                    return True
                freeslot = j
            elif V[o + 2 * j + 1, 0] == h and heap.key_eq(st, t, V[o + 2 * j, 1], tag, val):
                return False
            if probes == 0:
                break
            probes -= 1
            j += 1
        perturb >>= np.uint64(5)
        i = (i * np.uint64(5) + np.uint64(1) + perturb) & mask


@njit(sig("b1(P, i8, i8, i8, i8)"), cache=CACHE)
def discard_entry(st, s, tag, val, h):
    """Remove an element if present (its slot becomes a dummy); True if it was."""
    j = heap.set_lookup(st, s, tag, val, h)
    if j < 0:
        return False
    o = H_(st)[s, A] + 2 * j
    V = V_(st)
    V[o, 0] = UNDEF
    V[o, 1] = 1
    V[o + 1, 0] = -1
    V[o + 1, 1] = 0
    H_(st)[s, B] -= 1
    return True


@njit(sig("none(P, i8)"), cache=CACHE)
def clear(st, s):
    """Back to an empty minimum table (2 * MINSIZE rows reserved); the pop finger
    stays, as in CPython."""
    H = H_(st)
    H[s, A] = new_table(st, MINSIZE)
    H[s, E] = MINSIZE
    H[s, B] = 0
    H[s, C] = 0


@njit(sig("none(P, i8, i8)"), cache=CACHE)
def merge(st, s, other):
    """set_merge: add every element of set `other` to set s."""
    H = H_(st)
    V = V_(st)
    if other == s or H[other, B] == 0:
        return
    if (H[s, C] + H[other, B]) * 5 >= (H[s, E] - 1) * 3:
        resize(st, s, (H[s, B] + H[other, B]) * 2)
    oo = H[other, A]
    n = H[other, E]
    heap.charge(st, n)
    if H[s, C] == 0 and H[s, E] == n and H[other, C] == H[other, B]:
        o = H[s, A]
        for i in range(2 * n):
            V[o + i, 0] = V[oo + i, 0]
            V[o + i, 1] = V[oo + i, 1]
        H[s, C] = H[other, C]
        H[s, B] = H[other, B]
        return
    if H[s, C] == 0:
        o = H[s, A]
        mask = H[s, E] - 1
        for i in range(n):
            t = V[oo + 2 * i, 0]
            if t != UNDEF:
                insert_clean(st, o, mask, t, V[oo + 2 * i, 1], V[oo + 2 * i + 1, 0])
        H[s, C] = H[other, B]
        H[s, B] = H[other, B]
        return
    for i in range(n):
        t = V[oo + 2 * i, 0]
        if t != UNDEF:
            add_entry(st, s, t, V[oo + 2 * i, 1], V[oo + 2 * i + 1, 0])


# ---------------------------------------------------------------------------
# Iterable operands: sets, dicts, lists and tuples are read in place; anything
# else is first materialized into a list in its stack slot (see prepare).
# ---------------------------------------------------------------------------

@njit(sig("i8(P, i8, i8)"), cache=CACHE)
def src_len(st, t, r):
    """How many raw positions to scan in an operand (table slots, entries, items)."""
    H = H_(st)
    if is_set_kind(t):
        return H[r, E]
    return H[r, B]


@njit(sig("i8(P, i8, i8)"), cache=CACHE)
def src_count(st, t, r):
    """How many elements an operand holds."""
    H = H_(st)
    if is_set_kind(t):
        return H[r, B]
    if t == DICT:
        return H[r, F]
    return H[r, B]


@njit(sig("UniTuple(i8, 3)(P, i8, i8, i8)"), cache=CACHE)
def src_item(st, t, r, i):
    """(tag, payload, stored hash or 0) at raw position i; tag UNDEF for a hole."""
    H = H_(st)
    V = V_(st)
    if is_set_kind(t):
        o = H[r, A] + 2 * i
        return V[o, 0], V[o, 1], V[o + 1, 0]
    if t == DICT:
        o = H[r, A] + 2 * i
        return V[o, 0], V[o, 1], 0
    o = H[r, A] + i
    return V[o, 0], V[o, 1], 0


@njit(sig("i8(P, i8)"), cache=CACHE)
def prepare(st, slot):
    """Make the operand in S[slot] something src_* can read: other iterables are
    materialized into a list that replaces them (and stays rooted there)."""
    S = S_(st)
    t = S[slot, 0]
    if is_set_kind(t) or t == DICT or t == LIST or t == TUPLE:
        return ST_RUNNING
    # The list stays in the slot even if this instruction must wait for memory and
    # run again, so materializing is not charged here (a retry would not charge it
    # again, and the instruction count must not depend on when memory ran out); the
    # operation charges for the items it then reads.
    owed = R_(st)[R_EXTRA]
    r, status = seq.materialize(st, t, S[slot, 1], False)
    R_(st)[R_EXTRA] = owed
    if status != ST_RUNNING:
        return status
    S[slot, 0] = LIST
    S[slot, 1] = r
    return ST_RUNNING


@njit(sig("UniTuple(i8, 2)(P, i8, i8)"), cache=CACHE)
def elem_hash(st, t, v):
    """(hash, status) of an element; TypeError for unhashable values."""
    if not heap.is_hashable(st, t, v):
        return 0, fail(st, ERR_UNHASHABLE, 0, t, 0)
    return heap.hash_value(st, t, v), ST_RUNNING


@njit(sig("i8(P, i8, i8, i8)"), cache=CACHE)
def update_from(st, s, t, r):
    """set_update_internal: add the elements of an operand (rows reserved)."""
    H = H_(st)
    if is_set_kind(t):
        merge(st, s, r)
        return ST_RUNNING
    n = src_len(st, t, r)
    if t == DICT:
        m = H[r, F]
        if (H[s, C] + m) * 5 >= (H[s, E] - 1) * 3:
            resize(st, s, (H[s, B] + m) * 2)
    heap.charge(st, n)
    for i in range(n):
        et, ev, eh = src_item(st, t, r, i)
        if et == UNDEF:
            continue
        h, status = elem_hash(st, et, ev)
        if status != ST_RUNNING:
            return status
        add_entry(st, s, et, ev, h)
    return ST_RUNNING


@njit(sig("UniTuple(i8, 2)(P, i8, i8, i8)"), cache=CACHE)
def make_set(st, kind, t, r):
    """(row, status): a new set of the given kind from an operand (make_new_set)."""
    s = new_set(st, kind)
    return s, update_from(st, s, t, r)


@njit(sig("UniTuple(i8, 2)(P, i8, i8, i8, i8)"), cache=CACHE)
def contains_h(st, t, r, et, ev):
    """(found, status): is element (et, ev) in operand (t, r) (a set or a dict)?"""
    h, status = elem_hash(st, et, ev)
    if status != ST_RUNNING:
        return 0, status
    if t == DICT:
        slot, e = heap.dict_lookup(st, r, et, ev, h)
        return (1 if e >= 0 else 0), ST_RUNNING
    return (1 if heap.set_lookup(st, r, et, ev, h) >= 0 else 0), ST_RUNNING


# ---------------------------------------------------------------------------
# The operations (CPython's algorithms; each returns (result row, status))
# ---------------------------------------------------------------------------

@njit(sig("UniTuple(i8, 2)(P, i8, i8, i8, i8)"), cache=CACHE)
def intersection(st, kind, so, t, r):
    """set_intersection(so, other) into a new set of the given kind."""
    H = H_(st)
    if is_set_kind(t) and r == so:
        return make_set(st, kind, t, so)
    result = new_set(st, kind)
    if is_set_kind(t):
        big = so
        small = r
        if H[r, B] > H[so, B]:
            big = r
            small = so
        n = H[small, E]
        heap.charge(st, n)
        for i in range(n):
            et, ev, eh = src_item(st, SET, small, i)
            if et != UNDEF and heap.set_lookup(st, big, et, ev, eh) >= 0:
                add_entry(st, result, et, ev, eh)
        return result, ST_RUNNING
    n = src_len(st, t, r)
    heap.charge(st, n)
    for i in range(n):
        et, ev, eh = src_item(st, t, r, i)
        if et == UNDEF:
            continue
        h, status = elem_hash(st, et, ev)
        if status != ST_RUNNING:
            return result, status
        if heap.set_lookup(st, so, et, ev, h) >= 0:
            add_entry(st, result, et, ev, h)
            if H[result, B] >= H[so, B]:
                break
    return result, ST_RUNNING


@njit(sig("i8(P, i8, i8, i8)"), cache=CACHE)
def difference_update(st, so, t, r):
    """set_difference_update_internal(so, other)."""
    H = H_(st)
    if is_set_kind(t) and r == so:
        clear(st, so)
        return ST_RUNNING
    n = src_len(st, t, r)
    heap.charge(st, n)
    for i in range(n):
        et, ev, eh = src_item(st, t, r, i)
        if et == UNDEF:
            continue
        if not is_set_kind(t):
            eh, status = elem_hash(st, et, ev)
            if status != ST_RUNNING:
                return status
        discard_entry(st, so, et, ev, eh)
    if H[so, C] - H[so, B] <= (H[so, E] - 1) // 4:
        return ST_RUNNING
    used = H[so, B]
    resize(st, so, used * 2 if used > 50000 else used * 4)
    return ST_RUNNING


@njit(sig("UniTuple(i8, 2)(P, i8, i8, i8, i8)"), cache=CACHE)
def difference(st, kind, so, t, r):
    """set_difference(so, other) as a new set of the given kind."""
    H = H_(st)
    if not (is_set_kind(t) or t == DICT) or (H[so, B] >> 2) > src_count(st, t, r):
        result, status = make_set(st, kind, SET, so)
        return result, difference_update(st, result, t, r)
    result = new_set(st, kind)
    n = H[so, E]
    heap.charge(st, n)
    for i in range(n):
        et, ev, eh = src_item(st, SET, so, i)
        if et == UNDEF:
            continue
        if t == DICT:
            slot, e = heap.dict_lookup(st, r, et, ev, eh)
            found = e >= 0
        else:
            found = heap.set_lookup(st, r, et, ev, eh) >= 0
        if not found:
            add_entry(st, result, et, ev, eh)
    return result, ST_RUNNING


@njit(sig("i8(P, i8, i8, i8)"), cache=CACHE)
def symmetric_update(st, so, t, r):
    """set_symmetric_difference_update(so, other) for a set or dict operand (the
    caller turns other iterables into a set first, as CPython does)."""
    if is_set_kind(t) and r == so:
        clear(st, so)
        return ST_RUNNING
    n = src_len(st, t, r)
    heap.charge(st, n)
    for i in range(n):
        et, ev, eh = src_item(st, t, r, i)
        if et == UNDEF:
            continue
        if t == DICT:
            eh = heap.hash_value(st, et, ev)
        if not discard_entry(st, so, et, ev, eh):
            add_entry(st, so, et, ev, eh)
    return ST_RUNNING


@njit(sig("none(P, i8, i8)"), cache=CACHE)
def swap_bodies(st, a, b):
    """set_swap_bodies: exchange the tables (the finger stays with its object)."""
    H = H_(st)
    for c in (A, B, C, E):
        x = H[a, c]
        H[a, c] = H[b, c]
        H[b, c] = x
    if H[a, KIND] == FROZENSET and H[b, KIND] == FROZENSET:
        for c in (D, F):
            x = H[a, c]
            H[a, c] = H[b, c]
            H[b, c] = x
    else:
        if H[a, KIND] == FROZENSET:
            H[a, F] = 0
        if H[b, KIND] == FROZENSET:
            H[b, F] = 0


@njit(sig("UniTuple(i8, 2)(P, i8, i8, i8, i8)"), cache=CACHE)
def binop_sets(st, op, inplace, a, b):
    """a op b for two set operands; in place when `inplace` (a is then a set)."""
    H = H_(st)
    kind = H[a, KIND]
    if op == OP_OR:
        if inplace:
            merge(st, a, b)
            return a, ST_RUNNING
        result, status = make_set(st, kind, SET, a)
        if b != a:
            merge(st, result, b)
        return result, ST_RUNNING
    if op == OP_AND:
        result, status = intersection(st, kind, a, SET, b)
        if inplace:
            swap_bodies(st, a, result)
            return a, ST_RUNNING
        return result, ST_RUNNING
    if op == OP_SUB:
        if inplace:
            return a, difference_update(st, a, SET, b)
        return difference(st, kind, a, SET, b)
    # xor
    if inplace:
        return a, symmetric_update(st, a, SET, b)
    other, status = make_set(st, kind, SET, b)
    return other, symmetric_update(st, other, SET, a)


@njit(sig("i8(P, i8, i8)"), cache=CACHE)
def wants_binop(st, op, sp):
    """True if BINARY_OP `op` on the stack top is a set operation handled here."""
    S = S_(st)
    o = op & 15
    if o != OP_OR and o != OP_AND and o != OP_SUB and o != OP_XOR:
        return 0
    ta = S[sp - 2, 0]
    tb = S[sp - 1, 0]
    if is_set_kind(ta) and is_set_kind(tb):
        return 1
    if (ta == DICTVIEW and H_(st)[S[sp - 2, 1], B] != 1) or \
            (tb == DICTVIEW and H_(st)[S[sp - 1, 1], B] != 1):
        return 2
    return 0


@njit(sig("i8(P, i8, b1, i8, i8)"), cache=CACHE)
def binop_rows(st, o, inplace, a, b):
    """An upper bound of the value rows binop_sets(o, inplace, a, b) allocates,
    following what each operation does (a reservation of three whole set builds
    made a 166,000-element union reserve 14 million rows, and the arena grow
    to that)."""
    H = H_(st)
    na = H[a, B]
    nb = H[b, B]
    copy_a = 2 * MINSIZE + 2 * table_size(2 * na)      # make_set(a): one merge resize
    if o == OP_OR:      # (make_set(a)), then merge(b): at most one resize
        return 2 * table_size(2 * (na + nb)) + (0 if inplace else copy_a)
    if o == OP_AND:     # make_set(a) when b is a, else additions to a new set
        return copy_a + 2 * MINSIZE + grow_chain(0, 0, MINSIZE, min(na, nb))
    if o == OP_SUB:     # (make_set(a) or additions to a new set) and one shrink
        rows = 2 * table_size(4 * na)
        if not inplace:
            rows += copy_a + 2 * MINSIZE + grow_chain(0, 0, MINSIZE, na)
        return rows
    # xor: additions and removals (dummies) in a, or in make_set(b): grow_rows'
    # margins as before
    if inplace:
        return grow_rows(H[a, C], na, H[a, E], nb)
    return 2 * MINSIZE + 2 * table_size(2 * nb) + grow_rows(nb, nb, MINSIZE, na)


@njit(sig("i8(P, i8, i8)"), cache=CACHE)
def binop(st, op, sp):
    """BINARY_OP on two sets: S[sp-2] = S[sp-2] op S[sp-1]."""
    S = S_(st)
    H = H_(st)
    inplace = op >= 16 and S[sp - 2, 0] == SET
    o = op & 15
    a = S[sp - 2, 1]
    b = S[sp - 1, 1]
    if not heap.reserve(st, 2, binop_rows(st, o, inplace, a, b), 0):
        return ST_NEED_MEMORY
    result, status = binop_sets(st, o, inplace, a, b)
    if status != ST_RUNNING:
        return status
    S[sp - 2, 0] = H[result, KIND]
    S[sp - 2, 1] = result
    return ST_RUNNING


@njit(sig("UniTuple(i8, 2)(P, i8, i8, i8, i8)"), cache=CACHE)
def view_contains(st, view, et, ev, eh):
    """(found, status): is (et, ev) in a dict keys (B 0) or items (B 2) view?"""
    H = H_(st)
    V = V_(st)
    d = H[view, A]
    if H[view, B] == 0:
        if not heap.is_hashable(st, et, ev):
            return 0, fail(st, ERR_UNHASHABLE, 0, et, 0)
        return (1 if heap.dict_get(st, d, et, ev) >= 0 else 0), ST_RUNNING
    if et != TUPLE or H[ev, B] != 2:
        return 0, ST_RUNNING
    ko = H[ev, A]
    if not heap.is_hashable(st, V[ko, 0], V[ko, 1]):
        return 0, fail(st, ERR_UNHASHABLE, 0, V[ko, 0], 0)
    e = heap.dict_get(st, d, V[ko, 0], V[ko, 1])
    if e < 0:
        return 0, ST_RUNNING
    vo = H[d, A] + 2 * e + 1
    return (1 if heap.values_eq(st, V[vo, 0], V[vo, 1], V[ko + 1, 0], V[ko + 1, 1]) else 0), \
        ST_RUNNING


@njit(sig("UniTuple(i8, 3)(P, i8, b1)"), cache=CACHE)
def view_operand(st, slot, as_dict):
    """(tag, row, status) of an operand for a view operation, without changing the
    stack (so a retried instruction sees the same operands): a keys view is its
    dict when as_dict, other views become lists (room was reserved)."""
    S = S_(st)
    t = S[slot, 0]
    r = S[slot, 1]
    if t != DICTVIEW:
        return t, r, ST_RUNNING
    if as_dict and H_(st)[r, B] == 0:
        return DICT, H_(st)[r, A], ST_RUNNING
    lst, status = seq.materialize(st, t, r, False)
    return LIST, lst, status


@njit(sig("i8(P, i8, i8)"), cache=CACHE)
def view_binop(st, op, sp):
    """& | - ^ with a dict keys or items view on either side, as CPython's
    dictviews_* do: for | - ^ the left operand becomes a set (a keys view through
    its dict) that the right operand then updates; & is _PyDictView_Intersect."""
    S = S_(st)
    H = H_(st)
    o = op & 15
    n = 0
    for k in (2, 1):
        t = S[sp - k, 0]
        if t != DICTVIEW:
            status = prepare(st, sp - k)
            if status != ST_RUNNING:
                return status
            n += src_count(st, S[sp - k, 0], S[sp - k, 1])
        else:
            n += H[H[S[sp - k, 1], A], F]
    if not heap.reserve(st, 4 + n, 3 * build_rows(n) + 3 * n + 16, 0):
        return ST_NEED_MEMORY
    if o == OP_AND:
        if S[sp - 2, 0] == DICTVIEW:
            vs, os_ = sp - 2, sp - 1
        else:
            vs, os_ = sp - 1, sp - 2
        view = S[vs, 1]
        nview = H[H[view, A], F]
        ot = S[os_, 0]
        orow = S[os_, 1]
        if ot == SET and nview <= H[orow, B]:
            # other.intersection(view): the view's items, in the dict's order
            vt, vr, status = view_operand(st, vs, False)
            result, status = intersection(st, SET, orow, vt, vr)
        else:
            if ot == DICTVIEW and H[H[orow, A], F] > nview:
                vs, os_ = os_, vs
                view = S[vs, 1]
            t, r, status = view_operand(st, os_, False)
            result = new_set(st, SET)
            for i in range(src_len(st, t, r)):
                et, ev, eh = src_item(st, t, r, i)
                if et == UNDEF:
                    continue
                found, status = view_contains(st, view, et, ev, eh)
                if status != ST_RUNNING:
                    return status
                if found:
                    add_entry(st, result, et, ev, heap.hash_value(st, et, ev))
    else:
        ta, a, status = view_operand(st, sp - 2, True)
        tb, b, status = view_operand(st, sp - 1, False)
        result, status = make_set(st, SET, ta, a)
        if status != ST_RUNNING:
            return status
        if o == OP_OR:
            status = update_from(st, result, tb, b)
        elif o == OP_SUB:
            status = difference_update(st, result, tb, b)
        else:
            if not (is_set_kind(tb) or tb == DICT):
                b, status = make_set(st, SET, tb, b)
                if status != ST_RUNNING:
                    return status
                tb = SET
            status = symmetric_update(st, result, tb, b)
    if status != ST_RUNNING:
        return status
    S[sp - 2, 0] = SET
    S[sp - 2, 1] = result
    return ST_RUNNING


# ---------------------------------------------------------------------------
# Builtins set() and frozenset(), the SET_ADD / BUILD_SET opcodes
# ---------------------------------------------------------------------------

@njit(sig("i8(P, i8, i8, i8)"), cache=CACHE)
def builtin_set(st, bid, sp, n):
    """set(), set(iterable), frozenset(), frozenset(iterable)."""
    S = S_(st)
    kind = SET if bid == B_SET else FROZENSET
    res = sp - n - 1
    if n == 0:
        if not heap.reserve(st, 1, 2 * MINSIZE, 0):
            return ST_NEED_MEMORY
        S[res, 0] = kind
        S[res, 1] = new_set(st, kind)
        return ST_RUNNING
    if n != 1:
        return fail(st, ERR_BUILTIN_ARGS, bid, n, 0)
    if kind == FROZENSET and S[sp - 1, 0] == FROZENSET:
        S[res, 0] = FROZENSET
        S[res, 1] = S[sp - 1, 1]
        return ST_RUNNING
    status = prepare(st, sp - 1)
    if status != ST_RUNNING:
        return status
    t = S[sp - 1, 0]
    r = S[sp - 1, 1]
    if not heap.reserve(st, 1, build_rows(src_count(st, t, r)), 0):
        return ST_NEED_MEMORY
    s, status = make_set(st, kind, t, r)
    if status != ST_RUNNING:
        return status
    S[res, 0] = kind
    S[res, 1] = s
    return ST_RUNNING


@njit(sig("i8(P, i8, i8, i8)"), cache=CACHE)
def build_set(st, n, sp, mode):
    """BUILD_SET (mode 0): a set of the n stack items added in order.
    BUILD_CONST_SET (mode 1) and BUILD_CONST_FROZENSET (mode 2): the set CPython 3.11
    gets from a display of constants it folded into a frozenset constant (items added
    in order, then re-added in that frozenset's own order when the compiler merges
    the constant, then merged into a new set for a display)."""
    S = S_(st)
    first = sp - n
    for i in range(n):
        t = S[first + i, 0]
        if not heap.is_hashable(st, t, S[first + i, 1]):
            return fail(st, ERR_UNHASHABLE, 0, t, 0)
    if not heap.reserve(st, 3, 3 * build_rows(n), 0):
        return ST_NEED_MEMORY
    s = new_set(st, FROZENSET if mode == 2 else SET)
    for i in range(n):
        t = S[first + i, 0]
        v = S[first + i, 1]
        add_entry(st, s, t, v, heap.hash_value(st, t, v))
    heap.charge(st, n)
    if mode != 0:
        const = new_set(st, FROZENSET)
        H = H_(st)
        o = H[s, A]
        for i in range(H[s, E]):
            t = V_(st)[o + 2 * i, 0]
            if t != UNDEF:
                add_entry(st, const, t, V_(st)[o + 2 * i, 1], V_(st)[o + 2 * i + 1, 0])
        s = const
        if mode == 1:
            s = new_set(st, SET)
            merge(st, s, const)
    S[first, 0] = H_(st)[s, KIND]
    S[first, 1] = s
    return ST_RUNNING


@njit(sig("i8(P, i8, i8)"), cache=CACHE)
def set_add_op(st, arg, sp):
    """SET_ADD: add the top of stack to the set arg slots below it."""
    S = S_(st)
    if S[sp - 1 - arg, 0] != SET:
        return fail(st, 16, 99, 0, 0)     # ERR_VALUE 99: only a hostile snapshot
    s = S[sp - 1 - arg, 1]
    t = S[sp - 1, 0]
    v = S[sp - 1, 1]
    h, status = elem_hash(st, t, v)
    if status != ST_RUNNING:
        return status
    H = H_(st)
    if not heap.reserve(st, 0, grow_chain(H[s, C], H[s, B], H[s, E], 1), 0):
        return ST_NEED_MEMORY
    add_entry(st, s, t, v, h)
    return ST_RUNNING


# ---------------------------------------------------------------------------
# Methods: stack is  meth self a1..an
# ---------------------------------------------------------------------------

@njit(sig("UniTuple(i8, 3)(P, i8, i8)"), cache=CACHE)
def key_hash(st, t, v):
    """(tag, hash, status) for remove/discard/in: an unhashable set is looked up
    as the frozenset it equals (CPython retries with a temporary frozenset)."""
    if t == SET:
        return SET, heap.set_hash_of(st, v), ST_RUNNING
    h, status = elem_hash(st, t, v)
    return t, h, status


@njit(sig("i8(P, i8, i8, i8, i8)"), cache=CACHE)
def single(st, mid, me, sp, n):
    """Methods on one element or none: add, remove, discard, pop, clear, copy."""
    S = S_(st)
    H = H_(st)
    V = V_(st)
    res = sp - n - 2
    if mid == M_SET_ADD:
        t = S[sp - 1, 0]
        v = S[sp - 1, 1]
        h, status = elem_hash(st, t, v)
        if status != ST_RUNNING:
            return status
        if not heap.reserve(st, 0, grow_chain(H[me, C], H[me, B], H[me, E], 1), 0):
            return ST_NEED_MEMORY
        add_entry(st, me, t, v, h)
    elif mid == M_SET_REMOVE or mid == M_SET_DISCARD:
        t = S[sp - 1, 0]
        v = S[sp - 1, 1]
        kt, h, status = key_hash(st, t, v)
        if status != ST_RUNNING:
            return status
        if not discard_entry(st, me, t, v, h) and mid == M_SET_REMOVE:
            return fail(st, ERR_KEY, 0, t, v)
    elif mid == M_SET_POP:
        if H[me, B] == 0:
            return fail(st, ERR_KEY, 1, 0, 0)
        o = H[me, A]
        mask = H[me, E] - 1
        i = H[me, F] & mask
        while V[o + 2 * i, 0] == UNDEF:
            i += 1
            if i > mask:
                i = 0
        S[res, 0] = V[o + 2 * i, 0]
        S[res, 1] = V[o + 2 * i, 1]
        V[o + 2 * i, 0] = UNDEF
        V[o + 2 * i, 1] = 1
        V[o + 2 * i + 1, 0] = -1
        H[me, B] -= 1
        H[me, F] = i + 1
        return ST_RUNNING
    elif mid == M_SET_CLEAR:
        if not heap.reserve(st, 0, 2 * MINSIZE, 0):
            return ST_NEED_MEMORY
        clear(st, me)
    else:   # copy
        if H[me, KIND] == FROZENSET:
            S[res, 0] = FROZENSET
            S[res, 1] = me
            return ST_RUNNING
        if not heap.reserve(st, 1, build_rows(H[me, B]), 0):
            return ST_NEED_MEMORY
        r, status = make_set(st, SET, SET, me)
        S[res, 0] = SET
        S[res, 1] = r
        return ST_RUNNING
    S[res, 0] = NONE
    S[res, 1] = 0
    return ST_RUNNING


@njit(sig("i8(P, i8, i8, i8, i8)"), cache=CACHE)
def predicate(st, mid, me, sp, n):
    """issubset, issuperset, isdisjoint (one operand, already prepared)."""
    S = S_(st)
    H = H_(st)
    t = S[sp - 1, 0]
    r = S[sp - 1, 1]
    res = sp - n - 2
    if mid == M_SET_ISSUBSET or mid == M_FROZENSET_ISSUBSET:
        if not is_set_kind(t):
            if not heap.reserve(st, 1, build_rows(src_count(st, t, r)), 0):
                return ST_NEED_MEMORY
            r, status = make_set(st, SET, t, r)
            if status != ST_RUNNING:
                return status
        ok = heap.set_subset(st, me, r)
    elif mid == M_SET_ISSUPERSET or mid == M_FROZENSET_ISSUPERSET:
        if is_set_kind(t):
            ok = heap.set_subset(st, r, me)
        else:
            ok = True
            for i in range(src_len(st, t, r)):
                et, ev, eh = src_item(st, t, r, i)
                if et == UNDEF:
                    continue
                found, status = contains_h(st, SET, me, et, ev)
                if status != ST_RUNNING:
                    return status
                if not found:
                    ok = False
                    break
    else:   # isdisjoint
        ok = True
        if is_set_kind(t) and r == me:
            ok = H[me, B] == 0
        elif is_set_kind(t):
            small = r
            big = me
            if H[r, B] > H[me, B]:
                small = me
                big = r
            for i in range(H[small, E]):
                et, ev, eh = src_item(st, SET, small, i)
                if et != UNDEF and heap.set_lookup(st, big, et, ev, eh) >= 0:
                    ok = False
                    break
        else:
            for i in range(src_len(st, t, r)):
                et, ev, eh = src_item(st, t, r, i)
                if et == UNDEF:
                    continue
                found, status = contains_h(st, SET, me, et, ev)
                if status != ST_RUNNING:
                    return status
                if found:
                    ok = False
                    break
    heap.charge(st, H[me, E] + src_len(st, t, r))
    S[res, 0] = BOOL
    S[res, 1] = 1 if ok else 0
    return ST_RUNNING


@njit(sig("i8(P, i8, i8, i8, i8)"), cache=CACHE)
def multi(st, mid, me, sp, n):
    """Methods over any number of iterables (operands already prepared)."""
    S = S_(st)
    H = H_(st)
    res = sp - n - 2
    kind = H[me, KIND]
    total = H[me, B]
    for k in range(n):
        total += src_count(st, S[sp - n + k, 0], S[sp - n + k, 1])
    if not heap.reserve(st, 2 + n, (2 + n) * build_rows(total)
                        + grow_rows(H[me, C], H[me, B], H[me, E], total), 0):
        return ST_NEED_MEMORY
    result = me
    status = ST_RUNNING
    if mid == M_SET_UPDATE:
        for k in range(n):
            status = update_from(st, me, S[sp - n + k, 0], S[sp - n + k, 1])
            if status != ST_RUNNING:
                return status
        result = -1
    elif mid == M_SET_UNION or mid == M_FROZENSET_UNION:
        result, status = make_set(st, kind, SET, me)
        for k in range(n):
            t = S[sp - n + k, 0]
            r = S[sp - n + k, 1]
            if is_set_kind(t) and r == me:
                continue
            status = update_from(st, result, t, r)
            if status != ST_RUNNING:
                return status
    elif mid == M_SET_INTERSECTION or mid == M_FROZENSET_INTERSECTION \
            or mid == M_SET_INTERSECTION_UPDATE:
        if n == 0:
            result, status = make_set(st, kind, SET, me)
        for k in range(n):
            result, status = intersection(st, kind, result, S[sp - n + k, 0], S[sp - n + k, 1])
            if status != ST_RUNNING:
                return status
        if mid == M_SET_INTERSECTION_UPDATE:
            if result != me:
                swap_bodies(st, me, result)
            result = -1
    elif mid == M_SET_DIFFERENCE or mid == M_FROZENSET_DIFFERENCE:
        if n == 0:
            result, status = make_set(st, kind, SET, me)
        else:
            result, status = difference(st, kind, me, S[sp - n, 0], S[sp - n, 1])
        for k in range(1, n):
            if status != ST_RUNNING:
                return status
            status = difference_update(st, result, S[sp - n + k, 0], S[sp - n + k, 1])
    elif mid == M_SET_DIFFERENCE_UPDATE:
        for k in range(n):
            status = difference_update(st, me, S[sp - n + k, 0], S[sp - n + k, 1])
            if status != ST_RUNNING:
                return status
        result = -1
    else:   # symmetric_difference(_update): exactly one operand
        t = S[sp - 1, 0]
        r = S[sp - 1, 1]
        if mid == M_SET_SYMMETRIC_DIFFERENCE_UPDATE:
            if not (is_set_kind(t) or t == DICT):
                r, status = make_set(st, kind, t, r)
                if status != ST_RUNNING:
                    return status
                t = SET
            status = symmetric_update(st, me, t, r)
            result = -1
        else:
            result, status = make_set(st, kind, t, r)
            if status != ST_RUNNING:
                return status
            status = symmetric_update(st, result, SET, me)
    if status != ST_RUNNING:
        return status
    if result < 0:
        S[res, 0] = NONE
        S[res, 1] = 0
    else:
        S[res, 0] = H[result, KIND]
        S[res, 1] = result
    return ST_RUNNING


@njit(sig("i8(P, i8, i8, i8)"), cache=CACHE)
def set_method(st, mid, sp, n):
    """Call set/frozenset method `mid` on self = S[sp-n-1] with n arguments.
    Unusual argument counts go to the host, which reports CPython's error."""
    S = S_(st)
    me = S[sp - n - 1, 1]
    if mid == M_SET_ADD or mid == M_SET_REMOVE or mid == M_SET_DISCARD:
        if n != 1:
            return -1
        return single(st, mid, me, sp, n)
    if mid == M_SET_POP or mid == M_SET_CLEAR or mid == M_SET_COPY or mid == M_FROZENSET_COPY:
        if n != 0:
            return -1
        return single(st, M_SET_COPY if mid == M_FROZENSET_COPY else mid, me, sp, n)
    one = mid == M_SET_SYMMETRIC_DIFFERENCE or mid == M_SET_SYMMETRIC_DIFFERENCE_UPDATE \
        or mid == M_FROZENSET_SYMMETRIC_DIFFERENCE or mid == M_SET_ISSUBSET \
        or mid == M_SET_ISSUPERSET or mid == M_SET_ISDISJOINT \
        or mid == M_FROZENSET_ISSUBSET or mid == M_FROZENSET_ISSUPERSET \
        or mid == M_FROZENSET_ISDISJOINT
    if one and n != 1:
        return -1
    if n > 255:
        return -1
    for k in range(n):
        status = prepare(st, sp - n + k)
        if status != ST_RUNNING:
            return status
    if mid == M_SET_ISSUBSET or mid == M_SET_ISSUPERSET or mid == M_SET_ISDISJOINT \
            or mid == M_FROZENSET_ISSUBSET or mid == M_FROZENSET_ISSUPERSET \
            or mid == M_FROZENSET_ISDISJOINT:
        return predicate(st, mid, me, sp, n)
    if mid == M_FROZENSET_SYMMETRIC_DIFFERENCE:
        mid = M_SET_SYMMETRIC_DIFFERENCE
    return multi(st, mid, me, sp, n)


@njit(sig("none(P, i8)"), cache=CACHE)
def rehash(st, s):
    """Recompute the stored hashes of a set's slots in place (snapshot loading)."""
    H = H_(st)
    V = V_(st)
    o = H[s, A]
    if H[s, KIND] == FROZENSET:
        H[s, D] = 0
        H[s, F] = 0
    for i in range(H[s, E]):
        t = V[o + 2 * i, 0]
        if t == UNDEF:
            V[o + 2 * i + 1, 0] = -1 if V[o + 2 * i, 1] == 1 else 0
        else:
            V[o + 2 * i + 1, 0] = heap.hash_value(st, t, V[o + 2 * i, 1])
        V[o + 2 * i + 1, 1] = 0
