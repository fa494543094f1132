# UnboundLocalError: local variable read before assignment
counter = 0
def increment():
    counter += 1
    return counter
def run(n):
    for _ in range(n):
        print("tick")
        increment()
run(2)
