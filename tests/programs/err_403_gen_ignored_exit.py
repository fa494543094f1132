def stubborn():
    try:
        yield 1
    except GeneratorExit:
        pass
    yield 2

s = stubborn()
next(s)
s.close()
