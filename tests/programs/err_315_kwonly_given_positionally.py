# TypeError: keyword-only parameters cannot be given positionally
def f(*, key):
    return key
print(f(key=1))
print(f(1, key=2))
