import math
from math import floor
print(floor(2.5))
print(math.nope)
