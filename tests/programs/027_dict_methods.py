# dict methods: get, keys, values, items, pop, setdefault, update; dict() constructor
stock = {"apple": 5, "pear": 0, "plum": 12}
print(stock.get("apple"), stock.get("kiwi"), stock.get("kiwi", -1), stock.get("pear", 99))
print(list(stock.keys()), list(stock.values()), list(stock.items()))
print(stock.pop("pear"), stock, stock.pop("nope", "default"))
print(stock.setdefault("apple", 100), stock.setdefault("fig", 7), stock)
stock.update({"plum": 1, "date": 4})
print(stock)
stock.update([("kiwi", 3), ("apple", 0)])
print(stock)
stock.update(melon=2, fig=8)
print(stock)
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
d = dict([("a", 1), ("b", 2)])
e = dict(x=10, y=20)
f = dict(d)
f["c"] = 3
g = dict()
print(d, e, f, g)
print(dict([(1, "one"), (1, "uno")]), dict(zip("abc", range(3))))
inventory = {"bolts": 120, "nuts": 80, "washers": 45}
total = 0
for name, qty in inventory.items():
    total += qty
    print(f"{name:<8}{qty:>5}")
print("total", total, sum(inventory.values()), max(inventory.values()), min(inventory))
removed = []
for key in list(inventory.keys()):
    if inventory[key] < 100:
        removed.append(inventory.pop(key))
print(inventory, removed)
h = {}
print(h.get("x", []), h.setdefault("x", 0), h)
h["x"] += 5
print(h)
