"""Black-box acceptance of pause/resume (issue 3), through the `amber` CLI, one
process per step.  Not part of the pytest run (it takes minutes); run it by hand:

    python tests/blackbox.py resume --corpus /work/corpus/open --runs 300 --jobs 2
    python tests/blackbox.py mutate --corpus /work/corpus/open --count 300 --jobs 2

The corpus is a folder of ordinary Python programs that are not in this repository,
each `X.py` with `X.py.exp`, what CPython printed for it (shared/extsuite builds
one; `--make-exp` runs python3 to write missing ones).

`resume`: a sample of programs is first run plainly (`amber run F --stats`), which
gives the instruction count and whether Amber matches CPython at all (programs it
does not are reported apart: no pause can make them pass).  Then each run picks a
program and 1-4 random pause points, and chains
`amber run F --pause-after N1 --snapshot S1`, `amber resume S1 --pause-after
N2-N1 --snapshot S2`, ..., `amber resume Sk`: the outputs, concatenated, must be
CPython's, the last step must exit 0 and no step may write to stderr; a pause point
past the end must finish the program without writing a snapshot.

`mutate`: snapshots of random programs at random points (written by the CLI) are
mutated -- raw bit flips, overwrites, truncation, garbage, and structural edits of
the msgpack document with the checksum recomputed (the mutators of
tests/test_snapshot_fuzz.py) -- and each is given to `amber resume` in a fresh
process with a timeout and an address-space limit.  Outcomes: `refused` (exit 2, one
line on stderr), `ran` (exit 0: `correct` when its output is what the unmutated
snapshot gives), `script error` (exit 1, a script traceback); anything else is a
failure: `CRASH` (a signal), `HANG` (timeout), `TRACEBACK` (a host traceback or
a multi-line refusal), `BAD-EXIT`.

Both print a JSON summary (and `--json FILE` keeps every result).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
AMBER = [sys.executable, "-m", "amber"]
STEP_TIMEOUT = 60       # seconds for one CLI step of a resume chain
MUTANT_TIMEOUT = 20     # seconds for `amber resume` of a mutated snapshot
MUTANT_FUEL = 2_000_000  # a mutated snapshot runs at most this many instructions
ADDRESS_SPACE = 4 << 30
# a host traceback names one of Amber's own source files
HOST_FRAME = re.compile(r'File "[^"]*/(amber|vm|snapshot|compiler|stdlib)/[^"/]*\.py"')


def _limit():
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def amber(*args, timeout=STEP_TIMEOUT, cwd=None) -> subprocess.CompletedProcess:
    """One `amber` CLI process (returncode -9 and stderr "TIMEOUT" on a timeout)."""
    try:
        return subprocess.run([*AMBER, *map(str, args)], capture_output=True, text=True,
                              timeout=timeout, cwd=cwd, preexec_fn=_limit,
                              errors="replace")
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
        return subprocess.CompletedProcess(e.cmd, -9, out, "TIMEOUT")


def _stderr(text: str) -> str:
    """stderr without the first-use compile notice."""
    return "\n".join(line for line in text.splitlines()
                     if not line.startswith("amber: compiling the interpreter"))


def corpus(folder: Path, make_exp: bool) -> list[Path]:
    """The corpus programs with their CPython output (.exp), sorted."""
    out = []
    for py in sorted(folder.rglob("*.py")):
        exp = py.with_name(py.name + ".exp")
        if not exp.exists() and make_exp:
            r = subprocess.run(["python3", py.name], capture_output=True, text=True,
                               cwd=py.parent, timeout=120)
            if r.returncode == 0:
                exp.write_text(r.stdout)
        if exp.exists():
            out.append(py)
    return out


def plain_run(py: Path) -> dict:
    """`amber run F --stats`: does Amber match CPython, and how many instructions."""
    expected = py.with_name(py.name + ".exp").read_text()
    r = amber("run", py.name, "--stats", cwd=py.parent)
    m = re.search(r"amber: (\d+) instructions in", r.stderr)
    return {"program": str(py), "ok": r.returncode == 0 and r.stdout == expected and m is not None,
            "instructions": int(m.group(1)) if m else 0, "rc": r.returncode}


def resume_chain(py: Path, points: list[int], tmp: Path) -> dict:
    """Run py paused at the instruction counts `points` (increasing), resuming each
    time in a new process; compare the concatenated output with CPython's."""
    expected = py.with_name(py.name + ".exp").read_text()
    outs = []
    problems = []
    prev = 0
    snap = None
    finished = False
    for k, n in enumerate(points):
        out_snap = tmp / f"s{k}.snap"
        if snap is None:
            r = amber("run", py.name, "--pause-after", n, "--snapshot", out_snap, cwd=py.parent)
        else:
            r = amber("resume", snap, "--pause-after", n - prev, "--snapshot", out_snap,
                      cwd=py.parent)
        outs.append(r.stdout)
        if r.returncode != 0 or _stderr(r.stderr):
            problems.append(f"step {k} (pause at {n}): rc {r.returncode}, stderr "
                            f"{_stderr(r.stderr)[-500:]!r}")
            break
        if not out_snap.exists():       # the program finished before n instructions
            finished = True
            break
        snap, prev = out_snap, n
    if not problems and not finished:
        r = amber("resume", snap, cwd=py.parent)
        outs.append(r.stdout)
        if r.returncode != 0 or _stderr(r.stderr):
            problems.append(f"final resume: rc {r.returncode}, stderr {_stderr(r.stderr)[-500:]!r}")
    got = "".join(outs)
    if not problems and got != expected:
        i = next((i for i, (a, b) in enumerate(zip(got, expected)) if a != b),
                 min(len(got), len(expected)))
        problems.append(f"output differs at char {i}: got {got[i:i + 60]!r}, "
                        f"CPython {expected[i:i + 60]!r}")
    return {"program": str(py), "points": points, "ok": not problems, "steps": len(outs),
            "finished_early": finished, "problems": problems}


