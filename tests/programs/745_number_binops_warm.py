# int and float arithmetic the loop leaves to a helper: true division of ints, powers,
# float floor division and modulo, mixed operands, results that become big ints,
# and every error they raise (caught here, so the program goes on)
def show(label, f):
    try:
        print(label, f())
    except (ZeroDivisionError, OverflowError, ValueError) as e:
        print(label, type(e).__name__, e)


a, b = 7, 2
print(a / b, -a / b, a / -b, 6 / 3, 1 / 3)
print(a ** b, (-3) ** 3, 2 ** 0, 0 ** 0, 2 ** -1, (-2) ** -2)
print(2 ** 62, 2 ** 63, 2 ** 64, 3 ** 40, (-7) ** 23)
print(2.5 ** 2, 2 ** 0.5, 9.0 ** 0.5, 1.5 ** -2, 0.0 ** 0, 4 ** 0.5)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7 // 2.0, -7 % 2.5, 1e300 // 1e-10)
print(5.0 % -3, 0.0 % 5, -0.0 // 1)
total = 0.0
for i in range(1, 2000):
    total += i ** 0.5 + (i % 7) / 3 + 2 ** (i % 5) + 1.0001 ** i
print(round(total, 6))
x = 3
x /= 2
y = 2
y **= 70
print(x, y)
show("zero div", lambda: a / 0)
show("float zero div", lambda: 1.5 / 0)
show("zero pow", lambda: 0 ** -1)
show("float zero pow", lambda: 0.0 ** -2)
show("floordiv zero", lambda: 2.5 // 0)
show("mod zero", lambda: 2.5 % 0.0)
show("overflow", lambda: 10.0 ** 400)
show("overflow int float", lambda: 2 ** 5000.0)
show("big", lambda: len(str(3 ** 1000)))
