# Binary operators on ints and floats that the loop does not run inline (x ** y,
# float // and %, shifts, bitwise ops, negative divisors, results that become big
# ints) and their errors: the path from cold_b straight to arith.binop.
vals = [0, 1, -1, 7, -7, 2, 3, 2.5, -2.5, 0.0, -0.0, 1e300, 0.5]
ops = ["**", "//", "%", "<<", ">>", "&", "|", "^", "/", "*", "+", "-"]
for a in vals:
    row = []
    for op in ops:
        for b in (3, -2, 0, 2.0, 0.5, -0.5):
            if op == "**" and a < 0 and b != int(b):
                continue                # a complex result (not in Amber's language)
            try:
                if op == "**":
                    r = a ** b
                elif op == "//":
                    r = a // b
                elif op == "%":
                    r = a % b
                elif op == "<<":
                    r = a << b
                elif op == ">>":
                    r = a >> b
                elif op == "&":
                    r = a & b
                elif op == "|":
                    r = a | b
                elif op == "^":
                    r = a ^ b
                elif op == "/":
                    r = a / b
                elif op == "*":
                    r = a * b
                elif op == "+":
                    r = a + b
                else:
                    r = a - b
                row.append(r)
            except Exception as e:
                row.append(type(e).__name__)
    print(a, row)
x = 2.0
t = 0.0
for i in range(1000):
    t += x ** 0.5 + (i * 1.5) // 2.0 + (i * 0.25) % 3.0 + (i << 3) + (i >> 1) + (i & 5)
print(t)
print(2 ** 100, 3 ** 40 // 7, (1 << 70) % 1000, -(2 ** 63) // -1, 10 ** 20 % 7)
try:
    print(10.0 ** 400)
except OverflowError as e:
    print("OverflowError", e)
n = 5
n **= 2
n //= -3
n <<= 4
f = 9.0
f **= 0.5
f //= 2.0
f %= 0.75
print(n, f)
