"""The per-user folder where Amber keeps what it builds once and reuses: the
compiler's parsed modules (compiler/cache.py) and the bytecode of its own modules
(amber/bytecache.py).  numba's machine code goes in a subfolder of the same place
(vm/__init__.py)."""

from __future__ import annotations

import hashlib
import os
import tempfile
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


def read_sealed(path, header: bytes) -> bytes | None:
    """The payload of a file written by write_sealed with this header, or None if
    there is none, or its header or SHA-256 does not match (a damaged or stale file)."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None
    head = len(header)
    if len(data) < head + 32 or data[:head] != header:
        return None
    payload = data[head + 32:]
    if hashlib.sha256(payload).digest() != data[head:head + 32]:
        return None
    return payload


def write_sealed(path, header: bytes, payload: bytes) -> None:
    """Write header, the payload's SHA-256 and the payload to path, through a
    temporary file renamed into place (a reader sees a whole file or none); best
    effort: a failure leaves nothing behind."""
    folder = os.path.dirname(os.fspath(path))
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(header + hashlib.sha256(payload).digest() + payload)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass
