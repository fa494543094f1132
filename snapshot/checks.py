"""The state checks of snapshot loading, compiled: a few numba functions over the
state arrays that return an error code and the index it concerns (never raise).

validate.check_state calls run_checks() once per load; the Python side maps the
code to the one-line SnapshotError message (MESSAGES).  What is checked is listed
in docs/snapshot-format.md (*What load() checks*, the state); every index the
checks themselves follow is bounds-checked before it is read, since a hostile
snapshot reaches this code before anything else has looked at its arrays.

The per-program tables these checks need (the verifier's stack depths and markers
by absolute pc, the module table, the import slots) are made once per program by
program_tables() and cached with the program (format.Loaded).
"""

from __future__ import annotations

import numba
import numpy as np

from ..vm import heap as vheap
from ..vm import layout as L
from ..vm import opcodes as O
from ..vm import sets as vsets
from ..vm.builtins import (BUILTIN_ID, BUILTINS, VALUE_BASES, EXC_PARENT_ID, METHOD_OWNER, METHODS,
                           MODULE_ID, MODULES, NOT_EXCEPTION)
from ..vm.seq import MAX_WRAP_DEPTH
from . import compact

# ---------------------------------------------------------------------------
# error codes and their messages ({i}: the index run_checks returns; {what}: the
# value error of a values check, _VALUE_WHAT[j])
# ---------------------------------------------------------------------------

MESSAGES = [None]


def _m(text: str) -> int:
    MESSAGES.append(text)
    return len(MESSAGES) - 1


E_DECODE = _m("array {i}: malformed")     # (message() names the array and the error)
E_REGS = _m("registers do not match the arrays")
E_COUNTERS = _m("bad counters")
E_RECURSION = _m("bad recursion limit")
E_NOFRAMES = _m("no frames")
E_KIND = _m("an object of unknown kind")
E_SERIAL = _m("bad object serial numbers")
E_FREECOUNT = _m("free-row count does not match")
E_FREELIST = _m("broken free list")
E_STR = _m("a string outside its arena")
E_STRFLAG = _m("bad string hash flag")
E_CHAR = _m("a character out of range")
E_SEQ = _m("a sequence outside its arena")
V_SEQ = _m("sequence items: {what}")
E_TUPFLAG = _m("bad tuple hash flag")
E_DICT = _m("a dict outside its arena")
V_DICT = _m("dict entries: {what}")
E_DICTKEY = _m("an unhashable dict key")
E_DICTCOUNT = _m("dict entry count does not match")
E_FUNCCODE = _m("a function of unknown code")
E_FUNCDEF = _m("bad function defaults")
E_FUNCCLO = _m("bad function closure")
E_FUNCCELL = _m("a closure item that is not a cell")
E_FUNCKW = _m("bad function keyword defaults")
V_CELL = _m("cells: {what}")
E_RANGE = _m("a range with step 0")
E_SLICE = _m("a slice outside its arena")
E_RNGREG = _m("the random generator register does not name a generator state (corrupted)")
E_RNGOUT = _m("a random generator state outside its arena (corrupted)")
E_RNGIDX = _m("a random generator index out of range (corrupted)")
E_RNGFLAG = _m("a bad random gauss flag (corrupted)")
E_RNGVAL = _m("a bad random gauss value (corrupted)")
E_RNGSTATE = _m("a bad random generator state (corrupted)")
E_RNGWORD = _m("a random generator word out of range (corrupted)")
E_GENFUNC = _m("a generator of no function")
E_GENPLAIN = _m("a generator of a plain function")
E_GENSTATE = _m("a generator in a bad state")
E_GENDONE = _m("a finished generator with a frame")
E_GENOUT = _m("a generator outside its arena")
E_GENRUN = _m("a running generator with saved slots")
E_SHARE = _m("two objects share arena space")
E_TUPCYCLE = _m("a tuple that contains itself")
V_SLICE = _m("slice parts: {what}")
E_BIGSIZE = _m("a big int of a bad size")
E_BIGSIGN = _m("a big int with a bad sign")
E_BIGOUT = _m("a big int outside its arena")
E_BIGLIMB = _m("a big int limb out of range")
E_BIGSTRAY = _m("a big int with a stray limb")
E_BIGNORM = _m("a big int that is not normalized")
E_BIGFITS = _m("a big int that fits in 64 bits")
E_SET = _m("a set outside its arena")
E_SETCOUNTS = _m("bad set counts")
E_SETFLAG = _m("bad set finger or hash flag")
V_SET = _m("set elements: {what}")
E_SETHASH = _m("an unhashable set element")
E_SETSLOT = _m("a bad empty or dummy set slot")
E_SETMATCH = _m("set counts do not match its slots")
E_MODULE = _m("a bad module")
E_DICTVIEW = _m("a bad dict view")
E_ITKIND = _m("an iterator over the wrong kind")
E_ITSRC = _m("an iterator with a bad source")
E_ITRANGE = _m("a range iterator with step 0")
E_ITDICT = _m("a bad dict iterator")
E_ITPOS = _m("an iterator at a negative position")
E_ZIPN = _m("zip over too many iterators")
E_ZIPITEM = _m("zip over something that is not an iterator")
E_ITCYCLE = _m("iterators wrapped in a cycle")
E_ITDEEP = _m("iterators nested too deeply")
E_ITDEPTH = _m("an iterator with a wrong nesting depth")
E_CLASS = _m("a bad class")
E_CLASSBASE = _m("a bad class base")
E_MRO = _m("a bad class MRO")
E_INSTCLASS = _m("an instance of a bad class")
E_INSTDICT = _m("a bad instance dict")
V_INSTBASE = _m("instance base values: {what}")
V_BOUND = _m("bound method parts: {what}")
E_BOUND = _m("a bad bound method")
E_WRAPPER = _m("a bad wrapper")
E_SUPER = _m("a bad super object")
V_SUPER = _m("super objects: {what}")
E_EXCTYPE = _m("an exception of unknown type")
E_EXCDICT = _m("a bad exception attribute dict")
E_EXCCLASS = _m("a bad exception class")
E_EXCARGS = _m("exception arguments that are not a tuple")
E_TRACEBACK = _m("a bad traceback")
V_STACK = _m("stack: {what}")
V_GLOBALS = _m("globals: {what}")
V_CONSTS = _m("constants: {what}")
E_FRMODE = _m("frame {i}: bad return mode")
E_FRCODE = _m("frame {i}: unknown code")
E_FRPC = _m("frame {i}: pc outside its code")
E_FR0 = _m("frame 0 is not the module")
E_FRFUNC = _m("frame {i}: bad function")
E_FRRET = _m("frame {i}: bad return slot")
E_FRLOCALS = _m("frame {i}: locals outside the stack")
E_FRUNREACH = _m("frame {i}: pc is unreachable")
E_FRDEPTH = _m("frame {i}: operand stack depth does not match its pc")
E_FRRESUME = _m("frame {i}: resumes at an unreachable pc")
E_FRRESDEPTH = _m("frame {i}: operand stack depth does not match where it resumes")
E_FRNORESUME = _m("frame {i}: does not resume its generator")
E_FROTHERGEN = _m("frame {i}: resumes another generator than its iterator")
E_FRCELL = _m("frame {i}: a cell slot without a cell")
E_FRFREE = _m("frame {i}: a free variable without a cell")
E_FRPROLOGUE = _m("frame {i}: a generator frame in its prologue")
E_FRBODY = _m("frame {i}: a generator's body run as a call")
E_FRGENMODE = _m("frame {i}: a generator mode on a plain function")
E_FRITER = _m("frame {i}: an iterator slot without an iterator")
E_FRMETHTOP = _m("frame {i}: a method slot at the top")
E_FRMETHKIND = _m("frame {i}: a method on the wrong kind of object")
E_FRNOGEN = _m("frame {i}: a generator frame without its generator")
E_FRNOTGEN = _m("frame {i}: not the frame of its generator")
E_GENNOFRAME = _m("a running generator without a frame")
E_GENNEW = _m("a new generator with a bad frame")
E_GENYIELD = _m("a generator suspended elsewhere than after a yield")
E_GENSTACK = _m("a generator's saved stack does not match its pc")
V_GENSLOTS = _m("generator slots: {what}")
E_GENUNBOUND = _m("an unbound value on a generator's stack")
E_GENITER = _m("generator {i}: an iterator slot without an iterator")
E_GENMETHTOP = _m("generator {i}: a method slot at the top")
E_GENMETHKIND = _m("generator {i}: a method on the wrong kind of object")
E_GENCELL = _m("a generator's cell slot without a cell")
E_GENFREE = _m("a generator's free variable without a cell")
E_IMPORTSLOT = _m("import slot {i} holds another module")
E_MODFRAME = _m("frame {i}: a module body not run by its import")

