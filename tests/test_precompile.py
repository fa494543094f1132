"""vm/precompile.py: a cold start compiles the other entry points in a second process.

The full child compiles every entry point (about 20 CPU seconds on top of the
loop's 80: too slow for the suite); these tests run the same code path, started
the way a cold start of the loop starts it, on a cheap subset of the entry points
(AMBER_PRECOMPILE_ONLY), in a temporary cache folder."""

import os
import subprocess
import sys
import textwrap

import vm
from vm import jit

# Run in a fresh process whose cache folder is empty: what interp.run's compile
# calls on a cache miss, without compiling the loop itself (90 s).
DRIVER = textwrap.dedent("""
    import os, sys
    from amber import vm
    from amber.vm import interp, natives, precompile
    assert not os.path.exists(precompile.index_path(interp.run))
    precompile.entry_compile_starting(interp.run, vm.CACHE_DIR)
    print("status", precompile.wait())
    natives.type_of._compile_declared()         # loads what the child compiled
    natives.exc_subclass._compile_declared()
    print("hits", sum(natives.type_of._cache_hits.values()),
          sum(natives.exc_subclass._cache_hits.values()))
    print("type_of", natives.type_of(1))
""")


def _drive(tmp_path, only):
    env = dict(os.environ, AMBER_CACHE_DIR=str(tmp_path), AMBER_PRECOMPILE_ONLY=only,
               AMBER_PRECOMPILE="1")       # (also on a busy machine)
    env.pop("AMBER_DEBUG_COMPILE", None)
    out = subprocess.run([sys.executable, "-c", DRIVER], env=env, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return dict(line.split(" ", 1) for line in out.stdout.splitlines())


def test_every_entry_point_declares_a_signature():
    for name in jit.ENTRY_POINTS:
        module, func = name.split(".")
        disp = getattr(__import__(f"vm.{module}", fromlist=["x"]), func)
        assert disp._declared_sigs, f"{name}: no signature: a cold start cannot compile it ahead"


def test_child_compiles_entry_points_into_the_cache(tmp_path):
    got = _drive(tmp_path, "natives.type_of,natives.exc_subclass")
    assert got["status"] == "0"
    assert got["hits"] == "1 1"          # this process loaded both from the cache
    assert int(got["type_of"]) >= 0
    assert not list(tmp_path.rglob("*.tmp.*"))      # (numba's temporary files)


def test_failed_child_changes_nothing(tmp_path):
    got = _drive(tmp_path, "natives.no_such_function")
    assert got["status"] != "0"
    assert got["hits"] == "0 0"          # compiled here, on first use, as before
    assert int(got["type_of"]) >= 0


def test_no_child_for_other_entry_points_or_a_warm_loop(tmp_path, monkeypatch):
    from vm import natives, precompile
    monkeypatch.setenv("AMBER_PRECOMPILE", "1")
    started = []
    monkeypatch.setattr(precompile, "start", lambda cache_dir: started.append(cache_dir))
    precompile.entry_compile_starting(natives.type_of, tmp_path)
    assert not started
    warm = tmp_path / "interp.run-1.py311.nbi"
    warm.write_bytes(b"")
    monkeypatch.setattr(precompile, "index_path", lambda dispatcher: str(warm))
    from vm import interp
    precompile.entry_compile_starting(interp.run, tmp_path)
    assert not started
    warm.unlink()
    precompile.entry_compile_starting(interp.run, tmp_path)
    assert started == [tmp_path]


def test_child_only_with_an_idle_core(monkeypatch):
    from vm import precompile
    monkeypatch.delenv("AMBER_PRECOMPILE", raising=False)
    monkeypatch.setattr(precompile, "idle_cores", lambda: 1.0)
    assert not precompile._wanted()
    monkeypatch.setattr(precompile, "idle_cores", lambda: 1.8)
    assert precompile._wanted()
    monkeypatch.setenv("AMBER_PRECOMPILE", "0")
    assert not precompile._wanted()
    monkeypatch.setenv("AMBER_PRECOMPILE", "1")
    monkeypatch.setattr(precompile, "idle_cores", lambda: 0.0)
    assert precompile._wanted()


def test_no_child_when_the_executable_may_not_be_python(monkeypatch):
    """A host that embeds Python (a game, uWSGI, a frozen app) has its own program in
    sys.executable: starting it with -c would start the host again."""
    from vm import precompile
    monkeypatch.delenv("AMBER_PRECOMPILE", raising=False)
    monkeypatch.setattr(precompile, "idle_cores", lambda: 2.0)
    for executable in ("/opt/game/bin/mygame", "/usr/bin/uwsgi", ""):
        monkeypatch.setattr(precompile.sys, "executable", executable)
        assert not precompile._wanted()
    monkeypatch.setattr(precompile.sys, "executable", "/usr/bin/python3.11")
    assert precompile._wanted()
    monkeypatch.setattr(precompile.sys, "frozen", True, raising=False)
    assert not precompile._wanted()
    monkeypatch.setenv("AMBER_PRECOMPILE", "1")       # the user's explicit choice
    assert precompile._wanted()


def test_idle_cores_are_seen_in_the_cpu_times(monkeypatch):
    """The idle share of the cores over a short time (not the 1-minute load
    average, which still counts a process that ended seconds ago)."""
    from vm import precompile
    monkeypatch.setattr(precompile, "IDLE_SAMPLE", 0.0)
    monkeypatch.setattr(precompile.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(precompile.os, "cpu_count", lambda: 2)
    times = iter([(1000, 4000), (1150, 4200)])      # 150 of 200 ticks idle
    monkeypatch.setattr(precompile, "_cpu_times", lambda: next(times))
    assert precompile.idle_cores() == 1.5
    times = iter([(1000, 4000), (1000, 4200)])      # both cores busy
    assert precompile.idle_cores() == 0.0

    def unreadable():
        raise OSError("no /proc")
    monkeypatch.setattr(precompile, "_cpu_times", unreadable)
    monkeypatch.setattr(precompile.os, "getloadavg", lambda: (0.25, 0.0, 0.0))
    assert precompile.idle_cores() == 1.75          # the load average then
