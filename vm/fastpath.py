"""Fast paths the interpreter loop tries before its general helpers.

Each function either completes the common case of an instruction and returns True,
or changes nothing and returns False (the loop then takes the general path, which
gives the same result).  None can fail or ask for memory (new_instance, the only
one that allocates, checks its room first); the only thing kept between
instructions is the attribute cache IC (layout.IC_*), which is never part of a
snapshot: a loaded or new VM starts with an empty one, and a cache entry is used only
while nothing has changed since it was made (see cached_class_attr), so a pause and
resume anywhere behaves exactly as before.
"""

import numpy as np
from numba import carray
from .jit import njit

from . import CACHE
from .mem import sig, S_, F_, FN_, H_, V_, R_, IC_, K_, CODE_, NPTRS, _ptr64, P_IC, P_IC_N

from .layout import (A, B, C, D, E, F, UNDEF, STR, FUNC, CLASS, INSTANCE, WRAPPER,
                     FN_ENTRY, FN_NPARAMS, FN_NLOCALS, FN_STACK, FN_NFREE, FN_FLAGS,
                     FN_NKWONLY, CO_VARARGS, CO_VARKW, R_FP, R_SP, R_FRAMES_MAX, FR_CODE,
                     FR_PC, FR_BASE, FR_FUNC, FR_RET, FR_FLAGS, RET_INIT, RET_NORMAL, N_INIT,
                     CELL, IC_ENTRIES, IC_CLS, IC_NAME, IC_EP, IC_CA, IC_HINT, ICCOLS,
                     IC_SITE_BASE, SITE_WORDS, SITE_WAYS, SC_WAY, SC_EP, SC_NEXT, SC_WAY0,
                     SC_CLS, SC_CA, SC_E)
from . import heap, objects, modfns
from .layout import MT_N
from .builtins import B_OBJECT
from .layout import CLASS_NEW_BY_SCRIPT, CLASS_DESCRIPTOR

UNSURE = -2     # attr_probe: a key that is not a str has the same hash
# Unsigned row indices, as in interp.run(): no wraparound code for negative ones
# (every index here is a row the function has checked or made)
u64 = np.uint64


@njit(cache=CACHE, inline="always")
def state_at(at):
    """The state's pointer tuple, read from the int64 array at address `at` (what
    interp.run receives).  The loop calls the fast paths below with `at`, one int,
    instead of the 24-int tuple, which every call copied (LLVM loads only the
    entries a function uses); the array does not change during a run()."""
    p = carray(_ptr64(at), NPTRS)
    return (p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11],
            p[12], p[13], p[14], p[15], p[16], p[17], p[18], p[19], p[20], p[21], p[22],
            p[23])


@njit(sig("i8(P, i8, i8)"), cache=CACHE, inline="always")
def attr_probe(st, d, name):
    """The entry of str row `name` in dict row d, -1 if absent, or UNSURE (a key
    of another type hashes the same: the general lookup decides).  The probe
    sequence is heap.dict_lookup's."""
    H = H_(st)
    V = V_(st)
    h = H[u64(name), C] if H[u64(name), D] == 1 else heap.str_hash(st, name)
    io = H[u64(d), D]
    mask = H[u64(d), E] - 1
    eo = H[u64(d), A]
    perturb = np.uint64(h)
    i = np.int64(np.uint64(h) & np.uint64(mask))
    while True:
        e = V[u64(io + i), 0]
        if e == -1:
            return -1
        if V[u64(io + i), 1] == h:
            kt = V[u64(eo + 2 * e), 0]
            if kt == STR:
                kv = V[u64(eo + 2 * e), 1]
                if kv == name or heap.str_eq(st, kv, name):
                    return e
            elif kt != UNDEF:
                return UNSURE
        perturb >>= np.uint64(5)
        i = np.int64((np.uint64(i) * np.uint64(5) + np.uint64(1) + perturb) & np.uint64(mask))


