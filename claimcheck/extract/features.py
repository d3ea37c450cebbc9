"""Check-worthiness: documented features, fixed weights, a score in [0, 1].

Each feature is a yes/no reading of a sentence (or of one figure in it). The score is
``BASE`` plus the weights of the features present, clipped to [0, 1]; a proposal keeps the
contribution of each feature, so a desk can see why a sentence ranked where it did.
``docs/extract.md`` explains each one. The weights were set by hand from what a fact-checking
desk checks (public actors, figures, events) and what it skips (feelings, opinions,
predictions, private people's details) — not fitted to any one article.
"""

from __future__ import annotations

import re

import attrs

from claimcheck.extract.context import Context
from claimcheck.extract.figures import Figure
from claimcheck.extract.lexicon import Lexicon, Lexicons, Tokens
from claimcheck.extract.sentences import Sentence

BASE = 0.15


@attrs.frozen
class Feature:
    name: str
    weight: float
    description: str


FEATURES: dict[str, Feature] = {f.name: f for f in (
    Feature("figure", 0.35, "has a figure of a measurable kind: a count, money, a percentage, a distance or other physical quantity, a vote"),
    Feature("date_figure", 0.25, "has the date or year of an event, or an ordinal that ranks something ('sixth term')"),
    Feature("duration_figure", 0.15, "has a duration ('two and a half years')"),
    Feature("age_figure", 0.20, "has a person's age"),
    Feature("public_actor", 0.15, "names an organisation, an institution or a public figure (a title, an acronym, a person named in full)"),
    Feature("named_entity", 0.10, "names at least one person, place or organisation"),
    Feature("several_entities", 0.10, "names two or more of them"),
    Feature("attribution", 0.05, "attributes the statement: 'according to', 'said', 'reported', 'announced'"),
    Feature("comparative", 0.05, "compares or ranks: 'more than', 'the largest', 'the first', 'doubled'"),
    Feature("past_tense", 0.10, "reports something that happened (past or present perfect tense)"),
    Feature("event_verb", 0.10, "has a verifiable predicate: an office held, an event, a vote, an arrest, a law"),
    Feature("question", -0.60, "is a question"),
    Feature("first_person", -0.30, "speaks in the first person ('I', 'we', 'my')"),
    Feature("feeling", -0.20, "expresses a feeling ('I felt', 'afraid', 'my heart')"),
    Feature("opinion", -0.20, "expresses an opinion or a judgement ('I think', 'should', 'amazing')"),
    Feature("prediction", -0.30, "speculates or supposes ('could', 'might', 'may', 'if')"),
    Feature("future", -0.15, "speaks of the future ('will', 'would', 'plans to'); not counted beside a measured figure: an announced budget or plan is checkable"),
    Feature("private_person", -0.30, "is about a private individual (named by first name only, anonymous, or an interviewee with an age and no public role)"),
    Feature("private_detail", -0.35, "the figure is a private individual's personal detail (their age, their own days and times)"),
    Feature("direct_speech", -0.15, "is mostly a direct quotation"),
    Feature("vague", -0.15, "has no figure and a vague subject or hedge ('some', 'many', 'quite a few', 'it can be')"),
    Feature("boilerplate", -0.60, "is not article prose: a URL, an image description, a credit or a subscription line"),
    Feature("heading", -0.30, "is a heading: short, no final punctuation, no figure"),
    Feature("fragment", -0.30, "is too short to be a claim (fewer than five words)"),
)}

#: each feature's weight, for ``score``'s one look-up per feature
_WEIGHTS: dict[str, float] = {name: f.weight for name, f in FEATURES.items()}

_FIGURE_FEATURE = {
    "count": "figure", "money": "figure", "percent": "figure", "distance": "figure", "quantity": "figure",
    "vote": "figure", "date": "date_figure", "ordinal": "date_figure", "duration": "duration_figure", "age": "age_figure",
}


