# Big ints: comparisons with ints and floats, hashing, dict keys, sets of keys, sorting
a = 2 ** 64
print(a == 2.0 ** 64, a != 2.0 ** 64, 2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > float(2 ** 53 + 1))
print(a > 2 ** 63 - 1, -a < -(2 ** 63), a == a + 0, a is not None, a < float("inf"), -a > float("-inf"))
print(a < float("nan"), a > float("nan"), a == float("nan"), 10 ** 400 > 1e308, -(10 ** 400) < -1e308)
print(2 ** 1024 > 1.7976931348623157e308, 2 ** 1023 == 2.0 ** 1023, (2 ** 1023 + 1) > 2.0 ** 1023)
print(2 ** 70 + 0.0 == 2 ** 70, 2 ** 70 + 1 == 2.0 ** 70, 2 ** 70 - 1 < 2.0 ** 70)
print(1 < 2 ** 70 < 2 ** 71 <= 2 ** 71 < 3.0 ** 50)
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 64), hash(-(2 ** 64)), hash(2 ** 100 + 7))
print(hash(10 ** 30), hash(-(10 ** 30)), hash((2 ** 70, 1)), hash(2 ** 64) == hash(2.0 ** 64))
print(hash(-(2 ** 61 - 1) * 2 ** 40 - 1), hash(2 ** 62), hash(-(2 ** 63)))
d = {}
for i in range(60, 80):
    d[2 ** i] = i
    d[-(2 ** i)] = -i
print(d[2 ** 70], d[-(2 ** 75)], 2 ** 79 in d, 2 ** 80 in d, len(d))
d[2.0 ** 70] = "float key"
print(d[2 ** 70], len(d))
d[(2 ** 65, "x")] = 1
print(d[(2 ** 65, "x")], (2 ** 65, "x") in d, (2 ** 65 + 1, "x") in d)
keys = {2 ** 100: 1, 2 ** 100 + 1: 2}
keys[2 ** 100] += 10
print(keys)
vals = [3, 2 ** 70, -5, -(2 ** 70), 2.5, 2 ** 64, 10 ** 20, -1e30, 2 ** 63, 2 ** 63 - 1]
print(sorted(vals))
print(sorted(vals, reverse=True))
print(min(vals), max(vals), min(2 ** 65, 2.0 ** 65), max(2.0 ** 65, 2 ** 65))
print([2 ** 64, 1] < [2 ** 64, 2], (2 ** 64,) == (2 ** 64,), [2 ** 70] == [2.0 ** 70])
print(2 ** 70 in [1, 2, 2 ** 70], 2 ** 70 in (2.0 ** 70,), 2 ** 70 in range(10))
print(bool(2 ** 70), not 2 ** 70, bool(-(2 ** 70)), 2 ** 70 and "yes", 0 or 2 ** 70)
if 2 ** 100:
    print("truthy")
print(isinstance(2 ** 100, int), type(2 ** 100) is int, str(2 ** 100), repr(-(2 ** 100)))
lst = [1, 2]
lst *= 2 ** 64 - 2 ** 64 + 2
print(lst, [2 ** 64] * 2, 3 * (2 ** 65,))
