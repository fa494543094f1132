from math import *

print(sqrt(2), floor(-0.5), ceil(-0.5), pi, e, tau, inf, -inf, nan)
print(isnan(nan), isinf(inf), isfinite(1e308), factorial(10), gcd(0, 0), lcm(4, 6))


def f(x):
    return degrees(x) + radians(180)


print(f(pi))
print(comb(10, 3), perm(5), perm(5, 2), isqrt(10 ** 30))
