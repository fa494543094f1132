# base conversion with int(s, base), manual digits via chr/ord
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
def to_base(n, base):
    if n == 0:
        return "0"
    neg = n < 0
    n = -n if neg else n
    out = []
    while n:
        out.append(DIGITS[n % base])
        n //= base
    if neg:
        out.append("-")
    out.reverse()
    return "".join(out)
def from_base(s, base):
    s = s.strip().lower()
    neg = s.startswith("-")
    if neg:
        s = s[1:]
    n = 0
    for ch in s:
        d = ord(ch) - ord("0") if ch <= "9" else ord(ch) - ord("a") + 10
        n = n * base + d
    return -n if neg else n
for n in [0, 5, 255, -255, 1000000, 2 ** 62, -(2 ** 62)]:
    row = []
    for b in [2, 8, 16, 36]:
        s = to_base(n, b)
        row.append(s)
        if int(s, b) != n or from_base(s, b) != n:
            row.append("MISMATCH")
    print(n, row)
print(int("zz", 36), int("-ff", 16), int("  101  ", 2), int("0b101", 2), int("0o17", 8), int("12", 3))
print(from_base("ZZ", 36), from_base("-1010", 2), from_base("777", 8))
def bin_pad(n, width):
    s = to_base(n, 2)
    return "0" * (width - len(s)) + s
for n in range(8):
    print(bin_pad(n, 3), end=" ")
print()
def gray(n):
    return n ^ (n >> 1)
print("gray:", end=" ")
for i in range(16):
    print(bin_pad(gray(i), 4), end=" ")
print()