@njit(sig("i8(P, i8, i8)"), cache=CACHE, inline="always")
def class_attr(st, cls, name):
    """Where class attribute `name` of class row cls is, along its MRO: the V row of
    the value, -1 if no class has it, UNSURE if a lookup could not decide."""
    H = H_(st)
    V = V_(st)
    mro = H[u64(cls), C]
    mo = H[u64(mro), A]
    for i in range(H[u64(mro), B]):
        if V[u64(mo + i), 0] != CLASS:
            continue
        d = H[u64(V[u64(mo + i), 1]), B]
        e = attr_probe(st, d, name)
        if e >= 0:
            return H[u64(d), A] + 2 * e + 1
        if e == UNSURE:
            return UNSURE
    return -1


@njit(sig("b1(P, i8)"), cache=CACHE)
def is_descriptor(st, r):
    """Whether instance row r is a descriptor: its class defines __get__, __set__ or
    __delete__ (reading or writing it as a class attribute runs script code)."""
    H = H_(st)
    return H[r, A] >= 0 and H[H[r, A], F] & CLASS_DESCRIPTOR != 0


@njit(sig("i8(P, i8, i8)"), cache=CACHE, inline="always")
def cached_class_attr(st, cls, name):
    """The attribute cache row (layout.IC_*) holding class_attr(cls, name) in its
    IC_CA column, filled first if it was not valid; -1 if class_attr could not
    decide.  Correct because the result depends only on the dicts of the classes
    along cls's MRO (fixed when the class is made), and every change to a dict's
    keys or the place of its entries bumps the cache's epoch (heap.ic_bump: new
    keys, deletions, resizes, collections), except the new keys the fast paths add
    to an instance's own attribute dict, which is never a class namespace.
    Replacing a value in place keeps the V row, whose value is read afresh."""
    IC = IC_(st)
    h = cls * 1000003 + name
    h = (h ^ (h >> 13)) * 0x5BD1E995
    i = 1 + ((h >> 16) & (IC_ENTRIES - 1))
    ep = IC[0, 0]
    if IC[u64(i), IC_EP] == ep and IC[u64(i), IC_CLS] == cls and IC[u64(i), IC_NAME] == name:
        return i
    ca = class_attr(st, cls, name)
    if ca == UNSURE:
        return -1
    IC[u64(i), IC_CLS] = cls
    IC[u64(i), IC_NAME] = name
    IC[u64(i), IC_EP] = ep
    IC[u64(i), IC_CA] = ca
    IC[u64(i), IC_HINT] = -1
    return i


@njit(sig("i8(P, i8, i8, i8)"), cache=CACHE, inline="always")
def instance_entry(st, d, name, i):
    """attr_probe(d, name) for an instance's dict d, first trying the entry where
    cache row i last found that name (instances of a class usually get their
    attributes in the same order): that entry holding the very str row `name`
    is the answer, as keys are unique."""
    H = H_(st)
    V = V_(st)
    IC = IC_(st)
    e = IC[u64(i), IC_HINT]
    if e >= 0 and e < H[u64(d), B]:
        eo = H[u64(d), A] + 2 * e
        if V[u64(eo), 1] == name and V[u64(eo), 0] == STR:
            return e
    e = attr_probe(st, d, name)
    if e >= 0:
        IC[u64(i), IC_HINT] = e
    return e


@njit(cache=CACHE, inline="always")
def plain_attr(st, ov, name):
    """For attribute str row `name` of instance row ov: (its attribute dict row, the
    V row of the class attribute of that name or -1, the attribute cache row); the
    dict row is -1 when the general path must decide (no class or dict, a
    descriptor of that name along the MRO, or a lookup that could not decide)."""
    H = H_(st)
    cls = H[u64(ov), A]
    d = H[u64(ov), B]
    if cls < 0 or d < 0:
        return -1, -1, -1
    i = cached_class_attr(st, cls, name)
    if i < 0:
        return -1, -1, -1
    ca = IC_(st)[u64(i), IC_CA]
    if ca >= 0 and (V_(st)[u64(ca), 0] == WRAPPER or (
            V_(st)[u64(ca), 0] == INSTANCE and is_descriptor(st, V_(st)[u64(ca), 1]))):
        return -1, -1, -1
    return d, ca, i


@njit(cache=CACHE, inline="always")
def site_words(st):
    """The attribute cache as one flat array of words (the site cache's view)."""
    return carray(_ptr64(st[P_IC]), st[P_IC_N] * ICCOLS)


