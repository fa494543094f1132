# roman numerals: to and from
VALUES = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
def to_roman(n):
    out = ""
    for value, sym in VALUES:
        while n >= value:
            out += sym
            n -= value
    return out
SINGLE = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
def from_roman(s):
    total = 0
    for i in range(len(s)):
        v = SINGLE[s[i]]
        if i + 1 < len(s) and SINGLE[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total
for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999, 444, 1666]:
    r = to_roman(n)
    print(f"{n:>5} {r:<16} {from_roman(r)}")
ok = True
for n in range(1, 4000):
    if from_roman(to_roman(n)) != n:
        ok = False
        print("mismatch at", n)
        break
print("round trip 1..3999:", ok)
longest = ""
for n in range(1, 4000):
    r = to_roman(n)
    if len(r) > len(longest):
        longest = r
print(longest, from_roman(longest), len(longest))
