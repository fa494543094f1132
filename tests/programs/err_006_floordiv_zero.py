# ZeroDivisionError from integer floor division
def buckets(n, size):
    return n // size
def plan(sizes):
    for s in sizes:
        print(s, buckets(100, s))
plan([7, 3, -4])
plan([5, 0, 1])
