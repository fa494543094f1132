# breadth-first search on a grid maze, path reconstruction
MAZE = [
    "S.#.......",
    ".##.####..",
    "....#..#.#",
    "#.#.#.##..",
    "..#...#..#",
    ".####.#.#.",
    "......#..E",
]
H = len(MAZE)
W = len(MAZE[0])
def find(ch):
    for y in range(H):
        x = MAZE[y].find(ch)
        if x >= 0:
            return (y, x)
    return None
start = find("S")
end = find("E")
print("start", start, "end", end)
prev = {start: None}
queue = [start]
head = 0
while head < len(queue):
    y, x = queue[head]
    head += 1
    if (y, x) == end:
        break
    for dy, dx in [(1, 0), (-1, 0), (0, 1), (0, -1)]:
        ny, nx = y + dy, x + dx
        if 0 <= ny < H and 0 <= nx < W and MAZE[ny][nx] != "#" and (ny, nx) not in prev:
            prev[(ny, nx)] = (y, x)
            queue.append((ny, nx))
print("visited", len(prev))
path = []
node = end if end in prev else None
while node is not None:
    path.append(node)
    node = prev[node]
path.reverse()
print("path length", len(path) - 1)
print(path[:6], "...", path[-3:])
grid = []
for row in MAZE:
    grid.append(list(row))
for y, x in path[1:-1]:
    grid[y][x] = "*"
for row in grid:
    print("".join(row))
dist = {start: 0}
order = [start]
i = 0
while i < len(order):
    y, x = order[i]
    i += 1
    for dy, dx in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        p = (y + dy, x + dx)
        if 0 <= p[0] < H and 0 <= p[1] < W and MAZE[p[0]][p[1]] != "#" and p not in dist:
            dist[p] = dist[(y, x)] + 1
            order.append(p)
print("farthest:", max(dist.values()), "reachable:", len(dist))
