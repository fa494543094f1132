"""Runs one benchmark program in a fresh process and prints a JSON line with the
time of the run itself (not process start-up or compilation): `seconds` is the
process's CPU time (user + system: what the program costs, whatever else the
machine runs), `wall` the elapsed time."""

import io
import json
import sys
import time


def run_cpython(path):
    src = open(path).read()
    code = compile(src, path, "exec")
    out = io.StringIO()
    old = sys.stdout
    sys.stdout = out
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        exec(code, {"__name__": "__main__"})
    finally:
        sys.stdout = old
    return {"seconds": time.process_time() - c0, "wall": time.perf_counter() - t0,
            "output": out.getvalue()}


def run_amber(path, fuel=None):
    import amber
    # numba loads the compiled interpreter from its cache on the first call: do that
    # before timing, as CPython's own start-up is not timed either
    amber.VM(amber.compile("print(len(str(1)) + 1)\n", "warm.py"), stdout=io.StringIO()).run()
    src = open(path).read()
    program = amber.compile(src, path)
    out = io.StringIO()
    vm = amber.VM(program, stdout=out)
    t0, c0 = time.perf_counter(), time.process_time()
    status = vm.run(fuel=fuel)
    slices = 1
    while status is amber.Status.PAUSED:
        status = vm.run(fuel=fuel)
        slices += 1
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    if status is amber.Status.ERROR:
        return {"error": vm.error.traceback}
    return {"seconds": cpu, "wall": dt, "output": out.getvalue(), "instructions": vm.instructions,
            "slices": slices}


if __name__ == "__main__":
    mode, path = sys.argv[1], sys.argv[2]
    fuel = int(sys.argv[3]) if len(sys.argv) > 3 else None
    result = run_cpython(path) if mode == "cpython" else run_amber(path, fuel)
    print(json.dumps(result))
