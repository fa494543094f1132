# game of life on a small toroidal grid
def parse(rows):
    grid = []
    for r in rows:
        line = []
        for ch in r:
            line.append(1 if ch == "#" else 0)
        grid.append(line)
    return grid
def step(grid):
    h = len(grid)
    w = len(grid[0])
    new = []
    for y in range(h):
        row = []
        for x in range(w):
            n = 0
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    if dy == 0 and dx == 0:
                        continue
                    n += grid[(y + dy) % h][(x + dx) % w]
            alive = grid[y][x]
            row.append(1 if n == 3 or (alive and n == 2) else 0)
        new.append(row)
    return new
def show(grid):
    for row in grid:
        line = ""
        for c in row:
            line += "#" if c else "."
        print(line)
def population(grid):
    total = 0
    for row in grid:
        total += sum(row)
    return total
glider = parse([
    ".#......",
    "..#.....",
    "###.....",
    "........",
    "........",
    "........",
])
g = glider
for gen in range(5):
    print("generation", gen, "population", population(g))
    show(g)
    g = step(g)
for _ in range(19):
    g = step(g)
print("after 24 generations:", population(g), g == glider)
blinker = parse([".....", "..#..", "..#..", "..#..", "....."])
b1 = step(blinker)
show(b1)
print(step(b1) == blinker)
