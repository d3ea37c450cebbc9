"""The words of figures: number words, scale words, fractions, qualifiers, vague amounts.

Everything here is data (lower-cased keys) read by ``reader.py``; nothing is clever. Multi-word
entries are tuples of lower-cased tokens as the tokenizer yields them ("per", "cent").
"""

from __future__ import annotations

from claimcheck.quantities.model import Qualifier

# --- cardinal number words -------------------------------------------------------------------

UNITS_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
# Scale words as powers of ten ("hundred" multiplies what precedes it inside a group).
SCALE_WORDS: dict[str, int] = {
    "hundred": 2, "thousand": 3, "million": 6, "billion": 9, "trillion": 12, "quadrillion": 15,
    "quintillion": 18, "sextillion": 21,
    "lakh": 5, "crore": 7,  # Indian news: "₹500 crore" is 5 billion rupees
}
# Scale suffixes written after digits ("3.5m", "$1.2bn", "12k"); case matters for "m"/"M".
SCALE_SUFFIXES: dict[str, int] = {
    "k": 3, "K": 3, "thousand": 3,
    "m": 6, "M": 6, "mn": 6, "mln": 6, "Mn": 6, "million": 6,
    "bn": 9, "b": 9, "B": 9, "bln": 9, "Bn": 9, "billion": 9,
    "tn": 12, "trn": 12, "T": 12, "Tn": 12, "trillion": 12,
}
# Suffixes that may stand after a space too ("$5 bn"); "k" and "m" only when attached.
SPACED_SCALE_SUFFIXES = frozenset({"mn", "mln", "bn", "bln", "tn", "trn", "Mn", "Bn", "Tn"})

# --- ordinals --------------------------------------------------------------------------------

ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
    "hundredth": 100, "thousandth": 1000, "millionth": 1_000_000, "billionth": 1_000_000_000,
    "trillionth": 1_000_000_000_000, "nineth": 9,
}
ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})

# --- fractions -------------------------------------------------------------------------------

# Denominator words: singular after "a"/"one" ("a third"), plural after a cardinal ("two thirds").
FRACTION_SINGULAR: dict[str, int] = {
    "half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
}
FRACTION_PLURAL: dict[str, int] = {
    "halves": 2, "thirds": 3, "quarters": 4, "fourths": 4, "fifths": 5, "sixths": 6,
    "sevenths": 7, "eighths": 8, "ninths": 9, "tenths": 10,
}
UNICODE_FRACTIONS: dict[str, tuple[int, int]] = {
    "½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5),
    "⅖": (2, 5), "⅗": (3, 5), "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅛": (1, 8),
    "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8), "⅒": (1, 10),
}

# --- qualifiers (contract table, section 1, and section 5) ------------------------------------

# Words before the number. Longest match wins, so "no more than" beats "more than".
PREFIX_QUALIFIERS: dict[tuple[str, ...], Qualifier] = {
    ("about",): Qualifier.ABOUT,
    ("around",): Qualifier.ABOUT,
    ("roughly",): Qualifier.ABOUT,
    ("approximately",): Qualifier.ABOUT,
    ("approx", "."): Qualifier.ABOUT,
    ("some",): Qualifier.ABOUT,
    ("an", "estimated"): Qualifier.ABOUT,
    ("circa",): Qualifier.ABOUT,
    ("~",): Qualifier.ABOUT,
    ("more", "than"): Qualifier.MORE_THAN,
    ("over",): Qualifier.MORE_THAN,
    ("just", "over"): Qualifier.MORE_THAN,
    ("well", "over"): Qualifier.MORE_THAN,
    ("upwards", "of"): Qualifier.MORE_THAN,
    ("upward", "of"): Qualifier.MORE_THAN,
    ("in", "excess", "of"): Qualifier.MORE_THAN,
    ("above",): Qualifier.MORE_THAN,
    ("well", "above"): Qualifier.MORE_THAN,
    ("greater", "than"): Qualifier.MORE_THAN,
    ("higher", "than"): Qualifier.MORE_THAN,
    (">",): Qualifier.MORE_THAN,
    ("at", "least"): Qualifier.AT_LEAST,
    ("no", "fewer", "than"): Qualifier.AT_LEAST,
    ("no", "less", "than"): Qualifier.AT_LEAST,
    ("not", "fewer", "than"): Qualifier.AT_LEAST,
    ("not", "less", "than"): Qualifier.AT_LEAST,
    ("a", "minimum", "of"): Qualifier.AT_LEAST,
    ("≥",): Qualifier.AT_LEAST,
    ("nearly",): Qualifier.NEARLY,
    ("almost",): Qualifier.NEARLY,
    ("close", "to"): Qualifier.NEARLY,
    ("just", "under"): Qualifier.NEARLY,
    ("just", "below"): Qualifier.NEARLY,
    ("just", "shy", "of"): Qualifier.NEARLY,
    ("approaching",): Qualifier.NEARLY,
    ("less", "than"): Qualifier.LESS_THAN,
    ("fewer", "than"): Qualifier.LESS_THAN,
    ("under",): Qualifier.LESS_THAN,
    ("below",): Qualifier.LESS_THAN,
    ("lower", "than"): Qualifier.LESS_THAN,
    ("<",): Qualifier.LESS_THAN,
    ("at", "most"): Qualifier.AT_MOST,
    ("up", "to"): Qualifier.AT_MOST,
    ("no", "more", "than"): Qualifier.AT_MOST,
    ("not", "more", "than"): Qualifier.AT_MOST,
    ("a", "maximum", "of"): Qualifier.AT_MOST,
    ("≤",): Qualifier.AT_MOST,
}
# Index by first word for a quick look-up; longest first.
PREFIX_BY_FIRST: dict[str, list[tuple[tuple[str, ...], Qualifier]]] = {}
for _words, _q in sorted(PREFIX_QUALIFIERS.items(), key=lambda kv: -len(kv[0])):
    PREFIX_BY_FIRST.setdefault(_words[0], []).append((_words, _q))

