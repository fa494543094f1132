from functools import reduce


def total(xs):
    return reduce(lambda a, b: a + b, xs)


print(total([1, 2]))
print(total([]))
