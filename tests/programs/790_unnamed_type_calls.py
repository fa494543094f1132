# Calling the types that have no builtin name: type(None), type(f), the generator
# type, the module type.  CPython's results and errors (a script TypeError, never
# a failure of the host).

NoneType = type(None)
print(NoneType(), NoneType() is None)
print(type(None)())

for args, kwargs in [((1, 2), {}), ((1,), {}), ((), {"x": 1}), (([],), {})]:
    try:
        NoneType(*args, **kwargs)
    except TypeError as e:
        print("NoneType:", e)


def f():
    return 0


function = type(f)
for args in [(), (1,), (1, 2), ("code", {})]:
    try:
        function(*args)
    except TypeError as e:
        print("function:", type(e).__name__, e)

try:
    type(lambda: 0)(1)
except TypeError as e:
    print("lambda type:", e)


def gen():
    yield 1


for args in [(), (1,), (gen(),)]:
    try:
        type(gen())(*args)
    except TypeError as e:
        print("generator:", e)

import math

try:
    type(math)()
except TypeError as e:
    print("module:", e)

try:
    type(None)(1, 2)
except Exception as e:
    print(type(e).__name__, isinstance(e, TypeError))

# the type objects themselves behave
print(NoneType.__name__, function.__name__, type(gen()).__name__, type(math).__name__)
print(isinstance(None, NoneType), isinstance(f, function), isinstance(1, NoneType))
print(callable(NoneType), callable(function))