# what a values check found wrong (the j of run_checks' result)
VALUE_WHAT = (None, "a value has an unknown tag", "a bool that is neither 0 nor 1",
              "unknown builtin", "unknown method", "an unbound slot with a payload",
              "a reference outside the heap", "a reference of the wrong kind")

# ---------------------------------------------------------------------------
# constant tables (numba freezes global arrays into the compiled code)
# ---------------------------------------------------------------------------

_HEAP_KINDS = (L.STR, L.LIST, L.TUPLE, L.DICT, L.FUNC, L.CELL, L.RANGE, L.ITER, L.SLICE,
               L.DICTVIEW, L.EXC, L.BIGINT, L.SET, L.FROZENSET, L.CLASS, L.INSTANCE,
               L.BOUND, L.WRAPPER, L.SUPER, L.GEN, L.MODULE, L.RNG)
KNOWN_KIND = np.zeros(L.NKINDS, np.bool_)
KNOWN_KIND[list(_HEAP_KINDS)] = True
# the tags a value may have (an RNG object is reached only through R_RNG)
VALUE_TAG = np.zeros(L.NKINDS, np.bool_)
VALUE_TAG[[L.NONE, L.BOOL, L.INT, L.FLOAT, L.BUILTIN, L.METHOD,
           *(k for k in _HEAP_KINDS if k != L.RNG)]] = True
NBUILTINS = len(BUILTINS)
NMETHODS = len(METHODS)
NMODULES = len(MODULES)
IS_EXC_TYPE = np.asarray(EXC_PARENT_ID) != NOT_EXCEPTION
# the builtin bases a class may have: object, the exception types, and the builtin
# types a class may subclass
CLASS_BASE = IS_EXC_TYPE.copy()
for _name in ("object",) + VALUE_BASES:
    CLASS_BASE[BUILTIN_ID[_name]] = True
OWNER = np.asarray(METHOD_OWNER, np.int64)
# iterator kind -> bit mask of the source kinds it may iterate over
IT_SOURCES = np.zeros(8, np.int64)
for _k, _tags in ((L.IT_SEQ, (L.LIST, L.TUPLE)), (L.IT_STR, (L.STR,)),
                  (L.IT_RANGE, (L.RANGE,)), (L.IT_DICT, (L.DICT,)),
                  (L.IT_ENUMERATE, (L.ITER,)), (L.IT_ZIP, (L.TUPLE,)),
                  (L.IT_REVERSED, (L.LIST, L.TUPLE, L.STR)), (L.IT_SET, (L.SET, L.FROZENSET))):
    for _t in _tags:
        IT_SOURCES[_k] |= 1 << _t
# return mode -> slots the caller holds from FR_RET on after the return (-1: a
# generator mode, 4-7)
RET_DEPTH = np.array([1, 1, 0, 1, -1, -1, -1, -1, 2], np.int64)

OP_MAKE_CELL = O.BY_NAME["MAKE_CELL"].code
OP_FOR_ITER = O.BY_NAME["FOR_ITER"].code
OP_FOR_ITER_STORE = O.BY_NAME["FOR_ITER__STORE_FAST"].code     # (means FOR_ITER)
OP_SEND = O.BY_NAME["SEND"].code
OP_CALL = O.BY_NAME["CALL"].code
OP_CALL_METHOD = O.BY_NAME["CALL_METHOD"].code
OP_YIELD = O.BY_NAME["YIELD_VALUE"].code
OP_IMPORT = O.BY_NAME["IMPORT_NAME"].code

# what the verifier (validate.verify_code) knows about a stack slot: anything, an
# iterator, a method
MARK_ANY, MARK_ITER, MARK_METH = 0, 1, 2
ARRAYS = ("R", "S", "F", "K", "H", "V", "CH", "G")   # format.ARRAYS


# ---------------------------------------------------------------------------
# the per-program tables
# ---------------------------------------------------------------------------

def program_tables(program, fn, verified: dict) -> np.ndarray:
    """What the checks need of a checked program, as one int64 array (made once per
    program; _tables() takes it apart): a header of 4 lengths, then the verifier's
    stack depth by absolute pc (-1: unreachable), the offset of its markers, the
    markers, module id -> [first, names] of its modules entry (or -1s), global slot ->
    the module id it imports (-1: not an import slot, -2: an unknown module), code
    id -> the import slot of the module whose body it is (or -1)."""
    total = int(fn[-1, L.FN_ENTRY]) + len(program.codes[-1].code)
    depth = np.full(total, -1, np.int64)
    moff = np.zeros(total, np.int64)
    marks = []
    for cid, co in enumerate(program.codes):
        entry = int(fn[cid, L.FN_ENTRY])
        for pc, shape in enumerate(verified[cid]):
            if shape is not None:
                depth[entry + pc] = len(shape)
                moff[entry + pc] = len(marks)
                marks.extend(shape)
    mods = np.full((NMODULES, 2), -1, np.int64)
    for name, _body, first, names in program.modules:
        mods[MODULE_ID[name]] = (first, names)
    slots = np.full(max(len(program.globals), 1), -1, np.int64)
    first_slot = {}
    for slot, g in enumerate(program.globals):
        if g.startswith("<modules>."):
            slots[slot] = MODULE_ID.get(g.split(".", 1)[1], -2)
            first_slot.setdefault(g, slot)
    body_slot = np.full(len(program.codes), -1, np.int64)
    for name, body, _first, _names in program.modules:
        body_slot[body] = first_slot.get(f"<modules>.{name}", -1)
    head = np.array([total, len(marks), len(slots), len(body_slot)], np.int64)
    return np.concatenate([head, depth, moff, np.array(marks, np.int64), mods.reshape(-1),
                           slots, body_slot])


