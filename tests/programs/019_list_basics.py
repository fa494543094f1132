# list indexing, len, +, *, in, ==, nested lists
xs = [10, 20, 30, 40, 50]
print(xs, len(xs), xs[0], xs[-1], xs[2], xs[-2])
print(xs[1:3], xs[:2], xs[3:], xs[::-1], xs[::2], xs[-3:-1], xs[4:1:-1])
xs[0] = 11
xs[-1] += 5
print(xs)
ys = xs + [60, 70]
print(ys, xs)
print([0] * 5, [1, 2] * 3, [] * 10, 2 * ["a"], [[0] * 2] * 2)
print(30 in xs, 99 in xs, 99 not in xs, [] in [[]], "a" in ["a", "b"])
print([1, 2, 3] == [1, 2, 3], [1, 2] == [2, 1], [] == [], [1] != [1.0])
grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(grid[1], grid[1][2], grid[-1][-1], len(grid), len(grid[0]))
grid[0][0] = 100
print(grid)
alias = grid[1]
alias.append(7)
print(grid)
copy = list(xs)
copy[0] = -1
print(xs[0], copy[0])
shared = [[0] * 3] * 2
shared[0][0] = 9
print(shared)
fresh = []
for i in range(2):
    fresh.append([0] * 3)
fresh[0][0] = 9
print(fresh)
empty = []
print(empty, len(empty), not empty)
mixed = [1, "two", 3.0, None, True, [5], (6,), {"seven": 7}]
print(mixed, len(mixed))
total = 0
for v in [3, 1, 4, 1, 5, 9, 2, 6]:
    total += v
print(total)
