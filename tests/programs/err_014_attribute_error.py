# AttributeError for a missing str method
def shout(s):
    return s.upper() + "!"
def whisper(s):
    return s.quietly()
def speak(words, loud):
    for w in words:
        print(shout(w) if loud else whisper(w))
speak(["hi", "there"], True)
speak(["psst"], False)
