# subclasses of tuple, str, int and float: __new__, properties, operators, hashing


class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]

    @property
    def y(self):
        return self[1]

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)


p = Point(1, 2)
q = p + Point(10, 20)
print(p, q, q.x, q.y, type(q).__name__, len(q), isinstance(q, tuple))
a, b = q
print(a, b, q == (11, 22), hash(q) == hash((11, 22)), q[0:1], max(q), list(q))
print(sorted([Point(3, 1), Point(1, 5), Point(2, 0)]))


class Name(str):
    def greet(self):
        return "hello " + self

    def __repr__(self):
        return "Name(" + str.__repr__(self) + ")"


n = Name("ada")
print(n, repr(n), n.greet(), n.title(), n + "!", len(n), n[0], n == "ada", "d" in n)
print(isinstance(n, str), n.split("d"), f"[{n:>6}]", str.upper(n))


class Word(str):
    def first(self):
        return self[0]


w = Word("abc")
print("-".join([w, w]), {w: 1}, w in {"abc": 2}, int(Word("12")), float(Word("1.5")), w.first())
print(sorted([Word("b"), Word("a")]), max(w), w.upper().lower(), type(w.upper()).__name__)
print("%s and %r" % (n, n), str(n), [n])


class Meters(float):
    def __repr__(self):
        return f"{float(self)} m"


m = Meters(2.5)
print(m, m + 1, m * 2, -m, m > 2, int(m), round(m), abs(Meters(-1.5)), isinstance(m, float))


class Flags(int):
    def has(self, bit):
        return bool(self & bit)


f = Flags(6)
print(f, f.has(2), f.has(1), f | 1, f + 1, 1 + f, f << 1, ~f, -f, f // 4, f % 4, 2 ** f)
print(f == 6, hash(f) == hash(6), f.bit_length(), str(f), f"{f:04b}", [10, 20, 30, 40][Flags(2)])
print(int(f), float(f), bool(Flags(0)), divmod(f, 4), isinstance(f, int), type(f + 1).__name__)


class Pair(tuple):
    pass


t = Pair([1, 2])
print(t, t + (3,), type(t + (3,)).__name__, Pair(), Pair("ab"), t.count(1), t.index(2))
print(f"{m}|{m:6.2f}|{n}|{f}|{f:>3}")
