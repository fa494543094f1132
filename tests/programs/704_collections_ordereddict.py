import collections
from collections import OrderedDict

od = OrderedDict()
od["b"] = 2
od["a"] = 1
od["c"] = 3
print(od, list(od), od["a"], len(od), "c" in od)
od.move_to_end("b")
print(od)
od.move_to_end("c", last=False)
print(od)
print(od.popitem(), od.popitem(last=False), od)
od2 = OrderedDict([("x", 1), ("y", 2)])
od3 = OrderedDict([("y", 2), ("x", 1)])
print(od2 == od3, od2 == dict(od3), dict(od2) == dict(od3))
print(OrderedDict(), OrderedDict(a=1), list(reversed(od2)))
lru = OrderedDict()
for key in [1, 2, 3, 1, 4, 2, 5]:
    if key in lru:
        lru.move_to_end(key)
    lru[key] = key * 10
    if len(lru) > 3:
        lru.popitem(last=False)
print(lru, list(lru.items()), list(lru.values()))
print(collections.OrderedDict is OrderedDict, collections.deque([1]))
cm = collections.ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], "b" in cm, len(cm), sorted(cm), cm.get("z", 0))
