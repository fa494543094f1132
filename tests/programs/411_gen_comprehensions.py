# generators inside comprehensions, closures and nested scopes
def gen(n):
    for i in range(n):
        yield i

print([x * 2 for x in gen(4)])
print({x: x * x for x in gen(3)})
print({x % 2 for x in gen(5)})
print([(a, b) for a in gen(3) for b in gen(a)])
print([x for x in (y * 10 for y in gen(5)) if x > 15])
print([list(gen(n)) for n in range(4)])

def make_counter(step):
    def counter(limit):
        n = 0
        while n < limit:
            yield n
            n += step
    return counter

by3 = make_counter(3)
print(list(by3(10)))

def outer():
    total = 0
    def acc():
        nonlocal total
        while True:
            x = yield total
            total += x
    a = acc()
    next(a)
    a.send(5)
    a.send(7)
    return total

print(outer())

def lazy_names(prefix):
    return (prefix + str(i) for i in range(3))

gens = [lazy_names(p) for p in "xy"]
print([list(g) for g in gens])

funcs = [(lambda: (yield k)) for k in range(3)]
print([next(f()) for f in funcs])

matrix = [[1, 2, 3], [4, 5, 6]]
print(list(sum(row) for row in matrix), list(x for row in matrix for x in row))
print(sorted(x for x in set(gen(6)) if x % 2), max(len(w) for w in ["a", "abc", "ab"]))
genexp_of_genexps = (sum(x for x in range(n)) for n in range(5))
print(list(genexp_of_genexps))
