"""statistics-table: check a claim's figure against a table of official statistics in the project.

"Robo-checking" against official data: a newsroom keeps the official figures it checks against
most often (population, unemployment, budget lines) in one CSV file in the claims project, with
where each figure comes from. This verifier finds the
row whose ``measure`` matches the claim's measure (rapidfuzz), reads the claim's figure with the
quantity engine and compares the two (``claimcheck.quantities.compare``).

The table (``data/statistics.csv`` unless ``[verifiers.statistics-table] path`` says otherwise)::

    measure,value,low,high,unit,date,source_url,source_title
    population of Belarus,9155000,,,,2023-01-01,https://www.belstat.gov.by/...,Belstat: population
    unemployment rate in Belarus,3.6,,,percent,2022-12-31,https://...,Belstat: labour market

- ``measure`` (required): what the figure counts, in words, like a claim's ``measure:``;
- ``value``, or ``low`` and ``high`` (a range; either end may stay empty): the figure. A value
  is taken as exact: an official statistic is the figure itself, not a rounded mention of it;
- ``unit``: empty for a count, else a unit the quantity engine reads (``percent``, ``%``,
  ``EUR``, ``euros``, ``km``, ``tonnes`` ...);
- ``date``: the day the figure is for (YYYY-MM-DD); with several rows for one measure the
  verifier takes the latest one on or before the claim's date;
- ``source_url``, ``source_title``, ``publisher``: where the figure comes from (the source
  added to the claim). Without a URL, the table itself is the source.

Written against the public API only (``claimcheck``, ``claimcheck.quantities``), like any
third-party plugin; docs/writing-plugins.md walks through it.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from claimcheck import Claim, Context, Source, SourceRefused, Stance, Verdict, VerdictStatus, hookimpl

DEFAULT_PATH = "data/statistics.csv"
#: rapidfuzz token_set_ratio (0-100) a row's measure needs to count as the claim's measure.
#: 85 keeps "population of Poland" (79 against "population of Belarus") apart while accepting
#: rewordings such as "political detentions in Belarus" for "people detained ... in Belarus" (87).
DEFAULT_MIN_SCORE = 85.0
#: Confidence of a supported/refuted verdict when the measure matches exactly; it scales down
#: with the match score. Not 1.0: the measure match is by words, and words can mislead.
TOP_CONFIDENCE = 0.9

_STANCE_TO_STATUS = {
    "supports": VerdictStatus.SUPPORTED,
    "refutes": VerdictStatus.REFUTED,
    "inconclusive": VerdictStatus.NOT_ENOUGH_EVIDENCE,
    "no-figure": VerdictStatus.NOT_ENOUGH_EVIDENCE,
}


class TableError(ValueError):
    """The statistics table cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Row:
    """One official figure of the table."""

    line: int
    measure: str
    low: float | None
    high: float | None
    unit: str | None
    date: dt.date | None
    source_url: str | None
    source_title: str | None
    publisher: str | None
    text: str  # the figure as written in the table, with its unit: "9155000", "3.6 percent"

    def quantity(self) -> Any:
        from claimcheck.quantities import Qualifier, Quantity

        exact = self.low == self.high
        return Quantity(
            start=0, end=len(self.text), text=self.text, low=self.low, high=self.high, unit=self.unit,
            qualifier=Qualifier.EXACT if exact else Qualifier.RANGE, value=self.low if exact else None,
        )


# -- reading the table ---------------------------------------------------------------------------


def _number(raw: str, where: str, column: str) -> float | None:
    text = raw.strip().replace(",", "").replace("_", "").replace(" ", "")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise TableError(f"{where}: {column} {raw.strip()!r} is not a number (write 9155000 or 9,155,000)") from None


@lru_cache(maxsize=256)
def _unit(raw: str) -> str | None:
    """The quantity engine's name for a unit written in the table (``%`` -> ``percent``)."""
    raw = raw.strip()
    if not raw:
        return None
    from claimcheck.quantities import find_quantities

    found = find_quantities(f"2 {raw}")
    if len(found) == 1 and found[0].unit is not None:
        return found[0].unit
    return raw  # the engine's own names (percentage-point, calendar-year) and units it does not read


def _date(raw: str, where: str) -> dt.date | None:
    raw = raw.strip()
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        pass
    if raw.isdigit() and len(raw) == 4:  # a year: the figure for the year, dated at its end
        return dt.date(int(raw), 12, 31)
    raise TableError(f"{where}: date {raw!r} is not a date (write YYYY-MM-DD or a year)")


