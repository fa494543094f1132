# Big ints: factorials, Fibonacci, powers, floor division and modulo of negatives
def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


print(factorial(30))
print(factorial(100))
print(fib(300))
print(2 ** 1000 % 97)
print(pow(3, 10 ** 5, 10 ** 9 + 7))
print(pow(2, -1, 97), pow(-7, 3, 2 ** 70 + 1))
print(10 ** 40 // 7, 10 ** 40 % 7)
big = 12345678901234567890123456789
for a in (big, -big):
    for b in (97, -97, 2 ** 65 + 3, -(2 ** 65 + 3)):
        print(a // b, a % b, divmod(a, b))
print(-(2 ** 63), -(-(2 ** 63)), abs(-(2 ** 63)), (-(2 ** 63)) // -1, (-(2 ** 63)) % -1)
print(9223372036854775807 + 1, -9223372036854775808 - 1, 3037000500 * 3037000500)
print(2 ** 64 - 2 ** 64, (2 ** 64) // (2 ** 32), type(2 ** 64 - 2 ** 64))
print(big / 3, big / big, 2 ** 80 / 2 ** 78, (10 ** 30 + 1) / 10 ** 30)
print(big * 1.5, big + 0.5, big - 2.0 ** 70)
x = 1
for i in range(70):
    x = x * 3 - i
print(x, -x, +x, ~x, ~-x)
acc = 0
for k in range(1, 40):
    acc += k ** 25
print(acc)
acc -= 10 ** 60
acc *= -3
acc //= 7
acc %= 10 ** 20 + 39
print(acc)
print(0 ** 0, (-2) ** 127, (-3) ** 64, 7 ** 40 // 7 ** 39)
print(int(1e30), int(-1.5e20), int(2.0 ** 100), float(2 ** 100), float(-(2 ** 70)))
print(int(float(big)), int("123456789012345678901234567890"), int("-ffffffffffffffffffff", 16))
print(int("1" * 100, 2), int("z" * 20, 36), int("  -0o777777777777777777777777 ", 0))
