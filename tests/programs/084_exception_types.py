# the builtin exception hierarchy, catching by base class, tuples, args and str/repr
tests = [
    lambda: 1 // 0,
    lambda: [1, 2][5],
    lambda: {"a": 1}["b"],
    lambda: int("x1"),
    lambda: "a" + 1,
    lambda: undefined_name,
    lambda: (1, 2).nope,
    lambda: 2.0 ** 10000,
]
for t in tests:
    try:
        t()
    except LookupError as e:
        print("LookupError branch:", type(e).__name__, e)
    except ArithmeticError as e:
        print("ArithmeticError branch:", type(e).__name__, e)
    except (TypeError, NameError) as e:
        print("Type/Name branch:", type(e).__name__, e)
    except Exception as e:
        print("Exception branch:", type(e).__name__, e)

for cls in [ValueError, KeyError, IndexError, ZeroDivisionError, RuntimeError,
            NotImplementedError, StopIteration, AssertionError, OverflowError]:
    try:
        raise cls("msg", 42)
    except Exception as e:
        print(type(e).__name__, e.args, str(e), repr(e))
        print(isinstance(e, cls), isinstance(e, Exception), isinstance(e, LookupError),
              isinstance(e, (KeyError, ArithmeticError)))

e = ValueError()
print(repr(e), str(e) == "", e.args)
e = KeyError("k")
print(repr(e), str(e))
print(isinstance(e, KeyError))
try:
    raise TypeError
except TypeError as e:
    print("bare class raised:", repr(e))
errors = []
for x in ["1", "2", "three", "4"]:
    try:
        errors.append(int(x))
    except ValueError as err:
        errors.append(str(err))
print(errors)
try:
    print("name bound?", err)
except NameError as e:
    print(e)
