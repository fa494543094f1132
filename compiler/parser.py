"""Amber's parser: Python-subset source text -> ``compiler.ast.Module``.

The pipeline is lark's LALR(1) parser over ``grammar.lark``:

    text --lark lexer--> tokens --_PostLexer--> tokens + INDENT/DEDENT --LALR--> _Builder callbacks

``_Builder`` is an *inline* transformer: lark calls its methods while it reduces, so the AST
is built in one pass, without an intermediate parse tree and without recursion (deeply
nested input cannot overflow the Python stack). Positions and error locations follow
CPython 3.11 (``ast.parse`` / ``compile``), which the tests use as the oracle.

Parenthesized expressions travel between callbacks wrapped in ``_Paren``: CPython gives a
parenthesized node its own span but lets the *enclosing* node start or end at the
parenthesis, and a few rules care whether a target was parenthesized.
"""

from __future__ import annotations

import gc
import hashlib
import re
import sys
import threading
import unicodedata
from pathlib import Path

import lark
from lark import Token
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken
from lark.indenter import Indenter

from . import ast
from .errors import (
    AmberIndentationError,
    AmberSyntaxError,
    AmberTabError,
    UnsupportedFeatureError,
    make_error,
)

__all__ = ["parse", "get_parser"]

GRAMMAR_PATH = Path(__file__).with_name("grammar.lark")

MAX_PAREN_DEPTH = 200     # CPython's tokenizer limit (MAXLEVEL)
MAX_INDENT_DEPTH = 100    # CPython's tokenizer limit (MAXINDENT)
MAX_AST_DEPTH = 1000      # deeper trees would overflow the recursive passes after us


# ====================================================================== public entry point

def parse(source: str, filename: str = "<script>") -> ast.Module:
    """Parse ``source`` into an ``ast.Module``.

    Accepts what CPython 3.11's ``ast.parse`` accepts (minus what Amber does not support),
    and produces the same tree with the same positions. Every failure, whatever the input,
    is an ``AmberSyntaxError`` (or its ``AmberIndentationError``/``UnsupportedFeatureError``
    subclasses) carrying ``filename``, line, column and the offending source line.
    """
    if not isinstance(source, str):
        raise TypeError("parse() expects the source as a str")
    if "\0" in source:                      # CPython refuses these before tokenizing
        raise AmberSyntaxError("source code string cannot contain null bytes")
    src = _Source(source)
    try:
        module = _parse_text(src, "file_input")
        _finish(module, src)
    except AmberSyntaxError as error:
        raise _located(error, src, filename) from None
    except RecursionError:
        raise _located(_error("too many nested expressions", 1, 1), src, filename) from None
    except Exception as bug:   # never let an internal failure escape as something else
        error = _error("invalid syntax (internal parser error: %s)" % type(bug).__name__, 1, 1)
        raise _located(error, src, filename) from bug
    return module


def get_parser() -> lark.Lark:
    """The process-wide lark parser (built, or loaded from the cache, on first use)."""
    global _PARSER
    if _PARSER is None:
        with _PARSER_LOCK:
            if _PARSER is None:
                # Loading the cached tables allocates ~10^4 objects; in a process that
                # already holds a large heap (numba), cyclic GC passes would dominate.
                collecting = gc.isenabled()
                gc.disable()
                try:
                    _PARSER = _build_parser()
                finally:
                    if collecting:
                        gc.enable()
    return _PARSER


_PARSER: lark.Lark | None = None
_PARSER_LOCK = threading.Lock()


# ====================================================================== building lark

def _build_parser() -> lark.Lark:
    """Build the LALR parser, caching lark's analysis in a private per-user directory.

    lark's cache is a pickle, so it is only read from a directory the user owns (never a
    shared temp dir). lark checks a hash of the grammar and options stored in the file,
    and rebuilds and rewrites a stale, truncated or corrupt file (so two processes racing
    to write it heal on the next start). No writable cache: no cache.
    """
    grammar = GRAMMAR_PATH.read_text(encoding="utf-8")
    options = dict(
        parser="lalr",
        lexer="basic",
        postlex=_PostLexer(),
        transformer=_Builder(),
        start=["file_input", "fstring_input"],
        maybe_placeholders=True,
    )
    cache_file = _cache_file(grammar)
    if cache_file is None:
        return lark.Lark(grammar, **options)
    return lark.Lark(grammar, cache=str(cache_file), **options)


def _cache_file(grammar: str) -> Path | None:
    """Where lark's analysis of this grammar is cached (a pickle: only in the private
    folder compiler.cache chooses), or None if there is none usable."""
    from .cache import cache_dir
    directory = cache_dir()
    if directory is None:
        return None
    key = f"{grammar}\0{lark.__version__}\0{sys.version_info[:2]}"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
    return directory / f"parser-{digest}.lark-cache"


# ====================================================================== source and errors

class _Source:
    """The text being parsed and what the token stream learned for error messages."""

    def __init__(self, text: str):
        # CPython's tokenizer reads \r\n and \r as \n, and adds a final newline.
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.added_newline = not text.endswith("\n")
        self.text = text + "\n" if self.added_newline else text
        self._lines: list[str] | None = None
        self.block_opener: Token | None = None   # first token of the last logical line
        self.last_token: Token | None = None     # the last token handed to the parser
        self.scanning_for: int | None = None     # see _overriding_error
        self.brackets: list[Token] = []          # brackets open at the post-lexer
        self.line_first: Token | None = None     # first token of the current logical line

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.text.split("\n")
        return self._lines

    def line(self, lineno: int) -> str | None:
        if 1 <= lineno <= len(self.lines):
            return self.lines[lineno - 1]
        return None


class _TokenizerError(Exception):
    """An error found while tokenizing. Unlike parser errors it is final: it is not
    replaced by a later tokenizer error (see ``_overriding_error``). ``overrides`` tells
    whether it replaces an earlier parser error when found by that scan, as CPython's
    tokenizer errors do, except those about indentation and line continuations."""

    def __init__(self, error: AmberSyntaxError, overrides: bool = True):
        super().__init__(error)
        self.error = error
        error.from_tokenizer = True
        self.overrides = overrides and not isinstance(error, AmberIndentationError)


def _error(msg, lineno, offset, end_lineno=None, end_offset=None, cls=AmberSyntaxError):
    return make_error(cls, msg, lineno, offset, end_lineno, end_offset)


def _error_at(msg, first, last=None, cls=AmberSyntaxError):
    """An error spanning ``first``..``last`` (tokens or nodes; columns 0-based in chars)."""
    line, col = _start(first)
    end_line, end_col = _end(last if last is not None else first)
    return make_error(cls, msg, line, col + 1, end_line, end_col + 1)


def _located(error: AmberSyntaxError, src: _Source, filename: str) -> AmberSyntaxError:
    """Fill in the filename and source line, as CPython's SyntaxError carries them."""
    lineno = error.lineno or 1
    text = src.line(lineno)
    if text is not None:
        text += "\n"
    located = type(error)(error.msg, (filename, lineno, error.offset, text,
                                      error.end_lineno, error.end_offset))
    return located


# ====================================================================== running lark

_contexts = threading.local()


def _parse_text(src: _Source, start: str):
    """Run lark on ``src``; convert every lark failure into an AmberSyntaxError."""
    stack = getattr(_contexts, "stack", None)
    if stack is None:
        stack = _contexts.stack = []
    stack.append(src)
    failed_at = None                             # the token lark could not accept
    try:
        return get_parser().parse(src.text, start=start)
    except _TokenizerError as failure:
        raise failure.error from None
    except UnexpectedCharacters as failure:
        error = _lexer_error(failure, src)
        if error.msg != "invalid syntax":        # a stray `$` is a parser error for CPython
            error.from_tokenizer = True
            raise error from None
        reached = failure.line
    except UnexpectedToken as failure:
        error = _parser_error(failure, src)
        reached = failure.token.line if failure.token.type != "$END" else src.text.count("\n")
        failed_at = failure.token
    except UnexpectedInput as failure:
        error = _error("invalid syntax", failure.line or 1, failure.column or 1)
        reached = error.lineno
    except AmberSyntaxError as failure:          # raised by a _Builder callback
        error = failure
        reached = src.last_token.line if src.last_token is not None else error.lineno
    finally:
        stack.pop()
    # `reached`: the line of the token the parser had read when it failed.
    raise _overriding_error(src, error, reached or 1, failed_at) or error


def _current_source() -> _Source:
    return _contexts.stack[-1]


def _overriding_error(src: _Source, error: AmberSyntaxError, reached: int,
                      failed_at: Token | None = None) -> AmberSyntaxError | None:
    """The error CPython would report instead of a parser error, if any.

    After a parser error CPython tokenizes the rest of the file: a tokenizer error there
    (unterminated string, invalid character, unmatched bracket...) wins, and so does a
    bracket left open on a line before the line the parser had read up to ("'(' was never
    closed"). CPython's error pass reads on through an expression that starts at the
    failing token, so when that expression runs into the end of the file, any bracket
    left open counts.
    """
    if isinstance(error, UnsupportedFeatureError) or error.msg == "unexpected indent":
        return None
    text = src.text
    for _ in range(100):                # each round blanks out one stray character
        scan = _Source(text)
        scan.scanning_for = reached
        operand = None
        if failed_at is not None and (failed_at.type in _EXPRESSION_STARTS or failed_at.type in _OPENERS):
            operand = _TrailingOperand(failed_at.start_pos)
        _contexts.stack.append(scan)
        try:
            for token in get_parser().lex(scan.text):
                if operand is not None:
                    operand.feed(token)
                    scan.scanning_for = sys.maxsize if operand.open else reached
            return None
        except _TokenizerError as failure:
            return failure.error if failure.overrides else None
        except UnexpectedCharacters as failure:
            found = _lexer_error(failure, scan)
            if found.msg != "invalid syntax":    # not just a stray character like `$`
                # CPython's error pass fetches the token that follows its expression.
                fetched = operand is not None and operand.open
                return found if fetched or _LEXER_ERRORS_OVERRIDE.match(found.msg) else None
            position = failure.pos_in_stream
            text = text[:position] + " " + text[position + 1:]
        except (AmberSyntaxError, UnexpectedInput):
            return None
        finally:
            _contexts.stack.pop()
    return None


