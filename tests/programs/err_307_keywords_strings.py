# TypeError: keywords must be strings
def f(**k):
    return k
print(f(**{'a': 1}))
print(f(**{1: 'one'}))
