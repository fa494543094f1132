"""Generators in numba: making, resuming, yielding, returning, throwing, closing.

A generator is a GEN row of H whose frame lives in V while it is not running: its
slot region (gen_cap rows, allocated once by RETURN_GENERATOR) holds the locals and
the operand stack.  Resuming copies the saved slots to the top of S and pushes a
frame whose return mode (F[fp, FR_FLAGS], RET_GEN_*) says how the resumer wants the
next yielded or returned value; S[FR_RET] holds the GEN itself while it runs (a GC
root, and how YIELD_VALUE finds it).  Yielding copies the slots back and pops the
frame.  Nothing here recurses or calls out: a chain of `yield from` generators that
a throw() or close() must reach is pushed as a chain of frames, and the exception is
raised in the innermost one (the host's unwinder, machine._unwind, finishes
generators whose frames it drops).

Conventions as in the other helpers: a function returns ST_RUNNING having set R_SP,
R_FP and the pcs, or a status having changed nothing (ST_RAISE after a generator
return or throw leaves the frames set up for the unwinder).
"""

import numpy as np

from .jit import njit

from . import CACHE
from .mem import R_, S_, F_, CODE_, FN_, H_, V_

from .layout import (
    A, B, C, D, E, NONE, BUILTIN, ITER, EXC, GEN, UNDEF, IT_SET,
    FR_CODE, FR_PC, FR_BASE, FR_FUNC, FR_RET, FR_FLAGS, FN_NLOCALS, FN_STACK, FN_FLAGS,
    CO_GENERATOR, GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_DONE, GEN_SLACK,
    RET_GEN_FOR, RET_GEN_SEND, RET_GEN_YF, RET_GEN_CLOSE,
    R_SP, R_FP, R_FRAMES_MAX, R_NEED, R_NEED_N, R_ERR, NEED_STACK, NEED_FRAMES,
    ST_RUNNING, ST_NEED_MEMORY, ST_RAISE, ERR_VALUE, ERR_RECURSION, ERR_STOP_ITERATION,
    ERR_EXCEPTION, ERR_GEN, GENERR_RUNNING, GENERR_IGNORED, GENERR_SEND_FIRST,
    GENERR_THROW_TYPE, GENERR_ARGS, GENERR_YF_OBJECT,
)
from .opcodes import RETURN_GENERATOR, YIELD_VALUE, SEND, CALL, RETURN_VALUE
from .builtins import (
    B_GENERATOREXIT, M_GEN_SEND, M_GEN_THROW, M_GEN_CLOSE, B_LIST, B_TUPLE, B_SET,
    B_FROZENSET, B_SORTED, B_MIN, B_MAX, B_SUM, B_ANY, B_ALL, B_ENUMERATE, B_ZIP, B_DICT,
)
from . import heap, seq, sets, natives
from .arith import fail

# Indices are never negative: unsigned ones spare numba's wraparound (see interp.py).
u64 = np.uint64

MAX_CHAIN = 1 << 16   # yield-from chains a throw()/close() walks (frames bound it anyway)


@njit(cache=CACHE)
def consumes(bid):
    """Whether builtin bid iterates over a generator argument (the prelude's version
    then runs instead: a builtin cannot run the generator's code)."""
    return (bid == B_LIST or bid == B_TUPLE or bid == B_SET or bid == B_FROZENSET
            or bid == B_SORTED or bid == B_MIN or bid == B_MAX or bid == B_SUM
            or bid == B_ANY or bid == B_ALL or bid == B_ENUMERATE or bid == B_ZIP
            or bid == B_DICT)


@njit(cache=CACHE)
def gen_cap(st, g):
    """Rows of generator g's slot region: locals, declared stack and the slack."""
    c = H_(st)[H_(st)[g, A], A]
    return FN_(st)[c, FN_NLOCALS] + FN_(st)[c, FN_STACK] + GEN_SLACK


