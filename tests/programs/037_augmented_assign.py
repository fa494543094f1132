# augmented assignment with all operators on names, subscripts and dict values
x = 10
x += 5
print(x, end=" ")
x -= 3
print(x, end=" ")
x *= 4
print(x, end=" ")
x //= 5
print(x, end=" ")
x %= 7
print(x, end=" ")
x **= 3
print(x, end=" ")
x /= 4
print(x, end=" ")
print()
b = 0b1111
b &= 0b1010
b |= 0b0101
b ^= 0b0011
b <<= 3
b >>= 1
print(b)
f = 1.5
f += 1
f *= 2
f -= 0.5
f /= 2
f //= 0.5
f %= 1.75
f **= 2
print(f)
s = "ab"
s += "cd"
s *= 2
print(s)
xs = [1, 2, 3]
xs[0] += 10
xs[1] *= 2
xs[-1] **= 2
xs[2] -= 1
xs[0] //= 3
xs[1] %= 3
print(xs)
xs += [4, 5]
xs *= 2
print(xs)
t = (1,)
t += (2, 3)
print(t)
d = {"n": 1, "s": "x", "l": [1]}
d["n"] += 1
d["n"] *= 5
d["s"] += "yz"
d["l"] += [2]
d["n"] -= 3
print(d)
counts = {}
for w in "a b a c b a".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
grid = [[0, 0, 0], [0, 0, 0]]
grid[1][2] += 7
grid[0][1] -= 2
grid[1][2] <<= 2
print(grid)
alias = xs
alias += [99]
print(len(xs), xs[-1])
n = 7
n |= 8
n &= ~1
n ^= 0xFF
print(n)
i = 0
arr = [10, 20, 30]
def next_index():
    global i
    i += 1
    return i - 1
arr[next_index()] += 5
print(arr, i)
