# TypeError raised while applying a decorator
def needs_two(a, b):
    def deco(fn):
        return fn
    return deco

@needs_two(1, 2)
def ok():
    return 'ok'

print(ok())

@needs_two(1)
def broken():
    return 'never'
