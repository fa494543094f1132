# random: the values equal CPython's for the same seed (the Mersenne Twister, CPython's
# seeding and CPython's algorithms on top of it)
import random
from random import randint, choice, shuffle, random as rand


class Walker:
    def __init__(self, name):
        self.name = name
        self.x = 0
        self.y = 0

    def step(self):
        dx, dy = choice([(1, 0), (-1, 0), (0, 1), (0, -1)])
        self.x += dx
        self.y += dy


random.seed(1)
print([randint(1, 6) for _ in range(10)])
print([round(rand(), 6) for _ in range(3)], rand())
walkers = [Walker(n) for n in "abcde"]
for _ in range(200):
    for w in walkers:
        w.step()
print([(w.name, w.x, w.y) for w in walkers])

deck = [r + s for s in "SHDC" for r in "A23456789TJQK"]
random.seed("cards")
shuffle(deck)
print(deck[:13])
print(random.sample(deck, 5), random.choices(deck, k=3))
print(random.choices(["win", "lose", "draw"], weights=[3, 5, 2], k=8))

random.seed(2 ** 64 + 1)
print(random.getrandbits(64), random.getrandbits(100), random.randrange(10 ** 20))
print(random.uniform(-1, 1), random.triangular(0, 1, 0.25), random.gauss(10, 2))
print(random.expovariate(0.5), random.normalvariate(0, 3), random.betavariate(2, 5))

state = random.getstate()
a = [random.random() for _ in range(1000)]
random.setstate(state)
b = [random.random() for _ in range(1000)]
print(a == b, a[-1])
random.seed(-7.25)
print(random.random(), random.randrange(0, 1000, 7), random.randint(-10, 10))
