# Amber's collections module, written in the Amber subset (compiled into the programs
# that import it; docs/design.md "Modules").  deque, defaultdict, Counter, OrderedDict
# and namedtuple follow CPython 3.11's behaviour and output.  namedtuple makes
# subclasses of tuple; the others are classes with the container dunder methods, not
# subclasses of dict (docs/language.md lists the differences: isinstance(d, dict) is
# False, ...).

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'UserDict', 'UserList',
           'UserString', 'defaultdict', 'deque', 'namedtuple']

_MISSING = []
_KEYWORDS = frozenset(["False", "None", "True", "and", "as", "assert", "async", "await",
                       "break", "class", "continue", "def", "del", "elif", "else",
                       "except", "finally", "for", "from", "global", "if", "import",
                       "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
                       "return", "try", "while", "with", "yield"])


def _is_mapping(x):
    return isinstance(x, dict) or isinstance(x, _DictBase)


# ---------------------------------------------------------------------------
# deque: a list with a moving head (popleft and appendleft are O(1) amortized)
# ---------------------------------------------------------------------------

class deque:
    """deque([iterable[, maxlen]]) --> deque object"""

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if type(maxlen) is not int and type(maxlen) is not bool:
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._items = []
        self._head = 0
        self._maxlen = maxlen
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def _live(self):
        if self._head:
            return self._items[self._head:]
        return self._items[:]

    def _compact(self):
        if self._head > 16 and self._head * 2 > len(self._items):
            del self._items[:self._head]
            self._head = 0

    def append(self, x):
        if self._maxlen is not None and len(self._items) - self._head >= self._maxlen:
            if self._maxlen == 0:
                return
            self._items.append(x)
            self._items[self._head] = None
            self._head += 1
            self._compact()
            return
        self._items.append(x)

    def appendleft(self, x):
        if self._maxlen is not None and len(self._items) - self._head >= self._maxlen:
            if self._maxlen == 0:
                return
            self._items.pop()
        if self._head == 0:
            n = len(self._items) + 8
            self._items[0:0] = [None] * n
            self._head = n
        self._head -= 1
        self._items[self._head] = x

    def pop(self):
        if len(self._items) == self._head:
            raise IndexError("pop from an empty deque")
        x = self._items.pop()
        if len(self._items) == self._head:
            self._items.clear()
            self._head = 0
        return x

    def popleft(self):
        if len(self._items) == self._head:
            raise IndexError("pop from an empty deque")
        x = self._items[self._head]
        self._items[self._head] = None
        self._head += 1
        if len(self._items) == self._head:
            self._items.clear()
            self._head = 0
        else:
            self._compact()
        return x

    def extend(self, iterable):
        if iterable is self:
            iterable = self._live()
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = self._live()
        for x in iterable:
            self.appendleft(x)

    def clear(self):
        self._items = []
        self._head = 0

    def copy(self):
        return deque(self._live(), self._maxlen)

    __copy__ = copy

    def count(self, x):
        n = 0
        for y in self._live():
            if y is x or y == x:
                n += 1
        return n

    def index(self, x, start=0, stop=None):
        items = self._live()
        n = len(items)
        if stop is None:
            stop = n
        if start < 0:
            start = max(start + n, 0)
        if stop < 0:
            stop = max(stop + n, 0)
        for i in range(start, min(stop, n)):
            y = items[i]
            if y is x or y == x:
                return i
        raise ValueError(repr(x) + " is not in deque")

    def insert(self, i, x):
        if self._maxlen is not None and len(self) >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        items = self._live()
        items.insert(i, x)
        self._items = items
        self._head = 0

    def remove(self, value):
        items = self._live()
        for i in range(len(items)):
            y = items[i]
            if y is value or y == value:
                del items[i]
                self._items = items
                self._head = 0
                return
        raise ValueError("deque.remove(x): x not in deque")

    def reverse(self):
        items = self._live()
        items.reverse()
        self._items = items
        self._head = 0

    def rotate(self, n=1):
        size = len(self._items) - self._head
        if size <= 1:
            return
        n = n % size
        if n == 0:
            return
        items = self._live()
        self._items = items[size - n:] + items[:size - n]
        self._head = 0

    def __len__(self):
        return len(self._items) - self._head

    def __bool__(self):
        return len(self._items) != self._head

    def __iter__(self):
        return iter(self._live())

    def __reversed__(self):
        items = self._live()
        items.reverse()
        return iter(items)

    def _index(self, i):
        if type(i) is not int and type(i) is not bool:
            raise TypeError("sequence index must be integer, not '" + type(i).__name__ + "'")
        n = len(self._items) - self._head
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError("deque index out of range")
        return self._head + i

    def __getitem__(self, i):
        return self._items[self._index(i)]

    def __setitem__(self, i, x):
        self._items[self._index(i)] = x

    def __delitem__(self, i):
        j = self._index(i)
        del self._items[j]
        if len(self._items) == self._head:
            self._items.clear()
            self._head = 0

    def __contains__(self, x):
        for y in self._live():
            if y is x or y == x:
                return True
        return False

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._live() == other._live()

    def __ne__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._live() != other._live()

    def __lt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._live() < other._live()

    def __le__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._live() <= other._live()

    def __gt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._live() > other._live()

    def __ge__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._live() >= other._live()

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "' + type(other).__name__
                            + '") to deque')
        d = deque(self._live(), self._maxlen)
        d.extend(other._live())
        return d

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        return deque(self._live() * n, self._maxlen)

    def __imul__(self, n):
        items = self._live() * n
        self._items = []
        self._head = 0
        for x in items:
            self.append(x)
        return self

    __hash__ = None

    def __repr__(self):
        if self._maxlen is None:
            return "deque(" + repr(self._live()) + ")"
        return "deque(" + repr(self._live()) + ", maxlen=" + str(self._maxlen) + ")"


