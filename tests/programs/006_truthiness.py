# truthiness of every value type
values = [0, 1, -1, 0.0, -0.0, 0.5, "", "a", " ", [], [0], (), (0,), {}, {"k": 0}, None, True, False, range(0), range(3)]
for v in values:
    if v:
        print(repr(v), "is truthy", bool(v))
    else:
        print(repr(v), "is falsy", bool(v))
print(not 0, not 1, not "", not "x", not [], not None)
count = 0
for v in values:
    if not v:
        count += 1
print("falsy count:", count)
xs = [3, 0, "", "hi", None, [1]]
kept = []
for v in xs:
    if v:
        kept.append(v)
print(kept)
s = ""
while not s:
    s = s + "filled"
print(s)
items = [1, 2, 3]
while items:
    print(items.pop(), end=" ")
print()
print(bool(0.0), bool(0.0001), bool(-1), bool("False"), bool([[]]))
