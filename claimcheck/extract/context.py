"""What a whole article tells about each sentence: who is a public figure, who a private person.

A fact-checker checks what public actors did and said, not an interviewee's age. Without a
named-entity model the article itself gives good clues, read here in one pass:

- a person named in full ("Andrej Stryzhak", "President Aleksandr Lukashenko") is treated as a
  public figure, and so is a later mention by surname alone ("Stryzhak says");
- a person only ever named by one name ("Marina says", "Dina, 34,", "her husband, Alexey") is a
  private individual: news style names public people in full at first mention;
- a sentence that says someone asked not to be named is about a private individual;
- "she"/"he" at the start of a sentence refers to the last person mentioned.

The proper nouns of the article are also collected, so a capitalised word at the start of a
sentence counts as a name only when the article capitalises it elsewhere too.
"""

from __future__ import annotations

import re
from collections import Counter

import attrs

from claimcheck.extract.sentences import Sentence

_CAP = r"[A-Z][a-zà-ÿ’'\-]+(?:[A-Z][a-zà-ÿ]+)?"
_FULL_NAME = re.compile(rf"\b({_CAP})\s+(?:[A-Z]\.\s+)?({_CAP})(?:\s+({_CAP}))?\b")
_SPEECH = (
    r"says|said|explains|explained|adds|added|tells|told|recalls|recalled|continues|continued|notes|noted|"
    r"states|stated|suggests|suggested|claims|claimed|asks|asked|requested|writes|wrote|insists|insisted|"
    r"believes|believed|feels|felt|argues|argued|points out|pointed out"
)
_PERSON_CUES = [
    re.compile(rf"\b({_CAP})\s+(?:{_SPEECH})\b"),
    re.compile(rf"\b(?:{_SPEECH})\s+({_CAP})\b"),
    re.compile(rf"\b({_CAP}),\s+\d{{1,3}},"),
    re.compile(rf"\b({_CAP}),\s+an?\s+\d{{1,3}}[- ]"),
    re.compile(r"\b(?:husband|wife|partner|son|daughter|mother|father|brother|sister|friend|colleague|neighbou?r|"
               rf"boyfriend|girlfriend|mum|mom|dad),?\s+({_CAP})\b"),
]
_ANONYMOUS = re.compile(
    r"\b(?:asked|questioned|requested|wished)\s+(?:not\s+to\s+(?:be\s+named|give|use|reveal|publish)|to\s+(?:remain|stay|keep)\s+"
    r"(?:anonymous|nameless|unnamed))|\banonymity\b|\bnot\s+(?:his|her|their)\s+real\s+name|\bname\s+has\s+been\s+changed",
    re.IGNORECASE,
)
_PRONOUN_START = re.compile(r"^[\"'“‘(]*\s*(?:(?:[A-Z][a-z]+(?:\s+[a-z]+){0,6}),\s+)?(She|He|Her|His|She’d|He’d|She's|He's|She’s|He’s)\b")
#: Words that start sentences but are not names (also: role words that often head a full name).
_NOT_NAMES = frozenset(
    """The A An In On At As But And Or If When While After Before Since Until During Despite Although Though
    This That These Those There Their They Then Than It Its He She His Her We Our I You Your My Many Most Some
    Several Few Other Others Another Each Every All Both Either Neither Not No Yes Just Only Also Even Still
    Yet So Because However Meanwhile According Later Earlier Soon Originally Inside Outside Under Over About
    Due Given Fearing When Where What Which Who Whom Whose Why How Whilst Practically Immediately Forty Thirty
    One Two Three Four Five Six Seven Eight Nine Ten Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December Mr Mrs Ms Dr
    President Prime Minister General Chancellor King Queen Prince Pope Senator Governor Mayor Judge""".split()
)


@attrs.frozen
class Context:
    """Article-level facts the sentence features use."""

    #: single names of private individuals ("Marina", "Dina")
    private_names: frozenset[str]
    #: tokens of names given in full somewhere (first names and surnames)
    public_names: frozenset[str]
    #: words the article capitalises in mid-sentence (proper nouns)
    proper_nouns: frozenset[str]
    #: per sentence index: the sentence is about a private individual
    private_subject: tuple[bool, ...]
    #: per sentence index: the text of the article's sentences seen before (duplicates)
    duplicate: tuple[bool, ...]


def read_context(sentences: list[Sentence]) -> Context:
    full_tokens: set[str] = set()
    cue_names: Counter[str] = Counter()
    proper: set[str] = set()
    for s in sentences:
        text = s.text
        for m in _FULL_NAME.finditer(text):
            parts = [p for p in m.groups() if p]
            if parts[0] in _NOT_NAMES:
                parts = parts[1:]
            if len(parts) >= 2:
                full_tokens.update(parts)
        for cue in _PERSON_CUES:
            for m in cue.finditer(text):
                cue_names[m.group(1)] += 1
        for m in re.finditer(r"(?<=[\w,;:–—-] )([A-Z][\w’'-]+)", text):
            proper.add(m.group(1))
    private = frozenset(n for n in cue_names if n not in full_tokens and n not in _NOT_NAMES)
    public = frozenset(full_tokens - _NOT_NAMES)

    flags: list[bool] = []
    dup: list[bool] = []
    seen: set[str] = set()
    last_person_private: bool | None = None
    for s in sentences:
        text = s.text
        key = " ".join(text.split()).casefold()
        dup.append(key in seen)
        seen.add(key)
        first_person = _first_person_mention(text, private, public)
        is_private = False
        if _ANONYMOUS.search(text):
            is_private = True
        elif _PRONOUN_START.match(text):
            is_private = bool(last_person_private) and (first_person is None or first_person[1])
        elif first_person is not None and first_person[0] < 40:
            is_private = first_person[1]
        flags.append(is_private)
        mentions = _mentions(text, private, public)
        if mentions:
            last_person_private = mentions[-1]
        elif _ANONYMOUS.search(text):
            last_person_private = True
    return Context(private, public, frozenset(proper), tuple(flags), tuple(dup))


def _first_person_mention(text: str, private: frozenset[str], public: frozenset[str]) -> tuple[int, bool] | None:
    for m in re.finditer(r"\b[A-Z][\w’'-]+", text):
        word = m.group().split("’")[0].split("'")[0]
        if word in private:
            return m.start(), True
        if word in public:
            return m.start(), False
    return None


def _mentions(text: str, private: frozenset[str], public: frozenset[str]) -> list[bool]:
    out = []
    for m in re.finditer(r"\b[A-Z][\w’'-]+", text):
        word = m.group().split("’")[0].split("'")[0]
        if word in private:
            out.append(True)
        elif word in public:
            out.append(False)
    return out
