"""Scoring an extractor against hand-labelled claims (recall of check-worthy claims, precision).

The labels are a list of claims, each with the sentence or passage it comes from
(``quote_spun`` or ``quote``) and a ``checkworthy`` flag, as in ``../shared/seed/claims.yaml``.
A proposal is matched to the labelled claims whose quote overlaps its own (one contains the
other, or they share most content words: 60% of the shorter quote's, three at least). In ``strict`` mode, when a sentence holds several labelled
claims, a proposal with a figure goes only to the most specific labelled claim whose quote
contains that figure, and a proposal without a figure only to the labelled claims without a
quantity: so proposing the wrong figure of a sentence is not rewarded.

- recall: the share of check-worthy labelled claims matched by at least one proposal at or above
  ``min_score``;
- not-checkworthy share: the share of proposals at or above ``min_score`` that match no
  check-worthy labelled claim (matching nothing counts as not check-worthy).
"""

from __future__ import annotations

import re
from typing import Any, Iterable

import attrs

from claimcheck.extract.proposal import Proposal

_WORD = re.compile(r"\w+")


@attrs.frozen
class Evaluation:
    recall: float
    precision: float
    checkworthy: int
    found: int
    proposals: int
    missed: tuple[str, ...]
    false_positives: tuple[str, ...]

    @property
    def not_checkworthy_share(self) -> float:
        return 1.0 - self.precision


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


_STOP = frozenset(
    """a an the of in on at to for from by with and or but as is was were be been has have had that which who this
    these those it its their his her he she they we i you not no so than then there when while after before since
    also just very""".split()
)


def _overlaps(a: str, b: str) -> bool:
    """One quote inside the other, or most of the shorter one's content words (three at least) in the other."""
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    wa, wb = set(a.split()) - _STOP, set(b.split()) - _STOP
    shared = len(wa & wb)
    return shared >= 3 and shared >= 0.6 * min(len(wa), len(wb))


def assign(proposal: Proposal, labels: list[dict[str, Any]], strict: bool = False) -> list[dict[str, Any]]:
    """The labelled claims a proposal stands for: every one whose quote overlaps the proposal's,
    or, when ``strict``, only the one its figure belongs to."""
    quote = _norm(proposal.quote)
    near = [lab for lab in labels if _overlaps(quote, _norm(_quote(lab)))]
    if not near or not strict:
        return near
    if proposal.figure:
        figure = _norm(re.sub(r"\s*\(.*\)\s*$", "", proposal.figure))
        holding = [lab for lab in near if figure and figure in _norm(_quote(lab))]
        if holding:
            shortest = min(len(_quote(lab)) for lab in holding)
            return [lab for lab in holding if len(_quote(lab)) == shortest]
        return near
    plain = [lab for lab in near if not lab.get("quantity")]
    return plain or near


def evaluate(proposals: Iterable[Proposal], labels: list[dict[str, Any]], min_score: float = 0.5,
             strict: bool = False) -> Evaluation:
    kept = [p for p in proposals if p.score >= min_score]
    found: set[str] = set()
    false_positives = []
    for p in kept:
        matched = assign(p, labels, strict)
        worthy = [lab for lab in matched if lab.get("checkworthy")]
        found.update(lab["id"] for lab in worthy)
        if not worthy:
            false_positives.append(f"{p.score:.2f} {p.figure or '-'} | {p.quote[:90]}")
    worthy_ids = [lab["id"] for lab in labels if lab.get("checkworthy")]
    missed = tuple(i for i in worthy_ids if i not in found)
    recall = (len(worthy_ids) - len(missed)) / len(worthy_ids) if worthy_ids else 1.0
    precision = (len(kept) - len(false_positives)) / len(kept) if kept else 1.0
    return Evaluation(recall, precision, len(worthy_ids), len(worthy_ids) - len(missed), len(kept), missed, tuple(false_positives))


def _quote(label: dict[str, Any]) -> str:
    return label.get("quote_spun") or label.get("quote") or label.get("claim") or ""
