"""Modules inside the numba loop (feat/mod): import, module attributes, and the fast
paths of the math and random functions.

A module is a MODULE object whose namespace is a dict (layout.py).  IMPORT_NAME
reads the module from its hidden global slot (the host makes it on first use);
IMPORT_FROM, LOAD_ATTR and LOAD_METHOD look names up in the namespace dict.
LOAD_METHOD on a module pushes the attribute and an empty (UNDEF) self slot above
it, the layout do_call already knows for plain callables.

The math and random functions handle their common cases here (float and int
arguments, no keywords) and hand everything else, including every error, to the
host, which runs CPython's own code (stdlib/modules.py).  So results and messages
are CPython's; the fast paths compute exactly what CPython computes (same libm calls,
same formulas), and the random fast paths step the same generator as the host's
(CPython's MT19937 in the heap's RNG object, vm/rng.py).
"""

import math

import numpy as np
from .jit import njit

from . import CACHE
from .mem import R_, S_, F_, H_, V_, K_, G_
from .layout import (
    A, B, C, D, E, UNDEF, NONE, BOOL, INT, FLOAT, STR, LIST, TUPLE, MODULE,
    R_SP, R_FP, R_SERVICE, R_ARGC, R_KWNAMES, R_RNG, MT_N,
    FR_PC, ST_RUNNING, ST_SERVICE, ERR_VALUE,
)
from .opcodes import IMPORT_NAME, IMPORT_FROM as IMPORT_FROM_OP, LOAD_ATTR
from . import heap
from .arith import fail, fbits, fval, sub_ovf
from .builtins import (
    B_MATH_SQRT, B_MATH_FLOOR, B_MATH_CEIL, B_MATH_TRUNC, B_MATH_FABS, B_MATH_SIN,
    B_MATH_COS, B_MATH_TAN, B_MATH_ASIN, B_MATH_ACOS, B_MATH_ATAN, B_MATH_ATAN2,
    B_MATH_EXP, B_MATH_LOG, B_MATH_LOG2, B_MATH_LOG10, B_MATH_DEGREES, B_MATH_RADIANS,
    B_MATH_ISFINITE, B_MATH_ISINF, B_MATH_ISNAN, B_MATH_COPYSIGN, B_MATH_POW,
    B_RANDOM_RANDOM, B_RANDOM_RANDINT, B_RANDOM_RANDRANGE, B_RANDOM_UNIFORM,
    B_RANDOM_CHOICE, B_RANDOM_SHUFFLE, B_RANDOM_GAUSS, B_RANDOM_GETRANDBITS,
)

# Service numbers (R_SERVICE) of the instructions the host completes.
SVC_IMPORT = -10020        # IMPORT_NAME of a module not made yet (R_ARGC: global slot)
SVC_MODULE_ATTR = -10021   # a name the module does not have (the host raises the error)

INT_MAX = np.int64(9223372036854775807)
U64 = np.uint64
MT_M = 397
MT_MATRIX_A = 0x9908B0DF
MT_UPPER = 0x80000000
MT_LOWER = 0x7FFFFFFF
TWOPI = 6.283185307179586
DEG_TO_RAD = math.pi / 180.0
RAD_TO_DEG = 180.0 / math.pi


# ---------------------------------------------------------------------------
# Modules and their names
# ---------------------------------------------------------------------------

@njit(cache=CACHE)
def module_attr(st, mod, name_const):
    """(tag, payload) of module row mod's attribute named by str constant
    name_const, or (UNDEF, 0)."""
    H = H_(st)
    K = K_(st)
    V = V_(st)
    if H[mod, C] >= 0:      # a module written in Amber: its names are globals
        t, v = module_global(st, mod, name_const)
        if t != UNDEF:
            return t, v
    d = H[mod, B]
    kv = K[name_const, 1]
    if K[name_const, 0] == STR and H[kv, D] == 1:
        # the namespace's keys are the program's name constants (stdlib/modules.py):
        # probe for this very string object, with its cached hash, before the
        # general lookup (which compares strings)
        h = H[kv, C]
        io = H[d, D]
        mask = H[d, E] - 1
        eo = H[d, A]
        perturb = U64(h)
        i = np.int64(U64(h) & U64(mask))
        while True:
            e = V[io + i, 0]
            if e == -1:
                break
            if V[io + i, 1] == h and V[eo + 2 * e, 0] == STR and V[eo + 2 * e, 1] == kv:
                return V[eo + 2 * e + 1, 0], V[eo + 2 * e + 1, 1]
            perturb >>= U64(5)
            i = np.int64((U64(i) * U64(5) + U64(1) + perturb) & U64(mask))
    e = heap.dict_get(st, d, K[name_const, 0], kv)
    if e < 0:
        return UNDEF, 0
    o = H[d, A] + 2 * e + 1
    return V_(st)[o, 0], V_(st)[o, 1]


