def f(x):
    try:
        return 10 // x
    except ZeroDivisionError as e:
        print("caught", e, repr(e), e.args)
        return -1
    finally:
        print("finally", x)

print(f(2), f(0))
try:
    raise ValueError("bad", 3)
except (TypeError, ValueError) as e:
    print(type(e).__name__, e.args, str(e))
try:
    d = {}
    d["k"]
except KeyError as e:
    print("key", e, repr(e))
def g():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("fin", i)
    return "done"
print(g())
try:
    try:
        raise IndexError
    except KeyError:
        print("no")
    else:
        print("else?")
    finally:
        print("inner finally")
except LookupError as e:
    print("outer", type(e).__name__, repr(e))
def h():
    try:
        1/0
    except:
        print("bare")
        raise
try:
    h()
except Exception as e:
    print("reraised", e)
try:
    assert 1 == 2, "math"
except AssertionError as e:
    print("assert", e)
x = 0
while True:
    try:
        x += 1
        if x > 3:
            raise StopIteration
    except StopIteration:
        break
print(x)
try:
    int("abc")
except ValueError as e:
    print(e)
def deep(n):
    return deep(n + 1)
try:
    deep(0)
except RecursionError as e:
    print("rec", e)
try:
    raise KeyError("a") from None
except KeyError as e:
    print(e)
print(isinstance(ValueError("x"), Exception), isinstance(KeyError(), LookupError))
