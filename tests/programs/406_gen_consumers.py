# builtins and statements that consume generators
def gen(n):
    for i in range(n):
        yield i

print(sum(gen(5)), list(gen(3)), tuple(gen(2)), sorted(gen(4), reverse=True))
print(min(gen(5)), max(gen(5)), max(gen(4), key=lambda x: -x))
print(any(x > 3 for x in gen(5)), all(x < 3 for x in gen(5)))
print(set(gen(3)), frozenset(gen(2)) == frozenset({0, 1}), dict((i, i * i) for i in gen(3)))
print(list(enumerate(gen(3))), list(enumerate(gen(2), 1)), list(zip(gen(3), "abc")))
a, b, c = gen(3)
print(a, b, c)
first, *rest = gen(5)
print(first, rest)
*init, last = (x * 2 for x in range(4))
print(init, last)
print(*gen(3))
print(", ".join(str(x) for x in gen(4)))
print(3 in gen(5), 7 in gen(5), 2 not in gen(3))
g = gen(10)
print(4 in g, next(g))
lst = [0]
lst.extend(gen(3))
print(lst)
s = {9}
s.update(x for x in range(3))
print(sorted(s))
def f(*args):
    return args
print(f(*gen(3)), f(1, *gen(2), 5), [*gen(2), *gen(3)])
print(sum(x * x for x in range(10)), sum(gen(4), 100))
print(sorted((w for w in ["pear", "fig", "apple"]), key=len))
print(min((abs(x - 5), x) for x in [1, 9, 4, 7]))
try:
    a, b = gen(3)
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = gen(2)
except ValueError as e:
    print("ValueError:", e)
try:
    min(x for x in [])
except ValueError as e:
    print("ValueError:", e)
print(max((x for x in []), default="empty"))
