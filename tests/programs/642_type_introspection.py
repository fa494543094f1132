# __base__/__bases__/__mro__ of classes and builtin types, type() of types,
# repr(NotImplemented), dict.fromkeys (also on a dict subclass)
class A: pass
class B(A): pass
class C(B, A): pass
print(A.__base__ is object, B.__base__ is A, C.__base__ is B, B.__bases__ == (A,))
print(object.__bases__ == (), int.__bases__, int.__base__, object.__base__)
print(bool.__base__, bool.__mro__, str.__mro__)
print(type(int), type(A), type(type), int.__name__, type(object) is type)
print(repr(NotImplemented), str(NotImplemented), repr(Ellipsis))
print(dict.fromkeys([1, 2, 3]), dict.fromkeys("ab", 0), dict.fromkeys(range(0)))
d = dict.fromkeys(["x", "y"], [])
d["x"].append(1)
print(d)
class D(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v * 2)
e = D.fromkeys("pq", 5)
print(type(e).__name__, e)
print(C.__mro__ == (C, B, A, object))
