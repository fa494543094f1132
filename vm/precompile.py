"""A cold start compiles in two processes: the loop here, the rest in a child.

With an empty cache the first run compiles the interpreter loop (interp.run) and
the helpers it calls for what it does not run inline (interp.cold_a and cold_b,
entry points of their own that the loop calls through their addresses:
jit.call_entry_at).  Every other entry point (heap.collect, natives.call_builtin,
...) used to be compiled by the first later run that called it, a stall of seconds
in that run.  So when interp.run misses the cache, `entry_compile_starting` starts
a child process (the same Python) that compiles cold_b and cold_a first, then
every other entry point's declared signature, into the same cache folder, on the
other core, while this process compiles the loop.

- The child and this process write numba's cache files concurrently.  numba keeps
  one index file per function (`<module>.<function>-<line>.pyXY.nbi`) and rewrites
  it whole (read, add the key, write a temporary file, rename), so two processes
  lose an entry only if both add different keys to the same function's index at
  once.  Each entry point has exactly one declared signature, the cache key, and
  this process compiles the loop while the child compiles the others: when both
  compile one entry point (the host calls a few before the loop starts, the child
  then loads them), they write the same key, the same data file name and
  equivalent machine code, each by an atomic rename.
- The child writes the name of each entry point it has put in the cache on its
  stdout.  Before this process compiles an entry point other than the loop it
  waits for that name (or the child's end): the child has it or will have it soon,
  and loading it is cheaper than a second compile.  So the loop runs as soon as
  the child has cold_b and cold_a.  This process does not wait for the child at
  exit: the child finishes filling the cache on its own, at a lower priority (nice
  10 once it has those two; about half a minute more, measured in session 11).
- The loop's compile and cold_b's and cold_a's (in a process that has typed nothing
  yet) take about the same time, so the two run side by side and a cold `amber
  run` waits for about half of what one process took (docs/performance.md,
  session 11).  Without an idle core the child slowed the cold start down
  (111-137 s -> 155-253 s wall, load average 3-6 on 2 cores: session 10).  So it
  starts only if IDLE_CORES_NEEDED cores are idle (idle_cores);
  AMBER_PRECOMPILE=1 starts it regardless, AMBER_PRECOMPILE=0 never (this process
  then compiles cold_b and cold_a after the loop).
- If the child fails, nothing else changes: the entry points compile on first use,
  as before.  AMBER_DEBUG_COMPILE=1 reports the child's work on stderr.
- The child holds an exclusive lock on a file in the cache folder, so concurrent
  cold starts (parallel test workers) run one child, not one each; `compiling()`
  tells whether one runs.
- It is started only if `sys.executable` is named like a Python (python*, pypy*)
  and the process is not frozen: a host that embeds Python may have its own program
  there (AMBER_PRECOMPILE=1 still forces it).
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import time

LOOP = "interp.run"
COLD = ("interp.cold_b", "interp.cold_a")     # the child's first: the loop needs them
# then these (a run often needs them soon), then the others in name order
EARLY = ("heap.reserve", "heap.collect")
IDLE_CORES_NEEDED = 1.5     # one for the loop's compile, most of one for the child

_child = None           # the running child's Popen
_in_child = False       # (set in the child: it never starts another)


def _debug() -> bool:
    return os.environ.get("AMBER_DEBUG_COMPILE", "") not in ("", "0")


def _say(text: str) -> None:
    if _debug():
        print(f"amber: {text}", file=sys.stderr, flush=True)


def index_path(dispatcher):
    """The numba cache index file of a cached dispatcher, or None if not cached."""
    cache_file = getattr(getattr(dispatcher, "_cache", None), "_cache_file", None)
    return getattr(cache_file, "_index_path", None)


def entry_compile_starting(dispatcher, cache_dir) -> None:
    """Called by jit.EntryDispatcher before it compiles `dispatcher`: start the child
    if this is the loop on a cold cache, else first let a running child finish."""
    if _in_child:
        return
    from .jit import entry_name
    name = entry_name(dispatcher.py_func)
    if name != LOOP:
        wait_for(name)
        return
    path = index_path(dispatcher)
    if (_child is None and cache_dir is not None and path is not None
            and not os.path.exists(path) and _wanted()):
        start(cache_dir)


IDLE_SAMPLE = 0.25      # seconds of /proc/stat watched to see how busy the cores are


def _cpu_times():
    """(idle, total) clock ticks of all cores since boot, from /proc/stat."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    return fields[3] + fields[4], sum(fields[:8])       # idle + iowait; up to steal


def idle_cores() -> float:
    """How many of the cores this process may use are idle now: the idle share of
    all cores over IDLE_SAMPLE seconds (/proc/stat), or else the cores minus the
    1-minute load average.  (The load average lags: a minute after a cold start it
    still counted that start's process, and the next cold start found no idle
    core on the idle machine.)"""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    try:
        idle0, total0 = _cpu_times()
        time.sleep(IDLE_SAMPLE)
        idle1, total1 = _cpu_times()
        if total1 > total0:
            online = os.cpu_count() or cores
            return min(cores, online * (idle1 - idle0) / (total1 - total0))
    except (OSError, ValueError, IndexError):
        pass
    try:
        return cores - os.getloadavg()[0]
    except (AttributeError, OSError):       # (no load average: assume it is quiet)
        return float(cores)


