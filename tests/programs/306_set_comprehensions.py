# set comprehensions: conditions, nesting, closures, constant set displays in loops
print({x % 5 for x in range(20)})
print({x * y for x in range(1, 5) for y in range(1, 5) if x != y})
print({(x, y) for x in range(3) for y in range(x)})
print({c for c in [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5] if c > 2})
k = 10
print({x + k for x in range(5)})


def evens(n):
    return {i for i in range(n) if i % 2 == 0}


print(evens(10), evens(0))
print({frozenset({i, i + 1}) for i in range(3)} == {frozenset({0, 1}), frozenset({1, 2}), frozenset({2, 3})})
print([x for x in {8, 16, 24, 1, 9}], [x for x in {40, 8}])
print({y for y in {33, 1, 65, 97}})
for v in {12, 4, 20, 28, 36}:
    print(v, end=" ")
print()
print(3 in {1, 2, 3}, 9 not in {8, 16, 24})
s = {6, 14, 22}
t = {14, 22, 6}
print(s, t)
print({-3, -11, 5}, {100, 36, 4, 68}, {2 ** 3, 4 * 4, 1})
