# linked list and binary search tree built from dicts, lists and tuples
def cons(head, tail):
    return (head, tail)
def from_list(xs):
    node = None
    for x in reversed(xs):
        node = cons(x, node)
    return node
def to_list(node):
    out = []
    while node is not None:
        out.append(node[0])
        node = node[1]
    return out
def reverse_ll(node):
    prev = None
    while node is not None:
        prev = cons(node[0], prev)
        node = node[1]
    return prev
ll = from_list([1, 2, 3, 4])
print(ll)
print(to_list(reverse_ll(ll)), to_list(None), to_list(from_list(["a"])))
def bst_insert(tree, key):
    if tree is None:
        return {"key": key, "left": None, "right": None}
    if key < tree["key"]:
        tree["left"] = bst_insert(tree["left"], key)
    elif key > tree["key"]:
        tree["right"] = bst_insert(tree["right"], key)
    return tree
def inorder(tree, out):
    if tree is not None:
        inorder(tree["left"], out)
        out.append(tree["key"])
        inorder(tree["right"], out)
    return out
def height(tree):
    if tree is None:
        return 0
    return 1 + max(height(tree["left"]), height(tree["right"]))
def contains(tree, key):
    while tree is not None:
        if key == tree["key"]:
            return True
        tree = tree["left"] if key < tree["key"] else tree["right"]
    return False
root = None
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30]:
    root = bst_insert(root, k)
print(inorder(root, []), height(root))
print(contains(root, 45), contains(root, 46), contains(None, 1))
print(root["left"]["right"])
nodes = {}
nodes["a"] = {"val": 1, "next": "b"}
nodes["b"] = {"val": 2, "next": "c"}
nodes["c"] = {"val": 3, "next": None}
cur = "a"
total = 0
while cur is not None:
    total += nodes[cur]["val"]
    cur = nodes[cur]["next"]
print(total)
