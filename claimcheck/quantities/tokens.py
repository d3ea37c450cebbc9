"""Cut text into tokens: digit groups, words and single symbols, with their offsets.

One regular expression does the cutting. Every repetition in it is bounded and its
alternatives start on disjoint character classes (digit / letter / other), so it runs in
linear time on any input: 10 MB of "1,1,1,..." or 100,000 parentheses included.

A run of digits with separators ("35,000", "35 000", "2022 20", "1,1,1") is split here into
numbers by the grouping rules (contract, section 1, "separators"): a thousands separator is
followed by exactly three digits; a space groups digits only in that way too, and otherwise
separates two numbers. A run that fits no rule ("1.2.3", "1,1,1", an IP address, a phone
number with a leading zero) becomes one JUNK token, which is never a figure.
"""

from __future__ import annotations

import re
from itertools import accumulate, compress
from operator import itemgetter, sub

NUM, WORD, SYM, JUNK = 0, 1, 2, 3

# No capturing groups: findall() then returns the token strings, which is the fastest way to
# cut text in CPython. Every token starts with a non-space character and only whitespace lies
# between tokens, so each token's offset is found again with str.find from the previous end.
_TOKEN_RE = re.compile(
    r"\d{1,40}(?:[.,\u00a0\u2009\u202f ]\d{1,40}){0,12}"
    r"|[^\W\d_]{1,60}(?:['’][^\W\d_]{1,20})?"
    r"|\S"
)
# A run of this many numbers side by side with nothing but spaces between them is a table or
# noise, not prose ("1 1 1 1 ..."): no figure.
_MAX_SPACED_NUMBERS = 4
class _KindOfFirst(dict):
    """The kind of a token from its first character, worked out once per character."""

    def __missing__(self, c: str) -> int:
        # a lone symbol-like letter ("²", "⅔") is a symbol; words start with a letter
        kind = NUM if c.isdecimal() else (WORD if c.isalpha() else SYM)
        self[c] = kind
        return kind


_KIND_OF_FIRST = _KindOfFirst()
_SPACED_TOKEN_RE = re.compile(r"\s*(?:" + _TOKEN_RE.pattern + ")")
_SPACES = frozenset(" \u00a0\u2009\u202f")
_SEP_SPLIT = re.compile(r"([.,\u00a0\u2009\u202f ])")

# A comma decimal is evident from a number such as "3,5" or "1.234,5" (contract: "35.000 only
# where a comma decimal is evident in the same text").
# "3,5" or "1.234,5": the regular expressions start at the comma (a literal the engine skips to
# fast) and check what follows; what stands before a "3,5" is checked in Python, rarely.
_COMMA_SHORT_GROUP = re.compile(r",\d{1,2}(?![\d,.])")
_DOT_GROUP_THEN_COMMA = re.compile(r"\.\d{3},\d")
_ONE_TO_THREE_DIGITS = re.compile(r"(?:^|[^\d.,])\d{1,3}$")


def comma_decimal_evident(text: str) -> bool:
    for m in _COMMA_SHORT_GROUP.finditer(text):
        at = m.start()
        if _ONE_TO_THREE_DIGITS.search(text, max(0, at - 4), at):
            return True
    for m in _DOT_GROUP_THEN_COMMA.finditer(text):
        if m.start() > 0 and text[m.start() - 1].isdecimal():
            return True
    return False


class Tokens:
    """Parallel lists (faster than one object per token): kind, text, lower, start, end, value.

    ``value`` of a NUM token is ``(int_digits, frac_digits)`` as ASCII strings.
    """

    __slots__ = ("kind", "text", "lower", "start", "end", "value", "n")

    def __init__(self, text: str, comma_decimal: bool, base: int = 0) -> None:
        """Tokens of ``text``; offsets count from ``base`` (where ``text`` starts in a longer one)."""
        # Each match carries the whitespace before its token: the running sum of match lengths
        # is where each token ends, all computed in C.
        # All by map() over C functions: no Python code runs per token here.
        spaced = _SPACED_TOKEN_RE.findall(text)
        ends = list(accumulate(map(len, spaced), initial=base))[1:]
        tok = list(map(str.lstrip, spaced))
        start = list(map(sub, ends, map(len, tok)))
        kind = list(map(_KIND_OF_FIRST.__getitem__, map(itemgetter(0), tok)))
        value: list[tuple[str, str] | None] = [None] * len(tok)
        to_split: list[int] = []
        prev_num_end = -1
        for i in list(compress(range(len(kind)), map(NUM.__eq__, kind))):
            t = tok[i]
            if t.isdecimal():
                value[i] = (_ascii(t), "")
                if start[i] == prev_num_end:
                    # digits straight after 40 digits: one absurd run, no figure
                    kind[i] = JUNK
                    kind[i - 1] = JUNK
                    prev_num_end = start[i] + len(t)
                else:
                    prev_num_end = start[i] + 40 if len(t) == 40 else -1
            else:
                to_split.append(i)
        split_any = bool(to_split)
        if split_any:
            tok, kind, start, value = _resplit(tok, kind, start, value, comma_decimal, to_split)
        if "://" in text or "www." in text:
            _mark_urls(text, kind, start, base)
        self.kind = kind
        self.text = tok
        self.lower = list(map(str.lower, tok))
        self.start = start
        self.end = ends if len(ends) == len(tok) and not split_any else [a + len(t) for a, t in zip(start, tok)]
        self.value = value
        self.n = len(tok)


