# caesar and vigenere ciphers with chr/ord
def shift_char(ch, k):
    if "a" <= ch <= "z":
        return chr((ord(ch) - ord("a") + k) % 26 + ord("a"))
    if "A" <= ch <= "Z":
        return chr((ord(ch) - ord("A") + k) % 26 + ord("A"))
    return ch
def caesar(text, k):
    out = []
    for ch in text:
        out.append(shift_char(ch, k))
    return "".join(out)
msg = "The Quick Brown Fox Jumps Over The Lazy Dog!"
enc = caesar(msg, 3)
print(enc)
print(caesar(enc, -3))
print(caesar(msg, 13), caesar(caesar(msg, 13), 13) == msg)
print(caesar("xyz XYZ", 5), caesar("abc", -27), caesar("abc", 52))
def vigenere(text, key, decrypt=False):
    out = ""
    ki = 0
    for ch in text:
        if ch.lower() != ch.upper():
            k = ord(key[ki % len(key)]) - ord("a")
            out += shift_char(ch, -k if decrypt else k)
            ki += 1
        else:
            out += ch
    return out
v = vigenere("Attack at dawn", "lemon")
print(v, vigenere(v, "lemon", decrypt=True))
def crack(ciphertext):
    best_k = 0
    best_score = -1
    for k in range(26):
        candidate = caesar(ciphertext, -k).lower()
        score = 0
        for ch in candidate:
            if ch in "etaoin ":
                score += 1
        if score > best_score:
            best_score = score
            best_k = k
    return best_k, caesar(ciphertext, -best_k)
print(crack(caesar("meet me at the entrance at noon", 11)))
def rot_digits(s, k):
    out = ""
    for ch in s:
        if "0" <= ch <= "9":
            out += chr((ord(ch) - 48 + k) % 10 + 48)
        else:
            out += ch
    return out
print(rot_digits("call 555-0142 now", 7))
