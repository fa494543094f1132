# range with 1-3 args, negative steps, len, indexing, in
print(list(range(5)), list(range(2, 7)), list(range(0, 20, 5)), list(range(10, 0, -3)))
print(list(range(0)), list(range(5, 2)), list(range(-5, -1)), list(range(-1, -10, -2)))
r = range(3, 30, 4)
print(len(r), r[0], r[-1], r[2], 7 in r, 8 in r, 27 in r, 31 in r)
print(len(range(10, 0, -1)), len(range(0, 10, 3)), len(range(0, -10, 3)), len(range(-3, 3)))
rr = range(100, 0, -7)
print(rr[0], rr[1], rr[-1], rr[-2], len(rr), 2 in rr, 100 in rr, 1 in rr)
total = 0
for i in range(1, 101):
    total += i
print(total)
for i in range(10, -1, -2):
    print(i, end=" ")
print()
print(sum(range(10)), max(range(7)), min(range(3, 9)), list(reversed(range(4))))
print(tuple(range(3)), list(range(1, 2)), 5 in range(5), 0 in range(0))
n = 6
for i in range(n):
    print(" " * (n - i - 1) + "*" * (2 * i + 1))
evens = range(0, 50, 2)
print(len(evens), evens[10], evens[-3], 48 in evens, 49 in evens, -2 in evens)
print(range(0, 10)[2], range(-10, 10, 5)[3], range(5, -5, -1)[-1])
