"""The shape of VM state: value tags, object kinds, and the columns of every array.

All of a VM's state is a handful of numpy arrays (see state.py).  This module names
the rows and columns of those arrays so that the interpreter (numba), the host-side
services (Python) and the snapshot code agree.  Everything here is a plain int, so
numba freezes them as compile-time constants.
"""

# ---- Value tags.  A value is two int64 words: (tag, payload). -------------------
# Tags below HEAP hold their payload inline; tags >= HEAP are heap objects whose
# payload is a row of the object table H, whose KIND column repeats the tag.
UNDEF = 0      # an unbound variable slot (never visible to scripts)
NONE = 1
BOOL = 2       # payload 0 or 1
INT = 3        # payload: the int64 itself
FLOAT = 4      # payload: the float64 bits
BUILTIN = 5    # payload: index into builtins.BUILTINS (functions, types, exception types)
METHOD = 6     # payload: index into builtins.METHODS; only between LOAD_METHOD and CALL_METHOD
HEAP = 8
STR = 8        # A: offset into CH, B: length in code points, C: hash, D: 1 once hashed
LIST = 9       # A: offset into V, B: length, C: capacity
TUPLE = 10     # A: offset into V, B: length, C: hash, D: 1 once hashed
DICT = 11      # A: entries offset in V (2 rows each: key, value), B: entries used,
               # C: entries capacity, D: index offset in V (rows: entry or -1, hash),
               # E: index size (a power of 2), F: live entries
FUNC = 12      # A: code id, B: defaults tuple row or -1, C: closure tuple row or -1,
               # D: keyword-only defaults tuple row or -1 (the code's FN_NKWDEFAULTS values)
CELL = 13      # A: tag, B: payload of the contained value (UNDEF when empty)
RANGE = 14     # A: start, B: stop, C: step
ITER = 15      # A: iterator kind (IT_*), B/C: source value (tag, payload), D: position,
               # E, F: kind-specific
SLICE = 16     # A: offset into V of 3 rows: start, stop, step
EXC = 17       # A: exception type (builtin id), B: args tuple row, C: traceback tuple
               # row (code id, instruction index pairs, outermost first) or -1;
               # D: attribute dict row or -1; E: the script's class row (a subclass of
               # the builtin type A) or -1
DICTVIEW = 18  # A: dict row, B: 0 keys, 1 values, 2 items
CLASS = 19     # A: name (STR row), B: namespace dict row, C: MRO tuple row (this class
               # first; CLASS values and BUILTIN types, ending with object), D: bases
               # tuple row, E: the builtin base instances are made from (OBJECT_ID, an
               # exception type's builtin id, or one of builtins.VALUE_BASES), F: bit
               # flags: 1 when its instances are, as dict keys and set elements, the value
               # they hold (heap.key_value), 2 when their __eq__ is script code
               # (heap.needs_script_eq, heap.script_hashed), 4 when a script __new__
               # makes them (a call of the class goes to the host, CLASS_NEW_BY_SCRIPT),
               # 8 when its instances are descriptors (it defines __get__, __set__ or
               # __delete__: reading or writing such a class attribute goes to the host)
CLASS_KEYS_BY_VALUE, CLASS_EQ_BY_SCRIPT, CLASS_NEW_BY_SCRIPT, CLASS_DESCRIPTOR = 1, 2, 4, 8
INSTANCE = 20  # A: class row, B: attribute dict row, C, D: the value of a builtin type
               # an instance of a subclass of that type holds (UNDEF, 0 for none);
               # E: its hash as its class's script __hash__ gave it, when F = 1 (cached
               # by the prelude before the instance is used as a dict key or set element)
BOUND = 21     # a bound method: A, B: self (tag, payload); C, D: function (tag, payload)
WRAPPER = 22   # A: WR_* kind, B: tuple row of what it wraps (property: fget, fset, fdel)
SUPER = 23     # A: the class to start after in the MRO, B, C: self (tag, payload)
GEN = 24       # a generator: A: function row, B: state (GEN_*), C: resume pc (absolute:
               # the instruction after its RETURN_GENERATOR + 1 or after a YIELD_VALUE),
               # D: offset into V of its slot region (gen_cap rows: locals, then operand
               # stack; 0 once done), E: saved slots (locals + stack; 0 while running or
               # done), F: 0 (reserved)
