# g.throw() while g delegates (yield from) to an iterator of a script class: the
# iterator's own throw() gets the arguments as given, through a chain of generators.


class Echo:
    """An iterator with throw(): whatever is thrown comes back as the next value."""

    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 4:
            raise StopIteration("echo done")
        return self.n

    def throw(self, *args):
        print("Echo.throw got", args)
        if args[0] == "stop":
            raise StopIteration("stopped by throw")
        return ("echo", args[0])


class Silent:
    """An iterator without throw()."""

    def __iter__(self):
        return self

    def __next__(self):
        return "silent"


def inner(it):
    result = yield from it
    print("inner result:", result)
    return result


def outer(it):
    try:
        result = yield from inner(it)
    except Exception as e:
        print("outer caught", type(e).__name__, e)
        result = "caught"
    yield "after:" + str(result)


g = outer(Echo())
print(next(g))
print(g.throw(123))
print(g.throw(KeyError))
print(g.throw(KeyError, "value"))
print(g.throw(ValueError("instance")))
print(g.throw("stop"))

for thrown in (123, KeyError, (KeyError, "k")):
    g = outer(Silent())
    print(next(g))
    args = thrown if type(thrown) is tuple else (thrown,)
    print(g.throw(*args))

g = outer(Echo())
next(g)
g.close()
print("closed without calling throw")
