"""Reading the unit after a number: currency, percent, physical units, temperatures."""

from __future__ import annotations

from claimcheck.quantities import lexicon as L
from claimcheck.quantities import units as U
from claimcheck.quantities.tokens import JUNK, NUM, SYM, WORD
from claimcheck.quantities._shared import TokenView, Amount, DASHES, Skip, UNITISH


class UnitReader(TokenView):
    """The unit, percent or currency written after a number, and what follows from it."""

    def symbol_currency(self, sym: str, at: int) -> str:
        code = U.CURRENCY_SYMBOLS[sym]
        if code == "JPY" and self.ctx("cn", at) and not self.ctx("jp", at):
            return "CNY"
        return code

    def unit_after(self, amt: Amount) -> None:
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
            self.unit_words(k, amt, allow_pounds=True)
            return
        if amt.kind == "fraction" and low in ("a", "an"):
            self.unit_words(b + 1, amt, allow_pounds=False)
            return
        # hyphenated adjective: "32-kilometre", "46-year-old", "two-year"
        if txt in DASHES and attached and self.adjacent(b, b + 1) and self.kind(b + 1) == WORD:
            name = U.WORD_UNITS.get(t.lower[b + 1])
            if name is None and t.text[b + 1] in U.ATTACHED_UNITS and t.text[b + 1] not in ("in", "s", "h"):
                name = U.ATTACHED_UNITS[t.text[b + 1]]
            if name is not None:
                amt.unit = name
                amt.b = b + 2
                amt.year_ok = False
                if name in ("year", "month", "week", "day") and self.txt(b + 2) in DASHES and self.low(b + 3) == "old" and self.adjacent(b + 1, b + 2):
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
            if t.lower[b + 1] == "percentage" and self.txt(b + 2) in DASHES and self.low(b + 3) in ("point", "points"):
                amt.unit = U.PERCENTAGE_POINT  # "a 4-percentage-point lead"
                amt.b = b + 4
                amt.year_ok = False
                return
            if t.lower[b + 1] == "per" and self.txt(b + 2) in DASHES and self.low(b + 3) == "cent":
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
                raise Skip(self.name_end(amt.a if t.kind[amt.a] == NUM else b - 1))

    def unit_words(self, k: int, amt: Amount, *, allow_pounds: bool, attached: bool = False) -> int | None:
        """Match a unit, percent or currency at token ``k``; set it on ``amt`` and return the end."""
        t = self.t
        if k >= t.n:
            return None
        txt = t.text[k]
        low = t.lower[k]
        if low not in UNITISH and txt not in UNITISH:
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
                raise Skip(self.name_end(k))  # "24703L202", "A320neo": a code
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

    def spaced_abbreviation_ok(self, k: int, amt: Amount) -> bool:
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

    def set_money(self, amt: Amount, code: str, b: int) -> None:
        amt.unit = code
        amt.money = True
        amt.b = b
        amt.year_ok = False

    def set_unit(self, amt: Amount, name: str, b: int) -> None:
        amt.unit = name
        amt.b = b
        amt.year_ok = False
        if name in (U.CELSIUS, U.FAHRENHEIT):
            amt.temp = True

    def post_unit_checks(self, amt: Amount) -> Amount:
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
