def selfish():
    yield 1
    next(me)

me = selfish()
print(next(me))
next(me)
