# starred assignment targets
a, *b = [1, 2, 3]
print(a, b)
*a, b = (1, 2, 3)
print(a, b)
a, *b, c = range(6)
print(a, b, c)
a, *b, c = 'xy'
print(a, b, c)
*a, = 'abc'
print(a)
[a, *b] = {'p': 1, 'q': 2}
print(a, b)
(a, *b), c = [1, 2, 3], 4
print(a, b, c)
a, (b, *c), *d = 1, [2, 3, 4], 5, 6
print(a, b, c, d)
first, *_, last = reversed(list(range(10)))
print(first, last, _)
for head, *tail in [(1, 2, 3), [4], 'ab']:
    print(head, tail)
for i, (x, *ys) in enumerate([[1, 2], [3]]):
    print(i, x, ys)
pairs = [(k, *v) for k, v in {'a': (1, 2)}.items()]
print(pairs)
data = [1, 2, 3, 4]
x, *data[1:3] = (9, 8)
print(x, data)

def split(seq):
    first, *middle, last = seq
    return first, middle, last

print(split([1, 2]), split('hello'), split(range(3)))
lst = [0, 0, 0]
lst[0], *rest = 5, 6, 7
print(lst, rest)
m, *n = zip([1, 2], [3, 4])
print(m, n)
