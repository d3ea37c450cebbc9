"""unit-consistency: a claim that gives one figure in two units must agree with itself.

"14km (8.7 miles)", "65,000 euros ($72,000)": the converted first figure must lie inside the
second's interval (pint for physical units; the ECB reference rate on the claim's date for money,
with ±2% for the spread of daily rates; ``claimcheck.quantities.consistent``).

Its verdict: ``refuted`` when the two figures disagree (one of them is wrong, so the claim as
written is); ``not-enough-evidence`` when they agree, because agreeing with itself says nothing
on whether the claim is true. Written against the public API only.
"""

from __future__ import annotations

import re
from typing import Any

from claimcheck import Claim, Verdict, VerdictStatus, hookimpl

_PAREN = re.compile(r"\s*[(\[]\s*$")


def figure_pairs(text: str) -> list[tuple[Any, Any]]:
    """Each figure followed by its conversion in parentheses, as (figure, conversion)."""
    from claimcheck.quantities import find_quantities

    found = find_quantities(text)
    pairs = []
    for a, b in zip(found, found[1:]):
        if a.unit and b.unit and a.unit != b.unit and _PAREN.fullmatch(text[a.end:b.start]):
            pairs.append((a, b))
    return pairs


class UnitConsistency:
    name = "unit-consistency"
    description = "Checks a figure given in two units ('14km (8.7 miles)', '65,000 euros ($72,000)') agrees with itself."
    version = "1.0.0"

    def applies_to(self, claim: Claim) -> bool:
        return "(" in claim.claim and bool(figure_pairs(claim.claim))

    async def verify(self, claim: Claim, ctx: Any) -> Verdict | None:
        from claimcheck.quantities import consistent

        tolerance_note = ""
        results = []
        for a, b in figure_pairs(claim.claim):
            ok = consistent(a, b, on=claim.date)
            if ok is not None:
                results.append((a, b, ok))
        if not results:
            return Verdict(status=VerdictStatus.NOT_ENOUGH_EVIDENCE,
                           note="the figures in two units cannot be converted into each other")
        bad = [(a, b) for a, b, ok in results if not ok]
        if any(a.unit.isupper() and b.unit.isupper() for a, b, _ in results):
            tolerance_note = f" (ECB rate of {claim.date.isoformat() if claim.date else 'the latest day'}, ±2%)"
        if bad:
            a, b = bad[0]
            return Verdict(status=VerdictStatus.REFUTED, confidence=0.8,
                           note=f"'{a.text}' and '{b.text}' disagree{tolerance_note}: the claim contradicts itself")
        pairs = "; ".join(f"'{a.text}' = '{b.text}'" for a, b, _ in results)
        return Verdict(status=VerdictStatus.NOT_ENOUGH_EVIDENCE,
                       note=f"consistent{tolerance_note}: {pairs} (says nothing on whether the claim is true)")


@hookimpl
def register_verifiers(register: Any) -> None:
    register(UnitConsistency())
