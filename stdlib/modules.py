"""The host side of Amber's builtin modules (math, random).

A module object is made on first import (make_module); its functions are builtins
named "module.function" (vm/builtins.py).  The numba fast paths (vm/modfns.py) run
the common cases; everything else comes here as a service and runs CPython's own
code on decoded arguments, so results and error messages are CPython's:

- math: the functions of CPython's math module, with size guards on the ones whose
  result can be a huge int (factorial, comb, perm, prod, lcm) and fuel charged for
  big-int and sequence work.
- random: CPython's random.Random methods on a subclass whose random() and
  getrandbits() step Amber's generator (CPython's MT19937, vm/rng.py) in the VM's
  heap, so CPython's randrange, shuffle, sample, choices, gauss ... run unchanged
  on Amber's state: the values are CPython's, and equal the numba fast paths'.

This module runs in the host only; it is not compiled by numba.
"""

from __future__ import annotations

import math
import random as _pyrandom
from hashlib import sha512

from ..vm import layout as L
from ..vm import rng
from ..vm.builtins import BUILTINS, BUILTIN_ID, MODULE_CONSTS, MODULE_ID, module_names
from ..vm.hostvalues import Raw, decode

MATH_BIG = {"factorial", "comb", "perm", "prod", "lcm"}


class VMRandom(_pyrandom.Random):
    """CPython's Random, drawing from the generator state of a VM (vm/rng.py).

    `holder` is a Machine (or anything with a `.st` State whose R_RNG names an RNG
    object): the state is read through it at every draw, because a service may
    replace the arrays (growth, collection) between calls."""

    def __new__(cls, holder):
        return super().__new__(cls)

    def __init__(self, holder):     # (Random.__init__ would seed; the state is the VM's)
        self._h = holder

    def random(self):
        return rng.random(self._h.st)

    def getrandbits(self, k):
        if isinstance(k, float) or not hasattr(k, "__index__"):
            raise TypeError(f"'{type(k).__name__}' object cannot be interpreted as an integer")
        k = k.__index__()
        if k < 0:
            raise ValueError("number of bits must be non-negative")
        return rng.getrandbits(self._h.st, k)

    def seed(self, a=None, version=2):
        """CPython 3.11's Random.seed, then its C random_seed() on Amber's state."""
        if version == 1 and isinstance(a, (str, bytes)):
            a = a.decode('latin-1') if isinstance(a, bytes) else a
            x = ord(a[0]) << 7 if a else 0
            for c in map(ord, a):
                x = ((1000003 * x) ^ c) & 0xFFFFFFFFFFFFFFFF
            x ^= len(a)
            a = -2 if x == -1 else x
        elif version == 2 and isinstance(a, (str, bytes, bytearray)):
            if isinstance(a, str):
                a = a.encode()
            a = int.from_bytes(a + sha512(a).digest(), "big")
        elif not isinstance(a, (type(None), int, float, str, bytes, bytearray)):
            raise TypeError('The only supported seed types are: None,\n'
                            'int, float, str, bytes, and bytearray.')
        st = self._h.st
        if a is None:               # CPython reads OS entropy: Amber's default seed
            n = abs(int(st.R[L.R_RNG_SEED]))
        elif isinstance(a, int):
            n = abs(a)
        elif isinstance(a, float):  # CPython seeds with hash(a) as an unsigned word
            n = 0 if math.isnan(a) else hash(a) & 0xFFFFFFFFFFFFFFFF
        else:                       # a str with another version: CPython hashes it,
            raise ValueError(       # which it randomizes per process
                "Amber's random.seed() takes a str, bytes or bytearray only with "
                "version 1 or 2")
        rng.set_state(st, rng.words_from_int(n))

    def getstate(self):
        st = self._h.st
        return (3, tuple(rng.words(st)) + (rng.index(st),), self.gauss_next)

    def setstate(self, state):
        # CPython's own checks and messages, on a scratch generator
        scratch = _pyrandom.Random(0)
        scratch.setstate(state)
        _, internal, gauss = scratch.getstate()
        if gauss is not None:
            if isinstance(gauss, bool) or not isinstance(gauss, (int, float)):
                raise TypeError("Amber's random state holds None or a float as gauss_next")
            gauss = float(gauss)
        rng.set_state(self._h.st, list(internal[:rng.N]), internal[rng.N], gauss)

    @property
    def gauss_next(self):
        return rng.get_gauss(self._h.st)

    @gauss_next.setter
    def gauss_next(self, value):
        rng.set_gauss(self._h.st, value)


