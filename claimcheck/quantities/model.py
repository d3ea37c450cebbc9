"""The value types of the quantity engine: a figure read from text, and a stance."""

from __future__ import annotations

import enum

import attrs


class Qualifier(str, enum.Enum):
    """How the words around a number shape its interval (contract, section 1)."""

    EXACT = "exact"
    ROUNDED = "rounded"
    ABOUT = "about"
    MORE_THAN = "more-than"
    AT_LEAST = "at-least"
    NEARLY = "nearly"
    LESS_THAN = "less-than"
    AT_MOST = "at-most"
    RANGE = "range"
    VAGUE = "vague"


@attrs.frozen
class Quantity:
    """One figure read from text: an interval with a unit, and the words it came from.

    ``low``/``high`` are ``None`` when that end is unbounded (then it is open too).
    ``unit`` is ``None`` for plain counts, else ``percent``, ``percentage-point``,
    ``calendar-year``, ``ordinal``, an ISO 4217 code (``EUR``) or a pint unit name
    (``kilometer``, ``year`` for a duration, ``degree_Celsius`` ...).
    """

    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    low_open: bool = False
    high_open: bool = False
    unit: str | None = None
    qualifier: Qualifier = Qualifier.EXACT
    value: float | None = None

    def to_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "low": self.low,
            "high": self.high,
            "low_open": self.low_open,
            "high_open": self.high_open,
            "unit": self.unit,
            "qualifier": self.qualifier.value,
            "value": self.value,
        }


class StanceKind(str, enum.Enum):
    SUPPORTS = "supports"
    REFUTES = "refutes"
    INCONCLUSIVE = "inconclusive"
    NO_FIGURE = "no-figure"


@attrs.frozen
class Stance:
    """What one found figure says about a claimed one, with a short human reason."""

    kind: StanceKind
    reason: str
