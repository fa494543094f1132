# break, continue, pass in for and while loops
for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print(i, end=" ")
print()
n = 0
while True:
    n += 1
    if n % 3:
        continue
    if n > 12:
        break
    print(n, end=" ")
print()
for ch in "hello world":
    if ch == " ":
        pass
    elif ch == "o":
        continue
    else:
        print(ch, end="")
print()
def nothing_yet():
    pass
print(nothing_yet())
if True:
    pass
else:
    print("unreachable")
matrix = [[1, 2, 3], [4, -5, 6], [7, 8, 9]]
found = None
for r in range(len(matrix)):
    for c in range(len(matrix[r])):
        if matrix[r][c] < 0:
            found = (r, c)
            break
    if found is not None:
        break
print("negative at", found)
total = 0
for x in [5, -1, 7, -3, 0, 8]:
    if x < 0:
        continue
    if x == 0:
        break
    total += x
print(total)
count = 0
i = 0
while i < 100:
    i += 7
    if i % 2 == 0:
        continue
    count += 1
print(count, i)
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if j > i:
            break
        print((i, j), end=" ")
print()
