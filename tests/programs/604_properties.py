# properties, static methods, class methods
class Temp:
    scale = "C"

    def __init__(self, c):
        self._c = c

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @staticmethod
    def convert(c):
        return c * 9 / 5 + 32

    @classmethod
    def freezing(cls):
        return cls(0)

    @classmethod
    def describe(cls):
        return cls.__name__ + " in " + cls.scale


t = Temp(100)
print(t.celsius, t.fahrenheit, Temp.convert(10), t.convert(20))
t.celsius = 37
print(t.celsius, round(t.fahrenheit, 1))
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError")
f = Temp.freezing()
print(type(f).__name__, f.celsius, Temp.describe(), f.describe())


class Kelvin(Temp):
    scale = "K"


k = Kelvin.freezing()
print(type(k).__name__, Kelvin.describe(), k.fahrenheit)


class Lazy:
    def __init__(self):
        self.calls = 0

    @property
    def value(self):
        self.calls += 1
        return self.calls * 10


z = Lazy()
print(z.value, z.value, z.calls)
