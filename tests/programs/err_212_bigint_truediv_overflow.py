# OverflowError: integer division result too large for a float
x = 10 ** 400
print(x // 3 > 0)
print(x / 3)
