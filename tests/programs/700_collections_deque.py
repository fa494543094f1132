from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2], 3 in d, 9 in d, bool(d), bool(deque()))
print(d.pop(), d.popleft(), d)
d.rotate(1)
print(d)
d.rotate(-2)
print(d)
d.rotate(7)
print(d)
d.extend([5, 6])
d.extendleft([7, 8])
print(d, list(d), list(reversed(d)))
d[0] = 80
del d[1]
print(d, d.count(3), d.index(5))
d.remove(80)
d.insert(1, 42)
print(d)
d.reverse()
print(d)
e = deque(range(10), maxlen=3)
print(e, e.maxlen)
e.append(99)
print(e)
e.appendleft(-1)
print(e)
e.extend(range(5))
print(e, len(e))
print(d == deque(d), d == list(d), d != deque([1]), deque([1, 2]) < deque([1, 3]))
q = deque()
for i in range(100):
    q.append(i)
total = 0
while q:
    x = q.popleft()
    total += x
    if x % 10 == 0 and x < 50:
        q.append(x + 1000)
print(total, len(q), q)
for i in range(30):
    q.appendleft(i)
print(q[0], q[-1], len(q), sum(q))
q.clear()
print(q, len(q))
f = deque("abc") + deque("de")
f += "xy"
print(f, f * 2, deque(maxlen=0), deque([1], 5))
a, b, c = deque([10, 20, 30])
print(a, b, c, [x * 2 for x in deque([1, 2])], sorted(deque([3, 1, 2])))
print(max(deque([3, 7, 1])), sum(deque([1.5, 2.5])), tuple(deque("hi")))
g = d.copy()
g.append("new")
print(d, g)
