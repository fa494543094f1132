# float arithmetic and operator semantics
x = 3.5
y = -1.25
print(x + y, x - y, x * y, x / y)
print(x // y, x % y, -x // y, -x % y)
print(x ** 2, y ** 3, 2.0 ** 0.5, 9 ** 0.5, 2 ** 0.5)
print(7.0 // 2, 7.0 % 2, -7.0 // 2, -7.0 % 2)
print(7.5 % -2, -7.5 % -2, 7.5 // -2)
print(1.0 / 3, 2 / 3.0, 10 / 4)
print(0.5 + 0.25 + 0.125)
print(1e3 * 1e3, 1.5e-3 * 2)
print(2.0 ** 10, 2.0 ** -2, 0.5 ** -3, (-2.0) ** 3, (-2.0) ** 2)
print(10.0 ** 20, 10.0 ** 21, 10.0 ** -5)
print(1.1 * 1.1, 0.1 * 3, 3 * 0.1)
print(100.0 / 7, 1e10 / 3)
total = 0.0
for i in range(10):
    total += 0.1
print(total, total == 1.0, abs(total - 1.0) < 1e-9)
v = 1.0
for i in range(5):
    v = v * 1.5 - 0.25
    print(i, v)
print(-x, +y, abs(y), abs(-0.0))
print(5.0 - 5, 5.0 * 0, 0.0 * -1)
print(float(7) / 2, int(7.9) / 2)
