# Objects whose class defines __eq__ and __hash__ as dict keys and set elements:
# lookups call __hash__ and __eq__ as CPython does
from collections import Counter, defaultdict


class P:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, o):
        return isinstance(o, P) and (self.x, self.y) == (o.x, o.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return "P(%d, %d)" % (self.x, self.y)


d = {P(1, 2): "a", P(3, 4): "b"}
d[P(1, 2)] = "A"
print(d, d[P(3, 4)], P(1, 2) in d, P(9, 9) in d, len(d))
print(d.get(P(3, 4)), d.get(P(0, 0), "none"), d.setdefault(P(5, 6), "c"), d.pop(P(3, 4)))
del d[P(1, 2)]
print(d)
try:
    d[P(7, 7)]
except KeyError as e:
    print("KeyError", e)
s = {P(0, 0), P(0, 0), P(1, 1)}
s.add(P(1, 1))
s.add(P(2, 2))
s.discard(P(0, 0))
s.remove(P(2, 2))
print(sorted(s, key=lambda p: p.x), len(s), P(1, 1) in s)
points = [P(i % 3, 0) for i in range(10)]
print(len(set(points)), len({p for p in points}), len({p: 1 for p in points}))
print(Counter(points).most_common(2))
grid = defaultdict(list)
for i, p in enumerate(points):
    grid[p].append(i)
print(dict(grid))
visited = {(P(0, 0), "n")}
print((P(0, 0), "n") in visited, (P(0, 0), "s") in visited)
seen = {}
seen[(P(1, 1), 2)] = True
print(seen.get((P(1, 1), 2)), frozenset([P(4, 4), P(4, 4)]), dict.fromkeys([P(5, 5), P(5, 5)]))


class Q:
    def __eq__(self, o):
        return True


print(Q.__hash__)
for make in (lambda: {Q(): 1}, lambda: {Q()}, lambda: hash(Q()), lambda: set([Q()])):
    try:
        make()
    except TypeError as e:
        print("TypeError", e)


class Big(P):
    def __hash__(self):
        return 2 ** 70 + self.x


print(hash(Big(1, 0)) == hash(2 ** 70 + 1), len({Big(1, 0), Big(1, 0)}))


class Bad(P):
    def __hash__(self):
        return "h"


try:
    {Bad(1, 1): 0}
except TypeError as e:
    print("TypeError", e)


class H1:
    def __hash__(self):
        return -1


class H2:
    def __hash__(self):
        return 2 ** 63 - 5


class H3:
    def __hash__(self):
        return 2 ** 64 + 3


print(hash(H1()), hash(H2()), hash(H3()))
