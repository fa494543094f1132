# try/finally and except inside generators: closing, breaking, errors, returns
def guarded(tag, n):
    try:
        for i in range(n):
            try:
                yield i
            finally:
                print(tag, "inner finally", i)
    finally:
        print(tag, "outer finally")

for x in guarded("a", 2):
    print("got", x)

g = guarded("b", 5)
print(next(g), next(g))
g.close()
print("after close")

def raises_midway():
    yield 1
    try:
        yield 2
        raise ValueError("from generator")
    finally:
        print("cleanup before propagating")

try:
    for v in raises_midway():
        print("value", v)
except ValueError as e:
    print("caught", e)

def handler_inside():
    for i in range(4):
        try:
            if i == 2:
                raise KeyError(i)
            yield i
        except KeyError as e:
            print("handled inside", e)
            yield -1

print([v for v in handler_inside()])

def return_in_finally():
    try:
        yield "first"
        return "from try"
    finally:
        print("finally runs before the return completes")

rg = return_in_finally()
print(next(rg))
try:
    next(rg)
except StopIteration as e:
    print("StopIteration", e.value)

def yield_in_except():
    try:
        raise IndexError("x")
    except IndexError:
        yield "in except"
        yield "still in except"
    yield "after"

print(list(yield_in_except()))

def nested_try_close():
    try:
        try:
            yield 1
        except GeneratorExit:
            print("inner sees GeneratorExit")
            raise
    finally:
        print("outer finally on close")

n = nested_try_close()
next(n)
n.close()

def error_after_loop():
    for i in range(2):
        yield i
    1 / 0

out = []
try:
    for v in error_after_loop():
        out.append(v)
except ZeroDivisionError as e:
    print(out, "ZeroDivisionError", e)
