"""Regenerate the golden snapshot files in this folder.

    .venv/bin/python tests/golden/make_golden.py

For each tiny program below: compile it under the file name NAME.py, run it for
PAUSE instructions, and write the snapshot to NAME.snap; NAME.out is what CPython
prints for the whole program (run on a temporary NAME.py).  tests/test_snapshot.py
loads each committed NAME.snap, resumes it, and expects the rest of NAME.out (from
the snapshot's count of characters already written).

Golden files pin the on-disk format: a change to the format must either keep
loading them or bump FORMAT_VERSION (and then they are refused with "snapshot
format version N is not supported").  Regenerate them only on purpose, when the
format version changes (keep one file of the old version in old/, named
NAME-vN.snap, to show the refusal).  They are written with embed_prelude=True: a
file that refers to this Amber's prelude by hash loads only in this build.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

# name -> (source, pause after this many instructions)
PROGRAMS = {
    # a loop with prints and a dict, paused mid-loop (between two prints)
    "counter": ('''\
counts = {}
words = "the quick brown fox jumps over the lazy dog the end".split()
for w in words:
    counts[w] = counts.get(w, 0) + 1
    if counts[w] > 1:
        print("again:", w, counts[w])
for w, n in sorted(counts.items()):
    print(f"{w:>6} {n}")
print(len(counts), sum(counts.values()))
''', 200),
    # closures and recursion, paused three calls deep
    "recursion": ('''\
def make_acc(start):
    total = start
    def add(x):
        nonlocal total
        total += x
        return total
    return add

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

acc = make_acc(100)
for i in range(6):
    print(i, fib(i), acc(fib(i)))
print("fib(15) =", fib(15))
''', 150),
    # iterators mid-flight: enumerate, zip, reversed, dict items; floats and strings
    "iterators": ('''\
d = {"x": 1.5, "y": -2.25, "z": 1e100}
pairs = []
for i, (k, v) in enumerate(d.items()):
    pairs.append((i, k, v))
    print(i, k, v)
for a, b in zip(range(3), reversed("abc")):
    print(a, b, end="; ")
print()
s = ""
for ch in "snapshot":
    s = ch + s
print(s, pairs[-1], repr(0.1 + 0.2))
''', 45),
    # the random module: seeded, paused with gauss()'s cached second value pending
    # (the generator's state object is in the snapshot)
    "dice": ('''\
import random
random.seed(2024)
rolls = [random.randint(1, 6) for _ in range(5)]
print(rolls)
deck = list(range(10))
random.shuffle(deck)
print(deck, random.random())
print(random.gauss(0, 1), random.choice("abc"), random.sample(range(50), 3))
print(random.gauss(0, 1), random.getrandbits(45), random.uniform(-1, 1))
''', 350),
}


def main() -> int:
    sys.path.insert(0, str(HERE.parent.parent))
    import amber
    from amber import snapshot
    for name, (source, pause) in PROGRAMS.items():
        filename = f"{name}.py"
        program = amber.compile(source, filename)
        vm = amber.VM(program, stdout=open(os.devnull, "w"))
        status = vm.run(fuel=pause)
        if status is not amber.Status.PAUSED:
            raise SystemExit(f"{name}: the program ended before instruction {pause}")
        # self-contained: a golden file must load in later Ambers (of this format
        # version) whose prelude differs, which a prelude reference would not
        snapshot.save_file(vm, HERE / f"{name}.snap", embed_prelude=True)
        os.chmod(HERE / f"{name}.snap", 0o644)     # save_file's temporary file is 0600
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / filename
            path.write_text(source, encoding="utf-8")
            proc = subprocess.run([sys.executable, filename], cwd=tmp, capture_output=True,
                                  text=True, check=True,
                                  env={**os.environ, "PYTHONHASHSEED": "0",
                                       "PYTHONIOENCODING": "utf-8"})
        (HERE / f"{name}.out").write_text(proc.stdout, encoding="utf-8")
        print(f"{name}: paused after {vm.instructions} instructions, "
              f"{vm.output_written} characters written before the pause")
    return 0


if __name__ == "__main__":
    sys.exit(main())