@numba.njit(cache=True, nogil=True)
def _tables(t):
    """program_tables() apart: (depth_at, moff, marks, mods, slots, body_slot)."""
    total, nmarks, nslots, ncodes = t[0], t[1], t[2], t[3]
    o = 4
    depth_at = t[o: o + total]
    o += total
    moff = t[o: o + total]
    o += total
    marks = t[o: o + nmarks]
    o += nmarks
    mods = t[o: o + 2 * NMODULES].reshape((NMODULES, 2))
    o += 2 * NMODULES
    slots = t[o: o + nslots]
    o += nslots
    return depth_at, moff, marks, mods, slots, t[o: o + ncodes]


@numba.njit(cache=True, nogil=True)
def _baseline_part(flat, nbase, k, cols):
    """Array k (of R S F K H V CH G) of a flat baseline (format._flat)."""
    o = 0
    for j in range(k):
        o += nbase[j] * (2 if j in (1, 3, 5, 7) else (1 if j in (0, 6) else
                                                       (L.FRCOLS if j == 2 else L.HCOLS)))
    return flat[o: o + nbase[k] * cols].reshape((nbase[k], cols))


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

@numba.njit(cache=True, nogil=True)
def _value(t, v, H, htop, undef_ok):
    """0 if (t, v) is a valid value, else what is wrong (VALUE_WHAT).  (Heap tags
    first: this shape of the tests compiles to a loop many times faster.)"""
    if t >= L.HEAP:
        if t >= L.NKINDS or not VALUE_TAG[t]:
            return 1
        if v < 0 or v >= htop:
            return 6
        if H[v, L.KIND] != t:
            return 7
        return 0
    if t < 0 or not (VALUE_TAG[t] or (undef_ok and t == L.UNDEF)):
        return 1
    if t == L.BOOL:
        if v != 0 and v != 1:
            return 2
    elif t == L.BUILTIN:
        if v < 0 or v >= NBUILTINS:
            return 3
    elif t == L.METHOD:
        if v < 0 or v >= NMETHODS:
            return 4
    elif t == L.UNDEF:
        if v != 0:
            return 5
    return 0


@numba.njit(cache=True, nogil=True)
def _values(A, lo, hi, H, htop, undef_ok):
    """The first error (VALUE_WHAT) among the values in rows [lo, hi) of A, or 0."""
    for r in range(lo, hi):
        w = _value(A[r, 0], A[r, 1], H, htop, undef_ok)
        if w:
            return w
    return 0


@numba.njit(cache=True, nogil=True)
def _inside(start, length, top):
    """[start, start + length) lies in [0, top), without overflow."""
    return start >= 0 and length >= 0 and length <= top and start <= top - length


@numba.njit(cache=True, nogil=True)
def _is(H, htop, r, k):
    return 0 <= r < htop and H[r, L.KIND] == k


@numba.njit(cache=True, nogil=True)
def _code_len(FN, CODE, cid):
    if cid + 1 < FN.shape[0]:
        return FN[cid + 1, L.FN_ENTRY] - FN[cid, L.FN_ENTRY]
    return CODE.shape[0] - FN[cid, L.FN_ENTRY]


@numba.njit(cache=True, nogil=True)
def _cell_prefix(CODE, entry, n):
    """How many of the first n instructions from entry are MAKE_CELL."""
    k = 0
    while k < n and (np.int64(CODE[entry + k]) & 0xFF) == OP_MAKE_CELL:
        k += 1
    return k


@numba.njit(cache=True, nogil=True)
def _gen_cap(H, FN, g):
    cid = H[H[g, L.A], L.A]
    return FN[cid, L.FN_NLOCALS] + FN[cid, L.FN_STACK] + L.GEN_SLACK


# ---------------------------------------------------------------------------
# the heap
# ---------------------------------------------------------------------------

@numba.njit(cache=True, nogil=True)
def _check_free_and_kinds(R, H, htop):
    kind = H[:, L.KIND]
    nfree = 0
    all_free = True
    serial_ok = True
    top = max(R[L.R_SERIAL], 1)
    for r in range(htop):
        k = kind[r]
        if k == L.FREE_KIND:
            nfree += 1
        elif k < 0 or k >= L.NKINDS or not KNOWN_KIND[k]:
            return E_KIND, r
        else:
            all_free = False
        if H[r, L.SERIAL] < 0 or H[r, L.SERIAL] >= top:
            serial_ok = False
    if not (serial_ok or all_free):
        return E_SERIAL, 0
    if R[L.R_HLIVE] != nfree:
        return E_FREECOUNT, 0
    seen = np.zeros(htop, np.bool_)
    row = R[L.R_HFREE]
    for _ in range(nfree):
        if row < 0 or row >= htop or kind[row] != L.FREE_KIND or seen[row]:
            return E_FREELIST, row
        seen[row] = True
        row = H[row, L.A]
    if row != -1:
        return E_FREELIST, row
    return 0, 0


