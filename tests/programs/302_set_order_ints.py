# iteration order of int sets after many adds, removes and pops (CPython's table)
seed = 12345


def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n


pool = [0, 1, 7, 8, 9, 16, 24, 31, 32, 33, 64, 100, 127, 128, 129, 255, 256, -1, -2,
        -8, -9, -64, 1000, 4096, 65536, 2 ** 31, 2 ** 33 + 5, -(2 ** 35), 2 ** 61 - 1,
        2 ** 61, 2 ** 62, -(2 ** 62), 12345678901, 999999937]
for trial in range(12):
    s = set()
    for step in range(40 + 25 * trial):
        r = rnd(10)
        v = pool[rnd(len(pool))] // (1 + rnd(3)) + rnd(3) * 37 * (trial % 3)
        if r < 5:
            s.add(v)
        elif r < 7:
            s.discard(v)
        elif r < 8 and s:
            s.pop()
        elif r < 9:
            s.add(rnd(1000))
    if trial % 4 == 0:
        s.add(9223372036854775807)
        s.add(-9223372036854775807 - 1)
    print(trial, len(s), s)

# resizes past 8, 32, 128 and 512 elements, shrinking by removal
t = set()
for i in range(240):
    t.add((i * 7919) % 1009 - 300)
    if i in (4, 5, 20, 21, 85, 86, 200):
        print(i, list(t)[:12])
for i in range(0, 1009, 2):
    t.discard(i - 300)
print(len(t), list(t)[:30])
while len(t) > 10:
    t.pop()
print(t)
t.update(range(50))
print(t)
t.clear()
t.add(5)
print(t, t.pop(), t)
u = set(range(0, 200, 3))
v = set(range(0, 200, 5))
print(u & v, v & u)
print(u - v)
print(u ^ v)
print(len(u | v), list(u | v)[:20])
