# send(): the value of a yield expression, priming, running totals
def accumulator():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
    return total

acc = accumulator()
print(next(acc))
print(acc.send(5))
print(acc.send(10))
print(acc.send(-3))
try:
    acc.send(None)
except StopIteration as e:
    print("final", e.args[0], e.value)

def echo():
    received = []
    while len(received) < 3:
        v = yield len(received)
        received.append(v)
    yield received

e = echo()
print(e.send(None))
print(e.send("a"))
print(e.send("b"))
print(e.send("c"))

g = echo()
try:
    g.send(1)
except TypeError as err:
    print("TypeError:", err)

def averager():
    count = 0
    total = 0.0
    avg = None
    while True:
        term = yield avg
        total += term
        count += 1
        avg = total / count

av = averager()
next(av)
for t in [10, 20, 30, 5]:
    print(av.send(t))

def two_way():
    got = yield "first"
    print("two_way got", got)
    got = yield got * 2
    print("two_way got", got)

t = two_way()
print(next(t))
print(t.send(21))
try:
    t.send("end")
except StopIteration:
    print("two_way finished")
