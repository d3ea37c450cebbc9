"""What every part of the reader shares: the tokens of a text, the amount being read, constants.

The reader is one class, ``reader._Reader``, put together from mixins that each read one
kind of thing (numerals.py, notfigures.py, unitreader.py); they all stand on ``TokenView``.
"""

from __future__ import annotations

from bisect import bisect_left

from claimcheck.quantities import lexicon as L
from claimcheck.quantities import units as U
from claimcheck.quantities.tokens import NUM, SYM, WORD, Tokens

CONTEXT_TOKENS = 400


def context_hits(t: Tokens) -> dict[str, list[int]]:
    """Token indices of the cue words of each context, in order."""
    cues = CONTEXT_CUES
    hits: dict[str, list[int]] = {}
    lowers = t.lower
    for i in [i for i, w in enumerate(lowers) if w in cues]:
        w = lowers[i]
        for name, follow in cues[w]:
            if follow is None or (i + 1 < t.n and lowers[i + 1] in follow):
                hits.setdefault(name, []).append(i)
    return hits


def cue_table() -> dict[str, list[tuple[str, frozenset[str] | None]]]:
    table: dict[str, list[tuple[str, frozenset[str] | None]]] = {}
    for name, words in L.CONTEXT_CUES.items():
        for cue in words:
            first, _, rest = cue.partition(" ")
            table.setdefault(first, []).append((name, frozenset(rest.split("|")) if rest else None))
    return table


CONTEXT_CUES = cue_table()


SENTENCE_BREAKS = frozenset({".", "!", "?", ":", ";", '"', "“", "”", "‘", "'", "(", "[", "—", "•", "\u2022"})


DASHES = frozenset({"-", "–", "‑"})


MINUS = frozenset({"-", "−", "–"})


CLOCK_FIRST = frozenset({"am", "pm", "a", "p", "local", "o'clock"})


DAY_ORDINAL = frozenset({"st", "nd", "rd", "th"})


LOWER_PREFIXES = frozenset({"mid", "pre", "post", "late", "early", "non", "over", "under", "sub", "ex", "anti", "top", "circa"})


DENOMINATORS = frozenset({2, 3, 4, 5, 8, 10, 16, 100})


START_WORDS: frozenset[str] = frozenset(
    set(L.UNITS_WORDS) | set(L.TENS_WORDS) | set(L.ORDINAL_WORDS) | set(L.PREFIX_BY_FIRST)
    | set(L.PLURAL_SCALES) | set(L.FRACTION_SINGULAR) | {"a", "an", "half", "between", "from",
    "dozens", "dozen", "tens", "several", "nine", "quarter"} | L.MONTHS | U.PLAIN_ISO_CODES
)


def gates_table() -> dict[str, frozenset[str]]:
    """For each qualifier's first word, the words that may follow it ("#": any number)."""
    gates: dict[str, set[str]] = {}
    for first, entries in L.PREFIX_BY_FIRST.items():
        follow = gates.setdefault(first, set())
        for words, _q in entries:
            follow.add(words[1] if len(words) > 1 else "#")
    for word in L.UNITS_WORDS.keys() | L.TENS_WORDS.keys() | L.ORDINAL_WORDS.keys():
        gates.pop(word, None)  # number words start a figure by themselves
    article = {"million", "billion", "trillion", "thousand", "hundred", "dozen", "few", "handful",
               "maximum", "minimum", "estimated"} | set(L.FRACTION_SINGULAR)
    gates["a"] = gates.get("a", set()) | article
    gates["an"] = gates.get("an", set()) | article
    return {k: frozenset(v) for k, v in gates.items()}


GATES = gates_table()


UNITISH = frozenset(
    {k[0] for k in U.PERCENT_WORDS} | {k[0] for k in U.CURRENCY_MULTIWORD} | {k[0] for k in U.UNIT_MULTIWORD}
    | set(U.CURRENCY_WORDS) | set(U.SUBUNIT_WORDS) | set(U.WORD_UNITS) | set(U.ATTACHED_UNITS)
    | set(U.SPACED_ABBREVIATIONS) | set(U.ISO_CODES) | U.PLAIN_ISO_CODES | set(U.CURRENCY_SYMBOLS)
    | U.DEGREE_WORDS | U.POINT_WORDS | {"second", "p"}
)


