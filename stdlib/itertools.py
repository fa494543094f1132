# Amber's itertools module, written in the Amber subset (docs/design.md "Modules").
# Each function checks its arguments at once, as CPython's constructors do, and
# returns a generator; the order in which input items are consumed is CPython's.


def count(start=0, step=1):
    """count(start=0, step=1) --> start, start+step, start+2*step, ..."""
    for x in (start, step):
        if type(x) not in (int, float, bool):
            raise TypeError("a number is required")
    return _count(start, step)


def _count(n, step):
    while True:
        yield n
        n += step


def cycle(iterable):
    """cycle(p) --> p0, p1, ... plast, p0, p1, ..."""
    return _cycle(iter(iterable))


def _cycle(it):
    saved = []
    for element in it:
        yield element
        saved.append(element)
    if not saved:
        return
    while True:
        for element in saved:
            yield element


def repeat(object, times=None):
    """repeat(object [,times]) -> object for the specified number of times, or forever."""
    if times is None:
        return _repeat_forever(object)
    return _repeat(object, times)


def _repeat_forever(x):
    while True:
        yield x


def _repeat(x, times):
    for _ in range(times):
        yield x


def accumulate(iterable, func=None, *, initial=None):
    """Return series of accumulated sums (or other binary function results)."""
    return _accumulate(iter(iterable), func, initial)


def _accumulate(it, func, total):
    if total is not None:
        yield total
    else:
        for total in it:
            break
        else:
            return
        yield total
    for element in it:
        total = total + element if func is None else func(total, element)
        yield total


class chain:
    """chain(*iterables) --> chain object (an iterator over each iterable in turn)"""

    def __init__(self, *iterables):
        self._g = _chain(iter(iterables))

    @classmethod
    def from_iterable(cls, iterables):
        c = cls()
        c._g = _chain(iter(iterables))
        return c

    def __iter__(self):
        return self._g

    def __next__(self):
        return next(self._g)


def _chain(its):
    for it in its:
        for element in it:
            yield element


def compress(data, selectors):
    """compress(data, selectors) --> iterator over data whose selector is true"""
    return _compress(iter(data), iter(selectors))


def _compress(data, selectors):
    for d in data:
        for s in selectors:
            break
        else:
            return
        if s:
            yield d


def dropwhile(predicate, iterable):
    """dropwhile(predicate, iterable): drop items while predicate(item) is true"""
    return _dropwhile(predicate, iter(iterable))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def takewhile(predicate, iterable):
    """takewhile(predicate, iterable): items while predicate(item) is true"""
    return _takewhile(predicate, iter(iterable))


def _takewhile(predicate, it):
    for x in it:
        if predicate(x):
            yield x
        else:
            break


def filterfalse(function, iterable):
    """filterfalse(function or None, sequence): the items for which function is false"""
    return _filterfalse(function, iter(iterable))


def _filterfalse(predicate, it):
    if predicate is None:
        predicate = bool
    for x in it:
        if not predicate(x):
            yield x


class groupby:
    """groupby(iterable, key=None) -> (key, sub-iterator) grouped by each key value"""

    def __init__(self, iterable, key=None):
        self.keyfunc = key
        self.it = iter(iterable)
        self.tgtkey = self.currkey = self.currvalue = _marker()
        self.id = None

    def __iter__(self):
        return self

    def __next__(self):
        self.id = _marker()
        while self.currkey == self.tgtkey:
            self.currvalue = next(self.it)
            self.currkey = self.currvalue if self.keyfunc is None \
                else self.keyfunc(self.currvalue)
        self.tgtkey = self.currkey
        return (self.currkey, self._grouper(self.tgtkey, self.id))

    def _grouper(self, tgtkey, id):
        while self.id is id and self.currkey == tgtkey:
            yield self.currvalue
            try:
                self.currvalue = next(self.it)
            except StopIteration:
                return
            self.currkey = self.currvalue if self.keyfunc is None \
                else self.keyfunc(self.currvalue)


class _marker:
    pass


_MAXSIZE = 9223372036854775807


def _islice_arg(x, what):
    if x is None:
        return -1
    if type(x) is int or type(x) is bool:
        if 0 <= x <= _MAXSIZE:
            return int(x)
    raise ValueError(what)