_PUBLIC = Lexicon(
    """president minister chancellor secretary senator governor mayor ambassador spokesman spokeswoman spokesperson
    mp mps lawmaker lawmakers senate authorities regime police army military troops court judge prosecutor prosecutors
    official officials agency council commission committee union party parties foundation organisation organisations
    organization organizations institute university company companies corporation bank federation coalition alliance
    opposition kremlin election referendum sanctions invasion battalion forces campaign consulate embassy state states
    nations countries country network group journalist activist chief director leader ceo chairman chairwoman founder
    ministry ministries scientists researchers study studies report experts analysts economists observers monitors
    statistics census""",
    stems="parliament congress government",
    phrases="prime minister|armed forces|white house|head of",
)
_ATTRIBUTION = Lexicon(
    "said says reported reports announced claimed stated confirmed estimated estimates figures data statistics survey "
    "poll census", phrases="according to",
)
_COMPARATIVE = Lexicon(
    "most least record first only doubled tripled halved increase increased increases decrease decreased decreases "
    "rose fell majority minority among largest biggest highest lowest oldest newest greatest smallest worst best "
    "fastest longest",
    phrases="more than|less than|fewer than|greater than|higher than|lower than|extra than|additional than",
)
_PAST_WORDS = Lexicon(
    """was were had did became began took won held left fled made gave led fought met told grew rose fell broke sent
    spent lost came went saw found paid built brought kept ran sold stood struck hit shot wrote chose drove froze""",
    phrases="has been|have been",
)
_EVENT = Lexicon(
    """win won wins elected re-elected died dead fled flee founded held invasion ruled rules raised lifted referendum
    election crackdown rally ensued refuge claimed spent cost paid grew rose fell cut close closed closes law bill
    treaty agreement deal became member referred called described filed sued war conflict beat beaten""",
    stems="""arrest detain kill launch vot sign impos invad deploy join approv authoris authoriz denied deny denies
    announc ban pass rais hack attack protest sentenc resign appoint border condemn sanction establish creat form
    evacuat host grant permit allow fund donat suppl provid deliver operat offer accus charg convict jail prison
    persecut tortur injur wound destroy damag seiz captur occup annex earn increas decreas open introduc adopt enact
    ratif represent submit assault strike struck bomb shell raid offensive shoot shot massacr explo evict expel
    deport""",
    phrases="took place|broke out|part of",
)
_FEELING = Lexicon(
    """felt afraid frightened scared horror sad happy angry hurt hurts heart despair miss missed proud ashamed anxious
    upset terrified grateful unbearable nightmare shook lonely cry cried tears love loved hate hated""",
    stems="feel fear worr hope exhaust",
)
_OPINION = Lexicon(
    """thought should must ought seem seems perhaps maybe arguably clearly obviously terrible amazing wonderful
    beautiful awful great good bad important hard favourable favorable excellent""",
    stems="think believ",
    phrases="need to|have to",
)
_OPINION_STRONG = Lexicon("should must ought terrible amazing wonderful awful", phrases="i think|we believe")
_VAGUE = Lexicon(
    "some many various often sometimes certain numerous several seem seems seemed appear appears appeared apparently",
    phrases="quite a few|it can|it may|it might|not possible to know|not attainable to know|no one knows",
)
_FUTURE = Lexicon("will would shall 'll", phrases="going to|expected to|plans to|plan to|set to|due to be")
_BOILERPLATE = re.compile(
    r"^(?:https?://|www\.)\S*$|^(?:an?\s+)?(?:photo|image|picture|video|screenshot|illustration|graphic)\s+(?:of|shows)\b|"
    r"^\[?(?:photo|image|picture|video)\s*(?:by|:|credit)|\b(?:this\s+(?:reporting|report|story|article|project)\s+was\s+"
    r"(?:supported|funded|produced|made\s+possible)|sign\s+up|subscribe|newsletter|click\s+here|read\s+more|follow\s+us|"
    r"all\s+rights\s+reserved|cookies?|copyright|©)\b",
    re.IGNORECASE,
)
_CREDIT = re.compile(r"\s*\[(?:photo|image|picture|video|file)[^\]]*\]\s*$|\s*\((?:photo|image|picture)[^)]*\)\s*$", re.IGNORECASE)


