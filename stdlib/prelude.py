# Amber's prelude: the parts of Python's data model that run script code, written in
# the Amber subset itself and compiled into every program (docs/design.md, "The
# prelude").  The VM calls the functions named in vm/layout.py PRELUDE_ENTRIES by
# pushing frames; a function named b_<builtin> replaces that builtin when one of its
# arguments is a script object.  Names here live apart from the script's globals.

NAMES = ("__init__", "__bool__", "__len__", "__iter__", "__next__", "__getitem__",
         "__setitem__", "__delitem__", "__call__", "__getattr__", "__contains__",
         "__hash__", "__eq__")

_MISSING = []
_BINOPS = (("__add__", "__radd__", "__iadd__", "+"), ("__sub__", "__rsub__", "__isub__", "-"),
           ("__mul__", "__rmul__", "__imul__", "*"),
           ("__truediv__", "__rtruediv__", "__itruediv__", "/"),
           ("__floordiv__", "__rfloordiv__", "__ifloordiv__", "//"),
           ("__mod__", "__rmod__", "__imod__", "%"), ("__pow__", "__rpow__", "__ipow__", "**"),
           ("__lshift__", "__rlshift__", "__ilshift__", "<<"),
           ("__rshift__", "__rrshift__", "__irshift__", ">>"),
           ("__and__", "__rand__", "__iand__", "&"), ("__or__", "__ror__", "__ior__", "|"),
           ("__xor__", "__rxor__", "__ixor__", "^"),
           ("__matmul__", "__rmatmul__", "__imatmul__", "@"))
_COMPARES = (("__lt__", "__gt__", "<"), ("__le__", "__ge__", "<="), ("__eq__", "__eq__", "=="),
             ("__ne__", "__ne__", "!="), ("__gt__", "__lt__", ">"), ("__ge__", "__le__", ">="))
_UNARIES = (("__neg__", "-"), ("__pos__", "+"), ("", "not "), ("__invert__", "~"))


def _lookup(x, name):
    """The special method `name` of x's type, as a function called with x first."""
    f = __amber_lookup(type(x), name, _MISSING)
    if f is _MISSING or type(f) is _FUNCTION:
        return f
    if type(f) is staticmethod:
        return _static_adapter(f.__func__)
    if type(f) is classmethod:
        return _class_adapter(f.__func__)
    return f


def _static_adapter(f):
    return lambda self, *args: f(*args)


def _class_adapter(f):
    return lambda self, *args: f(type(self), *args)


_FUNCTION = type(_lookup)


def _name(x):
    return type(x).__name__


def binop(a, b, op):
    names = _BINOPS[op & 15]
    if op & 16:
        f = _lookup(a, names[2])
        if f is not _MISSING:
            r = f(a, b)
            if r is not NotImplemented:
                return r
    ta = type(a)
    tb = type(b)
    fa = _lookup(a, names[0])
    fb = _MISSING
    if tb is not ta:
        fb = _lookup(b, names[1])
        if fb is not _MISSING and issubclass(tb, ta) and fb is not _lookup(a, names[1]):
            r = fb(b, a)
            if r is not NotImplemented:
                return r
            fb = _MISSING
    if fa is not _MISSING:
        r = fa(a, b)
        if r is not NotImplemented:
            return r
    if fb is not _MISSING:
        r = fb(b, a)
        if r is not NotImplemented:
            return r
    ua = __amber_base(a)
    ub = __amber_base(b)
    if (ua is not a or ub is not b) and __amber_userclass(ua) is None \
            and __amber_userclass(ub) is None:
        return _native_binop(ua, ub, op)    # (a builtin type's operator takes its subclasses)
    if op & 15 == 5 and ta is str:
        return _percent(a, b)
    sym = names[3] + ("=" if op & 16 else "")
    if op & 15 == 6:
        raise TypeError("unsupported operand type(s) for " + sym + " or pow(): '"
                        + ta.__name__ + "' and '" + tb.__name__ + "'")
    raise TypeError("unsupported operand type(s) for " + sym + ": '" + ta.__name__
                    + "' and '" + tb.__name__ + "'")


