import functools
from functools import reduce, partial, lru_cache, cache, cmp_to_key, total_ordering, wraps

print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10))
print(reduce(max, [3, 9, 2]), reduce(lambda a, b: a + b, [], "init"), reduce(min, "zebra"))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError:", e)


def power(base, exp=2, *, mod=None):
    r = base ** exp
    return r % mod if mod else r


square = partial(power, exp=2)
cube = partial(power, exp=3)
print(square(5), cube(2), cube(3, mod=5), square(4, exp=3))
p = partial(power, 2)
print(p(10), p(exp=5), p.args, p.keywords, p.func is power)
pp = partial(p, mod=7)
print(pp(10), pp.args, pp.keywords, pp.func is power)
print(partial(print, "a", sep="-")("b"), repr(partial(max, 1, 2)))
basetwo = partial(int, base=2)
print(basetwo("1010"), [partial(pow, 2)(i) for i in range(5)])


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())


@lru_cache
def slow_sq(x):
    print("computing", x)
    return x * x


print(slow_sq(3), slow_sq(3), slow_sq(4), slow_sq.cache_info())


@lru_cache(maxsize=2)
def ident(x):
    print("miss", x)
    return x


for k in [1, 2, 1, 3, 2, 1]:
    ident(k)
print(ident.cache_info(), ident.cache_info().hits, ident.cache_info()[1])


@cache
def ways(n):
    return 1 if n <= 1 else ways(n - 1) + ways(n - 2)


print(ways(50), ways.cache_info())


def compare(a, b):
    return (a > b) - (a < b)


def by_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return compare(a, b)


print(sorted(["ccc", "a", "bb", "aa", "c"], key=cmp_to_key(by_len_then_alpha)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
print(max([3, 1, 2], key=cmp_to_key(compare)), min("hello", key=cmp_to_key(compare)))


@total_ordering
class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __repr__(self):
        return f"v{self.major}.{self.minor}"


a, b = Version(1, 2), Version(1, 10)
print(a < b, a <= b, a > b, a >= b, a == b, a != b, sorted([b, a]), max(a, b))


@total_ordering
class Money:
    def __init__(self, v):
        self.v = v

    def __gt__(self, other):
        return self.v > other.v

    def __eq__(self, other):
        return self.v == other.v


print(Money(1) < Money(2), Money(3) <= Money(3), Money(3) >= Money(4))


def logged(fn):
    @wraps(fn)
    def inner(*args, **kw):
        print("calling with", args, kw)
        return fn(*args, **kw)
    return inner


@logged
def add(x, y=1):
    return x + y


print(add(2), add(2, y=5))
