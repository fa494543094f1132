# starred items in list/tuple displays, ** in dict displays
a = [1, 2]
b = (3, 4)
print([*a, *b, 5])
print([0, *a], [*a], [*a, *a], [*'hi', *range(2)])
print((*a, 2), (*b,), (*a, *b))
print([*{'x': 1, 'y': 2}], [*{'x': 1}.values()])
print([*reversed([2, 1]), *[]])
d1 = {'a': 1, 'b': 2}
d2 = {'b': 20, 'c': 30}
print({**d1, 'k': 1})
print({**d1, **d2})
print({'b': 0, **d1}, {**d1, 'b': 0})
print({**{}, **{}})
print({1: 'one', **{2: 'two'}, 3: 'three', **{1: 'uno'}})
nested = [*[*a, *b], *[[*a]]]
print(nested)
t = (*range(3),)
print(t, type(t) is tuple)
copy = [*a]
copy.append(9)
print(a, copy)
dc = {**d1}
dc['z'] = 0
print(d1, dc)
print(len([*range(300)]), sum((*range(10),)))
