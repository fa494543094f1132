# yield from: delegation, return values, any iterable, send through
def inner(n):
    for i in range(n):
        yield i
    return n * 10

def outer():
    r1 = yield from inner(2)
    print("inner returned", r1)
    r2 = yield from inner(3)
    print("inner returned", r2)
    yield from [100, 200]
    yield from "xy"
    yield from (7, 8)
    yield from range(3)
    yield from {"k": 1, "j": 2}
    return r1 + r2

for v in outer():
    print(v)

o = outer()
items = []
while True:
    try:
        items.append(next(o))
    except StopIteration as e:
        print("outer returned", e.value)
        break
print(items)

def echo():
    while True:
        got = yield
        if got == "stop":
            return "echo stopped"
        print("echo got", got)

def relay():
    result = yield from echo()
    print("relay result:", result)
    yield "relay done"

r = relay()
next(r)
r.send("a")
r.send("b")
print(r.send("stop"))

def yf_value_used():
    x = (yield from inner(1)) + 1
    yield x
print(list([v for v in yf_value_used()]))

def empty_inner():
    return "nothing"
    yield

def uses_empty():
    v = yield from empty_inner()
    yield v
print([v for v in uses_empty()])

def nested(depth):
    if depth == 0:
        yield "leaf"
        return 0
    got = yield from nested(depth - 1)
    yield "level %d" % depth
    return got + 1

g = nested(3)
for v in g:
    print(v)
