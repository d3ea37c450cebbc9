"""Finding the checkable figures of a sentence, each with its qualifier and a kind.

The quantity engine (``claimcheck.quantities.find_quantities``) reads values and intervals; an
extractor needs something else first: *where* the figures are, the words of each with its
qualifier ("more than 35,000"), and what kind of thing it is (a count, money, a date...). This
module spots them with linear-time regular expressions. It also knows the things that look like
figures and are not worth checking: clock times, page and phone numbers, identifiers, scores,
numbers inside URLs or codes.

When the engine is available its spans widen ours (it knows more qualifier wordings); when it
is not, or it fails on a sentence, the spotter's own reading stands.
"""

from __future__ import annotations

import re

import attrs

#: The kinds of figure, and of proposal (``event`` is a checkable statement with no figure).
KINDS = ("count", "money", "percent", "distance", "quantity", "duration", "date", "age", "ordinal", "vote", "event")

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
    "million|billion|trillion|dozen"
)
_ORDINAL_WORDS = (
    "second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|"
    "fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|hundredth"
)
# Qualifiers, including loose wordings that machine rewording produces ("extra than", "additional
# than", "at the very least"): a qualifier we fail to read would silently change the claim.
_QUALIFIER = (
    r"(?:(?:a\s+lot|far|well|much|just|slightly|some|considerably|significantly)\s+)?"
    r"(?:more|less|fewer|extra|additional|greater|higher|lower)\s+than|"
    r"at\s+(?:the\s+(?:very\s+)?)?(?:least|most)|no\s+(?:more|less|fewer)\s+than|not\s+(?:more|less)\s+than|"
    r"(?:just\s+)?(?:over|under|above|below)|up\s+to|upwards\s+of|in\s+excess\s+of|close\s+to|nearly|almost|"
    r"about|around|roughly|approximately|some|an\s+estimated|estimated|approaching|as\s+many\s+as|"
    r"as\s+much\s+as|as\s+few\s+as|only|just|a\s+maximum\s+of|a\s+minimum\s+of|~"
)
_NUM = r"\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s*(?:thousand|million|billion|trillion|bn|mn|m|k|tn)\b)?"
_WORDNUM = rf"(?:(?:(?:a|an)[\s-]+)?(?:{_NUMBER_WORDS})(?:[\s-]+(?:and\s+)?(?:a\s+)?(?:{_NUMBER_WORDS}|half|quarter))*)"
_VAGUE = (
    r"(?:tens|hundreds|thousands|millions|billions|dozens|scores)(?:\s+(?:of|upon)\s+"
    r"(?:thousands|millions|billions|hundreds|countless\s+numbers))?|"
    r"(?:a\s+few|several|a\s+couple\s+of|quite\s+a\s+few|many|a\s+handful\s+of)\s+(?:hundred|thousand|million|billion|dozen)s?|"
    r"countless\s+numbers|a\s+handful|a\s+dozen"
)
_CURRENCY_SIGN = r"(?:US\$|A\$|C\$|NZ\$|HK\$|R\$|\$|£|€|¥|₹|₽|₩|₺|₴|KSh\s?)"
_CURRENCY_WORD = (
    r"(?:euros?|dollars?|pounds?(?:\s+sterling)?|yen|yuan|renminbi|rupees?|roubles?|rubles?|francs?|"
    r"hryvnias?|zlotys?|złoty|naira|rand|shillings?|pesos?|reais|real|lira|kronor|krona|kroner|won|"
    r"USD|EUR|GBP|JPY|CNY|INR|RUB|CHF|UAH|PLN|NGN|ZAR|KES|AUD|CAD|BYN|cents?|pence)\b"
)
_LENGTH = (
    r"km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|cm|centimet(?:re|er)s?|mm|millimet(?:re|er)s?|"
    r"feet|foot|ft|inch(?:es)?|yards?|nautical\s+miles?"
)
_OTHER_UNIT = (
    r"kg|kilo(?:gram)?(?:me)?s?|grams?|tonnes?|tons?|lbs?|hectares?|ha|acres?|square\s+(?:kilomet|met|mile|feet|foot)\w*|sq\s*km|"
    r"km2|km²|litres?|liters?|gallons?|barrels?|bpd|mw|megawatts?|gw|gigawatts?|kwh|twh|°c|°f|degrees?(?:\s+celsius|\s+fahrenheit)?|"
    r"mph|km/h|kph|knots?|calories|mg|ml|gb|tb|mb"
)
_DURATION_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|yrs?|decades?|centuries|century)"

