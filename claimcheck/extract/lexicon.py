"""Word lists matched against a sentence's tokens: fast set look-ups instead of big regexes.

A ``Lexicon`` holds whole words, word stems ("arrest" matches "arrested", "arrests") and
phrases of two or three words. A sentence is tokenised once (``Tokens``); matching a lexicon
is then a few set operations in C, whatever the size of the lists (a regular-expression
alternation costs a try per alternative at every position of the text).
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"\w+(?:'\w+)?")  # \w, not [^\W_]: twice as fast, and '_' never matters
#: common non-ASCII signs that are not word characters (nor apostrophes): as good as a space
_TYPOGRAPHIC = ("“", "”", "‘", "–", "—", "…", "«", "»", "\u00a0")
#: a byte table: every ASCII character but the word characters and the apostrophe to a space
#: (``bytes.translate`` runs several times faster than ``str.translate``)
_SPACES = bytes(c if c >= 128 or chr(c).isalnum() or chr(c) in "_'" else 32 for c in range(256))


def _words(lowered: str) -> list[str]:
    """``_TOKEN.findall(lowered)``, faster. A regular expression costs some 30 ns a character; on
    ASCII text the words are the runs of word characters between the rest, which ``translate``
    (to spaces) and ``split`` find in a few ns a character. Only the pieces with an apostrophe
    ("don't", "'quoted'") are left to the pattern."""
    if not lowered.isascii():
        for sign in _TYPOGRAPHIC:
            if sign in lowered:
                lowered = lowered.replace(sign, " ")
        if not lowered.isascii():
            return _TOKEN.findall(lowered)
    pieces = lowered.encode("ascii").translate(_SPACES).decode("ascii").split()
    if "'" not in lowered:
        return pieces
    words: list[str] = []
    for piece in pieces:
        if "'" in piece:
            words += _TOKEN.findall(piece)
        else:
            words.append(piece)
    return words


class Tokens:
    """A sentence's lowercase words: as a set, as a padded string (for phrases) and their prefixes (for stems)."""

    __slots__ = ("words", "set", "joined")

    def __init__(self, text: str):
        lowered = text.lower()
        if "’" in lowered:
            lowered = lowered.replace("’", "'")
        self.words: list[str] = _words(lowered)
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


class Lexicons:
    """Several named lexicons matched in one pass: ``Lexicons(event=EVENT, feeling=FEELING).found(tokens)``
    returns the names of those that match. Each distinct word is looked up once (words and stems
    alike, remembered for the next sentence); phrases are a substring test each."""

    def __init__(self, **lexicons: Lexicon):
        self.lexicons = lexicons
        self._words: dict[str, set[str]] = {}
        for name, lexicon in lexicons.items():
            for word in lexicon.words:
                self._words.setdefault(word, set()).add(name)
        self._stemmed = {name: tuple(lexicon.stems) for name, lexicon in lexicons.items() if lexicon.stems}
        self._phrases = [(name, lexicon.phrases) for name, lexicon in lexicons.items() if lexicon.phrases]
        #: a phrase's first word -> (lexicon, phrase): a phrase can only be in a sentence that has its
        #: first word, so only those phrases are looked for (a set intersection picks them)
        self._by_first: dict[str, list[tuple[str, str]]] = {}
        for name, phrases in self._phrases:
            for phrase in phrases:
                self._by_first.setdefault(phrase.split()[0], []).append((name, phrase))
        self._firsts = frozenset(self._by_first)
        #: word -> the lexicons it belongs to (a text's vocabulary repeats: each word is worked out once)
        self._cache: dict[str, frozenset[str]] = {}
        #: the words of the cache that belong to a lexicon, and all the words it knows: the set
        #: operations on these skip the (many) words that belong to none without a loop in Python
        self._hitting: set[str] = set()
        self._known: set[str] = set()

    def _word_hits(self, word: str) -> frozenset[str]:
        names = set(self._words.get(word, ()))
        for name, stems in self._stemmed.items():
            if word.startswith(stems):
                names.add(name)
        hits = frozenset(names)
        if len(self._cache) > 500_000:
            self._cache.clear()
            self._hitting.clear()
            self._known.clear()
        self._cache[word] = hits
        self._known.add(word)
        if hits:
            self._hitting.add(word)
        return hits

    def found(self, tokens: Tokens) -> set[str]:
        hits: set[str] = set()
        words = tokens.set
        for word in words - self._known:
            hits |= self._word_hits(word)
        cache = self._cache
        for word in words & self._hitting:
            hits |= cache[word]
        by_first = self._by_first
        joined = tokens.joined
        for first in words & self._firsts:
            for name, phrase in by_first[first]:
                if name not in hits and phrase in joined:
                    hits.add(name)
        return hits
