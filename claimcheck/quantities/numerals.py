"""Reading numbers: digits, number words, fractions, ordinals, vague amounts, scale words."""

from __future__ import annotations

from fractions import Fraction

from claimcheck.quantities import lexicon as L
from claimcheck.quantities import units as U
from claimcheck.quantities.intervals import to_float
from claimcheck.quantities.tokens import JUNK, NUM, WORD
from claimcheck.quantities._shared import TokenView, Amount, DASHES, DENOMINATORS, Skip


class NumeralReader(TokenView):
    """Numbers as written: "35,000", "forty-eight", "two and a half", "a dozen", "hundreds", "3.5m"."""

    def digits_at(self, j: int, money: bool) -> Amount | None:
        t = self.t
        ints, frac = t.value[j]
        mant = int(ints + frac) if (ints + frac) else 0
        exp = -len(frac)
        amt = Amount(j, j + 1, to_float(mant, exp))
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
                    amt = Amount(j, nxt + 1, mant + num / den)
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
                amt = Amount(j, nxt + 3, mant + 1 / den)
                amt.kind = "fraction"
                return amt
        if not frac and len(ints) == 4 and len(t.text[j]) == 4 and 1000 <= mant <= 2199:
            amt.year_ok = True
        return amt

    def decade(self, amt: Amount, first: int, b: int) -> Amount:
        amt.b = b
        amt.kind = "decade"
        amt.lo, amt.hi = float(first), float(first + 9)
        return amt

    def digit_fraction(self, j: int) -> Amount | None:
        t = self.t
        # mixed "2 1/2"
        if self.kind(j + 1) == NUM and self.txt(j + 2) == "/" and self.kind(j + 3) == NUM and self.adjacent(j + 1, j + 2) and self.adjacent(j + 2, j + 3) and not self.adjacent(j, j + 1):
            if self.is_int(j + 1) and self.is_int(j + 3):
                num, den = self.int_value(j + 1), self.int_value(j + 3)
                if 0 < num < den and den in DENOMINATORS and not (self.txt(j + 4) == "/"):
                    amt = Amount(j, j + 4, self.int_value(j) + num / den)
                    amt.kind = "fraction"
                    return amt
        if self.txt(j + 1) == "/" and self.adjacent(j, j + 1) and self.kind(j + 2) == NUM and self.adjacent(j + 1, j + 2):
            if self.txt(j + 3) == "/" and self.adjacent(j + 2, j + 3) and self.kind(j + 4) == NUM:
                # "14/07/2015": a date; only its year is a figure
                if len(t.text[j + 4]) == 4 and self.is_int(j + 4):
                    raise Skip(j + 4)
                raise Skip(j + 5)
            if self.is_int(j + 2):
                num, den = self.int_value(j), self.int_value(j + 2)
                if len(t.text[j]) == 4 and len(t.text[j + 2]) in (2, 4) and 1000 <= num <= 2199:
                    return None  # "2022/23": a season, left to the range reader below
                if 0 < num < den and den in DENOMINATORS:
                    amt = Amount(j, j + 3, num / den)
                    amt.kind = "fraction"
                    return amt
            raise Skip(j + 3)  # "24/7", "9/11"
        return None

    def words_at(self, j: int) -> Amount | None:
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

    def cardinal_words(self, j: int) -> Amount | None:
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
            elif t.text[k] in DASHES and last == "tens" and self.adjacent(k - 1, k) and self.adjacent(k, k + 1) and (self.low(k + 1) in L.UNITS_WORDS or self.low(k + 1) in L.ORDINAL_WORDS):
                k += 1
            else:
                break
        if end == j:
            return None
        value = total + group
        amt = Amount(j, end, float(value))
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
                amt = Amount(j, b + 3, float(scaled))
                amt.scaled = True
                self.set_exact_digits(amt, scaled)
                return amt
            return self.fraction_amount(j, b + 3, Fraction(value) + frac)
        # "two thirds", "three-quarters"
        k = b
        if self.txt(k) in DASHES and self.adjacent(k - 1, k):
            k += 1
        if self.low(k) in L.FRACTION_PLURAL and 1 < value < 20:
            return self.fraction_amount(j, k + 1, Fraction(value, L.FRACTION_PLURAL[self.low(k)]))
        if value == 1 and self.low(k) in L.FRACTION_SINGULAR and self.low(k) != "half" or (value == 1 and self.low(k) == "half"):
            den = L.FRACTION_SINGULAR[self.low(k)]
            return self.fraction_amount(j, k + 1, Fraction(1, den))
        # "two dozen"
        if self.low(b) in ("dozen", "dozens") and value < 20:
            amt = Amount(j, b + 1, float(value * 12))
            amt.mant, amt.exp = value * 12, 0
            amt.about = True
            return amt
        return amt

    def fraction_amount(self, a: int, b: int, frac: Fraction) -> Amount:
        """A fraction, scaled when a scale word follows ("half a million", "a quarter of a million")."""
        k = b
        if self.low(k) == "of":
            k += 1
        if self.low(k) in ("a", "an"):
            k += 1
        w = self.low(k)
        if w in ("million", "billion", "trillion", "thousand", "hundred") and (k > b or w != "hundred"):
            scaled = frac * 10 ** L.SCALE_WORDS[w]
            amt = Amount(a, k + 1, float(scaled))
            amt.scaled = True
            self.set_exact_digits(amt, scaled)
            return amt
        if w == "dozen" and k > b:
            amt = Amount(a, k + 1, float(frac * 12))
            amt.about = True
            self.set_exact_digits(amt, frac * 12)
            return amt
        amt = Amount(a, b, float(frac))
        amt.kind = "fraction"
        return amt

    def set_exact_digits(self, amt: Amount, value: Fraction) -> None:
        for e in range(0, 7):
            scaled = value * 10**e
            if scaled.denominator == 1:
                amt.mant, amt.exp = int(scaled), -e
                return
        amt.kind = "fraction"  # a third of a million: no last digit to round on; exact

    def article_amount(self, j: int) -> Amount | None:
        """ "a million", "a dozen", "a third", "a quarter of a million", "a few", "a handful"."""
        w = self.low(j + 1)
        if w in ("hundred", "thousand", "million", "billion", "trillion"):
            amt = self.cardinal_words_from_one(j, j + 1)
            return amt
        if w == "dozen":
            amt = Amount(j, j + 2, 12.0)
            amt.mant, amt.exp = 12, 0
            amt.about = True
            return amt
        if w == "few":
            if self.low(j - 1) in ("quite", "not", "precious"):
                return None  # "quite a few" means many
            return self.few_at(j)
        if w == "handful":
            amt = Amount(j, j + 2, 4.5)
            amt.kind = "vague"
            amt.lo, amt.hi = 3.0, 6.0
            return amt
        if w == "half" and self.low(j - 1) == "and":
            return None
        if w in L.FRACTION_SINGULAR:
            return self.singular_fraction(j, j + 1)
        return None

    def cardinal_words_from_one(self, a: int, k: int) -> Amount | None:
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
        amt = Amount(a, end, float(value))
        amt.words = True
        amt.mant, amt.exp = value, 0
        return amt

    def singular_fraction(self, a: int, k: int) -> Amount | None:
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

    def half_at(self, j: int) -> Amount | None:
        prev = self.low(j - 1)
        if prev in L.NOT_FRACTION_BEFORE or prev in ("a",):
            return None
        if self.txt(j + 1) in DASHES and self.adjacent(j, j + 1):
            return None  # "half-time", "half-brother"
        return self.fraction_amount(j, j + 1, Fraction(1, 2))

    def few_at(self, j: int) -> Amount:
        """ "a few" [2, 5]; "a few hundred" [200, 500]; "a few thousand" [2 000, 5 000]."""
        e, b = self.scale_words_after(j + 2)
        mult = 10**e
        lo, hi = 2 * mult, 5 * mult
        if self.low(b) == "dozen":
            lo, hi, b = lo * 12, hi * 12, b + 1
        amt = Amount(j, b, (lo + hi) / 2)
        amt.kind = "vague"
        amt.lo, amt.hi = float(lo), float(hi)
        return amt

    def several_at(self, j: int) -> Amount | None:
        """ "several hundred" [200, 999]; "several thousand" [2 000, 9 999]."""
        e, b = self.scale_words_after(j + 1)
        if b == j + 1:
            if self.low(b) == "dozen":
                amt = Amount(j, b + 1, 0)
                amt.kind = "vague"
                amt.lo, amt.hi = 24.0, 119.0
                amt.value = (amt.lo + amt.hi) / 2
                return amt
            return None
        lo, hi = 2 * 10**e, 10 ** (e + 1) - 1
        amt = Amount(j, b, (lo + hi) / 2)
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

    def vague_plural(self, j: int) -> Amount | None:
        """ "dozens", "hundreds", "thousands", "tens of thousands", "hundreds of millions"."""
        w = self.low(j)
        if w == "dozens":
            amt = Amount(j, j + 1, 0)
            lo, hi = 24, 99
        elif w == "tens":
            if self.low(j + 1) == "of" and self.low(j + 2) in L.PLURAL_SCALES and self.low(j + 2) != "hundreds":
                e = L.PLURAL_SCALES[self.low(j + 2)]
                amt = Amount(j, j + 3, 0)
                lo, hi = 2 * 10 ** (e + 1), 10 ** (e + 2) - 1
            else:
                return None
        else:
            e = L.PLURAL_SCALES[w]
            b = j + 1
            if w == "hundreds" and self.low(j + 1) == "of" and self.low(j + 2) in ("thousands", "millions", "billions"):
                e += L.PLURAL_SCALES[self.low(j + 2)]
                b = j + 3
            amt = Amount(j, b, 0)
            lo, hi = 2 * 10**e, 10 ** (e + 1) - 1
        if self.low(j - 1) in ("the", "of") and self.low(j - 2) not in ("of",):
            # "the thousands who", "tens of thousands" is read from "tens"
            if self.low(j - 1) == "of" and self.low(j - 2) in ("tens", "hundreds"):
                return None
        amt.kind = "vague"
        amt.lo, amt.hi = float(lo), float(hi)
        amt.value = (lo + hi) / 2
        return amt

    def ordinal_word(self, j: int) -> Amount | None:
        low = self.low(j)
        if self.low(j - 1) in L.ORDINAL_NOT_BEFORE or self.txt(j + 1) == "," and self.sentence_start(j):
            return None
        if low in L.FRACTION_SINGULAR and self.low(j - 1) in ("a", "one") and (self.low(j + 1) in ("of",) or self.kind(j + 1) != WORD or self.low(j + 1) in L.FUNCTION_WORDS):
            return None  # "a third of", "by a third since": a fraction, read from the article
        # "twenty-first" is read by the cardinal reader; here single ordinals
        value = L.ORDINAL_WORDS[low]
        amt = Amount(j, j + 1, float(value))
        amt.ordinal = True
        amt.words = True
        return amt

    def second_at(self, j: int) -> Amount | None:
        nxt = self.kind(j + 1)
        if self.txt(j + 1) in DASHES and self.adjacent(j, j + 1) and self.kind(j + 2) == WORD and self.adjacent(j + 1, j + 2):
            amt = Amount(j, j + 1, 2.0)  # "the second-largest"
            amt.ordinal = True
            return amt
        if self.low(j - 1) in ("finished", "came", "placed", "ranked", "ranks", "finish", "come", "place", "rank") and nxt != WORD:
            amt = Amount(j, j + 1, 2.0)
            amt.ordinal = True
            return amt
        if nxt != WORD or self.low(j - 1) in ("per", "a", "every", "each", "split", "one", "fraction"):
            if not (self.low(j - 1) == "a" and nxt == WORD and self.low(j + 1) not in ("of", "or", "and", "to", "in", "later", "ago")):
                return None
        if self.low(j + 1) in ("of", "or", "and", "to", "in", "later", "ago", "the", "that", "he", "she", "they"):
            return None
        amt = Amount(j, j + 1, 2.0)
        amt.ordinal = True
        amt.words = True
        return amt

    def scale_after(self, amt: Amount) -> None:
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
