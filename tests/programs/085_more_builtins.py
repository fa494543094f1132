print(pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(2.0, 0.5))
print(divmod(17, 5), divmod(-17, 5), divmod(7.5, 2))
print(round(2.5), round(3.5), round(2.675, 2), round(-1.5), round(1234, -2), round(7))
print(hex(255), oct(8), bin(10), hex(-1), bin(0))
print(any([0, 0, 1]), all([1, 2, 0]), any([]), all([]), any([x > 3 for x in [1, 5]]))
print(hash(1) == hash(1.0) == hash(True), hash((1, 2)) == hash((1, 2)), hash(-1))
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration as e:
    print("stop", repr(e))
r = iter(range(3))
print(list(r))
print(issubclass(bool, int), issubclass(KeyError, LookupError), issubclass(int, str),
      issubclass(ZeroDivisionError, (ValueError, ArithmeticError)) if False else issubclass(ZeroDivisionError, ArithmeticError))
d = {"a": 1, "b": 2}
k = iter(d)
print(next(k), next(k))
try:
    hash([1])
except TypeError as e:
    print(e)
try:
    next([1])
except TypeError as e:
    print(e)
