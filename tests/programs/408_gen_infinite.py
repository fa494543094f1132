# endless generators consumed partially; take/skip helpers written with generators
def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1

def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x

def skip(n, it):
    for x in it:
        if n > 0:
            n -= 1
            continue
        yield x

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

print(list(take(10, fib())))
print(list(take(5, skip(3, naturals()))))
squares = (n * n for n in naturals(1))
print([next(squares) for _ in range(6)])

def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n

print(list(take(12, primes())))
print(list(zip(naturals(), "abc")))
for i, p in zip(range(3), primes()):
    print(i, p)

def cycle(items):
    while True:
        for x in items:
            yield x

c = cycle(["red", "green", "blue"])
print([next(c) for _ in range(7)])

def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1

print(list(collatz(27))[:10], sum(1 for _ in collatz(27)))
big = fib()
for _ in range(100):
    v = next(big)
print(v)
