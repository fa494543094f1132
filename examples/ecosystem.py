# A tiny predator-prey simulation on a wrapping grid: the kind of script a game
# host runs for thousands of entities. Deterministic (its own LCG), so Amber and
# CPython print exactly the same report.

WIDTH, HEIGHT = 24, 12
seed = 20261122


def rand(n):
    """A number in range(n) from a linear congruential generator."""
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 16) % n


def neighbours(x, y):
    return [((x + 1) % WIDTH, y), ((x - 1) % WIDTH, y), (x, (y + 1) % HEIGHT), (x, (y - 1) % HEIGHT)]


def populate(count, kind, world):
    placed = 0
    while placed < count:
        pos = (rand(WIDTH), rand(HEIGHT))
        if pos not in world:
            world[pos] = {"kind": kind, "energy": 6 if kind == "fox" else 3}
            placed += 1


def step(world):
    moves = sorted(world.keys())
    for pos in moves:
        if pos not in world:
            continue
        animal = world[pos]
        options = neighbours(pos[0], pos[1])
        target = options[rand(4)]
        other = world.get(target)
        if animal["kind"] == "fox":
            animal["energy"] -= 1
            if other is not None and other["kind"] == "rabbit":
                animal["energy"] += 4
                del world[target]
                other = None
            if animal["energy"] <= 0:
                del world[pos]
                continue
        else:
            animal["energy"] += 1
        if other is None:
            del world[pos]
            world[target] = animal
            if animal["energy"] >= 8:
                animal["energy"] //= 2
                world[pos] = {"kind": animal["kind"], "energy": animal["energy"]}


def census(world):
    counts = {"fox": 0, "rabbit": 0}
    for animal in world.values():
        counts[animal["kind"]] += 1
    return counts


def draw(world):
    for y in range(HEIGHT):
        row = ""
        for x in range(WIDTH):
            a = world.get((x, y))
            row += "." if a is None else ("F" if a["kind"] == "fox" else "r")
        print(row)


world = {}
populate(60, "rabbit", world)
populate(8, "fox", world)
history = []
for generation in range(1, 41):
    step(world)
    c = census(world)
    history.append(c["rabbit"])
    if generation % 10 == 0:
        bar = "#" * (c["rabbit"] // 4)
        print(f"gen {generation:3d}: {c['rabbit']:4d} rabbits {c['fox']:3d} foxes  {bar}")
draw(world)
peak = max(history)
print(f"peak rabbits {peak} at generation {history.index(peak) + 1}; "
      f"mean {sum(history) / len(history):.2f}")
