# bitwise operators & | ^ ~ << >>
a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b, ~a, ~b, ~0, ~-1)
print(1 << 10, 1 << 62, 1024 >> 3, 1 >> 1, 5 << 0)
print(-16 >> 2, -1 >> 10, -17 >> 1, -1 << 4, -5 << 3)
print(-5 & 0xFF, -1 & 0xFFFF, 255 | -256, -6 ^ 3, 7 ^ -1)
print(0xFF & 0x0F, 0xF0 | 0x0F, 0xAA ^ 0xFF)
x = 0b10110100
print(x & -x, x & (x - 1), x | (x + 1))
def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c
for n in [0, 1, 7, 8, 255, 1023, 12345, 2 ** 40 - 1]:
    print(n, popcount(n))
def to_bin(n, width):
    s = ""
    for i in range(width - 1, -1, -1):
        s += "1" if (n >> i) & 1 else "0"
    return s
print(to_bin(37, 8), to_bin(-1 & 0xFF, 8), to_bin(a ^ b, 4))
p = 3
q = 9
p ^= q
q ^= p
p ^= q
print("swapped:", p, q)
flags = 0
READ = 1
WRITE = 2
EXEC = 4
flags |= READ
flags |= EXEC
print(flags, flags & WRITE != 0, flags & EXEC != 0)
flags &= ~EXEC
print(flags)
m = 1
m <<= 5
m >>= 2
m |= 0b100000
print(m)
print(True & False, True | False, True ^ True, ~True)
print(1 << 3 + 1, (1 << 3) + 1, 2 & 3 | 4 ^ 5, ~5 & 0xF)
