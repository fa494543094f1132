"""`njit` for the VM's numba code: explicit signatures, compiled on first use.

numba's `njit(signature)` compiles (or loads from the cache) at decoration time, so
importing the VM loaded every signed helper from numba's cache, each with a copy of
all the code it calls: about 0.6 s of a 1.4 s warm start, for functions that a run
mostly never calls from Python (the interpreter's cached machine code already holds
everything it calls).  This `njit` keeps the signature (so numba still compiles one
specialization, not one per argument-type mix at the call sites: `fail()` had been
compiled 59 times) but compiles it when the function is first needed: when numba
types a call to it inside another function, or when Python first calls it.

Only the functions in ENTRY_POINTS are called from Python by the host (an
EntryDispatcher: numba's wrappers, cached).  Numba code never calls those versions:
every function, entry point or not, has an InternalDispatcher compiled without
numba's Python and C wrappers (`no_cpython_wrapper`, `no_cfunc_wrapper`), and that
is what numba code is typed against (an EntryDispatcher's `_numba_type_`).  Unboxing
the 22-int state tuple made each function's wrappers a good part of what numba
lowered, optimized and turned into machine code.  Calling a non-entry function from
Python still works (tests do): it compiles a private copy with wrappers on first use
(not cached).  tests/test_jit.py checks that every vm function the host modules name
is in ENTRY_POINTS.

No machine code for helpers, and each helper optimized once per entry point.  numba
gives every compiled function a library that links in the code of everything it
calls, optimizes the whole at -O3 and turns it into machine code; a caller links
that IR again and does the same, so the -O3 work was repeated at every level of the
call tree (38.9 of 110 CPU seconds of a cold start went to 470 such -O3 runs), and
the machine code of a function only numba code calls is never run (its callers
carry their own copy).  Such a function gets an `IRLibrary`: its own module, run
through numba's per-function passes and -O3 on its own (its callees are only
declarations there), never linked with its callees, never turned into machine code,
not cached.  An entry point's `RootLibrary` gathers every IRLibrary it reaches
(through any depth) into one module, optimizes that at -O3 (so the callees are
simplified and inlined into each other in context, as in numba's nested libraries),
links the result into its own module, optimizes that once more and makes machine
code.  The entry point's own function thus gets the same final passes over callees
optimized as before, and the loop's speed is unchanged.  Cold `amber run hello.py`,
measured in pairs with the previous scheme: 135 -> 102 and 128 -> 96 CPU seconds
(-25%); see docs/performance.md for the measurements and the
variants tried (linking the helpers' own modules into the entry point and optimizing
the whole only there was cheaper still but made the loop slower: int_loop +19% and
gen_pipeline +23% without the helpers' own -O3, nbody and nqueens +5% with it,
nbody +4% with three -O3 rounds over the whole).

Why the helpers' modules are linked as external definitions: numba makes each
exported definition `linkonce_odr` for linking (`_get_module_for_linking`), and
LLVM's linker copies a linkonce definition only if the destination module refers to
it when that module is linked in, so a helper linked before its first caller was
dropped and its symbol left undefined (the segfault of session 8's attempt).  Linked
as external definitions all are kept, in any order; they become linkonce_odr
(discardable: -O3 deletes what it inlined everywhere) before the entry point's
module takes what it uses.

Every entry point declares the signature the host calls it with, so that a cold
start can compile them all ahead of use (vm/precompile.py: in a second process,
while this one compiles the loop).  An entry point that numba code also calls
declares it with `entry_sig=`: it binds only the host's version, and numba
callers keep numba's specialization per call site (copies for literal arguments,
constant-folded: declaring the signature for those too cost richards 2-3% in
session 9).
"""

import llvmlite.binding as ll
from llvmlite import ir
from numba.core import cgutils
from numba.core import compiler as _compiler
from numba.core import types as _types
from numba.core import typeinfer
from numba.core.codegen import JITCodeLibrary
from numba.core.compiler_lock import require_global_compiler_lock
from numba.core.environment import lookup_environment
from numba.core.registry import CPUDispatcher
from numba.extending import intrinsic

from . import numba_frontend, precompile

numba_frontend.install()

__all__ = ["njit", "ENTRY_POINTS", "call_entry_at", "native_address"]

