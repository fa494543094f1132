# stack-based bracket matching and a queue simulation with lists
PAIRS = {")": "(", "]": "[", "}": "{"}
def check(s):
    stack = []
    for i, ch in enumerate(s):
        if ch in "([{":
            stack.append((ch, i))
        elif ch in PAIRS:
            if not stack:
                return f"unexpected {ch!r} at {i}"
            top, pos = stack.pop()
            if top != PAIRS[ch]:
                return f"mismatch {top!r} at {pos} vs {ch!r} at {i}"
    if stack:
        return f"unclosed {stack[-1][0]!r} at {stack[-1][1]}"
    return "ok"
for s in ["(a[b]{c})", "([)]", "((", "())", "", "{[()()]}", "x = f(a[1], {'k': (2, 3)})"]:
    print(f"{s!r:32} {check(s)}")
def max_depth(s):
    depth = 0
    best = 0
    for ch in s:
        if ch == "(":
            depth += 1
            best = max(best, depth)
        elif ch == ")":
            depth -= 1
    return best
print(max_depth("(()(()))()"), max_depth("abc"), max_depth("((((x))))"))
queue = []
served = []
tick = 0
arrivals = {0: ["ann", "bob"], 1: ["cy"], 3: ["dee", "eve", "fay"], 4: [], 6: ["gus"]}
while tick < 10:
    for person in arrivals.get(tick, []):
        queue.append(person)
    if queue and tick % 2 == 0:
        served.append((tick, queue.pop(0)))
    tick += 1
print(served)
print("still waiting:", queue)
