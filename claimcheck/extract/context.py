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
from itertools import chain
from operator import itemgetter

import attrs

from claimcheck.extract.lexicon import Tokens
from claimcheck.extract.sentences import Sentence

_SPEECH = (
    r"says|said|explains|explained|adds|added|tells|told|recalls|recalled|continues|continued|notes|noted|"
    r"states|stated|suggests|suggested|claims|claimed|asks|asked|requested|writes|wrote|insists|insisted|"
    r"believes|believed|feels|felt|argues|argued|points out|pointed out"
)
_ANONYMOUS = re.compile(
    r"\b(?:asked|questioned|requested|wished|wanted|preferred)\s+(?:not\s+to\s+(?:be\s+(?:named|identified)|give|use|reveal|publish)"
    r"|to\s+(?:remain|stay|keep|be\s+kept)\s+(?:anonymous|nameless|unnamed)|that\s+(?:his|her|their)\s+(?:full\s+|real\s+|last\s+)?"
    r"(?:name|surname)\s+(?:not\s+be|be\s+withheld))|\banonymity\b|\banonymously\b|\bpseudonym\b"
    r"|\bnot\s+(?:his|her|their)\s+real\s+name|\b(?:name|surname)s?\s+(?:has|have)\s+been\s+(?:changed|withheld)"
    r"|\bonly\s+(?:by\s+)?(?:his|her|their)\s+first\s+names?\b|\bdid\s+not\s+want\s+(?:his|her|their)\s+(?:full\s+|real\s+)?(?:name|surname)",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"\b(?:she|he|her|his|him|She|He|Her|His|She’d|He’d|She’s|He’s|She's|He's)\b")
_INSTITUTION_WORDS = frozenset(
    """government ministry authorities regime police army military troops court parliament president minister
    official officials agency council union party organisation organization foundation company election referendum
    sanctions invasion""".split()
)
_ACRONYM = re.compile(r"[A-Z]{2,6}")
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


_TITLES = frozenset(
    "President Minister Chancellor Senator Governor Mayor General King Queen Pope Dr Mr Mrs Ms Judge Ambassador "
    "Secretary Premier Prince Princess Sir Dame Rep Sen Gen Col Lt Prof Professor Spokesman Spokeswoman".split()
)
_TITLE_BEFORE = re.compile(
    r"\b(?:President|Minister|Chancellor|Senator|Governor|Mayor|General|Secretary|Ambassador|spokes\w+|leader|head|"
    r"chief|director|journalist|activist|founder|chairman|chairwoman|CEO|officer|commander|lawyer|analyst|expert)\s+(?:of\s+\w+\s+)?$"
)


@attrs.frozen
class Context:
    """Article-level facts the sentence features use."""

    #: single names of private individuals ("Marina", "Dina")
    private_names: frozenset[str]
    #: tokens of public figures' names (given in full, with a title or as a speaker)
    public_names: frozenset[str]
    #: words the article capitalises in mid-sentence (proper nouns)
    proper_nouns: frozenset[str]
    #: proper nouns the article keeps coming back to (three mentions or more), private people aside:
    #: the countries, organisations and public figures the story is about
    prominent: frozenset[str]
    #: per sentence index: the sentence is about a private individual
    private_subject: tuple[bool, ...]
    #: per sentence index: the sentence repeats an earlier one (a repeated headline or caption)
    duplicate: tuple[bool, ...]
    #: per sentence index: its lowercase words (shared with the features, to tokenise once)
    tokens: tuple[Tokens, ...] = ()
    #: per sentence index: its capitalised words with their offsets
    caps: tuple[list[tuple[int, str]], ...] = ()
    #: public names and prominent proper nouns together (one set look-up for the features)
    notable: frozenset[str] = frozenset()


#: capitalised words (``\b[A-Z][\w’'-]*``), the part before an apostrophe in group 1
#: ("Lukashenko’s" -> "Lukashenko"). The look-behind after the first letter is the ``\b`` before
#: it, written so that the scan can jump from capital to capital.
_CAPWORD_BASE = re.compile(r"([A-Z](?<!\w[A-Z])[\w-]*)[\w’'-]*")
_SPEECH_WORDS = frozenset(_SPEECH.replace("points out", "points").replace("pointed out", "pointed").split("|"))
_KIN_WORDS = frozenset("husband wife partner son daughter mother father brother sister friend colleague neighbour "
                       "neighbor boyfriend girlfriend mum mom dad".split())
