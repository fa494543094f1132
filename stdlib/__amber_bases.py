# Builtin types as base classes (class L(list): ...), written in the Amber subset.
#
# An instance of such a class is a script object (INSTANCE) that holds one value of
# the builtin type, its "base value" (read with __amber_base, made with
# __amber_wrap).  When a class names list, tuple, dict, set, frozenset, str, int or
# float among its bases, the compiler imports this module and the VM puts the
# matching class below just before the builtin type in the new class's MRO
# (vm/machine.py _build_class).  Its methods give the instances the behaviour of
# their base value, so everything the VM does with script objects (operators, len,
# iteration, printing, methods looked up by name) works unchanged, and a subclass
# overrides any of them as in CPython.  Each class defines exactly the special
# methods CPython's type defines, so that inheritance between them resolves alike.
# Plain methods (append, upper, keys ...) come from __getattr__, bound to the base
# value.  Results are values of the builtin type, as CPython's (L([1]) + [2] is a
# list).  vm/machine.py calls the prelude's _construct for a call of such a class.


def _attr(self, name):
    base = __amber_base(self)
    if hasattr(base, name):
        return getattr(base, name)
    raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")


def _len(self):
    return len(__amber_base(self))


def _iter(self):
    return iter(__amber_base(self))


def _reversed(self):
    return reversed(__amber_base(self))


def _contains(self, x):
    return x in __amber_base(self)


def _getitem(self, i):
    return __amber_base(self)[i]


def _setitem(self, i, x):
    __amber_base(self)[i] = x


def _delitem(self, i):
    del __amber_base(self)[i]


def _repr(self):
    return repr(__amber_base(self))


def _to_str(self):
    return str(__amber_base(self))


def _format(self, spec):
    if spec == "":
        return str(self)
    return format(__amber_base(self), spec)


def _hash(self):
    return hash(__amber_base(self))


def _eq(self, o):
    return __amber_base(self) == __amber_base(o)


def _ne(self, o):
    return __amber_base(self) != __amber_base(o)


def _lt(self, o):
    return __amber_base(self) < __amber_base(o)


def _le(self, o):
    return __amber_base(self) <= __amber_base(o)


def _gt(self, o):
    return __amber_base(self) > __amber_base(o)


def _ge(self, o):
    return __amber_base(self) >= __amber_base(o)


def _add(self, o):
    return __amber_base(self) + __amber_base(o)


def _radd(self, o):
    return __amber_base(o) + __amber_base(self)


def _sub(self, o):
    return __amber_base(self) - __amber_base(o)


def _rsub(self, o):
    return __amber_base(o) - __amber_base(self)


def _mul(self, o):
    return __amber_base(self) * __amber_base(o)


def _rmul(self, o):
    return __amber_base(o) * __amber_base(self)


def _truediv(self, o):
    return __amber_base(self) / __amber_base(o)


def _rtruediv(self, o):
    return __amber_base(o) / __amber_base(self)


def _floordiv(self, o):
    return __amber_base(self) // __amber_base(o)


def _rfloordiv(self, o):
    return __amber_base(o) // __amber_base(self)


def _mod(self, o):
    return __amber_base(self) % __amber_base(o)


def _rmod(self, o):
    return __amber_base(o) % __amber_base(self)


def _divmod(self, o):
    return divmod(__amber_base(self), __amber_base(o))


def _rdivmod(self, o):
    return divmod(__amber_base(o), __amber_base(self))


def _pow(self, o, m=None):
    if m is None:
        return __amber_base(self) ** __amber_base(o)
    return pow(__amber_base(self), __amber_base(o), __amber_base(m))


def _rpow(self, o):
    return __amber_base(o) ** __amber_base(self)


def _and(self, o):
    return __amber_base(self) & __amber_base(o)


def _rand(self, o):
    return __amber_base(o) & __amber_base(self)


def _or(self, o):
    return __amber_base(self) | __amber_base(o)


def _ror(self, o):
    return __amber_base(o) | __amber_base(self)


