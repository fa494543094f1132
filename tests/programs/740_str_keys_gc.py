# String keys across collections (session 10: the collector's scratch buffer, strings
# marked without being scanned, the str fast paths of dict lookup and hashing).
d = {}
for i in range(3000):
    d["k" + str(i)] = i
    d["ключ" + str(i)] = -i          # non-ASCII keys
    d["🔑" + str(i % 50)] = i        # astral characters, overwritten
for i in range(0, 3000, 3):
    del d["k" + str(i)]
for i in range(3000, 3200):
    d["k" + str(i)] = i              # growth after deletes keeps insertion order
print(len(d))
print(list(d)[:5], list(d)[-5:])
print(sum(1 for i in range(3300) if ("k" + str(i)) in d))
print(d["ключ" + "2999"], d.get("🔑" + "7"), "🔑7" in d, "🔑77" in d)
total = 0
for k in d:
    total += d[k]
print(total)
# keys equal as strings but made differently; a str subclass-free mix of key kinds
e = {"ab": 1, ("a", "b"): 2, 3: 3, 3.5: 4}
print(e["a" + "b"], e[("a", "b")], e[3.0], e[3.5], "".join(["a", "b"]) in e)
s = {"x" + str(i) for i in range(100)}
print(len(s), "x42" in s, "x420" in s)
# many dead strings between collections, a few kept
keep = []
for i in range(20000):
    t = "tmp" + str(i) * 3
    if i % 1000 == 0:
        keep.append(t)
print(len(keep), keep[-1], hash("abc") == hash("ab" + "c"))
