# Big ints: shifts and bitwise operators with two's-complement semantics on negatives
vals = [0, 1, -1, 5, -5, 2 ** 64, -(2 ** 64), 2 ** 70 + 12345, -(2 ** 70) - 99,
        (1 << 63) - 1, -(1 << 63), 0xDEADBEEFCAFEBABE1234]
for a in vals:
    print(a << 3, a >> 3, a << 65, a >> 65, a >> 200)
    for b in vals:
        print(a & b, a | b, a ^ b)
print(1 << 100, -1 << 100, (1 << 100) >> 99, (-(1 << 100)) >> 99, (-(1 << 100) + 1) >> 99)
print(~(2 ** 100), ~(-(2 ** 100)), -(2 ** 100) & (2 ** 64 - 1), -(2 ** 100) | 255)
print(hex(2 ** 100), hex(-(2 ** 100) - 1), oct(2 ** 70), bin(-(2 ** 65)), hex(255), bin(-5))
print((2 ** 100).bit_length(), (-(2 ** 100)).bit_length(), (2 ** 100 - 1).bit_count(), (255).bit_length())
print(True.bit_length(), (0).bit_length(), (-(2 ** 63)).bit_length())
x = 1
for i in range(200):
    x = (x << 1) ^ (x >> 3) ^ i
print(x, x.bit_length())
m = (1 << 127) - 1
h = 0
for c in "hash me with a mersenne prime":
    h = (h * 131 + ord(c)) & m
print(h)