_PRONOUNS = frozenset("she he her his him she'd he'd she's he's".split())


def read_context(sentences: list[Sentence]) -> Context:
    """One pass over the article (plus one to follow who each sentence is about)."""
    full_names: list[tuple[list[str], bool]] = []
    cue_names: Counter[str] = Counter()
    aged: Counter[str] = Counter()
    proper: set[str] = set()
    counts: Counter[str] = Counter()
    tokens = [Tokens(s.text) for s in sentences]
    caps: list[list[tuple[int, str]]] = []
    speakers: list[list[str]] = []
    joins = _JOINS.fullmatch
    for s, tok in zip(sentences, tokens):
        text = s.text
        # each capitalised word with its possessive cut off ("Lukashenko’s" -> "Lukashenko")
        found = [(m.start(), m[1]) for m in _CAPWORD_BASE.finditer(text)]
        caps.append(found)
        # a run of names is the slice found[run_start:i]
        run_start = 0
        prev_end = -1
        for i, (start, word) in enumerate(found):
            if start >= 2 and text[start - 1] == " " and (text[start - 2].isalnum() or text[start - 2] in ",;:–—-"):
                proper.add(word)
            # full names: capitalised words separated by one space (or an initial: "Howard G. Buffett")
            if i > run_start and not (text[prev_end] == " " if start - prev_end == 1 else joins(text, prev_end, start) is not None):
                if i - run_start >= 2:
                    _full_name(text, found[run_start:i], full_names)
                run_start = i
            prev_end = start + len(word)
        if len(found) - run_start >= 2:
            _full_name(text, found[run_start:], full_names)
        speakers.append(_person_cues(text, found, tok, cue_names, aged) if found else [])
    # how often each capitalised word occurs: counted in one pass over all of them
    counts.update(map(itemgetter(1), chain.from_iterable(caps)))
    full_tokens = {p for parts, _ in full_names for p in parts}
    # a full name is a person's when it has a title or one of its words is a speaker's name
    # an interviewee named in full with an age and no public role ("Muhammad Ali, a 45-year-old
    # farmer") is private, first name and surname alike
    private_full = {p for parts, _ in full_names if parts[-1] in aged for p in parts}
    public = frozenset(
        p for parts, titled in full_names if titled or any(x in cue_names for x in parts) for p in parts
    ) - _NOT_NAMES - private_full
    private = frozenset(n for n in cue_names if (n not in full_tokens or n in private_full) and n not in _NOT_NAMES) \
        | frozenset(private_full - _NOT_NAMES)

    flags: list[bool] = []
    dup: list[bool] = []
    seen: set[str] = set()
    last_person_private: bool | None = None
    carried: bool | None = None
    paragraph = -1
    for s, tok, found, named in zip(sentences, tokens, caps, speakers):
        if s.paragraph != paragraph:
            paragraph = s.paragraph
            carried = last_person_private
            last_person_private = None
        text = s.text
        key = tok.joined
        dup.append(key in seen)
        seen.add(key)
        mentions = [(start, word in private) for start, word in found if word in private or word in public]
        first_person = mentions[0] if mentions else None
        pronoun = _PRONOUN.search(text) if not _PRONOUNS.isdisjoint(tok.set) else None
        anonymous = ("name" in tok.joined or "anonym" in tok.joined or "pseudonym" in tok.joined) and bool(_ANONYMOUS.search(text))
        # "“...,” says Gerard": the speaker of a quotation is a private individual
        speaker = any(name in private for name in named)
        if anonymous or speaker:
            is_private = True
        elif pronoun is not None and (first_person is None or pronoun.start() < first_person[0]):
            # "she"/"he" may reach back into the previous paragraph
            is_private = bool(last_person_private if last_person_private is not None else carried)
        elif first_person is not None:
            is_private = first_person[1]
        else:
            # no one named: a narrative sentence continues the story of the paragraph's last person
            is_private = bool(last_person_private) and _INSTITUTION_WORDS.isdisjoint(tok.set) \
                and not any(_ACRONYM.fullmatch(word) for _, word in found)
        flags.append(is_private)
        if mentions:
            last_person_private = mentions[-1][1]
        elif anonymous:
            last_person_private = True
    prominent = frozenset(w for w, n in counts.items() if n >= 3 and w in proper and w not in private and w not in _NOT_NAMES)
    return Context(private, public, frozenset(proper), prominent, tuple(flags), tuple(dup), tuple(tokens), tuple(caps),
                   public | prominent)


