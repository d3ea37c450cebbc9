"""Read every figure in English news text: ``find_quantities(text) -> list[Quantity]``.

The reader cuts the text into tokens once (``tokens.py``, linear time) and walks them left to
right. At a token that can start a figure (a digit group, a number word, a qualifier, a
currency sign ...) it tries, in this order: a qualifier ("more than", "between"), an amount
(currency sign, number, scale word, unit), words after it ("or more", "+"), and a range
("X-Y", "X to Y"). Every step only looks a few tokens ahead, so the walk is linear too.

The reading rules are the contract of the quantity-engine issue (docs/quantities.md).
"""

from __future__ import annotations

from bisect import bisect_left
from fractions import Fraction
from itertools import compress
from operator import or_

from claimcheck.quantities import lexicon as L
from claimcheck.quantities import units as U
from claimcheck.quantities.intervals import bare_interval, to_float
from claimcheck.quantities.model import Qualifier, Quantity
from claimcheck.quantities.tokens import JUNK, NUM, SYM, WORD, Tokens, comma_decimal_evident

__all__ = ["find_quantities"]


_CONTEXT_TOKENS = 400


def _context_hits(t: Tokens) -> dict[str, list[int]]:
    """Token indices of the cue words of each context, in order."""
    cues = _CONTEXT_CUES
    hits: dict[str, list[int]] = {}
    lowers = t.lower
    for i in [i for i, w in enumerate(lowers) if w in cues]:
        w = lowers[i]
        for name, follow in cues[w]:
            if follow is None or (i + 1 < t.n and lowers[i + 1] in follow):
                hits.setdefault(name, []).append(i)
    return hits


def _cue_table() -> dict[str, list[tuple[str, frozenset[str] | None]]]:
    table: dict[str, list[tuple[str, frozenset[str] | None]]] = {}
    for name, words in L.CONTEXT_CUES.items():
        for cue in words:
            first, _, rest = cue.partition(" ")
            table.setdefault(first, []).append((name, frozenset(rest.split("|")) if rest else None))
    return table


_CONTEXT_CUES = _cue_table()

_SENTENCE_BREAKS = frozenset({".", "!", "?", ":", ";", '"', "“", "”", "‘", "'", "(", "[", "—", "•", "\u2022"})
_DASHES = frozenset({"-", "–", "‑"})
_MINUS = frozenset({"-", "−", "–"})
_CLOCK_FIRST = frozenset({"am", "pm", "a", "p", "local", "o'clock"})
_DAY_ORDINAL = frozenset({"st", "nd", "rd", "th"})
_LOWER_PREFIXES = frozenset({"mid", "pre", "post", "late", "early", "non", "over", "under", "sub", "ex", "anti", "top", "circa"})

# "1/2", "3/4", "2 1/2": written fractions have small round denominators; "9/11" is a name.
_DENOMINATORS = frozenset({2, 3, 4, 5, 8, 10, 16, 100})

_START_WORDS: frozenset[str] = frozenset(
    set(L.UNITS_WORDS) | set(L.TENS_WORDS) | set(L.ORDINAL_WORDS) | set(L.PREFIX_BY_FIRST)
    | set(L.PLURAL_SCALES) | set(L.FRACTION_SINGULAR) | {"a", "an", "half", "between", "from",
    "dozens", "dozen", "tens", "several", "nine", "quarter"} | L.MONTHS | U.PLAIN_ISO_CODES
)


def _gates() -> dict[str, frozenset[str]]:
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


_GATES = _gates()
# Every token that can begin a unit, percent or currency after a number (a quick "no").
_UNITISH = frozenset(
    {k[0] for k in U.PERCENT_WORDS} | {k[0] for k in U.CURRENCY_MULTIWORD} | {k[0] for k in U.UNIT_MULTIWORD}
    | set(U.CURRENCY_WORDS) | set(U.SUBUNIT_WORDS) | set(U.WORD_UNITS) | set(U.ATTACHED_UNITS)
    | set(U.SPACED_ABBREVIATIONS) | set(U.ISO_CODES) | U.PLAIN_ISO_CODES | set(U.CURRENCY_SYMBOLS)
    | U.DEGREE_WORDS | U.POINT_WORDS | {"second", "p"}
)
# Words that may follow a one-word qualifier ("about a million", "over half", "some 30,000").
_NUMBERISH = frozenset(
    set(L.UNITS_WORDS) | set(L.TENS_WORDS) | set(L.PLURAL_SCALES) | set(L.FRACTION_SINGULAR)
    | {"a", "an", "half", "dozens", "dozen", "tens", "several", "quarter", "few"} | U.PLAIN_ISO_CODES
)
_PREFIX_TOKENS = frozenset(set(U.CURRENCY_PREFIX_WORDS) | set(U.DOLLAR_PREFIXES) | {"R"})
_TRIGGER_SYMBOLS = frozenset(set(U.CURRENCY_SYMBOLS) | set(L.UNICODE_FRACTIONS) | set("~><≥≤-−–#."))
_TRIGGER_TEXTS = _TRIGGER_SYMBOLS | _PREFIX_TOKENS
_IS_NUM = NUM.__eq__


class _Amount:
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