@njit(cache=CACHE)
def make_generator(st, sp, pc):
    """RETURN_GENERATOR: a CREATED generator holding this frame's locals, pushed."""
    R = R_(st)
    S = S_(st)
    H = H_(st)
    V = V_(st)
    Fr = F_(st)
    fp = R[R_FP]
    f = Fr[fp, FR_FUNC]
    c = Fr[fp, FR_CODE]
    if f < 0 or (FN_(st)[c, FN_FLAGS] & CO_GENERATOR) == 0:
        return fail(st, ERR_VALUE, 99, RETURN_GENERATOR, 0)   # validated code never gets here
    nl = FN_(st)[c, FN_NLOCALS]
    cap = nl + FN_(st)[c, FN_STACK] + GEN_SLACK
    if not heap.reserve(st, 1, cap, 0):
        return ST_NEED_MEMORY
    g = heap.new_obj(st, GEN)
    o = heap.new_vals(st, cap)
    base = Fr[fp, FR_BASE]
    for i in range(nl):
        V[o + i, 0] = S[base + i, 0]
        V[o + i, 1] = S[base + i, 1]
    H[g, A] = f
    H[g, B] = GEN_CREATED
    H[g, C] = pc + 2
    H[g, D] = o
    H[g, E] = nl
    S[sp, 0] = GEN
    S[sp, 1] = g
    R[R_SP] = sp + 1
    Fr[fp, FR_PC] = pc + 1
    return ST_RUNNING


@njit(cache=CACHE)
def gen_room(st, g, base, frames):
    """ST_RUNNING if `frames` more frames fit and g's frame fits at S[base...]."""
    R = R_(st)
    fp = R[R_FP]
    if fp + frames >= R[R_FRAMES_MAX]:
        return fail(st, ERR_RECURSION, 0, 0, 0)
    if fp + frames + 1 > F_(st).shape[0]:
        R[R_NEED] = NEED_FRAMES
        R[R_NEED_N] = fp + frames + 1
        return ST_NEED_MEMORY
    need = base + gen_cap(st, g) + 8
    if need > S_(st).shape[0]:
        R[R_NEED] = NEED_STACK
        R[R_NEED_N] = need
        return ST_NEED_MEMORY
    return ST_RUNNING


@njit(cache=CACHE)
def gen_enter(st, g, mode, ret, base, ret_pc, push_sent, sent_t, sent_v):
    """Push generator g's frame (room checked): its saved slots at S[base...], then
    the sent value if push_sent; S[ret] = g; the resumer continues at ret_pc."""
    R = R_(st)
    S = S_(st)
    H = H_(st)
    V = V_(st)
    Fr = F_(st)
    ug = u64(g)
    f = H[ug, A]
    o = H[ug, D]
    n = H[ug, E]
    for i in range(n):
        S[u64(base + i), 0] = V[u64(o + i), 0]
        S[u64(base + i), 1] = V[u64(o + i), 1]
    sp = base + n
    if push_sent:
        S[u64(sp), 0] = sent_t
        S[u64(sp), 1] = sent_v
        sp += 1
    S[u64(ret), 0] = GEN
    S[u64(ret), 1] = g
    fp = R[R_FP]
    Fr[u64(fp), FR_PC] = ret_pc
    fp += 1
    uf = u64(fp)
    Fr[uf, FR_CODE] = H[u64(f), A]
    Fr[uf, FR_PC] = H[ug, C]
    Fr[uf, FR_BASE] = base
    Fr[uf, FR_FUNC] = f
    Fr[uf, FR_RET] = ret
    Fr[uf, FR_FLAGS] = mode
    R[R_FP] = fp
    R[R_SP] = sp
    H[ug, B] = GEN_RUNNING
    H[ug, E] = 0


@njit(cache=CACHE)
def gen_resume(st, g, mode, ret, base, ret_pc, sent_t, sent_v):
    """Resume g with a sent value (None for next()); g is CREATED or SUSPENDED."""
    state = H_(st)[g, B]
    if state == GEN_RUNNING:
        return fail(st, ERR_GEN, GENERR_RUNNING, 0, 0)
    if state == GEN_CREATED and sent_t != NONE:
        return fail(st, ERR_GEN, GENERR_SEND_FIRST, 0, 0)
    status = gen_room(st, g, base, 1)
    if status != ST_RUNNING:
        return status
    gen_enter(st, g, mode, ret, base, ret_pc, True, sent_t, sent_v)
    return ST_RUNNING


@njit(cache=CACHE)
def finish(st, g):
    """Mark g done (its slot region is dropped by the next collection)."""
    H = H_(st)
    H[g, B] = GEN_DONE
    H[g, C] = 0
    H[g, D] = 0
    H[g, E] = 0


@njit(cache=CACHE)
def for_iter(st, arg, sp, pc):
    """FOR_ITER over a generator: resume it; done: pop it and jump to arg."""
    g = S_(st)[u64(sp - 1), 1]
    if H_(st)[u64(g), B] == GEN_DONE:
        R_(st)[R_SP] = sp - 1
        F_(st)[R_(st)[R_FP], FR_PC] = arg
        return ST_RUNNING
    return gen_resume(st, g, RET_GEN_FOR, sp, sp + 1, pc + 1, NONE, 0)


