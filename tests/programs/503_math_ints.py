# math on ints: exact results, big ints, and their errors
import math

print(math.factorial(0), math.factorial(25), len(str(math.factorial(500))))
print(math.gcd(), math.gcd(12), math.gcd(2 ** 100, 6 ** 50), math.gcd(-12, 18, 30))
print(math.lcm(), math.lcm(4, 6, 10), math.lcm(2 ** 70, 3), math.lcm(0, 5))
print(math.comb(52, 5), math.comb(100, 50), math.comb(5, 7), math.perm(10, 3), math.perm(3, 5))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(2 ** 200 + 12345))
print(math.floor(2 ** 80), math.ceil(-(2 ** 80)), math.trunc(10 ** 30), math.floor(1e20))
print(math.floor(-1e300) == -(10 ** 300), math.ceil(1.5e19), math.trunc(-9.3e18))
print(math.prod([]), math.prod([2, 3, 4]), math.prod(range(1, 30)), math.prod([1.5, 2]),
      math.prod([2, 3], start=10))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]))
print(math.log(2 ** 1000), math.log2(2 ** 1000), math.log10(10 ** 400), math.log(10 ** 400, 10))
print(math.sqrt(2 ** 100), math.exp(2), math.pow(2, 10), math.ldexp(1, 1000))
print(math.dist([0, 0, 0], [1, 2, 2]), math.hypot(), math.hypot(-5), math.hypot(1, 2, 2))
for bad in [(math.factorial, -1), (math.factorial, 2.5), (math.isqrt, -1),
            (math.gcd, 1.5), (math.comb, -1), (math.sqrt, -4), (math.log, 0),
            (math.log, -1), (math.exp, 1000), (math.pow, (0.0, -1.0)),
            (math.fmod, (1.0, 0.0)), (math.log, (10, 1)), (math.floor, math.inf),
            (math.floor, math.nan), (math.ceil, -math.inf), (math.ldexp, (1.0, 10000)),
            (math.acos, 2), (math.asin, -1.5), (math.atanh, 1), (math.gamma, 0),
            (math.prod, 5), (math.perm, (5, -1)), (math.comb, (5,)), (math.lcm, 1.5)]:
    fn, arg = bad
    try:
        if isinstance(arg, tuple):
            print(fn(*arg))
        else:
            print(fn(arg))
    except (ValueError, TypeError, OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
