# ZeroDivisionError from true division
def mean(xs):
    return sum(xs) / len(xs)
def summarize(groups):
    for name in groups:
        print(name, mean(groups[name]))
summarize({"a": [1, 2, 3], "b": [2.5, 3.5]})
summarize({"c": [10], "empty": []})
