"""Read every figure in English news text: ``find_quantities(text) -> list[Quantity]``.

The reader cuts the text into tokens once (``tokens.py``, linear time) and walks them left to
right. At a token that can start a figure (a digit group, a number word, a qualifier, a
currency sign ...) it tries, in this order: a qualifier ("more than", "between"), an amount
(currency sign, number, scale word, unit), words after it ("or more", "+"), and a range
("X-Y", "X to Y"). Every step only looks a few tokens ahead, so the walk is linear too.

The reading rules are the contract of the quantity-engine issue (docs/quantities.md).
"""

from __future__ import annotations

from itertools import compress
from operator import or_

from claimcheck.quantities import lexicon as L
from claimcheck.quantities import units as U
from claimcheck.quantities.intervals import bare_interval, to_float
from claimcheck.quantities.model import Qualifier, Quantity
from claimcheck.quantities.tokens import JUNK, NUM, SYM, WORD, Tokens, comma_decimal_evident
from claimcheck.quantities._shared import (
    Amount,
    DASHES,
    GATES,
    IS_NUM,
    MINUS,
    NUMBERISH,
    PREFIX_TOKENS,
    START_WORDS,
    Skip,
    TRIGGER_SYMBOLS,
    TRIGGER_TEXTS,
)
from claimcheck.quantities.notfigures import NotFigures
from claimcheck.quantities.numerals import NumeralReader
from claimcheck.quantities.unitreader import UnitReader

__all__ = ["find_quantities"]


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


