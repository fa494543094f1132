# towers of hanoi, recursive with move list and simulated pegs
def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((n, src, dst))
    hanoi(n - 1, via, dst, src, moves)
moves = []
hanoi(3, "A", "C", "B", moves)
for disk, a, b in moves:
    print(f"move disk {disk} from {a} to {b}")
for n in range(1, 11):
    m = []
    hanoi(n, 0, 2, 1, m)
    print(n, len(m), len(m) == 2 ** n - 1)
pegs = {"A": [5, 4, 3, 2, 1], "B": [], "C": []}
m = []
hanoi(5, "A", "C", "B", m)
legal = True
for disk, a, b in m:
    top = pegs[a].pop()
    if top != disk or (pegs[b] and pegs[b][-1] < top):
        legal = False
    pegs[b].append(top)
print(pegs, legal)
def hanoi_count(n):
    return 0 if n == 0 else 2 * hanoi_count(n - 1) + 1
print(hanoi_count(20), hanoi_count(62))
