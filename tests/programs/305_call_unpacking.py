# unpacking at call sites: f(*xs), f(**d) and every mix
def f(a, b, c=0, *rest, **kw):
    return a, b, c, rest, kw

xs = [1, 2]
ys = (3, 4)
print(f(*xs))
print(f(*xs, *ys))
print(f(0, *xs, 9, *ys))
print(f(*range(2), *"ab"))
print(f(*{'k1': 1, 'k2': 2}))
d = {'c': 5, 'z': 6}
print(f(1, 2, **d))
print(f(**{'a': 1, 'b': 2}))
print(f(1, b=2, **d))
print(f(x=1, **{'a': 1, 'b': 2}, y=2))
print(f(*xs, **d, w=0))
print(f(*[], a=1, b=2))
print(f(*reversed([8, 7]), *reversed([1, 2])))
print(f(*enumerate('ab')))
print(f(*zip([1, 2], [3, 4])))
print(f(*{'a': 1, 'b': 2}.items(), **dict(q=1)))

def g(*args, **kwargs):
    return args, kwargs

print(g(*[1, 2], 3, *[], *(4,), k=1, **{'m': 2}, **{'n': 3}))
args = (1, 2, 3)
kwargs = {'sep': '-', 'end': '!\n'}
print(*args, **kwargs)
print(*args, sep='')
print(*[])
print(max(*[3, 1, 4, 1, 5]), min(*[3, 1, 4]), max(*[[1, 2], [3]], key=len))
rows = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*rows)))
print([list(t) for t in zip(*rows)])
print(len(*['abc']), abs(*[-3]), sorted(*[[3, 1, 2]], **{'reverse': True}))
print(dict(**{'a': 1}, b=2), list(*[range(3)]))
print(str(*[42]), int(*['7']), int(*['ff'], **{'base': 16}))

words = ['x', 'y']
print('-'.join(*[words]), 'a,b'.split(*[',']), '{}+{}'.format(*[1, 2]))
print('{a}/{b}'.format(**{'a': 1, 'b': 2}))
acc = []
acc.append(*[5])
acc.extend(*[[6, 7]])
acc.insert(*(0, 4))
print(acc)
dd = {}
dd.update(**{'k': 1})
dd.update(*[[('j', 2)]], z=3)
print(dd, dd.get(*['k']), dd.get(*['nope', 0]))
s = 'hello'
print(s.replace(*('l', 'L')), s.center(*[9], *['*']))

def sum_all(*a, **k):
    return sum(a) + sum(k.values())

print(sum_all(*range(100), **{str(i): i for i in range(10)}))
lam = lambda *a, **k: (a, k)
print(lam(*'hi', **{'x': 0}))

def chain(*fs):
    def run(*a):
        out = a
        for fn in fs:
            out = (fn(*out),)
        return out[0]
    return run

print(chain(lambda a, b: a + b, lambda x: x * 10)(1, 2))
print(list(enumerate(*['ab'], **{'start': 5})), sum(*[[1, 2]], **{'start': 10}),
      int(*['11'], **{'base': 2}))
