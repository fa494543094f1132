"""An on-disk cache of what the compiler builds from Amber's own sources.

Every program contains the prelude (stdlib/prelude.py, about 1,000 lines), and a script
that imports `collections` compiles stdlib/collections.py into itself.  Parsing them
cost about 0.2 s per process start (0.5 s with four modules imported), so the parsed
modules and the prelude's generated code are kept here, in the per-user folder the
parser's tables live in (`$AMBER_CACHE_DIR`, else `$XDG_CACHE_HOME/amber` or
`~/.cache/amber`), made private (mode 0700) and only used if this user owns it.

A file is named after its entry and a hash of every source it could depend on (the
compiler, the stdlib modules, the VM's opcode and layout tables: `source_digest`), and
starts with a magic line, that hash again and a SHA-256 of the payload.  A file whose
header or checksum does not match, or that fails to unpickle, is ignored and rebuilt;
one written for other sources is never looked at (its name differs; such files are
small and are left alone, since two Amber versions may share the folder).  Writes go to a temporary file that is renamed into
place, so a reader sees a whole file or none.  Without a usable folder nothing is
cached and everything still works.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
import sys
from pathlib import Path

from ..cachedir import private_cache_dir, read_sealed, write_sealed

MAGIC = b"AMBER-COMPILER-CACHE 1\n"


def _source_files() -> list[Path]:
    here = Path(__file__).resolve().parent
    from .. import stdlib, vm
    files = sorted(here.glob("*.py")) + sorted(here.glob("*.lark"))
    files += sorted(Path(stdlib.__file__).resolve().parent.glob("*.py"))
    files += sorted(Path(vm.__file__).resolve().parent.glob("*.py"))
    return files


@functools.lru_cache(maxsize=1)
def source_digest() -> str:
    """A hash of the sources whose change may change what the compiler makes."""
    import lark
    h = hashlib.sha256()
    h.update(MAGIC)
    h.update(f"{sys.version_info[:2]} {lark.__version__} {pickle.HIGHEST_PROTOCOL}".encode())
    for path in _source_files():
        h.update(path.name.encode() + b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:32]


def cache_dir() -> Path | None:
    """The private per-user cache folder, or None if there is none usable."""
    return private_cache_dir()


def _path(directory: Path, entry: str) -> Path:
    return directory / f"compiled-{entry}-{source_digest()}.pickle"


def read(entry: str):
    """The cached value of `entry`, or None if there is no sound file for it."""
    directory = cache_dir()
    if directory is None:
        return None
    payload = read_sealed(_path(directory, entry), MAGIC + source_digest().encode())
    if payload is None:
        return None
    try:
        return pickle.loads(payload)
    except Exception:       # noqa: BLE001  (a damaged file is rebuilt, whatever it holds)
        return None


def write(entry: str, value) -> None:
    """Store `value` for `entry` (best effort: a failure leaves nothing behind)."""
    directory = cache_dir()
    if directory is None:
        return
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:       # noqa: BLE001  (e.g. too deep to pickle: just not cached)
        return
    write_sealed(_path(directory, entry), MAGIC + source_digest().encode(), payload)


def cached(entry: str, build):
    """read(entry), or build() stored under entry."""
    value = read(entry)
    if value is None:
        value = build()
        write(entry, value)
    return value
