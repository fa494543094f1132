# matrix multiply, transpose, identity, power, determinant with lists
def zeros(n, m):
    out = []
    for i in range(n):
        out.append([0] * m)
    return out
def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    c = zeros(n, p)
    for i in range(n):
        for j in range(p):
            s = 0
            for k in range(m):
                s += a[i][k] * b[k][j]
            c[i][j] = s
    return c
def transpose(a):
    t = zeros(len(a[0]), len(a))
    for i in range(len(a)):
        for j in range(len(a[0])):
            t[j][i] = a[i][j]
    return t
def identity(n):
    m = zeros(n, n)
    for i in range(n):
        m[i][i] = 1
    return m
def matpow(a, e):
    r = identity(len(a))
    while e:
        if e % 2:
            r = matmul(r, a)
        a = matmul(a, a) if e > 1 else a
        e //= 2
    return r
def det(m):
    if len(m) == 1:
        return m[0][0]
    total = 0
    for j in range(len(m)):
        minor = []
        for row in m[1:]:
            minor.append(row[:j] + row[j + 1:])
        sign = -1 if j % 2 else 1
        total += sign * m[0][j] * det(minor)
    return total
def show(m):
    for row in m:
        line = ""
        for v in row:
            line += f"{v:>7}"
        print(line)
a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show(matmul(a, b))
show(transpose(a))
print(matmul(identity(3), b) == b)
print(matpow([[1, 1], [1, 0]], 30))
m = [[2, -3, 1], [2, 0, -1], [1, 4, 5]]
print(det(m), det(identity(4)), det([[1, 2], [2, 4]]))
f = [[0.5, 1.5], [-2.0, 0.25]]
print(matmul(f, f))
rot = [[0, -1], [1, 0]]
p = [[3], [4]]
for _ in range(4):
    p = matmul(rot, p)
    print(p, end=" ")
print()
