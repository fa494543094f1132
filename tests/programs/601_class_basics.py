# classes: attributes, methods, class attributes, instance state
class Counter:
    created = 0

    def __init__(self, start=0, step=1):
        self.value = start
        self.step = step
        Counter.created += 1

    def tick(self, times=1):
        for _ in range(times):
            self.value += self.step
        return self

    def reset(self):
        self.value = 0


c = Counter()
d = Counter(10, step=5)
c.tick().tick(3)
d.tick(2)
print(c.value, d.value, Counter.created, c.created)
d.reset()
print(d.value, d.step)
d.extra = [1, 2]
d.extra.append(3)
print(d.extra, hasattr(d, "extra"), hasattr(c, "extra"))
del d.extra
print(hasattr(d, "extra"))
Counter.created = 100
print(c.created, Counter.created)
c.created = 5          # shadows the class attribute on this instance only
print(c.created, d.created, Counter.created)
print(type(c).__name__, type(c) is Counter, isinstance(c, Counter), isinstance(3, Counter))
m = c.tick
m(2)
print(c.value, callable(m), callable(c), callable(Counter))
print(sorted(c.__dict__.items()))


class Empty:
    pass


e = Empty()
e.x = 1
print(e.x, isinstance(e, object), type(Empty).__name__)


def make_point(x, y):
    class Point:
        def __init__(self):
            self.x = x
            self.y = y

        def norm1(self):
            return abs(self.x) + abs(self.y)
    return Point()


print(make_point(3, -4).norm1())


class Node:
    def __init__(self, left=None, right=None):
        self.left = left
        self.right = right


def depth(n):
    if n is None:
        return 0
    return 1 + max(depth(n.left), depth(n.right))


def build(d):
    if d == 0:
        return None
    return Node(build(d - 1), build(d - 1))


print(depth(build(6)))
