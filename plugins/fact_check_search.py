"""fact-check-search: published fact-checks of the claim, from the Google Fact Check Tools API.

Asks ``claims:search`` for the claim's text and adds each matching review as a source
(publisher, url, title, review date, textual rating), with a stance mapped from the rating:
false / mostly false / pants on fire -> refutes; true / mostly true / correct -> supports;
anything else -> inconclusive. The mapping is in ``[verifiers.fact-check-search.ratings]``.
The key comes from ``CLAIMCHECK_FACTCHECK_API_KEY`` only, travels in a header (never in a URL),
and never appears in output. Without a key the verifier is skipped with one line.
Every field of the response is optional (real answers omit publisher names, ratings, dates).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from claimcheck import Claim, FetchError, Source, Stance, Verdict, VerdictStatus, hookimpl

ENDPOINT = "https://factchecktools.googleapis.com/v1alpha1/claims:search"
KEY_ENV = "CLAIMCHECK_FACTCHECK_API_KEY"

DEFAULT_RATINGS = {
    "refutes": ["false", "mostly false", "pants on fire", "incorrect", "fake", "wrong"],
    "supports": ["true", "mostly true", "correct", "accurate"],
}


def normal_rating(rating: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", rating.lower()).split())


def stance_of(rating: str | None, ratings: dict[str, list[str]]) -> Stance:
    if not rating:
        return Stance.INCONCLUSIVE
    text = normal_rating(rating)
    for stance in ("refutes", "supports"):
        if text in {normal_rating(r) for r in ratings.get(stance, [])}:
            return Stance(stance)
    return Stance.INCONCLUSIVE


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def reviews(payload: Any, ratings: dict[str, list[str]]) -> list[tuple[str | None, Source]]:
    """(reviewed claim text, source) for every review in a ``claims:search`` answer."""
    out = []
    claims = payload.get("claims") if isinstance(payload, dict) else None
    for item in claims if isinstance(claims, list) else []:
        if not isinstance(item, dict):
            continue
        text = _text(item.get("text"))
        for review in item.get("claimReview") or []:
            if not isinstance(review, dict):
                continue
            url = _text(review.get("url"))
            if not url or not url.lower().startswith(("http://", "https://")):
                continue
            publisher = review.get("publisher") if isinstance(review.get("publisher"), dict) else {}
            rating = _text(review.get("textualRating"))
            out.append((text, Source(
                url=url, title=_text(review.get("title")),
                publisher=_text(publisher.get("name")) or _text(publisher.get("site")),
                published=_date(review.get("reviewDate")) or _date(item.get("claimDate")),
                excerpt=text, rating=rating, stance=stance_of(rating, ratings),
            )))
    return out


class FactCheckSearch:
    name = "fact-check-search"
    description = "Finds published fact-checks of the claim (Google Fact Check Tools API) and adds them as sources."
    version = "1.0.0"

    def unavailable(self, ctx: Any) -> str | None:
        if ctx.offline:
            return "offline run (no HTTP requests)"
        if not ctx.secret(KEY_ENV):
            return f"no API key: set {KEY_ENV} to use the Google Fact Check Tools API"
        return None

    def applies_to(self, claim: Claim) -> bool:
        return True

    async def verify(self, claim: Claim, ctx: Any) -> Verdict:
        from rapidfuzz import fuzz

        key = ctx.secret(KEY_ENV)
        params = {"query": claim.claim[:500], "pageSize": int(ctx.setting("max_results", 10))}
        if ctx.setting("language"):
            params["languageCode"] = ctx.setting("language")
        try:
            payload = await ctx.get_json(ctx.setting("endpoint", ENDPOINT), params=params,
                                         headers={"X-Goog-Api-Key": key or ""})
        except FetchError as exc:
            return Verdict(status=VerdictStatus.ERROR, note=ctx.redact(f"fact-check search failed: {exc}"))
        ratings = {**DEFAULT_RATINGS, **dict(ctx.setting("ratings", {}))}
        threshold = float(ctx.setting("min_similarity", 60))
        kept = []
        for text, source in reviews(payload, ratings):
            similarity = fuzz.token_set_ratio(claim.claim, text or source.title or "")
            if similarity >= threshold:
                kept.append(source)
        if not kept:
            return Verdict(status=VerdictStatus.NOT_ENOUGH_EVIDENCE, confidence=None,
                           note="no published fact-check of this claim found")
        stances = [s.stance.value for s in kept]
        from claimcheck.quantities import status_from_stances

        status = status_from_stances(stances).value
        decided = stances.count("supports") + stances.count("refutes")
        confidence = round(min(0.9, 0.55 + 0.1 * decided), 2) if status in ("supported", "refuted") else 0.4
        ratings_seen = ", ".join(f"{s.publisher or 'unknown'}: {s.rating or 'no rating'}" for s in kept[:4])
        return Verdict(status=VerdictStatus(status), confidence=confidence,
                       note=f"{len(kept)} published fact-check(s): {ratings_seen}", sources=tuple(kept))


@hookimpl
def register_verifiers(register: Any) -> None:
    register(FactCheckSearch())
