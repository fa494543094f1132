from collections import namedtuple

Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[1], p[-1], len(p))
x, y = p
print(x, y, tuple(p), list(p), p == (1, 2), p != (1, 3), (1, 2) == p)
print(p._asdict(), p._replace(x=5), Point._fields, Point._make([3, 4]))
print(p[:1], p + (3,), 2 in p, p.index(2), p.count(1), hash(p) == hash((1, 2)))
Emp = namedtuple("Emp", ["name", "age", "dept"], defaults=["none"])
e = Emp("ann", 30)
print(e, Emp._field_defaults, e.dept)
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
print(max([Point(2, 1), Point(1, 5)]), Point(1, 2) < Point(1, 3))
R = namedtuple("R", "a, b, c")
r = R(1, 2, 3)
print(r, R(c=3, b=2, a=1), type(r).__name__)


class Vec(namedtuple("Vec", "x y")):
    def norm2(self):
        return self.x * self.x + self.y * self.y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)


v = Vec(3, 4)
print(v, v.norm2(), v + Vec(1, 1), isinstance(v, Vec))
print(namedtuple("T", "a b", rename=True)(1, 2), namedtuple("U", "a def a", rename=True)._fields)
for bad in [("P", "x x"), ("P", "x _y"), ("1P", "x"), ("P", "class")]:
    try:
        namedtuple(*bad)
    except ValueError as ex:
        print("ValueError:", ex)
try:
    Point(1)
except TypeError as ex:
    print("TypeError:", ex)
try:
    Point(1, 2, 3)
except TypeError as ex:
    print("TypeError:", ex)
try:
    Point(1, z=3)
except TypeError as ex:
    print("TypeError:", ex)
try:
    p._replace(z=1)
except ValueError as ex:
    print("ValueError:", ex)
print(f"{p}", str(p), repr(p), [p], {"k": p})
