# function decorators: plain, with arguments, stacked (applied bottom-up)
log = []

def trace(fn):
    def wrapper(*args, **kwargs):
        log.append(('call', args, kwargs))
        result = fn(*args, **kwargs)
        log.append(('ret', result))
        return result
    return wrapper

@trace
def add(a, b=1):
    return a + b

print(add(2), add(2, b=5))
print(log)

def times(n):
    print('times factory', n)
    def deco(fn):
        print('decorating with', n)
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco

def tag(label):
    print('tag factory', label)
    def deco(fn):
        print('tagging', label)
        def wrapper(*a, **k):
            return (label, fn(*a, **k))
        return wrapper
    return deco

@tag('outer')
@times(2)
@tag('inner')
def hello(name):
    return 'hi ' + name

print(hello('bob'))

registry = {}
def register(name):
    def deco(fn):
        registry[name] = fn
        return fn
    return deco

@register('square')
def sq(x):
    return x * x

@register('cube')
def cube(x):
    return x * x * x

print(sorted(registry), registry['square'](3), registry['cube'](2), sq(4))

def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper

@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80))

def replace_with(value):
    return lambda fn: value

@replace_with(42)
def gone():
    return 0

print(gone)

def outer():
    @trace
    def inner(x, *, k=0):
        return x + k
    return inner(1, k=2)

print(outer(), log[-2:])
decos = [trace]
@decos[0]
def via_subscript():
    return 'ok'
print(via_subscript())
