# lambda expressions: as values, arguments, defaults, closures
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), add(b=5, a=5))
noargs = lambda: "constant"
print(noargs())
ops = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
}
for sym in ops:
    print(6, sym, 4, "=", ops[sym](6, 4))
def apply_all(fs, x):
    out = []
    for f in fs:
        out.append(f(x))
    return out
print(apply_all([lambda v: v + 1, lambda v: v * 2, lambda v: -v, abs, str], -3))
make_adder = lambda n: lambda x: x + n
add5 = make_adder(5)
print(add5(10), make_adder(-1)(1))
pick = lambda cond: (lambda: "yes") if cond else (lambda: "no")
print(pick(True)(), pick(False)())
pairs = [(3, "c"), (1, "a"), (2, "b")]
swap = lambda p: (p[1], p[0])
swapped = []
for p in pairs:
    swapped.append(swap(p))
print(sorted(swapped))
compose = lambda f, g: lambda x: f(g(x))
h = compose(square, lambda x: x + 1)
print(h(4), compose(str, square)(12) + "!")
is_even = lambda n: n % 2 == 0
evens = []
for i in range(10):
    if is_even(i):
        evens.append(i)
print(evens)
factor = 3
scale = lambda v: v * factor
factor = 4
print(scale(10))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