def sentence_features(sentence: Sentence, index: int, context: Context) -> dict[str, bool]:
    """The yes/no sentence-level features of one sentence (figure features come per figure)."""
    text = sentence.text
    credit = ("[" in text or "(" in text) and _CREDIT.search(text)
    bare = text[:credit.start()] if credit else text  # a photo credit is not part of what the caption claims
    known = index < len(context.tokens) and context.tokens[index] is not None
    tokens = context.tokens[index] if known and not credit else Tokens(bare)
    caps = context.caps[index] if known else _caps(bare)
    words = tokens.set
    hits = _LEXICONS.found(tokens)
    names = _names(bare, caps, context)
    inside = _inside_quotes(text) if _QUOTES.search(text) else ""
    spoken = len(inside) / max(1, len(text))
    first_person = not _FIRST_PERSON_NOT_US.isdisjoint(words) or (
        "us" in words and bool(_FIRST_PERSON.search(bare)))  # "us", not "US"
    end = text.rstrip().rstrip("\"'”’)]»")
    f = {
        "public_actor": "public" in hits or not context.notable.isdisjoint(names)
        or any(_is_acronym(w) for _, w in caps if w.isupper()),
        "named_entity": bool(names),
        "several_entities": len(set(names)) >= 2,
        "attribution": "attribution" in hits,
        "comparative": "comparative" in hits,
        "past_tense": "past" in hits or bool(_PAST.search(tokens.joined)),
        "event_verb": "event" in hits,
        "question": end.endswith("?"),
        "first_person": first_person,
        "feeling": "feeling" in hits,
        # the speaker condition first: it is cheap, and without it the quotation is not read again
        "opinion": (spoken > 0.5 or first_person or "strong_opinion" in hits)
        and (_OPINION.found(Tokens(inside)) if inside else "opinion" in hits),
        "prediction": "prediction" in hits and ("may" not in words or bool(_MAY.search(bare))),
        "future": "future" in hits,
        "private_person": context.private_subject[index] if index < len(context.private_subject) else False,
        "direct_speech": spoken > 0.5,
        "vague": "vague" in hits,
        "boilerplate": (not _BOILERPLATE_HINTS.isdisjoint(words) or "©" in text or "/" in text)
        and bool(_BOILERPLATE.search(text.strip())),
        "fragment": len(tokens.words) < 5,
    }
    # a heading: short, and no sentence punctuation at its end, quotation marks aside ("‘We have one enemy’")
    f["heading"] = len(tokens.words) <= 12 and end[-1:] not in ".!?…" and not f["fragment"]
    return f


_QUOTES = re.compile("[“\"]")
_FIRST_PERSON_WORDS = frozenset("i me my mine myself we we're us our ours ourselves i'm i've i'd i'll we've we'd we'll".split())
_FIRST_PERSON_NOT_US = _FIRST_PERSON_WORDS - {"us"}
_FIRST_PERSON = re.compile(r"\bus\b")
_PREDICTION = Lexicon("could might may likely unlikely if perhaps possibly")
_MAY = re.compile(r"\bmay\b")
# "[a-z]{3}ed ", written to start with its literal part: the engine then finds "ed " quickly
_PAST = re.compile(r"ed (?<=[a-z]{3}ed )")
_BOILERPLATE_HINTS = frozenset(
    """photo image picture video screenshot illustration graphic reporting report story article project sign subscribe
    newsletter click read follow rights cookie cookies copyright http https www""".split()
)