def _xor(self, o):
    return __amber_base(self) ^ __amber_base(o)


def _rxor(self, o):
    return __amber_base(o) ^ __amber_base(self)


def _lshift(self, o):
    return __amber_base(self) << __amber_base(o)


def _rlshift(self, o):
    return __amber_base(o) << __amber_base(self)


def _rshift(self, o):
    return __amber_base(self) >> __amber_base(o)


def _rrshift(self, o):
    return __amber_base(o) >> __amber_base(self)


def _neg(self):
    return -__amber_base(self)


def _pos(self):
    return +__amber_base(self)


def _abs(self):
    return abs(__amber_base(self))


def _invert(self):
    return ~__amber_base(self)


def _bool(self):
    return bool(__amber_base(self))


def _to_int(self):
    return int(__amber_base(self))


def _to_float(self):
    return float(__amber_base(self))


def _index(self):
    return __amber_base(self)


def _round(self, n=None):
    if n is None:
        return round(__amber_base(self))
    return round(__amber_base(self), n)


# ---- in place: the base value changes, the instance stays ----------------------

def _list_iadd(self, o):
    __amber_base(self).extend(o)
    return self


def _list_imul(self, n):
    b = __amber_base(self)
    b *= n
    return self


def _dict_ior(self, o):
    __amber_base(self).update(o)
    return self


def _set_iand(self, o):
    b = __amber_base(self)
    b &= __amber_base(o)
    return self


def _set_ior(self, o):
    b = __amber_base(self)
    b |= __amber_base(o)
    return self


def _set_isub(self, o):
    b = __amber_base(self)
    b -= __amber_base(o)
    return self


def _set_ixor(self, o):
    b = __amber_base(self)
    b ^= __amber_base(o)
    return self


# ---- construction ----------------------------------------------------------------

def _at_most_one(name, args, kw, keywords_ok):
    if kw and not keywords_ok:
        raise TypeError(f"{name}() takes no keyword arguments")
    if len(args) > 1:
        raise TypeError(f"{name} expected at most 1 argument, got {len(args)}")


def _list_init(self, *args, **kw):
    _at_most_one("list", args, kw, False)
    b = __amber_base(self)
    b.clear()
    if args:
        b.extend(args[0])


def _dict_init(self, *args, **kw):
    _at_most_one("dict", args, kw, True)
    __amber_base(self).update(*args, **kw)


def _set_init(self, *args, **kw):
    _at_most_one("set", args, kw, False)
    b = __amber_base(self)
    b.clear()
    if args:
        b.update(args[0])


def _dict_getitem(self, k):
    b = __amber_base(self)
    if k in b:
        return b[k]
    missing = getattr(type(self), "__missing__", None)
    if missing is not None:
        return missing(self, k)
    raise KeyError(k)


def _new_list(cls, *args, **kw):
    return __amber_wrap(cls, [])


def _new_dict(cls, *args, **kw):
    return __amber_wrap(cls, {})


def _new_set(cls, *args, **kw):
    return __amber_wrap(cls, set())


def _new_tuple(cls, *args, **kw):
    return __amber_wrap(cls, tuple(*args, **kw))


def _new_frozenset(cls, *args, **kw):
    return __amber_wrap(cls, frozenset(*args, **kw))


def _new_str(cls, *args, **kw):
    return __amber_wrap(cls, str(*args, **kw))


def _new_int(cls, *args, **kw):
    return __amber_wrap(cls, int(*args, **kw))


def _new_float(cls, *args, **kw):
    return __amber_wrap(cls, float(*args, **kw))


# ---- the classes: one per builtin type, the special methods its type has ----------
# (each class gets its own methods in its body and the shared groups below from _give)

_ORDER = (("__eq__", _eq), ("__ne__", _ne), ("__lt__", _lt), ("__le__", _le),
          ("__gt__", _gt), ("__ge__", _ge))
_COLLECTION = (("__getattr__", _attr), ("__contains__", _contains), ("__iter__", _iter),
               ("__len__", _len), ("__repr__", _repr))
