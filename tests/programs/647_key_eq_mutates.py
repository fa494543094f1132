# A key whose __eq__ changes the dict being searched, and one whose __hash__
# changes: the lookups stay well-defined (same results as CPython)
class K:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return 1

    def __eq__(self, o):
        d.clear()
        return False

    def __repr__(self):
        return "K%d" % self.n


d = {K(1): "a"}
d[K(2)] = "b"
print(d)
d = {K(1): "a", K(2): "b"}
print(len(d), K(3) in d, d)


class M:
    def __init__(self):
        self.h = 0

    def __hash__(self):
        return self.h

    def __eq__(self, o):
        return self is o


m = M()
s = {m}
m.h = 12345
print(m in s, len(s))
s.add(m)
print(len(s))