@numba.njit(cache=True, nogil=True)
def _check_data(R, H, V, CH, htop, vtop, ctop, FN, ncodes):
    """Strings, sequences, dicts, functions, cells, ranges, slices, the random
    generator's state and the generators' fields: (code, row, what) or zeros."""
    kind = H[:, L.KIND]
    bad = False
    for c in range(ctop):      # (no early exit: this loop vectorizes)
        bad |= (CH[c] < 0) | (CH[c] > 0x10FFFF)
    if bad:
        return E_CHAR, 0, 0
    for r in range(htop):
        k = kind[r]
        a, b, c, d, e, f = H[r, L.A], H[r, L.B], H[r, L.C], H[r, L.D], H[r, L.E], H[r, L.F]
        if k == L.STR:
            if not _inside(a, b, ctop):
                return E_STR, r, 0
            if d != 0 and d != 1:
                return E_STRFLAG, r, 0
        elif k == L.LIST or k == L.TUPLE:
            cap = c if k == L.LIST else b
            if b < 0 or b > cap or not _inside(a, cap, vtop):
                return E_SEQ, r, 0
            w = _values(V, a, a + b, H, htop, False)
            if w:
                return V_SEQ, r, w
            if k == L.TUPLE and d != 0 and d != 1:
                return E_TUPFLAG, r, 0
        elif k == L.DICT:
            if not (b >= 0 and b <= c and c <= vtop and e >= 8 and e <= vtop
                    and (e & (e - 1)) == 0 and e * 2 >= 3 * c and f >= 0 and f <= b
                    and _inside(a, 2 * c, vtop) and _inside(d, e, vtop)):
                return E_DICT, r, 0
            w = _values(V, a, a + 2 * b, H, htop, True)
            if w:
                return V_DICT, r, w
            live = 0
            for i in range(b):
                kt = V[a + 2 * i, 0]
                if kt == L.LIST or kt == L.DICT:
                    return E_DICTKEY, r, 0
                if kt != L.UNDEF:
                    live += 1
            if live != f:
                return E_DICTCOUNT, r, 0
        elif k == L.CELL:
            w = _value(a, b, H, htop, True)
            if w:
                return V_CELL, r, w
        elif k == L.RANGE:
            if c == 0:
                return E_RANGE, r, 0
        elif k == L.SLICE:
            if not _inside(a, 3, vtop):
                return E_SLICE, r, 0
    for r in range(htop):     # (after every tuple's region is known to be inside V)
        if kind[r] != L.FUNC:
            continue
        a, b, c, d = H[r, L.A], H[r, L.B], H[r, L.C], H[r, L.D]
        if a < 1 or a >= ncodes:
            return E_FUNCCODE, r, 0
        nd, nf, nk = FN[a, L.FN_NDEFAULTS], FN[a, L.FN_NFREE], FN[a, L.FN_NKWDEFAULTS]
        if not ((b == -1 and nd == 0) or (_is(H, htop, b, L.TUPLE) and H[b, L.B] == nd)):
            return E_FUNCDEF, r, 0
        if nf > 0:
            if not (_is(H, htop, c, L.TUPLE) and H[c, L.B] == nf):
                return E_FUNCCLO, r, 0
            o = H[c, L.A]
            for i in range(nf):
                if V[o + i, 0] != L.CELL:
                    return E_FUNCCELL, r, 0
        elif c != -1:
            return E_FUNCCLO, r, 0
        # -1; 0 in snapshots written before keyword-only parameters (finish()
        # turns it into -1)
        if nk > 0:
            if not (_is(H, htop, d, L.TUPLE) and H[d, L.B] == nk):
                return E_FUNCKW, r, 0
        elif d != -1 and d != 0:
            return E_FUNCKW, r, 0
    g = R[L.R_RNG]
    if not (g == -1 or _is(H, htop, g, L.RNG)):
        return E_RNGREG, 0, 0
    for r in range(htop):
        if kind[r] != L.RNG:
            continue
        a, b, c, d = H[r, L.A], H[r, L.B], H[r, L.C], H[r, L.D]
        if not _inside(a, L.MT_ROWS, vtop):
            return E_RNGOUT, r, 0
        if b < 0 or b > L.MT_N:
            return E_RNGIDX, r, 0
        if c != 0 and c != 1:
            return E_RNGFLAG, r, 0
        if c == 0 and d != 0:
            return E_RNGVAL, r, 0
        if H[r, L.E] != 0 or H[r, L.F] != 0:
            return E_RNGSTATE, r, 0
        for i in range(a, a + L.MT_ROWS):
            if V[i, 0] < 0 or V[i, 0] > 0xFFFFFFFF or V[i, 1] < 0 or V[i, 1] > 0xFFFFFFFF:
                return E_RNGWORD, r, 0
    for r in range(htop):
        if kind[r] != L.GEN:
            continue
        f, state, c, d, e, spare = (H[r, L.A], H[r, L.B], H[r, L.C], H[r, L.D], H[r, L.E],
                                    H[r, L.F])
        if not _is(H, htop, f, L.FUNC):
            return E_GENFUNC, r, 0
        if not FN[H[f, L.A], L.FN_FLAGS] & L.CO_GENERATOR:
            return E_GENPLAIN, r, 0
        if state < L.GEN_CREATED or state > L.GEN_DONE or spare != 0:
            return E_GENSTATE, r, 0
        if state == L.GEN_DONE:
            if c != 0 or d != 0 or e != 0:
                return E_GENDONE, r, 0
            continue
        cap = _gen_cap(H, FN, r)
        if not (_inside(d, cap, vtop) and 0 <= e <= cap):
            return E_GENOUT, r, 0
        if state == L.GEN_RUNNING and e != 0:
            return E_GENRUN, r, 0
    return 0, 0, 0


@numba.njit(cache=True, nogil=True)
def _sort_by(keys, n):
    """The indexes 0..n-1 ordered by keys[i] (a heapsort: np.argsort would compile
    a general sort, seconds of compile time for this one use)."""
    order = np.arange(n)
    for end in range(n, 1, -1):
        start = n // 2 - 1 if end == n else 0
        for top in range(start, -1, -1):       # sift down: a heap on order[:end]
            root = top
            while True:
                child = 2 * root + 1
                if child >= end:
                    break
                if child + 1 < end and keys[order[child + 1]] > keys[order[child]]:
                    child += 1
                if keys[order[root]] >= keys[order[child]]:
                    break
                order[root], order[child] = order[child], order[root]
                root = child
        order[0], order[end - 1] = order[end - 1], order[0]
    return order


@numba.njit(cache=True, nogil=True)
def _check_disjoint(H, FN, htop):
    """No two regions of the value arena overlap (a dict index rebuilt over a list's
    items would otherwise plant raw integers among its values)."""
    starts = np.empty(2 * htop, np.int64)
    lens = np.empty(2 * htop, np.int64)
    n = 0
    for r in range(htop):
        k = H[r, L.KIND]
        a, b, c, e = H[r, L.A], H[r, L.B], H[r, L.C], H[r, L.E]
        s1, n1, s2, n2 = 0, 0, 0, 0
        if k == L.LIST:
            s1, n1 = a, c
        elif k == L.TUPLE:
            s1, n1 = a, b
        elif k == L.DICT:
            s1, n1, s2, n2 = a, 2 * c, H[r, L.D], e
        elif k == L.SET or k == L.FROZENSET:
            s1, n1 = a, 2 * e
        elif k == L.SLICE:
            s1, n1 = a, 3
        elif k == L.BIGINT:
            s1, n1 = a, (b + 1) // 2
        elif k == L.RNG:
            s1, n1 = a, L.MT_ROWS
        elif k == L.GEN and b != L.GEN_DONE:
            s1, n1 = H[r, L.D], _gen_cap(H, FN, r)
        if n1 > 0:
            starts[n] = s1
            lens[n] = n1
            n += 1
        if n2 > 0:
            starts[n] = s2
            lens[n] = n2
            n += 1
    if n < 2:
        return 0
    order = _sort_by(starts, n)
    for i in range(1, n):
        p, q = order[i - 1], order[i]
        if starts[q] < starts[p] + lens[p]:
            return E_SHARE
    return 0


@numba.njit(cache=True, nogil=True)
def _nkids(H, x):
    """How many children object x has in _check_nesting's walk (a tuple: its items;
    an enumerate: its iterator; a zip: its iterators)."""
    if H[x, L.KIND] == L.TUPLE:
        return H[x, L.B]
    if H[x, L.A] == L.IT_ENUMERATE:
        return 1
    if H[x, L.A] == L.IT_ZIP:
        return H[H[x, L.C], L.B]
    return 0


@numba.njit(cache=True, nogil=True)
def _iter_kid(H, V, x, i):
    """Iterator i of an enumerate (0) or zip x."""
    if H[x, L.A] == L.IT_ENUMERATE:
        return H[x, L.C]
    return V[H[H[x, L.C], L.A] + i, 1]


@numba.njit(cache=True, nogil=True)
def _check_nesting(H, V, htop, kind, limit):
    """Objects of that kind nest without cycles: tuples cannot contain themselves
    (hashing and comparison rely on it); enumerate and zip iterators (kind ITER)
    also nest at most limit deep, and each records its true depth in E (the
    interpreter sizes its work stack by it).  A depth-first walk with an explicit
    stack of (object, next child).  (code, row) or zeros."""
    state = np.zeros(htop, np.int8)       # 1 on the current path, 2 done
    depth = np.zeros(htop, np.int64)
    node = np.empty(min(htop, limit) + 2, np.int64)
    nxt = np.empty(min(htop, limit) + 2, np.int64)
    nkids = np.empty(min(htop, limit) + 2, np.int64)
    cycle = E_TUPCYCLE if kind == L.TUPLE else E_ITCYCLE
    for root in range(htop):
        if H[root, L.KIND] != kind or state[root] != 0:
            continue
        top = 1
        node[0] = root
        nxt[0] = 0
        nkids[0] = _nkids(H, root)
        state[root] = 1
        while top:
            x = node[top - 1]
            i = nxt[top - 1]
            n = nkids[top - 1]
            if i < n:
                nxt[top - 1] = i + 1
                if kind == L.TUPLE:
                    o = H[x, L.A] + i
                    if V[o, 0] != L.TUPLE:
                        continue
                    kid = V[o, 1]
                else:
                    kid = _iter_kid(H, V, x, i)
                if state[kid] == 2:
                    continue
                if state[kid] == 1:
                    return cycle, x
                if top >= limit + 1:
                    return E_ITDEEP, x
                state[kid] = 1
                node[top] = kid
                nxt[top] = 0
                nkids[top] = _nkids(H, kid)
                top += 1
                continue
            if kind == L.ITER and n:
                dmax = 0
                for j in range(n):
                    dmax = max(dmax, depth[_iter_kid(H, V, x, j)])
                depth[x] = dmax + 1
                if depth[x] > limit:
                    return E_ITDEEP, x
                if H[x, L.E] != depth[x]:
                    return E_ITDEPTH, x
            state[x] = 2
            top -= 1
    return 0, 0