def _native_binop(a, b, op):
    """The operator `op` (BINARY_OP's argument) on two values of builtin types."""
    k = op & 15
    if op & 16:
        if k == 0:
            a += b
        elif k == 1:
            a -= b
        elif k == 2:
            a *= b
        elif k == 9:
            a &= b
        elif k == 10:
            a |= b
        elif k == 11:
            a ^= b
        else:
            return _native_binop(a, b, k)
        return a
    if k == 0:
        return a + b
    if k == 1:
        return a - b
    if k == 2:
        return a * b
    if k == 3:
        return a / b
    if k == 4:
        return a // b
    if k == 5:
        return a % b
    if k == 6:
        return a ** b
    if k == 7:
        return a << b
    if k == 8:
        return a >> b
    if k == 9:
        return a & b
    if k == 10:
        return a | b
    if k == 11:
        return a ^ b
    raise TypeError("unsupported operand type(s) for @: '" + _name(a) + "' and '"
                    + _name(b) + "'")


def compare(a, b, op):
    if op >= 6:
        r = contains(b, a)
        return not r if op == 7 else r
    if __amber_userclass(a) is None and __amber_userclass(b) is None:
        return _compare_items(a, b, op)
    names = _COMPARES[op]
    ta = type(a)
    tb = type(b)
    g = _lookup(b, names[1])
    if tb is not ta:
        if g is not _MISSING and issubclass(tb, ta):
            r = g(b, a)
            if r is not NotImplemented:
                return r
            g = _MISSING
    f = _lookup(a, names[0])
    if f is not _MISSING:
        r = f(a, b)
        if r is not NotImplemented:
            return r
    elif op == 3:
        e = _lookup(a, "__eq__")
        if e is not _MISSING:
            r = e(a, b)
            if r is not NotImplemented:
                return not r
    if g is not _MISSING:
        r = g(b, a)
        if r is not NotImplemented:
            return r
    elif op == 3 and tb is not ta:
        e = _lookup(b, "__eq__")      # object.__ne__ inverts __eq__
        if e is not _MISSING:
            r = e(b, a)
            if r is not NotImplemented:
                return not r
    if op == 2:
        return a is b
    if op == 3:
        return a is not b
    raise TypeError("'" + names[2] + "' not supported between instances of '" + ta.__name__
                    + "' and '" + tb.__name__ + "'")


# Keys with a script __hash__/__eq__ (docs/design.md): the VM hands dict and set
# instructions meeting one to these functions, which cache the key's hash in it
# (_prime), find the stored key equal to it with == (_canon), then do the same
# operation on that key, which the VM does itself here.

def _prime(k):
    if type(k) is tuple:
        for x in k:
            _prime(x)
        return
    if __amber_userclass(k) is None:
        return
    f = _lookup(k, "__hash__")
    if f is None:
        raise TypeError("unhashable type: '" + _name(k) + "'")
    if f is _MISSING:
        __amber_set_hash(k, id(k))
        return
    __amber_set_hash(k, _hash_result(f(k)))


def _find(c, k):
    """The key stored in dict or set c that equals k, or _MISSING."""
    _prime(k)
    for y in __amber_same_hash(c, k):
        if y is k or y == k:
            return y
    return _MISSING


def _canon(c, k):
    y = _find(c, k)
    return k if y is _MISSING else y


def _present(c, k):
    """The stored key equal to k; KeyError (raised here: the VM's own would need
    the key's repr, script code) when there is none."""
    y = _find(c, k)
    if y is _MISSING:
        raise KeyError(k)
    return y


def _getitem(c, k):
    return c[_present(c, k)]


def _setitem(c, k, v):
    c[_canon(c, k)] = v


def _delitem(c, k):
    del c[_present(c, k)]


def _set_add(s, x):
    s.add(_canon(s, x))


def _set_remove(s, x):
    s.remove(_present(s, x))


def _set_discard(s, x):
    s.discard(_canon(s, x))


def _dict_get(d, k, default=None):
    return d.get(_canon(d, k), default)


def _dict_pop(d, k, *default):
    if default:
        return d.pop(_canon(d, k), *default)
    return d.pop(_present(d, k))


def _dict_setdefault(d, k, default=None):
    return d.setdefault(_canon(d, k), default)


def _build_set(items):
    s = set()
    for x in items:
        _set_add(s, x)
    return s


def _build_map(flat):
    d = {}
    i = 0
    while i < len(flat):
        _setitem(d, flat[i], flat[i + 1])
        i += 2
    return d


def _same(x, y):
    return x is y or x == y


