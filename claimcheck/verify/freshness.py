"""When a verdict is still good: young enough, same claim, same verifier version.

The claim's hash covers what a verifier reads and a person writes: the claim, its figure,
measure and date, and each source's url, excerpt, and stance when a person gave it. It leaves
out what verifiers write (their stances, link status, archive links, verdicts, status), so one
verifier's write-back does not make another's verdict stale.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from typing import Any

from claimcheck.errors import ClaimcheckError

_HASHED_KEYS = ("claim", "figure", "measure", "date")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def parse_duration(text: str) -> dt.timedelta:
    """``7d``, ``12h``, ``30m``, ``2w``, ``0`` (everything is stale)."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*", text or "")
    if not match:
        raise ClaimcheckError(f"--stale {text!r}: give a duration like 7d, 12h, 30m or 2w")
    value, unit = float(match.group(1)), match.group(2) or "d"
    return dt.timedelta(seconds=value * _UNITS[unit])


def person_stance(source: dict[str, Any]) -> bool:
    """``Source.person_stance`` for a source as plain data (a file's or the index's copy)."""
    if not source.get("stance"):
        return False
    by = source.get("stance_by")
    if by is not None:
        return by == "person"
    return source.get("added_by") in (None, "person")


def claim_hash(data: dict[str, Any]) -> str:
    """A short hash of a claim's verifiable content, from its plain mapping (file or index JSON)."""
    parts: list[Any] = [str(data.get(k)) if data.get(k) is not None else None for k in _HASHED_KEYS]
    for src in data.get("sources") or ():
        parts.append([src.get("url"), src.get("excerpt"), src.get("stance") if person_stance(src) else None])
    return _digest(parts)


def claim_digest(claim: Any, sources: Any = None) -> str:
    """``claim_hash`` of a ``Claim`` object (with ``sources`` instead of its own, when given),
    without first making its plain mapping (the run hashes every claim it merges; the two always
    agree, ``tests/verify/test_freshness.py``)."""
    parts: list[Any] = [str(v) if (v := getattr(claim, k)) is not None else None for k in _HASHED_KEYS]
    for src in claim.sources if sources is None else sources:
        parts.append([src.url, src.excerpt, src.stance.value if src.person_stance else None])
    return _digest(parts)


def _digest(parts: list[Any]) -> str:
    blob = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.blake2b(blob.encode("utf-8"), digest_size=6).hexdigest()


def _as_datetime(value: Any) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    if isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)
    return None


def is_fresh(verdict: dict[str, Any] | None, *, version: str, digest: str, now: dt.datetime,
             stale: dt.timedelta | None) -> bool:
    """A verdict (plain mapping) is fresh when it concluded something, was reached on this claim
    content by this verifier version, and is younger than ``stale`` (no limit when ``None``)."""
    if not verdict or verdict.get("status") in ("error", None):
        return False
    if str(verdict.get("version")) != str(version) or verdict.get("claim_hash") != digest:
        return False
    if stale is None:
        return True
    checked = _as_datetime(verdict.get("checked"))
    return checked is not None and now - checked < stale
