"""Score find_quantities() on other projects' own test suites (docs/quantities.md, "Conformance").

Sources (read from ``<repo>/../shared/external``, or from ``tests/quantities/data`` when the
shared folder is not there), each under its own licence kept beside the data:

- Microsoft Recognizers-Text English specs (MIT): Number, NumberRange, Percent, Ordinal,
  Currency, Dimension, Temperature and Age models, default options only;
- quantulum3's ``quantities.json`` (MIT);
- number-parser's English CSVs of cardinals and ordinals in words (BSD-3-Clause).

Each expected result becomes an :class:`Expectation`; ``scope()`` says why one is outside
claimcheck's contract (relative ordinals, Indian digit grouping, power notation, units no news
figure uses ...). An in-scope expectation passes when a figure read from the input overlaps the
expected span, is of the expected kind (unit family) and has the expected value or interval;
a must-not-extract case passes when no figure of the model's kind is read.

Run ``python -m tests.quantities.conformance`` for the score by source and every failure.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from claimcheck.quantities.model import Qualifier, Quantity
from claimcheck.quantities.reader import find_quantities

REPOSITORY = Path(__file__).resolve().parents[2]
_CANDIDATES = (REPOSITORY.parent / "shared" / "external", Path(__file__).resolve().parent / "data")

# Recognizers-Text spec files in scope: default options only (the *ExperimentalMode,
# *PercentMode and SuppressExtendedTypes files test options claimcheck does not have).
RECOGNIZERS_FILES = {
    "Number/NumberModel.json": "number",
    "Number/NumberRangeModel.json": "range",
    "Number/PercentModel.json": "percent",
    "Number/OrdinalModel.json": "ordinal",
    "NumberWithUnit/CurrencyModel.json": "currency",
    "NumberWithUnit/DimensionModel.json": "dimension",
    "NumberWithUnit/TemperatureModel.json": "temperature",
    "NumberWithUnit/AgeModel.json": "age",
}

# Recognizers-Text unit names -> (claimcheck unit, factor). Units missing here are out of scope.
RECOGNIZERS_UNITS: dict[str, tuple[str, float]] = {
    "Dollar": ("USD", 1), "United States dollar": ("USD", 1), "Euro": ("EUR", 1),
    "Chinese yuan": ("CNY", 1), "Pound": ("GBP", 1), "British pound": ("GBP", 1),
    "Cent": ("USD", 0.01), "Canadian dollar": ("CAD", 1), "Japanese yen": ("JPY", 1),
    "Franc": ("CHF", 1), "Swiss franc": ("CHF", 1), "Australian dollar": ("AUD", 1),
    "Pence": ("GBP", 0.01), "Penny": ("GBP", 0.01), "Turkish lira": ("TRY", 1),
    "Rupee": ("INR", 1), "Mexican peso": ("MXN", 1), "Hong Kong dollar": ("HKD", 1),
    "New Zealand dollar": ("NZD", 1),
    "Foot": ("foot", 1), "Meter": ("meter", 1), "Mile": ("mile", 1), "Ton": ("ton", 1),
    "Metric ton": ("tonne", 1), "Kilometer per hour": ("kilometer_per_hour", 1),
    "Kilogram": ("kilogram", 1), "Inch": ("inch", 1), "Square meter": ("square_meter", 1),
    "Kilometer": ("kilometer", 1), "Millimeter": ("millimeter", 1), "Gallon": ("gallon", 1),
    "Milliliter": ("milliliter", 1), "Barrel": ("barrel", 1), "Ounce": ("ounce", 1),
    "Acre": ("acre", 1), "Cubic foot": ("cubic_foot", 1), "Mile per hour": ("mile_per_hour", 1),
    "Square kilometer": ("square_kilometer", 1), "Gram": ("gram", 1),
    "C": ("degree_Celsius", 1), "F": ("degree_Fahrenheit", 1), "Degree": ("degree", 1),
    "Year": ("year", 1), "Month": ("month", 1), "Week": ("week", 1), "Day": ("day", 1),
}
# In a Dimension case the weight "Pound" is a mass.
_DIMENSION_OVERRIDES = {"Pound": ("pound", 1)}

QUANTULUM_UNITS: dict[str, tuple[str | None, float]] = {
    "dimensionless": (None, 1), "mile": ("mile", 1), "inch": ("inch", 1), "year": ("year", 1),
    "degree Celsius": ("degree_Celsius", 1), "degree fahrenheit": ("degree_Fahrenheit", 1),
    "kilometre": ("kilometer", 1), "square kilometre": ("square_kilometer", 1),
    "metre": ("meter", 1), "euro": ("EUR", 1), "dollar": ("USD", 1), "day": ("day", 1),
    "month": ("month", 1), "hour": ("hour", 1), "gallon": ("gallon", 1), "week": ("week", 1),
    "pound sterling": ("GBP", 1), "nanometre": ("nanometer", 1), "litre": ("liter", 1),
    "percentage": ("percent", 1), "square mile": ("square_mile", 1), "tonne": ("tonne", 1),
    "megawatt hour": ("megawatt_hour", 1), "cent": ("USD", 0.01), "penny": ("GBP", 0.01),
    "kilometre per hour": ("kilometer_per_hour", 1), "kelvin": ("kelvin", 1),
    "kilogram": ("kilogram", 1), "pound-mass": ("pound", 1), "milligram": ("milligram", 1),
    "megabyte": ("megabyte", 1),
}

_FAMILY_OF_UNIT = {
    "percent": "percent", "percentage-point": "percent", "ordinal": "ordinal",
    "calendar-year": "number", "degree_Celsius": "temperature", "degree_Fahrenheit": "temperature",
    "delta_degree_Celsius": "temperature", "delta_degree_Fahrenheit": "temperature",
    "degree": "dimension", "year": "age", "month": "age", "week": "age", "day": "age",
}


def family(q: Quantity) -> str:
    """The Recognizers-Text model a claimcheck figure belongs to."""
    if q.unit is None:
        return "number"
    if re.fullmatch(r"[A-Z]{3}", q.unit):
        return "currency"
    return _FAMILY_OF_UNIT.get(q.unit, "dimension")


@attrs.frozen
class Expectation:
    source: str  # file the case comes from
    text: str  # the input
    model: str  # number | range | percent | ordinal | currency | dimension | temperature | age
    span: tuple[int, int] | None = None  # None: the input must yield no figure of this model
    value: float | None = None
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False
    unit: str | None = None
    out_of_scope: str | None = None  # why, when it is

    def label(self) -> str:
        what = "no figure" if self.span is None else repr(self.text[self.span[0] : self.span[1]])
        return f"[{self.source}] {self.text!r}: {what} {self.model} value={self.value} [{self.low}, {self.high}] unit={self.unit}"


# --- scope -------------------------------------------------------------------------------------

_INDIAN = re.compile(r"\d{1,2},\d{2},\d{2,3}")
_POWER = re.compile(r"\^|\d[eE][+-]?\d|x\s?10|×10", re.IGNORECASE)
_SPOKEN = re.compile(r"\b(point|naught|nought|oh|minus|negative|dzs?|doz|gross|score)\b", re.IGNORECASE)
_FRACTION_WORDS = re.compile(
    r"\b(over|in|out of|firsts?|seconds|elevenths?|twelfths?|thir\w*teenths?|\w+tieths?|hundredths?|thousandths?|millionths?|billionths?|trillionths?|\w+-\w+ths?)\b",
    re.IGNORECASE,
)
_SMALL = r"(a|an|one|two|three|four|five|six|seven|eight|nine|ten|half)"
_DENOMINATOR = r"(half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)"
_SIMPLE_FRACTION = re.compile(
    rf"^({_SMALL}[ -]{_DENOMINATOR}|[\w-]+ and (a|one) {_DENOMINATOR}|\d+ ?\d*/\d+|[\d ]*[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]"
    rf"|(a |one )?(half|quarter) (a |of a )?(million|billion|thousand|trillion)|{_SMALL} and a {_DENOMINATOR})$",
    re.IGNORECASE,
)
_NAME_WITH_DIGITS = re.compile(r"[A-Za-z]-?$")
_PHONE = re.compile(r"phone|\+\d|\d-\d{3}-\d{4}", re.IGNORECASE)


_COMPOUND = re.compile(
    r"(dollars?|usd|cents?|ft|feet|foot|inch(es)?|kuai|mao|yuan|pounds?)\s+(and\s+)?[\w-]", re.IGNORECASE
)
_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}")
_DOTTED = re.compile(r"\d+\.\d+\.\d+")
_AMBIGUOUS_DOT = re.compile(r"^\d{1,3}\.\d\d0$")
_COMMA_LIST = re.compile(r"\d,\d{1,2}(?!\d)")
_BOUNDS_PAIR = re.compile(r"\b(and|but)\b.*\b(than|least|most|below|above|under|over)\b", re.IGNORECASE)


def recognizers_scope(model: str, text: str, result: dict | None) -> str | None:
    """Why a Recognizers-Text expectation is outside claimcheck's contract, or None."""
    if result is None:
        return None
    span_text = result["Text"]
    if _COMPOUND.search(span_text):
        return "compound amounts (5 feet 2 inches, 3 dollars 50 cents)"
    if _DATE.search(text):
        return "dates (the day of month is not a figure, contract section 5)"
    if _DOTTED.search(text):
        return "dotted codes and IP addresses are identifiers"
    if _AMBIGUOUS_DOT.match(span_text):
        return "'4.800' with no comma decimal in the text: never guessed silently"
    if _COMMA_LIST.search(text) and model == "number":
        return "comma decimals or unspaced lists (1,3; 22,24,26)"
    if model == "range" and _BOUNDS_PAIR.search(span_text):
        return "two bounds joined by and/but (more than 10 and less than 20)"
    if model == "range" and re.search(r"tenth|fifteenth|first|second|third", span_text):
        return "ranges of ordinals"
    if "(" in span_text and "$" in span_text:
        return "accounting negatives ($99.99)"
    resolution = result.get("Resolution") or {}
    if result["TypeName"].startswith("ordinal.relative") or resolution.get("relativeTo") not in (None, "start"):
        return "relative ordinal (last, next, previous one)"
    if resolution.get("value") in (None, "null"):
        return "a unit named without a number"
    if resolution.get("subtype") == "power" or _POWER.search(span_text):
        return "power notation (1.3e6, 10^6)"
    if _INDIAN.search(span_text):
        return "Indian digit grouping (1,00,000)"
    if _SPOKEN.search(span_text):
        return "spoken forms (point five, minus, naught, dzs)"
    if resolution.get("subtype") == "fraction" and _FRACTION_WORDS.search(span_text):
        return "fractions beyond tenths and 'X over/in Y'"
    if resolution.get("subtype") == "fraction" and not _SIMPLE_FRACTION.match(span_text.strip()):
        return "compound fraction words (one hundred thirty fifths, six million and two thirds)"
    if _PHONE.search(text):
        return "phone numbers are not figures (contract, section 5)"
    start = result["Start"]
    if start > 0 and _NAME_WITH_DIGITS.search(text[max(0, start - 2) : start]) and text[start - 1] != " ":
        return "names with digits are not figures (SCP-173, contract, section 5)"
    if model in ("currency", "dimension", "temperature", "age"):
        unit = resolution.get("unit")
        if unit not in RECOGNIZERS_UNITS and not resolution.get("isoCurrency"):
            return f"unit outside news figures ({unit})"
        if resolution.get("isoCurrency") and unit not in RECOGNIZERS_UNITS:
            return f"currency outside the contract's list ({unit})"
    if model == "age" and unit_is_age_word(resolution.get("unit")):
        return "age as a bare word (age 87)"
    if model == "range" and ("=" in text or "equal" in span_text.lower() or "~" in span_text):
        return "equality and '~' range notation"
    if model == "number" and re.search(r"[a-z]\s*\d|\d\s*[A-Za-z]{2,}", span_text) and "," not in span_text:
        return None
    return None