@njit(sig("b1(P, i8)"), cache=CACHE, inline="always")
def plain_class_value(st, ca):
    """Whether the class attribute at V row ca is a plain value: no WRAPPER
    (property, static or class method) and no descriptor (is_descriptor)."""
    V = V_(st)
    t = V[u64(ca), 0]
    if t == WRAPPER:
        return False
    if t == INSTANCE:
        c = H_(st)[u64(V[u64(ca), 1]), A]
        return c < 0 or H_(st)[u64(c), F] & CLASS_DESCRIPTOR == 0
    return True


@njit(sig("none(P, i8, i8, i8, i8)"), cache=CACHE, inline="always")
def site_fill(st, k, cls, ca, e):
    """Remember at the site of name constant k: instances of class row cls have the
    attribute at entry e of their dict (e >= 0), or lack it and class attribute
    ca (V row) is the value (e = -1); valid for the current epoch.  A site filled
    in an older epoch forgets all its ways first; a new class takes the next way
    in turn."""
    W = site_words(st)
    w = IC_SITE_BASE + SITE_WORDS * k
    if w + SITE_WORDS > W.shape[0]:
        return
    if W[u64(w + SC_EP)] != W[0]:
        W[u64(w + SC_EP)] = W[0]
        W[u64(w + SC_NEXT)] = 0
        for k in range(SITE_WAYS):
            W[u64(w + SC_WAY0 + SC_WAY * k + SC_CLS)] = -1
    x = -1
    for k in range(SITE_WAYS):
        if W[u64(w + SC_WAY0 + SC_WAY * k + SC_CLS)] == cls:
            x = w + SC_WAY0 + SC_WAY * k
    if x < 0:
        k = W[u64(w + SC_NEXT)]
        W[u64(w + SC_NEXT)] = (k + 1) & (SITE_WAYS - 1)
        x = w + SC_WAY0 + SC_WAY * k
    W[u64(x + SC_CLS)] = cls
    W[u64(x + SC_CA)] = ca
    W[u64(x + SC_E)] = e


@njit(cache=CACHE, inline="always")
def site_way(W, k, cls):
    """The first word of the way of name constant k's site that holds class row
    cls in the current epoch, or -1."""
    w = IC_SITE_BASE + SITE_WORDS * k
    if w + SITE_WORDS > W.shape[0] or W[u64(w + SC_EP)] != W[0] or cls < 0:
        return -1
    for k in range(SITE_WAYS):
        if W[u64(w + SC_WAY0 + SC_WAY * k + SC_CLS)] == cls:
            return w + SC_WAY0 + SC_WAY * k
    return -1


@njit(cache=CACHE, inline="always")
def site_of(st, ov, k):
    """What name constant k's site says about instance row ov: (its attribute dict
    row, the dict entry of the name or -1, the class attribute's V row or -1); the
    dict row is -1 when the site says nothing valid (no way for ov's class in the
    current epoch, or no dict)."""
    H = H_(st)
    W = site_words(st)
    d = H[u64(ov), B]
    x = site_way(W, k, H[u64(ov), A])
    if x < 0 or d < 0:
        return -1, -1, -1
    return d, W[u64(x + SC_E)], W[u64(x + SC_CA)]


