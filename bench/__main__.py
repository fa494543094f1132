"""Amber against CPython, in one run: `python -m bench [--reps N] [--only NAME]`
(`--snapshot`: only the snapshot costs).

For each program in bench/programs: alternating runs under CPython and Amber in
fresh processes, each timing only the program's own execution (CPU seconds of the
process, user + system, so that other work on the machine does not count; the wall
times are saved too); medians and the Amber/CPython ratio, the geometric mean; then the VM's own costs (cold compile,
warm start, ns per instruction, preemption overhead, snapshot save/load). Results go
to bench/results.json and, if matplotlib is installed, bench/results.png.
Speed is reported here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import resource
import io
import json
import math
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
PROGRAMS = sorted((HERE / "programs").glob("*.py"))


def child(mode: str, path, *extra, env=None) -> dict:
    cmd = [sys.executable, str(HERE / "_child.py"), mode, str(path), *map(str, extra)]
    res = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if res.returncode != 0:
        return {"error": res.stderr.strip().splitlines()[-1] if res.stderr.strip() else "failed"}
    return json.loads(res.stdout.strip().splitlines()[-1])


def bench_programs(reps: int, only: str | None) -> list[dict]:
    rows = []
    for path in PROGRAMS:
        if only and only not in path.stem:
            continue
        cp, am, cpw, amw = [], [], [], []
        row = {"program": path.stem}
        for _ in range(reps):
            c = child("cpython", path)
            a = child("amber", path)
            if "error" in a:
                row["error"] = a["error"]
                break
            if a["output"] != c["output"]:
                row["error"] = "output differs from CPython"
                break
            cp.append(c["seconds"])
            am.append(a["seconds"])
            cpw.append(c["wall"])
            amw.append(a["wall"])
            row["instructions"] = a["instructions"]
        if "error" not in row:
            row["cpython_s"] = statistics.median(cp)
            row["amber_s"] = statistics.median(am)
            row["ratio"] = row["amber_s"] / row["cpython_s"]
            row["cpython_wall_s"] = statistics.median(cpw)
            row["amber_wall_s"] = statistics.median(amw)
            row["ns_per_instruction"] = 1e9 * row["amber_s"] / row["instructions"]
        rows.append(row)
        shown = f"{row['ratio']:.2f}x" if "ratio" in row else row["error"]
        print(f"  {path.stem:<16} {shown}", flush=True)
    return rows


def preemption(reps: int) -> dict:
    path = HERE / "programs" / "int_loop.py"
    fuels = (None, 100_000, 10_000)
    times = {fuel: [] for fuel in fuels}
    for rep in range(reps):
        # the three runs of a repetition in a rotating order, so that a change of the
        # machine's load does not land on one setting only
        for i in range(len(fuels)):
            fuel = fuels[(rep + i) % len(fuels)]
            times[fuel].append(child("amber", path, *([fuel] if fuel else []))["seconds"])
    out = {str(fuel or "unbounded"): statistics.median(times[fuel]) for fuel in fuels}
    base = out["unbounded"]
    return {"seconds": out,
            "overhead_100k": out["100000"] / base - 1,
            "overhead_10k": out["10000"] / base - 1}


def slice_switch_cost() -> float:
    import amber
    vm = amber.VM(amber.compile("while True:\n    pass\n", "spin.py"), stdout=io.StringIO())
    vm.run(fuel=10)
    n = 20000
    t0 = time.perf_counter()
    for _ in range(n):
        vm.run(fuel=1)
    return (time.perf_counter() - t0) / n


def _per_call(f, reps: int) -> float:
    """Median seconds per call of f over 5 batches of reps calls."""
    batches = []
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(reps):
            f()
        batches.append((time.perf_counter() - t0) / reps)
    return statistics.median(batches)


def snapshot_costs() -> dict:
    """Snapshot size and save/load times for two paused states.  "first" numbers
    are one call each: the first save of a VM's program (it encodes the program and
    makes the fresh VM's arrays the compact form is relative to; with a big heap it
    also collects garbage) and a load with load()'s program cache emptied (it
    decodes and checks the program).  "repeated" numbers are medians of many calls:
    saving the same paused VM again, loading the same bytes again (the program
    cached).  The prelude has been compiled by then (about 0.1 s once per process,
    on the first save or load)."""
    import amber
    from amber import snapshot
    from amber.snapshot import format as snapfmt
    results = {}
    cases = {
        "30 frames, small heap": ("def deep(n):\n    if n == 0:\n        while True:\n"
                                  "            pass\n    return deep(n - 1) + 1\n"
                                  "data = {'a': 1, 'b': [1, 2, 3]}\ndeep(28)\n", 2000, 200),
        "100,000-int list": ("xs = []\nfor i in range(100000):\n    xs.append(i)\n"
                             "while True:\n    pass\n", 800_000, 20),
    }
    snapfmt.build_prelude()
    for name, (src, fuel, reps) in cases.items():
        vm = amber.VM(amber.compile(src, "snap.py"), stdout=io.StringIO())
        vm.run(fuel=fuel)
        t0 = time.perf_counter()
        data = snapshot.save(vm)
        first_save = time.perf_counter() - t0
        save_s = _per_call(lambda: snapshot.save(vm), reps)
        snapfmt.clear_program_cache()
        t0 = time.perf_counter()
        snapshot.load(data)
        first_load = time.perf_counter() - t0
        load_s = _per_call(lambda: snapshot.load(data), reps)
        results[name] = {"bytes": len(data),
                         "save_us": save_s * 1e6, "load_us": load_s * 1e6,
                         "first_save_us": first_save * 1e6, "first_load_us": first_load * 1e6,
                         "self_contained_bytes": len(snapshot.save(vm, embed_prelude=True))}
    return results


def _timed_child(cmd, env) -> tuple[float, float]:
    """(wall, CPU user+sys) seconds of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, capture_output=True, env=env, check=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def start_times(warm_reps: int = 5) -> dict:
    """`amber run hello.py` with an empty cache folder (numba compiles the VM, the
    compiler fills its cache), with the second compile process (as on a machine
    with an idle core) and without it, then warm: wall and CPU seconds of the
    whole process.  CPU time is the number to compare on a busy machine; the CPU
    of the cold starts is the first process's only (the second one outlives it)."""
    hello = pathlib.Path(tempfile.mkdtemp()) / "hello.py"
    hello.write_text("print('hello')\n")
    amber_bin = [sys.executable, "-m", "amber", "run", str(hello)]
    out = {}
    for key, precompile_setting in (("cold_compile", "1"), ("cold_compile_one_process", "0")):
        cache = tempfile.mkdtemp(prefix="amber-cold-")
        env = dict(os.environ, AMBER_CACHE_DIR=cache, AMBER_PRECOMPILE=precompile_setting)
        t0 = time.perf_counter()
        out[f"{key}_s"], out[f"{key}_cpu_s"] = _timed_child(amber_bin, env)
        # the second compile process goes on filling the cache (vm/precompile.py):
        # wait for it, so that it neither slows down what is measured next nor
        # loses its folder, and report when the whole cache was there
        from amber.vm import precompile
        for folder in pathlib.Path(cache).glob("numba-*"):
            while precompile.compiling(folder):
                time.sleep(0.2)
        out[f"{key}_cache_complete_s"] = time.perf_counter() - t0
        if key == "cold_compile":
            warm = [_timed_child(amber_bin, env) for _ in range(warm_reps)]
        shutil.rmtree(cache, ignore_errors=True)
    out.update({"warm_hello_s": statistics.median(w for w, _ in warm),
                "warm_hello_cpu_s": statistics.median(c for _, c in warm),
                "load_average": os.getloadavg()[0]})
    return out


