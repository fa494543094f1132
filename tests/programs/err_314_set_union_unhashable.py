s = {1}
print(s.union([1], [[2]]))
