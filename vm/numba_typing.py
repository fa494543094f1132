"""Two shortcuts in numba's type inference for the VM's compiles; results unchanged.

A cold start types some 400 functions.  A cProfile of it (numba 0.68) showed:

- the typing of a call (`BaseFunction.get_call_type`, e.g. `a[i]` or `x + y`) is not
  remembered: every time a call is typed, numba tries the templates of the
  function in order until one matches (4.6 on average), and type inference types a
  call again on every pass until the types settle.  Of 48,800 such typings in one
  cold start, 45,100 repeated one already made;
- an overload template keys its cache on the compile flags (a `TargetConfig`), whose
  `__hash__` and `__eq__` rebuild a dict of every option (about 40) each time:
  730,000 dicts in one cold start.

`install()` makes both cheap: the typing of a call is memoized per function type,
argument types, keywords and flags (only while Amber compiles: `amber_compiles`, so a
host's own numba code is typed as numba does it), and TargetConfig's hash and
equality compute the same results from the options that are set.  The loop's machine
code is byte-identical with and without (compared after a cold start); cold start
CPU 86.2 -> 76.4 s (measured side by side).
"""

import contextlib

from numba.core import targetconfig
from numba.core.types import functions as _functions

_TargetConfig = targetconfig.TargetConfig
_numba_eq = _TargetConfig.__eq__
_numba_hash = _TargetConfig.__hash__
_numba_get_call_type = _functions.BaseFunction.get_call_type
_class_hashes = {}
_active = [0]       # nesting depth of Amber compiles


def _config_hash(self):
    # numba's: hash(tuple(sorted(self.values()))), the sorted option *names* (a dict
    # iterates over its keys), so one value per class
    cls = type(self)
    h = _class_hashes.get(cls)
    if h is None:
        h = _class_hashes[cls] = hash(tuple(sorted(self.options)))
    return h


def _config_eq(self, other):
    # numba's: self.values() == other.values(), every option with its default filled
    # in; for one class only the options set on either side can differ
    if type(self) is not type(other):
        return _numba_eq(self, other)
    options, mine, theirs = self.options, self._values, other._values
    for name in mine.keys() | theirs.keys():
        default = options[name].default
        if mine.get(name, default) != theirs.get(name, default):
            return False
    return True


def _flags_key(flags):
    """What of the compile flags can change a typing: the options set away from
    their defaults."""
    if flags is None:
        return None
    options = flags.options
    return type(flags), tuple(sorted((name, value) for name, value in flags._values.items()
                                     if value != options[name].default))


def _get_call_type(self, context, args, kws):
    if not _active[0]:
        return _numba_get_call_type(self, context, args, kws)
    try:
        key = (context, tuple(args), tuple(kws.items()) if kws else (),
               _flags_key(targetconfig.ConfigStack.top_or_none()))
        hash(key)
    except TypeError:           # an unhashable argument type or flag: numba's way
        return _numba_get_call_type(self, context, args, kws)
    memo = self.__dict__.get("_amber_typings")
    if memo is None:            # (function types are interned: one memo per function)
        memo = self.__dict__["_amber_typings"] = {}
    sig = memo.get(key)
    if sig is None:             # (a failed typing raises: nothing is remembered)
        sig = memo[key] = _numba_get_call_type(self, context, args, kws)
    return sig


@contextlib.contextmanager
def amber_compiles():
    """Within: calls are typed through the memo."""
    _active[0] += 1
    try:
        yield
    finally:
        _active[0] -= 1


def install():
    """Patch numba (idempotent)."""
    _TargetConfig.__hash__ = _config_hash
    _TargetConfig.__eq__ = _config_eq
    _functions.BaseFunction.get_call_type = _get_call_type