@njit(cache=CACHE)
def module_global(st, mod, name_const):
    """(tag, payload) of the global of Amber module row mod named by str constant
    name_const, or (UNDEF, 0) if it has none (or it is unbound).  Its names are the
    tuple constant H[mod, D], whose items are the program's own name strings, so
    they compare by identity (a name built at run time goes to the host)."""
    H = H_(st)
    K = K_(st)
    V = V_(st)
    G = G_(st)
    first = H[mod, C]
    names = K[H[mod, D], 1]
    kt = K[name_const, 0]
    kv = K[name_const, 1]
    o = H[names, A]
    for i in range(H[names, B]):
        if V[o + i, 1] == kv and V[o + i, 0] == kt:
            return G[first + i, 0], G[first + i, 1]
    return UNDEF, 0


@njit(cache=CACHE)
def attr_service(st, arg):
    R = R_(st)
    R[R_SERVICE] = SVC_MODULE_ATTR
    R[R_ARGC] = arg
    R[R_KWNAMES] = -1
    return ST_SERVICE


@njit(cache=CACHE)
def module_op(st, op, arg, sp, pc):
    """IMPORT_NAME, IMPORT_FROM, and LOAD_ATTR / LOAD_METHOD on a module."""
    S = S_(st)
    R = R_(st)
    G = G_(st)
    if op == IMPORT_NAME:
        if G[arg, 0] != MODULE:
            R[R_SERVICE] = SVC_IMPORT
            R[R_ARGC] = arg
            R[R_KWNAMES] = -1
            return ST_SERVICE
        S[sp, 0] = MODULE
        S[sp, 1] = G[arg, 1]
        nsp = sp + 1
    else:
        if S[sp - 1, 0] != MODULE:
            return fail(st, ERR_VALUE, 99, op, 0)   # only a hostile snapshot gets here
        t, v = module_attr(st, S[sp - 1, 1], arg)
        if t == UNDEF:
            return attr_service(st, arg)
        if op == LOAD_ATTR:
            S[sp - 1, 0] = t
            S[sp - 1, 1] = v
            nsp = sp
        else:       # IMPORT_FROM keeps the module; LOAD_METHOD leaves an empty self
            if op == IMPORT_FROM_OP:
                S[sp, 0] = t
                S[sp, 1] = v
            else:
                S[sp - 1, 0] = t
                S[sp - 1, 1] = v
                S[sp, 0] = UNDEF
                S[sp, 1] = 0
            nsp = sp + 1
    R[R_SP] = nsp
    F_(st)[R[R_FP], FR_PC] = pc + 1
    return ST_RUNNING


# ---------------------------------------------------------------------------
# The generator: CPython's MT19937 in the RNG object R[R_RNG] (same as vm/rng.py)
# ---------------------------------------------------------------------------
# The helpers take the H and V arrays (and the object's row), so tests can call
# them from the host on plain arrays.  Words are int64 in [0, 2**32) (validated on
# load), so every shift below is a logical one.

@njit(cache=CACHE)
def mt_twist(V, o):
    """Regenerate the 624 words stored two per row at V[o:o+MT_ROWS]."""
    for kk in range(MT_N):
        k1 = kk + 1
        if k1 == MT_N:
            k1 = 0
        km = kk + MT_M
        if km >= MT_N:
            km -= MT_N
        y = (V[o + (kk >> 1), kk & 1] & MT_UPPER) | (V[o + (k1 >> 1), k1 & 1] & MT_LOWER)
        w = V[o + (km >> 1), km & 1] ^ (y >> 1)
        if y & 1:
            w ^= MT_MATRIX_A
        V[o + (kk >> 1), kk & 1] = w