def unit_is_age_word(unit: str | None) -> bool:
    return unit == "Age"


# --- reading the suites -----------------------------------------------------------------------


def external_root() -> Path | None:
    for root in _CANDIDATES:
        if (root / "recognizers").is_dir() or (root / "quantulum3").is_dir():
            return root
    return None


def _interval(notation: str) -> tuple[float | None, float | None, bool, bool]:
    m = re.fullmatch(r"\s*([\[(])\s*([^,]*),\s*([^\])]*)\s*([\])])\s*", notation)
    if not m:
        raise ValueError(notation)
    low = float(m.group(2)) if m.group(2).strip() else None
    high = float(m.group(3)) if m.group(3).strip() else None
    return low, high, m.group(1) == "(", m.group(4) == ")"


def recognizers_expectations(root: Path) -> Iterator[Expectation]:
    for name, model in RECOGNIZERS_FILES.items():
        path = root / "recognizers" / name
        if not path.exists():
            continue
        cases = json.loads(path.read_text(encoding="utf-8-sig"))
        source = f"recognizers/{name}"
        for case in cases:
            text = case["Input"]
            results = case.get("Results") or []
            if not results:
                yield Expectation(source, text, model)
                continue
            for result in results:
                reason = recognizers_scope(model, text, result)
                span = (result["Start"], result["End"] + 1)
                res = result.get("Resolution") or {}
                fields: dict = {"span": span, "out_of_scope": reason}
                if reason is None:
                    fields.update(_recognizers_value(model, res))
                yield Expectation(source, text, model, **fields)