MODULE = 25    # A: module id (builtins.MODULES), B: namespace dict row (str -> value;
               # a builtin module's functions and constants), C: first global slot of
               # the module's own globals, D: const index of the tuple of their names
               # (C = D = -1 for builtin modules; a module written in the Amber subset
               # keeps its top-level names in globals G[C:C+len(names)], and an
               # attribute not in B is read from there: Program.modules)
BIGINT = 28    # an int outside int64 (ints that fit are always INT): A: offset into V,
               # B: number of 32-bit magnitude limbs (>= 2, the top one nonzero), stored
               # two per V row (column 0 the lower limb), least significant first;
               # C: sign (1 or -1)
MAX_INT_BITS = 1 << 22   # the largest int a script may hold, in bits (docs/language.md)
SET = 26       # A: table offset in V (2 rows per slot: (tag, payload), (hash, 0)),
               # B: used (live elements), C: fill (live + dummy slots), D: cached hash
               # (frozenset), E: table size (a power of 2, >= 8), F: pop finger
FROZENSET = 27  # as SET, except F: 1 once D holds the hash
RNG = 29       # the random module's generator state (never a value: only R_RNG names
               # it): MT19937 as CPython's _random.Random.  A: offset into V of
               # MT_ROWS rows holding the 624 32-bit words, two per row (column 0 the
               # even word 2i, column 1 the odd word 2i+1); B: the index of the next
               # word (0..624, 624: twist first); C: 1 when D holds gauss()'s cached
               # second value (CPython's gauss_next), else 0; D: its float64 bits (0
               # when C is 0); E, F: 0
MT_N = 624     # words of MT19937 state
MT_ROWS = MT_N // 2
NKINDS = 30    # rows of the method table (a BIGINT looks up methods in the INT row)

# Generator states (H[row, B] of a GEN object).
GEN_CREATED = 0    # made by RETURN_GENERATOR, body not started
GEN_SUSPENDED = 1  # stopped at a YIELD_VALUE
GEN_RUNNING = 2    # its frame is on F (exactly one frame, whose S[FR_RET] is the GEN)
GEN_DONE = 3       # returned, raised or closed
GEN_SLACK = 2      # gen_cap = locals + declared stack + this (the verifier's allowance)

# Iterator kinds (H[row, A] of an ITER object).
IT_SEQ = 0       # list or tuple: D index
IT_STR = 1       # str: D index
IT_RANGE = 2     # D current, E stop, F step
IT_DICT = 3      # source is the dict; D entry index; E: 0 keys, 1 values, 2 items
IT_ENUMERATE = 4  # source is an iterator; D count
IT_ZIP = 5       # source is a tuple of iterators
IT_REVERSED = 6  # list or tuple: D index counting down
IT_SET = 7       # set or frozenset: D next table slot, E the set's size when made

# ---- Object table H: one row per heap object. -------------------------------------
KIND, SERIAL, A, B, C, D, E, F = range(8)
HCOLS = 8
FREE_KIND = -1   # a free row; its A column links the free list

# ---- Frames F: one row per active call. -------------------------------------------
FR_CODE = 0      # code id
FR_PC = 1        # next instruction (callers) / current instruction (top frame, at exit)
FR_BASE = 2      # stack index of local 0; the callee sits at BASE - 1
FR_FUNC = 3      # function object row, or -1 for the module frame
FR_RET = 4       # stack slot that receives the return value
FR_FLAGS = 5     # how the return value is delivered (RET_*)
FRCOLS = 6

# Return modes (F[fp, FR_FLAGS]): what RETURN_VALUE does with the value.
RET_NORMAL = 0   # store it in S[FR_RET]; the caller continues at its FR_PC
RET_INIT = 1     # __init__ of a new instance: the value must be None; S[FR_RET] (the
                 # instance) stays; the caller's stack ends above it
RET_DISCARD = 2  # drop the value; the caller's stack ends below S[FR_RET] (setters)
RET_FOR_ITER = 3  # __next__ called by FOR_ITER: as RET_NORMAL, but StopIteration
                  # escaping the frame ends the loop (pop the iterator, jump)
# Generator frames (4-7): S[FR_RET] holds the GEN while it runs, FR_BASE > FR_RET.
# A yield stores the value in S[FR_RET] and the resumer continues at its FR_PC
# (except RET_GEN_CLOSE: RuntimeError); a return does what the mode says.
RET_GEN_FOR = 4    # resumed by FOR_ITER: a return pops the iterator and jumps to its target
RET_GEN_SEND = 5   # next()/send()/throw(): a return raises StopIteration(value) (next(g, d)
                   # gives d)