class _Reader(NumeralReader, NotFigures, UnitReader):
    """Walks the tokens of one text and reads its figures (the mixins read the parts)."""

    def read(self) -> list[Quantity]:
        t = self.t
        out: list[Quantity] = []
        kinds, lowers, texts = t.kind, t.lower, t.text
        n = t.n
        starts = START_WORDS
        gates = GATES
        numberish = NUMBERISH
        prefixes = PREFIX_TOKENS
        symbols = TRIGGER_SYMBOLS
        # The tokens that may start a figure: digits, start words, currency prefixes, symbols;
        # found with map() over C functions, no Python code per token.
        flags = map(or_, map(or_, map(IS_NUM, kinds), map(starts.__contains__, lowers)), map(TRIGGER_TEXTS.__contains__, texts))
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
            except Skip as skip:
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

    def figure_at(self, i: int) -> tuple[list[Quantity], int] | None:
        t = self.t
        low = t.lower[i]
        if t.kind[i] == WORD and self.is_month(i):
            return self.after_month(i)
        if t.kind[i] == SYM and t.text[i] == "#" and self.kind(i + 1) == NUM and self.adjacent(i, i + 1):
            raise Skip(i + 2)
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
            except Skip:
                amt = None
            if amt is not None and not (amt.year_ok and self.year_after_qualifier(amt, q)):
                try:
                    rng = self.range_after(amt)
                except Skip:
                    rng = None
                if rng is not None and rng[0] and rng[0][0].unit != U.CALENDAR_YEAR:
                    # "about 2-3 million", "up to 20-30cm": the qualifier bounds the range
                    return [self.qualified_range(i, rng[0][0], q)], rng[1]
                amt = self.post_unit_checks(amt)
                return [self.build(i, amt, q)], amt.b
            if amt is not None and amt.year_ok:
                rng = self.range_after(amt)  # "around 2016-2018": the span of years
                if rng is not None:
                    return rng
                return [self.build_year(amt)], amt.b
            if t.kind[i] == WORD and low not in START_WORDS:
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

    def year_after_qualifier(self, amt: Amount, q: Qualifier) -> bool:
        """Is the four-digit number after a qualifier a year ("below 1990 levels", "around 1900.")?

        Before "levels" it is a year; after "about"/"around" too, unless a noun follows ("about
        1500 people"). Otherwise it is a count ("more than 2000 people"). The qualifier does not
        qualify a year.
        """
        b = amt.b
        low = self.t.lower[b] if b < self.t.n else ""
        if low in ("level", "levels"):
            return True
        if q is not Qualifier.ABOUT:
            return False
        return b >= self.t.n or self.t.kind[b] != WORD or low in L.FUNCTION_WORDS

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

    def suffix_qualifier(self, amt: Amount) -> tuple[Qualifier, int] | None:
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

    def amount_at(self, i: int) -> Amount | None:
        """Currency sign, number, scale and unit starting at token ``i``; raises Skip for non-figures."""
        t = self.t
        if i >= t.n:
            return None
        k = t.kind[i]
        if k == NUM:
            # the common case first: digits with no sign or currency before them
            end = self.not_figure(i)
            if end is not None:
                raise Skip(end)
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
            amt = Amount(i, i + 2, to_float(int(digits), -len(digits)))
            amt.mant, amt.exp = int(digits), -len(digits)
            amt.digits_only = True
            self.unit_after(amt)
            return amt
        elif k == SYM and txt in MINUS and self.kind(i + 1) == NUM and self.adjacent(i, i + 1):
            if i > 0 and self.adjacent(i - 1, i) and t.kind[i - 1] in (NUM, WORD, JUNK):
                return None
            if i > 0 and t.kind[i - 1] == NUM:
                return None  # "4 - 1": not a sign
            neg = True
            j = i + 1
        if currency is not None and j < t.n and t.text[j] in MINUS and self.kind(j + 1) == NUM:
            neg = True
            j += 1
        if j >= t.n:
            return None
        if t.kind[j] == NUM:
            if currency is None and not neg:
                end = self.not_figure(j)
                if end is not None:
                    raise Skip(end)
            amt = self.digits_at(j, currency is not None)
        elif t.kind[j] == WORD and j == i:
            amt = self.words_at(j)
        elif t.kind[j] == SYM and t.text[j] in L.UNICODE_FRACTIONS and j == i:
            num, den = L.UNICODE_FRACTIONS[t.text[j]]
            amt = Amount(j, j + 1, num / den)
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

    def range_words(self, i: int) -> tuple[list[Quantity], int] | None:
        """ "between X and Y", "from X to Y"."""
        glue = "and" if self.low(i) == "between" else "to"
        try:
            x = self.amount_at(i + 1)
        except Skip:
            return None
        if x is None or self.low(x.b) != glue:
            return None
        try:
            y = self.amount_at(x.b + 1)
        except Skip:
            return None
        if y is None:
            return None
        got = self.make_range(i, x, y)
        if got is None:
            return None
        return [got], y.b

    def range_after(self, x: Amount) -> tuple[list[Quantity], int] | None:
        """ "20-30cm", "2-3 million", "100 to 150mm", "two to three weeks", "2022-23"."""
        t = self.t
        b = x.b
        sep = self.txt(b)
        if sep in DASHES or sep == "/" and x.year_ok:
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
                    raise Skip(nxt)
            try:
                y = self.amount_at(b + 1)
            except Skip:
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
            except Skip:
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

    def make_range(self, a: int, x: Amount, y: Amount) -> Quantity | None:
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
        if unit is None and (self.low(a - 1) == "aged" or self.low(a - 1) == "ages" and self.low(a - 2) == "the"):
            unit = "year"  # "aged 18 to 24": ages are durations in years
        if unit in U.DELTA and (self.low(y.b) in U.DELTA_AFTER or abs(y_val) <= 5 and self.warming_nearby(a)):
            unit = U.DELTA[unit]  # "1.5-2C of warming" is a difference
        start = self.t.start[a]
        end = self.t.end[y.b - 1]
        return Quantity(
            start=start, end=end, text=self.src[start:end], low=x_val, high=y_val,
            low_open=False, high_open=False, unit=unit, qualifier=Qualifier.RANGE,
            value=(x_val + y_val) / 2,
        )

    def qualified_range(self, a: int, r: Quantity, q: Qualifier) -> Quantity:
        """A qualifier before a range bounds it: about → [0.9·X, 1.1·Y], up to → [0, Y] ..."""
        lo, hi = r.low, r.high
        nonneg = lo is not None and lo >= 0 and r.unit not in (U.CELSIUS, U.FAHRENHEIT)
        lo_open = hi_open = False
        if q is Qualifier.ABOUT:
            lo, hi = 0.9 * lo, 1.1 * hi
        elif q is Qualifier.MORE_THAN:
            hi, lo_open, hi_open = None, True, True
        elif q is Qualifier.AT_LEAST:
            hi, hi_open = None, True
        elif q is Qualifier.NEARLY:
            lo, hi_open = 0.9 * lo, True
        elif q is Qualifier.LESS_THAN:
            lo, hi_open = (0.0 if nonneg else None), True
            lo_open = lo is None
        else:  # AT_MOST
            lo = 0.0 if nonneg else None
            lo_open = lo is None
        start = self.t.start[a]
        value = r.value if hi is not None and lo is not None else (lo if hi is None else hi)
        return Quantity(
            start=start, end=r.end, text=self.src[start : r.end], low=lo, high=hi, low_open=lo_open,
            high_open=hi_open, unit=r.unit, qualifier=q, value=value,
        )

    def scale_exp(self, amt: Amount) -> int:
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

    def build_year(self, amt: Amount) -> Quantity:
        start = self.t.start[amt.a]
        end = self.t.end[amt.b - 1]
        v = float(amt.value)
        return Quantity(
            start=start, end=end, text=self.src[start:end], low=v, high=v,
            unit=U.CALENDAR_YEAR, qualifier=Qualifier.EXACT, value=v,
        )

    def build(self, a: int, amt: Amount, qual: Qualifier | None) -> Quantity:
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
