# One attribute site that sees many classes (polymorphic and megamorphic sites),
# subclasses that override or inherit, and classes created in a loop.


class Shape:
    sides = 0

    def __init__(self, w):
        self.w = w

    def area(self):
        return 0

    def name(self):
        return type(self).__name__


class Sq(Shape):
    sides = 4

    def area(self):
        return self.w * self.w


class Tri(Shape):
    sides = 3

    def area(self):
        return self.w * self.w // 2


class Circle(Shape):
    def __init__(self, w):
        self.r = w
        self.w = w * 2

    def area(self):
        return 3 * self.r * self.r


class Odd(Sq):
    def __init__(self, w):
        self.extra = 1
        self.w = w + 1


shapes = []
for i in range(40):
    shapes.append([Sq, Tri, Circle, Odd, Shape][i % 5](i % 7 + 1))

tot = 0
names = {}
for rnd in range(5):
    for s in shapes:
        tot += s.area() + s.sides + s.w
        n = s.name()
        names[n] = names.get(n, 0) + 1
print(tot, sorted(names.items()))

# classes made in a loop, each with the attribute at a different entry
made = []
for i in range(12):
    def init(self, i=i):
        for j in range(i % 4):
            setattr(self, "pad" + str(j), j)
        self.val = i
    C = type("C" + str(i), (object,), {"__init__": init, "k": i})
    made.append(C())
print([m.val + m.k for m in made] * 2 == [m.val + m.k for m in made * 2])
print(sum(m.val for m in made), sum(m.k for m in made))


class A:
    def who(self):
        return "A"


class B(A):
    pass


class C(B):
    pass


objs = [A(), B(), C()]
seq = []
for i in range(4):
    seq.append("".join(o.who() for o in objs))
    if i == 0:
        B.who = lambda self: "B"        # visible to B and C, not A
    if i == 1:
        C.who = lambda self: "C"
    if i == 2:
        del B.who                       # C keeps its own, B sees A's again
print(seq)
