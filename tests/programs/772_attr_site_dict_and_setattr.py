# Instance dicts changed behind an attribute site's back: through __dict__,
# setattr/delattr, __dict__.clear/update, and by deleting and re-adding keys, so the entry a site
# remembered holds another name or nothing.


class Thing:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def get_a(self):
        return self.a

    def get_b(self):
        return self.b


things = [Thing(i, -i) for i in range(4)]


def read_all():
    return [(t.a, t.b, t.get_a(), t.get_b()) for t in things]


print(read_all())
things[0].__dict__["a"] = 100
print(read_all())
del things[1].__dict__["a"]
things[1].__dict__["a"] = 11
print(read_all())
setattr(things[2], "b", 222)
delattr(things[2], "a")
setattr(things[2], "a", 22)
print(read_all())
print(things[2].__dict__)
d = things[3].__dict__
d.clear()
d["b"] = 33
d["a"] = 3
print(read_all())
things[3].__dict__.update({"a": 333, "zz": 1})
print(read_all(), sorted(things[3].__dict__))

# a key shadowing a method put in through __dict__ and removed again
things[0].__dict__["get_a"] = lambda: "from-dict"
print(read_all()[0])
del things[0].__dict__["get_a"]
print(read_all()[0])

# missing attribute after a delete, caught
for i in range(3):
    t = things[i]
    try:
        del t.b
        print(t.b)
    except AttributeError as e:
        print("AttributeError", e)
    t.b = i
print(read_all())

# many attributes added and removed while a site keeps reading one of them
class Bag:
    pass


bag = Bag()
bag.x = 0
acc = []
for i in range(40):
    setattr(bag, "k" + str(i), i)
    bag.x = bag.x + i
    if i % 7 == 0:
        delattr(bag, "k" + str(i))
    acc.append(bag.x)
print(acc[-1], len(bag.__dict__))
