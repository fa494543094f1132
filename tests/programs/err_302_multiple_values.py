# TypeError: a parameter given both positionally and by keyword
def move(x, y=0):
    return x + y
print(move(1, y=2))
print(move(1, x=2))
