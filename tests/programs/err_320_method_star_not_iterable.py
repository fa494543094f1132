# TypeError: argument after * on a builtin method call
items = []
items.append(*[1])
print(items)
items.append(*3)