class _Skip(Exception):
    """Not a figure here; carry on after token ``to``."""

    def __init__(self, to: int) -> None:
        self.to = to


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in ``text``, in reading order (contract: docs/quantities.md)."""
    if not isinstance(text, str):
        raise TypeError("find_quantities() reads a str")
    if not text:
        return []
    comma_decimal = comma_decimal_evident(text)
    if len(text) <= _CHUNK:
        return _Reader(text, Tokens(text, comma_decimal)).read()
    out: list[Quantity] = []
    for a, b in _chunks(text):
        out.extend(_Reader(text, Tokens(text[a:b], comma_decimal, base=a)).read())
    return out


# Long text is read in pieces of about this many characters, cut between sentences: the
# token lists stay small (fast in CPython) and a figure never spans two sentences.
_CHUNK = 65_536


def _chunks(text: str):
    n = len(text)
    a = 0
    while a < n:
        b = a + _CHUNK
        if b >= n:
            yield a, n
            return
        cut = max(text.rfind("\n", a + _CHUNK // 2, b), text.rfind(". ", a + _CHUNK // 2, b) + 1)
        if cut <= a:
            # no sentence end: cut at whitespace, even beyond the chunk size (never inside a token)
            spaces = [text.rfind(" ", a + 1, b), text.find(" ", b), text.find("\n", b)]
            cut = max(spaces[0], 0) or min((p for p in spaces[1:] if p > 0), default=n)
        yield a, cut
        a = cut


class _Reader:
    def __init__(self, text: str, tokens: Tokens) -> None:
        self.src = text
        self.t = tokens
        self._ctx_hits: dict[str, list[int]] | None = None

    # --- context cues, looked up lazily and once -------------------------------------------
    def ctx(self, name: str, at: int | None = None) -> bool:
        """Does the passage around token ``at`` speak of this ("Japanese context")?

        The cue words of every context are found in one pass over the tokens, on first need;
        in a long document only cues within a few hundred tokens of the figure count.
        """
        hits = self._ctx_hits
        if hits is None:
            hits = self._ctx_hits = _context_hits(self.t)
        where = hits.get(name)
        if not where:
            return False
        if at is None or self.t.n <= 2 * _CONTEXT_TOKENS:
            return True
        k = bisect_left(where, at - _CONTEXT_TOKENS)
        return k < len(where) and where[k] <= at + _CONTEXT_TOKENS

    # --- token helpers ----------------------------------------------------------------------
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
        if t.kind[i - 1] == SYM and prev in _SENTENCE_BREAKS:
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

    # --- the walk ---------------------------------------------------------------------------
    def read(self) -> list[Quantity]:
        t = self.t
        out: list[Quantity] = []
        kinds, lowers, texts = t.kind, t.lower, t.text
        n = t.n
        starts = _START_WORDS
        gates = _GATES
        numberish = _NUMBERISH
        prefixes = _PREFIX_TOKENS
        symbols = _TRIGGER_SYMBOLS
        # The tokens that may start a figure: digits, start words, currency prefixes, symbols;
        # found with map() over C functions, no Python code per token.
        flags = map(or_, map(or_, map(_IS_NUM, kinds), map(starts.__contains__, lowers)), map(_TRIGGER_TEXTS.__contains__, texts))
        candidates = list(compress(range(n), flags))
        resume = 0
        for i in candidates:
            if i < resume:
                continue
            if texts[i] == "." and not (i + 1 < n and kinds[i + 1] == NUM and t.end[i] == t.start[i + 1]):
                continue  # a full stop, not the point of ".25"
            if kinds[i] == WORD and texts[i] not in prefixes:
                # a common word ("a", "at", "over") starts a figure only before certain words
                gate = gates.get(lowers[i])
                if gate is not None and i + 1 < n:
                    nl = lowers[i + 1]
                    if not (nl in gate or "#" in gate and (kinds[i + 1] == NUM or nl in numberish or texts[i + 1] in prefixes or texts[i + 1] in symbols)):
                        continue
            try:
                got = self.figure_at(i)
            except _Skip as skip:
                resume = skip.to
                continue
            except (ArithmeticError, ValueError):
                # a number beyond what a float holds ("a few trillion trillion ..."): no figure
                continue
            if got is not None:
                qs, nxt = got
                out.extend(qs)
                resume = nxt
        return out

    # --- one figure -------------------------------------------------------------------------
    def figure_at(self, i: int) -> tuple[list[Quantity], int] | None:
        t = self.t
        low = t.lower[i]
        if t.kind[i] == WORD and self.is_month(i):
            return self.after_month(i)
        if t.kind[i] == SYM and t.text[i] == "#" and self.kind(i + 1) == NUM and self.adjacent(i, i + 1):
            raise _Skip(i + 2)
        if t.text[i] == ".":
            # ".25": a decimal written without its leading zero
            if not (self.kind(i + 1) == NUM and self.adjacent(i, i + 1) and self.is_int(i + 1)) or (i > 0 and self.adjacent(i - 1, i)):
                return None
        if low in ("between", "from"):
            got = self.range_words(i)
            if got is not None:
                return got
            if low == "from":
                return None
        qual = self.qualifier_at(i)
        if qual is not None:
            q, j = qual
            try:
                amt = self.amount_at(j)
            except _Skip:
                amt = None
            if amt is not None and not (amt.year_ok and self.year_after_qualifier(amt)):
                amt = self.post_unit_checks(amt)
                return [self.build(i, amt, q)], amt.b
            if amt is not None and amt.year_ok:
                return [self.build_year(amt)], amt.b
            if t.kind[i] == WORD and low not in _START_WORDS:
                return None
        amt = self.amount_at(i)
        if amt is None:
            return None
        # "X or more", "X+"
        suffix = self.suffix_qualifier(amt)
        if suffix is not None:
            q, b = suffix
            amt = self.post_unit_checks(amt)
            quantity = self.build(amt.a, amt, q)
            return [self.with_end(quantity, b)], b
        # "X-Y", "X to Y", "X–Y"
        rng = self.range_after(amt)
        if rng is not None:
            return rng
        if amt.year_ok:
            return [self.build_year(amt)], amt.b
        amt = self.post_unit_checks(amt)
        return [self.build(amt.a, amt, None)], amt.b

    def year_after_qualifier(self, amt: _Amount) -> bool:
        # "65% below 1990 levels": the qualifier does not qualify a year.
        return self.low(amt.b) in ("level", "levels")

    # --- qualifiers -------------------------------------------------------------------------
    def qualifier_at(self, i: int) -> tuple[Qualifier, int] | None:
        t = self.t
        cands = L.PREFIX_BY_FIRST.get(t.lower[i])
        if not cands:
            return None
        for words, q in cands:
            m = len(words)
            if i + m > t.n:
                continue
            if all(t.lower[i + k] == words[k] for k in range(1, m)):
                return q, i + m
        return None

    def suffix_qualifier(self, amt: _Amount) -> tuple[Qualifier, int] | None:
        t = self.t
        b = amt.b
        if b < t.n and t.text[b] == "+" and self.adjacent(b - 1, b):
            return Qualifier.AT_LEAST, b + 1
        if self.low(b) == "or":
            q = L.SUFFIX_QUALIFIERS.get(("or", self.low(b + 1)))
            if q is not None:
                return q, b + 2
        return None

    def with_end(self, q: Quantity, b: int) -> Quantity:
        end = self.t.end[b - 1]
        return Quantity(
            start=q.start, end=end, text=self.src[q.start : end], low=q.low, high=q.high,
            low_open=q.low_open, high_open=q.high_open, unit=q.unit, qualifier=q.qualifier,
            value=q.value,
        )

    # --- dates and months -------------------------------------------------------------------
    def after_month(self, i: int) -> tuple[list[Quantity], int] | None:
        """ "March 21", "July 14, 2015", "Sept. 3": the day of month is not a figure."""
        t = self.t
        j = i + 1
        if self.txt(j) == "." and self.adjacent(i, j):
            j += 1
        if self.kind(j) == NUM and self.is_int(j) and len(t.text[j]) <= 2 and 1 <= self.int_value(j) <= 31:
            k = j + 1
            if self.low(k) in _DAY_ORDINAL and self.adjacent(j, k):
                k += 1
            if (self.txt(k) in _DASHES or self.low(k) in ("to", "and", "or")) and self.kind(k + 1) == NUM and self.is_int(k + 1) and len(t.text[k + 1]) <= 2:
                k += 2  # "July 14-16", "July 14 to 16"
                if self.low(k) in _DAY_ORDINAL and self.adjacent(k - 1, k):
                    k += 1
            return [], k
        return None

    def day_before_month(self, i: int) -> int | None:
        """ "21 March", "21st of March", "14-16 July": where the date ends, or None."""
        t = self.t
        if not (self.is_int(i) and len(t.text[i]) <= 2 and 1 <= self.int_value(i) <= 31):
            return None
        k = i + 1
        if self.low(k) in _DAY_ORDINAL and self.adjacent(i, k):
            k += 1
        if (self.txt(k) in _DASHES or self.low(k) in ("to", "and", "or")) and self.kind(k + 1) == NUM and self.is_int(k + 1) and len(t.text[k + 1]) <= 2:
            k += 2  # "14-16 July", "from 14 to 16 July", "14 and 15 March"
            if self.low(k) in _DAY_ORDINAL and self.adjacent(k - 1, k):
                k += 1
        if self.low(k) == "of" or (self.txt(k) == "." and self.adjacent(k - 1, k)):
            k += 1  # "21st of March", "14. August"
        if self.is_month(k):
            return k + 1
        return None

    # --- things that look like numbers but are not figures ------------------------------------
    def not_figure(self, i: int) -> int | None:
        """Where to resume when the digits at ``i`` are a date, a time, a name or a phone number."""
        t = self.t
        n = t.n
        texts, kinds, lowers = t.text, t.kind, t.lower
        nxt = i + 1
        nt = texts[nxt] if nxt < n else ""
        n_adj = bool(nt) and t.end[i] == t.start[nxt]
        # clock times: "09:00", "7am", "10 p.m.", "1800 GMT"
        if n_adj and nt == ":" and self.kind(nxt + 1) == NUM and self.adjacent(nxt, nxt + 1) and len(texts[nxt + 1]) == 2:
            k = nxt + 2
            if self.low(k) in ("am", "pm"):
                k += 1
            return k
        if nt and self.is_clock_word(nxt):
            return self.clock_end(nxt)
        prev = i - 1
        ptxt = texts[prev] if prev >= 0 else ""
        p_adj = bool(ptxt) and t.end[prev] == t.start[i]
        if ptxt == "[" and nt == "]" and p_adj and n_adj:
            return nxt + 1  # a reference mark: "[2]"
        if len(texts[i]) <= 2:
            day_end = self.day_before_month(i)
            if day_end is not None:
                return day_end
        if ptxt:
            pk = kinds[prev]
            if p_adj:
                if pk == WORD:
                    # "COP26", "G7", "CO2", "MH17" (a currency prefix was read before we got here)
                    return self.name_end(i)
                if ptxt in _DASHES and self.kind(prev - 1) == WORD and self.adjacent(prev - 1, prev):
                    glued_to_number = self.kind(prev - 2) == NUM and self.adjacent(prev - 2, prev - 1)
                    if lowers[prev - 1] not in _LOWER_PREFIXES and not glued_to_number:
                        return self.name_end(i)  # "COVID-19", "F-35", "Su-27" (but "5k-20k" is a range)
                if ptxt in ("#", "№"):
                    return self.name_end(i)
                if ptxt == "+":
                    return self.phone_end(i)  # "+44 20 ..."
            if ptxt == "." and prev >= 1 and lowers[prev - 1] in ("no", "nos", "vol", "art", "sec", "fig") and self.adjacent(prev - 1, prev):
                return self.name_end(i)  # "reactor No. 4"
            if pk == WORD and self.names_number(prev):
                return self.name_end(i)
        if nt and not n_adj:
            # "737 MAX 9": digits, a capitalised name, digits
            if kinds[nxt] == WORD and nt != lowers[nxt] and self.kind(nxt + 1) == NUM and nt not in U.ISO_CODES and lowers[nxt] not in U.WORD_UNITS:
                return self.name_end(nxt + 1)
        elif n_adj and nt in _DASHES:
            nw = self.txt(nxt + 1)
            if self.kind(nxt + 1) == WORD and nw[:1].isupper() and nw.lower() not in U.WORD_UNITS and self.adjacent(nxt, nxt + 1):
                return self.name_end(i)  # "7-Eleven": a name
            # "555-1234" style phone numbers
            if self.kind(nxt + 1) == NUM and len(texts[i]) == 3 and len(texts[nxt + 1]) == 4 and self.adjacent(nxt, nxt + 1):
                return nxt + 2
        return None

    def is_clock_word(self, k: int) -> bool:
        t = self.t
        if not (0 <= k < t.n):
            return False
        low = t.lower[k]
        if low not in _CLOCK_FIRST and t.text[k] not in L.CLOCK_WORDS:
            return False
        if low in ("am", "pm"):
            return True
        if t.text[k] in L.CLOCK_WORDS and t.text[k].isupper():
            return True
        if low in ("a", "p") and self.txt(k + 1) == "." and self.low(k + 2) == "m":
            return True
        if low == "local" and self.low(k + 1) == "time":
            return True
        if low == "o'clock":
            return True
        return False

    def clock_end(self, k: int) -> int:
        t = self.t
        if t.lower[k] in ("a", "p"):
            k += 3
            if self.txt(k) == "." and self.adjacent(k - 1, k):
                k += 1
            return k
        if t.lower[k] == "local":
            return k + 2
        return k + 1

    def names_number(self, prev: int) -> bool:
        """Is the word before the digits a name they belong to ("Resolution 2231", "iPhone 15")?"""
        t = self.t
        word = t.text[prev]
        low = t.lower[prev]
        if low in L.IDENTIFIER_NOUNS:
            return True
        if word == low:
            return False  # no capital letter
        if low in L.NOT_NAME_WORDS or low in L.MONTHS or low in L.WEEKDAYS:
            return False
        if word in U.CURRENCY_PREFIX_WORDS or word in U.DOLLAR_PREFIXES or word in L.CLOCK_WORDS:
            return False
        if low in L.PREFIX_BY_FIRST or low in L.UNITS_WORDS or low in L.TENS_WORDS:
            return False
        if low.endswith(("'s", "’s", "s'")):
            return False  # "Nigeria's 2024 budget"
        if low in U.WORD_UNITS:
            return False
        # A measured amount after a name is the name's figure ("Tsikhanouskaya 10.12 per cent"),
        # and names carry whole numbers: only a bare integer belongs to the name before it.
        i = prev + 1
        if t.value[i] is None or t.value[i][1]:
            return False
        nxt = i + 1
        if nxt < t.n and (t.lower[nxt] in _UNITISH or t.text[nxt] in _UNITISH or t.lower[nxt] in L.SCALE_SUFFIXES or t.text[nxt] in L.SCALE_SUFFIXES or t.lower[nxt] in L.SCALE_WORDS):
            return False
        return True

    def name_end(self, i: int) -> int:
        """Skip the digits at ``i`` and what is written straight on to them ("737-800", "A320neo")."""
        t = self.t
        k = i + 1
        while k < t.n and self.adjacent(k - 1, k) and (t.kind[k] in (NUM, WORD, JUNK) or t.text[k] in ("-", "/", ".")) and k - i < 8:
            if t.text[k] == "." and not (self.kind(k + 1) in (NUM, WORD) and self.adjacent(k, k + 1)):
                break
            k += 1
        return k

    def phone_end(self, i: int) -> int:
        t = self.t
        k = i + 1
        while k < t.n and k - i < 8 and (t.kind[k] in (NUM, JUNK) or t.text[k] in ("-", "(", ")")):
            k += 1
        return k

    # --- amounts ----------------------------------------------------------------------------
    def amount_at(self, i: int) -> _Amount | None:
        """Currency sign, number, scale and unit starting at token ``i``; raises _Skip for non-figures."""
        t = self.t
        if i >= t.n:
            return None
        k = t.kind[i]
        if k == NUM:
            # the common case first: digits with no sign or currency before them
            end = self.not_figure(i)
            if end is not None:
                raise _Skip(end)
            amt = self.digits_at(i, False)
            if amt is None:
                return None
            self.scale_after(amt)
            self.unit_after(amt)
            return amt
        txt = t.text[i]
        currency: str | None = None
        neg = False
        j = i
        if k == SYM and txt in U.CURRENCY_SYMBOLS:
            currency = self.symbol_currency(txt, i)
            j = i + 1
        elif k == WORD and txt in U.DOLLAR_PREFIXES and self.txt(i + 1) in ("$", "＄") and self.adjacent(i, i + 1):
            if i > 0 and self.adjacent(i - 1, i) and t.kind[i - 1] == WORD:
                return None
            currency = U.DOLLAR_PREFIXES[txt]
            j = i + 2
        elif k == WORD and (txt in U.CURRENCY_PREFIX_WORDS or t.lower[i] in U.PLAIN_ISO_CODES) and self.kind(i + 1) == NUM:
            if i > 0 and self.adjacent(i - 1, i) and t.kind[i - 1] == WORD:
                return None
            if txt in U.ISO_CODES and self.adjacent(i, i + 1) and t.lower[i] not in U.PLAIN_ISO_CODES:
                return None  # "COP26" is a name; "EUR 500" has its space
            if txt not in U.CURRENCY_PREFIX_WORDS:
                txt = txt.upper()
            currency = U.CURRENCY_PREFIX_WORDS.get(txt, "CNY" if txt == "RMB" else txt)
            j = i + 1
            if self.txt(j) == "." and self.kind(j + 1) == NUM:
                j += 1
        elif k == WORD and txt in U.CURRENCY_PREFIX_WORDS and self.txt(i + 1) == "." and self.kind(i + 2) == NUM:
            currency = U.CURRENCY_PREFIX_WORDS[txt]
            j = i + 2
        elif k == WORD and txt == "R" and self.kind(i + 1) == NUM and self.adjacent(i, i + 1) and self.ctx("sa", i):
            if i > 0 and self.adjacent(i - 1, i):
                return None
            currency = "ZAR"
            j = i + 1
        elif k == SYM and txt == "." and self.kind(i + 1) == NUM and self.adjacent(i, i + 1):
            digits = t.value[i + 1][0]
            amt = _Amount(i, i + 2, to_float(int(digits), -len(digits)))
            amt.mant, amt.exp = int(digits), -len(digits)
            amt.digits_only = True
            self.unit_after(amt)
            return amt
        elif k == SYM and txt in _MINUS and self.kind(i + 1) == NUM and self.adjacent(i, i + 1):
            if i > 0 and self.adjacent(i - 1, i) and t.kind[i - 1] in (NUM, WORD, JUNK):
                return None
            if i > 0 and t.kind[i - 1] == NUM:
                return None  # "4 - 1": not a sign
            neg = True
            j = i + 1
        if currency is not None and j < t.n and t.text[j] in _MINUS and self.kind(j + 1) == NUM:
            neg = True
            j += 1
        if j >= t.n:
            return None
        if t.kind[j] == NUM:
            if currency is None and not neg:
                end = self.not_figure(j)
                if end is not None:
                    raise _Skip(end)
            amt = self.digits_at(j, currency is not None)
        elif t.kind[j] == WORD and j == i:
            amt = self.words_at(j)
        elif t.kind[j] == SYM and t.text[j] in L.UNICODE_FRACTIONS and j == i:
            num, den = L.UNICODE_FRACTIONS[t.text[j]]
            amt = _Amount(j, j + 1, num / den)
            amt.kind = "fraction"
        elif t.kind[j] == WORD and currency is not None:
            amt = self.words_at(j)  # "$ two million" (rare, but harmless)
        else:
            return None
        if amt is None:
            return None
        amt.a = i
        if neg:
            amt.value = -amt.value
            amt.lo, amt.hi = -amt.hi, -amt.lo
            if amt.mant is not None:
                amt.mant = -amt.mant
            amt.year_ok = False
        if currency is not None:
            amt.unit = currency
            amt.money = True
            amt.year_ok = False
            self.scale_after(amt)
            # "$5m USD": a repeated code is part of the span
            if self.txt(amt.b) in U.ISO_CODES:
                amt.b += 1
            return amt
        self.scale_after(amt)
        self.unit_after(amt)
        return amt

    def symbol_currency(self, sym: str, at: int) -> str:
        code = U.CURRENCY_SYMBOLS[sym]
        if code == "JPY" and self.ctx("cn", at) and not self.ctx("jp", at):
            return "CNY"
        return code

    def digits_at(self, j: int, money: bool) -> _Amount | None:
        t = self.t
        ints, frac = t.value[j]
        mant = int(ints + frac) if (ints + frac) else 0
        exp = -len(frac)
        amt = _Amount(j, j + 1, to_float(mant, exp))
        amt.mant, amt.exp = mant, exp
        amt.digits_only = True
        nxt = j + 1
        n = t.n
        if nxt < n:
            nt = t.text[nxt]
            nk = t.kind[nxt]
            attached = t.end[j] == t.start[nxt]
            if not frac and (nt == "/" or nk == NUM):
                got = self.digit_fraction(j)  # "2 1/2", "1/2"
                if got is not None:
                    return got
            if attached and not frac:
                if nt in L.UNICODE_FRACTIONS:  # "2½"
                    num, den = L.UNICODE_FRACTIONS[nt]
                    amt = _Amount(j, nxt + 1, mant + num / den)
                    amt.kind = "fraction"
                    return amt
                if nk == WORD:
                    suf = t.lower[nxt]
                    if suf in L.ORDINAL_SUFFIXES:  # "60th"
                        amt.b = nxt + 1
                        amt.ordinal = True
                        return amt
                    if suf in ("s", "'s") and len(ints) == 4 and 1000 <= mant <= 2199 and mant % 10 == 0:
                        return self.decade(amt, mant, nxt + 1)  # "1990s"
                elif nt in ("'", "’") and self.low(nxt + 1) == "s" and len(ints) == 4 and mant % 10 == 0:
                    return self.decade(amt, mant, nxt + 2)  # "1990's"
            # "2 and a half"
            if not frac and nk == WORD and t.lower[nxt] == "and" and self.low(nxt + 1) in ("a", "one") and self.low(nxt + 2) in L.FRACTION_SINGULAR:
                den = L.FRACTION_SINGULAR[self.low(nxt + 2)]
                amt = _Amount(j, nxt + 3, mant + 1 / den)
                amt.kind = "fraction"
                return amt
        if not frac and len(ints) == 4 and len(t.text[j]) == 4 and 1000 <= mant <= 2199:
            amt.year_ok = True
        return amt

    def decade(self, amt: _Amount, first: int, b: int) -> _Amount:
        amt.b = b
        amt.kind = "decade"
        amt.lo, amt.hi = float(first), float(first + 9)
        return amt

    def digit_fraction(self, j: int) -> _Amount | None:
        t = self.t
        # mixed "2 1/2"
        if self.kind(j + 1) == NUM and self.txt(j + 2) == "/" and self.kind(j + 3) == NUM and self.adjacent(j + 1, j + 2) and self.adjacent(j + 2, j + 3) and not self.adjacent(j, j + 1):
            if self.is_int(j + 1) and self.is_int(j + 3):
                num, den = self.int_value(j + 1), self.int_value(j + 3)
                if 0 < num < den and den in _DENOMINATORS and not (self.txt(j + 4) == "/"):
                    amt = _Amount(j, j + 4, self.int_value(j) + num / den)
                    amt.kind = "fraction"
                    return amt
        if self.txt(j + 1) == "/" and self.adjacent(j, j + 1) and self.kind(j + 2) == NUM and self.adjacent(j + 1, j + 2):
            if self.txt(j + 3) == "/" and self.adjacent(j + 2, j + 3) and self.kind(j + 4) == NUM:
                # "14/07/2015": a date; only its year is a figure
                if len(t.text[j + 4]) == 4 and self.is_int(j + 4):
                    raise _Skip(j + 4)
                raise _Skip(j + 5)
            if self.is_int(j + 2):
                num, den = self.int_value(j), self.int_value(j + 2)
                if len(t.text[j]) == 4 and len(t.text[j + 2]) in (2, 4) and 1000 <= num <= 2199:
                    return None  # "2022/23": a season, left to the range reader below
                if 0 < num < den and den in _DENOMINATORS:
                    amt = _Amount(j, j + 3, num / den)
                    amt.kind = "fraction"
                    return amt
            raise _Skip(j + 3)  # "24/7", "9/11"
        return None

    # --- number words -----------------------------------------------------------------------
    def words_at(self, j: int) -> _Amount | None:
        t = self.t
        low = t.lower[j]
        word = t.text[j]
        # a capitalised number word inside a sentence is a name ("Formula One", "Big Four")
        if word[0].isupper() and not self.sentence_start(j) and (low in L.UNITS_WORDS or low in L.TENS_WORDS or low in L.ORDINAL_WORDS):
            if not (j > 0 and t.kind[j - 1] == WORD and t.lower[j - 1] in L.PREFIX_BY_FIRST):
                if not word.isupper() or len(word) < 2:
                    return None
        if low in ("a", "an"):
            return self.article_amount(j)
        if low == "half":
            return self.half_at(j)
        if low in L.PLURAL_SCALES or low == "tens" or low == "dozens":
            return self.vague_plural(j)
        if low == "several":
            return self.several_at(j)
        if low in L.FRACTION_SINGULAR and self.low(j + 1) in ("million", "billion", "thousand", "trillion"):
            return self.fraction_amount(j, j + 1, Fraction(1, L.FRACTION_SINGULAR[low]))  # "quarter million"
        if low in L.ORDINAL_WORDS and low not in ("second",):
            return self.ordinal_word(j)
        if low == "second":
            return self.second_at(j)
        if low in L.UNITS_WORDS or low in L.TENS_WORDS:
            if low == "one" and (self.low(j - 1) in L.ONE_NOT_COUNT_BEFORE or self.low(j + 1) in L.ONE_NOT_COUNT_AFTER):
                if self.low(j + 1) not in U.WORD_UNITS:
                    return None
            return self.cardinal_words(j)
        if low == "dozen":
            return None
        return None

    def cardinal_words(self, j: int) -> _Amount | None:
        """ "forty-eight", "one hundred and twenty", "three million", "two and a half", "two thirds"."""
        t = self.t
        total = 0
        group = 0
        last = ""
        last_scale = 0
        k = j
        end = j
        ordinal = False
        n = t.n
        while k < n:
            kind = t.kind[k]
            w = t.lower[k]
            if kind == WORD:
                if w in L.UNITS_WORDS:
                    v = L.UNITS_WORDS[w]
                    if last in ("unit",) or (last == "tens" and v >= 10) or last == "scale_small":
                        break
                    group += v
                    last = "unit"
                elif w in L.TENS_WORDS:
                    if last in ("unit", "tens"):
                        break
                    group += L.TENS_WORDS[w]
                    last = "tens"
                elif w == "hundred":
                    if last not in ("unit", "tens") or group >= 100:
                        break
                    group *= 100
                    last = "hundred"
                elif w in L.SCALE_WORDS:
                    if last not in ("unit", "tens", "hundred"):
                        break
                    total += group * 10 ** L.SCALE_WORDS[w]
                    group = 0
                    last = "scale"
                    last_scale = L.SCALE_WORDS[w]
                elif w == "and" and last in ("hundred", "scale") and (self.low(k + 1) in L.UNITS_WORDS or self.low(k + 1) in L.TENS_WORDS):
                    k += 1
                    continue
                elif w in L.ORDINAL_WORDS and last in ("tens", "hundred", "scale") and w not in ("hundredth", "thousandth", "millionth", "billionth", "trillionth"):
                    # "twenty-first", "one hundred and fifth"
                    v = L.ORDINAL_WORDS[w]
                    if v >= 10 and last == "tens":
                        break
                    group += v
                    ordinal = True
                    end = k + 1
                    break
                elif w in ("hundredth", "thousandth", "millionth", "billionth", "trillionth") and last in ("unit", "tens", "hundred"):
                    v = L.ORDINAL_WORDS[w]
                    group = (group or 1) * v
                    ordinal = True
                    end = k + 1
                    break
                else:
                    break
                end = k + 1
                k += 1
            elif t.text[k] in _DASHES and last == "tens" and self.adjacent(k - 1, k) and self.adjacent(k, k + 1) and (self.low(k + 1) in L.UNITS_WORDS or self.low(k + 1) in L.ORDINAL_WORDS):
                k += 1
            else:
                break
        if end == j:
            return None
        value = total + group
        amt = _Amount(j, end, float(value))
        amt.words = True
        amt.mant, amt.exp = value, 0
        if ordinal:
            amt.ordinal = True
            return amt
        # "two and a half", "one and a quarter"
        b = end
        if self.low(b) == "and" and self.low(b + 1) in ("a", "one") and self.low(b + 2) in L.FRACTION_SINGULAR:
            frac = Fraction(1, L.FRACTION_SINGULAR[self.low(b + 2)])
            if last == "scale":
                # "one million and a half" is 1.5 million: the fraction is of the scale word
                scaled = Fraction(value) + frac * 10**last_scale
                amt = _Amount(j, b + 3, float(scaled))
                amt.scaled = True
                self.set_exact_digits(amt, scaled)
                return amt
            return self.fraction_amount(j, b + 3, Fraction(value) + frac)
        # "two thirds", "three-quarters"
        k = b
        if self.txt(k) in _DASHES and self.adjacent(k - 1, k):
            k += 1
        if self.low(k) in L.FRACTION_PLURAL and 1 < value < 20:
            return self.fraction_amount(j, k + 1, Fraction(value, L.FRACTION_PLURAL[self.low(k)]))
        if value == 1 and self.low(k) in L.FRACTION_SINGULAR and self.low(k) != "half" or (value == 1 and self.low(k) == "half"):
            den = L.FRACTION_SINGULAR[self.low(k)]
            return self.fraction_amount(j, k + 1, Fraction(1, den))
        # "two dozen"
        if self.low(b) in ("dozen", "dozens") and value < 20:
            amt = _Amount(j, b + 1, float(value * 12))
            amt.mant, amt.exp = value * 12, 0
            amt.about = True
            return amt
        return amt

    def fraction_amount(self, a: int, b: int, frac: Fraction) -> _Amount:
        """A fraction, scaled when a scale word follows ("half a million", "a quarter of a million")."""
        k = b
        if self.low(k) == "of":
            k += 1
        if self.low(k) in ("a", "an"):
            k += 1
        w = self.low(k)
        if w in ("million", "billion", "trillion", "thousand", "hundred") and (k > b or w != "hundred"):
            scaled = frac * 10 ** L.SCALE_WORDS[w]
            amt = _Amount(a, k + 1, float(scaled))
            amt.scaled = True
            self.set_exact_digits(amt, scaled)
            return amt
        if w == "dozen" and k > b:
            amt = _Amount(a, k + 1, float(frac * 12))
            amt.about = True
            self.set_exact_digits(amt, frac * 12)
            return amt
        amt = _Amount(a, b, float(frac))
        amt.kind = "fraction"
        return amt

    def set_exact_digits(self, amt: _Amount, value: Fraction) -> None:
        for e in range(0, 7):
            scaled = value * 10**e
            if scaled.denominator == 1:
                amt.mant, amt.exp = int(scaled), -e
                return
        amt.kind = "fraction"  # a third of a million: no last digit to round on; exact

    def article_amount(self, j: int) -> _Amount | None:
        """ "a million", "a dozen", "a third", "a quarter of a million", "a few", "a handful"."""
        w = self.low(j + 1)
        if w in ("hundred", "thousand", "million", "billion", "trillion"):
            amt = self.cardinal_words_from_one(j, j + 1)
            return amt
        if w == "dozen":
            amt = _Amount(j, j + 2, 12.0)
            amt.mant, amt.exp = 12, 0
            amt.about = True
            return amt
        if w == "few":
            if self.low(j - 1) in ("quite", "not", "precious"):
                return None  # "quite a few" means many
            return self.few_at(j)
        if w == "handful":
            amt = _Amount(j, j + 2, 4.5)
            amt.kind = "vague"
            amt.lo, amt.hi = 3.0, 6.0
            return amt
        if w == "half" and self.low(j - 1) == "and":
            return None
        if w in L.FRACTION_SINGULAR:
            return self.singular_fraction(j, j + 1)
        return None

    def cardinal_words_from_one(self, a: int, k: int) -> _Amount | None:
        """ "a million", "a hundred and twenty": the article counts as one."""
        t = self.t
        w = t.lower[k]
        value = 10 ** L.SCALE_WORDS[w]
        end = k + 1
        # "a hundred thousand"
        if w == "hundred" and self.low(end) in ("thousand", "million", "billion"):
            value *= 10 ** L.SCALE_WORDS[self.low(end)]
            end += 1
        if w == "hundred" and self.low(end) == "and" and (self.low(end + 1) in L.UNITS_WORDS or self.low(end + 1) in L.TENS_WORDS):
            rest = self.cardinal_words(end + 1)
            if rest is not None and rest.value < 100:
                value += int(rest.value)
                end = rest.b
        amt = _Amount(a, end, float(value))
        amt.words = True
        amt.mant, amt.exp = value, 0
        return amt

    def singular_fraction(self, a: int, k: int) -> _Amount | None:
        """ "a third" / "one quarter": a fraction, unless it numbers something ("a third term")."""
        w = self.low(k)
        den = L.FRACTION_SINGULAR[w]
        nxt = self.low(k + 1)
        nk = self.kind(k + 1)
        if w in L.ORDINAL_WORDS and nk == WORD and nxt not in ("of", "million", "billion", "trillion", "thousand") and nxt not in U.WORD_UNITS and nxt not in L.FUNCTION_WORDS:
            return None  # "a third consecutive term": the ordinal reader takes it
        if w == "quarter" and nk == WORD and nxt not in ("of", "million", "billion", "thousand") and nxt not in U.WORD_UNITS:
            if nxt in ("century",):
                pass
            else:
                return None
        return self.fraction_amount(a, k + 1, Fraction(1, den))

    def half_at(self, j: int) -> _Amount | None:
        prev = self.low(j - 1)
        if prev in L.NOT_FRACTION_BEFORE or prev in ("a",):
            return None
        if self.txt(j + 1) in _DASHES and self.adjacent(j, j + 1):
            return None  # "half-time", "half-brother"
        return self.fraction_amount(j, j + 1, Fraction(1, 2))

    def few_at(self, j: int) -> _Amount:
        """ "a few" [2, 5]; "a few hundred" [200, 500]; "a few thousand" [2 000, 5 000]."""
        e, b = self.scale_words_after(j + 2)
        mult = 10**e
        lo, hi = 2 * mult, 5 * mult
        if self.low(b) == "dozen":
            lo, hi, b = lo * 12, hi * 12, b + 1
        amt = _Amount(j, b, (lo + hi) / 2)
        amt.kind = "vague"
        amt.lo, amt.hi = float(lo), float(hi)
        return amt

    def several_at(self, j: int) -> _Amount | None:
        """ "several hundred" [200, 999]; "several thousand" [2 000, 9 999]."""
        e, b = self.scale_words_after(j + 1)
        if b == j + 1:
            if self.low(b) == "dozen":
                amt = _Amount(j, b + 1, 0)
                amt.kind = "vague"
                amt.lo, amt.hi = 24.0, 119.0
                amt.value = (amt.lo + amt.hi) / 2
                return amt
            return None
        lo, hi = 2 * 10**e, 10 ** (e + 1) - 1
        amt = _Amount(j, b, (lo + hi) / 2)
        amt.kind = "vague"
        amt.lo, amt.hi = float(lo), float(hi)
        return amt

    def scale_words_after(self, k: int) -> tuple[int, int]:
        """ "hundred", "thousand", "hundred thousand": one scale word, or hundred and one more."""
        e = 0
        w = self.low(k)
        if w in ("hundred", "thousand", "million", "billion", "trillion"):
            e = L.SCALE_WORDS[w]
            k += 1
            if w == "hundred" and self.low(k) in ("thousand", "million", "billion"):
                e += L.SCALE_WORDS[self.low(k)]
                k += 1
        return e, k

    def vague_plural(self, j: int) -> _Amount | None:
        """ "dozens", "hundreds", "thousands", "tens of thousands", "hundreds of millions"."""
        w = self.low(j)
        if w == "dozens":
            amt = _Amount(j, j + 1, 0)
            lo, hi = 24, 99
        elif w == "tens":
            if self.low(j + 1) == "of" and self.low(j + 2) in L.PLURAL_SCALES and self.low(j + 2) != "hundreds":
                e = L.PLURAL_SCALES[self.low(j + 2)]
                amt = _Amount(j, j + 3, 0)
                lo, hi = 2 * 10 ** (e + 1), 10 ** (e + 2) - 1
            else:
                return None
        else:
            e = L.PLURAL_SCALES[w]
            b = j + 1
            if w == "hundreds" and self.low(j + 1) == "of" and self.low(j + 2) in ("thousands", "millions", "billions"):
                e += L.PLURAL_SCALES[self.low(j + 2)]
                b = j + 3
            amt = _Amount(j, b, 0)
            lo, hi = 2 * 10**e, 10 ** (e + 1) - 1
        if self.low(j - 1) in ("the", "of") and self.low(j - 2) not in ("of",):
            # "the thousands who", "tens of thousands" is read from "tens"
            if self.low(j - 1) == "of" and self.low(j - 2) in ("tens", "hundreds"):
                return None
        amt.kind = "vague"
        amt.lo, amt.hi = float(lo), float(hi)
        amt.value = (lo + hi) / 2
        return amt

    def ordinal_word(self, j: int) -> _Amount | None:
        low = self.low(j)
        if self.low(j - 1) in L.ORDINAL_NOT_BEFORE or self.txt(j + 1) == "," and self.sentence_start(j):
            return None
        if low in L.FRACTION_SINGULAR and self.low(j - 1) in ("a", "one") and (self.low(j + 1) in ("of",) or self.kind(j + 1) != WORD or self.low(j + 1) in L.FUNCTION_WORDS):
            return None  # "a third of", "by a third since": a fraction, read from the article
        # "twenty-first" is read by the cardinal reader; here single ordinals
        value = L.ORDINAL_WORDS[low]
        amt = _Amount(j, j + 1, float(value))
        amt.ordinal = True
        amt.words = True
        return amt

    def second_at(self, j: int) -> _Amount | None:
        nxt = self.kind(j + 1)
        if self.txt(j + 1) in _DASHES and self.adjacent(j, j + 1) and self.kind(j + 2) == WORD and self.adjacent(j + 1, j + 2):
            amt = _Amount(j, j + 1, 2.0)  # "the second-largest"
            amt.ordinal = True
            return amt
        if self.low(j - 1) in ("finished", "came", "placed", "ranked", "ranks", "finish", "come", "place", "rank") and nxt != WORD:
            amt = _Amount(j, j + 1, 2.0)
            amt.ordinal = True
            return amt
        if nxt != WORD or self.low(j - 1) in ("per", "a", "every", "each", "split", "one", "fraction"):
            if not (self.low(j - 1) == "a" and nxt == WORD and self.low(j + 1) not in ("of", "or", "and", "to", "in", "later", "ago")):
                return None
        if self.low(j + 1) in ("of", "or", "and", "to", "in", "later", "ago", "the", "that", "he", "she", "they"):
            return None
        amt = _Amount(j, j + 1, 2.0)
        amt.ordinal = True
        amt.words = True
        return amt

    # --- scale and unit after the number ---------------------------------------------------------
    def scale_after(self, amt: _Amount) -> None:
        """ "3.5m", "$1.2bn", "12k", "1.2 million", "$5 bn"."""
        if amt.kind != "num" or amt.ordinal or amt.scaled:
            return
        t = self.t
        b = amt.b
        if b >= t.n or t.kind[b] != WORD:
            return
        word = t.text[b]
        attached = self.adjacent(b - 1, b)
        e = None
        if t.lower[b] in ("dozen", "dozens") and amt.digits_only and not amt.exp:
            amt.b = b + 1
            amt.mant = (amt.mant or 0) * 12
            amt.value = amt.value * 12
            amt.lo = amt.hi = amt.value
            amt.about = True
            amt.year_ok = False
            return
        if attached and word in L.SCALE_SUFFIXES and amt.digits_only:
            if self.kind(b + 1) in (NUM, JUNK) and self.adjacent(b, b + 1) or self.txt(b + 1) in ("²", "³"):
                return  # "24703m2": square metres, not millions
            if word == "m" and not amt.money and self.metre_context(b):
                return
            e = L.SCALE_SUFFIXES[word]
        elif word in L.SPACED_SCALE_SUFFIXES and amt.digits_only:
            e = L.SCALE_SUFFIXES[word]
        elif t.lower[b] in ("thousand", "million", "billion", "trillion", "lakh", "crore", "lakhs", "crores") and (amt.digits_only or amt.words):
            e = L.SCALE_WORDS[t.lower[b].rstrip("s") if t.lower[b] in ("lakhs", "crores") else t.lower[b]]
            if amt.words:
                return  # the word reader has read them already
        elif t.lower[b] == "hundred" and amt.digits_only and not self.txt(b - 1).count(".") and not amt.exp:
            e = 2
        elif word == "m" and amt.money and amt.digits_only:
            e = 6
        if e is None:
            return
        amt.b = b + 1
        # "1.2 million" then "people"; "3 hundred thousand"
        while self.low(amt.b) in ("thousand", "million", "billion") and e == 2:
            e += L.SCALE_WORDS[self.low(amt.b)]
            amt.b += 1
        amt.mant = amt.mant if amt.mant is not None else 0
        amt.exp += e
        amt.value = to_float(amt.mant, amt.exp)
        amt.lo = amt.hi = amt.value
        amt.scaled = True
        amt.year_ok = False

    def metre_context(self, b: int) -> bool:
        """After "Xm": is this metres rather than millions?"""
        nxt = b + 1
        if nxt >= self.t.n:
            return False
        low = self.t.lower[nxt]
        return low in L.METRE_CONTEXT_AFTER and low not in (",", ".", ")")

    def unit_after(self, amt: _Amount) -> None:
        """The unit or currency written after the number (and its scale)."""
        if amt.ordinal:
            return
        t = self.t
        b = amt.b
        if b >= t.n:
            return
        attached = self.adjacent(b - 1, b)
        txt = t.text[b]
        low = t.lower[b]
        # "of" + unit after a vague or scaled amount: "hundreds of kilometres", "millions of dollars"
        if low == "of" and (amt.kind == "vague" or amt.scaled or amt.kind == "fraction") and self.kind(b + 1) == WORD:
            k = b + 1
            if amt.kind == "fraction" and self.low(k) in ("a", "an"):
                k += 1
            got = self.unit_words(k, amt, allow_pounds=True)
            if got is not None:
                return
            return
        if amt.kind == "fraction" and low in ("a", "an"):
            self.unit_words(b + 1, amt, allow_pounds=False)
            return
        # hyphenated adjective: "32-kilometre", "46-year-old", "two-year"
        if txt in _DASHES and attached and self.adjacent(b, b + 1) and self.kind(b + 1) == WORD:
            name = U.WORD_UNITS.get(t.lower[b + 1])
            if name is None and t.text[b + 1] in U.ATTACHED_UNITS and t.text[b + 1] not in ("in", "s", "h"):
                name = U.ATTACHED_UNITS[t.text[b + 1]]
            if name is not None:
                amt.unit = name
                amt.b = b + 2
                amt.year_ok = False
                if name in ("year", "month", "week", "day") and self.txt(b + 2) in _DASHES and self.low(b + 3) == "old" and self.adjacent(b + 1, b + 2):
                    amt.b = b + 4
                return
            money = U.CURRENCY_WORDS.get(t.lower[b + 1])
            sub = U.SUBUNIT_WORDS.get(t.lower[b + 1])
            if sub is not None and not amt.scaled:
                amt.factor = sub[1]
                self.set_money(amt, sub[0], b + 2)
                return
            if money is not None and t.lower[b + 1] not in ("pound", "pounds", "sterling"):
                self.set_money(amt, money, b + 2)
                return
            if t.lower[b + 1] == "percentage" and self.txt(b + 2) in _DASHES and self.low(b + 3) in ("point", "points"):
                amt.unit = U.PERCENTAGE_POINT  # "a 4-percentage-point lead"
                amt.b = b + 4
                amt.year_ok = False
                return
            if t.lower[b + 1] == "per" and self.txt(b + 2) in _DASHES and self.low(b + 3) == "cent":
                amt.unit = U.PERCENT  # "a 5-per-cent rise"
                amt.b = b + 4
                amt.year_ok = False
                return
            pct = U.PERCENT_WORDS.get((t.lower[b + 1],))
            if pct is not None and t.lower[b + 1] in ("percent",):
                amt.unit = pct[0]
                amt.b = b + 2
                return
            return
        if self.unit_words(b, amt, allow_pounds=False, attached=attached) is not None:
            return
        if attached and t.kind[b] == WORD:
            # digits run into letters that are nothing we know: "5G", "3D", "4x4"
            if amt.digits_only and txt not in L.ORDINAL_SUFFIXES:
                raise _Skip(self.name_end(amt.a if t.kind[amt.a] == NUM else b - 1))

    def unit_words(self, k: int, amt: _Amount, *, allow_pounds: bool, attached: bool = False) -> int | None:
        """Match a unit, percent or currency at token ``k``; set it on ``amt`` and return the end."""
        t = self.t
        if k >= t.n:
            return None
        txt = t.text[k]
        low = t.lower[k]
        if low not in _UNITISH and txt not in _UNITISH:
            return None
        # percent and percentage points
        for size in (3, 2, 1):
            key = tuple(t.lower[k : k + size])
            hit = U.PERCENT_WORDS.get(key)
            if hit is not None and len(key) == size:
                if key == ("per", "cent") and self.low(k + 2) in ("points",):
                    continue
                amt.unit, amt.factor = hit
                amt.b = k + size
                amt.year_ok = False
                return amt.b
        if low in U.POINT_WORDS and self.ctx("poll", k) and amt.kind == "num" and not amt.money:
            amt.unit = U.PERCENTAGE_POINT
            amt.b = k + 1
            amt.year_ok = False
            return amt.b
        # currency words
        for size in (3, 2):
            key = tuple(t.lower[k : k + size])
            code = U.CURRENCY_MULTIWORD.get(key)
            if code is not None and len(key) == size:
                self.set_money(amt, code, k + size)
                return amt.b
        code = U.CURRENCY_WORDS.get(low)
        if code is not None and t.kind[k] == WORD:
            if low in ("pound", "pounds"):
                if not (amt.scaled or allow_pounds and amt.kind == "vague"):
                    amt.unit = "pound"
                    amt.b = k + 1
                    amt.year_ok = False
                    return amt.b
            self.set_money(amt, code, k + 1)
            return amt.b
        if t.kind[k] == WORD and (txt in U.ISO_CODES or low in U.PLAIN_ISO_CODES):
            code = "CNY" if low == "rmb" else txt.upper()
            self.set_money(amt, code, k + 1)
            return amt.b
        if t.kind[k] == SYM and txt in U.CURRENCY_SYMBOLS and not self.kind(k + 1) == NUM:
            self.set_money(amt, self.symbol_currency(txt, k), k + 1)  # "35 €"
            return amt.b
        sub = U.SUBUNIT_WORDS.get(low)
        if sub is not None and amt.kind == "num" and not amt.scaled:
            code, factor = sub
            amt.factor = factor
            self.set_money(amt, code, k + 1)
            return amt.b
        # physical units: several words first
        for size in (3, 2):
            key = tuple(t.lower[k : k + size])
            name = U.UNIT_MULTIWORD.get(key)
            if name is not None and len(key) == size:
                if (key[0] in ("°", "º") or key[1] in ("2", "3", "²", "³")) and not self.adjacent(k, k + 1):
                    continue
                self.set_unit(amt, name, k + size)
                return amt.b
        if t.kind[k] == WORD:
            if attached and self.kind(k + 1) in (NUM, JUNK) and self.adjacent(k, k + 1) and (low, self.txt(k + 1)) not in U.UNIT_MULTIWORD:
                raise _Skip(self.name_end(k))  # "24703L202", "A320neo": a code
            if attached and txt == "p" and amt.kind == "num" and not amt.scaled and not amt.money:
                amt.factor = 0.01  # "198p": pence
                self.set_money(amt, "GBP", k + 1)
                return amt.b
            if attached and txt in U.ATTACHED_UNITS:
                if txt == "m" and amt.scaled:
                    return None
                if txt == "F" and not (self.ctx("temp", k) or self.low(k + 1) in ("in", "on", "at", "and", "or", ",", ".", ")", "(", "")):
                    return None
                self.set_unit(amt, U.ATTACHED_UNITS[txt], k + 1)
                return amt.b
            if not attached and txt in U.SPACED_ABBREVIATIONS and self.spaced_abbreviation_ok(k, amt):
                self.set_unit(amt, U.SPACED_ABBREVIATIONS[txt], k + 1)
                return amt.b
            name = U.WORD_UNITS.get(low)
            if name is not None:
                if name == "second" and low == "second":
                    return None  # "the 2 second" is no English; "1 second" is read below
                self.set_unit(amt, name, k + 1)
                return amt.b
            if low == "second" and amt.value == 1:
                self.set_unit(amt, "second", k + 1)
                return amt.b
        if txt in U.DEGREE_WORDS:
            if self.ctx("temp", k) or txt in ("°", "º"):
                self.set_unit(amt, U.CELSIUS if self.ctx("temp", k) or txt != "°" else "degree", k + 1)
            else:
                self.set_unit(amt, "degree", k + 1)
            return amt.b
        return None

    def spaced_abbreviation_ok(self, k: int, amt: _Amount) -> bool:
        """ "30 C", "5 m", "4 L": a lone capital after a number, unless it starts a name."""
        txt = self.t.text[k]
        if txt == "m":
            return not (amt.scaled or amt.money)
        if amt.year_ok:
            return False  # "2021 C.P.I."
        nxt = self.txt(k + 1)
        if nxt == "" or nxt in (",", ";", ")", "!", "?", ":"):
            return True
        if nxt == "." and self.adjacent(k, k + 1):
            return not (self.kind(k + 2) == WORD and self.adjacent(k + 1, k + 2))  # "C.P.I."
        if self.adjacent(k, k + 1):
            return False
        return self.kind(k + 1) == WORD and nxt[:1].islower()

    def set_money(self, amt: _Amount, code: str, b: int) -> None:
        amt.unit = code
        amt.money = True
        amt.b = b
        amt.year_ok = False

    def set_unit(self, amt: _Amount, name: str, b: int) -> None:
        amt.unit = name
        amt.b = b
        amt.year_ok = False
        if name in (U.CELSIUS, U.FAHRENHEIT):
            amt.temp = True

    # --- after the unit: temperatures as differences, ages ------------------------------------
    def post_unit_checks(self, amt: _Amount) -> _Amount:
        if amt.temp and amt.unit in U.DELTA:
            after = self.low(amt.b)
            before = self.low(amt.a - 1)
            if after in U.DELTA_AFTER or before in U.DELTA_BEFORE or self.low(amt.a - 2) in U.DELTA_BEFORE and before in ("of", "to"):
                amt.unit = U.DELTA[amt.unit]
            elif abs(amt.value) <= 5 and self.warming_nearby(amt.a):
                amt.unit = U.DELTA[amt.unit]  # "the 1.5C limit" in a sentence about global warming
        if amt.unit is None and not amt.ordinal and amt.kind == "num":
            before = self.low(amt.a - 1)
            if before == "aged" or (before == "of" and self.low(amt.a - 2) == "age"):
                amt.unit = "year"
        return amt

    def warming_nearby(self, i: int) -> bool:
        lowers = self.t.lower
        return any(w in U.WARMING_CUES for w in lowers[max(0, i - 25) : i + 25])

    # --- ranges -----------------------------------------------------------------------------
    def range_words(self, i: int) -> tuple[list[Quantity], int] | None:
        """ "between X and Y", "from X to Y"."""
        glue = "and" if self.low(i) == "between" else "to"
        try:
            x = self.amount_at(i + 1)
        except _Skip:
            return None
        if x is None or self.low(x.b) != glue:
            return None
        try:
            y = self.amount_at(x.b + 1)
        except _Skip:
            return None
        if y is None:
            return None
        got = self.make_range(i, x, y)
        if got is None:
            return None
        return [got], y.b

    def range_after(self, x: _Amount) -> tuple[list[Quantity], int] | None:
        """ "20-30cm", "2-3 million", "100 to 150mm", "two to three weeks", "2022-23"."""
        t = self.t
        b = x.b
        sep = self.txt(b)
        if sep in _DASHES or sep == "/" and x.year_ok:
            tight = self.adjacent(b - 1, b) and self.adjacent(b, b + 1)
            spaced = not self.adjacent(b - 1, b) and not self.adjacent(b, b + 1) and x.digits_only
            if not (tight or spaced):
                return None
            if x.kind != "num" or x.ordinal or (sep != "/" and not (x.digits_only or x.words)):
                return None
            if self.kind(b + 1) != NUM and not (x.words and self.kind(b + 1) == WORD) and not (x.money and self.txt(b + 1) in U.CURRENCY_SYMBOLS):
                return None
            if x.year_ok and self.kind(b + 1) == NUM and self.is_int(b + 1) and len(t.text[b + 1]) == 2:
                # "2022-23", "1939-45": a span of calendar years
                yy = self.int_value(b + 1)
                first = int(x.value)
                second = first // 100 * 100 + yy
                if second > first:
                    end = b + 2
                    return [self.year_range(x.a, end, first, second)], end
            if sep == "/":
                return None
            if x.digits_only and x.mant is not None and x.exp == 0 and self.is_int(b + 1) and x.unit is None and not x.money:
                # a match score: "won 4-1", "a 2-2 draw"
                y_val = self.int_value(b + 1)
                nxt = b + 2
                shared = self.kind(nxt) == WORD and (t.lower[nxt] in U.WORD_UNITS or t.lower[nxt] in L.SCALE_SUFFIXES or t.lower[nxt] in ("million", "billion", "thousand", "per", "percent") or t.text[nxt] in U.ATTACHED_UNITS) or self.txt(nxt) == "%"
                if not shared and (y_val <= x.value or self.score_context(x.a, nxt)) and not x.year_ok:
                    raise _Skip(nxt)
            try:
                y = self.amount_at(b + 1)
            except _Skip:
                return None
            if y is None:
                return None
            got = self.make_range(x.a, x, y)
            if got is None:
                return None
            return [got], y.b
        if self.low(b) == "to" and (x.kind == "num" and not x.ordinal):
            try:
                y = self.amount_at(b + 1)
            except _Skip:
                return None
            if y is None or y.ordinal:
                return None
            got = self.make_range(x.a, x, y)
            if got is None:
                return None
            return [got], y.b
        return None

    def score_context(self, a: int, b: int) -> bool:
        for k in range(max(0, a - 4), min(self.t.n, b + 3)):
            if self.t.lower[k] in L.SCORE_WORDS:
                return True
        return False

    def make_range(self, a: int, x: _Amount, y: _Amount) -> Quantity | None:
        if x.ordinal or y.ordinal or x.kind == "vague" or y.kind == "vague":
            return None
        if x.year_ok and y.year_ok:
            if y.value <= x.value:
                return None
            return self.year_range(a, y.b, int(x.value), int(y.value))
        # a trailing unit, currency or scale is shared: "20-30cm", "2-3 million", "$2-3bn"
        unit = x.unit if x.unit is not None else y.unit
        if x.unit is not None and y.unit is not None and x.unit != y.unit:
            return None
        x_val = x.value * x.factor
        y_val = y.value * y.factor
        if y.scaled and not x.scaled and x.digits_only | x.words and x.mant is not None:
            e = self.scale_exp(y)
            if e and x_val * 10**e < y_val:
                x_val = x_val * 10**e
        if x.scaled and not y.scaled and y.mant is not None and y.value < x.value:
            e = self.scale_exp(x)
            if e:
                y_val = y_val * 10**e
        if not (x_val < y_val):
            return None
        start = self.t.start[a]
        end = self.t.end[y.b - 1]
        return Quantity(
            start=start, end=end, text=self.src[start:end], low=x_val, high=y_val,
            low_open=False, high_open=False, unit=unit, qualifier=Qualifier.RANGE,
            value=(x_val + y_val) / 2,
        )

    def scale_exp(self, amt: _Amount) -> int:
        # the power of ten that the scale word added
        for k in range(amt.a, amt.b):
            w = self.t.text[k]
            if w in L.SCALE_SUFFIXES and self.t.kind[k] == WORD:
                return L.SCALE_SUFFIXES[w]
        return 0

    def year_range(self, a: int, b: int, first: int, second: int) -> Quantity:
        start = self.t.start[a]
        end = self.t.end[b - 1]
        return Quantity(
            start=start, end=end, text=self.src[start:end], low=float(first), high=float(second),
            unit=U.CALENDAR_YEAR, qualifier=Qualifier.RANGE, value=(first + second) / 2,
        )

    # --- building the interval ----------------------------------------------------------------
    def build_year(self, amt: _Amount) -> Quantity:
        start = self.t.start[amt.a]
        end = self.t.end[amt.b - 1]
        v = float(amt.value)
        return Quantity(
            start=start, end=end, text=self.src[start:end], low=v, high=v,
            unit=U.CALENDAR_YEAR, qualifier=Qualifier.EXACT, value=v,
        )

    def build(self, a: int, amt: _Amount, qual: Qualifier | None) -> Quantity:
        start = self.t.start[a]
        end = self.t.end[amt.b - 1]
        text = self.src[start:end]
        unit = amt.unit
        f = amt.factor
        if amt.ordinal:
            v = amt.value
            return Quantity(start=start, end=end, text=text, low=v, high=v, unit=U.ORDINAL,
                            qualifier=Qualifier.EXACT, value=v)
        if amt.kind == "decade":
            return Quantity(start=start, end=end, text=text, low=amt.lo, high=amt.hi,
                            unit=U.CALENDAR_YEAR, qualifier=Qualifier.RANGE,
                            value=(amt.lo + amt.hi) / 2)
        if amt.about and qual is None:
            qual = Qualifier.ABOUT
        v = amt.value * f
        if qual is None:
            if amt.kind == "vague":
                lo, hi = amt.lo * f, amt.hi * f
                return Quantity(start=start, end=end, text=text, low=lo, high=hi, unit=unit,
                                qualifier=Qualifier.VAGUE, value=(lo + hi) / 2)
            if amt.kind == "fraction" or amt.mant is None:
                return Quantity(start=start, end=end, text=text, low=v, high=v, unit=unit,
                                qualifier=Qualifier.EXACT, value=v)
            lo, hi, exact = bare_interval(amt.mant, amt.exp, unit=unit, money=amt.money, scaled=amt.scaled)
            if f != 1.0:
                lo, hi = lo * f, hi * f
            return Quantity(start=start, end=end, text=text, low=lo, high=hi, unit=unit,
                            qualifier=Qualifier.EXACT if exact else Qualifier.ROUNDED, value=v)
        # a qualified figure: the written value is the bound, with no implied precision
        if amt.kind == "vague":
            x_lo, x_hi = amt.lo * f, amt.hi * f
        else:
            x_lo = x_hi = v
        nonneg = unit not in (U.CELSIUS, U.FAHRENHEIT) and unit not in U.DELTA.values() and v >= 0
        lo_open = hi_open = False
        # 0.9·X and 1.1·X in decimal when the digits are known: "some 14km" is [12.6, 15.4]
        exact_digits = amt.kind == "num" and amt.mant is not None and f == 1.0
        nine = to_float(amt.mant * 9, amt.exp - 1) if exact_digits else 0.9 * x_hi
        if qual is Qualifier.ABOUT:
            if exact_digits:
                lo, hi = sorted((nine, to_float(amt.mant * 11, amt.exp - 1)))
            else:
                lo, hi = sorted((0.9 * x_lo, 1.1 * x_hi)) if x_lo == x_hi else (0.9 * x_lo, 1.1 * x_hi)
        elif qual is Qualifier.MORE_THAN:
            lo, hi, lo_open, hi_open = x_lo, None, True, True
        elif qual is Qualifier.AT_LEAST:
            lo, hi, hi_open = x_lo, None, True
        elif qual is Qualifier.NEARLY:
            lo, hi, hi_open = nine, x_hi, True
            if hi < 0:
                lo = 1.1 * x_hi
        elif qual is Qualifier.LESS_THAN:
            lo, hi, hi_open = (0.0 if nonneg else None), x_hi, True
            lo_open = lo is None
        else:  # AT_MOST
            lo, hi = (0.0 if nonneg else None), x_hi
            lo_open = lo is None
        if qual is Qualifier.ABOUT:
            value = v if amt.kind != "vague" else (lo + hi) / 2
        else:
            value = v if amt.kind != "vague" else (x_lo if qual in (Qualifier.MORE_THAN, Qualifier.AT_LEAST) else x_hi)
        return Quantity(start=start, end=end, text=text, low=lo, high=hi, low_open=lo_open,
                        high_open=hi_open, unit=unit, qualifier=qual, value=value)
