# isinstance(x, object) and issubclass(T, object) are True for every value and type
class A:
    pass


def f():
    pass


values = [1, 2.5, True, "s", None, [], (), {}, set(), frozenset(), range(3), A(), A, f,
          len, int, ValueError("x"), iter([]), (x for x in ()), slice(1, 2)]
print([isinstance(v, object) for v in values])
print([issubclass(t, object) for t in (int, bool, str, list, dict, A, ValueError, object)])
print(isinstance(3, (str, object)), isinstance("a", (int,)), issubclass(bool, (str, object)))
