# inheritance: overriding, super(), multiple inheritance with C3 order
class Base:
    def __init__(self, name):
        self.name = name
        self.log = ["Base"]

    def hello(self):
        return "hello from " + self.name

    def kind(self):
        return "base"


class Mid(Base):
    def __init__(self, name, level):
        super().__init__(name)
        self.level = level
        self.log.append("Mid")

    def kind(self):
        return "mid>" + super().kind()


class Leaf(Mid):
    def kind(self):
        return "leaf>" + super().kind()


x = Leaf("x", 3)
print(x.hello(), x.kind(), x.level, x.log)
print([c.__name__ for c in Leaf.__mro__])
print(isinstance(x, Base), issubclass(Leaf, Mid), issubclass(Base, Leaf), issubclass(Leaf, object))


class A:
    def who(self):
        return ["A"]


class B(A):
    def who(self):
        return ["B"] + super().who()


class C(A):
    def who(self):
        return ["C"] + super().who()


class D(B, C):
    def who(self):
        return ["D"] + super().who()


print(D().who())
print([k.__name__ for k in D.__mro__])
print(isinstance(D(), (int, C)), isinstance(5, (int, C)))


class Shape:
    sides = 0

    def describe(self):
        return f"{type(self).__name__} with {self.sides} sides, area {self.area()}"

    def area(self):
        return 0


class Square(Shape):
    sides = 4

    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


class Triangle(Shape):
    sides = 3

    def __init__(self, b, h):
        self.b, self.h = b, h

    def area(self):
        return self.b * self.h / 2


for s in [Square(3), Triangle(4, 5), Shape()]:
    print(s.describe())

try:
    class Bad(B, A, C):
        pass
except TypeError as e:
    print("TypeError", e)


class Explicit(B):
    def who(self):
        return ["E"] + B.who(self)


print(Explicit().who())
