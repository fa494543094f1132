# IndexError: list index out of range
def nth(xs, n):
    return xs[n]
def pick(xs, indices):
    out = []
    for i in indices:
        out.append(nth(xs, i))
    return out
data = [10, 20, 30]
print(pick(data, [0, -1, 2, -3]))
print(pick(data, [1, 3]))