def _recognizers_value(model: str, res: dict) -> dict:
    raw = res.get("value")
    if model == "range":
        low, high, lo_open, hi_open = _interval(raw)
        return {"low": low, "high": high, "low_open": lo_open, "high_open": hi_open}
    if model == "percent":
        return {"value": float(raw.rstrip("%")), "unit": "percent"}
    if model == "ordinal":
        return {"value": float(res.get("offset", raw)), "unit": "ordinal"}
    if model in ("currency", "dimension", "temperature", "age"):
        unit_name = res.get("unit")
        table = dict(RECOGNIZERS_UNITS)
        if model == "dimension":
            table.update(_DIMENSION_OVERRIDES)
        unit, factor = table.get(unit_name, (res.get("isoCurrency"), 1))
        if res.get("isoCurrency") and model == "currency":
            unit = res["isoCurrency"]
        return {"value": float(raw) * factor, "unit": unit}
    return {"value": float(raw)}


def quantulum_expectations(root: Path) -> Iterator[Expectation]:
    path = root / "quantulum3" / "quantities.json"
    if not path.exists():
        return
    source = "quantulum3/quantities.json"
    for case in json.loads(path.read_text(encoding="utf-8")):
        text = case["req"]
        if not case["res"]:
            if re.search(r"\b(1[0-9]|20)\d\d\b", text):
                yield Expectation(source, text, "any", out_of_scope="calendar years are figures (contract, section 5)")
            else:
                yield Expectation(source, text, "any")
            continue
        for res in case["res"]:
            start = text.find(res["surface"])
            span = (start, start + len(res["surface"]))
            mapped = QUANTULUM_UNITS.get(res["unit"])
            if mapped is None:
                yield Expectation(source, text, "any", span, out_of_scope=f"unit outside news figures ({res['unit']})")
                continue
            unit, factor = mapped
            value = float(res["value"]) * factor
            if re.fullmatch(r"\d{4}", res["surface"]) and res["surface"] + "s" in text:
                yield Expectation(source, text, "any", span, out_of_scope="decades (the 1960s) are a span of calendar years")
                continue
            if res["surface"].startswith("(") and value < 0:
                yield Expectation(source, text, "any", span, out_of_scope="accounting negatives ($99.99)")
                continue
            uncertainty = res.get("uncertainty")
            if uncertainty and "+/-" in res["surface"]:
                yield Expectation(source, text, "any", span, out_of_scope="measurement uncertainty (+/-)")
                continue
            if uncertainty:
                yield Expectation(source, text, "range", span, low=value - uncertainty * factor,
                                  high=value + uncertainty * factor, unit=unit)
            else:
                yield Expectation(source, text, "quantulum", span, value=value, unit=unit)


