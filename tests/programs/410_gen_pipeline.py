# generator pipelines: producers, filters, transformers, sinks
text = """alpha beta
gamma

delta alpha
# comment line
beta beta epsilon"""

def lines(s):
    for line in s.split("\n"):
        yield line

def strip_comments(src):
    for line in src:
        if not line.startswith("#"):
            yield line

def non_empty(src):
    return (line for line in src if line.strip())

def words(src):
    for line in src:
        yield from line.split()

def counted(src):
    counts = {}
    for w in src:
        counts[w] = counts.get(w, 0) + 1
    return counts

pipeline = words(non_empty(strip_comments(lines(text))))
print(counted(pipeline))

def running_mean(src):
    total = 0
    for i, x in enumerate(src, 1):
        total += x
        yield total / i

print([round(m, 2) for m in running_mean(iter([4, 8, 15, 16, 23, 42]))])

def batched(src, n):
    batch = []
    for x in src:
        batch.append(x)
        if len(batch) == n:
            yield tuple(batch)
            batch = []
    if batch:
        yield tuple(batch)

print(list(batched(range(10), 3)))

def window(src, n):
    buf = []
    for x in src:
        buf.append(x)
        if len(buf) > n:
            buf.pop(0)
        if len(buf) == n:
            yield tuple(buf)

print(list(window("abcdef", 3)))

def tee_print(src, label):
    for x in src:
        print(label, x)
        yield x

stage = tee_print((x * 3 for x in range(4) if x != 2), "passing")
print(sum(tee_print(stage, "summing")))

def grep(pattern):
    print("looking for", pattern)
    while True:
        line = yield
        if pattern in line:
            print("match:", line)

sink = grep("py")
next(sink)
for line in ["python", "ruby", "pypy", "perl"]:
    sink.send(line)
sink.close()

def chain(*iterables):
    for it in iterables:
        yield from it

print(list(chain([1, 2], "ab", (x for x in range(2)), {"k": 0})))
