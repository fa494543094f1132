import collections as co
from itertools import *
from heapq import *


def use_in_function():
    import collections
    from collections import deque as dq
    return collections, dq


mod, dq = use_in_function()
print(mod is co, dq is co.deque, co.__name__)
print(list(islice(count(3), 2)), list(chain("ab", "c")))
h = [3, 1, 2]
heapify(h)
print(h, heappop(h))
f = co.Counter
print(f("aab"), [co.deque, co.defaultdict] == [co.deque, co.defaultdict])
try:
    co.nothing
except AttributeError as e:
    print("AttributeError:", e)
try:
    from collections import nothing
except ImportError as e:
    print("ImportError")
import functools, bisect, operator, string
print(functools.reduce(operator.add, [1, 2]), bisect.bisect([1, 3], 2), string.digits[:3])
