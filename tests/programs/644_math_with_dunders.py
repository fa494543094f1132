# math functions convert objects of script classes with __float__ or __index__
import math
class F:
    def __float__(self): return 1.0
class I:
    def __index__(self): return 12
class N: pass
print("%.5g" % math.exp(F()), math.sqrt(F()), math.floor(F()), math.gcd(I(), 8), math.factorial(I()) % 1000)
print(math.pow(F(), 3), math.atan2(F(), 1.0) > 0.7, math.isfinite(F()))
try:
    math.sin(N())
except TypeError as e:
    print("TypeError", e)
from math import cos
print(cos(F()) < 0.6)