# "module.function" of every numba function the host calls from Python.
ENTRY_POINTS = frozenset({
    "arith.list_extend_inplace",
    "heap.collect", "heap.dict_delete_entry", "heap.dict_get", "heap.dict_rows",
    "heap.dict_set", "heap.dict_set_need", "heap.hash_value", "heap.is_hashable",
    "heap.new_dict", "heap.new_list", "heap.new_obj", "heap.new_str", "heap.new_tuple",
    "heap.new_vals", "heap.reserve", "heap.script_hashed",
    "interp.call_function_at", "interp.call_prelude", "interp.cold_a", "interp.cold_b",
    "interp.load_attr_obj", "interp.method_applies", "interp.run", "interp.store_attr_obj",
    "natives.call_builtin", "natives.call_method", "natives.dict_copy", "natives.exc_subclass",
    "natives.type_of", "fastpath.is_descriptor",
    "objects.attr_dict", "objects.class_of", "objects.dict_find", "objects.mro_lookup",
    "objects.new_bound", "objects.special_lookup", "objects.wrapped",
    "seq.materialize",
    "sets.add_entry", "sets.build_rows", "sets.new_set",
    # called by snapshot/checks.py's numba code
    "heap.dict_reindex", "sets.rehash",
})


def entry_name(func) -> str:
    return f"{func.__module__.rsplit('.', 1)[-1]}.{func.__name__}"


class _EnvLater:
    """The codegen as an IRLibrary shows it to numba: the environment pointer that
    numba writes into a compiled function's global has no machine code to go to yet
    (RootLibrary writes it once the code that uses it exists)."""

    def __init__(self, library):
        self._library = library

    def set_env(self, env_name, env):
        self._library._envs.append(env)         # (kept alive with the library)

    def __getattr__(self, name):
        return getattr(self._library._codegen, name)


class IRLibrary(JITCodeLibrary):
    """The code of a function only numba code calls: its own module (per-function
    passes, then -O3 on its own: its callees are declarations here), never linked
    with its callees, never turned into machine code, not cached.  The entry points
    that reach it link it."""

    def __init__(self, codegen, name):
        super().__init__(codegen, name)
        self._envs = []

    @property
    def codegen(self):
        return _EnvLater(self)

    def finalize(self):
        # numba's CPUCodeLibrary.finalize without linking the callees' libraries
        # (RootLibrary links every library it reaches, once) and without
        # _finalize_final_module (machine code).  This -O3 is cheap (one function)
        # and hands the entry point's -O3 simplified bodies.
        self._raise_if_finalized()
        self._optimize_final_module()
        self._final_module.verify()
        self._finalize_dynamic_globals()
        self._finalized = True

    def get_pointer_to_function(self, name):
        self._ensure_finalized()
        return 0            # none: Python never calls it (InternalDispatcher.__call__)

    def _get_module_for_linking(self):
        # For a library of numba's own pipeline (snapshot/checks.py's @numba.njit
        # code calls heap.dict_reindex and sets.rehash), which links only what its
        # callees' libraries hand it: this function and everything it reaches, as
        # numba's nested libraries had it (not optimized here: that library's -O3
        # does it).  RootLibrary does not use this.
        self._ensure_finalized()
        if self._shared_module is None:
            ours, others = _reached(self)
            for library in ours + others:
                self._reload_init.update(library._reload_init)
            module = _link_closure(self._codegen, self.name, [self] + ours, others)
            _make_linkonce(module)
            self._shared_module = module
        return self._shared_module


def _reached(root):
    """The libraries `root` reaches: every IRLibrary through any depth (each once),
    and the libraries numba made for its own functions (each of those already
    carries its callees' code: not followed)."""
    ours, others, seen = [], [], {root}
    stack = [root]
    while stack:
        for library in stack.pop()._linking_libraries:
            if library not in seen:
                seen.add(library)
                if isinstance(library, IRLibrary):
                    ours.append(library)
                    stack.append(library)
                else:
                    others.append(library)
    return ours, others


def _link_closure(codegen, name, ours, others):
    """One module holding the own modules of the IRLibraries `ours` and, after them,
    the libraries numba made that they call (`others`)."""
    closure = ll.parse_assembly(str(codegen._create_empty_module(name)))
    for library in ours:            # external definitions: all kept, in any order
        closure.link_in(library._final_module, preserve=True)
    for library in others:          # linkonce: after their users, or they are dropped
        closure.link_in(library._get_module_for_linking(), preserve=True)
    return closure


def _make_linkonce(module):
    # as numba's _get_module_for_linking: any number of modules may define them
    for fn in module.functions:
        if not fn.is_declaration and fn.linkage == ll.Linkage.external:
            fn.linkage = "linkonce_odr"


