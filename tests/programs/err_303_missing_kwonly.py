# TypeError: a required keyword-only argument is missing
def connect(host, *, port, timeout=5):
    return host, port, timeout
print(connect('a', port=1))
def setup():
    return connect('b')
print(setup())
