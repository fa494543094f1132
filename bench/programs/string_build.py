parts = []
for i in range(400000):
    parts.append(str(i % 97) + ":" + "x" * (i % 5))
s = ",".join(parts)
words = s.split(",")
n = 0
for w in words:
    if w.startswith("4"):
        n += len(w)
out = ""
for i in range(100000):
    out += chr(65 + i % 26)
print(len(s), len(words), n, out[:30], out.count("A"))