def _joined(text: str, end: int, start: int) -> bool:
    """Whether two capitalised words belong to one name: one space between them (the common case,
    checked without a regex), or a possessive or an initial."""
    if start - end == 1:
        return text[end] == " "
    return _JOINS.fullmatch(text, end, start) is not None


_JOINS = re.compile(r"(?:’s|'s)?\s(?:[A-Z]\.\s)?")


_NEXT_WORD = re.compile(r"(?:’s|'s)?\s+([a-z]+)")
_AGE_AFTER = re.compile(r",\s*(?:an?\s+)?\d{1,3}(?:,|[- ](?:[a-z]+\s)?(?:year|yr))")


_PUBLIC_ROLES = (
    "president", "minister", "head", "director", "chief", "spokes", "official", "leader", "founder", "chair",
    "professor", "expert", "analyst", "lawyer", "activist", "journalist", "mayor", "governor", "senator", "mp",
    "lawmaker", "deputy", "commander", "general", "ceo", "executive", "secretary", "ambassador", "judge", "candidate",
)


def _person_cues(text: str, found: list[tuple[int, str]], tok: Tokens, cue_names: Counter[str],
                 aged: Counter[str]) -> list[str]:
    """Count the capitalised words used as a person's name: next to a speech verb ("Marina says",
    "says Gerard"), with an age ("Dina, 34,", "Anna, a 29-year-old") or after a family word
    ("her husband, Alexey"). Cheap looks around each capitalised word, no scan of the sentence.
    Returns the speakers: the names next to a speech verb."""
    speech = not _SPEECH_WORDS.isdisjoint(tok.set)
    kin = not _KIN_WORDS.isdisjoint(tok.set)
    # an age ("Dina, 34,") is read after a name only where the sentence has one somewhere
    digits = "," in text and _AGE_AFTER.search(text) is not None
    speakers: list[str] = []
    if not (speech or kin or digits):
        return speakers
    before_words = (_SPEECH_WORDS | _KIN_WORDS) if speech and kin else _SPEECH_WORDS if speech else _KIN_WORDS
    for start, word in found:
        if word in _NOT_NAMES or len(word) < 2:
            continue
        end = start + len(word)
        if speech:
            nxt = _NEXT_WORD.match(text, end)
            if nxt is not None and nxt.group(1) in _SPEECH_WORDS:
                cue_names[word] += 1
                speakers.append(word)
                continue
        if speech or kin:
            before = text[max(0, start - 24):start].rstrip(" ,").rsplit(None, 1)
            if before and before[-1].lower() in before_words:
                cue_names[word] += 1
                if speech and before[-1].lower() in _SPEECH_WORDS:
                    speakers.append(word)
                continue
        if digits and text.startswith(",", end) and _AGE_AFTER.match(text, end):
            cue_names[word] += 1
            # "Muhammad Ali, a 45-year-old farmer": an age and no public role make a private person
            appositive = text[end:end + 80].split(".")[0].lower()
            if not any(role in appositive for role in _PUBLIC_ROLES):
                aged[word] += 1
    return speakers


def _full_name(text: str, run: list[tuple[int, str]], out: list[tuple[list[str], bool]]) -> None:
    """Record a run of capitalised words as a full name when two or more of them are names."""
    if len(run) < 2:
        return
    parts = [w for _, w in run]
    start = run[0][0]
    titles = [i for i, p in enumerate(parts) if p in _TITLES] if not _TITLES.isdisjoint(parts) else []
    titled = bool(titles) or bool(_TITLE_BEFORE.search(text, max(0, start - 40), start))
    if titles:
        parts = parts[titles[-1] + 1:]  # "Belarusian President Aleksandr Lukashenko": the name follows the title
    parts = [p for p in parts if p not in _NOT_NAMES]
    if len(parts) >= 2:
        out.append((parts, titled))
