# | & - ^ and their in-place forms, comparisons
a = {1, 2, 3, 4, 40, 80}
b = {3, 4, 5, 6, 36, 68}
print(a | b, a & b, a - b, b - a, a ^ b, b ^ a)
print(a | a, a & a, a - a, a ^ a)
print(a < b, a <= b, a > b, a >= b, {1} < {1, 2}, {1, 2} < {1, 2}, {1, 2} <= {1, 2})
print({1, 2} > {1}, {1, 2} >= {2}, {1, 2} >= {3}, set() < {0}, set() <= set())
print(a == a.copy(), a != b, {1, 2} == frozenset({2, 1}))
c = set(a)
c |= {7, 15}
print(c)
c &= {1, 2, 7, 15, 99}
print(c)
c -= {2}
print(c)
c ^= {1, 100, 116}
print(c)
d = c
d |= {0}
print(c is d, c)
f = frozenset({1, 2})
g = f
g |= {3}
print(f, g, f is g, type(g))
print(frozenset({1, 2}) | {3}, {3} | frozenset({1, 2}), frozenset({1, 2}) & {2}, {2, 5} - frozenset({2}))
big = set(range(100))
small = {5, 50, 500}
print(big & small, small & big, small - big, big - set(range(3, 100)), small ^ big == big ^ small)
print([{1}, {2}] == [{1}, {2}], ({1}, 2) == ({1}, 2), [{1, 2}] < [{1, 2, 3}])
x = {9, 17, 25, 33}
y = {25, 33, 41}
x -= y
y ^= x
print(x, y)