class _TrailingOperand:
    """Follows, token by token, the expression that starts at a failing token, roughly as
    CPython's error pass parses it; ``open`` stays True while it could still go on."""

    def __init__(self, start_pos: int):
        self.start_pos = start_pos
        self.open = False
        self.started = False
        self.depth = 0
        self.previous: str | None = None      # type of the previous token at depth 0

    def feed(self, token: Token) -> None:
        if token.start_pos < self.start_pos or (self.started and not self.open):
            return
        self.started = self.open = True
        kind = token.type
        after_operand = self.previous in _OPERAND_ENDS
        if self.depth:                         # inside brackets: wait for the match
            if _clearly_invalid(self.previous, kind, after_operand):
                self.open = False              # CPython's parse of it stops there
            self.depth += kind in _OPENERS
            self.depth -= kind in _CLOSERS
            self.previous = "RPAR" if not self.depth else kind
            return
        if kind in _OPENERS and not (kind == "LBRACE" and after_operand):
            self.depth = 1                     # a group, a display, a call, a subscript
        elif kind in _OPERAND_STARTS and after_operand and not (
                kind == "STRING" and self.previous == "STRING"):
            self.open = False                  # another operand: CPython stops here
        elif kind in _CLOSERS or kind in _OPERAND_STOPS or kind in _OPENERS:
            self.open = False
        self.previous = kind


def _clearly_invalid(previous: str | None, kind: str, after_operand: bool) -> bool:
    """Two tokens that cannot follow each other inside an expression."""
    if after_operand:
        return kind in _OPERAND_STARTS and not (kind == "STRING" and previous == "STRING")
    return kind in _BINARY_ONLY


_BINARY_ONLY = {"DOT", "SLASH", "DSLASH", "PERCENT", "AT", "LSHIFT", "RSHIFT", "AMP", "VBAR",
                "CIRCUMFLEX", "ASSIGN", "LESS", "GREATER", "EQEQUAL", "NOTEQUAL", "LESSEQUAL",
                "GREATEREQUAL"}
_OPERAND_ENDS = {"NAME", "NUMBER", "STRING", "NONE", "TRUE", "FALSE", "ELLIPSIS", "RPAR"}
_OPERAND_STARTS = _OPERAND_ENDS - {"RPAR"} | {"LAMBDA", "NOT", "TILDE"}
_OPERAND_STOPS = {"COMMA", "COLON", "ASSIGN", "SEMICOLON", "_NEWLINE", "FOR", "AS", "_INDENT",
                  "_DEDENT"} | {name + "EQ" for name in ("PLUS", "MINUS", "STAR", "AT", "SLASH",
                                                         "DSLASH", "PERCENT", "POW", "LSHIFT",
                                                         "RSHIFT", "AMP", "VBAR", "CIRCUMFLEX")}


# The lexer errors that CPython raises as exceptions from its tokenizer (others are
# reported by its parser, and do not replace a parser error found earlier).
_LEXER_ERRORS_OVERRIDE = re.compile("unterminated|invalid non-printable")


def _lexer_error(failure: UnexpectedCharacters, src: _Source) -> AmberSyntaxError:
    """Explain a character the lexer could not start a token with, as CPython would."""
    pos, line, col = failure.pos_in_stream, failure.line, failure.column
    char = src.text[pos]
    if char in "'\"":
        error = _unterminated_string(src, pos, line, col)
    elif char == "\\":
        error = _error("unexpected character after line continuation character",
                       line, col + 1, line, 0)
    elif not char.isprintable():
        error = _error("invalid non-printable character U+%04X" % ord(char), line, col)
    else:                              # a stray `$` or `?`: a parser error for CPython
        return _error("invalid syntax", line, col, line, col + 1)
    error.from_tokenizer = True
    return error


def _unterminated_string(src: _Source, pos: int, line: int, col: int) -> AmberSyntaxError:
    """The lexer failed on a quote: the string starting there (or at its prefix, which the
    lexer took for a name) never ends. CPython points at its start."""
    text = src.text
    quote = text[pos]
    start_col = col
    # Back up over a string prefix (lexed as a NAME just before the quote).
    prefix_start = pos
    while prefix_start > 0 and text[prefix_start - 1] in "rRbBuUfF" and pos - prefix_start < 2:
        prefix_start -= 1
    if prefix_start < pos and not (prefix_start > 0 and _is_name_char(text[prefix_start - 1])):
        if text[prefix_start:pos].lower() in _STRING_PREFIXES:
            start_col -= pos - prefix_start
    if text.startswith(quote * 3, pos):
        last_line = text.count("\n")
        msg = "unterminated triple-quoted string literal (detected at line %d)" % max(last_line, line)
    else:
        end = pos + 1
        while end < len(text) and text[end] != "\n":
            end += 2 if text[end] == "\\" else 1
        msg = "unterminated string literal (detected at line %d)" % (line + text.count("\n", pos, min(end, len(text))))
    return _error(msg, line, start_col, line, start_col)


_STRING_PREFIXES = {"r", "u", "b", "f", "br", "rb", "fr", "rf"}


def _is_name_char(char: str) -> bool:
    return char.isalnum() or char == "_" or not char.isascii()


_BLOCK_OPENERS = {
    "IF": "'if' statement", "ELIF": "'elif' statement", "ELSE": "'else' statement",
    "WHILE": "'while' statement", "FOR": "'for' statement", "WITH": "'with' statement",
    "TRY": "'try' statement", "EXCEPT": "'except' statement", "FINALLY": "'finally' statement",
    "DEF": "function definition", "CLASS": "class definition",
}


def _parser_error(failure: UnexpectedToken, src: _Source) -> AmberSyntaxError:
    """Turn lark's 'unexpected token' into CPython's message and location."""
    token, expected = failure.token, failure.expected
    kind = token.type
    if kind == "_INDENT":
        return _error("unexpected indent", token.line, len(token.value), token.line, -1,
                      cls=AmberIndentationError)
    opener = src.block_opener
    if "_INDENT" in expected and opener is not None and opener.type in _BLOCK_OPENERS:
        msg = "expected an indented block after %s on line %d" % (_BLOCK_OPENERS[opener.type], opener.line)
        return _error_near(msg, token, src, AmberIndentationError)
    if kind == "_NEWLINE" and "COLON" in expected and opener is not None and opener.type in _BLOCK_OPENERS:
        return _error_near("expected ':'", token, src)
    if {"EXCEPT", "FINALLY"} <= set(expected) and len(expected) == 2:
        return _error_near("expected 'except' or 'finally' block", token, src)
    stack = failure.interactive_parser.parser_state.value_stack
    error = _pending_string_error(stack) or _unsupported_statement(stack, token, src)
    if error is not None:
        return error
    if set(expected) == {"ELSE"} and len(stack) >= 3 and kind != "COLON":
        # The parser's value stack ends with: body, `if`, condition. (CPython keeps quiet
        # before a colon: `x = a if b:` looks like a broken if statement.)
        return _error_at("expected 'else' after 'if' expression", stack[-3], stack[-1])
    if kind in _EXPRESSION_STARTS:
        in_brackets = len(src.brackets) > (1 if kind in _OPENERS else 0)
        error = _two_expressions_error(stack, token, in_brackets)
        if error is not None:
            return error
    return _error_near("invalid syntax", token, src)


def _unsupported_statement(stack: list, token: Token, src: _Source):
    """Valid Python 3.11 that Amber's grammar leaves out: say so instead of "invalid
    syntax" (`match` statements, `except*`)."""
    top = stack[-1] if stack else None
    if not isinstance(top, Token):
        return None
    first = src.line_first
    is_match_line = first is not None and first.type == "NAME" and first.value == "match"
    if is_match_line and (top is first and token.type in _EXPRESSION_STARTS
                          or top.type == "COLON" and token.type == "_NEWLINE"):
        # `match x:` (two names), or `match (x):` / `match [x]:` (then a bare colon)
        return _error_at("match statements are not supported by Amber", first,
                         cls=UnsupportedFeatureError)
    if top.type == "EXCEPT" and token.type == "STAR":
        return _error_at("except* is not supported by Amber", top, token,
                         cls=UnsupportedFeatureError)
    return None


def _pending_string_error(stack: list) -> AmberSyntaxError | None:
    """CPython has decoded the strings before the error token (lark has not reduced them
    yet): an error inside them (bad escape, f-string) is the one to report."""
    index = len(stack)
    while index > 0 and isinstance(stack[index - 1], Token) and stack[index - 1].type == "STRING":
        index -= 1
    if index == len(stack):
        return None
    try:
        _strings(stack[index:])
    except AmberSyntaxError as error:
        return error
    return None


def _two_expressions_error(stack: list, token: Token, in_brackets: bool):
    """CPython's messages for an expression directly followed by another one:
    `print x`, `(a b)` (forgot a comma), `(x if y z)` (no else)."""
    top = stack[-1] if stack else None
    if isinstance(top, Token) and top.type == "NAME" and top.value in ("print", "exec"):
        return _error_at("Missing parentheses in call to '%s'. Did you mean %s(...)?"
                         % (top.value, top.value), top, token)
    start = _expression_start(stack) if in_brackets else None
    if start is None:
        return None
    before = stack[start - 1] if start > 0 else None
    if isinstance(before, Token) and before.type in ("IF", "IN"):
        if _in_comprehension_clause(stack, start - 1):
            return None                  # CPython's comprehensions take no suggestion
        if before.type == "IF" and start >= 2:
            return _error_at("expected 'else' after 'if' expression", stack[start - 2], top)
    if _is_prefix_typo(stack, start, token):
        return None
    first = stack[start]
    if isinstance(first, Token) and first.type == "LPAR" and start + 3 == len(stack) \
            and callable(stack[start + 1]):
        # `((a) b)`: CPython points at the group's contents, unless they are a tuple.
        group = stack[start + 1](first, stack[-1])
        if group.node is not None and type(group.node) is not ast.Tuple:
            first = group.node
    return _error_at("invalid syntax. Perhaps you forgot a comma?", first, token)


# Tokens that can begin an expression but cannot follow one (so two expressions meet).
_EXPRESSION_STARTS = {"NAME", "NUMBER", "STRING", "NONE", "TRUE", "FALSE", "ELLIPSIS",
                      "LBRACE", "LAMBDA", "NOT", "TILDE"}
