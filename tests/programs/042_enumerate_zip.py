# enumerate (with start) and zip (2 and 3 args, unequal lengths)
fruits = ["apple", "banana", "cherry"]
for i, f in enumerate(fruits):
    print(i, f)
for i, f in enumerate(fruits, 1):
    print(f"{i}. {f}")
for i, f in enumerate(fruits, start=10):
    print(i, f, end="; ")
print()
print(list(enumerate("ab")), list(enumerate([], 5)), list(enumerate((7, 8), -1)))
prices = [1.25, 0.5, 3.0]
for name, price in zip(fruits, prices):
    print(f"{name:>8}: {price:.2f}")
qty = [3, 10]
print(list(zip(fruits, prices, qty)))
print(list(zip("abc", range(10))), list(zip([], [1])), list(zip([1, 2, 3])))
total = 0
for f, p, q in zip(fruits, prices, qty):
    total += p * q
print(total)
a = [1, 2, 3, 4]
b = [10, 20, 30, 40]
dot = 0
for x, y in zip(a, b):
    dot += x * y
print(dot)
pairs = list(zip(a, a[1:]))
print(pairs)
diffs = []
for x, y in pairs:
    diffs.append(y - x)
print(diffs)
keys = ["id", "name", "score"]
rows = [[1, "ann", 9.5], [2, "bob", 7.25]]
for row in rows:
    print(dict(zip(keys, row)))
for i, (k, v) in enumerate(zip(keys, rows[0])):
    print(i, k, v)
matrix = [[1, 2, 3], [4, 5, 6]]
transposed = []
for col in zip(matrix[0], matrix[1]):
    transposed.append(list(col))
print(transposed)
for idx, ch in enumerate("héllo"):
    if ch == "l":
        print("first l at", idx)
        break
