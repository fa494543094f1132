import operator as op
a = [1]
print(op.iadd(a, [2]), a, op.itruediv(8, 2), op.ifloordiv(9, 2), op.imul(3, 4), op.imod(9, 4))
print(op.ipow(2, 10), op.iand(12, 10), op.ior(12, 3), op.ixor(5, 1), op.ilshift(1, 4), op.irshift(64, 2))
s = {1, 2}
print(op.ior(s, {3}), s, op.isub(10, 3), op.iconcat([1], (2,)))
