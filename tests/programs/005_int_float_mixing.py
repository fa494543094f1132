# int/float mixing in arithmetic and comparisons
print(1 + 1.0, 2 * 3.0, 7 - 0.5, 10 / 2, 10 // 2.0, 10 % 3.0)
print(1 == 1.0, 2 < 2.5, 3 > 2.999, 0 == -0.0, 5 != 5.0)
print(True + 1, True + 1.5, False * 10, True / 2)
print(3 ** 2.0, 2.0 ** 3, 4 ** 0.5, 8 ** -1)
print(int(3.7), int(-3.7), float(3), float(-0))
n = 7
f = 2.0
print(n / f, n // f, n % f, n * f, n - f)
print(max(1, 2.5, 2), min(3, 1.0, 2), max(2, 2.0), max(2.0, 2))
print(sum([1, 2.5, 3]), sum([1, 2, 3], 0.5))
print(abs(-3), abs(-3.0), abs(3))
prices = [19, 5.5, 3, 12.25]
total = 0
for p in prices:
    total += p
print(total, isinstance(total, float))
avg = total / len(prices)
print(avg)
count = 0
for i in range(1, 11):
    count += i
print(count, count / 10, count // 10, count / 4)
print(2 ** 62 / 2, float(2 ** 62), 2 ** 53 == 2.0 ** 53)
print(1 / 10 * 10, 1 / 10 * 3, 3 * (1 / 10))
print(-7 / 7, 0 / 5, 0 / -5, -0.0 / 5)
# comparisons at the int64 boundary, where the float is exactly 2**63 or -2**63
big = 9.223372036854776e+18
print(0 > big, 0 < big, 5 == big, -1 > -big, (2**63 - 1) < big, -2**63 == -big, -2**63 <= -big)
