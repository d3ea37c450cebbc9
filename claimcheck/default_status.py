"""The built-in ``resolve_status`` rule. It runs last, so any plugin can override it."""

from __future__ import annotations

from claimcheck.hookspecs import hookimpl
from claimcheck.model import Claim, Status, Verdict, VerdictStatus

_DECIDING = {VerdictStatus.SUPPORTED, VerdictStatus.REFUTED, VerdictStatus.CONFLICTING}


@hookimpl(trylast=True)
def resolve_status(claim: Claim, verdicts: dict[str, Verdict]) -> tuple[Status, float | None]:
    """A person's review wins (confidence None: a decision, not an estimate). Otherwise:
    supported when some verdict supports and none refutes, refuted for the reverse, conflicting
    when both (or a verifier found a conflict), else not-enough-evidence; unchecked when no
    verifier concluded anything. The confidence is the mean of the deciding verdicts'.
    """
    if claim.review is not None:
        return claim.review.status, None
    concluded = [v for v in verdicts.values() if v.status not in (VerdictStatus.ERROR, VerdictStatus.SKIPPED)]
    if not concluded:
        return Status.UNCHECKED, None
    seen = {v.status for v in concluded}
    if VerdictStatus.CONFLICTING in seen or {VerdictStatus.SUPPORTED, VerdictStatus.REFUTED} <= seen:
        status, deciding = Status.CONFLICTING, [v for v in concluded if v.status in _DECIDING]
    elif VerdictStatus.SUPPORTED in seen:
        status, deciding = Status.SUPPORTED, [v for v in concluded if v.status is VerdictStatus.SUPPORTED]
    elif VerdictStatus.REFUTED in seen:
        status, deciding = Status.REFUTED, [v for v in concluded if v.status is VerdictStatus.REFUTED]
    else:
        status, deciding = Status.NOT_ENOUGH_EVIDENCE, concluded
    scores = [v.confidence for v in deciding if v.confidence is not None]
    return status, round(sum(scores) / len(scores), 3) if scores else None