@numba.njit(cache=True, nogil=True)
def _check_more(H, V, htop, vtop, FN, CODE, ncodes, mods):
    """Slice parts, big ints, sets, modules, dict views, iterators, class objects
    and exceptions: (code, row, what) or zeros."""
    kind = H[:, L.KIND]
    for r in range(htop):
        k = kind[r]
        a, b, c, d, e, f = H[r, L.A], H[r, L.B], H[r, L.C], H[r, L.D], H[r, L.E], H[r, L.F]
        if k == L.SLICE:
            w = _values(V, a, a + 3, H, htop, False)
            if w:
                return V_SLICE, r, w
        elif k == L.BIGINT:
            if b < 2 or b > L.MAX_INT_BITS // 32:
                return E_BIGSIZE, r, 0
            if c != 1 and c != -1:
                return E_BIGSIGN, r, 0
            nrows = (b + 1) // 2
            if not _inside(a, nrows, vtop):
                return E_BIGOUT, r, 0
            for i in range(a, a + nrows):
                if V[i, 0] < 0 or V[i, 0] > 0xFFFFFFFF or V[i, 1] < 0 or V[i, 1] > 0xFFFFFFFF:
                    return E_BIGLIMB, r, 0
            last = a + nrows - 1
            if b % 2 == 1 and V[last, 1] != 0:
                return E_BIGSTRAY, r, 0
            if (V[last, 0] if b % 2 == 1 else V[last, 1]) == 0:
                return E_BIGNORM, r, 0
            # two limbs: the magnitude must exceed int64 (2**63 only when negative)
            if b == 2 and (V[a, 1] < 0x80000000 or
                           (c < 0 and V[a, 1] == 0x80000000 and V[a, 0] == 0)):
                return E_BIGFITS, r, 0
        elif k == L.MODULE:
            if not (0 <= a < NMODULES and _is(H, htop, b, L.DICT)):
                return E_MODULE, r, 0
            if c != mods[a, 0] or d != mods[a, 1]:
                return E_MODULE, r, 0
        elif k == L.DICTVIEW:
            if not (_is(H, htop, a, L.DICT) and 0 <= b <= 2):
                return E_DICTVIEW, r, 0
        elif k == L.ITER:
            if a < 0 or a > L.IT_SET or b < 0 or b >= L.NKINDS or not (IT_SOURCES[a] >> b) & 1:
                return E_ITKIND, r, 0
            if not _is(H, htop, c, b):
                return E_ITSRC, r, 0
            if a == L.IT_RANGE:
                if f == 0:
                    return E_ITRANGE, r, 0
            elif a == L.IT_DICT:
                if d < 0 or e < 0 or e > 2:
                    return E_ITDICT, r, 0
            elif a == L.IT_SEQ or a == L.IT_STR or a == L.IT_REVERSED or a == L.IT_SET:
                if d < 0:
                    return E_ITPOS, r, 0
            elif a == L.IT_ZIP:
                n = H[c, L.B]
                if n > 32:
                    return E_ZIPN, r, 0
                o = H[c, L.A]
                for i in range(n):
                    if V[o + i, 0] != L.ITER:
                        return E_ZIPITEM, r, 0
        elif k == L.CLASS:
            if not (_is(H, htop, a, L.STR) and _is(H, htop, b, L.DICT)
                    and _is(H, htop, c, L.TUPLE) and _is(H, htop, d, L.TUPLE)):
                return E_CLASS, r, 0
            if e < 0 or e >= NBUILTINS or not CLASS_BASE[e]:
                return E_CLASSBASE, r, 0
            n = H[c, L.B]
            if n < 1:
                return E_MRO, r, 0
            o = H[c, L.A]
            for i in range(n):
                t = V[o + i, 0]
                if not (t == L.BUILTIN or (t == L.CLASS and _is(H, htop, V[o + i, 1], L.CLASS))):
                    return E_MRO, r, 0
        elif k == L.INSTANCE:
            if not (a == -1 or _is(H, htop, a, L.CLASS)):
                return E_INSTCLASS, r, 0
            if not ((a == -1 and b == -1) or _is(H, htop, b, L.DICT)):
                return E_INSTDICT, r, 0
            w = _value(c, d, H, htop, True)     # the base value, or UNDEF 0 (none)
            if w:
                return V_INSTBASE, r, w
        elif k == L.BOUND:
            w = _value(a, b, H, htop, False)
            if not w:
                w = _value(c, d, H, htop, False)
            if w:
                return V_BOUND, r, w
            if e < 0 or e > 2:
                return E_BOUND, r, 0
        elif k == L.WRAPPER:
            if not ((a == L.WR_STATIC or a == L.WR_CLASS or a == L.WR_PROPERTY)
                    and _is(H, htop, b, L.TUPLE)
                    and H[b, L.B] == (3 if a == L.WR_PROPERTY else 1)):
                return E_WRAPPER, r, 0
        elif k == L.SUPER:
            if not _is(H, htop, a, L.CLASS):
                return E_SUPER, r, 0
            w = _value(b, c, H, htop, False)
            if w:
                return V_SUPER, r, w
        elif k == L.EXC:
            if a < 0 or a >= NBUILTINS or not IS_EXC_TYPE[a]:
                return E_EXCTYPE, r, 0
            if not (d == -1 or _is(H, htop, d, L.DICT)):
                return E_EXCDICT, r, 0
            if not (e == -1 or _is(H, htop, e, L.CLASS)):
                return E_EXCCLASS, r, 0
            if not _is(H, htop, b, L.TUPLE):
                return E_EXCARGS, r, 0
            if c != -1:     # a traceback: (code id, pc) pairs the host reads back
                if not (_is(H, htop, c, L.TUPLE) and H[c, L.B] % 2 == 0):
                    return E_TRACEBACK, r, 0
                o = H[c, L.A]
                for i in range(0, H[c, L.B], 2):
                    if (V[o + i, 0] != L.INT or V[o + i + 1, 0] != L.INT
                            or V[o + i, 1] < 0 or V[o + i, 1] >= ncodes
                            or V[o + i + 1, 1] < 0 or V[o + i + 1, 1] >= CODE.shape[0]):
                        return E_TRACEBACK, r, 0
    return 0, 0, 0


