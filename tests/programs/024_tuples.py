# tuples: indexing, slicing, +, *, in, comparison, count/index, len
t = (3, 1, 4, 1, 5, 9, 2, 6)
print(t, len(t), t[0], t[-1], t[2:5], t[::-1], t[::3])
print(t.count(1), t.index(4), t.index(1, 2), 9 in t, 7 in t)
print(t + (5, 3), (0,) * 3, () + (), (1,) * 0)
single = (42,)
empty = ()
print(single, empty, len(single), len(empty))
print((1, 2) < (1, 3), (1, 2, 3) > (1, 2), (2,) > (1, 100), (1, 2) == (1, 2), (1, 2) != (2, 1))
print((1, "b") < (1, "c"), ("a", 2) < ("a", 1), (1, 2.5) <= (1, 2.5))
point = (3, 4)
x, y = point
print(x, y, (x * x + y * y) ** 0.5)
points = [(1, 2), (0, 5), (1, -1), (-3, 0)]
print(sorted(points), max(points), min(points))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested[0], len(nested))
as_list = list(t)
as_list.append(0)
print(tuple(as_list), tuple("abc"), tuple(range(3)), tuple([]))
def min_max(xs):
    lo = xs[0]
    hi = xs[0]
    for v in xs:
        if v < lo:
            lo = v
        if v > hi:
            hi = v
    return lo, hi
print(min_max([4, -2, 7, 0]))
lo, hi = min_max((5.5, 2.5, 9.0))
print(lo, hi)
record = ("widget", 2, 3.75)
name, qty, price = record
print(f"{name}: {qty} x {price} = {qty * price}")
coords = ()
for i in range(3):
    coords = coords + (i * 10,)
print(coords)
for a, b in ((1, "one"), (2, "two")):
    print(a, b)
print(tuple([1, [2, 3]]), ((1,),), (((),),))
