"""The numba cache tag leaves out vm.HOST_ONLY; that is only safe if compiled code cannot
see those modules.  These checks fail when someone moves numba code into a host module or
imports a host module from a numba one."""

import ast
import pathlib
import re

import vm

VM_DIR = pathlib.Path(vm.__file__).parent


def _imported_vm_modules(tree: ast.Module) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                names.add(node.module.split(".")[0] + ".py")
            else:
                names.update(alias.name + ".py" for alias in node.names)
    return names


def _uses_numba(source: str) -> bool:
    return re.search(r"^\s*(import numba|from numba|@njit|@numba)", source, re.M) is not None


def test_host_only_modules_hold_no_numba_code():
    for name in vm.HOST_ONLY:
        source = (VM_DIR / name).read_text()
        assert not _uses_numba(source), f"{name} is in HOST_ONLY but mentions numba"


def test_numba_modules_do_not_import_host_only_modules():
    numba_modules = [p for p in VM_DIR.glob("*.py")
                     if p.name != "__init__.py" and _uses_numba(p.read_text())]
    assert len(numba_modules) >= 10
    for path in numba_modules:
        imported = _imported_vm_modules(ast.parse(path.read_text()))
        leaked = imported & vm.HOST_ONLY
        assert not leaked, f"{path.name} imports host-only {sorted(leaked)}"


def test_editing_a_host_module_keeps_the_tag(tmp_path, monkeypatch):
    for path in VM_DIR.glob("*.py"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    monkeypatch.setattr(vm, "_HERE", tmp_path)
    before = vm._source_hash()
    (tmp_path / "machine.py").write_text("# edited\n")
    assert vm._source_hash() == before
    (tmp_path / "interp.py").write_text("# edited\n")
    assert vm._source_hash() != before


def test_stale_numba_caches_are_pruned_and_recent_ones_kept(tmp_path):
    import os
    import time
    from amber import vm
    now = time.time()
    ages = {"numba-current": 0, "numba-a": 10, "numba-b": 2 * 3600, "numba-c": 3 * 3600,
            "numba-d": 4 * 3600, "numba-e": 5 * 3600, "numba-f": 6 * 3600,
            "numba-g": 7 * 3600, "other-folder": 9 * 3600}
    for name, age in ages.items():
        d = tmp_path / name
        (d / "sub").mkdir(parents=True)
        (d / "sub" / "x.nbi").write_bytes(b"x")
        os.utime(d, (now - age, now - age))
    deleted = vm.prune_stale_caches(tmp_path / "numba-current")
    # kept: the current one, the four most recently used others (a, b, c, d), and
    # nothing that is not a numba-* folder
    assert sorted(p.name for p in deleted) == ["numba-e", "numba-f", "numba-g"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "numba-a", "numba-b", "numba-c", "numba-current", "numba-d", "other-folder"]


def test_recently_used_numba_caches_are_never_pruned(tmp_path):
    from amber import vm
    for i in range(8):
        (tmp_path / f"numba-{i}").mkdir()
    assert vm.prune_stale_caches(tmp_path / "numba-0") == []
    assert len(list(tmp_path.iterdir())) == 8
