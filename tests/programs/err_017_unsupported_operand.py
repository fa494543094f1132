# TypeError: unsupported operand types inside a lambda called from a function
def combine(values, op):
    acc = values[0]
    for v in values[1:]:
        acc = op(acc, v)
    return acc
add = lambda a, b: a + b
print(combine([1, 2, 3], add))
print(combine(["a", "b"], add))
print(combine([1, None, 3], add))
