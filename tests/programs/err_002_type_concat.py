# TypeError: can only concatenate str (not "int") to str
def label(prefix, n):
    return prefix + n
def render(rows):
    out = []
    for r in rows:
        out.append(label("row-", r))
    return out
print(label("a", "b"))
print(render(["x", "y"]))
print(render(["z", 1]))