def number_parser_expectations(root: Path) -> Iterator[Expectation]:
    base = root / "number_parser"
    if not base.is_dir():
        return
    for path in sorted(base.glob("*/en_*.csv")):
        ordinal = "ordinal" in path.parent.name
        source = f"number_parser/{path.parent.name}/{path.name}"
        with path.open(encoding="utf-8") as stream:
            for row in csv.DictReader(stream):
                text = row["text"].strip()
                yield Expectation(source, text, "ordinal" if ordinal else "number", (0, len(text)),
                                  value=float(row["number"]), unit="ordinal" if ordinal else None)


def all_expectations(root: Path | None = None) -> list[Expectation]:
    root = root or external_root()
    if root is None:
        return []
    return [*recognizers_expectations(root), *quantulum_expectations(root), *number_parser_expectations(root)]


# --- checking ---------------------------------------------------------------------------------


def _close(a: float | None, b: float | None, tol: float = 1e-6) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=tol, abs_tol=1e-9)


def _value_of(q: Quantity) -> float | None:
    """The written value of a figure (a range has none)."""
    if q.qualifier is Qualifier.RANGE or q.qualifier is Qualifier.VAGUE:
        return None
    return q.value


def _unit_ok(q: Quantity, exp: Expectation) -> bool:
    if exp.unit == q.unit:
        return True
    if exp.model == "number":
        return True  # the Number model reads the number whatever its unit
    if exp.model == "quantulum" and exp.unit is None:
        return q.unit in (None, "calendar-year", "ordinal")
    if exp.unit == "degree_Celsius" and q.unit in ("delta_degree_Celsius", "degree"):
        return True
    if exp.unit == "degree" and q.unit in ("degree_Celsius", "degree_Fahrenheit", "delta_degree_Celsius"):
        return True
    return False


