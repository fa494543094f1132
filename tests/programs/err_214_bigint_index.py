# IndexError: cannot fit 'int' into an index-sized integer
items = [1, 2, 3]
print(items[2 ** 62 - 2 ** 62 + 1])
print(items[2 ** 70])
