"""Turning a quoted sentence into a claim: self-contained wording, a measure guess, a short id."""

from __future__ import annotations

import functools
import re
import unicodedata

from claimcheck.extract.figures import Figure

_CREDIT = re.compile(r"\s*\[(?:photo|image|picture|video|file)[^\]]*\]\s*$|\s*\((?:photo|image|picture)[^)]*\)\s*$", re.IGNORECASE)
_CONNECTIVE = re.compile(
    r"^(?:but|and|so|yet|still|also|however|meanwhile|moreover|furthermore|indeed|instead|as\s+a\s+result|"
    r"in\s+addition|on\s+the\s+other\s+hand|after\s+(?:yet\s+)?again|once\s+again|at\s+the\s+same\s+time|"
    r"nevertheless|nonetheless|then|now|practically\s+right\s+away|immediately)\s*,?\s+",
    re.IGNORECASE,
)
_ATTRIBUTED = re.compile(
    r"^[“\"](?P<said>[^“”\"]+?)[,.!?]?[”\"]\s*,?\s*(?P<who>(?:says|said|explains|adds|claims|states|continues|notes)\s+[^,.]+"
    r"|[^,.]{1,60}?\s+(?:says|said|explains|adds|claims|states|continues|notes))(?P<role>,\s+(?:an?|the)\s+[^.,]+)?[^.]*\.?$"
)
_VERB_FIRST = re.compile(r"(says|said|explains|adds|claims|states|continues|notes)\s+(.+)")
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|We|us|our|Our)\b|\bI[’']")
_STOP = frozenset(
    """in on at for to from by since after before during until with of who which that whose where when while as
    and or but because if though although than into onto over under through across between among against via per
    according""".split()
)


def claim_text(quote: str) -> str:
    """The quote made self-contained where easy: a photo credit, a leading connective ("But",
    "As a result,") and the quotation marks of a reported statement are dropped."""
    text = _CREDIT.sub("", quote).strip() if ("[" in quote or "(" in quote) else quote.strip()
    m = _ATTRIBUTED.match(text)
    if m and not _FIRST_PERSON.search(m.group("said")):  # "we lost everything" cannot lose its quotation marks
        who = m.group("who").strip()
        verb_first = _VERB_FIRST.match(who)
        speaker, verb = (verb_first.group(2), verb_first.group(1)) if verb_first else who.rsplit(" ", 1)
        said = m.group("said").strip().rstrip(",")
        role = m.group("role") or ""  # ", the head of the organisation"
        if role and verb_first:
            speaker = f"{speaker}{role},"
        text = f"{speaker} {verb} {said[0].lower() + said[1:] if said[:2] != 'I ' else said}"
    # the pattern is anchored at the start: a match and a slice do what ``sub`` does
    connective = _CONNECTIVE.match(text)
    if connective is not None:
        text = text[connective.end():]
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    text = text.strip()
    if text and text[-1] not in ".!?”\"’)":
        text += "."
    return text


_MEASURE_TOKEN = re.compile(r"[\w’'-]+|[,;:()\[\]–—.!?]")
#: the tokens of ``_MEASURE_TOKEN`` that are punctuation, not words
_PUNCTUATION = frozenset(",;:()[]–—.!?")
#: the words before a figure are read from this many characters before it (then from the whole
#: sentence start if that window holds too few words)
_BACK_WINDOW = 120


def guess_measure(sentence: str, figure: Figure | None) -> str | None:
    """What the figure counts, guessed from the words after it ("35,000 Belarusians were arrested"
    -> "Belarusians were arrested"), or before it for a date ("rally on August 18, 2020" -> "rally")."""
    if figure is None:
        return None
    phrase: list[str] = []
    if figure.kind not in ("date",):
        # the tokens after the figure, read one at a time: the phrase stops within a few words
        for m in _MEASURE_TOKEN.finditer(sentence, figure.end):
            w = m.group()
            if w[0] in _PUNCTUATION or (w.lower() in _STOP and phrase) or len(phrase) >= 6:
                break
            if w.lower() in _STOP and not phrase:
                continue  # "$160 million in international aid" -> "international aid"
            if w[0].isdigit():
                break  # the next figure begins: "5 against and 35 abstentions"
            phrase.append(w)
    if figure.kind in ("date", "duration") or not phrase:
        before = _tokens_before(sentence, figure.start)
        back: list[str] = []
        for w in reversed(before):
            if w[0] in _PUNCTUATION or len(back) >= 6:
                break
            back.insert(0, w)
        while back and back[-1].lower() in _STOP:
            back.pop()
        if figure.kind == "date":
            # "rally on August 18, 2020" -> "rally"; a phrase with other figures in it says little
            if len(back) < 1:
                return None
            letters = "".join(back)
            if not letters.isalpha() and any(c.isdigit() for c in letters):  # isalpha: no digit at all
                return None
            return " ".join(back).rstrip("-") or None
        phrase = back + phrase if not phrase else phrase
    while phrase and phrase[-1].lower() in _STOP:
        phrase.pop()
    return " ".join(phrase) or None


def _tokens_before(sentence: str, end: int) -> list[str]:
    """The last tokens of ``sentence[:end]`` (at least seven, or all of them): only they are read."""
    start = max(0, end - _BACK_WINDOW)
    if start:
        tokens = _MEASURE_TOKEN.findall(sentence, start, end)
        # the first token may be cut by the window: dropped, and the rest are the text's own tokens
        if len(tokens) >= 8:
            return tokens[1:]
    return _MEASURE_TOKEN.findall(sentence, 0, end)


@functools.lru_cache(maxsize=4096)
def _slug_words(text: str) -> tuple[str, ...]:
    if text.isascii():
        ascii_text = text.lower()  # what the decomposition below gives for ASCII text
    else:
        ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    if "," in ascii_text or "." in ascii_text:
        ascii_text = _DIGIT_SEPARATOR.sub("", ascii_text)
    return tuple(_SLUG_WORD.findall(ascii_text))


#: a slug takes its words from the start of the claim: the first this many characters are read
#: first, and the rest only when they do not give enough words
_SLUG_HEAD = 100


def _pick(candidates: tuple[str, ...], words: list[str], chosen: set[str], wanted: int) -> int:
    """Add up to ``wanted`` new content words of ``candidates`` to ``words``; how many are still wanted."""
    for w in candidates:
        if wanted == 0:
            break
        if w not in _SLUG_SKIP and w not in chosen:
            words.append(w)
            chosen.add(w)
            wanted -= 1
    return wanted


_DIGIT_SEPARATOR = re.compile(r"(?<=\d)[,.](?=\d)")
_SLUG_WORD = re.compile(r"[a-z0-9]+")
_CONVERSION = re.compile(r"\s*\(.*$")


def proposal_id(text: str, figure: str | None = None, taken: set[str] | None = None, measure: str | None = None) -> str:
    """A short slug id: the figure without its qualifier and conversion, then the first content
    words of what it measures or of the claim ("35000-belarusians-arrested"); unique among ``taken``."""
    words: list[str] = []
    if figure:
        core = _CONVERSION.sub("", figure) if "(" in figure else figure
        qualifier = _QUALIFIER_START.match(core)  # anchored: a match and a slice are its ``sub``
        if qualifier is not None:
            core = core[qualifier.end():]
        words = [w for w in _slug_words(core) if w not in _SLUG_SKIP][:3]
    wanted = max(2, 5 - len(words))
    chosen = set(words)
    for source in (measure or "", text):
        if wanted == 0:
            break
        if len(source) <= _SLUG_HEAD:
            wanted = _pick(_slug_words(source), words, chosen, wanted)
        else:
            # a long text's start first: the head's words (its last aside, which the cut may have
            # split) are the first words of the whole text
            head = _slug_words(source[:_SLUG_HEAD])[:-1]
            wanted = _pick(head, words, chosen, wanted)
            if wanted:
                wanted = _pick(_slug_words(source)[len(head):], words, chosen, wanted)
    slug = "-".join(words)[:40].strip("-") or "claim"
    if taken is None:
        return slug
    candidate = slug
    if candidate in taken:
        # the first free "<slug>-2", "<slug>-3"...; a TakenIds remembers where the last search
        # ended (every suffix below it is taken, and ids are only ever added), so that an article
        # with many claims of the same slug does not search from 2 each time
        suffixes = getattr(taken, "suffixes", None)
        n = suffixes.get(slug, 2) if suffixes is not None else 2
        candidate = f"{slug}-{n}"
        while candidate in taken:
            n += 1
            candidate = f"{slug}-{n}"
        if suffixes is not None:
            suffixes[slug] = n + 1
    taken.add(candidate)
    return candidate


class TakenIds(set):
    """The ids given so far (a set), with the next suffix to try for each slug (see ``proposal_id``)."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.suffixes: dict[str, int] = {}


_QUALIFIER_WORDS = (
    r"(?:a\s+lot\s+|far\s+|well\s+|much\s+|just\s+)?(?:more|less|fewer|extra|additional)\s+than|at\s+(?:the\s+)?(?:very\s+)?"
    r"(?:least|most)|over|under|above|below|about|around|nearly|almost|roughly|approximately|some|up\s+to|just|only|in"
)
_SLUG_SKIP = frozenset(
    """a an the of in on at to for from by with and or but as is was were be been has have had that which who this these
    those it its their his her he she they there than then when while after before since also just very s t more than less fewer least most about around nearly almost over under some
    extra additional said says""".split()
)

_QUALIFIER_START = re.compile(rf"^(?:{_QUALIFIER_WORDS})\s+", re.IGNORECASE)
