# subclasses of list and dict: inherited methods, overrides, super(), isinstance


class Stack(list):
    def push(self, x):
        self.append(x)

    def peek(self):
        return self[-1]


s = Stack()
s.push(1)
s.push(2)
s.extend([3, 4])
print(s, len(s), s.peek(), s.pop(), s, type(s).__name__)
print(isinstance(s, list), isinstance(s, Stack), issubclass(Stack, list))
print(s == [1, 2, 3], [1, 2, 3] == s, s != [1], s < [1, 3], sorted(s, reverse=True))
print(s + [9], [0] + s, s * 2, 2 * s, s[::-1], s.index(2), s.count(1))
s += [7]
s *= 1
print(s, type(s).__name__, 7 in s, 8 not in s, list(reversed(s)))
s[0] = 100
del s[1]
s.sort()
print(s, sum(s), max(s), min(s), bool(s), bool(Stack()), len(Stack("abc")))


class Logged(list):
    def __init__(self, items, tag):
        super().__init__(items)
        self.tag = tag

    def __getitem__(self, i):
        return (self.tag, super().__getitem__(i), list.__getitem__(self, i))

    def __len__(self):
        return 42

    def __repr__(self):
        return "Logged(" + self.tag + ")"


g = Logged([5, 6, 7], "t")
print(g[0], g[2], len(g), g, str(g), [x for x in g], g.tag)


class Counter(dict):
    def __missing__(self, key):
        return 0

    def add(self, key):
        self[key] = self[key] + 1

    def __setitem__(self, key, value):
        dict.__setitem__(self, key, value * 10 if key == "cat" else value)


c = Counter()
for w in "the cat and the hat".split():
    c.add(w)
print(sorted(c.items()), c["zebra"], "zebra" in c, len(c), c.get("the"))
print(isinstance(c, dict), c == {"the": 2, "cat": 1, "and": 1, "hat": 1}, list(c)[:2])


class Attr(dict):
    def __getattr__(self, name):
        return self[name]


a = Attr(x=1, y=2)
a.update({"z": 3})
print(a.x + a.y + a.z, sorted(a.keys()), a.pop("x"), a, dict(a), len(a))
d2 = Attr({"k": [1]})
d2["k"].append(2)
print(d2, d2 | {"m": 0}, {**d2})
try:
    d2.missing
except KeyError as e:
    print("KeyError", e)
try:
    hash(s)
except TypeError as e:
    print("TypeError", e)
