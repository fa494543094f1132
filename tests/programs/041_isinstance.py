# isinstance with builtin types and tuples of types
values = [1, -2, 0.5, "s", "", True, False, None, [1], (), {"a": 1}, [], 3.0]
for v in values:
    kinds = []
    if isinstance(v, bool):
        kinds.append("bool")
    if isinstance(v, int):
        kinds.append("int")
    if isinstance(v, float):
        kinds.append("float")
    if isinstance(v, str):
        kinds.append("str")
    if isinstance(v, list):
        kinds.append("list")
    if isinstance(v, tuple):
        kinds.append("tuple")
    if isinstance(v, dict):
        kinds.append("dict")
    print(repr(v), kinds)
print(isinstance(1, (int, float)), isinstance("x", (int, float)), isinstance(2.0, (str, float)))
print(isinstance([], (tuple, list)), isinstance({}, (list, tuple)), isinstance(None, (int, str)))
print(isinstance(True, int), isinstance(1, bool), isinstance(0, (bool,)))
def describe(x):
    if isinstance(x, bool):
        return "a bool"
    elif isinstance(x, (int, float)):
        return "a number"
    elif isinstance(x, str):
        return "a string of length " + str(len(x))
    elif isinstance(x, (list, tuple)):
        return "a sequence of " + str(len(x))
    elif isinstance(x, dict):
        return "a mapping"
    return "something else"
for v in [1, 2.5, True, "abc", [1, 2], (1,), {}, None]:
    print(describe(v))
def total_numbers(items):
    t = 0
    for it in items:
        if isinstance(it, (list, tuple)):
            t += total_numbers(it)
        elif isinstance(it, (int, float)) and not isinstance(it, bool):
            t += it
    return t
print(total_numbers([1, [2, 3.5, ["x", True]], (4,), None, "5"]))
