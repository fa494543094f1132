# with statements
log = []


class Res:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        log.append("enter " + self.name)
        return self.name.upper()

    def __exit__(self, et, ev, tb):
        log.append("exit " + self.name + " " + (et.__name__ if et else "ok"))
        return self.swallow


with Res("a") as v:
    log.append("body " + v)
with Res("b", swallow=True):
    raise ValueError("hidden")
try:
    with Res("c"):
        raise KeyError("shown")
except KeyError as e:
    log.append("caught " + repr(e))
with Res("d") as x, Res("e") as y:
    log.append(x + y)


def early():
    with Res("f"):
        return "returned"


log.append(early())
for i in range(3):
    with Res("g" + str(i)):
        if i == 1:
            continue
        if i == 2:
            break
        log.append("loop body")
for line in log:
    print(line)
