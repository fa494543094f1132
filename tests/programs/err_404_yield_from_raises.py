def inner():
    yield 1
    raise KeyError("lost")

def middle():
    yield from inner()

def outer():
    yield from middle()

for v in outer():
    print(v)
