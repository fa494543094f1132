x = 12345
xs = []
for i in range(1000000):
    x = (x * 1103515245 + 12345) % 2147483648
    xs.append(x)
ys = sorted(xs)
print(ys[0], ys[len(ys) // 2], ys[-1])