def read_table(path: Path, label: str) -> list[Row]:
    """Every row of the CSV file at ``path`` (``label`` names it in messages)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = {c.strip().lower() for c in reader.fieldnames or ()}
            if "measure" not in columns or not ({"value", "low", "high"} & columns):
                raise TableError(
                    f"{label}: needs a 'measure' column and a 'value' column (or 'low'/'high'); "
                    f"found: {', '.join(sorted(columns)) or 'nothing'}"
                )
            rows = []
            for record in reader:
                cells = {(k or "").strip().lower(): (v or "") for k, v in record.items() if isinstance(v, str)}
                where = f"{label}:{reader.line_num}"
                measure = " ".join(cells.get("measure", "").split())
                if not measure:
                    continue  # blank lines and rows without a measure are comments, in effect
                value = _number(cells.get("value", ""), where, "value")
                low = _number(cells.get("low", ""), where, "low")
                high = _number(cells.get("high", ""), where, "high")
                if value is not None:
                    low = high = value
                if low is None and high is None:
                    raise TableError(f"{where}: {measure!r} has no value (fill 'value', or 'low'/'high')")
                if low is not None and high is not None and low > high:
                    raise TableError(f"{where}: low {low:g} is above high {high:g}")
                raw_unit = cells.get("unit", "")
                if low == high:
                    figure = cells.get("value", "").strip() or f"{low:g}"
                else:
                    figure = f"{'' if low is None else f'{low:g}'}-{'' if high is None else f'{high:g}'}"
                rows.append(Row(
                    line=reader.line_num, measure=measure, low=low, high=high, unit=_unit(raw_unit),
                    date=_date(cells.get("date", ""), where),
                    source_url=cells.get("source_url", "").strip() or None,
                    source_title=cells.get("source_title", "").strip() or None,
                    publisher=cells.get("publisher", "").strip() or None,
                    text=f"{figure} {raw_unit.strip()}".strip(),
                ))
            return rows
    except UnicodeDecodeError:
        raise TableError(f"{label}: not UTF-8 text (save the CSV as UTF-8)") from None
    except csv.Error as exc:
        raise TableError(f"{label}: not a readable CSV file: {exc}") from None


_TABLES: dict[Path, tuple[tuple[int, int], list[Row]]] = {}


def load_table(path: Path, label: str) -> list[Row]:
    """``read_table``, read once per run (and again only when the file changes)."""
    stat = path.stat()
    key = (stat.st_mtime_ns, stat.st_size)
    cached = _TABLES.get(path)
    if cached is None or cached[0] != key:
        cached = (key, read_table(path, label))
        _TABLES[path] = cached
    return cached[1]


# -- matching ------------------------------------------------------------------------------------


def best_rows(query: str, rows: list[Row], min_score: float) -> tuple[list[Row], float]:
    """The rows of the measure that best matches ``query``, with the score (0-100)."""
    from rapidfuzz import fuzz, process, utils

    measures = list(dict.fromkeys(r.measure for r in rows))
    match = process.extractOne(query, measures, scorer=fuzz.token_set_ratio, processor=utils.default_process,
                               score_cutoff=min_score)
    if match is None:
        return [], 0.0
    measure, score, _ = match
    return [r for r in rows if r.measure == measure], float(score)


def pick_row(rows: list[Row], on: dt.date | None) -> Row:
    """The figure in force on ``on``: the latest dated on or before it (else the earliest after);
    without a date, the latest. Undated rows count only when no row has a date."""
    dated = sorted((r for r in rows if r.date is not None), key=lambda r: r.date)
    if not dated:
        return rows[-1]
    if on is None:
        return dated[-1]
    before = [r for r in dated if r.date <= on]
    return before[-1] if before else dated[0]


def claimed_quantity(claim: Claim) -> Any:
    """The claim's figure: read from ``figure``, else the first figure of the claim that is not
    a calendar year ("since 2020" dates a claim; it is rarely what it counts)."""
    from claimcheck.quantities import find_quantities

    if claim.figure:
        found = find_quantities(claim.figure)
        return found[0] if found else None
    for q in find_quantities(claim.claim):
        if q.unit != "calendar-year":
            return q
    return None


# -- the verifier --------------------------------------------------------------------------------


class StatisticsTable:
    name = "statistics-table"
    description = "Checks a claim's figure against a CSV of official statistics in the project (data/statistics.csv)."
    version = "1.0.0"

    def _path(self, ctx: Context) -> tuple[Path, str]:
        rel = str(ctx.setting("path", DEFAULT_PATH))
        return ctx.resolve_local(rel), rel

    def unavailable(self, ctx: Context) -> str | None:
        """Skipped for the whole run (one line) when the project has no table."""
        try:
            path, rel = self._path(ctx)
        except SourceRefused as exc:  # a path outside the project
            return str(exc)
        if not path.is_file():
            return f"no statistics table at {rel} (set [verifiers.statistics-table] path in claimcheck.toml)"
        return None

    def applies_to(self, claim: Claim) -> bool:
        return claim.figure is not None or any(ch.isdigit() for ch in claim.claim)

    async def verify(self, claim: Claim, ctx: Context) -> Verdict | None:
        from claimcheck.quantities import compare

        path, rel = self._path(ctx)
        rows = load_table(path, rel)
        claimed = claimed_quantity(claim)
        if claimed is None or not rows:
            return None  # nothing to compare: say nothing rather than "not enough evidence"
        min_score = float(ctx.setting("min_score", DEFAULT_MIN_SCORE))
        matches, score = best_rows(claim.measure or claim.claim, rows, min_score)
        if not matches:
            return None  # the table has no figure for this measure
        row = pick_row(matches, claim.date)
        stance = compare(claimed, row.quantity(), on=claim.date or row.date)
        kind = stance.kind.value
        status = _STANCE_TO_STATUS[kind]
        confidence = round(TOP_CONFIDENCE * score / 100, 2) if status in (VerdictStatus.SUPPORTED, VerdictStatus.REFUTED) else None
        dated = f" on {row.date.isoformat()}" if row.date else ""
        source = Source(
            url=row.source_url or rel,
            title=row.source_title or f"{rel}, line {row.line}",
            publisher=row.publisher,
            published=row.date,
            excerpt=f"{row.measure}: {row.text}{dated}",
            stance=Stance(kind),
        )
        match_words = "" if score >= 100 else f" (measure matched {score:.0f}%)"
        return Verdict(
            status=status,
            confidence=confidence,
            note=f"{row.measure}{dated}: {row.text}, {rel} line {row.line}{match_words}; {stance.reason}",
            sources=(source,),
        )


@hookimpl
def register_verifiers(register: Any) -> None:
    register(StatisticsTable())
