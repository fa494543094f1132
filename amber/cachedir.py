"""The per-user folder where Amber keeps what it builds once and reuses: the
compiler's parsed modules (compiler/cache.py) and the bytecode of its own modules
(amber/bytecache.py).  numba's machine code goes in a subfolder of the same place
(vm/__init__.py)."""

from __future__ import annotations

import os
from pathlib import Path


def private_cache_dir() -> Path | None:
    """`$AMBER_CACHE_DIR`, else `$XDG_CACHE_HOME/amber` or `~/.cache/amber`: made
    private (mode 0700) and returned only if this user owns it and may write it
    (what is read from it is pickled or compiled code); None if there is none."""
    try:
        base = os.environ.get("AMBER_CACHE_DIR")
        if base:
            directory = Path(base)
        else:
            xdg = os.environ.get("XDG_CACHE_HOME")
            directory = (Path(xdg) if xdg else Path.home() / ".cache") / "amber"
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not os.access(directory, os.W_OK):
            return None
        if hasattr(os, "getuid") and directory.stat().st_uid != os.getuid():
            return None
        return directory
    except (OSError, RuntimeError):
        return None
