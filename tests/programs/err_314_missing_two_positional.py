# TypeError: two required positional arguments missing, with keyword-only ones present
def f(a, b, *args, k=1):
    return a, b, args, k
print(f(1, 2, 3))
print(f(k=2))
