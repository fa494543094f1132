# nested functions, closures, nonlocal
def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c1(5), c2(), c2(-50), c1())
def make_multiplier(k):
    def mul(x):
        return x * k
    return mul
double = make_multiplier(2)
triple = make_multiplier(3)
print(double(7), triple(7), double(triple(2)), make_multiplier(0.5)(9))
def make_adders():
    adders = []
    for i in range(3):
        def add(x, i=i):
            return x + i
        adders.append(add)
    return adders
print("adders:", end=" ")
for a in make_adders():
    print(a(10), end=" ")
print()
def late_binding():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    out = []
    for f in fs:
        out.append(f())
    return out
print(late_binding())
def outer():
    x = "outer x"
    def middle():
        def inner():
            return x + " seen from inner"
        return inner()
    return middle()
print(outer())
def accumulator():
    total = 0
    items = []
    def add(v):
        nonlocal total
        total += v
        items.append(v)
        return total, len(items)
    return add
acc = accumulator()
acc(3)
acc(4)
print(acc(5))
def fib_gen():
    a, b = 0, 1
    def nxt():
        nonlocal a, b
        r = a
        a, b = b, a + b
        return r
    return nxt
f = fib_gen()
seq = []
for _ in range(12):
    seq.append(f())
print(seq)
def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper
def slow_square(n):
    print("computing", n)
    return n * n
fast = memoize(slow_square)
print(fast(4), fast(4), fast(5))
def counter_pair():
    n = 0
    def get():
        return n
    def inc():
        nonlocal n
        n += 1
    return get, inc
get, inc = counter_pair()
inc()
inc()
print(get())
