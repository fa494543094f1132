# TypeError: positional-only arguments passed as keywords
def dist(x, y, /):
    return abs(x - y)
print(dist(1, 5))
print(dist(1, y=5))
