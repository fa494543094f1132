"""The compact encoding of a state array: the rows that differ from a baseline.

A fresh VM of a program already holds most of a paused VM's arrays: the constants
(their strings, tuples and big ints in H, V and CH), the builtin fallbacks in G.
So a snapshot stores, per array, only the rows that differ from that baseline (the
loader rebuilds the baseline from the program), each value as a zigzag LEB128
varint, which keeps the small integers that fill the arrays (tags, rows, counts)
at one or two bytes.  The format is in docs/snapshot-format.md (*Compact arrays*).

    stream := run*                 (until the end of the bytes)
    run    := gap count value*     (count rows of `cols` values each)

Each value is stored as its difference from the value above it (the same column
of the previous row, 0 above row 0), wrapping around in 64 bits: consecutive
objects, frames and list items differ little, so most values take one byte.

`gap` is the number of rows, from the end of the previous run (row 0 at first),
that equal the baseline; rows past the baseline's end are always stored (so the
decoded size is bounded by the bytes: a few bytes cannot ask for gigabytes).
Every number is a varint: gap and count unsigned, values zigzag-signed.

Decoding is hostile-input code: every read is bounds-checked, and a malformed
stream gives an error code (never an out-of-range write).
"""

from __future__ import annotations

import numba
import numpy as np

from ..vm import layout as L

# decode_state results
OK = 0
TRUNCATED = 1        # the bytes end inside a number or a run
BAD_VARINT = 2       # a varint longer than 64 bits
PAST_END = 3         # a run reaches beyond the array's rows
UNSTORED = 4         # rows past the baseline that no run stores
OUT_OF_RANGE = 5     # a value that does not fit the array's type (CH is int32)

DECODE_ERRORS = {
    TRUNCATED: "truncated",
    BAD_VARINT: "a number longer than 64 bits",
    PAST_END: "rows beyond the array's length",
    UNSTORED: "rows past the baseline are missing",
    OUT_OF_RANGE: "a value out of range",
}


@numba.njit(cache=True, nogil=True)
def _put(out, pos, u):
    """Write the unsigned value u (as uint64 bits in an int64) as a varint."""
    x = np.uint64(u)
    while x >= np.uint64(0x80):
        out[pos] = np.uint8((x & np.uint64(0x7F)) | np.uint64(0x80))
        x >>= np.uint64(7)
        pos += 1
    out[pos] = np.uint8(x)
    return pos + 1


@numba.njit(cache=True, nogil=True)
def _same_row(arr, base, r, nbase, cols):
    if r >= nbase:
        return False
    for c in range(cols):
        if arr[r, c] != base[r, c]:
            return False
    return True


@numba.njit(cache=True, nogil=True)
def _get(buf, pos):
    """(value as int64 bits, next pos), or (error code, -1)."""
    x = np.uint64(0)
    shift = 0
    n = buf.shape[0]
    while True:
        if pos >= n:
            return TRUNCATED, -1
        b = np.uint64(buf[pos])
        pos += 1
        if shift == 63 and b > np.uint64(1):
            return BAD_VARINT, -1
        x |= (b & np.uint64(0x7F)) << np.uint64(shift)
        if b < np.uint64(0x80):
            return np.int64(x), pos
        shift += 7
        if shift > 63:
            return BAD_VARINT, -1



# ---------------------------------------------------------------------------
# all the arrays of a state in one call (one numba call per save and per load:
# every call from Python pays for unboxing its arrays)
# ---------------------------------------------------------------------------

INT64_MIN = -(1 << 63)
INT64_MAX = (1 << 63) - 1


@numba.njit(cache=True, nogil=True)
def _encode_rows(arr, n, base, out, pos):
    """The runs of arr[:n] against base (see the module's doc), written from
    out[pos]; the new pos."""
    cols = arr.shape[1]
    nbase = min(base.shape[0], n)
    r = 0
    last = 0
    while r < n:
        if _same_row(arr, base, r, nbase, cols):
            r += 1
            continue
        start = r
        r += 1
        while r < n and not _same_row(arr, base, r, nbase, cols):
            r += 1
        pos = _put(out, pos, start - last)
        pos = _put(out, pos, r - start)
        for i in range(start, r):
            for c in range(cols):
                v = np.int64(arr[i, c]) - np.int64(arr[i - 1, c]) if i > 0 else np.int64(arr[i, c])
                u = (v << 1) ^ (v >> 63)                      # zigzag
                if u >= 0 and u < 0x80:
                    out[pos] = np.uint8(u)
                    pos += 1
                else:
                    pos = _put(out, pos, u)
        last = r
    return pos


