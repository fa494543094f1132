# subclasses of set and frozenset; builtin bases in multiple inheritance; errors


class Tags(set):
    def add_all(self, *xs):
        for x in xs:
            self.add(x)


t = Tags([1, 2])
t.add_all(3, 4)
t.discard(1)
print(sorted(t), len(t), 3 in t, t & {3, 9}, t | {0}, t - {2}, t ^ {2, 7})
t |= {10}
t -= {2}
print(sorted(t), type(t).__name__, isinstance(t, set), t == {3, 4, 10}, t <= {3, 4, 10, 11})


class Frozen(frozenset):
    pass


fz = Frozen([3, 1, 2])
print(sorted(fz), hash(fz) == hash(frozenset([1, 2, 3])), fz | {4}, len(fz))


class Base:
    def __init__(self, *args):
        print("Base.__init__", args)

    def describe(self):
        return type(self).__name__ + " of " + str(len(self))


class Mixed(Base, list):
    pass


class Mixed2(list, Base):
    pass


m = Mixed([1, 2, 3])
print(len(m), m.describe())
m2 = Mixed2([1, 2, 3])
print(len(m2), m2.describe(), [c.__name__ for c in Mixed2.__mro__ if c is not object][-1])


class Deeper(Mixed2):
    def append(self, x):
        super().append(x * 10)


d = Deeper([1])
d.append(2)
print(d, isinstance(d, list), isinstance(d, Base))
try:
    class X(list, tuple):
        pass
except TypeError as e:
    print("TypeError", e)
try:
    class Y(int, str):
        pass
except TypeError as e:
    print("TypeError", e)
