"""Comparing figures: a found figure against a claimed one (contract, sections 3 and 4).

Every figure is an interval with a unit. ``compare`` brings the found (source) figure into the
claimed figure's unit, then decides by the intervals alone:

- source inside claim -> supports
- source bounded and narrow (width at most 25% of its midpoint) and claim inside source -> supports
- disjoint -> refutes
- any other overlap -> inconclusive
- another unit family (or money without an exchange rate) -> no-figure

Two ends count as equal when they differ by at most 0.5% of the larger one, whatever their
openness (``at least 800`` sits inside ``more than 800``); calendar years and ordinals get no
tolerance and keep their openness.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from claimcheck.quantities.convert import (
    STRICT_UNITS,
    NotComparable,
    convert_ends,
    convert_value,
    family,
    is_currency,
)
from claimcheck.quantities.model import Quantity, Stance, StanceKind

if TYPE_CHECKING:
    from claimcheck.model import Status

END_TOLERANCE = 0.005  # two ends within 0.5% of the larger one count as equal
NARROW_WIDTH = 0.25  # a bounded source at most this wide (of its midpoint) may support a claim inside it
CURRENCY_SPREAD = 0.02  # consistent(): extra room for the spread of daily exchange rates

# Float noise from unit conversion must not flip a ratio that sits exactly on a threshold.
_EPSILON = 1e-9


@attrs.frozen
class Interval:
    """An interval on the real line; an unbounded end is an infinity (and open)."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    @classmethod
    def of(cls, low: float | None, high: float | None, low_open: bool, high_open: bool) -> Interval:
        return cls(
            -math.inf if low is None else float(low),
            math.inf if high is None else float(high),
            low_open or low is None,
            high_open or high is None,
        )

    @property
    def bounded(self) -> bool:
        return math.isfinite(self.low) and math.isfinite(self.high)

    def relative_width(self) -> float:
        """Width over the midpoint (infinite for an unbounded or zero-centred interval)."""
        if not self.bounded:
            return math.inf
        width = self.high - self.low
        middle = abs(self.low + self.high) / 2
        if middle == 0:
            return 0.0 if width == 0 else math.inf
        return width / middle

    def __str__(self) -> str:
        if self.low == self.high and not (self.low_open or self.high_open):
            return _number(self.low)
        return (
            f"{'(' if self.low_open else '['}{_number(self.low)}, "
            f"{_number(self.high)}{')' if self.high_open else ']'}"
        )


class _Ends:
    """End comparisons with the contract's tolerance, and a note of when it was needed."""

    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.used_tolerance = False

    def equal(self, a: float, b: float) -> bool:
        if a == b:
            return True
        if self.strict or not (math.isfinite(a) and math.isfinite(b)):
            return False
        difference, larger = abs(a - b), max(abs(a), abs(b))
        if difference <= END_TOLERANCE * larger * (1 + _EPSILON):
            # Worth a word in the reason only when it is more than conversion noise.
            self.used_tolerance = self.used_tolerance or difference > _EPSILON * larger
            return True
        return False

    def inside(self, inner: Interval, outer: Interval) -> bool:
        return self._low_within(inner, outer) and self._high_within(inner, outer)

    def _low_within(self, inner: Interval, outer: Interval) -> bool:
        if inner.low > outer.low:
            return True
        if self.equal(inner.low, outer.low):
            # Tolerant ends are equal whatever their openness; strict ones keep it.
            return not (self.strict and outer.low_open and not inner.low_open)
        return False

    def _high_within(self, inner: Interval, outer: Interval) -> bool:
        if inner.high < outer.high:
            return True
        if self.equal(inner.high, outer.high):
            return not (self.strict and outer.high_open and not inner.high_open)
        return False

    def disjoint(self, a: Interval, b: Interval) -> bool:
        return self._below(a.high, a.high_open, b.low, b.low_open) or self._below(
            b.high, b.high_open, a.low, a.low_open
        )

    def _below(self, high: float, high_open: bool, low: float, low_open: bool) -> bool:
        """Does an interval ending at ``high`` end before one starting at ``low`` begins?"""
        if self.equal(high, low):
            return self.strict and (high_open or low_open)
        return high < low