# ---------------------------------------------------------------------------
# the dict-like classes: a dict in self._d, and the dict methods around it
# ---------------------------------------------------------------------------

class _DictBase:
    __hash__ = None

    def __len__(self):
        return len(self._d)

    def __iter__(self):
        return iter(self._d)

    def __contains__(self, key):
        return key in self._d

    def __getitem__(self, key):
        if key in self._d:
            return self._d[key]
        return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def __setitem__(self, key, value):
        self._d[key] = value

    def __delitem__(self, key):
        del self._d[key]

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, key, default=None):
        return self._d.get(key, default)

    def pop(self, key, *default):
        return self._d.pop(key, *default)

    def popitem(self):
        return self._d.popitem()

    def setdefault(self, key, default=None):
        return self._d.setdefault(key, default)

    def update(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError("update expected at most 1 argument, got " + str(len(args)))
        if args:
            other = args[0]
            if isinstance(other, _DictBase):
                other = other._d
            self._d.update(other)
        self._d.update(kwargs)

    def clear(self):
        self._d.clear()

    def __eq__(self, other):
        if isinstance(other, _DictBase):
            return self._d == other._d
        if isinstance(other, dict):
            return self._d == other
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def __or__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


class defaultdict(_DictBase):
    """defaultdict(default_factory=None, /, [...]) --> dict with default factory"""

    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        self._d = {}
        self.update(*args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._d[key] = value
        return value

    def copy(self):
        return defaultdict(self.default_factory, self._d)

    __copy__ = copy

    def __repr__(self):
        return "defaultdict(" + repr(self.default_factory) + ", " + repr(self._d) + ")"

    def __ror__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        new = defaultdict(self.default_factory, other)
        new.update(self._d)
        return new


class OrderedDict(_DictBase):
    """Dictionary that remembers insertion order"""

    def __init__(self, *args, **kwargs):
        self._d = {}
        self.update(*args, **kwargs)

    def move_to_end(self, key, last=True):
        value = self._d.pop(key)
        if last:
            self._d[key] = value
        else:
            d = {key: value}
            d.update(self._d)
            self._d = d

    def popitem(self, last=True):
        if not self._d:
            raise KeyError("dictionary is empty")
        if last:
            return self._d.popitem()
        for key in self._d:
            return (key, self._d.pop(key))

    def copy(self):
        return OrderedDict(self._d)

    __copy__ = copy

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return self._d == other._d and list(self._d) == list(other._d)
        return _DictBase.__eq__(self, other)

    def __reversed__(self):
        return reversed(list(self._d))

    def __repr__(self):
        if not self._d:
            return "OrderedDict()"
        return "OrderedDict(" + repr(list(self._d.items())) + ")"


# ---------------------------------------------------------------------------
# Counter
# ---------------------------------------------------------------------------

def _count_of(kv):
    return kv[1]


class Counter(_DictBase):
    """Dict subclass for counting hashable items."""

    def __init__(self, iterable=None, **kwds):
        self._d = {}
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self._d.values())

    def most_common(self, n=None):
        items = sorted(self._d.items(), key=_count_of, reverse=True)
        if n is None:
            return items
        return items[:max(n, 0)]

    def elements(self):
        return _elements(list(self._d.items()))

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if _is_mapping(iterable):
                d = self._d
                if d:
                    for elem, count in iterable.items():
                        d[elem] = count + d.get(elem, 0)
                else:
                    for elem, count in iterable.items():
                        d[elem] = count
            else:
                d = self._d
                for elem in iterable:
                    d[elem] = d.get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, **kwds):
        if iterable is not None:
            d = self._d
            if _is_mapping(iterable):
                for elem, count in iterable.items():
                    d[elem] = d.get(elem, 0) - count
            else:
                for elem in iterable:
                    d[elem] = d.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return Counter(self)

    __copy__ = copy

    def __delitem__(self, elem):
        if elem in self._d:
            del self._d[elem]

    def __eq__(self, other):
        if not isinstance(other, Counter):
            if isinstance(other, dict):
                return self._d == other
            return NotImplemented
        for e in self._d:
            if self[e] != other[e]:
                return False
        for e in other._d:
            if self[e] != other[e]:
                return False
        return True

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def _le(self, other):
        for e in self._d:
            if not self[e] <= other[e]:
                return False
        for e in other._d:
            if not self[e] <= other[e]:
                return False
        return True

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._le(other)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._le(other) and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return other._le(self)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return other._le(self) and self != other

    def __repr__(self):
        if not self._d:
            return type(self).__name__ + "()"
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self._d)
        return type(self).__name__ + "(" + repr(d) + ")"

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self._d.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other._d.items():
            if elem not in self._d and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self._d.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other._d.items():
            if elem not in self._d and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self._d.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other._d.items():
            if elem not in self._d and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self._d.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self._d.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self._d.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        nonpositive = [elem for elem, count in self._d.items() if not count > 0]
        for elem in nonpositive:
            del self._d[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other._d.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other._d.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other._d.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in list(self._d.items()):
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


def _elements(items):
    for elem, count in items:
        for _ in range(count):
            yield elem


# ---------------------------------------------------------------------------
# namedtuple
# ---------------------------------------------------------------------------

def _isidentifier(s):
    return s.isidentifier()


class _NamedTuple(tuple):
    __slots__ = ()

    def __repr__(self):
        parts = []
        for name, value in zip(self._fields, self):
            parts.append(name + "=" + repr(value))
        return type(self).__name__ + "(" + ", ".join(parts) + ")"

    def _asdict(self):
        return dict(zip(self._fields, self))

    def _replace(self, **kwds):
        values = []
        for name, value in zip(self._fields, self):
            if name in kwds:
                values.append(kwds.pop(name))
            else:
                values.append(value)
        if kwds:
            raise ValueError("Got unexpected field names: " + repr(list(kwds)))
        return tuple.__new__(type(self), values)

    def __getnewargs__(self):
        return tuple(self)


def _field(i):
    return property(lambda self: self[i])


def _bind(cls, args, kwds):
    """The field values of cls(*args, **kwds), with CPython's errors for
    cls.__new__(cls, field, ...)."""
    fields = cls._fields
    n = len(fields)
    name = cls.__name__ + ".__new__()"
    if len(args) > n:
        raise TypeError(name + " takes " + str(n + 1) + " positional argument"
                        + ("" if n == 0 else "s") + " but " + str(len(args) + 1)
                        + " were given")
    values = list(args)
    defaults = cls._field_defaults
    missing = []
    for i in range(len(args), n):
        f = fields[i]
        if f in kwds:
            values.append(kwds[f])
        elif f in defaults:
            values.append(defaults[f])
        else:
            values.append(None)
            missing.append(f)
    for k in kwds:
        if k not in fields:
            raise TypeError(name + " got an unexpected keyword argument '" + k + "'")
        if fields.index(k) < len(args):
            raise TypeError(name + " got multiple values for argument '" + k + "'")
    if missing:
        quoted = ["'" + m + "'" for m in missing]
        if len(quoted) == 1:
            text = quoted[0]
        elif len(quoted) == 2:
            text = quoted[0] + " and " + quoted[1]
        else:
            text = ", ".join(quoted[:-1]) + ", and " + quoted[-1]
        raise TypeError(name + " missing " + str(len(missing)) + " required positional "
                        + ("argument" if len(missing) == 1 else "arguments") + ": " + text)
    return values


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new class with named fields (a tuple-like class)."""
    if type(field_names) is str:
        field_names = field_names.replace(",", " ").split()
    field_names = [str(f) for f in field_names]
    typename = str(typename)
    if rename:
        seen = set()
        for index in range(len(field_names)):
            name = field_names[index]
            if (not name.isidentifier() or name in _KEYWORDS or name.startswith("_")
                    or name in seen):
                field_names[index] = "_" + str(index)
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError("Type names and field names must be strings")
        if not name.isidentifier():
            raise ValueError("Type names and field names must be valid identifiers: "
                             + repr(name))
        if name in _KEYWORDS:
            raise ValueError("Type names and field names cannot be a keyword: " + repr(name))
    seen = set()
    for name in field_names:
        if name.startswith("_") and not rename:
            raise ValueError("Field names cannot start with an underscore: " + repr(name))
        if name in seen:
            raise ValueError("Encountered duplicate field name: " + repr(name))
        seen.add(name)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError("Got more default values than field names")
        field_defaults = dict(zip(field_names[len(field_names) - len(defaults):], defaults))
    fields = tuple(field_names)
    modname = "__main__" if module is None else module

    class _Tuple(_NamedTuple, name=typename):
        __module__ = modname
        __qualname__ = typename
        __slots__ = ()
        _fields = fields
        _field_defaults = field_defaults
        __match_args__ = fields

        def __new__(cls, *args, **kwds):
            return tuple.__new__(cls, _bind(cls, args, kwds))

        @classmethod
        def _make(cls, iterable):
            values = tuple(iterable)
            if len(values) != len(cls._fields):
                raise TypeError("Expected " + str(len(cls._fields)) + " arguments, got "
                                + str(len(values)))
            return tuple.__new__(cls, values)

    for i in range(len(fields)):
        setattr(_Tuple, fields[i], _field(i))
    return _Tuple


# ---------------------------------------------------------------------------
# ChainMap, UserDict, UserList, UserString (the plain parts)
# ---------------------------------------------------------------------------

class ChainMap(_DictBase):
    """A ChainMap groups multiple dicts (or other mappings) together."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    @property
    def _d(self):
        d = {}
        for m in reversed(self.maps):
            for k in m:
                d[k] = m[k]
        return d

    def __getitem__(self, key):
        for m in self.maps:
            if key in m:
                return m[key]
        return self.__missing__(key)

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError("Key not found in the first mapping: " + repr(key))

    def __contains__(self, key):
        for m in self.maps:
            if key in m:
                return True
        return False

    def get(self, key, default=None):
        return self[key] if key in self else default

    def new_child(self, m=None):
        if m is None:
            m = {}
        return ChainMap(m, *self.maps)

    @property
    def parents(self):
        return ChainMap(*self.maps[1:])

    def copy(self):
        return ChainMap(self.maps[0].copy(), *self.maps[1:])

    def __repr__(self):
        return "ChainMap(" + ", ".join([repr(m) for m in self.maps]) + ")"


class UserDict(_DictBase):
    def __init__(self, *args, **kwargs):
        self._d = {}
        self.update(*args, **kwargs)

    @property
    def data(self):
        return self._d

    def copy(self):
        return UserDict(self._d)

    def __repr__(self):
        return repr(self._d)


class UserList:
    def __init__(self, initlist=None):
        self.data = [] if initlist is None else list(initlist)

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return iter(self.data)

    def __getitem__(self, i):
        return self.data[i]

    def __setitem__(self, i, x):
        self.data[i] = x

    def __delitem__(self, i):
        del self.data[i]

    def __contains__(self, x):
        return x in self.data

    def __eq__(self, other):
        return self.data == (other.data if isinstance(other, UserList) else other)

    def append(self, x):
        self.data.append(x)

    def extend(self, xs):
        self.data.extend(xs)

    def pop(self, *i):
        return self.data.pop(*i)

    def __repr__(self):
        return repr(self.data)


class UserString:
    def __init__(self, seq):
        self.data = str(seq)

    def __str__(self):
        return self.data

    def __repr__(self):
        return repr(self.data)

    def __len__(self):
        return len(self.data)

    def __eq__(self, other):
        return self.data == (other.data if isinstance(other, UserString) else other)
