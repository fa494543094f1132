# bubble sort, insertion sort, selection sort with swap counting
def bubble_sort(xs):
    xs = list(xs)
    n = len(xs)
    swaps = 0
    for i in range(n):
        swapped = False
        for j in range(n - 1 - i):
            if xs[j] > xs[j + 1]:
                xs[j], xs[j + 1] = xs[j + 1], xs[j]
                swaps += 1
                swapped = True
        if not swapped:
            break
    return xs, swaps
def insertion_sort(xs):
    xs = list(xs)
    for i in range(1, len(xs)):
        key = xs[i]
        j = i - 1
        while j >= 0 and xs[j] > key:
            xs[j + 1] = xs[j]
            j -= 1
        xs[j + 1] = key
    return xs
def selection_sort(xs):
    xs = list(xs)
    for i in range(len(xs)):
        m = i
        for j in range(i + 1, len(xs)):
            if xs[j] < xs[m]:
                m = j
        xs[i], xs[m] = xs[m], xs[i]
    return xs
data = [64, 34, 25, 12, 22, 11, 90, 5, -3, 0, 22]
print(bubble_sort(data))
print(insertion_sort(data))
print(selection_sort(data))
print(data)
print(bubble_sort([]), insertion_sort([1]), selection_sort([2, 1]))
print(insertion_sort(["pear", "apple", "fig", "Banana"]))
print(bubble_sort([3.5, -1.25, 2, 0.0, 1e3, -1e-3])[0])
print(selection_sort([(2, "b"), (1, "z"), (2, "a")]))
seed = 12345
rand = []
for _ in range(60):
    seed = (seed * 1103515245 + 12345) % 2147483648
    rand.append(seed % 1000)
a = bubble_sort(rand)[0]
b = insertion_sort(rand)
c = selection_sort(rand)
print(a == b == c == sorted(rand), a[:8], a[-3:])
print(bubble_sort(list(range(10, 0, -1))))