_WORD_BEFORE = r"(?<![\w.,/#@{-])"

_PATTERNS: list[tuple[str, str]] = [
    # Ages: "33-year-old", "aged 37", "a 35-yr-aged", "33-calendar year-aged" (reworded copies).
    ("age", rf"{_WORD_BEFORE}(?:\d{{1,3}}|{_WORDNUM})(?:-|\s)(?:[a-z]+\s)?(?:year|yr)s?(?:-|\s)(?:old|aged)\b|\baged\s+\d{{1,3}}\b"),
    # Dates: "February 24, 2022", "24 February 2022", "August 2020", "March 21".
    ("date", rf"\b(?:(?:early|mid|late)[\s-])?(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b"
             rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?(?:,?\s+\d{{4}})?\b"
             rf"|\b(?:(?:early|mid|late)[\s-])?(?:{_MONTHS})\.?,?\s+(?:of\s+)?\d{{4}}\b"
             rf"|\b(?:{_MONTHS})\b(?!\s+\d)"),
    # Money: "65,000 euros", "$72,000", "£1.2bn", "US$ 3 million".
    ("money", rf"{_CURRENCY_SIGN}\s?(?:{_NUM}){_SCALE}"
              rf"|{_WORD_BEFORE}(?:{_NUM}|{_WORDNUM}){_SCALE}\s*(?:-\s*)?{_CURRENCY_WORD}"),
    ("percent", rf"{_WORD_BEFORE}(?:{_NUM}|{_WORDNUM})\s*(?:%|per\s?cent\b|percentage\s+points?\b|points?\b(?=\s+(?:lead|drop|rise|gap|increase|decrease|ahead|behind)))"),
    ("distance", rf"{_WORD_BEFORE}(?:{_NUM}|{_WORDNUM}){_SCALE}\s?(?:-\s?)?(?:{_LENGTH})\b(?!-)"),
    ("quantity", rf"{_WORD_BEFORE}(?:{_NUM}|{_WORDNUM}){_SCALE}\s?(?:{_OTHER_UNIT})(?![\w-])"),
    ("duration", rf"{_WORD_BEFORE}(?:{_NUM}|{_WORDNUM}|several|a\s+few|a\s+couple\s+of|many)"
                 rf"(?:\s+and\s+a\s+half)?[\s-]+(?:calendar\s+|consecutive\s+|straight\s+|full\s+)?{_DURATION_UNIT}\b(?![\s-]+(?:old|aged)\b)"
                 rf"|\b(?:a|an|one)\s+(?:{_DURATION_UNIT})\s+and\s+a\s+half\b"),
    ("ordinal", rf"\b(?:{_ORDINAL_WORDS}|\d+(?:st|nd|rd|th))(?:[\s-]+(?:largest|biggest|highest|lowest|consecutive|straight|successive|presidential|"
                rf"most|least|time|term|round|place|year|month|day|week|anniversary|largest|wave|attempt|edition|century|minute|seat|place|ranked))+\b"),
    # Vote tallies: "voted 226-0", "a 52-48 vote" (kept only near a word about voting, below).
    ("vote", r"\b\d{1,4}\s?[-–]\s?\d{1,4}\b(?![-–/.]\d)"),
    ("year", r"\b(?:1[89]\d\d|20\d\d)s?\b(?![-/.]\d|\s*(?:%|per\s?cent))"),
    ("count", rf"(?:{_VAGUE})\b"
              rf"|{_WORD_BEFORE}(?:{_NUM}){_SCALE}(?:[’']s)?(?![\w%$€£:/-]|\.\d|\s?(?:am|pm|a\.m|p\.m)\b)"
              rf"|\b(?:{_WORDNUM})(?=\s+[a-z]|\s*[–—,:;.])"),
]

