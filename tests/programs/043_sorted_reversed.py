# sorted (incl. reverse=True) and reversed
nums = [5, 2, 9, 1, 5, 6]
print(sorted(nums), sorted(nums, reverse=True), nums)
print(sorted("banana"), sorted(("z", "a", "m")), sorted({"b": 1, "a": 2}), sorted(range(5, 0, -1)))
print(sorted([3.5, -1, 2, 0.0, -7.5]), sorted([], reverse=True), sorted([[2, 1], [1, 2]], reverse=True))
print(list(reversed(nums)), list(reversed("abc")), list(reversed((1, 2, 3))), list(reversed(range(4))))
print("".join(reversed("stressed")), tuple(reversed([])))
for x in reversed([1, 2, 3]):
    print(x, end=" ")
print()
for i in reversed(range(0, 10, 3)):
    print(i, end=" ")
print()
words = "to be or not to be that is the question".split()
print(sorted(words))
print(sorted(words, reverse=True)[:3])
uniq = []
for w in sorted(words):
    if not uniq or uniq[-1] != w:
        uniq.append(w)
print(uniq)
scores = {"ann": 88, "bob": 95, "cyd": 70}
ranking = []
for name in scores:
    ranking.append((scores[name], name))
for score, name in sorted(ranking, reverse=True):
    print(name, score)
def median(xs):
    s = sorted(xs)
    n = len(s)
    mid = n // 2
    return s[mid] if n % 2 else (s[mid - 1] + s[mid]) / 2
print(median([3, 1, 2]), median([4, 1, 3, 2]), median([5.5]))
r = list(reversed(sorted(nums)))
print(r == sorted(nums, reverse=True))
print(sorted([(1, "b"), (1, "a"), (0, "z")], reverse=True))
print(sorted([True, 0, 1.5, -2]))
