"""Compile-time errors of Amber, shaped exactly like CPython's.

The exceptions are built like ``SyntaxError``::

    AmberSyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset))

with CPython's conventions: ``lineno`` is 1-based, ``offset`` is the 1-based *character*
column, ``end_offset`` is exclusive, ``text`` is the offending source line. They print
under CPython's names ("SyntaxError", "IndentationError", "TabError"), so
``traceback.format_exception_only`` shows a script's error exactly as CPython would; the
classes keep their real ``__name__`` for debugging.
"""

from __future__ import annotations

import traceback


class AmberSyntaxError(SyntaxError):
    """Malformed source. Prints as ``SyntaxError``."""

    __module__ = "builtins"
    __qualname__ = "SyntaxError"


class AmberIndentationError(AmberSyntaxError, IndentationError):
    """Bad indentation. Prints as ``IndentationError``."""

    __module__ = "builtins"
    __qualname__ = "IndentationError"


class AmberTabError(AmberIndentationError, TabError):
    """Tabs and spaces mixed inconsistently. Prints as ``TabError``."""

    __module__ = "builtins"
    __qualname__ = "TabError"


class UnsupportedFeatureError(AmberSyntaxError):
    """Valid Python that Amber does not run (async, await, ...). Prints as ``SyntaxError``."""

    __module__ = "builtins"
    __qualname__ = "SyntaxError"


class AmberImportError(UnsupportedFeatureError):
    """An import of a module Amber does not provide (refused at compile time). Prints
    as ``ModuleNotFoundError`` with the file, line and caret of a syntax error."""

    __module__ = "builtins"
    __qualname__ = "ModuleNotFoundError"


def make_error(cls, msg: str, lineno: int, offset: int, end_lineno: int | None = None,
               end_offset: int | None = None, filename: str | None = None,
               text: str | None = None) -> AmberSyntaxError:
    """Build an error of class ``cls`` from positions (offsets 1-based, in characters)."""
    if end_lineno is None:
        end_lineno = lineno
    if end_offset is None:
        end_offset = offset
    return cls(msg, (filename, lineno, offset, text, end_lineno, end_offset))


def format_syntax_error(exc: SyntaxError) -> str:
    """The text CPython prints for ``exc`` (without a traceback), e.g.::

          File "x.py", line 3
            x = = 2
                ^
        SyntaxError: invalid syntax
    """
    return "".join(traceback.format_exception_only(type(exc), exc))
