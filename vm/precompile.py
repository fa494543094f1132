"""A cold start compiles the host's other entry points in a second process.

With an empty cache the first run compiles the interpreter loop (interp.run, about
80 CPU seconds on one core) and only the entry points that run needs; every other
entry point (heap.collect, natives.call_builtin, ...) was compiled by the first
later run that called it, a stall of seconds in that run.  So when interp.run
misses the cache, `entry_compile_starting` starts a child process (the same Python)
that compiles every other entry point's declared signature into the same cache
folder, on the other core, while this process compiles the loop.

- The child and this process write numba's cache files concurrently.  numba keeps
  one index file per function (`<module>.<function>-<line>.pyXY.nbi`) and rewrites
  it whole (read, add the key, write a temporary file, rename), so two processes
  lose an entry only if both add different keys to the same function's index at
  once.  Each entry point has exactly one declared signature, the cache key, and
  this process compiles the loop while the child compiles the others: when both
  compile one entry point (the host calls a few before the loop starts, the child
  then loads them), they write the same key, the same data file name and
  equivalent machine code, each by an atomic rename.
- This process waits for the child before it compiles any other entry point (the
  child has it, or will have it soon: loading it is cheaper than a second
  compile) and before it exits (atexit): no process outlives `amber run`.
- The child costs about 60 CPU seconds (each entry point is typed and linked with
  every helper it reaches, in a process that has typed none yet), less than the
  loop's 80, so with an idle core it ends first and the cold start's wall time is
  unchanged.  Without one it slowed the cold start down (111-137 s -> 155-253 s
  wall, load average 3-6 on 2 cores: docs/performance.md, session 10).  So it
  starts only if the load average leaves IDLE_CORES_NEEDED cores free;
  AMBER_PRECOMPILE=1 starts it regardless, AMBER_PRECOMPILE=0 never.
- If the child fails, nothing else changes: the entry points compile on first use,
  as before.  AMBER_DEBUG_COMPILE=1 reports the child's work on stderr.
- The child holds an exclusive lock on a file in the cache folder, so concurrent
  cold starts (parallel test workers) run one child, not one each.
- It is started only if `sys.executable` is named like a Python (python*, pypy*)
  and the process is not frozen: a host that embeds Python may have its own program
  there (AMBER_PRECOMPILE=1 still forces it).
"""

from __future__ import annotations

import atexit
import importlib
import os
import subprocess
import sys
import time

LOOP = "interp.run"
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
    if entry_name(dispatcher.py_func) != LOOP:
        wait()
        return
    path = index_path(dispatcher)
    if (_child is None and cache_dir is not None and path is not None
            and not os.path.exists(path) and _wanted()):
        start(cache_dir)


def idle_cores() -> float:
    """The cores this process may use minus the 1-minute load average (this process
    has run for a few seconds: it adds little)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
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
            stdin=quiet, stdout=quiet, stderr=None if _debug() else quiet)
    except OSError as e:
        _say(f"could not start the entry points' compile: {e}")
        return
    _child.started = time.perf_counter()
    atexit.register(wait)
    _say(f"compiling the other entry points in process {_child.pid}")


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
        child.kill()
        child.wait()
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
    names = sorted(ENTRY_POINTS - {LOOP})
    if os.environ.get("AMBER_PRECOMPILE_ONLY"):     # (tests: a cheap subset)
        names = os.environ["AMBER_PRECOMPILE_ONLY"].split(",")
    for name in names:
        module, func = name.split(".")
        yield name, getattr(importlib.import_module(f"{__package__}.{module}"), func)


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
    return 1 if failed else 0
