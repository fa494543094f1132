# finally blocks on every way out: fall through, return, break, continue, raise
log = []

def ret_in_try(x):
    try:
        if x:
            return "early"
        log.append("body")
    finally:
        log.append("finally " + str(x))
    return "late"

print(ret_in_try(True), ret_in_try(False), log)

def override():
    try:
        return 1
    finally:
        print("cleanup runs before the return value leaves")

print(override())

def nested(n):
    out = []
    for i in range(n):
        try:
            try:
                if i % 3 == 0:
                    continue
                if i == 7:
                    break
                out.append(i)
            finally:
                out.append("in" + str(i))
        finally:
            out.append("out" + str(i))
    else:
        out.append("no break")
    return out

print(nested(5))
print(nested(10))

def while_finally():
    i = 0
    while True:
        try:
            i += 1
            if i < 3:
                continue
            return i * 100
        finally:
            print("tick", i)

print(while_finally())

def swallow():
    for i in range(3):
        try:
            raise ValueError(i)
        except ValueError as e:
            if e.args[0] == 1:
                continue
            print("handled", e)
        finally:
            print("finally", i)
    return "ok"

print(swallow())

def raise_through_finally():
    try:
        try:
            [][1]
        finally:
            print("inner finally sees the error pass")
    except IndexError as e:
        return "caught: " + str(e)

print(raise_through_finally())

def return_from_except():
    try:
        {}["missing"]
    except KeyError as e:
        return repr(e)
    finally:
        print("finally after except-return")

print(return_from_except())

def loop_with_try_in_for(items):
    total = 0
    for x in items:
        try:
            total += 10 // x
        except ZeroDivisionError:
            total -= 1
        else:
            total += 1000
    return total

print(loop_with_try_in_for([1, 0, 2, 0, 5]))