def _compare_items(a, b, op):
    """a op b for builtin containers whose items include objects with a script
    __eq__ (the VM compares the others itself)."""
    ta = type(a)
    if (ta is list or ta is tuple) and type(b) is ta:
        n = len(a) if len(a) < len(b) else len(b)
        i = 0
        while i < n and _same(a[i], b[i]):
            i += 1
        if op == 2 or op == 3:
            r = i == n and len(a) == len(b)
            return r if op == 2 else not r
        if i < n:
            return _ORDERS[op](a[i], b[i])
        return _ORDERS[op](len(a), len(b))
    if ta is dict and type(b) is dict and (op == 2 or op == 3):
        r = len(a) == len(b)
        if r:
            for k in a:
                v = b.get(k, _MISSING)
                if v is _MISSING or not _same(a[k], v):
                    r = False
                    break
        return r if op == 2 else not r
    return _ORDERS[op](a, b)


_ORDERS = (lambda x, y: x < y, lambda x, y: x <= y, lambda x, y: x == y,
           lambda x, y: x != y, lambda x, y: x > y, lambda x, y: x >= y)


def _span(s, start, stop):
    n = len(s)
    if start < 0:
        start = start + n if start + n > 0 else 0
    if stop > n:
        stop = n
    elif stop < 0:
        stop = stop + n if stop + n > 0 else 0
    return start, stop


def _seq_find(s, x, start, stop):
    i, stop = _span(s, start, stop)
    while i < stop:
        if _same(s[i], x):
            return i
        i += 1
    return -1


def _list_index(s, x, start=0, stop=9223372036854775807):
    i = _seq_find(s, x, start, stop)
    if i < 0:
        raise ValueError(b_repr(x) + " is not in list")
    return i


def _tuple_index(s, x, start=0, stop=9223372036854775807):
    i = _seq_find(s, x, start, stop)
    if i < 0:
        raise ValueError("tuple.index(x): x not in tuple")
    return i


def _seq_count(s, x):
    n = 0
    for y in s:
        if _same(y, x):
            n += 1
    return n


def _list_remove(s, x):
    for i in range(len(s)):
        if _same(s[i], x):
            del s[i]
            return
    raise ValueError("list.remove(x): x not in list")


def contains(c, x):
    tc = type(c)
    if tc is dict or tc is set or tc is frozenset:
        return _find(c, x) is not _MISSING
    f = _lookup(c, "__contains__")
    if f is not _MISSING:
        return truth(f(c, x))
    if __amber_userclass(c) is not None and _lookup(c, "__iter__") is _MISSING \
            and _lookup(c, "__getitem__") is _MISSING:
        raise TypeError("argument of type '" + _name(c) + "' is not iterable")
    for y in c:
        if y is x or y == x:
            return True
    return False


def truth(x):
    if __amber_userclass(x) is None:
        return bool(x)
    f = _lookup(x, "__bool__")
    if f is not _MISSING:
        r = f(x)
        if type(r) is not bool:
            raise TypeError("__bool__ should return bool, returned " + _name(r))
        return r
    f = _lookup(x, "__len__")
    if f is not _MISSING:
        return b_len(x) != 0
    return True


def unary(x, op):
    if op == 2:
        return not truth(x)
    names = _UNARIES[op]
    f = _lookup(x, names[0])
    if f is _MISSING:
        raise TypeError("bad operand type for unary " + names[1] + ": '" + _name(x) + "'")
    return f(x)


def format_value(x, flags, spec):
    conv = flags & 3
    if conv == 1:
        x = b_str(x)
    elif conv == 2 or conv == 3:
        x = b_repr(x)
    return b_format(x, spec)


def call_ex(f, args, kwargs):
    return f(*args, **kwargs)


def iter_(x):
    return b_iter(x)


def next_(x):
    return b_next(x)


