# __name__, object(), slice objects, type of a module, reflected != through __eq__
import math

print(__name__)
if __name__ == "__main__":
    print("run as a script")
o = object()
print(repr(o)[:15], str(o)[:15], type(o).__name__)
s = slice(1, 10, 2)
print(s.start, s.stop, s.step, s)
print(s.indices(5), slice(None).indices(3), slice(-3, None, -1).indices(10))
print(slice(2, 7, -2).indices(10), slice(None, None, 3).indices(7))
print(type(math).__name__, type(math))


class E:
    def __eq__(self, other):
        print("E eq", other)
        return 123


print(E() != None)
print(None != E())
print(1 != E())
print(None == E())
