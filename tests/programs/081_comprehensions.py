# list and dict comprehensions: filters, nesting, closures over function locals, scoping
xs = [i * i for i in range(10) if i % 2]
print(xs)
print([(a, b) for a in range(3) for b in "xy" if a != 1])
print({k: v for k, v in zip("abc", range(3))})
def f(n):
    m = 3
    return [x * m for x in range(n)]
print(f(4))
def g():
    data = [[1, 2], [3, 4]]
    return [[y + 1 for y in row] for row in data]
print(g())
words = ["apple", "bob", "kayak"]
print([w for w in words if w == w[::-1]], {w: len(w) for w in words})
print(sum([x for x in range(100)]), [x for x in []])
x = 10
print([x for x in range(3)], x)
