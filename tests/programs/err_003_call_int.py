# TypeError: 'int' object is not callable
def apply(f, x):
    return f(x)
def pipeline(steps, value):
    for s in steps:
        value = apply(s, value)
        print("after step:", value)
    return value
double = lambda v: v * 2
pipeline([double, abs, double], -3)
count = 5
pipeline([double, count], 1)
