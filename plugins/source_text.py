"""source-text: read each source the way a careful fact-checker does, and judge the claim's figure.

For every source of a claim it gets the text (the fetched page or local document; the stored
``excerpt`` when offline, when the page cannot be fetched, or when the page says nothing on the
measure), finds the figures whose passage is about the claim's measure, picks the one closest to
the claim, compares it with the claimed figure (``claimcheck.quantities.compare``) and writes back
the source's stance and the sentence it rests on. The claim's status follows section 4 of the
quantity contract (docs/comparing.md). Written against the public API only.

How "about the claim's measure" is decided (docs/verify.md has the full rules):

- the measure words of a figure are the content words within a few words of it, in its clause
  (names of people and places left out: they say *whose* figure, not *what* it counts);
- the claim's measure words are those around its figure, plus the words of ``measure:``;
- words match through a light stemmer (arrested/arrests/arresting) and synonym groups
  (arrested/detained/held, raised/collected, fled/crossed, killed/died/dead ...);
- a figure tied to another year than every year the claim names, or to another named place,
  is another measure; so is a figure in another unit family (percent vs a count).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from claimcheck import Claim, Source, Stance, Verdict, VerdictStatus, hookimpl

VERSION = "1.0.0"

# -- words ---------------------------------------------------------------------------------------

_STOP = frozenset("""
a an the of in on at to for from by with as and or but nor so than then that this these those there their
its it's it is are was were be been being has have had having do does did not no yes more most less least
over under about around some nearly almost up down out into onto per via across after before during since
until while when where which who whom whose what why how all any each every both either neither other
another such same own just only also very much many few several one ones he she they we you i his her our
your my them him us me said says say according reported report reports told tell new last first year years
month months day days week weeks time times people person persons number numbers total figure figures
estimated estimate estimates around roughly approximately least than some between among whole including
would will could should can may might must two three four five six seven eight nine ten eleven twelve
hundred hundreds thousand thousands million millions billion billions dozen dozens half quarter third
""".split())

_MONTHS = frozenset("january february march april may june july august september october november december".split())

#: Words a fact-checker treats as the same measure (contract section 3 and 5).
SYNONYMS: tuple[frozenset[str], ...] = tuple(frozenset(g.split()) for g in (
    "arrest detain held hold jail imprison custody detention detainee prisoner inmate bars",
    "raise collect donate donation fundrais",
    "flee fled leave left crossed escap exodus",
    "kill die died dead death fatal fatality killing lives toll body bodies",
    "seiz found find confiscat",
    "watch viewer view audience",
    "attend attendance turnout crowd gather",
    "visitor tourist arrival",
    "long length",
    "high height tall",
    "wide width",
    "far distance away",
    "job worker employee position staff redundanc layoff workforce",
    "soldier troop",
    "resident inhabitant population",
    "vote voter voting ballot",
    "export shipment",
    "injur wound hurt",
    "displac homeless",
    "evacuat rescu",
    "spend spent spending expenditure budget outlay",
    "cost bill",
    "win won victor",
    "protester demonstrator",
    "refugee asylum",
    "fence barrier wall",
    "border frontier",
    "point",
    "goal",
    "vehicle car",
    "cash",
    "poverty",
    "layer",
    "seat",
    "inflation price",
    "debt",
    "value worth",
    "revenue sales turnover",
    "profit",
    "capacity",
    "wage salary pay",
    "temperature",
    "parliament",
    "share percentage proportion",
))

_SUFFIXES = ("ations", "ation", "ments", "ment", "ances", "ance", "ences", "ence", "ings", "ing", "ers", "er",
             "ees", "ee", "ions", "ion", "ies", "ied", "ed", "es", "s", "ly", "al")

_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’-]*|\d[\d,.]*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“(]*[A-Z0-9])|\s*\n\s*|;\s+")


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    else:
        if len(w) == 4 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]  # jobs -> job
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]  # stopp(ed) -> stop
    if len(w) >= 5 and w.endswith("e"):
        w = w[:-1]  # raise / raised -> rais
    return w


_SYN_INDEX: dict[str, int] = {}
for _i, _group in enumerate(SYNONYMS):
    for _w in _group:
        _SYN_INDEX[_w] = _i
        if _w not in ("crossed", "left", "held"):  # their stems (cross, left, hold) mean other things too
            _SYN_INDEX.setdefault(stem(_w), _i)


@functools.lru_cache(maxsize=65536)
def concept(word: str) -> str:
    """A word's stem, or its synonym group's name when it belongs to one."""
    s = stem(word)
    for key in (word.lower(), s):
        group = _SYN_INDEX.get(key)
        if group is not None:
            return f"#{group}"
    for prefix, group in _SYN_PREFIXES:
        if s.startswith(prefix):
            return f"#{group}"
    return s


_SYN_PREFIXES = tuple(sorted(((w, i) for w, i in _SYN_INDEX.items() if len(w) >= 5), key=lambda p: -len(p[0])))


class Token:
    __slots__ = ("text", "lower", "start", "end", "proper", "number", "content")

    def __init__(self, text: str, lower: str, start: int, end: int, proper: bool, number: bool, content: bool):
        self.text, self.lower, self.start, self.end = text, lower, start, end
        self.proper, self.number, self.content = proper, number, content


@functools.lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[Token, ...]:
    """The words and numbers of ``text`` (cached: a claim's text and a page's sentences are
    read again for every claim and source that meets them; the tokens are never changed)."""
    out = []
    add = out.append
    sentence_start = True
    months, stop, ends = _MONTHS, _STOP, (".", "!", "?")
    for m in _WORD.finditer(text):
        word = m[0]
        start = m.start()
        end = start + len(word)
        lower = word.lower()
        first = word[0]
        number = first.isdigit()
        proper = not sentence_start and first.isupper() and lower not in months
        # a content word: one that can name the claim's measure
        is_content = not number and not proper and len(word) > 2 and lower not in stop and lower not in months
        add(Token(word, lower, start, end, proper, number, is_content))
        sentence_start = text[end: end + 1] in ends
    return tuple(out)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (clauses split at ';' too: a figure's context stops there)."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


# -- figures and their measure words ----------------------------------------------------------------

WINDOW = 4
#: a document this short is one passage: all of it is evidence, as an excerpt is
SHORT_DOCUMENT = 1500


_CLAUSE_BREAK = re.compile(r"[,;:()]|\s[–—-]\s")


def measure_words(text: str, toks: tuple[Token, ...], start: int, end: int, window: int = WINDOW) -> set[str]:
    """Concepts of the content words within ``window`` words of the span [start, end), inside its clause."""
    before = [t for t in toks if t.end <= start]
    after = [t for t in toks if t.start >= end]
    picked: list[Token] = []
    for seq in (reversed(before), after):
        n = 0
        for t in seq:
            between = text[min(t.end, start):max(t.start, end)] if t.end <= start else text[end:t.start]
            if n > 0 and _CLAUSE_BREAK.search(between):
                break
            if t.number:
                break  # another figure: its words are its own
            n += 1
            if n > window:
                break
            if t.content:
                picked.append(t)
    return {concept(t.text) for t in picked}


def places(text: str, toks: tuple[Token, ...]) -> set[str]:
    """Named places: capitalised words after in/at/across (months and years left out)."""
    out = set()
    for i, t in enumerate(toks[:-1]):
        if t.lower in ("in", "at", "across") and toks[i + 1].text[0].isupper() and not toks[i + 1].number \
                and toks[i + 1].lower not in _MONTHS and toks[i + 1].lower not in ("the", "a"):
            out.add(toks[i + 1].lower)
    return out


def years(quantities: list[Any]) -> set[int]:
    return {int(q.low) for q in quantities if q.unit == "calendar-year" and q.low is not None}


def claimed_figure(claim: Claim) -> tuple[Any, str] | None:
    """The claim's figure (from ``figure``, else read from ``claim``) and the text it sits in."""
    text = claim.claim
    if claim.figure:
        wanted = _figures(claim.figure)
        if not wanted:
            return None
        fig = wanted[0]
        # find the same figure inside the claim sentence, for its context words
        for q in _figures(text):
            if (q.low, q.high, q.unit) == (fig.low, fig.high, fig.unit) or q.text.lower() == fig.text.lower():
                return q, text
        return fig, claim.figure
    found = _figures(text)
    if not found:
        return None
    return min(enumerate(found), key=lambda p: _claim_rank(p[1], p[0]))[1], text


