# a tiny tokenizer and recursive-descent expression evaluator
def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch == " " or ch == "\t":
            i += 1
        elif "0" <= ch <= "9" or ch == ".":
            j = i
            while j < len(src) and ("0" <= src[j] <= "9" or src[j] == "."):
                j += 1
            text = src[i:j]
            tokens.append(("NUM", float(text) if "." in text else int(text)))
            i = j
        elif ch.lower() != ch.upper() or ch == "_":
            j = i
            while j < len(src) and (src[j].lower() != src[j].upper() or src[j] == "_" or "0" <= src[j] <= "9"):
                j += 1
            tokens.append(("NAME", src[i:j]))
            i = j
        elif src[i:i + 2] in ["**", "//", "==", "<=", ">="]:
            tokens.append(("OP", src[i:i + 2]))
            i += 2
        elif ch in "+-*/()%<>=":
            tokens.append(("OP", ch))
            i += 1
        else:
            tokens.append(("ERROR", ch))
            i += 1
    tokens.append(("EOF", None))
    return tokens
print(tokenize("x = 3.5 * (y_1 + 42) // 2 ** 3"))
print(tokenize("a<=b == c $"))
def evaluate(src, env):
    toks = tokenize(src)
    pos = [0]
    def peek():
        return toks[pos[0]]
    def advance():
        t = toks[pos[0]]
        pos[0] += 1
        return t
    def atom():
        kind, val = advance()
        if kind == "NUM":
            return val
        if kind == "NAME":
            return env.get(val, 0)
        if val == "(":
            v = expr()
            advance()
            return v
        if val == "-":
            return -atom()
        return None
    def power():
        base = atom()
        if peek() == ("OP", "**"):
            advance()
            return base ** power()
        return base
    def term():
        v = power()
        while peek()[1] in ["*", "/", "//", "%"]:
            op = advance()[1]
            rhs = power()
            if op == "*":
                v = v * rhs
            elif op == "/":
                v = v / rhs
            elif op == "//":
                v = v // rhs
            else:
                v = v % rhs
        return v
    def expr():
        v = term()
        while peek()[1] in ["+", "-"]:
            op = advance()[1]
            rhs = term()
            v = v + rhs if op == "+" else v - rhs
        return v
    return expr()
env = {"x": 10, "y": 2.5, "zero": 0}
for src in ["1 + 2 * 3", "(1 + 2) * 3", "2 ** 3 ** 2", "x // 3 + x % 3", "y * 4 - -x", "7 / 2", "-(x - 12) * y", "missing + 1", "2 ** 10 - 1"]:
    print(f"{src:<16} => {evaluate(src, env)!r}")
