"""The claim record: frozen attrs classes, one per part of a claim file (docs/format.md).

Validation lives in the classes (attrs validators), so a record built in code is checked the
same way as one read from YAML. Reading and writing go through the one converter in
``claimcheck.convert``.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from claimcheck.errors import FieldError


class Status(enum.StrEnum):
    """A claim's resolved status."""

    UNCHECKED = "unchecked"
    SUPPORTED = "supported"
    REFUTED = "refuted"
    CONFLICTING = "conflicting"
    NOT_ENOUGH_EVIDENCE = "not-enough-evidence"


class VerdictStatus(enum.StrEnum):
    """What one verifier concluded. ``error`` and ``skipped`` say it could not conclude."""

    SUPPORTED = "supported"
    REFUTED = "refuted"
    CONFLICTING = "conflicting"
    NOT_ENOUGH_EVIDENCE = "not-enough-evidence"
    ERROR = "error"
    SKIPPED = "skipped"


class Stance(enum.StrEnum):
    """What one source says about the claim."""

    SUPPORTS = "supports"
    REFUTES = "refutes"
    INCONCLUSIVE = "inconclusive"
    NO_FIGURE = "no-figure"
    UNRELATED = "unrelated"


def _confidence(instance: Any, attribute: attrs.Attribute, value: float | None) -> None:
    if value is not None and not 0.0 <= value <= 1.0:
        raise FieldError(attribute.name, f"must be a number between 0 and 1, got {value}")


def _not_blank(instance: Any, attribute: attrs.Attribute, value: str) -> None:
    if not value.strip():
        raise FieldError(attribute.name, "must not be empty")


def _opt_str(instance: Any, attribute: attrs.Attribute, value: str | None) -> None:
    # One function rather than attrs' optional(instance_of(str)), two calls deep: records are
    # made by the thousand in a verify run, each with a dozen such fields.
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{attribute.name!r} must be text or None, got {value!r} ({type(value).__name__})")


@attrs.frozen
class Link:
    """Where a claim appeared: a page with a title and a publisher."""

    url: str | None = attrs.field(default=None, validator=_opt_str)
    title: str | None = attrs.field(default=None, validator=_opt_str)
    publisher: str | None = attrs.field(default=None, validator=_opt_str)


@attrs.frozen
class Source:
    """A piece of evidence: a page or a local document and the passage that bears on the claim."""

    url: str | None = attrs.field(default=None, validator=_opt_str)
    title: str | None = attrs.field(default=None, validator=_opt_str)
    publisher: str | None = attrs.field(default=None, validator=_opt_str)
    published: dt.date | None = None
    excerpt: str | None = attrs.field(default=None, validator=_opt_str)
    archived: str | None = attrs.field(default=None, validator=_opt_str)
    stance: Stance | None = None
    #: who gave the stance: ``person`` or a verifier's name. A stance without it on a source a
    #: person added is a person's reading, and verifiers never overwrite a person's reading.
    stance_by: str | None = attrs.field(default=None, validator=_opt_str)
    added_by: str | None = attrs.field(default=None, validator=_opt_str)
    #: a published fact-check's own rating ("False", "Mostly true"), when the source is one
    rating: str | None = attrs.field(default=None, validator=_opt_str)
    #: what the link checker last saw: HTTP status and the URL after redirects
    http_status: int | None = None
    final_url: str | None = attrs.field(default=None, validator=_opt_str)

    @property
    def person_stance(self) -> bool:
        """True when the stance is a person's reading (never overwritten by a verifier): given
        with ``stance_by: person``, or without ``stance_by`` on a source a person added."""
        if self.stance is None:
            return False
        if self.stance_by is not None:
            return self.stance_by == "person"
        return self.added_by in (None, "person")


@attrs.frozen
class Verdict:
    """One verifier's conclusion about a claim.

    ``sources`` are the sources the verifier consulted or added, with their stance and excerpt;
    the engine merges them into the claim's ``sources`` and does not store them in the verdict.
    """

    status: VerdictStatus
    confidence: float | None = attrs.field(default=None, validator=_confidence)
    note: str | None = attrs.field(default=None, validator=_opt_str)
    checked: dt.datetime | None = None
    version: str | None = attrs.field(default=None, validator=_opt_str)
    #: a short hash of the claim content the verdict was reached on (written by the engine);
    #: when the claim changes, the verdict is stale
    claim_hash: str | None = attrs.field(default=None, validator=_opt_str)
    sources: tuple[Source, ...] = ()


@attrs.frozen
class Review:
    """A person's editorial decision. It overrides every verifier."""

    status: Status
    by: str | None = attrs.field(default=None, validator=_opt_str)
    date: dt.date | None = None
    note: str | None = attrs.field(default=None, validator=_opt_str)


@attrs.frozen(kw_only=True)
class Claim:
    """One checkable claim: the content of ``claims/<collection>/<id>.yaml``."""

    id: str | None = attrs.field(default=None, validator=_opt_str)
    claim: str = attrs.field(validator=[attrs.validators.instance_of(str), _not_blank])
    figure: str | None = attrs.field(default=None, validator=_opt_str)
    measure: str | None = attrs.field(default=None, validator=_opt_str)
    quote: str | None = attrs.field(default=None, validator=_opt_str)
    claimant: str | None = attrs.field(default=None, validator=_opt_str)
    date: dt.date | None = None
    appeared_in: Link | None = None
    tags: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    verdicts: dict[str, Verdict] = attrs.field(factory=dict)
    review: Review | None = None
    status: Status = Status.UNCHECKED
    confidence: float | None = attrs.field(default=None, validator=_confidence)
    notes: str | None = attrs.field(default=None, validator=_opt_str)
    extra: dict[str, Any] = attrs.field(factory=dict)

    @property
    def text(self) -> str:
        """The claim sentence (``claim``), under a name that reads well in plugins."""
        return self.claim


#: The keys of a claim file, in the order claimcheck writes them.
CLAIM_KEYS: tuple[str, ...] = tuple(a.name for a in attrs.fields(Claim))
#: The keys a verifier run owns; people own the rest.
MACHINE_KEYS: frozenset[str] = frozenset({"verdicts", "status", "confidence"})
