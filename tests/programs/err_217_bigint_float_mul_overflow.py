# OverflowError: int too large to convert to float (mixing a huge int and a float)
x = 10 ** 400
print(x * 2)
print(x * 1.5)
