"""Splitting news text into sentences, keeping each sentence's exact place in the text.

A sentence is a span of the text, so a proposal's ``quote`` is always the source verbatim.
The splitter is rule-based and linear in the size of the text:

- a line break ends a sentence unless the text is hard-wrapped prose (then only blank lines
  and punctuation do), so captions and headings without a final full stop stand alone;
- ``.``, ``!``, ``?`` and ``…`` end a sentence when followed by space and a capital, a digit or an
  opening quote, and not after an abbreviation ("Mr.", "Gen.", "U.S. officials"), an initial
  ("Howard G. Buffett") or inside a number ("3.5", which has no space after the point);
- a quotation that ends in ``?``/``!``/``.`` followed by its speaker ("“Has it started?” Marina
  asked.") stays one sentence.
"""

from __future__ import annotations

import re

import attrs


@attrs.frozen
class Sentence:
    """One sentence: ``text`` is exactly ``source[start:end]``."""

    start: int
    end: int
    text: str
    #: index of the paragraph (block between blank lines) the sentence belongs to
    paragraph: int = 0


# Abbreviations that never end a sentence (titles before a name, "No. 5", "St. Petersburg").
_TITLES = frozenset(
    "mr mrs ms dr prof st sen rep gov gen col lt sgt capt cmdr adm maj rev hon jr sr vs mt ft messrs mme mlle".split()
)
# Abbreviations before a number: "No. 5", "pp. 12-14", "Fig. 3".
_NUMBERED = frozenset("no nos fig figs art ch sec para pp p vol op".split())
# Abbreviations that end a sentence only when a typical sentence opener follows ("... in the U.S. The").
_SOFT = frozenset(
    "u.s u.k u.n e.u u.s.a etc inc ltd co corp bros approx est dept univ a.m p.m e.g i.e al jan feb mar apr jun "
    "jul aug sep sept oct nov dec".split()
)
_OPENERS = frozenset(
    "the a an in on at he she it they we i but and this that these those there his her their its our "
    "when while after before as if however meanwhile yet so still also according".split()
)
_SPEECH = frozenset(
    "says said asks asked adds added explains explained tells told continues continued recalls recalled "
    "notes noted requested replied responded insists insisted states stated writes wrote argues argued "
    "claims claimed warns warned admits admitted suggests suggested answered answers cried shouted".split()
)

# ``[.!?…]+[\"'”’)\]»]*(?=\s)|\n`` written to start with one character class, which the engine
# scans for quickly (an alternation at the start is tried at every position instead), and to stay
# linear: a run of punctuation is tried once, from its first mark (``(?<![.!?…].)``), without
# backtracking (``*+``: giving back marks never helps, the next character would not be a space).
# Tried from every mark, 100,000 full stops followed by a letter took minutes.
_BOUNDARY = re.compile(r"[.!?…\n](?:(?<=\n)|(?<![.!?…].)[.!?…]*+[\"'”’)\]»]*+(?=\s))")
#: the word before a full stop: the definition ``_word_before`` implements without a search
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.?$")
_BLANK = re.compile(r"\n[ \t\r\f\v]*\n")
_NEXT_WORDS = re.compile(r"\s*([^\s]+)" + r"(?:\s+([^\s]+))?" * 5)
_NEXT_WORD = re.compile(r"\s*([^\s]+)")

#: a longer run without a break is cut here (at a space) so one pathological "sentence" cannot
#: dominate the work; real sentences are far shorter.
MAX_SENTENCE = 2000


