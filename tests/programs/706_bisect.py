import bisect
from bisect import bisect_left, bisect_right, insort, insort_left

a = [1, 2, 4, 4, 4, 7, 9]
print(bisect_left(a, 4), bisect_right(a, 4), bisect.bisect(a, 4), bisect_left(a, 0), bisect_right(a, 10))
print(bisect_left(a, 4, 3), bisect_right(a, 4, 0, 4), bisect_left(a, 4, lo=4, hi=6))
b = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    insort(b, x)
print(b)
insort_left(b, 5)
bisect.insort_right(b, 3, 0, 3)
print(b)


def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect_right(breakpoints, score)]


print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
people = [("ann", 20), ("bob", 31), ("cid", 45)]
print(bisect_left(people, 31, key=lambda p: p[1]), bisect_right(people, 31, key=lambda p: p[1]))
insort(people, ("dan", 33), key=lambda p: p[1])
print(people)
words = ["apple", "fig", "kiwi", "banana"]
words.sort(key=len)
bisect.insort_left(words, "plum", key=len)
print(words)
try:
    bisect_left(a, 1, -1)
except ValueError as e:
    print("ValueError:", e)
