# sets of ints: membership, adds, removes, and the set operators
seen = set()
x = 1
for i in range(300000):
    x = (x * 1103515245 + 12345) % 2147483648
    seen.add(x % 200000)
hits = 0
for i in range(0, 400000, 3):
    if i in seen:
        hits += 1
evens = {i for i in range(0, 200000, 2)}
threes = set(range(0, 200000, 3))
both = evens & threes
either = evens | threes
only = evens - threes
odd = evens ^ threes
for i in range(0, 200000, 7):
    seen.discard(i)
total = 0
for v in both:
    total += v
print(len(seen), hits, len(both), len(either), len(only), len(odd), total)
