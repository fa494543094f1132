# Attributes added to instances at cached STORE_ATTR sites: __init__ run many
# times, attributes in varying order, more attributes than a fresh dict holds,
# re-adding deleted attributes, shadowing class values, and setters.


class Node:
    kind = "class-kind"

    def __init__(self, left, right, flip):
        if flip:
            self.right = right
            self.left = left
        else:
            self.left = left
            self.right = right
        self.kind = "node"


nodes = [Node(i, -i, i % 3 == 0) for i in range(20)]
print(sum(n.left - n.right for n in nodes), [n.kind for n in nodes[:2]], Node.kind)
print(list(nodes[0].__dict__), list(nodes[1].__dict__))


class Wide:
    def __init__(self, n):
        self.a = n
        self.b = n + 1
        self.c = n + 2
        self.d = n + 3
        self.e = n + 4
        self.f = n + 5
        self.g = n + 6


ws = [Wide(i) for i in range(10)]
print(sum(w.g - w.a for w in ws), list(ws[3].__dict__))


class Re:
    def __init__(self):
        self.x = 1
        self.y = 2


r = Re()
for i in range(6):
    del r.x
    r.x = i            # the deleted entry's slot is still in the index
    r.y = r.y + r.x
print(r.x, r.y, list(r.__dict__))


class Guarded:
    def __init__(self, v):
        self.v = v


gs = []
for i in range(8):
    gs.append(Guarded(i))
    if i == 3:
        Guarded.v = property(lambda self: "prop", lambda self, val: None)
print([g.__dict__.get("v", "none") for g in gs], gs[0].v)
del Guarded.v
print([g.v if "v" in g.__dict__ else "none" for g in gs])


class Slotty:
    pass


objs = []
for i in range(12):
    o = Slotty()
    for j in range(i % 5):
        setattr(o, "k" + str(j), j)
    o.last = i
    objs.append(o)
print([len(o.__dict__) for o in objs], sum(o.last for o in objs))
