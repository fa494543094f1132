"""Shortcuts in numba's front end for the VM's compiles; every result unchanged.

A cold start types and lowers some 400 functions.  A cProfile of it (numba 0.68)
showed three costs that do not depend on what is compiled:

- the typing of a call (`BaseFunction.get_call_type`, e.g. `a[i]` or `x + y`) is not
  remembered: every time a call is typed, numba tries the templates of the
  function in order until one matches (4.6 on average), and type inference types a
  call again on every pass until the types settle.  Of 48,800 such typings in one
  cold start, 45,100 repeated one already made;
- an overload template keys its cache on the compile flags (a `TargetConfig`), whose
  `__hash__` and `__eq__` rebuild a dict of every option (about 40) each time:
  730,000 dicts in one cold start;
- the variables of an IR statement (`Inst._rec_list_vars`, behind `list_vars`) are
  found by a recursion that makes a list at every level and tests each value with
  four `isinstance` calls: 10.3 million calls, about 9 per function for every pass
  that recomputes the use-def maps.

`install()` makes them cheap: the typing of a call is memoized per function type,
argument types, keywords and flags (only while Amber compiles: `amber_compiles`, so a
host's own numba code is typed as numba types it); TargetConfig's hash and equality
compute the same results from the options that are set; the variables are collected
in the same order into one list, each value's kind looked up by its class.  The
loop's machine code is byte-identical with and without (objdump of the cached
interp.run).
"""

import contextlib

from numba.core import ir, targetconfig
from numba.core.types import functions as _functions

_TargetConfig = targetconfig.TargetConfig
_numba_eq = _TargetConfig.__eq__
_numba_hash = _TargetConfig.__hash__
_numba_get_call_type = _functions.BaseFunction.get_call_type
_class_hashes = {}
_active = [0]       # nesting depth of Amber compiles
_numba_rec_list_vars = ir.Inst._rec_list_vars


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


_LEAF, _VAR, _INST, _SEQUENCE, _DICT = range(5)
_kinds = {}


def _kind_of(cls):
    # numba's tests, in numba's order
    if issubclass(cls, ir.Var):
        return _VAR
    if issubclass(cls, ir.Inst):
        return _INST
    if issubclass(cls, (list, tuple)):
        return _SEQUENCE
    if issubclass(cls, dict):
        return _DICT
    return _LEAF


def _collect_vars(value, out):
    kind = _kinds.get(value.__class__)
    if kind is None:
        kind = _kinds[value.__class__] = _kind_of(value.__class__)
    if kind == _LEAF:
        return
    if kind == _VAR:
        out.append(value)
    elif kind == _INST:
        out.extend(value.list_vars())       # (an instruction may have its own)
    else:
        for item in (value if kind == _SEQUENCE else value.values()):
            _collect_vars(item, out)


def _rec_list_vars(self, value):
    out = []
    _collect_vars(value, out)
    return out


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
    ir.Inst._rec_list_vars = _rec_list_vars
