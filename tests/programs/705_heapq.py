import heapq
from heapq import heapify, heappop, heappush, heappushpop, heapreplace, merge, nlargest, nsmallest

h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heappush(h, x)
print(h)
print([heappop(h) for _ in range(len(h))])
a = [9, 4, 7, 1, 3, 8, 2, 6, 5, 0]
heapify(a)
print(a, heappushpop(a, -1), heappushpop(a, 4), a)
print(heapreplace(a, 10), a)
print(nlargest(3, [5, 1, 9, 3, 7]), nsmallest(2, [5, 1, 9, 3, 7]))
print(nlargest(2, "hello"), nsmallest(10, [3, 1]), nlargest(1, [4, 8, 2]), nsmallest(0, [1]))
print(nlargest(3, range(20), key=lambda v: v % 7), nsmallest(3, range(20), key=lambda v: -v))
print(nsmallest(3, iter([8, 3, 5, 1, 9])), nlargest(3, (x * x for x in range(-5, 4))))
print(list(merge([1, 4, 7], [2, 5, 8], [0, 3, 9])), list(merge()), list(merge([], [1])))
print(list(merge([5, 3, 1], [4, 2], reverse=True)))
print(list(merge(["a", "ccc"], ["bb", "dddd"], key=len)))
tasks = []
heappush(tasks, (2, "write"))
heappush(tasks, (1, "plan"))
heappush(tasks, (3, "test"))
heappush(tasks, (1, "eat"))
while tasks:
    print(heappop(tasks))
dist = {"a": 0}
pq = [(0, "a")]
graph = {"a": [("b", 4), ("c", 1)], "c": [("b", 1), ("d", 7)], "b": [("d", 1)], "d": []}
while pq:
    d, u = heapq.heappop(pq)
    if d > dist.get(u, 1 << 60):
        continue
    for v, w in graph[u]:
        if d + w < dist.get(v, 1 << 60):
            dist[v] = d + w
            heapq.heappush(pq, (d + w, v))
print(sorted(dist.items()))