@njit(sig("b1(i8, i8, i8, i8, b1)"), cache=CACHE, inline="always")
def site_load(at, name, sp, k, method):
    """LOAD_ATTR / LOAD_METHOD of attribute str row `name` (constant k) on the
    instance at S[sp-1], from what the name's site (layout.SC_*) says about
    instances of its class; False (nothing changed) when it says nothing valid.

    Valid as cached_class_attr's rows are: while the epoch holds, no dict of the
    class's MRO gained or lost a key, so ca is still where the class attribute's
    value lives (read afresh: it may have been replaced in place, by a property
    too) and -1 still means none; the instance's own dict is checked every time
    (the key at entry e, or the name's absence from its index)."""
    st = state_at(at)
    S = S_(st)
    H = H_(st)
    V = V_(st)
    ov = S[u64(sp - 1), 1]
    d, e, ca = site_of(st, ov, k)
    if d < 0:
        return False
    if e >= 0:
        if e >= H[u64(d), B]:
            return False
        eo = H[u64(d), A] + 2 * e
        if V[u64(eo), 1] != name or V[u64(eo), 0] != STR or (
                ca >= 0 and not plain_class_value(st, ca)):
            return False
        S[u64(sp - 1), 0] = V[u64(eo + 1), 0]
        S[u64(sp - 1), 1] = V[u64(eo + 1), 1]
        if method:
            S[u64(sp), 0] = UNDEF
            S[u64(sp), 1] = 0
        return True
    # the class's attribute, if the instance's dict lacks the name (a slot of that
    # hash that is not a deleted entry: the full path decides)
    if H[u64(name), D] != 1 or absent_slot(st, d, H[u64(name), C]) < 0:
        return False
    t = V[u64(ca), 0]
    if t == FUNC:
        if not method:
            return False        # a bound method object must be made
        S[u64(sp), 0] = INSTANCE
        S[u64(sp), 1] = ov
    elif not plain_class_value(st, ca):
        return False
    elif method:
        S[u64(sp), 0] = UNDEF
        S[u64(sp), 1] = 0
    S[u64(sp - 1), 0] = t
    S[u64(sp - 1), 1] = V[u64(ca), 1]
    return True


@njit(sig("b1(i8, i8, i8, i8, b1)"), cache=CACHE)
def load_attr_filling(at, name, sp, k, method):
    """load_attr through the attribute cache, filling name constant k's site."""
    st = state_at(at)
    S = S_(st)
    H = H_(st)
    V = V_(st)
    ov = S[u64(sp - 1), 1]
    d, ca, ic = plain_attr(st, ov, name)
    if d < 0:
        return False
    e = instance_entry(st, d, name, ic)
    if e >= 0:
        o = H[u64(d), A] + 2 * e + 1
        S[u64(sp - 1), 0] = V[u64(o), 0]
        S[u64(sp - 1), 1] = V[u64(o), 1]
        if method:
            S[u64(sp), 0] = UNDEF
            S[u64(sp), 1] = 0
        site_fill(st, k, H[u64(ov), A], ca, e)
        return True
    if e == UNSURE or ca < 0:
        return False
    t = V[u64(ca), 0]
    if t == FUNC:
        if not method:
            return False        # a bound method object must be made
        S[u64(sp), 0] = INSTANCE
        S[u64(sp), 1] = ov
    elif method:
        S[u64(sp), 0] = UNDEF
        S[u64(sp), 1] = 0
    S[u64(sp - 1), 0] = t
    S[u64(sp - 1), 1] = V[u64(ca), 1]
    if H[u64(name), D] == 1:    # (attr_probe hashed it)
        site_fill(st, k, H[u64(ov), A], ca, -1)
    return True


@njit(sig("i8(i8, i8)"), cache=CACHE, inline="always")
def name_const(at, pc):
    """The constant index of the attribute name of the instruction at pc (its
    argument).  The loop passes pc, not the name: one argument fewer to set up at
    each call site; the name's site is found by its constant."""
    return CODE_(state_at(at))[u64(pc)] >> 8


@njit(sig("b1(i8, i8, i8, b1)"), cache=CACHE)
def load_attr(at, sp, pc, method):
    """LOAD_ATTR / LOAD_METHOD (the instruction at pc; its name) on the instance at
    S[sp-1]: an instance attribute, a plain class attribute, or (LOAD_METHOD) a
    function of the class with the instance as self.  Properties, static and class
    methods, bound methods to make, missing names: False."""
    k = name_const(at, pc)
    name = K_(state_at(at))[u64(k), 1]
    if site_load(at, name, sp, k, method):
        return True
    return load_attr_filling(at, name, sp, k, method)


@njit(sig("i8(P, i8, i8)"), cache=CACHE, inline="always")
def absent_slot(st, d, h):
    """The free index slot of dict row d where a key of hash h would go, if no live
    entry of d has that hash (so a str key of that hash is surely absent); -1 if
    one has (the full lookup decides).  The probe sequence is heap.dict_lookup's."""
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
            return i
        if V[u64(io + i), 1] == h and V[u64(eo + 2 * e), 0] != UNDEF:
            return -1
        perturb >>= np.uint64(5)
        i = np.int64((np.uint64(i) * np.uint64(5) + np.uint64(1) + perturb) & np.uint64(mask))


