# exception classes defined by the script
class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"missing {key}")
        self.key = key


class Invalid(AppError, ValueError):
    pass


def find(d, k):
    if k not in d:
        raise NotFound(k)
    return d[k]


try:
    find({}, "a")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args, repr(e), isinstance(e, Exception))

for exc in (NotFound("z"), Invalid("bad", 3), AppError()):
    try:
        raise exc
    except ValueError as e:
        print("ValueError branch", repr(e), str(e))
    except AppError as e:
        print("AppError branch", repr(e), str(e))

try:
    raise Invalid
except Invalid as e:
    print("class raised:", repr(e), e.args)


class WithStr(Exception):
    def __str__(self):
        return "custom message"


try:
    raise WithStr(1, 2)
except Exception as e:
    print(str(e), e.args, f"{e}")

errors = []
for i in range(3):
    try:
        if i == 1:
            raise NotFound(i)
        errors.append(i)
    except NotFound as e:
        errors.append(e.key * 10)
    finally:
        errors.append("f")
print(errors)
print(issubclass(Invalid, ValueError), issubclass(NotFound, KeyError))
