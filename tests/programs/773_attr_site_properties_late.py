# Properties and descriptors added to a class after its attributes were read
# through cached sites; __getattr__ added later; a data descriptor replacing a
# plain class value in place.


class Point:
    scale = 2

    def __init__(self, x):
        self.x = x

    def norm(self):
        return self.x * self.scale


pts = [Point(i) for i in range(3)]


def read_x():
    return [p.x for p in pts]


def norms():
    return [p.norm() for p in pts]


print(read_x(), norms())
# a property named like the instance attribute: the data descriptor wins
Point.x = property(lambda self: "prop-" + str(self.__dict__["x"]))
print(read_x(), [p.__dict__["x"] for p in pts])
del Point.x
print(read_x())
# a property replacing a class value in place (the key stays)
Point.scale = property(lambda self: 10)
print(norms())
Point.scale = 3
print(norms())


class Desc:
    def __get__(self, obj, owner):
        return "desc"

    def __set__(self, obj, value):
        obj.__dict__["seen"] = value


class Q:
    def __init__(self):
        self.v = 1


qs = [Q(), Q()]
out = []
for i in range(6):
    for q in qs:
        out.append(q.v)
        q.v = i
    if i == 2:
        Q.v = Desc()
print(out, [q.__dict__ for q in qs])


class R:
    def __init__(self):
        self.have = 1


r = R()
res = []
for i in range(4):
    try:
        res.append(r.missing)
    except AttributeError:
        res.append("missing")
    res.append(r.have)
    if i == 1:
        R.__getattr__ = lambda self, name: "got-" + name
print(res)


# static and class methods replacing plain methods after the site cached them
class M:
    def f(self):
        return "method"


m = M()
got = []
for i in range(5):
    got.append(m.f())
    if i == 1:
        M.f = staticmethod(lambda: "static")
    if i == 2:
        M.f = classmethod(lambda cls: "class " + cls.__name__)
    if i == 3:
        M.f = lambda self: "plain again"
print(got)
