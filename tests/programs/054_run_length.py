# run-length encoding and decoding
def rle_encode(s):
    if not s:
        return []
    runs = []
    prev = s[0]
    n = 1
    for ch in s[1:]:
        if ch == prev:
            n += 1
        else:
            runs.append((prev, n))
            prev = ch
            n = 1
    runs.append((prev, n))
    return runs
def rle_to_string(runs):
    parts = []
    for ch, n in runs:
        parts.append(str(n) + ch if n > 1 else ch)
    return "".join(parts)
def rle_decode(text):
    out = ""
    num = ""
    for ch in text:
        if "0" <= ch <= "9":
            num += ch
        else:
            out += ch * (int(num) if num else 1)
            num = ""
    return out
for s in ["aaabccddddde", "abc", "", "zzzzzzzzzzzz", "aabbaa", "WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW"]:
    runs = rle_encode(s)
    enc = rle_to_string(runs)
    print(repr(s[:20]), runs[:4], enc, rle_decode(enc) == s)
def rle_list(xs):
    out = []
    for x in xs:
        if out and out[-1][0] == x:
            out[-1][1] += 1
        else:
            out.append([x, 1])
    return out
print(rle_list([1, 1, 2, 3, 3, 3, 1, None, None, 2.5]))
def rle_say(s):
    out = ""
    for ch, n in rle_encode(s):
        out += str(n) + ch
    return out
term = "1"
for _ in range(10):
    print(term)
    term = rle_say(term)