# CPython's messages name the class Random (the methods VMRandom overrides are C or
# Python methods of random.Random there)
for _name in ("random", "getrandbits", "seed", "getstate", "setstate"):
    getattr(VMRandom, _name).__qualname__ = f"Random.{_name}"


def _c_arguments(fn, args, kw):
    """random() and getrandbits() are C methods in CPython: positional only, with
    their own messages."""
    if kw:
        raise TypeError(f"Random.{fn}() takes no keyword arguments")
    if fn == "random" and args:
        raise TypeError(f"Random.random() takes no arguments ({len(args)} given)")
    if fn == "getrandbits" and len(args) != 1:
        raise TypeError(f"Random.getrandbits() takes exactly one argument ({len(args)} given)")


def real_function(name: str):
    """The CPython function behind builtin `name` ("math.sqrt"), for messages.  The
    random ones are methods of a private generator: calling one (to learn CPython's
    error for some arguments) must not touch the host's own `random` state."""
    mod, fn = name.split(".", 1)
    return getattr(math if mod == "math" else _SCRATCH_RANDOM, fn)


_SCRATCH_RANDOM = _pyrandom.Random(0)


def module_name_of_slot(global_name: str) -> str:
    """The module an IMPORT_NAME global slot caches ("<modules>.math" -> "math")."""
    return global_name.split(".", 1)[1]


def make_module(machine, name: str, first: int = -1, names_const: int = -1) -> Raw:
    """A new MODULE object for module `name`: a builtin module's namespace dict
    holds its functions and constants; a module written in Amber (first,
    names_const: its Program.modules entry) has only __name__ there, its names are
    globals."""
    from ..vm import heap
    from ..vm.hostvalues import encode, needs
    consts = MODULE_CONSTS.get(name, {})
    ns = {}
    for attr in (module_names(name) if first < 0 else ()):
        bid = BUILTIN_ID.get(f"{name}.{attr}")
        ns[attr] = Raw(L.BUILTIN, bid) if bid is not None else consts[attr]
    ns["__name__"] = name
    # keys are the program's own name constants where it has them, so that the
    # lookups of LOAD_ATTR / LOAD_METHOD / IMPORT_FROM compare strings by identity
    K = machine.st.K
    consts = {c: i for i, c in enumerate(machine.program.consts)
              if isinstance(c, str) and c in ns}
    ns = {Raw(L.STR, int(K[consts[k], 1])) if k in consts else k: v for k, v in ns.items()}
    objs, vals, chars = needs(ns)
    machine.ensure(objs + 1, vals, chars)
    _, d = encode(machine.st, ns, machine.p)
    row = heap.new_obj(machine.p, L.MODULE)
    H = machine.st.H
    H[row, L.A] = MODULE_ID[name]
    H[row, L.B] = d
    H[row, L.C] = first
    H[row, L.D] = names_const
    return Raw(L.MODULE, row)


def call(machine, bid: int, n: int, kwnames: list, top: int):
    """Run module function `bid` on the call's arguments; returns its result."""
    name = BUILTINS[bid]
    mod, fn = name.split(".", 1)
    if mod == "math":
        return _math(machine, fn, n, kwnames, top)
    return _random(machine, fn, n, kwnames, top)


