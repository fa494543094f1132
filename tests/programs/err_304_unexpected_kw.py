# TypeError: unexpected keyword argument coming from a ** mapping
def area(w, h):
    return w * h
opts = {'w': 2, 'h': 3}
print(area(**opts))
opts['z'] = 1
print(area(**opts))
