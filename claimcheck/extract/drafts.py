"""From proposals to draft claim records: near-duplicate check against the project, then files.

A proposal is already tracked when an existing claim quotes the same passage (fuzzy, so a
re-typed or re-worded copy still matches) and, when the proposal has a figure, that claim is
about the same figure; or when the two claims read the same. Drafts are written with
``status: unchecked`` and never overwrite a file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable

import attrs

from claimcheck.extract.document import Document
from claimcheck.extract.proposal import Proposal

#: rapidfuzz scores (0-100) at or above which two passages, or two claims, are the same
QUOTE_MATCH = 90
CLAIM_MATCH = 92
#: a quoted fragment shorter than this is too unspecific to match inside a sentence
MIN_PASSAGE = 25
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")


@attrs.frozen
class Tracked:
    """An existing claim, as the duplicate check sees it."""

    id: str
    claim: str
    quote: str | None = None
    figure: str | None = None


def tracked_from_rows(rows: Iterable[Any]) -> list[Tracked]:
    """Existing claims from the store's rows (``claimcheck.store.Row``)."""
    import json

    out = []
    for row in rows:
        data = json.loads(row.record_json)
        out.append(Tracked(row.id, row.claim or "", data.get("quote"), data.get("figure")))
    return out


def _norm(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").casefold()))


def _figure_core(text: str | None) -> str:
    """The part of a figure that survives rewording: its digits, or its words without qualifier."""
    numbers = _NUMBER.findall(text or "")
    return " ".join(n.replace(",", "") for n in numbers) if numbers else _norm(text)


def already_tracked(proposal: Proposal, existing: Iterable[Tracked]) -> Tracked | None:
    """The existing claim this proposal duplicates, if any."""
    quote = _norm(proposal.quote)
    claim = _norm(proposal.claim)
    fig = _figure_core(proposal.figure)
    for other in existing:
        if not _same_passage(quote, claim, other):
            continue
        if proposal.figure is None:
            return other  # the sentence is tracked already
        other_fig = _figure_core(other.figure)
        if other.figure:
            # the same sentence may hold other figures: only the same figure is a duplicate
            if fig and (fig == other_fig or fig in other_fig or other_fig in fig):
                return other
            # the other claim words the same figure differently ("tens of thousands" for the
            # quote's "tens of countless numbers"): its quote holds our figure, and its own
            # figure is not another figure of our sentence
            if _norm(proposal.figure) in _norm(other.quote) and other_fig not in quote.replace(",", ""):
                return other
        elif fig and fig in " ".join((_norm(other.quote), _norm(other.claim))).replace(",", ""):
            return other
    return None


def _same_passage(quote: str, claim: str, other: Tracked) -> bool:
    """The same claim wording, or the same quoted passage (a labelled fragment inside the
    sentence, or the sentence retyped)."""
    from rapidfuzz import fuzz

    if claim and fuzz.ratio(claim, _norm(other.claim)) >= CLAIM_MATCH:
        return True
    other_quote = _norm(other.quote)
    if not other_quote or not quote:
        return False
    shorter, longer = sorted((quote, other_quote), key=len)
    return len(shorter) >= MIN_PASSAGE and fuzz.partial_ratio(shorter, longer) >= QUOTE_MATCH


def draft_record(proposal: Proposal, document: Document, *, appeared_in_url: str | None) -> dict[str, Any]:
    """The YAML mapping of a draft claim, keys in claimcheck's order."""
    from claimcheck.convert import structure_claim, unstructure_claim

    link = {k: v for k, v in (("url", appeared_in_url), ("title", document.title), ("publisher", document.publisher)) if v}
    data: dict[str, Any] = {
        "id": proposal.id,
        "claim": proposal.claim,
        "figure": proposal.figure,
        "measure": proposal.measure,
        "quote": proposal.quote,
        # the publication is who made the claim, until a person names the original claimant
        "claimant": document.publisher,
        "date": document.date.isoformat() if document.date else None,
        "appeared_in": link or None,
        "extra": {
            "checkworthiness": proposal.score,
            "kind": proposal.kind,
            "extracted_by": proposal.extractor or "unknown",
        },
    }
    claim = structure_claim({k: v for k, v in data.items() if v is not None})  # validates like any record
    out = unstructure_claim(claim)
    ordered: dict[str, Any] = {}
    for key in ("id", "claim", "figure", "measure", "quote", "claimant", "date", "appeared_in"):
        if key in out:
            ordered[key] = out[key]
    ordered["status"] = "unchecked"
    ordered["extra"] = out.get("extra", data["extra"])
    return ordered


def write_draft(folder: Path, record: dict[str, Any], taken: set[str]) -> Path:
    """Write ``record`` as ``folder/<id>.yaml``, choosing ``<id>-2``... when the id is taken."""
    import yaml

    base = record["id"]
    n = 1
    folder.mkdir(parents=True, exist_ok=True)
    while True:
        claim_id = base if n == 1 else f"{base}-{n}"
        path = folder / f"{claim_id}.yaml"
        if claim_id not in taken and not path.exists():
            record = {**record, "id": claim_id}
            body = yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=4096)
            try:
                with open(path, "x", encoding="utf-8") as fh:  # "x": never overwrite, even in a race
                    fh.write(body)
            except FileExistsError:
                n += 1
                continue
            taken.add(claim_id)
            return path
        n += 1
