# ZeroDivisionError on a big int
x = 3 ** 100
print(x % 7)
print(x // (x - x))