@numba.njit(cache=True, nogil=True)
def _check_sets(H, V, htop, vtop):
    """Set tables (sets, then frozensets): a power-of-two size of at least 8 inside
    the arena, at least one empty slot, used and fill counts that match the slots,
    empty and dummy slots in their exact form, hashable elements."""
    kind = H[:, L.KIND]
    for pass_kind in (L.SET, L.FROZENSET):
        for r in range(htop):
            if kind[r] != pass_kind:
                continue
            a, used, fill, size, f = H[r, L.A], H[r, L.B], H[r, L.C], H[r, L.E], H[r, L.F]
            if not (size >= 8 and size <= vtop and (size & (size - 1)) == 0
                    and _inside(a, 2 * size, vtop)):
                return E_SET, r, 0
            if not (used >= 0 and used <= fill and fill < size):
                return E_SETCOUNTS, r, 0
            if f < 0 or (pass_kind == L.FROZENSET and f > 1):
                return E_SETFLAG, r, 0
            nlive = 0
            nfill = 0
            for i in range(size):
                t, v = V[a + 2 * i, 0], V[a + 2 * i, 1]
                if t != L.UNDEF:
                    w = _value(t, v, H, htop, False)
                    if w:
                        return V_SET, r, w
                    if t == L.LIST or t == L.DICT or t == L.SET:
                        return E_SETHASH, r, 0
                    nlive += 1
                    nfill += 1
                elif v != 0 and v != 1:
                    return E_SETSLOT, r, 0
                elif v == 1:
                    nfill += 1
            if nlive != used or nfill != fill:
                return E_SETMATCH, r, 0
    return 0, 0, 0


@numba.njit(cache=True, nogil=True)
def _same_consts(K, H, V, CH, htop, vtop, ctop, bK, bH, bV, bCH):
    """Whether the constants are the very objects of a fresh VM of the program (same
    rows and contents; a collection may have slid their regions down): then they
    hold the program's constants."""
    if K.shape[0] != bK.shape[0]:
        return False
    for i in range(K.shape[0]):
        if K[i, 0] != bK[i, 0] or K[i, 1] != bK[i, 1]:
            return False
    nb = min(htop, bH.shape[0])
    for i in range(K.shape[0]):
        if K[i, 0] < L.HEAP:
            continue
        r = K[i, 1]
        if r < 0 or r >= nb:
            return False
        k = bH[r, L.KIND]
        if (H[r, L.KIND] != k or H[r, L.B] != bH[r, L.B]
                or (k == L.BIGINT and H[r, L.C] != bH[r, L.C])):
            return False
        a, b, ba = H[r, L.A], bH[r, L.B], bH[r, L.A]
        if k == L.STR:
            if a < 0 or a + b > ctop:
                return False
            for j in range(b):
                if CH[a + j] != bCH[ba + j, 0]:
                    return False
        elif k == L.TUPLE or k == L.BIGINT:
            n = b if k == L.TUPLE else (b + 1) // 2
            if a < 0 or a + n > vtop:
                return False
            for j in range(n):
                if V[a + j, 0] != bV[ba + j, 0] or V[a + j, 1] != bV[ba + j, 1]:
                    return False
    return True


# ---------------------------------------------------------------------------
# frames and generators
# ---------------------------------------------------------------------------

@numba.njit(cache=True, nogil=True)
def _markers(A, start, n, hi, depth_at, moff, marks, pc):
    """The slots A[start + k], k < n, hold what the verifier's markers at pc say:
    an iterator, or a method with its receiver (or an empty self slot) above it.
    hi: the end of the slots.  0, or 1 (no iterator), 2 (a method at the top), 3
    (a method on the wrong kind)."""
    o = moff[pc]
    for k in range(n):
        m = marks[o + k]
        tag = A[start + k, 0]
        if m == MARK_ITER:
            if not (tag == L.ITER or tag == L.GEN or tag == L.INSTANCE or tag == L.EXC):
                return 1
        elif m == MARK_METH and tag == L.METHOD:
            mid = A[start + k, 1]
            owner = OWNER[mid]
            if start + k + 1 >= hi:
                return 2
            t, v = A[start + k + 1, 0], A[start + k + 1, 1]
            ok = (t == owner or t == L.UNDEF or (t == L.METHOD and v == mid)
                  or (owner == L.INT and (t == L.BOOL or t == L.BIGINT)))
            if not ok:
                return 3
    return 0


@numba.njit(cache=True, nogil=True)
def _check_resumer(CODE, S, F, i, pc, nshape, depth):
    """Frame i resumed the generator of frame i + 1: its instruction (pc - 1) is one
    that resumes generators in that frame's mode, with the stack the mode's return
    path relies on."""
    w = np.int64(CODE[pc - 1])
    op, arg = w & 0xFF, w >> 8
    mode = F[i + 1, L.FR_FLAGS]
    ret, base = F[i + 1, L.FR_RET], F[i + 1, L.FR_BASE]
    ok = False
    if mode == L.RET_GEN_FOR:
        ok = (op == OP_FOR_ITER or op == OP_FOR_ITER_STORE) and depth == nshape \
            and base == ret + 1
    elif op == OP_SEND and (mode == L.RET_GEN_YF or mode == L.RET_GEN_CLOSE):
        ok = depth == nshape - 1 and base == ret + 1
    elif mode == L.RET_GEN_SEND and op == OP_CALL and (arg == 1 or arg == 2):
        ok = depth == nshape - arg - 1 and base == ret + arg + 1
    elif ((mode == L.RET_GEN_SEND or mode == L.RET_GEN_CLOSE) and op == OP_CALL_METHOD
          and 0 <= arg <= 3):
        ok = depth == nshape - arg - 2 and base == ret + arg + 2
    if not ok:
        return E_FRNORESUME
    if mode == L.RET_GEN_FOR or op == OP_SEND:
        if ret < 1 or S[ret - 1, 0] != L.GEN or S[ret - 1, 1] != S[ret, 1]:
            return E_FROTHERGEN
    return 0


