# f(*args, **kwargs) with methods, bound methods, callable objects and classes


class A:
    def __init__(self, x, y=0, *rest, **kw):
        self.x = x
        self.y = y
        self.rest = rest
        self.kw = kw

    def f(self, a, b):
        return (a, b)

    def __call__(self, *args, **kw):
        return ("called", args, kw)

    @staticmethod
    def s(*a):
        return a

    @classmethod
    def c(cls, *a, **k):
        return (cls.__name__, a, k)


a = A(*[1], **{"y": 2})
print(a.x, a.y, a.rest, a.kw)
b = A(*(1, 2, 3, 4), **{"z": 5})
print(b.x, b.y, b.rest, b.kw)
print(a.f(1, **{"b": 2}))
print(a.f(*[3], b=4))
m = a.f
print(m(*[5, 6]), m(**{"a": 7, "b": 8}))
print(a(*[1, 2], **{"k": 3}))
print(A.s(*[1, 2]), A.c(*[3], **{"q": 4}), a.c(*[]))
args = (9,)
print(A.f(a, *args, 10))


class Empty:
    pass


print(type(Empty(*[], **{})).__name__)
try:
    a.f(*[1, 2, 3])
except TypeError as e:
    print("TypeError:", e)
try:
    A(*[])
except TypeError as e:
    print("TypeError:", e)
