# TypeError: argument after * must be an iterable
def f(*a):
    return a
print(f(*[1]))
print(f(*5))
