# comparison operators and chained comparisons
a, b, c = 1, 2, 3
print(a < b < c, a < b > c, a == 1 < b, c > b > a, a <= 1 <= b <= 2 < c)
print(1 < 2 < 3 < 4 < 5, 1 < 2 < 3 > 4, 5 > 4 >= 4 > 3)
print(1 == 1.0 == True, 0 == False == 0.0, 2 != 3 != 2)
calls = []
def f(x):
    calls.append(x)
    return x
print(f(1) < f(0) < f(5), calls)
calls = []
print(f(1) < f(2) < f(3), calls)
print("abc" < "abd", "abc" < "ab", "B" < "a", "" < "a", "Z" < "a" < "z")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 99])
print((1, 2) < (1, 2, 3), (2,) > (1, 5), (1, "a") < (1, "b"))
print("apple" == "apple", "a" != "b", [1, [2]] == [1, [2]], (1,) == (1,))
x = 15
if 10 <= x < 20:
    print("teen")
grade = 83
if 90 <= grade <= 100:
    print("A")
elif 80 <= grade < 90:
    print("B")
else:
    print("C")
print(1 < 2.5 < 3, -1.5 < -1 < 0)
for n in range(0, 30, 7):
    print(n, 5 < n < 20, n % 2 == 0 == n % 4)
print(3 > 2 == 2, (3 > 2) == 2)
