# isinstance(T, type) for builtin types, classes and other values.
class A: pass
print(isinstance(A, type), isinstance(int, type), isinstance(len, type), isinstance(A(), type), isinstance(ValueError, type))
print(isinstance(type(len), type), isinstance(type(None), type), isinstance(object, type), isinstance(type, type))
print([x for x in (int, len, 3, str, print, dict, A) if isinstance(x, type)])
