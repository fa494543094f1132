# functools caches on methods bind the instance (their wrappers are descriptors).
from functools import lru_cache, cache


class Fib:
    def __init__(self, offset):
        self.offset = offset
        self.calls = 0

    @lru_cache(maxsize=None)
    def fib(self, n):
        self.calls += 1
        return n + self.offset if n < 2 else self.fib(n - 1) + self.fib(n - 2)

    @cache
    def square(self, x):
        self.calls += 1
        return x * x


a, b = Fib(0), Fib(100)
print(a.fib(20), a.calls, a.fib(20), a.calls)
print(b.fib(5), b.calls)
print(a.square(7), a.square(7), a.calls)
print(Fib.fib.cache_info().hits > 0, type(Fib.__dict__["fib"]).__name__)
m = a.fib
print(m(10), callable(m))