def b_len(x):
    f = _lookup(x, "__len__")
    if f is _MISSING:
        raise TypeError("object of type '" + _name(x) + "' has no len()")
    n = f(x)
    if type(n) is not int and type(n) is not bool:
        raise TypeError("'" + _name(n) + "' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError("__len__() should return >= 0")
    return int(n)


def b_str(x=""):
    if __amber_userclass(x) is None:
        t = type(x)
        if t is object:
            return __amber_repr_default(x)
        if t is method or t is super:
            return b_repr(x)
        return _container_repr(x, False)
    f = _lookup(x, "__str__")
    if f is _MISSING:
        if isinstance(x, BaseException) and _lookup(x, "__repr__") is _MISSING:
            return _exc_text(x, False)
        return b_repr(x)
    r = f(x)
    if type(r) is not str:
        raise TypeError("__str__ returned non-string (type " + _name(r) + ")")
    return r


def b_repr(x):
    if __amber_userclass(x) is None:
        t = type(x)
        if t is object:
            return __amber_repr_default(x)
        if t is method:
            return "<bound method " + x.__func__.__qualname__ + " of " + b_repr(x.__self__) + ">"
        if t is super:
            o = x.__self__
            name = o.__name__ if isinstance(o, type) else _name(o)
            return "<super: <class '" + x.__thisclass__.__name__ + "'>, <" + name + " object>>"
        return _container_repr(x, True)
    f = _lookup(x, "__repr__")
    if f is _MISSING:
        if isinstance(x, BaseException):
            return _exc_text(x, True)
        return __amber_repr_default(x)
    r = f(x)
    if type(r) is not str:
        raise TypeError("__repr__ returned non-string (type " + _name(r) + ")")
    return r


_active = []


def _container_repr(x, as_repr):
    t = type(x)
    if t is list or t is tuple or t is dict or t is set or t is frozenset:
        for y in _active:
            if y is x:
                return "[...]" if t is list else ("{...}" if t is dict else "(...)")
        _active.append(x)
        try:
            if t is dict:
                parts = [b_repr(k) + ": " + b_repr(v) for k, v in x.items()]
                return "{" + ", ".join(parts) + "}"
            parts = [b_repr(y) for y in x]
            if t is list:
                return "[" + ", ".join(parts) + "]"
            if t is tuple:
                if len(parts) == 1:
                    return "(" + parts[0] + ",)"
                return "(" + ", ".join(parts) + ")"
            if len(parts) == 0:
                return t.__name__ + "()"
            if t is set:
                return "{" + ", ".join(parts) + "}"
            return "frozenset({" + ", ".join(parts) + "})"
        finally:
            _active.pop()
    if isinstance(x, BaseException):     # (its args may hold objects)
        return _exc_text(x, as_repr)
    if as_repr:
        return repr(x)
    return str(x)


def _exc_text(x, as_repr):
    """str() or repr() of an exception, from its args, as BaseException's."""
    a = x.args
    if as_repr:
        if len(a) == 1:
            return _name(x) + "(" + b_repr(a[0]) + ")"
        return _name(x) + b_repr(a)
    if len(a) == 0:
        return ""
    if len(a) == 1:
        return b_repr(a[0]) if isinstance(x, KeyError) else b_str(a[0])
    return b_repr(a)


def b_print(*args, sep=" ", end="\n", flush=False):
    print(*[b_str(a) for a in args], sep=sep, end=end)


def b_format(x, spec=""):
    if __amber_userclass(x) is None:
        return format(x, spec)
    f = _lookup(x, "__format__")
    if f is not _MISSING:
        return f(x, spec)
    if spec != "":
        raise TypeError("unsupported format string passed to " + _name(x) + ".__format__")
    return b_str(x)


def b_hash(x):
    f = _lookup(x, "__hash__")
    if f is _MISSING:
        return hash(x)
    if f is None:
        raise TypeError("unhashable type: '" + _name(x) + "'")
    return _hash_result(f(x))


def _hash_result(h):
    """hash(obj) from what obj.__hash__() returned, as CPython makes it."""
    if type(h) is not int and type(h) is not bool:
        raise TypeError("__hash__ method should return an integer")
    if -9223372036854775808 <= h <= 9223372036854775807:
        return -2 if h == -1 else int(h)
    return hash(h)


def b_iter(x, *sentinel):
    f = _lookup(x, "__iter__")
    if f is _MISSING:
        if _lookup(x, "__getitem__") is not _MISSING:
            return _seq_iter(x)
        raise TypeError("'" + _name(x) + "' object is not iterable")
    r = f(x)
    if __amber_userclass(r) is None:
        return iter(r)
    if _lookup(r, "__next__") is _MISSING:
        raise TypeError("iter() returned non-iterator of type '" + _name(r) + "'")
    return r


def _seq_iter(x):
    # the old sequence protocol: x[0], x[1], ... until IndexError (or StopIteration)
    i = 0
    while True:
        try:
            y = x[i]
        except (IndexError, StopIteration):
            return
        yield y
        i += 1


def b_next(x, *default):
    f = _lookup(x, "__next__")
    if f is _MISSING:
        raise TypeError("'" + _name(x) + "' object is not an iterator")
    if default:
        try:
            return f(x)
        except StopIteration:
            return default[0]
    return f(x)


def _items(x):
    return [y for y in x]


def b_list(x=()):
    return _items(x)


def b_tuple(x=()):
    return tuple(_items(x))


def b_set(x=()):
    items = _items(x)
    try:
        return set(items)
    except TypeError:       # (items with a script __hash__, or a real error)
        return _build_set(items)


def b_frozenset(x=()):
    return frozenset(b_set(x))


def b_sorted(x, key=None, reverse=False):
    items = _items(x)
    _sort(items, key, reverse)
    return items


def b___amber_list_sort(lst, *args, key=None, reverse=False):
    if args:
        raise TypeError("sort() takes no positional arguments")
    _sort(lst, key, reverse)


def _math_args(f, *args):
    """A math function called with objects of script classes: converts them with
    __float__ (or __index__) as CPython's math module does, then calls it."""
    real = []
    for x in args:
        if __amber_userclass(x) is not None:
            if _lookup(x, "__float__") is not _MISSING:
                x = b_float(x)
            elif _lookup(x, "__index__") is not _MISSING:
                x = _lookup(x, "__index__")(x)
            else:
                raise TypeError("must be real number, not " + _name(x))
        real.append(x)
    return f(*real)


def _construct(cls, args, kw):
    """cls(*args, **kw) for a class with a script __new__ or a builtin base, as
    type.__call__: __new__, then __init__ if __new__ made an instance of cls."""
    obj = cls.__new__(cls, *args, **kw)
    if isinstance(obj, cls):
        init = getattr(type(obj), "__init__", None)     # (immutable types have none)
        if init is not None:
            result = init(obj, *args, **kw)
            if result is not None:
                raise TypeError("__init__() should return None, not '" + _name(result) + "'")
    return obj


def _raise_from(exc, cause):
    """The exception `raise exc from cause` raises: exc (made from its class if it is
    one), with __cause__ set to cause (made likewise) and __suppress_context__."""
    if isinstance(exc, type) and issubclass(exc, BaseException):
        exc = exc()
    if not isinstance(exc, BaseException):
        raise TypeError("exceptions must derive from BaseException")
    if isinstance(cause, type) and issubclass(cause, BaseException):
        cause = cause()
    elif cause is not None and not isinstance(cause, BaseException):
        raise TypeError("exception causes must derive from BaseException")
    exc.__cause__ = cause
    exc.__suppress_context__ = True
    return exc


def _raise_class(cls):
    """The exception `raise cls` raises, for a class with a script __new__."""
    e = cls()
    if not isinstance(e, BaseException):
        raise TypeError("calling " + b_repr(cls) + " should have returned an instance of "
                        "BaseException, not " + b_repr(type(e)))
    return e


def _throw_class(g, typ, value=None, tb=None):
    """g.throw(typ[, value]) for a script exception class: the exception made as
    CPython makes it (typ(), typ(*value) for a tuple, typ(value)), then thrown."""
    if value is None:
        e = typ()
    elif type(value) is tuple:
        e = typ(*value)
    else:
        e = typ(value)
    if not isinstance(e, BaseException):
        raise TypeError("calling " + b_repr(typ) + " should have returned an instance of "
                        "BaseException, not " + _name(e))
    return g.throw(e)


def _desc_get(desc, obj, owner, name):
    """Reading attribute `name` that class `owner` holds as descriptor desc, through
    obj (None when read from the class): the descriptor protocol."""
    data = _lookup(desc, "__set__") is not _MISSING or _lookup(desc, "__delete__") is not _MISSING
    if obj is not None and not data:
        d = obj.__dict__                # a non-data descriptor: the instance's own wins
        if name in d:
            return d[name]
    f = _lookup(desc, "__get__")
    if f is _MISSING:
        if obj is not None and name in obj.__dict__:
            return obj.__dict__[name]
        return desc
    return f(desc, obj, owner)


def _desc_set(desc, obj, name, value):
    f = _lookup(desc, "__set__")
    if f is _MISSING:
        if _lookup(desc, "__delete__") is not _MISSING:
            raise AttributeError("__set__")
        obj.__dict__[name] = value      # a non-data descriptor: set on the instance
    else:
        f(desc, obj, value)


def _desc_delete(desc, obj, name):
    f = _lookup(desc, "__delete__")
    if f is not _MISSING:
        f(desc, obj)
    elif _lookup(desc, "__set__") is not _MISSING:
        raise AttributeError("__delete__")
    elif name in obj.__dict__:
        del obj.__dict__[name]
    else:
        raise AttributeError("'" + _name(obj) + "' object has no attribute '" + name + "'")


def _set_names(cls):
    """type() calls __set_name__ of the class body's values that define it."""
    for name, value in list(cls.__dict__.items()):
        f = _lookup(value, "__set_name__")
        if f is not _MISSING:
            f(value, cls, name)
    return cls


def _type3(name, bases, ns):
    """type(name, bases, mapping) for a mapping that is not a dict."""
    return type(name, bases, b_dict(ns))


def _object_init(self, *args, **kw):
    """object.__init__: nothing to do."""
    return None


def b___amber_dict_fromkeys(iterable, value=None):
    d = {}
    for k in iterable:
        d[k] = value
    return d


def _plain(keys):
    for k in keys:
        t = type(k)
        if t is not int and t is not float and t is not str:
            return False
    return True


def _sort(items, key, reverse):
    keys = items if key is None else [key(y) for y in items]
    n = len(items)
    if _plain(keys):
        # keys the VM compares itself: sort (key, position) pairs natively (stable:
        # the position breaks ties, negated when reversed)
        sign = -1 if reverse else 1
        pairs = [(keys[i], sign * i) for i in range(n)]
        pairs.sort(reverse=reverse)
        copy = items[:]
        for j in range(n):
            items[j] = copy[sign * pairs[j][1]]
        return
    # a stable merge sort on (key, item) pairs, using < only (as list.sort does)
    order = list(range(n))
    width = 1
    while width < n:
        merged = []
        lo = 0
        while lo < n:
            mid = min(lo + width, n)
            hi = min(lo + 2 * width, n)
            i = lo
            j = mid
            while i < mid and j < hi:
                a = order[i]
                b = order[j]
                if (keys[a] < keys[b]) if reverse else not (keys[b] < keys[a]):
                    if reverse and not (keys[a] < keys[b]) and not (keys[b] < keys[a]):
                        merged.append(a)
                        i += 1
                    elif reverse:
                        merged.append(b)
                        j += 1
                    else:
                        merged.append(a)
                        i += 1
                else:
                    if reverse:
                        merged.append(a)
                        i += 1
                    else:
                        merged.append(b)
                        j += 1
            while i < mid:
                merged.append(order[i])
                i += 1
            while j < hi:
                merged.append(order[j])
                j += 1
            lo = hi
        order = merged
        width *= 2
    copy = items[:]
    for i in range(n):
        items[i] = copy[order[i]]


def _extreme(args, key, default, want_max, what):
    if len(args) == 1:
        items = _items(args[0])
    else:
        items = list(args)
    if not items:
        if default is not _MISSING:
            return default
        raise ValueError(what + "() arg is an empty sequence")
    best = items[0]
    bk = best if key is None else key(best)
    for y in items[1:]:
        k = y if key is None else key(y)
        if (bk < k) if want_max else (k < bk):
            best = y
            bk = k
    return best


def b_min(*args, key=None, default=_MISSING):
    return _extreme(args, key, default, False, "min")


def b_max(*args, key=None, default=_MISSING):
    return _extreme(args, key, default, True, "max")


def b_sum(x, start=0):
    total = start
    for y in x:
        total = total + y
    return total


def b_any(x):
    for y in x:
        if y:
            return True
    return False


def b_all(x):
    for y in x:
        if not y:
            return False
    return True


def _iter(x):
    if __amber_userclass(x) is not None:
        return b_iter(x)
    return iter(x)


def b_enumerate(x, start=0):
    # lazy, as CPython's: the argument may be an endless generator
    return _enumerate(_iter(x), start)


def _enumerate(it, n):
    for y in it:
        yield (n, y)
        n += 1


def b_zip(*xs):
    return _zip([_iter(x) for x in xs])


def _zip(its):
    if not its:
        return
    while True:
        row = []
        for it in its:
            for y in it:
                row.append(y)
                break
            else:
                return
        yield tuple(row)


def b_reversed(x):
    f = _lookup(x, "__reversed__")
    if f is not _MISSING:
        return f(x)
    n = b_len(x)
    return iter([x[i] for i in range(n - 1, -1, -1)])


def b_bool(x=False):
    return truth(x)


def b_abs(x):
    f = _lookup(x, "__abs__")
    if f is _MISSING:
        raise TypeError("bad operand type for abs(): '" + _name(x) + "'")
    return f(x)


def b_int(x=0, *base):
    for name in ("__int__", "__index__", "__trunc__"):
        f = _lookup(x, name)
        if f is not _MISSING:
            r = f(x)
            if type(r) is not int and type(r) is not bool:
                raise TypeError(_name(x) + "." + name + " returned non-int (type " + _name(r)
                                + ")")
            return r
    b = __amber_base(x)
    if b is not x:          # a subclass of str: its text
        return int(b, *base)
    raise TypeError("int() argument must be a string, a bytes-like object or a real number, "
                    "not '" + _name(x) + "'")


def b_float(x=0.0):
    f = _lookup(x, "__float__")
    if f is not _MISSING:
        r = f(x)
        if type(r) is not float:
            raise TypeError(_name(x) + ".__float__ returned non-float (type " + _name(r) + ")")
        return r
    f = _lookup(x, "__index__")
    if f is not _MISSING:
        return float(f(x))
    b = __amber_base(x)
    if b is not x:
        return float(b)
    raise TypeError("float() argument must be a string or a real number, not '"
                    + _name(x) + "'")


def b_round(x, *nd):
    f = _lookup(x, "__round__")
    if f is _MISSING:
        raise TypeError("type " + _name(x) + " doesn't define __round__ method")
    return f(x, *nd)


def b_dict(*args, **kw):
    d = {}
    if args:
        src = args[0]
        base = __amber_base(src)
        if type(base) is dict:      # a subclass of dict: its items (as CPython's dict())
            for k in base:
                d[k] = base[k]
        elif __amber_userclass(src) is not None and _lookup(src, "keys") is not _MISSING:
            for k in src.keys():
                d[k] = src[k]
        else:
            for k, v in src:
                d[k] = v
    for k in kw:
        d[k] = kw[k]
    return d


def b_divmod(a, b):
    return (a // b, a % b)


def b_pow(a, b, *m):
    if m:
        f = _lookup(a, "__pow__")
        if f is _MISSING:
            raise TypeError("unsupported operand type(s) for pow(): '" + _name(a) + "', '"
                            + _name(b) + "', '" + _name(m[0]) + "'")
        return f(a, b, m[0])
    return a ** b


def b_map(f, *its):
    if not its:
        raise TypeError("map() must have at least two arguments.")
    return _map(f, [_iter(x) for x in its])


def _map(f, its):
    # a StopIteration out of f ends the map, as it ends CPython's (a C iterator)
    if len(its) == 1:
        for x in its[0]:
            try:
                y = f(x)
            except StopIteration as e:
                return e.value
            yield y
        return
    while True:
        args = []
        for it in its:
            for y in it:
                args.append(y)
                break
            else:
                return
        try:
            y = f(*args)
        except StopIteration as e:
            return e.value
        yield y


def b_filter(f, x):
    return _filter(f, _iter(x))


def _filter(f, it):
    if f is None:
        for y in it:
            if y:
                yield y
    else:
        for y in it:
            if f(y):
                yield y


def b___amber_yield_from(it):
    # `yield from it` for an iterator of a script class (PEP 380's expansion): the VM
    # puts this generator in its place, so send/throw/close reach it like CPython's
    try:
        y = b_next(it)
    except StopIteration as e:
        return e.value
    while True:
        try:
            s = yield y
        except GeneratorExit:
            m = _lookup(it, "close")
            if m is not _MISSING:
                m(it)
            raise
        except BaseException as e:
            m = _lookup(it, "throw")
            if m is _MISSING:
                raise
            try:
                y = m(it, e)
            except StopIteration as e2:
                return e2.value
        else:
            if type(s) is tuple and len(s) == 2 and s[0] is _RAW_THROW:
                m = _lookup(it, "throw")        # g.throw(*args) as given (_throw_raw)
                if m is _MISSING:
                    raise _thrown(s[1])
                try:
                    y = m(it, *s[1])
                except StopIteration as e:
                    return e.value
                continue
            try:
                if s is None:
                    y = b_next(it)
                else:
                    y = getattr(it, "send")(s)
            except StopIteration as e:
                return e.value


_RAW_THROW = []


def _gen_method_ex(g, name, args):
    """g.send(*args), g.throw(*args) or g.close(*args): the generator method called
    with the items of args (a call with * reaches the prelude)."""
    n = len(args)
    if name == "close" and n == 0:
        return g.close()
    if name == "send" and n == 1:
        return g.send(args[0])
    if name == "throw" and 1 <= n <= 3:
        if n == 1:
            return g.throw(args[0])
        if n == 2:
            return g.throw(args[0], args[1])
        return g.throw(args[0], args[1], args[2])
    if name == "close":
        raise TypeError("generator.close() takes no arguments (" + str(n) + " given)")
    if name == "send":
        raise TypeError("generator.send() takes exactly one argument (" + str(n) + " given)")
    raise TypeError("throw expected at least 1 argument, got " + str(n) if n == 0 else
                    "throw expected at most 3 arguments, got " + str(n))


def _throw_raw(g, args):
    """g.throw(*args) when the innermost `yield from` of g's chain is over an iterator
    of a script class: CPython gives that iterator's throw() the arguments as they
    are (123, a class), so they travel down the chain as a marked send."""
    return g.send((_RAW_THROW, args))


def _thrown(args):
    """The exception g.throw(*args) raises where nothing takes the arguments as given."""
    typ = args[0]
    if isinstance(typ, BaseException):
        return typ
    if isinstance(typ, type) and issubclass(typ, BaseException):
        if len(args) < 2 or args[1] is None:
            return typ()
        if type(args[1]) is tuple:
            return typ(*args[1])
        return typ(args[1])
    raise TypeError("exceptions must be classes or instances deriving from "
                    "BaseException, not " + _name(typ))


def _percent(fmt, args):
    # str % args when an argument is a script object: each conversion is applied
    # here (str/repr/int/float of the object), the formatting itself by str % value
    mapping = None
    items = [args]
    if type(args) is tuple:
        items = list(args)
    elif type(args) is dict or (__amber_userclass(args) is not None
                                and _lookup(args, "__getitem__") is not _MISSING):
        mapping = args      # (a plain %s still formats the mapping itself)
    out = []
    i = 0
    k = 0
    n = len(fmt)
    while i < n:
        j = fmt.find("%", i)
        if j < 0:
            out.append(fmt[i:])
            break
        out.append(fmt[i:j])
        j += 1
        key = None
        if j < n and fmt[j] == "(":
            e = fmt.find(")", j)
            if e < 0:
                raise ValueError("incomplete format key")
            key = fmt[j + 1:e]
            j = e + 1
        spec = "%"
        while j < n and fmt[j] in "#0- +*.0123456789":
            if fmt[j] == "*":
                if k >= len(items):
                    raise TypeError("not enough arguments for format string")
                w = items[k]
                spec += str(w if __amber_userclass(w) is None else b_int(w))
                k += 1
            else:
                spec += fmt[j]
            j += 1
        if j >= n:
            raise ValueError("incomplete format")
        conv = fmt[j]
        i = j + 1
        if conv == "%":
            out.append("%")
            continue
        if key is not None:
            if mapping is None:
                raise TypeError("format requires a mapping")
            v = mapping[key]
        else:
            if k >= len(items):
                raise TypeError("not enough arguments for format string")
            v = items[k]
            k += 1
        if conv == "s":
            v = b_str(v)
        elif conv == "r" or conv == "a":
            v = b_repr(v)
            conv = "s"
        elif __amber_userclass(v) is not None:
            if conv in "diu":
                if _lookup(v, "__int__") is _MISSING and _lookup(v, "__index__") is _MISSING:
                    raise TypeError("%" + conv + " format: a real number is required, not "
                                    + _name(v))
                v = b_int(v)
            elif conv in "oxXc":
                f = _lookup(v, "__index__")
                if f is _MISSING:
                    raise TypeError("%" + conv + " format: an integer is required, not "
                                    + _name(v))
                v = f(v)
            elif conv in "eEfFgG":
                v = b_float(v)
        out.append((spec + conv) % (v,))
    if mapping is None and k < len(items):
        raise TypeError("not all arguments converted during string formatting")
    return "".join(out)
