# del of names, list items, slices and dict keys
x = 5
y = "keep"
del x
print(y)
x = "rebound"
print(x)
xs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
del xs[0]
print(xs)
del xs[-1]
print(xs)
del xs[2:4]
print(xs)
del xs[::3]
print(xs)
del xs[1], xs[0]
print(xs)
d = {"a": 1, "b": 2, "c": 3, "d": 4}
del d["b"]
print(d)
del d["a"], d["d"]
print(d)
d["a"] = 0
print(d)
nested = {"list": [1, 2, 3], "dict": {"k": "v", "w": "z"}}
del nested["list"][1]
del nested["dict"]["k"]
print(nested)
grid = [[1, 2], [3, 4], [5, 6]]
del grid[1][0]
del grid[0]
print(grid)
def remove_negatives(values):
    i = 0
    while i < len(values):
        if values[i] < 0:
            del values[i]
        else:
            i += 1
    return values
print(remove_negatives([3, -1, -2, 4, -5, 6]))
def local_del():
    temp = [1, 2]
    total = sum(temp)
    del temp
    return total
print(local_del())
a, b = 1, 2
del a, b
a = 10
print(a)
