"""Amber's standard library: the parts written in the Amber subset itself.

The files here are Amber source, not Python modules to import: `source(name)` reads
one.  prelude.py is compiled into every program (see compiler/codegen.py)."""

from importlib import resources


def source(name: str) -> str:
    """The Amber source text of stdlib module `name`."""
    return resources.files(__name__).joinpath(f"{name}.py").read_text(encoding="utf-8")
