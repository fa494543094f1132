# random: properties that hold whatever the seed (509_random_values.py checks the values)
import random
from random import randint, choice, shuffle

random.seed(12345)
first = [random.random() for _ in range(5)]
random.seed(12345)
again = [random.random() for _ in range(5)]
print(first == again, all([0.0 <= x < 1.0 for x in first]))
random.seed("a string seed")
s1 = random.randrange(10 ** 6)
random.seed("a string seed")
print(s1 == random.randrange(10 ** 6))

print(all([1 <= randint(1, 6) <= 6 for _ in range(500)]))
print(sorted(set([randint(1, 3) for _ in range(300)])))
print(all([random.randrange(10, 20, 3) in (10, 13, 16, 19) for _ in range(200)]))
print(all([random.randrange(20, 10, -5) in (20, 15) for _ in range(100)]))
print(all([-5 <= random.randrange(-5, 5) < 5 for _ in range(200)]))
big = random.randrange(10 ** 30, 10 ** 30 + 5)
print(10 ** 30 <= big < 10 ** 30 + 5, 0 <= random.randint(-(2 ** 70), 2 ** 70) + 2 ** 70 <= 2 ** 71)
print(all([2.0 <= random.uniform(2, 3) <= 3.0 for _ in range(100)]))
print(all([-1.0 <= random.uniform(1.0, -1.0) <= 1.0 for _ in range(100)]))
print(0 <= random.getrandbits(8) < 256, random.getrandbits(0), 0 <= random.getrandbits(100) < 2 ** 100)

items = ["a", "b", "c", "d", "e"]
print(all([choice(items) in items for _ in range(50)]), choice("xyz") in "xyz",
      choice(range(5, 8)) in (5, 6, 7), choice((1, 2)) in (1, 2))
obj = [1, 2]
print(choice([obj]) is obj)

deck = list(range(52))
shuffle(deck)
print(sorted(deck) == list(range(52)), len(deck))
empty = []
shuffle(empty)
print(empty)

s = random.sample(range(100), 10)
print(len(s), len(set(s)), all([0 <= x < 100 for x in s]))
s = random.sample(items, k=5)
print(sorted(s) == items)
print(random.sample(["x", "y"], 0), len(random.sample(range(10 ** 9), 3)))
print(sorted(set(random.sample(["r", "b"], k=3, counts=[2, 1]))) in (["b", "r"], ["r"]))
c = random.choices(items, k=10)
print(len(c), all([x in items for x in c]))
print(set(random.choices(["only", "never"], weights=[1, 0], k=20)))
print(set(random.choices(["x", "y"], cum_weights=[0, 5], k=10)))
g = [random.gauss(10, 0.001) for _ in range(11)]
print(all([9.9 < x < 10.1 for x in g]), random.gauss() == random.gauss())
print(1 <= random.triangular(1, 3) <= 3, random.expovariate(2.0) >= 0)
state = random.getstate()
after = [random.random() for _ in range(3)]
random.setstate(state)
print([random.random() for _ in range(3)] == after)

for call in [lambda: random.randrange(0), lambda: random.randrange(5, 5),
             lambda: random.randrange(1, 10, 0), lambda: random.randint(3, 1),
             lambda: random.choice([]), lambda: random.sample(range(3), 4),
             lambda: random.sample({1, 2}, 1), lambda: random.getrandbits(-1),
             lambda: random.shuffle((1, 2)),
             lambda: random.seed([1]), lambda: random.choices([], k=1),
             lambda: random.randrange(10, 1, 2), lambda: random.uniform("a", 1)]:
    try:
        call()
        print("no error")
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