@numba.njit(cache=True, nogil=True)
def encode_state(R, S, F, K, H, V, CH, G, base, nbase):
    """Encode the live part of every state array (R S F K H V CH G, as long as the
    registers say) against the baseline (base: the baselines' rows one after the
    other, nbase: their row counts).  Returns (bytes, info): info[k] the live rows
    of array k, info[8 + k] where its stream ends in bytes."""
    info = np.empty(16, np.int64)
    info[0] = R.shape[0]
    info[1] = R[L.R_SP]
    info[2] = R[L.R_FP] + 1
    info[3] = K.shape[0]
    info[4] = R[L.R_HTOP]
    info[5] = R[L.R_VTOP]
    info[6] = R[L.R_CTOP]
    info[7] = G.shape[0]
    widths = (1, 2, F.shape[1], 2, H.shape[1], 2, 1, 2)
    size = 0
    for k in range(8):
        size += 10 * info[k] * (widths[k] + 2)      # at most 10 bytes a number
    out = np.empty(size, np.uint8)
    o = 0
    pos = 0
    for k in range(8):
        cols = widths[k]
        b = base[o: o + nbase[k] * cols].reshape((nbase[k], cols))
        o += nbase[k] * cols
        n = info[k]
        if k == 0:
            pos = _encode_rows(R.reshape((R.shape[0], 1)), n, b, out, pos)
        elif k == 1:
            pos = _encode_rows(S, n, b, out, pos)
        elif k == 2:
            pos = _encode_rows(F, n, b, out, pos)
        elif k == 3:
            pos = _encode_rows(K, n, b, out, pos)
        elif k == 4:
            pos = _encode_rows(H, n, b, out, pos)
        elif k == 5:
            pos = _encode_rows(V, n, b, out, pos)
        elif k == 6:
            pos = _encode_rows(CH.reshape((CH.shape[0], 1)), n, b, out, pos)
        else:
            pos = _encode_rows(G, n, b, out, pos)
        info[8 + k] = pos
    return out, info


@numba.njit(cache=True, nogil=True)
def _decode_rows(buf, pos, end, out, n, base, lo, hi):
    """The runs in buf[pos:end] applied to out[:n] (any integer dtype; every value
    must lie in [lo, hi]), after the baseline's rows.  OK or an error code."""
    cols = out.shape[1]
    nbase = base.shape[0]
    for i in range(min(n, nbase)):
        for c in range(cols):
            out[i, c] = base[i, c]
    row = 0
    while pos < end:
        gap, pos = _get(buf[:end], pos)
        if pos < 0:
            return gap
        count, pos = _get(buf[:end], pos)
        if pos < 0:
            return count
        if gap < 0 or count < 0 or gap > n - row or count > n - row - gap:
            return PAST_END
        if gap > 0 and row + gap > nbase:
            return UNSTORED
        row += gap
        for i in range(row, row + count):
            for c in range(cols):
                if pos >= end:
                    return TRUNCATED
                b = buf[pos]
                if b < 0x80:
                    u = np.int64(b)
                    pos += 1
                else:
                    u, pos = _get(buf[:end], pos)
                    if pos < 0:
                        return u
                v = (np.int64(np.uint64(u) >> np.uint64(1))) ^ -(u & 1)
                x = np.int64(out[i - 1, c]) + v if i > 0 else v
                if x < lo or x > hi:
                    return OUT_OF_RANGE
                out[i, c] = x
        row += count
    if row < n and n > nbase:
        return UNSTORED
    return OK


@numba.njit(cache=True, nogil=True)
def decode_state(buf, layout, base, nbase, R, S, F, K, H, V, CH, G):
    """Decode every compact array of a state at once: array k (R S F K H V CH G)
    from buf[layout[2k]:layout[2k + 1]] into the first layout[16 + k] rows of its
    output, against its baseline (base, nbase: as encode_state's).  layout[2k] < 0:
    array k is already filled (it was stored plain).  (OK, 0) or (error code, k)."""
    spans = layout[:16].reshape((8, 2))
    rows = layout[16:24]
    o = 0
    widths = (1, 2, F.shape[1], 2, H.shape[1], 2, 1, 2)
    for k in range(8):
        cols = widths[k]
        b = base[o: o + nbase[k] * cols].reshape((nbase[k], cols))
        o += nbase[k] * cols
        s, e = spans[k, 0], spans[k, 1]
        if s < 0:
            continue
        n = rows[k]
        if k == 0:
            err = _decode_rows(buf, s, e, R.reshape((R.shape[0], 1)), n, b, INT64_MIN, INT64_MAX)
        elif k == 1:
            err = _decode_rows(buf, s, e, S, n, b, INT64_MIN, INT64_MAX)
        elif k == 2:
            err = _decode_rows(buf, s, e, F, n, b, INT64_MIN, INT64_MAX)
        elif k == 3:
            err = _decode_rows(buf, s, e, K, n, b, INT64_MIN, INT64_MAX)
        elif k == 4:
            err = _decode_rows(buf, s, e, H, n, b, INT64_MIN, INT64_MAX)
        elif k == 5:
            err = _decode_rows(buf, s, e, V, n, b, INT64_MIN, INT64_MAX)
        elif k == 6:
            err = _decode_rows(buf, s, e, CH.reshape((CH.shape[0], 1)), n, b,
                               -(1 << 31), (1 << 31) - 1)
        else:
            err = _decode_rows(buf, s, e, G, n, b, INT64_MIN, INT64_MAX)
        if err != OK:
            return err, k
    return OK, 0
