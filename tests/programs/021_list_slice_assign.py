# slice assignment and del on lists
xs = list(range(10))
xs[2:5] = ["a", "b", "c"]
print(xs)
xs[2:5] = []
print(xs)
xs[1:1] = [100, 200]
print(xs)
xs[:2] = [0]
print(xs)
xs[-2:] = ["x", "y", "z"]
print(xs)
xs[::2] = [-1, -2, -3, -4, -5]
print(xs)
ys = [1, 2, 3, 4, 5, 6]
ys[::-2] = ["a", "b", "c"]
print(ys)
ys[:] = [7, 8]
print(ys)
ys[len(ys):] = [9]
print(ys)
zs = list("abcdefgh")
del zs[0]
print(zs)
del zs[-1]
print(zs)
del zs[1:3]
print(zs)
del zs[::2]
print(zs)
ws = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
del ws[5:]
print(ws)
del ws[:]
print(ws, len(ws))
m = [1, 2, 3]
m[1:2] = "xyz"
print(m)
m[0:0] = (5, 6)
print(m)
n = [1, 2, 3, 4]
n[3:1] = [0]
print(n)
