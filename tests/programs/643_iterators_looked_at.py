# Looking at an iterator (type(), print(), repr(), isinstance) does not consume it;
# iter() of an instance of a subclass of a builtin type iterates the held value.
it = iter([1, 2, 3])
print(isinstance(it, int), callable(it))
print(next(it))
print(str(it)[:15], repr(it)[:15])
print(list(it))
z = zip("ab", [1, 2])
print(type(z), next(z))
print(list(z))
e = enumerate("xy")
print(type(e) is enumerate, next(e), list(e))


class L(list):
    pass


class T(tuple):
    def __repr__(self):
        return "T" + tuple.__repr__(self)


l = L([4, 5])
t = T((6, 7))
i = iter(l)
print(next(i), list(i), list(iter(t)), list(zip(l, t)), t)
print(dict(zip(("a", "b"), t)), sorted(iter(t), reverse=True), sum(iter(l)))
