"""Snapshots: a paused VM as portable bytes, and back.

    data = amber.snapshot.save(vm)       # bytes (msgpack), any instruction boundary
    vm2 = amber.snapshot.load(data)      # validated; raises SnapshotError if not sound
    vm2.run()                            # continues exactly where vm stopped

The format is specified in docs/snapshot-format.md.
"""

from .format import FORMAT_VERSION, SnapshotError, load, load_file, save, save_file

__all__ = ["save", "load", "save_file", "load_file", "SnapshotError", "FORMAT_VERSION"]
