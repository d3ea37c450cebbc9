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
from claimcheck.extract.sentences import Sentence

BASE = 0.15


@attrs.frozen
class Feature:
    name: str
    weight: float
    description: str


FEATURES: dict[str, Feature] = {f.name: f for f in (
    Feature("figure", 0.30, "has a figure of a measurable kind: a count, money, a percentage, a distance or other physical quantity, a vote"),
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
    Feature("prediction", -0.30, "predicts or supposes ('will', 'could', 'might', 'if')"),
    Feature("private_person", -0.30, "is about a private individual (named by first name only, or anonymous)"),
    Feature("private_detail", -0.35, "the figure is a private individual's personal detail (their age, their own days and times)"),
    Feature("direct_speech", -0.15, "is mostly a direct quotation"),
    Feature("vague", -0.15, "has no figure and a vague subject or hedge ('some', 'many', 'quite a few', 'it can be')"),
    Feature("boilerplate", -0.60, "is not article prose: a URL, an image description, a credit or a subscription line"),
    Feature("heading", -0.30, "is a heading: short, no final punctuation, no figure"),
    Feature("fragment", -0.30, "is too short to be a claim (fewer than five words)"),
)}

_FIGURE_FEATURE = {
    "count": "figure", "money": "figure", "percent": "figure", "distance": "figure", "quantity": "figure",
    "vote": "figure", "date": "date_figure", "ordinal": "date_figure", "duration": "duration_figure", "age": "age_figure",
}

_W = re.compile(r"\w+(?:[’']\w+)?")


def _words(*groups: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(groups) + r")\b", re.IGNORECASE)


_PUBLIC = re.compile(
    r"\b(?:President|Prime\s+Minister|Minister|Chancellor|Secretary|Senator|Governor|Mayor|Ambassador|Spokes(?:wo)?man|"
    r"spokesperson|MPs?|lawmakers?|parliament\w*|congress\w*|senate|government\w*|ministry|ministries|authorities|regime|"
    r"police|army|armed\s+forces|military|troops|soldiers|court|judge|prosecutors?|officials?|agency|council|commission|"
    r"committee|union|party|parties|foundation|organi[sz]ations?|institute|university|company|companies|corporation|"
    r"bank|federation|coalition|alliance|opposition|ministers?|kremlin|white\s+house|election|referendum|sanctions|"
    r"invasion|battalion|forces|campaign|consulate|embassy|state|states|nations|countries|country|network|group|"
    r"journalist|activist|head\s+of|chief|director|leader|CEO|chairman|chairwoman|founder)\b"
    r"|\b[A-Z]{2,6}s?\b",
)
_ATTRIBUTION = _words(r"according\s+to", "said", "says", "reported", "reports", "announced", "claimed", "stated",
                      "confirmed", "estimated", "estimates", "figures", "data", "statistics", "survey", "poll", "census")
_COMPARATIVE = _words(r"(?:more|less|fewer|greater|higher|lower|extra|additional)\s+than", r"\w+est", "most", "least",
                      "record", "first", "only", "doubled", "tripled", "halved", "increase[sd]?", "decrease[sd]?",
                      "rose", "fell", "majority", "minority", "among")
