# string indexing (incl. negative) and slicing (incl. steps and negative steps)
s = "Hello, World"
print(s[0], s[4], s[-1], s[-5], s[len(s) - 1])
print(s[0:5], s[7:], s[:5], s[:], s[-5:], s[:-7])
print(s[::2], s[1::2], s[::-1], s[::-2], s[-1:-6:-1])
print(s[2:10:3], s[10:2:-3], s[100:], s[-100:3], s[5:2], s[3:3])
print(repr(s[5:5]), repr(s[20:30]), repr(s[::-100]))
print(s[-3:], s[-3:-1], s[len(s):], s[:-len(s)])
word = "racecar"
print(word == word[::-1], word[1:-1], word[1:-1][::-1])
t = "abcdefghij"
for step in [1, 2, 3, -1, -2, -3]:
    print(step, t[::step], t[2:8:step], t[8:2:step])
first = t[0]
last = t[-1]
print(first + last, t[1] * 3, t[-2] + t[2])
i = 0
out = ""
while i < len(t):
    out += t[i].upper() if i % 2 == 0 else t[i]
    i += 1
print(out)
for ch in "xyz":
    print(ch, end=",")
print()
print("abc" + "def", "ab" * 3, 3 * "-", "" * 5, "x" * 0, "y" * -2)
print("ell" in s, "xyz" in s, "" in s, "W" in s, "w" not in s)
print(len(""), len("a"), len(s), len("tab\t"))