def chart(rows: list[dict], path: pathlib.Path) -> bool:
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    ok = [r for r in rows if "ratio" in r]
    fig, ax = plt.subplots(figsize=(8, 4))
    ax.bar([r["program"] for r in ok], [r["ratio"] for r in ok])
    ax.axhline(1.0, color="black", linewidth=0.8)
    ax.set_ylabel("Amber time / CPython time")
    ax.tick_params(axis="x", rotation=45)
    fig.tight_layout()
    fig.savefig(path)
    return True


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--only")
    ap.add_argument("--skip-vm", action="store_true", help="only the program table")
    ap.add_argument("--snapshot", action="store_true", help="only the snapshot costs")
    ap.add_argument("--startup", action="store_true",
                    help="only cold compile and warm start of `amber run hello.py`")
    args = ap.parse_args(argv)
    if args.startup:
        print(json.dumps({"start": start_times()}, indent=2))
        return 0
    if args.snapshot:
        print(json.dumps({"snapshot": snapshot_costs()}, indent=2))
        return 0
    print("programs (Amber time / CPython time, median of alternating runs):")
    rows = bench_programs(args.reps, args.only)
    ratios = [r["ratio"] for r in rows if "ratio" in r]
    result = {"programs": rows}
    if ratios:
        result["geomean_ratio"] = math.exp(sum(map(math.log, ratios)) / len(ratios))
        print(f"  geometric mean   {result['geomean_ratio']:.2f}x over {len(ratios)} programs")
    if not args.skip_vm:
        result["int_loop_ns_per_instruction"] = next(
            (r["ns_per_instruction"] for r in rows if r["program"] == "int_loop" and
             "ns_per_instruction" in r), None)
        result["preemption"] = preemption(args.reps)
        result["slice_switch_us"] = slice_switch_cost() * 1e6
        result["snapshot"] = snapshot_costs()
        result["start"] = start_times()
        print(json.dumps({k: v for k, v in result.items() if k != "programs"}, indent=2))
    (HERE / "results.json").write_text(json.dumps(result, indent=2))
    if chart(rows, HERE / "results.png"):
        print("chart: bench/results.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