@njit(sig("i8(P, i8, i8, i8, i8)"), cache=CACHE, inline="always")
def attr_insert(st, d, name, vt, vv):
    """d[name] = v for str row `name`, known to be absent from dict row d, which has
    room for one more entry: the entry and index slot heap.dict_set would use (the
    first free slot of the key's probe sequence).  Returns the entry index."""
    H = H_(st)
    V = V_(st)
    h = H[u64(name), C] if H[u64(name), D] == 1 else heap.str_hash(st, name)
    io = H[u64(d), D]
    mask = H[u64(d), E] - 1
    perturb = np.uint64(h)
    i = np.int64(np.uint64(h) & np.uint64(mask))
    while V[u64(io + i), 0] != -1:
        perturb >>= np.uint64(5)
        i = np.int64((np.uint64(i) * np.uint64(5) + np.uint64(1) + perturb) & np.uint64(mask))
    return heap.entry_append(st, d, i, h, STR, name, vt, vv)


@njit(sig("b1(i8, i8, i8, i8)"), cache=CACHE, inline="always")
def site_store(at, name, sp, k):
    """STORE_ATTR (v obj ->) of attribute str row `name` (constant k) replacing the
    instance attribute at the dict entry the name's site gives (site_load's
    checks), or adding it (below)."""
    st = state_at(at)
    S = S_(st)
    H = H_(st)
    V = V_(st)
    d, e, ca = site_of(st, S[u64(sp - 1), 1], k)
    if d < 0:
        return False
    n = H[u64(d), B]
    if e < 0 or (ca >= 0 and not plain_class_value(st, ca)):
        return False
    if e < n:
        eo = H[u64(d), A] + 2 * e
        if V[u64(eo), 1] != name or V[u64(eo), 0] != STR:
            return False
        V[u64(eo + 1), 0] = S[u64(sp - 2), 0]
        V[u64(eo + 1), 1] = S[u64(sp - 2), 1]
        return True
    # an instance that does not have the attribute yet (one being made: __init__
    # adds its attributes in the same order every time): a new key, if the dict has
    # room and surely lacks the name (attr_insert's probe; any slot of that hash
    # whose entry is not deleted: the full path decides)
    if n >= H[u64(d), C] or H[u64(name), D] != 1:
        return False
    h = H[u64(name), C]
    i = absent_slot(st, d, h)
    if i < 0:
        return False
    heap.entry_append(st, d, i, h, STR, name, S[u64(sp - 2), 0], S[u64(sp - 2), 1])
    return True


@njit(sig("b1(i8, i8, i8, i8)"), cache=CACHE)
def store_attr_filling(at, name, sp, k):
    """store_attr through the attribute cache, filling name constant k's site."""
    st = state_at(at)
    S = S_(st)
    H = H_(st)
    V = V_(st)
    ov = S[u64(sp - 1), 1]
    d, ca, ic = plain_attr(st, ov, name)
    if d < 0:
        return False
    e = instance_entry(st, d, name, ic)
    if e >= 0:
        o = H[u64(d), A] + 2 * e + 1
        V[u64(o), 0] = S[u64(sp - 2), 0]
        V[u64(o), 1] = S[u64(sp - 2), 1]
        site_fill(st, k, H[u64(ov), A], ca, e)
        return True
    if e == UNSURE or H[u64(d), B] >= H[u64(d), C]:
        return False
    # a new key of an instance's own dict (never a class namespace: the cache stays
    # valid), with room: heap.dict_set's insertion, without its second lookup
    e = attr_insert(st, d, name, S[u64(sp - 2), 0], S[u64(sp - 2), 1])
    IC_(st)[u64(ic), IC_HINT] = e
    site_fill(st, k, H[u64(ov), A], ca, e)
    return True


