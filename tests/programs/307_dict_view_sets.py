# set operations on dict keys and items views
d = {1: 10, 2: 20, 3: 30, 9: 90, 17: 170}
e = {2: 20, 3: 31, 4: 40, 17: 170}
print(d.keys() & e.keys(), d.keys() | e.keys(), d.keys() - e.keys(), d.keys() ^ e.keys())
print(d.keys() & {1, 9, 10}, {1, 9, 10} & d.keys(), d.keys() - [1], [5, 1] - d.keys() if False else 0)
print(d.keys() | [7], d.keys() & [3, 9, 3])
print(d.items() & e.items(), d.items() - e.items())
print({1, 2} - d.keys(), {1, 2, 100} ^ d.keys() == d.keys() ^ {1, 2, 100})
print(len(d.keys() | e.keys()), type(d.keys() & e.keys()))