@njit(cache=CACHE)
def mt_next(H, V, r):
    """genrand_uint32: the next tempered 32-bit output of RNG object r."""
    i = H[r, B]
    o = H[r, A]
    if i >= MT_N:
        mt_twist(V, o)
        i = 0
    y = V[o + (i >> 1), i & 1]
    H[r, B] = i + 1
    y ^= y >> 11
    y ^= (y << 7) & 0x9D2C5680
    y ^= (y << 15) & 0xEFC60000
    y ^= y >> 18
    return y


@njit(cache=CACHE)
def mt_random(H, V, r):
    """random.random(): CPython's random_random (53 bits from two outputs)."""
    a = mt_next(H, V, r) >> 5
    b = mt_next(H, V, r) >> 6
    return (np.float64(a) * 67108864.0 + np.float64(b)) * (1.0 / 9007199254740992.0)


@njit(cache=CACHE)
def mt_bits(H, V, r, k):
    """getrandbits(k) for 1 <= k <= 63: one output's top k bits, or a full low
    output and the next one's top k - 32 bits above it."""
    if k <= 32:
        return mt_next(H, V, r) >> (32 - k)
    lo = mt_next(H, V, r)
    hi = mt_next(H, V, r) >> (64 - k)
    return lo | (hi << 32)


@njit(cache=CACHE)
def bit_length(n):
    k = 0
    while n > 0:
        n >>= 1
        k += 1
    return k


@njit(cache=CACHE)
def mt_below(H, V, r, n):
    """CPython's _randbelow_with_getrandbits for 1 <= n < 2**63:
    getrandbits(n.bit_length()) until it is below n."""
    k = bit_length(n)
    while True:
        x = mt_bits(H, V, r, k)
        if x < n:
            return x


# ---------------------------------------------------------------------------
# Fast paths
# ---------------------------------------------------------------------------

@njit(cache=CACHE)
def num(S, slot):
    """(ok, x): an int, bool or float argument as CPython's math converts it."""
    t = S[slot, 0]
    if t == FLOAT:
        return True, fval(S[slot, 1])
    if t == INT or t == BOOL:
        return True, np.float64(S[slot, 1])
    return False, 0.0


@njit(cache=CACHE)
def finite(x):
    return x == x and x != np.inf and x != -np.inf


@njit(cache=CACHE)
def put_float(S, res, x):
    S[res, 0] = FLOAT
    S[res, 1] = fbits(x)
    return ST_RUNNING


@njit(cache=CACHE)
def put_int(S, res, tag, v):
    S[res, 0] = tag
    S[res, 1] = v
    return ST_RUNNING


@njit(cache=CACHE)
def to_service(st, bid, n):
    R = R_(st)
    R[R_SERVICE] = bid
    R[R_ARGC] = n
    R[R_KWNAMES] = -1
    return ST_SERVICE


