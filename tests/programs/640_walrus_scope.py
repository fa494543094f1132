x = [y := i * 2 for i in range(4)]
print(y, x)
def f():
    [z := i for i in range(3)]
    return z
print(f())
def g():
    total = 0
    sums = [total := total + v for v in [1, 2, 3]]
    return total, sums
print(g())
def h():
    res = [[w := a * b for b in range(3)] for a in range(3)]
    return w, res
print(h())
def k():
    lst = [1, 5, 9]
    if any((big := v) > 4 for v in lst):
        return big
print(k())
print([last := c for c in "abc"], last)
