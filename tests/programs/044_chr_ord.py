# chr and ord
print(ord("a"), ord("A"), ord("0"), ord(" "), ord("\n"), ord("~"))
print(chr(97), chr(65), chr(48), repr(chr(32)), repr(chr(10)), chr(126))
alphabet = ""
for i in range(26):
    alphabet += chr(ord("a") + i)
print(alphabet)
def to_upper(s):
    out = ""
    for ch in s:
        if "a" <= ch <= "z":
            out += chr(ord(ch) - 32)
        else:
            out += ch
    return out
print(to_upper("hello, World 42!"))
def digit_value(ch):
    return ord(ch) - ord("0")
print(digit_value("7") * 6)
def parse_int(s):
    n = 0
    neg = s.startswith("-")
    if neg:
        s = s[1:]
    for ch in s:
        n = n * 10 + (ord(ch) - 48)
    return -n if neg else n
print(parse_int("12345"), parse_int("-987"), parse_int("0"))
codes = []
for ch in "Amber":
    codes.append(ord(ch))
print(codes, sum(codes))
word = ""
for c in codes:
    word += chr(c)
print(word)
print(chr(ord("a") + 25), ord(chr(1000)), chr(0x263A), ord("é"))
def checksum(s):
    total = 0
    for i, ch in enumerate(s):
        total = (total * 31 + ord(ch) * (i + 1)) % 65521
    return total
print(checksum("hello"), checksum("world"), checksum(""))
