# raise ... from ...: __cause__ and __suppress_context__, classes made on the way,
# bad causes; attributes set on exceptions of builtin types.


class ConfigError(Exception):
    def __init__(self, *args):
        print("ConfigError.__init__", args)
        super().__init__(*args)


def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError("not a number: " + text) from e


try:
    parse("x1")
except ConfigError as e:
    print(repr(e), "caused by", type(e.__cause__).__name__, e.__suppress_context__)

for cause in (None, KeyError, KeyError("k"), OSError(2, "gone")):
    try:
        raise ConfigError from cause
    except ConfigError as e:
        print(repr(e.__cause__), e.__suppress_context__)

fresh = RuntimeError("never raised")
print(fresh.__cause__, fresh.__suppress_context__)

for bad in (5, "text", [1]):
    try:
        raise ValueError("v") from bad
    except TypeError as e:
        print("TypeError:", e)

try:
    raise 42 from None
except TypeError as e:
    print("TypeError:", e)

err = LookupError("base")
err.detail = {"line": 3}
err.detail["col"] = 7
print(err.detail, err.args)
del err.detail
print(hasattr(err, "detail"))
try:
    del err.detail
except AttributeError as e:
    print("AttributeError:", e)


def nested():
    try:
        {}["missing"]
    except KeyError as k:
        raise LookupError("wrapped") from k


try:
    nested()
except LookupError as e:
    print(e, "<-", repr(e.__cause__))
