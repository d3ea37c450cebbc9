"""The verification report: what a fact-checker hands to an editor, as one immutable model.

Every report format (Markdown, HTML, JSON, CSV, ClaimReview, a newsroom's house format) renders
the same ``Report``, so they agree on what is in it: the claims that matched the filters, in a
fixed order, each with its resolved status, who or what decided it, the verifiers' verdicts and
the sources with the passages they rest on; and a summary of counts per status.

The model is built from plain record data (a claim file's mapping, or the JSON the index keeps),
not from validated ``Claim`` objects only, so a status from a plugin's own vocabulary passes
through as-is: it is shown as written and counted under ``"other"`` in the summary.

Determinism: the same records always give the same report. Claims are ordered by collection,
then id; verdicts by verifier name; sources keep the order the record gives them. The one part
that changes from run to run is ``generated_at`` (fix it with ``SOURCE_DATE_EPOCH``).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import os
import re
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Callable, Iterable

import attrs

if TYPE_CHECKING:
    from claimcheck.model import Claim
    from claimcheck.store import Query, Store

#: The version of the report's JSON form (claimcheck/report.schema.json). The minor number goes
#: up when fields are added, the major one when a field changes meaning or goes away.
SCHEMA_VERSION = "1.0"

#: The built-in statuses, in the order reports list them.
STATUS_ORDER: tuple[str, ...] = ("supported", "refuted", "conflicting", "not-enough-evidence", "unchecked")
#: The summary bucket for statuses outside the built-in vocabulary (a plugin's own).
OTHER = "other"

STATUS_LABELS: dict[str, str] = {
    "supported": "Supported",
    "refuted": "Refuted",
    "conflicting": "Conflicting",
    "not-enough-evidence": "Not enough evidence",
    "unchecked": "Unchecked",
    OTHER: "Other",
}

#: ids the HTML page uses for its own parts; a claim whose id is one of them gets a suffix.
RESERVED_ANCHORS = frozenset({"cc-summary", "cc-claims", "cc-controls", "cc-table", "cc-empty", "cc-count", "cc-top"})


def status_label(status: str) -> str:
    """How a status reads in a report: ``"Not enough evidence"``; unknown statuses as written."""
    return STATUS_LABELS.get(status, status)


def format_confidence(value: float | None) -> str:
    """Confidence as the CLI shows it (``0.86``), or an empty string."""
    return "" if value is None else f"{value:.2f}"


_WEB = re.compile(r"https?://\S+\Z", re.IGNORECASE)


def _is_web(url: str | None) -> bool:
    # Only http(s) addresses become links: a `javascript:` URL in a record must stay text.
    return bool(url) and _WEB.match(url) is not None


@attrs.frozen
class ReportLink:
    """Where a claim appeared."""

    url: str | None = None
    title: str | None = None
    publisher: str | None = None

    @property
    def is_web(self) -> bool:
        return _is_web(self.url)


@attrs.frozen
class ReportSource:
    """One piece of evidence, as the record gives it."""

    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    excerpt: str | None = None
    archived: str | None = None
    stance: str | None = None
    added_by: str | None = None
    rating: str | None = None
    http_status: int | None = None
    final_url: str | None = None

    @property
    def is_web(self) -> bool:
        """True when ``url`` is an http(s) address (else a local document, or nothing)."""
        return _is_web(self.url)

    @property
    def archived_is_web(self) -> bool:
        return _is_web(self.archived)

    @property
    def dead(self) -> bool:
        """The link checker found the page gone (HTTP 4xx/5xx)."""
        return self.http_status is not None and self.http_status >= 400

    @property
    def label(self) -> str:
        """A title to show: the title, else the publisher, else the address."""
        return self.title or self.publisher or self.url or "(untitled source)"


@attrs.frozen
class ReportVerdict:
    """One verifier's verdict."""

    verifier: str
    status: str
    confidence: float | None = None
    note: str | None = None
    checked: str | None = None
    version: str | None = None


@attrs.frozen
class ReportReview:
    """A person's editorial decision."""

    status: str
    by: str | None = None
    date: str | None = None
    note: str | None = None


@attrs.frozen
class Decision:
    """Who or what decided a claim's status.

    ``kind`` is ``review`` (a person), ``verifiers`` (resolved from verdicts), ``record`` (the
    status was written in the file without either) or ``none`` (not checked yet).
    """

    kind: str
    by: str | None = None
    date: str | None = None

    @property
    def text(self) -> str:
        if self.kind == "review":
            who = self.by or "an editor"
            return f"Editorial review by {who}" + (f" ({self.date})" if self.date else "")
        if self.kind == "verifiers":
            return f"Resolved from the verdicts of {self.by}"
        if self.kind == "record":
            return "Status as written in the claim file"
        return "Not checked yet"


