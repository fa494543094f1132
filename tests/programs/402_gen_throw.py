# throw(): exceptions delivered at the yield, handled or propagated
def resilient():
    n = 0
    while True:
        try:
            yield n
        except ValueError as e:
            print("resilient caught", e)
            n += 100
        n += 1

r = resilient()
print(next(r))
print(r.throw(ValueError("bad")))
print(next(r))
print(r.throw(ValueError))
try:
    r.throw(KeyError("missing"))
except KeyError as e:
    print("propagated KeyError", e)
try:
    next(r)
except StopIteration:
    print("generator is finished after the error")

def fresh():
    yield 1

f = fresh()
try:
    f.throw(IndexError("before start"))
except IndexError as e:
    print("thrown into unstarted generator:", e)
print(next(f, "done"))

def cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup finally")

c = cleanup()
next(c)
try:
    c.throw(RuntimeError("stop"))
except RuntimeError as e:
    print("RuntimeError", e)

done = fresh()
list_ = [x for x in done]
try:
    done.throw(ZeroDivisionError("after end"))
except ZeroDivisionError as e:
    print("thrown into finished generator:", e)

def returns_on_throw():
    try:
        yield 1
    except ValueError:
        return "handled"

g = returns_on_throw()
next(g)
try:
    g.throw(ValueError)
except StopIteration as e:
    print("StopIteration value", e.value)

try:
    g.throw(5)
except TypeError as e:
    print("TypeError", e)

def throw_with_value():
    try:
        yield 1
    except ValueError as e:
        print("args", e.args)
        yield 2

h = throw_with_value()
next(h)
print(h.throw(ValueError, "payload"))
