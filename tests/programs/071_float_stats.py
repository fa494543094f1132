# statistics with floats: mean, variance, newton sqrt, linear regression
def mean(xs):
    return sum(xs) / len(xs)
def variance(xs):
    m = mean(xs)
    s = 0.0
    for x in xs:
        s += (x - m) ** 2
    return s / (len(xs) - 1)
def sqrt(v):
    if v == 0:
        return 0.0
    x = v if v > 1 else 1.0
    for _ in range(60):
        nx = 0.5 * (x + v / x)
        if nx == x:
            break
        x = nx
    return x
data = [2.5, 3.1, 4.7, 1.2, 5.5, 3.3, 2.9, 4.1]
m = mean(data)
v = variance(data)
print(m, v, sqrt(v), v ** 0.5)
print(sqrt(2), 2 ** 0.5, sqrt(1e10), sqrt(0.25), sqrt(1e-6))
xs = [1, 2, 3, 4, 5, 6]
ys = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2]
mx = mean(xs)
my = mean(ys)
num = 0.0
den = 0.0
for x, y in zip(xs, ys):
    num += (x - mx) * (y - my)
    den += (x - mx) ** 2
slope = num / den
intercept = my - slope * mx
print(f"y = {slope:.4f}x + {intercept:.4f}")
print(slope, intercept)
residuals = []
for x, y in zip(xs, ys):
    residuals.append(y - (slope * x + intercept))
print(residuals)
print(f"{sum(residuals):.10f}")
def pi_leibniz(n):
    total = 0.0
    sign = 1.0
    for k in range(n):
        total += sign / (2 * k + 1)
        sign = -sign
    return 4 * total
print(pi_leibniz(1000), pi_leibniz(10000))
def e_series(n):
    total = 0.0
    term = 1.0
    for k in range(n):
        total += term
        term /= k + 1
    return total
print(e_series(20))
celsius = [-40, 0, 36.6, 100]
for c in celsius:
    f = c * 9 / 5 + 32
    print(c, f, f"{f:08.3f}", f"{c:>6}", f"{f:^10.1f}|")
