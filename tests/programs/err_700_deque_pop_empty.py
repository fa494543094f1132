from collections import deque

d = deque([1])
d.pop()
d.popleft()
