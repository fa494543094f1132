# upper/lower, startswith/endswith, string comparisons
words = ["Python", "rust", "GoLang", "c", "JAVA"]
for w in words:
    print(w.upper(), w.lower(), w.startswith("P"), w.endswith("a"), w.lower().endswith("a"))
print("hello".startswith("he"), "hello".startswith("lo"), "hello".startswith(""), "hello".startswith("hello!"))
print("hello".endswith("lo"), "hello".endswith(""), "hello".endswith("Hello"))
print("report.txt".endswith(".txt"), "image.PNG".lower().endswith(".png"))
print("Hello World".startswith("World", 6), "Hello World".endswith("Hello", 0, 5))
print("MiXeD 123 !?".upper(), "MiXeD 123 !?".lower())
files = ["main.py", "README.md", "test_main.py", "setup.cfg", "test_util.py"]
tests = []
for f in files:
    if f.startswith("test_") and f.endswith(".py"):
        tests.append(f)
print(tests)
def title_case(s):
    out = []
    for w in s.split():
        out.append(w[0].upper() + w[1:].lower())
    return " ".join(out)
print(title_case("the QUICK brown fOX"))
def is_shouting(s):
    return s == s.upper() and s != s.lower()
print(is_shouting("HEY!"), is_shouting("Hey"), is_shouting("123"))
print("abc".upper() == "ABC", "ABC".lower() < "abd", "a".upper() < "a")
name = "ada lovelace"
initials = ""
for part in name.split():
    initials += part[0].upper() + "."
print(initials)
