# repr of strings with quotes and escapes
print(repr('it\'s'), repr("a\"b"), repr('\n'), repr('\t'), repr('\\'))
print(repr("both ' and \""), repr(''), repr("plain"), repr('say "hi"'))
print(repr("line1\nline2"), repr("\r\n"), repr("\x00\x07\x1b"), repr("\x7f"))
print(['it\'s', "a\"b", '\n', '\t', '\\', ''])
print(('x',), ("quote'", 'dq"'), {"key'": 'val"'})
print("it's", "a\"b", "back\\slash")
s = "tab\there"
print(s, repr(s), len(s))
print(repr("caf\u00e9"), repr("\u2603"), repr("\u00a0"))
print(str("x\ny"))
print(repr(repr("a")), repr(str(5)), repr(str(1.5)))
path = "C:\\new\\table"
print(path, repr(path), len(path))
print(repr("\"'"), repr("'"), repr('"'))
nested = [["a'b"], ("c\"d", "e\\f")]
print(nested)
print(f"{'q' + chr(34)!r} {chr(39)!r} {chr(10)!r}")
