# split (with and without sep, maxsplit) and join
line = "  the quick  brown\tfox\njumps   "
print(line.split())
print(line.split(" "))
print("a,b,,c,".split(","))
print("a,b,,c,".split(",", 1), "a,b,,c,".split(",", 2), "a,b,c".split(",", 0))
print("one two three four".split(None, 2), "one two three four".split(maxsplit=1))
print("k=v=w".split("=", maxsplit=1))
print("".split(), "".split(","), "   ".split(), "abc".split("abc"))
print("a--b--c".split("--"), "--a--".split("--"))
print(", ".join(["x", "y", "z"]), "".join(["a", "b"]), "-".join("abc"), "+".join([]))
print(" ".join("hello world".split()[::-1]))
csv = "name,age,city\nalice,30,paris\nbob,25,rome"
rows = []
for row in csv.split("\n"):
    rows.append(row.split(","))
print(rows)
header = rows[0]
for r in rows[1:]:
    pairs = []
    for i in range(len(header)):
        pairs.append(header[i] + "=" + r[i])
    print("; ".join(pairs))
path = "/usr/local/bin/python"
parts = path.split("/")
print(parts, parts[-1], "/".join(parts[:-1]))
sentence = "Split   me    carefully"
print(len(sentence.split()), len(sentence.split(" ")))
nums = "10 20 30 40"
total = 0
for n in nums.split():
    total += int(n)
print(total)
print("\n".join(["line1", "line2", "line3"]))
print("|".join(["1", "2"]), "x".join(("a", "b", "c")))