@njit(cache=CACHE)
def send_op(st, arg, sp, pc):
    """SEND: it v -> it y, or r with a jump to arg when it is done."""
    S = S_(st)
    H = H_(st)
    R = R_(st)
    fp = R[R_FP]
    t = S[sp - 2, 0]
    it = S[sp - 2, 1]
    if t == GEN:
        if H[it, B] == GEN_DONE:      # a finished generator returns None at once
            S[sp - 2, 0] = NONE
            S[sp - 2, 1] = 0
            R[R_SP] = sp - 1
            F_(st)[fp, FR_PC] = arg
            return ST_RUNNING
        return gen_resume(st, it, RET_GEN_YF, sp - 1, sp, pc + 1, S[sp - 1, 0], S[sp - 1, 1])
    if t != ITER:       # an object of a script class (GET_ITER called its __iter__)
        return fail(st, ERR_GEN, GENERR_YF_OBJECT, t, 0)
    if H[it, A] == IT_SET and H[H[it, C], B] != H[it, E]:
        H[it, E] = -1
        return fail(st, ERR_VALUE, sets.VAL_SET_CHANGED, 0, 0)
    ob, vb, cb = seq.step_cost(st, it)
    if not heap.reserve(st, ob, vb, cb):
        return ST_NEED_MEMORY
    rt, rv = seq.iter_next(st, it)
    if rt == UNDEF:
        S[sp - 2, 0] = NONE
        S[sp - 2, 1] = 0
        R[R_SP] = sp - 1
        F_(st)[fp, FR_PC] = arg
        return ST_RUNNING
    S[sp - 1, 0] = rt
    S[sp - 1, 1] = rv
    R[R_SP] = sp
    F_(st)[fp, FR_PC] = pc + 1
    return ST_RUNNING


@njit(cache=CACHE)
def yield_value(st, sp, pc):
    """YIELD_VALUE: save the frame into its generator and hand the value over."""
    R = R_(st)
    S = S_(st)
    H = H_(st)
    V = V_(st)
    Fr = F_(st)
    fp = R[R_FP]
    mode = Fr[u64(fp), FR_FLAGS]
    if mode < RET_GEN_FOR or mode > RET_GEN_CLOSE:
        return fail(st, ERR_VALUE, 99, YIELD_VALUE, 0)   # validated code never gets here
    ret = Fr[u64(fp), FR_RET]
    base = Fr[u64(fp), FR_BASE]
    g = S[u64(ret), 1]
    ug = u64(g)
    n = sp - 1 - base
    if n < 0 or n > gen_cap(st, g):
        return fail(st, ERR_VALUE, 99, YIELD_VALUE, 0)
    o = H[ug, D]
    for i in range(n):
        V[u64(o + i), 0] = S[u64(base + i), 0]
        V[u64(o + i), 1] = S[u64(base + i), 1]
    H[ug, E] = n
    H[ug, C] = pc + 1
    H[ug, B] = GEN_SUSPENDED
    yt = S[u64(sp - 1), 0]
    yv = S[u64(sp - 1), 1]
    fp -= 1
    R[R_FP] = fp
    if mode == RET_GEN_CLOSE:
        # a generator that yields when told to close: RuntimeError in the closer
        # (at its call, or at the yield of the delegating generator that closes it)
        if CODE_(st)[Fr[fp, FR_PC] - 1] & 0xFF != SEND:
            Fr[fp, FR_PC] -= 1
        R[R_SP] = ret
        return fail(st, ERR_GEN, GENERR_IGNORED, 0, 0)
    S[u64(ret), 0] = yt
    S[u64(ret), 1] = yv
    R[R_SP] = ret + 1
    return ST_RUNNING


@njit(cache=CACHE)
def new_exc0(st, bid):
    """An exception of builtin type bid with no arguments (2 objects reserved)."""
    e = heap.new_obj(st, EXC)
    H_(st)[e, A] = bid
    H_(st)[e, B] = heap.new_tuple(st, 0)
    H_(st)[e, C] = -1
    return e


