"""vm/jit.py: numba functions compile on first use, and only the host's entry points
carry numba's Python wrappers.  A vm function that host code calls but that is missing
from ENTRY_POINTS would still work (through a private copy compiled on first call, in
every process), so these checks keep the list complete."""

import ast
import pathlib
import re

import vm
from vm import jit

ROOT = pathlib.Path(vm.__file__).resolve().parent.parent
VM_DIR = ROOT / "vm"


def _numba_modules() -> set[str]:
    return {p.stem for p in VM_DIR.glob("*.py")
            if re.search(r"^@njit", p.read_text(), re.M)}


def _host_files() -> list[pathlib.Path]:
    numba = _numba_modules()
    files = [p for p in VM_DIR.glob("*.py") if p.stem not in numba and p.stem != "jit"]
    for folder in ("snapshot", "amber"):     # (compiler/ runs no numba code)
        files += sorted((ROOT / folder).glob("*.py"))
    files.append(ROOT / "stdlib" / "modules.py")
    return files


def _dispatchers(module_name: str) -> set[str]:
    module = __import__(f"vm.{module_name}", fromlist=["x"])
    return {name for name, value in vars(module).items()
            if isinstance(value, jit.LazyDispatcher)
            and value.py_func.__module__ == module.__name__}


def test_every_function_the_host_calls_is_an_entry_point():
    numba = _numba_modules()
    defined = {m: _dispatchers(m) for m in numba}
    named = set()
    for path in _host_files():
        tree = ast.parse(path.read_text())
        alias = {m: m for m in numba}       # local name -> vm module
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                for a in node.names:        # from ..vm import heap as vheap
                    if a.name in numba:
                        alias[a.asname or a.name] = a.name
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id in alias
                    and node.attr in defined[alias[node.value.id]]):
                named.add(f"{alias[node.value.id]}.{node.attr}")
            if isinstance(node, ast.ImportFrom) and node.module:
                mod = node.module.split(".")[-1]
                if mod in numba:
                    named.update(f"{mod}.{a.name}" for a in node.names
                                 if a.name in defined[mod])
    assert {"interp.run", "sets.rehash"} <= named
    missing = sorted(named - jit.ENTRY_POINTS)
    assert not missing, f"host code calls {missing}: add them to vm/jit.py ENTRY_POINTS"


def test_entry_points_exist():
    for name in jit.ENTRY_POINTS:
        module, func = name.split(".")
        assert func in _dispatchers(module), f"ENTRY_POINTS names {name}, which is no numba function"


def test_internal_functions_have_no_wrappers_and_compile_lazily():
    from vm import arith, heap
    assert isinstance(arith.fail, jit.InternalDispatcher)
    assert arith.fail.targetoptions["no_cpython_wrapper"]
    assert isinstance(heap.new_str, jit.LazyDispatcher)
    assert not isinstance(heap.new_str, jit.InternalDispatcher)
    assert "no_cpython_wrapper" not in heap.new_str.targetoptions


def test_internal_function_called_from_python_works():
    from vm import sets
    assert isinstance(sets.table_size, jit.InternalDispatcher)
    assert [sets.table_size(n) for n in (0, 7, 8, 100)] == [8, 8, 16, 128]
    assert sets.table_size(np_int(5)) == 8


def np_int(n):
    import numpy as np
    return np.int64(n)


def test_plain_numba_code_can_call_an_internal_function():
    # snapshot/checks.py does this: the IR of the callee and of all it calls is linked
    import numba
    from vm import sets

    @numba.njit
    def plain(fill, used, size, k):
        return sets.grow_chain(fill, used, size, k) + sets.table_size(used)

    for args in ((0, 0, 8, 1), (5, 5, 8, 100), (3, 2, 16, 40)):
        assert plain(*args) == sets.grow_chain(*args) + sets.table_size(args[1])


@jit.njit()
def _leaf(x, k):
    return x * 10 + k


@jit.njit()
def _mid(x):
    return _leaf(x, 3) + _leaf(x, 4)        # two literal specializations of _leaf


@jit.njit()
def _top(x):
    return _mid(x) + _leaf(x, 3) + _leaf(x, x)


def test_an_entry_point_links_every_helper_it_reaches():
    # each helper's library holds only its own function; the entry point's library
    # (here the Python-callable twin) links everything it reaches, whatever the
    # depth: a definition lost in linking would be an undefined symbol (a crash)
    assert isinstance(_top, jit.InternalDispatcher)
    assert _top(2) == (23 + 24) + 23 + 22
    assert _mid(1) == 13 + 14


def _constant_callers(specialize):
    @jit.njit(cache=False, specialize_constants=specialize)
    def add(a, b):
        return a + b

    @jit.njit(cache=False)
    def caller(x):
        return add(x, 1) + add(x, 2) + add(x, True)

    return add, caller


def test_constant_arguments_compile_one_specialization():
    add, caller = _constant_callers(False)
    assert caller(10) == 10 + 1 + 10 + 2 + 10 + 1
    # one per plain argument types: the two int constants share one
    assert sorted(str(a) for a in add.overloads) == ["(int64, bool)", "(int64, int64)"]


def test_specialize_constants_keeps_numba_literal_specializations():
    add, caller = _constant_callers(True)
    assert caller(10) == 34
    assert len(add.overloads) == 3      # Literal[int](1), Literal[int](2), Literal[bool](True)
    assert all("Literal" in str(a) for a in add.overloads)
