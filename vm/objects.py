"""Classes and instances inside the numba loop: MRO lookups, attribute reads and
writes that need no user code, and the objects classes make (bound methods).

Anything that runs user code (a property getter, __init__, a dunder) is not done
here: these functions find *what* to call; interp.py pushes the frame.
"""

import numpy as np
from .jit import njit

from . import CACHE
from .mem import sig, R_, S_, F_, CODE_, FN_, K_, H_, V_, CH_, G_, MT_

from .layout import (
    A, B, C, D, E, UNDEF, NONE, STR, TUPLE, DICT, FUNC, EXC, BUILTIN, CLASS, INSTANCE,
    BOUND, WRAPPER, SUPER, WR_STATIC, WR_CLASS, WR_PROPERTY, P_NAMES,
)
from . import heap


@njit(cache=CACHE)
def special_name(st, which):
    """The str row of special method name number `which` (layout.SPECIAL_NAMES), or
    -1 if the prelude's table is missing (a program compiled without it)."""
    G = G_(st)
    if G[P_NAMES, 0] != TUPLE:
        return -1
    t = G[P_NAMES, 1]
    if which >= H_(st)[t, B]:
        return -1
    o = H_(st)[t, A] + which
    if V_(st)[o, 0] != STR:
        return -1
    return V_(st)[o, 1]


@njit(cache=CACHE, entry_sig=sig("(P, i8, i8)"))
def dict_find(st, d, name):
    """(tag, payload) stored under str row `name` in dict row d, or (UNDEF, 0)."""
    e = heap.dict_get(st, d, STR, name)
    if e < 0:
        return UNDEF, 0
    o = H_(st)[d, A] + 2 * e + 1
    return V_(st)[o, 0], V_(st)[o, 1]


@njit(cache=CACHE, entry_sig=sig("(P, i8, i8, i8)"))
def mro_lookup(st, cls, name, after):
    """The class attribute `name` (str row) of class row cls, searched along its MRO
    (skipping the entries up to and including class row `after`, if >= 0): (tag,
    payload, owner class row), tag UNDEF if absent.  Builtin types in the MRO have no
    attributes here (the host knows theirs)."""
    H = H_(st)
    V = V_(st)
    mro = H[cls, C]
    o = H[mro, A]
    skipping = after >= 0
    for i in range(H[mro, B]):
        if V[o + i, 0] != CLASS:
            continue
        c = V[o + i, 1]
        if skipping:
            if c == after:
                skipping = False
            continue
        t, v = dict_find(st, H[c, B], name)
        if t != UNDEF:
            return t, v, c
    return UNDEF, 0, -1


@njit(cache=CACHE, entry_sig=sig("(P, i8, i8)"))
def class_of(st, tag, val):
    """The class row of a script-defined object (an instance, or an exception of a
    script's class), else -1."""
    if tag == INSTANCE:
        return H_(st)[val, A]
    if tag == EXC:
        return H_(st)[val, E]
    return -1


@njit(cache=CACHE, entry_sig=sig("(P, i8, i8)"))
def attr_dict(st, tag, val):
    """The attribute dict row of an instance (or script exception), or -1."""
    if tag == INSTANCE:
        return H_(st)[val, B]
    if tag == EXC:
        return H_(st)[val, D]
    return -1


@njit(cache=CACHE, entry_sig=sig("(P, i8, i8, i8)"))
def special_lookup(st, tag, val, which):
    """type(x).<special name `which`> for a script object x: (tag, payload), UNDEF if
    x is not one or its class does not define it."""
    cls = class_of(st, tag, val)
    if cls < 0:
        return UNDEF, 0
    name = special_name(st, which)
    if name < 0:
        return UNDEF, 0
    t, v, owner = mro_lookup(st, cls, name, -1)
    return t, v


@njit(cache=CACHE)
def is_subclass(st, cls, target_tag, target_val):
    """Whether class row cls has the type (tag, payload) in its MRO."""
    H = H_(st)
    V = V_(st)
    mro = H[cls, C]
    o = H[mro, A]
    for i in range(H[mro, B]):
        if V[o + i, 0] == target_tag and V[o + i, 1] == target_val:
            return True
    return False


@njit(cache=CACHE, entry_sig=sig("(P, i8, i8, i8, i8)"))
def new_bound(st, st_tag, st_val, ft, fv):
    """A bound method object (one H row must have been reserved)."""
    r = heap.new_obj(st, BOUND)
    H = H_(st)
    H[r, A] = st_tag
    H[r, B] = st_val
    H[r, C] = ft
    H[r, D] = fv
    return r


@njit(cache=CACHE, entry_sig=sig("(P, i8, i8)"))
def wrapped(st, w, i):
    """Item i of wrapper row w's tuple: (tag, payload)."""
    t = H_(st)[w, B]
    o = H_(st)[t, A] + i
    return V_(st)[o, 0], V_(st)[o, 1]


@njit(cache=CACHE)
def bind_class_attr(st, ot, ov, cls, t, v, from_instance):
    """What reading class attribute (t, v) through an object gives, without user
    code: (tag, payload, needs a bound-method row).  ot/ov is the instance (or the
    class itself when from_instance is False); cls the class to bind classmethods to.
    Properties read through an instance are the caller's business (a getter call)."""
    if t == FUNC and from_instance:
        return BOUND, 0, True
    if t == WRAPPER:
        k = H_(st)[v, A]
        if k == WR_STATIC:
            wt, wv = wrapped(st, v, 0)
            return wt, wv, False
        if k == WR_CLASS:
            return BOUND, 0, True
    return t, v, False
