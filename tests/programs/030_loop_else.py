# for-else and while-else, with and without break
def find_first_multiple(xs, k):
    for x in xs:
        if x % k == 0:
            print("found", x)
            break
    else:
        print("no multiple of", k)
find_first_multiple([3, 5, 10, 12], 5)
find_first_multiple([3, 7, 11], 5)
find_first_multiple([], 2)
def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            break
        d += 1
    else:
        return True
    return False
print("primes:", end=" ")
for n in range(30):
    if is_prime(n):
        print(n, end=" ")
print()
i = 0
while i < 3:
    i += 1
else:
    print("while finished normally, i =", i)
i = 0
while True:
    i += 1
    if i == 4:
        break
else:
    print("never printed")
print("broke out at", i)
for c in "abc":
    pass
else:
    print("for-else after full iteration, last =", c)
for i in range(3):
    for j in range(3):
        if i * j == 2:
            print("inner break at", i, j)
            break
    else:
        print("inner completed for i =", i)
        continue
    print("outer continues after inner break, i =", i)
n = 10
while n > 0:
    n -= 3
    if n == 5:
        continue
else:
    print("while-else with continue, n =", n)