@numba.njit(cache=True, nogil=True)
def _check_frames(S, F, H, CODE, FN, sp, fp, htop, depth_at, moff, marks):
    """(code, frame) or zeros."""
    ncodes = FN.shape[0]
    prev_top = 0
    for i in range(fp + 1):
        cid, pc, base, func, ret, flags = (F[i, 0], F[i, 1], F[i, 2], F[i, 3], F[i, 4],
                                           F[i, 5])
        if flags < 0 or flags > L.RET_MAX:
            return E_FRMODE, i
        gen_mode = RET_DEPTH[flags] < 0
        if cid < 0 or cid >= ncodes:
            return E_FRCODE, i
        entry = FN[cid, L.FN_ENTRY]
        n = _code_len(FN, CODE, cid)
        nlocals = FN[cid, L.FN_NLOCALS]
        if pc < entry or pc >= entry + n:
            return E_FRPC, i
        if i == 0:
            if cid != 0 or base != 0 or func != -1:
                return E_FR0, i
        else:
            if not (_is(H, htop, func, L.FUNC) and H[func, L.A] == cid):
                return E_FRFUNC, i
            if gen_mode:
                if not (prev_top <= ret < base <= ret + 5):
                    return E_FRRET, i
            elif not (prev_top <= ret <= base):
                return E_FRRET, i
        if base < prev_top or base + nlocals > sp:
            return E_FRLOCALS, i
        local_pc = pc - entry
        start = base + nlocals
        if i == fp:
            top = sp
        else:
            top = F[i + 1, L.FR_RET]
            if top < start or top > sp:     # (the next frame's own check, made early)
                return E_FRRET, i + 1
        depth = top - start
        if i == fp:
            nshape = depth_at[pc]
            if nshape < 0:
                return E_FRUNREACH, i
            if depth != nshape:
                return E_FRDEPTH, i
            at = pc
        elif RET_DEPTH[max(0, min(F[i + 1, L.FR_FLAGS], L.RET_MAX))] < 0 \
                and 0 <= F[i + 1, L.FR_FLAGS] <= L.RET_MAX:
            # it resumed the generator above: its pc is just past the resuming
            # instruction, whose stack shape (minus the operands) is checked
            nshape = depth_at[pc - 1] if local_pc >= 1 else -1
            if nshape < 0:
                return E_FRUNREACH, i
            err = _check_resumer(CODE, S, F, i, pc, nshape, depth)
            if err:
                return err, i
            at = pc - 1
        else:
            # the callee's return leaves the caller's stack at the depth its resume pc
            # expects: the result at S[ret] (and the mode's extra slot, if any)
            nshape = depth_at[pc]
            if nshape < 0:
                return E_FRRESUME, i
            mode = F[i + 1, L.FR_FLAGS]
            if mode < 0 or mode > L.RET_MAX:
                return E_FRMODE, i + 1
            if top + RET_DEPTH[mode] - start != nshape:
                return E_FRRESDEPTH, i
            at = pc
        w = _markers(S, start, min(depth, nshape), sp, depth_at, moff, marks, at)
        if w:
            return E_FRITER + w - 1, i
        # cells: slots made cells by MAKE_CELL before pc, and free variables
        # (the program check allows MAKE_CELL only in the code's first instructions)
        ncells = _cell_prefix(CODE, entry, local_pc)
        for k in range(ncells):
            if S[base + (np.int64(CODE[entry + k]) >> 8), 0] != L.CELL:
                return E_FRCELL, i
        for a in range(nlocals - FN[cid, L.FN_NFREE], nlocals):
            if S[base + a, 0] != L.CELL:
                return E_FRFREE, i
        if FN[cid, L.FN_FLAGS] & L.CO_GENERATOR:
            gstart = _cell_prefix(CODE, entry, n)
            if gen_mode:
                if local_pc < gstart + 2:
                    return E_FRPROLOGUE, i
            elif local_pc > gstart + 1:
                return E_FRBODY, i
        elif gen_mode:
            return E_FRGENMODE, i
        prev_top = start
    return 0, 0


@numba.njit(cache=True, nogil=True)
def _check_generators(S, F, H, V, CODE, FN, fp, htop, depth_at, moff, marks):
    """Saved generator frames: the resume pc is where a generator starts or right
    after one of its yields, the saved stack has the depth (and the iterators) the
    verifier computed there, every saved value is valid and every cell a cell; a
    running generator is the generator of exactly one frame.  (code, index, what)."""
    kind = H[:, L.KIND]
    running = np.zeros(htop, np.bool_)
    for i in range(1, fp + 1):
        if RET_DEPTH[F[i, L.FR_FLAGS]] < 0:
            ret = F[i, L.FR_RET]
            if S[ret, 0] != L.GEN:
                return E_FRNOGEN, i, 0
            g = S[ret, 1]
            if H[g, L.B] != L.GEN_RUNNING or H[g, L.A] != F[i, L.FR_FUNC] or running[g]:
                return E_FRNOTGEN, i, 0
            running[g] = True
    for r in range(htop):
        if kind[r] != L.GEN:
            continue
        f, state, c, d, e = H[r, L.A], H[r, L.B], H[r, L.C], H[r, L.D], H[r, L.E]
        if state == L.GEN_RUNNING and not running[r]:
            return E_GENNOFRAME, r, 0
        if state != L.GEN_CREATED and state != L.GEN_SUSPENDED:
            continue
        cid = H[f, L.A]
        entry = FN[cid, L.FN_ENTRY]
        n = _code_len(FN, CODE, cid)
        nlocals = FN[cid, L.FN_NLOCALS]
        start = _cell_prefix(CODE, entry, n)
        local = c - entry
        if state == L.GEN_CREATED:
            if local != start + 2 or e != nlocals:
                return E_GENNEW, r, 0
        elif not (start + 2 < local < n
                  and (np.int64(CODE[entry + local - 1]) & 0xFF) == OP_YIELD):
            return E_GENYIELD, r, 0
        nshape = depth_at[c]
        if nshape < 0 or e != nlocals + nshape - 1:
            return E_GENSTACK, r, 0
        w = _values(V, d, d + e, H, htop, True)
        if w:
            return V_GENSLOTS, r, w
        for k in range(d + nlocals, d + e):
            if V[k, 0] == L.UNDEF:
                return E_GENUNBOUND, r, 0
        w = _markers(V, d + nlocals, nshape - 1, d + e, depth_at, moff, marks, c)
        if w:
            return E_GENITER + w - 1, r, 0
        for k in range(start):
            if V[d + (np.int64(CODE[entry + k]) >> 8), 0] != L.CELL:
                return E_GENCELL, r, 0
        for a in range(nlocals - FN[cid, L.FN_NFREE], nlocals):
            if V[d + a, 0] != L.CELL:
                return E_GENFREE, r, 0
    return 0, 0, 0


@numba.njit(cache=True, nogil=True)
def _check_module_frames(S, F, H, G, CODE, FN, fp, nglobals, slots, body_slot):
    """The import slots hold nothing or their own module; a frame running the body
    of a module written in Amber was pushed by the IMPORT_NAME of that module (the
    caller's instruction), in mode RET_DISCARD, with the module (the instruction's
    result, the one in the slot) below its function on the caller's stack."""
    for slot in range(nglobals):
        if slots[slot] != -1 and G[slot, 0] == L.MODULE:
            if slots[slot] < 0 or H[G[slot, 1], L.A] != slots[slot]:
                return E_IMPORTSLOT, slot
    for i in range(1, fp + 1):
        slot = body_slot[F[i, L.FR_CODE]]
        if slot < 0:
            continue
        pc = F[i - 1, L.FR_PC]
        if pc <= FN[F[i - 1, L.FR_CODE], L.FN_ENTRY]:
            return E_MODFRAME, i
        w = np.int64(CODE[pc - 1])
        ret, base = F[i, L.FR_RET], F[i, L.FR_BASE]
        if not ((w & 0xFF) == OP_IMPORT and (w >> 8) == slot and F[i, L.FR_FLAGS] == L.RET_DISCARD
                and base == ret + 1 and ret >= 1 and S[ret, 0] == L.FUNC
                and S[ret, 1] == F[i, L.FR_FUNC] and S[ret - 1, 0] == L.MODULE
                and G[slot, 0] == L.MODULE and S[ret - 1, 1] == G[slot, 1]):
            return E_MODFRAME, i
    return 0, 0


# ---------------------------------------------------------------------------
# the entry points
# ---------------------------------------------------------------------------