RET_GEN_YF = 6     # resumed by SEND (yield from): a return replaces the subiterator below
                   # S[FR_RET] by the value and jumps to SEND's target
RET_GEN_CLOSE = 7  # close(), or a subgenerator closed by its delegating generator: a return
                   # or an escaping GeneratorExit gives None (or, under a SEND, raises
                   # GeneratorExit in the delegating generator); a yield is a RuntimeError
RET_ATTR_PAIR = 8  # an attribute read by LOAD_METHOD that is not a method: store the
                   # value, then an empty self slot above it
RET_MAX = 8

# Wrapper kinds (H[row, A] of a WRAPPER).
WR_STATIC = 0
WR_CLASS = 1
WR_PROPERTY = 2

# ---- The prelude: Amber functions the VM calls (stdlib/prelude.py). -------------------
# Its functions live in the first global slots, in this order; after them come one
# slot per builtin (in builtins.BUILTINS order) holding the prelude function that
# replaces that builtin when an argument needs user code (or nothing).
PRELUDE_ENTRIES = ("NAMES", "binop", "compare", "truth", "unary", "format_value",
                   "call_ex", "iter_", "next_")
P_NAMES, P_BINOP, P_COMPARE, P_TRUTH, P_UNARY, P_FORMAT, P_CALL_EX, P_ITER, P_NEXT \
    = range(len(PRELUDE_ENTRIES))
# NAMES is a tuple of the str objects of the special method names the VM looks up:
SPECIAL_NAMES = ("__init__", "__bool__", "__len__", "__iter__", "__next__", "__getitem__",
                 "__setitem__", "__delitem__", "__call__", "__getattr__", "__contains__",
                 "__hash__", "__eq__")
N_INIT, N_BOOL, N_LEN, N_ITER, N_NEXT, N_GETITEM, N_SETITEM, N_DELITEM, N_CALL, \
    N_GETATTR, N_CONTAINS, N_HASH, N_EQ = range(len(SPECIAL_NAMES))
PRELUDE_PREFIX = "<prelude>."   # the prelude's global names start with this
PRELUDE_MODULE = 1   # FN_MODULE of the prelude's code (its builtin calls are never
                     # redirected to the prelude again)
STDLIB_MODULE = 2    # FN_MODULE of the code of the modules written in Amber (stdlib/*.py):
                     # left out of tracebacks like the prelude's, but their builtin calls
                     # are redirected to the prelude as the script's are
P_BUILTINS = len(PRELUDE_ENTRIES)   # slot of builtin bid's replacement: P_BUILTINS + bid


# ---- Code metadata FN: one row per code object. ------------------------------------
FN_ENTRY = 0     # index of the first instruction in CODE
FN_NPARAMS = 1   # positional parameters
FN_NLOCALS = 2   # local slots (parameters first)
FN_STACK = 3     # maximum operand-stack depth
FN_NDEFAULTS = 4  # number of default values MAKE_FUNCTION pops
FN_NFREE = 5     # free variables; they occupy the last NFREE local slots
FN_PARAMNAMES = 6  # const index of the tuple of parameter names
FN_NAME = 7      # const index of the function's name (a str)
FN_MODULE = 8    # module id: 0 the script, PRELUDE_MODULE the prelude
FN_NPOSONLY = 9  # positional-only parameters (the first ones)
FN_NKWONLY = 10  # keyword-only parameters; their slots follow the positional ones
FN_FLAGS = 11    # CO_VARARGS: a *args slot follows them; CO_VARKW: then a **kwargs slot
FN_NKWDEFAULTS = 12  # keyword-only defaults MAKE_FUNCTION pops (after the positional ones)
FN_KWDEFMAP = 13  # const index of a tuple of ints, one per keyword-only parameter: the
                  # index of its default in the function's D tuple, or -1; -1 if none
FNCOLS = 14

# Code flags (FN_FLAGS).
CO_VARARGS = 1
CO_VARKW = 2
CO_GENERATOR = 16  # contains yield: starts with RETURN_GENERATOR after its MAKE_CELLs

