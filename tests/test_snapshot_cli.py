"""Snapshots through the command line, black-box, in separate processes.

    amber run FILE --pause-after N --snapshot OUT     exactly N instructions, then OUT
    amber resume SNAP [--pause-after N --snapshot OUT]
    amber run FILE --snapshot OUT                     Ctrl-C (SIGINT) saves, exit 130
    amber inspect SNAP

The programs are not from tests/programs; their expected output is CPython's.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

PYTHON = sys.executable
_SCRIPT = Path(PYTHON).with_name("amber")
AMBER = [str(_SCRIPT)] if _SCRIPT.exists() else [PYTHON, "-m", "amber"]

PROGRAMS = {
    "inventory": '''\
inventory = {}
for i in range(40):
    item = "item" + str(i % 7)
    inventory[item] = inventory.get(item, 0) + i
    if i % 5 == 0:
        print(i, item, inventory[item])
for k in sorted(inventory):
    print(k, inventory[k])
print(len(inventory), sum(inventory.values()))
''',
    "recursion": '''\
def hanoi(n, a, b, c, moves):
    if n == 0:
        return
    hanoi(n - 1, a, c, b, moves)
    moves.append((a, c))
    hanoi(n - 1, b, a, c, moves)

moves = []
hanoi(6, "A", "B", "C", moves)
print(len(moves), moves[:3], moves[-1])

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

for n in (5, 10, 20):
    print(n, fact(n))
''',
    "strings": '''\
words = []
for i in range(30):
    w = ""
    for j in range(i % 6 + 1):
        w += chr(97 + (i * 7 + j * 3) % 26)
    words.append(w.upper() if i % 3 == 0 else w)
text = " ".join(words)
print(text)
print(text.count("A"), text.find("Q"), f"{len(text):>6}|{text[:7]!r}")
rev = []
for w in words[:6]:
    rev.append(w[::-1])
print(", ".join(rev))
''',
    "closures": '''\
def make_counter():
    n = 0
    def inc(step):
        nonlocal n
        n += step
        return n
    return inc

c = make_counter()
acc = 0.0
for i in range(1, 25):
    acc += 1 / i
    if i % 6 == 0:
        print(i, c(i), f"{acc:.6f}", acc)
print("done", c(0))
''',
}


def amber(*args, timeout=120) -> subprocess.CompletedProcess:
    return subprocess.run([*AMBER, *map(str, args)], capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture(scope="module")
def programs(tmp_path_factory):
    """name -> (path, CPython's stdout, total instructions of an uninterrupted run)."""
    import io
    import amber as amber_api
    folder = tmp_path_factory.mktemp("cli_programs")
    out = {}
    for name, source in PROGRAMS.items():
        path = folder / f"{name}.py"
        path.write_text(source, encoding="utf-8")
        expected = subprocess.run([PYTHON, str(path)], capture_output=True, text=True,
                                  check=True).stdout
        vm = amber_api.VM(amber_api.compile(source, str(path)), stdout=io.StringIO())
        assert vm.run() is amber_api.Status.FINISHED
        out[name] = (path, expected, vm.instructions)
    return out


@pytest.mark.parametrize("name", ["inventory", "recursion", "strings"])
def test_three_pauses_in_a_row(programs, name, tmp_path):
    """run --pause-after, then resume --pause-after twice (N is relative), then
    resume to the end: the pieces of output add up to CPython's."""
    path, expected, total = programs[name]
    rng = random.Random(f"cli:{name}")
    points = sorted(rng.sample(range(1, total), 3))
    steps = [points[0], points[1] - points[0], points[2] - points[1]]
    pieces = []
    proc = amber("run", path, "--pause-after", steps[0], "--snapshot", tmp_path / "s0.snap")
    assert proc.returncode == 0, proc.stderr
    pieces.append(proc.stdout)
    for i, n in enumerate(steps[1:], 1):
        proc = amber("resume", tmp_path / f"s{i - 1}.snap", "--pause-after", n,
                     "--snapshot", tmp_path / f"s{i}.snap")
        assert proc.returncode == 0, proc.stderr
        pieces.append(proc.stdout)
    proc = amber("resume", tmp_path / "s2.snap")
    assert proc.returncode == 0, proc.stderr
    pieces.append(proc.stdout)
    assert "".join(pieces) == expected, f"pauses at {points}"
    assert sorted(os.listdir(tmp_path)) == ["s0.snap", "s1.snap", "s2.snap"]


def test_one_pause_then_inspect_and_resume(programs, tmp_path):
    path, expected, total = programs["closures"]
    k = random.Random("cli:closures").randrange(total // 3, total - 1)
    snap = tmp_path / "c.snap"
    first = amber("run", path, "--pause-after", k, "--snapshot", snap)
    assert first.returncode == 0 and snap.exists(), first.stderr
    info = amber("inspect", snap)
    assert info.returncode == 0, info.stderr
    # exactly k, or a little more when the last instruction owed bulk-work fuel
    done = int(re.search(r"after (\d+) instructions", info.stdout).group(1))
    assert k <= done <= k + 64, (k, done)
    assert f'File "{path}"' in info.stdout
    for name in ("c", "acc"):                    # module-level variables
        assert re.search(rf"^\s+{name} = ", info.stdout, re.M), info.stdout
    rest = amber("resume", snap)
    assert rest.returncode == 0, rest.stderr
    assert first.stdout + rest.stdout == expected


def test_inspect_shows_every_frame_and_its_locals(programs, tmp_path):
    """Paused deep inside hanoi(): one File line per frame, with the locals."""
    import io
    import amber as amber_api
    from amber.vm import layout as L
    path, _, _ = programs["recursion"]
    program = amber_api.compile(path.read_text(), str(path))
    for k in range(1, 10_000):          # the first boundary with 5 frames
        vm = amber_api.VM(program, stdout=io.StringIO())
        vm.run(fuel=k)
        if int(vm.st.R[L.R_FP]) == 4:
            break
    snap = tmp_path / "deep.snap"
    run = amber("run", path, "--pause-after", k, "--snapshot", snap)
    assert run.returncode == 0, run.stderr
    info = amber("inspect", snap)
    assert info.returncode == 0, info.stderr
    # exactly k, or a little more when the last instruction owed bulk-work fuel
    done = int(re.search(r"after (\d+) instructions", info.stdout).group(1))
    assert k <= done <= k + 64, (k, done)
    assert info.stdout.count('File "') == 5
    assert info.stdout.count(", in hanoi") == 4
    for name in ("n", "a", "b", "c", "moves"):
        assert re.search(rf"^\s+{name} = ", info.stdout, re.M), info.stdout


def test_running_past_the_end_writes_no_snapshot(programs, tmp_path):
    path, expected, total = programs["inventory"]
    snap = tmp_path / "never.snap"
    proc = amber("run", path, "--pause-after", total + 50, "--snapshot", snap)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == expected
    assert not snap.exists()
    assert os.listdir(tmp_path) == []


def test_resume_of_a_corrupted_snapshot_exits_2(programs, tmp_path):
    path, _, total = programs["strings"]
    snap = tmp_path / "ok.snap"
    assert amber("run", path, "--pause-after", total // 2, "--snapshot", snap).returncode == 0
    data = bytearray(snap.read_bytes())
    data[len(data) // 2] ^= 0x40
    bad = tmp_path / "bad.snap"
    bad.write_bytes(bytes(data))
    short = tmp_path / "short.snap"
    short.write_bytes(snap.read_bytes()[:100])
    for victim in (bad, short):
        proc = amber("resume", victim)
        assert proc.returncode == 2, (victim.name, proc.returncode, proc.stderr)
        assert proc.stdout == ""
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1, proc.stderr
        assert "Traceback" not in proc.stderr


def test_resume_of_a_missing_snapshot_exits_2(tmp_path):
    proc = amber("resume", tmp_path / "nothing.snap")
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1


LONG_LOOP = '''\
i = 0
while i < 1000000000000:
    i += 1
    if i % 1000 == 0:
        print(i)
'''


def test_sigint_saves_a_snapshot_and_exits_130(tmp_path):
    path = tmp_path / "loop.py"
    path.write_text(LONG_LOOP)
    snap = tmp_path / "loop.snap"
    out_path = tmp_path / "out.txt"
    with open(out_path, "w") as out:
        proc = subprocess.Popen([*AMBER, "run", str(path), "--snapshot", str(snap)],
                                stdout=out, stderr=subprocess.PIPE, text=True)
        try:
            # the script is running once its first block of output reaches the file
            deadline = time.monotonic() + 60
            while out_path.stat().st_size == 0 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert out_path.stat().st_size > 0, "the script never started printing"
            time.sleep(0.3)
            proc.send_signal(signal.SIGINT)
            _, err = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    assert proc.returncode == 130, err
    assert snap.exists(), err
    assert "interrupted" in err
    printed = out_path.read_text().split()
    assert printed == [str(1000 * (j + 1)) for j in range(len(printed))]   # flushed, whole lines

    again = amber("resume", snap, "--pause-after", 20000, "--snapshot", tmp_path / "more.snap")
    assert again.returncode == 0, again.stderr
    more = again.stdout.split()
    assert more, "20000 instructions print at least one line"
    assert int(more[0]) == int(printed[-1]) + 1000      # continues exactly where it stopped
    assert (tmp_path / "more.snap").exists()