class RootLibrary(JITCodeLibrary):
    """An entry point's library: its own module linked with the -O3'd closure of the
    IRLibraries it reaches and with numba's own libraries, -O3 once more, machine
    code, cached.  It also points the environment globals of the IRLibrary
    functions it contains at their environments."""

    def finalize(self):
        # numba's CPUCodeLibrary.finalize with another linking step
        require_global_compiler_lock()
        self._codegen._check_llvm_bugs()
        self._raise_if_finalized()
        ours, others = _reached(self)
        for library in ours + others:
            self._reload_init.update(library._reload_init)
        module = self._final_module
        if ours:
            module.link_in(self._optimized_closure(ours, others))
        for library in others:      # (linkonce: only what the module refers to)
            module.link_in(library._get_module_for_linking(), preserve=True)
        defined = {fn.name for library in ours for fn in library._final_module.functions
                   if not fn.is_declaration}
        missing = [fn.name for fn in module.functions
                   if fn.is_declaration and fn.name in defined]
        if missing:                 # (the machine code would crash: say so instead)
            raise AssertionError(f"{self.name}: functions left undefined: {missing}")
        self._optimize_final_module()
        self._final_module.verify()     # (the passes may replace the module object)
        self._finalize_final_module()

    def _optimized_closure(self, ours, others):
        """One module with every reached helper's code, optimized at -O3 as a whole
        (helpers simplified and inlined into each other bottom-up, as in numba's
        nested libraries), its definitions made linkonce_odr so that the entry
        point's module takes only what it uses."""
        closure = _link_closure(self._codegen, self.name, ours, others)
        own, self._final_module = self._final_module, closure
        try:
            self._optimize_final_module()      # (numba's passes on self._final_module)
            closure = self._final_module
        finally:
            self._final_module = own
        _make_linkonce(closure)
        return closure

    def serialize_using_object_code(self):
        """numba's cache entry: the machine code, and the module another library
        would link to inline this one's functions.  None does: numba code calls an
        entry point's IRLibrary twin.  Parsing that module back was about 40% of
        loading the loop from the cache (0.34 of 0.83 s on a loaded machine), so the
        entry holds a module of empty functions instead, named as the ones the
        machine code defines: loading fills the JIT's table of defined names from
        it, which get_pointer_to_function consults."""
        self._ensure_finalized()
        names = ir.Module(name=self.name)
        for fn in self._final_module.functions:
            if not fn.is_declaration:
                stub = ir.Function(names, ir.FunctionType(ir.VoidType(), []), name=fn.name)
                ir.IRBuilder(stub.append_basic_block()).ret_void()
        bitcode = ll.parse_assembly(str(names)).as_bitcode()
        return (self.name, "object", (self._get_compiled_object(), bitcode))

    def _finalize_final_module(self):
        super()._finalize_final_module()
        engine = self._codegen._engine
        for gv in self._final_module.global_variables:
            if gv.name.startswith("_ZN08NumbaEnv"):
                env = lookup_environment(gv.name)
                if env is not None and engine.get_global_value_address(gv.name):
                    self._codegen.set_env(gv.name, env)


def _pipeline(library_class):
    class Pipeline(_compiler.Compiler):
        def compile_extra(self, func):
            if self.state.library is None:
                library = library_class(self.state.targetctx.codegen(), func.__qualname__)
                library.enable_object_caching()
                self.state.library = library
            with numba_frontend.amber_compiles():
                return super().compile_extra(func)
    Pipeline.__name__ = f"Amber{library_class.__name__}Pipeline"
    return Pipeline


ROOT_PIPELINE = _pipeline(RootLibrary)
IR_PIPELINE = _pipeline(IRLibrary)


class LazyDispatcher(CPUDispatcher):
    """A dispatcher that compiles its declared signatures on first use, then (as
    `njit(signature)` does) refuses to compile any other specialization."""

    _declared: tuple = ()

    def _compile_declared(self):
        sigs, self._declared = self._declared, ()
        if sigs:
            with typeinfer.register_dispatcher(self):
                for s in sigs:
                    self.compile(s)
            self.disable_compile()

    _unliteral = True       # see njit's specialize_constants

    def get_call_template(self, args, kws):        # a call typed inside numba code
        if self._declared:
            self._compile_declared()
        elif self._unliteral:
            args = tuple(_types.unliteral(a) for a in args)
            kws = {k: _types.unliteral(v) for k, v in kws.items()}
        return super().get_call_template(args, kws)

    def _compile_for_args(self, *args, **kws):     # the first call from Python
        if self._declared:
            self._compile_declared()
            return self                            # the C dispatcher calls it again
        return super()._compile_for_args(*args, **kws)


class InternalDispatcher(LazyDispatcher):
    """A function only numba code calls: compiled without Python wrappers.  A call
    from Python goes to a private copy compiled with them (made on first use)."""

    _twin = None

    def __call__(self, *args, **kws):
        if self._twin is None:
            options = {k: v for k, v in self.targetoptions.items()
                       if k not in ("no_cpython_wrapper", "no_cfunc_wrapper")}
            twin = LazyDispatcher(py_func=self.py_func, locals={}, targetoptions=options,
                                  pipeline_class=ROOT_PIPELINE)
            twin._declared = self._declared_sigs
            self._twin = twin          # not cached: the cache entry is the wrapperless one
        return self._twin(*args, **kws)


