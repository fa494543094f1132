# math and random in a hot loop: a random walk and a Monte Carlo estimate of pi
# (the values are CPython's: Amber's random is CPython's Mersenne Twister)
import math
import random

random.seed(1)
inside = 0
n = 300000
for i in range(n):
    x = random.random()
    y = random.random()
    if math.sqrt(x * x + y * y) <= 1.0:
        inside += 1
print(inside, 4 * inside / n, abs(4 * inside / n - math.pi) < 0.05)

px = 0.0
py = 0.0
for i in range(200000):
    a = random.uniform(0.0, math.tau)
    px += math.cos(a)
    py += math.sin(a)
steps = [random.randint(1, 6) for i in range(100000)]
print(min(steps), max(steps), sum(steps), px, py)
