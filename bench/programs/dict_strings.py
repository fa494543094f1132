d = {}
for i in range(500000):
    d["key" + str(i)] = i
hits = 0
for i in range(0, 1000000, 2):
    if ("key" + str(i)) in d:
        hits += 1
total = 0
for k in d:
    total += d[k]
print(len(d), hits, total)
