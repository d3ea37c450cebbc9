"""The ClaimReview report format: schema.org ``ClaimReview`` JSON-LD, one object per claim.

This is the markup fact-check publishers embed in their pages so search engines and the Google
Fact Check Explorer show the verdict. Settings come from the ``[report]`` table of
``claimcheck.toml`` (docs/reports.md)::

    [report]
    base_url = "https://desk.example.org/checks/belarus-2022.html"   # where the HTML report lives
    organisation = "Example Fact-Check Desk"
    organisation_url = "https://desk.example.org/"                     # optional

    [report.rating]          # optional: the scale, these are the defaults
    worst = 1
    best = 5
    [report.rating.values]
    refuted = 1
    conflicting = 2
    not-enough-evidence = 3
    supported = 5
    [report.rating.names]    # optional: the textual rating (alternateName) per status
    refuted = "False"

Claims still ``unchecked`` have no verdict to publish: they are left out, with a note.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Mapping
from urllib.parse import quote, urldefrag

from claimcheck import hookimpl

if TYPE_CHECKING:  # the report model is imported when a report is made, not on every CLI start
    from claimcheck import RenderOptions, Report

DEFAULT_WORST = 1
DEFAULT_BEST = 5
DEFAULT_VALUES = {"refuted": 1, "conflicting": 2, "not-enough-evidence": 3, "supported": 5}
DEFAULT_NAMES = {
    "supported": "Supported",
    "refuted": "Refuted",
    "conflicting": "Conflicting evidence",
    "not-enough-evidence": "Not enough evidence",
}


class RatingScale:
    """The numeric scale and the textual ratings, read and checked from ``[report.rating]``."""

    def __init__(self, settings: Mapping[str, Any]):
        table = settings.get("rating", {})
        if not isinstance(table, Mapping):
            raise ValueError("[report] rating in claimcheck.toml must be a table ([report.rating])")
        self.worst = _whole(table.get("worst", DEFAULT_WORST), "worst")
        self.best = _whole(table.get("best", DEFAULT_BEST), "best")
        if self.worst >= self.best:
            raise ValueError(f"[report.rating] worst ({self.worst}) must be below best ({self.best})")
        values = {**DEFAULT_VALUES, **_table(table, "values")}
        self.values: dict[str, int | None] = {}
        for status, value in values.items():
            if value is False or value == "":
                self.values[status] = None  # `supported = false`: text rating only, no number
                continue
            number = _whole(value, f"values.{status}")
            if not self.worst <= number <= self.best:
                raise ValueError(f"[report.rating.values] {status} = {number} is outside the scale "
                                 f"{self.worst}-{self.best}")
            self.values[status] = number
        self.names = {**DEFAULT_NAMES, **{k: str(v) for k, v in _table(table, "names").items()}}

    def rating(self, status: str) -> dict[str, Any]:
        """The ``reviewRating`` for a status: alternateName always, numbers when the scale has one."""
        out: dict[str, Any] = {"@type": "Rating"}
        value = self.values.get(status)
        if value is not None:
            out.update(ratingValue=value, bestRating=self.best, worstRating=self.worst)
        out["alternateName"] = self.names.get(status, status)
        return out


def _whole(value: Any, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"[report.rating] {key} must be a whole number, got {value!r}")
    return value


def _table(table: Mapping[str, Any], key: str) -> dict[str, Any]:
    value = table.get(key, {})
    if not isinstance(value, Mapping):
        raise ValueError(f"[report.rating.{key}] in claimcheck.toml must be a table")
    return dict(value)


def _setting(settings: Mapping[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = settings.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def claim_reviews(report: Report, options: RenderOptions) -> list[dict[str, Any]]:
    """One ClaimReview object per checked claim of the report."""
    settings = options.settings
    scale = RatingScale(settings)
    checked = [c for c in report.claims if c.status != "unchecked"]
    left_out = [c.id for c in report.claims if c.status == "unchecked"]
    if left_out:
        shown = ", ".join(left_out[:10]) + (f" and {len(left_out) - 10} more" if len(left_out) > 10 else "")
        options.note(f"{len(left_out)} unchecked claim{'s' if len(left_out) != 1 else ''} left out of the "
                     f"ClaimReview markup (nothing to publish yet): {shown}")
    if not checked:
        return []
    base_url = _setting(settings, "base_url")
    if base_url is None:
        raise ValueError("ClaimReview needs the address where the report is published: set base_url in the "
                         "[report] table of claimcheck.toml, e.g. base_url = \"https://example.org/checks/report.html\"")
    base_url = urldefrag(base_url)[0]
    organisation = _setting(settings, "organisation", "organization")
    if organisation is None:
        options.note("no organisation in the [report] table of claimcheck.toml: ClaimReview objects have no author")
    author: dict[str, Any] | None = None
    if organisation:
        author = {"@type": "Organization", "name": organisation}
        org_url = _setting(settings, "organisation_url", "organization_url")
        if org_url:
            author["url"] = org_url
    out = []
    for c in checked:
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{base_url}#{quote(c.anchor, safe='')}",
            "claimReviewed": c.claim,
        }
        if author:
            review["author"] = author
        published = _date_published(c)
        if published:
            review["datePublished"] = published
        review["itemReviewed"] = _item_reviewed(c)
        review["reviewRating"] = scale.rating(c.status)
        out.append(review)
    return out


def _date_published(c: Any) -> str | None:
    """When the verdict was reached: the review's date, else the latest verdict's day."""
    if c.review is not None and c.review.date:
        return c.review.date[:10]
    days = sorted(v.checked[:10] for v in c.verdicts if v.checked)
    return days[-1] if days else None


def _item_reviewed(c: Any) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim"}
    link = c.appeared_in
    if c.claimant:
        # The claimant is an organisation when it is the publication the claim appeared in
        # (an outlet's own reporting); otherwise a person said it.
        is_outlet = link is not None and link.publisher and link.publisher.casefold() == c.claimant.casefold()
        item["author"] = {"@type": "Organization" if is_outlet else "Person", "name": c.claimant}
    if c.date:
        item["datePublished"] = c.date
    if link is not None and link.is_web:
        work: dict[str, Any] = {"@type": "CreativeWork", "url": link.url}
        if link.title:
            work["headline"] = link.title
        if link.publisher:
            work["publisher"] = {"@type": "Organization", "name": link.publisher}
        item["appearance"] = work
        item["firstAppearance"] = work
    return item


def script_safe_json(data: Any) -> str:
    """JSON that can sit inside ``<script>``: ``<``, ``>`` and ``&`` written as ``\\u`` escapes, so
    ``</script>`` or ``<!--`` in a claim cannot end the block; U+2028/2029 escaped for old parsers."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


class ClaimReviewFormat:
    name = "claimreview"
    description = "schema.org ClaimReview JSON-LD, one object per checked claim (--html-snippet for <script> blocks)"
    extension = "jsonld"

    def render(self, report: Report, options: RenderOptions) -> str:
        reviews = claim_reviews(report, options)
        if options.html_snippet:
            return "".join(f'<script type="application/ld+json">\n{script_safe_json(r)}\n</script>\n' for r in reviews)
        return json.dumps(reviews, ensure_ascii=False, indent=2) + "\n"


@hookimpl
def register_report_formats(register) -> None:
    register(ClaimReviewFormat())
