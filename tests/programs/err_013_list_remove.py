# ValueError from list.remove of a missing element
def discard_all(xs, values):
    for v in values:
        xs.remove(v)
        print("removed", v, "->", xs)
def main():
    items = [3, 1, 4, 1, 5]
    discard_all(items, [1, 4, 1])
    discard_all(items, [5, 9])
main()