def islice(iterable, *args):
    """islice(iterable, stop) or islice(iterable, start, stop[, step])"""
    n = len(args)
    if n < 1 or n > 3:
        raise TypeError("islice expected at most 4 arguments, got " + str(n + 1)
                        if n > 3 else "islice expected at least 2 arguments, got 1")
    start = 0
    step = 1
    if n == 1:
        stop = _islice_arg(args[0], "Stop argument for islice() must be None or an "
                           "integer: 0 <= x <= sys.maxsize.")
    else:
        msg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
        start = _islice_arg(args[0], msg)
        stop = _islice_arg(args[1], msg)
        if start == -1:
            start = 0
        if n == 3 and args[2] is not None:
            s = args[2]
            if (type(s) is not int and type(s) is not bool) or s < 1:
                raise ValueError("Step for islice() must be a positive integer or None.")
            step = int(s)
    return _islice(iter(iterable), start, stop, step)


def _islice(it, nxt, stop, step):
    # CPython's islice_next, step by step: items are consumed exactly as there
    cnt = 0
    while True:
        while cnt < nxt:
            for item in it:
                break
            else:
                return
            cnt += 1
        if stop != -1 and cnt >= stop:
            return
        for item in it:
            break
        else:
            return
        cnt += 1
        nxt += step
        if stop != -1 and nxt > stop:
            nxt = stop
        yield item


def starmap(function, iterable):
    """starmap(function, sequence) --> function(*item) for each item"""
    return _starmap(function, iter(iterable))


def _starmap(function, it):
    for args in it:
        yield function(*args)


def tee(iterable, n=2):
    """tee(iterable, n=2) --> tuple of n independent iterators."""
    if type(n) is not int:
        raise TypeError("'" + type(n).__name__ + "' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError("n must be >= 0")
    it = iter(iterable)
    buffers = [[] for i in range(n)]
    return tuple([_tee(it, buffers, b) for b in buffers])


def _tee(it, buffers, mine):
    while True:
        if not mine:
            for newval in it:
                break
            else:
                return
            for b in buffers:
                b.append(newval)
        yield mine.pop(0)


def zip_longest(*args, fillvalue=None):
    """zip_longest(iter1 [,iter2 [...]], [fillvalue=None]) --> zip_longest object"""
    return _zip_longest([iter(it) for it in args], fillvalue)


def _zip_longest(iterators, fillvalue):
    num_active = len(iterators)
    if not num_active:
        return
    while True:
        values = []
        for i in range(len(iterators)):
            it = iterators[i]
            for value in it:
                break
            else:
                num_active -= 1
                if not num_active:
                    return
                iterators[i] = _repeat_forever(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


def product(*args, repeat=1):
    """product(*iterables, repeat=1) --> product object (the cartesian product)"""
    if type(repeat) is not int:
        raise TypeError("'" + type(repeat).__name__ + "' object cannot be interpreted as an "
                        "integer")
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(pool) for pool in args] * repeat
    return _product(pools)


def _product(pools):
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)


def permutations(iterable, r=None):
    """permutations(iterable[, r]) --> permutations object"""
    pool = tuple(iterable)
    n = len(pool)
    if r is None:
        r = n
    elif type(r) is not int:
        raise TypeError("Expected int as r")
    if r < 0:
        raise ValueError("r must be non-negative")
    return _permutations(pool, n, r)


def _permutations(pool, n, r):
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple([pool[i] for i in indices[:r]])
    while n:
        for i in range(r - 1, -1, -1):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple([pool[i] for i in indices[:r]])
                break
        else:
            return


def combinations(iterable, r):
    """combinations(iterable, r) --> combinations object"""
    pool = tuple(iterable)
    if type(r) is not int:
        raise TypeError("'" + type(r).__name__ + "' object cannot be interpreted as an integer")
    if r < 0:
        raise ValueError("r must be non-negative")
    return _combinations(pool, r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple([pool[i] for i in indices])
    while True:
        for i in range(r - 1, -1, -1):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple([pool[i] for i in indices])


def combinations_with_replacement(iterable, r):
    """combinations_with_replacement(iterable, r) --> combinations_with_replacement object"""
    pool = tuple(iterable)
    if type(r) is not int:
        raise TypeError("'" + type(r).__name__ + "' object cannot be interpreted as an integer")
    if r < 0:
        raise ValueError("r must be non-negative")
    return _combinations_with_replacement(pool, r)


def _combinations_with_replacement(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple([pool[i] for i in indices])
    while True:
        for i in range(r - 1, -1, -1):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple([pool[i] for i in indices])


def pairwise(iterable):
    """pairwise(s) --> (s0,s1), (s1,s2), (s2, s3), ..."""
    return _pairwise(iter(iterable))


def _pairwise(it):
    for a in it:
        break
    else:
        return
    for b in it:
        yield (a, b)
        a = b
