# ValueError: not enough values to unpack into a starred target
a, *b, c = [1, 2]
print(a, b, c)
for x, *y, z in [(1, 2, 3), (4,)]:
    print(x, y, z)