@numba.njit(cache=True, nogil=True)
def run_checks(R, S, F, K, H, V, CH, G, rows, CODE, FN, tables, flat, nbase):
    """Every state check, in order: (code, index, what), code 0 when the state is
    sound, -1 when it is sound but its constants are not the fresh VM's objects
    (the caller then compares them with the program's).  rows: the live rows of
    R S F K H V CH G as stored; tables: program_tables(); flat, nbase: the
    baseline (format._flat)."""
    depth_at, moff, marks, mods, slots, body_slot = _tables(tables)
    sp, fp = R[L.R_SP], R[L.R_FP]
    htop, vtop, ctop = R[L.R_HTOP], R[L.R_VTOP], R[L.R_CTOP]
    if not (sp == rows[1] and fp + 1 == rows[2] and htop == rows[4] and vtop == rows[5]
            and ctop == rows[6]):
        return E_REGS, 0, 0
    if R[L.R_COUNT] < 0 or R[L.R_SERIAL] < 0 or R[L.R_EXTRA] < 0:
        return E_COUNTERS, 0, 0
    if R[L.R_FRAMES_MAX] < 1 or R[L.R_FRAMES_MAX] > 1 << 20:
        return E_RECURSION, 0, 0
    if fp < 0:
        return E_NOFRAMES, 0, 0
    code, i = _check_free_and_kinds(R, H, htop)
    if code:
        return code, i, 0
    ncodes = FN.shape[0]
    code, i, w = _check_data(R, H, V, CH, htop, vtop, ctop, FN, ncodes)
    if code:
        return code, i, w
    code = _check_disjoint(H, FN, htop)
    if code:
        return code, 0, 0
    code, i = _check_nesting(H, V, htop, L.TUPLE, htop)
    if code:
        return code, i, 0
    code, i, w = _check_more(H, V, htop, vtop, FN, CODE, ncodes, mods)
    if code:
        return code, i, w
    code, i, w = _check_sets(H, V, htop, vtop)
    if code:
        return code, i, w
    code, i = _check_nesting(H, V, htop, L.ITER, MAX_WRAP_DEPTH)
    if code:
        return code, i, 0
    kind = H[:, L.KIND]
    w = _values(S, 0, sp, H, htop, True)
    if w:
        return V_STACK, 0, w
    w = _values(G, 0, rows[7], H, htop, True)
    if w:
        return V_GLOBALS, 0, w
    w = _values(K, 0, rows[3], H, htop, False)
    if w:
        return V_CONSTS, 0, w
    code, i = _check_frames(S, F, H, CODE, FN, sp, fp, htop, depth_at, moff, marks)
    if code:
        return code, i, 0
    code, i, w = _check_generators(S, F, H, V, CODE, FN, fp, htop, depth_at, moff, marks)
    if code:
        return code, i, w
    code, i = _check_module_frames(S, F, H, G, CODE, FN, fp, rows[7] // 2, slots, body_slot)
    if code:
        return code, i, 0
    bK = _baseline_part(flat, nbase, 3, 2)
    bH = _baseline_part(flat, nbase, 4, L.HCOLS)
    bV = _baseline_part(flat, nbase, 5, 2)
    bCH = _baseline_part(flat, nbase, 6, 1)
    if not _same_consts(K, H, V, CH, htop, vtop, ctop, bK, bH, bV, bCH):
        return -1, 0, 0
    return 0, 0, 0


@numba.njit(cache=True, nogil=True)
def finish(F, H, FN, fp, htop):
    """What load() rebuilds rather than trusts, first part: a function whose code has
    no keyword-only defaults gets -1 in D (0 in older snapshots).  Returns the stack
    rows the frames need once those above them return, and how many sets and dicts
    rehash() has to do."""
    kind = H[:, L.KIND]
    tables = 0
    for r in range(htop):
        k = kind[r]
        if k == L.FUNC and FN[H[r, L.A], L.FN_NKWDEFAULTS] == 0:
            H[r, L.D] = -1
        elif k == L.SET or k == L.FROZENSET or k == L.DICT:
            tables += 1
    need = 0
    for i in range(fp + 1):
        cid = F[i, L.FR_CODE]
        need = max(need, F[i, L.FR_BASE] + FN[cid, L.FN_NLOCALS] + FN[cid, L.FN_STACK])
    return need + 8, tables


@numba.njit(cache=True, nogil=True)
def pointer_tuple(R, S, F, CODE, FN, K, H, V, CH, G, MT):
    """vm.state.pointers() of these arrays, made in numba (a tenth of the time)."""
    return (R.ctypes.data, S.ctypes.data, S.shape[0], F.ctypes.data, F.shape[0],
            CODE.ctypes.data, CODE.shape[0], FN.ctypes.data, FN.shape[0],
            K.ctypes.data, K.shape[0], H.ctypes.data, H.shape[0], V.ctypes.data, V.shape[0],
            CH.ctypes.data, CH.shape[0], G.ctypes.data, G.shape[0],
            MT.ctypes.data, MT.shape[0], MT.shape[1], 0, 0)     # no attribute cache


@numba.njit(cache=True, nogil=True)
def rehash(R, S, F, CODE, FN, K, H, V, CH, G, MT):
    """What load() rebuilds rather than trusts, second part: every set slot's hash is
    recomputed and cached frozenset hashes are dropped (frozensets first, so that
    sets of frozensets see fresh hashes; slot positions are kept: they are the set's
    order); every dict's index is rebuilt from its entries (after the sets, so that
    frozenset keys hash afresh), keeping entry numbers (iterators keep their place)."""
    p = pointer_tuple(R, S, F, CODE, FN, K, H, V, CH, G, MT)
    htop = R[L.R_HTOP]
    kind = H[:, L.KIND]
    for r in range(htop):
        if kind[r] == L.FROZENSET:
            vsets.rehash(p, r)
    for r in range(htop):
        if kind[r] == L.SET:
            vsets.rehash(p, r)
    for r in range(htop):
        if kind[r] == L.DICT:
            vheap.dict_reindex(p, r)


@numba.njit(cache=True, nogil=True)
def load_state(buf, layout, flat, nbase, R, S, F, K, H, V, CH, G, CODE, FN, MT, tables,
               nbslots):
    """A snapshot's state in one call: decode the compact arrays (compact.decode_state)
    into R S F K H V CH G, check them (run_checks) and rebuild what is not trusted
    (finish, rehash).  (code, index, what, stack rows needed): code 0 sound, -1
    sound but the constants are not the fresh VM's objects (the caller compares
    them with the program's), E_DECODE a malformed stream (index: the array, what:
    compact's error), else a check's error."""
    err, k = compact.decode_state(buf, layout, flat, nbase, R, S, F, K, H, V, CH, G)
    if err != compact.OK:
        return E_DECODE, k, err, 0
    # the room after the live rows is fresh zeroes, as in a fresh VM (the caller
    # allocates without zeroing; the live rows were all written)
    rows = layout[16:24]
    S[rows[1]:, :] = 0
    F[rows[2]:, :] = 0
    H[rows[4]:, :] = 0
    V[rows[5]:, :] = 0
    CH[rows[6]:] = 0
    code, i, w = run_checks(R, S, F, K, H, V, CH, G, layout[16:24], CODE, FN, tables, flat,
                            nbase)
    if code > 0:
        return code, i, w, 0
    R[L.R_NBSLOTS] = nbslots     # derived, never trusted
    need, ntables = finish(F, H, FN, R[L.R_FP], R[L.R_HTOP])
    if ntables:
        rehash(R, S, F, CODE, FN, K, H, V, CH, G, MT)
    return code, 0, 0, need


def message(code: int, i: int, what: int) -> str:
    if code == E_DECODE:
        return f"array {ARRAYS[i]}: {compact.DECODE_ERRORS.get(what, 'malformed')}"
    return MESSAGES[code].format(i=i, what=VALUE_WHAT[what] if what else "")
