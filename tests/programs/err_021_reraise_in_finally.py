def f():
    try:
        return 1 / 0
    finally:
        print("finally runs, then the error continues")
f()
