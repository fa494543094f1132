# special methods of builtin containers called by name
d = {}
d.__setitem__("2", "two")
print(d.__getitem__("2"), d.__contains__("2"), d.__contains__(3), d.__len__())
d.__delitem__("2")
print(d, d.__len__())
s = {1, 2}
print(s.__contains__(1), s.__contains__(3), s.__len__(), frozenset([4]).__contains__(4))
xs = [10, 20, 30]
print(xs.__getitem__(0), xs.__getitem__(-1), xs.__getitem__(slice(1, None)), xs.__len__())
xs.__setitem__(1, "b")
xs.__delitem__(0)
print(xs, xs.__contains__("b"), xs.__contains__(10))
xs.__setitem__(slice(0, 1), [7, 8, 9])
print(xs)
t = (1, (2, 3))
print(t.__getitem__(1) is t[1], t.__contains__(1), t.__len__())
print("hello".__getitem__(1), "hello".__contains__("ll"), "hello".__len__())
r = range(0, 20, 5)
print(r.__getitem__(2), r.__contains__(15), r.__contains__(16), r.__len__())
it = iter([1, 2])
print(it.__next__(), it.__next__())
try:
    it.__next__()
except StopIteration:
    print("StopIteration")
for bad in [lambda: d.__getitem__("missing"), lambda: xs.__getitem__(99),
            lambda: xs.__setitem__(99, 0), lambda: d.__delitem__("x"),
            lambda: s.__contains__([1]), lambda: xs.__getitem__("a")]:
    try:
        bad()
    except (KeyError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
m = d.__getitem__ if False else None
print(m)
sl = slice(1, 10, 2)
print(sl, [0, 1, 2, 3, 4, 5][sl], "abcdefgh"[slice(3)], isinstance(sl, slice), type(sl))
print(sl.start, sl.stop, sl.step)