def _claim_rank(q: Any, i: int) -> tuple:
    background = q.unit in ("calendar-year", "ordinal")
    plain = q.qualifier.value in ("exact", "rounded") and q.unit is None
    return (background, plain, i)


# -- reading one text ---------------------------------------------------------------------------------


class Reading:
    """What one text says about the claimed figure."""

    __slots__ = ("stance", "reason", "excerpt", "score")

    def __init__(self, stance: str, reason: str, excerpt: str | None, score: float):
        self.stance, self.reason, self.excerpt, self.score = stance, reason, excerpt, score


class ClaimContext:
    """The claim's figure with the words and years that tell its measure apart."""

    def __init__(self, claim: Claim):
        self.claim = claim
        picked = claimed_figure(claim)
        self.figure = picked[0] if picked else None
        text = picked[1] if picked else claim.claim
        toks = tokens(text)
        self.measure: set[str] = set()
        if self.figure is not None:
            self.measure = measure_words(text, toks, self.figure.start, self.figure.end)
        if claim.measure:
            mt = tokens(claim.measure)
            self.measure |= {concept(t.text) for t in mt if t.content}
        all_toks = tokens(claim.claim)
        self.keys = {concept(t.text) for t in all_toks if t.content}
        self.proper = {t.lower for t in all_toks if t.proper}
        self.all_groups = _groups(self.keys | self.measure)
        self.measure_groups = _groups(self.measure)
        self.places = places(claim.claim, all_toks)
        self.years = years(_figures(claim.claim)) | (years(_figures(claim.measure)) if claim.measure else set())
        self.exact_kind = self.figure is not None and self.figure.unit in ("calendar-year", "ordinal")