@njit(sig("b1(i8, i8, i8)"), cache=CACHE)
def store_attr(at, sp, pc):
    """STORE_ATTR (v obj ->, the instruction at pc; its name) on an instance whose
    class has no descriptor of that name: replace an existing attribute, or add one
    to a dict with room."""
    k = name_const(at, pc)
    name = K_(state_at(at))[u64(k), 1]
    if site_store(at, name, sp, k):
        return True
    return store_attr_filling(at, name, sp, k)


@njit(sig("b1(P, i8, i8, i8)"), cache=CACHE, inline="always")
def simple_call(st, f, nargs, base):
    """Whether calling function row f with exactly nargs positional arguments at
    S[base...] needs nothing but a new frame: no defaults, *args, **kwargs or
    keyword-only parameters, and room for the frame and its stack (free variables
    are copied from the closure by enter)."""
    FN = FN_(st)
    c = H_(st)[u64(f), A]
    fp = R_(st)[R_FP]
    return (FN[u64(c), FN_NPARAMS] == nargs
            and FN[u64(c), FN_FLAGS] & (CO_VARARGS | CO_VARKW) == 0 and FN[u64(c), FN_NKWONLY] == 0
            and fp + 1 < R_(st)[R_FRAMES_MAX] and fp + 2 <= F_(st).shape[0]
            and base + FN[u64(c), FN_NLOCALS] + FN[u64(c), FN_STACK] + 8 <= S_(st).shape[0])


@njit(sig("none(P, i8, i8, i8, i8, i8, i8)"), cache=CACHE, inline="always")
def enter(st, f, base, nargs, ret, ret_pc, mode):
    """Push the frame of function row f, which simple_call accepted, with its nargs
    arguments at S[base...]; the result goes to S[ret] by return mode `mode`, then
    the caller continues at ret_pc."""
    S = S_(st)
    R = R_(st)
    Fr = F_(st)
    FN = FN_(st)
    c = H_(st)[u64(f), A]
    nlocals = FN[u64(c), FN_NLOCALS]
    for i in range(base + nargs, base + nlocals):
        S[u64(i), 0] = UNDEF
        S[u64(i), 1] = 0
    nfree = FN[u64(c), FN_NFREE]
    if nfree > 0:       # the closure's cells fill the last nfree locals (push_frame)
        co = H_(st)[u64(H_(st)[u64(f), C]), A]
        V = V_(st)
        for i in range(nfree):
            S[u64(base + nlocals - nfree + i), 0] = CELL
            S[u64(base + nlocals - nfree + i), 1] = V[u64(co + i), 1]
    fp = R[R_FP]
    Fr[u64(fp), FR_PC] = ret_pc
    fp += 1
    Fr[u64(fp), FR_CODE] = c
    Fr[u64(fp), FR_PC] = FN[u64(c), FN_ENTRY]
    Fr[u64(fp), FR_BASE] = base
    Fr[u64(fp), FR_FUNC] = f
    Fr[u64(fp), FR_RET] = ret
    Fr[u64(fp), FR_FLAGS] = mode
    R[R_FP] = fp
    R[R_SP] = base + nlocals


@njit(sig("b1(i8, i8, i8, i8, i8, i8)"), cache=CACHE)
def call(at, f, nargs, base, ret, ret_pc):
    """simple_call, then enter in mode RET_NORMAL if it accepts: one call from the
    loop instead of two (every call of a numba function copies the 22-int state
    tuple; the helpers here are inlined into their callers for the same reason)."""
    st = state_at(at)
    if not simple_call(st, f, nargs, base):
        return False
    enter(st, f, base, nargs, ret, ret_pc, RET_NORMAL)
    return True


