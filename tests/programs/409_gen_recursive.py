# recursive generators: tree walks, permutations, flattening with yield from
tree = ("a", [("b", [("d", []), ("e", [])]), ("c", [("f", [("g", [])])])])

def preorder(node):
    name, children = node
    yield name
    for child in children:
        yield from preorder(child)

def postorder(node):
    name, children = node
    for child in children:
        yield from postorder(child)
    yield name

def depths(node, d=0):
    name, children = node
    yield name, d
    for child in children:
        yield from depths(child, d + 1)

print(list(preorder(tree)))
print(list(postorder(tree)))
print(dict(depths(tree)))

def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x

print(list(flatten([1, [2, [3, [4, [5]]]], 6, [[7]], []])))

def permutations(items):
    if len(items) <= 1:
        yield items[:]
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            yield [items[i]] + p

print(list(permutations([1, 2, 3])))

def count_nodes(node):
    name, children = node
    total = 1
    for child in children:
        total += yield from count_nodes(child)
    yield name
    return total

walker = count_nodes(tree)
names = []
while True:
    try:
        names.append(next(walker))
    except StopIteration as e:
        print("nodes:", e.value, names)
        break

def hanoi(n, a, b, c):
    if n:
        yield from hanoi(n - 1, a, c, b)
        yield (a, c)
        yield from hanoi(n - 1, b, a, c)

moves = list(hanoi(4, "A", "B", "C"))
print(len(moves), moves[:5])

def deep(n):
    if n == 0:
        yield "bottom"
    else:
        yield from deep(n - 1)

print(list(deep(150)))