@njit(cache=CACHE)
def math_fn(st, bid, sp, n):
    """The math functions' common cases; the host does the rest (and all errors)."""
    S = S_(st)
    res = sp - n - 1
    if n == 1:
        ok, x = num(S, sp - 1)
        if not ok:
            return to_service(st, bid, n)
        t = S[sp - 1, 0]
        if bid == B_MATH_FLOOR or bid == B_MATH_CEIL or bid == B_MATH_TRUNC:
            if t == INT or t == BOOL:
                return put_int(S, res, INT, S[sp - 1, 1])
            if not finite(x):
                return to_service(st, bid, n)
            if bid == B_MATH_FLOOR:
                f = np.floor(x)
            elif bid == B_MATH_CEIL:
                f = np.ceil(x)
            else:
                f = np.trunc(x)
            if f >= 9.223372036854775807e18 or f < -9.223372036854775808e18:
                return to_service(st, bid, n)     # a big int
            return put_int(S, res, INT, np.int64(f))
        if bid == B_MATH_ISFINITE:
            return put_int(S, res, BOOL, 1 if finite(x) else 0)
        if bid == B_MATH_ISNAN:
            return put_int(S, res, BOOL, 1 if x != x else 0)
        if bid == B_MATH_ISINF:
            return put_int(S, res, BOOL, 1 if x == np.inf or x == -np.inf else 0)
        if not finite(x):
            return to_service(st, bid, n)
        if bid == B_MATH_SQRT:
            if x >= 0.0:
                return put_float(S, res, math.sqrt(x))
        elif bid == B_MATH_FABS:
            return put_float(S, res, abs(x))
        elif bid == B_MATH_SIN:
            return put_float(S, res, math.sin(x))
        elif bid == B_MATH_COS:
            return put_float(S, res, math.cos(x))
        elif bid == B_MATH_TAN:
            return put_float(S, res, math.tan(x))
        elif bid == B_MATH_ASIN:
            if -1.0 <= x <= 1.0:
                return put_float(S, res, math.asin(x))
        elif bid == B_MATH_ACOS:
            if -1.0 <= x <= 1.0:
                return put_float(S, res, math.acos(x))
        elif bid == B_MATH_ATAN:
            return put_float(S, res, math.atan(x))
        elif bid == B_MATH_EXP:
            r = math.exp(x)
            if finite(r):
                return put_float(S, res, r)
        elif bid == B_MATH_LOG or bid == B_MATH_LOG2 or bid == B_MATH_LOG10:
            if x > 0.0:
                if bid == B_MATH_LOG:
                    r = math.log(x)
                elif bid == B_MATH_LOG2:
                    r = math.log2(x)
                else:
                    r = math.log10(x)
                return put_float(S, res, r)
        elif bid == B_MATH_DEGREES:
            return put_float(S, res, x * RAD_TO_DEG)
        elif bid == B_MATH_RADIANS:
            return put_float(S, res, x * DEG_TO_RAD)
        return to_service(st, bid, n)
    if n == 2:
        ok1, x = num(S, sp - 2)
        ok2, y = num(S, sp - 1)
        if not (ok1 and ok2):
            return to_service(st, bid, n)
        if bid == B_MATH_COPYSIGN:
            return put_float(S, res, np.copysign(x, y))
        if not (finite(x) and finite(y)):
            return to_service(st, bid, n)
        if bid == B_MATH_ATAN2:
            if y != 0.0 and x != 0.0:
                return put_float(S, res, math.atan2(x, y))
        elif bid == B_MATH_POW:
            if x > 0.0:
                r = math.pow(x, y)
                if finite(r) and r != 0.0:
                    return put_float(S, res, r)
        elif bid == B_MATH_LOG:
            if x > 0.0 and y > 0.0:
                den = math.log(y)
                if den != 0.0:
                    return put_float(S, res, math.log(x) / den)
    return to_service(st, bid, n)


