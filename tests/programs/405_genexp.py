# generator expressions: lazy, nested, conditions, closures, consumed by loops
g = (x * x for x in range(5))
print(next(g), next(g))
print([v for v in g])
print([v for v in g])

evens = (n for n in range(20) if n % 2 == 0 if n % 3 != 0)
for e in evens:
    print("even", e)

pairs = ((a, b) for a in range(3) for b in range(a))
print([p for p in pairs])

factor = 3
scaled = (x * factor for x in [1, 2, 3])
factor = 10
print([s for s in scaled])

nested = ((y for y in range(x)) for x in range(4))
for inner in nested:
    print([v for v in inner])

words = ["apple", "banana", "cherry"]
lengths = (len(w) for w in words)
total = 0
for n in lengths:
    total += n
print("total", total)

def make_gen(limit):
    return (i + limit for i in range(limit))
print([v for v in make_gen(3)])

log = []
def noisy(v):
    log.append(v)
    return v
lazy = (noisy(i) for i in range(3))
print("before", log)
next(lazy)
print("after one", log)

try:
    bad = (1 // x for x in [1, 0])
    print(next(bad))
    print(next(bad))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)

first_iterable_now = (x for x in [10, 20])
print(list_ := [v for v in first_iterable_now])
g2 = (c for c in "hi")
print(next(g2), next(g2), next(g2, "end"))
