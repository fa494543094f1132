# TypeError: argument after * on a builtin call
xs = [1, 2]
print(*xs)
print(*len(xs))