# Tokens that may appear inside an operand of `or` (CPython's "disjunction").
_DISJUNCTION_TOKENS = {"NAME", "NUMBER", "STRING", "NONE", "TRUE", "FALSE", "ELLIPSIS", "DOT",
                       "STAR", "POW", "SLASH", "DSLASH", "PERCENT", "AT", "PLUS", "MINUS",
                       "TILDE", "LSHIFT", "RSHIFT", "AMP", "VBAR", "CIRCUMFLEX", "NOT"}
_DISJUNCTION_WORDS = {"<", ">", "==", ">=", "<=", "!=", "in", "not", "is", "and", "or"}
_SOFT_KEYWORDS = {"match", "case", "_"}


def _expression_start(stack: list) -> int | None:
    """Index in the parser's value stack where the operand of `or` that ends the stack
    begins, or None if the stack does not end with a complete one."""
    top = stack[-1] if stack else None
    if isinstance(top, Token) and top.type not in ("NAME", "NUMBER", "STRING", "NONE", "TRUE",
                                                   "FALSE", "ELLIPSIS", "RPAR", "RSQB", "RBRACE"):
        return None
    if not isinstance(top, (Token, ast.expr, _Paren)):
        return None
    index, depth = len(stack) - 1, 0
    while index >= 0:
        item = stack[index]
        if isinstance(item, Token):
            kind = item.type
            if kind in _CLOSERS:
                depth += 1
            elif kind in _OPENERS:
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and kind not in _DISJUNCTION_TOKENS and (
                    item.value not in _DISJUNCTION_WORDS or _is_comprehension_in(stack, index)):
                break
        elif depth == 0 and not isinstance(item, (ast.expr, _Paren)):
            break
        index -= 1
    return index + 1 if index + 1 < len(stack) else None


def _is_comprehension_in(stack: list, index: int) -> bool:
    """Is the `in` at ``stack[index]`` the one of `for target in`?"""
    return (stack[index].value == "in" and index >= 2 and isinstance(stack[index - 2], Token)
            and stack[index - 2].type == "FOR")


def _in_comprehension_clause(stack: list, index: int) -> bool:
    """Is the `if`/`in` at ``stack[index]`` part of a comprehension's `for` clause?"""
    for item in reversed(stack[:index]):
        if isinstance(item, Token):
            if item.type == "FOR":
                return True
            if item.type in _OPENERS or item.type in ("COMMA", "COLON", "ASSIGN", "LAMBDA"):
                return False
    return False


def _is_prefix_typo(stack: list, start: int, token: Token) -> bool:
    """CPython suggests no comma after a soft keyword, nor between a name and a string
    (probably a mistyped string prefix)."""
    first = stack[start]
    name = first.value if isinstance(first, Token) and first.type == "NAME" else (
        first.id if type(first) is ast.Name else None)
    if name is None:
        return False
    return name in _SOFT_KEYWORDS or (start == len(stack) - 1 and token.type == "STRING")


def _error_near(msg: str, token: Token, src: _Source, cls=AmberSyntaxError) -> AmberSyntaxError:
    """An error located at ``token`` with CPython's conventions for the special tokens."""
    if token.type == "$END" or token.start_pos >= len(src.text):
        # At the end of the file CPython points just past the last line.
        last = src.text.count("\n")
        return _error(msg, last, len(src.line(last) or "") + 1, last, -1, cls=cls)
    if token.type in ("_NEWLINE", "_DEDENT"):
        return _error(msg, token.line, token.column, token.line, token.column, cls=cls)
    return _error(msg, token.line, token.column, token.end_line, token.end_column, cls=cls)


# ====================================================================== post-lexer

_OPENERS = {"LPAR": ")", "LSQB": "]", "LBRACE": "}"}
_CLOSERS = {"RPAR", "RSQB", "RBRACE"}
_KEYWORD_AFTER_NUMBER = ("and", "else", "for", "if", "in", "is", "or", "not")


class _PostLexer(Indenter):
    """lark's Indenter, extended to behave like CPython's tokenizer.

    On top of INDENT/DEDENT it checks tab consistency (TabError), bracket matching and depth,
    numbers glued to names, invalid characters in names, and rejects ``async``/``await``.
    Its state lives in the generator of each call, so one instance serves all threads.
    """

    NL_type = "_NEWLINE"
    OPEN_PAREN_types = list(_OPENERS)
    CLOSE_PAREN_types = list(_CLOSERS)
    INDENT_type = "_INDENT"
    DEDENT_type = "_DEDENT"
    tab_len = 8

    def process(self, stream):
        return _TokenStream(_current_source()).run(stream)


class _TokenStream:
    """The state of one post-lexing run (see ``_PostLexer``)."""

    def __init__(self, src: _Source):
        self.src = src
        self.scanning_for = src.scanning_for
        self.indents = [(0, 0)]        # (column with tabs to 8, column with tabs to 1)
        self.brackets: list[Token] = []
        src.brackets = self.brackets          # the parser's errors look at the nesting
        self.pending_dedents = 0
        self.line_first: Token | None = None

    def run(self, stream):
        if self.scanning_for is None:
            self.check_first_line()
        stream = iter(stream)
        previous = None
        for token in stream:
            kind = token.type
            if kind == "_NEWLINE":
                if self.brackets:
                    continue          # implicit line joining inside brackets
                self.src.block_opener = self.line_first
                self.src.last_token = token
                self.line_first = None
                yield token
                indent = self.indentation(token)
                if indent is not None:
                    yield indent
                previous = token
                continue
            while self.pending_dedents:
                self.pending_dedents -= 1
                yield Token.new_borrow_pos("_DEDENT", "", token)
            self.src.last_token = token
            if self.line_first is None:
                self.line_first = self.src.line_first = token
            if (kind == "ASYNC" or kind == "AWAIT") and self.scanning_for is None:
                following = next(stream, None)
                if kind == "ASYNC" and (following is None or following.type not in ("DEF", "FOR", "WITH")):
                    raise _TokenizerError(_error_at("invalid syntax", following or token))
                raise _unsupported(token, following)
            self.check(token, previous)
            yield token
            previous = token
        yield from self.finish(previous)

    def finish(self, last):
        text = self.src.text
        if _CONTINUATION_AT_END.fullmatch(text, last.end_pos if last is not None else 0):
            backslash = len(text) - 2         # a `\` continues the last line into nothing
            line = text.count("\n", 0, backslash) + 1
            col = backslash - (text.rfind("\n", 0, backslash) + 1)
            raise _TokenizerError(_error("unexpected EOF while parsing", line, col + 2, line, -1),
                                  overrides=False)
        if self.brackets:
            opener = self.brackets[-1]
            # While scanning after a parser error, only a bracket opened on an earlier
            # line than the parser had reached is blamed (CPython does the same).
            reached = self.src.scanning_for       # may grow while scanning: read it now
            if reached is None or opener.line < reached:
                raise _TokenizerError(_error("'%s' was never closed" % opener, opener.line,
                                             opener.column, opener.line, 0))
        end, lines = len(text), text.count("\n")
        for _ in range(self.pending_dedents + len(self.indents) - 1):
            yield Token("_DEDENT", "", end, lines + 1, 1, lines + 1, 1, end)

    # ------------------------------------------------------------------ indentation

    def check_first_line(self) -> None:
        """An indented first line (not blank, not a comment) is an "unexpected indent",
        reported before anything on that line is tokenized, as CPython does."""
        text = self.src.text
        indent = _LEADING_SPACE.match(text).group()
        pos = _LEADING_CONTINUATIONS.match(text).end()    # `   \` joins the next line
        self.check_stray_backslash(pos)
        if text[pos:pos + 1] in ("#", "\n") or _indent_columns(indent)[0] == 0:
            return
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1)
        raise _TokenizerError(_error("unexpected indent", line, col, line, -1,
                                     cls=AmberIndentationError))

    def check_stray_backslash(self, pos: int) -> None:
        """A backslash that starts a line without continuing it: CPython's tokenizer
        complains while it measures the indentation, before any INDENT."""
        text = self.src.text
        if text.startswith("\\", pos) and not text.startswith("\\\n", pos):
            line = text.count("\n", 0, pos) + 1
            col = pos - (text.rfind("\n", 0, pos) + 1)
            raise _TokenizerError(_error("unexpected character after line continuation character",
                                         line, col + 2, line, 0), overrides=False)

    def indentation(self, newline: Token):
        """Compare the next line's indentation with the stack; return an INDENT or None
        (dedents are emitted just before the next token, which gives them its position)."""
        indent = newline.value.rsplit("\n", 1)[1]
        if newline.end_pos >= len(self.src.text):
            return None       # end of file: the final DEDENTs come from finish()
        self.check_stray_backslash(newline.end_pos)
        joined = _LEADING_CONTINUATIONS.match(self.src.text, newline.end_pos - len(indent))
        if "\\" in joined.group() and indent == "":
            # a `\` at the very start of a line: the line it joins to sets the indent
            # (after spaces, the spaces before the `\` do, as in CPython's tokenizer)
            indent = joined.group().rsplit("\n", 1)[1]
        col, alt = _indent_columns(indent)
        top_col, top_alt = self.indents[-1]
        line = newline.end_line
        if col == top_col:
            if alt != top_alt:
                raise self.tab_error(line)
            return None
        if col > top_col:
            if len(self.indents) >= MAX_INDENT_DEPTH:
                raise _TokenizerError(_error("too many levels of indentation", line, 1, line, 0,
                                             cls=AmberIndentationError))
            if alt <= top_alt:
                raise self.tab_error(line)
            self.indents.append((col, alt))
            return Token("_INDENT", indent, newline.end_pos - len(indent), line, 1, line,
                         len(indent) + 1, newline.end_pos)
        while len(self.indents) > 1 and col < self.indents[-1][0]:
            self.indents.pop()
            self.pending_dedents += 1
        if col != self.indents[-1][0]:
            text = self.src.line(line) or ""
            raise _TokenizerError(_error("unindent does not match any outer indentation level",
                                         line, len(text) + 1, line, -1, cls=AmberIndentationError))
        if alt != self.indents[-1][1]:
            raise self.tab_error(line)
        return None

    @staticmethod
    def tab_error(line: int) -> _TokenizerError:
        return _TokenizerError(_error("inconsistent use of tabs and spaces in indentation",
                                      line, 1, line, 0, cls=AmberTabError))

    # ------------------------------------------------------------------ other checks

    def check(self, token: Token, previous: Token | None) -> None:
        kind = token.type
        if kind in _OPENERS:
            if len(self.brackets) >= MAX_PAREN_DEPTH:
                raise _TokenizerError(_error("too many nested parentheses", token.line, token.column))
            self.brackets.append(token)
        elif kind in _CLOSERS:
            self.check_closer(token)
        elif kind == "NAME" and not token.isascii():
            self.check_name(token)
        elif kind == "NUMBER" and token[0] == "0" and _LEADING_ZEROS.fullmatch(token):
            zeros = len(token) - len(token.lstrip("0_"))     # CPython underlines them
            raise _TokenizerError(_error(
                "leading zeros in decimal integer literals are not permitted; use an 0o "
                "prefix for octal integers", token.line, token.column, token.line,
                token.column + zeros))
        if previous is not None and previous.type == "NUMBER" and previous.end_pos == token.start_pos:
            self.check_number_end(previous, token)

    def check_closer(self, token: Token) -> None:
        if not self.brackets:
            raise _TokenizerError(_error("unmatched '%s'" % token, token.line, token.column))
        opener = self.brackets.pop()
        if _OPENERS[opener.type] != token:
            msg = "closing parenthesis '%s' does not match opening parenthesis '%s'" % (token, opener)
            if opener.line != token.line:
                msg += " on line %d" % opener.line
            raise _TokenizerError(_error(msg, token.line, token.column))

    @staticmethod
    def check_name(token: Token) -> None:
        """Non-ASCII identifiers: every character must be allowed (as CPython checks)."""
        for index, char in enumerate(token):
            if ("a" + char).isidentifier() and (index or char.isidentifier()):
                continue
            column = token.column + index
            if char.isprintable():
                msg = "invalid character '%s' (U+%04X)" % (char, ord(char))
            else:
                msg = "invalid non-printable character U+%04X" % ord(char)
            raise _TokenizerError(_error(msg, token.line, column))
        normalized = unicodedata.normalize("NFKC", token)
        if not normalized.isidentifier():
            raise _TokenizerError(_error_at("invalid syntax", token))

    @staticmethod
    def check_number_end(number: Token, token: Token) -> None:
        """A number glued to a name (``1abc``, ``0x1g``, ``1_``) is an invalid literal, except
        before a few keywords that CPython still accepts there (``1if x else y``)."""
        text = str(token)
        if not (text[:1].isalnum() or text[:1] == "_" or not text[:1].isascii()):
            return
        if text.startswith(_KEYWORD_AFTER_NUMBER):
            return
        column = token.column - 1          # CPython points just past the valid part
        prefix = number.value[:2].lower()
        if number.value == "0" and text[:1].lower() in _RADIX_NAMES:
            prefix = "0" + text[0].lower()
            column += 1
            if text[1:2].isdigit():
                msg = "invalid digit '%s' in %s literal" % (text[1], _RADIX_NAMES[prefix[1]])
                raise _TokenizerError(_error(msg, token.line, column + 1))
        elif text.startswith("_"):
            column += 1
        kind = _RADIX_NAMES.get(prefix[1:], "decimal") if prefix[:1] == "0" else "decimal"
        raise _TokenizerError(_error("invalid %s literal" % kind, token.line, column))


