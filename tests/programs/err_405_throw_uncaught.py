def waiting():
    print("started")
    yield "ready"
    print("never")

w = waiting()
next(w)
w.throw(ValueError("thrown in"))
