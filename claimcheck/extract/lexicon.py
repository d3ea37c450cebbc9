"""Word lists matched against a sentence's tokens: fast set look-ups instead of big regexes.

A ``Lexicon`` holds whole words, word stems ("arrest" matches "arrested", "arrests") and
phrases of two or three words. Matching a sentence costs one pass over its words, whatever
the size of the lists (a regular expression alternation costs a try per alternative at every
position of the text).
"""

from __future__ import annotations

import re

import attrs

_TOKEN = re.compile(r"[^\W_]+(?:[’'][^\W_]+)?")


@attrs.frozen
class Tokens:
    """A sentence's lowercase words, and its two- and three-word phrases."""

    words: tuple[str, ...]
    phrases: frozenset[str]

    @classmethod
    def of(cls, text: str) -> "Tokens":
        words = tuple(w.replace("’", "'") for w in _TOKEN.findall(text.lower()))
        phrases = {f"{a} {b}" for a, b in zip(words, words[1:])}
        phrases.update(f"{a} {b} {c}" for a, b, c in zip(words, words[1:], words[2:]))
        return cls(words, frozenset(phrases))


class Lexicon:
    """``Lexicon("said says", stems="arrest detain", phrases="according to|took place")``."""

    def __init__(self, words: str = "", *, stems: str = "", phrases: str = ""):
        self.words = frozenset(words.split())
        self.stems = tuple(stems.split())
        self.phrases = frozenset(p.strip() for p in phrases.split("|") if p.strip())

    def found(self, tokens: Tokens) -> bool:
        words, stems = self.words, self.stems
        for w in tokens.words:
            if w in words or (stems and w.startswith(stems)):
                return True
        return bool(self.phrases) and not self.phrases.isdisjoint(tokens.phrases)
