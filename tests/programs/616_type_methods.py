# methods read from builtin types: str.lower as a key, map(str.strip, ...), calls


words = ["Banana", "apple", "Cherry"]
print(sorted(words, key=str.lower))
words.sort(key=str.lower, reverse=True)
print(words)
print(list(map(str.strip, ["  a ", "b  "])))
print(list(map(str.upper, "abc")))
print(str.join("-", ["x", "y"]), str.upper("q"), list.count([1, 1, 2], 1))
f = str.replace
print(f("aaa", "a", "b", 2))
print(dict.get({"k": 1}, "k"), int.bit_length(255), tuple.index((4, 5), 5))
d = {}
dict.setdefault(d, "a", []).append(1)
print(d, set.union({1}, {2}), sorted(map(str.casefold, ["B", "a"])))
try:
    str.lower(5)
except TypeError as e:
    print("TypeError:", e)
try:
    str.lower()
except TypeError as e:
    print("TypeError:", e)
try:
    f = list.append
    f("abc", 1)
except TypeError as e:
    print("TypeError:", e)
print(str.split("a b,c", sep=","), str.replace("aa", "a", "b", count=1) if False else "")
