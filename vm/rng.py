"""The random module's generator, host side: CPython's Mersenne Twister (MT19937) on
the VM's heap.

The generator is CPython's own, bit for bit (Modules/_randommodule.c): 624 32-bit
words and an index, tempered outputs, init_by_array seeding, and random() built from
two outputs as (a >> 5, b >> 6) -> (a * 2**26 + b) / 2**53.  So a script seeded
like a CPython program draws exactly CPython's values.

The state is an RNG object in the heap (layout.RNG: the words two per row of V, the
index, and CPython's cached second gauss() value), made on the first use of the
random module and named by register R_RNG (-1 until then), so that programs that
never use random carry none of it.  It is an ordinary heap object for the garbage
collector (R_RNG is a root) and for snapshots (validate.py checks it).

A fresh generator is in the state random.seed(R[R_RNG_SEED]) gives: seed 0 unless
the host passed VM(random_seed=n); seed() and seed(None) go back to that default
(CPython would read OS entropy, which is not deterministic).

The numba fast paths (vm/modfns.py) step the same state; both must stay in step:
tests/test_modules.py compares them with each other and with CPython.
"""

from __future__ import annotations

import numpy as np

from . import layout as L

N = L.MT_N           # 624 words
M = 397
MATRIX_A = 0x9908B0DF
UPPER = 0x80000000
LOWER = 0x7FFFFFFF
MASK32 = 0xFFFFFFFF
DEFAULT_SEED = 0


# ---------------------------------------------------------------------------
# The algorithm on a list of 624 words (CPython's _randommodule.c)
# ---------------------------------------------------------------------------

def init_genrand(s: int) -> list:
    mt = [0] * N
    mt[0] = s & MASK32
    for i in range(1, N):
        mt[i] = (1812433253 * (mt[i - 1] ^ (mt[i - 1] >> 30)) + i) & MASK32
    return mt


def init_by_array(key: list) -> list:
    """The 624 words init_by_array(key) leaves (the index is then 624)."""
    mt = init_genrand(19650218)
    i, j = 1, 0
    n = len(key)
    for _ in range(max(N, n)):
        mt[i] = ((mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525)) + key[j] + j) & MASK32
        i += 1
        j += 1
        if i >= N:
            mt[0] = mt[N - 1]
            i = 1
        if j >= n:
            j = 0
    for _ in range(N - 1):
        mt[i] = ((mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941)) - i) & MASK32
        i += 1
        if i >= N:
            mt[0] = mt[N - 1]
            i = 1
    mt[0] = 0x80000000
    return mt


def key_of(n: int) -> list:
    """The 32-bit chunks of a non-negative int, least significant first ([0] for 0),
    as CPython's random_seed() splits it."""
    key = []
    while True:
        key.append(n & MASK32)
        n >>= 32
        if not n:
            return key


def words_from_int(n: int) -> list:
    """The state words random.seed(n) gives for an int n (CPython uses abs(n))."""
    return init_by_array(key_of(abs(n)))


def twist(mt: list) -> None:
    """Regenerate the 624 words in place (genrand_uint32's refill)."""
    for kk in range(N):
        y = (mt[kk] & UPPER) | (mt[(kk + 1) % N] & LOWER)
        mt[kk] = mt[(kk + M) % N] ^ (y >> 1) ^ (MATRIX_A if y & 1 else 0)


def temper(y: int) -> int:
    y ^= y >> 11
    y ^= (y << 7) & 0x9D2C5680
    y ^= (y << 15) & 0xEFC60000
    return y ^ (y >> 18)


# ---------------------------------------------------------------------------
# The state in a VM: `st` is a vm.state.State (or anything with arrays R, H, V)
# ---------------------------------------------------------------------------

def row_of(st) -> int:
    """The RNG object's row, or -1 before the first use of the random module."""
    return int(st.R[L.R_RNG])


def words(st) -> list:
    r = row_of(st)
    o = int(st.H[r, L.A])
    return [int(w) for w in st.V[o: o + L.MT_ROWS].reshape(-1)]


def index(st) -> int:
    return int(st.H[row_of(st), L.B])


def set_state(st, mt: list, idx: int = N, gauss=None) -> None:
    """Store 624 words, the index and the gauss cache into the (existing) RNG object."""
    r = row_of(st)
    o = int(st.H[r, L.A])
    st.V[o: o + L.MT_ROWS] = np.asarray(mt, np.int64).reshape(L.MT_ROWS, 2)
    st.H[r, L.B] = idx
    set_gauss(st, gauss)


def get_gauss(st):
    r = row_of(st)
    if int(st.H[r, L.C]) == 0:
        return None
    return float(np.int64(st.H[r, L.D]).view(np.float64))


def set_gauss(st, gauss) -> None:
    r = row_of(st)
    if gauss is None:
        st.H[r, L.C] = 0
        st.H[r, L.D] = 0
    else:
        st.H[r, L.C] = 1
        st.H[r, L.D] = int(np.float64(gauss).view(np.int64))


def next_u32(st) -> int:
    """The generator's next 32-bit output (genrand_uint32)."""
    r = row_of(st)
    H, V = st.H, st.V
    i = int(H[r, L.B])
    if i >= N:
        mt = words(st)
        twist(mt)
        o = int(H[r, L.A])
        V[o: o + L.MT_ROWS] = np.asarray(mt, np.int64).reshape(L.MT_ROWS, 2)
        i = 0
    o = int(H[r, L.A])
    y = int(V[o + (i >> 1), i & 1])
    H[r, L.B] = i + 1
    return temper(y)


def random(st) -> float:
    """random(): CPython's random_random, 53 bits from two outputs."""
    a = next_u32(st) >> 5
    b = next_u32(st) >> 6
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)


def getrandbits(st, k: int) -> int:
    """getrandbits(k) for k >= 0: 32-bit outputs, least significant first, the last
    one shifted right to the bits still wanted."""
    if k <= 32:
        return next_u32(st) >> (32 - k) if k else 0
    out = 0
    shift = 0
    while k > 0:
        w = next_u32(st)
        if k < 32:
            w >>= 32 - k
        out |= w << shift
        shift += 32
        k -= 32
    return out


def allocate(machine) -> int:
    """The RNG object's row, made (and seeded with the default seed) if the random
    module has not been used yet.  May collect or grow the arrays."""
    r = row_of(machine.st)
    if r >= 0:
        return r
    from . import heap
    machine.ensure(1, L.MT_ROWS, 0)
    st = machine.st
    r = heap.new_obj(machine.p, L.RNG)
    st.H[r, L.A] = heap.new_vals(machine.p, L.MT_ROWS)
    st.R[L.R_RNG] = r
    set_state(st, words_from_int(int(st.R[L.R_RNG_SEED])))
    return r
