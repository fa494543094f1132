# instances of subclasses of builtin types as dict keys and set elements


class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    def shifted(self, dx):
        return Point(self[0] + dx, self[1])


class Name(str):
    def initial(self):
        return self[0]


grid = {Point(0, 0): "origin", (1, 2): "plain tuple"}
print(grid[(0, 0)], grid[Point(1, 2)], Point(0, 0) in grid, (5, 5) in grid)
grid[Point(1, 2)] = "replaced"
print(len(grid), sorted(grid.values()), grid.get(Point(0, 0).shifted(1)))
seen = set()
for p in [Point(1, 1), (1, 1), Point(2, 3), Point(1, 1).shifted(0)]:
    seen.add(p)
print(len(seen), (2, 3) in seen, Point(2, 3) in seen, sorted(seen))
ages = {Name("ada"): 36, "bob": 41}
print(ages["ada"], ages[Name("bob")], Name("ada") in ages, {Name("x"), "x"}, len({Name("x"), "x"}))
nested = {(Point(1, 2), Name("k")): 1}
print(nested[((1, 2), "k")], hash(Point(3, 4)) == hash((3, 4)), hash(Name("q")) == hash("q"))
print(Point(1, 2) == (1, 2), [Point(1, 2)] == [(1, 2)], {Point(1, 2): 1} == {(1, 2): 1})
counts = {}
for w in [Name("a"), "a", Name("b")]:
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items()))


class Tagged(tuple):
    def __eq__(self, other):
        return isinstance(other, Tagged) and tuple(self) == tuple(other)

    def __hash__(self):
        return hash(("Tagged",) + tuple(self))


t = Tagged((1,))
print(t == (1,), t == Tagged((1,)), hash(t) == hash(Tagged((1,))))