def _math(machine, fn, n, kwnames, top):
    args, kw = machine._args(top, n, kwnames)
    f = getattr(math, fn)
    if fn in MATH_BIG:
        _big_guard(machine, fn, args)
    result = machine._call_python(f, *args, **kw)
    work = sum(_size(a) for a in args) + _size(result)
    machine._charge_int(work)
    return result


def _size(x) -> int:
    if isinstance(x, bool) or not isinstance(x, (int, list, tuple)):
        return 1
    if isinstance(x, int):
        return abs(x).bit_length() // 32 + 1
    return sum(_size(y) for y in x) + len(x)


def _bits(x) -> int:
    return abs(x).bit_length() if isinstance(x, int) else 64


def _big_guard(machine, fn, args):
    """MemoryError before CPython computes an int the VM could not hold."""
    if fn == "factorial" and args and isinstance(args[0], int) and args[0] > 2:
        m = args[0]
        bits = m * math.log2(m) if m < 1 << 40 else math.inf
    elif fn in ("comb", "perm") and len(args) >= 1 and all(isinstance(a, int) for a in args):
        m = args[0]
        k = args[1] if len(args) > 1 and args[1] is not None else m
        if fn == "comb" and 0 <= k <= m:
            k = min(k, m - k)
        bits = max(k, 0) * _bits(m) if k < 1 << 40 else math.inf
    elif fn == "prod" and args:
        items = args[0] if isinstance(args[0], (list, tuple)) else []
        bits = sum(_bits(x) for x in items)
    else:   # lcm
        bits = sum(_bits(x) for x in args)
    machine._check_int_bits(bits)


def _random(machine, fn, n, kwnames, top):
    rng.allocate(machine)       # the first use of the module makes the state
    r = VMRandom(machine)
    npos = n - len(kwnames)
    raws = machine._raw_args(top, n)
    seqs = fn in ("choice", "sample", "choices")
    args = [_arg(machine, x, seqs and i == 0) for i, x in enumerate(raws[:npos])]
    kw = {k: _arg(machine, x, seqs and k in ("seq", "population"))
          for k, x in zip(kwnames, raws[npos:])}
    if fn in ("random", "getrandbits"):
        machine._call_python(_c_arguments, fn, args, kw)
    if fn == "shuffle":
        target = raws[0] if npos == 1 and not kw else \
            raws[npos] if npos == 0 and kwnames == ["x"] else None
        if target is not None and target.tag == L.LIST:
            items = machine._items_of(target)
            machine._call_python(r.shuffle, items)
            st = machine.st
            lst = target.val
            off = int(st.H[lst, L.A])
            if int(st.H[lst, L.B]) == len(items):
                for i, x in enumerate(items):
                    st.V[off + i, 0] = x.tag
                    st.V[off + i, 1] = x.val
            machine._charge_int(len(items))
            return None
        return machine._call_python(r.shuffle, *args, **kw)
    if fn in ("sample", "choices"):
        k = kw.get("k", args[1] if fn == "sample" and len(args) > 1 else 1)
        if isinstance(k, int) and not isinstance(k, bool) and k > 0:
            machine._guard_chars(4 * k)     # 16 bytes a result item: no huge lists
            machine._charge_int(k)
    if fn == "getrandbits" and args and isinstance(args[0], int) \
            and not isinstance(args[0], bool):
        machine._check_int_bits(args[0])
        machine._charge_int(args[0] // 32)
    if fn == "seed" and args and isinstance(args[0], int):
        machine._charge_int(_size(args[0]))
    result = machine._call_python(getattr(r, fn), *args, **kw)
    if isinstance(result, int) and not isinstance(result, bool):
        machine._charge_int(_size(result))
    return result


def _arg(machine, raw: Raw, keep: bool):
    """A random function's argument; with keep, a list or tuple keeps its items'
    identity (choice, sample and choices return the script's own objects)."""
    if keep and raw.tag == L.LIST:
        return list(machine._items_of(raw))
    if keep and raw.tag == L.TUPLE:
        return tuple(machine._items_of(raw))
    return decode(machine.st, raw.tag, raw.val, machine.program)