NUMBERISH = frozenset(
    set(L.UNITS_WORDS) | set(L.TENS_WORDS) | set(L.PLURAL_SCALES) | set(L.FRACTION_SINGULAR)
    | {"a", "an", "half", "dozens", "dozen", "tens", "several", "quarter", "few"} | U.PLAIN_ISO_CODES
)


PREFIX_TOKENS = frozenset(set(U.CURRENCY_PREFIX_WORDS) | set(U.DOLLAR_PREFIXES) | {"R"})


TRIGGER_SYMBOLS = frozenset(set(U.CURRENCY_SYMBOLS) | set(L.UNICODE_FRACTIONS) | set("~><≥≤-−–#."))


TRIGGER_TEXTS = TRIGGER_SYMBOLS | PREFIX_TOKENS


IS_NUM = NUM.__eq__


class Amount:
    """A number with its scale and unit, as written, before any qualifier applies.

    The class attributes are the defaults; an instance sets only what differs (cheaper than
    setting eighteen slots for every number read).
    """

    mant: int | None = None  # written digits for the precision rule: value = mant * 10**exp
    exp = 0
    kind = "num"  # num | fraction | vague | decade
    unit: str | None = None
    money = False
    scaled = False
    about = False  # "a dozen" is about 12
    year_ok = False  # a bare 4-digit integer that may be a calendar year
    ordinal = False
    words = False
    factor = 1.0
    temp = False
    digits_only = False

    def __init__(self, a: int, b: int, value: float) -> None:
        self.a = a  # first token
        self.b = b  # one past the last token
        self.value = value
        self.lo = value
        self.hi = value


class Skip(Exception):
    """Not a figure here; carry on after token ``to``."""

    def __init__(self, to: int) -> None:
        self.to = to


class TokenView:
    """The tokens of one text, with the small look-ups every reading step uses."""

    def __init__(self, text: str, tokens: Tokens) -> None:
        self.src = text
        self.t = tokens
        self._ctx_hits: dict[str, list[int]] | None = None

    def ctx(self, name: str, at: int | None = None) -> bool:
        """Does the passage around token ``at`` speak of this ("Japanese context")?

        The cue words of every context are found in one pass over the tokens, on first need;
        in a long document only cues within a few hundred tokens of the figure count.
        """
        hits = self._ctx_hits
        if hits is None:
            hits = self._ctx_hits = context_hits(self.t)
        where = hits.get(name)
        if not where:
            return False
        if at is None or self.t.n <= 2 * CONTEXT_TOKENS:
            return True
        k = bisect_left(where, at - CONTEXT_TOKENS)
        return k < len(where) and where[k] <= at + CONTEXT_TOKENS

    def adjacent(self, i: int, j: int) -> bool:
        t = self.t
        return 0 <= i < t.n and 0 <= j < t.n and t.end[i] == t.start[j]

    def low(self, i: int) -> str:
        t = self.t
        return t.lower[i] if 0 <= i < t.n else ""

    def txt(self, i: int) -> str:
        t = self.t
        return t.text[i] if 0 <= i < t.n else ""

    def kind(self, i: int) -> int:
        t = self.t
        return t.kind[i] if 0 <= i < t.n else -1

    def sentence_start(self, i: int) -> bool:
        if i <= 0:
            return True
        t = self.t
        prev = t.text[i - 1]
        if t.kind[i - 1] == SYM and prev in SENTENCE_BREAKS:
            return True
        return "\n" in self.src[t.end[i - 1] : t.start[i]]

    def is_int(self, i: int) -> bool:
        t = self.t
        return t.kind[i] == NUM and not t.value[i][1]

    def int_value(self, i: int) -> int:
        return int(self.t.value[i][0])

    def is_month(self, i: int) -> bool:
        t = self.t
        if not (0 <= i < t.n) or t.kind[i] != WORD:
            return False
        return t.lower[i] in L.MONTHS and t.text[i][0].isupper()
