# OverflowError: cannot fit 'int' into an index-sized integer
n = 2 ** 64
print("ab" * 2)
print([0] * n)
