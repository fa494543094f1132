# TypeError: wrong number of positional arguments
def area(w, h):
    return w * h
def report(shapes):
    for s in shapes:
        print("area", area(s[0], s[1]))
def bad_call():
    return area(1, 2, 3)
report([(2, 3), (4, 5)])
print("calling badly")
print(bad_call())
