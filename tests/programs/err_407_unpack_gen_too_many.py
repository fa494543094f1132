def three():
    yield 1
    yield 2
    yield 3

a, b = three()