@njit(cache=CACHE)
def gen_return(st, sp, pc):
    """RETURN_VALUE in a generator frame: it is done; deliver by the frame's mode."""
    R = R_(st)
    S = S_(st)
    Fr = F_(st)
    CODE = CODE_(st)
    fp = R[R_FP]
    mode = Fr[fp, FR_FLAGS]
    ret = Fr[fp, FR_RET]
    cpc = Fr[fp - 1, FR_PC]
    w = CODE[cpc - 1]
    prev_op = w & 0xFF
    prev_arg = w >> 8
    if mode == RET_GEN_CLOSE and prev_op == SEND:
        if not heap.reserve(st, 2, 0, 0):
            return ST_NEED_MEMORY
    rt = S[sp - 1, 0]
    rv = S[sp - 1, 1]
    finish(st, S[ret, 1])
    fp -= 1
    R[R_FP] = fp
    if mode == RET_GEN_FOR:
        R[R_SP] = ret - 1
        Fr[fp, FR_PC] = prev_arg
        return ST_RUNNING
    if mode == RET_GEN_YF:
        S[ret - 1, 0] = rt
        S[ret - 1, 1] = rv
        R[R_SP] = ret
        Fr[fp, FR_PC] = prev_arg
        return ST_RUNNING
    if mode == RET_GEN_SEND:
        if prev_op == CALL and prev_arg == 2:     # next(g, default)
            S[ret, 0] = S[ret + 2, 0]
            S[ret, 1] = S[ret + 2, 1]
            R[R_SP] = ret + 1
            return ST_RUNNING
        Fr[fp, FR_PC] = cpc - 1
        R[R_SP] = ret
        return fail(st, ERR_STOP_ITERATION, 1, rt, rv)
    # RET_GEN_CLOSE
    if prev_op == SEND:
        # closed by a delegating generator: it gets GeneratorExit at its yield
        e = new_exc0(st, B_GENERATOREXIT)
        S[ret, 0] = EXC
        S[ret, 1] = e
        R[R_SP] = ret + 1
        R[R_ERR] = ERR_EXCEPTION
        return ST_RAISE
    S[ret, 0] = NONE
    S[ret, 1] = 0
    R[R_SP] = ret + 1
    return ST_RUNNING


@njit(cache=CACHE)
def throw_into(st, g, e, mode, ret, base, ret_pc):
    """Raise exception row e in generator g (CREATED or SUSPENDED) where it stopped.
    If g is suspended in a `yield from` of a suspended generator, the exception goes
    to the innermost generator of the chain (GeneratorExit closes each subgenerator
    on the way: their frames get RET_GEN_CLOSE): every frame of the chain is pushed
    and the exception raised in the top one, for the host's unwinder."""
    H = H_(st)
    V = V_(st)
    CODE = CODE_(st)
    is_exit = H[e, A] == B_GENERATOREXIT
    # walk the chain first: check room and states before changing anything
    k = 0
    x = g
    b = base
    while True:
        status = gen_room(st, x, b, k + 1)
        if status != ST_RUNNING:
            return status
        k += 1
        if k > MAX_CHAIN:
            return fail(st, ERR_RECURSION, 0, 0, 0)
        if H[x, B] != GEN_SUSPENDED:
            break
        w = CODE[H[x, C] - 1]
        if (w & 0xFF) != YIELD_VALUE or (w >> 8) != 1 or H[x, E] < 1:
            break
        top = H[x, D] + H[x, E] - 1
        if V[top, 0] != GEN:
            break
        sub = V[top, 1]
        if H[sub, B] == GEN_RUNNING:
            return fail(st, ERR_GEN, GENERR_RUNNING, 0, 0)
        if H[sub, B] != GEN_SUSPENDED:
            break
        b = b + H[x, E] + 1
        x = sub
    x = g
    r = ret
    b = base
    rpc = ret_pc
    R = R_(st)
    S = S_(st)
    Fr = F_(st)
    for j in range(k):
        resume_at = H[x, C] - 1
        gen_enter(st, x, mode, r, b, rpc, False, NONE, 0)
        fp = R[R_FP]
        Fr[fp, FR_PC] = resume_at
        if j < k - 1:
            sp = R[R_SP]
            x = S[sp - 1, 1]
            r = sp
            b = sp + 1
            rpc = resume_at
            mode = RET_GEN_CLOSE if is_exit else RET_GEN_YF
    sp = R[R_SP]
    S[sp, 0] = EXC
    S[sp, 1] = e
    R[R_SP] = sp + 1
    R[R_ERR] = ERR_EXCEPTION
    return ST_RAISE


