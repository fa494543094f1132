import heapq

h = [2, 1]
heapq.heapify(h)
while True:
    print(heapq.heappop(h))
