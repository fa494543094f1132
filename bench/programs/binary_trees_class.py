# Binary trees with a class: as binary_trees, but the nodes are instances of a
# class with a recursive method (allocation, attribute reads, method calls).


class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right

    def check(self):
        if self.left is None:
            return 1
        return 1 + self.left.check() + self.right.check()


def make(depth):
    if depth == 0:
        return Node(None, None)
    return Node(make(depth - 1), make(depth - 1))


max_depth = 14
stretch = make(max_depth + 1)
print("stretch", stretch.check())
long_lived = make(max_depth)
for depth in range(4, max_depth + 1, 2):
    iterations = 2 ** (max_depth - depth + 4)
    total = 0
    for _ in range(iterations):
        total += make(depth).check()
    print(iterations, depth, total)
print("long lived", long_lived.check())
