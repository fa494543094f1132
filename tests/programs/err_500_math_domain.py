import math


def area(r):
    return math.pi * r * r


def side(a):
    return math.sqrt(a)


print(area(2.0))
print(side(-area(1.0)))
