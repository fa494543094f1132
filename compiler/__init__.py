"""Amber's compiler: source -> AST (parser) -> scopes (resolve) -> Program (codegen)."""

from .program import CodeObject, Program


def compile_source(source: str, filename: str = "<script>") -> Program:
    """Parse and compile a script; raises AmberSyntaxError (a SyntaxError) on bad input."""
    import os
    try:
        from .parser import parse
        if os.environ.get("AMBER_CPYTHON_AST"):
            raise ImportError
    except ImportError:   # TEMPORARY while the parser lands
        import ast as _ast

        def parse(src, fn):
            return _ast.parse(src, fn)
    from .codegen import generate
    module = parse(source, filename)
    return generate(module, filename, source)


__all__ = ["CodeObject", "Program", "compile_source"]
