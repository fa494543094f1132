# dict insertion order, iteration over keys/values/items, re-insertion
d = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
print(d)
for k in d:
    print(k, end=" ")
print()
for v in d.values():
    print(v, end=" ")
print()
for k, v in d.items():
    print(f"{k}={v}", end=" ")
print()
d["alpha"] = 99
print(list(d))
del d["zeta"]
d["zeta"] = 0
print(list(d), list(d.values()))
print(sorted(d), sorted(d.values()), sorted(d.items()))
ints = {}
for i in [5, 3, 9, 1, 7]:
    ints[i] = i * 10
print(ints, list(ints.keys()))
print(list(reversed(list(ints))))
mixed = {3: "c", "1": "a", 2.0: "b", (0,): "t"}
for k in mixed:
    print(repr(k), mixed[k])
m = {}
for i in range(20):
    m[i] = i
for i in range(0, 20, 3):
    del m[i]
for i in range(0, 20, 6):
    m[i] = -i
print(m)
inverted = {}
for k, v in {"a": 1, "b": 2, "c": 1}.items():
    inverted.setdefault(v, []).append(k)
print(inverted)
for i, (k, v) in enumerate(d.items()):
    print(i, k, v)
