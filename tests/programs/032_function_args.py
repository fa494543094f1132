# def with positional, default and keyword arguments
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ada"))
print(greet("Ada", "Hi"))
print(greet("Ada", punct="?"))
print(greet(greeting="Yo", name="Bob"))
print(greet("Cy", "Hey", "."))
def area(width, height=None):
    if height is None:
        height = width
    return width * height
print(area(3), area(3, 4), area(height=2, width=5), area(2.5))
def describe(a, b=2, c=3):
    return f"a={a} b={b} c={c}"
print(describe(1), describe(1, c=30), describe(c=0, a=-1), describe(1, 2, 3))
def append_to(x, target=None):
    if target is None:
        target = []
    target.append(x)
    return target
print(append_to(1), append_to(2), append_to(3, [0]))
def mutable_default(x, acc=[]):
    acc.append(x)
    return acc
print(mutable_default(1), mutable_default(2), mutable_default(3))
def no_return():
    x = 1
print(no_return())
def multi_return(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    return "pos"
print(multi_return(-1), multi_return(0), multi_return(5))
def power(base, exp=2):
    return base ** exp
print(power(3), power(2, 10), power(exp=3, base=2), power(2.0, -1))
def clamp(v, lo=0, hi=100):
    return max(lo, min(hi, v))
print(clamp(150), clamp(-5), clamp(50), clamp(5, hi=3), clamp(5, lo=10))
def sum_list(xs, start=0):
    total = start
    for x in xs:
        total += x
    return total
print(sum_list([1, 2, 3]), sum_list([1, 2, 3], 10), sum_list([], start=7))
def f(a, b):
    return a - b
print(f(10, 3), f(b=10, a=3), f(3, b=10))
def compose(f, g):
    return lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
def apply_n(fn, n, x):
    for _ in range(n):
        x = fn(x)
    return x
print(apply_n(lambda v: v * 3, 4, 1), apply_n(str, 1, 5) + "!")
k = 10
def default_captures(x=k):
    return x
k = 20
print(default_captures(), k)
