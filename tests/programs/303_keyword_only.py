# keyword-only parameters, after * or *args, with and without defaults
def kw(a, *, b, c=3):
    return a, b, c

print(kw(1, b=2))
print(kw(1, c=4, b=5))
print(kw(a=0, b=1))

def after_star(*args, sep='-', end='!'):
    return args, sep, end

print(after_star(1, 2, 3))
print(after_star(1, 2, sep='+'))

def required_middle(*, x=1, y, z=3):
    return x, y, z

print(required_middle(y=2))
print(required_middle(z=0, y=9, x=8))

calls = []
def default_value(tag):
    calls.append(tag)
    return tag * 2

def evaluated_once(a=default_value('pos'), *, k=default_value('kw')):
    return a, k

print(calls)
print(evaluated_once(), evaluated_once(1, k=2), calls)

def shared(*, acc=[]):
    acc.append(len(acc))
    return acc

print(shared(), shared(), shared(acc=[]))

def outer(n):
    def inner(*, scale=n * 10):
        return scale + n
    return inner

print(outer(1)(), outer(2)(), outer(2)(scale=0))

f = lambda a, *, b=2, **rest: (a, b, rest)
print(f(1), f(1, b=3, c=4))

def kw_and_kwargs(*, key, **others):
    return key, others

print(kw_and_kwargs(key=1, other=2))
print(kw_and_kwargs(other=2, key=1))
