# generator pipeline: a producer, filters and transformers chained by for loops,
# yield from and a generator expression, consumed by sum()
def numbers(n):
    x = 1
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        yield x


def evens(src):
    for v in src:
        if v % 2 == 0:
            yield v


def scaled(src, k):
    for v in src:
        yield v % 1000 * k


def chained(src):
    yield from src


total = sum(v + 1 for v in chained(scaled(evens(numbers(300000)), 3)))
count = 0
for v in evens(numbers(100000)):
    count += 1
print(total, count)
