# palindromes and string reversal
def reverse_loop(s):
    out = ""
    for ch in s:
        out = ch + out
    return out
def reverse_index(s):
    out = ""
    i = len(s) - 1
    while i >= 0:
        out += s[i]
        i -= 1
    return out
def normalize(s):
    out = ""
    for ch in s.lower():
        if "a" <= ch <= "z" or "0" <= ch <= "9":
            out += ch
    return out
def is_palindrome(s):
    t = normalize(s)
    return t == t[::-1]
def is_pal_two_pointers(s):
    i, j = 0, len(s) - 1
    while i < j:
        if s[i] != s[j]:
            return False
        i += 1
        j -= 1
    return True
for s in ["racecar", "A man, a plan, a canal: Panama!", "hello", "", "No 'x' in Nixon", "12321", "ab"]:
    print(repr(s), is_palindrome(s), is_pal_two_pointers(normalize(s)))
print(reverse_loop("stressed"), reverse_index("drawer"), "live"[::-1])
def longest_palindrome(s):
    best = ""
    for center in range(len(s)):
        for lo, hi in [(center, center), (center, center + 1)]:
            while lo >= 0 and hi < len(s) and s[lo] == s[hi]:
                lo -= 1
                hi += 1
            if hi - lo - 1 > len(best):
                best = s[lo + 1:hi]
    return best
for s in ["babad", "cbbd", "forgeeksskeegfor", "abacdfgdcaba", "x"]:
    print(s, longest_palindrome(s))
def is_num_palindrome(n):
    orig = n
    rev = 0
    while n > 0:
        rev = rev * 10 + n % 10
        n //= 10
    return rev == orig
pals = []
for n in range(100, 200):
    if is_num_palindrome(n):
        pals.append(n)
print(pals)
words = "level noon civic kayak python refer stats tenet".split()
print(" ".join(reversed(words)))
count = 0
for w in words:
    if w == w[::-1]:
        count += 1
print(count, "of", len(words))
