# ValueError: negative shift count with a big int
x = 2 ** 70
print(x >> 3)
print(x << -(2 ** 70))
