# unicode text: indexing, len, repr, case conversion, chr/ord
s = "héllo ☃"
print(s, len(s), repr(s))
print(s[1], s[-1], s[::-1], s.upper())
print(ord("é"), ord("☃"), chr(233), chr(9731), chr(128512))
word = "naïve café"
print(word.split(), word.replace("é", "e"), word.find("é"), word.upper())
print("Ünïcödé".lower(), "ÀÉÎ".lower())
greek = "αβγδε"
print(greek[1:4], len(greek), greek.upper(), "β" in greek)
mixed = "日本語テキスト"
print(mixed[:3], mixed[3:], len(mixed), mixed[::-1])
print(["ü", "☃"], ("é",), {"ключ": "значение"})
print(f"{'☃':^5}|{'é':>3}|{'日本':<4}|")
codes = []
for ch in "añ☃":
    codes.append(ord(ch))
print(codes)
back = ""
for c in codes:
    back += chr(c)
print(back, back == "añ☃")
print("é" < "z", "☃" > "z", sorted(["é", "e", "z", "☃", "a"]))
