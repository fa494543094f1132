# Attribute sites that see a name first on the class, then on the instance
# (shadowing), then on the class again after a delete; class attributes changed
# after the site has cached them; methods replaced on the class and on instances.


class Base:
    size = 1
    label = "base"

    def kind(self):
        return "base-kind"

    def describe(self):
        return self.label + ":" + str(self.size)


class Child(Base):
    def __init__(self, n):
        self.n = n


def read_size(o):
    return o.size


def call_kind(o):
    return o.kind()


objs = [Child(i) for i in range(6)]
out = []
for rnd in range(8):
    row = []
    for o in objs:
        row.append(read_size(o))
        row.append(call_kind(o))
    out.append(row)
    if rnd == 1:
        Base.size = 10              # class attribute replaced in place
    if rnd == 2:
        objs[2].size = 200          # an instance shadows the class attribute
        objs[3].kind = lambda: "instance-kind"
    if rnd == 3:
        Child.size = 50             # a new key on the subclass hides Base's
    if rnd == 4:
        del objs[2].size            # the instance's own value goes away
        del Child.size
    if rnd == 5:
        Base.kind = lambda self: "replaced-kind"
    if rnd == 6:
        del objs[3].kind
        Child.kind = lambda self: "child-kind"
for row in out:
    print(row)
print([o.describe() for o in objs])
Base.label = "changed"
print([o.describe() for o in objs])


# the same site reading an attribute found at different dict entries
class P:
    pass


ps = []
for i in range(5):
    p = P()
    if i % 2:
        p.a = i
        p.b = i * 10
    else:
        p.b = i * 10
        p.a = i
    ps.append(p)
total = 0
for _ in range(30):
    for p in ps:
        total += p.a + p.b
print(total)


# stores at one site: replacing, then adding a new key, then a class attribute
class S:
    count = 0


s = S()
t = S()
for i in range(10):
    s.count = s.count + 1
    if i == 4:
        t.count = 100
    t.count = t.count + 1
print(s.count, t.count, S.count)