def python_executable() -> bool:
    """Whether sys.executable is a Python that `-c` runs.  A host that embeds Python
    (a game, a uWSGI server, a frozen app) may have its own program there, which
    must not be started again."""
    name = os.path.basename(sys.executable or "").lower()
    return not getattr(sys, "frozen", False) and name.startswith(("python", "pypy"))


def _wanted() -> bool:
    setting = os.environ.get("AMBER_PRECOMPILE", "")
    if setting in ("0", "1"):
        return setting == "1" and bool(sys.executable)
    if not python_executable():
        _say(f"no second compile process: {sys.executable!r} may not be Python "
             f"(AMBER_PRECOMPILE=1 forces it)")
        return False
    idle = idle_cores()
    if idle < IDLE_CORES_NEEDED:
        _say(f"no second compile process: {idle:.1f} idle cores (the entry points "
             f"compile on first use; AMBER_PRECOMPILE=1 forces it)")
        return False
    return True


def start(cache_dir) -> None:
    """Start the child that compiles every entry point but the loop into cache_dir."""
    global _child
    code = ("import sys; from amber.vm import precompile; "
            "sys.exit(precompile.main(sys.argv[1:]))")
    quiet = subprocess.DEVNULL
    try:
        _child = subprocess.Popen(
            [sys.executable, "-c", code, str(cache_dir), os.path.dirname(__file__)],
            stdin=quiet, stdout=subprocess.PIPE, stderr=None if _debug() else quiet)
    except OSError as e:
        _say(f"could not start the entry points' compile: {e}")
        return
    _child.started = time.perf_counter()
    _child.compiled = set()
    _say(f"compiling the other entry points in process {_child.pid}")


def wait_for(name) -> bool:
    """Wait until the child has entry point `name` in the cache (it writes each name
    on its stdout once it has) or has ended; whether it has."""
    child = _child
    if child is None:
        return False
    try:
        while name not in child.compiled:
            line = child.stdout.readline()
            if not line:                # it has ended: see how
                wait()
                break
            child.compiled.add(line.decode().strip())
    except BaseException:
        wait_interrupted(child)
        raise
    if name in child.compiled:
        _say(f"{name} compiled by process {child.pid} "
             f"({time.perf_counter() - child.started:.1f} s after it started)")
        return True
    return False


def wait_interrupted(child):
    global _child
    _child = None
    child.kill()
    child.wait()


def wait():
    """Wait for the child, if one runs (killed if the wait is interrupted); its exit
    status, or None if none ran."""
    global _child
    child, _child = _child, None
    if child is None:
        return None
    try:
        status = child.wait()
    except BaseException:
        wait_interrupted(child)
        raise
    took = time.perf_counter() - child.started
    if status == 0:
        _say(f"the other entry points were compiled in {took:.1f} s")
    else:
        _say(f"the entry points' compile failed (status {status}): they compile on "
             f"first use")
    return status


def _entry_points():
    """(name, dispatcher) of every entry point but the loop, in a fixed order."""
    from .jit import ENTRY_POINTS
    first = COLD + EARLY
    names = list(first) + sorted(ENTRY_POINTS - {LOOP} - set(first))
    if os.environ.get("AMBER_PRECOMPILE_ONLY"):     # (tests: a cheap subset)
        names = os.environ["AMBER_PRECOMPILE_ONLY"].split(",")
    for name in names:
        module, func = name.split(".")
        yield name, getattr(importlib.import_module(f"{__package__}.{module}"), func)


def compiling(cache_dir) -> bool:
    """Whether a child is compiling entry points into cache_dir (the numba folder
    vm.CACHE_DIR names) now: it holds the lock until it ends."""
    try:
        lock = _lock(cache_dir)
    except OSError:             # (no such folder: nothing compiles into it)
        return False
    if lock is None:
        return True
    if lock is not True:
        lock.close()
    return False


def _lock(cache_dir):
    """An exclusive lock on the cache folder's precompile lock, or None if another
    process holds it (the file stays open, so the lock lasts as long as we do)."""
    try:
        import fcntl
    except ImportError:         # (no fcntl: no lock, at worst the work is done twice)
        return True
    f = open(os.path.join(cache_dir, ".precompile.lock"), "w")
    try:
        fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        f.close()
        return None
    return f


def main(argv) -> int:
    """The child: compile (or load) every entry point but the loop into the cache
    folder argv[0]; argv[1] is the parent's vm folder (both must be ours)."""
    global _in_child
    _in_child = True
    from . import CACHE_DIR
    if (CACHE_DIR is None or os.path.realpath(CACHE_DIR) != os.path.realpath(argv[0])
            or os.path.realpath(os.path.dirname(__file__)) != os.path.realpath(argv[1])):
        _say(f"precompile: not the parent's cache folder or sources ({CACHE_DIR})")
        return 2
    lock = _lock(argv[0])
    if lock is None:
        _say("precompile: another process is compiling the entry points")
        return 0
    failed = 0
    for name, dispatcher in _entry_points():
        t0 = time.process_time()
        try:
            dispatcher._compile_declared()
        except Exception as e:      # (this one compiles on first use instead)
            failed += 1
            _say(f"precompile: {name}: {type(e).__name__}: {e}")
            continue
        _say(f"precompile: {name} {time.process_time() - t0:.2f} s")
        try:
            os.write(1, f"{name}\n".encode())     # (the parent may be waiting for it)
            if name == COLD[-1]:
                os.nice(10)         # the loop can run: the rest may take its time
        except (AttributeError, OSError):   # (the parent has gone: go on)
            pass
    return 1 if failed else 0
