"""Big ints inside the numba loop: hashing, equality and ordering of BIGINT objects.

A BIGINT (layout.py) holds an int outside int64 as a sign and 32-bit magnitude limbs,
two per row of the value arena.  Arithmetic on big ints is a host service (machine.py,
with Python ints); what lives here is what dict lookups, ==, < and sorting need
without leaving the loop.  Every function is O(number of limbs) and non-recursive.
"""

import math

import numpy as np
from .jit import njit

from . import CACHE
from .mem import sig, H_, V_
from .layout import A, B, C

HASH_MODULUS = (1 << 61) - 1


@njit(sig("i8(P, i8, i8)"), cache=CACHE)
def limb(st, r, i):
    """The i-th 32-bit limb (least significant first) of BIGINT row r."""
    return V_(st)[H_(st)[r, A] + (i >> 1), i & 1]


@njit(sig("i8(i8)"), cache=CACHE)
def bitlen32(x):
    n = 0
    while x > 0:
        x >>= 1
        n += 1
    return n


@njit(sig("i8(P, i8)"), cache=CACHE)
def big_hash(st, r):
    """CPython's hash of the int: its magnitude modulo 2**61 - 1, signed."""
    h = np.uint64(0)
    mod = np.uint64(HASH_MODULUS)
    for i in range(H_(st)[r, B] - 1, -1, -1):
        # h * 2**32 modulo 2**61 - 1 is a rotation of the 61-bit value
        h = ((h << np.uint64(32)) & mod) | (h >> np.uint64(29))
        h += np.uint64(limb(st, r, i))
        if h >= mod:
            h -= mod
    v = np.int64(h)
    if H_(st)[r, C] < 0:
        v = -v
    if v == -1:
        v = -2
    return v


@njit(sig("b1(P, i8, i8)"), cache=CACHE)
def big_eq(st, a, b):
    H = H_(st)
    if H[a, B] != H[b, B] or H[a, C] != H[b, C]:
        return False
    for i in range((H[a, B] + 1) >> 1):
        if V_(st)[H[a, A] + i, 0] != V_(st)[H[b, A] + i, 0] or \
                V_(st)[H[a, A] + i, 1] != V_(st)[H[b, A] + i, 1]:
            return False
    return True


@njit(sig("i8(P, i8, i8)"), cache=CACHE)
def big_cmp(st, a, b):
    """-1, 0 or 1: the order of two big ints."""
    H = H_(st)
    sa = H[a, C]
    if sa != H[b, C]:
        return -1 if sa < 0 else 1
    na = H[a, B]
    nb = H[b, B]
    if na != nb:
        return sa if na > nb else -sa
    for i in range(na - 1, -1, -1):
        x = limb(st, a, i)
        y = limb(st, b, i)
        if x != y:
            return sa if x > y else -sa
    return 0


@njit(sig("Tuple((f8, b1))(P, i8)"), cache=CACHE)
def big_trunc(st, r):
    """(|x| rounded toward zero to a float, exact?); inf when |x| >= 2**1024."""
    n = H_(st)[r, B]
    top = limb(st, r, n - 1)
    tb = bitlen32(top)
    bl = 32 * (n - 1) + tb
    if bl > 1024:
        return np.inf, False
    nxt = limb(st, r, n - 2)
    third = limb(st, r, n - 3) if n >= 3 else 0
    # the top 64 bits, the highest set bit at bit 63
    u = (np.uint64(top) << np.uint64(64 - tb)) | (np.uint64(nxt) << np.uint64(32 - tb)) | \
        (np.uint64(third) >> np.uint64(tb))
    exact = (u & np.uint64(0x7FF)) == 0 and (third & ((1 << tb) - 1)) == 0
    for i in range(n - 4, -1, -1):
        if not exact:
            break
        exact = limb(st, r, i) == 0
    mant = np.float64(u >> np.uint64(11))
    return math.ldexp(mant, bl - 53), exact


@njit(sig("i8(P, i8, f8)"), cache=CACHE)
def big_float_cmp(st, r, y):
    """-1, 0 or 1: the exact order of big int r against float y (not NaN)."""
    s = H_(st)[r, C]
    if y == np.inf:
        return -1
    if y == -np.inf:
        return 1
    if (y < 0.0) != (s < 0) or abs(y) < 9.2233720368547758e18:
        return s        # |x| >= 2**63 > |y|, or the signs differ
    t, exact = big_trunc(st, r)
    ay = abs(y)
    if t < ay:
        c = -1
    elif t > ay:
        c = 1
    else:
        c = 0 if exact else 1
    return c * s