_PAST = re.compile(
    r"\b(?:was|were|had|did|has\s+been|have\s+been|has\s+\w+ed|have\s+\w+ed|"
    r"became|began|took|won|held|left|fled|made|gave|led|fought|met|told|grew|rose|fell|broke|sent|spent|lost|"
    r"came|went|saw|found|paid|built|brought|kept|ran|sold|stood|struck|hit|shot|wrote|chose|drove|froze|"
    r"\w{3,}ed)\b"
)
_EVENT = _words(
    r"w[io]n", "wins", "elected", "re-elected", r"arrest\w*", r"detain\w*", r"kill\w*", "died", "dead", "fled", "flee",
    r"found(?:ed)?", r"launch\w*", r"vot\w+", r"sign\w*", r"impos\w+", r"invad\w+", "invasion", r"deploy\w*",
    r"rul(?:ed|es)", "held", r"join\w*", r"approv\w+", r"authori[sz]\w+", r"den(?:y|ied|ies)", r"announc\w+",
    r"ban(?:s|ned)?", r"pass\w*", "raised", r"rais\w+", r"lifted", r"hack\w*", r"attack\w*", r"protest\w*",
    r"sentenc\w+", r"resign\w*", r"appoint\w+", r"border\w*", r"condemn\w*", r"referendum", "election", r"sanction\w*",
    r"crackdown", "rally", "took\s+place", "ensued", r"broke\s+out", r"establish\w*", r"creat\w+", r"form\w+",
    r"evacuat\w+", r"host\w*", r"grant\w*", r"permit\w*", r"allow\w*", r"refuge", r"fund\w*", r"donat\w+",
    r"suppl\w+", r"provid\w+", r"deliver\w*", r"operat\w+", r"offer\w*", r"claimed", r"accus\w+", r"charg\w+",
    r"convict\w+", r"jail\w*", r"prison\w*", r"persecut\w+", r"tortur\w+", r"beat(?:en)?", r"injur\w+", r"wound\w+",
    r"destroy\w+", r"damag\w+", r"seiz\w+", r"captur\w+", r"occup\w+", r"annex\w*", r"spent", r"cost", r"paid",
    r"earn\w*", r"grew", r"increas\w+", r"decreas\w+", r"rose", "fell", r"cut", r"close[sd]?", r"open\w*",
    r"introduc\w+", r"adopt\w+", r"enact\w+", r"ratif\w+", r"law", r"bill", r"treaty", r"agreement", r"deal",
    r"part\s+of", r"became", "member", r"represent\w*", r"referred", r"called", r"described", r"filed", r"submit\w*",
    r"sued", r"ruled", r"war", r"conflict",
)
_QUESTION = re.compile(r"\?[\"'”’)\]]*$")
_FIRST_PERSON = re.compile(r"\b(?:I|I’m|I'm|I’ve|I've|I’d|I'd|I’ll|I'll|me|my|mine|myself|we|We|we’re|We’re|we're|We're|us|our|Our|ours|ourselves)\b")
_FEELING = _words(r"feel\w*", "felt", r"fear\w*", "afraid", "frightened", r"worr\w+", "scared", r"hope\w*", r"lov(?:e|ed)",
                  r"hat(?:e|ed)", "horror", "sad", "happy", "angry", r"hurts?", "heart", "despair", r"miss(?:ed)?", "proud",
                  "ashamed", "anxious", "upset", "terrified", "grateful", "unbearable", "nightmare", "shook", r"exhaust\w*",
                  "lonely", r"cr(?:y|ied)", "tears")
_OPINION = _words(r"think\w*", r"thought", r"believ\w+", "should", "must", "ought", r"seems?", "perhaps", "maybe",
                  "arguably", "clearly", "obviously", "terrible", "amazing", "wonderful", "beautiful", "awful",
                  "great", "good", "bad", "best", "worst", r"need\s+to", "have\s+to", r"important", "hard",
                  "favourable", "favorable", "excellent")
_PREDICTION = re.compile(r"\b(?:will|would|could|might|may|shall|going\s+to|expected\s+to|likely|unlikely|if|If|plans?\s+to|'ll|’ll)\b")
_BOILERPLATE = re.compile(
    r"^(?:https?://|www\.)\S*$|^(?:an?\s+)?(?:photo|image|picture|video|screenshot|illustration|graphic)\s+(?:of|shows)\b|"
    r"^\[?(?:photo|image|picture|video)\s*(?:by|:|credit)|\b(?:this\s+(?:reporting|report|story|article|project)\s+was\s+"
    r"(?:supported|funded|produced|made\s+possible)|sign\s+up|subscribe|newsletter|click\s+here|read\s+more|follow\s+us|"
    r"all\s+rights\s+reserved|cookies?|copyright|©)\b",
    re.IGNORECASE,
)
_QUOTE_OPEN = "“\"‘«"
_CREDIT = re.compile(r"\s*\[(?:photo|image|picture|video|file)[^\]]*\]\s*$|\s*\((?:photo|image|picture)[^)]*\)\s*$", re.IGNORECASE)


