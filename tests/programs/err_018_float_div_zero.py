# ZeroDivisionError from float division and modulo in nested functions
def ratio(a, b):
    return a / b
def normalize(xs):
    total = sum(xs)
    def scale(x):
        return ratio(x, total)
    out = []
    for x in xs:
        out.append(scale(x))
    return out
print(normalize([1.0, 3.0]))
print(normalize([2.5, -2.5]))
