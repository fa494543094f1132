# collatz sequences: lengths, longest chain with memo, peak values
def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
for n in [1, 2, 3, 6, 7, 27, 97, 871]:
    print(n, collatz_steps(n))
def reaches_one_within(n, limit):
    steps = 0
    while n != 1:
        if steps == limit:
            break
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    else:
        return True
    return False
print(reaches_one_within(27, 200), reaches_one_within(27, 100), reaches_one_within(1, 0))
def sequence(n):
    seq = [n]
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        seq.append(n)
    return seq
print(sequence(6))
s27 = sequence(27)
print(len(s27), max(s27), s27[:10], s27[-5:])
cache = {1: 0}
def chain(n):
    path = []
    while n not in cache:
        path.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps = cache[n]
    for m in reversed(path):
        steps += 1
        cache[m] = steps
    return cache[path[0]] if path else steps
best = 0
best_n = 1
for n in range(1, 20000):
    c = chain(n)
    if c > best:
        best = c
        best_n = n
print("longest under 20000:", best_n, best)
histogram = {}
for n in range(1, 200):
    bucket = chain(n) // 25 * 25
    histogram[bucket] = histogram.get(bucket, 0) + 1
for b in sorted(histogram):
    print(f"{b:>3}-{b + 24:<3} {'#' * (histogram[b] // 2)} {histogram[b]}")
