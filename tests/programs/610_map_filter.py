# map and filter: lazy, any iterables, several sequences, script functions and objects
def double(x):
    return 2 * x


print(list(map(double, [1, 2, 3])))
print(list(map(lambda a, b: a + b, [1, 2, 3], (10, 20))))
print(list(map(str, range(4))))
print(list(filter(None, [0, 1, "", "a", [], [0], None])))
print(list(filter(lambda s: s.startswith("a"), ["ab", "b", "ac"])))


def naturals():
    n = 0
    while True:
        yield n
        n += 1


m = map(double, naturals())
print(next(m), next(m), next(m))
evens = filter(lambda n: n % 2 == 0, naturals())
print([next(evens) for _ in range(4)])


class Box:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "Box(%d)" % self.v


print(list(map(Box, [1, 2])))
print(sorted(map(lambda b: b.v, [Box(3), Box(1)])))
print(sum(map(len, ["ab", "cde"])), max(filter(lambda x: x < 5, [3, 9, 4])))
print(dict(map(lambda k: (k, k * k), range(3))))
for a, b in map(lambda x: (x, -x), [5, 6]):
    print(a, b)
try:
    map(double)
except TypeError as e:
    print("TypeError:", e)
try:
    list(map(double, 5))
except TypeError as e:
    print("TypeError:", e)
