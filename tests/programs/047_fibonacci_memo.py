# fibonacci with a memo dict, iterative, and via matrices
memo = {0: 0, 1: 1}
def fib(n):
    if n in memo:
        return memo[n]
    r = fib(n - 1) + fib(n - 2)
    memo[n] = r
    return r
print(fib(10), fib(50), fib(90), len(memo))
def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print(fib_iter(90), fib_iter(90) == fib(90))
def mat_mul(a, b):
    return [
        [a[0][0] * b[0][0] + a[0][1] * b[1][0], a[0][0] * b[0][1] + a[0][1] * b[1][1]],
        [a[1][0] * b[0][0] + a[1][1] * b[1][0], a[1][0] * b[0][1] + a[1][1] * b[1][1]],
    ]
def fib_mat(n):
    result = [[1, 0], [0, 1]]
    base = [[1, 1], [1, 0]]
    while n > 0:
        if n & 1:
            result = mat_mul(result, base)
        n >>= 1
        if n:
            base = mat_mul(base, base)
    return result[0][1]
print(fib_mat(80), fib(80))
evens = 0
k = 0
while fib(k) < 4000000:
    if fib(k) % 2 == 0:
        evens += fib(k)
    k += 1
print("sum of even fibs < 4M:", evens)
ratios = []
for n in range(10, 15):
    ratios.append(fib(n + 1) / fib(n))
print(ratios)
calls = 0
def fib_count(n, cache):
    global calls
    calls += 1
    if n < 2:
        return n
    if n not in cache:
        cache[n] = fib_count(n - 1, cache) + fib_count(n - 2, cache)
    return cache[n]
print(fib_count(60, {}), calls)