# ---- Attribute cache IC (vm/fastpath.py): never part of a snapshot. -----------------
# Row 0: IC_EPOCH, the cache's epoch (starts at 1; bumped by every change to any dict's
# set of keys or storage outside the instance-attribute fast path, and by every
# collection).  Rows 1..IC_ENTRIES: (class row, name str row, epoch, V row of the class
# attribute of that name along the class's MRO or -1 for none, entry index of the
# name in the last instance dict it was found in (a hint, checked on use), 0, 0, 0).
# An entry is valid only while its epoch is the current one, so a fresh (zeroed)
# cache, as made for a new VM or a loaded snapshot, holds nothing.
IC_ENTRIES = 512           # a power of 2
ICCOLS = 8
IC_CLS, IC_NAME, IC_EP, IC_CA, IC_HINT = range(5)
# Then the per-name sites: SITE_WORDS words for each constant of the program (an
# attribute instruction's argument is its name's constant), at word IC_SITE_BASE +
# SITE_WORDS * const of the flattened array, filled by the attribute instructions'
# fast paths (fastpath.site_load / site_store): the epoch the site's ways were filled
# in (SC_EP), the way to fill next (SC_NEXT), then SITE_WAYS ways of SC_WAY words, one
# per class seen with that name (up to SITE_WAYS classes): (class row, V row of the
# class attribute of that name along the class's MRO or -1, entry index of the name
# in the instance dict or -1 when the attribute is the class's).  Valid only while
# SC_EP is the current epoch, as the rows above; never part of a snapshot.
SITE_WAYS = 8
SC_WAY = 3
SITE_WORDS = 32           # 2 + SITE_WAYS * SC_WAY, rounded up to four cache lines
SC_EP, SC_NEXT, SC_WAY0 = 0, 1, 2
SC_CLS, SC_CA, SC_E = range(SC_WAY)      # within a way
IC_SITE_BASE = (IC_ENTRIES + 1) * ICCOLS


def ic_rows(nconsts):
    """Rows of the attribute cache of a program of nconsts constants."""
    return IC_ENTRIES + 1 + (SITE_WORDS * nconsts + ICCOLS - 1) // ICCOLS

# ---- Registers R: the scalars of a VM. -----------------------------------------------
R_SP = 0          # stack top (index of the first free slot)
R_FP = 1          # current frame (row of F)
R_FUEL = 2        # instructions left in this slice
R_COUNT = 3       # instructions executed so far (deterministic)
R_ERR = 4         # error code (ERR_*) when status is RAISE
R_ERR_A = 5       # error operands
R_ERR_B = 6
R_ERR_C = 7
R_SERVICE = 8     # builtin id to service when status is SERVICE
R_ARGC = 9        # its positional argument count (arguments are on the stack)
R_KWNAMES = 10    # const index of keyword names for a CALL_KW service, else -1
R_VTOP = 11       # first free row of V
R_CTOP = 12       # first free slot of CH
R_HFREE = 13      # head of the free list of H rows, -1 if empty
R_HTOP = 14       # first never-used row of H
R_SERIAL = 15     # next object serial number (object identity for id() and hashing)
R_NEED = 16       # what ran out when status is NEED_MEMORY (NEED_*)
R_NEED_N = 17     # how much is needed
R_HLIVE = 18      # number of live heap objects (as of the last allocation)
R_FRAMES_MAX = 19  # recursion limit (frames)
R_EXTRA = 20      # fuel owed for bulk work (copies, sorts, scans) by the last helper
R_DEEP = 21       # set when a comparison gave up: 1 cyclic or absurdly nested data, 2 an
                  # item's == is a script's __eq__ (the prelude runs the instruction)
# 22-24 free.
R_NBSLOTS = 25    # how many builtins the program's prelude has replacement slots for
                  # (P_BUILTINS + bid for bid below it; derived from the program's
                  # global names when a VM is made or a snapshot loaded, never trusted)
# The random module's generator lives in the heap (an RNG object, made on the first
# use of the module), so programs that never use it carry none.
R_RNG = 26        # row of the RNG object, -1 until the random module is first used
R_RNG_SEED = 27   # the default seed: what a fresh generator and seed(None) use
                  # (0, or the host's VM(random_seed=)); any int64
# 28-31 free (zero).
NREGS = 32