_URL_RE = re.compile(r"(?:https?://|www\.)\S{1,2000}")


def _mark_urls(text: str, kind: list[int], start: list[int], base: int) -> None:
    """Digits inside a web address are part of a name, never figures."""
    from bisect import bisect_left

    for m in _URL_RE.finditer(text):
        k = bisect_left(start, m.start() + base)
        while k < len(start) and start[k] < m.end() + base:
            kind[k] = JUNK
            k += 1


def _resplit(tok, kind, start, value, comma_decimal, to_split):
    """Rebuild the lists with each separated digit run cut into its numbers (slices between)."""
    n_tok: list[str] = []
    n_kind: list[int] = []
    n_start: list[int] = []
    n_value: list = []
    last = 0
    for i in to_split:
        n_tok += tok[last:i]
        n_kind += kind[last:i]
        n_start += start[last:i]
        n_value += value[last:i]
        for k2, t2, s2, _e2, v2 in _split_number(tok[i], start[i], comma_decimal):
            n_kind.append(k2)
            n_tok.append(t2)
            n_start.append(s2)
            n_value.append(v2)
        last = i + 1
    n_tok += tok[last:]
    n_kind += kind[last:]
    n_start += start[last:]
    n_value += value[last:]
    return n_tok, n_kind, n_start, n_value


def _ascii(digits: str) -> str:
    """Arabic-Indic, full-width and other decimal digits as ASCII."""
    if digits.isascii():
        return digits
    return "".join(str(int(c)) if c.isdecimal() else c for c in digits)


def _split_number(raw: str, base: int, comma_decimal: bool):
    parts = _SEP_SPLIT.split(raw)
    digits = parts[0::2]
    seps = parts[1::2]
    thousands = "." if comma_decimal else ","
    decimal = "," if comma_decimal else "."
    offs = []
    p = base
    for d in digits:
        offs.append(p)
        p += len(d) + 1
    n = len(digits)
    out = []
    k = 0
    junk = [(JUNK, raw, base, base + len(raw), None)]
    while k < n:
        d0 = digits[k]
        intpart = d0
        j = k
        if len(d0) <= 3 and not (len(d0) > 1 and d0[0] == "0"):
            group = None
            while j + 1 < n and len(digits[j + 1]) == 3:
                s = seps[j]
                cls = " " if s in _SPACES else s
                if cls != " " and s != thousands:
                    break
                if group is None:
                    group = cls
                elif group != cls:
                    break
                intpart += digits[j + 1]
                j += 1
        frac = ""
        if j + 1 < n and seps[j] == decimal:
            frac = digits[j + 1]
            j += 1
        if j + 1 < n and seps[j] not in _SPACES:
            # "1.2.3", "1,1,1", "14.07.2015": no reading fits; a dotted date still gives its year.
            if n == 3 and all(s in "./" for s in seps) and len(digits[2]) == 4:
                return [(JUNK, raw[: offs[2] - base - 1], base, offs[2] - 1, None),
                        (NUM, digits[2], offs[2], offs[2] + 4, (_ascii(digits[2]), ""))]
            return junk
        if len(intpart) > 1 and intpart[0] == "0" and not frac:
            return junk  # "020 7946 0958", "007": identifiers and phone numbers
        if (
            not comma_decimal
            and frac
            and len(frac) == 3
            and frac.endswith("0")
            and intpart == d0
            and len(d0) <= 3
            and d0[0] != "0"
        ):
            # "35.000" with no comma decimal in the text: English 35.000 or German 35 000?
            # The contract says never guess silently, so it is no figure.
            return junk
        a = offs[k]
        e = offs[j] + len(digits[j])
        out.append((NUM, raw[a - base : e - base], a, e, (_ascii(intpart), _ascii(frac))))
        k = j + 1
    if len(out) >= _MAX_SPACED_NUMBERS:
        return junk
    return out
