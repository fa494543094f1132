# recursion: factorial, fibonacci, power set, flatten, permutations, ackermann
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
for n in [0, 1, 5, 10, 20]:
    print(n, fact(n))
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print(fib(20), fib(1), fib(0))
def flatten(xs):
    out = []
    for x in xs:
        if isinstance(x, list):
            out.extend(flatten(x))
        else:
            out.append(x)
    return out
print(flatten([1, [2, [3, [4, [5]]]], [], [[6], 7]]))
def power_set(items):
    if not items:
        return [[]]
    rest = power_set(items[1:])
    result = []
    for s in rest:
        result.append(s)
        result.append([items[0]] + s)
    return result
ps = power_set([1, 2, 3])
ps.sort()
print(ps, len(power_set(list(range(6)))))
def permutations(s):
    if len(s) <= 1:
        return [s]
    out = []
    for i in range(len(s)):
        for p in permutations(s[:i] + s[i + 1:]):
            out.append(s[i] + p)
    return out
print(permutations("abc"), len(permutations("abcde")))
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3), ackermann(1, 5))
def depth(x):
    if isinstance(x, (list, tuple)):
        best = 0
        for y in x:
            d = depth(y)
            if d > best:
                best = d
        return best + 1
    return 0
print(depth([1, (2, [3]), []]), depth(5), depth([]))
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(10), is_odd(7), is_even(7))
def sum_digits(n):
    return n if n < 10 else n % 10 + sum_digits(n // 10)
print(sum_digits(987654321), sum_digits(0))
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
print(deep(500))
