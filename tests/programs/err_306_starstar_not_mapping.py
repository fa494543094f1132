# TypeError: argument after ** must be a mapping
def f(**k):
    return k
print(f(**{'a': 1}))
print(f(**[('a', 1)]))