def cmd_resume(args) -> dict:
    rng = random.Random(args.seed)
    programs = corpus(Path(args.corpus), args.make_exp)
    sample = rng.sample(programs, min(args.programs, len(programs)))
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        plain = list(ex.map(plain_run, sample))
    good = [p for p in plain if p["ok"] and p["instructions"] > 1]
    jobs = []
    for i in range(args.runs):
        p = rng.choice(good)
        total = p["instructions"]
        k = rng.choice([1, 1, 2, 2, 3, 4])
        if rng.random() < 0.05:     # sometimes past the end: no snapshot, finished
            points = [total + rng.randint(0, 100)]
        else:
            points = sorted(rng.sample(range(1, total), min(k, total - 1)))
        jobs.append((Path(p["program"]), points))
    t0 = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        def one(ij):
            i, (py, points) = ij
            d = Path(tmp) / str(i)
            d.mkdir()
            return resume_chain(py, points, d)
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
            results = list(ex.map(one, enumerate(jobs)))
    fails = [r for r in results if not r["ok"]]
    summary = {
        "corpus programs": len(programs), "sampled": len(sample),
        "plain run matches CPython": len(good),
        "plain run differs (not a snapshot matter)": [p["program"] for p in plain if not p["ok"]],
        "runs": len(results), "programs run": len({r["program"] for r in results}),
        "pause points": sum(len(r["points"]) for r in results),
        "processes": sum(r["steps"] for r in results),
        "runs with several pauses": sum(len(r["points"]) > 1 for r in results),
        "finished before the pause point": sum(r["finished_early"] for r in results),
        "passed": len(results) - len(fails), "failed": len(fails),
        "failures": fails[:20], "seconds": round(time.time() - t0, 1),
    }
    return {"summary": summary, "results": results}


# ---- mutated snapshots -----------------------------------------------------

