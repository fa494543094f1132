# dict literal, d[k], d[k]=v, del, in, len, printing, key types
d = {"a": 1, "b": 2}
print(d, len(d), d["a"], "a" in d, "z" in d, "z" not in d)
d["c"] = 3
d["a"] = 10
print(d)
del d["b"]
print(d, len(d))
d["b"] = 20
print(d)
keys = {1: "int", 2.5: "float", "s": "str", (1, 2): "tuple", True: "bool?", None: "none"}
print(keys)
print(keys[1], keys[2.5], keys[(1, 2)], keys[None])
num = {}
num[1] = "one"
num[1.0] = "one float"
num[True] = "true"
print(num, len(num))
empty = {}
print(empty, len(empty), bool(empty))
nested = {"outer": {"inner": [1, 2, {"deep": "yes"}]}}
print(nested["outer"]["inner"][2]["deep"])
nested["outer"]["new"] = (1,)
print(nested)
counts = {}
for ch in "mississippi":
    if ch in counts:
        counts[ch] += 1
    else:
        counts[ch] = 1
print(counts)
squares = {}
for i in range(-3, 4):
    squares[i] = i * i
print(squares)
del squares[0]
del squares[-3]
print(squares, 0 in squares, 3 in squares)
d2 = {"x": 1, "x": 2, "y": 3}
print(d2)
big = {}
for i in range(100):
    big[i * 7 % 101] = i
total = 0
for k in big:
    total += k * big[k]
print(len(big), total, big[0], big[7], big[100])
for i in range(0, 100, 2):
    del big[i * 7 % 101]
print(len(big), list(big)[:5])
