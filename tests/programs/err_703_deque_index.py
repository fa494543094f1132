from collections import deque

d = deque("ab")
print(d[1])
print(d[5])
