# int, float, str, bool, list, tuple, dict, repr conversions
print(int("42"), int("-17"), int("  8  "), int("+5"), int("007"), int(3.99), int(-3.99), int(True))
print(int("ff", 16), int("FF", 16), int("1010", 2), int("777", 8), int("z", 36), int("-10", 3), int("0x1f", 16))
print(int(1e15), int(-0.5), int(2.0 ** 40))
print(float("3.25"), float("-1e3"), float("  2.5 "), float("inf"), float("-inf"), float(7), float("1E-2"), float(".5"))
print(float(True), float("10"), float(-0), float("0.1") + float("0.2"))
print(str(42), str(-3.5), str(True), str(None), str([1, "a"]), str((1,)), str({"k": 1.0}), str("s"))
print(repr(42), repr("s"), repr([1, "a"]), repr(None), repr(1e-7), repr(True))
print(bool(0), bool(1), bool(""), bool("0"), bool([]), bool([0]), bool(None), bool(0.0), bool({}), bool(()))
print(list("abc"), list((1, 2)), list(range(3)), list({"a": 1, "b": 2}), list([]), list())
print(tuple("hi"), tuple([1, [2]]), tuple(range(2, 5)), tuple({"x": 0}), tuple())
print(dict([("a", 1), ("b", 2)]), dict(one=1, two=2), dict([(1, 2), [3, 4]]), dict({"z": 0}), dict())
print(dict(zip(["k1", "k2"], [True, None])))
n = 255
s = str(n)
print(s, len(s), s + "!", int(s) + 1, float(s) / 2)
digits = []
for ch in str(9075):
    digits.append(int(ch))
print(digits, sum(digits))
values = ["12", "3.5", "-7", "1e2", "0.25"]
total = 0.0
for v in values:
    total += float(v)
print(total)
print(int(float("2.9")), int(str(12) + str(34)), str(int("0012")))
print(str(0.1 + 0.2), str(1e16), str(-0.0), str(1/3))
print(list(str(3.14)), tuple(str(10)))
print(int("-0"), float("-0"), int(" -42\n"))