def mutate(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    """A mutated copy of snapshot bytes (the mutators of test_snapshot_fuzz)."""
    sys.path.insert(0, str(HERE))
    import test_snapshot_fuzz as fz
    return fz.mutate_snapshot(rng, data, raw_share=0.35)


def classify(r: subprocess.CompletedProcess, reference: str) -> str:
    err = _stderr(r.stderr)
    if r.stderr == "TIMEOUT":
        return "HANG"
    if r.returncode < 0:
        return "CRASH"
    if HOST_FRAME.search(err):
        return "TRACEBACK"
    if r.returncode == 2:
        return "refused" if err.startswith("amber: ") and "\n" not in err.strip() else "TRACEBACK"
    if r.returncode == 0:
        return "correct" if r.stdout == reference else "ran"
    if r.returncode == 1 and err.startswith("Traceback (most recent call last):"):
        return "script error"
    return "BAD-EXIT"


def cmd_mutate(args) -> dict:
    rng = random.Random(args.seed)
    programs = corpus(Path(args.corpus), args.make_exp)
    t0 = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        # base snapshots: random programs paused at random points, by the CLI
        sample = rng.sample(programs, min(args.bases * 2, len(programs)))
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
            plain = [p for p in ex.map(plain_run, sample)
                     if p["ok"] and p["instructions"] > 10][: args.bases]
        bases = []
        for i, p in enumerate(plain):
            py = Path(p["program"])
            n = rng.randrange(1, p["instructions"])
            snap = tmp / f"base{i}.snap"
            amber("run", py.name, "--pause-after", n, "--snapshot", snap, cwd=py.parent)
            if snap.exists():
                ref = amber("resume", snap, "--pause-after", MUTANT_FUEL, cwd=py.parent).stdout
                bases.append((py, n, snap.read_bytes(), ref))
        cases = []
        for i in range(args.count):
            py, n, data, ref = bases[rng.randrange(len(bases))]
            mutant, what = mutate(rng, data)
            path = tmp / f"m{i}.snap"
            path.write_bytes(mutant)
            cases.append((i, py, n, path, ref, what))

        def one(case):
            i, py, n, path, ref, what = case
            r = amber("resume", path, "--pause-after", MUTANT_FUEL, timeout=MUTANT_TIMEOUT,
                      cwd=py.parent)
            return {"case": i, "base": f"{py.name}@{n}", "mutation": what,
                    "outcome": classify(r, ref), "rc": r.returncode,
                    "stderr": _stderr(r.stderr)[-300:]}
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
            results = list(ex.map(one, cases))
    counts: dict = {}
    for r in results:
        counts[r["outcome"]] = counts.get(r["outcome"], 0) + 1
    bad = [r for r in results if r["outcome"] not in ("refused", "correct", "ran", "script error")]
    kinds: dict = {}
    for r in results:
        k = "raw" if r["mutation"].startswith("raw:") else "structural"
        kinds[k] = kinds.get(k, 0) + 1
    summary = {"mutated snapshots": len(results), "base snapshots": len(bases),
               "mutation kinds": kinds, "outcomes": counts, "failures": bad[:20],
               "seconds": round(time.time() - t0, 1)}
    return {"summary": summary, "results": results}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python tests/blackbox.py")
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("resume", "mutate"):
        p = sub.add_parser(name)
        p.add_argument("--corpus", required=True)
        p.add_argument("--seed", type=int, default=1)
        p.add_argument("--jobs", type=int, default=2)
        p.add_argument("--json", help="write every result here")
        p.add_argument("--make-exp", action="store_true",
                       help="run python3 to write missing .exp files")
    sub.choices["resume"].add_argument("--runs", type=int, default=300)
    sub.choices["resume"].add_argument("--programs", type=int, default=120,
                                       help="programs sampled from the corpus")
    sub.choices["mutate"].add_argument("--count", type=int, default=300)
    sub.choices["mutate"].add_argument("--bases", type=int, default=12,
                                       help="snapshots the mutants are made from")
    args = ap.parse_args(argv)
    report = cmd_resume(args) if args.cmd == "resume" else cmd_mutate(args)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1))
    print(json.dumps(report["summary"], indent=1))
    bad = report["summary"].get("failed") or any(
        k not in ("refused", "correct", "ran", "script error")
        for k in report["summary"].get("outcomes", {}))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