# ---- Status codes returned by the interpreter loop. -----------------------------------
ST_RUNNING = 0
ST_FINISHED = 1
ST_FUEL = 2        # fuel exhausted at an instruction boundary
ST_SERVICE = 3     # the host must complete the current instruction (a builtin call)
ST_NEED_MEMORY = 4  # the host must collect or grow, then re-enter; nothing was done
ST_RAISE = 5       # an error was detected; R_ERR* describe it; the host builds the exception

# What ran out (R_NEED).
NEED_STACK = 1
NEED_FRAMES = 2
NEED_OBJECTS = 3
NEED_VALUES = 4
NEED_CHARS = 5

# ---- Error codes (R_ERR); the host turns them into exception objects. -------------
ERR_NONE = 0
ERR_NAME = 1          # A: const index of the name
ERR_UNBOUND_LOCAL = 2  # A: local index (name found via the code's local names)
ERR_BINOP_TYPES = 3   # A: op, B: left tag, C: right tag
ERR_UNARY_TYPE = 4    # A: op, B: tag
ERR_CMP_TYPES = 5     # A: cmp op, B: left tag, C: right tag
ERR_ZERO_DIV = 6      # A: 0 division by zero, 1 integer division or modulo by zero,
                      #    2 float floor division, 3 float modulo, 4 0.0 ** negative
ERR_OVERFLOW = 7      # A: 1 float result too large, 2 int too large to convert to float
ERR_INDEX = 8         # A: which sequence kind (tag), B: 0 read, 1 assignment, 2 pop
ERR_KEY = 9           # the key is in R_ERR_B/C (tag, payload)
ERR_NOT_CALLABLE = 10  # B: tag
ERR_NOT_ITERABLE = 11  # B: tag
ERR_NOT_SUBSCRIPTABLE = 12  # B: tag, A: 0 read, 1 store, 2 delete
ERR_ARGS = 13         # A: code id, B: given count, C: detail (ARGS_*)
ERR_ATTR = 14         # A: const index of name, B: tag
ERR_UNPACK = 15       # A: expected, B: got, C: 1 too many / 0 not enough / 2 not enough
                      #    for a starred target (expected at least A)
ERR_VALUE = 16        # A: message id (VALUE_*), B, C: operands
ERR_TYPE = 17         # A: message id (TYPE_*), B, C: operands
ERR_RECURSION = 18
ERR_MEMORY = 19
ERR_BUILTIN_ARGS = 20  # A: builtin id, B: given, C: detail
ERR_INDICES = 21      # B: tag of the bad index, A: container tag
ERR_UNHASHABLE = 22   # B: tag
ERR_EXCEPTION = 23    # a script raised the exception object on top of the stack
ERR_RAISE = 24        # A: RAISE_* (what was wrong with a raise or an except clause)
ERR_STOP_ITERATION = 25  # next() on an exhausted iterator; A = 1: a generator returned
                         # the value in B/C (tag, payload): StopIteration(value)
ERR_GEN = 26          # A: GENERR_*, B: a tag for messages

# Details of ERR_GEN.
GENERR_RUNNING = 0     # ValueError: generator already executing
GENERR_IGNORED = 1     # RuntimeError: generator ignored GeneratorExit
GENERR_SEND_FIRST = 2  # TypeError: can't send non-None value to a just-started generator
GENERR_THROW_TYPE = 3  # TypeError: exceptions must be classes or instances deriving from
                       # BaseException, not <B's type>
GENERR_ARGS = 4        # TypeError: bad argument count to a generator method (B: method id)
GENERR_YF_OBJECT = 5   # TypeError: yield from over a script object (not supported yet; B: tag)

# Details of ERR_RAISE.
RAISE_NOT_EXCEPTION = 0   # raise of something that is not an exception
RAISE_NO_ACTIVE = 1       # bare raise with no exception being handled
RAISE_BAD_CATCH = 2       # except clause naming something that is not an exception type
RAISE_BAD_CAUSE = 3       # raise ... from something that is not an exception or None

# Details of ERR_ARGS.
ARGS_COUNT = 0        # wrong positional count
ARGS_UNEXPECTED_KW = 1  # R_ERR_C holds the const index of the name... (see services)
ARGS_DUPLICATE_KW = 2
ARGS_MISSING = 3      # C: index of the first missing parameter
ARGS_MISSING_KWONLY = 4
ARGS_KW_NOT_STR = 5   # a ** mapping with a key that is not a str
# (the host re-creates the call in CPython for the exact message: the detail is a hint)