@njit(cache=CACHE)
def random_fn(st, bid, sp, n):
    """The random functions' common cases; the host does the rest (and all errors,
    and the first use of the module, which makes the generator's state)."""
    S = S_(st)
    H = H_(st)
    V = V_(st)
    g = R_(st)[R_RNG]
    if g < 0:
        return to_service(st, bid, n)
    res = sp - n - 1
    if bid == B_RANDOM_RANDOM and n == 0:
        return put_float(S, res, mt_random(H, V, g))
    if (bid == B_RANDOM_RANDINT and n == 2) or (bid == B_RANDOM_RANDRANGE and 1 <= n <= 3):
        for i in range(n):
            if S[sp - n + i, 0] != INT:
                return to_service(st, bid, n)
        if n == 1:
            stop = S[sp - 1, 1]
            if stop <= 0:
                return to_service(st, bid, n)
            return put_int(S, res, INT, mt_below(H, V, g, stop))
        start = S[sp - n, 1]
        stop = S[sp - n + 1, 1]
        step = S[sp - 1, 1] if n == 3 else 1
        if bid == B_RANDOM_RANDINT:
            if stop == INT_MAX:
                return to_service(st, bid, n)
            stop += 1
        width, ok = sub_ovf(stop, start)
        if not ok:
            return to_service(st, bid, n)
        if step == 1:
            if width <= 0:
                return to_service(st, bid, n)
            return put_int(S, res, INT, start + mt_below(H, V, g, width))
        if step > 0 and width > 0 and width < (1 << 62) and step < (1 << 62):
            cnt = (width + step - 1) // step
        elif step < 0 and width < 0 and width > -(1 << 62) and step > -(1 << 62):
            cnt = (width + step + 1) // step
        else:
            return to_service(st, bid, n)
        return put_int(S, res, INT, start + step * mt_below(H, V, g, cnt))
    if bid == B_RANDOM_UNIFORM and n == 2:
        ta = S[sp - 2, 0]
        tb = S[sp - 1, 0]
        oka, a = num(S, sp - 2)
        okb, b = num(S, sp - 1)
        if not (oka and okb):
            return to_service(st, bid, n)
        if ta != FLOAT and tb != FLOAT:     # int - int is exact in CPython
            d, ok = sub_ovf(S[sp - 1, 1], S[sp - 2, 1])
            if not ok:
                return to_service(st, bid, n)
            df = np.float64(d)
        else:
            df = b - a
        return put_float(S, res, a + df * mt_random(H, V, g))
    if bid == B_RANDOM_CHOICE and n == 1:
        t = S[sp - 1, 0]
        if t == LIST or t == TUPLE:
            r = S[sp - 1, 1]
            m = H[r, B]
            if m > 0:
                i = mt_below(H, V, g, m)
                return put_int(S, res, V[H[r, A] + i, 0], V[H[r, A] + i, 1])
        return to_service(st, bid, n)
    if bid == B_RANDOM_SHUFFLE and n == 1:
        if S[sp - 1, 0] != LIST:
            return to_service(st, bid, n)
        r = S[sp - 1, 1]
        o = H[r, A]
        m = H[r, B]
        for i in range(m - 1, 0, -1):
            j = mt_below(H, V, g, i + 1)
            t0 = V[o + i, 0]
            v0 = V[o + i, 1]
            V[o + i, 0] = V[o + j, 0]
            V[o + i, 1] = V[o + j, 1]
            V[o + j, 0] = t0
            V[o + j, 1] = v0
        heap.charge(st, m)
        return put_int(S, res, NONE, 0)
    if bid == B_RANDOM_GAUSS and n <= 2:
        mu = 0.0
        sigma = 1.0
        if n >= 1:
            ok, mu = num(S, sp - n)
            if not ok:
                return to_service(st, bid, n)
        if n == 2:
            ok, sigma = num(S, sp - 1)
            if not ok:
                return to_service(st, bid, n)
        if H[g, C] == 1:        # CPython's gauss_next
            z = fval(H[g, D])
            H[g, C] = 0
            H[g, D] = 0
        else:
            x2pi = mt_random(H, V, g) * TWOPI
            g2rad = math.sqrt(-2.0 * math.log(1.0 - mt_random(H, V, g)))
            z = math.cos(x2pi) * g2rad
            H[g, D] = fbits(math.sin(x2pi) * g2rad)
            H[g, C] = 1
        return put_float(S, res, mu + z * sigma)
    if bid == B_RANDOM_GETRANDBITS and n == 1 and S[sp - 1, 0] == INT:
        k = S[sp - 1, 1]
        if k == 0:
            return put_int(S, res, INT, 0)
        if 0 < k < 64:
            return put_int(S, res, INT, mt_bits(H, V, g, k))
    return to_service(st, bid, n)


@njit(cache=CACHE)
def call_module_fn(st, bid, sp, n):
    """A function of a builtin module (MODULE_FN_FIRST <= bid <= MODULE_FN_LAST),
    positional arguments."""
    if B_MATH_SQRT <= bid <= B_MATH_POW:
        return math_fn(st, bid, sp, n)
    if B_RANDOM_RANDOM <= bid <= B_RANDOM_GETRANDBITS:
        return random_fn(st, bid, sp, n)
    return to_service(st, bid, n)
