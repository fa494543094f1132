# None, `is` / `is not` with None, functions returning None
def find(xs, target):
    for i in range(len(xs)):
        if xs[i] == target:
            return i
    return None
def nothing():
    pass
def early(x):
    if x > 0:
        return
    print("non-positive", x)
r = find([4, 8, 15, 16], 15)
print(r, r is None, r is not None)
r = find([4, 8, 15, 16], 42)
print(r, r is None, r is not None)
print(nothing(), nothing() is None)
print(early(3), early(-1))
x = None
if x is None:
    print("x is None")
x = 0
if x is not None:
    print("x is not None, falsy:", not x)
print(None == None, None != 0, None == 0, None == "", None == False)
items = [None, 0, None, "", None]
n = 0
for it in items:
    if it is None:
        n += 1
print("nones:", n)
cache = {"a": None}
print(cache.get("a") is None, cache.get("b") is None, "a" in cache)
print(repr(None), str(None), [None, (None,)], {None: None})
def default_list(items=None):
    if items is None:
        items = []
    items.append(1)
    return items
print(default_list(), default_list(), default_list([5]))
