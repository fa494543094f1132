# Special methods defined as staticmethod or classmethod, and property() with keywords.


class C:
    log = []

    @staticmethod
    def __sub__(rhs):
        return ("sub", rhs)

    @classmethod
    def __add__(cls, rhs):
        return ("add", cls.__name__, rhs)

    @classmethod
    def __radd__(cls, lhs):
        return ("radd", cls.__name__, lhs)

    @staticmethod
    def __getitem__(item):
        return ("item", item)

    @staticmethod
    def __setitem__(item, value):
        C.log.append(("set", item, value))

    @classmethod
    def __delitem__(cls, item):
        cls.log.append(("del", item))

    @classmethod
    def __len__(cls):
        return len(cls.log)

    @staticmethod
    def __call__(x, y=1):
        return x * 2 + y

    @staticmethod
    def __eq__(other):
        return other == 5

    @classmethod
    def __iter__(cls):
        return iter(["a", "b"])

    @staticmethod
    def __bool__():
        return False


class D(C):
    pass


for obj in (C(), D()):
    print(obj - 1, obj + 2, 3 + obj, obj[4])
    obj[1] = 2
    del obj[3]
    print(len(obj), obj(21), obj(1, y=0), obj == 5, obj == 6, list(obj), bool(obj))
    print("yes" if obj else "no", sorted(obj), [x for x in obj])
print(C.log)


class E:
    p = property(lambda self: 42, doc="This is truth.")
    q = property(fget=lambda self: 21, doc="Half")

    def _set(self, v):
        print("set", v)

    r = property(lambda self: 1, fset=_set)
    s = property(None, None, None, "only a doc")


e = E()
print(e.p, e.q, e.r)
e.r = 5
try:
    e.s
except AttributeError as ex:
    print("AttributeError")


class F:
    def __init__(self):
        self.prop_member = property()


print(type(F().prop_member), type(staticmethod(len)), type(classmethod(len)))
for bad in (lambda: property(fget=1, fgot=2), lambda: property(len, fget=len)):
    try:
        bad()
    except TypeError as ex:
        print("TypeError:", ex)
