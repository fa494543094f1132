"""The compiler's on-disk cache (compiler/cache.py): the prelude's compiled code and the
parsed stdlib modules.  A damaged or foreign file must be ignored and rebuilt, a file
made for other sources must never be used, and no folder means no cache."""

import pickle

import attrs
import pytest

from amber.compiler import cache, codegen, compile_source

SCRIPT = "import collections\nprint(collections.deque([1, 2]))\n"


def _fresh(monkeypatch, directory):
    """Point the cache at `directory` and forget what this process already loaded."""
    monkeypatch.setenv("AMBER_CACHE_DIR", str(directory))
    codegen._prelude_pickle.cache_clear()
    codegen._stdlib_ast.cache_clear()
    codegen.stdlib_names.cache_clear()
    codegen.stdlib_public_names.cache_clear()


@pytest.fixture
def cachedir(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path)
    yield tmp_path
    codegen._prelude_pickle.cache_clear()
    codegen._stdlib_ast.cache_clear()
    codegen.stdlib_names.cache_clear()
    codegen.stdlib_public_names.cache_clear()


def _compiled(source=SCRIPT):
    return attrs.asdict(compile_source(source, "s.py"))


def _files(directory):
    return sorted(p.name for p in directory.glob("compiled-*.pickle"))


def test_cached_compile_equals_uncached(cachedir, monkeypatch):
    first = _compiled()                                  # builds and writes the cache
    assert any(n.startswith("compiled-prelude-") for n in _files(cachedir))
    assert any(n.startswith("compiled-ast-collections-") for n in _files(cachedir))
    _fresh(monkeypatch, cachedir)
    monkeypatch.setattr(codegen, "_generate_prelude", None)     # must not be needed
    monkeypatch.setattr(codegen, "_prelude_ast", None)
    assert _compiled() == first                          # everything read back


def test_programs_share_no_mutable_tables(cachedir):
    a = compile_source("x = 1\n", "a.py")
    b = compile_source("x = 1\n", "b.py")
    assert a.codes[1] == b.codes[1] and a.codes[1] is not b.codes[1]
    a.codes[1].code.append(0)
    assert a.codes[1] != b.codes[1]


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty", "header"])
def test_damaged_file_is_ignored_and_rebuilt(cachedir, monkeypatch, damage):
    expected = _compiled()
    for path in cachedir.glob("compiled-*.pickle"):
        data = path.read_bytes()
        if damage == "truncate":
            data = data[: len(data) // 2]
        elif damage == "flip":
            data = data[:-10] + bytes([data[-10] ^ 0x55]) + data[-9:]
        elif damage == "garbage":
            data = b"\x80\x05garbage" * 100
        elif damage == "empty":
            data = b""
        else:
            data = data.replace(cache.MAGIC, b"AMBER-COMPILER-CACHE 0\n", 1)
        path.write_bytes(data)
    _fresh(monkeypatch, cachedir)
    assert _compiled() == expected
    for path in cachedir.glob("compiled-*.pickle"):      # rewritten, sound again
        entry = path.name[len("compiled-"):].rsplit("-", 1)[0]
        assert cache.read(entry) is not None


def test_sound_file_with_wrong_content_is_rebuilt(cachedir, monkeypatch):
    expected = _compiled()
    cache.write("prelude", pickle.dumps((1, {"codes": [None, "not a code object"]})))
    cache.write("ast-collections", ["not", "a", "module"])
    _fresh(monkeypatch, cachedir)
    assert _compiled() == expected
    assert codegen._prelude_sound(cache.read("prelude"))


def test_file_for_other_sources_is_not_used(cachedir, monkeypatch, tmp_path_factory):
    expected = _compiled()
    # a source change gives another digest, so another file name ...
    extra = tmp_path_factory.mktemp("src") / "extra.py"
    extra.write_text("x = 1\n")
    files = cache._source_files()
    monkeypatch.setattr(cache, "_source_files", lambda: files + [extra])
    cache.source_digest.cache_clear()
    try:
        before = cache.source_digest()
        extra.write_text("x = 2\n")
        cache.source_digest.cache_clear()
        assert cache.source_digest() != before
    finally:
        cache.source_digest.cache_clear()
    monkeypatch.undo()
    _fresh(monkeypatch, cachedir)
    # ... and a file renamed to the current name is refused by the digest in its header
    current = cache.source_digest()
    for path in cachedir.glob("compiled-*.pickle"):
        data = path.read_bytes()
        assert current.encode() in data[:200]
        path.write_bytes(data.replace(current.encode(), b"0" * len(current), 1))
    assert cache.read("prelude") is None
    stale = pickle.dumps((1, {"codes": [None]}))   # would compile the wrong prelude
    assert not codegen._prelude_sound(stale)
    assert _compiled() == expected


def test_digest_covers_compiler_stdlib_and_vm_tables():
    names = {p.name for p in cache._source_files()}
    assert {"codegen.py", "parser.py", "grammar.lark", "prelude.py", "collections.py",
            "opcodes.py", "layout.py", "builtins.py"} <= names


def test_no_usable_folder_means_no_cache(monkeypatch):
    _fresh(monkeypatch, "/proc/amber-cannot-write-here")
    try:
        assert cache.cache_dir() is None
        assert cache.read("prelude") is None
        cache.write("prelude", b"x")                      # silently nothing
        assert "deque([1, 2])" in str(_compiled()["source"])
    finally:
        codegen._prelude_pickle.cache_clear()
        codegen._stdlib_ast.cache_clear()
