# The attribute cache (vm/fastpath.py): every read below runs after the same
# read has filled the cache, then something changes what the read must see.


class Base:
    kind = "base"

    def who(self):
        return "Base.who"

    def area(self):
        return 0


class Mid(Base):
    pass


class Leaf(Mid):
    def __init__(self, x):
        self.x = x


def reads(o):
    return (o.kind, o.who(), o.area(), o.x)


a = Leaf(1)
for _ in range(3):
    print(reads(a))

# a class attribute assigned after cached reads (replaced, then added lower in the MRO)
Base.kind = "base2"
print(reads(a))
Mid.kind = "mid"
print(reads(a))
Leaf.kind = "leaf"
print(reads(a))
del Leaf.kind
print(reads(a))
del Mid.kind
print(reads(a))


# a method replaced and added along the MRO after cached calls
def area2(self):
    return self.x * 10


Base.area = area2
print(reads(a))
Leaf.who = lambda self: "Leaf.who"
print(reads(a))
setattr(Mid, "who", lambda self: "Mid.who")
print(reads(a))
delattr(Leaf, "who")
print(reads(a))

# an instance attribute shadows a class attribute, and goes away again
a.kind = "instance"
print(reads(a))
del a.kind
print(reads(a))

# a property added after the plain attribute was cached takes precedence
Mid.x = property(lambda self: "prop")
print(reads(a))
del Mid.x
print(reads(a))

# many instances of classes with attributes in different orders (the entry hint)
class P:
    def __init__(self, first):
        if first:
            self.a = 1
            self.b = 2
        else:
            self.b = 3
            self.a = 4


ps = [P(i % 2 == 0) for i in range(10)]
print([p.a * 10 + p.b for p in ps])
for p in ps:
    p.a += 100
print([p.a for p in ps])
del ps[3].a
ps[3].a = 7
print([(p.a, p.b) for p in ps])

# many classes and names: entries that share a cache row
class K0:
    v0 = 0
    v1 = 1
    v2 = 2


class K1(K0):
    v3 = 3


objs = []
for i in range(300):
    o = K1() if i % 2 else K0()
    o.w = i
    objs.append(o)
total = 0
for o in objs:
    total += o.v0 + o.v1 + o.v2 + o.w
print(total)
K0.v1 = 100
print(sum(o.v1 for o in objs))

# garbage collections between cached reads (rows are reused after a collection)
def churn(n):
    junk = []
    for i in range(n):
        junk.append((i, [i], {"k": i}))
    return len(junk)


for r in range(3):
    print(churn(20000), reads(Leaf(r)))


class Fresh(Base):
    def who(self):
        return "Fresh.who"


print(reads(Leaf(5)), Fresh().who())

# __init__ of a class using super() (a __class__ cell: the call fast path copies it)
class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right


class Named(Node):
    def __init__(self, name):
        super().__init__(None, None)
        self.name = name


print([Named(str(i)).name for i in range(3)])


# closures through the call fast path
def counter():
    count = 0

    def inc(k):
        nonlocal count
        count += k
        return count

    return inc


inc = counter()
print([inc(i) for i in range(5)])


def tree(d):
    return (None, None) if d == 0 else (tree(d - 1), tree(d - 1))


def check(t):
    left, right = t
    return 1 if left is None else 1 + check(left) + check(right)


print(check(tree(10)), (1,), (1, "a", 2.5, None))
