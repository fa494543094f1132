# strip/lstrip/rstrip (with and without chars), replace, find
raw = "   padded text \t\n"
print(repr(raw.strip()), repr(raw.lstrip()), repr(raw.rstrip()))
print("xxhixx".strip("x"), "xxhixx".lstrip("x"), "xxhixx".rstrip("x"))
print("www.example.com".strip("wcom."), "<<tag>>".strip("<>"), "abcba".strip("ab"))
print(repr("".strip()), repr("   ".strip()), repr("aaa".strip("a")))
print("0001200".lstrip("0"), "0001200".rstrip("0"), "12".strip(""))
print("hello world".replace("o", "0"), "aaaa".replace("a", "b", 2), "abc".replace("", "-"))
print("banana".replace("na", "NA"), "banana".replace("x", "y"), "a.b.c".replace(".", ""))
s = "the cat sat on the mat"
print(s.find("the"), s.find("the", 1), s.find("dog"), s.find("at", 6, 12), s.find(""))
print(s.find("mat", -3), s.find("t", -1), s.find("cat", 0, 6))
def count_occurrences(text, sub):
    n = 0
    i = text.find(sub)
    while i != -1:
        n += 1
        i = text.find(sub, i + len(sub))
    return n
print(count_occurrences(s, "at"), count_occurrences(s, "the"), count_occurrences("aaaa", "aa"))
def find_all(text, sub):
    out = []
    start = 0
    while True:
        i = text.find(sub, start)
        if i < 0:
            break
        out.append(i)
        start = i + 1
    return out
print(find_all("abracadabra", "a"), find_all("abracadabra", "abra"))
template = "Dear NAME, your order ORDER has shipped."
msg = template.replace("NAME", "Ada").replace("ORDER", "#42")
print(msg)
lines = ["  alpha  ", "\tbeta", "gamma\n", "  "]
cleaned = []
for ln in lines:
    t = ln.strip()
    if t:
        cleaned.append(t)
print(cleaned)
print("...stop...".strip("."), "--==x==--".strip("-="), "xyzzy".rstrip("yz"))