def compare(claimed: Quantity, found: Quantity, *, on: dt.date | None = None) -> Stance:
    """The stance a found figure takes on a claimed one (contract, section 3).

    ``on`` is the day whose ECB reference rates convert money (the claim's date, else the
    source's; ``None`` uses the latest rates in the shipped data). The found figure is
    converted into the claimed figure's unit. The reason names both figures by their words:
    "source: 36,000 lies inside claim: more than 35,000".
    """
    claim_words, source_words = _words(claimed), _words(found)
    try:
        low, high, conversion = convert_ends(found.low, found.high, found.unit, claimed.unit, on=on)
    except NotComparable as error:
        return Stance(
            StanceKind.NO_FIGURE,
            f"source: {source_words} is not the claim's measure ({error}); claim: {claim_words}",
        )
    claim = _interval(claimed)
    source = Interval.of(low, high, found.low_open, found.high_open)
    if conversion.note:
        rate = f" at the ECB rate of {conversion.rate_day}" if conversion.rate_day else ""
        source_words = f"{source_words} (= {source} {claimed.unit}{rate})"

    ends = _Ends(strict=claimed.unit in STRICT_UNITS)
    if ends.inside(source, claim):
        note = " (within the 0.5% end tolerance)" if ends.used_tolerance else ""
        return Stance(StanceKind.SUPPORTS, f"source: {source_words} lies inside claim: {claim_words}{note}")

    ends = _Ends(strict=ends.strict)
    width = source.relative_width()
    contains_claim = ends.inside(claim, source)
    if contains_claim and width <= NARROW_WIDTH * (1 + _EPSILON):
        return Stance(
            StanceKind.SUPPORTS,
            f"source: {source_words} is narrow (width {_percent(width)} of its midpoint) "
            f"and contains claim: {claim_words}",
        )
    if ends.disjoint(source, claim):
        return Stance(StanceKind.REFUTES, f"source: {source_words} is disjoint from claim: {claim_words}")
    if contains_claim:
        how = "unbounded" if not source.bounded else f"width {_percent(width)} of its midpoint"
        return Stance(
            StanceKind.INCONCLUSIVE,
            f"source: {source_words} contains claim: {claim_words} but is not narrow ({how})",
        )
    return Stance(
        StanceKind.INCONCLUSIVE,
        f"source: {source_words} overlaps claim: {claim_words}, neither contains the other",
    )


def consistent(a: Quantity, b: Quantity, *, on: dt.date | None = None) -> bool | None:
    """Is one figure stated in two units consistent: "14km (8.7 miles)", "65,000 euros ($72,000)"?

    True when the first figure's value, converted into the second's unit, lies inside the
    second's interval (with the 0.5% end tolerance, and 2% more on each end when two
    currencies are converted, for the spread of daily rates). ``None`` when the two cannot be
    compared: other unit families, a currency without an ECB rate, or no value to convert.
    """
    point = _representative(a)
    if point is None:
        return None
    try:
        converted = convert_value(point, a.unit, b.unit, on=on)
    except NotComparable:
        return None
    target = _interval(b)
    if is_currency(a.unit) and a.unit != b.unit:
        target = Interval(
            target.low - CURRENCY_SPREAD * abs(target.low),
            target.high + CURRENCY_SPREAD * abs(target.high),
            target.low_open,
            target.high_open,
        )
    return _Ends(strict=b.unit in STRICT_UNITS).inside(Interval(converted, converted), target)


def status_from_stances(stances: Iterable[Stance | StanceKind | str | Any]) -> Status:
    """A claim's status from the stances of its sources (contract, section 4).

    Supported when some source supports and none refutes, refuted for the reverse,
    conflicting when both happen, else not-enough-evidence (no source, or only inconclusive,
    no-figure or unrelated ones). Takes ``Stance`` objects or their kinds (strings or enums).
    """
    from claimcheck.model import Status

    kinds = {_kind(stance) for stance in stances}
    supports = StanceKind.SUPPORTS.value in kinds
    refutes = StanceKind.REFUTES.value in kinds
    if supports and refutes:
        return Status.CONFLICTING
    if supports:
        return Status.SUPPORTED
    if refutes:
        return Status.REFUTED
    return Status.NOT_ENOUGH_EVIDENCE


def _kind(stance: Any) -> str:
    kind = getattr(stance, "kind", stance)
    return str(getattr(kind, "value", kind))


def _interval(q: Quantity) -> Interval:
    return Interval.of(q.low, q.high, q.low_open, q.high_open)


def _representative(q: Quantity) -> float | None:
    """A point for a figure: its value, else the middle of a bounded interval, else its one end."""
    if q.value is not None:
        return q.value
    if q.low is not None and q.high is not None:
        return (q.low + q.high) / 2
    return q.low if q.low is not None else q.high


def _words(q: Quantity) -> str:
    """A figure as a person wrote it, or as its interval when it was built in code."""
    if q.text:
        return q.text
    unit = "" if q.unit is None else f" {q.unit}"
    return f"{_interval(q)}{unit}"


def _number(x: float) -> str:
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    for size, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "M")):
        if abs(x) >= size:
            return f"{x / size:.6g}{suffix}"
    return f"{x:.6g}"


def _percent(ratio: float) -> str:
    return f"{ratio * 100:.0f}%"


__all__ = ["compare", "consistent", "status_from_stances", "family"]