_COMBINED = re.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _PATTERNS), re.IGNORECASE)
#: at a month name only a date can start ("June", "February 24, 2022"): a smaller pattern to try
_DATES_ONLY = re.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _PATTERNS if kind == "date"), re.IGNORECASE)
_MONTH_WORDS = frozenset(_MONTHS.lower().split("|"))
_QUALIFIER_RE = re.compile(rf"^(?:{_QUALIFIER})\s+", re.IGNORECASE)
#: a qualifier that ends right where a figure starts ("more than |800")
_QUALIFIER_BEFORE = re.compile(rf"(?:{_QUALIFIER})\s+", re.IGNORECASE)


def _lowercase_pattern(pattern: str) -> str:
    """``pattern`` with its ASCII capitals lowered, escapes (``\\Z``) and group names left alone:
    compiled without IGNORECASE, it matches a lowercased text as ``pattern`` with IGNORECASE
    matches the text itself (see ``_folded``)."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i:i + 2])
            i += 2
        elif pattern.startswith("(?P<", i):
            close = pattern.index(">", i)
            out.append(pattern[i:close + 1])
            i = close + 1
        else:
            out.append(ch.lower() if "A" <= ch <= "Z" else ch)
            i += 1
    return "".join(out)


# Case-insensitive matching costs the regular-expression engine about twice as much as exact
# matching (it cannot reject an alternative by its first letter). On a sentence of ASCII text and
# uncased typographic signs, lowering the text and matching lowercase patterns exactly is the same
# match, at the same offsets; any other sentence (accented or non-Latin letters, whose case rules
# are Unicode's) is matched by the case-insensitive patterns themselves.
_COMBINED_LOWER = re.compile(_lowercase_pattern(_COMBINED.pattern))
_DATES_ONLY_LOWER = re.compile(_lowercase_pattern(_DATES_ONLY.pattern))
_QUALIFIER_BEFORE_LOWER = re.compile(_lowercase_pattern(_QUALIFIER_BEFORE.pattern))
#: non-ASCII characters without case: quotation marks, dashes, currency signs, spaces...
_UNCASED = "“”‘’‚„«»‹›–—‒―‐‑…·•′″°º²³¹½¼¾£€¥₹₽₩₺₴¢\u00a0\u202f\u2009\u200a\u2002\u2003\u2007\u200b\u2060\ufeff×÷±§¶©®™"
_CASED_OR_UNKNOWN = re.compile(f"[^\\x00-\\x7f{_UNCASED}]")


def _folded(sentence: str) -> tuple[str, bool]:
    """The text to match and whether it is lowered (match it with the ``_LOWER`` patterns): the
    lowered sentence when that is the same match, else the sentence itself."""
    if sentence.isascii() or _CASED_OR_UNKNOWN.search(sentence) is None:
        return sentence.lower(), True
    return sentence, False


_DIGIT = re.compile(r"\d")
_VOTING = re.compile(r"\bvot(?:e|es|ed|ing)\b|\bballots?\b|\bmargin\b", re.IGNORECASE)
# URLs, e-mail addresses and {hashes}: looked for only when their marker is in the sentence
_ADDRESSES = re.compile(r"(?:https?://|www\.)[^\s]+|[^\s@]+@[^\s@]+|\{[^{}\s]{0,200}\}", re.IGNORECASE)
_BARE_MONTH = re.compile(rf"(?:{_MONTHS})", re.IGNORECASE)
_MONTH_PREPOSITION = re.compile(r"\b(?:in|since|until|till|by|from|during|last|early|late|mid|before|after|of|through|between|and|or|to)[\s-]+\Z", re.IGNORECASE)
_ONE = re.compile(r"^(?:(?:a|an|one|1)\b)$", re.IGNORECASE)


@attrs.frozen
class Figure:
    """A figure in a sentence: ``text`` (qualifier included) is ``sentence[start:end]``."""

    start: int
    end: int
    text: str
    kind: str
    #: the qualifier words ("more than"), or None for a bare figure
    qualifier: str | None = None


def find_figures(sentence: str, words: frozenset[str] | None = None) -> list[Figure]:
    """The checkable figures of one sentence, in reading order, without overlaps.

    ``words``: the sentence's lowercase words when the caller has them already (``Tokens.set``).
    """
    addresses = [(m.start(), m.end()) for m in _ADDRESSES.finditer(sentence)] \
        if ("://" in sentence or "www." in sentence or "@" in sentence or "{" in sentence) else []
    found: list[Figure] = []
    for kind, start, end in _matches(sentence, words):
        text = sentence[start:end]
        if (addresses and _inside(start, end, addresses)) or (kind != "date" and _not_a_figure(sentence, start, end)):
            continue
        if kind == "year":
            kind = "date"
        if kind == "vote" and not _VOTING.search(sentence, max(0, start - 40), min(len(sentence), end + 40)):
            continue  # "4-1" in a match report, "2016-2021" as a span: not a tally
        if kind == "date" and _BARE_MONTH.fullmatch(text) and not _MONTH_PREPOSITION.search(sentence, max(0, start - 12), start):
            continue  # "May" the verb, "March" the walk: a bare month counts after "in", "since"...
        if kind == "count":
            qualifier = _QUALIFIER_RE.match(text)  # anchored: a match and a slice are its ``sub``
            core = text[qualifier.end():] if qualifier is not None else text
            if _ONE.match(core.strip()):
                continue  # "one of", "a few": not a figure
            if core.strip().isdigit() and len(core.strip()) <= 2 and _looks_like_day(sentence, start):
                continue
            if not _counts_something(sentence, end, core):
                continue
        stripped = text.rstrip()
        end = start + len(stripped)
        qualifier = _QUALIFIER_RE.match(stripped)
        found.append(Figure(start, end, stripped, kind, qualifier.group().strip() if qualifier else None))
    if not found:
        return found
    return _merge_pairs(sentence, [_age_appositive(sentence, f) if f.kind == "count" else f for f in found])


def _age_appositive(sentence: str, fig: Figure) -> Figure:
    """"Dina, 34, a dissident": a bare number between commas after a name is an age."""
    if fig.kind == "count" and fig.text.isdigit() and int(fig.text) <= 120:
        if sentence[fig.end:fig.end + 1] == "," and _NAME_COMMA.search(sentence[max(0, fig.start - 40):fig.start]):
            return attrs.evolve(fig, kind="age")
    return fig


_NAME_COMMA = re.compile(r"[A-Z][\w’'-]+,\s*$")
_COUNTED = re.compile(r"\s+(?!(?:and|or|to|per|percent|by|in|on|at)\b)[A-Za-z\[(]|[’']s\b|\s*[.,;:!?)\]–—]|$")
_PLURAL_NOUN = re.compile(r"(?:tens|hundreds|thousands|millions|billions|dozens|scores|numbers|handful|dozen)\s*$", re.IGNORECASE)


def _counts_something(sentence: str, end: int, core: str) -> bool:
    """A count counts something: "800 Belarusians", "Thousands have", "rose to 800.",
    "0.5 million and", "551,732 and Moldova" — not "two and a {...}" or "50 {hash}"."""
    if _PLURAL_NOUN.search(core) or _SCALED.search(core):
        return True
    if core[:1].isdigit():
        return not sentence.startswith((" {", "{"), end) and not _AND_A.match(sentence, end)
    return bool(_COUNTED.match(sentence, end))


_SCALED = re.compile(r"(?:thousand|million|billion|trillion|bn|mn|m|k|tn)\s*$", re.IGNORECASE)
_AND_A = re.compile(r"\s+and\s+an?\b")


# Every figure holds an anchor: a digit, a currency sign or one of these words. Matching the big
# pattern only at anchors keeps the spotter fast (its many alternatives are costly to try at
# every position of a text).
_ANCHOR_WORDS = frozenset(
    (_NUMBER_WORDS + "|" + _ORDINAL_WORDS + "|" + _MONTHS).lower().split("|")
    + "tens hundreds thousands millions billions dozens scores countless several few couple many handful aged".split()
)
_SIGNS = re.compile(r"[\d$£€¥₹₽₩₺₴~]\d*")  # one character class first: a fast scan
#: the same on a plain sentence (see ``_folded``), where the only digits are 0-9: a cheaper class
_SIGNS_PLAIN = re.compile(r"[0-9$£€¥₹₽₩₺₴~][0-9]*")
_WORDS = re.compile(r"[a-z]+")


def _is_word_char(ch: str) -> bool:
    r"""What ``\w`` matches (the regular expressions' word characters: letters, digits, ``_``)."""
    return ch.isalnum() or ch == "_"


def _anchors(sentence: str, words: frozenset[str] | None = None, plain: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each anchor in order: digits and currency signs, then the anchor words
    actually present (a set intersection finds them without trying every word against the list).

    ``plain``: the sentence is ASCII text and uncased signs (``_folded``), whose only digits are 0-9."""
    global _last_signs
    signs = [m.span() for m in (_SIGNS_PLAIN if plain else _SIGNS).finditer(sentence)]
    _last_signs = (sentence, signs)
    found = list(signs)
    lowered = None
    if words is None:
        lowered = sentence.lower()
        words = frozenset(_WORDS.findall(lowered))
    present = _ANCHOR_WORDS.intersection(words)
    if present:
        lowered = lowered or sentence.lower()
        n = len(lowered)
        for word in present:
            # what ``\bword\b`` finds (the word is letters only), with str.find: much faster than a
            # regular expression that must try the word boundary at every position
            size = len(word)
            i = lowered.find(word)
            while i >= 0:
                j = i + size
                if (i == 0 or not _is_word_char(lowered[i - 1])) and (j == n or not _is_word_char(lowered[j])):
                    found.append((i, j))
                    i = lowered.find(word, j)
                else:
                    i = lowered.find(word, i + 1)
        found.sort()
    return found
# The last word of a qualifier or preposition that may open a figure before its anchor
# ("more than 800", "at least", "up to", "in January", "a few hundred", "US$").
_OPENER_TAILS = frozenset(
    """than least most over under above below to of nearly almost about around roughly approximately some estimated
    an a approaching as only just maximum minimum in since until by from during last early late mid before after
    excess upwards close quite lot far well much several few couple the very us nz hk r""".split()
)
#: the last words of the qualifiers (``_QUALIFIER``): a qualifier right before a figure ends with
#: one of them (or with the part of one that the look-back window or the previous figure leaves)
_QUALIFIER_LAST_WORDS = frozenset(
    """than least most over under above below to of nearly almost about around roughly approximately
    some estimated approaching as only just""".split()
)
#: the opener tails after which a qualifier can end right before the figure: the only ones worth
#: looking back from ("in", "the", "a" and the like never end a qualifier)
_QUALIFIER_TAILS = _OPENER_TAILS & frozenset(w[i:] for w in _QUALIFIER_LAST_WORDS for i in range(len(w)))
_LOOK_BACK = 45
_LOOK_AHEAD = 160
#: the word before a figure: the definition ``_word_before`` implements without a search
_WORD_BEFORE_ANCHOR = re.compile(r"([A-Za-z]+)[\s-]*$")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _word_before(sentence: str, lo: int, end: int) -> str | None:
    """What ``_WORD_BEFORE_ANCHOR.search(sentence, lo, end).group(1)`` is (the ASCII word before
    ``end``, across spaces and hyphens, not before ``lo``), read backwards from ``end``: a search
    would try every position of the window."""
    k = end
    while k > lo and (sentence[k - 1].isspace() or sentence[k - 1] == "-"):
        k -= 1
    j = k
    while j > lo and sentence[j - 1] in _ASCII_LETTERS:
        j -= 1
    return sentence[j:k] if j < k else None
_WORD_START = re.compile(r"(?<![\w’'.,-])[^\W_]|[$£€¥₹₽₩₺₴~]")


def _matches(sentence: str, words: frozenset[str] | None = None):
    """(kind, start, end) of each figure: the patterns are tried at each anchor (and at an "a",
    "an" or "quite a" just before it), then a qualifier is looked for right before the figure,
    at the word starts of the few words preceding it."""
    pos = 0
    n = len(sentence)
    text, lowered = _folded(sentence)  # matched against ``text``: the offsets are the sentence's
    qualifier_before = _QUALIFIER_BEFORE_LOWER if lowered else _QUALIFIER_BEFORE
    article_before = _ARTICLE_BEFORE_LOWER if lowered else _ARTICLE_BEFORE
    date_prefix = _DATE_PREFIX_LOWER if lowered else _DATE_PREFIX
    for a, anchor_end in _anchors(sentence, words, lowered):
        if a < pos:
            continue
        if a > 0 and sentence[a].isdigit() and (sentence[a - 1].isalpha() or sentence[a - 1] in "_#/@"):
            continue  # digits inside a word or a code ("COVID-19" aside, "f36M", "#12", "v2"): no figure starts here
        limit = min(n, anchor_end + _LOOK_AHEAD)
        starts = [a]
        article = article_before.search(text, max(pos, a - 10), a)
        if article is not None:
            starts.insert(0, article.start())
        if sentence[a].isalpha() and sentence[a:anchor_end].lower() in _MONTH_WORDS:
            pattern = _DATES_ONLY_LOWER if lowered else _DATES_ONLY
        else:
            pattern = _COMBINED_LOWER if lowered else _COMBINED
        for start in starts:
            match = pattern.match(text, start, limit)
            if match is not None and match.end() > a:
                break
        else:
            continue
        start = match.start()
        if match.lastgroup in ("date", "year"):
            season = date_prefix.search(text, max(pos, start - 8), start)
            if season is not None:
                start = season.start()  # "mid-June", "early March"
        if sentence[start:start + 1] == "$" and start >= 1 and sentence[start - 1].isalpha():
            # "US$", "A$", "NZ$": the letters belong to the currency sign
            while start > 0 and sentence[start - 1].isalpha() and match.start() - start < 3:
                start -= 1
        before = _word_before(sentence, max(pos, start - 16), start)
        if before is not None and before.lower() in _QUALIFIER_TAILS:
            for word in _WORD_START.finditer(sentence, max(pos, start - _LOOK_BACK), start):
                if qualifier_before.fullmatch(text, word.start(), start):
                    start = word.start()
                    break
        yield match.lastgroup or "count", start, match.end()
        pos = match.end()


_DATE_PREFIX = re.compile(r"\b(?:early|mid|late)[\s-]\Z", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"(?:\b(?:quite\s+)?an?\s+)\Z|(?:\bquite\s+)\Z", re.IGNORECASE)
_DATE_PREFIX_LOWER = re.compile(_lowercase_pattern(_DATE_PREFIX.pattern))
_ARTICLE_BEFORE_LOWER = re.compile(_lowercase_pattern(_ARTICLE_BEFORE.pattern))


_IDENT_WORDS = frozenset(
    """page pages pp p chapter ch para paragraph section sec fig figure no number nos room flight route road highway
    platform gate seat resolution article line version v episode season bus exit box apartment apt unit suite floor""".split()
)
_CLOCK = re.compile(r"\d{1,2}(?::\d{2})+|\d{1,2}\s*[ap]\.?m\.?(?![a-z])", re.IGNORECASE)
_PHONE = re.compile(r"\+?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}\b")
_CODE = re.compile(r"(?-i:[A-Z]+-?\d+[A-Z\d]*|\d+[A-Z]{2,})|(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{6,}")
_SCORE = re.compile(r"\d+-\d+\s+(?:win|victory|defeat|loss|draw|score)|(?:won|lost|drew|beat)\s+\d+-\d+", re.IGNORECASE)
_STREET = re.compile(r"\s*(?:street|avenue|floor)\b", re.IGNORECASE)


def _not_a_figure(sentence: str, start: int, end: int) -> bool:
    """A clock time, a phone or page number, an identifier, a score... at the figure's place.
    Checked with cheap looks at the figure's word and its neighbours (a single pattern with every
    alternative is costly to run)."""
    if not _DIGIT.search(sentence, start, end):
        return False  # every look-alike has a digit in the figure's span
    n = len(sentence)
    # the whole whitespace-delimited word(s) the figure sits in
    w_start = sentence.rfind(" ", 0, start) + 1
    w_end = sentence.find(" ", end)
    w_end = n if w_end < 0 else w_end
    word = sentence[w_start:w_end].strip("()[],.;:!?\"'“”‘’")
    if _CODE.fullmatch(word):
        return True  # COVID-19, G7, MH17, 5G, a hex code
    window = sentence[max(0, start - 24):min(n, end + 24)]
    if (":" in window or "m" in sentence[end:end + 6].lower()) and _CLOCK.search(sentence, max(0, start - 3), min(n, end + 6)):
        return True
    if sum(map(str.isdigit, window)) >= 7 and _PHONE.search(window):
        return True
    before = sentence[max(0, w_start - 16):w_start].split()
    if before and before[-1].lower().strip(".#") in _IDENT_WORDS:
        return True
    if "-" in window and _SCORE.search(window):
        return True
    return bool(_STREET.match(sentence, end)) and sentence[start:end].rstrip().endswith(("st", "nd", "rd", "th"))


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start < e or s < end <= e for s, e in spans)


def _looks_like_day(sentence: str, start: int) -> bool:
    return bool(_MONTH_BEFORE.search(sentence[max(0, start - 12):start]))


_MONTH_BEFORE = re.compile(rf"(?:{_MONTHS})\.?\s*$", re.IGNORECASE)


def _merge_pairs(sentence: str, figures: list[Figure]) -> list[Figure]:
    """A figure and its conversion in brackets ("14km (8.7 miles)", "65,000 euros ($72,000)") are
    one claim: keep the first, with the bracketed conversion in its text."""
    out: list[Figure] = []
    i = 0
    while i < len(figures):
        fig = figures[i]
        if i + 1 < len(figures):
            nxt = figures[i + 1]
            between = sentence[fig.end:nxt.start]
            if between == " of " and fig.kind == nxt.kind == "count":
                # "hundreds of 1000's": one figure
                out.append(Figure(fig.start, nxt.end, sentence[fig.start:nxt.end], "count", fig.qualifier))
                i += 2
                continue
            if between.strip() == "(" and sentence[nxt.end:nxt.end + 1] == ")" and (
                nxt.kind == fig.kind or {fig.kind, nxt.kind} <= {"money", "count"}
            ):
                kind = "money" if "money" in (fig.kind, nxt.kind) else fig.kind
                end = nxt.end + 1
                out.append(Figure(fig.start, end, sentence[fig.start:end], kind, fig.qualifier))
                i += 2
                continue
        out.append(fig)
        i += 1
    return out


_DIGIT_RUN = re.compile(r"\d+")
#: letters that may follow a figure's digits: ordinals, units and scales ("23rd", "14km", "5bn", "1990s")
_SUFFIXES = frozenset("st nd rd th km kg cm mm mi m k bn mn tn s% s".split())
_LENGTH_UNITS = frozenset("meter kilometer centimeter millimeter mile foot inch yard nautical_mile".split())
_TIME_UNITS = frozenset("second minute hour day week fortnight month year decade century".split())


def _unit_kind(unit: str | None) -> str:
    if unit is None:
        return "count"
    if unit in ("percent", "percentage-point"):
        return "percent"
    if unit == "calendar-year":
        return "date"
    if unit == "ordinal":
        return "ordinal"
    if len(unit) == 3 and unit.isupper():
        return "money"
    if unit in _LENGTH_UNITS:
        return "distance"
    if unit in _TIME_UNITS:
        return "duration"
    return "quantity"


#: the sentence ``_anchors`` read last and its digit and currency-sign spans: ``with_engine``, called
#: next on the same sentence, takes its runs of digits from them instead of scanning it again
_last_signs: tuple[str | None, list[tuple[int, int]]] = (None, [])


def _digit_runs(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of each run of digits (what ``\\d+`` finds)."""
    last, signs = _last_signs
    if last is not sentence:
        return [m.span() for m in _DIGIT_RUN.finditer(sentence)]
    # a sign span is a currency sign or a digit, then the digits that follow it
    runs = []
    for start, end in signs:
        if not sentence[start].isdecimal():
            start += 1
        if start < end:
            runs.append((start, end))
    return runs


def _uncovered_digits(sentence: str, figures: list[Figure]) -> bool:
    """Whether a run of digits lies outside every spotted figure (the first one found answers)."""
    n = len(sentence)
    for start, end in _digit_runs(sentence):
        # digits inside a code or a hash ("f36M", "580e7ab") are no figure for the engine either
        if start > 0 and sentence[start - 1].isalpha():
            continue
        if end < n and sentence[end].isalpha() and sentence[end:end + 2].lower() not in _SUFFIXES:
            continue
        for f in figures:
            if f.start <= start < f.end:
                break
        else:
            return True
    return False


def with_engine(sentence: str, figures: list[Figure]) -> list[Figure]:
    """``figures`` plus what the quantity engine (``claimcheck.quantities``) reads where the
    spotter found nothing: a safety net for wordings the spotter does not know.

    The engine runs only when a run of digits lies outside every spotted figure, so sentences the
    spotter fully understood cost nothing more; if the engine fails, the spotter's reading stands.
    """
    if not _uncovered_digits(sentence, figures):
        return figures
    try:
        from claimcheck.quantities import find_quantities

        quantities = find_quantities(sentence)
    except Exception:  # the engine is another module's work in progress: never let it break extraction
        return figures
    added = list(figures)
    addresses = [(m.start(), m.end()) for m in _ADDRESSES.finditer(sentence)] \
        if ("://" in sentence or "www." in sentence or "@" in sentence or "{" in sentence) else []
    for q in quantities:
        start, end, text = q.start, q.end, q.text
        if not _DIGIT.search(text) or any(f.start < end and start < f.end for f in added):
            continue
        if _inside(start, end, addresses) or _not_a_figure(sentence, start, end):
            continue
        kind = _unit_kind(q.unit)
        if kind == "count" and text.isdigit() and (_looks_like_day(sentence, start) or len(text) == 4 and text.startswith("0")):
            continue
        qualifier = _QUALIFIER_RE.match(text)
        added.append(Figure(start, end, text, kind, qualifier.group().strip() if qualifier else None))
    added.sort(key=lambda f: f.start)
    return added
