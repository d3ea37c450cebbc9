"""Word lists matched against a sentence's tokens: fast set look-ups instead of big regexes.

A ``Lexicon`` holds whole words, word stems ("arrest" matches "arrested", "arrests") and
phrases of two or three words. A sentence is tokenised once (``Tokens``); matching a lexicon
is then a few set operations in C, whatever the size of the lists (a regular-expression
alternation costs a try per alternative at every position of the text).
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


class Tokens:
    """A sentence's lowercase words: as a set, as a padded string (for phrases) and their prefixes (for stems)."""

    __slots__ = ("words", "set", "joined")

    def __init__(self, text: str):
        self.words: list[str] = _TOKEN.findall(text.lower().replace("’", "'"))
        self.set = frozenset(self.words)
        self.joined = " " + " ".join(self.words) + " "

    @classmethod
    def of(cls, text: str) -> "Tokens":
        return cls(text)


class Lexicon:
    """``Lexicon("said says", stems="arrest detain", phrases="according to|took place")``."""

    def __init__(self, words: str = "", *, stems: str = "", phrases: str = ""):
        self.words = frozenset(words.replace("’", "'").split())
        self.stems = frozenset(stems.split())
        # one alternation searched in the space-padded words: a stem starts after a space
        self._stems = re.compile(" (?:" + "|".join(sorted(map(re.escape, self.stems), key=len, reverse=True)) + ")") if self.stems else None
        self.phrases = tuple(f" {p.strip()} " for p in phrases.split("|") if p.strip())

    def found(self, tokens: Tokens) -> bool:
        if not self.words.isdisjoint(tokens.set):
            return True
        if self._stems is not None and self._stems.search(tokens.joined):
            return True
        joined = tokens.joined
        for phrase in self.phrases:
            if phrase in joined:
                return True
        return False
