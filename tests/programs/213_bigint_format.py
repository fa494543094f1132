# Big ints in text: str, repr, f-strings with format specs, %-formatting, int() of long strings
n = 2 ** 100 + 12345
print(n, str(-n), repr(n), [n, -n], (n,), {n: n})
print(f"{n}", f"{n!r}", f"{n:,}", f"{n:_}", f"{n:x}", f"{n:X}", f"{n:#o}", f"{n:b}")
print(f"{n:>40}|", f"{n:<40}|", f"{n:^40}|", f"{-n:+,}", f"{n:e}", f"{n:.3e}", f"{n:.2f}")
print("%d %x %o %s %r" % (n, n, n, n, -n), "%40d|" % n, "{:,}".format(-n))
digits = "1234567890" * 40
v = int(digits)
print(v % 1000003, len(str(v)), str(v) == digits)
print(int("-" + digits[:50]) // 3, int(digits[:25], 16), int("0x" + "f" * 30, 16))
big = 10 ** 4299
print(len(str(big)), str(big)[:5])
s = str(7 ** 5000)
print(len(s), s[:20], s[-20:])
print(len(hex(3 ** 20000)), hex(3 ** 20000)[-10:])
print(sum([2 ** 62, 2 ** 62, 2 ** 62]), sum([10 ** 30, -(10 ** 30), 5]), sum(range(10), 2 ** 70))
print(sum([2 ** 63 - 1, 1, 0.5]), sum([1.5, 2 ** 64]))
print(abs(-(10 ** 25)), abs(10 ** 25), -(-(10 ** 25)))
print(divmod(10 ** 25, -(10 ** 12 + 7)), divmod(-(10 ** 25), 2.5))
