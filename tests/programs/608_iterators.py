# the iterator protocol
class Count:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i


class Pairs:
    def __init__(self, items):
        self.items = items

    def __iter__(self):
        return Count(len(self.items))


print(list(Count(3)), sum(Count(4)), [x * x for x in Count(3)], max(Count(5)))
for a, b in zip(Count(3), "abc"):
    print(a, b)
for i, v in enumerate(Count(2)):
    print(i, v)
print(list(Pairs("xyz")), sorted(Count(3), reverse=True), tuple(Count(2)), set(Count(2)))
it = Count(2)
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("stopped")
total = 0
for x in Count(10):
    if x % 2:
        continue
    if x > 7:
        break
    total += x
print(total)
