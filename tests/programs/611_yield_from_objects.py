# yield from over iterators written as classes: values, return value, send/throw/close


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration("done")
        self.n -= 1
        return self.n


def outer():
    r = yield from Countdown(3)
    print("returned", r)
    yield "after"


print(list(outer()))


class Echo:
    def __init__(self):
        self.log = []

    def __iter__(self):
        return self

    def __next__(self):
        return "next"

    def send(self, v):
        self.log.append(v)
        if v == "stop":
            raise StopIteration(len(self.log))
        return "got " + str(v)

    def throw(self, e):
        self.log.append("threw " + type(e).__name__)
        return "recovered"

    def close(self):
        print("Echo closed with log", self.log)


def delegate(it):
    r = yield from it
    print("delegate got", r)
    yield "end"


e = Echo()
g = delegate(e)
print(next(g))
print(g.send(1))
print(g.throw(ValueError("x")))
print(g.send("stop"))

e2 = Echo()
g2 = delegate(e2)
next(g2)
g2.close()


class Plain:
    # no throw(): the exception is raised in the delegating generator
    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        return self.i


def catcher():
    try:
        yield from Plain()
    except KeyError as k:
        print("caught", repr(k))
        yield "caught"


c = catcher()
print(next(c), next(c))
print(c.throw(KeyError("k")))
