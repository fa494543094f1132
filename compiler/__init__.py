"""Amber's compiler: source -> AST (parser) -> scopes (resolve) -> Program (codegen)."""

from .program import CodeObject, Program


def compile_source(source: str, filename: str = "<script>") -> Program:
    """Parse and compile a script; raises AmberSyntaxError (a SyntaxError) on bad input."""
    from .codegen import generate
    from .parser import parse
    module = parse(source, filename)
    return generate(module, filename, source)


__all__ = ["CodeObject", "Program", "compile_source"]
