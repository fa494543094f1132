"""amber/bytecache.py: Amber's own modules' bytecode kept in the cache folder where
Python writes no .pyc files."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

from amber import bytecache

REPO = Path(__file__).resolve().parent.parent


def load(path: Path, folder: Path, name: str = "mod_under_test"):
    loader = bytecache.CachedSourceLoader(name, str(path))
    loader.folder = str(folder)
    spec = importlib.util.spec_from_file_location(name, str(path), loader=loader)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_code_is_compiled_once_then_read_from_the_folder(tmp_path, monkeypatch):
    src = tmp_path / "m.py"
    src.write_text("VALUE = 6 * 7\n")
    folder = tmp_path / "pyc"
    assert load(src, folder).VALUE == 42
    assert len(list(folder.glob("*.pyc"))) == 1
    # the second load must not compile the source
    def no_compile(*args, **kwargs):
        raise AssertionError("compiled again")
    monkeypatch.setattr(importlib.machinery.SourceFileLoader, "get_code", no_compile)
    assert load(src, folder).VALUE == 42


def test_an_edited_source_is_compiled_again(tmp_path):
    src = tmp_path / "m.py"
    folder = tmp_path / "pyc"
    src.write_text("VALUE = 1\n")
    assert load(src, folder).VALUE == 1
    src.write_text("VALUE = 22\n")          # another size
    assert load(src, folder).VALUE == 22
    st = os.stat(src)
    src.write_text("VALUE = 33\n")          # same size, another modification time
    os.utime(src, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    assert load(src, folder).VALUE == 33


def test_a_damaged_cache_file_is_ignored_and_rewritten(tmp_path):
    src = tmp_path / "m.py"
    src.write_text("def f():\n    return 'fine'\n")
    folder = tmp_path / "pyc"
    load(src, folder)
    (cached,) = folder.glob("*.pyc")
    good = cached.read_bytes()
    for damaged in (b"", good[:20], good[:-5] + b"XXXXX", b"garbage" * 50,
                    good.replace(bytes(bytecache.MAGIC), b"AMBER-BYTECODE 9\n")):
        cached.write_bytes(damaged)
        assert load(src, folder).f() == "fine"
        assert cached.read_bytes() == good


def test_the_package_loads_through_the_cache_without_pyc_writing(tmp_path):
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", AMBER_CACHE_DIR=str(tmp_path))
    probe = ("import amber, amber.vm.machine as m, amber.compiler.parser as p\n"
             "print(type(m.__spec__.loader).__name__, type(p.__spec__.loader).__name__)\n")
    for _ in range(2):      # the second process reads what the first wrote
        out = subprocess.run([sys.executable, "-c", probe], env=env, cwd=REPO,
                             capture_output=True, text=True, check=True).stdout
        assert out.split() == ["CachedSourceLoader", "CachedSourceLoader"]
    (folder,) = tmp_path.glob("pyc-*")
    assert len(list(folder.glob("*.pyc"))) >= 20
    # with .pyc writing allowed Python's own cache is used, and nothing is added here
    env.pop("PYTHONDONTWRITEBYTECODE")
    out = subprocess.run([sys.executable, "-c", probe], env=env, cwd=REPO,
                         capture_output=True, text=True, check=True).stdout
    assert out.split() == ["SourceFileLoader", "SourceFileLoader"]
