"""The bytecode of Amber's own modules, kept in Amber's cache folder.

Where Python writes no .pyc files (PYTHONDONTWRITEBYTECODE set, as on the machines
the bench runs on) an editable install has none, so every process compiled Amber's
20,000 lines of host code from source: about 0.15 s CPU of a warm `amber run
hello.py` that took 0.8 s.  Then (and only then) the modules of the `amber` package
are imported through a loader that keeps their code objects in
`<cache folder>/pyc-<Python's magic number>/` (compiled once, read by every later
process).  Third-party packages are left alone (pip compiled theirs at install).

A file is named after a hash of the module's source path and holds the source's
modification time and size, a SHA-256 of the payload and the marshalled code; a file
that does not match its source or its checksum is ignored and rewritten, and any
failure falls back to compiling the source as Python would.  The folder is the
private one the compiler's cache uses (amber/cachedir.py): code is only read from a
folder this user owns.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import marshal
import os
import sys

from .cachedir import private_cache_dir, read_sealed, write_sealed

MAGIC = b"AMBER-BYTECODE 1\n"


def _cache_file(folder: str, source_path: str) -> str:
    name = hashlib.sha256(os.path.abspath(source_path).encode()).hexdigest()[:32]
    return os.path.join(folder, name + ".pyc")


def _stamp(source_path: str) -> bytes | None:
    try:
        st = os.stat(source_path)
    except OSError:
        return None
    return f"{st.st_mtime_ns} {st.st_size}\n".encode()


def read_code(folder: str, source_path: str):
    """The cached code object of source_path, or None if no sound file matches it."""
    stamp = _stamp(source_path)
    if stamp is None:
        return None
    payload = read_sealed(_cache_file(folder, source_path), MAGIC + stamp)
    if payload is None:
        return None
    try:
        return marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None


def write_code(folder: str, source_path: str, stamp: bytes, code) -> None:
    """Store code for source_path as of `stamp` (best effort)."""
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError:
        return
    write_sealed(_cache_file(folder, source_path), MAGIC + stamp, marshal.dumps(code))


class CachedSourceLoader(importlib.machinery.SourceFileLoader):
    """A source loader whose code objects are kept in `folder`."""

    folder = ""

    def get_code(self, fullname):
        path = self.get_filename(fullname)
        code = read_code(self.folder, path)
        if code is not None:
            return code
        stamp = _stamp(path)
        code = super().get_code(fullname)
        if stamp is not None and stamp == _stamp(path):   # unchanged while compiling
            write_code(self.folder, path, stamp, code)
        return code


class _AmberFinder(importlib.abc.MetaPathFinder):
    """Finds `amber.*` modules as the other finders do, then loads their source
    through a CachedSourceLoader."""

    def __init__(self, folder: str):
        self.folder = folder

    def find_spec(self, fullname, path, target=None):
        if not fullname.startswith("amber."):
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                break
        else:
            return None
        if type(spec.loader) is importlib.machinery.SourceFileLoader:
            loader = CachedSourceLoader(spec.loader.name, spec.loader.path)
            loader.folder = self.folder
            spec.loader = loader
        return spec


def install() -> None:
    """Load the rest of the `amber` package through the cache, if Python writes no
    .pyc files itself and there is a private cache folder."""
    if not sys.dont_write_bytecode:
        return
    if any(isinstance(f, _AmberFinder) for f in sys.meta_path):
        return
    base = private_cache_dir()
    if base is None:
        return
    folder = os.path.join(base, "pyc-" + importlib.util.MAGIC_NUMBER.hex())
    sys.meta_path.insert(0, _AmberFinder(folder))
