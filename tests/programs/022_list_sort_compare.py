# sorting and comparing lists; sort stability via tuples
scores = [88, 92, 75, 92, 60, 88, 100]
s = list(scores)
s.sort()
print(s, scores)
print(sorted(scores, reverse=True), sorted("hello"), sorted((3, 1, 2)))
people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30)]
by_age = []
for name, age in people:
    by_age.append((age, name))
by_age.sort()
print(by_age)
by_age.sort(reverse=True)
print(by_age)
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 3], [3] > [2, 9, 9], [1, [2, 3]] < [1, [2, 4]])
print(max([3, 1, 2]), min(["b", "a", "c"]), max([[1, 2], [1, 3], [0, 9]]))
print(sorted([[2, 1], [1, 2], [1, 1], [2]]))
print(sorted([3.5, 1, -2, 2.25, 0]), sorted(["Banana", "apple", "Cherry", "banana"]))
nested = [[3, "c"], [1, "a"], [2, "b"], [1, "0"]]
nested.sort()
print(nested)
words = "the quick brown fox jumps over the lazy dog".split()
by_len = []
for w in words:
    by_len.append((len(w), w))
by_len.sort()
ordered = []
for pair in by_len:
    ordered.append(pair[1])
print(ordered)
print(sorted(words) == sorted(list(reversed(words))))
a = [5, 3, 8]
b = sorted(a)
print(a, b, a == b)
print(sorted([True, False, 2, 1, 0]), sorted([]))
