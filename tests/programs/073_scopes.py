# name resolution: locals, enclosing, globals, builtins shadowing
x = "global x"
def f1():
    return x
def f2():
    x = "local x"
    return x
def f3():
    def inner():
        return x
    x = "enclosing x"
    return inner()
def f4():
    x = "enclosing"
    def inner():
        x = "inner local"
        return x
    r = inner()
    return r, x
print(f1(), f2(), f3(), f4(), x)
def outer():
    a = 1
    def mid():
        b = 2
        def inner():
            return a + b
        return inner()
    return mid()
print(outer())
def make():
    values = []
    def add(v):
        values.append(v)
        return len(values)
    def get():
        return values
    return add, get
add, get = make()
add("a")
add("b")
print(get())
def uses_builtin(xs):
    return len(xs)
def shadows_builtin(xs):
    len = 99
    return len
print(uses_builtin([1, 2, 3]), shadows_builtin([1, 2, 3]), len("abc"))
def param_shadow(x):
    x = x + 1
    return x
print(param_shadow(5), x)
n = 0
def loop_var():
    for n in range(3):
        pass
    return n
print(loop_var(), n)
for i in range(3):
    pass
print("loop var after loop:", i)
def counter():
    count = 0
    def bump():
        nonlocal count
        count += 1
        def deeper():
            nonlocal count
            count *= 10
        deeper()
        return count
    return bump
b = counter()
print(b(), b(), b())
def cond_define(flag):
    if flag:
        y = "set"
    else:
        y = "unset"
    return y
print(cond_define(True), cond_define(False))
