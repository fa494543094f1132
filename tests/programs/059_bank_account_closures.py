# bank account simulation with closures holding state
def make_account(owner, balance=0):
    history = []
    def deposit(amount):
        nonlocal balance
        if amount <= 0:
            history.append(("rejected deposit", amount))
            return False
        balance += amount
        history.append(("deposit", amount))
        return True
    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            history.append(("insufficient", amount))
            return False
        balance -= amount
        history.append(("withdraw", amount))
        return True
    def get_balance():
        return balance
    def statement():
        lines = [f"Statement for {owner}"]
        for kind, amount in history:
            lines.append(f"  {kind:<18}{amount:>10.2f}")
        lines.append(f"  {'balance':<18}{balance:>10.2f}")
        return "\n".join(lines)
    return {"deposit": deposit, "withdraw": withdraw, "balance": get_balance, "statement": statement}
alice = make_account("alice", 100)
bob = make_account("bob")
print(alice["deposit"](50), alice["withdraw"](30.5), alice["withdraw"](1000), alice["deposit"](-5))
print(bob["deposit"](20), bob["withdraw"](5))
print(alice["balance"](), bob["balance"]())
def transfer(src, dst, amount):
    if src["withdraw"](amount):
        dst["deposit"](amount)
        return True
    return False
print(transfer(alice, bob, 19.5), transfer(bob, alice, 500))
print(alice["statement"]())
print(bob["statement"]())
def make_interest(rate):
    def apply(acct, years):
        for _ in range(years):
            acct["deposit"](acct["balance"]() * rate)
        return acct["balance"]()
    return apply
grow = make_interest(0.05)
savings = make_account("savings", 1000)
print(f"{grow(savings, 10):.2f}")
print(savings["balance"]())
