# frozenset: construction, hashing, methods, as dict keys and set elements
f = frozenset([3, 1, 2])
print(f, frozenset(), frozenset(f) is f, f.copy() is f, type(f))
print(frozenset(range(10)), frozenset("") == frozenset(), len(f), 2 in f)
print(f | {9}, f & {1, 2}, f - {1}, f ^ {1, 5}, f.union([7]), f.intersection([1, 3]))
print(f.difference([1]), f.symmetric_difference([3, 4]), f.issubset(range(5)), f.issuperset([1]))
print(f.isdisjoint([0]), f == {1, 2, 3}, {1, 2, 3} == f, f < frozenset(range(4)))
d = {frozenset({1, 2}): "a", frozenset(): "empty"}
print(d[frozenset({2, 1})], d[frozenset()], frozenset({1, 2}) in d)
s = {frozenset({1}), frozenset({1, 2}), frozenset({1}), frozenset()}
print(len(s), s)
print({(frozenset({1}), 2): 3}[(frozenset({1}), 2)])
g = frozenset({frozenset({1, 2}), frozenset({3})})
print(g, frozenset({frozenset({2, 1}), frozenset({3})}) == g, frozenset({3}) in g)
nested = {frozenset({frozenset({1})}): 1}
print(nested[frozenset({frozenset({1})})])
print(sorted(frozenset({9, 3, 5})), list(frozenset({8, 16, 0})), max(frozenset({4, 44})))
print(isinstance(f, frozenset), isinstance(f, set), f.union() is f, f.union() == f)
