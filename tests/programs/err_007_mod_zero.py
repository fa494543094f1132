# ZeroDivisionError from integer modulo
def is_multiple(a, b):
    return a % b == 0
def check_all(pairs):
    results = []
    for a, b in pairs:
        results.append(is_multiple(a, b))
        print(a, b, results[-1])
    return results
check_all([(10, 5), (7, 3), (-9, 3)])
check_all([(4, 2), (1, 0)])
