# TypeError: the same keyword from two ** mappings
def f(**k):
    return k
print(f(a=1, **{'b': 2}))
print(f(a=1, **{'a': 2}))
