"""The loop calls its cold helpers (interp.cold_a) through their machine-code
address (jit.call_entry_at), so that a cold start compiles the two in two processes
(vm/precompile.py)."""

import subprocess
import sys
import time

import numba
import pytest

from vm import interp, jit, precompile


def _native(dispatcher, signature):
    dispatcher.compile(signature)
    cres = dispatcher.overloads[signature]
    return cres.library.get_pointer_to_function(cres.fndesc.llvm_func_name)


@numba.njit
def _callee(t, a, b, c, d):
    if a < 0:
        raise ValueError("negative")
    return t[0] * 1000000 + t[1] * 100000 + a * 10000 + b * 1000 + c * 100 + d * 10


@numba.njit
def _caller(address, a):
    return jit.call_entry_at(address, (1, 2), a, 4, 5, 6) + 7


SIG = (numba.types.UniTuple(numba.int64, 2),) + (numba.int64,) * 4


def test_call_through_an_address_passes_arguments_and_result():
    address = _native(_callee, SIG)
    assert address
    assert _caller(address, 3) == 1234567
    assert _caller(address, 9) == 1294567


def test_an_exception_in_the_callee_reaches_the_caller():
    address = _native(_callee, SIG)
    with pytest.raises(ValueError, match="negative"):
        _caller(address, -1)
    assert _caller(address, 0) == 1204567          # and the caller still works


def test_cold_a_has_machine_code():
    assert "interp.cold_a" in jit.ENTRY_POINTS
    assert jit.native_address(interp.cold_a) != 0


def _fake_child(monkeypatch, code):
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
    child.started = time.perf_counter()
    child.compiled = set()
    monkeypatch.setattr(precompile, "_child", child)
    return child


def test_an_entry_point_is_loaded_once_the_child_has_it(monkeypatch):
    child = _fake_child(monkeypatch, "import os, time; os.write(1, b'interp.cold_a\\n'); "
                                     "time.sleep(30)")
    try:
        precompile.entry_compile_starting(interp.cold_a, None)
        assert child.compiled == {"interp.cold_a"}
        assert child.poll() is None         # not waited for: it goes on compiling
        assert precompile._child is child
    finally:
        child.kill()
        precompile.wait()


def test_the_child_reports_entry_points_in_any_order(monkeypatch):
    from vm import natives
    child = _fake_child(monkeypatch, "import os, time; os.write(1, b'interp.cold_a\\n'); "
                                     "time.sleep(0.5); os.write(1, b'natives.type_of\\n'); "
                                     "time.sleep(30)")
    try:
        assert precompile.wait_for("natives.type_of")
        assert child.compiled == {"interp.cold_a", "natives.type_of"}
        assert precompile.wait_for("interp.cold_a")     # (already read)
    finally:
        child.kill()
        precompile.wait()


def test_a_child_that_ends_without_an_entry_point(monkeypatch):
    child = _fake_child(monkeypatch, "import os, sys; os.write(1, b'heap.reserve\\n'); "
                                     "sys.exit(3)")
    assert not precompile.wait_for("interp.cold_a")    # (compiled here instead)
    assert child.returncode == 3
    assert precompile._child is None


def test_compiling_tells_whether_a_child_holds_the_lock(tmp_path):
    assert not precompile.compiling(tmp_path)
    held = precompile._lock(tmp_path)
    try:
        assert precompile.compiling(tmp_path)
    finally:
        held.close()
    assert not precompile.compiling(tmp_path)


LOADED = """
from amber.vm import interp, jit
interp.run._compile_declared()
(cres,) = interp.run.overloads.values()
stubs = [fn for fn in cres.library._shared_module.functions if not fn.is_declaration]
print(sum(interp.run._cache_hits.values()), len(stubs),
      all(len(list(fn.blocks)) == 1 for fn in stubs),
      jit.native_address(interp.cold_b) != 0,
      cres.library.get_pointer_to_function(cres.fndesc.llvm_cpython_wrapper_name) != 0)
"""


def test_an_entry_point_loaded_from_the_cache_has_only_named_stubs_for_linking():
    """RootLibrary caches a module of empty functions instead of numba's module for
    linking (parsing that was ~40% of loading the loop); the loaded machine code
    must still give every address the host asks for."""
    import io
    import amber
    import amber.vm as amber_vm
    amber.VM(amber.compile("print(1)", "one.py"), stdout=io.StringIO()).run()
    # (now the loop and the helpers are in the cache)
    env = dict(__import__("os").environ)
    if amber_vm.CACHE_DIR is not None:
        env["AMBER_CACHE_DIR"] = str(amber_vm.CACHE_DIR.parent)
    out = subprocess.run([sys.executable, "-c", LOADED], capture_output=True, text=True,
                         env=env, timeout=600)
    assert out.returncode == 0, out.stderr
    hits, nstubs, empty, cold_b, wrapper = out.stdout.split()
    assert int(hits) == 1 and int(nstubs) >= 3
    assert (empty, cold_b, wrapper) == ("True", "True", "True")
