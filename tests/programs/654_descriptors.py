# The descriptor protocol: __get__, __set__, __delete__, __set_name__.


class Typed:
    def __init__(self, kind):
        self.kind = kind

    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name

    def __get__(self, obj, owner):
        if obj is None:
            return self
        return getattr(obj, self.name, None)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}")
        setattr(obj, self.name, value)

    def __delete__(self, obj):
        print("delete", self.name)
        delattr(obj, self.name)


class Person:
    name = Typed(str)
    age = Typed(int)

    def __init__(self, name, age):
        self.name = name
        self.age = age


p = Person("Ann", 31)
print(p.name, p.age, p.__dict__)
p.age = 32
print(p.age)
try:
    p.age = "old"
except TypeError as e:
    print("TypeError:", e)
del p.age
print(p.age, isinstance(Person.name, Typed))
print(getattr(p, "name"), hasattr(p, "age"))
setattr(p, "age", 40)
print(p.age)
delattr(p, "age")


# a non-data descriptor: the instance's own attribute wins
class Lazy:
    def __init__(self, fn):
        self.fn = fn

    def __get__(self, obj, owner):
        if obj is None:
            return self
        value = self.fn(obj)
        obj.__dict__[self.fn.__name__] = value
        print("computed", self.fn.__name__)
        return value


class Circle:
    def __init__(self, r):
        self.r = r

    @Lazy
    def area(self):
        return 3 * self.r * self.r


c = Circle(2)
print(c.area, c.area, c.area)
c.area = 5
print(c.area)


# read through the class, inherited, and a descriptor without __get__
class Const:
    def __get__(self, obj, owner):
        return ("const", owner.__name__, obj is None)


class Base:
    k = Const()


class Derived(Base):
    pass


print(Base.k, Derived.k, Derived().k)


class SetOnly:
    def __set__(self, obj, value):
        print("set only", value)


class Holder:
    s = SetOnly()


h = Holder()
h.s = 1
print(type(h.s).__name__)
try:
    del h.s
except AttributeError as e:
    print("AttributeError:", e)


# __set_name__ on something that is not a descriptor
class Tag:
    def __set_name__(self, owner, name):
        self.where = owner.__name__ + "." + name


class Marked:
    t = Tag()


print(Marked.t.where)


# a class with __getattr__ is not a descriptor
class NonDescriptor:
    def __getattr__(self, attr):
        return "getattr " + attr


class TestClass:
    non_descriptor = NonDescriptor()


t = TestClass()
print(isinstance(t.non_descriptor, NonDescriptor))
t.non_descriptor = 123
print(t.non_descriptor)
try:
    del TestClass().non_descriptor
except AttributeError as e:
    print("AttributeError:", e)