_RADIX_NAMES = {"x": "hexadecimal", "o": "octal", "b": "binary"}
_CONTINUATION_AT_END = re.compile(r"(?:[ \t\f]*\\\n)+")
_LEADING_SPACE = re.compile(r"[ \t\f]*")
_LEADING_ZEROS = re.compile(r"0[0_]*[1-9][0-9_]*")
_LEADING_CONTINUATIONS = re.compile(r"(?:[ \t\f]*\\\n)*[ \t\f]*")


def _indent_columns(indent: str) -> tuple[int, int]:
    """Indentation width with tabs to multiples of 8, and with tabs counting 1 (CPython)."""
    col = alt = 0
    for char in indent:
        if char == " ":
            col += 1
            alt += 1
        elif char == "\t":
            col = (col // 8 + 1) * 8
            alt += 1
        else:          # form feed resets the count
            col = alt = 0
    return col, alt


def _unsupported(token: Token, following: Token | None = None) -> _TokenizerError:
    """Amber has no coroutines: name what the script tried to use."""
    if token.type == "AWAIT":
        msg = "await expressions are not supported by Amber"
    else:
        what = {"DEF": "async functions", "FOR": "async for loops",
                "WITH": "async with statements"}.get(following and following.type, "async")
        msg = "%s are not supported by Amber" % what
    return _TokenizerError(_error_at(msg, token, cls=UnsupportedFeatureError))


# ====================================================================== positions

def _start(item) -> tuple[int, int]:
    """(line, 0-based column) where a token, node or _Paren starts."""
    if isinstance(item, Token):
        return item.line, item.column - 1
    return item.lineno, item.col_offset


def _end(item) -> tuple[int, int]:
    """(line, 0-based exclusive column) where a token, node or _Paren ends."""
    if isinstance(item, Token):
        return item.end_line, item.end_column - 1
    return item.end_lineno, item.end_col_offset


def _span(node, first, last=None):
    """Give ``node`` the span from the start of ``first`` to the end of ``last``."""
    node.lineno, node.col_offset = _start(first)
    node.end_lineno, node.end_col_offset = _end(last if last is not None else first)
    return node


class _Paren:
    """A parenthesized expression on its way to its parent: the node plus the span of the
    parentheses. ``with_items`` is set when the contents could also be the items of a
    parenthesized ``with`` statement: a list of (expression, as-target) pairs."""

    __slots__ = ("node", "lineno", "col_offset", "end_lineno", "end_col_offset",
                 "with_items", "as_token")

    def __init__(self, node, lpar: Token, rpar: Token, with_items=None, as_token=None):
        self.node = node
        self.lineno, self.col_offset = _start(lpar)
        self.end_lineno, self.end_col_offset = _end(rpar)
        self.with_items = with_items
        self.as_token = as_token


def _expr(item):
    """The expression node of a callback child (unwrapping parentheses)."""
    if type(item) is _Paren:
        if item.node is None:
            raise _error_at("invalid syntax", item.as_token)
        return item.node
    return item


def _finish(module: ast.Module, src: _Source) -> None:
    """Final pass: limit the tree depth, and turn character columns into UTF-8 byte
    columns (CPython's convention) when the source is not pure ASCII."""
    convert = None if src.text.isascii() else _ByteColumns(src)
    todo = [(module, 0, None)]
    pop, push = todo.pop, todo.append
    while todo:
        node, depth, located = pop()      # located: the nearest node with a position
        if node._attributes:
            located = node
            if convert is not None:
                convert(node)
        if depth > MAX_AST_DEPTH:
            raise _error_at("too many nested expressions", located)
        depth += 1
        for name in node._fields:
            value = getattr(node, name)
            if isinstance(value, ast.AST):
                push((value, depth, located))
            elif type(value) is list:
                for item in value:
                    if isinstance(item, ast.AST):
                        push((item, depth, located))


class _ByteColumns:
    """Converts a node's character columns to UTF-8 byte columns, line by line."""

    def __init__(self, src: _Source):
        self.lines = src.lines
        self.tables: dict[int, list[int] | None] = {}

    def column(self, lineno: int, col: int) -> int:
        table = self.tables.get(lineno, 0)
        if table == 0:
            line = self.lines[lineno - 1] if 0 < lineno <= len(self.lines) else ""
            table = None
            if not line.isascii():
                table = [0]
                for char in line:
                    table.append(table[-1] + len(char.encode("utf-8")))
            self.tables[lineno] = table
        if table is None or col < 0 or col >= len(table):
            return col
        return table[col]

    def __call__(self, node) -> None:
        node.col_offset = self.column(node.lineno, node.col_offset)
        node.end_col_offset = self.column(node.end_lineno, node.end_col_offset)


# ====================================================================== AST building

LOAD, STORE, DEL = ast.Load(), ast.Store(), ast.Del()

_BINARY_OPS = {
    "VBAR": ast.BitOr(), "CIRCUMFLEX": ast.BitXor(), "AMP": ast.BitAnd(),
    "LSHIFT": ast.LShift(), "RSHIFT": ast.RShift(), "PLUS": ast.Add(), "MINUS": ast.Sub(),
    "STAR": ast.Mult(), "SLASH": ast.Div(), "DSLASH": ast.FloorDiv(), "PERCENT": ast.Mod(),
    "AT": ast.MatMult(), "POW": ast.Pow(),
}
_AUGMENTED_OPS = {name + "EQ": op for name, op in _BINARY_OPS.items()}
_UNARY_OPS = {"PLUS": ast.UAdd(), "MINUS": ast.USub(), "TILDE": ast.Invert()}
_COMPARE_OPS = {
    ("<",): ast.Lt(), (">",): ast.Gt(), ("==",): ast.Eq(), (">=",): ast.GtE(),
    ("<=",): ast.LtE(), ("!=",): ast.NotEq(), ("in",): ast.In(), ("not", "in"): ast.NotIn(),
    ("is",): ast.Is(), ("is", "not"): ast.IsNot(),
}
_CONSTANTS = {"NONE": None, "TRUE": True, "FALSE": False}
_AND, _OR, _NOT = ast.And(), ast.Or(), ast.Not()


def _describe(node) -> str:
    """How CPython names an expression in 'cannot assign to ...' messages."""
    if isinstance(node, ast.Constant):
        value = node.value
        if value is None or value is True or value is False:
            return str(value)
        return "ellipsis" if value is Ellipsis else "literal"
    return _DESCRIPTIONS.get(type(node).__name__, "expression")


_DESCRIPTIONS = {
    "Attribute": "attribute", "Subscript": "subscript", "Starred": "starred", "Name": "name",
    "List": "list", "Tuple": "tuple", "Lambda": "lambda", "Call": "function call",
    "GeneratorExp": "generator expression", "Yield": "yield expression",
    "YieldFrom": "yield expression", "ListComp": "list comprehension",
    "SetComp": "set comprehension", "DictComp": "dict comprehension", "Dict": "dict literal",
    "Set": "set display", "JoinedStr": "f-string expression",
    "FormattedValue": "f-string expression", "Compare": "comparison",
    "IfExp": "conditional expression", "NamedExpr": "named expression",
}


def _invalid_target(node, allow_star: bool = True):
    """The first sub-expression of a target that cannot be assigned to (or deleted, with
    ``allow_star=False``), or None."""
    kind = type(node)
    if kind in (ast.Name, ast.Attribute, ast.Subscript):
        return None
    if kind in (ast.Tuple, ast.List):
        for item in node.elts:
            bad = _invalid_target(item, allow_star)
            if bad is not None:
                return bad
        return None
    if kind is ast.Starred and allow_star:
        return _invalid_target(node.value, allow_star)
    return node


def _set_context(node, ctx) -> None:
    """Give a (valid) target and its sub-targets the Store or Del context."""
    todo = [node]
    while todo:
        current = todo.pop()
        current.ctx = ctx
        kind = type(current)
        if kind is ast.Tuple or kind is ast.List:
            todo.extend(current.elts)
        elif kind is ast.Starred:
            todo.append(current.value)


def _target(item):
    """Check an assignment/for/with/comprehension target and make it a Store target."""
    node = _expr(item)
    bad = _invalid_target(node)
    if bad is not None:
        raise _error_at("cannot assign to %s" % _describe(bad), bad)
    _set_context(node, STORE)
    return node


def _del_target(item):
    node = _expr(item)
    bad = _invalid_target(node, allow_star=False)
    if bad is not None:
        raise _error_at("cannot delete %s" % _describe(bad), bad)
    _set_context(node, DEL)
    return node


class _Builder(lark.Transformer):
    """lark callbacks, one per grammar rule (or alias), building ``compiler.ast`` nodes.

    Each receives the rule's children: tokens that the grammar keeps (named terminals),
    the results of sub-rules, and None for an absent ``[optional]`` part.
    """

    # ------------------------------------------------------------------ module, suites

    def file_input(self, children):
        return ast.Module(_flatten(children), [])

    def fstring_input(self, children):
        return children[0]

    def simple_stmt(self, children):
        *statements, semicolon = children
        return _Block(statements, semicolon or statements[-1])

    def suite(self, children):
        last = children[-1]
        return _Block(_flatten(children), last.last if type(last) is _Block else last)

    # ------------------------------------------------------------------ simple statements

    def expr_stmt(self, children):
        value = children[0]
        return _span(ast.Expr(_expr(value)), value)

    def assign(self, children):
        items = children[0::2]
        *targets, value = items
        if len(targets) == 1:
            _check_single_assignment(targets[0], value)
        for target in targets:
            if isinstance(_expr(target), (ast.Yield, ast.YieldFrom)):
                raise _error_at("assignment to yield expression not possible", _expr(target))
        node = ast.Assign([_target(target) for target in targets], _expr(value))
        return _span(node, items[0], value)

    def augassign(self, children):
        target, op, value = children
        node = _expr(target)
        if type(node) not in (ast.Name, ast.Attribute, ast.Subscript):
            raise _error_at("'%s' is an illegal expression for augmented assignment"
                            % _describe(node), node)
        node.ctx = STORE
        return _span(ast.AugAssign(node, op, _expr(value)), target, value)

    def augassign_op(self, children):
        return _AUGMENTED_OPS[children[0].type]

    def annassign(self, children):
        target, annotation, *rest = children      # rest: [] or [ASSIGN, value]
        value = rest[-1] if rest else None
        node = _expr(target)
        if type(node) is ast.Tuple and type(target) is not _Paren:
            raise _error_at("only single target (not tuple) can be annotated", node.elts[0])
        if type(node) in (ast.Tuple, ast.List):
            what = "tuple" if type(node) is ast.Tuple else "list"
            raise _error_at("only single target (not %s) can be annotated" % what, target)
        if type(node) not in (ast.Name, ast.Attribute, ast.Subscript):
            raise _error_at("illegal target for annotation", node)
        node.ctx = STORE
        simple = int(type(node) is ast.Name and type(target) is not _Paren)
        value_node = _expr(value) if value is not None else None
        stmt = ast.AnnAssign(node, _expr(annotation), value_node, simple)
        return _span(stmt, target, value if value is not None else annotation)

    def del_stmt(self, children):
        keyword, targets = children
        if type(targets) is ast.Tuple:          # `del a, b` (a parenthesized tuple is _Paren)
            nodes = [_del_target(item) for item in targets.elts]
        else:
            nodes = [_del_target(targets)]
        return _span(ast.Delete(nodes), keyword, targets)

    def pass_stmt(self, children):
        return _span(ast.Pass(), children[0])

    def break_stmt(self, children):
        return _span(ast.Break(), children[0])

    def continue_stmt(self, children):
        return _span(ast.Continue(), children[0])

    def return_stmt(self, children):
        keyword, value = children
        return _span(ast.Return(_optional(value)), keyword, value or keyword)

    def raise_stmt(self, children):
        keyword, exc, cause = children
        last = cause or exc or keyword
        return _span(ast.Raise(_optional(exc), _optional(cause)), keyword, last)

    def global_stmt(self, children):
        return _span(ast.Global([_identifier(name) for name in children[1:]]), children[0], children[-1])

    def nonlocal_stmt(self, children):
        return _span(ast.Nonlocal([_identifier(name) for name in children[1:]]), children[0], children[-1])

    def assert_stmt(self, children):
        keyword, test, msg = children
        return _span(ast.Assert(_expr(test), _optional(msg)), keyword, msg or test)

    # ------------------------------------------------------------------ imports

    def import_name(self, children):
        return _span(ast.Import(children[1:]), children[0], children[-1])

    def dotted_as_name(self, children):
        (name, first, last), asname = children
        return _span(ast.alias(name, _optional_str(asname)), first, asname or last)

    def dotted_name(self, children):
        return ".".join(_identifier(name) for name in children), children[0], children[-1]

    def import_from(self, children):
        keyword, *module_parts, (names, last) = children
        level = sum(part for part in module_parts if isinstance(part, int))
        module = None
        if module_parts and isinstance(module_parts[-1], tuple):
            module = module_parts[-1][0]
        return _span(ast.ImportFrom(module, names, level), keyword, last)

    def import_dots(self, children):
        return 3 if children[0].type == "ELLIPSIS" else 1

    def import_star(self, children):
        star = children[0]
        return [_span(ast.alias("*"), star)], star

    def import_paren(self, children):
        return [child for child in children[1:-1] if isinstance(child, ast.alias)], children[-1]

    def import_bare(self, children):
        if children[-1] is not None:
            comma = children[-1]
            line, col = _end(comma)
            raise _error("trailing comma not allowed without surrounding parentheses",
                         line, col + 1)
        return children[:-1], children[-2]

    def import_as_name(self, children):
        name, asname = children
        return _span(ast.alias(_identifier(name), _optional_str(asname)), name, asname or name)

    # ------------------------------------------------------------------ compound statements

    def if_stmt(self, children):
        keyword, test, body, *elifs, orelse = children
        last = (orelse or body).last
        orelse = orelse.statements if orelse else []
        for elif_keyword, elif_test, elif_body in reversed(elifs):
            if not orelse:
                last = elif_body.last
            node = ast.If(_expr(elif_test), elif_body.statements, orelse)
            orelse = [_span(node, elif_keyword, last)]
        return _span(ast.If(_expr(test), body.statements, orelse), keyword, last)

    def elif_clause(self, children):
        return tuple(children)

    def else_clause(self, children):
        return children[0]

    def finally_clause(self, children):
        return children[0]

    def while_stmt(self, children):
        keyword, test, body, orelse = children
        node = ast.While(_expr(test), body.statements, _statements(orelse))
        return _span(node, keyword, (orelse or body).last)

    def for_stmt(self, children):
        keyword, target, iterable, body, orelse = children
        node = ast.For(_target(target), _expr(iterable), body.statements, _statements(orelse))
        return _span(node, keyword, (orelse or body).last)

    def try_stmt(self, children):
        keyword, body, *rest = children
        if len(rest) == 1:                      # try/finally without handlers
            handlers, orelse, finalbody = [], None, rest[0]
        else:
            *handlers, orelse, finalbody = rest
        last = finalbody.last if finalbody else orelse.last if orelse else handlers[-1]
        node = ast.Try(body.statements, handlers, _statements(orelse), _statements(finalbody))
        return _span(node, keyword, last)

    def except_clause(self, children):
        keyword, kind, name, body = children
        handler = ast.ExceptHandler(_optional(kind), _optional_str(name), body.statements)
        return _span(handler, keyword, body.last)

    def with_stmt(self, children):
        keyword, *items, body = children
        if len(items) == 1 and items[0][1] is None:
            raw = items[0][0]
            if type(raw) is _Paren and raw.with_items is not None:
                items = raw.with_items      # `with (a as b, c):`
        withitems = [ast.withitem(_expr(expr), None if target is None else _target(target))
                     for expr, target in items]
        return _span(ast.With(withitems, body.statements), keyword, body.last)

    def with_item(self, children):
        # (the target is an inlined rule: no placeholder when `as` is absent)
        return children[0], children[1] if len(children) > 1 else None

    def funcdef(self, children):
        keyword, name, params, returns, body = children
        args = params if params is not None else _arguments([])
        node = ast.FunctionDef(_identifier(name), args, body.statements, [], _optional(returns))
        return _span(node, keyword, body.last)

    def classdef(self, children):
        keyword, name, lpar, arglist, rpar, body = children
        args, keywords = _call_arguments(arglist, (lpar, rpar), is_call=False)
        node = ast.ClassDef(_identifier(name), args, keywords, body.statements, [])
        return _span(node, keyword, body.last)

    def decorated(self, children):
        *decorators, definition = children
        definition.decorator_list = decorators
        return definition

    def decorator(self, children):
        return _expr(children[0])

    def async_stmt(self, children):      # unreachable: the post-lexer refuses `async`
        raise _unsupported(children[0]).error

    def await_expr(self, children):      # unreachable: the post-lexer refuses `await`
        raise _unsupported(children[0]).error

    # ------------------------------------------------------------------ parameters

    def parameters(self, children):
        return _arguments(children)

    def lambda_params(self, children):
        return _arguments(children)

    def param(self, children):
        if len(children) == 3:
            name, annotation, default = children
        else:
            (name, default), annotation = children, None
        node = _span(ast.arg(_identifier(name), _optional(annotation)), name, annotation or name)
        return "param", node, _optional(default), name

    def star_param(self, children):
        star, name, annotation = children if len(children) == 3 else (*children, None)
        if name is None:
            return "star", None, None, star
        node = _span(ast.arg(_identifier(name), _optional(annotation)), name, annotation or name)
        return "star", node, None, star

    def star_param_default(self, children):
        equals = next(child for child in children if isinstance(child, Token) and child.type == "ASSIGN")
        raise _error_at("var-positional argument cannot have default value", equals)

    def kwstar_param(self, children):
        star, name, annotation = children if len(children) == 3 else (*children, None)
        node = _span(ast.arg(_identifier(name), _optional(annotation)), name, annotation or name)
        return "kwstar", node, None, star

    def slash_param(self, children):
        return "slash", None, None, children[0]

    # ------------------------------------------------------------------ expressions

    def bare_tuple(self, children):
        last = children[-1]
        items = children[:-1] if last is None or isinstance(last, Token) else children
        node = ast.Tuple([_expr(item) for item in items], LOAD)
        return _span(node, items[0], last if last is not None else items[-1])

    def namedexpr(self, children):
        target, value = children
        node = _expr(target)
        if type(node) is not ast.Name or type(target) is _Paren:
            raise _error_at("cannot use assignment expressions with %s" % _describe(node), node)
        node.ctx = STORE
        return _span(ast.NamedExpr(node, _expr(value)), target, value)

    def ifexp(self, children):
        body, test, orelse = children
        return _span(ast.IfExp(_expr(test), _expr(body), _expr(orelse)), body, orelse)

    def lambdef(self, children):
        keyword, params, body = children
        args = params if params is not None else _arguments([])
        return _span(ast.Lambda(args, _expr(body)), keyword, body)

    def or_test(self, children):
        return _span(ast.BoolOp(_OR, [_expr(child) for child in children]), children[0], children[-1])

    def and_test(self, children):
        return _span(ast.BoolOp(_AND, [_expr(child) for child in children]), children[0], children[-1])

    def not_test(self, children):
        keyword, operand = children
        return _span(ast.UnaryOp(_NOT, _expr(operand)), keyword, operand)

    def comparison(self, children):
        left = children[0]
        ops = children[1::2]
        comparators = [_expr(child) for child in children[2::2]]
        return _span(ast.Compare(_expr(left), ops, comparators), left, children[-1])

    def comp_op(self, children):
        return _COMPARE_OPS[tuple(str(token) for token in children)]

    def star_expr(self, children):
        star, value = children
        return _span(ast.Starred(_expr(value), LOAD), star, value)

    def binary_chain(self, children):
        """``a op b op c`` -> BinOp(BinOp(a, op, b), op, c): left associative."""
        first = children[0]
        node = _expr(first)
        for index in range(1, len(children), 2):
            right = children[index + 1]
            node = _span(ast.BinOp(node, _BINARY_OPS[children[index].type], _expr(right)),
                         first, right)
        return node

    expr = xor_expr = and_expr = shift_expr = arith_expr = term = binary_chain

    def unary(self, children):
        op, operand = children
        return _span(ast.UnaryOp(_UNARY_OPS[op.type], _expr(operand)), op, operand)

    def power(self, children):
        base, op, exponent = children
        return _span(ast.BinOp(_expr(base), _BINARY_OPS["POW"], _expr(exponent)), base, exponent)

    def attribute(self, children):
        value, name = children
        return _span(ast.Attribute(_expr(value), _identifier(name), LOAD), value, name)

    def call(self, children):
        func, lpar, arglist, rpar = children
        args, keywords = _call_arguments(arglist, (lpar, rpar))
        return _span(ast.Call(_expr(func), args, keywords), func, rpar)

    def subscript(self, children):
        value, _, index, rsqb = children
        if type(index) is ast.Starred:           # a[*b] means a[(*b,)]
            index = _span(ast.Tuple([index], LOAD), index)
        return _span(ast.Subscript(_expr(value), _expr(index), LOAD), value, rsqb)

    def slice(self, children):
        lower, _, upper, _, step = children
        present = [child for child in children if child is not None]
        node = ast.Slice(_optional(lower), _optional(upper), _optional(step))
        return _span(node, present[0], present[-1])

    # ------------------------------------------------------------------ atoms

    def name(self, children):
        token = children[0]
        return _span(ast.Name(_identifier(token), LOAD), token)

    def number(self, children):
        token = children[0]
        return _span(ast.Constant(_number_value(token)), token)

    def strings(self, children):
        return _strings(children)

    def ellipsis(self, children):
        return _span(ast.Constant(Ellipsis), children[0])

    def const(self, children):
        token = children[0]
        return _span(ast.Constant(_CONSTANTS[token.type]), token)

    # The contents of brackets (paren_*, list_*, dict_*, set_*) are returned as builders:
    # the enclosing bracket rule calls them, so the node gets the brackets' span.

    def paren(self, children):
        lpar, body, rpar = children
        if body is None:
            return _Paren(_span(ast.Tuple([], LOAD), lpar, rpar), lpar, rpar)
        return body(lpar, rpar)

    def paren_yield(self, children):
        value = children[0]
        return lambda lpar, rpar: _Paren(value, lpar, rpar)

    def paren_genexp(self, children):
        elt, (generators, _) = children
        return lambda lpar, rpar: _Paren(
            _span(ast.GeneratorExp(_expr(elt), generators), lpar, rpar), lpar, rpar)

    def paren_elems(self, children):
        return lambda lpar, rpar: _paren_elems(children, lpar, rpar)

    def as_item(self, children):
        return _AsItem(*children)

    def list_display(self, children):
        lsqb, body, rsqb = children
        if body is None:
            return _span(ast.List([], LOAD), lsqb, rsqb)
        return _span(body(), lsqb, rsqb)

    def list_comp(self, children):
        elt, (generators, _) = children
        return lambda: ast.ListComp(_expr(elt), generators)

    def list_elems(self, children):
        return lambda: ast.List(_elements(children), LOAD)

    def brace_display(self, children):
        lbrace, body, rbrace = children
        if body is None:
            return _span(ast.Dict([], []), lbrace, rbrace)
        return _span(body(), lbrace, rbrace)

    def dict_comp(self, children):
        key, value, (generators, _) = children
        return lambda: ast.DictComp(_expr(key), _expr(value), generators)

    def set_comp(self, children):
        elt, (generators, _) = children
        return lambda: ast.SetComp(_expr(elt), generators)

    def dict_elems(self, children):
        pairs = [child for child in children if type(child) is tuple]
        return lambda: ast.Dict([key for key, _ in pairs], [value for _, value in pairs])

    def set_elems(self, children):
        return lambda: ast.Set(_elements(children))

    def dict_elem(self, children):
        key, value = children
        if isinstance(key, Token):              # `**mapping`
            return None, _expr(value)
        return _expr(key), _expr(value)

    def comp_for(self, children):
        """(the comprehension clauses, the first `for` token)"""
        return [clause for clause, _ in children], children[0][1]

    def comp_clause(self, children):
        keyword, target, iterable, *conditions = children
        clause = ast.comprehension(_target(target), _expr(iterable),
                                   [_expr(condition) for condition in conditions], 0)
        return clause, keyword

    def yield_expr(self, children):
        keyword, value = children
        return _span(ast.Yield(_optional(value)), keyword, value or keyword)

    def yield_from(self, children):
        keyword, value = children
        return _span(ast.YieldFrom(_expr(value)), keyword, value)

    # ------------------------------------------------------------------ call arguments

    def arglist(self, children):
        trailing = children[-1]
        items = children[:-1] if trailing is None or isinstance(trailing, Token) else children
        return items, trailing

    def genexp_arg(self, children):
        elt, (generators, keyword) = children
        node = ast.GeneratorExp(_expr(elt), generators)
        return _BareGenexp(_span(node, elt, _last_comprehension_part(generators)), keyword)

    def kwarg(self, children):
        name, equals, value = children
        node = _expr(name)
        if type(node) is not ast.Name or type(name) is _Paren:
            if type(node) is ast.Constant and _is_keyword_constant(node.value):
                raise _error_at("cannot assign to %s" % node.value, node, equals)
            raise _error_at('expression cannot contain assignment, perhaps you meant "=="?',
                            name, equals)
        return _span(ast.keyword(node.id, _expr(value)), name, value)

    def star_arg(self, children):
        star, value = children
        return _span(ast.Starred(_expr(value), LOAD), star, value)

    def kwstar_arg(self, children):
        stars, value = children
        return _span(ast.keyword(None, _expr(value)), stars, value)


class _Block:
    """The statements of a line or an indented block, and the item it ends with: CPython
    ends a compound statement at its last token, which may be a `;` after the last
    statement."""

    __slots__ = ("statements", "last")

    def __init__(self, statements: list, last):
        self.statements, self.last = statements, last


def _flatten(children) -> list:
    body = []
    for child in children:
        if type(child) is _Block:
            body.extend(child.statements)
        elif child is not None:
            body.append(child)
    return body


def _optional(item):
    return None if item is None else _expr(item)


def _statements(block) -> list:
    return [] if block is None else block.statements


def _identifier(token) -> str:
    """A NAME token's identifier; non-ASCII ones are NFKC-normalized, as CPython does."""
    name = str(token)
    return name if name.isascii() else unicodedata.normalize("NFKC", name)


def _optional_str(token):
    return None if token is None else _identifier(token)


def _elements(children) -> list:
    """The element nodes of a display (the last child may be a trailing COMMA or None)."""
    return [_expr(child) for child in children if child is not None and not isinstance(child, Token)]


def _check_single_assignment(target, value) -> None:
    """CPython's message for `f() = 1`: "cannot assign to function call here. Maybe you
    meant '==' instead of '='?". Its grammar gives it only when both sides could be the
    operands of `==` (bitwise_or expressions), the target is not a list, tuple, generator
    expression or bare True/False/None, and the statement has a single `=`."""
    node = _expr(target)
    if _invalid_target(node) is None:
        return
    if type(target) is _Paren:
        if type(node) in (ast.Tuple, ast.GeneratorExp):
            return
    elif type(node) is ast.List or not _is_bitwise_or(node) or (
            type(node) is ast.Constant and _is_keyword_constant(node.value)):
        return
    if type(value) is not _Paren and not _starts_with_bitwise_or(value):
        return
    raise _error_at("cannot assign to %s here. Maybe you meant '==' instead of '='?"
                    % _describe(node), node)


def _is_keyword_constant(value) -> bool:
    return value is None or value is True or value is False


_LOOSER_THAN_BITWISE_OR = (ast.BoolOp, ast.Compare, ast.IfExp, ast.Lambda, ast.NamedExpr,
                           ast.Yield, ast.YieldFrom, ast.Starred, ast.Tuple)


def _is_bitwise_or(node) -> bool:
    """Could this (unparenthesized) node be parsed by CPython's `bitwise_or` rule?"""
    if type(node) is ast.UnaryOp and type(node.op) is ast.Not:
        return False
    return not isinstance(node, _LOOSER_THAN_BITWISE_OR)


def _starts_with_bitwise_or(value) -> bool:
    """Does the (unparenthesized) expression begin with a `bitwise_or` operand?"""
    node = _expr(value)
    while True:
        kind = type(node)
        if kind is ast.Tuple and node.elts:
            node = node.elts[0]
        elif kind is ast.BoolOp:
            node = node.values[0]
        elif kind is ast.IfExp:
            node = node.body
        elif kind is ast.Compare:
            return True
        else:
            return _is_bitwise_or(node)


class _AsItem:
    """``expr as target`` inside parentheses (only valid as parenthesized with-items)."""

    __slots__ = ("expr", "as_token", "target")

    def __init__(self, expr, as_token, target):
        self.expr, self.as_token, self.target = expr, as_token, target


def _paren_elems(children, lpar: Token, rpar: Token) -> _Paren:
    """Build what `( ... )` holds: a group, or a tuple (with a comma)."""
    trailing = children[-1]
    items = children[:-1]
    as_items = [item for item in items if type(item) is _AsItem]
    with_items = _with_items(items)
    if as_items:
        return _Paren(None, lpar, rpar, with_items, as_items[0].as_token)
    if len(items) == 1 and trailing is None:
        node = _expr(items[0])
        if type(node) is ast.Starred and type(items[0]) is not _Paren:
            raise _error_at("cannot use starred expression here", node)
        return _Paren(node, lpar, rpar, with_items)
    node = _span(ast.Tuple([_expr(item) for item in items], LOAD), lpar, rpar)
    return _Paren(node, lpar, rpar, with_items)


def _with_items(items):
    """The (expression, target) pairs of `with (a as b, c):`, or None if the contents
    cannot be with-items (starred or walrus elements)."""
    pairs = []
    for item in items:
        if type(item) is _AsItem:
            pairs.append((item.expr, item.target))
        elif type(item) in (ast.Starred, ast.NamedExpr):
            return None
        else:
            pairs.append((item, None))
    return pairs


class _BareGenexp:
    """A generator expression written as the sole argument of a call: `f(x for x in y)`."""

    __slots__ = ("node", "for_token")

    def __init__(self, node, for_token):
        self.node, self.for_token = node, for_token


def _last_comprehension_part(generators):
    last = generators[-1]
    return last.ifs[-1] if last.ifs else last.iter


def _call_arguments(arglist, parens, is_call=True):
    """Split call (or class) arguments into (args, keywords), with CPython's checks."""
    if arglist is None:
        return [], []
    items, trailing = arglist
    args, keywords = [], []
    seen_keyword = seen_kwstar = False
    for item in items:
        if type(item) is _BareGenexp:
            if not is_call:                      # `class A(x for x in y)`
                raise _error_at("invalid syntax", item.for_token)
            if len(items) > 1 or trailing is not None:
                raise _error_at("Generator expression must be parenthesized", item.node)
            args.append(_span(item.node, *parens))
        elif type(item) is ast.keyword:
            keywords.append(item)
            if item.arg is None:
                seen_kwstar = True
            else:
                seen_keyword = True
        elif type(item) is ast.Starred:
            if seen_kwstar:
                line, col = _start(item)
                raise _error("iterable argument unpacking follows keyword argument unpacking",
                             line, col + 1, line, col + 2)
            args.append(item)
        else:
            if seen_kwstar or seen_keyword:
                where = parens[1]
                msg = "positional argument follows keyword argument"
                if seen_kwstar:
                    msg += " unpacking"
                raise _error_at(msg, where)
            args.append(_expr(item))
    return args, keywords


def _arguments(params) -> ast.arguments:
    """Build ``ast.arguments`` from the parameter list, checking CPython's ordering rules."""
    posonly, positional, kwonly, kw_defaults, defaults = [], [], [], [], []
    vararg = kwarg = bare_star = None
    seen_star = seen_slash = False
    for kind, node, default, token in params:
        if kwarg is not None:
            raise _error_at("arguments cannot follow var-keyword argument", node or token)
        if kind == "slash":
            if seen_slash:
                raise _error_at("/ may appear only once", token)
            if seen_star:
                raise _error_at("/ must be ahead of *", token)
            if not positional:
                raise _error_at("at least one argument must precede /", token)
            seen_slash = True
            posonly, positional = positional, []
        elif kind == "star":
            if seen_star:
                raise _error_at("* argument may appear only once", token)
            seen_star = True
            vararg = node
            if node is None:
                bare_star = token
        elif kind == "kwstar":
            kwarg = node
        elif seen_star:
            kwonly.append(node)
            kw_defaults.append(default)
        else:
            if default is None and defaults:
                raise _error_at("non-default argument follows default argument", node)
            positional.append(node)
            if default is not None:
                defaults.append(default)
    if seen_star and vararg is None and not kwonly:
        raise _error_at("named arguments must follow bare *", bare_star)
    return ast.arguments(posonly, positional, vararg, kwonly, kw_defaults, kwarg, defaults)


# ====================================================================== numbers

def _number_value(token: Token):
    """The value of a NUMBER token (ints of any size, floats)."""
    text = token.replace("_", "")
    if text[-1] in "jJ":
        raise _error_at("complex numbers are not supported by Amber", token,
                        cls=UnsupportedFeatureError)
    prefix = text[:2].lower()
    if prefix in ("0x", "0o", "0b"):
        return int(text[2:], {"0x": 16, "0o": 8, "0b": 2}[prefix])
    if "." in text or "e" in text or "E" in text:
        return float(text)
    try:
        return int(text)
    except ValueError:          # more digits than int() converts by default
        raise _error_at("Exceeds the limit (%d digits) for integer string conversion: value "
                        "has %d digits; use sys.set_int_max_str_digits() to increase the limit"
                        " - Consider hexadecimal for huge integer literals to avoid decimal "
                        "conversion limits." % (sys.get_int_max_str_digits(), len(text)),
                        token) from None


# ====================================================================== strings

class _StringError(Exception):
    """A malformed string literal. CPython reports these at the token that follows the
    string, so the message is located by ``_strings``, which knows where that is."""


def _strings(tokens: list) -> ast.expr:
    """Adjacent string literals -> one Constant, or a JoinedStr if any is an f-string."""
    try:
        return _concatenate(tokens)
    except _StringError as failure:
        raise _error_after(str(failure), tokens[-1]) from None


def _error_after(msg: str, token: Token) -> AmberSyntaxError:
    """An error located at the token after ``token``: CPython reports errors inside string
    literals there, as they are found once the parser has read one token further. That
    token is the lookahead that made lark reduce the string, the last one post-lexed."""
    src = _current_source()
    following = src.last_token
    if following is None or following.start_pos < token.end_pos:
        return _error_at(msg, token)
    if following.type == "_NEWLINE":
        # CPython's NEWLINE token starts at a comment before the line break, if any.
        between = src.text[token.end_pos:following.start_pos]
        start = token.end_pos + between.index("#") if "#" in between else following.start_pos
        col = following.column - (following.start_pos - start)
        return _error(msg, following.line, col, following.line, following.column)
    return _error_at(msg, following)


def _concatenate(tokens: list) -> ast.expr:
    first, last = tokens[0], tokens[-1]
    literals = [_StringLiteral(token) for token in tokens]
    kinds = {literal.is_bytes for literal in literals}
    if len(kinds) > 1:
        raise _StringError("cannot mix bytes and nonbytes literals")
    kind = "u" if str(first).startswith("u") else None
    if not any(literal.is_f for literal in literals):
        if len(literals) == 1:
            value = literals[0].value()
        else:
            value = (b"" if literals[0].is_bytes else "").join(lit.value() for lit in literals)
        return _span(ast.Constant(value, kind), first, last)
    parts = []
    for literal in literals:
        if literal.is_f:
            _FString(literal, kind).parse(parts)
        else:
            parts.append(literal.value())
    node = _span(ast.JoinedStr(_joined_values(parts, kind)), first, last)
    _spread_span(node)
    return node


def _joined_values(parts: list, kind) -> list:
    """Merge adjacent literal strings of an f-string into Constants; drop empty ones."""
    values, pending = [], []
    for part in parts:
        if type(part) is str:
            pending.append(part)
            continue
        if pending and "".join(pending):
            values.append(ast.Constant("".join(pending), kind))
        pending = []
        values.append(part)
    if pending and "".join(pending):
        values.append(ast.Constant("".join(pending), kind))
    return values


def _spread_span(joined: ast.JoinedStr) -> None:
    """CPython 3.11 gives the parts of an f-string (literal pieces, replacement fields) the
    span of the whole string concatenation, except a format spec and the literal piece
    that ends it, which keep the span of their own string token (set by ``_FString``)."""
    todo = list(joined.values)
    while todo:
        part = todo.pop()
        part.lineno, part.col_offset = joined.lineno, joined.col_offset
        part.end_lineno, part.end_col_offset = joined.end_lineno, joined.end_col_offset
        if type(part) is ast.FormattedValue and part.format_spec is not None:
            pieces = part.format_spec.values
            if pieces and type(pieces[-1]) is ast.Constant:
                pieces = pieces[:-1]
            todo.extend(pieces)


class _StringLiteral:
    """One STRING token split into prefix flags and body."""

    __slots__ = ("token", "is_bytes", "is_raw", "is_f", "body_start", "body_end")

    def __init__(self, token: Token):
        text = str(token)
        quote_at = 0
        while text[quote_at] not in "'\"":
            quote_at += 1
        prefix = text[:quote_at].lower()
        quote_len = 3 if text.startswith(text[quote_at] * 3, quote_at) and len(text) - quote_at >= 6 else 1
        self.token = token
        self.is_bytes = "b" in prefix
        self.is_raw = "r" in prefix
        self.is_f = "f" in prefix
        self.body_start = quote_at + quote_len
        self.body_end = len(text) - quote_len

    def value(self):
        body = self.token[self.body_start:self.body_end]
        if self.is_bytes:
            if not body.isascii():
                raise _error_at("bytes can only contain ASCII literal characters", self.token)
            if self.is_raw or "\\" not in body:
                return body.encode("ascii")
            return _decode_escapes(body, self.token, is_bytes=True)
        if self.is_raw or "\\" not in body:
            return body
        return _decode_escapes(body, self.token)


_ESCAPE = re.compile(r"\\(\n|[0-7]{1,3}|x[0-9a-fA-F]{0,2}|u[0-9a-fA-F]{0,4}"
                     r"|U[0-9a-fA-F]{0,8}|N(?:\{[^}\n]*\})?|.)?", re.S)
_SIMPLE_ESCAPES = {"\n": "", "\\": "\\", "'": "'", '"': '"', "a": "\a", "b": "\b",
                   "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def _decode_escapes(body: str, token: Token, is_bytes: bool = False):
    """Decode backslash escapes as CPython does for (non-raw) str and bytes literals."""

    def replace(match):
        escape = match.group(1)
        if escape is None:                      # a lone backslash at the very end
            return "\\"
        char = escape[0]
        if char in _SIMPLE_ESCAPES and len(escape) == 1:
            return _SIMPLE_ESCAPES[char]
        if char in "01234567":
            value = int(escape, 8)
            return chr(value & 0xFF if is_bytes else value)
        if char == "x":
            if len(escape) != 3:
                if is_bytes:
                    fail("(value error) invalid \\x escape at position %d" % match.start())
                fail(_codec_message(match, "truncated \\xXX escape"))
            return chr(int(escape[1:], 16))
        if is_bytes or char not in "uUN":
            return "\\" + escape
        if char in "uU":
            if len(escape) != (5 if char == "u" else 9):
                fail(_codec_message(match, "truncated \\%s escape" % ("uXXXX" if char == "u" else "UXXXXXXXX")))
            value = int(escape[1:], 16)
            if value > 0x10FFFF:
                fail(_codec_message(match, "illegal Unicode character"))
            return chr(value)
        if len(escape) < 3:
            fail(_codec_message(match, "malformed \\N character escape"))
        try:
            return unicodedata.lookup(escape[2:-1])
        except KeyError:
            fail(_codec_message(match, "unknown Unicode character name"))

    def fail(msg):
        raise _StringError(msg)

    text = _ESCAPE.sub(replace, body)
    return text.encode("latin-1") if is_bytes else text


def _codec_message(match, reason: str) -> str:
    return ("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: %s"
            % (match.start(), match.end() - 1, reason))


class _FString:
    """Splits an f-string token into literal text and FormattedValue nodes, following
    CPython 3.11's rules (Parser/string_parser.c): ``{{``/``}}`` escapes, ``!r``
    conversions, ``:spec`` format specs one level deep, and ``{x=}``."""

    def __init__(self, literal: _StringLiteral, kind):
        self.token = literal.token
        self.text = str(literal.token)
        self.raw = literal.is_raw
        self.start = literal.body_start
        self.end = literal.body_end
        self.kind = kind          # Constant.kind of the whole concatenation ('u' or None)

    def fail(self, msg: str):
        raise _StringError(msg)

    def parse(self, parts: list) -> None:
        self.parse_until(self.start, 0, parts)

    def parse_until(self, pos: int, level: int, parts: list) -> int:
        """Parse literal text and fields from ``pos``; in a format spec (level 1) stop at
        the closing ``}`` and return its index."""
        text, end = self.text, self.end
        while pos < end:
            pos, literal, doubled = self.find_literal(pos, level)
            if literal:
                parts.append(literal if self.raw else _decode_escapes(literal, self.token))
            if doubled or pos >= end:
                continue
            if text[pos] == "}":
                return pos
            pos = self.parse_field(pos, level, parts)
        return pos

    def find_literal(self, pos: int, level: int):
        """(index where the literal stops, its raw text, whether it ended with a doubled
        brace that was consumed)."""
        text, end, start = self.text, self.end, pos
        while pos < end:
            char = text[pos]
            pos += 1
            if not self.raw and char == "\\" and pos < end:
                char = text[pos]
                pos += 1
                if char == "N":
                    if pos < end and text[pos] == "{":
                        closing = text.find("}", pos, end)
                        pos = end if closing < 0 else closing + 1
                    continue
            if char in "{}":
                if level == 0:
                    if pos < end and text[pos] == char:
                        return pos + 1, text[start:pos], True
                    if char == "}":
                        self.fail("f-string: single '}' is not allowed")
                return pos - 1, text[start:pos - 1], False
        return pos, text[start:pos], False

    def parse_field(self, pos: int, level: int, parts: list) -> int:
        """Parse ``{expr[=][!c][:spec]}`` starting at the ``{``; return the index after ``}``."""
        if level >= 2:
            self.fail("f-string: expressions nested too deeply")
        text, end = self.text, self.end
        expr_start = pos + 1
        pos = self.scan_expression(expr_start)
        value = self.compile_expression(expr_start, pos)
        expr_text = None
        if text[pos] == "=":
            pos += 1
            while pos < end and text[pos] in " \t\n\r\f\v":
                pos += 1
            if pos >= end:
                self.fail("f-string: expecting '}'")
            expr_text = text[expr_start:pos]
        conversion = -1
        if text[pos] == "!":
            pos += 1
            if pos >= end:
                self.fail("f-string: expecting '}'")
            conversion = ord(text[pos])
            pos += 1
            if chr(conversion) not in "sra":
                self.fail("f-string: invalid conversion character: expected 's', 'r', or 'a'")
        spec = None
        if pos < end and text[pos] == ":":
            pos += 1
            if pos >= end:
                self.fail("f-string: expecting '}'")
            spec_parts = []
            pos = self.parse_until(pos, level + 1, spec_parts)
            # CPython 3.11 gives a format spec, and a literal piece that ends it, the span of
            # this string token; its other pieces get the whole concatenation's span.
            spec = _span(ast.JoinedStr(_joined_values(spec_parts, self.kind)), self.token)
            if spec.values and type(spec.values[-1]) is ast.Constant:
                _span(spec.values[-1], self.token).kind = None
        if pos >= end or text[pos] != "}":
            self.fail("f-string: expecting '}'")
        if expr_text is not None:
            parts.append(expr_text)
            if spec is None and conversion == -1:
                conversion = ord("r")
        parts.append(ast.FormattedValue(value, conversion, spec))
        return pos + 1

    def scan_expression(self, pos: int) -> int:
        """Find where the expression of a field ends (at ``=``, ``!``, ``:`` or ``}`` outside
        brackets and strings), with CPython's checks along the way."""
        text, end = self.text, self.end
        quote, quote_len, brackets = None, 0, []
        while pos < end:
            char = text[pos]
            if char == "\\":
                self.fail("f-string expression part cannot include a backslash")
            if quote is not None:
                if char == quote and (quote_len == 1 or text.startswith(quote * 3, pos)):
                    pos += quote_len
                    quote = None
                    continue
            elif char in "'\"":
                quote_len = 3 if text.startswith(char * 3, pos) and pos + 2 < end else 1
                quote = char
                pos += quote_len
                continue
            elif char in "[({":
                if len(brackets) >= MAX_PAREN_DEPTH:
                    self.fail("f-string: too many nested parenthesis")
                brackets.append(char)
            elif char == "#":
                self.fail("f-string expression part cannot include '#'")
            elif not brackets and char in "!:}=<>":
                following = text[pos + 1] if pos + 1 < end else ""
                if following == "=" and char in "!=<>":
                    pos += 2
                    continue
                if char not in "<>":
                    break
            elif char in "])}":
                if not brackets:
                    self.fail("f-string: unmatched '%s'" % char)
                opening = brackets.pop()
                if opening + char not in ("()", "[]", "{}"):
                    self.fail("f-string: closing parenthesis '%s' does not match opening "
                              "parenthesis '%s'" % (char, opening))
            pos += 1
        if quote is not None:
            self.fail("f-string: unterminated string")
        if brackets:
            self.fail("f-string: unmatched '%s'" % brackets[-1])
        if pos >= end:
            self.fail("f-string: expecting '}'")
        return pos

    def compile_expression(self, start: int, stop: int):
        """Parse the text of a field as ``(text)`` with the full grammar, then move the
        nodes to where the text is in the file (CPython 3.11's arithmetic)."""
        text = self.text
        if not text[start:stop].strip(" \t\n\f"):
            if text[stop] in "!:=":
                self.fail("f-string: expression required before '%s'" % text[stop])
            self.fail("f-string: empty expression not allowed")
        brace = start - 1
        lines = text.count("\n", 0, brace)
        after = text[start:stop]
        if after.lstrip(" \t\f").startswith("\n"):
            cols = 0
        else:
            line_start = text.rfind("\n", 0, brace) + 1
            cols = brace - line_start
        first_line = self.token.line + lines
        first_col = cols if lines else self.token.column - 1 + cols
        sub = _Source("(" + after + ")")
        if sub.added_newline:            # a field is not a line: no final NEWLINE token
            sub.text = sub.text[:-1]
        try:
            node = _expr(_parse_text(sub, "fstring_input"))
        except AmberSyntaxError as error:
            raise _fstring_error(error, first_line, first_col) from None
        _move(node, first_line, first_col)
        return node


def _fstring_error(error: AmberSyntaxError, first_line: int, first_col: int) -> AmberSyntaxError:
    """An error in a replacement field, moved from its sub-parse to the file (CPython's
    line; the column is the real one where CPython gives a column in its sub-parse).
    Like CPython, only the parser's messages get the "f-string: " prefix."""
    msg = error.msg
    if not msg.startswith("f-string") and not getattr(error, "from_tokenizer", False):
        msg = "f-string: " + msg
    line, offset = error.lineno or 1, error.offset or 1
    if line == 1:
        offset += first_col
    return make_error(type(error), msg, line + first_line - 1, offset)


def _move(node, first_line: int, first_col: int) -> None:
    """Shift the positions of a sub-parsed tree: lines by ``first_line - 1``, and columns on
    its first line by ``first_col`` (later lines are verbatim source lines)."""
    shift = first_line - 1
    for child in ast.walk(node):
        if not child._attributes:
            continue
        if child.lineno == 1:
            child.col_offset += first_col
        if child.end_lineno == 1:
            child.end_col_offset += first_col
        child.lineno += shift
        child.end_lineno += shift
