# __name__ / __qualname__ of functions, generators and methods; the types of
# methods and builtin functions; slice attributes.


def top():
    yield 1


class A:
    def meth(self):
        return 1

    def gen(self):
        yield self

    class Inner:
        def deep(self):
            pass


def outer():
    def inner():
        pass
    return inner


print(top.__name__, top.__qualname__)
print(top().__name__, top().__qualname__)
print(A.meth.__name__, A.meth.__qualname__, A().meth.__name__, A().meth.__qualname__)
print(A.gen.__name__, A().gen().__qualname__)
print(A.Inner.deep.__qualname__, outer().__qualname__, outer.__name__)
print((lambda: 0).__name__)
print(getattr(top, "__name__"), hasattr(A().meth, "__name__"))

print(type(A().meth))
print(type(len), type([].append), type("x".upper), type(print))
print(type(A().meth) is type(A().gen), type(len) is type([].append))
print(str(type(top))[:8], str(type(len))[:8])
print(len, hash, iter, next, getattr, divmod, round)


class Idx:
    def __getitem__(self, s):
        return (s.start, s.stop, s.step)


print(Idx()[1:2], Idx()[::3], Idx()[:"a":None])
s = slice(1, 10, 2)
print(s.start, s.stop, s.step)
for obj in (s, range(3)):
    try:
        obj.start = 0
    except AttributeError as e:
        print("AttributeError:", e)

# SystemExit carries its code
for args in ((), (None,), (3,), ("bye",), (1, 2)):
    try:
        raise SystemExit(*args)
    except SystemExit as e:
        print(args, e.code, e.args)