_LEXICONS = Lexicons(
    public=_PUBLIC, attribution=_ATTRIBUTION, comparative=_COMPARATIVE, past=_PAST_WORDS, event=_EVENT,
    feeling=_FEELING, opinion=_OPINION, strong_opinion=_OPINION_STRONG, prediction=_PREDICTION, future=_FUTURE,
    vague=_VAGUE,
)


def _is_acronym(word: str) -> bool:
    core = word[:-1] if word.endswith("s") else word
    return 2 <= len(core) <= 6 and core.isupper() and core.isalpha()


_NO_FIGURE = {name: False for name in ("figure", "date_figure", "duration_figure", "age_figure", "private_detail")}


def figure_features(figure: Figure | None, sentence_flags: dict[str, bool]) -> dict[str, bool]:
    """The features that belong to one figure of the sentence."""
    out = dict(_NO_FIGURE)
    if figure is None:
        return out
    out["vague"] = False  # "some" beside a figure qualifies it ("some 6,700"): not a vague claim
    if figure.kind in ("count", "money", "percent", "distance", "quantity"):
        out["future"] = False
    out[_FIGURE_FEATURE.get(figure.kind, "figure")] = True
    if _collective(figure):
        # "hundreds of thousands of Ukrainians" in Marina's story is about the world, not about her
        out["private_person"] = False
        return out
    # a private individual's age, or the days, times and small numbers of their own story
    if sentence_flags.get("private_person"):
        out["private_detail"] = True
    elif figure.kind == "age" and not sentence_flags.get("public_actor"):
        out["private_detail"] = True
    return out


_LARGE = re.compile(r"\b(?:hundreds|thousands|millions|billions|tens|dozens|countless|hundred|thousand|million|billion|trillion|bn|mn|m|k)\b"
                    r"|\d{1,3}(?:[,\s]\d{3})+|\d{4,}|1000", re.IGNORECASE)


def _collective(figure: Figure) -> bool:
    """A large count, an amount of money, a physical measure: something public in scale."""
    if figure.kind in ("distance", "quantity"):
        return True  # the distances, areas, weights of places and things
    return figure.kind in ("count", "percent", "money") and bool(_LARGE.search(figure.text))


def score(features: dict[str, bool]) -> tuple[float, dict[str, float]]:
    """The score in [0, 1] and each present feature's contribution."""
    weights = _WEIGHTS
    contributions = {name: weights[name] for name, present in features.items() if present and name in weights}
    total = BASE + sum(contributions.values())
    return round(min(1.0, max(0.0, total)), 3), contributions


_CAPS = re.compile(r"\b[A-Z][\w’'-]*")


def _caps(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _CAPS.finditer(text)]


def _names(text: str, caps: list[tuple[int, str]], context: Context) -> list[str]:
    """Proper nouns: capitalised words after the first word, or the first word when the article
    capitalises it elsewhere too."""
    out = []
    first = len(text) - len(text.lstrip(" \"'“‘(["))  # where the first word starts
    limit = len(text)
    for start, word in caps:
        if start >= limit:
            break
        if start > 0 and text[start - 1] in "’'-":
            continue
        if len(word) < 2 or word in _NOT_A_NAME:
            continue
        if start <= first and word not in context.proper_nouns:
            continue
        out.append(word)
    return out


_NOT_A_NAME = frozenset(
    """The A An In On At As But And Or If When While After Before Since Until During Despite Although Though This That
    These Those There They Then It Its He She His Her We Our You Your My Many Most Some Several Other Each Every All Both
    Not No Yes Just Only Also Even Still Yet So Because However Meanwhile According Later Earlier Soon Photo Getty Images
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
    September October November December""".split()
)


_QUOTED = re.compile(r"“([^”]*)”?|\"([^\"]*)\"?")


def _inside_quotes(text: str) -> str:
    parts = _QUOTED.findall(text)
    return " ".join(a or b for a, b in parts)
