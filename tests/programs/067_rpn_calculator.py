# reverse polish notation calculator and infix-to-postfix (shunting yard)
def rpn(expr):
    stack = []
    for tok in expr.split():
        if tok in ["+", "-", "*", "/", "//", "%", "**"]:
            b = stack.pop()
            a = stack.pop()
            if tok == "+":
                stack.append(a + b)
            elif tok == "-":
                stack.append(a - b)
            elif tok == "*":
                stack.append(a * b)
            elif tok == "/":
                stack.append(a / b)
            elif tok == "//":
                stack.append(a // b)
            elif tok == "%":
                stack.append(a % b)
            else:
                stack.append(a ** b)
        elif "." in tok:
            stack.append(float(tok))
        else:
            stack.append(int(tok))
    return stack[0] if len(stack) == 1 else stack
for e in ["3 4 +", "5 1 2 + 4 * + 3 -", "2 3 4 * 5 - **", "7 2 /", "-7 2 //", "-7 2 %", "1.5 2 * 0.25 -", "1 2 3"]:
    print(f"{e:<22} = {rpn(e)}")
PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "%": 2, "**": 3}
def to_postfix(tokens):
    out = []
    ops = []
    for t in tokens:
        if t in PREC:
            while ops and ops[-1] != "(" and (PREC[ops[-1]] > PREC[t] or (PREC[ops[-1]] == PREC[t] and t != "**")):
                out.append(ops.pop())
            ops.append(t)
        elif t == "(":
            ops.append(t)
        elif t == ")":
            while ops[-1] != "(":
                out.append(ops.pop())
            ops.pop()
        else:
            out.append(t)
    while ops:
        out.append(ops.pop())
    return " ".join(out)
for infix in ["3 + 4 * 2", "( 3 + 4 ) * 2", "2 ** 3 ** 2", "10 - 4 - 3", "( 1 + 2 ) * ( 3 + 4 ) % 5"]:
    post = to_postfix(infix.split())
    print(f"{infix:<28} -> {post:<20} = {rpn(post)}")
