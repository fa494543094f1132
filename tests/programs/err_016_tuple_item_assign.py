# TypeError: 'tuple' object does not support item assignment
def move(point, dx):
    point[0] += dx
    return point
print(move([1, 2], 3))
print(move((1, 2), 3))
