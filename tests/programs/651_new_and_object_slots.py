# __new__ (implicitly static), object.__new__ / object.__init__ as values,
# and the order in which type.__call__ runs them.


class Point:
    count = 0

    def __new__(cls, x, y):
        print("new", cls.__name__, x, y)
        self = super().__new__(cls)
        cls.count += 1
        self.made_by_new = True
        return self

    def __init__(self, x, y):
        print("init", x, y)
        self.x, self.y = x, y


p = Point(1, 2)
print(p.x, p.y, p.made_by_new, Point.count)


class Point3(Point):
    def __init__(self, x, y, z=0):
        super().__init__(x, y)
        self.z = z


q = Point3(4, 5)
print(type(q).__name__, q.z, Point.count, Point3.count)

# __new__ called by hand, then __init__ by hand
r = Point.__new__(Point, 7, 8)
print(hasattr(r, "x"), isinstance(r, Point))
r.__init__(7, 8)
print(r.x)


# a __new__ that returns something else: __init__ is not run
class Other:
    def __new__(cls, n):
        return [n] * n

    def __init__(self, n):
        print("never")


print(Other(3))


class Singleton:
    _inst = None

    def __new__(cls):
        if cls._inst is None:
            cls._inst = object.__new__(cls)
        return cls._inst

    def __init__(self):
        print("init again")


a = Singleton()
b = Singleton()
print(a is b)


# object.__new__ and object.__init__ as values
class Plain:
    def __init__(self):
        self.ready = True


o = object.__new__(Plain)
print(hasattr(o, "ready"), isinstance(o, Plain))
o.__init__()
print(o.ready)
object.__init__(o)
print(Plain.__new__ is object.__new__)


class NoInit:
    pass


n = NoInit.__new__(NoInit)
print(type(n).__name__)
n.__init__()
NoInit.__init__(n)

for bad in (lambda: object.__new__(1), lambda: object.__new__(int),
            lambda: object.__new__(NoInit, 1), lambda: object.__new__(Point, 1),
            lambda: object.__new__(ValueError), lambda: object.__new__()):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


# __init__ must return None
class BadInit:
    def __new__(cls):
        return super().__new__(cls)

    def __init__(self):
        return 5


try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)

# calls with keywords and unpacking go the same way
p2 = Point(y=10, x=20)
p3 = Point(*(30, 40))
print(p2.x, p2.y, p3.x, p3.y, Point.count)
