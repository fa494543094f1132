# ValueError from list.index of a missing element
def position(xs, v):
    return xs.index(v)
def positions(xs, values):
    out = []
    for v in values:
        out.append(position(xs, v))
        print(v, "at", out[-1])
    return out
positions(["a", "b", "c"], ["c", "a"])
positions([1, 2, 3], [2, 42])
