# n-queens by backtracking
def solve(n):
    solutions = []
    cols = [False] * n
    diag1 = [False] * (2 * n)
    diag2 = [False] * (2 * n)
    placement = []
    def place(row):
        if row == n:
            solutions.append(list(placement))
            return
        for c in range(n):
            if cols[c] or diag1[row + c] or diag2[row - c + n]:
                continue
            cols[c] = diag1[row + c] = diag2[row - c + n] = True
            placement.append(c)
            place(row + 1)
            placement.pop()
            cols[c] = diag1[row + c] = diag2[row - c + n] = False
    place(0)
    return solutions
for n in range(1, 8):
    print(n, len(solve(n)))
first = solve(6)[0]
print(first)
def row_str(c, n):
    out = ""
    for i in range(n):
        out += "Q " if i == c else ". "
    return out.rstrip()
for c in first:
    print(row_str(c, 6))
def is_valid(p):
    for i in range(len(p)):
        for j in range(i + 1, len(p)):
            if p[i] == p[j] or abs(p[i] - p[j]) == j - i:
                return False
    return True
ok = True
for sol in solve(8):
    ok = ok and is_valid(sol)
print("8 queens:", len(solve(8)), "all valid:", ok)
