# OverflowError: int too large to convert to float
x = 2 ** 1024
print(x > 1e308)
print(float(x))