def passes(exp: Expectation, found: list[Quantity]) -> bool:
    if exp.span is None:
        if exp.model == "number":
            # the Number model leaves numbers with units to the unit models
            return not any(q.unit in (None, "calendar-year", "ordinal") for q in found)
        if exp.model == "any":
            return not found
        if exp.model == "range":
            return not any(q.qualifier not in (Qualifier.EXACT, Qualifier.ROUNDED) for q in found)
        return not any(family(q) == exp.model for q in found)
    a, b = exp.span
    near = [q for q in found if q.start < b and a < q.end]
    for q in near:
        if exp.model == "range":
            low = q.low if q.low not in (0.0,) or exp.low is not None else None
            if not (_close(low, exp.low) and _close(q.high, exp.high)):
                continue
            one_sided = exp.low is None or exp.high is None
            if one_sided and exp.low is not None and q.low_open != exp.low_open:
                continue
            if one_sided and exp.high is not None and q.high_open != exp.high_open:
                continue
            if exp.unit is not None and q.unit != exp.unit:
                continue
            return True
        if not _unit_ok(q, exp):
            continue
        if _close(_value_of(q), exp.value):
            return True
        # a peer that reads one end of a range ("eight to 10 feet" -> 10 feet) agrees with it
        if q.qualifier is Qualifier.RANGE and (_close(q.low, exp.value) or _close(q.high, exp.value)):
            return True
    return False


@attrs.frozen
class Score:
    passed: int
    in_scope: int
    out_of_scope: Counter
    failures: list[str]
    by_source: dict[str, tuple[int, int]]

    @property
    def rate(self) -> float:
        return self.passed / self.in_scope if self.in_scope else 1.0


def score(expectations: Iterable[Expectation]) -> Score:
    passed = in_scope = 0
    skipped: Counter = Counter()
    failures: list[str] = []
    by_source: dict[str, list[int]] = {}
    cache: dict[str, list[Quantity]] = {}
    for exp in expectations:
        if exp.out_of_scope:
            skipped[exp.out_of_scope] += 1
            continue
        found = cache.get(exp.text)
        if found is None:
            found = cache[exp.text] = find_quantities(exp.text)
        ok = passes(exp, found)
        counts = by_source.setdefault(exp.source, [0, 0])
        counts[1] += 1
        in_scope += 1
        if ok:
            passed += 1
            counts[0] += 1
        else:
            failures.append(f"{exp.label()}\n    read: {[(q.text, q.low, q.high, q.unit) for q in found]}")
    return Score(passed, in_scope, skipped, failures, {k: (v[0], v[1]) for k, v in by_source.items()})


def main() -> None:  # pragma: no cover - a report for people
    result = score(all_expectations())
    for source, (ok, total) in sorted(result.by_source.items()):
        print(f"{source:70s} {ok:4d}/{total:4d}  {ok / total:6.1%}")
    print(f"in scope: {result.passed}/{result.in_scope} = {result.rate:.1%}")
    print("out of scope:")
    for reason, count in result.out_of_scope.most_common():
        print(f"  {count:4d}  {reason}")
    print("failures:")
    for line in result.failures:
        print("  " + line)


if __name__ == "__main__":  # pragma: no cover
    main()
