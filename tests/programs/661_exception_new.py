# __new__ of exception subclasses, g.throw() of a script exception class, and
# f(*args) of bound builtin methods (super().__init__(*args) in an exception).


class Plain(Exception):
    pass


class Redirect(Exception):
    def __new__(cls, *args):
        print("Redirect.__new__", args)
        return Plain(*args)


class Counted(ValueError):
    made = 0

    def __new__(cls, *args):
        Counted.made += 1
        self = super().__new__(cls, *args)
        self.serial = Counted.made
        return self

    def __init__(self, *args):
        print("Counted.__init__", args)
        super().__init__(*args)


class NotAnError(Exception):
    def __new__(cls, *args):
        return "just a string"


for make in (lambda: Redirect("r", 1), lambda: Counted("c"), lambda: Counted):
    try:
        raise make()
    except Exception as e:
        print(type(e).__name__, e.args, getattr(e, "serial", None))

try:
    raise Counted
except Counted as e:
    print("class raised:", repr(e), e.serial)

try:
    raise NotAnError("x")
except TypeError as e:
    print("TypeError:", e)

direct = Exception.__new__(Counted, "no init")
print(type(direct).__name__, direct.args, hasattr(direct, "serial"))
print(ValueError.__new__(ValueError, 1, 2).args)
for call in (lambda: object.__new__(Counted), lambda: Exception.__new__(Counted, key=1)):
    try:
        print(type(call()).__name__)
    except TypeError as e:
        print("TypeError:", e)

try:
    Plain("a", key=1)
except TypeError as e:
    print("TypeError:", e)


class KwInit(KeyError):
    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)


print(repr(KwInit("k", 2)))
try:
    KwInit("k", extra=2)
except TypeError as e:
    print("TypeError:", e)


def worker():
    for i in range(6):
        try:
            yield i
        except Counted as e:
            print("worker caught", repr(e), e.serial)


g = worker()
print(next(g))
print(g.throw(Counted))
print(g.throw(Counted, "with value"))
print(g.throw(Counted, ("a", "b")))
try:
    g.throw(NotAnError)
except TypeError as e:
    print("TypeError:", e)

items = []
push = items.append
push(*["spread"])
print(items)
