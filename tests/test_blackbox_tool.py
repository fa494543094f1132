"""A quick run of tests/blackbox.py (the black-box acceptance tool of issue 3), so
that the tool keeps working: one program that is not in tests/programs, paused
twice through the CLI and resumed in new processes, must print what CPython prints;
a mutated snapshot given to `amber resume` must be refused in one line.  The full
acceptance (hundreds of runs) is run by hand: see the tool's docstring."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import blackbox

SOURCE = '''\
def walk(n):
    seen = {}
    x = n
    while x != 1:
        seen[x] = len(seen)
        x = x // 2 if x % 2 == 0 else 3 * x + 1
    return seen

for n in (6, 7, 27):
    s = walk(n)
    print(n, len(s), max(s), sorted(s)[:5])
'''


def test_resume_chain_matches_cpython(tmp_path):
    py = tmp_path / "collatz.py"
    py.write_text(SOURCE)
    cp = subprocess.run([sys.executable, py.name], capture_output=True, text=True,
                        cwd=tmp_path, check=True)
    (tmp_path / "collatz.py.exp").write_text(cp.stdout)
    plain = blackbox.plain_run(py)
    assert plain["ok"], plain
    total = plain["instructions"]
    work = tmp_path / "chain"
    work.mkdir()
    result = blackbox.resume_chain(py, [total // 3, 2 * total // 3], work)
    assert result["ok"], result["problems"]
    assert result["steps"] == 3


def test_mutated_snapshot_is_refused_in_one_line(tmp_path):
    py = tmp_path / "collatz.py"
    py.write_text(SOURCE)
    snap = tmp_path / "s.snap"
    r = blackbox.amber("run", py.name, "--pause-after", 500, "--snapshot", snap, cwd=tmp_path)
    assert r.returncode == 0 and snap.exists()
    data = bytearray(snap.read_bytes())
    data[len(data) // 2] ^= 0x10            # a bit flip: the checksum no longer matches
    bad = tmp_path / "bad.snap"
    bad.write_bytes(bytes(data))
    r = blackbox.amber("resume", bad, cwd=tmp_path)
    assert blackbox.classify(r, "") == "refused", (r.returncode, r.stderr)
    mutant, what = blackbox.mutate(random.Random(5), snap.read_bytes())
    bad.write_bytes(mutant)
    r = blackbox.amber("resume", bad, cwd=tmp_path, timeout=blackbox.MUTANT_TIMEOUT)
    assert blackbox.classify(r, "") in ("refused", "correct", "ran", "script error"), \
        (what, r.returncode, r.stderr[-500:])
