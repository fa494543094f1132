# type(name, bases, namespace) makes a class, as a class statement would.
from collections import OrderedDict


def hello(self):
    return "hello from " + type(self).__name__


Base = type("Base", (), {"greet": hello, "x": 1})
Child = type("Child", (Base,), OrderedDict(y=2, x=10))
c = Child()
print(c.greet(), c.x, c.y, Base.x, isinstance(c, Base), Child.__mro__)
print([k for k in Child.__dict__ if not k.startswith("_")], Child.__name__, Child.__bases__)
ns = {"z": 3}
Z = type("Z", (), ns)
ns["z"] = 4           # the class keeps its own copy of the namespace
print(Z.z, repr(Z)[:17])
for args in (("A", [], {}), (1, (), {}), ("A", (), [])):
    try:
        type(*args)
    except TypeError as e:
        print("TypeError:", e)
