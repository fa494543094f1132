# operator and container dunders
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return V(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return V(self.x * k, self.y * k)

    def __rmul__(self, k):
        return self * k

    def __truediv__(self, k):
        return V(self.x / k, self.y / k)

    def __neg__(self):
        return V(-self.x, -self.y)

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __eq__(self, o):
        return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)

    def __lt__(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return (self.x, self.y) < (o.x, o.y)

    def __le__(self, o):
        return (self.x, self.y) <= (o.x, o.y)

    def __bool__(self):
        return self.x != 0 or self.y != 0

    def __repr__(self):
        return f"V({self.x}, {self.y})"


a, b = V(1, 2), V(3, 4)
print(a + b, b - a, a * 3, 3 * a, b / 2, -a, abs(V(3, 4)))
print(a == V(1, 2), a != b, a < b, a <= a, b > a, b >= a)
print(bool(V(0, 0)), bool(a), not V(0, 0), sorted([b, a, V(0, 5)]), max(a, b), min([b, a]))
c = a
c += b
print(c, a, c is a)
try:
    a + 1
except TypeError as e:
    print("TypeError", e)
try:
    a < 3
except TypeError as e:
    print("TypeError", e)
if V(0, 0):
    print("truthy")
else:
    print("falsy")
print(V(1, 1) if a else None, a and b, V(0, 0) or "fallback")


class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, x):
        self.items.append(x)
        return self

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def __contains__(self, x):
        return x in self.items

    def __call__(self, k):
        return [v * k for v in self.items]


acc = Acc()
acc += 5
acc += 7
acc += 9
print(len(acc), acc[0], acc[-1], acc[0:2], 7 in acc, 8 in acc, 8 not in acc)
acc[1] = 70
del acc[0]
print(acc.items, acc(2), bool(acc), list(acc), [x for x in acc])


class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i


print(list(Seq()), 9 in Seq(), sum(Seq()))
