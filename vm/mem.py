"""How numba code reaches the state arrays: through raw pointers, not array objects.

Passing numpy arrays between numba functions costs a reference-count update per
array per call (measured: 125 ns for a call taking the 11 state arrays, against
0.2 ns for a tuple of ints).  So the interpreter receives the state as one tuple of
ints, P = (address, rows, ...) per array (see state.pointers), and each function
views the arrays it needs with carray() — views without reference counts.

The host keeps the numpy arrays alive and rebuilds P whenever an array is replaced.
"""

from numba import carray, types
from .jit import njit
from numba.extending import intrinsic

from . import CACHE
from .layout import NREGS, FRCOLS, FNCOLS, HCOLS, ICCOLS

NPTRS = 24


def _pointer_to(element):
    """An intrinsic that makes an int64 address a pointer to `element`s."""
    def pointer(typingctx, addr):
        def codegen(context, builder, signature, args):
            return builder.inttoptr(args[0], context.get_value_type(types.CPointer(element)))
        return types.CPointer(element)(types.int64), codegen
    pointer.__name__ = pointer.__qualname__ = f"pointer_to_{element}"
    return intrinsic(pointer)


_ptr64 = _pointer_to(types.int64)
_ptr32 = _pointer_to(types.int32)
_ptr8 = _pointer_to(types.uint8)


@njit(cache=CACHE)
def words_at(addr, n):
    """The n int64 words at address addr (a buffer the host keeps alive)."""
    return carray(_ptr64(addr), n)


@njit(cache=CACHE)
def bytes_at(addr, n):
    """The n bytes at address addr (a buffer the host keeps alive)."""
    return carray(_ptr8(addr), n)


@njit(cache=CACHE)
def pairs_at(addr, n):
    """The (n, 2) int64 array at address addr (one the host keeps alive): how the host
    hands numba an array without numba typing a numpy argument (the first such call
    in a process imports numpy.ma, about 25 ms)."""
    return carray(_ptr64(addr), (n, 2))


def sig(text: str) -> str:
    """A numba signature string; P stands for the state pointer tuple, i8/i4/f8/b1 for
    int64/int32/float64/boolean.  Explicit signatures stop numba from compiling a
    fresh specialization for every mix of argument types at the call sites."""
    text = text.replace("P", f"UniTuple(int64, {NPTRS})")
    return (text.replace("i8", "int64").replace("i4", "int32").replace("f8", "float64")
            .replace("b1", "boolean"))


# Positions in P (state.pointers builds it in this order).
P_R, P_S, P_S_N, P_F, P_F_N, P_CODE, P_CODE_N, P_FN, P_FN_N, P_K, P_K_N, P_H, P_H_N, \
    P_V, P_V_N, P_CH, P_CH_N, P_G, P_G_N, P_MT, P_MT_N, P_MT_M, P_IC, P_IC_N = range(24)


@njit(cache=CACHE)
def R_(p):
    return carray(_ptr64(p[P_R]), NREGS)


@njit(cache=CACHE)
def S_(p):
    return carray(_ptr64(p[P_S]), (p[P_S_N], 2))


@njit(cache=CACHE)
def F_(p):
    return carray(_ptr64(p[P_F]), (p[P_F_N], FRCOLS))


@njit(cache=CACHE)
def CODE_(p):
    return carray(_ptr32(p[P_CODE]), p[P_CODE_N])


@njit(cache=CACHE)
def FN_(p):
    return carray(_ptr64(p[P_FN]), (p[P_FN_N], FNCOLS))


@njit(cache=CACHE)
def K_(p):
    return carray(_ptr64(p[P_K]), (p[P_K_N], 2))


@njit(cache=CACHE)
def H_(p):
    return carray(_ptr64(p[P_H]), (p[P_H_N], HCOLS))


@njit(cache=CACHE)
def V_(p):
    return carray(_ptr64(p[P_V]), (p[P_V_N], 2))


@njit(cache=CACHE)
def CH_(p):
    return carray(_ptr32(p[P_CH]), p[P_CH_N])


@njit(cache=CACHE)
def G_(p):
    return carray(_ptr64(p[P_G]), (p[P_G_N], 2))


@njit(cache=CACHE)
def MT_(p):
    return carray(_ptr32(p[P_MT]), (p[P_MT_N], p[P_MT_M]))


@njit(cache=CACHE)
def IC_(p):
    """The attribute cache (layout.IC_*); 0 rows in tuples made without one
    (snapshot checks): see heap.ic_bump."""
    return carray(_ptr64(p[P_IC]), (p[P_IC_N], ICCOLS))
