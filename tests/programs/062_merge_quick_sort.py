# merge sort and quicksort (recursive), counting inversions
def merge_sort(xs):
    if len(xs) <= 1:
        return xs, 0
    mid = len(xs) // 2
    left, a = merge_sort(xs[:mid])
    right, b = merge_sort(xs[mid:])
    merged = []
    i = j = 0
    inv = a + b
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            inv += len(left) - i
            j += 1
    merged.extend(left[i:])
    merged.extend(right[j:])
    return merged, inv
def quicksort(xs):
    if len(xs) <= 1:
        return xs
    pivot = xs[len(xs) // 2]
    less = []
    equal = []
    greater = []
    for x in xs:
        if x < pivot:
            less.append(x)
        elif x == pivot:
            equal.append(x)
        else:
            greater.append(x)
    return quicksort(less) + equal + quicksort(greater)
def quicksort_inplace(a, lo, hi):
    if lo >= hi:
        return
    p = a[hi]
    i = lo
    for j in range(lo, hi):
        if a[j] < p:
            a[i], a[j] = a[j], a[i]
            i += 1
    a[i], a[hi] = a[hi], a[i]
    quicksort_inplace(a, lo, i - 1)
    quicksort_inplace(a, i + 1, hi)
data = [38, 27, 43, 3, 9, 82, 10, 3, -7, 0, 55]
print(merge_sort(data))
print(quicksort(data))
b = list(data)
quicksort_inplace(b, 0, len(b) - 1)
print(b, b == sorted(data))
seed = 42
big = []
for _ in range(500):
    seed = seed * 48271 % 2147483647
    big.append(seed % 10000 - 5000)
s1, inv = merge_sort(big)
s2 = quicksort(big)
print(s1 == s2 == sorted(big), inv, s1[:5], s1[-5:])
print(quicksort(["delta", "alpha", "charlie", "bravo"]), merge_sort([2.5, 1.25, -0.5])[0])