@njit(sig("b1(i8, i8, i8, i8, i8)"), cache=CACHE)
def new_instance(at, cls, arg, sp, pc):
    """CALL of class row cls (a plain class) with arg positional arguments, whose
    __init__ is a function simple_call accepts: the new instance goes to the class's
    slot and as self below the arguments, and __init__'s frame is pushed in mode
    RET_INIT.  The same objects, in the same order, as interp.call_class makes.
    False (nothing changed) for anything else, or when memory is short."""
    st = state_at(at)
    H = H_(st)
    S = S_(st)
    V = V_(st)
    if H[u64(cls), E] != B_OBJECT or H[u64(cls), F] & CLASS_NEW_BY_SCRIPT:
        return False
    name = objects.special_name(st, N_INIT)
    if name < 0:
        return False
    ic = cached_class_attr(st, cls, name)
    if ic < 0:
        return False
    ca = IC_(st)[u64(ic), IC_CA]
    if ca < 0 or V[u64(ca), 0] != FUNC:
        return False
    f = V[u64(ca), 1]
    ret = sp - arg - 1
    base = ret + 1
    if not simple_call(st, f, arg + 1, base) or not heap.reserve(st, 2, heap.dict_rows(4), 0):
        return False
    obj = heap.new_obj(st, INSTANCE)
    H[u64(obj), A] = cls
    H[u64(obj), B] = heap.new_dict(st, 0)
    for i in range(sp - 1, ret, -1):
        S[u64(i + 1), 0] = S[u64(i), 0]
        S[u64(i + 1), 1] = S[u64(i), 1]
    S[u64(ret), 0] = INSTANCE
    S[u64(ret), 1] = obj
    S[u64(base), 0] = INSTANCE
    S[u64(base), 1] = obj
    enter(st, f, base, arg + 1, ret, pc + 1, RET_INIT)
    return True


@njit(sig("b1(i8, i8, i8, i8, b1)"), cache=CACHE)
def module_attr(at, mod, name, sp, method):
    """LOAD_ATTR / LOAD_METHOD of attribute str row `name` on the builtin module
    (math, random) row mod at S[sp-1]: the value from the module's namespace dict,
    found through the attribute cache (a row keyed by the module's row and the name,
    holding the V row of the dict entry's value: valid while the cache's epoch
    holds, as for classes; a module row is never an instance's class, so the keys
    never meet a class's).  LOAD_METHOD leaves an empty self slot above it, as
    modfns.module_op does.  False (nothing changed) for a module written in Amber,
    a missing name or a lookup that could not decide."""
    st = state_at(at)
    H = H_(st)
    V = V_(st)
    S = S_(st)
    IC = IC_(st)
    if H[u64(mod), C] >= 0:
        return False
    h = mod * 1000003 + name
    h = (h ^ (h >> 13)) * 0x5BD1E995
    i = 1 + ((h >> 16) & (IC_ENTRIES - 1))
    ep = IC[0, 0]
    if not (IC[u64(i), IC_EP] == ep and IC[u64(i), IC_CLS] == mod and IC[u64(i), IC_NAME] == name):
        d = H[u64(mod), B]
        e = attr_probe(st, d, name)
        if e < 0:
            return False
        IC[u64(i), IC_CLS] = mod
        IC[u64(i), IC_NAME] = name
        IC[u64(i), IC_EP] = ep
        IC[u64(i), IC_CA] = H[u64(d), A] + 2 * e + 1
        IC[u64(i), IC_HINT] = -1
    ca = IC[u64(i), IC_CA]
    S[u64(sp - 1), 0] = V[u64(ca), 0]
    S[u64(sp - 1), 1] = V[u64(ca), 1]
    if method:
        S[u64(sp), 0] = UNDEF
        S[u64(sp), 1] = 0
    return True


@njit(sig("i8(i8)"), cache=CACHE, inline="always")
def temper(y):
    """MT19937's tempering of one state word (modfns.mt_next)."""
    y ^= y >> 11
    y ^= (y << 7) & 0x9D2C5680
    y ^= (y << 15) & 0xEFC60000
    y ^= y >> 18
    return y


@njit(sig("f8(P, i8)"), cache=CACHE, inline="always")
def random_float(st, g):
    """random.random() on RNG object row g: modfns.mt_random, with both outputs read
    in place when no twist falls between them (else modfns.mt_random itself)."""
    H = H_(st)
    V = V_(st)
    i = H[g, B]
    if i + 2 > MT_N:
        return modfns.mt_random(H, V, g)
    o = H[g, A]
    a = temper(V[o + (i >> 1), i & 1]) >> 5
    j = i + 1
    b = temper(V[o + (j >> 1), j & 1]) >> 6
    H[g, B] = i + 2
    return (np.float64(a) * 67108864.0 + np.float64(b)) * (1.0 / 9007199254740992.0)
