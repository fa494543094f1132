# import forms: plain, aliased, from-import with aliases, star import, in functions
import math
import math as m
import random, math as m2
from math import sqrt, pi as PI, floor
from random import seed as reseed

print(m is math, m2 is math, sqrt is math.sqrt, PI == math.pi)
print(math.__name__)
print(sqrt, m.floor)
print(floor(7.9), sqrt(81))


def use_module():
    import math
    from math import gcd as g
    return math.hypot(3, 4), g(84, 36)


print(use_module())


def shadowing():
    math = {"sqrt": "not the module"}
    return math["sqrt"]


print(shadowing(), math.sqrt(2.0))

try:
    from math import no_such_name
except ImportError as e:
    print("ImportError:", type(e).__name__)

try:
    math.no_such_name
except AttributeError as e:
    print("AttributeError:", e)

try:
    import no_such_module_xyz
except ImportError as e:
    print(type(e).__name__, e)

try:
    from no_such_module_xyz import thing
except ModuleNotFoundError as e:
    print(type(e).__name__, e)

try:
    import no_such_module_xyz as nsm
except (ValueError, ImportError) as e:
    print("tuple handler:", e)

# module functions as values
fns = [math.sqrt, math.floor, math.ceil]
print([f(2.5) for f in fns])
table = {"s": math.sin, "c": math.cos}
print(table["s"](0.0), table["c"](0.0))
print(list(map(abs, [-1])) if False else "no map", math.fabs(-2))
print(sorted([3.3, 1.1, 2.2], key=math.floor) if False else [math.trunc(x) for x in (3.7, -3.7)])

# calls through * and **
args = (2.0, 3.0)
print(math.pow(*args), math.atan2(*args), math.log(*[8], **{}), math.copysign(*args))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1, rel_tol=0.2))
print(math.isclose(a=1.0, b=1.5, abs_tol=1))
