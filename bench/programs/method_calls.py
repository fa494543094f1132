# Method calls: small objects whose work is in short methods (getters, a virtual
# method overridden by subclasses, a method calling methods on self and on other
# objects), the shape of game and simulation logic.


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Shape:
    def __init__(self, pos):
        self.pos = pos
        self.moves = 0

    def area(self):
        return 0

    def move(self, d):
        self.pos = self.pos.add(d)
        self.moves += 1

    def weight(self):
        return self.area() + self.pos.dot(self.pos) % 7


class Rect(Shape):
    def __init__(self, pos, w, h):
        Shape.__init__(self, pos)
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, pos, side):
        Rect.__init__(self, pos, side, side)


class Circle(Shape):
    def __init__(self, pos, r):
        Shape.__init__(self, pos)
        self.r = r

    def area(self):
        return 3 * self.r * self.r


class Counter:
    def __init__(self):
        self.n = 0

    def inc(self):
        self.n += 1

    def get(self):
        return self.n


shapes = []
for i in range(60):
    p = Vec(i % 11, i % 7)
    if i % 3 == 0:
        shapes.append(Rect(p, i % 5 + 1, i % 4 + 1))
    elif i % 3 == 1:
        shapes.append(Square(p, i % 6 + 1))
    else:
        shapes.append(Circle(p, i % 3 + 1))

step = Vec(1, -1)
c = Counter()
total = 0
for rnd in range(12000):
    d = step.scale(rnd % 3 - 1)
    for s in shapes:
        s.move(d)
        total += s.weight()
        c.inc()
print(total, c.get(), shapes[0].moves, shapes[5].pos.x, shapes[7].pos.y)