def _hard_wrapped(lines: list[str]) -> bool:
    """True for prose wrapped at a fixed width (most lines 50-100 chars, ending mid-sentence)."""
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    if len(lengths) < 4:
        return False
    wrapped = sum(1 for n in lengths if 50 <= n <= 100)
    unpunctuated = sum(1 for line in lines if line.strip() and line.rstrip()[-1] not in ".!?:\"”’)")
    return wrapped >= 0.7 * len(lengths) and unpunctuated >= 0.5 * len(lengths)


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text``, in order, each a verbatim span (leading/trailing space trimmed)."""
    out: list[Sentence] = []
    paragraph = 0
    for block_start, block_end in _blocks(text):
        block = text[block_start:block_end]
        join_lines = _hard_wrapped(block.split("\n")) if "\n" in block else False
        start = 0
        for match in _BOUNDARY.finditer(block):
            if match.group() == "\n":
                if join_lines:
                    continue
                cut = match.start()
            else:
                if not _ends_sentence(block, match.start(), match.end()):
                    continue
                cut = match.end()
            _emit(text, block_start + start, block_start + cut, paragraph, out)
            start = cut
        _emit(text, block_start + start, block_end, paragraph, out)
        paragraph += 1
    return out


def _blocks(text: str):
    """(start, end) of each paragraph: runs of text between blank lines."""
    start = 0
    for match in _BLANK.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _emit(text: str, start: int, end: int, paragraph: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start, start + MAX_SENTENCE)
        if cut <= start:
            cut = start + MAX_SENTENCE
        out.append(Sentence(start, cut, text[start:cut], paragraph))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append(Sentence(start, end, text[start:end], paragraph))


def _ends_sentence(block: str, p_start: int, p_end: int) -> bool:
    punct = block[p_start:p_end]
    following = _NEXT_WORD.match(block, p_end, min(len(block), p_end + 80))
    if following is None:
        return True
    nxt = following.group(1)
    first = nxt.lstrip("\"'“‘([«")
    if not first:
        return True
    if first[0].islower():
        return False  # "U.S. officials", "etc. and", "?” she asked"
    closing_quote = punct[-1] in "\"'”’»"
    if closing_quote and punct.rstrip("\"'”’»)]")[-1:] in "?!.,":
        # “Has it started?” Marina asked.  /  “It hurts,” says Marina.
        # ... but "“I keep inside.” She states she was ..." starts a new sentence: the speaker's
        # words must end within two words of the verb.
        # the next six words: read only here, where a speech verb may follow the quotation
        words = [w for w in _NEXT_WORDS.match(block, p_end, min(len(block), p_end + 80)).groups() if w]
        for i, w in enumerate(words[:3]):
            if w.strip(".,;:").lower() in _SPEECH and _attribution_ends(words[i:i + 3]):
                return False
    if punct[0] != ".":
        return True
    before = _word_before(block, max(0, p_start - 20), p_start)
    if before is None:
        return True
    word = before.rstrip(".").lower()
    if len(word) == 1 and word.isalpha() and block[p_start - 1].isupper():
        return False  # an initial: "Howard G. Buffett", "J. K. Rowling"
    if word in _TITLES:
        return False
    if word in _NUMBERED and first[0].isdigit():
        return False
    if word in _SOFT:
        return first.lower().strip(",") in _OPENERS
    return True


_LETTERS_AND_DOTS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")


def _word_before(block: str, lo: int, end: int) -> str | None:
    """What ``_WORD_BEFORE.search(block, lo, end).group(1)`` is ("U.S", "Mr", "etc"), read
    backwards from ``end`` (a search would try every position of the window)."""
    if end > lo and block[end - 1] == "\n":
        end -= 1  # ``$`` also matches before a final newline
    start = end
    while start > lo and block[start - 1] in _LETTERS_AND_DOTS:
        start -= 1
    while start < end and block[start] == ".":
        start += 1  # the word starts with a letter
    return block[start:end] if start < end else None


def _attribution_ends(words: list[str]) -> bool:
    """After a quotation: "asked." / "said wearily." / "says Andrej Stryzhak, the head" end the
    speaker's words; "says she left." starts a new sentence."""
    verb, *rest = words
    if verb[-1] in ".,;:!?":
        return True
    if not rest:
        return False
    nxt = rest[0]
    if nxt[-1] in ".,;:!?" and (nxt[0].isupper() or nxt.rstrip(".,;:!?").endswith("ly")):
        return True
    return nxt[0].isupper() and len(rest) > 1 and rest[1][-1] in ".,;:!?"
