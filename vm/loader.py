"""Load a compiled Program into a fresh VM state (arrays)."""

from __future__ import annotations

import numpy as np

from . import layout as L
from . import opcodes as O
from .builtins import BUILTINS, BUILTIN_ID, METHOD_ID
from .state import State, empty_state, grown, pointers
from . import heap, rng
from .hostvalues import INT64_MAX, INT64_MIN, big_rows, encode


def method_table(consts) -> np.ndarray:
    """(tag, const index of a name) -> builtin method id, or -1.

    Built from the program's own constants, so a snapshot keeps meaning the same
    methods when later Ambers add builtin methods."""
    table = np.full((L.NKINDS, max(1, len(consts))), -1, np.int32)
    for i, name in enumerate(consts):
        if not isinstance(name, str):
            continue
        for tag in range(L.NKINDS):
            mid = METHOD_ID.get((tag, name))
            if mid is not None:
                table[tag, i] = mid
    return table


def link_code(codes) -> tuple[np.ndarray, np.ndarray]:
    """Concatenate code objects: (CODE words with absolute jumps, FN metadata)."""
    words = []
    fn = np.zeros((len(codes), L.FNCOLS), np.int64)
    for cid, co in enumerate(codes):
        entry = len(words)
        for w in co.code:
            op, arg = O.decode_raw(w)      # (a superinstruction keeps its opcode)
            if op in O.JUMPS:
                w = O.encode(op, arg + entry)
            words.append(w)
        fn[cid, L.FN_ENTRY] = entry
        fn[cid, L.FN_NPARAMS] = co.nparams
        fn[cid, L.FN_NLOCALS] = co.nlocals
        fn[cid, L.FN_STACK] = co.stacksize
        fn[cid, L.FN_NDEFAULTS] = co.ndefaults
        fn[cid, L.FN_NFREE] = co.nfree
        fn[cid, L.FN_PARAMNAMES] = co.paramnames_const
        fn[cid, L.FN_MODULE] = co.module
        fn[cid, L.FN_NPOSONLY] = co.nposonly
        fn[cid, L.FN_NKWONLY] = co.nkwonly
        fn[cid, L.FN_FLAGS] = co.flags
        fn[cid, L.FN_NKWDEFAULTS] = co.nkwdefaults
        fn[cid, L.FN_KWDEFMAP] = co.kwdefmap_const
    return np.array(words, np.int32), fn


def str_codepoints(s: str) -> np.ndarray:
    return np.frombuffer(s.encode("utf-32-le", "surrogatepass"), dtype="<u4").astype(np.int32)


def load(program) -> State:
    """A state ready to run the program's module body from its first instruction."""
    code, fn = link_code(program.codes)
    chars = sum(len(c) for c in program.consts if isinstance(c, str))
    module = program.codes[0]
    st = empty_state(code, fn, len(program.consts), len(program.globals), method_table(program.consts),
                     stack=max(1024, module.nlocals + module.stacksize + 64),
                     objects=max(1024, 2 * len(program.consts)),
                     chars=max(8192, 2 * chars))
    K = st.K
    for i, c in enumerate(program.consts):
        if c is None:
            K[i] = (L.NONE, 0)
        elif isinstance(c, bool):
            K[i] = (L.BOOL, int(c))
        elif isinstance(c, int) and INT64_MIN <= c <= INT64_MAX:
            K[i] = (L.INT, c)
        elif isinstance(c, int):     # a big int literal: a BIGINT object
            rows = big_rows(c)
            if st.R[L.R_VTOP] + len(rows) > st.V.shape[0]:
                st = st._replace(V=grown(st.V, st.R[L.R_VTOP] + len(rows)))
            K[i] = encode(st, c)
        elif isinstance(c, float):
            K[i] = (L.FLOAT, np.float64(c).view(np.int64))
        elif isinstance(c, str):
            cps = str_codepoints(c)
            row = heap.new_str(pointers(st), len(cps))
            off = st.H[row, L.A]
            st.CH[off:off + len(cps)] = cps
            K[i] = (L.STR, row)
        else:   # ("tuple", [const indices])
            items = c[1]
            if st.R[L.R_VTOP] + len(items) > st.V.shape[0]:
                st = st._replace(V=grown(st.V, st.R[L.R_VTOP] + len(items)))
            row = heap.new_tuple(pointers(st), len(items))
            off = st.H[row, L.A]
            for j, k in enumerate(items):
                st.V[off + j] = K[k]
            K[i] = (L.TUPLE, row)
    # globals: rows [0, n) hold the script's values, rows [n, 2n) the builtin each
    # name falls back to while unassigned (so `del len` brings the builtin back)
    half = st.G.shape[0] // 2
    for slot, name in program.builtin_slots.items():
        st.G[half + slot] = (L.BUILTIN, BUILTIN_ID[name])
    st.F[0, L.FR_CODE] = 0
    st.F[0, L.FR_PC] = 0
    st.F[0, L.FR_BASE] = 0
    st.F[0, L.FR_FUNC] = -1
    st.R[L.R_SP] = program.codes[0].nlocals
    st.R[L.R_NBSLOTS] = prelude_builtin_slots(program.globals)
    st.R[L.R_FP] = 0
    st.R[L.R_RNG] = -1      # the random module's generator: made on first use (vm/rng.py)
    st.R[L.R_RNG_SEED] = rng.DEFAULT_SEED
    return st


def prelude_builtin_slots(names: list) -> int:
    """How many builtins (from id 0 on) the program's prelude has a replacement slot
    for (global P_BUILTINS + id, named "<prelude>.b_<builtin>").  A program compiled
    by an older Amber knows fewer builtins; the VM redirects only these."""
    n = 0
    while n < len(BUILTINS) and L.P_BUILTINS + n < len(names) and \
            names[L.P_BUILTINS + n] == f"{L.PRELUDE_PREFIX}b_{BUILTINS[n]}":
        n += 1
    return n
