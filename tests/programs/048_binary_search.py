# binary search: exact, lower bound, on answer (integer sqrt)
def binary_search(xs, target):
    lo, hi = 0, len(xs) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid, steps
        elif xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, steps
data = []
for i in range(0, 300, 3):
    data.append(i)
for t in [0, 3, 150, 297, 298, -5, 1000]:
    print(t, binary_search(data, t))
def lower_bound(xs, target):
    lo, hi = 0, len(xs)
    while lo < hi:
        mid = (lo + hi) // 2
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo
sorted_vals = [1, 2, 2, 2, 5, 7, 7, 9]
for t in [0, 2, 3, 7, 9, 10]:
    print("lower_bound", t, lower_bound(sorted_vals, t))
def isqrt(n):
    lo, hi = 0, n // 2 + 1
    while lo < hi:
        mid = lo + (hi - lo + 1) // 2
        if mid <= n // mid:
            lo = mid
        else:
            hi = mid - 1
    return lo
for n in [0, 1, 15, 16, 17, 1000000, 999999999999, 9223372036854775807]:
    print("isqrt", n, isqrt(n))
def insert_sorted(xs, v):
    i = lower_bound(xs, v)
    xs.insert(i, v)
xs = []
for v in [5, 1, 4, 1, 5, 9, 2, 6]:
    insert_sorted(xs, v)
print(xs)
def bisect_float(f, lo, hi, iters):
    for _ in range(iters):
        mid = (lo + hi) / 2
        if f(mid) > 0:
            hi = mid
        else:
            lo = mid
    return (lo + hi) / 2
root = bisect_float(lambda x: x * x - 2, 0.0, 2.0, 50)
print(f"{root:.12f}", abs(root * root - 2) < 1e-12)
words = sorted("pear apple fig kiwi banana cherry date".split())
print(words, binary_search(words, "kiwi"), binary_search(words, "grape"))
