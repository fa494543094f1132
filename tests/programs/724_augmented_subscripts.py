# x[i] op= y: container and index loaded again for the store when they are locals
# that nothing in y can rebind; the general order everywhere else


def locals_and_constants():
    v = [1, 2, 3]
    i = 1
    v[0] += 10
    v[i] *= 3
    v[2] -= v[0] + v[i]
    v[-1] //= 2
    v[True] += 100           # a bool index: the general way
    print(v)


def walrus_rebinds_the_index():
    v = [1, 2, 3]
    i = 1
    v[i] += (i := 0) + 1     # stores into the old index 1
    print(v, i)
    w = [10, 20]
    j = 0
    w[j] += sum([(j := k) for k in range(2)])   # a comprehension's walrus binds j here
    print(w, j)


def container_rebound():
    x = [5, 6]
    def g():
        nonlocal x
        x = [0, 0]
        return 1
    x[1] += g()              # x is a cell: the old list gets the store
    print(x)
    ys = [[1], [2]]
    for y in ys:
        y[0] += len(ys)
    print(ys)


def other_containers():
    d = {"a": 1}
    k = "a"
    d[k] += 1
    d["b"] = 2
    d["b"] **= 3
    s = "ab"
    parts = [s, s]
    parts[1] += "c"
    nested = [[1, 2], [3, 4]]
    nested[0][1] += 5
    print(d, parts, nested)


class Counted(list):
    def __getitem__(self, i):
        print("get", i)
        return list.__getitem__(self, i)

    def __setitem__(self, i, v):
        print("set", i, v)
        list.__setitem__(self, i, v)


def user_subscripts():
    c = Counted([1, 2])
    c[0] += 5
    n = 1
    c[n] -= 1
    print(c)


def errors():
    t = (1, 2)
    try:
        t[0] += 1
    except TypeError as e:
        print("TypeError", e)
    s = [1]
    try:
        s[5] += 1
    except IndexError as e:
        print("IndexError", e)
    d = {}
    k = "missing"
    try:
        d[k] += 1
    except KeyError as e:
        print("KeyError", e)
    v = [1]
    try:
        v[0] += "x"
    except TypeError as e:
        print("TypeError", e)
    print(v)


def in_a_generator():
    v = [0, 0]
    i = 0
    while i < 3:
        v[1] += (yield v[0])
        v[0] += 1
        i += 1
    print("done", v)


locals_and_constants()
walrus_rebinds_the_index()
container_rebound()
other_containers()
user_subscripts()
errors()
gen = in_a_generator()
print(next(gen))
print(gen.send(5))
print(gen.send(7))
try:
    gen.send(9)
except StopIteration:
    print("stopped")
