# x.__class__ for every kind of value, and hasattr through super().
print("x".__class__, (1).__class__, [].__class__, None.__class__, len.__class__, int.__class__)
print([].append.__class__, (x for x in ()).__class__, zip().__class__)
class B:
    def foo(self): pass
    def m(self): return super()
print(B().foo.__class__, B().m().__class__, staticmethod(len).__class__, True.__class__, (2**70).__class__)
print(hasattr(super(B, B()), 'foo'), hasattr(super(B, B()), '__init__'), hasattr(super(B, B()), 'nope'))
