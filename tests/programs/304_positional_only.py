# positional-only parameters (before /)
def pos(a, b, /, c):
    return a, b, c

print(pos(1, 2, 3), pos(1, 2, c=3))

def pos_default(a, b=2, /, c=3, *, d=4):
    return a, b, c, d

print(pos_default(1), pos_default(1, 5), pos_default(1, 5, 6, d=7), pos_default(1, c=0))

def name_reuse(a, /, **kw):
    return a, kw

print(name_reuse(1, a=2))

lam = lambda x, /, y=1: x - y
print(lam(5), lam(5, 2), lam(5, y=3))

def everything(a, b=1, /, c=2, *args, d, e=3, **kw):
    return a, b, c, args, d, e, kw

print(everything(0, d=9))
print(everything(0, 1, 2, 3, 4, d=5, f=6))
print(everything(0, c=7, d=8, a=10))
