# Every superinstruction (vm/opcodes.py FUSED) on its fast case and on each way it
# falls back to running its first instruction alone.
import math
import random


class P:
    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x


def pairs(a, b, xs, d, s, p):
    out = []
    out.append(a + b)                   # LOAD_FAST LOAD_FAST
    out.append(a - 1)                   # LOAD_FAST LOAD_SMALL_INT
    out.append(a * 2.5)                 # LOAD_FAST LOAD_CONST
    out.append(s + "!")                 # LOAD_FAST LOAD_CONST (str)
    out.append(p.x)                     # LOAD_FAST LOAD_ATTR (instance)
    out.append(p.get())                 # LOAD_FAST LOAD_METHOD (instance)
    out.append(s.upper())               # LOAD_FAST LOAD_METHOD (str: the general path)
    out.append(xs.count(3))
    out.append(math.pi > 3)             # LOAD_GLOBAL LOAD_ATTR (module)
    c = a
    out.append(c + b)                   # STORE_FAST LOAD_FAST
    return out


def compares(xs, d):
    n = 0
    for i in range(-3, 4):
        if i < 2:                       # COMPARE_OP POP_JUMP_IF_FALSE (ints)
            n += 1
        if not i >= 0:                  # ... POP_JUMP_IF_TRUE
            n += 10
        if i * 0.5 <= 1.0:              # floats
            n += 100
        if i != 1.5:                    # int and float: the general path
            n += 1000
        if str(i) == "2":               # strings: the general path
            n += 10000
        if i in d:                      # dict membership (warm path)
            n += 100000
        if xs is None:                  # is
            n += 1000000
        if xs is not None:              # is not
            n += 2
    return n


def subscripts(xs, flags, d, items):
    n = 0
    for i in range(len(flags)):
        if flags[i]:                    # BINARY_SUBSCR POP_JUMP_IF_FALSE (bool items)
            n += 1
        if not flags[-i - 1]:           # ... POP_JUMP_IF_TRUE, negative index
            n += 10
    for i in range(len(xs)):
        if xs[i]:                       # int items
            n += 100
    for k in ("a", "b", "zz"):
        if d[k] if k in d else 0:       # dict (the general path)
            n += 1000
    for i in range(len(items)):
        if items[i]:                    # str, list, None items: truth in the general path
            n += 10000
    try:
        if xs[len(xs)]:                 # IndexError in the first instruction
            n = -1
    except IndexError as e:
        print("IndexError:", e)
    t = (0, 1, None)
    for i in range(3):
        if t[i]:
            n += 100000
    return n


def closures(n):
    cols = [False] * n
    count = 0

    def place(row):
        nonlocal count
        if row == n:
            count += 1
            return
        for c in range(n):
            if not cols[c]:             # LOAD_DEREF LOAD_FAST, BINARY_SUBSCR POP_JUMP
                cols[c] = True
                place(row + 1)
                cols[c] = False

    place(0)
    return count


def unbound(flag):
    if flag:
        y = 5
    x = 1
    try:
        return x + y                    # LOAD_FAST LOAD_FAST: the second unbound
    except UnboundLocalError as e:
        return str(e)


def modules():
    random.seed(7)
    acc = 0.0
    for _ in range(2000):               # random.random() goes past a twist
        acc += random.random()
    r = [random.random() for _ in range(3)]
    s = [math.sqrt(x) for x in (0.0, 2.0, 1e300, 7)]
    ints = [random.randint(1, 6) for _ in range(5)]
    u = random.uniform(1.0, 2.0)
    lst = list(range(10))
    random.shuffle(lst)
    print(round(acc, 6), r, s, ints, u, lst, math.cos(1.0), math.floor(2.5))
    try:
        math.sqrt(-1.0)
    except ValueError as e:
        print("ValueError:", e)
    print(math.sqrt(float("inf")), math.isnan(math.sqrt(float("nan"))))


class Count:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i


def loops(xs):
    t = 0
    for i in range(5, 0, -2):           # FOR_ITER STORE_FAST: ranges, lists
        t += i
    for x in xs:
        t += x
    for x in (y * y for y in xs):       # a generator: the general path
        t += x
    for x in Count(3):                  # __next__ of a script class
        t += x
    for c in "ab":                      # a str iterator
        t += ord(c)
    for k in {"a": 1}:
        t += len(k)
    return t


print(loops([1, 2, 3]))
print(pairs(3, 4, [1, 3, 3], {"k": 1}, "abc", P(9)))
print(compares([1], {0: 1, 2: 3}))
print(subscripts([0, 1, 2, 0], [True, False, True], {"a": 1, "b": 0}, ["", "x", [], [1], None]))
print(closures(6))
print(unbound(True), unbound(False))
modules()


def slices(xs, s):
    perm = list(xs)
    out = [perm[1:3], perm[::-1], s[1:], s[::-2], perm[2:1], perm[:100]]   # BUILD_SLICE BINARY_SUBSCR
    for k in range(len(perm)):
        perm[:k + 1] = perm[k::-1]      # BUILD_SLICE STORE_SUBSCR
    perm[1:2] = "ab"                    # a str: the general path
    out.append(perm)
    try:
        out.append(perm[::0])           # ValueError in the second instruction
    except ValueError as e:
        print("ValueError:", e)
    try:
        perm[::2] = [1]                 # ValueError in the second instruction
    except ValueError as e:
        print("ValueError:", e)
    return out


print(slices([5, 3, 8, 1], "hello"))
