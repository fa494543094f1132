# ZeroDivisionError inside a decorated function: the traceback goes through the wrapper
def logged(fn):
    def wrapper(*args, **kwargs):
        print('calling', args, kwargs)
        return fn(*args, **kwargs)
    return wrapper

@logged
def ratio(a, *, b):
    return a / b

print(ratio(1, b=2))
print(ratio(1, b=0))
