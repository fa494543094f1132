import bisect


def key(x):
    return 10 // x


print(bisect.bisect_left([5, 2, 0, 3], 1, key=key))
