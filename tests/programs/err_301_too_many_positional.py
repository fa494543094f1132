# TypeError: too many positional arguments, passed through *args unpacking
def pair(a, b):
    return a, b
args = [1, 2, 3]
print(pair(*args[:2]))
print(pair(*args))
