# set displays, set(), len, in, truthiness, iteration, repr, type
s = {3, 1, 2}
print(s, len(s), 2 in s, 5 in s, 5 not in s)
e = set()
print(e, len(e), bool(e), bool(s), type(e), type(s))
print({1, 2}, {2, 1}, {10, 20}, {-1, -2}, {0.5, 1.5, 2.0}, {False, True})
print({8, 16, 24, 1}, {1, 2, 3, 1, 2}, {1, 1.0, True})
x = 7
print({x, x + 8, x + 16}, {x})
print(set([5, 3, 9, 3]), set((1, 2)), set(range(10)), set("aaa"), set({4: 'a', 2: 'b'}))
print(sorted({9, 4, 7}), list({9, 4, 7}), tuple({9, 4, 7}), sum({1, 2, 3}), min({4, 2, 8}), max({4, 2, 8}))
for item in {100, 3, 64, -7}:
    print("item", item)
print([v * 2 for v in {5, 13, 21}], {k: k * k for k in {3, 11}})
print({(1, 2), (3, 4), (1, 2)}, {(1, (2, 3)), ()})
print(len({i % 7 for i in range(100)}), {i % 7 for i in range(100)})
print(isinstance(s, set), isinstance(s, frozenset), isinstance(s, (list, set)))
print(f"{s}", str(s), repr(e), [s, e], (s,), {"k": s})
print(s == {1, 2, 3}, s != {1, 2}, s == [1, 2, 3], {1} == {1.0}, set() == frozenset())
n = {2 ** 40, -(2 ** 40), 2 ** 62, -5, 0}
print(n)
print({1.5, 2.25, -0.0, 1e300, float("inf")})
