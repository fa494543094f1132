"""`njit` for the VM's numba code: explicit signatures, compiled on first use.

numba's `njit(signature)` compiles (or loads from the cache) at decoration time, so
importing the VM loaded every signed helper from numba's cache, each with a copy of
all the code it calls: about 0.6 s of a 1.4 s warm start, for functions that a run
mostly never calls from Python (the interpreter's cached machine code already holds
everything it calls).  This `njit` keeps the signature (so numba still compiles one
specialization, not one per argument-type mix at the call sites: `fail()` had been
compiled 59 times) but compiles it when the function is first needed: when numba
types a call to it inside another function, or when Python first calls it.
"""

from numba.core import typeinfer
from numba.core.registry import CPUDispatcher

__all__ = ["njit"]


class LazyDispatcher(CPUDispatcher):
    """A dispatcher that compiles its declared signatures on first use, then (as
    `njit(signature)` does) refuses to compile any other specialization."""

    _declared: tuple = ()

    def _compile_declared(self):
        sigs, self._declared = self._declared, ()
        if sigs:
            with typeinfer.register_dispatcher(self):
                for s in sigs:
                    self.compile(s)
            self.disable_compile()

    def get_call_template(self, args, kws):        # a call typed inside numba code
        if self._declared:
            self._compile_declared()
        return super().get_call_template(args, kws)

    def _compile_for_args(self, *args, **kws):     # the first call from Python
        if self._declared:
            self._compile_declared()
            return self                            # the C dispatcher calls it again
        return super()._compile_for_args(*args, **kws)


def njit(*args, **options):
    """numba.njit with lazy explicit signatures: `@njit(sig, cache=..., inline=...)`
    or `@njit(cache=...)` (no signature: numba's own lazy specialization)."""
    sigs = ()
    if args and not callable(args[0]):
        sigs = tuple(args[0]) if isinstance(args[0], (list, tuple)) else (args[0],)
        args = args[1:]
    if args:
        raise TypeError("njit: use @njit(...) with keyword options")
    cache = options.pop("cache", False)
    options.setdefault("nopython", True)
    options.setdefault("boundscheck", None)

    def wrap(func):
        disp = LazyDispatcher(py_func=func, locals={}, targetoptions=options)
        if cache:
            disp.enable_caching()
        disp._declared = sigs
        return disp
    return wrap
