# Bound methods: repr, equality, hashing; super objects: repr, attributes, errors.


class A:
    def f(self):
        return 0

    def g(self, a):
        return a

    def __repr__(self):
        return "A()"

    bar = 123


a = A()
print(repr(a.f), str(a.f))
print(type(repr([].append)), repr([].append)[:26], repr("x".upper)[:25])
m1, m2 = a.f, a.f
print(m1 == a.f, m2 == a.f, m1 == m2, m1 != a.f, m1 is m2)
a1, a2 = A(), A()
print(a1.f == a2.f, a1.f != a2.f, a.f == a.g)
print(A().f == None, A().f != None, None == A().f, None != A().f)
print(hash(m1) == hash(a.f), hash(m1) == hash(m2), hash(m1) != hash(a.g))
print(hash(a1.f) != hash(a2.f))
d = {a.f: "f", a.g: "g"}
print(d[a.f], d[a.g], a.f in {a.f}, len({a.f, a.f, a.g}))
print([].append == [].append, "x".upper == "x".upper)
try:
    A().f.x = 1
except AttributeError as e:
    print("AttributeError:", e)


class B(A):
    def g(self, a):
        s = super()
        print(str(s)[:18], repr(s))
        print(s.__thisclass__.__name__, s.__self__ is self, s.__self_class__.__name__)
        print(s.bar, s.g(a) + 1)
        return s


b = B()
s = b.g(5)
print(type(s), type(s) is super)
print(repr(super(B, B)), super(B, b).f())
for bad in (lambda: super(1, 1), lambda: super(B, 1)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
try:
    super(B, B()).foo = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    del super(B, B()).foo
except AttributeError as e:
    print("AttributeError:", e)
