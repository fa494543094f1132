try:
    raise 42
except ValueError:
    pass
