# StopIteration's value and OSError's errno/strerror, also on subclasses
class MyStop(StopIteration):
    pass


class MyOSError(OSError):
    pass


print(MyStop().value, MyStop(1).value, StopIteration(2, 3).value)
print(OSError().errno, OSError(2, "no such file").errno, OSError(2, "no such file").strerror)
print(MyOSError().errno, MyOSError(5, "io", "x").strerror, MyOSError(7).errno)
try:
    raise MyStop("done")
except StopIteration as e:
    print(e.value, e.args)
