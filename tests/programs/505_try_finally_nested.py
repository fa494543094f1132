# try/finally nested in finally bodies that break, continue and return run (the
# finally body is compiled once per way out: each copy needs its handlers' locals)
def f(n):
    out = []
    for i in range(n):
        try:
            try:
                if i == 1:
                    continue
                if i == 3:
                    break
                out.append(i)
            finally:
                try:
                    out.append("f%d" % i)
                finally:
                    try:
                        out.append("g")
                    except ValueError:
                        out.append("never")
        finally:
            out.append("outer")
    return out


print(f(5))


def g(x):
    try:
        try:
            return x
        finally:
            try:
                if x > 1:
                    raise ValueError("inner")
            except ValueError as e:
                print("caught", e)
            finally:
                print("inner finally", x)
    finally:
        try:
            print("outer finally")
        finally:
            print("outermost")


print(g(1), g(2))


def h():
    for i in range(3):
        try:
            try:
                return i
            finally:
                try:
                    break
                finally:
                    print("in break finally")
        finally:
            print("loop finally")
    return "after loop"


print(h())


def k():
    n = 0
    while n < 3:
        n += 1
        try:
            return n
        finally:
            if n < 3:
                continue
    return "done"


print(k())
