# string building: repeat, join, slicing patterns, ascii art
def boxed(lines):
    w = 0
    for ln in lines:
        w = max(w, len(ln))
    out = ["+" + "-" * (w + 2) + "+"]
    for ln in lines:
        out.append("| " + ln + " " * (w - len(ln)) + " |")
    out.append(out[0])
    return "\n".join(out)
print(boxed(["Amber", "a sandboxed VM", "", "v0.1"]))
def diamond(n):
    rows = []
    for i in list(range(n)) + list(range(n - 2, -1, -1)):
        rows.append(" " * (n - 1 - i) + "*" * (2 * i + 1))
    return "\n".join(rows)
print(diamond(4))
checker = ""
for y in range(4):
    for x in range(8):
        checker += "#" if (x + y) % 2 == 0 else "."
    checker += "\n"
print(checker, end="")
s = "abcdefghijklmnopqrstuvwxyz"
chunks = []
for i in range(0, len(s), 5):
    chunks.append(s[i:i + 5])
print(chunks, "-".join(chunks))
print(s[::5], s[4::5], s[-1::-5])
def interleave(a, b):
    out = ""
    for i in range(max(len(a), len(b))):
        if i < len(a):
            out += a[i]
        if i < len(b):
            out += b[i]
    return out
print(interleave("abc", "12345"), interleave("", "xy"))
def progress(done, total, width=20):
    filled = done * width // total
    return "[" + "=" * filled + ">" * (filled < width) + " " * (width - filled - (filled < width)) + "]"
for d in [0, 3, 10, 19, 20]:
    print(progress(d, 20), f"{d * 5}%")
words = ["alpha", "beta", "gamma"]
sentence = ""
for i, w in enumerate(words):
    if i:
        sentence += ", " if i < len(words) - 1 else " and "
    sentence += w
print(sentence + ".")
