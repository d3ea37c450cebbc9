"""A proposed claim: what an extractor returns for each checkable statement it finds."""

from __future__ import annotations

from typing import Any

import attrs


@attrs.frozen(kw_only=True)
class Proposal:
    """One checkable claim found in a document, before anyone has looked at it.

    ``quote`` is the sentence exactly as the document has it; ``claim`` is the same sentence made
    self-contained where that is easy; ``figure`` is the figure's words with their qualifier
    ("more than 35,000"), or None for a claim without a figure. ``features`` holds each
    feature's contribution to ``score`` (see ``claimcheck.extract.features``).
    """

    id: str
    claim: str
    quote: str
    figure: str | None = None
    kind: str = "event"
    measure: str | None = None
    score: float = 0.0
    features: dict[str, float] = attrs.field(factory=dict)
    #: where the quote sits in the document's text
    start: int | None = None
    end: int | None = None
    #: the name of the extractor that proposed it
    extractor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "claim": self.claim, "quote": self.quote, "figure": self.figure, "kind": self.kind,
            "measure": self.measure, "score": self.score, "features": dict(self.features),
            "start": self.start, "end": self.end, "extractor": self.extractor,
        }
