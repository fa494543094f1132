# repr/str of floats: shortest round-trip text, exponent switching, specials
print(0.1 + 0.2)
print(0.1 + 0.7)
print(1e16, 1e15, 123456789012345.6, 1234567890123456.7)
print(1e-7, 1e-4, 0.0001, 0.00001, 1e-5)
print(1 / 3, 2 / 3, 10 / 3)
print(-0.0, 0.0, -0.0 == 0.0)
inf = float("inf")
print(inf, -inf, inf > 1e308, -inf < -1e308, inf + 1, inf * 2)
print(inf - inf, 0 * inf)
print(1e22, 1e21, 1e20, 1e100, 1.5e300)
print(5e-324, 1.7976931348623157e308, 2.2250738585072014e-308)
print(float(2 ** 53), float(2 ** 53 + 1), 2.0 ** 53 + 1)
print(100.0, 1.0, 12.0, 1e2, 0.5, 0.25, 0.125)
print(3.14159, 2.718281828459045, 1.4142135623730951)
print(123.456, -987.654321, 1.0000000000000002)
print(repr(0.1), str(0.1), repr(1e16), str(-2.5))
print([0.1, 0.2, 0.1 + 0.2, 1e-9, -1e20])
print((1.5, -0.0, 2e-10))
print(f"{2.5:.0f} {3.5:.0f} {0.5:.0f} {1.5:.0f} {-2.5:.0f}")
print(f"{2.675:.2f} {1.005:.2f} {0.125:.2f} {0.375:.2f}")
print(f"{1e16:.1f} {1/3:.10f} {-0.0:.3f}")
print(f"{0.1 + 0.2}", f"{inf}", f"{-inf:.2f}")
print(9007199254740993.0, 0.3, 0.30000000000000004 == 0.1 + 0.2)
print(1e-310, 4.9406564584124654e-324)
print(float("1e500"), float("-1e500"), float("1e-400"))
print(12345678.9, 123456789.0 * 10, 0.1 * 0.1)
x = 1.0
for i in range(6):
    x = x / 10
    print(x, end=" ")
print()
y = 1.0
for i in range(6):
    y = y * 1000
    print(y, end=" ")
print()
