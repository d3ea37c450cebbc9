"""Digits that are not figures: dates, clock times, names and codes, phone numbers."""

from __future__ import annotations

from claimcheck.quantities import lexicon as L
from claimcheck.quantities import units as U
from claimcheck.quantities.model import Quantity
from claimcheck.quantities.tokens import JUNK, NUM, WORD
from claimcheck.quantities._shared import (
    TokenView,
    CLOCK_FIRST,
    DASHES,
    DAY_ORDINAL,
    LOWER_PREFIXES,
    UNITISH,
)


class NotFigures(TokenView):
    """Recognise what only looks like a figure (contract, section 5, "Not figures")."""

    def after_month(self, i: int) -> tuple[list[Quantity], int] | None:
        """ "March 21", "July 14, 2015", "Sept. 3": the day of month is not a figure."""
        t = self.t
        j = i + 1
        if self.txt(j) == "." and self.adjacent(i, j):
            j += 1
        if self.kind(j) == NUM and self.is_int(j) and len(t.text[j]) <= 2 and 1 <= self.int_value(j) <= 31:
            k = j + 1
            if self.low(k) in DAY_ORDINAL and self.adjacent(j, k):
                k += 1
            if (self.txt(k) in DASHES or self.low(k) in ("to", "and", "or")) and self.kind(k + 1) == NUM and self.is_int(k + 1) and len(t.text[k + 1]) <= 2:
                k += 2  # "July 14-16", "July 14 to 16"
                if self.low(k) in DAY_ORDINAL and self.adjacent(k - 1, k):
                    k += 1
            return [], k
        return None

    def day_before_month(self, i: int) -> int | None:
        """ "21 March", "21st of March", "14-16 July": where the date ends, or None."""
        t = self.t
        if not (self.is_int(i) and len(t.text[i]) <= 2 and 1 <= self.int_value(i) <= 31):
            return None
        k = i + 1
        if self.low(k) in DAY_ORDINAL and self.adjacent(i, k):
            k += 1
        if (self.txt(k) in DASHES or self.low(k) in ("to", "and", "or")) and self.kind(k + 1) == NUM and self.is_int(k + 1) and len(t.text[k + 1]) <= 2:
            k += 2  # "14-16 July", "from 14 to 16 July", "14 and 15 March"
            if self.low(k) in DAY_ORDINAL and self.adjacent(k - 1, k):
                k += 1
        if self.low(k) == "of" or (self.txt(k) == "." and self.adjacent(k - 1, k)):
            k += 1  # "21st of March", "14. August"
        if self.is_month(k):
            return k + 1
        return None

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
                if ptxt in DASHES and self.kind(prev - 1) == WORD and self.adjacent(prev - 1, prev):
                    glued_to_number = self.kind(prev - 2) == NUM and self.adjacent(prev - 2, prev - 1)
                    if lowers[prev - 1] not in LOWER_PREFIXES and not glued_to_number:
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
        elif n_adj and nt in DASHES:
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
        if low not in CLOCK_FIRST and t.text[k] not in L.CLOCK_WORDS:
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
        if nxt < t.n and (t.lower[nxt] in UNITISH or t.text[nxt] in UNITISH or t.lower[nxt] in L.SCALE_SUFFIXES or t.text[nxt] in L.SCALE_SUFFIXES or t.lower[nxt] in L.SCALE_WORDS):
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
