"""Amber: an embeddable, sandboxed, pausable VM for a subset of Python.

    import amber
    program = amber.compile(source, "script.py")
    vm = amber.VM(program, stdout=sys.stdout)
    status = vm.run()              # amber.Status.FINISHED / PAUSED / ERROR
    if status is amber.Status.ERROR:
        print(vm.error.traceback, file=sys.stderr)
"""

from . import bytecache as _bytecache

_bytecache.install()    # before the other modules: where Python writes no .pyc files

from .compiler import Program, compile_source as compile  # noqa: A001
from .compiler.errors import AmberSyntaxError, UnsupportedFeatureError
from .vm.machine import Machine as VM, ScriptError, Status

__version__ = "0.1.0"

__all__ = ["compile", "Program", "VM", "Status", "ScriptError", "AmberSyntaxError",
           "UnsupportedFeatureError", "__version__"]