class EntryDispatcher(LazyDispatcher):
    """An entry point: Python calls this (wrappers, RootLibrary, cached); numba code
    that calls it is typed against `ir`, its IRLibrary twin, so an entry point
    reached from the loop is compiled once, inside the loop, not also on its own."""

    ir = None

    @property
    def _numba_type_(self):
        return _types.Dispatcher(self.ir)

    def _compile_declared(self):
        if self._declared:          # (the loop on a cold cache: compile the others too)
            from . import CACHE_DIR
            precompile.entry_compile_starting(self, CACHE_DIR)
        super()._compile_declared()


def njit(*args, entry_sig=None, **options):
    """numba.njit with lazy explicit signatures: `@njit(sig, cache=..., inline=...)`
    or `@njit(cache=...)` (no signature: one specialization per argument types).
    `entry_sig`: an entry point's signature(s) for the host's calls only.

    A constant argument at a call site (`object_service(st, 2)`) is typed as
    `Literal[int](2)`, and numba compiles a specialization for each such constant
    (and for each constant those pass on): 83 of a cold start's 402 compilations.
    Here constants are typed as their plain types unless `specialize_constants=True`,
    kept where the specialization pays: cold start 80.3 -> 69.3 CPU s measured side
    by side, bench programs at parity (ABBA, CPU: richards 0.99, nqueens 1.00,
    method_calls 0.99, fib 1.00; with every function unspecialized, as in session 9,
    richards was 2-3% slower)."""
    sigs = ()
    if args and not callable(args[0]):
        sigs = tuple(args[0]) if isinstance(args[0], (list, tuple)) else (args[0],)
        args = args[1:]
    if args:
        raise TypeError("njit: use @njit(...) with keyword options")
    cache = options.pop("cache", False)
    specialize = options.pop("specialize_constants", False)
    options.setdefault("nopython", True)
    options.setdefault("boundscheck", None)

    def wrap(func):
        ir = InternalDispatcher(py_func=func, locals={}, targetoptions=dict(
            options, no_cpython_wrapper=True, no_cfunc_wrapper=True),
            pipeline_class=IR_PIPELINE)
        ir._declared_sigs = ir._declared = sigs
        ir._unliteral = not specialize
        if entry_name(func) not in ENTRY_POINTS:
            return ir           # (not cached: an IRLibrary has no machine code to save)
        disp = EntryDispatcher(py_func=func, locals={}, targetoptions=dict(options),
                               pipeline_class=ROOT_PIPELINE)
        disp.ir = ir
        if cache:
            disp.enable_caching()
        host = sigs if entry_sig is None else (
            tuple(entry_sig) if isinstance(entry_sig, (list, tuple)) else (entry_sig,))
        disp._declared_sigs = disp._declared = host
        disp._unliteral = not specialize
        return disp
    return wrap


# ---------------------------------------------------------------------------
# Calls between separately compiled entry points
# ---------------------------------------------------------------------------

def native_address(dispatcher) -> int:
    """The machine-code address of an entry point's own function (numba's calling
    convention, not its Python or C wrapper), compiled or loaded from the cache
    first.  The loop calls interp.cold_a and cold_b through it (`call_entry_at`)."""
    dispatcher._compile_declared()
    (cres,) = dispatcher.overloads.values()
    address = cres.library.get_pointer_to_function(cres.fndesc.llvm_func_name)
    if not address:
        raise RuntimeError(f"no machine code for {entry_name(dispatcher.py_func)}")
    return address


def _call_entry_at(typingctx, address, a, b, c, d, e):
    """Call the numba function at `address` (native_address) with five arguments; it
    returns an int64.  The callee is compiled and cached as an entry point of its
    own, so the caller's compile neither types nor optimizes it: the loop's cold
    helpers are compiled that way, in the second compile process of a cold start
    while this one compiles the loop (vm/precompile.py).  An exception the callee
    raises is passed on, as numba does for a direct call."""
    if not isinstance(address, _types.Integer):
        return None
    int64 = _types.int64
    signature = int64(address, a, b, c, d, e)

    def codegen(context, builder, sig, values):
        argtys = sig.args[1:]
        fnty = context.call_conv.get_function_type(int64, argtys)
        callee = builder.inttoptr(values[0], fnty.as_pointer())
        status, result = context.call_conv.call_function(builder, callee, int64, argtys,
                                                         values[1:])
        with cgutils.if_unlikely(builder, status.is_error):
            context.call_conv.return_status_propagate(builder, status)
        return result
    return signature, codegen


call_entry_at = intrinsic(_call_entry_at)
