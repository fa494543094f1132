import random
random.seed(7)
xs = [1, 2, 3]
print(len(xs))
print(random.getrandbits(-1))
