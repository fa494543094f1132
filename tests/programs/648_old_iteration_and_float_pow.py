# Iteration through __getitem__ stops at IndexError or StopIteration and is lazy;
# hasattr sees a class's special attributes; float ** with infinities and NaN
class Seq:
    def __getitem__(self, i):
        print("getitem", i)
        if i > 2:
            raise StopIteration
        return i * 10


for v in Seq():
    print("got", v)
it = iter(Seq())
print(next(it), next(it))
print(list(Seq()), 20 in Seq())


class Short:
    def __getitem__(self, i):
        if i >= 2:
            raise IndexError
        return "ab"[i]


print(list(Short()), sorted(Short(), reverse=True))


class A:
    pass


print([hasattr(A, n) for n in ("__name__", "__bases__", "__base__", "__mro__", "__dict__",
                               "__doc__", "__missing__")])
inf = float("inf")
nan = float("nan")
for x in (inf, -inf, nan, 0.0, -0.0, 1.0, -1.0, 2.0):
    row = []
    for y in (inf, -inf, nan, 0.0, 2.0, 3.0, -0.5, -2.0):
        if x < 0 and y == -0.5 and x != -inf:
            continue    # a complex result in CPython
        try:
            row.append(repr(x ** y))
        except ZeroDivisionError as e:
            row.append("ZeroDivisionError")
    print(x, row)
