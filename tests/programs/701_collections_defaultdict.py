from collections import defaultdict

counts = defaultdict(int)
for w in "the cat and the dog and the end".split():
    counts[w] += 1
print(counts)
print(dict(counts), sorted(counts.items()), len(counts), "cat" in counts, "x" in counts)
print(counts.get("zzz"), counts.get("cat"), counts["missing"], len(counts))
groups = defaultdict(list)
for name, team in [("ann", "red"), ("bob", "blue"), ("cid", "red")]:
    groups[team].append(name)
print(groups, list(groups), list(groups.keys()), list(groups.values()))
for k, v in groups.items():
    print(k, v)
del groups["blue"]
print(groups, groups.pop("red"), groups)
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 2
nested["b"]["y"] += 1
print({k: dict(v) for k, v in nested.items()})
s = defaultdict(set)
s[1].add(2)
s[1].add(3)
print(s)
plain = defaultdict()
try:
    plain["nope"]
except KeyError as e:
    print("KeyError", e)
print(plain, plain.default_factory)
d2 = defaultdict(str, {"a": "x"}, b="y")
print(d2, d2["c"], d2)
print(d2 == {"a": "x", "b": "y", "c": ""}, d2.setdefault("q", "z"), d2.copy())
dl = defaultdict(list)
dl.update({"k": [1]})
print(dl, dl.popitem(), dl)
