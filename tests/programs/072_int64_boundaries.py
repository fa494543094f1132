# ints at the edges of the signed 64-bit range (no intermediate leaves it)
MAX = 9223372036854775807
MIN = -MAX - 1
print(MAX, MIN, MAX == 2 ** 62 - 1 + 2 ** 62, MIN == -(2 ** 62) * 2)
print(MAX - 1, MIN + 1, -MAX, MAX + MIN, abs(MIN + 1))
print(MAX // 2, MAX % 10, MIN // 2, MIN % 10, MIN // 3, MIN % 3, MIN % -1, MIN // 1)
print(MAX // -1, MIN % 7, MAX % -7, MIN // MIN, MAX // MAX, MIN % MAX)
print(MAX >> 1, MIN >> 1, MIN >> 63, MAX >> 62, MAX >> 63, MIN >> 100, 1 << 62)
print(MAX & MIN, MAX | MIN, MAX ^ MIN, ~MAX, ~MIN, MIN & 0xFF, MAX & -MAX)
print(MAX / 2, MIN / 2, float(MAX), float(MIN), MAX / MAX, MIN / -1)
print(MAX > 9.2e18, MIN < -9.2e18, MAX == float(MAX), MIN == float(MIN))
print(int(9.2e18), int(-9.223372036854775e18), int(str(MAX)), int(str(MIN)))
print(3037000499 * 3037000499, -3037000499 * 3037000499, 2 ** 31 * 2 ** 31)
print(10 ** 18 + 10 ** 18, 999999999999999999 * 9, -(10 ** 18) * 9)
print(f"{MAX:,}", f"{MIN:,}", f"{MAX:>25}", str(MIN)[1:])
acc = 1
for i in range(1, 21):
    acc *= i
print("20! =", acc)
x = MAX
x -= 5
x += 5
print(x == MAX, x)
y = MIN
y //= 2
y *= 2
print(y == MIN)
print(sum([MAX, MIN, 1]), max(MAX, MIN), min(MIN, 0), abs(-MAX))
print(-(2 ** 62 - 1 + 2 ** 62) - 1 == MIN, (-2) ** 62, (-2) ** 63 == MIN)
