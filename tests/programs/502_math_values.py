# every math function on a spread of arguments: values (repr is exact) and errors
import math

values = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.0, 3.7, -3.7, 10.0, 1e-300, 1e300, -1e300,
          123456.789, 0.1, 7, -7, 0, 1, True, False, 2 ** 53 + 1, -(2 ** 60),
          math.inf, -math.inf, math.nan, 1e-320, 709.0, 710.0, -745.0, 1e16 + 1]

one_arg = ["sqrt", "floor", "ceil", "trunc", "fabs", "sin", "cos", "tan", "asin", "acos",
           "atan", "exp", "log", "log2", "log10", "degrees", "radians", "isfinite",
           "isinf", "isnan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "expm1",
           "log1p", "erf", "erfc", "gamma", "lgamma", "cbrt", "exp2", "modf", "frexp",
           "ulp"]

for name in one_arg:
    out = []
    for x in values:
        try:
            if name == "sqrt": r = math.sqrt(x)
            elif name == "floor": r = math.floor(x)
            elif name == "ceil": r = math.ceil(x)
            elif name == "trunc": r = math.trunc(x)
            elif name == "fabs": r = math.fabs(x)
            elif name == "sin": r = math.sin(x)
            elif name == "cos": r = math.cos(x)
            elif name == "tan": r = math.tan(x)
            elif name == "asin": r = math.asin(x)
            elif name == "acos": r = math.acos(x)
            elif name == "atan": r = math.atan(x)
            elif name == "exp": r = math.exp(x)
            elif name == "log": r = math.log(x)
            elif name == "log2": r = math.log2(x)
            elif name == "log10": r = math.log10(x)
            elif name == "degrees": r = math.degrees(x)
            elif name == "radians": r = math.radians(x)
            elif name == "isfinite": r = math.isfinite(x)
            elif name == "isinf": r = math.isinf(x)
            elif name == "isnan": r = math.isnan(x)
            elif name == "sinh": r = math.sinh(x)
            elif name == "cosh": r = math.cosh(x)
            elif name == "tanh": r = math.tanh(x)
            elif name == "asinh": r = math.asinh(x)
            elif name == "acosh": r = math.acosh(x)
            elif name == "atanh": r = math.atanh(x)
            elif name == "expm1": r = math.expm1(x)
            elif name == "log1p": r = math.log1p(x)
            elif name == "erf": r = math.erf(x)
            elif name == "erfc": r = math.erfc(x)
            elif name == "gamma": r = math.gamma(x)
            elif name == "lgamma": r = math.lgamma(x)
            elif name == "cbrt": r = math.cbrt(x)
            elif name == "exp2": r = math.exp2(x)
            elif name == "modf": r = math.modf(x)
            elif name == "frexp": r = math.frexp(x)
            else: r = math.ulp(x)
            out.append(repr(r))
        except (ValueError, OverflowError, TypeError) as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(name, " ".join(out))

pairs = [(2.0, 3.0), (-2.0, 3.0), (2.0, -3.0), (0.0, 0.0), (-0.0, 1.0), (1.0, 0.0),
         (10, 3), (-7, 2), (1e300, 1e-300), (2.0, 0.5), (-8.0, 1 / 3), (0.0, -1.0),
         (math.inf, 2.0), (2.0, math.inf), (math.nan, 1.0), (1.0, math.nan), (3, -0.0),
         (5.5, 2.25), (-5.5, 2.25), (100, 10), (2, 1024), (1.0000001, 1e9)]
for x, y in pairs:
    out = []
    for name in ["atan2", "pow", "log", "copysign", "fmod", "hypot", "remainder",
                 "ldexp", "nextafter", "dist", "isclose"]:
        try:
            if name == "atan2": r = math.atan2(x, y)
            elif name == "pow": r = math.pow(x, y)
            elif name == "log": r = math.log(x, y)
            elif name == "copysign": r = math.copysign(x, y)
            elif name == "fmod": r = math.fmod(x, y)
            elif name == "hypot": r = math.hypot(x, y)
            elif name == "remainder": r = math.remainder(x, y)
            elif name == "ldexp": r = math.ldexp(x, int(y) if y == y and abs(y) < 1e6 else 3)
            elif name == "nextafter": r = math.nextafter(x, y)
            elif name == "dist": r = math.dist((x, y), (y, x))
            else: r = math.isclose(x, y)
            out.append(repr(r))
        except (ValueError, OverflowError, ZeroDivisionError, TypeError) as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(x, y, " ".join(out))

for bad in ["1", None, [1.0], 2 ** 2000]:
    for fn in (math.sqrt, math.floor, math.sin, math.log, math.exp):
        try:
            print(fn(bad))
        except (TypeError, ValueError, OverflowError) as e:
            print(type(e).__name__, e)