def _groups(concepts: set[str]) -> set[str]:
    return {c for c in concepts if c.startswith("#")}


def read_text(ctx: ClaimContext, text: str, *, excerpt: bool = True) -> Reading:
    """The stance of one text toward the claimed figure, and the sentence it rests on.

    ``excerpt``: the text was chosen as evidence for this claim (a stored excerpt), so every
    sentence is a candidate; a whole page must first share words with the claim.
    """
    from claimcheck.quantities import compare

    claim_fig = ctx.figure
    best: tuple[float, Any, str] | None = None
    for a, b in sentences(text):
        sentence = text[a:b]
        if not (_DIGIT.search(sentence) or _MAY_HAVE_FIGURE.search(sentence)):
            continue  # no digit and no number word: no figure to read (checked first: it is cheap)
        toks = tokens(sentence)
        concepts = {concept(t.text) for t in toks if t.content}
        proper = {t.lower for t in toks if t.proper}
        overlap = len(concepts & ctx.keys) + len(proper & ctx.proper)
        if not excerpt and overlap < min(2, len(ctx.keys)):
            continue
        found = _figures(sentence)
        if not found:
            continue
        sentence_places = places(sentence, toks)
        for q in found:
            if q.unit == "calendar-year" and claim_fig.unit != "calendar-year":
                continue
            if not _may_compare(claim_fig.unit, q.unit):
                continue  # another unit family: never compared (and no unit library to load)
            stance = compare(claim_fig, q, on=ctx.claim.date)
            if stance.kind.value == "no-figure":
                continue
            local = measure_words(sentence, toks, q.start, q.end)
            local_groups = _groups(local)
            competing = bool(local_groups) and not (local_groups & ctx.all_groups)
            if competing and not ctx.exact_kind and (ctx.measure_groups or not (local & ctx.measure)):
                continue  # the words around it name another measure (spent, not raised)
            fig_years = _years_of(sentence, found, q)
            if ctx.years and fig_years and not (fig_years & ctx.years) and claim_fig.unit != "calendar-year":
                continue  # a figure for another year
            if ctx.places and sentence_places and not (sentence_places & ctx.places):
                continue  # a figure for another place
            near_names = _near_names(toks, q.start, q.end) & ctx.proper
            score = 3 * len(local & ctx.measure) + 2 * len(near_names) + overlap
            if best is None or score > best[0]:
                best = (score, stance, sentence.strip())
    if best is None:
        return Reading("no-figure", "no figure of the claim's measure", None, 0.0)
    score, stance, sentence = best
    return Reading(stance.kind.value, stance.reason, sentence, score)


_CLASS_UNITS = frozenset({"percent", "percentage-point", "calendar-year", "ordinal"})


def _unit_class(unit: str | None) -> str:
    if unit is None:
        return "count"
    if unit in _CLASS_UNITS:
        return unit
    if len(unit) == 3 and unit.isupper():
        return "money"
    return "physical"


def _may_compare(a: str | None, b: str | None) -> bool:
    """False when two units are surely of different families (count, percent, points, year,
    ordinal, money, physical); physical units are left to ``compare``, which converts them."""
    return _unit_class(a) == _unit_class(b)


_DIGIT = re.compile(r"\d")  # the common case, found without trying every number word at each position
_MAY_HAVE_FIGURE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|"
    r"thousands?|millions?|billions?|trillions?|dozens?|half|third|quarter|several|few|handful|tens|"
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=4096)
def _figures(sentence: str) -> tuple:
    """The figures of a sentence (cached: the same page is often read for several claims)."""
    from claimcheck.quantities import find_quantities

    return tuple(find_quantities(sentence))


def _years_of(sentence: str, found: list[Any], q: Any) -> set[int]:
    """The years a figure is tied to: those before it in its sentence ("In 2019, ... 2.0 million"),
    and "in 2023" right after it; not "the highest since 1989" further on."""
    out = set()
    for y in found:
        if y.unit != "calendar-year" or y.low is None:
            continue
        if y.end <= q.start or (0 <= y.start - q.end <= 24 and re.search(r"\b(in|for|of)\s+(\w+\s+)?$", sentence[q.end:y.start])):
            out.add(int(y.low))
    return out


