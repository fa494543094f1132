# list methods: append, pop, insert, extend, index, count, remove, reverse, sort
xs = []
for i in range(5):
    xs.append(i * i)
print(xs)
print(xs.pop(), xs)
print(xs.pop(0), xs)
print(xs.pop(-2), xs)
xs.insert(0, "first")
xs.insert(100, "last")
xs.insert(-1, "before last")
xs.insert(-100, "very first")
print(xs)
xs.extend([7, 8])
xs.extend((9,))
xs.extend("ab")
xs.extend([])
print(xs)
nums = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print(nums.index(5), nums.index(1), nums.index(5, 5), nums.index(5, 9, 11))
print(nums.count(5), nums.count(1), nums.count(7), [[1], [1]].count([1]))
nums.remove(1)
print(nums)
nums.remove(5)
print(nums)
nums.reverse()
print(nums)
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
words = ["pear", "Apple", "fig", "banana", "apple"]
words.sort()
print(words)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
pairs.sort()
print(pairs)
floats = [2.5, -1, 3, 0.0, -7.25, 2]
floats.sort()
print(floats)
stack = []
stack.append(1)
stack.append(2)
stack.append(3)
print(stack.pop(), stack.pop(), stack)
print(xs.append(99), xs.reverse(), xs)
queue = [1, 2, 3]
queue.append(queue.pop(0))
print(queue)