def sentence_features(sentence: Sentence, index: int, context: Context) -> dict[str, bool]:
    """The yes/no sentence-level features of one sentence (figure features come per figure)."""
    text = sentence.text
    bare = _CREDIT.sub("", text)  # a photo credit is not part of what the caption claims
    words = _W.findall(bare)
    names = _names(bare, context)
    spoken = _spoken_share(text)
    inside = _inside_quotes(text)
    f = {
        "public_actor": bool(_PUBLIC.search(bare)) or any(n in context.public_names or n in context.prominent for n in names),
        "named_entity": bool(names),
        "several_entities": len(set(names)) >= 2,
        "attribution": bool(_ATTRIBUTION.search(bare)),
        "comparative": bool(_COMPARATIVE.search(bare)),
        "past_tense": bool(_PAST.search(bare)),
        "event_verb": bool(_EVENT.search(bare)),
        "question": bool(_QUESTION.search(text.rstrip())),
        "first_person": bool(_FIRST_PERSON.search(bare)),
        "feeling": bool(_FEELING.search(bare)),
        "opinion": bool(_OPINION.search(inside or bare)) and (spoken > 0.5 or bool(_FIRST_PERSON.search(bare)) or bool(_OPINION_STRONG.search(bare))),
        "prediction": bool(_PREDICTION.search(bare)),
        "private_person": context.private_subject[index] if index < len(context.private_subject) else False,
        "direct_speech": spoken > 0.5,
        "vague": bool(_VAGUE.search(bare)),
        "boilerplate": bool(_BOILERPLATE.search(text.strip())),
        "fragment": len(words) < 5,
    }
    f["heading"] = len(words) <= 12 and text.rstrip()[-1:] not in ".!?…\"”’)]" and not f["fragment"]
    return f


_VAGUE = _words(r"some", "many", r"quite\s+a\s+few", "various", "often", "sometimes", "certain", r"it\s+(?:can|may|might)",
                r"not\s+(?:possible|attainable)\s+to\s+know", r"no\s+one\s+knows", "numerous", "several")
_OPINION_STRONG = _words("should", "must", "ought", "terrible", "amazing", "wonderful", "awful", r"I\s+think", r"we\s+believe")


def figure_features(figure: Figure | None, sentence_flags: dict[str, bool]) -> dict[str, bool]:
    """The features that belong to one figure of the sentence."""
    out = {name: False for name in ("figure", "date_figure", "duration_figure", "age_figure", "private_detail")}
    if figure is None:
        return out
    out["vague"] = False  # "some" beside a figure qualifies it ("some 6,700"): not a vague claim
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


_LARGE = re.compile(r"\b(?:hundreds|thousands|millions|billions|tens|dozens|countless|hundred|thousand|million|billion|\d[\d,.\s]{2,}|1000)", re.IGNORECASE)


def _collective(figure: Figure) -> bool:
    """A large count, an amount of money, a physical measure: something public in scale."""
    if figure.kind in ("money", "distance", "quantity"):
        return True  # amounts and the distances, areas, weights of places and things
    return figure.kind in ("count", "percent") and bool(_LARGE.search(figure.text))


def score(features: dict[str, bool]) -> tuple[float, dict[str, float]]:
    """The score in [0, 1] and each present feature's contribution."""
    contributions = {name: FEATURES[name].weight for name, present in features.items() if present and name in FEATURES}
    total = BASE + sum(contributions.values())
    return round(min(1.0, max(0.0, total)), 3), contributions


def _names(text: str, context: Context) -> list[str]:
    """Proper nouns: capitalised words after the first word, or the first word when the article
    capitalises it elsewhere too."""
    out = []
    for i, m in enumerate(re.finditer(r"(?<![\w’'-])[A-Z][\w’'-]+|\b[A-Z]{2,}\b", text)):
        word = m.group().rstrip("’'s") if m.group().endswith(("’s", "'s")) else m.group()
        word = word.split("’")[0]
        if word in {"I", "I’m", "I'm"} or word.upper() == word and len(word) == 1:
            continue
        at_start = m.start() == 0 or not text[:m.start()].strip(" \"'“‘([")
        if at_start and word not in context.proper_nouns:
            continue
        if word in _NOT_A_NAME:
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


def _spoken_share(text: str) -> float:
    """The share of the sentence inside quotation marks."""
    inside = _inside_quotes(text)
    return len(inside) / max(1, len(text))


def _inside_quotes(text: str) -> str:
    parts = re.findall(r"“([^”]*)”?|\"([^\"]*)\"?", text)
    return " ".join(a or b for a, b in parts)