@njit(cache=CACHE)
def throw_exception(st, sp, n):
    """The exception row throw(typ[, val[, tb]]) raises (2 objects and a value
    reserved), or -1 after recording a TypeError."""
    S = S_(st)
    H = H_(st)
    t = S[sp - n, 0]
    v = S[sp - n, 1]
    if n >= 2 and S[sp - n + 1, 0] == EXC:
        return S[sp - n + 1, 1]
    if t == EXC:
        if n >= 2 and S[sp - n + 1, 0] != NONE:
            fail(st, ERR_GEN, GENERR_THROW_TYPE, -1, 0)   # instance with a separate value
            return -1
        return v
    if t == BUILTIN and natives.is_exc_type(v):
        if n >= 2 and S[sp - n + 1, 0] != NONE:
            args = heap.new_tuple(st, 1)
            V_(st)[H[args, A], 0] = S[sp - n + 1, 0]
            V_(st)[H[args, A], 1] = S[sp - n + 1, 1]
            e = heap.new_obj(st, EXC)
            H[e, A] = v
            H[e, B] = args
            H[e, C] = -1
            return e
        return new_exc0(st, v)
    fail(st, ERR_GEN, GENERR_THROW_TYPE, t, 0)
    return -1


@njit(cache=CACHE)
def gen_method(st, mid, n, sp, pc):
    """g.send(v), g.throw(...), g.close(): self is S[sp-n-1], the method below it."""
    S = S_(st)
    H = H_(st)
    R = R_(st)
    ret = sp - n - 2
    g = S[sp - n - 1, 1]
    state = H[g, B]
    if mid == M_GEN_SEND:
        if n != 1:
            return fail(st, ERR_GEN, GENERR_ARGS, mid, n)
        if state == GEN_DONE:
            return fail(st, ERR_STOP_ITERATION, 0, 0, 0)
        return gen_resume(st, g, RET_GEN_SEND, ret, sp, pc + 1, S[sp - 1, 0], S[sp - 1, 1])
    if mid == M_GEN_THROW:
        if n < 1 or n > 3:
            return fail(st, ERR_GEN, GENERR_ARGS, mid, n)
        if not heap.reserve(st, 3, 1, 0):
            return ST_NEED_MEMORY
        if state == GEN_RUNNING:
            return fail(st, ERR_GEN, GENERR_RUNNING, 0, 0)
        e = throw_exception(st, sp, n)
        if e < 0:
            return ST_RAISE
        if state == GEN_DONE:     # raised in the caller, as CPython does
            S[sp - 1, 0] = EXC
            S[sp - 1, 1] = e
            R[R_SP] = sp
            R[R_ERR] = ERR_EXCEPTION
            return ST_RAISE
        return throw_into(st, g, e, RET_GEN_SEND, ret, sp, pc + 1)
    if mid == M_GEN_CLOSE:
        if n != 0:
            return fail(st, ERR_GEN, GENERR_ARGS, mid, n)
        if state == GEN_RUNNING:
            return fail(st, ERR_GEN, GENERR_RUNNING, 0, 0)
        if state == GEN_SUSPENDED:
            if not heap.reserve(st, 2, 0, 0):
                return ST_NEED_MEMORY
            e = new_exc0(st, B_GENERATOREXIT)
            return throw_into(st, g, e, RET_GEN_CLOSE, ret, sp, pc + 1)
        finish(st, g)     # never started, or done: nothing to run
        S[ret, 0] = NONE
        S[ret, 1] = 0
        R[R_SP] = ret + 1
        F_(st)[R[R_FP], FR_PC] = pc + 1
        return ST_RUNNING
    return fail(st, ERR_VALUE, 99, CALL, 0)


@njit(cache=CACHE)
def gen_next(st, n, sp, pc):
    """next(g) / next(g, default) on a generator."""
    S = S_(st)
    R = R_(st)
    ret = sp - n - 1
    g = S[sp - n, 1]
    if H_(st)[g, B] == GEN_DONE:
        if n == 2:
            S[ret, 0] = S[sp - 1, 0]
            S[ret, 1] = S[sp - 1, 1]
            R[R_SP] = ret + 1
            F_(st)[R[R_FP], FR_PC] = pc + 1
            return ST_RUNNING
        return fail(st, ERR_STOP_ITERATION, 0, 0, 0)
    return gen_resume(st, g, RET_GEN_SEND, ret, sp, pc + 1, NONE, 0)


@njit(cache=CACHE)
def cold_gen(st, op, arg, sp, pc):
    """The generator opcodes, and RETURN_VALUE in a frame with a return mode."""
    if op == RETURN_VALUE:
        mode = F_(st)[R_(st)[R_FP], FR_FLAGS]
        if RET_GEN_FOR <= mode <= RET_GEN_CLOSE:
            return gen_return(st, sp, pc)
        return fail(st, ERR_VALUE, 99, op, 0)
    if op == RETURN_GENERATOR:
        return make_generator(st, sp, pc)
    if op == YIELD_VALUE:
        return yield_value(st, sp, pc)
    if op == SEND:
        return send_op(st, arg, sp, pc)
    return fail(st, ERR_VALUE, 99, op, 0)   # unknown opcode: validated code never gets here
