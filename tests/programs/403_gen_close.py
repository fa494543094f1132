# close(): GeneratorExit at the yield, finally blocks, ignoring it is an error
def worker(name):
    try:
        print(name, "start")
        yield 1
        yield 2
        print(name, "never here")
    finally:
        print(name, "finally")

w = worker("w1")
print(next(w))
w.close()
print("closed w1")
w.close()
try:
    next(w)
except StopIteration:
    print("StopIteration after close")

u = worker("unstarted")
u.close()
print("closing an unstarted generator runs nothing")
print(next(u, "nothing left"))

def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise

g = catches_exit()
next(g)
g.close()
print("closed")

def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        print("returning instead")
        return 5

g = returns_on_exit()
next(g)
print(g.close())

def stubborn():
    try:
        yield "still here"
    except GeneratorExit:
        print("ignoring GeneratorExit")
    yield "again"

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def other_error():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("while closing")

o = other_error()
next(o)
try:
    o.close()
except ValueError as e:
    print("ValueError:", e)

exhausted = worker("w2")
for _ in exhausted:
    pass
exhausted.close()
print("closing an exhausted generator is fine")
