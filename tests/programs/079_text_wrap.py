# greedy word wrap, justification and centering with string ops
TEXT = ("Amber is an embeddable virtual machine for a subset of Python. "
        "Scripts can be paused at any instruction, saved, moved to another "
        "machine and resumed as if nothing had happened.")
def wrap(text, width):
    lines = []
    line = ""
    for word in text.split():
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines
def justify(line, width):
    words = line.split()
    if len(words) == 1:
        return line
    gaps = len(words) - 1
    spaces = width - len("".join(words))
    out = ""
    for i, w in enumerate(words[:-1]):
        n = spaces // gaps + (1 if i < spaces % gaps else 0)
        out += w + " " * n
    return out + words[-1]
for width in [30, 45]:
    print("+" + "-" * width + "+")
    lines = wrap(TEXT, width)
    for i, ln in enumerate(lines):
        body = ln if i == len(lines) - 1 else justify(ln, width)
        print("|" + body + " " * (width - len(body)) + "|")
    print("+" + "-" * width + "+")
for ln in wrap(TEXT, 24)[:4]:
    print(f"[{ln:^24}]", f"[{ln:>24}]")
def indent(lines, prefix):
    out = []
    for ln in lines:
        out.append(prefix + ln if ln.strip() else ln)
    return "\n".join(out)
print(indent(["def f():", "return 1", "", "end"], "    "))
print(wrap("", 10), wrap("supercalifragilistic word", 5))
