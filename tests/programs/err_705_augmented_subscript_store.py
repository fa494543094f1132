# the store of x[i] op= y fails (x and i locals): the traceback points at the statement
def bump(pair, i):
    total = 0
    for k in range(2):
        total += k
        pair[i] += total
    return pair


print(bump([1, 2], 1))
print(bump((1, 2), 0))
