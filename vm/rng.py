"""The random module's generator, host side: xoshiro256** on the VM's registers.

The state is four 64-bit words in R[R_RNG:R_RNG+4] (never all zero) plus CPython's
cached second gauss() value (R_GAUSS_HAS, R_GAUSS), so it is part of every snapshot.
The numba fast paths (modfns.py) step the same generator; both must stay in step:
tests/test_modules.py compares them.

Seeding (random.seed(a)): the seed is turned into a non-negative int as CPython 3.11
does (abs() of an int, hash() of a float, the bytes of a str or bytes followed by
their SHA-512); its 64-bit limbs, least significant first, are folded with
SplitMix64 (h = len(limbs); h = splitmix(h ^ limb) for each limb), and four more
SplitMix64 outputs from h are the state.  A fresh VM is in the state seed(0) gives
(or the host's random_seed=), and seed() / seed(None) go back to that default.
"""

from __future__ import annotations

from . import layout as L

MASK = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15
DEFAULT_SEED = 0


def _mix(z: int) -> int:
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def state_from_int(n: int) -> list:
    """The four state words for a non-negative int seed."""
    n = abs(n)
    limbs = []
    while True:
        limbs.append(n & MASK)
        n >>= 64
        if not n:
            break
    h = len(limbs)
    for limb in limbs:
        h = _mix(((h ^ limb) + GOLDEN) & MASK)
    words = []
    for _ in range(4):
        h = (h + GOLDEN) & MASK
        words.append(_mix(h))
    if not any(words):
        words[0] = 1
    return words


def _signed(w: int) -> int:
    return w - (1 << 64) if w >= 1 << 63 else w


def set_state(R, words: list, gauss=None) -> None:
    for i, w in enumerate(words):
        R[L.R_RNG + i] = _signed(w & MASK)
    set_gauss(R, gauss)


def set_gauss(R, gauss) -> None:
    import numpy as np
    if gauss is None:
        R[L.R_GAUSS_HAS] = 0
        R[L.R_GAUSS] = 0
    else:
        R[L.R_GAUSS_HAS] = 1
        R[L.R_GAUSS] = int(np.float64(gauss).view(np.int64))


def get_gauss(R):
    import numpy as np
    if int(R[L.R_GAUSS_HAS]) == 0:
        return None
    return float(np.int64(R[L.R_GAUSS]).view(np.float64))


def words(R) -> list:
    return [int(R[L.R_RNG + i]) & MASK for i in range(4)]


def _rotl(x: int, k: int) -> int:
    return ((x << k) | (x >> (64 - k))) & MASK


def next_u64(R) -> int:
    """One step of xoshiro256** on the registers: the next 64-bit output."""
    s0, s1, s2, s3 = words(R)
    result = (_rotl((s1 * 5) & MASK, 7) * 9) & MASK
    t = (s1 << 17) & MASK
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = _rotl(s3, 45)
    for i, w in enumerate((s0, s1, s2, s3)):
        R[L.R_RNG + i] = _signed(w)
    return result


def seed_default(R, seed: int = DEFAULT_SEED) -> None:
    set_state(R, state_from_int(seed))


def state_ok(R) -> str | None:
    """Why the registers are not a sound generator state, or None."""
    import math
    if not any(words(R)):
        return "random generator state is all zero"
    has = int(R[L.R_GAUSS_HAS])
    if has not in (0, 1):
        return "bad random gauss flag"
    if has == 0 and int(R[L.R_GAUSS]) != 0:
        return "bad random gauss value"
    if has == 1 and not math.isfinite(get_gauss(R)):
        return "bad random gauss value"
    return None