# Words after the number: "50 or more", "20 or fewer".
SUFFIX_QUALIFIERS: dict[tuple[str, ...], Qualifier] = {
    ("or", "more"): Qualifier.AT_LEAST,
    ("or", "above"): Qualifier.AT_LEAST,
    ("or", "over"): Qualifier.AT_LEAST,
    ("or", "higher"): Qualifier.AT_LEAST,
    ("or", "greater"): Qualifier.AT_LEAST,
    ("or", "lower"): Qualifier.AT_MOST,
    ("or", "fewer"): Qualifier.AT_MOST,
    ("or", "less"): Qualifier.AT_MOST,
    ("or", "below"): Qualifier.AT_MOST,
    ("or", "under"): Qualifier.AT_MOST,
}

# --- vague amounts (contract table rows "a dozen" .. "tens of millions") -----------------------

# "hundreds", "thousands" ... and "tens of"/"hundreds of" + a plural scale word.
PLURAL_SCALES: dict[str, int] = {
    "hundreds": 2, "thousands": 3, "millions": 6, "billions": 9, "trillions": 12,
}

# --- calendar --------------------------------------------------------------------------------

MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
})
WEEKDAYS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})
CLOCK_WORDS = frozenset({
    "am", "pm", "a.m", "p.m", "GMT", "UTC", "BST", "CET", "CEST", "EST", "EDT", "PST", "PDT",
    "CST", "hrs", "o'clock", "JST", "IST", "MSK", "EET", "EEST", "AEST", "AEDT", "WIB",
})

# Nouns that make the number after them a name, not an amount ("Resolution 2231", "Article 6").
IDENTIFIER_NOUNS = frozenset({
    "resolution", "article", "articles", "flight", "route", "road", "highway", "interstate",
    "motorway", "section", "chapter", "room", "gate", "terminal", "platform", "line", "bus",
    "no", "number", "nos", "model", "apollo", "category", "level", "stage", "phase", "grade",
    "season", "episode", "volume", "vol", "paragraph", "clause", "amendment", "unit", "block",
    "reactor", "district", "ward", "lot", "exit", "pier", "camp", "page", "pages", "item",
    "rule", "act", "directive", "regulation", "protocol", "paragraphs", "tier", "version",
    "windows", "iphone", "galaxy", "pixel", "boeing", "airbus", "code", "cop", "channel",
    "formula", "brigade", "division", "squadron", "battalion", "corps", "fleet", "figure",
    "table", "annex", "appendix", "plot", "zone", "sector", "building", "floor", "apartment",
    "flat", "house", "street", "avenue", "row", "seat", "track", "lane", "runway", "pillar",
    "group", "task", "term", "generation", "covid", "sars", "mh", "ps", "xbox", "psalm",
    "verse", "mark", "mk", "type", "class", "id", "ref", "docket", "footnote", "fig",
})

# Capitalised words that do not make the number after them a name.
NOT_NAME_WORDS = frozenset({
    "the", "a", "an", "in", "on", "at", "by", "since", "from", "to", "of", "for", "with",
    "and", "but", "or", "only", "just", "all", "some", "about", "around", "over", "under",
    "nearly", "almost", "roughly", "approximately", "between", "until", "till", "after",
    "before", "during", "that", "this", "these", "those", "its", "their", "his", "her", "our",
    "my", "your", "than", "more", "less", "fewer", "least", "most", "up", "down", "as", "if",
    "when", "while", "some", "another", "each", "every", "per", "i", "we", "they", "it",
    "he", "she", "you", "there", "here", "now", "then", "also", "still", "even", "another",
    "within", "across", "through", "into", "onto", "towards", "toward", "against", "among",
    "via", "like", "unlike", "above", "below", "beyond", "near", "outside", "inside",
    "exactly", "precisely", "both", "today", "yesterday", "overall", "last", "next", "first",
    "nearly", "another", "further", "additional", "extra", "total", "altogether", "roughly",
    "police", "officials", "authorities", "reuters", "ap", "afp", "bbc", "says", "said",
})

