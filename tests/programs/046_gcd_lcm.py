# gcd (iterative and recursive), lcm, extended euclid, fractions reduction
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
def gcd_rec(a, b):
    return a if b == 0 else gcd_rec(b, a % b)
def lcm(a, b):
    return a // gcd(a, b) * b
pairs = [(12, 18), (17, 5), (0, 9), (100, 75), (-24, 36), (1071, 462), (2 ** 40, 6 ** 12), (3 ** 20, 2 ** 30 * 3 ** 5)]
for a, b in pairs:
    print(a, b, gcd(a, b), gcd_rec(abs(a), abs(b)), lcm(abs(a), abs(b)) if a and b else 0)
def ext_gcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = ext_gcd(b, a % b)
    return g, y, x - (a // b) * y
for a, b in [(240, 46), (99, 78), (17, 3120)]:
    g, x, y = ext_gcd(a, b)
    print(a, b, g, x, y, a * x + b * y == g)
def mod_inverse(a, m):
    g, x, _ = ext_gcd(a, m)
    return x % m if g == 1 else None
print(mod_inverse(17, 3120), mod_inverse(3, 11), mod_inverse(6, 9))
def reduce_fraction(n, d):
    g = gcd(n, d)
    n //= g
    d //= g
    if d < 0:
        n, d = -n, -d
    return n, d
print(reduce_fraction(84, 36), reduce_fraction(-10, -4), reduce_fraction(3, -9))
def add_fractions(a, b):
    n = a[0] * b[1] + b[0] * a[1]
    d = a[1] * b[1]
    return reduce_fraction(n, d)
total = (0, 1)
for k in range(1, 11):
    total = add_fractions(total, (1, k))
print("H10 =", total, total[0] / total[1])
l = 1
for k in range(1, 21):
    l = lcm(l, k)
print("lcm(1..20) =", l)
