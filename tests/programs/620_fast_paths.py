# The interpreter's fast paths (str methods and chr in numba, string building,
# attribute reads and writes, method calls, instance creation, list.append, `is`,
# `not`, and/or) must give exactly what the general paths give.

# str methods: start/end arguments, empty needles, tuples of prefixes, identity
s = "a,b,,c, d"
for sub in ("", ",", "c", "zz", ", "):
    print(s.find(sub), s.rfind(sub), s.count(sub), s.startswith(sub), s.endswith(sub))
    print([s.find(sub, a, b) for a in (None, -3, 0, 2, 9, 20) for b in (None, -1, 0, 4, 20)])
    print([s.count(sub, a) for a in (-20, -2, 0, 3, 9, 10)], s.rfind(sub, 1, -1))
print(s.startswith(("x", "a,")), s.endswith(("d", "q"), 0, 3), s.startswith((), 0))
print(s.split(","), s.split(",", 1), s.split(",", 0), s.split(), " x  y ".split(None, 1))
print("\t a\u3000b \n".split(), "\u00a0x\u2003".strip(), "xxhixx".strip("x"), "..a".lstrip("."))
print("-".join(["a", "b", "c"]), "".join(("x",)), ", ".join([]), "ab".replace("", "."))
print("aaaa".replace("aa", "b"), "aaaa".replace("a", "bc", 2), "abc".replace("x", "y"))
print("Hello 9".upper(), "Hello 9".lower(), "abc".isalpha(), "ab1".isalnum(), "12".isdigit())
print(" \t".isspace(), "".isspace(), "ABC1".isupper(), "1".isupper(), "ab c".islower())
print("straße".upper(), "ÀB".lower(), "١٢".isdigit(), "é".isalpha())
word = "solo"
print(word.split("-")[0] is word, "+".join([word]) is word, word.strip() is word)
print(word.replace("q", "r") is word, [chr(c) for c in (65, 0x263A, True)], ord(chr(0x10FFFF)))
for bad in (lambda: "abc".index("z"), lambda: "abc".rindex("z", 1), lambda: "a".split(""),
            lambda: chr(-1), lambda: chr(0x110000), lambda: ",".join(["a", 2]),
            lambda: "a".startswith(("a", 3)), lambda: "a".find(1)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# building strings piece by piece (the result shares characters with its parts)
out = ""
snapshots = []
for i in range(60):
    out += chr(65 + i % 26)
    if i % 13 == 0:
        snapshots.append(out)
    other = out + "!"
    out2 = out
    out2 += "?"
print(out, snapshots, other, out2)
a = "ab"
b = a + "cd"
c = a + "ef"
print(a, b, c, b + b, c + a)


# attributes: descriptors win over the instance dict, the instance dict over methods
class Base:
    kind = "base"

    def who(self):
        return "Base.who"

    @property
    def p(self):
        return "property"

    @staticmethod
    def st(x):
        return ("static", x)

    @classmethod
    def cm(cls, x):
        return (cls.__name__, x)


class Child(Base):
    def __init__(self, v):
        self.v = v

    def who(self):
        return "Child.who " + str(self.v)


class Lazy:
    def __getattr__(self, name):
        return "missing " + name


o = Child(1)
print(o.who(), o.kind, o.p, o.st(2), o.cm(3), Child.kind, o.v)
o.who = lambda: "instance attribute"
o.kind = "own"
print(o.who(), o.kind, Base.kind)
o.__dict__["p"] = "shadowed?"
o.__dict__[7] = "not a name"
print(o.p, o.v, o.__dict__[7])
m = o.who
f = Child.who
print(m(), f(Child(2)), Lazy().x, getattr(o, "nope", "default"))
for i in range(6):
    setattr(o, "a" + str(i), i)
o.v += 10
print(o.v, o.a0 + o.a5, sorted(k for k in o.__dict__ if isinstance(k, str)))
try:
    print(o.nothing)
except AttributeError as e:
    print("AttributeError", e)


class NoInit:
    pass


class Pair:
    def __init__(self, a, b=2):
        self.a = a
        self.b = b


class Counter:
    count = 0

    def __init__(self):
        Counter.count += 1


print(Pair(1).b, Pair(1, 3).b, Pair(a=4).a, type(NoInit()).__name__)
for _ in range(5):
    Counter()
print(Counter.count)

# calls: module functions through LOAD_METHOD, methods, exact and default arguments
import heapq
h = []
for x in (5, 1, 4):
    heapq.heappush(h, x)
print(heapq.heappop(h), h)


def deep(n):
    return n if n == 0 else deep(n - 1)


try:
    deep(5000)
except RecursionError as e:
    print("RecursionError")

# list.append keeps a generator as it is; is, is not, not, and/or on plain values
lst = [1, 2, 3]
lst.append(x for x in range(2))
lst.append(None)
g = (x for x in "ab")
lst.insert(0, g)
d = {}
print(type(lst[4]).__name__, lst[5] is None, lst[0] is g, len(lst), lst.index(g), lst.count(g))
print(d.get(g, 1), d.setdefault(g, 2), d.get(g), {g} == {g}, "".join(g), [5].count(g))
print(not 0, not 5, not None, not True, 0 or 7, None or 0, 3 and 4, 0 and 1, None and 1)
print(o is o, o is Child(1), None is None, o is not None, (True or None), (False and 1))