@attrs.frozen
class ReportClaim:
    """One claim as reports show it. Text fields are exactly as in the record (formats escape)."""

    id: str
    anchor: str
    collection: str
    path: str | None
    claim: str
    status: str
    confidence: float | None = None
    figure: str | None = None
    measure: str | None = None
    quote: str | None = None
    claimant: str | None = None
    date: str | None = None
    appeared_in: ReportLink | None = None
    tags: tuple[str, ...] = ()
    decided_by: Decision = Decision("none")
    review: ReportReview | None = None
    verdicts: tuple[ReportVerdict, ...] = ()
    sources: tuple[ReportSource, ...] = ()
    notes: str | None = None

    @property
    def known_status(self) -> bool:
        """False for a status outside the built-in vocabulary."""
        return self.status in STATUS_ORDER

    @property
    def summary_status(self) -> str:
        """The summary bucket: the status itself, or ``"other"``."""
        return self.status if self.known_status else OTHER

    @property
    def status_label(self) -> str:
        return status_label(self.status)

    @property
    def confidence_text(self) -> str:
        return format_confidence(self.confidence)

    def short(self, limit: int = 160) -> str:
        """The claim on one line, cut at a word boundary near ``limit`` characters."""
        text = " ".join(self.claim.split())
        if len(text) <= limit:
            return text
        cut = text[:limit]
        space = cut.rfind(" ")
        return (cut[:space] if space > limit * 0.6 else cut).rstrip(" ,;:") + "…"


@attrs.frozen
class Summary:
    """Counts per status: every built-in status (zeros too), then ``other``."""

    total: int
    counts: tuple[tuple[str, int], ...]
    #: the statuses counted under ``other``, each with its count, sorted by name
    other: tuple[tuple[str, int], ...] = ()

    def count(self, status: str) -> int:
        return dict(self.counts).get(status, 0)

    @property
    def rows(self) -> tuple[tuple[str, int], ...]:
        """The counts to show: built-in statuses always, ``other`` only when there are some."""
        return tuple((s, n) for s, n in self.counts if s != OTHER or n)

    def share(self, status: str) -> float:
        return self.count(status) / self.total if self.total else 0.0

    @classmethod
    def of(cls, claims: Iterable[ReportClaim]) -> "Summary":
        counts = dict.fromkeys((*STATUS_ORDER, OTHER), 0)
        other: dict[str, int] = {}
        total = 0
        for c in claims:
            total += 1
            counts[c.summary_status] += 1
            if not c.known_status:
                other[c.status] = other.get(c.status, 0) + 1
        return cls(total, tuple(counts.items()), tuple(sorted(other.items())))


@attrs.frozen
class Filters:
    """What the report was narrowed to (empty: everything)."""

    collection: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    tag: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.collection or self.status or self.tag)

    @property
    def text(self) -> str:
        """``collection belarus-2022; status refuted or conflicting; tags belarus and un``."""
        parts = []
        if self.collection:
            parts.append("collection " + " or ".join(self.collection))
        if self.status:
            parts.append("status " + " or ".join(self.status))
        if self.tag:
            parts.append(("tags " if len(self.tag) > 1 else "tag ") + " and ".join(self.tag))
        return "; ".join(parts)


