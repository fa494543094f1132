# Names in class bodies: nonlocal and global declarations, captured values.


def shadow():
    def method():
        return "outer"

    class A:
        def method(self):
            return "inner"

    return method(), hasattr(A, "method")


print(shadow())


def rebinds():
    def method():
        return "outer"

    class A:
        nonlocal method

        def method():
            return "inner"

        value = method()

    return method(), hasattr(A, "method"), A.value


print(rebinds())


def counter():
    n = 0

    class Tally:
        nonlocal n
        n += 1
        here = n

    class Again:
        nonlocal n
        n += 10

    return n, Tally.here, hasattr(Tally, "n")


print(counter())

g = "module"


class G:
    global g
    g = "set in class"
    own = g


print(g, G.own, hasattr(G, "g"))


def captured(x):
    class A:
        y = x
        z = 99

        def get(self):
            return x

    return A.y, A.z, A().get()


print(captured(5))
