# word frequency counting with dicts
text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness"""
counts = {}
for raw in text.split():
    word = raw.strip(",.;:!?").lower()
    if word:
        counts[word] = counts.get(word, 0) + 1
print(len(counts), "distinct words")
pairs = []
for w, c in counts.items():
    pairs.append((-c, w))
pairs.sort()
for neg, w in pairs[:6]:
    print(f"{w:<12}{-neg:>3}")
by_len = {}
for w in counts:
    by_len.setdefault(len(w), []).append(w)
for n in sorted(by_len):
    print(n, sorted(by_len[n]))
letters = {}
for ch in text.lower():
    if "a" <= ch <= "z":
        letters[ch] = letters.get(ch, 0) + 1
top = sorted(letters.items())
line = ""
for ch, n in top:
    line += f"{ch}{n} "
print(line.strip())
most = max(letters.values())
for ch in letters:
    if letters[ch] == most:
        print("most common letter:", ch, most)
lines = text.split("\n")
for i, ln in enumerate(lines, 1):
    print(i, len(ln.split()), len(ln))
first_seen = {}
for i, w in enumerate(text.lower().split()):
    w = w.strip(",")
    if w not in first_seen:
        first_seen[w] = i
print(list(first_seen.items())[:8])
merged = dict(counts)
merged.update({"it": 0, "new": 1})
merged.update(was=-1)
print(len(merged), merged["it"], merged["new"], merged["was"], counts["it"])