def _default_generated_at() -> dt.datetime:
    """Now, or ``SOURCE_DATE_EPOCH`` when set (the reproducible-builds convention)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


@attrs.frozen
class Report:
    """A verification report: summary and claims. Build it with ``Report.build`` or
    ``Report.from_store``; render it with a report format."""

    title: str
    generated_at: dt.datetime
    claims: tuple[ReportClaim, ...]
    summary: Summary
    filters: Filters = Filters()
    #: the claimcheck version that made the report
    generator: str = ""

    schema_version = SCHEMA_VERSION

    # -- building -------------------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        claims: Iterable["Claim | Mapping[str, Any]"],
        *,
        title: str | None = None,
        generated_at: dt.datetime | None = None,
        filters: Filters = Filters(),
    ) -> "Report":
        """A report of ``claims``: ``Claim`` objects or record mappings (a claim file's keys, plus
        optional ``collection`` and ``path``, as the index and ``list --format json`` give them)."""
        from claimcheck import __version__

        items = [_report_claim(_as_data(c)) for c in claims]
        items.sort(key=lambda c: (c.collection, c.id, c.path or ""))
        items = _with_unique_anchors(items)
        when = generated_at or _default_generated_at()
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.timezone.utc)
        return cls(
            title=title or "Verification report",
            generated_at=when.astimezone(dt.timezone.utc),
            claims=tuple(items),
            summary=Summary.of(items),
            filters=filters,
            generator=f"claimcheck {__version__}",
        )

    @classmethod
    def from_store(
        cls,
        store: "Store",
        query: "Query | None" = None,
        *,
        title: str | None = None,
        generated_at: dt.datetime | None = None,
    ) -> "Report":
        """A report of the valid claims in ``store`` matching ``query`` (call ``store.scan()``
        first). Reads the records the index already holds as JSON: no YAML is parsed again."""
        from claimcheck.store import Query

        query = query or Query()
        rows = store.rows(query, full=True)  # with each record's JSON
        filters = Filters(tuple(query.collection), tuple(query.status), tuple(query.tag))
        return cls.build((json.loads(r.record_json) for r in rows), title=title, generated_at=generated_at, filters=filters)

    # -- reading --------------------------------------------------------------------------------

    @staticmethod
    def label(status: str) -> str:
        """How a status reads: ``"Not enough evidence"``; a status outside the vocabulary as is."""
        return status_label(status)

    @property
    def is_empty(self) -> bool:
        return not self.claims

    @property
    def generated_at_text(self) -> str:
        """``2026-11-25T22:08:19Z``"""
        return self.generated_at.strftime("%Y-%m-%dT%H:%M:%SZ")

    @property
    def tags(self) -> tuple[str, ...]:
        """Every tag used by the report's claims, sorted."""
        return tuple(sorted({t for c in self.claims for t in c.tags}))

    @property
    def statuses(self) -> tuple[str, ...]:
        """The statuses present: built-in ones in report order, then the others sorted."""
        present = {c.status for c in self.claims}
        return tuple(s for s in STATUS_ORDER if s in present) + tuple(sorted(present - set(STATUS_ORDER)))

    @property
    def empty_message(self) -> str:
        """What a report with no claims says."""
        if self.filters.active:
            return f"No claims match the filters ({self.filters.text})."
        return "This project has no claims yet."

    def to_data(self) -> dict[str, Any]:
        """The JSON form (claimcheck/report.schema.json): plain data, keys in a fixed order."""
        return {
            "schema": "claimcheck-report",
            "schema_version": SCHEMA_VERSION,
            "title": self.title,
            "generated_at": self.generated_at_text,
            "generator": self.generator,
            "filters": {"collection": list(self.filters.collection), "status": list(self.filters.status), "tag": list(self.filters.tag)},
            "summary": {
                "total": self.summary.total,
                "counts": dict(self.summary.counts),
                "other_statuses": dict(self.summary.other),
            },
            "claims": [_claim_data(c) for c in self.claims],
        }

    def to_json(self) -> str:
        """The JSON form as text: two-space indent, UTF-8 characters as themselves, final newline."""
        return json.dumps(self.to_data(), ensure_ascii=False, indent=2) + "\n"


def _stderr_note(message: str) -> None:
    print(f"note: {message}", file=sys.stderr)


@attrs.frozen
class RenderOptions:
    """What a report format gets besides the report.

    ``settings`` is the ``[report]`` table of ``claimcheck.toml`` (a house format reads its own
    keys from it, e.g. ``[report.house]``); ``html_snippet`` asks a JSON-LD format for
    ``<script>`` blocks; ``note`` tells the user something on stderr without failing.
    """

    settings: Mapping[str, Any] = attrs.field(factory=dict)
    html_snippet: bool = False
    note: Callable[[str], None] = _stderr_note


# -- plain record data -> report model ------------------------------------------------------------


def _as_data(item: Any) -> dict[str, Any]:
    if isinstance(item, Mapping):
        return dict(item)
    if attrs.has(type(item)):
        data = attrs.asdict(item, recurse=True, value_serializer=_plain_value)
        return data
    raise TypeError(f"a report is built from Claim objects or record mappings, not {type(item).__name__}")


