# dijkstra shortest paths on a small weighted graph (list-based selection)
graph = {
    "A": [("B", 7), ("C", 9), ("F", 14)],
    "B": [("A", 7), ("C", 10), ("D", 15)],
    "C": [("A", 9), ("B", 10), ("D", 11), ("F", 2)],
    "D": [("B", 15), ("C", 11), ("E", 6)],
    "E": [("D", 6), ("F", 9)],
    "F": [("A", 14), ("C", 2), ("E", 9)],
    "G": [],
}
INF = float("inf")
def dijkstra(src):
    dist = {}
    prev = {}
    for node in graph:
        dist[node] = INF
        prev[node] = None
    dist[src] = 0
    unvisited = list(graph.keys())
    while unvisited:
        best = None
        for node in unvisited:
            if best is None or dist[node] < dist[best]:
                best = node
        if dist[best] == INF:
            break
        unvisited.remove(best)
        for nbr, w in graph[best]:
            alt = dist[best] + w
            if alt < dist[nbr]:
                dist[nbr] = alt
                prev[nbr] = best
    return dist, prev
def path_to(prev, target):
    path = []
    while target is not None:
        path.append(target)
        target = prev[target]
    return list(reversed(path))
dist, prev = dijkstra("A")
print(dist)
for node in sorted(graph):
    if dist[node] < INF:
        print(node, dist[node], "->".join(path_to(prev, node)))
    else:
        print(node, "unreachable", dist[node])
dist_e, _ = dijkstra("E")
print(sorted(dist_e.items()))
total = 0
for node in dist:
    if dist[node] != INF:
        total += dist[node]
print("sum of finite distances:", total)
