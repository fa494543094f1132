"""vm/numba_frontend.py's shortcuts must give numba's own answers."""

import itertools
import operator

from numba.core import compiler, types
from numba.core.registry import cpu_target

from vm import numba_frontend

numba_frontend.install()     # (as vm/jit.py does on import)


def _flag_variants():
    names = ["boundscheck", "no_cpython_wrapper", "nrt", "debuginfo"]
    variants = [compiler.Flags()]
    for name, value in itertools.product(names, [True, False, None]):
        flags = compiler.Flags()
        try:
            setattr(flags, name, value)     # (None is not valid for every option)
        except (TypeError, ValueError):
            continue
        variants.append(flags)
    both = compiler.Flags()
    both.boundscheck, both.nrt = True, False
    variants.append(both)
    return variants


def test_flags_equality_and_hash_match_numba():
    variants = _flag_variants()
    assert len(variants) > 8
    for a in variants:
        for b in variants:
            assert numba_frontend._config_eq(a, b) == numba_frontend._numba_eq(a, b)
        assert numba_frontend._config_hash(a) == numba_frontend._numba_hash(a)
    # a set option equal to its default compares equal to an unset one
    explicit = compiler.Flags()
    explicit.nrt = compiler.Flags().nrt
    assert numba_frontend._config_eq(explicit, compiler.Flags())
    assert numba_frontend._numba_eq(explicit, compiler.Flags())


def _typing_of(fnty, args):
    return fnty.get_call_type(cpu_target.typing_context, args, {})


def test_memoized_typing_matches_numba():
    context = cpu_target.typing_context
    context.refresh()
    add = context.resolve_value_type(operator.add)
    getitem = context.resolve_value_type(operator.getitem)
    cases = [(add, (types.int64, types.int64)), (add, (types.float64, types.int64)),
             (getitem, (types.int64[::1], types.uint64))]
    for fnty, args in cases:
        own = numba_frontend._numba_get_call_type(fnty, context, args, {})
        with numba_frontend.amber_compiles():
            first = _typing_of(fnty, args)
            again = _typing_of(fnty, args)
        assert first == own and again is first
        assert fnty.__dict__["_amber_typings"]      # remembered inside


def test_no_memo_outside_amber_compiles():
    context = cpu_target.typing_context
    context.refresh()
    sub = context.resolve_value_type(operator.sub)
    sub.__dict__.pop("_amber_typings", None)
    sig = _typing_of(sub, (types.int32, types.int32))
    assert sig.return_type == types.int64
    assert "_amber_typings" not in sub.__dict__


def _variables(statements, rec_list_vars, monkeypatch):
    from numba.core import ir
    monkeypatch.setattr(ir.Inst, "_rec_list_vars", rec_list_vars)   # (numba recurses
    return [[v.name for v in stmt.list_vars()] for stmt in statements]  # through it)


def test_statement_variables_match_numba(monkeypatch):
    from numba.core.compiler import run_frontend
    from vm import interp
    func_ir = run_frontend(interp.do_call.py_func)
    statements = [stmt for block in func_ir.blocks.values() for stmt in block.body]
    assert len(statements) > 500
    theirs = _variables(statements, numba_frontend._numba_rec_list_vars, monkeypatch)
    ours = _variables(statements, numba_frontend._rec_list_vars, monkeypatch)
    assert ours == theirs
    assert sum(len(names) > 1 for names in theirs) > 300
