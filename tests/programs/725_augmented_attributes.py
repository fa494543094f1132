# obj.attr op= y: a local obj is loaded again for the store when nothing in y can
# rebind it; the general order everywhere else


class Counter:
    shared = 10

    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n += k
        self.shared += 1        # reads the class attribute, stores on the instance
        return self.n


class Box:
    v = 1


class Temperature:
    def __init__(self):
        self._c = 20

    @property
    def celsius(self):
        print("read celsius")
        return self._c

    @celsius.setter
    def celsius(self, value):
        print("write celsius", value)
        self._c = value


class Frozen:
    @property
    def fixed(self):
        return 1


def locals_only():
    c = Counter()
    print(c.bump(2), c.bump(3), c.shared, Counter.shared)
    box = Box()
    box.v *= 7
    box.v += 1
    print(box.v, Box.v)
    t = Temperature()
    t.celsius -= 5
    print(t.celsius)


def rebinding():
    a = Counter()
    b = Counter()
    a.n += (a := b).n + 5    # the walrus rebinds a: the store goes to the old object
    print(a is b, b.n)
    holder = Counter()
    def swap():
        nonlocal holder
        holder = Counter()
        return 100
    holder.n += swap()       # holder is a cell: the old way
    print(holder.n)


def errors():
    c = Counter()
    try:
        c.missing += 1
    except AttributeError as e:
        print("AttributeError", e)
    f = Frozen()
    try:
        f.fixed += 1
    except AttributeError:
        print("AttributeError (no setter)", f.fixed)
    c.n = "s"
    try:
        c.n += 1
    except TypeError as e:
        print("TypeError", e)
    print(c.n)


def in_a_generator():
    c = Counter()
    for _ in range(3):
        c.n += (yield c.n)
    print("done", c.n)


locals_only()
rebinding()
errors()
g = in_a_generator()
print(next(g), g.send(2), g.send(3))
try:
    g.send(4)
except StopIteration:
    print("stopped")