_SEQUENCE = (("__add__", _add), ("__getitem__", _getitem), ("__mul__", _mul),
             ("__rmul__", _rmul))
_SET_ALGEBRA = (("__and__", _and), ("__rand__", _rand), ("__or__", _or), ("__ror__", _ror),
                ("__sub__", _sub), ("__rsub__", _rsub), ("__xor__", _xor),
                ("__rxor__", _rxor))
_NUMBER = (("__getattr__", _attr), ("__abs__", _abs), ("__add__", _add), ("__radd__", _radd),
           ("__sub__", _sub), ("__rsub__", _rsub), ("__mul__", _mul), ("__rmul__", _rmul),
           ("__truediv__", _truediv), ("__rtruediv__", _rtruediv),
           ("__floordiv__", _floordiv), ("__rfloordiv__", _rfloordiv), ("__mod__", _mod),
           ("__rmod__", _rmod), ("__divmod__", _divmod), ("__rdivmod__", _rdivmod),
           ("__pow__", _pow), ("__rpow__", _rpow), ("__neg__", _neg), ("__pos__", _pos),
           ("__bool__", _bool), ("__int__", _to_int), ("__float__", _to_float),
           ("__round__", _round), ("__format__", _format), ("__hash__", _hash),
           ("__repr__", _repr))


class _list(name="list"):
    __new__ = staticmethod(_new_list)
    __init__ = _list_init
    __delitem__ = _delitem
    __setitem__ = _setitem
    __hash__ = None
    __iadd__ = _list_iadd
    __imul__ = _list_imul
    __reversed__ = _reversed


class _tuple(name="tuple"):
    __new__ = staticmethod(_new_tuple)
    __hash__ = _hash


class _dict(name="dict"):
    __new__ = staticmethod(_new_dict)
    __init__ = _dict_init
    __delitem__ = _delitem
    __eq__ = _eq
    __ne__ = _ne
    __getitem__ = _dict_getitem
    __setitem__ = _setitem
    __hash__ = None
    __ior__ = _dict_ior
    __or__ = _or
    __ror__ = _ror
    __reversed__ = _reversed

    @classmethod
    def fromkeys(cls, iterable, value=None):
        d = cls()
        for k in iterable:
            d[k] = value
        return d


class _set(name="set"):
    __new__ = staticmethod(_new_set)
    __init__ = _set_init
    __iand__ = _set_iand
    __ior__ = _set_ior
    __isub__ = _set_isub
    __ixor__ = _set_ixor
    __hash__ = None


class _frozenset(name="frozenset"):
    __new__ = staticmethod(_new_frozenset)
    __hash__ = _hash


class _str(name="str"):
    __new__ = staticmethod(_new_str)
    __format__ = _format
    __hash__ = _hash
    __mod__ = _mod
    __rmod__ = _rmod
    __str__ = _to_str


class _float(name="float"):
    __new__ = staticmethod(_new_float)


class _int(name="int"):
    __new__ = staticmethod(_new_int)
    __and__ = _and
    __rand__ = _rand
    __or__ = _or
    __ror__ = _ror
    __xor__ = _xor
    __rxor__ = _rxor
    __lshift__ = _lshift
    __rlshift__ = _rlshift
    __rshift__ = _rshift
    __rrshift__ = _rrshift
    __invert__ = _invert
    __index__ = _index


def _give(cls, *groups):
    for group in groups:
        for name, f in group:
            setattr(cls, name, f)


_give(_list, _COLLECTION, _SEQUENCE, _ORDER)
_give(_tuple, _COLLECTION, _SEQUENCE, _ORDER)
_give(_dict, _COLLECTION)
_give(_set, _COLLECTION, _SET_ALGEBRA, _ORDER)
_give(_frozenset, _COLLECTION, _SET_ALGEBRA, _ORDER)
_give(_str, _COLLECTION, _SEQUENCE, _ORDER)
_give(_float, _NUMBER, _ORDER)
_give(_int, _NUMBER, _ORDER)