def _plain_value(instance: Any, field: Any, value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value


def _text(value: Any) -> str | None:
    if type(value) is str:  # the usual case, kept quick: 10,000 claims have ~500,000 fields
        return value if value and not value.isspace() else None
    if value is None:
        return None
    if isinstance(value, enum.Enum):
        value = value.value
    text = str(value)
    return text if text.strip() else None


def _date_text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return _datetime_text(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return _date_string(str(value).strip())


@functools.lru_cache(maxsize=4096)
def _date_string(text: str) -> str:
    """A date or time read from text; a time normalised to ``2026-11-25T21:40:00Z`` (a run of
    verifiers writes the same few times into thousands of verdicts, hence the cache)."""
    if len(text) > 10:
        try:
            return _datetime_text(dt.datetime.fromisoformat(text.replace("Z", "+00:00")))
        except ValueError:
            return text
    return text


def _datetime_text(value: dt.datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if type(value) is dict or isinstance(value, Mapping) else {}


def _report_claim(data: Mapping[str, Any]) -> ReportClaim:
    path = _text(data.get("path"))
    claim_id = _text(data.get("id")) or (path.rsplit("/", 1)[-1].rsplit(".", 1)[0] if path else None) or "claim"
    review = None
    if isinstance(data.get("review"), Mapping) and data["review"].get("status"):
        r = data["review"]
        review = ReportReview(_text(r.get("status")) or "", _text(r.get("by")), _date_text(r.get("date")), _text(r.get("note")))
    verdicts = tuple(
        ReportVerdict(
            verifier=str(name),
            status=_text(v.get("status")) or "",
            confidence=_number(v.get("confidence")),
            note=_text(v.get("note")),
            checked=_date_text(v.get("checked")),
            version=_text(v.get("version")),
        )
        for name, v in sorted(_mapping(data.get("verdicts")).items(), key=lambda kv: str(kv[0]))
        if isinstance(v, Mapping)
    )
    sources = tuple(
        ReportSource(
            url=_text(s.get("url")),
            title=_text(s.get("title")),
            publisher=_text(s.get("publisher")),
            published=_date_text(s.get("published")),
            excerpt=_text(s.get("excerpt")),
            archived=_text(s.get("archived")),
            stance=_text(s.get("stance")),
            added_by=_text(s.get("added_by")),
            rating=_text(s.get("rating")),
            http_status=_int(s.get("http_status")),
            final_url=_text(s.get("final_url")),
        )
        for s in data.get("sources") or ()
        if type(s) is dict or isinstance(s, Mapping)
    )
    appeared = data.get("appeared_in")
    link = None
    if isinstance(appeared, Mapping) and any(appeared.get(k) for k in ("url", "title", "publisher")):
        link = ReportLink(_text(appeared.get("url")), _text(appeared.get("title")), _text(appeared.get("publisher")))
    status = _text(data.get("status")) or "unchecked"
    return ReportClaim(
        id=claim_id,
        anchor=_anchor(claim_id),
        collection=_text(data.get("collection")) or "",
        path=path,
        claim=_text(data.get("claim")) or "",
        status=status,
        confidence=_number(data.get("confidence")),
        figure=_text(data.get("figure")),
        measure=_text(data.get("measure")),
        quote=_text(data.get("quote")),
        claimant=_text(data.get("claimant")),
        date=_date_text(data.get("date")),
        appeared_in=link,
        tags=tuple(str(t) for t in data.get("tags") or ()),
        decided_by=_decision(status, review, verdicts),
        review=review,
        verdicts=verdicts,
        sources=sources,
        notes=_text(data.get("notes")),
    )


def _decision(status: str, review: ReportReview | None, verdicts: tuple[ReportVerdict, ...]) -> Decision:
    if review is not None:
        return Decision("review", review.by, review.date)
    if verdicts:
        return Decision("verifiers", ", ".join(v.verifier for v in verdicts))
    if status != "unchecked":
        return Decision("record")
    return Decision("none")


def _anchor(claim_id: str) -> str:
    # An HTML id may hold anything but whitespace; ids are file names, so keep them readable.
    return re.sub(r"\s+", "-", claim_id.strip()) or "claim"


def _with_unique_anchors(items: list[ReportClaim]) -> list[ReportClaim]:
    """Give claims that share an id (in different collections) distinct anchors, in order."""
    seen: set[str] = set(RESERVED_ANCHORS)
    out = []
    for c in items:
        anchor, n = c.anchor, 1
        while anchor in seen:
            n += 1
            anchor = f"{c.anchor}-{n}"
        seen.add(anchor)
        out.append(c if anchor == c.anchor else attrs.evolve(c, anchor=anchor))
    return out


def _claim_data(c: ReportClaim) -> dict[str, Any]:
    return {
        "id": c.id,
        "anchor": c.anchor,
        "collection": c.collection,
        "path": c.path,
        "status": c.status,
        "summary_status": c.summary_status,
        "confidence": c.confidence,
        "claim": c.claim,
        "figure": c.figure,
        "measure": c.measure,
        "quote": c.quote,
        "claimant": c.claimant,
        "date": c.date,
        "appeared_in": attrs.asdict(c.appeared_in) if c.appeared_in else None,
        "tags": list(c.tags),
        "decided_by": {"kind": c.decided_by.kind, "by": c.decided_by.by, "date": c.decided_by.date, "text": c.decided_by.text},
        "review": attrs.asdict(c.review) if c.review else None,
        "verdicts": [attrs.asdict(v) for v in c.verdicts],
        "sources": [attrs.asdict(s) for s in c.sources],
        "notes": c.notes,
    }