# Word before "half"/"quarter" that makes it a part of something, not a fraction amount.
NOT_FRACTION_BEFORE = frozenset({
    "the", "first", "second", "third", "fourth", "other", "latter", "former", "this",
    "that", "last", "next", "previous", "final", "opening", "each", "every",
})

# "one" in these phrases is not a count.
ONE_NOT_COUNT_BEFORE = frozenset({"number", "no", "the", "any", "every", "each", "someone", "anyone"})
ONE_NOT_COUNT_AFTER = frozenset({"of", "another", "way", "thing", "side", "hand", "'s", "such"})

# Words that cannot be the thing an ordinal numbers ("by a third since 2020" is a fraction).
FUNCTION_WORDS = frozenset({
    "since", "in", "by", "to", "from", "for", "on", "at", "and", "or", "but", "than", "this",
    "that", "last", "over", "more", "less", "after", "before", "while", "when", "compared",
    "as", "with", "between", "during", "among", "is", "are", "was", "were", "has", "have",
    "had", "will", "would", "could", "can", "may", "might", "should", "the", "a", "an", "its",
    "their", "his", "her", "our", "within", "across", "against", "under", "above", "below",
    "into", "per", "each", "every", "so", "because", "if", "then", "still", "already", "again",
})

# Ordinals that are not numbering anything here ("at first", "First, ...").
ORDINAL_NOT_BEFORE = frozenset({"at"})

# Words after "Xm" that make "m" a metre, not a million ("1.8m tall", "the 100m sprint").
METRE_CONTEXT_AFTER = frozenset({
    "tall", "high", "long", "wide", "deep", "away", "from", "above", "below", "under",
    "across", "thick", "in", "of", "sprint", "race", "hurdles", "freestyle", "butterfly",
    "backstroke", "breaststroke", "relay", "final", "dash", "event", "record", "metres",
    "beneath", "underground", "offshore", "inland", "up", "down", "deeper", "higher",
    "longer", "taller", "wall", "walls", "fence", "waves", "wave", "tunnel", "depth",
    "height", "length", "swim", "medley", "jump", "-", "to", "and", "or", ")", ",", ".",
    "by", "at", "per", "off", "on", "into", "over", "along", "radius", "stretch",
})

# Words near "X-Y" that make it a match score, not a range.
SCORE_WORDS = frozenset({
    "win", "won", "wins", "winning", "beat", "beats", "beating", "defeat", "defeated",
    "defeats", "draw", "drew", "victory", "lead", "led", "leads", "score", "scored", "scoreline",
    "loss", "lost", "lose", "loses", "thrashing", "thrashed", "triumph", "goals", "match",
    "game", "final", "semi-final", "aggregate", "penalties", "routed", "rout", "hammered",
    "edged", "vote", "votes", "ruling", "decision", "majority",
})

# Cue words of a context, looked for among the tokens near a figure (reader.ctx). "a b|c" is the
# word a followed by b or c.
CONTEXT_CUES: dict[str, tuple[str, ...]] = {
    # a bare "points" is a percentage point in a text about polls (not stock-index points)
    "poll": (
        "poll", "polls", "polling", "pollster", "pollsters", "survey", "surveys", "margin",
        "approval", "lead", "leads", "rating", "ratings", "vote", "votes", "voters", "election",
        "elections", "turnout", "ballot", "ballots", "percentage", "opinion", "support", "candidate",
        "candidates", "campaign",
    ),
    # "R2.5bn" is rand only in a text about South Africa
    "sa": (
        "south africa|african|africa's", "cape town", "johannesburg", "pretoria", "durban",
        "gauteng", "soweto", "eskom", "ramaphosa", "rand", "rands", "anc", "tshwane",
    ),
    # "¥" is yuan in a text about China and not Japan
    "cn": ("china", "chinese", "china's", "yuan", "renminbi", "beijing", "shanghai", "shenzhen", "rmb"),
    "jp": ("japan", "japanese", "japan's", "yen", "tokyo", "osaka", "nikkei"),
    # bare "degrees" is a temperature in a text about weather
    "temp": (
        "temperature", "temperatures", "heat", "hot", "hotter", "cold", "colder", "warm", "warmer",
        "warming", "celsius", "fahrenheit", "weather", "frost", "freezing", "thermometer",
        "heatwave", "cooler", "chill", "°", "º", "climate", "thermostat", "fever",
    ),
}
