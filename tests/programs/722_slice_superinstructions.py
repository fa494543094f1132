# BUILD_SLICE followed by BINARY_SUBSCR / STORE_SUBSCR (the fused slice paths): every
# container and bound kind, and each way the pair falls back to BUILD_SLICE alone.


class Seq:
    def __getitem__(self, k):
        return ("get", k.start, k.stop, k.step)

    def __setitem__(self, k, v):
        print("set", k.start, k.stop, k.step, v)


def reads():
    xs = list(range(10))
    t = tuple(xs)
    s = "abcdefghij"
    r = range(3, 30, 3)
    out = []
    for lo in (None, -12, -3, 0, 2, 9, 10, 15, True, False):
        for hi in (None, -12, -1, 0, 3, 10, 20, True):
            out.append(xs[lo:hi])
            out.append(t[lo:hi])
            out.append(s[lo:hi])
            out.append(list(r[lo:hi]))
            for step in (None, 1, 2, -1, -3, 100, -100, True):
                out.append(xs[lo:hi:step])
                out.append(s[lo:hi:step])
                out.append(t[lo:hi:step])
                out.append(list(r[lo:hi:step]))
    print(len(out), out[:12], out[-12:])
    print(sum(len(x) for x in out))
    print(xs[:], xs[::-1], s[::-1], t[::2], xs[5::-1], xs[-1:-11:-1])
    print([][:], [][::-1], ""[1:], ()[5:], xs[7:2], xs[2:7:-1])
    print(xs[2 ** 70:], xs[-(2 ** 70):3], xs[:2 ** 80:2])      # big-int bounds
    print(Seq()[1:2], Seq()[::3], Seq()[None:"a":None])          # __getitem__ gets a slice


def stores():
    xs = list(range(10))
    xs[2:5] = [20, 30]              # shrinks
    print(xs)
    xs[1:1] = (7, 8, 9)             # grows
    print(xs)
    xs[:] = xs[::-1]                # the source a copy of the list
    print(xs)
    ys = list(range(12))
    ys[:] = ys                      # the list itself
    print(ys)
    ys[2:4] = ys                    # the list itself, growing
    print(ys)
    zs = list(range(10))
    zs[::2] = zs[1::2]              # extended: same length
    print(zs)
    zs[::-1] = zs                   # extended, the list itself
    print(zs)
    zs[8:2:-2] = ("a", "b", "c")
    print(zs)
    zs[100:] = [1]
    zs[-100:0] = [0]
    print(zs)
    zs[3:3] = []
    zs[3:6] = []
    print(zs)
    zs[1:3] = "xy"                  # not a list or tuple: the general path
    zs[0:1] = range(3)
    print(zs)
    perm = [3, 1, 4, 1, 5, 9, 2, 6]
    for k in range(8):
        perm[:k + 1] = perm[k::-1]  # fannkuch's flip
    print(perm)
    sq = Seq()
    sq[1:2] = 5
    sq[::-1] = [1]
    big = list(range(5))
    for i in range(40):             # growth past the list's room
        big[len(big):] = [i, i]
    print(len(big), big[-5:])


def errors():
    xs = list(range(10))
    five = 5
    nothing = None
    cases = [
        lambda: xs[1.5:3],
        lambda: xs[::0],
        lambda: xs["a":],
        lambda: (1, 2)[:None:0.5],
        lambda: "abc"[::0],
        lambda: five[1:2],
        lambda: nothing[::1],
    ]
    for f in cases:
        try:
            print(f())
        except Exception as e:
            print(type(e).__name__, e)

    def store(target, lo, hi, step, value):
        try:
            target[lo:hi:step] = value
            print(target)
        except Exception as e:
            print(type(e).__name__, e)

    store(list(range(6)), None, None, 2, [1, 2])
    store(list(range(6)), None, None, 2, [1, 2, 3])
    store(list(range(6)), None, None, 0, [])
    store(list(range(6)), 1.0, None, None, [])
    store((1, 2, 3), 0, 1, None, [9])
    store("abc", 0, 1, None, "z")
    store(list(range(6)), None, None, -1, [1, 2])
    store(list(range(6)), None, None, None, 5)

    def store2(target, lo, hi, value):
        try:
            target[lo:hi] = value
            print(target)
        except Exception as e:
            print(type(e).__name__, e)

    store2(list(range(6)), 1, 3, 7)
    store2(list(range(6)), "a", 3, [1])
    store2(list(range(6)), 2, 4, {7: 0, 8: 0})


reads()
stores()
errors()
