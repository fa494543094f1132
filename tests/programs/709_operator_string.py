import operator
import string
from operator import add, attrgetter, itemgetter, methodcaller, mul

print(add(2, 3), mul(4, 5), operator.sub(9, 4), operator.neg(3), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.mod(7, 3), operator.pow(2, 10), operator.eq(1, 1.0), operator.lt("a", "b"), operator.not_(0))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.abs(-4), operator.contains([1, 2], 2))
print(operator.getitem({"k": 5}, "k"), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"), operator.truth([]))
rows = [("ann", 31, "red"), ("bob", 25, "blue"), ("cid", 31, "blue")]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(1, 0)))
print(itemgetter(2)("hello"), itemgetter(0, -1)("hello"), itemgetter("a")({"a": 1}))
print([itemgetter(0)(r) for r in rows], itemgetter(1), attrgetter("x", "y"))


class P:
    def __init__(self, name, age):
        self.name = name
        self.age = age
        self.me = self


people = [P("zed", 3), P("amy", 9)]
print([p.name for p in sorted(people, key=attrgetter("name"))], attrgetter("me.me.age")(people[0]))
print(attrgetter("name", "age")(people[1]), methodcaller("__repr__"))
from functools import reduce

print(reduce(operator.mul, range(1, 8)), reduce(operator.add, ["a", "b", "c"]))
print(string.ascii_lowercase, string.ascii_uppercase, string.digits)
print(string.ascii_letters, string.hexdigits, string.octdigits)
print(string.punctuation, repr(string.whitespace), len(string.printable))
print(string.capwords("hello   big world"), string.capwords("a-b-c", "-"))
print([c for c in "a1!B" if c in string.ascii_letters])
