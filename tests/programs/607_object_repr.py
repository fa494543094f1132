# str() and repr() of objects, inside containers and formats
class P:
    def __init__(self, x):
        self.x = x

    def __repr__(self):
        return "P(" + repr(self.x) + ")"


class S(P):
    def __str__(self):
        return "S:" + str(self.x)


ps = [P(1), P("a"), S(2)]
print(ps, tuple(ps), {1: P(2)}, {"k": [S(3)]})
print(str(S(4)), repr(S(4)), f"{S(5)} {S(5)!r} {P(6)}", "%s and %r" % ("x", "y"))
print(S(1), P(2), sep=" | ", end="!\n")
print([[P(1)], (P(2),)], str([S(1)]), len(str(ps)))
d = {"a": P(1)}
d["self"] = d
print(d)


class F:
    def __format__(self, spec):
        return "F<" + spec + ">"


print(format(F(), "abc"), f"{F():>5}", "{}".format(3))
