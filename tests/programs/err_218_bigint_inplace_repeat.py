# OverflowError: in-place list repetition by a big int
lst = [1, 2]
lst *= 3
print(lst)
lst *= 2 ** 64
print(lst)
