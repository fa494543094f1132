# string hashing with bit operations: FNV-1a (32-bit), djb2, rolling hash search
def fnv1a(s):
    h = 2166136261
    for ch in s:
        h ^= ord(ch)
        h = (h * 16777619) & 0xFFFFFFFF
    return h
def djb2(s):
    h = 5381
    for ch in s:
        h = ((h << 5) + h + ord(ch)) & 0xFFFFFFFF
    return h
for s in ["", "a", "hello", "Hello", "amber vm", "héllo ☃"]:
    print(f"{s!r:12} {fnv1a(s):>10} {djb2(s):>10} {fnv1a(s) % 16:>3}")
def rabin_karp(text, pat):
    base = 256
    mod = 1000000007
    m = len(pat)
    if m > len(text):
        return []
    high = 1
    for _ in range(m - 1):
        high = high * base % mod
    hp = 0
    ht = 0
    for i in range(m):
        hp = (hp * base + ord(pat[i])) % mod
        ht = (ht * base + ord(text[i])) % mod
    found = []
    for i in range(len(text) - m + 1):
        if hp == ht and text[i:i + m] == pat:
            found.append(i)
        if i + m < len(text):
            ht = ((ht - ord(text[i]) * high) * base + ord(text[i + m])) % mod
    return found
print(rabin_karp("abracadabra abracadabra", "abra"), rabin_karp("aaaaa", "aa"), rabin_karp("abc", "abcd"))
buckets = []
for _ in range(8):
    buckets.append([])
for word in "the quick brown fox jumps over the lazy dog again and again".split():
    b = buckets[fnv1a(word) % 8]
    if word not in b:
        b.append(word)
for i, b in enumerate(buckets):
    print(i, b)
def xorshift(state):
    state ^= (state << 13) & 0xFFFFFFFF
    state ^= state >> 17
    state ^= (state << 5) & 0xFFFFFFFF
    return state
s = 2463534242
vals = []
for _ in range(8):
    s = xorshift(s)
    vals.append(s % 100)
print(vals, s)
