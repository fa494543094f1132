"""The VM state: one NamedTuple of numpy arrays, and the host-side helpers that make,
grow and inspect it.

Everything a running script has lives in these arrays (layout.py names their
columns), so a snapshot is just their live parts.  The interpreter receives the
whole tuple in one argument.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from . import layout as L


class State(NamedTuple):
    R: np.ndarray     # int64[NREGS] registers
    S: np.ndarray     # int64[n, 2] value stack (locals and operands of every frame)
    F: np.ndarray     # int64[n, FRCOLS] call frames
    CODE: np.ndarray  # int32[n] instruction words of every code object
    FN: np.ndarray    # int64[n, FNCOLS] code-object metadata
    K: np.ndarray     # int64[n, 2] constant values
    H: np.ndarray     # int64[n, HCOLS] object table
    V: np.ndarray     # int64[n, 2] value arena (list/tuple items, dict entries)
    CH: np.ndarray    # int32[n] character arena (str code points)
    G: np.ndarray     # int64[2n, 2] global variables, then the builtin each falls back to
    MT: np.ndarray    # int32[NKINDS, n] builtin-method table: (tag, name id) -> method id or -1
    IC: np.ndarray    # int64[ic_rows(len(K)), ICCOLS] attribute cache (not snapshotted)


def fresh_ic(nconsts: int) -> np.ndarray:
    """An empty attribute cache (layout.IC_*) for a program of nconsts constants:
    epoch 1, no valid entry."""
    ic = np.zeros((L.ic_rows(nconsts), L.ICCOLS), np.int64)
    ic[0, 0] = 1
    return ic


def empty_state(code, fn, nconsts, nglobals, method_table, stack=1024, frames=64,
                objects=1024, values=4096, chars=8192) -> State:
    """A fresh state around the given program arrays, with room to start."""
    R = np.zeros(L.NREGS, np.int64)
    R[L.R_HFREE] = -1
    R[L.R_FRAMES_MAX] = 1000
    H = np.zeros((objects, L.HCOLS), np.int64)
    return State(
        R=R,
        S=np.zeros((stack, 2), np.int64),
        F=np.zeros((frames, L.FRCOLS), np.int64),
        CODE=np.ascontiguousarray(code, np.int32),
        FN=np.ascontiguousarray(fn, np.int64).reshape(-1, L.FNCOLS),
        K=np.zeros((max(nconsts, 1), 2), np.int64),
        H=H,
        V=np.zeros((values, 2), np.int64),
        CH=np.zeros(chars, np.int32),
        G=np.zeros((2 * max(nglobals, 1), 2), np.int64),   # values, then builtin fallbacks
        MT=np.ascontiguousarray(method_table, np.int32),
        IC=fresh_ic(max(nconsts, 1)),
    )


def grown(arr: np.ndarray, rows: int, exact: bool = False, live: int | None = None) -> np.ndarray:
    """A copy of arr with at least `rows` rows (at least doubled unless exact), the
    rest zero.  `live`: only arr's first `live` rows are copied (the caller knows
    the rest are zero)."""
    new_rows = max(rows, arr.shape[0]) if exact else max(rows, 2 * arr.shape[0])
    out = np.zeros((new_rows,) + arr.shape[1:], arr.dtype)
    n = arr.shape[0] if live is None else live
    out[:n] = arr[:n]
    return out


def pointers(st: State) -> tuple:
    """The tuple of (address, rows...) that numba code reads the arrays through.

    Valid only while `st`'s arrays are alive and unchanged in size: rebuild it after
    any array is replaced (see mem.py)."""
    return (
        st.R.ctypes.data,
        st.S.ctypes.data, st.S.shape[0],
        st.F.ctypes.data, st.F.shape[0],
        st.CODE.ctypes.data, st.CODE.shape[0],
        st.FN.ctypes.data, st.FN.shape[0],
        st.K.ctypes.data, st.K.shape[0],
        st.H.ctypes.data, st.H.shape[0],
        st.V.ctypes.data, st.V.shape[0],
        st.CH.ctypes.data, st.CH.shape[0],
        st.G.ctypes.data, st.G.shape[0],
        st.MT.ctypes.data, st.MT.shape[0], st.MT.shape[1],
        st.IC.ctypes.data, st.IC.shape[0],
    )
