# integer arithmetic, including negative operands of // and %
a = 17
b = 5
print(a + b, a - b, a * b)
print(a / b, a // b, a % b, a ** 2)
print(-a // b, -a % b)
print(a // -b, a % -b)
print(-a // -b, -a % -b)
print(7 // 7, 0 // 3, 0 % 3, -1 // 10, -1 % 10)
print(2 ** 10, 2 ** 0, 0 ** 0, (-3) ** 3, -3 ** 2)
print(2 ** 62, 3 ** 39)
print(10 ** 18, -(10 ** 18))
print(2 ** -1, 10 ** -3, (-2) ** -2)
print(1 + 2 * 3 - 4 // 2 % 3)
print((1 + 2) * (3 - 4))
print(100 - 3 - 2, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2)
print(6 / 3, 1 / 8, 22 / 7)
x = 12345678
y = 9876
print(x * y, x // y, x % y, (x // y) * y + x % y == x)
for n in range(-6, 7, 3):
    for d in [-4, -3, 3, 4]:
        print(n, d, n // d, n % d, sep=",", end="  ")
    print()
print(-0, +5, -(-5), +(-5))
big = 1000000007
acc = 1
for i in range(1, 40):
    acc = acc * i % big
print(acc)
print(1_000_000 + 0xFF + 0b1010 + 0o17)
