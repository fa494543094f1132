# list.sort and sorted with key functions written in the script (stable, reverse)


class P:
    def __init__(self, name, age):
        self.name = name
        self.age = age

    def __repr__(self):
        return self.name

    def __lt__(self, other):
        return self.age < other.age


people = [P("ann", 30), P("bob", 25), P("cy", 30), P("di", 25)]
people.sort(key=lambda p: p.age)
print(people)
people.sort(key=lambda p: p.age, reverse=True)
print(people)
people.sort(key=lambda p: p.name)
print(people)
people.sort()
print(people)
people.sort(reverse=True)
print(people)
print(sorted(people, key=lambda p: (p.age, p.name)))
words = ["Banana", "apple", "cherry", "Apple"]
words.sort(key=lambda w: w.lower())
print(words)
words.sort(key=lambda w: len(w), reverse=True)
print(words)
nums = [3, -1, 2, -5, 0]
nums.sort(key=abs)
print(nums)
nums.sort(key=lambda n: -n)
print(nums)
mixed = [(1, "b"), (0, "z"), (1, "a")]
mixed.sort(key=lambda t: t[0])
print(mixed)
try:
    [1, "a"].sort(key=lambda x: x)
except TypeError as e:
    print("TypeError:", e)
try:
    nums.sort(lambda x: x)
except TypeError as e:
    print("TypeError:", e)
