"""Amber's virtual machine: opcode table, value layout, heap, numba interpreter loop.

Importing this package first chooses where numba caches the compiled interpreter.
The cache folder is named after a hash of every source file of this package that
compiled code can see, so an edit to any of them gets a fresh cache (numba itself only
notices edits to the file that holds a function, not to the callees it inlines or the
module constants it freezes).  The host-side modules in HOST_ONLY hold no numba code
and no numba module imports them (tests/test_cache_tag.py checks both), so editing
them keeps the compiled interpreter.  If no folder is writable, compiled code is
simply not cached.  A new folder's first use deletes the old folders beside it that
have not been used for an hour, keeping the four most recently used
(`prune_stale_caches`).
"""

import hashlib
import os
import pathlib
import tempfile

_HERE = pathlib.Path(__file__).resolve().parent


# Modules that run only in the host: no @njit code, never imported by a module that has it.
HOST_ONLY = frozenset({"machine.py", "hostvalues.py", "loader.py", "inspect.py", "state.py"})


def _source_hash() -> str:
    h = hashlib.sha256()
    for path in sorted(_HERE.glob("*.py")):
        if path.name in HOST_ONLY:
            continue
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _writable(path: pathlib.Path) -> bool:
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / ".probe"
        probe.write_text("ok")
        probe.unlink()
        return True
    except OSError:
        return False


def _choose_cache_dir():
    tag = f"numba-{_source_hash()}"
    candidates = []
    if os.environ.get("AMBER_CACHE_DIR"):
        candidates.append(pathlib.Path(os.environ["AMBER_CACHE_DIR"]) / tag)
    candidates.append(pathlib.Path(os.environ.get("XDG_CACHE_HOME", "~/.cache")).expanduser()
                      / "amber" / tag)
    candidates.append(pathlib.Path(tempfile.gettempdir()) / f"amber-{os.getuid()}" / tag)
    for path in candidates:
        fresh = not path.exists()
        if _writable(path):
            if fresh:       # a new version of the sources: a good time to tidy up
                prune_stale_caches(path)
            return path
    return None


KEEP_OTHER_CACHES = 4           # other numba-* folders kept (other Amber versions in use)
STALE_AFTER_SECONDS = 3600      # and any used within the last hour


def prune_stale_caches(current: pathlib.Path) -> list:
    """Delete the numba-* folders beside `current` other than the KEEP_OTHER_CACHES
    most recently used and those used within STALE_AFTER_SECONDS (each start writes a
    probe file in its folder, which marks it used).  Every edit of the VM's sources
    and every upgrade makes a new folder of about 30 MB; without this they piled up
    (4.6 GB on the development machine).  Returns the folders deleted."""
    import shutil
    import time
    try:
        others = [p for p in current.parent.glob("numba-*") if p.is_dir() and p != current]
        others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return []
    cutoff = time.time() - STALE_AFTER_SECONDS
    deleted = []
    for path in others[KEEP_OTHER_CACHES:]:
        try:
            if path.stat().st_mtime < cutoff:
                shutil.rmtree(path, ignore_errors=True)
                deleted.append(path)
        except OSError:
            pass
    return deleted


CACHE_DIR = _choose_cache_dir()
CACHE = CACHE_DIR is not None

import numba  # noqa: E402  (after the cache folder is known)

if CACHE:
    numba.config.CACHE_DIR = str(CACHE_DIR)


def cache_is_warm() -> bool:
    """True if the interpreter loop has been compiled and cached before."""
    if CACHE_DIR is None:
        return False
    return any(CACHE_DIR.rglob("interp.run-*.nbi"))
