# simple generators: for loops, next(), exhaustion, independent instances
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1

for v in count_up(4):
    print("v", v)

g = count_up(3)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("exhausted", e.args)
print(next(g, "default"))

a = count_up(2)
b = count_up(2)
print(next(a), next(b), next(a), next(b))

def letters(word):
    for ch in word:
        yield ch.upper()
    yield "!"

print([c for c in letters("abc")])
out = ""
for c in letters("hey"):
    out += c
print(out)

def empty():
    return
    yield 1

print([x for x in empty()])
for x in empty():
    print("never")
else:
    print("loop else after empty generator")

def with_break():
    for i in range(10):
        yield i * i

for sq in with_break():
    if sq > 10:
        print("break at", sq)
        break
    print("sq", sq)
