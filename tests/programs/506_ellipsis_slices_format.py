# Ellipsis, unhashable slices, %-formatting of big ints with large precisions
print(..., repr(...), ... is ..., ... == ..., ... != None, str(...))
x = [..., 1]
print(x, x[0] is ..., bool(...))
d = {...: "ellipsis"}
print(d[...], hash(...) == hash(...))


def f():
    return ...


print(f() is Ellipsis, Ellipsis)

for target in [{}, {1: 2}]:
    try:
        target[:] = {}
    except TypeError as e:
        print("TypeError", e)
try:
    {(1, 2)[:]: 1, "x": {}}["x"][1:2] = 3
except TypeError as e:
    print("TypeError", e)

for e in (9, 20, 60, 101):
    n = 10 ** e
    for fmt in ("%.23e", "%.35f", "%.25g", "%30d", "%-12.5e|"):
        s = fmt % n
        print(len(s), s[:40])
print("%*d|" % (5, 42), "%.*f" % (3, 2.5))
