# tuple unpacking: swaps, nested, in for loops
a, b = 1, 2
a, b = b, a
print(a, b)
x, y, z = "xyz"
print(x, y, z)
(p, q), r = (1, 2), 3
print(p, q, r)
[m, n] = [10, 20]
print(m, n)
first, (second, third), fourth = [1, (2, 3), 4]
print(first, second, third, fourth)
a, b, c = range(3)
print(a, b, c)
a, b, c = c, a, b
print(a, b, c)
pairs = [(1, "a"), (2, "b"), (3, "c")]
for num, letter in pairs:
    print(num, letter, end="; ")
print()
for i, (name, score) in enumerate([("ann", 90), ("ben", 85)]):
    print(i, name, score)
for (x1, y1), (x2, y2) in [((0, 0), (3, 4)), ((1, 1), (4, 5))]:
    print((x2 - x1) ** 2 + (y2 - y1) ** 2)
def fib_pair(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a, b
print(fib_pair(10))
lo, hi = fib_pair(20)
print(lo, hi)
xs = [5, 6]
xs[0], xs[1] = xs[1], xs[0]
print(xs)
d = {}
d["a"], d["b"] = 1, 2
print(d)
i = 0
arr = [1, 2, 3]
i, arr[i] = 1, 99
print(i, arr)
k, v = list({"key": "value"}.items())[0]
print(k, v)
t = 1, 2, 3
print(t)
one, = [1]
print(one)
for a, b, c in [(1, 2, 3), "xyz"]:
    print(a, b, c)
