# pascal's triangle, binomial coefficients, centered printing
def pascal(n):
    rows = [[1]]
    for i in range(1, n):
        prev = rows[-1]
        row = [1]
        for j in range(1, i):
            row.append(prev[j - 1] + prev[j])
        row.append(1)
        rows.append(row)
    return rows
rows = pascal(10)
def row_text(row):
    parts = []
    for v in row:
        parts.append(str(v))
    return " ".join(parts)
width = len(row_text(rows[-1]))
for r in rows:
    text = row_text(r)
    pad = width - len(text)
    print(" " * (pad // 2) + text + " " * (pad - pad // 2))
def binom(n, k):
    if k < 0 or k > n:
        return 0
    k = min(k, n - k)
    r = 1
    for i in range(k):
        r = r * (n - i) // (i + 1)
    return r
print(binom(10, 3), binom(52, 5), binom(60, 30), binom(5, 7), binom(0, 0))
print("row check:", end=" ")
ok = True
for n in range(len(rows)):
    for k in range(n + 1):
        if rows[n][k] != binom(n, k):
            ok = False
print(ok)
sums = []
for r in rows:
    sums.append(sum(r))
print(sums)
for r in pascal(16)[-1:]:
    odd = ""
    for v in r:
        odd += "*" if v % 2 else " "
    print(odd)
for n in range(8):
    line = ""
    for k in range(n + 1):
        line += "*" if binom(n, k) % 2 else " "
    print(" " * (7 - n) + " ".join(line))
