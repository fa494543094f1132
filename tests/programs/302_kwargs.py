# **kwargs: a dict of the extra keyword arguments, in call order
def show(**kw):
    return kw

print(show())
print(show(b=1, a=2, c=3))

def mixed(a, b=2, **opts):
    return a, b, opts

print(mixed(1))
print(mixed(1, 3, x=4))
print(mixed(b=5, a=6, z=7, y=8))

def everything(a, *args, **kwargs):
    return a, args, kwargs

print(everything(1, 2, 3, x=1, y=2))
print(everything(a=0))

def keys_in_order(**kw):
    return list(kw.keys()), list(kw.values())

print(keys_in_order(zeta=1, alpha=2, mid=3))

def fresh(**kw):
    kw['added'] = True
    return kw

d = {'x': 1}
print(fresh(**d), d)

def closure_kw(**outer):
    def inner(**more):
        merged = dict(outer)
        merged.update(more)
        return merged
    return inner

print(closure_kw(a=1, b=2)(b=3, c=4))

def nested(**kw):
    if 'depth' in kw and kw['depth'] > 0:
        return nested(depth=kw['depth'] - 1, seen=kw.get('seen', 0) + 1)
    return kw

print(nested(depth=5))
lam = lambda **k: sorted(k.items())
print(lam(b=2, a=1))