def _near_names(toks: tuple[Token, ...], start: int, end: int, window: int = 3) -> set[str]:
    before = [t for t in toks if t.end <= start][-window:]
    after = [t for t in toks if t.start >= end][:window]
    return {t.lower for t in before + after if t.proper}


# -- the verifier ---------------------------------------------------------------------------------------


def _confidence(stances: list[str], status: str) -> float:
    s, r = stances.count("supports"), stances.count("refutes")
    if status == "supported":
        return round(min(0.95, 0.6 + 0.12 * (s - 1) + 0.05 * min(s, 3)) - 0.05 * stances.count("inconclusive"), 2)
    if status == "refuted":
        return round(min(0.95, 0.6 + 0.12 * (r - 1) + 0.05 * min(r, 3)) - 0.05 * stances.count("inconclusive"), 2)
    if status == "conflicting":
        return round(0.5 + 0.1 * min(s, r), 2)
    return 0.3 if stances else 0.2


class SourceText:
    name = "source-text"
    description = "Reads each source's text, finds the claim's measure and compares its figure (the quantity contract)."
    version = VERSION

    def applies_to(self, claim: Claim) -> bool:
        return True

    async def verify(self, claim: Claim, ctx: Any) -> Verdict:
        mine = [s for s in claim.sources if s.added_by in (None, "person", self.name)]
        cc = ClaimContext(claim)
        if not mine:
            note = "no sources to read" + ("" if cc.figure is not None else " and no figure in the claim")
            return Verdict(status=VerdictStatus.NOT_ENOUGH_EVIDENCE, confidence=0.1, note=note + "; add sources to check it")
        stances: list[str] = []
        out_sources: list[Source] = []
        notes: list[str] = []
        disagreements = 0
        refused = 0
        for source in mine:
            reading = None
            if cc.figure is not None:
                reading, problem = await self._read_source(cc, source, ctx)
                if problem:
                    notes.append(problem)
                    refused += 1
            if source.person_stance:
                stances.append(source.stance.value)
                if reading is not None and reading.stance != source.stance.value and reading.stance != "no-figure":
                    disagreements += 1
                continue
            if reading is None:
                continue
            stances.append(reading.stance)
            out_sources.append(Source(url=source.url, excerpt=None if source.excerpt else reading.excerpt,
                                      stance=Stance(reading.stance), stance_by=self.name))
        from claimcheck.quantities import status_from_stances

        status = status_from_stances(stances).value if stances else "not-enough-evidence"
        if cc.figure is None and not any(s.person_stance for s in mine):
            return Verdict(status=VerdictStatus.NOT_ENOUGH_EVIDENCE, confidence=0.1,
                           note="no figure in the claim to compare; give the sources a stance by hand "
                                "(stance: supports / refutes) to decide it")
        counts = ", ".join(f"{stances.count(k)} {k}" for k in ("supports", "refutes", "inconclusive", "no-figure", "unrelated")
                           if stances.count(k))
        figure = f"claim: {cc.figure.text}; " if cc.figure is not None else ""
        note = f"{figure}sources: {counts or 'none read'}"
        if disagreements:
            note += f"; source-text reads {disagreements} source(s) differently from the person's stance (kept)"
        if notes:
            note += "; " + "; ".join(notes[:3])
        return Verdict(status=VerdictStatus(status), confidence=_confidence(stances, status), note=note,
                       sources=tuple(out_sources))

    async def _read_source(self, cc: ClaimContext, source: Source, ctx: Any) -> tuple[Reading | None, str | None]:
        """Read a source: its document when one can be had, else (or when the document says
        nothing on the measure) its stored excerpt."""
        from claimcheck import FetchError, Offline, SourceRefused

        problem = None
        reading = None
        if source.url and not (ctx.offline and _is_url(source.url)):
            try:
                doc = await ctx.fetch_text(source.url, metadata=False)  # the text is all it reads
                # a short document is read like an excerpt; a long one only where it talks about the claim
                reading = read_text(cc, doc.text, excerpt=len(doc.text) <= SHORT_DOCUMENT)
            except SourceRefused as exc:
                problem = str(exc)
            except (FetchError, Offline):
                pass
        if (reading is None or reading.stance == "no-figure") and source.excerpt:
            from_excerpt = read_text(cc, source.excerpt)
            if reading is None or from_excerpt.stance != "no-figure":
                reading = from_excerpt
                if reading.excerpt is not None:
                    reading.excerpt = None  # the stored excerpt stays as it is
        return reading, problem


def _is_url(ref: str) -> bool:
    return ref.lower().startswith(("http://", "https://"))


@hookimpl
def register_verifiers(register: Any) -> None:
    register(SourceText())
