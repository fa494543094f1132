# dynamic programming: 0/1 knapsack, LCS, edit distance, coin change
def knapsack(items, cap):
    best = [0] * (cap + 1)
    choice = []
    for i in range(len(items)):
        choice.append([False] * (cap + 1))
    for i, (w, v) in enumerate(items):
        for c in range(cap, w - 1, -1):
            if best[c - w] + v > best[c]:
                best[c] = best[c - w] + v
                choice[i][c] = True
    chosen = []
    c = cap
    for i in range(len(items) - 1, -1, -1):
        if choice[i][c]:
            chosen.append(i)
            c -= items[i][0]
    chosen.reverse()
    return best[cap], chosen
items = [(12, 4), (2, 2), (1, 1), (1, 2), (4, 10)]
print(knapsack(items, 15), knapsack(items, 5), knapsack([], 10))
def lcs(a, b):
    dp = []
    for i in range(len(a) + 1):
        dp.append([0] * (len(b) + 1))
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                dp[i][j] = dp[i - 1][j - 1] + 1
            else:
                dp[i][j] = max(dp[i - 1][j], dp[i][j - 1])
    out = ""
    i, j = len(a), len(b)
    while i and j:
        if a[i - 1] == b[j - 1]:
            out = a[i - 1] + out
            i -= 1
            j -= 1
        elif dp[i - 1][j] >= dp[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return dp[len(a)][len(b)], out
print(lcs("ABCBDAB", "BDCABA"), lcs("kitten", "sitting"), lcs("", "abc"))
def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        prev = cur
    return prev[-1]
for a, b in [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("same", "same"), ("héllo", "hello")]:
    print(a, b, edit_distance(a, b))
def coin_change(coins, amount):
    ways = [1] + [0] * amount
    fewest = [0] + [amount + 1] * amount
    for c in coins:
        for v in range(c, amount + 1):
            ways[v] += ways[v - c]
    for v in range(1, amount + 1):
        for c in coins:
            if c <= v and fewest[v - c] + 1 < fewest[v]:
                fewest[v] = fewest[v - c] + 1
    return ways[amount], fewest[amount] if fewest[amount] <= amount else -1
print(coin_change([1, 2, 5], 11), coin_change([2], 3), coin_change([1, 5, 10, 25, 50, 100], 300))
