# TypeError: a starred argument among others that is not iterable (CPython builds a list)
def f(*a):
    return a
print(f(1, *[2]))
print(f(1, *5))
